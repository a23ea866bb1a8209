"""IDoc field values as business values: what every inbound message type needs.

Layer: ALE (pure: no database). Amounts as numbers, the ISO codes of units and currencies
as the client's internal codes (:class:`IsoFields`), and the declaration of the segment fields
a mapping reads (:class:`SegmentReads`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from fake_sap.basis.iso_codes import CodeMap, IsoCodes
from fake_sap.errors import declared_error, sap_error
from fake_sap.idoc.document import Idoc, SegmentData


def amount(value: str, field: str) -> Decimal:
    """An IDoc amount (``12.50``, SAP's trailing minus ``5.00-``) as a number, 0 when empty;
    B1 052 naming ``field`` when it is not a number."""
    if not value:
        return Decimal(0)
    text = value.strip()
    if text.endswith("-"):
        text = "-" + text[:-1]
    try:
        return Decimal(text)
    except InvalidOperation:
        raise declared_error("B1", "052", value, field) \
            from None


#: SAP's message when an ISO code of an inbound IDoc has no internal code (class VII, 003);
#: the variables are the value, the segment number, the segment name and the field
ISO_CONVERSION_ERROR = ("VII", "003", "ISO conversion error for &1 in segment &2 (&3), field &4")


class IsoFields:
    """The ISO-coded fields of one inbound IDoc as internal codes, converted with the client's
    T006 / TCURC as SAP's ALE layer does before the application sees the IDoc.

    A value that is no ISO code but is itself an internal code of the table passes unchanged:
    senders that write internal codes (older partner programs, hand-made test IDocs) keep
    working, and no internal code is also another code's ISO code in the baseline, so the
    two readings never disagree. Anything else is VII 003, naming the segment by its number
    in the IDoc (depth first, from 1) as the status record's SEGNUM does.
    """

    __slots__ = ("_codes", "_idoc")

    def __init__(self, idoc: Idoc, codes: IsoCodes) -> None:
        self._idoc = idoc
        self._codes = codes

    def unit(self, segment: SegmentData, field: str) -> str:
        return self._convert(self._codes.units, segment, field)

    def currency(self, segment: SegmentData, field: str) -> str:
        return self._convert(self._codes.currencies, segment, field)

    def _convert(self, codes: CodeMap, segment: SegmentData, field: str) -> str:
        value = segment.values.get(field, "")
        if not value:
            return ""
        internal = codes.internal(value)
        if internal is not None:
            return internal
        if codes.knows(value):
            return value
        raise sap_error(*ISO_CONVERSION_ERROR, value,
                        str(segment_number(self._idoc, segment)).zfill(6), segment.name,
                        field, field=field)


def segment_number(idoc: Idoc, wanted: SegmentData) -> int:
    """The segment's number in the IDoc (depth first, the first data segment is 1); 0 when
    it is not part of the IDoc."""
    number = 0
    stack = list(reversed(idoc.segments))
    while stack:
        segment = stack.pop()
        number += 1
        if segment is wanted:
            return number
        stack.extend(reversed(segment.children))
    return 0


#: the command field of a segment field that is read but fills none (a unit that is only
#: checked for its ISO conversion, the function code MSGFN that chooses the command)
NOT_KEPT = ""


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class SegmentReads:
    """The fields of one segment that an inbound mapping reads, declared as data next to it.

    ``fields`` names, for each field read, the command field it fills: a dotted path into
    the command (``base_unit``, ``items.sales_unit``) or :data:`NOT_KEPT`. A segment that
    stands for one of several things (a partner, a date, an organisational unit) names the
    thing in its ``qualifier`` field (PARVW, IDDAT, QUALF) and carries it in its ``value``
    field (PARTN, DATUM, ORGID); ``qualified`` gives the command field for each qualifier
    value the mapping reads; the value of any other qualifier is not read.

    ``fake-sap parity`` reports every filled field of a received segment that no declaration
    reads as dropped, and ``tests/unit`` proves, by running each mapping over IDocs that fill
    every field, that the fields a mapping reads are exactly the declared ones.
    """

    segment: str
    fields: Mapping[str, str] = field(default_factory=dict)
    qualifier: str = ""
    value: str = ""
    qualified: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # read-only, so that a declaration cannot be changed by the code that uses it
        object.__setattr__(self, "fields", _frozen(self.fields))
        object.__setattr__(self, "qualified", _frozen(self.qualified))

    @property
    def names(self) -> frozenset[str]:
        """Every field of the segment the mapping looks at."""
        return frozenset(self.fields) | {name for name in (self.qualifier, self.value) if name}

    def command_field(self, values: Mapping[str, str], name: str) -> str | None:
        """The command field that field ``name`` of a segment with ``values`` fills;
        :data:`NOT_KEPT` when it is read but fills none, None when it is not read."""
        if name == self.value and self.qualifier:
            return self.qualified.get(values.get(self.qualifier, ""))
        if name == self.qualifier:
            return NOT_KEPT
        return self.fields.get(name)

    def by_qualifier(self, segments: list[SegmentData], *, first: bool = False
                     ) -> dict[str, str]:
        """The values of this qualified segment among ``segments``, by the command field
        their qualifier fills; of two segments with the same qualifier the later one, or the
        first one when ``first``."""
        found: dict[str, str] = {}
        for segment in segments:
            if segment.name == self.segment:
                command = self.qualified.get(segment.values.get(self.qualifier, ""))
                if command is not None and not (first and command in found):
                    found[command] = segment.values.get(self.value, "")
        return found
