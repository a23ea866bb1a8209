"""IDoc field values as business values: what every inbound message type needs.

Layer: ALE (pure: no database). Amounts as numbers, and the ISO codes of units and currencies
as the client's internal codes (:class:`IsoFields`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from fake_sap.basis.iso_codes import CodeMap, IsoCodes
from fake_sap.errors import sap_error
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
        raise sap_error("B1", "052", "Value &1 of field &2 is not a number", value, field) \
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
