"""Inbound MATMAS (process code MATM): a material master IDoc as a material command.

Layer: ALE. Maps the IDoc to :class:`fake_sap.mm.material_master.SaveMaterial` (or
:class:`~fake_sap.mm.material_master.FlagMaterialForDeletion` for MSGFN 003) and posts it
through the material master. A MATMAS IDoc replaces every view it carries
(:attr:`~fake_sap.mm.material_master.Maintenance.REPLACE`).

Field values that are not business values (an amount that is no number, a language that
has no key) are refused while mapping, before the business checks see the IDoc. Unit fields
(E1MARAM MEINS, GEWEI, BSTME, VOLEH, MEABM, ERGEI, ERVOE; E1MVKEM VRKME) travel as ISO codes
and are converted to the client's internal units here
(:class:`~fake_sap.ale.inbound.values.IsoFields`). Every standard E1MARAM field that MARA has
a field of the same name for is stored there, whether or not a business rule reads it.
Each E1MARMM is a MARM row (alternative unit of measure), its unit fields (MEINH, MEABM,
VOLEH, GEWEI, MESUB) converted from ISO like the others; MSGFN 003 removes the unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Connection

from fake_sap.ale.inbound.values import NOT_KEPT, IsoFields, SegmentReads, amount
from fake_sap.ale.posting import Posting
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import LANGUAGES_BY_ISO, IsoCodes
from fake_sap.conversion import matn1_input
from fake_sap.ddic.tables import TableDeclaration
from fake_sap.ddic.tables.material import MARA, MARC
from fake_sap.ddic.types import AbapType
from fake_sap.errors import declared_error
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import SapType, Segment
from fake_sap.idoc.types.matmas05 import E1MARAM, E1MARCM, E1MARMM
from fake_sap.lookups import Lookups
from fake_sap.mm import material_master
from fake_sap.mm.material_master import (
    FlagMaterialForDeletion,
    Maintenance,
    MaterialPosted,
    MaterialText,
    PlantView,
    SalesView,
    SaveMaterial,
    StorageLocationView,
    UnitOfMeasureView,
    ValuationView,
)

MESTYP = "MATMAS"
KIND = material_master.KIND
#: MSGFN of an IDoc that only flags the material for deletion
DELETE = "003"


def _stored_fields(segment: Segment, table: TableDeclaration, stored: frozenset[str]
                   ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The fields of ``segment`` stored in the ``table`` field of the same name beyond those
    the command names (``stored``): all of them, the unit fields among them (ISO codes in
    the IDoc) and the NUMC fields (zero-padded to their length in the table)."""
    names = tuple(f.name for f in segment.fields if f.name in stored)
    units = tuple(name for name in names
                  if segment.field(name).type is SapType.UNIT)  # type: ignore[union-attr]
    numc = tuple(name for name in names if table.field(name).type.type  # type: ignore[union-attr]
                 is AbapType.NUMC)
    return names, units, numc


# E1MARAM beyond the named fields: BLANZ, EKWSL, GROES ...; E1MARCM: DISPO, MINBE ...
_OTHER_FIELDS, _OTHER_UNITS, _OTHER_NUMC = _stored_fields(
    E1MARAM, MARA, material_master.OTHER_GENERAL_FIELDS)
_OTHER_PLANT, _OTHER_PLANT_UNITS, _OTHER_PLANT_NUMC = _stored_fields(
    E1MARCM, MARC, material_master.OTHER_PLANT_FIELDS)


# The segment fields this mapping reads and the SaveMaterial field each one fills. The mapping
# reads them directly (this runs for every IDoc of a packet); a unit test runs it over IDocs
# that fill every field and proves that it reads these fields and no other. Any other field
# of a MATMAS05 IDoc is kept in the stored IDoc only.
HEADER = SegmentReads("E1MARAM", {
    "MSGFN": NOT_KEPT,  # 003: the command is a deletion flag
    "MATNR": "material", "MTART": "material_type", "MBRSH": "industry_sector",
    "MATKL": "material_group", "MEINS": "base_unit", "SPART": "division",
    "BISMT": "old_material_number", "MTPOS_MARA": "item_category_group",
    "BRGEW": "gross_weight", "NTGEW": "net_weight", "GEWEI": "weight_unit",
    "LVORM": "deletion_flag", "ERSDA": "created_on", "ERNAM": "created_by",
    # every other E1MARAM field with a MARA field of the same name (BLANZ, BSTME, GROES ...)
    **dict.fromkeys(_OTHER_FIELDS, "other_general_fields")})
TEXT = SegmentReads("E1MAKTM", {
    "SPRAS": "texts.language", "SPRAS_ISO": "texts.language",  # when SPRAS is empty
    "MAKTX": "texts.description"})
PLANT = SegmentReads("E1MARCM", {
    "WERKS": "plants.plant", "EKGRP": "plants.purchasing_group", "DISMM": "plants.mrp_type",
    "MTVFP": "plants.availability_check", "PRCTR": "plants.profit_center",
    "LVORM": "plants.deletion_flag",
    # every other E1MARCM field with a kept MARC field of the same name (DISPO, MINBE ...)
    **dict.fromkeys(_OTHER_PLANT, "plants.other_fields")})
STORAGE_LOCATION = SegmentReads("E1MARDM", {
    "LGORT": "plants.storage_locations.storage_location",
    "LGPBE": "plants.storage_locations.bin",
    "LVORM": "plants.storage_locations.deletion_flag"})
VALUATION = SegmentReads("E1MBEWM", {
    "BWKEY": "valuations.valuation_area", "BWTAR": "valuations.valuation_type",
    "VPRSV": "valuations.price_control", "VERPR": "valuations.moving_price",
    "STPRS": "valuations.standard_price", "PEINH": "valuations.price_unit",
    "BKLAS": "valuations.valuation_class", "ZPLP1": "valuations.planned_price_1",
    "ZPLP2": "valuations.planned_price_2"})
SALES = SegmentReads("E1MVKEM", {
    "VKORG": "sales.sales_org", "VTWEG": "sales.distribution_channel",
    "DWERK": "sales.delivering_plant", "VRKME": "sales.sales_unit",
    "MTPOS": "sales.item_category_group", "VERSG": "sales.statistics_group",
    "KTGRM": "sales.account_assignment_group", "LVORM": "sales.deletion_flag"})
#: E1MARMM's fields stored in the MARM field of the same name (every field of the segment
#: but MSGFN and the key MEINH), and the unit fields among them (ISO codes in the IDoc)
_UNIT_OF_MEASURE_FIELDS = tuple(
    f.name for f in E1MARMM.fields if f.name in material_master.UNIT_OF_MEASURE_FIELDS)
_UNIT_OF_MEASURE_UNITS = tuple(name for name in _UNIT_OF_MEASURE_FIELDS
                               if E1MARMM.field(name).type is SapType.UNIT)  # type: ignore[union-attr]
UNIT_OF_MEASURE = SegmentReads("E1MARMM", {
    "MSGFN": NOT_KEPT,  # 003: the unit is removed
    "MEINH": "units_of_measure.unit",
    **dict.fromkeys(_UNIT_OF_MEASURE_FIELDS, "units_of_measure.fields")})
#: every segment this mapping reads; a segment not listed is not read at all
READS = (HEADER, TEXT, PLANT, STORAGE_LOCATION, VALUATION, SALES, UNIT_OF_MEASURE)


def object_key(idoc: Idoc) -> str:
    """The material number, internal form (as sent if it cannot be converted)."""
    header = idoc.first("E1MARAM")
    raw = header.get("MATNR") if header else ""
    try:
        return matn1_input(raw)
    except ValueError:
        return raw


def referenced_keys(idoc: Idoc) -> list[str]:
    """A material IDoc names no other material."""
    return []


def to_command(idoc: Idoc, codes: IsoCodes = iso_codes.BASELINE
               ) -> SaveMaterial | FlagMaterialForDeletion:
    """The command an IDoc stands for (the syntax check guarantees one E1MARAM); unit fields
    converted from ISO with ``codes``."""
    header = idoc.first("E1MARAM")
    assert header is not None
    matnr = material_master.material_number(header.get("MATNR"))
    if header.get("MSGFN") == DELETE:
        return FlagMaterialForDeletion(matnr)
    field = header.values.get  # a plain dict look-up: this runs for every IDoc of a packet
    iso = IsoFields(idoc, codes)
    return SaveMaterial(
        material=matnr, maintenance=Maintenance.REPLACE,
        material_type=field("MTART", ""), industry_sector=field("MBRSH", ""),
        material_group=field("MATKL", ""), base_unit=iso.unit(header, "MEINS"),
        division=field("SPART", ""), old_material_number=field("BISMT", ""),
        item_category_group=field("MTPOS_MARA", ""), gross_weight=field("BRGEW", ""),
        net_weight=field("NTGEW", ""), weight_unit=iso.unit(header, "GEWEI"),
        deletion_flag="X" if field("LVORM") == "X" else "",
        created_on=field("ERSDA", ""), created_by=field("ERNAM", ""),
        other_general_fields=_other_values(header, iso),
        texts=tuple(MaterialText(_language(text), text.get("MAKTX"))
                    for text in header.all("E1MAKTM")),
        plants=tuple(_plant(plant, iso) for plant in header.all("E1MARCM")),
        valuations=tuple(_valuation(valuation) for valuation in header.all("E1MBEWM")),
        sales=tuple(_sales(sales, iso) for sales in header.all("E1MVKEM")),
        units_of_measure=_units_of_measure(header, iso))


def _other_values(header: SegmentData, iso: IsoFields) -> dict[str, str | None]:
    """Every other standard E1MARAM field with its MARA field, empty where the IDoc leaves
    it out (a MATMAS replaces the general data, so an empty field becomes initial)."""
    values: dict[str, str | None] = {name: header.values.get(name, "")
                                     for name in _OTHER_FIELDS}
    for name in _OTHER_UNITS:
        values[name] = iso.unit(header, name)  # VII 003 for a unit without conversion
    for name in _OTHER_NUMC:
        value = values[name]
        if value and value.isdigit():
            values[name] = value.zfill(MARA.field(name).type.length)  # type: ignore[union-attr]
    return values


def _other_plant_values(plant: SegmentData, iso: IsoFields) -> dict[str, str | None]:
    """Every other standard E1MARCM field with its kept MARC field, empty where the IDoc
    leaves it out (a MATMAS replaces the plant data it sends), as for E1MARAM."""
    values: dict[str, str | None] = {name: plant.values.get(name, "")
                                     for name in _OTHER_PLANT}
    for name in _OTHER_PLANT_UNITS:
        values[name] = iso.unit(plant, name)  # VII 003 for a unit without conversion
    for name in _OTHER_PLANT_NUMC:
        value = values[name]
        if value and value.isdigit():
            values[name] = value.zfill(MARC.field(name).type.length)  # type: ignore[union-attr]
    return values


def _units_of_measure(header: SegmentData, iso: IsoFields) -> tuple[UnitOfMeasureView, ...]:
    """The E1MARMM segments as MARM rows: every field (empty ones become initial, as a
    MATMAS replaces what it sends), the units converted from ISO (VII 003 without a
    conversion)."""
    units = []
    for segment in header.all("E1MARMM"):
        values: dict[str, str | None] = {name: segment.values.get(name, "")
                                         for name in _UNIT_OF_MEASURE_FIELDS}
        for name in _UNIT_OF_MEASURE_UNITS:
            values[name] = iso.unit(segment, name)
        units.append(UnitOfMeasureView(iso.unit(segment, "MEINH"), values,
                                       delete=segment.values.get("MSGFN") == DELETE))
    return tuple(units)


def _language(text: SegmentData) -> str:
    spras = text.get("SPRAS")
    if spras:
        return spras
    iso = text.get("SPRAS_ISO").upper()
    if iso in LANGUAGES_BY_ISO:
        return LANGUAGES_BY_ISO[iso]
    raise declared_error("M3", "312", iso or "(empty)")


def _plant(plant: SegmentData, iso: IsoFields) -> PlantView:
    field = plant.values.get
    return PlantView(
        plant=field("WERKS", ""), purchasing_group=field("EKGRP", ""),
        mrp_type=field("DISMM", ""), availability_check=field("MTVFP", ""),
        profit_center=field("PRCTR", ""), deletion_flag=field("LVORM", ""),
        other_fields=_other_plant_values(plant, iso),
        storage_locations=tuple(
            StorageLocationView(location.get("LGORT"), location.get("LGPBE"),
                                location.get("LVORM"))
            for location in plant.all("E1MARDM")))


def _valuation(valuation: SegmentData) -> ValuationView:
    field = valuation.values.get
    return ValuationView(
        valuation_area=field("BWKEY", ""), valuation_type=field("BWTAR", ""),
        price_control=field("VPRSV", ""), moving_price=amount(field("VERPR", ""), "VERPR"),
        standard_price=amount(field("STPRS", ""), "STPRS"), price_unit=field("PEINH", ""),
        valuation_class=field("BKLAS", ""),
        planned_price_1=amount(field("ZPLP1", ""), "ZPLP1"),
        planned_price_2=amount(field("ZPLP2", ""), "ZPLP2"))


def _sales(sales: SegmentData, iso: IsoFields) -> SalesView:
    field = sales.values.get
    return SalesView(
        sales_org=field("VKORG", ""), distribution_channel=field("VTWEG", ""),
        delivering_plant=field("DWERK", ""), sales_unit=iso.unit(sales, "VRKME"),
        item_category_group=field("MTPOS", ""), statistics_group=field("VERSG", ""),
        account_assignment_group=field("KTGRM", ""), deletion_flag=field("LVORM", ""))


def prefetch(conn: Connection, mandt: str, matnrs: list[str]) -> dict[str, str]:
    """The materials of a chunk that exist, with their type."""
    return material_master.known_types(conn, mandt, matnrs)


def post(lookups: Lookups, idoc: Idoc) -> Posting:
    """Check the IDoc's material change; written later by :func:`write`."""
    codes = iso_codes.for_posting(lookups.conn, lookups.mandt)
    posted = material_master.post(lookups, to_command(idoc, codes))
    change = "D" if posted.flagged_for_deletion else ("I" if posted.created else "U")
    return Posting(MESTYP, posted.material, change, posted.message, posted)


def write(conn: Connection, mandt: str, results: Sequence[object]) -> None:
    # the results of this module's post(), and nothing else
    material_master.write(conn, cast(Sequence[MaterialPosted], results))
