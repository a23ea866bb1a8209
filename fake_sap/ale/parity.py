"""``fake-sap parity DIR``: would fake-sap understand this real traffic?

It reads IDoc-XML files exported from a real SAP system and runs each IDoc through the
emulator's own inbound processing, in a scratch database of its own (the user's database is
never touched), in file and document order, so that master data posted by one file is there
for the next. For every IDoc it reports, field by field:

- **REFUSE**: the IDoc would not be posted: the control record (56), the syntax check (60)
  or the application (51) refuses it, with SAP's status text;
- **DROP**: a field or segment with a value that the emulator does not keep;
- **CONVERT**: a field the emulator keeps in another form than the real system wrote
  (units, number formats, leading zeros ...).

For message types the emulator sends (MATMAS, DEBMAS) DROP and CONVERT compare with the
object sent back (BD10/BD12 read it from its tables). For the others (ORDERS) DROP comes from
the fields each inbound mapping declares it reads (``READS``, next to the mapping), and
CONVERT from the sales order the posting stored. A customer segment of an extension is kept
in the stored IDoc but not posted. An IDoc of a type without posting logic is passed through
(64) as it came, so nothing of it is dropped. docs/parity.md describes each method.

Layer: ALE (it drives the inbound processor and the outbound readers).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection

from fake_sap.ale import applications
from fake_sap.ale.inbound import debmas, matmas, orders
from fake_sap.ale.inbound.processor import InboundProcessor
from fake_sap.ale.inbound.values import NOT_KEPT, SegmentReads
from fake_sap.basis import clients, iso_codes
from fake_sap.basis.iso_codes import IsoCodes
from fake_sap.db import idocs
from fake_sap.db.engine import Database
from fake_sap.errors import FakeSapError, MalformedXml, NotIdocXml
from fake_sap.idoc.customer_types import import_schema
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.parser import iter_idocs
from fake_sap.sd import sales_orders

MANDT = "100"
#: the outcomes that mean "not posted": control record, syntax, application
_REFUSED = {"56": "control record", "60": "syntax check", "51": "application",
            "68": "duplicate or obsolete"}


@dataclass(frozen=True)
class Finding:
    """One difference: what fake-sap would do with one field (or segment) of one IDoc."""

    where: str  # file: IDOC[n]
    kind: str  # REFUSE, DROP, CONVERT
    path: str  # E1MARAM/BLANZ, or "" for the whole IDoc
    detail: str

    def __str__(self) -> str:
        path = f" {self.path}:" if self.path else ""
        return f"{self.where}:{path} {self.kind} {self.detail}"


@dataclass
class ParityReport:
    findings: list[Finding] = field(default_factory=list)
    idocs: int = 0
    files: int = 0
    unreadable: list[str] = field(default_factory=list)
    #: the status each IDoc ended in, in file and document order (53 posted, 64 passed
    #: through, or the refusal's)
    statuses: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings and not self.unreadable


def idoc_files(folder: Path) -> list[Path]:
    """The XML files under ``folder``, in name order (subfolders included)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".xml")


def check_folder(folder: Path, schemas: Sequence[Path] = ()) -> ParityReport:
    """Run every IDoc under ``folder`` through a scratch emulator; the findings."""
    report = ParityReport()
    with tempfile.TemporaryDirectory(prefix="fake-sap-parity-") as scratch:
        db = Database(f"sqlite:///{Path(scratch) / 'parity.db'}")
        try:
            db.create_schema()
            clients.create(db, MANDT, "parity check")
            for schema in schemas:
                with db.write() as conn:
                    import_schema(conn, schema.read_bytes())
            for path in idoc_files(folder):
                report.files += 1
                _check_file(db, path, report)
        finally:
            db.dispose()
    return report


def _check_file(db: Database, path: Path, report: ParityReport) -> None:
    try:
        with open(path, "rb") as stream:
            for idoc in iter_idocs(stream):
                report.idocs += 1
                status, findings = _check_idoc(db, f"{path}: IDOC[{idoc.index}]", idoc)
                report.statuses.append(status)
                report.findings += findings
    except (OSError, MalformedXml, NotIdocXml) as error:
        reason = error.message if isinstance(error, FakeSapError) else str(error)
        report.unreadable.append(f"{path}: not read: {reason}")


def _check_idoc(db: Database, where: str, idoc: Idoc) -> tuple[str, list[Finding]]:
    """The status the IDoc ends in, and the findings."""
    # the sender's DOCNUM would make a second export of the same IDoc a duplicate (68)
    # and the real system's client (MANDT) is not the scratch one
    received = Idoc({**idoc.control, "DOCNUM": "", "MANDT": ""}, idoc.segments,
                    xml=idoc.xml, index=idoc.index, root=idoc.root)
    with db.write() as conn:
        result = InboundProcessor(conn, MANDT).receive([received])
        docnum = result.first_docnum
        trail = idocs.statuses(conn, MANDT, docnum)
        status = trail[-1]["status"]
        if status in _REFUSED:
            return status, [Finding(where, "REFUSE", "", f"status {status} "
                                    f"({_REFUSED[status]}): {trail[-1]['statxt']}")]
        application = applications.for_message(idoc.mestyp)
        if status != "53" or application is None:
            return status, []
        if application.outbound is None:
            # no outbound side to compare with: what the mapping declares it reads, and
            # what the posting stored of it
            standard = {s.name for s in application.outbound_type.all_segments()
                        if not s.extension}
            reads = DECLARED_READS.get(application.mestyp, ())
            findings = list(dropped_fields(where, idoc.segments, reads, standard, ""))
            if application.mestyp == orders.MESTYP:
                findings += _stored_order(conn, where, idoc, trail[-1])
            return status, findings
        stored = idocs.get(conn, MANDT, docnum)
        assert stored is not None
        sent_back = application.outbound.read_segments(conn, MANDT, stored["objkey"])
    return status, list(_compare(where, idoc.segments, sent_back, ""))


# --- message types the emulator does not send: the declared reads --------------------------

#: what each inbound mapping reads, per message type (declared next to the mapping)
DECLARED_READS: dict[str, tuple[SegmentReads, ...]] = {
    module.MESTYP: module.READS for module in (matmas, debmas, orders)}
_NOT_READ = "not kept (no posting logic reads it; kept in the stored IDoc)"


def dropped_fields(where: str, received: list[SegmentData],
                   reads: tuple[SegmentReads, ...], standard: set[str], parent: str
                   ) -> Iterator[Finding]:
    """DROP for each filled field of ``received`` that ``reads`` does not read, and for each
    segment not among the ``standard`` ones (a customer segment of an extension)."""
    by_segment = {r.segment: r for r in reads}
    seen: dict[str, int] = {}
    for segment in received:
        index = seen.get(segment.name, 0)
        seen[segment.name] = index + 1
        path = f"{parent}{segment.name}" + (f"[{index + 1}]" if index else "")
        if segment.name not in standard:
            if _has_values(segment):
                yield Finding(where, "DROP", path, "segment kept in the IDoc, not posted "
                                                   "(a customer segment of an extension)")
            continue
        declared = by_segment.get(segment.name)
        for name, value in segment.values.items():
            if not value or name == "MSGFN":  # MSGFN says what the sender did, not data
                continue
            command = declared.command_field(segment.values, name) if declared else None
            if command or declared and name == declared.qualifier:
                continue  # kept in the command, or says what the segment's value is
            if command == NOT_KEPT:
                yield Finding(where, "DROP", f"{path}/{name}",
                              f"'{value}' not kept (only checked; kept in the stored IDoc)")
            elif declared and name == declared.value:
                qualifier = segment.values.get(declared.qualifier, "")
                yield Finding(where, "DROP", f"{path}/{name}",
                              f"'{value}' not kept ({declared.qualifier} '{qualifier}' is "
                              f"not read; kept in the stored IDoc)")
            else:
                yield Finding(where, "DROP", f"{path}/{name}", f"'{value}' {_NOT_READ}")
        yield from dropped_fields(where, segment.children, reads, standard, f"{path}/")


# --- ORDERS: the stored sales order ----------------------------------------------------------

class Compared(Enum):
    """How a sent value is compared with the stored one."""

    TEXT = "text"  # as it is: leading zeros (ALPHA, MATN1) count
    NUMBER = "number"  # as a number: 10 is 10.000, a NUMC item number 10 is 000010
    UNIT = "unit"  # the stored internal unit's ISO code (T006), as SAP sends it back
    CURRENCY = "currency"  # the stored currency's ISO code (TCURC)


#: where the sales order keeps an ORDERS command field: the VBAK column (header fields) or
#: VBAP column (``items.`` fields), and how the values are compared. Command fields not
#: listed (the ship-to party, the requested delivery date of an item, which the availability
#: check may move) are not compared.
ORDER_COLUMNS: dict[str, tuple[str, Compared]] = {
    "purch_no_c": ("bstnk", Compared.TEXT), "currency": ("waerk", Compared.CURRENCY),
    "dlv_block": ("lifsk", Compared.TEXT), "ord_reason": ("augru", Compared.TEXT),
    "req_date": ("vdatu", Compared.TEXT), "doc_date": ("audat", Compared.TEXT),
    "purch_date": ("bstdk", Compared.TEXT), "sales_org": ("vkorg", Compared.TEXT),
    "distr_chan": ("vtweg", Compared.TEXT), "division": ("spart", Compared.TEXT),
    "doc_type": ("auart", Compared.TEXT), "sold_to": ("kunnr", Compared.TEXT),
    "items.itm_number": ("posnr", Compared.NUMBER),
    "items.material": ("matnr", Compared.TEXT),
    "items.quantity": ("kwmeng", Compared.NUMBER),
    "items.plant": ("werks", Compared.TEXT),
    "items.sales_unit": ("vrkme", Compared.UNIT),
}

#: one sent value: where it was (SEGMENT/FIELD), the value, the command field it fills
_Sent = tuple[str, str, str]


def _stored_order(conn: Connection, where: str, idoc: Idoc, posted: dict[str, Any]
                  ) -> list[Finding]:
    """CONVERT for each read field whose value the sales order keeps in another form; DROP
    for one whose command field another field of the IDoc filled instead."""
    vbeln = _saved_order_number(conn, idoc, posted)
    header = sales_orders.header(conn, MANDT, vbeln) if vbeln else None
    if header is None:
        return []
    items = {row["posnr"]: row for row in sales_orders.items(conn, MANDT, vbeln)}
    codes = iso_codes.read(conn, MANDT)
    order = orders.to_order(idoc, codes)
    findings = _compare_stored(where, _sent(idoc.segments, "", None), header, codes)
    positions = [s for s in idoc.segments if s.name == orders.ITEM.segment]
    for index, (segment, item) in enumerate(zip(positions, order.items, strict=True)):
        path = orders.ITEM.segment + (f"[{index + 1}]" if index else "")
        row = items.get(item.itm_number)
        if row is not None:
            findings += _compare_stored(where, _sent([segment], "", path), row, codes)
    return findings


def _saved_order_number(conn: Connection, idoc: Idoc, posted: dict[str, Any]) -> str:
    """The order's number: the success message V1 311 names it (&2)."""
    if (posted["stamid"], posted["stamno"]) == ("V1", "311"):
        return str(posted["stapa2"])
    numbers = sales_orders.numbers_for_purchase_order(conn, MANDT, orders.object_key(idoc))
    return numbers[-1] if numbers else ""


def _sent(segments: list[SegmentData], parent: str, item_path: str | None) -> list[_Sent]:
    """The filled fields a declaration reads, with the command field each fills: of the
    header segments (``item_path`` None) or of one item (its path)."""
    by_segment = {r.segment: r for r in orders.READS}
    sent: list[_Sent] = []
    seen: dict[str, int] = {}
    for segment in segments:
        index = seen.get(segment.name, 0)
        seen[segment.name] = index + 1
        path = item_path if item_path is not None and not parent else \
            f"{parent}{segment.name}" + (f"[{index + 1}]" if index else "")
        is_item = segment.name == orders.ITEM.segment
        if item_path is None and is_item:
            continue  # an item is compared with its own VBAP row
        declared = by_segment.get(segment.name)
        for name, value in segment.values.items():
            command = declared.command_field(segment.values, name) if declared else None
            if value and command:
                sent.append((f"{path}/{name}", value, command))
        sent += _sent(segment.children, f"{path}/", item_path)
    return sent


def _compare_stored(where: str, sent: list[_Sent], row: dict[str, Any], codes: IsoCodes
                    ) -> list[Finding]:
    findings = []
    for path, value, command in sent:
        if command not in ORDER_COLUMNS:
            continue
        column, compared = ORDER_COLUMNS[command]
        stored = "" if row.get(column) is None else str(row[column])
        if same_value(value, stored, compared, codes):
            continue
        # a command field filled by two fields (a fallback): the one stored is not this one
        other = next((p for p, v, c in sent if c == command and p != path
                      and same_value(v, stored, compared, codes)), None)
        if other is not None:
            findings.append(Finding(where, "DROP", path,
                                    f"'{value}' not kept (the value of {other} is stored)"))
        else:
            findings.append(Finding(where, "CONVERT", path,
                                    f"'{value}' {_stored_as(stored, compared, codes)}"))
    return findings


def same_value(sent: str, stored: str, compared: Compared, codes: IsoCodes) -> bool:
    """Whether a value as sent is the stored one, compared the way ``compared`` says."""
    if compared is Compared.NUMBER:
        try:
            return Decimal(sent.strip()) == Decimal(stored or "0")
        except InvalidOperation:
            return sent == stored
    if compared is Compared.UNIT:
        return sent == codes.units.iso(stored)
    if compared is Compared.CURRENCY:
        return sent == codes.currencies.iso(stored)
    return sent == stored


def _stored_as(stored: str, compared: Compared, codes: IsoCodes) -> str:
    text = f"is stored as '{stored}'"
    if compared is Compared.UNIT or compared is Compared.CURRENCY:
        table = codes.units if compared is Compared.UNIT else codes.currencies
        iso = table.iso(stored)
        return text + (f", sent back as ISO code '{iso}'" if iso else
                       ", which has no ISO code")
    return text


# --- message types the emulator sends: what BD10/BD12 send back ------------------------------

def _compare(where: str, received: list[SegmentData], sent_back: list[SegmentData],
             parent: str) -> Iterator[Finding]:
    """Each received segment is compared with a namesake sent back (see :func:`_pairs`)."""
    counterparts = _pairs(received, sent_back)
    seen: dict[str, int] = {}
    for position, segment in enumerate(received):
        index = seen.get(segment.name, 0)
        seen[segment.name] = index + 1
        path = f"{parent}{segment.name}" + (f"[{index + 1}]" if index else "")
        counterpart = counterparts.get(position)
        if counterpart is None:
            if _has_values(segment):
                yield Finding(where, "DROP", path, "segment not kept (missing when the "
                                                   "object is sent back)")
            continue
        for name, value in segment.values.items():
            if not value or name == "MSGFN":  # MSGFN says what the sender did, not data
                continue
            back = counterpart.values.get(name, "")
            if not back:
                yield Finding(where, "DROP", f"{path}/{name}", f"'{value}' not kept")
            elif back != value:
                yield Finding(where, "CONVERT", f"{path}/{name}", f"'{value}' comes back as "
                                                                  f"'{back}'")
        yield from _compare(where, segment.children, counterpart.children, f"{path}/")


def _pairs(received: list[SegmentData], sent_back: list[SegmentData]
           ) -> dict[int, SegmentData]:
    """The namesake sent back for each received segment (by its position), if any.

    SAP sends repeated segments in the order of their table's key (a customer's partners,
    E1KNVPM, by partner function), which need not be the order of the file, so segments are
    paired by how many filled fields they agree in, the best agreeing pairs first. Pairs
    that agree equally are taken in the order of the two lists: segments with nothing to
    tell them apart are paired by position."""
    candidates = sorted(
        ((-_agreement(segment, other), mine, theirs)
         for mine, segment in enumerate(received)
         for theirs, other in enumerate(sent_back) if other.name == segment.name))
    pairs: dict[int, SegmentData] = {}
    taken: set[int] = set()
    for _, mine, theirs in candidates:
        if mine not in pairs and theirs not in taken:
            pairs[mine] = sent_back[theirs]
            taken.add(theirs)
    return pairs


def _agreement(received: SegmentData, sent_back: SegmentData) -> int:
    """How many of the received segment's filled fields come back with the same value."""
    return sum(1 for name, value in received.values.items()
               if value and sent_back.values.get(name) == value)


def _has_values(segment: SegmentData) -> bool:
    return any(v for v in segment.values.values()) or any(_has_values(c)
                                                           for c in segment.children)


def print_report(report: ParityReport, out: TextIO) -> None:
    for line in report.unreadable:
        print(line, file=out)
    for finding in report.findings:
        print(finding, file=out)
    counts = {kind: sum(1 for f in report.findings if f.kind == kind)
              for kind in ("REFUSE", "DROP", "CONVERT")}
    print(f"{report.idocs} IDocs in {report.files} files: {counts['REFUSE']} refused, "
          f"{counts['DROP']} dropped, {counts['CONVERT']} converted differently"
          + (f", {len(report.unreadable)} files not read" if report.unreadable else ""),
          file=out)
