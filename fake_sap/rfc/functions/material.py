"""Material BAPIs: BAPI_MATERIAL_GET_DETAIL and BAPI_MATERIAL_SAVEDATA (with its update task).

SAVEDATA follows SAP's checkbox rule: a field of CLIENTDATA, PLANTDATA, STORAGELOCATIONDATA,
VALUATIONDATA or SALESDATA is taken only when the same field of the X structure is ``X``;
everything else is left as it is (or initial for a new material). It checks everything at
call time, draws an internal material number when HEADDATA-MATERIAL is empty, and registers
the update function ``MATERIAL_UPDATE``; nothing is visible before BAPI_TRANSACTION_COMMIT.
The commit writes MARA/MAKT/MARC/MARD/MBEW/MVKE through the material master
(:mod:`fake_sap.mm.material_master`, the same writer as inbound MATMAS, with
:attr:`~fake_sap.mm.material_master.Maintenance.FLAGGED` maintenance) and a MATMAS change
pointer, from which ALE distributes the material like MM02 would.

Layer: rfc (a function module). Reads and writes go through the material master, never SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from fake_sap import clock
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import IsoCodes
from fake_sap.conversion import matn1_input, matn1_output
from fake_sap.customizing import storage_location_key
from fake_sap.db import change_pointers, clients
from fake_sap.ddic.tables import material as ddic_material
from fake_sap.errors import SapMessage, declared_message
from fake_sap.mm import material_master
from fake_sap.mm.material_master import (
    OTHER_GENERAL_FIELDS,
    OTHER_PLANT_FIELDS,
    Maintenance,
    MaterialText,
    PlantView,
    SalesView,
    SaveMaterial,
    StorageLocationView,
    UnitOfMeasureView,
    ValuationView,
)
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.functions.material_structures import (
    BAPI_MAKT,
    BAPI_MARA,
    BAPI_MARAX,
    BAPI_MARC,
    BAPI_MARCX,
    BAPI_MARD,
    BAPI_MARDX,
    BAPI_MARM,
    BAPI_MARMX,
    BAPI_MATRETURN2,
    BAPI_MBEW,
    BAPI_MBEWX,
    BAPI_MEAN,
    BAPI_MFHM,
    BAPI_MFHMX,
    BAPI_MLAN,
    BAPI_MLGN,
    BAPI_MLGNX,
    BAPI_MLGT,
    BAPI_MLGTX,
    BAPI_MLTX,
    BAPI_MPGD,
    BAPI_MPGDX,
    BAPI_MPOP,
    BAPI_MPOPX,
    BAPI_MVKE,
    BAPI_MVKEX,
    BAPIMATDOA,
    BAPIMATDOBEW,
    BAPIMATDOC,
    BAPIMATHEAD,
    BAPIPAREX,
    BAPIPAREXX,
    CLIENT_COLUMNS,
    PLANT_COLUMNS,
    SALES_COLUMNS,
    STORAGE_LOCATION_COLUMNS,
    UNIT_OF_MEASURE_COLUMNS,
    UNIT_OF_MEASURE_ISO_FIELDS,
    VALUATION_COLUMNS,
)
from fake_sap.rfc.luw import UpdateFunctions
from fake_sap.rfc.model import LANGUAGE_KEYS, FunctionInterface, char, exporting, importing, tables
from fake_sap.rfc.structures import BAPIRET2, BAPIRETURN, bapiret2, bapireturn, message

if TYPE_CHECKING:
    # annotations only: this edge hands the update task's transaction on to the services
    from sqlalchemy import Connection

MESTYP = "MATMAS"
#: number range object of internally numbered materials (SNRO)
NUMBER_RANGE = "MATERIALNR"
UPDATE_FUNCTION = "MATERIAL_UPDATE"

# -- BAPI_MATERIAL_GET_DETAIL ------------------------------------------------------------------

BAPI_MATERIAL_GET_DETAIL = FunctionInterface(
    "BAPI_MATERIAL_GET_DETAIL", "Material: display details", (
        importing("MATERIAL", char(18), "Material number (leading zeros may be omitted)"),
        importing("PLANT", char(4), "Plant, for MATERIALPLANTDATA", optional=True),
        importing("VALUATIONAREA", char(4), "Valuation area, for MATERIALVALUATIONDATA",
                  optional=True),
        importing("VALUATIONTYPE", char(10), "Valuation type", optional=True),
        exporting("MATERIAL_GENERAL_DATA", BAPIMATDOA, "General data (MARA, MAKT)"),
        exporting("RETURN", BAPIRETURN, "Empty on success"),
        exporting("MATERIALPLANTDATA", BAPIMATDOC, "Plant data (MARC)"),
        exporting("MATERIALVALUATIONDATA", BAPIMATDOBEW, "Valuation data (MBEW)"),
    ), group="MGV3",
    notes="RETURN is the old BAPIRETURN (CODE = message class and number). An unknown "
          "material, plant or valuation area is a RETURN row of type E, not an exception.")


def get_detail(call: Call) -> dict[str, Any]:
    try:
        matnr = matn1_input(call["MATERIAL"])
    except ValueError:
        return {"RETURN": bapireturn(_does_not_exist(call["MATERIAL"]))}
    with call.db.read() as conn:
        head = material_master.material(conn, call.mandt, matnr)
        if head is None:
            return {"RETURN": bapireturn(_does_not_exist(matnr))}
        description = material_master.description(conn, call.mandt, matnr, call.env.language)
        result: dict[str, Any] = {"MATERIAL_GENERAL_DATA": _general_data(head, description)}
        if call["PLANT"]:
            plant = material_master.plant_data(conn, call.mandt, matnr, call["PLANT"])
            if plant is None:
                result["RETURN"] = bapireturn(declared_message("E", "M3", "732",
                                                               matn1_output(matnr),
                                                               call["PLANT"]))
                return result
            result["MATERIALPLANTDATA"] = _fields(plant, PLANT_DETAIL_COLUMNS)
        if call["VALUATIONAREA"]:
            valuation = material_master.valuation_data(
                conn, call.mandt, matnr, call["VALUATIONAREA"], call["VALUATIONTYPE"])
            if valuation is None:
                result["RETURN"] = bapireturn(declared_message("E", "M3", "731",
                                                               matn1_output(matnr),
                                                               call["VALUATIONAREA"]))
                return result
            result["MATERIALVALUATIONDATA"] = {
                **_fields(valuation, VALUATION_COLUMNS),
                "CURRENCY": _valuation_currency(conn, call.mandt, call["VALUATIONAREA"])}
    return result


def _does_not_exist(material: str) -> SapMessage:
    return declared_message("E", "M3", "305", matn1_output(material))


def _fields(row: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    return {name: row[column] for name, column in columns.items()}


def _general_columns() -> dict[str, str]:
    """MATERIAL_GENERAL_DATA's fields that stand for a MARA field, with its column: every
    field BAPI_MARA declares under the same name and maps to MARA, either in CLIENT_COLUMNS
    or by naming the MARA field at the end of its short text ("Size/dimensions (GROES)").
    Worked out from the declarations, so a field added to both structures is given back
    without a line here."""
    to_column = dict(CLIENT_COLUMNS)
    for bapi_field in BAPI_MARA.fields:
        named = _NAMED_TABLE_FIELD.search(bapi_field.text)
        if named and bapi_field.name not in to_column and ddic_material.MARA.field(named[1]):
            to_column[bapi_field.name] = named[1].lower()
    return {name: column for name, column in to_column.items() if BAPIMATDOA.field(name)}


#: the table field a BAPI field stands for, as its short text names it at the end
_NAMED_TABLE_FIELD = re.compile(r"\(([A-Z][A-Z0-9_]*)\)$")
GENERAL_COLUMNS = _general_columns()


def _general_data(head: dict[str, Any], description: str | None) -> dict[str, Any]:
    return {**_fields(head, GENERAL_COLUMNS),
            "MATL_DESC": description or "",
            "IND_SECTOR": head["mbrsh"], "MATL_TYPE": head["mtart"],
            "CREATED_ON": head["ersda"], "CREATED_BY": head["ernam"],
            "LAST_CHNGE": head["laeda"] or None, "CHANGED_BY": head["aenam"]}


def _valuation_currency(conn: Connection, mandt: str, bwkey: str) -> str:
    """Plant (valuation area) -> sales organization -> company code -> its currency."""
    customizing = clients.customizing_entries(conn, mandt)
    plant = customizing.get("T001W", {}).get(bwkey, {})
    sales_org = customizing.get("TVKO", {}).get(plant.get("VKORG", ""), {})
    company = customizing.get("T001", {}).get(sales_org.get("BUKRS", ""), {})
    return str(company.get("WAERS") or sales_org.get("WAERS") or "")


# -- BAPI_MATERIAL_SAVEDATA --------------------------------------------------------------------

def _client_field_columns() -> dict[str, str]:
    """CLIENTDATA's fields that SAVEDATA stores, with their MARA column: CLIENT_COLUMNS, and
    every other BAPI_MARA field whose short text names a MARA field that the material
    master keeps among its other general fields ("Document type ... (ZEIAR)"). Worked out
    from the declaration, so a field added to BAPI_MARA with its MARA field is stored
    without a line here."""
    columns = dict(CLIENT_COLUMNS)
    for bapi_field in BAPI_MARA.fields:
        named = _NAMED_TABLE_FIELD.search(bapi_field.text)
        if named and bapi_field.name not in columns and named[1] in OTHER_GENERAL_FIELDS:
            columns[bapi_field.name] = named[1].lower()
    return columns


CLIENT_FIELD_COLUMNS = _client_field_columns()


def _plant_field_columns() -> dict[str, str]:
    """PLANTDATA's fields that SAVEDATA stores, with their MARC column: PLANT_COLUMNS, and
    every other BAPI_MARC field whose short text names a MARC field the material master
    keeps ("MRP controller (DISPO)"), as for CLIENTDATA."""
    columns = dict(PLANT_COLUMNS)
    for bapi_field in BAPI_MARC.fields:
        named = _NAMED_TABLE_FIELD.search(bapi_field.text)
        if named and bapi_field.name not in columns and named[1] in OTHER_PLANT_FIELDS:
            columns[bapi_field.name] = named[1].lower()
    return columns


PLANT_FIELD_COLUMNS = _plant_field_columns()
#: MATERIALPLANTDATA's fields that stand for a MARC field, with its column: every field
#: BAPIMATDOC declares under a name whose BAPI_MARC field SAVEDATA stores (ISSUE_UNIT as
#: AUSME ...), so a field added to BAPIMATDOC is given back without a line here
PLANT_DETAIL_COLUMNS = {name: column for name, column in PLANT_FIELD_COLUMNS.items()
                        if BAPIMATDOC.field(name)}


BAPI_MATERIAL_SAVEDATA = FunctionInterface(
    "BAPI_MATERIAL_SAVEDATA", "Create and change material master data", (
        importing("HEADDATA", BAPIMATHEAD, "Material, industry sector, material type"),
        importing("CLIENTDATA", BAPI_MARA, "Client-level data (MARA)", optional=True),
        importing("CLIENTDATAX", BAPI_MARAX, "Which CLIENTDATA fields to take",
                  optional=True),
        importing("PLANTDATA", BAPI_MARC, "Plant data (MARC)", optional=True),
        importing("PLANTDATAX", BAPI_MARCX, "Which PLANTDATA fields to take", optional=True),
        importing("STORAGELOCATIONDATA", BAPI_MARD, "Storage location data (MARD)",
                  optional=True),
        importing("STORAGELOCATIONDATAX", BAPI_MARDX, "Which STORAGELOCATIONDATA fields to "
                                                      "take", optional=True),
        importing("VALUATIONDATA", BAPI_MBEW, "Valuation data (MBEW)", optional=True),
        importing("VALUATIONDATAX", BAPI_MBEWX, "Which VALUATIONDATA fields to take",
                  optional=True),
        importing("WAREHOUSENUMBERDATA", BAPI_MLGN, "Warehouse number data (accepted, not "
                                                    "stored)", optional=True),
        importing("WAREHOUSENUMBERDATAX", BAPI_MLGNX, "Which WAREHOUSENUMBERDATA fields to "
                                                      "take (accepted, not stored)",
                  optional=True),
        importing("SALESDATA", BAPI_MVKE, "Sales data (MVKE)", optional=True),
        importing("SALESDATAX", BAPI_MVKEX, "Which SALESDATA fields to take", optional=True),
        importing("STORAGETYPEDATA", BAPI_MLGT, "Storage type data (accepted, not stored)",
                  optional=True),
        importing("STORAGETYPEDATAX", BAPI_MLGTX, "Which STORAGETYPEDATA fields to take "
                                                  "(accepted, not stored)", optional=True),
        importing("FORECASTPARAMETERS", BAPI_MPOP, "Forecast parameters (accepted, not "
                                                   "stored)", optional=True),
        importing("FORECASTPARAMETERSX", BAPI_MPOPX, "Which FORECASTPARAMETERS fields to "
                                                     "take (accepted, not stored)",
                  optional=True),
        importing("PLANNINGDATA", BAPI_MPGD, "Planning data (accepted, not stored)",
                  optional=True),
        importing("PLANNINGDATAX", BAPI_MPGDX, "Which PLANNINGDATA fields to take (accepted, "
                                               "not stored)", optional=True),
        importing("PRTDATA", BAPI_MFHM, "Production resource/tool data (accepted, not "
                                        "stored)", optional=True),
        importing("PRTDATAX", BAPI_MFHMX, "Which PRTDATA fields to take (accepted, not "
                                          "stored)", optional=True),
        importing("FLAG_ONLINE", char(1), "No ALE field selection (accepted, no effect)",
                  optional=True, reference="BAPIE1GLOBAL_DATA-TESTRUN"),
        importing("FLAG_CAD_CALL", char(1), "Call from CAD system (accepted, no effect)",
                  optional=True, reference="BAPIE1GLOBAL_DATA-TESTRUN"),
        importing("NO_DEQUEUE", char(1), "No dequeue (accepted, no effect)",
                  optional=True, reference="BAPIE1GLOBAL_DATA-TESTRUN"),
        importing("NO_ROLLBACK_WORK", char(1), "No rollback after an error (accepted: a "
                                               "refused call registers nothing anyway)",
                  optional=True, reference="BAPIE1GLOBAL_DATA-TESTRUN"),
        exporting("RETURN", BAPIRET2, "The outcome: S MM 356 or the first error"),
        tables("MATERIALDESCRIPTION", BAPI_MAKT, "Descriptions (MAKT)"),
        tables("UNITSOFMEASURE", BAPI_MARM, "Units of measure (MARM)"),
        tables("UNITSOFMEASUREX", BAPI_MARMX, "Which UNITSOFMEASURE fields to take"),
        tables("INTERNATIONALARTNOS", BAPI_MEAN, "International article numbers (accepted, "
                                                 "not stored)"),
        tables("MATERIALLONGTEXT", BAPI_MLTX, "Long texts (accepted, not stored)"),
        tables("TAXCLASSIFICATIONS", BAPI_MLAN, "Tax classifications (accepted, not "
                                                "stored)"),
        tables("RETURNMESSAGES", BAPI_MATRETURN2, "All messages"),
        tables("EXTENSIONIN", BAPIPAREX, "Customer fields (accepted, not stored)"),
        tables("EXTENSIONINX", BAPIPAREXX, "Which EXTENSIONIN fields to take (accepted, "
                                           "not stored)"),
    ), group="MGV2",
    references_source="stechno.net, \"SAP Function BAPI_MATERIAL_SAVEDATA - Create and Change "
                      "Material Master Data\" (https://www.stechno.net/repository/"
                      "sap-functions.html?id=BAPI_MATERIAL_SAVEDATA)",
    notes="Fields are taken only where the X structure says `X`. Nothing is written before "
          "BAPI_TRANSACTION_COMMIT in the same session (see docs/soap-rfc.md); an empty "
          "HEADDATA-MATERIAL draws the next internal number from range object MATERIALNR, "
          "which stays used even if the work is rolled back. The commit writes a MATMAS "
          "change pointer, so ALE distributes the material to subscribed partners. "
          "STORAGELOCATIONDATA is stored in MARD (STORAGELOCATIONDATAX names the same plant "
          "and storage location; the storage location must exist in the plant, T001L): "
          "DEL_FLAG and STGE_BIN; its other fields are accepted and not stored. CLIENTDATA "
          "fields that name a MARA field (PO_UNIT, DOCUMENT ... HAZ_MAT_NO) are stored in "
          "MARA, and PLANTDATA fields that name a MARC field (ABC_ID ... ALT_BOM_ID, not "
          "ORD_COSTS) in MARC, units given as ISO codes converted. "
          "UNITSOFMEASURE rows are stored in MARM as UNITSOFMEASUREX says (the X row of the "
          "same ALT_UNIT or ALT_UNIT_ISO); DEL_FLAG = X removes the unit. FLAG_ONLINE, "
          "FLAG_CAD_CALL, NO_DEQUEUE, NO_ROLLBACK_WORK, EXTENSIONIN and EXTENSIONINX are "
          "accepted and not stored; so are FORECASTPARAMETERS, PLANNINGDATA and PRTDATA "
          "with their X structures (the emulator keeps no MPOP, MPGD or MFHM data), and "
          "WAREHOUSENUMBERDATA, STORAGETYPEDATA (with their X structures), "
          "INTERNATIONALARTNOS, MATERIALLONGTEXT and TAXCLASSIFICATIONS: the emulator "
          "keeps no MLGN, MLGT, MEAN, long text (STXH/STXL) or MLAN data, so nothing of "
          "them is stored or given back, and they are not checked.")


class _Refused(Exception):
    """A check failed: becomes the RETURN of the call."""

    def __init__(self, error: SapMessage, parameter: str = "", field: str = "") -> None:
        super().__init__(error.text)
        self.error, self.parameter, self.field = error, parameter, field


def save_data(call: Call) -> dict[str, Any]:
    try:
        with call.read() as conn:  # its ISO codes: the call's client state's
            change = _check(conn, call)
    except _Refused as refused:
        row = bapiret2(refused.error, refused.parameter, 0, refused.field)
        return {"RETURN": row, "RETURNMESSAGES": [row]}
    if not change["matnr"]:
        change["matnr"] = _next_material_number(call)
    call.register_update(UPDATE_FUNCTION, change)
    done = bapiret2(declared_message("S", "MM", "356", matn1_output(change["matnr"])))
    return {"RETURN": done, "RETURNMESSAGES": [done]}


def _check(conn: Connection, call: Call) -> dict[str, Any]:
    """All checks of SAVEDATA, against the customizing and the material as it is now;
    returns the change to register as plain JSON data."""
    head = call["HEADDATA"]
    customizing = iso_codes.checked_customizing(conn, call.mandt, {
        tab: set(entries) for tab, entries in
        clients.customizing_entries(conn, call.mandt).items()})

    def require(tabname: str, key: str, error: SapMessage, parameter: str, field: str) -> None:
        if key and key not in customizing.get(tabname, set()):
            raise _Refused(error, parameter, field)

    matnr = ""
    if head["MATERIAL"]:
        try:
            matnr = matn1_input(head["MATERIAL"])
        except ValueError:
            raise _Refused(message("E", "M3", "305", "Material number &1 is too long",
                                   head["MATERIAL"]), "HEADDATA", "MATERIAL") from None
    existing = material_master.material(conn, call.mandt, matnr) if matnr else None
    codes = iso_codes.for_client(conn, call.mandt)
    client = _flagged(call["CLIENTDATA"], call["CLIENTDATAX"], CLIENT_FIELD_COLUMNS)
    client.update(_units_from_iso(call["CLIENTDATA"], call["CLIENTDATAX"], codes))
    if existing is None:
        _check_new(head, client, call["MATERIALDESCRIPTION"])
    elif head["MATL_TYPE"] and head["MATL_TYPE"] != existing["mtart"]:
        raise _Refused(declared_message("E", "M3", "349", head["MATL_TYPE"], existing["mtart"],
                                        matn1_output(matnr)),
                       "HEADDATA", "MATL_TYPE")
    require("T134", head["MATL_TYPE"], declared_message("E", "M3", "158", head["MATL_TYPE"]),
            "HEADDATA", "MATL_TYPE")
    for field, (_iso, column) in CLIENT_ISO_UNITS.items():
        require("T006", client.get(column, ""), message(
            "E", "M3", "351", "Unit of measure &1 is not defined", client.get(column, "")),
            "CLIENTDATA", field)
    plants = _with_storage_location(_plant(call, require, codes),
                                    _storage_location(call, require))
    valuations = _valuation(call, require)
    sales = _sales(call, require)
    units = _units_of_measure(call["UNITSOFMEASURE"], call["UNITSOFMEASUREX"], codes,
                              customizing.get("T006", set()))
    return {
        "matnr": matnr, "create": existing is None, "user": call.user,
        "today": clock.dats(clock.now()),
        "mara": {"mtart": head["MATL_TYPE"], "mbrsh": head["IND_SECTOR"], **client},
        "descriptions": _descriptions(call["MATERIALDESCRIPTION"]),
        "plants": plants, "valuations": valuations, "sales": sales,
        "units_of_measure": units,
    }


#: the units of CLIENTDATA the material master stores: unit field -> (its ISO field, column)
CLIENT_ISO_UNITS = {"BASE_UOM": ("BASE_UOM_ISO", "meins"), "PO_UNIT": ("PO_UNIT_ISO", "bstme"),
                    "UNIT_OF_WT": ("UNIT_OF_WT_ISO", "gewei"),
                    "PACK_WT_UN": ("PACK_WT_UN_ISO", "ergei"),
                    "PACK_VO_UN": ("PACK_VO_UN_ISO", "ervoe")}


def _units_from_iso(data: dict[str, Any], flags: dict[str, Any], codes: IsoCodes
                    ) -> dict[str, str]:
    """The units a caller gave only as ISO codes, as internal units (column -> unit).

    A BAPI takes a unit as SAP's internal code or as its ISO code (the BAPI guide's
    "Internal and External Data Formats"); the ISO field counts only when the internal one
    is empty, and is converted as UNIT_OF_MEASURE_ISO_TO_SAP does (T006, primary entry).
    Either X flag (the unit's or its ISO field's) selects it. An ISO code without a
    conversion is kept as sent, so the unit check that follows names it (M3 351).
    """
    units: dict[str, str] = {}
    for field, (iso_field, column) in CLIENT_ISO_UNITS.items():
        iso = data[iso_field]
        if data[field] or not iso or "X" not in (flags.get(field), flags.get(iso_field)):
            continue
        units[column] = codes.units.internal(iso) or iso
    return units


def _units_of_measure(rows: list[dict[str, Any]], flag_rows: list[dict[str, Any]],
                      codes: IsoCodes, known_units: set[str]) -> list[dict[str, Any]]:
    """UNITSOFMEASURE as MARM rows (plain JSON data: unit, column -> text, delete flag).

    Each row's fields are taken as SAP's checkbox rule says: only where the row of
    UNITSOFMEASUREX for the same unit (ALT_UNIT, or ALT_UNIT_ISO when ALT_UNIT is empty)
    has the field's flag set. A unit field counts in its ISO form only when the internal one
    is empty, converted like the units of CLIENTDATA. DEL_FLAG = X removes the unit; a row
    with no flag set and no DEL_FLAG changes nothing. Every unit named must be in T006
    (M3 351, naming the parameter and the field).
    """
    flags_by_unit = {(row["ALT_UNIT"], row["ALT_UNIT_ISO"]): row for row in flag_rows}
    units: list[dict[str, Any]] = []
    for row in rows:
        flags = flags_by_unit.get((row["ALT_UNIT"], row["ALT_UNIT_ISO"]), {})
        unit = _unit(row, flags, "ALT_UNIT", "ALT_UNIT_ISO", codes, always=True) or ""
        _require_unit(unit, known_units, "ALT_UNIT")
        if row["DEL_FLAG"] == "X":
            units.append({"meinh": unit, "values": {}, "delete": True})
            continue
        values = _flagged(row, flags, UNIT_OF_MEASURE_COLUMNS)
        for field, iso_field in UNIT_OF_MEASURE_ISO_FIELDS.items():
            converted = _unit(row, flags, field, iso_field, codes)
            if converted is not None:
                column = UNIT_OF_MEASURE_COLUMNS[field]
                values[column] = converted
            if values.get(UNIT_OF_MEASURE_COLUMNS[field]):
                _require_unit(values[UNIT_OF_MEASURE_COLUMNS[field]], known_units, field)
        if values:
            units.append({"meinh": unit, "values": values, "delete": False})
    return units


def _unit(row: dict[str, Any], flags: dict[str, Any], field: str, iso_field: str,
          codes: IsoCodes, always: bool = False) -> str | None:
    """A unit field given only as its ISO code, as the internal unit (None when the
    internal field is filled, or neither is selected); ``always`` for the key, which needs
    no flag. An ISO code without a conversion is kept as sent, for the unit check."""
    iso = row[iso_field]
    if row[field]:
        return str(row[field]) if always else None
    if not iso or not (always or "X" in (flags.get(field), flags.get(iso_field))):
        return "" if always else None
    return codes.units.internal(iso) or iso


def _require_unit(unit: str, known_units: set[str], field: str) -> None:
    """M3 351 for a unit that T006 does not define (an empty key is none either)."""
    if unit not in known_units:
        raise _Refused(message("E", "M3", "351", "Unit of measure &1 is not defined", unit),
                       "UNITSOFMEASURE", field)


def _check_new(head: dict[str, Any], client: dict[str, str],
               descriptions: list[dict[str, Any]]) -> None:
    if not head["MATL_TYPE"]:
        raise _Refused(declared_message("E", "M3", "302"), "HEADDATA", "MATL_TYPE")
    if not head["IND_SECTOR"]:
        raise _Refused(message("E", "M3", "302", "Enter an industry sector for the new "
                                                 "material"), "HEADDATA", "IND_SECTOR")
    if not client.get("meins"):
        raise _Refused(message("E", "M3", "302", "Enter a base unit of measure for the new "
                                                 "material (CLIENTDATA-BASE_UOM with "
                                                 "CLIENTDATAX-BASE_UOM = X)"),
                       "CLIENTDATA", "BASE_UOM")
    if not any(row["MATL_DESC"] for row in descriptions):
        raise _Refused(message("E", "M3", "302", "Enter a material description for the new "
                                                 "material"), "MATERIALDESCRIPTION",
                       "MATL_DESC")


def _flagged(data: dict[str, Any], flags: dict[str, Any], columns: dict[str, str]
             ) -> dict[str, str]:
    """The checkbox rule: only fields whose X flag is set, as column -> stored text."""
    return {column: _stored(data[name]) for name, column in columns.items()
            if flags.get(name) == "X"}


def _stored(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _plant(call: Call, require: Any, codes: IsoCodes) -> list[dict[str, Any]]:
    data, flags = call["PLANTDATA"], call["PLANTDATAX"]
    if not data["PLANT"]:
        return []
    if flags["PLANT"] != data["PLANT"]:
        raise _Refused(declared_message("E", "M3", "344", data["PLANT"]),
                       "PLANTDATAX", "PLANT")
    require("T001W", data["PLANT"], message("E", "M3", "351", "Plant &1 does not exist",
                                            data["PLANT"]), "PLANTDATA", "PLANT")
    values = _flagged(data, flags, PLANT_FIELD_COLUMNS)
    values.update(_issue_unit_from_iso(data, flags, codes))
    require("T006", values.get("ausme", ""), message(
        "E", "M3", "351", "Unit of measure &1 is not defined", values.get("ausme", "")),
        "PLANTDATA", "ISSUE_UNIT")
    return [{"werks": data["PLANT"], "values": values}]


def _issue_unit_from_iso(data: dict[str, Any], flags: dict[str, Any], codes: IsoCodes
                         ) -> dict[str, str]:
    """PLANTDATA's unit of issue given only as its ISO code, as MARC-AUSME (converted like
    the units of CLIENTDATA)."""
    iso = data["ISSUE_UNIT_ISO"]
    if data["ISSUE_UNIT"] or not iso or "X" not in (flags.get("ISSUE_UNIT"),
                                                     flags.get("ISSUE_UNIT_ISO")):
        return {}
    return {"ausme": codes.units.internal(iso) or iso}


def _storage_location(call: Call, require: Any) -> dict[str, Any] | None:
    """STORAGELOCATIONDATA as a MARD row (plain JSON data), checked like PLANTDATA: the X
    structure names the same plant and storage location, and T001L knows the pair."""
    data, flags = call["STORAGELOCATIONDATA"], call["STORAGELOCATIONDATAX"]
    if not data["PLANT"] and not data["STGE_LOC"]:
        return None
    if (flags["PLANT"], flags["STGE_LOC"]) != (data["PLANT"], data["STGE_LOC"]):
        raise _Refused(message("E", "M3", "344", "STORAGELOCATIONDATAX must contain the plant "
                                                 "and storage location of "
                                                 "STORAGELOCATIONDATA (&1/&2)",
                               data["PLANT"], data["STGE_LOC"]),
                       "STORAGELOCATIONDATAX", "STGE_LOC")
    require("T001W", data["PLANT"], message("E", "M3", "351", "Plant &1 does not exist",
                                            data["PLANT"]), "STORAGELOCATIONDATA", "PLANT")
    # an empty storage location is no key of T001L either: the same message names it
    require("T001L", storage_location_key(data["PLANT"], data["STGE_LOC"]), message(
        "E", "M3", "351", "Storage location &1 does not exist in plant &2", data["STGE_LOC"],
        data["PLANT"]), "STORAGELOCATIONDATA", "STGE_LOC")
    return {"werks": data["PLANT"], "lgort": data["STGE_LOC"],
            "values": _flagged(data, flags, STORAGE_LOCATION_COLUMNS)}


def _with_storage_location(plants: list[dict[str, Any]], location: dict[str, Any] | None
                           ) -> list[dict[str, Any]]:
    """The storage location joins the plant view of its plant (one without plant fields
    when PLANTDATA names another plant or none): MARD rows hang below their MARC row."""
    if location is None:
        return plants
    entry = {"lgort": location["lgort"], "values": location["values"]}
    for plant in plants:
        if plant["werks"] == location["werks"]:
            plant["storage_locations"] = [entry]
            return plants
    return [*plants, {"werks": location["werks"], "values": {}, "storage_locations": [entry]}]


def _valuation(call: Call, require: Any) -> list[dict[str, Any]]:
    data, flags = call["VALUATIONDATA"], call["VALUATIONDATAX"]
    if not data["VAL_AREA"]:
        return []
    if (flags["VAL_AREA"], flags["VAL_TYPE"]) != (data["VAL_AREA"], data["VAL_TYPE"]):
        raise _Refused(message("E", "M3", "344", "VALUATIONDATAX must contain the valuation "
                                                 "area and type of VALUATIONDATA (&1)",
                               data["VAL_AREA"]), "VALUATIONDATAX", "VAL_AREA")
    require("T001W", data["VAL_AREA"], declared_message("E", "M3", "351", data["VAL_AREA"]),
            "VALUATIONDATA", "VAL_AREA")
    values = _flagged(data, flags, VALUATION_COLUMNS)
    if values.get("vprsv", "S") not in ("S", "V"):
        raise _Refused(declared_message("E", "M3", "352", values["vprsv"]),
                       "VALUATIONDATA", "PRICE_CTRL")
    return [{"bwkey": data["VAL_AREA"], "bwtar": data["VAL_TYPE"], "values": values}]


def _sales(call: Call, require: Any) -> list[dict[str, Any]]:
    data, flags = call["SALESDATA"], call["SALESDATAX"]
    if not data["SALES_ORG"]:
        return []
    if (flags["SALES_ORG"], flags["DISTR_CHAN"]) != (data["SALES_ORG"], data["DISTR_CHAN"]):
        raise _Refused(message("E", "M3", "344", "SALESDATAX must contain the sales "
                                                 "organization and distribution channel of "
                                                 "SALESDATA (&1/&2)", data["SALES_ORG"],
                               data["DISTR_CHAN"]), "SALESDATAX", "SALES_ORG")
    require("TVKO", data["SALES_ORG"], message("E", "M3", "351", "Sales organization &1 is "
                                                                 "not defined",
                                               data["SALES_ORG"]), "SALESDATA", "SALES_ORG")
    require("TVTW", data["DISTR_CHAN"], message("E", "M3", "351", "Distribution channel &1 "
                                                                  "is not defined",
                                                data["DISTR_CHAN"]), "SALESDATA",
            "DISTR_CHAN")
    values = _flagged(data, flags, SALES_COLUMNS)
    require("T001W", values.get("dwerk", ""), message(
        "E", "M3", "351", "Delivering plant &1 does not exist", values.get("dwerk", "")),
        "SALESDATA", "DELYG_PLNT")
    require("T006", values.get("vrkme", ""), message(
        "E", "M3", "351", "Unit of measure &1 is not defined", values.get("vrkme", "")),
        "SALESDATA", "SALES_UNIT")
    return [{"vkorg": data["SALES_ORG"], "vtweg": data["DISTR_CHAN"], "values": values}]


def _descriptions(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    descriptions = []
    for index, row in enumerate(rows, start=1):
        language = row["LANGU"]
        if not language and row["LANGU_ISO"]:
            language = LANGUAGE_KEYS.get(row["LANGU_ISO"].upper(), "")
        if not language:
            raise _Refused(message("E", "M3", "312", "Language of description &1 is missing "
                                                     "or unknown", index),
                           "MATERIALDESCRIPTION", "LANGU")
        descriptions.append({"spras": language, "maktx": row["MATL_DESC"]})
    return descriptions


def _next_material_number(call: Call) -> str:
    """The next internal number not taken by an externally numbered material."""
    for _attempt in range(1000):
        matnr = f"{call.take_number(NUMBER_RANGE):018d}"
        with call.db.read() as conn:
            if material_master.material(conn, call.mandt, matnr) is None:
                return matnr
    raise RuntimeError("no free internal material number")


# -- the update function -----------------------------------------------------------------------

def update_material(conn: Connection, mandt: str, change: dict[str, Any]) -> None:
    """Write what SAVEDATA registered (MARA, MAKT, MARC, MBEW, MVKE) through the material
    master, and a change pointer."""
    saved = material_master.save(conn, mandt, saved_material(change), change["today"],
                                 change["user"])
    change_pointers.record(conn, mandt, [change_pointers.ChangePointer(
        MESTYP, saved.material, "I" if saved.created else "U")], clock.now())


def saved_material(change: dict[str, Any]) -> SaveMaterial:
    """The registered change (plain JSON data, columns as keys) as the material master's
    command: only the fields whose checkbox was set are there, the others are None."""
    header = change["mara"]
    return SaveMaterial(
        material=change["matnr"], maintenance=Maintenance.FLAGGED,
        material_type=header["mtart"], industry_sector=header["mbrsh"],
        material_group=header.get("matkl"), base_unit=header.get("meins"),
        division=header.get("spart"), old_material_number=header.get("bismt"),
        item_category_group=header.get("mtpos_mara"), net_weight=header.get("ntgew"),
        weight_unit=header.get("gewei"), deletion_flag=header.get("lvorm"),
        other_general_fields={column.upper(): value for column, value in header.items()
                              if column.upper() in OTHER_GENERAL_FIELDS},
        texts=tuple(MaterialText(text["spras"], text["maktx"])
                    for text in change["descriptions"]),
        plants=tuple(_plant_view(plant["werks"], plant["values"],
                                 plant.get("storage_locations", ()))
                     for plant in change["plants"]),
        valuations=tuple(_valuation_view(valuation["bwkey"], valuation["bwtar"],
                                         valuation["values"])
                         for valuation in change["valuations"]),
        sales=tuple(_sales_view(sales["vkorg"], sales["vtweg"], sales["values"])
                    for sales in change["sales"]),
        units_of_measure=tuple(
            UnitOfMeasureView(unit["meinh"], {column.upper(): value for column, value
                                              in unit["values"].items()},
                              delete=unit["delete"])
            for unit in change.get("units_of_measure", ())))


def _plant_view(werks: str, values: dict[str, str],
                locations: Iterable[dict[str, Any]] = ()) -> PlantView:
    return PlantView(
        plant=werks, purchasing_group=values.get("ekgrp"), mrp_type=values.get("dismm"),
        availability_check=values.get("mtvfp"), profit_center=values.get("prctr"),
        deletion_flag=values.get("lvorm"),
        other_fields={column.upper(): value for column, value in values.items()
                      if column.upper() in OTHER_PLANT_FIELDS},
        storage_locations=tuple(StorageLocationView(
            location["lgort"], bin=location["values"].get("lgpbe"),
            deletion_flag=location["values"].get("lvorm"))
            for location in locations))


def _valuation_view(bwkey: str, bwtar: str, values: dict[str, str]) -> ValuationView:
    return ValuationView(
        valuation_area=bwkey, valuation_type=bwtar, price_control=values.get("vprsv"),
        moving_price=_amount(values.get("verpr")),
        standard_price=_amount(values.get("stprs")), price_unit=values.get("peinh"),
        valuation_class=values.get("bklas"), planned_price_1=_amount(values.get("zplp1")),
        planned_price_2=_amount(values.get("zplp2")))


def _sales_view(vkorg: str, vtweg: str, values: dict[str, str]) -> SalesView:
    return SalesView(
        sales_org=vkorg, distribution_channel=vtweg, delivering_plant=values.get("dwerk"),
        sales_unit=values.get("vrkme"), item_category_group=values.get("mtpos"),
        statistics_group=values.get("versg"), account_assignment_group=values.get("ktgrm"),
        deletion_flag=values.get("lvorm"))


def _amount(text: str | None) -> Decimal | None:
    # registered as the canonical text of _stored, which Decimal gives back unchanged
    return None if text is None else Decimal(text)


FUNCTIONS = [
    RfcFunction(BAPI_MATERIAL_GET_DETAIL, get_detail),
    RfcFunction(BAPI_MATERIAL_SAVEDATA, save_data),
]

#: the update functions this area's BAPIs register (wired in fake_sap.compose)
UPDATE_FUNCTIONS: UpdateFunctions = {
    UPDATE_FUNCTION: update_material,
}
