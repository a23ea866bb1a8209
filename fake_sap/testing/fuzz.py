"""Hypothesis strategies for SAP's wire formats, generated from the emulator's declarations.

IDoc-XML documents come from the IDoc type declarations (``fake_sap.idoc.types``), SOAP-RFC
envelopes from the function interfaces (``fake_sap.rfc``): valid ones, whose values fit each
field's type and length, and broken ones (a value too long or of the wrong type, unknown
segments and parameters, a missing control record, broken nesting, truncated documents,
garbage). A project that sends IDocs or calls BAPIs can fuzz its own receiver or client with
them; the emulator's own suite fuzzes the emulator::

    from hypothesis import given
    from fake_sap.testing import fuzz

    @fuzz.fuzz_settings(max_examples=50)
    @given(document=fuzz.idoc_documents(["MATMAS05"]))
    def test_material_documents_are_accepted(fake_sap, document):
        assert fake_sap.post_idocs(document.xml).status_code == 200

Layer: ``fake_sap.testing`` (test support): imports Hypothesis, lxml and the emulator's IDoc
and function declarations; the only module of the three packages that imports Hypothesis,
and nothing outside the test tools imports it. Needs Hypothesis (``pip install
fake-sap[dev]``). Every strategy only builds bytes; nothing here talks to a server.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache
from typing import Any, TypeVar

from hypothesis import HealthCheck, reject, settings
from hypothesis import strategies as st
from lxml import etree

from fake_sap.ddic.types import (
    INTEGER_RANGES,
    PACKED_TYPES,
    AbapType,
    Elementary,
    ValueRejected,
)
from fake_sap.idoc import types
from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import Field, IdocType, Segment
from fake_sap.idoc.writer import to_xml
from fake_sap.rfc.model import FunctionInterface, Kind, Parameter, Structure

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[Any]], Any]

RFC_NS = "urn:sap-com:document:sap:rfc:functions"
SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/"
#: segments of an unbounded type repeat at most this often in generated IDocs (small
#: documents find the same bugs faster)
MAX_REPEATS = 2

# Characters XML 1.0 can carry, without control characters (tabs and line breaks are
# whitespace that IDoc-XML readers strip) and without surrogates.
TEXT = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                     exclude_characters="\ufffe\uffff")
DIGITS = st.characters(min_codepoint=ord("0"), max_codepoint=ord("9"))
LETTERS = st.characters(min_codepoint=ord("A"), max_codepoint=ord("Z"))


#: multiplies every ``fuzz_settings`` test's ``max_examples`` (a longer campaign by hand)
FUZZ_SCALE_ENV = "FAKE_SAP_FUZZ_SCALE"


def fuzz_settings(max_examples: int = 50, **overrides: Any) -> settings:
    """Settings for fuzzing a live server: no deadline (a request takes what it takes),
    function-scoped fixtures allowed (one SAP client for all examples of a test), and
    reproducible in CI (``CI`` set: a fixed seed, no example database). On a failure
    Hypothesis prints the falsifying example and how to reproduce it.

    ``FAKE_SAP_FUZZ_SCALE`` multiplies ``max_examples``, for a longer campaign by hand
    (``FAKE_SAP_FUZZ_SCALE=50 pytest tests/test_fuzz_soap_rfc.py``)."""
    in_ci = bool(os.environ.get("CI"))
    scale = float(os.environ.get(FUZZ_SCALE_ENV) or 1)
    values: dict[str, Any] = {
        "max_examples": max(1, round(max_examples * scale)), "deadline": None,
        "derandomize": in_ci,
        "print_blob": True,
        "suppress_health_check": [HealthCheck.function_scoped_fixture,
                                  HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if in_ci:
        values["database"] = None
    return settings(**{**values, **overrides})


# == IDoc-XML ==================================================================================

def _text(max_size: int, min_size: int = 1) -> st.SearchStrategy[str]:
    # IDoc-XML readers strip field values, so generate them stripped: what is sent is read
    return st.text(TEXT, min_size=min_size, max_size=max_size).map(str.strip).filter(
        lambda text: len(text) >= min_size)


def _decimal_text(length: int, decimals: int = 3) -> st.SearchStrategy[str]:
    """A number as IDoc decimal text (``12.5``, ``-3``, ``7.250-``) of at most ``length``."""
    integers = st.text(DIGITS, min_size=1, max_size=max(1, length - 1))
    fractions = st.one_of(st.just(""), st.text(DIGITS, min_size=1, max_size=decimals).map(
        lambda digits: f".{digits}"))
    signs = st.sampled_from(["", "-", "trailing"])
    return st.builds(_signed, integers, fractions, signs).filter(lambda t: len(t) <= length)


def _signed(integer: str, fraction: str, sign: str) -> str:
    number = integer + fraction
    if sign == "trailing":  # SAP writes the minus sign behind the number
        return number + "-"
    return sign + number


@cache
def idoc_field_values(declared: Field) -> st.SearchStrategy[str]:
    """Text that is valid for an IDoc field: its type, at most its length."""
    kind, length = declared.type, declared.length
    if kind is AbapType.NUMC:
        return st.text(DIGITS, min_size=1, max_size=length)
    if kind is AbapType.DATS:
        return st.one_of(st.just("00000000"), st.dates(date(1900, 1, 1), date(9999, 12, 31))
                         .map(lambda d: d.strftime("%Y%m%d")))
    if kind is AbapType.TIMS:
        return st.times().map(lambda t: t.strftime("%H%M%S"))
    if kind in PACKED_TYPES:
        return _decimal_text(length)
    return _text(length)


def wrong_idoc_field_values(declared: Field) -> st.SearchStrategy[str]:
    """Text an IDoc field refuses: too long, or not of its type (letters in a number)."""
    too_long = st.text(LETTERS, min_size=declared.length + 1,
                       max_size=declared.length + 8)
    if declared.type is AbapType.NUMC:
        return st.one_of(too_long, st.text(LETTERS, min_size=1, max_size=declared.length))
    if declared.type is AbapType.DATS:
        return st.one_of(too_long, st.sampled_from(["20241340", "2024-01-01", "ABCDEFGH"]))
    if declared.type is AbapType.TIMS:
        return st.one_of(too_long, st.sampled_from(["246000", "12:00", "ABCDEF"]))
    if declared.type in PACKED_TYPES:
        return st.one_of(too_long, st.sampled_from(["ABC", "1.2.3", "--1", "."]))
    return too_long


@cache
def segment_data(segment: Segment, max_repeats: int = MAX_REPEATS
                 ) -> st.SearchStrategy[SegmentData]:
    """A segment with valid values: every mandatory field, some optional ones, child
    segments within their declared occurrences (at most ``max_repeats`` of each)."""
    values = st.fixed_dictionaries(
        {f.name: idoc_field_values(f) for f in segment.mandatory_fields},
        optional={f.name: idoc_field_values(f) for f in segment.fields if not f.mandatory})
    children = st.tuples(*[_occurrences(child, max_repeats) for child in segment.children])
    return st.builds(lambda v, c: SegmentData(segment.name, dict(v), [s for g in c for s in g]),
                     values, children)


def _occurrences(segment: Segment, max_repeats: int) -> st.SearchStrategy[list[SegmentData]]:
    most = max(segment.min_occurs, min(segment.max_occurs, max_repeats))
    return st.lists(segment_data(segment, max_repeats), min_size=segment.min_occurs,
                    max_size=most)


def _idoc_types(names: Iterable[str] | None) -> list[IdocType]:
    if names is None:
        return [types.IDOC_TYPES[name] for name in sorted(types.IDOC_TYPES)]
    return [types.IDOC_TYPES[name] for name in names]


@cache
def control_records(idoc_type: IdocType) -> st.SearchStrategy[dict[str, str]]:
    """A valid EDI_DC40 for an inbound IDoc of the type (IDOCTYP/CIMTYP come from the
    writer); the sender is a random logical system, the IDoc numbers are left to SAP."""
    logical_systems = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"),
                              min_size=1, max_size=10)
    return st.fixed_dictionaries(
        {"MESTYP": st.sampled_from(idoc_type.message_types), "SNDPRT": st.just("LS"),
         "SNDPRN": logical_systems, "RCVPRT": st.just("LS")},
        optional={"SNDPOR": logical_systems, "RCVPRN": logical_systems,
                  "REFINT": _text(14), "ARCKEY": _text(70),
                  "SERIAL": st.datetimes().map(lambda moment: moment.strftime("%Y%m%d%H%M%S"))})


@cache
def idocs(idoc_type: IdocType, max_repeats: int = MAX_REPEATS) -> st.SearchStrategy[Idoc]:
    """One valid IDoc of the type."""
    segments = st.tuples(*[_occurrences(top, max_repeats) for top in idoc_type.segments])
    return st.builds(lambda control, groups: Idoc(control, [s for g in groups for s in g]),
                     control_records(idoc_type), segments)


@dataclass(frozen=True)
class IdocDocument:
    """A generated IDoc-XML document: the type, its IDocs and the bytes to send."""

    idoc_type: str
    idocs: list[Idoc] = field(repr=False)
    xml: bytes

    @property
    def count(self) -> int:
        return len(self.idocs)


def idoc_documents(idoc_types: Iterable[str] | None = None, *, max_idocs: int = 3,
                   max_repeats: int = MAX_REPEATS) -> st.SearchStrategy[IdocDocument]:
    """Valid IDoc-XML documents of 1 to ``max_idocs`` IDocs of one declared type (all
    declared types when ``idoc_types`` is None)."""
    def documents(idoc_type: IdocType) -> st.SearchStrategy[IdocDocument]:
        return st.lists(idocs(idoc_type, max_repeats), min_size=1, max_size=max_idocs).map(
            lambda generated: IdocDocument(idoc_type.name, generated,
                                           to_xml(idoc_type, generated)))

    return st.sampled_from(_idoc_types(idoc_types)).flatmap(documents)


# -- broken IDoc-XML ---------------------------------------------------------------------------

@dataclass(frozen=True)
class MutatedDocument:
    """An IDoc-XML document after one mutation. ``idocs`` is how many ``<IDOC>`` elements
    the root has if the result is still well-formed XML, else None."""

    mutation: str
    xml: bytes
    idocs: int | None


def _tree(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _data_segments(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if e.get("SEGMENT") is not None and e.tag != "EDI_DC40"]


def _declared_fields(root: etree._Element, idoc_type: IdocType
                     ) -> list[tuple[etree._Element, Field]]:
    """Field elements of data segments with their declarations."""
    found = []
    for element in _data_segments(root):
        segment = idoc_type.segment(element.tag)
        for child in element:
            declared = segment.field(child.tag) if segment else None
            if declared is not None and child.get("SEGMENT") is None:
                found.append((child, declared))
    return found


def _wrong_value(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    idoc_type = types.IDOC_TYPES[document.idoc_type]
    fields = _declared_fields(root, idoc_type)
    if fields:
        element, declared = draw(st.sampled_from(fields))
    else:  # every field was left empty: give a segment one, with the wrong value
        segments = [(e, s) for e in _data_segments(root)
                    if (s := idoc_type.segment(e.tag)) is not None and s.fields]
        if not segments:
            reject()
        parent, segment = draw(st.sampled_from(segments))
        declared = draw(st.sampled_from(segment.fields))
        element = etree.Element(declared.name)
        parent.insert(0, element)
    element.text = draw(wrong_idoc_field_values(declared))
    return _bytes(root)


def _unknown_segment(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    parent = draw(st.sampled_from([*root.findall("IDOC"), *_data_segments(root)]))
    unknown = etree.Element(draw(st.sampled_from(["Z1FUZZ", "E1UNKNOWN", "E1MARAM",
                                                  "E1KNA1M", "EDI_DC40"])), SEGMENT="1")
    etree.SubElement(unknown, "FIELD").text = "X"
    parent.insert(draw(st.integers(0, len(parent))), unknown)
    return _bytes(root)


def _unknown_field(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    segment = draw(st.sampled_from([*root.iter("EDI_DC40"), *_data_segments(root)]))
    etree.SubElement(segment, draw(st.sampled_from(["ZZFUZZ", "MATNR", "KUNNR"]))).text = "1"
    return _bytes(root)


def _missing_control_field(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    control = draw(st.sampled_from(root.findall("IDOC/EDI_DC40")))
    name = draw(st.sampled_from([f.name for f in EDI_DC40.mandatory_fields]))
    for element in control.findall(name):
        control.remove(element)
    return _bytes(root)


def _wrong_control_value(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    control = draw(st.sampled_from(root.findall("IDOC/EDI_DC40")))
    name, value = draw(st.sampled_from([("SNDPRT", "XX"), ("MANDT", "999"),
                                        ("IDOCTYP", "NOSUCH01"), ("MESTYP", "NOSUCH"),
                                        ("CIMTYP", "ZNOSUCH"), ("DOCNUM", "12AB")]))
    element = control.find(name)
    if element is None:
        element = etree.SubElement(control, name)
    element.text = value
    return _bytes(root)


def _missing_control_record(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    idoc = draw(st.sampled_from(root.findall("IDOC")))
    idoc.remove(idoc.find("EDI_DC40"))
    return _bytes(root)


def _broken_nesting(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    segments = _data_segments(root)
    moved = draw(st.sampled_from(segments))
    targets = [s for s in segments if s is not moved and moved not in s.iterancestors()
               and s is not moved.getparent()]
    targets += [i for i in root.findall("IDOC") if i is not moved.getparent()]
    if not targets:  # a single segment: put it into a segment of its own kind
        targets = [etree.SubElement(moved.getparent(), moved.tag, SEGMENT="1")]
    target = draw(st.sampled_from(targets))
    target.append(moved)
    return _bytes(root)


def _wrong_root(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    root.tag = draw(st.sampled_from([n for n in [*types.IDOC_TYPES, "IDOC", "ZFUZZ01"]
                                     if n != document.idoc_type]))
    return _bytes(root)


def _wrapped_idocs(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    wrapper = etree.Element(draw(st.sampled_from(["IDOCS", "IDOC", "DATA"])))
    for idoc in root.findall("IDOC"):
        wrapper.append(idoc)
    root.append(wrapper)
    return _bytes(root)


def _no_idocs(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    for idoc in root.findall("IDOC"):
        root.remove(idoc)
    if draw(st.booleans()):
        etree.SubElement(root, "EDI_DC40", SEGMENT="1")
    return _bytes(root)


def _duplicated_idoc(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    idoc = draw(st.sampled_from(root.findall("IDOC")))
    root.append(etree.fromstring(etree.tostring(idoc)))
    return _bytes(root)


def _namespaced(draw: Draw, document: IdocDocument) -> bytes:
    root = _tree(document.xml)
    namespace = draw(st.sampled_from(["urn:sap-com:document:sap:idoc", "urn:fuzz"]))
    for element in root.iter():
        element.tag = f"{{{namespace}}}{element.tag}"
    return _bytes(root)


def _truncated(draw: Draw, document: IdocDocument) -> bytes:
    return document.xml[:draw(st.integers(0, len(document.xml) - 1))]


def _garbage_inserted(draw: Draw, document: IdocDocument) -> bytes:
    at = draw(st.integers(0, len(document.xml)))
    return document.xml[:at] + draw(st.binary(min_size=1, max_size=16)) + document.xml[at:]


def _with_doctype(draw: Draw, document: IdocDocument) -> bytes:
    body = document.xml.split(b"?>", 1)[1]
    doctype = draw(st.sampled_from([
        b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        b'<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">',
        b'<!-- ' + b"x" * 5000 + b' --><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    ]))
    return b'<?xml version="1.0"?>' + doctype + body


def _re_encoded(draw: Draw, document: IdocDocument) -> bytes:
    encoding = draw(st.sampled_from(["UTF-16", "ISO-8859-1", "UTF-8-SIG"]))
    text = document.xml.decode("utf-8").split("?>", 1)[1]
    declared = "UTF-8" if encoding == "UTF-8-SIG" else encoding
    try:
        return f'<?xml version="1.0" encoding="{declared}"?>{text}'.encode(encoding)
    except UnicodeEncodeError:  # a value Latin-1 cannot carry: send it wrongly declared
        return f'<?xml version="1.0" encoding="{declared}"?>{text}'.encode()


#: every mutation, by name: (draw, a valid document) -> broken bytes
MUTATIONS: dict[str, Callable[[Draw, IdocDocument], bytes]] = {
    "wrong_value": _wrong_value,
    "unknown_segment": _unknown_segment,
    "unknown_field": _unknown_field,
    "missing_control_field": _missing_control_field,
    "wrong_control_value": _wrong_control_value,
    "missing_control_record": _missing_control_record,
    "broken_nesting": _broken_nesting,
    "wrong_root": _wrong_root,
    "wrapped_idocs": _wrapped_idocs,
    "no_idocs": _no_idocs,
    "duplicated_idoc": _duplicated_idoc,
    "namespaced": _namespaced,
    "truncated": _truncated,
    "garbage_inserted": _garbage_inserted,
    "with_doctype": _with_doctype,
    "re_encoded": _re_encoded,
}


def _count_idocs(xml: bytes) -> int | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return None
    return sum(1 for child in root if isinstance(child.tag, str)
               and etree.QName(child).localname == "IDOC")


@st.composite
def mutated_documents(draw: Draw, idoc_types: Iterable[str] | None = None, *,
                      mutations: Sequence[str] | None = None,
                      max_idocs: int = 3) -> MutatedDocument:
    """A valid document (see :func:`idoc_documents`) broken by one of ``MUTATIONS``."""
    document = draw(idoc_documents(idoc_types, max_idocs=max_idocs))
    name = draw(st.sampled_from(sorted(mutations or MUTATIONS)))
    xml = MUTATIONS[name](draw, document)
    return MutatedDocument(name, xml, _count_idocs(xml))


# == SOAP-RFC ==================================================================================



@cache
def abap_values(elementary: Elementary) -> st.SearchStrategy[str]:
    """Wire text that converts to the ABAP type (CHAR 18, NUMC 6, DEC 23.4, DATS ...)."""
    kind, length = elementary.type, elementary.length
    if kind is AbapType.NUMC:
        return st.text(DIGITS, max_size=length)
    if kind is AbapType.DATS:
        return st.one_of(st.just(""), st.dates(date(1900, 1, 1), date(9999, 12, 31)).flatmap(
            lambda d: st.sampled_from([d.isoformat(), d.strftime("%Y%m%d")])))
    if kind is AbapType.TIMS:
        return st.times().flatmap(lambda t: st.sampled_from(
            [t.strftime("%H:%M:%S"), t.strftime("%H%M%S")]))
    if kind in PACKED_TYPES:
        places = max(1, length - elementary.decimals)
        integers = st.text(DIGITS, min_size=1, max_size=places)
        fractions = st.text(DIGITS, max_size=elementary.decimals + 2).map(
            lambda digits: f".{digits}" if digits else "")
        # more decimals than the type has are rounded, which may carry into one integer
        # place too many (99.9995 in DEC 5.3 is 100.000): that is an overflow, not valid
        return st.builds(_signed, integers, fractions, st.sampled_from(
            ["", "-", "trailing"])).filter(
            lambda text: _rounded_places(text, elementary.decimals) <= places)
    if kind in INTEGER_RANGES:
        low, high = INTEGER_RANGES[kind]
        return st.integers(low, high).map(str)
    if kind is AbapType.FLTP:
        return st.floats(allow_nan=False, allow_infinity=False).map(repr)
    if kind is AbapType.LANG:
        return st.sampled_from(["", "E", "D", "1", "EN", "ZH", "de"])
    if kind is AbapType.CLNT:
        return st.text(DIGITS, min_size=3, max_size=3)
    if kind is AbapType.STRING:
        return st.text(TEXT, max_size=80)
    return st.text(TEXT, max_size=length)


def _rounded_places(text: str, decimals: int) -> int:
    """Integer places of a packed number's wire text once rounded half up to ``decimals``."""
    digits = text.strip("-")
    # a context as wide as the text and its decimals: the default one (28 digits) cannot
    # round a DEC 28.9 of 19 integer places
    with localcontext(prec=len(digits) + decimals + 2):
        number = Decimal(digits).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return len(str(int(number)))


def wrong_abap_values(elementary: Elementary) -> st.SearchStrategy[str]:
    """Wire text that ABAP refuses for the type (a CX_SY_CONVERSION_* in SAP)."""
    kind, length = elementary.type, elementary.length
    letters = st.text(LETTERS, min_size=1, max_size=12)
    if kind is AbapType.NUMC:
        return st.one_of(letters, st.text(DIGITS, min_size=length + 1, max_size=length + 5)
                         .map(lambda digits: "1" + digits))
    if kind is AbapType.DATS:
        return st.sampled_from(["2024-13-01", "2024-02-30", "31.12.2024", "ABCDEFGH", "2024"])
    if kind is AbapType.TIMS:
        return st.sampled_from(["24:00:01", "12:60:00", "noon", "1200"])
    if kind in PACKED_TYPES:
        too_big = "9" * (length - elementary.decimals + 1)
        return st.one_of(letters, st.sampled_from([too_big, "1.2.3", "NaN", "Infinity", "--1"]))
    if kind in INTEGER_RANGES:
        low, high = INTEGER_RANGES[kind]
        return st.one_of(letters, st.sampled_from([str(high + 1), str(low - 1), "1.5"]))
    if kind is AbapType.FLTP:
        return letters
    if kind is AbapType.LANG:
        return st.sampled_from(["XYZ", "English"])
    if kind is AbapType.CLNT:
        return st.sampled_from(["ABC", "1000", "1"])
    if kind is AbapType.STRING:
        return st.text(TEXT, max_size=10)  # every text is a STRING: nothing to refuse
    return st.text(LETTERS, min_size=length + 1, max_size=length + 10)


Hints = Mapping[str, st.SearchStrategy[str]]
HintItems = tuple[tuple[str, st.SearchStrategy[str]], ...]


def _value(name: str, elementary: Elementary, hints: HintItems) -> st.SearchStrategy[str]:
    hint = dict(hints).get(name)
    if hint is None:
        return abap_values(elementary)
    # a name can stand for a key in one structure and a checkbox ("X") in another
    return hint.flatmap(lambda value: st.just(value) if _fits(elementary, value)
                        else abap_values(elementary))


def _fits(elementary: Elementary, value: str) -> bool:
    try:
        elementary.coerce(value)
    except ValueRejected:
        return False
    return True


@cache
def _structure(structure: Structure, hints: HintItems) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional={
        f.name: _value(f.name, f.type, hints) for f in structure.fields})


@cache
def _parameter_values(parameter: Parameter, hints: HintItems) -> st.SearchStrategy[Any]:
    if parameter.is_table:
        assert isinstance(parameter.type, Structure)
        return st.lists(_structure(parameter.type, hints), max_size=3)
    if isinstance(parameter.type, Structure):
        return _structure(parameter.type, hints)
    return _value(parameter.name, parameter.type, hints)


def parameter_values(parameter: Parameter, hints: Hints | None = None
                     ) -> st.SearchStrategy[Any]:
    """Wire values of one input parameter: text, a structure (dict), or table rows."""
    return _parameter_values(parameter, _hint_items(hints))


def rfc_parameters(interface: FunctionInterface, hints: Hints | None = None
                   ) -> st.SearchStrategy[dict[str, Any]]:
    """Values for a call: every mandatory import, some of the other inputs. ``hints``
    gives strategies for parameters or fields by name (e.g. known material numbers for
    ``MATERIAL``), so that calls also get past the business checks."""
    return _rfc_parameters(interface, _hint_items(hints))


@cache
def _rfc_parameters(interface: FunctionInterface, hints: HintItems
                    ) -> st.SearchStrategy[dict[str, Any]]:
    inputs = interface.inputs
    return st.fixed_dictionaries(
        {p.name: _parameter_values(p, hints) for p in inputs if _mandatory(p)},
        optional={p.name: _parameter_values(p, hints) for p in inputs if not _mandatory(p)})


def _hint_items(hints: Hints | None) -> HintItems:
    # hashable, so that the strategies built for a set of hints are built once
    return tuple(sorted((hints or {}).items(), key=lambda item: item[0]))


def _mandatory(parameter: Parameter) -> bool:
    return parameter.kind is Kind.IMPORTING and not parameter.optional


def soap_envelope(function: str, parameters: Mapping[str, Any]) -> bytes:
    """A SOAP-RFC request: ``<rfc:FUNCTION>`` with one element per parameter (a structure
    has one child per component, a table one ``<item>`` per row)."""
    envelope = etree.Element(f"{{{SOAP_ENV_NS}}}Envelope", nsmap={"soap": SOAP_ENV_NS})
    body = etree.SubElement(envelope, f"{{{SOAP_ENV_NS}}}Body")
    call = etree.SubElement(body, f"{{{RFC_NS}}}{function}", nsmap={"rfc": RFC_NS})
    for name, value in parameters.items():
        _append_value(etree.SubElement(call, name), value)
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")


def _append_value(element: etree._Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for name, component in value.items():
            _append_value(etree.SubElement(element, name), component)
    elif isinstance(value, list):
        for row in value:
            _append_value(etree.SubElement(element, "item"), row)
    else:
        element.text = str(value)


@dataclass(frozen=True)
class SoapCall:
    """A generated SOAP-RFC request: the function it names, what was broken (``valid``
    when nothing), its parameters (for the report) and the body to send."""

    function: str
    kind: str
    parameters: dict[str, Any]
    body: bytes = field(repr=False)


def _interfaces(functions: Iterable[str] | None) -> list[FunctionInterface]:
    from fake_sap.compose import function_directory  # imports every business area

    registry = function_directory()

    if functions is None:
        return [f.interface for f in registry.implemented()]
    return [registry.lookup(name).interface for name in functions]


def soap_calls(functions: Iterable[str] | None = None, hints: Hints | None = None,
               fixed: Mapping[str, Mapping[str, Any]] | None = None
               ) -> st.SearchStrategy[SoapCall]:
    """Well-typed calls of the functions (every implemented one when None). ``fixed``:
    per function, parameter values to always send, e.g. ``{"WS_DELIVERY_UPDATE":
    {"COMMIT": ""}}``."""
    fixed = fixed or {}

    def calls(interface: FunctionInterface) -> st.SearchStrategy[SoapCall]:
        return rfc_parameters(interface, hints).map(lambda values: _call(
            interface.name, "valid", {**values, **fixed.get(interface.name, {})}))

    return st.sampled_from(_interfaces(functions)).flatmap(calls)


def _call(function: str, kind: str, parameters: dict[str, Any]) -> SoapCall:
    return SoapCall(function, kind, parameters, soap_envelope(function, parameters))


def _scalar_slots(interface: FunctionInterface) -> list[tuple[str, str | None, Elementary]]:
    """(parameter, component or None, type) of every elementary input value."""
    slots: list[tuple[str, str | None, Elementary]] = []
    for p in interface.inputs:
        if isinstance(p.type, Structure):
            slots.extend((p.name, f.name, f.type) for f in p.type.fields)
        else:
            slots.append((p.name, None, p.type))
    return slots


@st.composite
def _mistyped(draw: Draw, interface: FunctionInterface) -> SoapCall:
    values = dict(draw(rfc_parameters(interface)))
    slots = [s for s in _scalar_slots(interface) if s[2].type is not AbapType.STRING]
    name, component, elementary = draw(st.sampled_from(slots))
    wrong = draw(wrong_abap_values(elementary))
    parameter = interface.parameter(name)
    assert parameter is not None
    if component is None:
        values[name] = wrong
    elif parameter.is_table:
        values[name] = [*values.get(name, []), {component: wrong}]
    else:
        values[name] = {**values.get(name, {}), component: wrong}
    return _call(interface.name, "mistyped", values)


@st.composite
def _shape_mismatch(draw: Draw, interface: FunctionInterface) -> SoapCall:
    """A structure or table sent as text, or a scalar sent with child elements."""
    values = dict(draw(rfc_parameters(interface)))
    parameter = draw(st.sampled_from(interface.inputs))
    if isinstance(parameter.type, Structure):
        values[parameter.name] = draw(st.text(TEXT, min_size=1, max_size=20))
    else:
        values[parameter.name] = {"item": draw(st.text(TEXT, max_size=10))}
    return _call(interface.name, "shape_mismatch", values)


@st.composite
def _unknown_parameters(draw: Draw, interface: FunctionInterface) -> SoapCall:
    values = dict(draw(rfc_parameters(interface)))
    names = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ_"), min_size=1, max_size=30)
    for name in draw(st.lists(names, min_size=1, max_size=3)):
        if interface.parameter(name) is None:
            values[name] = draw(st.one_of(st.text(TEXT, max_size=20),
                                          st.fixed_dictionaries({"FIELD": st.just("X")})))
    return _call(interface.name, "unknown_parameters", values)


@st.composite
def _missing_mandatory(draw: Draw, interface: FunctionInterface) -> SoapCall:
    values = dict(draw(rfc_parameters(interface)))
    mandatory = [p.name for p in interface.inputs if _mandatory(p)]
    if mandatory:
        values.pop(draw(st.sampled_from(mandatory)))
    return _call(interface.name, "missing_mandatory", values)


@st.composite
def _unknown_function(draw: Draw, interface: FunctionInterface) -> SoapCall:
    name = draw(st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"),
                        min_size=1, max_size=28))
    return _call(f"Z_{name}"[:30], "unknown_function", draw(rfc_parameters(interface)))


#: broken calls of a declared function, by kind
BROKEN_CALLS: dict[str, Callable[[FunctionInterface], st.SearchStrategy[SoapCall]]] = {
    "mistyped": _mistyped,
    "shape_mismatch": _shape_mismatch,
    "unknown_parameters": _unknown_parameters,
    "missing_mandatory": _missing_mandatory,
    "unknown_function": _unknown_function,
}


def broken_soap_calls(functions: Iterable[str] | None = None
                      ) -> st.SearchStrategy[SoapCall]:
    """Calls that SAP answers with a fault, or (SAP is lenient) processes anyway: a value
    ABAP cannot convert, a structure sent as text, unknown parameters, a missing mandatory
    parameter, an unknown function."""
    interfaces = [i for i in _interfaces(functions) if i.inputs]
    return st.tuples(st.sampled_from(interfaces), st.sampled_from(sorted(BROKEN_CALLS))
                     ).flatmap(lambda pair: BROKEN_CALLS[pair[1]](pair[0]))


def garbage_bodies() -> st.SearchStrategy[bytes]:
    """Bodies that are not a SOAP-RFC call: bytes, text, other XML, an empty envelope, a
    DTD, deep nesting."""
    envelope = (f'<soap:Envelope xmlns:soap="{SOAP_ENV_NS}"><soap:Body>{{}}</soap:Body>'
                f"</soap:Envelope>")
    return st.one_of(
        st.binary(max_size=200),
        st.text(TEXT, max_size=200).map(str.encode),
        st.sampled_from([
            b"", b"<a/>", b"<Envelope><Body/></Envelope>", envelope.format("").encode(),
            b'<!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>',
            (b"<a>" * 3000) + (b"</a>" * 3000),
            envelope.format("<X>" * 500 + "</X>" * 500).encode(),
        ]),
    )


# -- helpers for properties ---------------------------------------------------------------------

def soap_fault(body: bytes) -> dict[str, str] | None:
    """``faultcode``, ``faultstring`` and the detail's ``Text`` of a SOAP 1.1 fault, or
    None when ``body`` is not one."""
    try:
        root = etree.fromstring(body, etree.XMLParser(resolve_entities=False,
                                                      no_network=True))
    except etree.XMLSyntaxError:
        return None
    fault = root.find(f"{{{SOAP_ENV_NS}}}Body/{{{SOAP_ENV_NS}}}Fault")
    if fault is None:
        return None
    return {"faultcode": fault.findtext("faultcode") or "",
            "faultstring": fault.findtext("faultstring") or "",
            "text": "".join(fault.find("detail").itertext()) if fault.find("detail")
            is not None else ""}


def soap_response(body: bytes, function: str | None = None) -> bool:
    """True when ``body`` is a SOAP envelope answering ``function`` (``NAME.Response``;
    any function when None)."""
    try:
        root = etree.fromstring(body, etree.XMLParser(resolve_entities=False,
                                                      no_network=True))
    except etree.XMLSyntaxError:
        return False
    answers = root.findall(f"{{{SOAP_ENV_NS}}}Body/{{{RFC_NS}}}*")
    return any(etree.QName(a).localname == f"{function}.Response" if function
               else etree.QName(a).localname.endswith(".Response") for a in answers)
