"""``fake-sap contract-check``: a consumer's contract against the emulator's declarations.

A consumer contract (``contracts/consumer/crm-adapter.json``, recorded from the CRM adapter's
test suite by ``crm_adapter.testing.recording``) lists what the consumer's code did with SAP:

- ``functions``: per function module, the parameter paths it sent (``PARAM``,
  ``PARAM-FIELD`` of a structure, ``TABLE-FIELD`` of table rows) with the kinds of values and
  the longest text, and the result paths it read;
- ``tables``: per table read with RFC_READ_TABLE, the fields selected and compared in WHERE;
- ``idocs``: per IDoc type (CIMTYP or IDOCTYP), the segments and fields it looked up or read,
  each with the sender ports (EDI_DC40-SNDPOR) of the IDocs it read them on, the ports whose
  IDocs contained the segment (``present_in``) and filled the field (``filled_in``).

:func:`check` compares that with the declarations (function interfaces, readable tables, IDoc
types and the control record) and says, in both directions:

- **errors** (exit 1): a function, parameter, field, table, IDoc type or segment the consumer
  uses that is not declared; a value of a kind or length the declared type cannot take; a
  mandatory parameter the consumer never sends; a segment the consumer relies on in the
  emulator's IDocs that none of the emulator's outbound IDocs contained;
- **notes**: a field the consumer reads on the emulator's IDocs that none of them filled in
  the recorded run. Empty fields are left out of IDoc-XML, and flags such as LVORM or BWTAR
  are rightly empty in most runs, so this is worth a look but not a failure.

:func:`coverage_report` renders ``docs/contract-coverage.md``: per function, IDoc type and
table, how much of what the emulator declares the consumer's tests exercised.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from fake_sap.idoc.model import IdocType
from fake_sap.idoc.model import Segment as IdocSegment
from fake_sap.rfc.model import AbapType, Elementary, FunctionInterface, Parameter, Structure
from fake_sap.rfc.read_table import ReadableTable

CONSUMER_CONTRACT = "contracts/consumer/crm-adapter.json"
COVERAGE_REPORT = "docs/contract-coverage.md"
CONTROL_RECORD = "EDI_DC40"
READ_TABLE = "RFC_READ_TABLE"
#: what ``make contract-record`` runs; named in the report
RECORD_COMMAND = "make contract-record"


# --- the declarations -------------------------------------------------------------------------

@dataclass(frozen=True)
class Declarations:
    """What the emulator declares; tests build altered copies with ``dataclasses.replace``."""

    functions: Mapping[str, FunctionInterface]
    idoc_types: Mapping[str, IdocType]
    control_record: IdocSegment
    tables: Mapping[str, ReadableTable]
    #: EDI_DC40-SNDPOR of the emulator's outbound IDocs
    outbound_port: str


def emulator_declarations() -> Declarations:
    from fake_sap.ale.outbound import own_port
    from fake_sap.compose import function_directory
    from fake_sap.idoc.control import EDI_DC40
    from fake_sap.idoc.types import IDOC_TYPES
    from fake_sap.rfc import tables

    return Declarations(
        functions={f.name: f.interface for f in function_directory().implemented()},
        idoc_types=dict(IDOC_TYPES), control_record=EDI_DC40, tables=dict(tables.BY_NAME),
        outbound_port=own_port())


# --- findings ---------------------------------------------------------------------------------

class Severity(StrEnum):
    ERROR = "error"
    NOTE = "note"


@dataclass(frozen=True, order=True)
class Finding:
    severity: Severity
    #: the function, ``RFC_READ_TABLE``, or the IDoc type
    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"


def _error(subject: str, message: str) -> Finding:
    return Finding(Severity.ERROR, subject, message)


def _note(subject: str, message: str) -> Finding:
    return Finding(Severity.NOTE, subject, message)


def check(contract: Mapping[str, Any], declarations: Declarations | None = None
          ) -> list[Finding]:
    """Every disagreement between the contract and the declarations, errors first."""
    declared = declarations or emulator_declarations()
    findings: list[Finding] = []
    for name, usage in contract.get("functions", {}).items():
        findings.extend(_check_function(name, usage, declared))
    for name, usage in contract.get("tables", {}).items():
        findings.extend(_check_table(name, usage, declared))
    for name, segments in contract.get("idocs", {}).items():
        findings.extend(_check_idoc_type(name, segments, declared))
    return sorted(set(findings))


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


# --- function modules -------------------------------------------------------------------------

def _check_function(name: str, usage: Mapping[str, Any],
                    declared: Declarations) -> Iterable[Finding]:
    interface = declared.functions.get(name)
    if interface is None:
        yield _error(name, "is called by the adapter but the emulator does not implement it")
        return
    sent: Mapping[str, Any] = usage.get("sent", {})
    for path, value in sent.items():
        problem = _sent_problem(interface, path, value)
        if problem:
            yield _error(name, f"{path} {problem}")
    for path in usage.get("read", ()):
        problem = _read_problem(interface, path)
        if problem:
            yield _error(name, f"{path} {problem}")
    sent_parameters = {path.split("-", 1)[0] for path in sent}
    for parameter in interface.inputs:
        if not parameter.optional and parameter.name not in sent_parameters:
            yield _error(name, f"{parameter.name} is a mandatory {parameter.kind.value} "
                               "parameter the adapter never sends")


def _split(path: str) -> tuple[str, str]:
    parameter, _, component = path.partition("-")
    return parameter, component


def _sent_problem(interface: FunctionInterface, path: str, usage: Mapping[str, Any]
                  ) -> str | None:
    parameter = interface.parameter(_split(path)[0])
    if parameter is None:
        return "is sent by the adapter but not declared"
    if not parameter.is_input:
        return f"is sent by the adapter but is an {parameter.kind.value} parameter"
    target = _declared_type(parameter, _split(path)[1])
    if target is None:
        return "is sent by the adapter but not declared"
    kinds = set(usage.get("types", ())) - {"initial"}
    if isinstance(target, Elementary):
        return _value_problem(target, kinds, int(usage.get("max_length", -1)))
    shape = "table" if parameter.is_table and target is parameter.type else "structure"
    wrong = sorted(kinds - {shape})
    if wrong:
        return f"is sent as {', '.join(wrong)} but declared {parameter.type_name}"
    return None


def _read_problem(interface: FunctionInterface, path: str) -> str | None:
    parameter = interface.parameter(_split(path)[0])
    if parameter is None or _declared_type(parameter, _split(path)[1]) is None:
        return "is read by the adapter but not declared"
    if not parameter.is_output:
        return f"is read by the adapter but is an {parameter.kind.value} parameter " \
               "(not returned)"
    return None


def _declared_type(parameter: Parameter, component: str) -> Elementary | Structure | None:
    """The type at ``PARAM`` or ``PARAM-FIELD``; None when the path is not declared."""
    if not component:
        return parameter.type
    if not isinstance(parameter.type, Structure):
        return None
    declared_field = parameter.type.field(component)
    return declared_field.type if declared_field else None


_NUMERIC = {AbapType.DEC, AbapType.QUAN, AbapType.CURR, AbapType.INT1, AbapType.INT2,
            AbapType.INT4, AbapType.FLTP}
_TEXT_LIMITED = {AbapType.CHAR, AbapType.NUMC, AbapType.UNIT, AbapType.CUKY, AbapType.CLNT}
#: which declared types take which Python values (pyrfc's conversions)
_ACCEPTS: dict[str, set[AbapType]] = {
    "integer": _NUMERIC | {AbapType.NUMC, AbapType.CHAR, AbapType.STRING},
    "decimal": _NUMERIC | {AbapType.NUMC, AbapType.CHAR, AbapType.STRING},
    "float": _NUMERIC | {AbapType.CHAR, AbapType.STRING},
    "date": {AbapType.DATS, AbapType.CHAR, AbapType.STRING},
    "datetime": {AbapType.DATS, AbapType.CHAR, AbapType.STRING},
    "time": {AbapType.TIMS, AbapType.CHAR, AbapType.STRING},
}


#: characters a date or time takes in a CHAR field
_CHARACTERS = {"date": len("YYYYMMDD"), "datetime": len("YYYYMMDD"), "time": len("HHMMSS")}


def _accepts(declared: Elementary, kind: str) -> bool:
    if kind == "text":
        return True
    if declared.type is AbapType.CHAR and kind in _CHARACTERS:
        return declared.length >= _CHARACTERS[kind]
    return declared.type in _ACCEPTS.get(kind, ())


def _value_problem(declared: Elementary, kinds: set[str], max_length: int) -> str | None:
    wrong = sorted(k for k in kinds if not _accepts(declared, k))
    if wrong:
        return f"is sent as {', '.join(wrong)} but declared {declared}"
    limit = _text_limit(declared)
    if "text" in kinds and limit is not None and max_length > limit:
        return f"is sent with up to {max_length} characters but declared {declared}"
    return None


def _text_limit(declared: Elementary) -> int | None:
    """The longest text the type takes (None: its length is not a number of characters)."""
    if declared.type in _TEXT_LIMITED:
        return declared.length
    if declared.type is AbapType.LANG:
        return 2  # RFC converts ISO codes (EN) to language keys (E)
    if declared.type is AbapType.DATS:
        return len("YYYY-MM-DD")
    if declared.type is AbapType.TIMS:
        return len("HH:MM:SS")
    return None


# --- RFC_READ_TABLE ---------------------------------------------------------------------------

def _check_table(name: str, usage: Mapping[str, Any],
                 declared: Declarations) -> Iterable[Finding]:
    table = declared.tables.get(name)
    if table is None:
        yield _error(READ_TABLE, f"table {name} is read by the adapter but the emulator "
                                 "cannot read it")
        return
    for role, fields in (("selected", usage.get("selected", ())),
                         ("compared in a WHERE clause", usage.get("conditions", ()))):
        for field_name in fields:
            if table.field(field_name) is None:
                yield _error(READ_TABLE, f"{name}-{field_name} is {role} by the adapter "
                                         "but not declared")


# --- IDocs ------------------------------------------------------------------------------------

def _check_idoc_type(name: str, segments: Mapping[str, Any],
                     declared: Declarations) -> Iterable[Finding]:
    idoc_type = declared.idoc_types.get(name)
    if idoc_type is None:
        yield _error(name, "is read by the adapter but the IDoc type is not declared")
        return
    port = declared.outbound_port
    for segment_name, usage in segments.items():
        segment = declared.control_record if segment_name == CONTROL_RECORD \
            else idoc_type.segment(segment_name)
        if segment is None:
            yield _error(name, f"segment {segment_name} is read by the adapter but not "
                               "declared")
            continue
        relied_on = port in usage.get("read_from", ())
        if relied_on and port not in usage.get("present_in", ()):
            yield _error(name, f"segment {segment_name} is relied on by the adapter but no "
                               "outbound IDoc of the emulator contained it in the recorded "
                               "run")
        for field_name, field_usage in usage.get("fields", {}).items():
            if segment.field(field_name) is None:
                yield _error(name, f"{segment_name}-{field_name} is read by the adapter but "
                                   "not declared")
            elif port in field_usage.get("read_from", ()) and \
                    port not in field_usage.get("filled_in", ()):
                yield _note(name, f"{segment_name}-{field_name} is read by the adapter from "
                                  "the emulator's IDocs, but none of them filled it in the "
                                  "recorded run")


def render(findings: list[Finding]) -> str:
    """The findings as the CLI prints them: errors, then notes."""
    lines: list[str] = []
    for severity, title in ((Severity.ERROR, "disagreements"), (Severity.NOTE, "notes")):
        chosen = [f for f in findings if f.severity is severity]
        if chosen:
            lines.append(f"{len(chosen)} {title}:")
            lines.extend(f"  {finding}" for finding in chosen)
    return "\n".join(lines)


# --- the coverage report ----------------------------------------------------------------------

def _share(part: int, whole: int) -> str:
    if not whole:
        return "–"
    return f"{part}/{whole} ({math.floor(100 * part / whole + 0.5)}%)"


def _listed(part: int, whole: int, names: Iterable[str]) -> str:
    shown = ", ".join(names)
    return f"{_share(part, whole)}: {shown}" if shown else _share(part, whole)


def _leaves(parameter: Parameter) -> list[str]:
    """The paths a parameter's coverage is counted in: its fields, or itself."""
    if isinstance(parameter.type, Structure):
        return [f"{parameter.name}-{f.name}" for f in parameter.type.fields]
    return [parameter.name]


@dataclass(frozen=True)
class _FunctionCoverage:
    interface: FunctionInterface
    sent: frozenset[str]
    read: frozenset[str]

    def used(self, parameter: Parameter) -> bool:
        prefix = f"{parameter.name}-"
        return any(p == parameter.name or p.startswith(prefix) for p in self.sent | self.read)

    def counts(self) -> dict[str, tuple[int, int]]:
        params = self.interface.parameters
        inputs = [leaf for p in self.interface.inputs for leaf in _leaves(p)]
        outputs = [leaf for p in self.interface.outputs for leaf in _leaves(p)]
        every = {leaf for p in params for leaf in _leaves(p)}
        return {
            "parameters": (sum(self.used(p) for p in params), len(params)),
            "sent": (len(self.sent & set(inputs)), len(inputs)),
            "read": (len(self.read & set(outputs)), len(outputs)),
            "all": (len((self.sent | self.read) & every), len(every)),
        }


def coverage_report(contract: Mapping[str, Any], declarations: Declarations | None = None,
                    contract_path: str = CONSUMER_CONTRACT) -> str:
    """``docs/contract-coverage.md``: what the consumer's tests exercised of the declarations."""
    declared = declarations or emulator_declarations()
    lines = [
        "# Contract coverage: CRM adapter and fake-sap",
        "",
        f"Generated from the committed consumer contract `{contract_path}` and the emulator's "
        "declarations; do not edit. The contract is recorded from the adapter's tests by "
        f"`{RECORD_COMMAND}`, which also regenerates this page (`fake-sap contract-check "
        f"{contract_path} --coverage-report {COVERAGE_REPORT}`).",
        "",
        "A BAPI parameter or structure field counts as exercised when the adapter's code sent "
        "it or read it during the recorded run; an IDoc segment when the adapter's code looked "
        "for it or read one of its fields, an IDoc field when it read it; a table field when "
        "the adapter's RFC_READ_TABLE calls selected it or compared it. Shares are of what the "
        "emulator declares. Anything the adapter uses that is not declared is not counted "
        "here: `fake-sap contract-check` reports it.",
        "",
    ]
    lines += _function_sections(contract.get("functions", {}), declared)
    lines += _idoc_sections(contract.get("idocs", {}), declared)
    lines += _table_sections(contract.get("tables", {}), declared)
    return "\n".join(lines).rstrip("\n") + "\n"


def _function_sections(functions: Mapping[str, Any], declared: Declarations) -> list[str]:
    used = {name: _FunctionCoverage(declared.functions[name],
                                    frozenset(usage.get("sent", {})),
                                    frozenset(usage.get("read", ())))
            for name, usage in sorted(functions.items()) if name in declared.functions}
    lines = ["## Function modules (SOAP-RFC)", "",
             "| Function | Parameters used | Input fields sent | Output fields read | "
             "All fields |", "|---|---|---|---|---|"]
    for name, coverage in used.items():
        counts = coverage.counts()
        lines.append(f"| {name} | {_share(*counts['parameters'])} | {_share(*counts['sent'])} "
                     f"| {_share(*counts['read'])} | {_share(*counts['all'])} |")
    unused = sorted(set(declared.functions) - set(used))
    lines += ["", f"Declared but not called by the adapter: {', '.join(unused) or 'none'}.", ""]
    for name, coverage in used.items():
        lines += _function_detail(name, coverage)
    return lines


def _function_detail(name: str, coverage: _FunctionCoverage) -> list[str]:
    lines = [f"### {name}", "", "| Parameter | Kind | Type | Sent | Read |",
             "|---|---|---|---|---|"]
    for parameter in coverage.interface.parameters:
        sent = _parameter_usage(parameter, coverage.sent) if parameter.is_input else ""
        read = _parameter_usage(parameter, coverage.read) if parameter.is_output else ""
        lines.append(f"| {parameter.name} | {parameter.kind.value} | {parameter.type_name} "
                     f"| {sent} | {read} |")
    return [*lines, ""]


def _parameter_usage(parameter: Parameter, paths: frozenset[str]) -> str:
    if not isinstance(parameter.type, Structure):
        return "yes" if parameter.name in paths else "–"
    names = [f.name for f in parameter.type.fields if f"{parameter.name}-{f.name}" in paths]
    if not names and parameter.name not in paths:
        return "–"
    return _listed(len(names), len(parameter.type.fields), names)


def _idoc_sections(idocs: Mapping[str, Any], declared: Declarations) -> list[str]:
    used = {name: segments for name, segments in sorted(idocs.items())
            if name in declared.idoc_types}
    lines = ["## IDoc types", "",
             "The control record EDI_DC40 counts as a segment of every type.", "",
             "| IDoc type | Segments used | Fields read |", "|---|---|---|"]
    details: list[str] = []
    for name, segments in used.items():
        declared_segments = [declared.control_record, *declared.idoc_types[name].all_segments()]
        rows, segments_used, fields_read, fields_declared = [], 0, 0, 0
        for segment in declared_segments:
            usage = segments.get(segment.name)
            read = [f.name for f in segment.fields if f.name in (usage or {}).get("fields", {})]
            segments_used += usage is not None
            fields_read += len(read)
            fields_declared += len(segment.fields)
            shown = _listed(len(read), len(segment.fields), read) if usage is not None else "–"
            rows.append(f"| {segment.name} | {'yes' if usage is not None else '–'} | {shown} |")
        lines.append(f"| {name} | {_share(segments_used, len(declared_segments))} | "
                     f"{_share(fields_read, fields_declared)} |")
        details += [f"### {name}", "", "| Segment | Used | Fields read |", "|---|---|---|",
                    *rows, ""]
    unused = sorted(set(declared.idoc_types) - set(used))
    lines += ["", f"Declared but not read by the adapter: {', '.join(unused) or 'none'}.", ""]
    return lines + details


def _table_sections(tables: Mapping[str, Any], declared: Declarations) -> list[str]:
    lines = ["## Tables read with RFC_READ_TABLE", "",
             "| Table | Fields selected or compared |", "|---|---|"]
    used = [name for name in sorted(tables) if name in declared.tables]
    for name in used:
        usage = tables[name]
        touched = set(usage.get("selected", ())) | set(usage.get("conditions", ()))
        fields = [f.name for f in declared.tables[name].fields]
        names = [f for f in fields if f in touched]
        lines.append(f"| {name} | {_listed(len(names), len(fields), names)} |")
    unused = sorted(set(declared.tables) - set(used))
    lines += ["", f"Readable but not read by the adapter: {', '.join(unused) or 'none'}.", ""]
    return lines


# --- the command ------------------------------------------------------------------------------

def load(path: Path | str) -> dict[str, Any]:
    contract: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return contract


def _run(args: argparse.Namespace) -> int:
    contract = load(args.contract)
    declarations = emulator_declarations()
    if args.coverage_report:
        report = coverage_report(contract, declarations, _shown(args.contract))
        Path(args.coverage_report).write_text(report, encoding="utf-8")
        print(f"wrote {args.coverage_report}")
    findings = check(contract, declarations)
    if findings:
        print(render(findings))
    if errors(findings):
        print(f"{args.contract} does not agree with the emulator's declarations",
              file=sys.stderr)
        return 1
    print(f"{args.contract} agrees with the emulator's declarations "
          f"({len(contract.get('functions', {}))} functions, "
          f"{len(contract.get('tables', {}))} tables, "
          f"{len(contract.get('idocs', {}))} IDoc types)")
    return 0


def _shown(path: str) -> str:
    """The contract's path as the report names it: relative to the working directory."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return resolved.as_posix()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contract", nargs="?", default=CONSUMER_CONTRACT,
                        help=f"the consumer contract (default: {CONSUMER_CONTRACT})")
    parser.add_argument("--coverage-report", metavar="PATH",
                        help=f"also write the contract-coverage report (e.g. {COVERAGE_REPORT})")
    parser.set_defaults(func=_run)
