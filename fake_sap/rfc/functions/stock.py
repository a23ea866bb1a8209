"""Inventory management BAPIs: BAPI_GOODSMVT_CREATE (material documents), BAPI_PO_CREATE1
(stock transport orders) and BAPI_MATERIAL_AVAILABILITY (ATP quantity of a plant).

The write BAPIs follow the LUW like every write BAPI here: checks and numbers at call
time, an update task at BAPI_TRANSACTION_COMMIT that checks again (a stock deficit found
only then rolls the whole commit back). TESTRUN = 'X' checks without registering anything.
The stock rules are in ``fake_sap.mm``; ATP, which nets sales demand too, in
``fake_sap.sd.services``.

Layer: RFC edge. Maps parameters to the typed inputs of ``fake_sap.mm.services``, and results and
messages back to parameters; no SQL and no transactions here. The update tasks are
service functions of MM, registered under their SAP names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fake_sap import clock
from fake_sap.conversion import matn1_input
from fake_sap.errors import ApplicationError, SapMessage, declared_message
from fake_sap.mm import purchasing, services
from fake_sap.mm.purchasing import StoInput, StoItemInput, StoPlan
from fake_sap.mm.services import GoodsMovementCommand, GoodsMovementLine, quantity_text
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.functions.logistics import BAPIPAREX, commit_in_legacy_mode
from fake_sap.rfc.functions.stock_structures import (
    BAPI2017_GM_CODE,
    BAPI2017_GM_HEAD_01,
    BAPI2017_GM_HEAD_RET,
    BAPI2017_GM_ITEM_CREATE,
    BAPI2017_GM_SERIALNUMBER,
    BAPIMEPOHEADER,
    BAPIMEPOHEADERX,
    BAPIMEPOITEM,
    BAPIMEPOITEMX,
    BAPIMEPOSCHEDULE,
    BAPIMEPOSCHEDULX,
    BAPIWMDVE,
    BAPIWMDVS,
)
from fake_sap.rfc.luw import UpdateFunctions
from fake_sap.rfc.model import (
    DATS,
    FLAG,
    FunctionInterface,
    char,
    exporting,
    importing,
    numc,
    quan,
    tables,
    unit,
)
from fake_sap.rfc.structures import BAPIRET2, BAPIRETURN, bapiret2, bapireturn, message
from fake_sap.sd import services as sd_services
from fake_sap.sd.services import AvailabilityQuery, Requirement

MATERIAL_DOCUMENTS = "MATBELEG"
PURCHASE_ORDERS = "EINKBELEG"
POST_GOODS_MOVEMENT = "GOODSMVT_POST"
SAVE_PURCHASE_ORDER = "PO_SAVE"

_QUANTITY = quan(13)

# -- interfaces ------------------------------------------------------------------------------

# the public SE37 listings the parameters' dictionary references come from
REFS_GOODSMVT = ("stechno.net, \"SAP Function BAPI_GOODSMVT_CREATE\" "
                 "(https://www.stechno.net/referentiel/fonctions-sap.html?id=BAPI_GOODSMVT_CREATE)")
REFS_PO = ("stechno.net, \"SAP Function BAPI_PO_CREATE1 - Create Purchase Order\" "
           "(https://stechno.net/repository/sap-functions.html?id=BAPI_PO_CREATE1)")
REFS_AVAILABILITY = ("stechno.net, \"SAP Function BAPI_MATERIAL_AVAILABILITY\" "
                     "(https://www.stechno.net/referentiel/fonctions-sap.html"
                     "?id=BAPI_MATERIAL_AVAILABILITY)")

BAPI_GOODSMVT_CREATE = FunctionInterface(
    "BAPI_GOODSMVT_CREATE", "Post goods movements (MB_CREATE_GOODS_MOVEMENT)", (
        importing("GOODSMVT_HEADER", BAPI2017_GM_HEAD_01, "Header: posting date ..."),
        importing("GOODSMVT_CODE", BAPI2017_GM_CODE, "Goods movement code"),
        importing("TESTRUN", FLAG, "X = check only", optional=True,
                  reference="BAPI2017_GM_GEN-TESTRUN"),
        importing("GOODSMVT_REF_EWM", char(1), "EWM reference (ignored)", optional=True),
        exporting("GOODSMVT_HEADRET", BAPI2017_GM_HEAD_RET, "Material document and year"),
        exporting("MATERIALDOCUMENT", char(10), "Number of the material document",
                  reference="BAPI2017_GM_HEAD_RET-MAT_DOC"),
        exporting("MATDOCUMENTYEAR", numc(4), "Material document year",
                  reference="BAPI2017_GM_HEAD_RET-DOC_YEAR"),
        tables("GOODSMVT_ITEM", BAPI2017_GM_ITEM_CREATE, "The items (one material document "
                                                        "for all)", optional=False),
        tables("GOODSMVT_SERIALNUMBER", BAPI2017_GM_SERIALNUMBER, "Serial numbers (not "
                                                                  "managed: ignored)"),
        tables("EXTENSIONIN", BAPIPAREX, "Customer extension (ignored)"),
        tables("RETURN", BAPIRET2, "Empty on success; the errors otherwise"),
    ), group="MB_BUS2017",
    references_source=REFS_GOODSMVT,
    notes="GM_CODE 05 with movement type 561: initial entry of stock (STCK_TYPE blank "
          "unrestricted, X quality inspection, S blocked). GM_CODE 01 with movement type "
          "101 and MVT_IND B: goods receipt for a stock transport order item (PO_NUMBER, "
          "PO_ITEM) at its receiving plant, out of stock in transit; at most what was issued "
          "for the item and not yet received. A stock shortfall is E M7 021. One material "
          "document per call (number range MATBELEG, drawn at the call); nothing is posted "
          "before BAPI_TRANSACTION_COMMIT, which checks the stock again.")

BAPI_PO_CREATE1 = FunctionInterface(
    "BAPI_PO_CREATE1", "Create purchase order", (
        importing("POHEADER", BAPIMEPOHEADER, "Header data"),
        importing("POHEADERX", BAPIMEPOHEADERX, "Which header fields to take",
                  optional=True),
        importing("TESTRUN", FLAG, "X = check only", optional=True,
                  reference="BAPIFLAG-BAPIFLAG"),
        importing("NO_PRICE_FROM_PO", FLAG, "No price from the last order (ignored)",
                  optional=True, reference="BAPIFLAG-BAPIFLAG"),
        exporting("EXPPURCHASEORDER", char(10), "Purchasing document number",
                  reference="BAPIMEPOHEADER-PO_NUMBER"),
        exporting("EXPHEADER", BAPIMEPOHEADER, "Header data as created"),
        tables("RETURN", BAPIRET2, "S 06 017 or the errors"),
        tables("POITEM", BAPIMEPOITEM, "Items"),
        tables("POITEMX", BAPIMEPOITEMX, "Which item fields to take"),
        tables("POSCHEDULE", BAPIMEPOSCHEDULE, "Schedule lines"),
        tables("POSCHEDULEX", BAPIMEPOSCHEDULX, "Which schedule line fields to take"),
        tables("EXTENSIONIN", BAPIPAREX, "Customer extension (ignored)"),
    ), group="2012",
    references_source=REFS_PO,
    notes="Stock transport orders only (DOC_TYPE UB): SUPPL_PLNT issues, POITEM-PLANT "
          "receives. SAP's checkbox rule (the function's documentation, \"Controlling "
          "adoption of field values via X parameter\", as quoted by sapmm.wordpress.com, "
          "\"BAPI PO CREATE1 - Purchase order creation\"): a field of POHEADER, POITEM or "
          "POSCHEDULE is taken only when its flag in POHEADERX, POITEMX (the row with the "
          "same PO_ITEM) or POSCHEDULEX (same PO_ITEM and SCHED_LINE) is X; the key fields "
          "PO_ITEM and SCHED_LINE need no flag, and a field not taken gets its default "
          "(PURCH_ORG 1000, PUR_GROUP 001, DOC_DATE today, STGE_LOC 0001, PO_UNIT the "
          "base unit). Without the X structures an order therefore lacks its document "
          "type, company code, supplying plant, material and quantity and is refused (the "
          "emulator's checks; SAP's message for each missing field is not confirmed by a "
          "public source). An item without QUANTITY takes the "
          "sum of its schedule lines. Errors come with the closing E BAPI 001. The number "
          "(range EINKBELEG) is drawn at the call; nothing is written before "
          "BAPI_TRANSACTION_COMMIT.")

BAPI_MATERIAL_AVAILABILITY = FunctionInterface(
    "BAPI_MATERIAL_AVAILABILITY", "Availability check (ATP) of a material in a plant", (
        importing("PLANT", char(4), "Plant", reference="BAPIMATVP-WERKS"),
        importing("MATERIAL", char(18), "Material number (leading zeros may be omitted)",
                  reference="BAPIMATVP-MATNR"),
        importing("UNIT", unit(), "Unit of measure (the base unit)",
                  reference="BAPIADMM-UNIT"),
        importing("CHECK_RULE", char(2), "Checking rule (accepted, one rule for all)",
                  optional=True, reference="BAPIT441V-PRREG"),
        importing("STGE_LOC", char(4), "Storage location: check its stock only",
                  optional=True, reference="BAPICM61V-LGORT"),
        importing("BATCH", char(10), "Batch (no batches: ignored)", optional=True,
                  reference="BAPICM61V-CHARG"),
        importing("CUSTOMER", char(10), "Customer (ignored)", optional=True,
                  reference="BAPIKNVVKY-CUSTOMER"),
        importing("DOC_NUMBER", char(10), "Sales document (ignored)", optional=True,
                  reference="BAPISDHEAD-DOC_NUMBER"),
        importing("ITM_NUMBER", numc(6), "Sales document item (ignored)", optional=True,
                  reference="BAPISDITM-ITM_NUMBER"),
        importing("WBS_ELEM", char(24), "WBS element (ignored)", optional=True,
                  reference="BAPISDITM-WBS_ELEM"),
        importing("STOCK_IND", char(1), "Special stock (ignored)", optional=True,
                  reference="BAPICM61V-SOBKZ"),
        exporting("ENDLEADTME", DATS, "End of replenishment lead time (today: none kept)",
                  reference="BAPICM61M-WZTER"),
        exporting("AV_QTY_PLT", _QUANTITY, "Quantity available at plant level",
                  reference="BAPICM61V-WKBST"),
        exporting("DIALOGFLAG", char(1), "X = not (fully) available, N = no check",
                  reference="BAPICM61V-DIAFL"),
        exporting("RETURN", BAPIRETURN, "Empty on success"),
        tables("WMDVSX", BAPIWMDVS, "Requirements (date and quantity)"),
        tables("WMDVEX", BAPIWMDVE, "Confirmations (date and ATP quantity)"),
    ),
    references_source=REFS_AVAILABILITY,
    notes="AV_QTY_PLT is the unrestricted-use stock of the plant (or of STGE_LOC) minus the "
          "open demand: confirmed quantities of sales order items not yet issued and "
          "stock transport order quantities the plant has not yet issued; never below 0. "
          "WMDVEX confirms the requirements of WMDVSX in date order out of that quantity "
          "(one line per requirement, date = requirement date or today); without WMDVSX "
          "it holds one line with today's ATP quantity. Errors are a RETURN of type E "
          "(BAPIRETURN).")


def _returned(message: SapMessage, parameter: str = "") -> dict[str, Any]:
    """A RETURN row; where the message does not say which parameter it is about,
    ``parameter``."""
    return bapiret2(message, message.parameter or parameter, message.row, message.field)


def _at(error: SapMessage, parameter: str, row: int = 0, field: str = "") -> SapMessage:
    return SapMessage(error.msgid, error.msgno, error.text, error.msgty, error.variables,
                      parameter, row, field)


def _dats(value: str, default: str) -> str:
    return default if value in ("", "00000000") else value


# -- BAPI_GOODSMVT_CREATE --------------------------------------------------------------------

def create_goods_movement(call: Call) -> dict[str, Any]:
    header = call["GOODSMVT_HEADER"]
    now = clock.now()
    today = clock.dats(now)
    posting_date = _dats(header["PSTNG_DATE"], today)
    command = GoodsMovementCommand(
        code=call["GOODSMVT_CODE"]["GM_CODE"],
        lines=tuple(_movement_line(row) for row in call["GOODSMVT_ITEM"]),
        posting_date=posting_date, document_date=_dats(header["DOC_DATE"], posting_date),
        today=today, now_time=clock.tims(now), user=call.user,
        reference=header["REF_DOC_NO"] or header["REF_DOC_NO_LONG"][:16],
        header_text=header["HEADER_TXT"])
    try:
        planned = services.plan_goods_movement(call.db, call.mandt, command)
    except ApplicationError as error:
        return {"RETURN": [_returned(m, "GOODSMVT_ITEM") for m in error.messages]}
    if call["TESTRUN"] == "X":
        return {}
    document = planned.document
    document.mblnr = f"{call.take_number(MATERIAL_DOCUMENTS):010d}"
    call.register_update(POST_GOODS_MOVEMENT, planned.to_payload())
    not_committed = commit_in_legacy_mode(call)
    if not_committed is not None:
        return {"RETURN": [_returned(not_committed, "GOODSMVT_ITEM")]}
    return {"GOODSMVT_HEADRET": {"MAT_DOC": document.mblnr, "DOC_YEAR": document.mjahr},
            "MATERIALDOCUMENT": document.mblnr, "MATDOCUMENTYEAR": document.mjahr}


def _movement_line(row: dict[str, Any]) -> GoodsMovementLine:
    return GoodsMovementLine(
        move_type=row["MOVE_TYPE"], material=row["MATERIAL"], plant=row["PLANT"],
        stge_loc=row["STGE_LOC"], quantity=row["ENTRY_QNT"], unit=row["ENTRY_UOM"],
        stock_type=row["STCK_TYPE"], text=row["ITEM_TEXT"],
        movement_indicator=row["MVT_IND"], po_number=row["PO_NUMBER"],
        po_item=row["PO_ITEM"], no_more_gr=row["NO_MORE_GR"] == "X")


#: the update task of BAPI_GOODSMVT_CREATE: the material document is posted by MM
post_goods_movement = services.post_goods_movement


# -- BAPI_PO_CREATE1 ---------------------------------------------------------------------------

def create_purchase_order(call: Call) -> dict[str, Any]:
    # PO_NUMBER is read unflagged so that an external number is refused, not ignored
    header = _taken(call["POHEADER"], call["POHEADERX"], ("PO_NUMBER",))
    numbers = [row["PO_ITEM"] for row in call["POITEM"] if int(row["PO_ITEM"])]
    if len(numbers) != len(set(numbers)):
        twice = next(n for n in numbers if numbers.count(n) > 1)
        return _po_refused(_at(declared_message("E", "ME", "061", twice), "POITEM",
                               numbers.index(twice) + 1, "PO_ITEM"))
    if header.get("PO_NUMBER"):
        return _po_refused(declared_message("E", "ME", "082", header["PO_NUMBER"]))
    order = StoInput(doc_type=header.get("DOC_TYPE", ""), comp_code=header.get("COMP_CODE", ""),
                     suppl_plnt=header.get("SUPPL_PLNT", ""),
                     purch_org=header.get("PURCH_ORG", ""), pur_group=header.get("PUR_GROUP", ""),
                     doc_date=_dats(header.get("DOC_DATE", ""), ""),
                     our_ref=header.get("OUR_REF", ""), ref_1=header.get("REF_1", ""),
                     items=tuple(_po_items(call)))
    today = clock.dats(clock.now())
    try:
        plan = services.plan_purchase_order(call.db, call.mandt, order, today=today,
                                            user=call.user)
    except ApplicationError as error:
        return _po_refused(*error.messages)
    if call["TESTRUN"] == "X":
        return {"RETURN": [bapiret2(message("S", "06", "017", "Stock transport order will be "
                                                              "created (test run)"))]}
    plan.ebeln = f"{call.take_number(PURCHASE_ORDERS):010d}"
    call.register_update(SAVE_PURCHASE_ORDER, plan.to_payload())
    refused = commit_in_legacy_mode(call)
    if refused is not None:
        return _po_refused(refused)
    return {"EXPPURCHASEORDER": plan.ebeln, "EXPHEADER": _exported_header(plan),
            "RETURN": [_returned(purchasing.created_message(plan.ebeln))]}


def _po_refused(*errors: SapMessage) -> dict[str, Any]:
    closing = declared_message("E", "BAPI", "001", "")
    return {"RETURN": [_returned(m) for m in (*errors, closing)]}


def _taken(data: dict[str, Any], flags: dict[str, Any], keys: tuple[str, ...] = ()
           ) -> dict[str, Any]:
    """SAP's checkbox rule: only the fields flagged X in the X structure are taken, and
    the key fields ``keys``; a row without its X row takes nothing but its keys."""
    return {name: value for name, value in data.items()
            if flags.get(name) == "X" or name in keys}


def _po_items(call: Call) -> list[StoItemInput]:
    item_flags = {row["PO_ITEM"]: row for row in call["POITEMX"]}
    schedule_flags = {(row["PO_ITEM"], row["SCHED_LINE"]): row for row in call["POSCHEDULEX"]}
    scheduled: dict[str, Decimal] = {}
    for line in call["POSCHEDULE"]:
        taken_line = _taken(line, schedule_flags.get((line["PO_ITEM"], line["SCHED_LINE"]), {}),
                            ("PO_ITEM", "SCHED_LINE"))
        scheduled[line["PO_ITEM"]] = scheduled.get(line["PO_ITEM"], Decimal(0)) + \
            taken_line.get("QUANTITY", Decimal(0))
    items = []
    for row in call["POITEM"]:
        taken = _taken(row, item_flags.get(row["PO_ITEM"], {}), ("PO_ITEM",))
        quantity = taken.get("QUANTITY") or scheduled.get(row["PO_ITEM"], Decimal(0))
        try:
            material = matn1_input(taken.get("MATERIAL", ""))
        except ValueError:
            material = taken.get("MATERIAL", "")
        items.append(StoItemInput(
            po_item=row["PO_ITEM"] if int(row["PO_ITEM"]) else "", material=material,
            plant=taken.get("PLANT", ""), quantity=quantity_text(Decimal(quantity)),
            stge_loc=taken.get("STGE_LOC", ""), po_unit=taken.get("PO_UNIT", "")))
    return items


def _exported_header(plan: StoPlan) -> dict[str, Any]:
    return {"PO_NUMBER": plan.ebeln, "COMP_CODE": plan.bukrs,
            "DOC_TYPE": purchasing.STOCK_TRANSPORT_ORDER,
            "CREAT_DATE": plan.aedat, "CREATED_BY": plan.ernam, "ITEM_INTVL": "00010",
            "PURCH_ORG": plan.ekorg, "PUR_GROUP": plan.ekgrp, "CURRENCY": "CNY",
            "DOC_DATE": plan.bedat, "SUPPL_PLNT": plan.reswk, "OUR_REF": plan.unsez,
            "REF_1": plan.ihrez}


#: the update task of BAPI_PO_CREATE1: the order is written by MM
save_purchase_order = services.save_purchase_order


# -- BAPI_MATERIAL_AVAILABILITY ------------------------------------------------------------

def availability(call: Call) -> dict[str, Any]:
    today = clock.dats(clock.now())
    query = AvailabilityQuery(material=call["MATERIAL"], plant=call["PLANT"],
                              unit=call["UNIT"], storage_location=call["STGE_LOC"])
    try:
        available = sd_services.available_quantity(call.db, call.mandt, query)
    except ApplicationError as error:
        return {"RETURN": bapireturn(error.messages[0]), "DIALOGFLAG": "N"}
    confirmations, short = _confirm(call["WMDVSX"], available, today)
    return {"ENDLEADTME": today, "AV_QTY_PLT": available, "DIALOGFLAG": "X" if short else "",
            "WMDVEX": confirmations}


def _confirm(requirements: list[dict[str, Any]], available: Decimal, today: str
             ) -> tuple[list[dict[str, Any]], bool]:
    """WMDVEX lines for the WMDVSX requirements; True when one is not fully confirmed."""
    confirmations, short = sd_services.confirm_requirements(
        [Requirement(r["REQ_DATE"], r["REQ_QTY"]) for r in requirements], available, today)
    return [{"BDCNT": f"{c.number:04d}", "COM_DATE": c.date, "COM_QTY": c.quantity}
            for c in confirmations], short


FUNCTIONS = [
    RfcFunction(BAPI_GOODSMVT_CREATE, create_goods_movement),
    RfcFunction(BAPI_PO_CREATE1, create_purchase_order),
    RfcFunction(BAPI_MATERIAL_AVAILABILITY, availability),
]

#: the update functions this area's BAPIs register (wired in fake_sap.compose)
UPDATE_FUNCTIONS: UpdateFunctions = {
    POST_GOODS_MOVEMENT: post_goods_movement,
    SAVE_PURCHASE_ORDER: save_purchase_order,
}
