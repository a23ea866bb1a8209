"""Recording the adapter's side of its contract with SAP: what it sends, what it reads.

Layer: test support of the adapter (``crm_adapter.testing``): imports ``sap_client`` (whose
``Connection.call``, ``Connection.fill_and_submit_unit`` and IDoc reader it wraps while
recording) and the standard library,
never ``fake_sap``; the adapter's runtime never imports it. Opt-in and off by default:
nothing here runs, and nothing of the adapter is changed, until a recording is started
(:func:`recording`, or the pytest plugin of this module). ``make contract-record`` runs the
adapter's suite with

    pytest -p crm_adapter.testing.recording --record-contract contracts/consumer/crm-adapter.json

(with the plugin loaded, ``CRM_ADAPTER_RECORD_CONTRACT=PATH`` does the same as the option;
the contract is written only when every test passed) and writes the
consumer contract that ``fake-sap contract-check`` compares with the emulator's declarations.

What is recorded, and how:

- **Function calls.** While a recording runs, ``Connection.call`` is wrapped. Every call
  notes the parameter paths sent (``PARAM``; ``PARAM-FIELD`` for a structure; ``TABLE-FIELD``
  for the fields of table rows) with the kinds of Python values sent and, for text, the
  longest one. The result is handed back as read-tracking copies of its dicts and lists
  (dict and list subclasses, built once, so mutations stick and ``isinstance`` holds): a
  component read with ``[...]``, ``get``, ``in`` or ``pop`` notes its path. Iterating over a
  whole dict (``items()``, ``json.dumps``) is not a read of each component; pickling and
  ``deepcopy`` give plain dicts and lists. RFC_READ_TABLE calls also note the table, the
  fields selected and the fields in the WHERE clause.
- **IDocs.** ``sap_client.idoc`` builds every :class:`ReceivedIdoc` in one place
  (``_read_idoc``); while a recording runs the IDocs it returns are read-tracking subclasses
  of :class:`ReceivedIdoc` and :class:`Segment`: reading a field (``segment.get``,
  ``segment.fields[...]``, the control record's dict) notes IDoc type / segment / field;
  ``find``/``find_all`` and comparing a segment's ``name`` note the segment looked for.
  Each IDoc's sender port (EDI_DC40-SNDPOR) goes with what is noted, and the segments and
  filled fields of every IDoc are observed, so the checker can tell what the adapter relies
  on in the emulator's own outbound IDocs from what only hand-built test IDocs carried.

Only the adapter's own code counts: a call or read is noted when a module of the adapter
(``crm_adapter.*`` except its test support ``crm_adapter.testing``; the generic SAP client
``sap_client`` is not the adapter) is on the calling thread's stack. Tests that call SAP
directly, check the RFC client itself or read IDocs themselves leave no trace in the
contract (an IDoc a test parses and hands to a flow does: the flow reads it). Reads of
components that SAP's answer does not have are noted when the adapter's code asks for them
(a missing field is exactly what the contract check must see), except inside the SAP
client, whose RETURN reader probes the four RETURN layouts on purpose.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

from sap_client import idoc as idoc_reader
from sap_client import rfc
from sap_client.idoc import ReceivedIdoc, Segment

#: the environment variable that turns recording on in a pytest run (the contract's path)
ENV_VARIABLE = "CRM_ADAPTER_RECORD_CONTRACT"
CONTRACT_FORMAT = 1
CONSUMER = "crm-adapter"
#: the pseudo segment under which reads of the control record are noted
CONTROL_RECORD = idoc_reader.CONTROL_RECORD
READ_TABLE = "RFC_READ_TABLE"
#: modules of the adapter's package that call SAP on behalf of whoever called them: its test
#: support (the step library); what they do counts only when the adapter's own code is above
#: them (the generic SAP client, ``sap_client``, is outside ``crm_adapter`` anyway)
_NOT_THE_ADAPTER = ("crm_adapter.testing",)
_LITERAL = re.compile(r"'(?:[^']|'')*'")
_CONDITION_FIELD = re.compile(
    r"\b([A-Z][A-Z0-9_]*)\s*(?:=|<>|<=|>=|<|>|\b(?:NOT\s+)?(?:IN|LIKE|BETWEEN|EQ|NE|LT|LE|GT|GE)\b"
    r"|\bIS\b)", re.IGNORECASE)
_KEYWORDS = frozenset({"AND", "OR", "NOT", "IN", "LIKE", "BETWEEN", "IS", "NULL", "ESCAPE"})


def adapter_module(module: str) -> bool:
    """True for a module of the adapter whose calls and reads make up its contract."""
    return (module == "crm_adapter" or module.startswith("crm_adapter.")) and \
        not module.startswith(_NOT_THE_ADAPTER)


# --- what one recording collects ---------------------------------------------------------------

@dataclass
class _Sent:
    kinds: set[str] = field(default_factory=set)
    max_length: int = -1

    def as_json(self) -> dict[str, Any]:
        usage: dict[str, Any] = {"types": sorted(self.kinds)}
        if self.max_length >= 0:
            usage["max_length"] = self.max_length
        return usage


@dataclass
class _Table:
    selected: set[str] = field(default_factory=set)
    conditions: set[str] = field(default_factory=set)


def _ports() -> defaultdict[tuple[str, ...], set[str]]:
    return defaultdict(set)


class Recorder:
    """Collects one recording; :meth:`contract` is the consumer contract (JSON-ready).

    ``is_adapter_module`` decides which modules' calls and reads count (see
    :func:`adapter_module`); tests of the recorder pass their own.
    """

    def __init__(self, is_adapter_module: Callable[[str], bool] = adapter_module) -> None:
        self._is_adapter_module = is_adapter_module
        self._verdicts: dict[str, bool] = {}
        self._lock = threading.Lock()
        self._sent: defaultdict[str, dict[str, _Sent]] = defaultdict(dict)
        self._read: defaultdict[str, set[str]] = defaultdict(set)
        self._tables: defaultdict[str, _Table] = defaultdict(_Table)
        # (IDoc type, segment[, field]) -> sender ports
        self._segments_read = _ports()
        self._fields_read = _ports()
        self._segments_present = _ports()
        self._fields_filled = _ports()

    # -- whose code is running ---------------------------------------------------------------

    def adapter_on_stack(self) -> bool:
        """True when a module of the adapter is on the calling thread's stack."""
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            module = frame.f_globals.get("__name__", "")
            verdict = self._verdicts.get(module)
            if verdict is None:
                verdict = self._verdicts[module] = self._is_adapter_module(module)
            if verdict:
                return True
            frame = frame.f_back
        return False

    # -- function calls ------------------------------------------------------------------------

    def note_call(self, function: str, params: Mapping[str, Any]) -> None:
        with self._lock:
            sent = self._sent[function]
            self._read[function]  # a function whose answer is never read is still called
            for name, value in params.items():
                self._note_sent(sent, name, value)
                if isinstance(value, Mapping):
                    for component, inner in value.items():
                        self._note_sent(sent, f"{name}-{component}", inner)
                elif _is_rows(value):
                    for row in value:
                        for component, inner in (row.items() if isinstance(row, Mapping)
                                                 else ()):
                            self._note_sent(sent, f"{name}-{component}", inner)
            if function == READ_TABLE:
                self._note_table_read(params)

    @staticmethod
    def _note_sent(sent: dict[str, _Sent], path: str, value: Any) -> None:
        usage = sent.setdefault(path, _Sent())
        usage.kinds.add(value_kind(value))
        if isinstance(value, str):
            usage.max_length = max(usage.max_length, len(value))

    def _note_table_read(self, params: Mapping[str, Any]) -> None:
        table = str(params.get("QUERY_TABLE") or "").strip().upper()
        if not table:
            return
        usage = self._tables[table]
        for row in params.get("FIELDS") or ():
            if isinstance(row, Mapping) and str(row.get("FIELDNAME") or "").strip():
                usage.selected.add(str(row["FIELDNAME"]).strip().upper())
        lines = [str(row.get("TEXT") or "") for row in params.get("OPTIONS") or ()
                 if isinstance(row, Mapping)]
        usage.conditions.update(condition_fields(" ".join(lines)))

    def note_result_read(self, function: str, path: str) -> None:
        with self._lock:
            self._read[function].add(path)

    # -- IDocs ---------------------------------------------------------------------------------

    def observe_idoc(self, idoc_type: str, port: str, received: ReceivedIdoc) -> None:
        """Note which segments and filled fields an IDoc from ``port`` carried."""
        with self._lock:
            self._observe_segment(idoc_type, port, CONTROL_RECORD, received.control)
            for segment in received.walk():
                self._observe_segment(idoc_type, port, segment.name, segment.fields)

    def _observe_segment(self, idoc_type: str, port: str, segment: str,
                         values: Mapping[str, str]) -> None:
        self._segments_present[idoc_type, segment].add(port)
        for name, value in values.items():
            if value:
                self._fields_filled[idoc_type, segment, name].add(port)

    def note_segment(self, idoc_type: str, port: str, segment: str) -> None:
        with self._lock:
            self._segments_read[idoc_type, segment].add(port)

    def note_field(self, idoc_type: str, port: str, segment: str, name: str) -> None:
        with self._lock:
            self._segments_read[idoc_type, segment].add(port)
            self._fields_read[idoc_type, segment, name].add(port)

    # -- the contract --------------------------------------------------------------------------

    def contract(self) -> dict[str, Any]:
        """The consumer contract: sorted, the same for the same calls and reads."""
        with self._lock:
            return {
                "consumer": CONSUMER,
                "format": CONTRACT_FORMAT,
                "functions": {name: {
                    "sent": {path: usage.as_json() for path, usage in sorted(sent.items())},
                    "read": sorted(self._read[name])}
                    for name, sent in sorted(self._sent.items())},
                "tables": {name: {"selected": sorted(usage.selected),
                                  "conditions": sorted(usage.conditions)}
                           for name, usage in sorted(self._tables.items())},
                "idocs": self._idocs(),
            }

    def _idocs(self) -> dict[str, Any]:
        idocs: dict[str, dict[str, Any]] = {}
        for (idoc_type, segment), ports in sorted(self._segments_read.items()):
            idocs.setdefault(idoc_type, {})[segment] = {
                "read_from": sorted(ports),
                "present_in": sorted(self._segments_present.get((idoc_type, segment), ())),
                "fields": {}}
        for (idoc_type, segment, name), ports in sorted(self._fields_read.items()):
            idocs[idoc_type][segment]["fields"][name] = {
                "read_from": sorted(ports),
                "filled_in": sorted(self._fields_filled.get((idoc_type, segment, name), ()))}
        return idocs

    def absorb(self, contract: Mapping[str, Any]) -> None:
        """Add another recording's contract (e.g. of a pytest-xdist worker) to this one."""
        with self._lock:
            for name, usage in contract.get("functions", {}).items():
                sent = self._sent[name]
                for path, entry in usage.get("sent", {}).items():
                    mine = sent.setdefault(path, _Sent())
                    mine.kinds.update(entry.get("types", ()))
                    mine.max_length = max(mine.max_length, entry.get("max_length", -1))
                self._read[name].update(usage.get("read", ()))
            for name, usage in contract.get("tables", {}).items():
                self._tables[name].selected.update(usage.get("selected", ()))
                self._tables[name].conditions.update(usage.get("conditions", ()))
            for idoc_type, segments in contract.get("idocs", {}).items():
                for segment, entry in segments.items():
                    self._segments_read[idoc_type, segment].update(entry.get("read_from", ()))
                    self._segments_present[idoc_type, segment].update(
                        entry.get("present_in", ()))
                    for name, usage in entry.get("fields", {}).items():
                        key = (idoc_type, segment, name)
                        self._fields_read[key].update(usage.get("read_from", ()))
                        self._fields_filled[key].update(usage.get("filled_in", ()))


def value_kind(value: Any) -> str:
    """How a sent value travels, as the contract names it."""
    if value is None:
        return "initial"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, Decimal):
        return "decimal"
    if isinstance(value, float):
        return "float"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    if isinstance(value, Mapping):
        return "structure"
    if _is_rows(value):
        return "table"
    return type(value).__name__


def condition_fields(where: str) -> set[str]:
    """The field names an RFC_READ_TABLE WHERE clause compares (literals ignored)."""
    text = _LITERAL.sub("''", where)
    return {m.group(1).upper() for m in _CONDITION_FIELD.finditer(text)
            if m.group(1).upper() not in _KEYWORDS}


def _is_rows(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)


def write_contract(path: Path | str, contract: Mapping[str, Any]) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(contract, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- read-tracking results --------------------------------------------------------------------

@dataclass(frozen=True)
class _ResultSource:
    recorders: tuple[Recorder, ...]
    function: str
    prefix: str

    def path(self, key: object) -> str:
        return f"{self.prefix}-{key}" if self.prefix else str(key)

    def note(self, key: object, present: bool, reader: str) -> None:
        # the SAP edge's RETURN reader probes every RETURN layout on purpose
        if not present and reader.startswith("sap_client"):
            return
        for recorder in self.recorders:
            if recorder.adapter_on_stack():
                recorder.note_result_read(self.function, self.path(key))


def _caller_module(frames_up: int) -> str:
    """The module of the frame ``frames_up`` above this function's own."""
    return str(sys._getframe(frames_up).f_globals.get("__name__", ""))


class _TrackedDict(dict[str, Any]):
    """A function result or one of its structures / table rows, noting components read."""

    __slots__ = ("_source",)

    def __init__(self, values: Any = (), source: _ResultSource | None = None) -> None:
        # without a source (dataclasses.asdict and the like build one from pairs) it is a
        # plain dict that notes nothing
        if source is None:
            super().__init__(values)
        else:
            super().__init__((key, _track(value, source, source.path(key)))
                             for key, value in values.items())
        self._source = source

    def _note(self, key: object) -> None:
        if self._source is not None:
            # 1 is _note, 2 the dict method, 3 the code reading
            self._source.note(key, dict.__contains__(self, key), _caller_module(3))

    def __getitem__(self, key: str) -> Any:
        self._note(key)
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        self._note(key)
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return dict.__contains__(self, key)

    def pop(self, key: str, *default: Any) -> Any:
        self._note(key)
        return dict.pop(self, key, *default)

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


class _TrackedList(list[Any]):
    """A table of a result: its rows note the fields read as ``TABLE-FIELD``."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))


def _track(value: Any, source: _ResultSource, path: str) -> Any:
    inner = _ResultSource(source.recorders, source.function, path)
    if isinstance(value, Mapping):
        return _TrackedDict(value, inner)
    if isinstance(value, list):
        # a table's rows keep the table's name: TABLE-FIELD
        return _TrackedList(_TrackedDict(row, inner) if isinstance(row, Mapping) else row
                            for row in value)
    return value


# --- read-tracking IDocs ----------------------------------------------------------------------

@dataclass(frozen=True)
class _IdocSource:
    recorders: tuple[Recorder, ...]
    idoc_type: str
    port: str

    def note_segment(self, segment: str) -> None:
        for recorder in self.recorders:
            if recorder.adapter_on_stack():
                recorder.note_segment(self.idoc_type, self.port, segment)

    def note_field(self, segment: str, name: str) -> None:
        for recorder in self.recorders:
            if recorder.adapter_on_stack():
                recorder.note_field(self.idoc_type, self.port, segment, name)


class _TrackedFields(dict[str, str]):
    """A segment's (or the control record's) field values, noting the fields read."""

    __slots__ = ("_source", "_segment")

    def __init__(self, values: Any = (), source: _IdocSource | None = None,
                 segment: str = "") -> None:
        super().__init__(values)
        self._source = source
        self._segment = segment

    def _note(self, key: object) -> None:
        if self._source is not None:
            self._source.note_field(self._segment, str(key))

    def __getitem__(self, key: str) -> str:
        self._note(key)
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        self._note(key)
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return dict.__contains__(self, key)

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


class _SegmentName(str):
    """A segment's name; comparing it with a name notes that the adapter looks for that
    segment (``child.name == "E1EDL18"``)."""

    _source: _IdocSource | None = None

    def __new__(cls, value: str, source: _IdocSource | None = None) -> _SegmentName:
        name = super().__new__(cls, value)
        name._source = source
        return name

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str) and other and self._source is not None:
            self._source.note_segment(str(other))
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = str.__hash__

    def __reduce__(self) -> tuple[Any, ...]:
        return (str, (str(self),))


class _NotesLookups:
    """Mixin for segments and IDocs: looking a child segment up notes the segment name."""

    _source: _IdocSource | None = None

    def find(self, name: str) -> Segment | None:
        if self._source is not None:
            self._source.note_segment(name)
        return super().find(name)  # type: ignore[misc,no-any-return]

    def find_all(self, name: str) -> list[Segment]:
        if self._source is not None:
            self._source.note_segment(name)
        return super().find_all(name)  # type: ignore[misc,no-any-return]


class _TrackedSegment(_NotesLookups, Segment):
    def __reduce__(self) -> tuple[Any, ...]:
        return (Segment, (str(self.name), dict(self.fields), list(self.children)))


class _TrackedIdoc(_NotesLookups, ReceivedIdoc):
    def __reduce__(self) -> tuple[Any, ...]:
        return (ReceivedIdoc, (self.root, self.index, dict(self.control), list(self.segments),
                               self.xml))


def _tracked_idoc(received: ReceivedIdoc, recorders: tuple[Recorder, ...]) -> ReceivedIdoc:
    control = received.control
    idoc_type = control.get("CIMTYP") or control.get("IDOCTYP") or received.root
    source = _IdocSource(recorders, idoc_type, control.get("SNDPOR", ""))
    for recorder in recorders:
        recorder.observe_idoc(idoc_type, source.port, received)
    tracked = _TrackedIdoc(root=received.root, index=received.index,
                           control=_TrackedFields(control, source, CONTROL_RECORD),
                           segments=[_tracked_segment(s, source) for s in received.segments],
                           xml=received.xml)
    object.__setattr__(tracked, "_source", source)
    return tracked


def _tracked_segment(segment: Segment, source: _IdocSource) -> Segment:
    tracked = _TrackedSegment(_SegmentName(segment.name, source),
                              _TrackedFields(segment.fields, source, segment.name),
                              [_tracked_segment(child, source) for child in segment.children])
    tracked._source = source
    return tracked


# --- switching recording on and off -----------------------------------------------------------

_active: tuple[Recorder, ...] = ()
_originals: dict[str, Any] = {}
_switch = threading.Lock()


def _recording_call(self: rfc.Connection, func_name: str,
                    options: Mapping[str, Any] | None = None, **params: Any) -> dict[str, Any]:
    original = _originals["call"]
    recorders = tuple(r for r in _active if r.adapter_on_stack())
    if not recorders:
        return original(self, func_name, options, **params)  # type: ignore[no-any-return]
    function = func_name.strip().upper() if isinstance(func_name, str) else str(func_name)
    for recorder in recorders:
        recorder.note_call(function, params)
    result = original(self, func_name, options, **params)
    return _TrackedDict(result, _ResultSource(recorders, function, ""))


def _recording_submit_unit(self: rfc.Connection, unit: dict[str, Any],
                           calls: list[tuple[str, dict[str, Any]]], queue_names: Any = None,
                           attributes: Any = None) -> dict[str, Any]:
    """The calls of a transactional unit count as calls; their results as read."""
    original = _originals["fill_and_submit_unit"]
    recorders = tuple(r for r in _active if r.adapter_on_stack())
    if not recorders:
        return original(self, unit, calls, queue_names, attributes)  # type: ignore[no-any-return]
    functions = [str(name).strip().upper() for name, _ in calls]
    for recorder in recorders:
        for function, (_, params) in zip(functions, calls, strict=True):
            recorder.note_call(function, params)
    done: dict[str, Any] = original(self, unit, calls, queue_names, attributes)
    if done.get("results"):
        done["results"] = [_TrackedDict(result, _ResultSource(recorders, function, ""))
                           for result, function in zip(done["results"], functions,
                                                       strict=False)]
    return done


def _recording_read_idoc(element: Any, root: str, index: int) -> ReceivedIdoc:
    # every IDoc read while recording is tracked, whoever parses it: a test may parse one and
    # hand it to a flow; what counts is who reads its fields
    received: ReceivedIdoc = _originals["read_idoc"](element, root, index)
    return _tracked_idoc(received, _active) if _active else received


def active() -> tuple[Recorder, ...]:
    """The recordings running now (usually none)."""
    return _active


def start(recorder: Recorder) -> None:
    """Start recording into ``recorder`` (recordings may overlap; each gets everything)."""
    global _active
    with _switch:
        if not _active:
            _originals["call"] = rfc.Connection.call
            _originals["fill_and_submit_unit"] = rfc.Connection.fill_and_submit_unit
            rfc.Connection.fill_and_submit_unit = _recording_submit_unit  # type: ignore[method-assign]
            _originals["read_idoc"] = idoc_reader._read_idoc
            rfc.Connection.call = _recording_call  # type: ignore[method-assign]
            idoc_reader._read_idoc = _recording_read_idoc
        _active = (*_active, recorder)


def stop(recorder: Recorder) -> None:
    """Stop recording into ``recorder``; the last one to stop restores the adapter."""
    global _active
    with _switch:
        _active = tuple(r for r in _active if r is not recorder)
        if not _active and _originals:
            rfc.Connection.call = _originals.pop("call")  # type: ignore[method-assign]
            rfc.Connection.fill_and_submit_unit = _originals.pop(  # type: ignore[method-assign]
                "fill_and_submit_unit")
            idoc_reader._read_idoc = _originals.pop("read_idoc")


@contextmanager
def recording(recorder: Recorder | None = None) -> Iterator[Recorder]:
    """Record while the block runs: ``with recording() as recorder: ...``."""
    recorder = recorder or Recorder()
    start(recorder)
    try:
        yield recorder
    finally:
        stop(recorder)


# --- the pytest plugin: ``pytest -p crm_adapter.testing.recording --record-contract PATH`` --

#: key of a pytest-xdist worker's recording in its ``workeroutput``
_WORKER_OUTPUT = "crm_adapter_contract"


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("crm-adapter contract")
    group.addoption("--record-contract", metavar="PATH", default=None,
                    help="record the adapter's calls to SAP and IDoc reads into a consumer "
                         f"contract at PATH (also: {ENV_VARIABLE}=PATH)")
    group.addoption("--record-contract-on-failure", action="store_true", default=False,
                    help="write the contract even when tests failed (it may be incomplete)")


def pytest_configure(config: Any) -> None:
    path = config.getoption("record_contract") or os.environ.get(ENV_VARIABLE)
    if not path:
        return
    session = _PytestRecording(Path(path), config)
    config.pluginmanager.register(session, "crm-adapter-contract-recording")
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_XdistMerge(session), "crm-adapter-contract-xdist")


class _PytestRecording:
    def __init__(self, path: Path, config: Any) -> None:
        self.path = path
        self.config = config
        self.recorder = Recorder()
        self.outcome = ""
        start(self.recorder)

    def pytest_sessionfinish(self, session: Any, exitstatus: int) -> None:
        stop(self.recorder)
        contract = self.recorder.contract()
        worker_output = getattr(self.config, "workeroutput", None)
        if worker_output is not None:
            worker_output[_WORKER_OUTPUT] = contract  # the controller writes the file
            return
        if int(exitstatus) != 0 and not self.config.getoption("record_contract_on_failure"):
            self.outcome = (f"consumer contract NOT written to {self.path}: tests failed "
                            "(--record-contract-on-failure writes it anyway)")
            return
        write_contract(self.path, contract)
        self.outcome = (f"consumer contract written to {self.path}: "
                        f"{len(contract['functions'])} functions, "
                        f"{len(contract['idocs'])} IDoc types")

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.outcome:
            terminalreporter.write_line(self.outcome)


class _XdistMerge:
    def __init__(self, session: _PytestRecording) -> None:
        self.session = session

    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        contract = getattr(node, "workeroutput", {}).get(_WORKER_OUTPUT)
        if contract:
            self.session.recorder.absorb(contract)

