"""``fake-sap parity DIR``: would fake-sap understand this real traffic?

It reads IDoc-XML files exported from a real SAP system and runs each IDoc through the
emulator's own inbound processing, in a scratch database of its own (the user's database is
never touched), in file and document order, so that master data posted by one file is there
for the next. For every IDoc it reports, field by field:

- **REFUSE**: the IDoc would not be posted: the control record (56), the syntax check (60)
  or the application (51) refuses it, with SAP's status text;
- **DROP**: a field or segment with a value that the emulator does not keep: it is missing
  when the emulator sends the same object back (BD10/BD21 read it from its tables);
- **CONVERT**: a field the emulator keeps but sends back with another value than the real
  system wrote (units, number formats, leading zeros ...).

The comparison with what the emulator sends back needs an outbound side for the message type
(MATMAS, DEBMAS); for other message types only refusals are reported. An IDoc of a type
without posting logic is passed through (64) as it came, so nothing of it is dropped.

Layer: ALE (it drives the inbound processor and the outbound readers).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from fake_sap.ale import applications
from fake_sap.ale.inbound.processor import InboundProcessor
from fake_sap.basis import clients
from fake_sap.db import idocs
from fake_sap.db.engine import Database
from fake_sap.errors import FakeSapError, MalformedXml, NotIdocXml
from fake_sap.idoc.customer_types import import_schema
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.parser import iter_idocs

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
                report.findings += _check_idoc(db, f"{path}: IDOC[{idoc.index}]", idoc)
    except (OSError, MalformedXml, NotIdocXml) as error:
        reason = error.message if isinstance(error, FakeSapError) else str(error)
        report.unreadable.append(f"{path}: not read: {reason}")


def _check_idoc(db: Database, where: str, idoc: Idoc) -> list[Finding]:
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
            return [Finding(where, "REFUSE", "",
                            f"status {status} ({_REFUSED[status]}): {trail[-1]['statxt']}")]
        application = applications.for_message(idoc.mestyp)
        if status != "53" or application is None or application.outbound is None:
            return []
        stored = idocs.get(conn, MANDT, docnum)
        assert stored is not None
        sent_back = application.outbound.read_segments(conn, MANDT, stored["objkey"])
    return list(_compare(where, idoc.segments, sent_back, ""))


def _compare(where: str, received: list[SegmentData], sent_back: list[SegmentData],
             parent: str) -> Iterator[Finding]:
    """Each segment is matched with the one of its name at the same position among its
    namesakes (the second E1MARCM with the second E1MARCM)."""
    by_name: dict[str, list[SegmentData]] = {}
    for segment in sent_back:
        by_name.setdefault(segment.name, []).append(segment)
    seen: dict[str, int] = {}
    for segment in received:
        index = seen.get(segment.name, 0)
        seen[segment.name] = index + 1
        path = f"{parent}{segment.name}" + (f"[{index + 1}]" if index else "")
        candidates = by_name.get(segment.name, [])
        if index >= len(candidates):
            if _has_values(segment):
                yield Finding(where, "DROP", path, "segment not kept (missing when the "
                                                   "object is sent back)")
            continue
        counterpart = candidates[index]
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
