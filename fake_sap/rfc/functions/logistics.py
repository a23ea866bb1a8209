"""Delivery BAPIs: BAPI_OUTB_DELIVERY_CREATE_SLS and _STO, BAPI_OUTB_DELIVERY_CHANGE and
WS_DELIVERY_UPDATE (the goods movement of a delivery), with their update tasks.

Like the material BAPIs, these check everything at call time, draw their numbers at once
and register an update task; nothing is visible before BAPI_TRANSACTION_COMMIT (or, for
WS_DELIVERY_UPDATE, its own ``COMMIT = 'X'``). Every update task checks again what may
have changed since the call (open quantities, the goods movement already posted by another
session) and creates the delivery's DESADV IDocs in the same transaction as the change.

In the client's "commit every call" mode these functions commit before they answer, so
that a refusal at save time still reaches RETURN (or PROT) instead of being lost.

The business rules live in ``fake_sap.sd`` (``services`` over ``deliveries`` and
``goods_movement``); this module maps SAP's parameters onto them and their messages back
into RETURN and PROT.

Layer: RFC edge. Maps parameters to the typed inputs of ``fake_sap.sd.services``, and results and
messages back to parameters; no SQL and no transactions here. The update tasks are
service functions of SD, registered under their SAP names; they return the delivery events
that fake_sap.compose hands to the ALE output.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from fake_sap import clock
from fake_sap.conversion import alpha_input
from fake_sap.errors import ApplicationError, SapMessage, declared_message
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.model import (
    DATS,
    FLAG,
    INT4,
    Field,
    FunctionInterface,
    char,
    exporting,
    importing,
    numc,
    quan,
    structure,
    tables,
    unit,
    with_references,
)
from fake_sap.rfc.structures import BAPIRET2, bapiret2, message
from fake_sap.sd import deliveries, services
from fake_sap.sd.deliveries import DeliveryPlan, ItemChange
from fake_sap.sd.services import DeliveryGoodsMovement, DeliveryRequest, DeliveryUpdate

#: number range objects (SNRO): deliveries, material documents
DELIVERY_NUMBERS = "RV_BELEG_LF"
MATERIAL_DOCUMENTS = "MATBELEG"
#: update functions
SAVE_DELIVERIES = "DELIVERY_SAVE"
CHANGE_DELIVERY = "DELIVERY_CHANGE"
DELETE_DELIVERY = "DELIVERY_DELETE"
POST_GOODS_MOVEMENT = "DELIVERY_GOODS_MOVEMENT"

SALES_DOCUMENT_CATEGORIES = ("C", "H")  # order, returns
_QUANTITY = quan(13)

# -- structures --------------------------------------------------------------------------------

BAPIDLVREFTOSALESORDER = structure(
    "BAPIDLVREFTOSALESORDER", "Delivery: reference to a sales document item",
    Field("REF_DOC", char(10), "Sales document (order or returns)"),
    Field("REF_ITEM", numc(6), "Item; 000000 = every open item of the document"),
    Field("DLV_QTY", _QUANTITY, "Quantity to deliver in sales unit; 0 = the open quantity"),
    Field("SALES_UNIT", unit(), "Sales unit (must be the item's)"),
    Field("SALES_UNIT_ISO", char(3), "Sales unit, ISO code"),
    Field("DELIV_NUMB", char(10), "Delivery (not read when deliveries are created)"),
    source="leanx.eu, SAP table BAPIDLVREFTOSALESORDER (REF_DOC to DELIV_NUMB with data "
           "elements, types and lengths)",
)
BAPIDLVREFTOSTO = structure(
    "BAPIDLVREFTOSTO", "Delivery: reference to a stock transport order item",
    Field("REF_DOC", char(10), "Purchasing document (stock transport order UB)"),
    Field("REF_ITEM", numc(5), "Item; 00000 = every open item of the order"),
    Field("DLV_QTY", _QUANTITY, "Quantity to deliver; 0 = the open quantity"),
    Field("SALES_UNIT", unit(), "Unit (must be the item's order unit)"),
    Field("SALES_UNIT_ISO", char(3), "Unit, ISO code"),
)
BAPIDLVSERIALNUMBER = structure(
    "BAPIDLVSERIALNUMBER", "Delivery: serial numbers of a referenced item",
    Field("REF_DOC", char(10), "Reference document"),
    Field("REF_ITEM", numc(6), "Reference item"),
    Field("SERIALNO", char(18), "Serial number"),
)
BAPIPAREX = structure(
    "BAPIPAREX", "Reference structure for BAPI parameters EXTENSIONIN/EXTENSIONOUT",
    Field("STRUCTURE", char(30), "Structure name of the BAPI table extension"),
    Field("VALUEPART1", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART2", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART3", char(240), "Data part of BAPI extension parameter"),
    Field("VALUEPART4", char(240), "Data part of BAPI extension parameter"),
)
BAPISHPDELIVNUMB = structure(
    "BAPISHPDELIVNUMB", "Delivery numbers",
    Field("DELIV_NUMB", char(10), "Delivery"),
)
BAPIDLVITEMCREATED = structure(
    "BAPIDLVITEMCREATED", "Delivery: items created",
    Field("REF_DOC", char(10), "Reference document"),
    Field("REF_ITEM", numc(6), "Reference item"),
    Field("DELIV_NUMB", char(10), "Delivery"),
    Field("DELIV_ITEM", numc(6), "Delivery item"),
    Field("MATERIAL", char(18), "Material number"),
    Field("DLV_QTY", _QUANTITY, "Delivery quantity in sales unit"),
    Field("SALES_UNIT", unit(), "Sales unit"),
    Field("SALES_UNIT_ISO", char(3), "Sales unit, ISO code"),
)
BAPIOBDLVHDRCHG = structure(
    "BAPIOBDLVHDRCHG", "Outbound delivery: header data to change",
    Field("DELIV_NUMB", char(10), "Delivery"),
)
BAPIOBDLVHDRCTRLCHG = structure(
    "BAPIOBDLVHDRCTRLCHG", "Outbound delivery: header control",
    Field("DELIV_NUMB", char(10), "Delivery"),
    Field("DLV_DEL", FLAG, "X = delete the delivery"),
)
BAPIDLVCONTROL = structure(
    "BAPIDLVCONTROL", "Delivery BAPIs: technical control",
    Field("UPD_IND", char(1), "Update indicator"),
    Field("DEBUG_FLG", FLAG, "Debugging"),
)
BAPIOBDLVITEMCHG = structure(
    "BAPIOBDLVITEMCHG", "Outbound delivery: item data to change",
    Field("DELIV_NUMB", char(10), "Delivery"),
    Field("DELIV_ITEM", numc(6), "Delivery item"),
    Field("MATERIAL", char(18), "Material number"),
    Field("DLV_QTY", _QUANTITY, "New delivery quantity in sales unit"),
    Field("DLV_QTY_IMUNIT", _QUANTITY, "New delivery quantity in base unit"),
    Field("FACT_UNIT_NOM", quan(5, 0), "Conversion factor: numerator"),
    Field("FACT_UNIT_DENOM", quan(5, 0), "Conversion factor: denominator"),
    Field("SALES_UNIT", unit(), "Sales unit"),
    Field("BASE_UOM", unit(), "Base unit of measure"),
)
BAPIOBDLVITEMCTRLCHG = structure(
    "BAPIOBDLVITEMCTRLCHG", "Outbound delivery: item control",
    Field("DELIV_NUMB", char(10), "Delivery"),
    Field("DELIV_ITEM", numc(6), "Delivery item"),
    Field("CHG_DELQTY", FLAG, "X = take ITEM_DATA-DLV_QTY as the new quantity"),
    Field("DEL_ITEM", FLAG, "X = delete the item"),
)
VBKOK = structure(
    "VBKOK", "Delivery header data for WS_DELIVERY_UPDATE",
    Field("VBELN_VL", char(10), "Delivery"),
    Field("VBTYP_VL", char(1), "Document category of the delivery (J, T)"),
    Field("VBELN", char(10), "Reference document"),
    Field("WABUC", FLAG, "X = post the goods movement (goods issue or receipt)"),
    Field("WADAT_IST", DATS, "Actual goods movement date (posting date); today if empty"),
)
VBPOK = structure(
    "VBPOK", "Delivery item data for WS_DELIVERY_UPDATE",
    Field("VBELN_VL", char(10), "Delivery"),
    Field("POSNR_VL", numc(6), "Delivery item"),
    Field("VBELN", char(10), "Reference document"),
    Field("POSNN", numc(6), "Reference item"),
    Field("MATNR", char(18), "Material number"),
    Field("CHARG", char(10), "Batch"),
    Field("WERKS", char(4), "Plant"),
    Field("LGORT", char(4), "Storage location"),
    Field("LFIMG", _QUANTITY, "Delivery quantity, counted (taken when LIANP = X or PIKMG "
                              "is 0)"),
    Field("LGMNG", _QUANTITY, "Delivery quantity in base unit"),
    Field("PIKMG", _QUANTITY, "Picked (counted) quantity"),
    Field("VRKME", unit(), "Sales unit"),
    Field("MEINS", unit(), "Base unit of measure"),
    Field("LIANP", FLAG, "X = adjust the delivery quantity to LFIMG"),
)
PROTT = structure(
    "PROTT", "Log of delivery processing",
    Field("VBELN", char(10), "Delivery"),
    Field("POSNR", numc(6), "Delivery item"),
    Field("MSGTY", char(1), "Message type"),
    Field("MSGID", char(20), "Message class"),
    Field("MSGNO", numc(3), "Message number"),
    Field("MSGV1", char(50), "Message variable"),
    Field("MSGV2", char(50), "Message variable"),
    Field("MSGV3", char(50), "Message variable"),
    Field("MSGV4", char(50), "Message variable"),
)


def _create_interface(name: str, text: str, items: str, line: Any, note: str
                      ) -> FunctionInterface:
    return FunctionInterface(name, text, (
        importing("SHIP_POINT", char(4), "Shipping point; default: the items' shipping "
                                         "point", optional=True),
        importing("DUE_DATE", DATS, "Planned delivery and goods movement date; default today",
                  optional=True),
        importing("DEBUG_FLG", FLAG, "Debugging (ignored)", optional=True),
        importing("NO_DEQUEUE", FLAG, "Keep the locks (ignored)", optional=True),
        exporting("DELIVERY", char(10), "The (first) delivery created"),
        exporting("NUM_DELIVERIES", INT4, "Number of deliveries created"),
        tables(items, line, "The items to deliver"),
        tables("SERIAL_NUMBERS", BAPIDLVSERIALNUMBER, "Serial numbers (not managed: ignored)"),
        tables("EXTENSION_IN", BAPIPAREX, "Customer extension (ignored)"),
        tables("DELIVERIES", BAPISHPDELIVNUMB, "Every delivery created"),
        tables("CREATED_ITEMS", BAPIDLVITEMCREATED, "Every delivery item created"),
        tables("EXTENSION_OUT", BAPIPAREX, "Customer extension (always empty)"),
        tables("RETURN", BAPIRET2, "Messages: S VL 311 per delivery, or the errors"),
    ), group="V50I", notes=note)


BAPI_OUTB_DELIVERY_CREATE_SLS = with_references(_create_interface(
    "BAPI_OUTB_DELIVERY_CREATE_SLS", "Create outbound deliveries for sales documents",
    "SALES_ORDER_ITEMS", BAPIDLVREFTOSALESORDER,
    "One delivery per referenced sales document: LF for an order (TA, KB), LR for a returns "
    "order (RE). DLV_QTY may be part of the open quantity (partial delivery, following the "
    "customer's partial delivery agreement KNVV-KZTLF); the rest stays open for more "
    "deliveries. Refused (RETURN type E, nothing created for that document): a credit "
    "blocked order (VL 023), more than is open (VL 303), not enough unrestricted stock for "
    "an order (VL 248). Documents that pass are created even when others fail. Nothing is "
    "written before BAPI_TRANSACTION_COMMIT; the commit checks the open quantities again "
    "and sends the DESADV IDocs (ZDELVRY07, event CRE)."),
    # NUM_DELIVERIES is BAPIDLVCREATEHEADER-NUM_DELIVERIES (NUMC 4) there, where the
    # emulator answers an INT4: its reference would contradict the answered type
    "stechno.net, \"SAP Function BAPI_OUTB_DELIVERY_CREATE_SLS - Generates Delivery for "
    "Customer Order\" (https://stechno.net/sap-functions.html?id=BAPI_OUTB_DELIVERY_CREATE_SLS)",
    SHIP_POINT="BAPIDLVCREATEHEADER-SHIP_POINT", DUE_DATE="BAPIDLVCREATEHEADER-DUE_DATE",
    DEBUG_FLG="BAPIDLVCONTROL-DEBUG_FLG", NO_DEQUEUE="BAPIFLAG-BAPIFLAG",
    DELIVERY="BAPISHPDELIVNUMB-DELIV_NUMB")

BAPI_OUTB_DELIVERY_CREATE_STO = _create_interface(
    "BAPI_OUTB_DELIVERY_CREATE_STO", "Create replenishment deliveries for stock transport "
                                     "orders",
    "STOCK_TRANS_ITEMS", BAPIDLVREFTOSTO,
    "One replenishment delivery (NL) per stock transport order (purchase order type UB), "
    "from its supplying plant. Same rules as BAPI_OUTB_DELIVERY_CREATE_SLS; its goods issue "
    "(WS_DELIVERY_UPDATE) posts movement type 641 into stock in transit of the receiving "
    "plant.")

BAPI_OUTB_DELIVERY_CHANGE = FunctionInterface(
    "BAPI_OUTB_DELIVERY_CHANGE", "Change or delete an outbound delivery", (
        importing("HEADER_DATA", BAPIOBDLVHDRCHG, "Header data: the delivery"),
        importing("HEADER_CONTROL", BAPIOBDLVHDRCTRLCHG, "Header control: DLV_DEL = X "
                                                         "deletes the delivery"),
        importing("DELIVERY", char(10), "The delivery"),
        importing("TECHN_CONTROL", BAPIDLVCONTROL, "Technical control (ignored)",
                  optional=True),
        importing("SENDER_SYSTEM", char(10), "Logical system of the sender (ignored)",
                  optional=True),
        tables("ITEM_DATA", BAPIOBDLVITEMCHG, "Item data: new quantities"),
        tables("ITEM_CONTROL", BAPIOBDLVITEMCTRLCHG, "Item control: CHG_DELQTY, DEL_ITEM"),
        tables("RETURN", BAPIRET2, "Messages: S VL 311 or the errors"),
    ), group="V50I",
    notes="Before the goods movement only: deleting the delivery (HEADER_CONTROL-DLV_DEL) "
          "gives its quantities back to the preceding document; ITEM_CONTROL-CHG_DELQTY takes "
          "ITEM_DATA-DLV_QTY as an item's new quantity (up to what is still open), DEL_ITEM "
          "removes an item. After the goods movement it is refused with VL 609. Nothing is "
          "written before BAPI_TRANSACTION_COMMIT; the commit sends the DESADV IDocs "
          "(event DEL with E1EDL18 QUALF DEL, or CHG).")

WS_DELIVERY_UPDATE = FunctionInterface(
    "WS_DELIVERY_UPDATE", "Delivery update: picking quantities, goods movement", (
        importing("VBKOK_WA", VBKOK, "Header data; WABUC = X posts the goods movement"),
        importing("SYNCHRON", FLAG, "Synchronous update (always)", optional=True),
        importing("NO_MESSAGES_UPDATE", FLAG, "No output (ignored)", optional=True),
        importing("COMMIT", FLAG, "X = commit at once (COMMIT WORK), otherwise at "
                                  "BAPI_TRANSACTION_COMMIT", optional=True),
        importing("DELIVERY", char(10), "The delivery; default VBKOK_WA-VBELN_VL",
                  optional=True),
        importing("UPDATE_PICKING", FLAG, "Update picking (accepted: VBPOK_TAB-PIKMG is "
                                          "always taken)", optional=True),
        importing("NICHT_SPERREN", FLAG, "Do not lock (ignored)", optional=True),
        importing("IF_ERROR_MESSAGES_SEND_0", FLAG, "Send error messages (ignored: they "
                                                    "are in PROT)", optional=True),
        exporting("EF_ERROR_ANY_0", FLAG, "X = an error occurred"),
        exporting("EF_ERROR_IN_ITEM_DELETION_0", FLAG, "X = error deleting items"),
        exporting("EF_ERROR_IN_POD_UPDATE_0", FLAG, "X = error in proof of delivery"),
        exporting("EF_ERROR_IN_INTERFACE_0", FLAG, "X = the input is wrong"),
        exporting("EF_ERROR_IN_GOODS_ISSUE_0", FLAG, "X = the goods movement was refused"),
        exporting("EF_ERROR_IN_FINAL_CHECK_0", FLAG, "X = error in the final check"),
        exporting("EF_ERROR_PARTNER_UPDATE", FLAG, "X = error updating partners"),
        exporting("EF_ERROR_SERNR_UPDATE", FLAG, "X = error updating serial numbers"),
        tables("VBPOK_TAB", VBPOK, "Item data: counted quantities"),
        tables("PROT", PROTT, "Log: the errors"),
    ),
    notes="WABUC = X posts the delivery's goods movement: goods issue 601 for an outbound "
          "delivery (631 for consignment fill-up items), 641 for a replenishment delivery "
          "(into stock in transit of the receiving plant), goods receipt 651 (blocked "
          "returns stock) for a returns delivery. A VBPOK_TAB row sets an item's counted "
          "quantity (LFIMG when LIANP = X, else PIKMG, else LFIMG); the delivery quantity "
          "becomes the counted one. Exactly once per delivery: a second goods movement is "
          "refused (VL 602 in PROT, EF_ERROR_IN_GOODS_ISSUE_0 = X), checked at the call and "
          "again when it is saved, so of two sessions racing only one posts. With COMMIT = X "
          "the session's work is committed at once (a refusal at save time is reported in "
          "PROT); otherwise BAPI_TRANSACTION_COMMIT reports it in its RETURN. Without WABUC, "
          "rows with LIANP = X change delivery quantities.")


# -- BAPI_OUTB_DELIVERY_CREATE_SLS / _STO --------------------------------------------------

def commit_in_legacy_mode(call: Call) -> SapMessage | None:
    """The client's "commit every call" switch: commit here rather than after the call,
    so that a refusal at save time reaches the caller instead of being lost. Returns the
    refusal, if any."""
    if not call.updates or not call.env.session.settings.commit_every_call:
        return None
    error = call.commit().error
    if error is None:
        return None
    return message("E", error.msgid, error.msgno, f"Update was terminated: {error.text}",
                   *error.variables)


class _Refused(Exception):
    """A call-time check failed: becomes RETURN rows."""

    def __init__(self, *messages: SapMessage) -> None:
        super().__init__(messages[0].text)
        self.messages = messages


def create_for_sales_documents(call: Call) -> dict[str, Any]:
    return _create(call, call["SALES_ORDER_ITEMS"], "SALES_ORDER_ITEMS",
                   SALES_DOCUMENT_CATEGORIES)


def create_for_stock_transport_orders(call: Call) -> dict[str, Any]:
    return _create(call, call["STOCK_TRANS_ITEMS"], "STOCK_TRANS_ITEMS", ("V",))


def _create(call: Call, rows: list[dict[str, Any]], parameter: str,
            categories: tuple[str, ...]) -> dict[str, Any]:
    try:
        requests = _requested_items(rows, parameter)
        shipping_point = _shipping_point(call)
    except _Refused as refused:
        return {"RETURN": [_returned(m) for m in refused.messages]}
    now = clock.now()
    due_date = call["DUE_DATE"] if call["DUE_DATE"] != "00000000" else ""
    created = services.plan_deliveries(
        call.db, call.mandt, [DeliveryRequest(doc, requested, units)
                              for doc, (requested, units) in requests.items()],
        categories=categories, shipping_point=shipping_point, due_date=due_date,
        today=clock.dats(now), now_time=clock.tims(now), user=call.user)
    plans = created.plans
    errors = [_returned(m, parameter) for m in created.refusals]
    for plan in plans:
        plan.vbeln = f"{call.take_number(DELIVERY_NUMBERS):010d}"
    if plans:
        call.register_update(SAVE_DELIVERIES, {"deliveries": [p.to_payload() for p in plans]})
        not_committed = commit_in_legacy_mode(call)
        if not_committed is not None:
            return {"RETURN": [*errors, _returned(not_committed, parameter)]}
    return {
        "DELIVERY": plans[0].vbeln if plans else "",
        "NUM_DELIVERIES": len(plans),
        "DELIVERIES": [{"DELIV_NUMB": p.vbeln} for p in plans],
        "CREATED_ITEMS": [_created_item(p, i) for p in plans for i in p.items],
        "RETURN": errors + [_returned(deliveries.saved_message(p.vbeln)) for p in plans],
    }


def _requested_items(rows: list[dict[str, Any]], parameter: str
                     ) -> dict[str, tuple[dict[str, str] | None, dict[str, str]]]:
    """Per referenced document: quantities per item (``None`` = every open item; ``""`` =
    the item's open quantity) and the units the caller named per item."""
    if not rows:
        raise _Refused(message("E", "VL", "150", "No items were transferred in &1",
                               parameter))
    requests: dict[str, tuple[dict[str, str] | None, dict[str, str]]] = {}
    for index, row in enumerate(rows, start=1):
        if not row["REF_DOC"]:
            raise _Refused(_at(message("E", "VL", "001", "Enter the reference document"),
                               parameter, index, "REF_DOC"))
        if row["DLV_QTY"] < 0:
            raise _Refused(_at(declared_message("E", "VL", "305", row["DLV_QTY"]),
                               parameter, index, "DLV_QTY"))
        doc = alpha_input(row["REF_DOC"], 10)
        quantities, units = requests.setdefault(doc, ({}, {}))
        if int(row["REF_ITEM"]) == 0:
            requests[doc] = (None, units)
            continue
        if quantities is None:
            continue
        item = row["REF_ITEM"].zfill(6)  # purchase order items (NUMC 5) as delivery refs
        quantity = row["DLV_QTY"]
        if quantity > 0:
            earlier = quantities.get(item, "")
            total = quantity + (Decimal(earlier) if earlier else Decimal(0))
            quantities[item] = _text(total)
        else:
            quantities.setdefault(item, "")
        if row["SALES_UNIT"]:
            units[item] = row["SALES_UNIT"]
    return requests


def _returned(message: SapMessage, parameter: str = "") -> dict[str, Any]:
    """A RETURN row; where the message does not say which parameter it is about,
    ``parameter``."""
    return bapiret2(message, message.parameter or parameter, message.row, message.field)


def _at(error: SapMessage, parameter: str, row: int, field: str) -> SapMessage:
    return SapMessage(error.msgid, error.msgno, error.text, error.msgty, error.variables,
                      parameter, row, field)


def _shipping_point(call: Call) -> str:
    point = call["SHIP_POINT"]
    if not point:
        return "1000"
    if not services.shipping_point_exists(call.db, call.mandt, point):
        raise _Refused(declared_message("E", "VL", "441", point))
    return str(point)


def _created_item(plan: DeliveryPlan, item: deliveries.DeliveryItem) -> dict[str, Any]:
    return {"REF_DOC": item.vgbel, "REF_ITEM": item.vgpos, "DELIV_NUMB": plan.vbeln,
            "DELIV_ITEM": item.posnr, "MATERIAL": item.matnr, "DLV_QTY": item.lfimg,
            "SALES_UNIT": item.unit}


def _text(quantity: Decimal) -> str:
    """A quantity as stored: canonical decimal text without trailing zeros."""
    return f"{quantity.normalize():f}" if quantity else "0"


#: the update task of the create BAPIs: the deliveries are written by SD
save_deliveries = services.save_deliveries


# -- BAPI_OUTB_DELIVERY_CHANGE -------------------------------------------------------------------

def change(call: Call) -> dict[str, Any]:
    try:
        vbeln = _delivery_number(call)
        if call["HEADER_CONTROL"]["DLV_DEL"] == "X":
            services.check_deletable(call.db, call.mandt, vbeln)
            call.register_update(DELETE_DELIVERY, {"vbeln": vbeln})
        else:
            item_change = _item_change(call, vbeln)
            services.check_delivery_change(call.db, call.mandt, item_change)
            if item_change.quantities or item_change.deleted:
                call.register_update(CHANGE_DELIVERY, _change_payload(item_change))
    except _Refused as refused:
        return {"RETURN": [_returned(m) for m in refused.messages]}
    except ApplicationError as error:
        return {"RETURN": [_returned(m) for m in error.messages]}
    not_committed = commit_in_legacy_mode(call)
    if not_committed is not None:
        return {"RETURN": [_returned(not_committed)]}
    return {"RETURN": [_returned(deliveries.saved_message(vbeln))]}


def _delivery_number(call: Call) -> str:
    """DELIVERY, HEADER_DATA-DELIV_NUMB and HEADER_CONTROL-DELIV_NUMB name one delivery."""
    given = {alpha_input(number, 10) for number in (
        call["DELIVERY"], call["HEADER_DATA"]["DELIV_NUMB"],
        call["HEADER_CONTROL"]["DELIV_NUMB"]) if number}
    if not given:
        raise _Refused(message("E", "VL", "001", "Enter the delivery (DELIVERY)"))
    if len(given) > 1:
        raise _Refused(declared_message("E", "VL", "003", ", ".join(sorted(given))))
    return given.pop()


def _item_change(call: Call, vbeln: str) -> ItemChange:
    data = {row["DELIV_ITEM"]: row for row in call["ITEM_DATA"]}
    quantities: dict[str, str] = {}
    deleted: list[str] = []
    for index, control in enumerate(call["ITEM_CONTROL"], start=1):
        if control["DELIV_NUMB"] and alpha_input(control["DELIV_NUMB"], 10) != vbeln:
            raise _Refused(_at(message("E", "VL", "003", "Item control row &1 names another "
                                                         "delivery", index),
                               "ITEM_CONTROL", index, "DELIV_NUMB"))
        posnr = control["DELIV_ITEM"]
        if control["DEL_ITEM"] == "X":
            deleted.append(posnr)
        elif control["CHG_DELQTY"] == "X":
            if posnr not in data:
                raise _Refused(_at(declared_message("E", "VL", "004", posnr),
                                   "ITEM_DATA", index, "DELIV_ITEM"))
            quantities[posnr] = _text(data[posnr]["DLV_QTY"])
    return ItemChange(vbeln, quantities=quantities, deleted=tuple(deleted))


def _change_payload(item_change: ItemChange) -> dict[str, Any]:
    return {"vbeln": item_change.vbeln, "quantities": dict(item_change.quantities),
            "deleted": list(item_change.deleted)}


#: the update tasks of BAPI_OUTB_DELIVERY_CHANGE (and of WS_DELIVERY_UPDATE's quantities)
change_delivery = services.change_delivery
delete_delivery = services.delete_delivery


# -- WS_DELIVERY_UPDATE ------------------------------------------------------------------

_FLAGS = ("EF_ERROR_ANY_0", "EF_ERROR_IN_ITEM_DELETION_0", "EF_ERROR_IN_POD_UPDATE_0",
          "EF_ERROR_IN_INTERFACE_0", "EF_ERROR_IN_GOODS_ISSUE_0", "EF_ERROR_IN_FINAL_CHECK_0",
          "EF_ERROR_PARTNER_UPDATE", "EF_ERROR_SERNR_UPDATE")


class _Failed(Exception):
    """WS_DELIVERY_UPDATE refused: the messages go to PROT, ``flag`` says where."""

    def __init__(self, flag: str, *messages: SapMessage) -> None:
        super().__init__(messages[0].text)
        self.flag, self.messages = flag, messages


def delivery_update(call: Call) -> dict[str, Any]:
    header = call["VBKOK_WA"]
    vbeln = alpha_input(call["DELIVERY"] or header["VBELN_VL"], 10)
    try:
        if not vbeln:
            raise _Failed("EF_ERROR_IN_INTERFACE_0", message(
                "E", "VL", "001", "Enter the delivery (DELIVERY or VBKOK_WA-VBELN_VL)"))
        counted, adjusted = _counted_quantities(call, vbeln)
        if header["WABUC"] == "X":
            _register_goods_movement(call, vbeln, counted)
        elif adjusted:
            _register_quantity_change(call, vbeln, adjusted)
        if call["COMMIT"] == "X" or call.env.session.settings.commit_every_call:
            _commit_now(call)
    except _Failed as failed:
        return _refusal(vbeln, failed)
    return {}


def _counted_quantities(call: Call, vbeln: str) -> tuple[dict[str, str], dict[str, str]]:
    """From VBPOK_TAB: counted quantity per item, and the rows that adjust the delivery
    quantity (LIANP = X)."""
    counted: dict[str, str] = {}
    adjusted: dict[str, str] = {}
    for index, row in enumerate(call["VBPOK_TAB"], start=1):
        if row["VBELN_VL"] and alpha_input(row["VBELN_VL"], 10) != vbeln:
            raise _Failed("EF_ERROR_IN_INTERFACE_0", message(
                "E", "VL", "003", "VBPOK_TAB row &1 names delivery &2, not &3", index,
                row["VBELN_VL"], vbeln))
        posnr = row["POSNR_VL"]
        if row["LIANP"] == "X":
            quantity = row["LFIMG"] or row["LGMNG"]
            adjusted[posnr] = _text(quantity)
        else:
            quantity = row["PIKMG"] or row["LFIMG"] or row["LGMNG"]
        counted[posnr] = _text(quantity)
    return counted, adjusted


def _register_goods_movement(call: Call, vbeln: str, counted: dict[str, str]) -> None:
    posting_date = call["VBKOK_WA"]["WADAT_IST"]
    posting_date = "" if posting_date == "00000000" else posting_date
    now = clock.now()
    movement = DeliveryGoodsMovement(vbeln=vbeln, counted=counted, today=clock.dats(now),
                                     now_time=clock.tims(now), user=call.user,
                                     posting_date=posting_date)
    try:
        services.check_goods_movement(call.db, call.mandt, movement)
    except ApplicationError as error:
        raise _Failed("EF_ERROR_IN_GOODS_ISSUE_0", *error.messages) from None
    numbered = replace(movement, mblnr=f"{call.take_number(MATERIAL_DOCUMENTS):010d}",
                       mjahr=movement.year)
    call.register_update(POST_GOODS_MOVEMENT, numbered.to_payload())


def _register_quantity_change(call: Call, vbeln: str, adjusted: dict[str, str]) -> None:
    item_change = ItemChange(vbeln, quantities=adjusted)
    try:
        services.check_delivery_change(call.db, call.mandt, item_change)
    except ApplicationError as error:
        raise _Failed("EF_ERROR_IN_INTERFACE_0", *error.messages) from None
    call.register_update(CHANGE_DELIVERY, _change_payload(item_change))


def _commit_now(call: Call) -> None:
    """COMMIT = 'X': COMMIT WORK for the session, as the function module does itself."""
    result = call.commit()
    if result.error is not None:
        raise _Failed("EF_ERROR_IN_GOODS_ISSUE_0", result.error)


def _refusal(vbeln: str, failed: _Failed) -> dict[str, Any]:
    result: dict[str, Any] = {flag: "" for flag in _FLAGS}
    result.update({"EF_ERROR_ANY_0": "X", failed.flag: "X"})
    result["PROT"] = [{"VBELN": vbeln, "POSNR": "000000", "MSGTY": m.msgty, "MSGID": m.msgid,
                       "MSGNO": m.msgno, **{f"MSGV{i}": v[:50] for i, v in enumerate(
                           m.variables[:4], start=1)}} for m in failed.messages]
    return result


#: the update task of WS_DELIVERY_UPDATE's goods movement: posted by SD and MM
post_goods_movement = services.post_goods_movement


FUNCTIONS = [
    RfcFunction(BAPI_OUTB_DELIVERY_CREATE_SLS, create_for_sales_documents),
    RfcFunction(BAPI_OUTB_DELIVERY_CREATE_STO, create_for_stock_transport_orders),
    RfcFunction(BAPI_OUTB_DELIVERY_CHANGE, change),
    RfcFunction(WS_DELIVERY_UPDATE, delivery_update),
]

#: the update functions this area's BAPIs register. Each is an SD service that returns its
#: delivery events; fake_sap.compose joins it with the ALE output (DESADV) for those events,
#: so that the update task and its IDocs share one transaction.
DELIVERY_UPDATE_FUNCTIONS: Mapping[str, DeliveryUpdate] = {
    SAVE_DELIVERIES: save_deliveries,
    CHANGE_DELIVERY: change_delivery,
    DELETE_DELIVERY: delete_delivery,
    POST_GOODS_MOVEMENT: post_goods_movement,
}
