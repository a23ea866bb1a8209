"""A material's units of measure (MARM) as outbound E1MARMM segments.

Layer: ALE. Used by :mod:`fake_sap.ale.master_segments` for BD10 and change pointers: one
E1MARMM per MARM row, the fields E1MARMM has (MARM's other fields have no place in the
segment), numbers in SAP's form (:mod:`fake_sap.ale.field_text`), units as ISO codes
(T006-ISOCODE) like every unit of an outbound IDoc; a unit without an ISO code leaves as
it is stored.
"""

from __future__ import annotations

from collections.abc import Sequence

from fake_sap.ale.field_text import Formatter, formatter
from fake_sap.basis.iso_codes import CodeMap
from fake_sap.db.master_data import Row
from fake_sap.db.schema import marm
from fake_sap.ddic.tables.material import MARM
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.model import SapType
from fake_sap.idoc.types.matmas05 import E1MARMM

#: (position in a MARM row, E1MARMM field, whether it is a unit, its formatter) of each field
#: the segment carries, worked out once: BD10 makes segments of a whole client's rows
_FIELDS: tuple[tuple[int, str, bool, Formatter | None], ...] = tuple(
    (position, column.name.upper(),
     E1MARMM.field(column.name.upper()).type is SapType.UNIT,  # type: ignore[union-attr]
     formatter(MARM.field(column.name.upper()).type))  # type: ignore[union-attr]
    for position, column in enumerate(marm.columns)
    if column.name not in ("mandt", "matnr") and E1MARMM.field(column.name.upper()))


def unit_of_measure_segments(rows: Sequence[Row], msgfn: str,
                             units: CodeMap) -> list[SegmentData]:
    """The E1MARMM segments of a material's MARM rows (columns in table order): MSGFN, the
    non-blank character fields and the numbers in SAP's form (``0.000``, see
    :mod:`fake_sap.ale.field_text`)."""
    segments = []
    for row in rows:
        values = {"MSGFN": msgfn}
        for position, name, is_unit, format_value in _FIELDS:
            value = row[position]
            if format_value is not None:
                values[name] = format_value(value)
            elif value:
                values[name] = (units.iso(value) or value) if is_unit else value
        segments.append(SegmentData("E1MARMM", values))
    return segments
