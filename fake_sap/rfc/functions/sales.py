"""Sales-document BAPIs: BAPI_SALESORDER_CREATEFROMDAT2, BAPI_CUSTOMERRETURN_CREATE and
BAPI_SALESORDER_GETSTATUS.

The two create BAPIs share one implementation (SD_SALESDOCUMENT_CREATE in SAP): map the
BAPI tables onto an order (conversion exits, checkbox structures, schedule lines and
conditions per item), let :func:`fake_sap.sd.services.plan_sales_document` check it and
compute ATP and credit, then draw the number and register the update function
``RV_SALES_DOCUMENT_ADD``; the document is written at BAPI_TRANSACTION_COMMIT. TESTRUN stops
before the number. GETSTATUS reads the committed document with its deliveries (LIPS) back
through :func:`fake_sap.sd.services.order_status`.

Layer: RFC edge. Maps parameters to the typed inputs of ``fake_sap.sd.services``, and results and
messages back to parameters; no SQL and no transactions here. The update tasks are
service functions of SD, registered under their SAP names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fake_sap import clock
from fake_sap.basis.iso_codes import CodeMap
from fake_sap.conversion import alpha_input, alpha_output, matn1_input
from fake_sap.errors import ApplicationError, SapMessage, declared_message, sap_message
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.functions.sales_structures import (
    BAPI_SENDER,
    BAPIADDR1,
    BAPICOND,
    BAPICONDX,
    BAPIPAREX,
    BAPIPARNR,
    BAPISCHDL,
    BAPISCHDLX,
    BAPISDHD1,
    BAPISDHD1X,
    BAPISDITM,
    BAPISDITMX,
    BAPISDKEY,
    BAPISDLS,
    BAPISDSTAT,
    BAPISDTEXT,
)
from fake_sap.rfc.luw import UpdateFunctions, WithoutChangePointers
from fake_sap.rfc.model import (
    FLAG,
    FunctionInterface,
    Parameter,
    Structure,
    char,
    exporting,
    importing,
    tables,
    with_references,
)
from fake_sap.rfc.structures import BAPIRET2, BAPIRETURN, bapiret2, bapireturn
from fake_sap.sd import codes, sales_orders, services
from fake_sap.sd.sales_orders import HEADER, ITEM, PARTNERS, ItemInput, OrderInput, OrderPlan
from fake_sap.sd.services import ItemStatus, OrderStatus

NUMBER_RANGE = "RV_BELEG"
#: the update function SAP's sales document save runs in the update task
UPDATE_FUNCTION = "RV_SALES_DOCUMENT_ADD"
PRICE_CONDITION = "PR00"
SCHEDULES = "SALES_SCHEDULES_IN"
CONDITIONS = "SALES_CONDITIONS_IN"
NO_ITEM = "000000"
NO_DATE = "00000000"
#: the name under which a process keeps the customizing keys of a client's sales documents
_CUSTOMIZING = "sales document customizing"


@dataclass(frozen=True)
class _Names:
    """The parameter names of one create BAPI: ORDER_* or RETURN_*."""

    header: str
    header_x: str
    items: str
    items_x: str
    partners: str
    schedules: str
    schedules_x: str
    conditions: str
    conditions_x: str | None


ORDER = _Names("ORDER_HEADER_IN", "ORDER_HEADER_INX", "ORDER_ITEMS_IN", "ORDER_ITEMS_INX",
               "ORDER_PARTNERS", "ORDER_SCHEDULES_IN", "ORDER_SCHEDULES_INX",
               "ORDER_CONDITIONS_IN", "ORDER_CONDITIONS_INX")
RETURNS = _Names("RETURN_HEADER_IN", "RETURN_HEADER_INX", "RETURN_ITEMS_IN",
                 "RETURN_ITEMS_INX", "RETURN_PARTNERS", "RETURN_SCHEDULES_IN",
                 "RETURN_SCHEDULES_INX", "RETURN_CONDITIONS_IN", None)


def _control_parameters() -> tuple[Parameter, ...]:
    """The IMPORTING parameters both create BAPIs have besides the header."""
    return (
        importing("SALESDOCUMENTIN", char(10), "External document number (empty: the next "
                                               "number of range RV_BELEG)", optional=True),
        importing("SENDER", BAPI_SENDER, "Logical system of the sender", optional=True),
        importing("BINARY_RELATIONSHIPTYPE", char(4), "Binary relationship type (accepted, "
                                                      "not used)", optional=True),
        importing("INT_NUMBER_ASSIGNMENT", FLAG, "Internal item number assignment (accepted, "
                                                 "not used)", optional=True),
        importing("BEHAVE_WHEN_ERROR", char(1), "Error handling (accepted; the emulator "
                                                "always refuses the whole document)",
                  optional=True),
        importing("LOGIC_SWITCH", BAPISDLS, "Internal control (accepted, not used)",
                  optional=True),
        importing("TESTRUN", FLAG, "X: check and simulate only; no number, nothing saved",
                  optional=True),
        importing("CONVERT", FLAG, "X: convert external codes (document type OR, partner "
                                   "functions SP/SH, unit PC) to internal ones",
                  optional=True),
    )


_CREATE_NOTES = (
    "Keys are internal: customer and material numbers may be sent without leading zeros "
    "(ALPHA/MATN1), but document types, partner functions and units must be internal (TA, "
    "AG/WE, ST) unless CONVERT = X; OR or SP without CONVERT is refused, as in SAP. The "
    "ordered quantity is REQ_QTY of the schedule lines (their sum per item), or TARGET_QTY "
    "when an item has none; a PR00 condition sets the price per unit. Missing partners (WE, "
    "RE, RG) come from the sold-to party's partner functions (KNVP). An X structure, when "
    "sent with at least one flag, restricts the fields taken to the flagged ones. The "
    "availability check confirms what unrestricted stock minus open orders allows (W V1 "
    "501 otherwise); a credit limit exceeded saves the document with credit block "
    "(VBUK-CMGST = B, W V1 154). The number is drawn at call time, the document written at "
    "BAPI_TRANSACTION_COMMIT (a rollback leaves a gap). Texts, keys, extensions, partner "
    "addresses and item-level partners are accepted and not kept.")

BAPI_SALESORDER_CREATEFROMDAT2 = FunctionInterface(
    "BAPI_SALESORDER_CREATEFROMDAT2", "Sales order: create sales order", (
        importing("ORDER_HEADER_IN", BAPISDHD1, "Order header"),
        importing("ORDER_HEADER_INX", BAPISDHD1X, "Which header fields to take",
                  optional=True),
        *_control_parameters(),
        exporting("SALESDOCUMENT", char(10), "Number of the created document"),
        tables("RETURN", BAPIRET2, "Messages: S V4 233 per parameter line, warnings, then "
                                   "S V1 311; or the errors and E V4 219"),
        tables("ORDER_ITEMS_IN", BAPISDITM, "Items"),
        tables("ORDER_ITEMS_INX", BAPISDITMX, "Which item fields to take"),
        tables("ORDER_PARTNERS", BAPIPARNR, "Partners: AG (sold-to) is required", optional=False),
        tables("ORDER_SCHEDULES_IN", BAPISCHDL, "Schedule lines: the ordered quantity"),
        tables("ORDER_SCHEDULES_INX", BAPISCHDLX, "Which schedule line fields to take"),
        tables("ORDER_CONDITIONS_IN", BAPICOND, "Conditions: PR00 = price per unit"),
        tables("ORDER_CONDITIONS_INX", BAPICONDX, "Which condition fields to take"),
        tables("ORDER_TEXT", BAPISDTEXT, "Texts (accepted, not kept)"),
        tables("ORDER_KEYS", BAPISDKEY, "Keys of the document objects (accepted, not kept)"),
        tables("EXTENSIONIN", BAPIPAREX, "Customer enhancements (accepted, not used)"),
        tables("EXTENSIONEX", BAPIPAREX, "Customer enhancements out (stays empty)"),
        tables("PARTNERADDRESSES", BAPIADDR1, "Addresses of one-time partners (accepted, "
                                              "not kept)"),
    ), group="2032",
    notes="Standard orders (TA) and consignment fill-ups (KB, not priced); RE creates a "
          "return. " + _CREATE_NOTES + " TESTRUN = X runs every check and answers with "
          "S V4 009 instead of S V1 311.")

# The references of the control parameters the two create BAPIs share, for the order BAPI
# alone: no public listing of BAPI_CUSTOMERRETURN_CREATE's interface was found
BAPI_SALESORDER_CREATEFROMDAT2 = with_references(
    BAPI_SALESORDER_CREATEFROMDAT2,
    "the SE37 interface of BAPI_SALESORDER_CREATEFROMDAT2 (\"Local Interface\") as public "
    "documentation of the module on GitHub quotes it; stechno.net, \"SAP Function "
    "BAPI_SALESDOCU_CREATEWITHDIA\" (https://www.stechno.net/referentiel/fonctions-sap.html"
    "?id=BAPI_SALESDOCU_CREATEWITHDIA) lists the same references for the sibling module",
    SALESDOCUMENTIN="BAPIVBELN-VBELN", BINARY_RELATIONSHIPTYPE="BAPIRELTYPE-RELTYPE",
    INT_NUMBER_ASSIGNMENT="BAPIFLAG-BAPIFLAG", BEHAVE_WHEN_ERROR="BAPIFLAG-BAPIFLAG",
    TESTRUN="BAPIFLAG-BAPIFLAG", CONVERT="BAPIFLAG-BAPIFLAG", SALESDOCUMENT="BAPIVBELN-VBELN")

BAPI_CUSTOMERRETURN_CREATE = FunctionInterface(
    "BAPI_CUSTOMERRETURN_CREATE", "Customer returns: create", (
        importing("RETURN_HEADER_IN", BAPISDHD1, "Returns header (DOC_TYPE RE)"),
        importing("RETURN_HEADER_INX", BAPISDHD1X, "Which header fields to take",
                  optional=True),
        *_control_parameters(),
        exporting("SALESDOCUMENT", char(10), "Number of the created returns document"),
        tables("RETURN", BAPIRET2, "Messages: S V4 233 per parameter line, then S V1 311; "
                                   "or the errors and E V4 219"),
        tables("RETURN_ITEMS_IN", BAPISDITM, "Items; REF_DOC/REF_DOC_IT/REF_DOC_CA (C) name "
                                             "the order item returned"),
        tables("RETURN_ITEMS_INX", BAPISDITMX, "Which item fields to take"),
        tables("RETURN_PARTNERS", BAPIPARNR, "Partners: AG (sold-to) is required",
               optional=False),
        tables("RETURN_SCHEDULES_IN", BAPISCHDL, "Schedule lines: the returned quantity"),
        tables("RETURN_SCHEDULES_INX", BAPISCHDLX, "Which schedule line fields to take"),
        tables("RETURN_CONDITIONS_IN", BAPICOND, "Conditions: PR00 = credit per unit"),
        tables("RETURN_TEXT", BAPISDTEXT, "Texts (accepted, not kept)"),
        tables("RETURN_KEYS", BAPISDKEY, "Keys of the document objects (accepted, not kept)"),
        tables("EXTENSIONIN", BAPIPAREX, "Customer enhancements (accepted, not used)"),
        tables("PARTNERADDRESSES", BAPIADDR1, "Addresses of one-time partners (accepted, "
                                              "not kept)"),
    ), group="2032",
    notes="Document type RE only. An item referencing an order item takes its material and "
          "plant when they are not sent, may not return more than was ordered minus what "
          "earlier returns took, and is linked to it in the document flow (VBFA order -> "
          "returns). No availability or credit check. " + _CREATE_NOTES)

BAPI_SALESORDER_GETSTATUS = FunctionInterface(
    "BAPI_SALESORDER_GETSTATUS", "Sales order: display status", (
        importing("SALESDOCUMENT", char(10), "Sales document (leading zeros may be omitted)"),
        exporting("RETURN", BAPIRETURN, "Empty on success"),
        tables("STATUSINFO", BAPISDSTAT, "One row per item and delivery of the item"),
    ), group="2032",
    notes="RETURN is the old BAPIRETURN (CODE = message class and number). An unknown "
          "document is a RETURN row E V1 302, not an exception. Only committed documents "
          "are found. An item with deliveries has one row per delivery item (DELIV_NUMB, "
          "DELIV_ITEM, DELIV_DATE, DLV_QTY); an item without has one row with those empty.")


# -- the create BAPIs --------------------------------------------------------------------------

def create_order(call: Call) -> dict[str, Any]:
    return _create(call, ORDER, returns_only=False)


def create_return(call: Call) -> dict[str, Any]:
    return _create(call, RETURNS, returns_only=True)


def _create(call: Call, names: _Names, returns_only: bool) -> dict[str, Any]:
    now = clock.now()
    try:
        order = _order_input(call, names, returns_only)
        external = _external_number(call["SALESDOCUMENTIN"])
        # customizing changes only with the client's state version: kept per process
        customizing = call.client_state(
            _CUSTOMIZING, lambda: services.sales_customizing(call.db, call.mandt))
        plan = services.plan_sales_document(call.db, call.mandt, order,
                                            external_number=external,
                                            today=clock.dats(now), now_time=clock.tims(now),
                                            user=call.user, customizing=customizing)
    except ApplicationError as error:
        return {"RETURN": [_return_row(m) for m in error.messages]}
    messages = [_return_row(m) for m in plan.messages]
    if call["TESTRUN"] == "X":
        return {"RETURN": [*messages, _return_row(_simulated(plan))]}

    def result() -> dict[str, Any]:  # once the document has its number
        return {"SALESDOCUMENT": plan.vbeln,
                "RETURN": [*messages, _return_row(sales_orders.success_message(plan))]}

    # the call's log row is written in the task's transaction (``result``)
    if external:
        plan.vbeln = external
        call.register_update(UPDATE_FUNCTION, plan.to_payload(), result)
    else:
        call.register_numbered_update(UPDATE_FUNCTION, NUMBER_RANGE,
                                      lambda number: _numbered(plan, number), result)
    return call.result_of(result)


def _numbered(plan: OrderPlan, number: int) -> dict[str, Any]:
    """The update task's payload, once the document has its number from range RV_BELEG."""
    plan.vbeln = f"{number:010d}"
    return plan.to_payload()


def _client_units(call: Call) -> CodeMap:
    """The client's units with their ISO codes, as the call's client state keeps them."""
    with call.read() as conn:
        return codes.client_units(conn, call.mandt)


def _return_row(message: SapMessage) -> dict[str, Any]:
    return bapiret2(message, message.parameter, message.row, message.field)


def _simulated(plan: OrderPlan) -> SapMessage:
    return declared_message("S", "V4", "009", plan.name)


def _external_number(number: str) -> str:
    if not number:
        return ""
    try:
        return alpha_input(number, 10)
    except ValueError:  # a CHAR 10 cannot hold more digits; kept for safety
        raise sales_orders.rejected(_error("V1", "007", "Document number &1 is not valid",
                                           number, parameter="SALESDOCUMENTIN")) from None


def _error(msgid: str, msgno: str, text: str, *variables: object, parameter: str = "",
           row: int = 0, field: str = "") -> SapMessage:
    return sap_message("E", msgid, msgno, text, *variables, parameter=parameter, row=row,
                       field=field)


# -- mapping the BAPI tables onto an order -----------------------------------------------------

def _order_input(call: Call, names: _Names, returns_only: bool) -> OrderInput:
    """The order the caller describes; raises the refusal when the tables contradict
    themselves (unknown items in schedule lines, unsupported conditions ...)."""
    convert = call["CONVERT"] == "X"
    errors: list[SapMessage] = []
    header = _taken(call[names.header], call[names.header_x], BAPISDHD1)
    doc_type = codes.document_type(header["DOC_TYPE"], convert)
    if not doc_type:
        errors.append(_error("V1", "800", "Enter a sales document type", parameter=HEADER,
                             field="DOC_TYPE"))
    elif returns_only and doc_type in codes.SALES_DOCUMENT_TYPES \
            and not codes.SALES_DOCUMENT_TYPES[doc_type].is_return:
        errors.append(_error("V1", "802", "Sales document type &1 is not a returns document "
                                          "type", doc_type, parameter=HEADER,
                             field="DOC_TYPE"))
    sold_to, ship_to, partners = _partners(call[names.partners], convert, errors)
    items = _items(call, names, convert, errors)
    if errors:
        raise sales_orders.rejected(*errors)
    return OrderInput(
        doc_type=doc_type, sales_org=header["SALES_ORG"], distr_chan=header["DISTR_CHAN"],
        division=header["DIVISION"], sold_to=sold_to, ship_to=ship_to,
        purch_no_c=header["PURCH_NO_C"], purch_date=_date(header["PURCH_DATE"]),
        req_date=_date(header["REQ_DATE_H"]), doc_date=_date(header["DOC_DATE"]),
        ref_doc=_document(header["REF_DOC"]),
        currency=header["CURRENCY"] or header["CURR_ISO"], items=items, partners=partners,
        dlv_block=header["DLV_BLOCK"], bill_block=header["BILL_BLOCK"],
        ord_reason=header["ORD_REASON"])


def _taken(values: dict[str, Any], flags: dict[str, Any] | None, line: Structure,
           keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """SAP's checkbox rule: with no flag set, every field sent is taken; otherwise only the
    flagged ones (the others stay initial)."""
    if not flags or not any(value == "X" for name, value in flags.items()
                            if name not in keys and name != "UPDATEFLAG"):
        return values
    initial = line.initial()
    return {name: value if name in keys or flags.get(name) == "X" else initial[name]
            for name, value in values.items()}


def _flags_for(rows: Iterable[dict[str, Any]], **key: str) -> dict[str, Any] | None:
    return next((row for row in rows if all(row[k] == v for k, v in key.items())), None)


def _date(value: str) -> str:
    return "" if value == NO_DATE else value


def _document(number: str) -> str:
    return alpha_input(number, 10) if number else ""


def _partners(rows: list[dict[str, Any]], convert: bool, errors: list[SapMessage]
              ) -> tuple[str, str, dict[str, str]]:
    """Sold-to, ship-to and the other header partners; item partners are not kept."""
    header: dict[str, str] = {}
    for row, partner in enumerate(rows, start=1):
        if partner["ITM_NUMBER"] != NO_ITEM:
            continue
        role = codes.partner_function(partner["PARTN_ROLE"], convert)
        if not partner["PARTN_NUMB"]:
            errors.append(_error("VP", "203", "Enter a partner number for partner function "
                                              "&1", role, parameter=PARTNERS, row=row,
                                 field="PARTN_NUMB"))
            continue
        if role in header:
            errors.append(_error("VP", "201", "Partner function &1 can only be entered once",
                                 role, parameter=PARTNERS, row=row, field="PARTN_ROLE"))
            continue
        header[role] = alpha_input(partner["PARTN_NUMB"], 10)
    sold_to = header.pop(codes.SOLD_TO, "")
    ship_to = header.pop(codes.SHIP_TO, "")
    return sold_to, ship_to, header


def _items(call: Call, names: _Names, convert: bool, errors: list[SapMessage]
           ) -> tuple[ItemInput, ...]:
    rows = call[names.items]
    numbers = [sales_orders.item_number(row["ITM_NUMBER"], index)
               for index, row in enumerate(rows, start=1)]
    # the client's T006, read only when an item gives a unit as an ISO code
    units = _client_units(call) if any(
        row.get("S_UNIT_ISO") or row.get("T_UNIT_ISO") for row in rows) else codes.NO_UNITS
    schedules = _schedules(call, names, set(numbers), errors)
    prices = _prices(call, names, set(numbers), errors)
    items = []
    for index, (posnr, row) in enumerate(zip(numbers, rows, strict=True), start=1):
        values = _taken(row, _flags_for(call[names.items_x], ITM_NUMBER=row["ITM_NUMBER"]),
                        BAPISDITM, ("ITM_NUMBER",))
        if values["REF_DOC_CA"] not in ("", "C"):
            errors.append(_error("V1", "301", "Reference document category &1 is not "
                                              "supported: only sales orders (C) can be "
                                              "referenced", values["REF_DOC_CA"],
                                 parameter=ITEM, row=index, field="REF_DOC_CA"))
        lines = schedules.get(posnr, [])
        quantity = sum((line["REQ_QTY"] for line in lines), Decimal(0)) if lines \
            else values["TARGET_QTY"]
        dates = [line["REQ_DATE"] for line in lines if _date(line["REQ_DATE"])]
        items.append(ItemInput(
            itm_number=posnr, material=matn1_input(values["MATERIAL"]) if values["MATERIAL"]
            else "", quantity=str(quantity), plant=values["PLANT"],
            store_loc=values["STORE_LOC"], sales_unit=_unit(values, convert, units),
            short_text=values["SHORT_TEXT"], req_date=min(dates, default=""),
            ref_doc=_document(values["REF_DOC"]),
            ref_doc_it="" if values["REF_DOC_IT"] == NO_ITEM else values["REF_DOC_IT"],
            price=prices.get(posnr, ""), quantity_field="REQ_QTY" if lines else "TARGET_QTY"))
    return tuple(items)


def _unit(values: dict[str, Any], convert: bool, units: CodeMap) -> str:
    """The sales unit: SALES_UNIT (CUNIT only with CONVERT), its ISO code, the target unit.
    ISO codes convert with the client's T006; one without a conversion is kept as sent, so
    that the unit check names it."""
    if values["SALES_UNIT"]:
        return codes.unit(values["SALES_UNIT"], convert)
    if values["S_UNIT_ISO"]:
        return codes.unit_from_iso(values["S_UNIT_ISO"], units) or values["S_UNIT_ISO"]
    if values["TARGET_QU"]:
        return codes.unit(values["TARGET_QU"], convert)
    return codes.unit_from_iso(values["T_UNIT_ISO"], units) or values["T_UNIT_ISO"]


def _schedules(call: Call, names: _Names, items: set[str], errors: list[SapMessage]
               ) -> dict[str, list[dict[str, Any]]]:
    """Schedule lines per item number."""
    by_item: dict[str, list[dict[str, Any]]] = {}
    for row, line in enumerate(call[names.schedules], start=1):
        flags = _flags_for(call[names.schedules_x], ITM_NUMBER=line["ITM_NUMBER"],
                           SCHED_LINE=line["SCHED_LINE"])
        values = _taken(line, flags, BAPISCHDL, ("ITM_NUMBER", "SCHED_LINE"))
        if values["ITM_NUMBER"] not in items:
            errors.append(_error("V1", "306", "Schedule line &1: item &2 does not exist in "
                                              "the document", row, values["ITM_NUMBER"],
                                 parameter=SCHEDULES, row=row, field="ITM_NUMBER"))
            continue
        by_item.setdefault(values["ITM_NUMBER"], []).append(values)
    return by_item


def _prices(call: Call, names: _Names, items: set[str], errors: list[SapMessage]
            ) -> dict[str, str]:
    """PR00 per item, as a price per one unit."""
    prices: dict[str, str] = {}
    flag_rows = call[names.conditions_x] if names.conditions_x else []
    for row, condition in enumerate(call[names.conditions], start=1):
        flags = _flags_for(flag_rows, ITM_NUMBER=condition["ITM_NUMBER"],
                           COND_TYPE=condition["COND_TYPE"])
        values = _taken(condition, flags, BAPICOND,
                        ("ITM_NUMBER", "COND_ST_NO", "COND_COUNT", "COND_TYPE"))
        if values["CONDISACTI"]:
            continue
        problem = _condition_problem(values, items)
        if problem is not None:
            msgno, text, variables, field = problem
            errors.append(_error("V1", msgno, text, *variables, parameter=CONDITIONS,
                                 row=row, field=field))
            continue
        per = values["COND_P_UNT"] if values["COND_P_UNT"] > 0 else Decimal(1)
        prices[values["ITM_NUMBER"]] = str(values["COND_VALUE"] / per)
    return prices


def _condition_problem(values: dict[str, Any], items: set[str]
                       ) -> tuple[str, str, tuple[object, ...], str] | None:
    """Why a condition cannot be taken: (message number, text, variables, field)."""
    kind, item = values["COND_TYPE"], values["ITM_NUMBER"]
    if kind != PRICE_CONDITION:
        return ("309", "Condition type &1 is not allowed (maintained: &2)",
                (kind, PRICE_CONDITION), "COND_TYPE")
    if item == NO_ITEM:
        return "310", "Condition &1 is not allowed as header condition", (kind,), "ITM_NUMBER"
    if item not in items:
        return ("306", "Condition &1: item &2 does not exist in the document", (kind, item),
                "ITM_NUMBER")
    if values["COND_VALUE"] < 0:
        return ("311", "Condition &1 of item &2 may not be negative", (kind, item),
                "COND_VALUE")
    return None


# -- the update function -----------------------------------------------------------------------

#: the update task of the create BAPIs: the document is written by SD
add_sales_document = services.save_sales_document


# -- BAPI_SALESORDER_GETSTATUS -----------------------------------------------------------------

def get_status(call: Call) -> dict[str, Any]:
    try:
        vbeln = alpha_input(call["SALESDOCUMENT"], 10)
    except ValueError:
        vbeln = call["SALESDOCUMENT"]
    found = services.order_status(call.db, call.mandt, vbeln) if vbeln else None
    if found is None:
        return {"RETURN": bapireturn(declared_message("E", "V1", "302", alpha_output(vbeln)))}
    return {"STATUSINFO": _status_rows(found, _client_units(call))}


def _status_rows(order: OrderStatus, units: CodeMap) -> list[dict[str, Any]]:
    head = {
        "DOC_NUMBER": order.vbeln, "DOC_DATE": order.audat, "PURCH_NO": order.bstnk[:20],
        "PRC_STAT_H": order.gbstk, "DLV_STAT_H": order.lfgsk,
        "REQ_DATE_H": order.vdatu, "DLV_BLOCK": order.lifsk,
        "CURRENCY": order.waerk, "CURR_ISO": order.waerk,
        "PURCH_NO_C": order.bstnk,
    }
    rows: list[dict[str, Any]] = []
    for item in order.items:
        row = {**head, **_item_row(order, item, units)}
        if item.deliveries:
            rows.extend({**row, "DELIV_NUMB": d.vbeln, "DELIV_ITEM": d.posnr,
                         "DELIV_DATE": d.lfdat, "DLV_QTY": d.lfimg, "REF_QTY": d.lfimg}
                        for d in item.deliveries)
        else:
            rows.append(row)
    return rows


def _item_row(order: OrderStatus, item: ItemStatus, units: CodeMap) -> dict[str, Any]:
    iso = units.iso(item.vrkme) or ""  # T006-ISOCODE, as UNIT_OF_MEASURE_SAP_TO_ISO gives it
    return {"ITM_NUMBER": item.posnr, "MATERIAL": item.matnr,
            "SHORT_TEXT": item.arktx, "REQ_DATE": item.first_date or order.vdatu,
            "REQ_QTY": item.requested, "CUM_CF_QTY": item.confirmed,
            "SALES_UNIT": item.vrkme, "S_UNIT_ISO": iso,
            "NET_VALUE": item.netwr, "NET_PRICE": item.netpr, "COND_P_UNT": 1,
            "COND_UNIT": item.vrkme, "CD_UNT_ISO": iso,
            "DLV_STAT_I": item.lfsta, "REA_FOR_RE": item.abgru}


FUNCTIONS = [
    RfcFunction(BAPI_SALESORDER_CREATEFROMDAT2, create_order),
    RfcFunction(BAPI_CUSTOMERRETURN_CREATE, create_return),
    RfcFunction(BAPI_SALESORDER_GETSTATUS, get_status),
]

#: the update functions this area's BAPIs register (wired in fake_sap.compose)
UPDATE_FUNCTIONS: UpdateFunctions = {
    # a sales document has no change pointers (no ALE distribution of orders here)
    UPDATE_FUNCTION: WithoutChangePointers(add_sales_document),
}
