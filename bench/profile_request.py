"""Where one request's CPU goes: ``python -m bench.profile_request inbound|packet|rfc|ping [-n N]``.

Builds the emulator's WSGI app in this process on a scratch SQLite file, sends N requests
through Flask's test client (no sockets, no gunicorn) and prints:

- CPU per request (``time.process_time`` over rounds of N requests, without the
  profiler): the best and the median round, and per IDoc for a packet;
- the garbage collector's share of it: collections of each generation and their CPU time
  in the timed rounds (``gc.callbacks`` only observe; no setting is changed);
- SQL statements (``BEGIN`` and ``COMMIT`` included, each row of a many-row INSERT on its
  own) and transactions per request, from SQLite's trace of each connection;
- for a single IDoc, the pages SQLite writes to its write-ahead log per request (one more
  round, with the log emptied first and not checkpointed while it runs), and which table or
  index they belong to (SQLite's ``dbstat``);
- for a packet, the objects the garbage collector tracks that a chunk of IDocs holds when
  it is written, per IDoc (``gc.get_objects`` after a full collection, in one more request
  outside the timed rounds; these are what young collections promote, and promoted objects
  bring on the full collections);
- for a packet, the wall time per IDoc (``time.perf_counter`` over the same rounds);
- for a packet, the CPU per IDoc of each phase (reading and parsing, the checks, the
  look-ups of a chunk, mapping to the command, planning the rows, posting, the writes of
  IDoc, status and material rows), from timers put around the processor's steps for three
  more requests outside the timed rounds;
- the top functions by cumulative and by own time, from a second, profiled run.

The kinds of request:

- ``inbound``: one unique MATMAS05 per ``POST /sap/bc/idoc_xml``, posted to status 53;
- ``packet``: a document of 1,000 unique MATMAS05 per POST (the packet path: chunks, bulk
  writes), every IDoc posted to status 53;
- ``rfc``: a sales order, ``BAPI_SALESORDER_CREATEFROMDAT2`` then ``BAPI_TRANSACTION_COMMIT``
  in one SAP session (figures per request, i.e. half an order);
- ``ping``: ``RFC_PING`` over SOAP-RFC, the fixed cost of the SOAP path alone;
- ``logon``: ``RFC_PING`` without the session cookie, so each is a new SAP session (the
  logon of a new ``sap_client.rfc.Connection``).

The figures come from one thread without network I/O, so they show the emulator's own cost;
``make bench`` measures the served figures.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from bench.matmas import DOCUMENT_HEAD, DOCUMENT_TAIL, document, idoc
from bench.processes import AUTH, CLIENT, scratch_dir
from bench.read_table import RFC_PATH, SOAP_HEADERS, envelope
from fake_sap.ale.inbound.processor import InboundProcessor
from fake_sap.app import create_app, prepare_database
from fake_sap.config import Settings
from fake_sap.http.runtime import runtime
from fake_sap.http.soap_rfc import session_cookie

WARM_UP_REQUESTS = 50
#: rounds of N requests timed without the profiler
ROUNDS = 3
IDOC_PATH = f"/sap/bc/idoc_xml?sap-client={CLIENT}"
SALES_AREA = {"SALES_ORG": "1000", "DISTR_CHAN": "10", "DIVISION": "00"}
SEEDED_MATERIALS, SEEDED_CUSTOMERS = 50, 10


@dataclass
class SqlCounts:
    statements: int = 0
    transactions: int = 0


@contextmanager
def counted_sql(app: Flask) -> Iterator[SqlCounts]:
    """Every statement sent to SQLite and every transaction, as SQLite's trace reports
    them: statements run on a driver connection count as well as SQLAlchemy's."""
    engine = runtime_of(app).db.engine
    counts = SqlCounts()

    def on_statement(sql: str) -> None:
        counts.statements += 1
        if sql.startswith("BEGIN"):
            counts.transactions += 1

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(on_statement)

    engine.dispose()  # new connections, each traced from the start
    event.listen(engine, "connect", on_connect)
    try:
        yield counts
    finally:
        event.remove(engine, "connect", on_connect)
        engine.dispose()


@dataclass
class WalPages:
    """Pages written to SQLite's write-ahead log per request, in all and per b-tree (a
    table, an index, or ``sqlite_schema`` for the database header on page 1)."""

    per_request: float
    by_btree: dict[str, float] = field(default_factory=dict)


def wal_frames_per_request(app: Flask, send: Request, serial: Iterator[int],
                           requests: int) -> WalPages | None:
    """Pages written to SQLite's write-ahead log per request (each frame is one page), in
    one more round of ``requests`` outside the timed ones: the log is emptied first and
    not checkpointed during the round, so its frames are every page written. Each frame
    names its page, which SQLite's ``dbstat`` table maps to the table or index that owns it
    (no breakdown where SQLite was built without it). None when the database is no SQLite
    file."""
    engine = runtime_of(app).db.engine
    wal = Path(f"{engine.url.database}-wal") if engine.url.database else None
    if wal is None or engine.dialect.name != "sqlite":
        return None

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")

    engine.dispose()
    event.listen(engine, "connect", on_connect)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            page_size = int(conn.exec_driver_sql("PRAGMA page_size").scalar_one())
        for _ in range(requests):
            send(next(serial))
        pages = _wal_page_numbers(wal.read_bytes(), page_size)
        with engine.connect() as conn:
            owners = _page_owners(conn)
    finally:
        event.remove(engine, "connect", on_connect)
        engine.dispose()
    by_btree: dict[str, float] = {}
    if owners:
        for page in pages:
            name = owners.get(page, "(free or new)")
            by_btree[name] = by_btree.get(name, 0) + 1 / requests
    return WalPages(len(pages) / requests, by_btree)


def _wal_page_numbers(log: bytes, page_size: int) -> list[int]:
    """The page number of each frame: the log's header (32 bytes), then per frame a
    24-byte header, which starts with the page number, and the page."""
    frame = 24 + page_size
    return [int.from_bytes(log[start:start + 4], "big")
            for start in range(32, len(log) - frame + 1, frame)]


def _page_owners(conn: Any) -> dict[int, str]:
    try:
        return {int(page): str(name) for name, page in conn.exec_driver_sql(
            "SELECT name, pageno FROM dbstat")}
    except Exception:  # SQLite without the dbstat table: the total only
        return {}


def runtime_of(app: Flask) -> Any:
    with app.app_context():
        return runtime()


# -- the requests ----------------------------------------------------------------------------

Request = Callable[[int], None]


def inbound_request(client: FlaskClient) -> Request:
    def send(n: int) -> None:
        body = f"{DOCUMENT_HEAD}{idoc(1_000_000 + n)}{DOCUMENT_TAIL}".encode()
        response = client.post(IDOC_PATH, data=body, auth=AUTH,
                               content_type="application/xml")
        _expect(response.status_code == 200 and b'CODE="53"' in response.data, response)
    return send


#: IDocs per request of the ``packet`` kind
PACKET_IDOCS = 1000


def packet_request(client: FlaskClient) -> Request:
    def send(n: int) -> None:
        first = 10_000_000 + n * PACKET_IDOCS
        response = client.post(IDOC_PATH, data=document(range(first, first + PACKET_IDOCS)),
                               auth=AUTH, content_type="application/xml")
        _expect(response.status_code == 200
                and f'CODE="53" COUNT="{PACKET_IDOCS}"'.encode() in response.data, response)
    return send


def order_requests(client: FlaskClient) -> Request:
    """Odd n: the BAPI; even n: the commit of the same session's order."""
    seeded = client.post(f"/_fake/clients/{CLIENT}/seed", json={
        "materials": SEEDED_MATERIALS, "customers": SEEDED_CUSTOMERS,
        "initial_stock": "100000"})
    _expect(seeded.status_code == 200, seeded)
    materials = seeded.json["materials"]  # type: ignore[index]
    outlets = seeded.json["outlets"]  # type: ignore[index]
    commit = envelope("BAPI_TRANSACTION_COMMIT", {"WAIT": "X"})

    def send(n: int) -> None:
        if n % 2:
            body = envelope("BAPI_SALESORDER_CREATEFROMDAT2", {
                "ORDER_HEADER_IN": {"DOC_TYPE": "TA", **SALES_AREA},
                "ORDER_PARTNERS": [{"PARTN_ROLE": "AG",
                                    "PARTN_NUMB": outlets[n % len(outlets)]}],
                "ORDER_ITEMS_IN": [{"ITM_NUMBER": "10",
                                    "MATERIAL": materials[n % len(materials)]}],
                "ORDER_SCHEDULES_IN": [{"ITM_NUMBER": "10", "REQ_QTY": "1"}]})
        else:
            body = commit
        response = client.post(RFC_PATH, data=body, auth=AUTH, headers=SOAP_HEADERS)
        _expect(response.status_code == 200 and b"<TYPE>E</TYPE>" not in response.data,
                response)
    return send


def ping_request(client: FlaskClient) -> Request:
    body = envelope("RFC_PING", {})

    def send(_n: int) -> None:
        response = client.post(RFC_PATH, data=body, auth=AUTH, headers=SOAP_HEADERS)
        _expect(response.status_code == 200, response)
    return send


def logon_request(client: FlaskClient) -> Request:
    """RFC_PING without a session cookie: a new SAP session each time, as the logon of every
    new ``sap_client.rfc.Connection``."""
    body = envelope("RFC_PING", {})

    def send(_n: int) -> None:
        client.delete_cookie(session_cookie(CLIENT))
        response = client.post(RFC_PATH, data=body, auth=AUTH, headers=SOAP_HEADERS)
        _expect(response.status_code == 200, response)
    return send


KINDS: dict[str, Callable[[FlaskClient], Request]] = {
    "inbound": inbound_request, "packet": packet_request, "rfc": order_requests,
    "ping": ping_request, "logon": logon_request}
#: IDocs each request carries, where it is more than one
IDOCS_PER_REQUEST = {"packet": PACKET_IDOCS}
#: warm-up requests, where fewer than :data:`WARM_UP_REQUESTS` do
WARM_UP = {"packet": 2}


@dataclass
class GcTally:
    """Collections per generation and the CPU they took, as ``gc.callbacks`` report them."""

    collections: list[int] = field(default_factory=lambda: [0, 0, 0])
    seconds: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    _started: float = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.collections[info["generation"]] += 1
            self.seconds[info["generation"]] += time.process_time() - self._started


@contextmanager
def observed_gc() -> Iterator[GcTally]:
    tally = GcTally()
    gc.callbacks.append(tally)
    try:
        yield tally
    finally:
        gc.callbacks.remove(tally)


def held_objects_per_idoc(send: Request, n: int) -> float:
    """Send one request and count, per IDoc, the tracked objects that each chunk of the
    inbound processor holds when it starts writing (its parsed IDocs, pending items and
    postings) beyond those alive before its first IDoc was read."""
    receive = InboundProcessor.receive
    process_chunk = InboundProcessor._process_chunk
    write = InboundProcessor._write
    before_chunk = [0]
    counts: list[tuple[int, int]] = []

    def tracked() -> int:
        gc.collect()
        return len(gc.get_objects())

    def counting_receive(self: InboundProcessor, stream: Any) -> Any:
        before_chunk[0] = tracked()
        return receive(self, stream)

    def counting_chunk(self: InboundProcessor, chunk: list[Any], result: Any) -> None:
        process_chunk(self, chunk, result)
        before_chunk[0] = tracked()  # the chunk's objects are gone: the next one's start

    def counting_write(self: InboundProcessor, pending: list[Any], result: Any) -> None:
        counts.append((tracked() - before_chunk[0], len(pending)))
        write(self, pending, result)

    patched = {"receive": counting_receive, "_process_chunk": counting_chunk,
               "_write": counting_write}
    originals = {name: getattr(InboundProcessor, name) for name in patched}
    for name, function in patched.items():
        setattr(InboundProcessor, name, function)
    try:
        send(n)
    finally:
        for name, function in originals.items():
            setattr(InboundProcessor, name, function)
    return sum(objects for objects, _ in counts) / sum(idocs for _, idocs in counts)


#: the packet's phases: (label, owner of the function, its name); some nest, and the
#: breakdown subtracts the inner ones from the outer
PACKET_PHASES: tuple[tuple[str, str, str], ...] = (
    ("control + syntax check", "fake_sap.ale.inbound.processor:InboundProcessor",
     "_check_control"),
    ("syntax check", "fake_sap.ale.inbound.processor:InboundProcessor", "_check_syntax"),
    ("duplicates", "fake_sap.ale.inbound.processor:InboundProcessor", "_reject_duplicates"),
    ("prefetch", "fake_sap.ale.inbound.processor:InboundProcessor", "_context"),
    ("post", "fake_sap.ale.inbound.processor:InboundProcessor", "_post"),
    ("to command", "fake_sap.ale.inbound.matmas", "to_command"),
    ("material rows", "fake_sap.mm.material_master", "_rows"),
    ("serialization", "fake_sap.ale.inbound.processor:InboundProcessor", "_serialize"),
    ("write", "fake_sap.ale.inbound.processor:InboundProcessor", "_write"),
    ("IDoc rows (EDIDC, EDIDS)", "fake_sap.db.idocs", "insert_headers"),
    ("status rows", "fake_sap.db.idocs", "insert_statuses"),
    ("material SQL", "fake_sap.ale.inbound.processor:InboundProcessor", "write_postings"),
    ("change pointers", "fake_sap.ale.inbound.processor:InboundProcessor",
     "_write_change_pointers"),
)


def phase_cpu_per_idoc(send: Request, n: int, idocs: int) -> dict[str, float]:
    """Send one request and say how many microseconds of CPU (``time.process_time``) each
    phase of the packet path took per IDoc; "read and parse" is the time spent in the
    parser's iterator, "rest" what no phase accounts for (HTTP, commit, chunking)."""
    import importlib

    spent: dict[str, float] = dict.fromkeys([label for label, _, _ in PACKET_PHASES], 0.0)
    spent["read and parse"] = 0.0
    clock_ = time.process_time
    originals: list[tuple[Any, str, Any]] = []

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = clock_()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += clock_() - started
        return wrapper

    def timed_stream(stream: Iterator[Any]) -> Iterator[Any]:
        while True:
            started = clock_()
            try:
                item = next(stream)
            except StopIteration:
                spent["read and parse"] += clock_() - started
                return
            spent["read and parse"] += clock_() - started
            yield item

    receive = InboundProcessor.receive

    def receive_timed(self: InboundProcessor, stream: Any) -> Any:
        return receive(self, timed_stream(iter(stream)))

    for label, where, name in PACKET_PHASES:
        module_name, _, owner_name = where.partition(":")
        owner: Any = importlib.import_module(module_name)
        if owner_name:
            owner = getattr(owner, owner_name)
        function = getattr(owner, name)
        originals.append((owner, name, function))
        setattr(owner, name, timed(label, function))
    originals.append((InboundProcessor, "receive", receive))
    InboundProcessor.receive = receive_timed  # type: ignore[method-assign]
    started = clock_()
    try:
        send(n)
    finally:
        total = clock_() - started
        for owner, name, function in reversed(originals):
            setattr(owner, name, function)
    # the nested phases: posting holds to-command and rows, writing holds the SQL
    spent["post"] -= spent["to command"] + spent["material rows"]
    spent["write"] -= (spent["IDoc rows (EDIDC, EDIDS)"] + spent["status rows"]
                       + spent["material SQL"] + spent["change pointers"])
    spent["control + syntax check"] += spent.pop("syntax check")
    spent["rest"] = total - sum(spent.values())
    return {label: 1e6 * seconds / idocs for label, seconds in spent.items()}


def _expect(ok: bool, response: Any) -> None:
    if not ok:
        raise RuntimeError(f"unexpected answer {response.status_code}: "
                           f"{response.get_data(as_text=True)[:500]}")


# -- the run ---------------------------------------------------------------------------------

def profile(kind: str, requests: int, top: int, save: str | None = None,
            out: io.TextIOBase | Any = sys.stdout) -> None:
    with scratch_dir() as tmp:
        settings = replace(Settings(), db_url=f"sqlite:///{Path(tmp) / 'sap.db'}",
                           default_client=CLIENT, dispatcher=False)
        prepare_database(settings)
        app = create_app(settings)
        client = app.test_client()
        send = KINDS[kind](client)
        serial = iter(range(1, sys.maxsize))
        for _ in range(WARM_UP.get(kind, WARM_UP_REQUESTS)):
            send(next(serial))

        with counted_sql(app) as counts:
            started, wall_started = time.process_time(), time.perf_counter()
            for _ in range(requests):
                send(next(serial))
            cpu_rounds = [time.process_time() - started]
            wall_rounds = [time.perf_counter() - wall_started]
        # more rounds: other processes on the machine make a single round's figure noisy
        with observed_gc() as collected:
            for _ in range(ROUNDS - 1):
                started, wall_started = time.process_time(), time.perf_counter()
                for _ in range(requests):
                    send(next(serial))
                cpu_rounds.append(time.process_time() - started)
                wall_rounds.append(time.perf_counter() - wall_started)

        held = held_objects_per_idoc(send, next(serial)) if kind == "packet" else None
        wal_pages = wal_frames_per_request(app, send, serial, requests) \
            if kind == "inbound" else None
        phases = [phase_cpu_per_idoc(send, next(serial), PACKET_IDOCS)
                  for _ in range(ROUNDS)] if kind == "packet" else []
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            send(next(serial))
        profiler.disable()
        runtime_of(app).db.dispose()
    if save:
        profiler.dump_stats(save)

    print(f"{kind}: {requests} requests through Flask's test client, SQLite file", file=out)
    per_request = sorted(1000 * cpu / requests for cpu in cpu_rounds)
    print(f"  CPU per request:          {per_request[0]:.3f} ms best, "
          f"{statistics.median(per_request):.3f} ms median of {ROUNDS} rounds "
          "(time.process_time, without the profiler)", file=out)
    print(f"  SQL statements / request: {counts.statements / requests:.2f} "
          "(BEGIN and COMMIT included)", file=out)
    print(f"  transactions / request:   {counts.transactions / requests:.2f}", file=out)
    if wal_pages is not None:
        print(f"  WAL pages / request:      {wal_pages.per_request:.1f} (frames SQLite wrote to "
              "its log, in one more round without checkpoints)", file=out)
        for name, pages in sorted(wal_pages.by_btree.items(), key=lambda item: -item[1]):
            print(f"    {pages:5.2f}  {name}", file=out)
    idocs = IDOCS_PER_REQUEST.get(kind, 1)
    if idocs > 1:
        print(f"  per IDoc ({idocs} a request): {1000 * per_request[0] / idocs:.1f} us CPU best, "
              f"{counts.statements / requests / idocs:.2f} SQL statements", file=out)
        wall = sorted(1e6 * seconds / requests / idocs for seconds in wall_rounds)
        print(f"  wall time per IDoc:       {wall[0]:.1f} us best, "
              f"{statistics.median(wall):.1f} us median (time.perf_counter; near the CPU "
              "figure on a quiet machine, above it when other processes take the cores)",
              file=out)
    if held is not None:
        print(f"  tracked objects a chunk holds per IDoc when it is written: {held:.1f}",
              file=out)
    if phases:
        print(f"  CPU per IDoc by phase (us, best of {ROUNDS} requests, timers around each "
              "phase):", file=out)
        for label in phases[0]:
            print(f"    {label:28s} {min(p[label] for p in phases):7.1f}", file=out)
    timed = requests * (ROUNDS - 1)
    print("  garbage collector:        " + ", ".join(
        f"gen{generation} {collected.collections[generation] / timed:.2f} x "
        f"{1000 * collected.seconds[generation] / timed:.3f} ms"
        for generation in range(3)) + " per request (rounds 2 and 3)", file=out)
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(top)
        print(f"\n-- top {top} by {order} " + "-" * 60, file=out)
        print(_without_preamble(text.getvalue()), file=out)


def _without_preamble(text: str) -> str:
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(lines[start:])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_request",
                                     description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("-n", "--requests", type=int, default=500)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--save", metavar="FILE", help="also write the profile for pstats")
    args = parser.parse_args(argv)
    profile(args.kind, args.requests, args.top, args.save)


if __name__ == "__main__":
    main()
