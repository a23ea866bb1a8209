"""IDoc persistence: control records (EDIDC), status records (EDIDS) and the original XML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, select, update

from fake_sap.db.bulk import write_rows
from fake_sap.db.schema import edidc, edids, idoc_inbound_keys, idoc_serialization
from fake_sap.db.upsert import upsert
from fake_sap.fastpath.driver import driver_statement

#: control-record columns filled from EDI_DC40 fields of the same (upper-case) name
CONTROL_COLUMNS = ("mescod", "mesfct", "sndpor", "sndprt", "sndprn", "rcvpor", "rcvprt",
                   "rcvprn", "serial")
#: IDoc numbers per IN list: SQLite allows 999 bound variables in older versions
DOCNUMS_PER_QUERY = 500


@dataclass(frozen=True)
class StatusRecord:
    status: str
    text: str = ""
    msgty: str = ""
    msgid: str = ""
    msgno: str = ""
    variables: tuple[str, ...] = ()
    segnum: str = ""
    segfld: str = ""


def insert_headers(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    write_rows(conn, edidc, rows)


def insert_statuses(conn: Connection, mandt: str, at: datetime,
                    entries: Sequence[tuple[str, int, StatusRecord]]) -> None:
    """Append status records: ``entries`` are (docnum, counter, record)."""
    if not entries:
        return
    logdat, logtim = at.strftime("%Y%m%d"), at.strftime("%H%M%S")
    rows = []
    for docnum, countr, record in entries:
        variables = (tuple(v[:50] for v in record.variables) + ("", "", "", ""))[:4]
        rows.append({
            "mandt": mandt, "docnum": docnum, "countr": countr, "status": record.status,
            "logdat": logdat, "logtim": logtim, "statyp": record.msgty[:1],
            "stamid": record.msgid[:20], "stamno": record.msgno[:3],
            "stapa1": variables[0], "stapa2": variables[1], "stapa3": variables[2],
            # texts and field names may quote the (hostile) input: cut them to the columns'
            # widths, which PostgreSQL enforces
            "stapa4": variables[3], "statxt": record.text[:220], "segnum": record.segnum[:6],
            "segfld": record.segfld[:30],
        })
    # several rows per INSERT: an IDoc's trail (50, 64, 53) is one statement, not three
    write_rows(conn, edids, rows, rows_per_statement=_STATUS_ROWS_PER_INSERT)


#: rows per INSERT: SQLite allows 999 bound variables in older versions
_STATUS_ROWS_PER_INSERT = 999 // len(edids.columns)


def append_status(conn: Connection, mandt: str, docnum: str, at: datetime,
                  record: StatusRecord, **changes: Any) -> None:
    """Add one status record and make it the IDoc's current status."""
    append_statuses(conn, mandt, at, [(docnum, record, changes)])


def append_statuses(conn: Connection, mandt: str, at: datetime,
                    entries: Sequence[tuple[str, StatusRecord, dict[str, Any]]]) -> None:
    """Add a status record to each IDoc and make it its current status: ``entries`` are
    (docnum, record, other control-record changes), the changes naming the same columns
    in every entry. A handful of statements for any number of IDocs."""
    if not entries:
        return
    docnums = list(dict.fromkeys(docnum for docnum, _, _ in entries))
    last: dict[str, int] = {}
    for start in range(0, len(docnums), DOCNUMS_PER_QUERY):
        last.update(conn.execute(
            select(edids.c.docnum, func.max(edids.c.countr))
            .where(edids.c.mandt == mandt,
                   edids.c.docnum.in_(docnums[start:start + DOCNUMS_PER_QUERY]))
            .group_by(edids.c.docnum)).tuples().all())
    counted = []
    for docnum, record, _ in entries:
        last[docnum] = (last.get(docnum) or 0) + 1
        counted.append((docnum, last[docnum], record))
    insert_statuses(conn, mandt, at, counted)
    changed = list(entries[0][2])
    conn.execute(update(edidc).where(edidc.c.mandt == mandt,
                                     edidc.c.docnum == bindparam("b_docnum"))
                 .values(status=bindparam("b_status"), updated_at=at,
                         **{name: bindparam(f"b_{name}") for name in changed}),
                 [{"b_docnum": docnum, "b_status": record.status,
                   **{f"b_{name}": changes[name] for name in changed}}
                  for docnum, record, changes in entries])


def get(conn: Connection, mandt: str, docnum: str) -> dict[str, Any] | None:
    row = conn.execute(select(edidc).where(edidc.c.mandt == mandt, edidc.c.docnum == docnum)
                       ).mappings().first()
    return dict(row) if row else None


def statuses(conn: Connection, mandt: str, docnum: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(edids).where(edids.c.mandt == mandt, edids.c.docnum == docnum)
                        .order_by(edids.c.countr)).mappings()
    return [dict(r) for r in rows]


@dataclass(frozen=True)
class IdocFilter:
    direct: str | None = None
    mestyp: str | None = None
    idoctp: str | None = None
    status: str | None = None
    partner: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    docnum_from: str | None = None
    docnum_to: str | None = None


def search(conn: Connection, mandt: str, where: IdocFilter, limit: int,
           offset: int) -> tuple[list[dict[str, Any]], int]:
    """WE02: control records matching the filter, newest first, and the total count."""
    conditions = [edidc.c.mandt == mandt]
    for column, value in (("direct", where.direct), ("mestyp", where.mestyp),
                          ("idoctp", where.idoctp), ("status", where.status)):
        if value:
            conditions.append(edidc.c[column] == value)
    if where.partner:
        conditions.append((edidc.c.sndprn == where.partner) | (edidc.c.rcvprn == where.partner))
    if where.created_from:
        conditions.append(edidc.c.created_at >= where.created_from)
    if where.created_to:
        conditions.append(edidc.c.created_at <= where.created_to)
    if where.docnum_from:
        conditions.append(edidc.c.docnum >= where.docnum_from)
    if where.docnum_to:
        conditions.append(edidc.c.docnum <= where.docnum_to)
    condition = and_(*conditions)
    total = conn.execute(select(func.count()).select_from(edidc).where(condition)).scalar_one()
    columns = [c for c in edidc.c if c.name != "xml"]
    rows = conn.execute(select(*columns).where(condition).order_by(edidc.c.docnum.desc())
                        .limit(limit).offset(offset)).mappings()
    return [dict(r) for r in rows], int(total)


def claim_sender_docnum(conn: Connection, mandt: str, sndprn: str, refint: str,
                        docnum: str) -> str | None:
    """Record that ``docnum`` carries the sender's IDoc ``refint``.

    Returns ``None`` when this is the first time, else the DOCNUM that already carries it.
    """
    # every single IDoc claims its key: SQL text made once, as for the chunk look-ups below
    # (under PostgreSQL a concurrent claim of the same key waits for the other transaction
    # and then inserts nothing, which is the race protection wanted)
    _, claimed = driver_statement(conn, _claim_sql(conn.dialect.name),
                                  (mandt, sndprn, refint, docnum))
    if claimed == 1:
        return None
    return conn.execute(select(idoc_inbound_keys.c.docnum).where(
        idoc_inbound_keys.c.mandt == mandt, idoc_inbound_keys.c.sndprn == sndprn,
        idoc_inbound_keys.c.refint == refint)).scalar_one()


def advance_serial(conn: Connection, mandt: str, mestyp: str, objkey: str, serial: str,
                   docnum: str) -> str | None:
    """ALE serialization: record ``serial`` as the newest for the object.

    Returns ``None`` when it is newer than anything posted before, else the DOCNUM of the
    IDoc that already carried an equal or newer SERIAL.
    """
    # what db.upsert.advance_if_newer does, as SQL text made once (see claim_sender_docnum)
    _, advanced = driver_statement(conn, _advance_serial_sql(conn.dialect.name),
                                   (mandt, mestyp, objkey, serial, docnum))
    if advanced == 1:
        return None
    return conn.execute(select(idoc_serialization.c.docnum).where(
        idoc_serialization.c.mandt == mandt, idoc_serialization.c.mestyp == mestyp,
        idoc_serialization.c.objkey == objkey)).scalar_one()


def claim_sender_docnums(conn: Connection, mandt: str,
                         claims: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """Batch form of :func:`claim_sender_docnum`: ``claims`` are (sender, sender's DOCNUM,
    our DOCNUM); returns, for each of our DOCNUMs that is a duplicate, the earlier DOCNUM."""
    if not claims:
        return {}
    if len(claims) == 1:
        # a single IDoc (the usual POST): one statement unless it is a duplicate
        sndprn, refint, docnum = claims[0]
        earlier = claim_sender_docnum(conn, mandt, sndprn, refint, docnum)
        return {} if earlier is None else {docnum: earlier}
    write_rows(conn, idoc_inbound_keys, [
        {"mandt": mandt, "sndprn": sndprn, "refint": refint, "docnum": docnum}
        for sndprn, refint, docnum in claims], conflict="ignore")
    senders = list(dict.fromkeys(sndprn for sndprn, _, _ in claims))
    refints = list(dict.fromkeys(refint for _, refint, _ in claims))
    # the senders too, not the sender DOCNUMs alone: so the look-up walks the primary key
    # instead of every key the client ever received
    owners = {(r[0], r[1]): r[2] for r in _driver_rows(
        conn, _claims_sql(conn.dialect.name, len(senders), len(refints)),
        (mandt, *senders, *refints))}
    return {docnum: owners[(sndprn, refint)] for sndprn, refint, docnum in claims
            if owners.get((sndprn, refint), docnum) != docnum}


def newest_serials(conn: Connection, mandt: str, mestyp: str,
                   objkeys: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Per object, the newest SERIAL posted so far and its DOCNUM (rows locked on
    PostgreSQL until the end of the transaction)."""
    if not objkeys:
        return {}
    keys = list(dict.fromkeys(objkeys))
    return {r[0]: (r[1], r[2]) for r in _driver_rows(
        conn, _serials_sql(conn.dialect.name, len(keys)), (mandt, mestyp, *keys))}


# The statements every inbound chunk makes, as SQL text made once per dialect and number of
# keys: building and compiling a SELECT cost several times the database's own work for a
# single IDoc. Only text columns are read, which the driver returns as SQLAlchemy would.
# They run on the driver in the connection's transaction (fastpath.driver.driver_statement),
# which raises a storage failure as SQLAlchemy would, so it is classified as any.

_PLACEHOLDER = {"sqlite": "?", "postgresql": "%s"}


@lru_cache(maxsize=512)
def _serials_sql(dialect: str, count: int) -> str:
    mark = _PLACEHOLDER[dialect]
    text = (f"SELECT objkey, serial, docnum FROM {idoc_serialization.name} "
            f"WHERE mandt = {mark} AND mestyp = {mark} "
            f"AND objkey IN ({', '.join([mark] * count)})")
    return text + " FOR UPDATE" if dialect == "postgresql" else text


@lru_cache(maxsize=4)
def _claim_sql(dialect: str) -> str:
    mark = _PLACEHOLDER[dialect]
    return (f"INSERT INTO {idoc_inbound_keys.name} (mandt, sndprn, refint, docnum) "
            f"VALUES ({mark}, {mark}, {mark}, {mark}) "
            "ON CONFLICT (mandt, sndprn, refint) DO NOTHING")


@lru_cache(maxsize=4)
def _advance_serial_sql(dialect: str) -> str:
    mark = _PLACEHOLDER[dialect]
    table = idoc_serialization.name
    return (f"INSERT INTO {table} (mandt, mestyp, objkey, serial, docnum) "
            f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark}) "
            "ON CONFLICT (mandt, mestyp, objkey) DO UPDATE "
            "SET serial = excluded.serial, docnum = excluded.docnum "
            f"WHERE {table}.serial < excluded.serial")


@lru_cache(maxsize=512)
def _claims_sql(dialect: str, senders: int, refints: int) -> str:
    mark = _PLACEHOLDER[dialect]
    return (f"SELECT sndprn, refint, docnum FROM {idoc_inbound_keys.name} "
            f"WHERE mandt = {mark} AND sndprn IN ({', '.join([mark] * senders)}) "
            f"AND refint IN ({', '.join([mark] * refints)})")


def _driver_rows(conn: Connection, sql: str, parameters: tuple[str, ...]
                 ) -> list[tuple[Any, ...]]:
    return driver_statement(conn, sql, parameters)[0]


def record_serials(conn: Connection, mandt: str, mestyp: str,
                   serials: Sequence[tuple[str, str, str]]) -> None:
    """Record (object, SERIAL, DOCNUM) as newest; an older SERIAL never overwrites."""
    upsert(conn, idoc_serialization, [
        {"mandt": mandt, "mestyp": mestyp, "objkey": objkey, "serial": serial,
         "docnum": docnum} for objkey, serial, docnum in serials], only_if_greater="serial")


def schedule_resend(conn: Connection, mandt: str, docnum: str) -> None:
    """An outbound IDoc is due for dispatch now, with a fresh retry budget (BD87)."""
    conn.execute(update(edidc).where(edidc.c.mandt == mandt, edidc.c.docnum == docnum)
                 .values(attempts=0, next_attempt_at=0.0))
