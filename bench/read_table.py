"""Benchmark: RFC_READ_TABLE of 1,000 MARA rows over SOAP-RFC, latency per call and rows/s.

One client calls ``fake-sap serve --workers 2`` sequentially (one call in flight), so the
figures are the cost of one call, not the server's capacity. Three shapes of the same read:
all fields, four fields, and four fields with a WHERE clause that every row passes (so the
row count stays 1,000 and only the condition's cost is added).

Also home of the small SOAP-RFC client the ``bapi-orders`` benchmark uses.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import httpx
from lxml import etree

from bench.harness import Report, Target
from bench.processes import AUTH, CLIENT, fake_sap, scratch_dir, workers_cpu_seconds
from sap_client.tls import default_tls_context

NAME = "read-table"
#: the median call of each shape, 1,000 rows
TARGET_P50_MS = 10.0
WORKERS = 2
ROWS = 1_000
#: seeded alongside the materials; a handful, RFC_READ_TABLE reads only MARA
CUSTOMERS = 10
RUNS = 3
CALLS_PER_RUN, QUICK_CALLS_PER_RUN = 30, 5
#: the first calls of each worker pay for lazy imports and a cold SQLite page cache
WARM_UP_CALLS = 4

RFC_NS = "urn:sap-com:document:sap:rfc:functions"
SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
RFC_PATH = f"/sap/bc/soap/rfc?sap-client={CLIENT}"
SOAP_HEADERS = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": RFC_NS}
NARROW_FIELDS = ["MATNR", "MTART", "MATKL", "MEINS"]
#: the "all fields" shape: MARA's fields before it carried SAP's full list (its full row no
#: longer fits a DATA line: DATA_BUFFER_EXCEEDED, as in SAP), so that figures stay comparable
WIDE_FIELDS = ["MANDT", "MATNR", "ERSDA", "ERNAM", "LAEDA", "AENAM", "LVORM", "MTART", "MBRSH",
               "MATKL", "BISMT", "MEINS", "BRGEW", "NTGEW", "GEWEI", "SPART", "MTPOS_MARA"]


# -- a minimal SOAP-RFC client ---------------------------------------------------------------

def rfc_http(url: str) -> httpx.Client:
    """One SAP session: an HTTP client whose cookie jar keeps ``SAP_SESSIONID_FAK_100``."""
    return httpx.Client(base_url=url, auth=AUTH, timeout=60.0, verify=default_tls_context())


def envelope(function: str, params: Mapping[str, Any]) -> bytes:
    """A SOAP-RFC request: scalars as text, structures as dicts, tables as lists of dicts."""
    return (f'<env:Envelope xmlns:env="{SOAP_NS}"><env:Body><n1:{function} xmlns:n1="{RFC_NS}">'
            f"{_parameters(params)}</n1:{function}></env:Body></env:Envelope>").encode()


def _parameters(params: Mapping[str, Any]) -> str:
    parts = []
    for name, value in params.items():
        if isinstance(value, list):
            inner = "".join(f"<item>{_parameters(row)}</item>" for row in value)
        elif isinstance(value, Mapping):
            inner = _parameters(value)
        else:
            inner = escape(str(value))
        parts.append(f"<{name}>{inner}</{name}>")
    return "".join(parts)


def post(http: httpx.Client, body: bytes, path: str = RFC_PATH) -> httpx.Response:
    """A SOAP-RFC call (to fake-sap's endpoint unless ``path`` names another)."""
    response = http.post(path, content=body, headers=SOAP_HEADERS)
    if response.status_code != 200:
        raise RuntimeError(f"SOAP-RFC call failed with HTTP {response.status_code}: "
                           f"{response.text[:500]}")
    return response


def read_table_request(table: str, fields: Sequence[str] = (), where: str = "") -> bytes:
    return envelope("RFC_READ_TABLE", {
        "QUERY_TABLE": table, "DELIMITER": "|",
        "OPTIONS": [{"TEXT": line} for line in _option_lines(where)],
        "FIELDS": [{"FIELDNAME": name} for name in fields]})


def _option_lines(where: str) -> list[str]:
    """OPTIONS rows hold 72 characters; the server joins them with a blank."""
    lines: list[str] = []
    for word in where.split():
        if lines and len(lines[-1]) + 1 + len(word) <= 72:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def data_lines(response: httpx.Response) -> list[str]:
    """The WA texts of an RFC_READ_TABLE response's DATA table."""
    root = etree.fromstring(response.content)
    data = next(root.iter(f"{{{RFC_NS}}}RFC_READ_TABLE.Response")).find("DATA")
    return [item.findtext("WA") or "" for item in data] if data is not None else []


def seed(url: str, materials: int, customers: int, initial_stock: str) -> dict[str, Any]:
    """Master data in client 100 through the control API (materials with stock in plant
    1000 / 0001, provincial centers and their outlets)."""
    response = httpx.post(f"{url}/_fake/clients/{CLIENT}/seed", timeout=300.0, json={
        "materials": materials, "customers": customers, "initial_stock": initial_stock})
    response.raise_for_status()
    return dict(response.json())


# -- the benchmark ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Shape:
    label: str
    fields: list[str]
    where: str = ""


def shapes(materials: list[str]) -> list[Shape]:
    where = (f"MATNR BETWEEN '{materials[0]}' AND '{materials[-1]}' "
             "AND MTART IN ('ERSA', 'HAWA', 'FERT') AND LVORM = ''")
    return [Shape("all fields", WIDE_FIELDS),
            Shape(f"{len(NARROW_FIELDS)} fields", NARROW_FIELDS),
            Shape(f"{len(NARROW_FIELDS)} fields + WHERE", NARROW_FIELDS, where)]


def run(quick: bool) -> Report:
    calls, runs = (QUICK_CALLS_PER_RUN, 1) if quick else (CALLS_PER_RUN, RUNS)
    report = Report(NAME, f"RFC_READ_TABLE MARA, {ROWS:,} rows, one caller",
                    f"{calls} sequential POST {RFC_PATH} per shape and run, {runs} run(s) "
                    f"(fake-sap serve --workers {WORKERS}, SQLite, {ROWS:,} seeded materials)")
    with scratch_dir() as tmp, fake_sap(tmp / "sap.db", workers=WORKERS) as sap:
        materials = seed(sap.url, ROWS, CUSTOMERS, "0")["materials"]
        cases = shapes(materials)
        metrics = {case.label: (report.metric(f"{case.label}: latency p50", "ms",
                                              Target(TARGET_P50_MS, at_least=False)),
                                report.metric(f"{case.label}: latency p95", "ms"),
                                report.metric(f"{case.label}: rows", "/s"),
                                report.metric(f"{case.label}: worker CPU per call", "ms"))
                   for case in cases}
        with rfc_http(sap.url) as http:
            for case in cases:
                body = read_table_request("MARA", case.fields, case.where)
                for _ in range(WARM_UP_CALLS):
                    _expect_rows(post(http, body), case)
                report.notes.append(f"{case.label}: {_describe(case)}; "
                                    f"{_response_size(http, body)}")
            for _ in range(runs):
                for case in cases:
                    p50, p95, rate, cpu = metrics[case.label]
                    cpu_before = workers_cpu_seconds(sap.process.pid)
                    latencies = _timed_calls(http, read_table_request(
                        "MARA", case.fields, case.where), case, calls)
                    cpu.runs.append(1000 * (workers_cpu_seconds(sap.process.pid) - cpu_before)
                                    / calls)
                    p50.runs.append(statistics.median(latencies))
                    p95.runs.append(percentile(latencies, 95))
                    rate.runs.append(ROWS / (statistics.median(latencies) / 1000))
    report.notes.append("latency = request sent until the whole response is read, on one "
                        "kept-alive connection (gthread workers); rows/s = 1,000 / median "
                        "latency")
    return report


def _timed_calls(http: httpx.Client, body: bytes, case: Shape, calls: int) -> list[float]:
    latencies = []
    for _ in range(calls):
        started = time.perf_counter()
        response = post(http, body)
        latencies.append(1000 * (time.perf_counter() - started))
        _expect_rows(response, case)  # parsed outside the timing: the client's cost
    return latencies


def _expect_rows(response: httpx.Response, case: Shape) -> None:
    lines = data_lines(response)
    if len(lines) != ROWS:
        raise RuntimeError(f"RFC_READ_TABLE ({case.label}) returned {len(lines)} rows, "
                           f"expected {ROWS}")


def _describe(case: Shape) -> str:
    fields = ("the 17 fields MARA had before its full field list (MANDT too)"
              if case.fields == WIDE_FIELDS else ", ".join(case.fields))
    return f"FIELDS {fields}" + (f"; OPTIONS {case.where}" if case.where else "")


def _response_size(http: httpx.Client, body: bytes) -> str:
    response = post(http, body)
    width = len(data_lines(response)[0])
    return f"{len(body):,} bytes request, {len(response.content):,} bytes response, " \
           f"{width} characters per DATA line"


def percentile(values: list[float], share: int) -> float:
    """The nearest-rank percentile: the smallest value with ``share`` % at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-share * len(ordered) // 100))
    return ordered[rank - 1]
