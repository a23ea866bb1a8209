# The CRM adapter: its API and IDoc receiver (serve) or its outbox worker (worker). Build from
# the repository root:
#   docker build -f docker/crm_adapter.Dockerfile -t crm-adapter .
#   docker run --rm -p 8001:8001 -e CRM_ADAPTER_SAP_URL=http://sap-host:8000 crm-adapter
# Only the adapter and the SAP client package it talks to SAP with go in, never the emulator.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY schema_migrations ./schema_migrations
COPY store_engines ./store_engines
COPY sap_client ./sap_client
COPY crm_adapter ./crm_adapter
RUN pip install . && useradd --create-home --uid 10001 crm && mkdir -p /data && chown crm /data

USER crm
VOLUME ["/data"]
EXPOSE 8001

# The adapter's health path; a container running `worker` serves no HTTP and turns the check
# off (docker/compose.yaml)
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8001/health', timeout=2)"]

ENTRYPOINT ["crm-adapter"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8001"]
