"""Master data as outbound segments: a material as MATMAS05, a customer as DEBMAS07, each a
full replacement (MSGFN 005), for BD10/BD12 and change pointers (BD21).

Layer: ALE. Reads the rows through the business modules (:func:`material_master.rows_of_many`
and :func:`customer_master.rows_of_many`) and makes segments of them. Units and currencies
leave as ISO codes (T006-ISOCODE, TCURC-ISOCD), as SAP's ALE layer writes them; a code
without an ISO code leaves as it is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress
from operator import call, itemgetter
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, String, Table

from fake_sap.ale.field_text import Formatter, formatter
from fake_sap.ale.material_units import unit_of_measure_segments
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import ISO_BY_LANGUAGE, CodeMap
from fake_sap.db.master_data import position
from fake_sap.db.schema import kna1, knb1, knkk, knvp, knvv, makt, mara, marc, mard, mbew, mvke
from fake_sap.ddic.tables.customer import KNA1, KNB1, KNKK, KNVP, KNVV
from fake_sap.ddic.tables.declaration import TableDeclaration
from fake_sap.ddic.tables.material import MARA, MARC, MARD, MBEW, MVKE
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.model import SapType
from fake_sap.idoc.types.debmas07 import E1KNA1M, E1KNVVM
from fake_sap.idoc.types.matmas05 import E1MARAM
from fake_sap.mm import material_master
from fake_sap.mm.material_master import MaterialRows
from fake_sap.sd import customer_master
from fake_sap.sd.customer_master import CustomerRows

#: MSGFN of a full replacement
REPLACE = "005"


class SegmentFields:
    """Which columns of a master table make the fields of its outbound segment, and how
    each is written: all but ``skip``, named in upper case (``werks`` is WERKS), each in the
    form SAP's MOVE gives its dictionary type (:mod:`fake_sap.ale.field_text`). Worked out
    once per table, not once per row: BD10 turns a whole client's master data into segments.

    ``columns`` is the layout of the rows :meth:`values` gets (default: all the table's
    columns in table order); :attr:`columns` is the layout to read for this segment."""

    def __init__(self, table: Table, declaration: TableDeclaration, skip: tuple[str, ...],
                 columns: Sequence[str] | None = None) -> None:
        layout = list(table.columns.keys() if columns is None else columns)
        kept = [(i, table.c[name]) for i, name in enumerate(layout) if name not in skip]
        # text columns hold text or NULL: the formatters need nothing else
        if not all(isinstance(c.type, String) for _, c in kept):
            raise TypeError(f"{table.name}: outbound segments are made of text columns only")
        texts: list[tuple[int, str]] = []
        formatted: list[tuple[int, str, Formatter]] = []
        for i, column in kept:
            declared = declaration.field(column.name.upper())
            format_value = formatter(declared.type) if declared is not None else None
            if format_value is None:
                texts.append((i, column.name.upper()))
            else:
                formatted.append((i, column.name.upper(), format_value))
        self.columns: tuple[str, ...] = tuple(layout)
        self._text_names = tuple(name for _, name in texts)
        self._pick_texts = _picker([i for i, _ in texts])
        self._formatted_names = tuple(name for _, name, _ in formatted)
        self._formatters = tuple(format_value for _, _, format_value in formatted)
        self._pick_formatted = _picker([i for i, _, _ in formatted])
        #: each formatted field as a blank value is written (``0.000``, ``00000000``): the
        #: formatters give a blank value, NULL or "", the same form, and most of a row's
        #: number and date fields are blank
        self._blank_forms = {name: format_value(None) for _, name, format_value in formatted}

    def values(self, row: Sequence[Any], msgfn: str) -> dict[str, str]:
        """A row (columns as :attr:`columns`) as the fields of an outbound segment: MSGFN,
        the non-blank character fields and every other field in SAP's form."""
        values = {"MSGFN": msgfn}
        picked = self._pick_texts(row)
        # the names with a value beside those values, without a Python-level loop and
        # without a (name, value) pair for each of the many blank character columns
        values.update(zip(compress(self._text_names, picked), filter(None, picked), strict=True))
        if self._formatters:  # segments of character fields only (E1MARCM) need no call
            # every formatted field in its blank form, then the formatter of each field that
            # is not blank (a few per row) over it: the fields keep their order
            values.update(self._blank_forms)
            picked = self._pick_formatted(row)
            values.update(zip(compress(self._formatted_names, picked),
                              map(call, compress(self._formatters, picked),
                                  filter(None, picked)), strict=True))
        return values


def _picker(positions: list[int]) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """The values at ``positions`` of a row, as a tuple (itemgetter of one position gives a
    value, not a tuple; of none, an error)."""
    if len(positions) > 1:
        return itemgetter(*positions)
    return lambda row: tuple(row[i] for i in positions)


ObjectRows = TypeVar("ObjectRows")


class SegmentsOnDemand(Mapping[str, list[SegmentData]], Generic[ObjectRows]):
    """Objects' segments by key, each object's made when it is looked up, not kept.

    The rows of a whole batch (BD10: a thousand materials) are read at once, one query per
    table, but the segments of an object are wanted only while its IDoc is written. Made
    all at once, the ten or so segment objects per material outlive several young
    garbage collections and reach the oldest generation, whose full collections then walk
    the whole process again and again; made on demand, they die young.
    """

    def __init__(self, rows: Mapping[str, ObjectRows],
                 segment: Callable[[ObjectRows], SegmentData]) -> None:
        self._rows = rows
        self._segment = segment

    def __getitem__(self, key: str) -> list[SegmentData]:
        return [self._segment(self._rows[key])]

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


# --- MATMAS -----------------------------------------------------------------------------------

def material_segments_many(conn: Connection, mandt: str,
                           matnrs: Sequence[str]) -> Mapping[str, list[SegmentData]]:
    """Materials as full MATMAS05 replacements by MATNR, each made when it is looked up;
    unknown ones are left out."""
    units = iso_codes.for_client(conn, mandt).units
    return SegmentsOnDemand(material_master.rows_of_many(conn, mandt, matnrs,
                                                         general_columns=_E1MARAM.columns),
                            lambda rows: _material_segment(rows, units))


#: MARA's fields that E1MARAM carries (the segment has no room for the others: DISST,
#: EANNR, DATAB ...)
#: MARA is read with these columns only (MATNR, the key, is one of them): a wide table whose
#: other columns would be read for nothing
_E1MARAM = SegmentFields(mara, MARA, skip=(), columns=tuple(
    c.name for c in mara.columns if E1MARAM.field(c.name.upper()) is not None))
_E1MARCM = SegmentFields(marc, MARC, skip=("mandt", "matnr", "trame"))
_E1MARDM = SegmentFields(mard, MARD, skip=("mandt", "matnr", "werks", "labst", "insme",
                                           "speme", "retme"))
_E1MBEWM = SegmentFields(mbew, MBEW, skip=("mandt", "matnr"))
_E1MVKEM = SegmentFields(mvke, MVKE, skip=("mandt", "matnr"))
_TEXT_SPRAS, _TEXT_MAKTX = position(makt, "spras"), position(makt, "maktx")
_PLANT_WERKS, _LOCATION_WERKS = position(marc, "werks"), position(mard, "werks")


def _to_iso(values: dict[str, str], fields: tuple[str, ...], codes: CodeMap
            ) -> dict[str, str]:
    """``values`` with the codes of ``fields`` as ISO codes (where they have one)."""
    for name in fields:
        code = values.get(name)
        if code:
            values[name] = codes.iso(code) or code
    return values


#: the unit fields of the outbound material segments
_MARA_UNITS = tuple(f.name for f in E1MARAM.fields
                    if f.type is SapType.UNIT and f.name.lower() in mara.c)
_MVKE_UNITS = ("VRKME",)
_MARC_UNITS = ("AUSME",)


def _material_segment(rows: MaterialRows, units: CodeMap) -> SegmentData:
    msgfn = REPLACE
    header = SegmentData("E1MARAM", _to_iso(_E1MARAM.values(rows.general, msgfn), _MARA_UNITS,
                                            units))
    for text in rows.texts:
        spras = text[_TEXT_SPRAS]
        values = {"MSGFN": msgfn, "SPRAS": spras, "MAKTX": text[_TEXT_MAKTX]}
        if spras in ISO_BY_LANGUAGE:
            values["SPRAS_ISO"] = ISO_BY_LANGUAGE[spras]
        header.children.append(SegmentData("E1MAKTM", values))
    for plant in rows.plants:
        werks = plant[_PLANT_WERKS]
        header.children.append(SegmentData("E1MARCM", _to_iso(
            _E1MARCM.values(plant, msgfn), _MARC_UNITS, units), [
            SegmentData("E1MARDM", _E1MARDM.values(location, msgfn))
            for location in rows.storage_locations if location[_LOCATION_WERKS] == werks]))
    header.children.extend(unit_of_measure_segments(rows.units, msgfn, units))
    for valuation in rows.valuations:
        header.children.append(SegmentData("E1MBEWM", _E1MBEWM.values(valuation, msgfn)))
    for sales in rows.sales:
        header.children.append(SegmentData("E1MVKEM", _to_iso(_E1MVKEM.values(sales, msgfn),
                                                              _MVKE_UNITS, units)))
    return header


# --- DEBMAS -----------------------------------------------------------------------------------

def customer_segments_many(conn: Connection, mandt: str,
                           kunnrs: Sequence[str]) -> Mapping[str, list[SegmentData]]:
    """Customers as full DEBMAS07 replacements by KUNNR, each made when it is looked up;
    unknown ones are left out."""
    currencies = iso_codes.for_client(conn, mandt).currencies
    return SegmentsOnDemand(customer_master.rows_of_many(conn, mandt, kunnrs),
                            lambda rows: _customer_segment(rows, currencies))


#: KNA1's and KNVV's fields that their segments carry (the segments have no room for the
#: others: ERDAT, ERNAM, TELFX ...)
_E1KNA1M = SegmentFields(kna1, KNA1, skip=tuple(c.name for c in kna1.columns
                                                if E1KNA1M.field(c.name.upper()) is None))
_E1KNVVM = SegmentFields(knvv, KNVV, skip=tuple(
    c.name for c in knvv.columns if c.name == "kunnr" or E1KNVVM.field(c.name.upper()) is None))
_E1KNVPM = SegmentFields(knvp, KNVP, skip=("mandt", "kunnr", "vkorg", "vtweg", "spart"))
_E1KNB1M = SegmentFields(knb1, KNB1, skip=("mandt", "kunnr"))
_E1KNKKM = SegmentFields(knkk, KNKK, skip=("mandt", "kunnr", "skfor", "ssobl", "sauft"))
#: the sales area of a KNVV or KNVP row
_AREA = itemgetter(*(position(knvv, c) for c in ("vkorg", "vtweg", "spart")))
_PARTNER_AREA = itemgetter(*(position(knvp, c) for c in ("vkorg", "vtweg", "spart")))


def _customer_segment(rows: CustomerRows, currencies: CodeMap) -> SegmentData:
    msgfn = REPLACE
    general = _E1KNA1M.values(rows.general, msgfn)
    spras = general.get("SPRAS")
    if spras in ISO_BY_LANGUAGE:
        # the language travels as the key and as its ISO code, as SAP's DEBMAS07 carries it
        general["SPRAS_ISO"] = ISO_BY_LANGUAGE[spras]
    header = SegmentData("E1KNA1M", general)
    for area in rows.sales_areas:
        sales_area = _AREA(area)
        values = _to_iso(_E1KNVVM.values(area, msgfn), ("WAERS",), currencies)
        header.children.append(SegmentData("E1KNVVM", values, [
            SegmentData("E1KNVPM", _E1KNVPM.values(partner, msgfn))
            for partner in rows.partners if _PARTNER_AREA(partner) == sales_area]))
    for company in rows.company_codes:
        header.children.append(SegmentData("E1KNB1M", _E1KNB1M.values(company, msgfn)))
    for credit in rows.credit:
        header.children.append(SegmentData("E1KNKKM", _E1KNKKM.values(credit, msgfn)))
    return header
