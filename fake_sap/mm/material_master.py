"""Material master (MM01/MM02): the one writer of MARA, MAKT, MARC, MARD, MBEW, MVKE and
MARM.

Layer: business. Imports the database layer, the conversion exits and the error types;
never ``ale``, ``idoc``, ``rfc`` or ``http``. The inbound MATMAS IDoc, BAPI_MATERIAL_SAVEDATA
and the seed all change materials through this module; it takes typed commands
(:class:`SaveMaterial`, :class:`FlagMaterialForDeletion`) and returns
:class:`MaterialPosted`.

The two callers maintain a material differently, and say so in the command
(:class:`Maintenance`): a MATMAS IDoc replaces every view it carries, a BAPI changes only the
fields whose checkbox is set. Stock quantities (MARD-LABST ..., MARC-TRAME) belong to goods
movements: the master never overwrites them.

The CRM needs four prices per material. MATMAS carries prices only in the valuation
segment E1MBEWM, so the four are kept in MBEW (see docs/master-data.md): standard price
STPRS, moving average price VERPR, planned price 1 ZPLP1 (outlet purchase price) and planned
price 2 ZPLP2 (retail price).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, select, update

from fake_sap.conversion import matn1_input
from fake_sap.db import master_data
from fake_sap.db.master_data import Row, object_keys, rows_by_object
from fake_sap.db.schema import makt, mara, marc, mard, marm, mbew, mvke
from fake_sap.db.upsert import RowChanges, insert_if_absent, upsert, write_changes
from fake_sap.errors import SapMessage, declared_error, sap_error
from fake_sap.fastpath.driver import driver_statement
from fake_sap.lookups import Lookups

#: the kind of object in :class:`fake_sap.lookups.Lookups` (known materials: MTART)
KIND = "material"
#: the tables this module writes, and nothing else does
TABLES = (mara, makt, marc, mard, mbew, mvke, marm)
#: columns an upsert never overwrites: creation data, and quantities goods movements keep
KEEP_ON_UPDATE: dict[str, tuple[str, ...]] = {
    "mara": ("ersda", "ernam"),
    "mard": ("labst", "insme", "speme", "retme"),
    "marc": ("trame",),
}
#: MARA-MEINS of a material whose MATMAS leaves the base unit empty: piece
INITIAL_BASE_UNIT = "ST"
#: MARA's columns that :class:`SaveMaterial` names (or that posting sets: creation and last
#: change); every other MARA field travels in ``other_general_fields``
_NAMED_GENERAL_COLUMNS = frozenset({
    "mandt", "matnr", "mtart", "mbrsh", "matkl", "meins", "spart", "bismt", "mtpos_mara",
    "brgew", "ntgew", "gewei", "lvorm", "ersda", "ernam", "laeda", "aenam"})
#: the SAP names of MARA's other fields, which a command carries in ``other_general_fields``
OTHER_GENERAL_FIELDS = frozenset(column.name.upper() for column in mara.columns
                                 if column.name not in _NAMED_GENERAL_COLUMNS)


#: the SAP names of MARC's fields a :class:`PlantView` carries in ``other_fields``: all kept
#: ones but the key, the named ones and the stock in transit (goods movements')
OTHER_PLANT_FIELDS = frozenset(column.name.upper() for column in marc.columns
                               if column.name not in {"mandt", "matnr", "werks", "ekgrp",
                                                      "dismm", "mtvfp", "prctr", "lvorm",
                                                      "trame"})


class Maintenance(enum.Enum):
    """How a command's fields change the stored views."""

    #: MATMAS: each view sent replaces the stored one; a field left empty (``""`` or None)
    #: takes its initial value (MBRSH M, MEINS ST, VPRSV S, PEINH 1, amounts 0, else blank)
    REPLACE = "replace"
    #: BAPI_MATERIAL_SAVEDATA: only fields that are not None change (the X checkboxes); a
    #: new view starts from initial values
    FLAGGED = "flagged"


@dataclass(frozen=True, slots=True)
class MaterialText:
    language: str  # MAKT-SPRAS, internal one-character key
    description: str  # MAKT-MAKTX


@dataclass(frozen=True, slots=True)
class StorageLocationView:
    storage_location: str  # MARD-LGORT
    bin: str | None = None  # MARD-LGPBE
    deletion_flag: str | None = None  # MARD-LVORM


@dataclass(frozen=True, slots=True)
class PlantView:
    plant: str  # MARC-WERKS
    purchasing_group: str | None = None  # MARC-EKGRP
    mrp_type: str | None = None  # MARC-DISMM
    availability_check: str | None = None  # MARC-MTVFP
    profit_center: str | None = None  # MARC-PRCTR
    deletion_flag: str | None = None  # MARC-LVORM
    storage_locations: tuple[StorageLocationView, ...] = ()
    #: MARC's other kept fields by SAP name (DISPO, PLIFZ, MINBE ...), internal format,
    #: maintained like the named ones (:data:`OTHER_PLANT_FIELDS` lists the names allowed)
    other_fields: Mapping[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ValuationView:
    valuation_area: str  # MBEW-BWKEY
    valuation_type: str = ""  # MBEW-BWTAR
    price_control: str | None = None  # MBEW-VPRSV: S standard, V moving average
    moving_price: Decimal | None = None  # MBEW-VERPR
    standard_price: Decimal | None = None  # MBEW-STPRS
    price_unit: str | None = None  # MBEW-PEINH
    valuation_class: str | None = None  # MBEW-BKLAS
    planned_price_1: Decimal | None = None  # MBEW-ZPLP1, outlet purchase price
    planned_price_2: Decimal | None = None  # MBEW-ZPLP2, retail price


@dataclass(frozen=True, slots=True)
class SalesView:
    sales_org: str  # MVKE-VKORG
    distribution_channel: str  # MVKE-VTWEG
    delivering_plant: str | None = None  # MVKE-DWERK
    sales_unit: str | None = None  # MVKE-VRKME
    item_category_group: str | None = None  # MVKE-MTPOS
    statistics_group: str | None = None  # MVKE-VERSG
    account_assignment_group: str | None = None  # MVKE-KTGRM
    deletion_flag: str | None = None  # MVKE-LVORM


@dataclass(frozen=True, slots=True)
class UnitOfMeasureView:
    """One alternative unit of measure of a material (a MARM row)."""

    unit: str  # MARM-MEINH, internal code
    #: MARM's other kept fields by SAP name (UMREZ, UMREN, EAN11, LAENG ...), internal
    #: format, maintained like the other views (:data:`UNIT_OF_MEASURE_FIELDS`)
    fields: Mapping[str, str | None] = field(default_factory=dict)
    #: remove the unit (E1MARMM with MSGFN 003, BAPI_MARM-DEL_FLAG)
    delete: bool = False


@dataclass(frozen=True, slots=True)
class SaveMaterial:
    """Create or change a material. The caller says how (:class:`Maintenance`); a MATMAS
    IDoc is checked by :func:`post`, a BAPI checks its own call and :func:`save` writes."""

    material: str  # MARA-MATNR, internal form
    maintenance: Maintenance
    material_type: str | None = None  # MARA-MTART; empty: the stored one
    industry_sector: str | None = None  # MARA-MBRSH
    material_group: str | None = None  # MARA-MATKL
    base_unit: str | None = None  # MARA-MEINS
    division: str | None = None  # MARA-SPART
    old_material_number: str | None = None  # MARA-BISMT
    item_category_group: str | None = None  # MARA-MTPOS_MARA
    gross_weight: str | None = None  # MARA-BRGEW
    net_weight: str | None = None  # MARA-NTGEW
    weight_unit: str | None = None  # MARA-GEWEI
    deletion_flag: str | None = None  # MARA-LVORM
    created_on: str = ""  # MARA-ERSDA of a new material; empty: today
    created_by: str = ""  # MARA-ERNAM of a new material; empty: the posting user
    #: MARA's other standard fields by SAP name (BLANZ, EKWSL, GROES ...), internal format,
    #: maintained like the named ones: the caller's mapping says which it carries
    #: (:data:`OTHER_GENERAL_FIELDS` lists the names allowed)
    other_general_fields: Mapping[str, str | None] = field(default_factory=dict)
    texts: tuple[MaterialText, ...] = ()
    plants: tuple[PlantView, ...] = ()
    valuations: tuple[ValuationView, ...] = ()
    sales: tuple[SalesView, ...] = ()
    units_of_measure: tuple[UnitOfMeasureView, ...] = ()


@dataclass(frozen=True, slots=True)
class FlagMaterialForDeletion:
    """Set MARA-LVORM and nothing else (MATMAS with MSGFN 003)."""

    material: str  # MARA-MATNR, internal form


@dataclass(frozen=True, slots=True)
class MaterialPosted:
    """A checked change of one material, not yet written (see :func:`write`)."""

    material: str  # MARA-MATNR
    created: bool
    flagged_for_deletion: bool
    message: SapMessage
    rows: RowChanges


def material_number(raw: str) -> str:
    """A material number as sent or entered (``4711``) in its internal form; M3 305 if it is
    too long."""
    try:
        return matn1_input(raw)
    except ValueError:
        raise sap_error("M3", "305", "Material number &1 is too long", raw) from None


# --- checking and planning (pure: lookups in, rows out) ---------------------------------------

def post(lookups: Lookups, command: SaveMaterial | FlagMaterialForDeletion) -> MaterialPosted:
    """Check a material change the way MATMAS inbound processing does and plan its rows.

    Raises :class:`fake_sap.errors.ApplicationError` with SAP's message on the first
    failed check; remembers a created material in ``lookups`` for later IDocs of a packet.
    """
    matnr = command.material
    exists = lookups.exists(KIND, matnr)
    if isinstance(command, FlagMaterialForDeletion):
        if not exists:
            raise sap_error("M3", "305", "Material &1 does not exist", matnr.lstrip("0"))
        return _flag_for_deletion(lookups, matnr)
    mtart = command.material_type or (lookups.attribute(KIND, matnr) or "")
    deleting = command.deletion_flag == "X"
    if not exists and deleting:
        raise sap_error("M3", "305", "Material &1 does not exist", matnr.lstrip("0"))
    if not mtart:
        raise sap_error("M3", "302", "Material type is missing for new material &1", matnr)
    if not lookups.has("T134", mtart):
        raise declared_error("M3", "158", mtart)
    meins = command.base_unit
    if not meins and not exists:
        raise sap_error("M3", "302", "Base unit of measure is missing for new material &1",
                        matnr)
    if meins and not lookups.has("T006", meins):
        raise sap_error("M3", "351", "Unit of measure &1 is not defined", meins)
    for plant in command.plants:
        _check_plant(lookups, plant)
    for valuation in command.valuations:
        _check_valuation(lookups, valuation)
    for sales in command.sales:
        _check_sales(lookups, sales)
    _check_units_of_measure(lookups, command.units_of_measure)
    if not exists and not command.texts:
        raise sap_error("M3", "302", "A description is required for new material &1", matnr)
    lookups.remember(KIND, matnr, mtart)
    return MaterialPosted(matnr, not exists, deleting, _success(matnr, exists, deleting),
                          _rows(lookups.mandt, command, mtart, lookups.today, lookups.user,
                                created=not exists))


def _flag_for_deletion(lookups: Lookups, matnr: str) -> MaterialPosted:
    """MSGFN 003 sets MARA-LVORM and nothing else: the rest of such an IDoc is ignored."""
    rows = RowChanges(updates=[(mara, {"mandt": lookups.mandt, "matnr": matnr},
                                {"lvorm": "X", "laeda": lookups.today,
                                 "aenam": lookups.user})])
    return MaterialPosted(matnr, False, True, _success(matnr, exists=True, deleting=True),
                          rows)


def _check_plant(lookups: Lookups, plant: PlantView) -> None:
    werks = plant.plant
    if not lookups.has("T001W", werks):
        raise sap_error("M3", "351", "Plant &1 does not exist", werks)
    for location in plant.storage_locations:
        lgort = location.storage_location
        if not lookups.has("T001L", f"{werks}/{lgort}"):
            raise sap_error("M3", "351", "Storage location &1 does not exist in plant &2",
                            lgort, werks)


def _check_valuation(lookups: Lookups, valuation: ValuationView) -> None:
    bwkey = valuation.valuation_area
    if not lookups.has("T001W", bwkey):
        raise declared_error("M3", "351", bwkey)
    vprsv = valuation.price_control or "S"
    if vprsv not in ("S", "V"):
        raise declared_error("M3", "352", vprsv)


def _check_sales(lookups: Lookups, sales: SalesView) -> None:
    vkorg, vtweg = sales.sales_org, sales.distribution_channel
    if not lookups.has("TVKO", vkorg) or not lookups.has("TVTW", vtweg):
        raise sap_error("M3", "351", "Sales organization &1 / distribution channel &2 is "
                                     "not defined", vkorg, vtweg)
    dwerk = sales.delivering_plant
    if dwerk and not lookups.has("T001W", dwerk):
        raise sap_error("M3", "351", "Delivering plant &1 does not exist", dwerk)


def _success(matnr: str, exists: bool, deleting: bool) -> SapMessage:
    shown = matnr.lstrip("0") or matnr
    if deleting:
        return SapMessage("M3", "810", f"Material {shown} flagged for deletion", "S", (shown,))
    if exists:
        return SapMessage("M3", "801", f"Material {shown} changed", "S", (shown,))
    return SapMessage("M3", "800", f"Material {shown} created", "S", (shown,))


def _rows(mandt: str, command: SaveMaterial, mtart: str, today: str, user: str,
          stored_base_unit: str = "", created: bool = False) -> RowChanges:
    """The rows of a checked command: key columns plus the maintained fields (and the
    stored base unit, unchanged, of a material whose command leaves it out). A new
    material's other general fields that are empty are left out: the row starts with
    their initial values anyway, and an insert of a few columns costs less than of MARA's
    ~190."""
    maintenance = command.maintenance
    replace = maintenance is Maintenance.REPLACE
    matnr = command.material
    key = {"mandt": mandt, "matnr": matnr}
    base_unit = command.base_unit
    if replace and not base_unit:
        base_unit = INITIAL_BASE_UNIT
    elif base_unit is None:
        # the insert half of an upsert needs every NOT NULL column, even for a stored row
        base_unit = stored_base_unit or None
    header = _fields(mara, maintenance, {
        **_other_general_fields(command.other_general_fields, skip_empty=created),
        # an empty type or industry sector never overwrites one: a material keeps its type
        "mtart": mtart or None,
        "mbrsh": command.industry_sector if replace else command.industry_sector or None,
        "matkl": command.material_group, "meins": base_unit,
        "spart": command.division, "bismt": command.old_material_number,
        "mtpos_mara": command.item_category_group, "brgew": command.gross_weight,
        "ntgew": command.net_weight, "gewei": command.weight_unit,
        "lvorm": command.deletion_flag})
    rows = RowChanges()
    rows.upserts.append((mara, {
        **key, **header, "ersda": command.created_on or today,
        "ernam": command.created_by or user, "laeda": today, "aenam": user}))
    for text in command.texts:
        rows.upserts.append((makt, {**key, "spras": text.language,
                                    "maktx": text.description}))
    for plant in command.plants:
        rows.upserts.append((marc, {**key, "werks": plant.plant, **_fields(marc, maintenance, {
            **_other_plant_fields(plant.other_fields), "ekgrp": plant.purchasing_group,
            "dismm": plant.mrp_type, "mtvfp": plant.availability_check,
            "prctr": plant.profit_center,
            "lvorm": plant.deletion_flag})}))
        for location in plant.storage_locations:
            rows.upserts.append((mard, {
                **key, "werks": plant.plant, "lgort": location.storage_location,
                **_fields(mard, maintenance, {"lgpbe": location.bin,
                                              "lvorm": location.deletion_flag})}))
    for valuation in command.valuations:
        rows.upserts.append((mbew, {
            **key, "bwkey": valuation.valuation_area, "bwtar": valuation.valuation_type,
            **_fields(mbew, maintenance, {
                "vprsv": valuation.price_control, "verpr": _amount(valuation.moving_price),
                "stprs": _amount(valuation.standard_price), "peinh": valuation.price_unit,
                "bklas": valuation.valuation_class,
                "zplp1": _amount(valuation.planned_price_1),
                "zplp2": _amount(valuation.planned_price_2)})}))
    for sales in command.sales:
        rows.upserts.append((mvke, {
            **key, "vkorg": sales.sales_org, "vtweg": sales.distribution_channel,
            **_fields(mvke, maintenance, {
                "dwerk": sales.delivering_plant, "vrkme": sales.sales_unit,
                "mtpos": sales.item_category_group, "versg": sales.statistics_group,
                "ktgrm": sales.account_assignment_group, "lvorm": sales.deletion_flag})}))
    _unit_of_measure_rows(rows, key, maintenance, command.units_of_measure)
    return rows


#: MARM's fields a :class:`UnitOfMeasureView` may carry (its kept fields but the key)
UNIT_OF_MEASURE_FIELDS = frozenset(column.name.upper() for column in marm.columns
                                   if column.name not in ("mandt", "matnr", "meinh"))
#: MARM's unit fields beside the key, which must name units of T006
_UNIT_OF_MEASURE_UNITS = ("MEABM", "VOLEH", "GEWEI", "MESUB")


def _check_units_of_measure(lookups: Lookups, units: Sequence[UnitOfMeasureView]) -> None:
    """Every unit a MARM row names (its own and its dimension, volume, weight and
    lower-level units) must be a unit of T006: M3 351 as for the base unit."""
    for view in units:
        for unit in (view.unit, *(view.fields.get(name) for name in _UNIT_OF_MEASURE_UNITS)):
            if unit and not lookups.has("T006", unit):
                raise sap_error("M3", "351", "Unit of measure &1 is not defined", unit)


def _unit_of_measure_rows(rows: RowChanges, key: Mapping[str, str], maintenance: Maintenance,
                          units: Sequence[UnitOfMeasureView]) -> None:
    """The MARM rows of a command: one upsert per unit kept, one delete per unit removed;
    the units a command does not name stay as they are (in a MATMAS too: SAP removes a
    unit only when its segment says so, MSGFN 003)."""
    for view in units:
        unit_key = {**key, "meinh": view.unit}
        if view.delete:
            rows.deletes.append((marm, unit_key))
            continue
        unknown = view.fields.keys() - UNIT_OF_MEASURE_FIELDS
        if unknown:
            raise ValueError(f"not fields of MARM: {sorted(unknown)}")
        rows.upserts.append((marm, {**unit_key, **_fields(marm, maintenance, {
            name.lower(): value for name, value in view.fields.items()})}))


def _other_general_fields(values: Mapping[str, str | None], skip_empty: bool
                          ) -> dict[str, str | None]:
    """MARA columns of a command's other general fields (without the empty ones with
    ``skip_empty``); a name that is no such field is a mistake of the caller's mapping, not
    of the data."""
    unknown = values.keys() - OTHER_GENERAL_FIELDS
    if unknown:
        raise ValueError(f"not other fields of MARA: {sorted(unknown)}")
    if skip_empty:
        return {name.lower(): value for name, value in values.items() if value}
    return {name.lower(): value for name, value in values.items()}


def _other_plant_fields(values: Mapping[str, str | None]) -> dict[str, str | None]:
    """MARC columns of a plant view's other fields; a name that is no such field is a
    mistake of the caller's mapping."""
    unknown = values.keys() - OTHER_PLANT_FIELDS
    if unknown:
        raise ValueError(f"not other fields of MARC: {sorted(unknown)}")
    return {name.lower(): value for name, value in values.items()}


def _fields(table: Table, maintenance: Maintenance,
            values: Mapping[str, str | None]) -> dict[str, str]:
    """Maintained fields: REPLACE writes every field (an empty one as the column's initial
    value), FLAGGED only those that are not None."""
    if maintenance is Maintenance.REPLACE:
        initial = _INITIAL[table.name]
        return {column: value or initial[column] for column, value in values.items()}
    return {column: value for column, value in values.items() if value is not None}


def _amount(value: Decimal | None) -> str | None:
    # amounts are kept as canonical decimal text (see db/schema.py)
    return None if value is None else str(value)


#: the initial value of every column of the material tables: its default, else blank
_INITIAL = {table.name: {column.name: str(getattr(column.default, "arg", "") or "")
                         for column in table.columns}
            for table in TABLES}


# --- writing ----------------------------------------------------------------------------------

def write(conn: Connection, posted: Sequence[MaterialPosted]) -> None:
    """Write checked changes, many materials in bulk (no two about the same material)."""
    write_changes(conn, [p.rows for p in posted], KEEP_ON_UPDATE)


def save(conn: Connection, mandt: str, command: SaveMaterial, today: str,
         user: str) -> MaterialPosted:
    """Write a material change the caller has checked already, at once (the update task of
    BAPI_MATERIAL_SAVEDATA, which checks at call time). ``created`` of the result says
    whether the material was new."""
    existing = material(conn, mandt, command.material)
    mtart = command.material_type or (existing["mtart"] if existing else "")
    posted = MaterialPosted(command.material, existing is None, command.deletion_flag == "X",
                            _success(command.material, existing is not None,
                                     command.deletion_flag == "X"),
                            _rows(mandt, command, mtart, today, user,
                                  existing["meins"] if existing else "",
                                  created=existing is None))
    write(conn, [posted])
    return posted


def load(conn: Connection, rows: Mapping[Table, Sequence[dict[str, Any]]]) -> None:
    """An initial data load (``fake-sap seed``): rows written as given, with no checks and
    no change pointers; quantities and creation data of existing rows are kept."""
    if unknown := [table.name for table in rows if table not in TABLES]:
        raise ValueError(f"{', '.join(unknown)} is not a table of the material master")
    # the rows come grouped by table: written as they are, rather than taken apart into
    # one change and regrouped by write_changes, which costs a seed of 100,000 materials
    # (a million rows) about a tenth of its time
    for table, table_rows in rows.items():
        upsert(conn, table, table_rows, keep=KEEP_ON_UPDATE.get(table.name, ()))


# --- stock quantities -------------------------------------------------------------------------
# The quantity columns of MARD and MARC-TRAME are the goods movements' (fake_sap.mm.stock holds
# their rules: locking, deficits); the rows are this module's, so it writes what stock decides.

def add_storage_location(conn: Connection, mandt: str, matnr: str, werks: str,
                         lgort: str) -> None:
    """The storage location view (MARD) a first goods movement into ``lgort`` creates, with
    no stock; an existing one is left alone."""
    insert_if_absent(conn, mard, {"mandt": mandt, "matnr": matnr, "werks": werks,
                                  "lgort": lgort, "lgpbe": "", "lvorm": "", "labst": "0",
                                  "insme": "0", "speme": "0", "retme": "0"})


def set_storage_location_stock(conn: Connection, mandt: str, matnr: str, werks: str,
                               lgort: str, column: str, quantity: Decimal) -> None:
    """Store a storage location's new quantity of one stock type (MARD-LABST, -INSME,
    -SPEME or -RETME)."""
    if column not in KEEP_ON_UPDATE["mard"]:
        raise ValueError(f"MARD-{column.upper()} is not a stock quantity")
    conn.execute(update(mard).where(mard.c.mandt == mandt, mard.c.matnr == matnr,
                                    mard.c.werks == werks, mard.c.lgort == lgort)
                 .values({column: str(quantity)}))


def set_stock_in_transit(conn: Connection, mandt: str, matnr: str, werks: str,
                         quantity: Decimal) -> None:
    """Store a plant's new stock in transit (MARC-TRAME)."""
    conn.execute(update(marc).where(marc.c.mandt == mandt, marc.c.matnr == matnr,
                                    marc.c.werks == werks).values(trame=str(quantity)))


# --- reading ----------------------------------------------------------------------------------

#: built once: SQLAlchemy then works out the statement's cache key once, not per IDoc
_KNOWN_TYPES = select(mara.c.matnr, mara.c.mtart).where(
    mara.c.mandt == bindparam("mandt"), mara.c.matnr.in_(bindparam("matnrs", expanding=True)))


#: one material (a single IDoc) as SQL text: an expanding IN is rendered again at every
#: execution, and even a compiled SELECT from the cache cost SQLAlchemy several times what
#: SQLite spends on this primary-key look-up (two text columns, returned as SQLAlchemy would)
_KNOWN_TYPE_SQL = {dialect: f"SELECT matnr, mtart FROM {mara.name} "
                            f"WHERE mandt = {mark} AND matnr = {mark}"
                   for dialect, mark in (("sqlite", "?"), ("postgresql", "%s"))}


def known_types(conn: Connection, mandt: str, matnrs: Sequence[str]) -> dict[str, str]:
    """The material type (MTART) of each of ``matnrs`` that exists."""
    if len(matnrs) == 1:
        found, _ = driver_statement(conn, _KNOWN_TYPE_SQL[conn.dialect.name],
                                    (mandt, matnrs[0]))
        return {r[0]: r[1] for r in found}
    rows = conn.execute(_KNOWN_TYPES, {"mandt": mandt, "matnrs": list(matnrs)})
    return {r[0]: r[1] for r in rows}


def material(conn: Connection, mandt: str, matnr: str) -> dict[str, Any] | None:
    """The general data (MARA row) of a material, None if it does not exist."""
    return master_data.material(conn, mandt, matnr)


def description(conn: Connection, mandt: str, matnr: str, spras: str) -> str | None:
    """The description (MAKTX) in one language, None if there is none."""
    return conn.execute(select(makt.c.maktx).where(
        makt.c.mandt == mandt, makt.c.matnr == matnr, makt.c.spras == spras)).scalar()


def units_of_measure(conn: Connection, mandt: str, matnr: str) -> list[dict[str, Any]]:
    """The alternative units of measure (MARM rows) of a material, in MEINH order."""
    return [dict(row) for row in conn.execute(select(marm).where(
        marm.c.mandt == mandt, marm.c.matnr == matnr).order_by(marm.c.meinh)).mappings()]


def plant_data(conn: Connection, mandt: str, matnr: str, werks: str) -> dict[str, Any] | None:
    """The plant view (MARC row), None if the material is not maintained in the plant."""
    return master_data.material_plant(conn, mandt, matnr, werks)


def valuation_data(conn: Connection, mandt: str, matnr: str, bwkey: str,
                   bwtar: str = "") -> dict[str, Any] | None:
    """The valuation view (MBEW row), None if it is not maintained."""
    row = conn.execute(select(mbew).where(
        mbew.c.mandt == mandt, mbew.c.matnr == matnr, mbew.c.bwkey == bwkey,
        mbew.c.bwtar == bwtar)).mappings().first()
    return dict(row) if row else None


def all_keys(conn: Connection, mandt: str) -> list[str]:
    """Every material of the client, in MATNR order."""
    return object_keys(conn, mara, "matnr", mandt)


class MaterialRows(NamedTuple):
    """All rows of one material, as :func:`fake_sap.db.master_data.rows_by_object` reads
    them (plain tuples, columns in table order)."""

    general: Row  # MARA (only the columns read: see rows_of_many)
    texts: list[Row]  # MAKT
    plants: list[Row]  # MARC
    storage_locations: list[Row]  # MARD
    valuations: list[Row]  # MBEW
    sales: list[Row]  # MVKE
    units: list[Row]  # MARM


def rows_of_many(conn: Connection, mandt: str, matnrs: Sequence[str],
                 general_columns: Sequence[str] | None = None) -> dict[str, MaterialRows]:
    """Materials by MATNR, every table's rows (unknown ones are left out). One query per
    table for the whole batch, not six per material: BD10 reads a whole client. With
    ``general_columns`` (which must name MATNR) the MARA rows hold only those columns, in
    that order: MARA is wide, and an outbound segment carries only part of it."""
    heads = rows_by_object(conn, mara, "matnr", mandt, matnrs, general_columns)
    found = list(heads)
    texts, plants, locations, valuations, sales, units = (
        rows_by_object(conn, table, "matnr", mandt, found)
        for table in (makt, marc, mard, mbew, mvke, marm))
    return {matnr: MaterialRows(heads[matnr][0], texts.get(matnr, []), plants.get(matnr, []),
                                locations.get(matnr, []), valuations.get(matnr, []),
                                sales.get(matnr, []), units.get(matnr, []))
            for matnr in found}
