"""The segment fields each inbound mapping declares (``READS``) are exactly those it reads.

``fake-sap parity`` reports every filled field that no declaration names as dropped, so a
field read but not declared would be reported wrongly, and a field declared but no longer
read would hide a drop. Each mapping runs here over IDocs that fill every field of every
segment (the corpus, and variants that take the branches read only when a first choice is
empty), with segment values that record each look-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from fake_sap.ale.inbound import debmas, matmas, orders
from fake_sap.ale.inbound.values import NOT_KEPT, SegmentReads
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.parser import parse_document

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parents[2] / "data" / "idoc_corpus"


def corpus(name: str) -> str:
    return (CORPUS / f"{name}.xml").read_text(encoding="utf-8")


def without(document: str, pattern: str) -> str:
    """The document without what ``pattern`` matches (a segment, a field)."""
    return re.sub(pattern, "", document, flags=re.S)


#: per mapping: the documents that together take each of its branches
DOCUMENTS: dict[str, list[str]] = {
    "MATMAS": [corpus("MATMAS05"),
               # SPRAS_ISO is read only when SPRAS is empty
               without(corpus("MATMAS05"), r"<SPRAS>[^<]*</SPRAS>")],
    "DEBMAS": [corpus("DEBMAS07"),
               # E1KNA1M SPRAS_ISO is read only when SPRAS is empty
               without(corpus("DEBMAS07"), r"<SPRAS>[^<]*</SPRAS>")],
    "ORDERS": [corpus("ORDERS05"),
               # E1EDK01 BELNR is read only without E1EDK02 QUALF 001, E1EDP20 WMENG only
               # when E1EDP01 MENGE is empty
               without(without(corpus("ORDERS05"), r'<E1EDK02 SEGMENT="1">.*?</E1EDK02>'),
                       r"<MENGE>[^<]*</MENGE>")],
}
MODULES: dict[str, ModuleType] = {"MATMAS": matmas, "DEBMAS": debmas, "ORDERS": orders}


class RecordingValues(dict[str, str]):
    """A segment's values that note each field looked up, with its segment's name."""

    def __init__(self, segment: str, values: dict[str, str],
                 looked_up: set[tuple[str, str]]) -> None:
        super().__init__(values)
        self._segment = segment
        self._looked_up = looked_up

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        self._looked_up.add((self._segment, name))
        return super().get(name, default)

    def __getitem__(self, name: str) -> str:
        self._looked_up.add((self._segment, name))
        return super().__getitem__(name)

    def __contains__(self, name: object) -> bool:
        self._looked_up.add((self._segment, str(name)))
        return super().__contains__(name)

    def items(self) -> Any:  # a mapping that walks every field reads every field
        self._looked_up.update((self._segment, name) for name in self)
        return super().items()


def recording(segments: list[SegmentData], looked_up: set[tuple[str, str]]) -> None:
    for segment in segments:
        segment.values = RecordingValues(segment.name, segment.values, looked_up)
        recording(segment.children, looked_up)


def commands(mestyp: str, looked_up: set[tuple[str, str]]) -> Iterator[object]:
    module = MODULES[mestyp]
    to_command: Callable[[Idoc], object] = \
        module.to_order if mestyp == "ORDERS" else module.to_command
    for document in DOCUMENTS[mestyp]:
        for idoc in parse_document(document.encode()):
            recording(idoc.segments, looked_up)
            module.object_key(idoc)
            module.referenced_keys(idoc)
            yield to_command(idoc)


def declared(reads: tuple[SegmentReads, ...]) -> set[tuple[str, str]]:
    return {(r.segment, name) for r in reads for name in r.names}


@pytest.mark.parametrize("mestyp", sorted(MODULES))
def test_a_mapping_reads_exactly_the_fields_it_declares(mestyp: str) -> None:
    looked_up: set[tuple[str, str]] = set()
    for _ in commands(mestyp, looked_up):
        pass

    reads = MODULES[mestyp].READS
    assert declared(reads) - looked_up == set(), "declared, never read"
    assert looked_up - declared(reads) == set(), "read, not declared"


def command_value(command: object, path: str) -> object:
    """The value at a dotted path of a command; a tuple of parts stands for its first one."""
    value = command
    for name in path.split("."):
        if isinstance(value, tuple):
            assert value, f"{path}: no part to follow"
            value = value[0]
        value = getattr(value, name)
    return value


@pytest.mark.parametrize("mestyp", sorted(MODULES))
def test_every_declared_command_field_is_a_field_of_the_command(mestyp: str) -> None:
    [command, *_] = commands(mestyp, set())
    paths = {path for r in MODULES[mestyp].READS
             for path in (*r.fields.values(), *r.qualified.values()) if path != NOT_KEPT}

    missing = []
    for path in sorted(paths):
        try:
            command_value(command, path)
        except AttributeError:
            missing.append(path)
    assert missing == []


def test_a_qualified_segment_reads_its_value_only_for_the_declared_qualifiers() -> None:
    partners = [SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "1"}),
                SegmentData("E1EDKA1", {"PARVW": "RE", "PARTN": "2"}),
                SegmentData("E1EDKA1", {"PARVW": "WE", "PARTN": "3"})]

    assert orders.PARTNER.by_qualifier(partners) == {"sold_to": "1", "ship_to": "3"}
    again = [*partners, SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "4"})]
    assert orders.PARTNER.by_qualifier(again)["sold_to"] == "4"
    assert orders.PARTNER.by_qualifier(again, first=True)["sold_to"] == "1"
    assert [orders.PARTNER.command_field(p.values, "PARTN") for p in partners] \
        == ["sold_to", None, "ship_to"]
    assert orders.PARTNER.command_field(partners[1].values, "PARVW") == NOT_KEPT
    assert orders.PARTNER.command_field(partners[1].values, "NAME1") is None


def test_a_declaration_cannot_be_changed_by_the_code_that_uses_it() -> None:
    with pytest.raises(TypeError):
        orders.ITEM.fields["KDMAT"] = "items.material"  # type: ignore[index]
