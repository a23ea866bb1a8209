"""One TLS context for every HTTP client a process builds.

httpx builds a fresh SSL context for each client it is given ``verify=True``, which loads
the CA bundle: tens of milliseconds of CPU per client, far more than the RFC_PING a
:class:`sap_client.rfc.Connection` sends when it opens. Connections are opened per unit of
work (the adapter opens one per outbox job, a test per scenario), so they share this one,
built the way httpx builds its default (certifi, or ``SSL_CERT_FILE``/``SSL_CERT_DIR``).
An ``ssl.SSLContext`` may be shared between clients and threads once it is configured.
"""

from __future__ import annotations

import ssl
from functools import cache

import httpx


@cache
def default_tls_context() -> ssl.SSLContext:
    """The context httpx would build for ``verify=True``, built once per process."""
    return httpx.create_ssl_context()


def tls_verification(verify: bool | str | ssl.SSLContext) -> bool | str | ssl.SSLContext:
    """What to give httpx for a caller's ``verify``: the shared context instead of ``True``."""
    return default_tls_context() if verify is True else verify
