"""Inventory management BAPIs: BAPI_GOODSMVT_CREATE (material documents), BAPI_PO_CREATE1
(stock transport orders) and BAPI_MATERIAL_AVAILABILITY (ATP quantity of a plant).

The write BAPIs follow the LUW like every write BAPI here: checks and numbers at call
time, an update task at BAPI_TRANSACTION_COMMIT that checks again (a stock deficit found
only then rolls the whole commit back). TESTRUN = 'X' checks without registering anything.
The stock rules are in ``fake_sap.mm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from fake_sap import clock
from fake_sap.conversion import matn1_input, matn1_output
from fake_sap.db import clients, master_data
from fake_sap.errors import ApplicationError, SapMessage
from fake_sap.mm import goods_movements, purchasing
from fake_sap.mm import stock as mm_stock
from fake_sap.mm.goods_movements import MaterialDocument, MovementItem
from fake_sap.mm.purchasing import StoInput, StoItemInput, StoPlan
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.functions.logistics import BAPIPAREX, commit_in_legacy_mode
from fake_sap.rfc.luw import UpdateFunctions
from fake_sap.rfc.model import (
    DATS,
    FLAG,
    LANG,
    Field,
    FunctionInterface,
    char,
    cuky,
    dec,
    exporting,
    importing,
    numc,
    quan,
    structure,
    tables,
    unit,
)
from fake_sap.rfc.structures import BAPIRET2, BAPIRETURN, bapiret2, bapireturn, message
from fake_sap.sd import sales_orders

MATERIAL_DOCUMENTS = "MATBELEG"
PURCHASE_ORDERS = "EINKBELEG"
POST_GOODS_MOVEMENT = "GOODSMVT_POST"
SAVE_PURCHASE_ORDER = "PO_SAVE"

#: GOODSMVT_CODE-GM_CODE -> the movement types it allows (SAP: transaction MB01, MB1C ...)
MOVEMENTS_BY_CODE = {"01": ("101",), "05": ("561",)}
_QUANTITY = quan(13)

# -- structures ---------------------------------------------------------------------------------

BAPI2017_GM_HEAD_01 = structure(
    "BAPI2017_GM_HEAD_01", "Material document header data",
    Field("PSTNG_DATE", DATS, "Posting date; today if empty"),
    Field("DOC_DATE", DATS, "Document date; the posting date if empty"),
    Field("REF_DOC_NO", char(16), "Reference document number"),
    Field("BILL_OF_LADING", char(16), "Bill of lading"),
    Field("GR_GI_SLIP_NO", char(10), "Goods receipt/issue slip number"),
    Field("PR_UNAME", char(12), "User name"),
    Field("HEADER_TXT", char(25), "Document header text"),
    Field("VER_GR_GI_SLIP", char(1), "Version for printing GR/GI slip"),
    Field("EXT_WMS", FLAG, "Control posting for external WMS"),
    Field("REF_DOC_NO_LONG", char(35), "Reference document number (long)"),
    Field("BILL_OF_LADING_LONG", char(35), "Bill of lading (long)"),
    Field("BAR_CODE", char(40), "Bar code"),
)
BAPI2017_GM_CODE = structure(
    "BAPI2017_GM_CODE", "Goods movement code",
    Field("GM_CODE", char(2), "01 GR for purchase order, 05 other goods receipt ..."),
)
BAPI2017_GM_HEAD_RET = structure(
    "BAPI2017_GM_HEAD_RET", "Material document number and year",
    Field("MAT_DOC", char(10), "Number of material document"),
    Field("DOC_YEAR", numc(4), "Material document year"),
)
BAPI2017_GM_ITEM_CREATE = structure(
    "BAPI2017_GM_ITEM_CREATE", "Material document items",
    Field("MATERIAL", char(18), "Material number"),
    Field("PLANT", char(4), "Plant"),
    Field("STGE_LOC", char(4), "Storage location"),
    Field("BATCH", char(10), "Batch"),
    Field("MOVE_TYPE", char(3), "Movement type (BWART)"),
    Field("STCK_TYPE", char(1), "Stock type: blank unrestricted, X quality, S blocked"),
    Field("SPEC_STOCK", char(1), "Special stock indicator"),
    Field("VENDOR", char(10), "Vendor"),
    Field("CUSTOMER", char(10), "Customer"),
    Field("SALES_ORD", char(10), "Sales order"),
    Field("S_ORD_ITEM", numc(6), "Sales order item"),
    Field("ENTRY_QNT", _QUANTITY, "Quantity in unit of entry"),
    Field("ENTRY_UOM", unit(), "Unit of entry; default the base unit"),
    Field("ENTRY_UOM_ISO", char(3), "Unit of entry, ISO code"),
    Field("BASE_UOM", unit(), "Base unit of measure"),
    Field("PO_NUMBER", char(10), "Purchase order"),
    Field("PO_ITEM", numc(5), "Purchase order item"),
    Field("MVT_IND", char(1), "Movement indicator: B goods movement for purchase order"),
    Field("MOVE_REAS", numc(4), "Reason for movement"),
    Field("NO_MORE_GR", FLAG, "X = delivery completed"),
    Field("ITEM_TEXT", char(50), "Item text"),
    Field("COSTCENTER", char(10), "Cost center"),
    Field("ORDERID", char(12), "Order number"),
    Field("MOVE_MAT", char(18), "Receiving/issuing material"),
    Field("MOVE_PLANT", char(4), "Receiving/issuing plant"),
    Field("MOVE_STLOC", char(4), "Receiving/issuing storage location"),
    Field("MOVE_BATCH", char(10), "Receiving/issuing batch"),
    Field("DELIV_NUMB", char(10), "Delivery"),
    Field("DELIV_ITEM", numc(6), "Delivery item"),
    Field("REF_DOC_YR", numc(4), "Fiscal year of a reference document"),
    Field("REF_DOC", char(10), "Document no. of a reference document"),
    Field("REF_DOC_IT", numc(4), "Item of a reference document"),
    Field("GL_ACCOUNT", char(10), "G/L account number"),
    Field("AMOUNT_LC", dec(23, 4), "Amount entered in local currency"),
)
BAPI2017_GM_SERIALNUMBER = structure(
    "BAPI2017_GM_SERIALNUMBER", "Serial numbers of the items",
    Field("MATDOC_ITM", numc(4), "Material document item"),
    Field("SERIALNO", char(18), "Serial number"),
)

_PO_HEADER_FIELDS = (
    Field("PO_NUMBER", char(10), "Purchasing document number (internal numbering: empty)"),
    Field("COMP_CODE", char(4), "Company code"),
    Field("DOC_TYPE", char(4), "Purchasing document type: UB stock transport order"),
    Field("DELETE_IND", char(1), "Deletion indicator"),
    Field("STATUS", char(1), "Status of purchasing document"),
    Field("CREAT_DATE", DATS, "Created on"),
    Field("CREATED_BY", char(12), "Created by"),
    Field("ITEM_INTVL", numc(5), "Item number interval"),
    Field("VENDOR", char(10), "Vendor (empty for a stock transport order)"),
    Field("LANGU", LANG, "Language key"),
    Field("PURCH_ORG", char(4), "Purchasing organization; default 1000"),
    Field("PUR_GROUP", char(3), "Purchasing group; default 001"),
    Field("CURRENCY", cuky(), "Currency key"),
    Field("DOC_DATE", DATS, "Purchasing document date; default today"),
    Field("SUPPL_PLNT", char(4), "Supplying (issuing) plant"),
    Field("OUR_REF", char(12), "Our reference (EKKO-UNSEZ), e.g. the caller's document"),
    Field("REF_1", char(12), "Your reference (EKKO-IHREZ)"),
)
BAPIMEPOHEADER = structure("BAPIMEPOHEADER", "Purchase order header data",
                           *_PO_HEADER_FIELDS)
BAPIMEPOHEADERX = structure(
    "BAPIMEPOHEADERX", "Purchase order header data (change parameter)",
    *[Field(f.name, FLAG, f"X = take POHEADER-{f.name}") for f in _PO_HEADER_FIELDS])
_PO_ITEM_FIELDS = (
    Field("DELETE_IND", char(1), "Deletion indicator"),
    Field("SHORT_TEXT", char(40), "Short text"),
    Field("MATERIAL", char(18), "Material number"),
    Field("PLANT", char(4), "Plant (the receiving plant of a stock transport order)"),
    Field("STGE_LOC", char(4), "Storage location; default 0001"),
    Field("MATL_GROUP", char(9), "Material group"),
    Field("QUANTITY", _QUANTITY, "Purchase order quantity; default the schedule lines'"),
    Field("PO_UNIT", unit(), "Order unit; default the base unit"),
    Field("PO_UNIT_ISO", char(3), "Order unit, ISO code"),
    Field("NET_PRICE", dec(23, 4), "Net price"),
    Field("PRICE_UNIT", dec(5), "Price unit"),
    Field("ITEM_CAT", char(1), "Item category in purchasing document"),
    Field("ACCTASSCAT", char(1), "Account assignment category"),
)
BAPIMEPOITEM = structure("BAPIMEPOITEM", "Purchase order item",
                         Field("PO_ITEM", numc(5), "Item number of purchasing document"),
                         *_PO_ITEM_FIELDS)
BAPIMEPOITEMX = structure(
    "BAPIMEPOITEMX", "Purchase order item data (change parameter)",
    Field("PO_ITEM", numc(5), "Item number of purchasing document"),
    Field("PO_ITEMX", FLAG, "Update indicator for the item number"),
    *[Field(f.name, FLAG, f"X = take POITEM-{f.name}") for f in _PO_ITEM_FIELDS])
BAPIMEPOSCHEDULE = structure(
    "BAPIMEPOSCHEDULE", "Purchase order schedule lines",
    Field("PO_ITEM", numc(5), "Item number of purchasing document"),
    Field("SCHED_LINE", numc(4), "Delivery schedule line counter"),
    Field("DEL_DATCAT_EXT", char(1), "Category of delivery date"),
    Field("DELIVERY_DATE", char(10), "Item delivery date (external format)"),
    Field("QUANTITY", _QUANTITY, "Scheduled quantity"),
)
BAPIMEPOSCHEDULX = structure(
    "BAPIMEPOSCHEDULX", "Purchase order schedule lines (change parameter)",
    Field("PO_ITEM", numc(5), "Item number of purchasing document"),
    Field("SCHED_LINE", numc(4), "Delivery schedule line counter"),
    Field("PO_ITEMX", FLAG, "Update indicator for the item number"),
    Field("SCHED_LINEX", FLAG, "Update indicator for the schedule line"),
    Field("DELIVERY_DATE", FLAG, "X = take DELIVERY_DATE"),
    Field("QUANTITY", FLAG, "X = take QUANTITY"),
)
BAPIWMDVS = structure(
    "BAPIWMDVS", "Availability check: requirement (date and quantity)",
    Field("REQ_DATE", DATS, "Requirement date"),
    Field("REQ_QTY", _QUANTITY, "Required quantity"),
)
BAPIWMDVE = structure(
    "BAPIWMDVE", "Availability check: confirmation (date and ATP quantity)",
    Field("BDCNT", numc(4), "Counter"),
    Field("COM_DATE", DATS, "Date available"),
    Field("COM_QTY", _QUANTITY, "Quantity confirmed (ATP)"),
)

# -- interfaces ------------------------------------------------------------------------------

BAPI_GOODSMVT_CREATE = FunctionInterface(
    "BAPI_GOODSMVT_CREATE", "Post goods movements (MB_CREATE_GOODS_MOVEMENT)", (
        importing("GOODSMVT_HEADER", BAPI2017_GM_HEAD_01, "Header: posting date ..."),
        importing("GOODSMVT_CODE", BAPI2017_GM_CODE, "Goods movement code"),
        importing("TESTRUN", FLAG, "X = check only", optional=True),
        importing("GOODSMVT_REF_EWM", char(1), "EWM reference (ignored)", optional=True),
        exporting("GOODSMVT_HEADRET", BAPI2017_GM_HEAD_RET, "Material document and year"),
        exporting("MATERIALDOCUMENT", char(10), "Number of the material document"),
        exporting("MATDOCUMENTYEAR", numc(4), "Material document year"),
        tables("GOODSMVT_ITEM", BAPI2017_GM_ITEM_CREATE, "The items (one material document "
                                                        "for all)", optional=False),
        tables("GOODSMVT_SERIALNUMBER", BAPI2017_GM_SERIALNUMBER, "Serial numbers (not "
                                                                  "managed: ignored)"),
        tables("EXTENSIONIN", BAPIPAREX, "Customer extension (ignored)"),
        tables("RETURN", BAPIRET2, "Empty on success; the errors otherwise"),
    ), group="MB_BUS2017",
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
        importing("TESTRUN", FLAG, "X = check only", optional=True),
        importing("NO_PRICE_FROM_PO", FLAG, "No price from the last order (ignored)",
                  optional=True),
        exporting("EXPPURCHASEORDER", char(10), "Purchasing document number"),
        exporting("EXPHEADER", BAPIMEPOHEADER, "Header data as created"),
        tables("RETURN", BAPIRET2, "S 06 017 or the errors"),
        tables("POITEM", BAPIMEPOITEM, "Items"),
        tables("POITEMX", BAPIMEPOITEMX, "Which item fields to take"),
        tables("POSCHEDULE", BAPIMEPOSCHEDULE, "Schedule lines"),
        tables("POSCHEDULEX", BAPIMEPOSCHEDULX, "Which schedule line fields to take"),
        tables("EXTENSIONIN", BAPIPAREX, "Customer extension (ignored)"),
    ), group="2012",
    notes="Stock transport orders only (DOC_TYPE UB): SUPPL_PLNT issues, POITEM-PLANT "
          "receives. The checkbox rule applies when POHEADERX / POITEMX are sent: only "
          "fields flagged X are taken (without any X structure every field is taken). An "
          "item without QUANTITY takes the sum of its schedule lines. Errors come with the "
          "closing E BAPI 001. The number (range EINKBELEG) is drawn at the call; nothing "
          "is written before BAPI_TRANSACTION_COMMIT.")

BAPI_MATERIAL_AVAILABILITY = FunctionInterface(
    "BAPI_MATERIAL_AVAILABILITY", "Availability check (ATP) of a material in a plant", (
        importing("PLANT", char(4), "Plant"),
        importing("MATERIAL", char(18), "Material number (leading zeros may be omitted)"),
        importing("UNIT", unit(), "Unit of measure (the base unit)"),
        importing("CHECK_RULE", char(2), "Checking rule (accepted, one rule for all)",
                  optional=True),
        importing("STGE_LOC", char(4), "Storage location: check its stock only",
                  optional=True),
        importing("BATCH", char(10), "Batch (no batches: ignored)", optional=True),
        importing("CUSTOMER", char(10), "Customer (ignored)", optional=True),
        importing("DOC_NUMBER", char(10), "Sales document (ignored)", optional=True),
        importing("ITM_NUMBER", numc(6), "Sales document item (ignored)", optional=True),
        importing("WBS_ELEM", char(24), "WBS element (ignored)", optional=True),
        importing("STOCK_IND", char(1), "Special stock (ignored)", optional=True),
        exporting("ENDLEADTME", DATS, "End of replenishment lead time (today: none kept)"),
        exporting("AV_QTY_PLT", _QUANTITY, "Quantity available at plant level"),
        exporting("DIALOGFLAG", char(1), "X = not (fully) available, N = no check"),
        exporting("RETURN", BAPIRETURN, "Empty on success"),
        tables("WMDVSX", BAPIWMDVS, "Requirements (date and quantity)"),
        tables("WMDVEX", BAPIWMDVE, "Confirmations (date and ATP quantity)"),
    ),
    notes="AV_QTY_PLT is the unrestricted-use stock of the plant (or of STGE_LOC) minus the "
          "open demand: confirmed quantities of sales order items not yet issued and "
          "stock transport order quantities the plant has not yet issued; never below 0. "
          "WMDVEX confirms the requirements of WMDVSX in date order out of that quantity "
          "(one line per requirement, date = requirement date or today); without WMDVSX "
          "it holds one line with today's ATP quantity. Errors are a RETURN of type E "
          "(BAPIRETURN).")


class _Refused(Exception):
    def __init__(self, *messages: SapMessage) -> None:
        super().__init__(messages[0].text)
        self.messages = messages


def _returned(message: SapMessage, parameter: str = "") -> dict[str, Any]:
    """A RETURN row; where the message does not say which parameter it is about,
    ``parameter``."""
    return bapiret2(message, message.parameter or parameter, message.row, message.field)


def _at(error: SapMessage, parameter: str, row: int = 0, field: str = "") -> SapMessage:
    return SapMessage(error.msgid, error.msgno, error.text, error.msgty, error.variables,
                      parameter, row, field)


def _text(quantity: Decimal) -> str:
    return f"{quantity.normalize():f}" if quantity else "0"


def _dats(value: str, default: str) -> str:
    return default if value in ("", "00000000") else value


# -- BAPI_GOODSMVT_CREATE --------------------------------------------------------------------

@dataclass
class _PurchaseOrderReceipt:
    """A 101 item against a stock transport order item, checked again at save time."""

    ebeln: str
    ebelp: str
    quantity: str
    no_more_gr: bool

    def to_payload(self) -> dict[str, Any]:
        return {"ebeln": self.ebeln, "ebelp": self.ebelp, "quantity": self.quantity,
                "no_more_gr": self.no_more_gr}


def create_goods_movement(call: Call) -> dict[str, Any]:
    header = call["GOODSMVT_HEADER"]
    today = clock.dats(clock.now())
    posting_date = _dats(header["PSTNG_DATE"], today)
    try:
        with call.db.read() as conn:
            items, receipts = _movement_items(conn, call)
            for receipt in receipts:
                _check_receipt(conn, call.mandt, receipt)
        document = MaterialDocument(
            mblnr="", mjahr=posting_date[:4], budat=posting_date,
            bldat=_dats(header["DOC_DATE"], posting_date), cpudt=today,
            cputm=clock.tims(clock.now()), usnam=call.user,
            xblnr=header["REF_DOC_NO"] or header["REF_DOC_NO_LONG"][:16],
            bktxt=header["HEADER_TXT"], items=items)
        _dry_run(call, lambda conn: goods_movements.post(conn, call.mandt, document))
    except _Refused as refused:
        return {"RETURN": [_returned(m) for m in refused.messages]}
    except ApplicationError as error:
        return {"RETURN": [_returned(m, "GOODSMVT_ITEM") for m in error.messages]}
    if call["TESTRUN"] == "X":
        return {}
    document.mblnr = f"{call.take_number(MATERIAL_DOCUMENTS):010d}"
    call.register_update(POST_GOODS_MOVEMENT, {
        "document": document.to_payload(), "receipts": [r.to_payload() for r in receipts]})
    not_committed = commit_in_legacy_mode(call)
    if not_committed is not None:
        return {"RETURN": [_returned(not_committed, "GOODSMVT_ITEM")]}
    return {"GOODSMVT_HEADRET": {"MAT_DOC": document.mblnr, "DOC_YEAR": document.mjahr},
            "MATERIALDOCUMENT": document.mblnr, "MATDOCUMENTYEAR": document.mjahr}


def _movement_items(conn: Connection, call: Call
                    ) -> tuple[list[MovementItem], list[_PurchaseOrderReceipt]]:
    code = call["GOODSMVT_CODE"]["GM_CODE"]
    if code not in MOVEMENTS_BY_CODE:
        raise _Refused(_at(message("E", "M7", "427", "Goods movement code &1 is not "
                                                     "supported (01 and 05 are)",
                                   code or "(empty)"), "GOODSMVT_CODE", 0, "GM_CODE"))
    rows = call["GOODSMVT_ITEM"]
    if not rows:
        raise _Refused(_at(message("E", "M7", "096", "Enter at least one item"),
                           "GOODSMVT_ITEM"))
    customizing = clients.customizing_entries(conn, call.mandt)
    items, receipts = [], []
    for index, row in enumerate(rows, start=1):
        if row["MOVE_TYPE"] not in MOVEMENTS_BY_CODE[code]:
            raise _Refused(_at(message("E", "M7", "076", "Movement type &1 is not allowed "
                                                         "with goods movement code &2",
                                       row["MOVE_TYPE"] or "(empty)", code),
                               "GOODSMVT_ITEM", index, "MOVE_TYPE"))
        if row["ENTRY_QNT"] <= 0:
            raise _Refused(_at(message("E", "M7", "063", "Enter a positive quantity (not &1)",
                                       row["ENTRY_QNT"]), "GOODSMVT_ITEM", index,
                               "ENTRY_QNT"))
        if code == "01":
            item, receipt = _purchase_order_item(conn, call.mandt, row, index)
            receipts.append(receipt)
        else:
            item = _initial_entry_item(conn, call.mandt, row, index, customizing)
        items.append(item)
    return items, receipts


def _material(conn: Connection, mandt: str, material: str, index: int) -> dict[str, Any]:
    try:
        matnr = matn1_input(material)
    except ValueError:
        matnr = material
    found = master_data.material(conn, mandt, matnr) if matnr else None
    if found is None:
        raise _Refused(_at(message("E", "M7", "001", "Material &1 does not exist",
                                   matn1_output(matnr) or "(empty)"),
                           "GOODSMVT_ITEM", index, "MATERIAL"))
    return found


def _unit(row: dict[str, Any], base_unit: str, index: int) -> str:
    entered = row["ENTRY_UOM"] or base_unit
    if entered != base_unit:
        raise _Refused(_at(message("E", "M7", "024", "Unit of entry &1 is not defined for "
                                                     "the material (base unit &2)",
                                   entered, base_unit), "GOODSMVT_ITEM", index, "ENTRY_UOM"))
    return entered


def _initial_entry_item(conn: Connection, mandt: str, row: dict[str, Any], index: int,
                        customizing: dict[str, dict[str, Any]]) -> MovementItem:
    material = _material(conn, mandt, row["MATERIAL"], index)
    plant, location = row["PLANT"], row["STGE_LOC"]
    if plant not in customizing.get("T001W", {}):
        raise _Refused(_at(message("E", "M7", "001", "Plant &1 does not exist",
                                   plant or "(empty)"), "GOODSMVT_ITEM", index, "PLANT"))
    if f"{plant}/{location}" not in customizing.get("T001L", {}):
        raise _Refused(_at(message("E", "M7", "001", "Storage location &1 &2 does not exist",
                                   plant, location or "(empty)"),
                           "GOODSMVT_ITEM", index, "STGE_LOC"))
    if master_data.material_plant(conn, mandt, material["matnr"], plant) is None:
        raise _Refused(_at(message("E", "M7", "004", "Material &1 is not maintained in plant "
                                                     "&2", matn1_output(material["matnr"]),
                                   plant), "GOODSMVT_ITEM", index, "PLANT"))
    if row["STCK_TYPE"] not in goods_movements.STOCK_TYPE_COLUMNS:
        raise _Refused(_at(message("E", "M7", "108", "Stock type &1 is not allowed",
                                   row["STCK_TYPE"]), "GOODSMVT_ITEM", index, "STCK_TYPE"))
    return MovementItem(bwart="561", matnr=material["matnr"], werks=plant, lgort=location,
                        quantity=_text(row["ENTRY_QNT"]),
                        unit=_unit(row, material["meins"], index),
                        stock_type=row["STCK_TYPE"], text=row["ITEM_TEXT"])


def _purchase_order_item(conn: Connection, mandt: str, row: dict[str, Any], index: int
                         ) -> tuple[MovementItem, _PurchaseOrderReceipt]:
    if row["MVT_IND"] != "B":
        raise _Refused(_at(message("E", "M7", "116", "Goods receipt for a purchase order "
                                                     "needs MVT_IND B"),
                           "GOODSMVT_ITEM", index, "MVT_IND"))
    ebeln = row["PO_NUMBER"].zfill(10) if row["PO_NUMBER"].isdigit() else row["PO_NUMBER"]
    ordered = purchasing.item(conn, mandt, ebeln, row["PO_ITEM"]) if ebeln else None
    if ordered is None:
        raise _Refused(_at(message("E", "M7", "002", "Purchase order &1 item &2 does not "
                                                     "exist", ebeln or "(empty)",
                                   row["PO_ITEM"]), "GOODSMVT_ITEM", index, "PO_NUMBER"))
    if ordered["loekz"]:
        raise _Refused(_at(message("E", "M7", "003", "Purchase order item &1 &2 is deleted",
                                   ebeln, row["PO_ITEM"]), "GOODSMVT_ITEM", index, "PO_ITEM"))
    material = _material(conn, mandt, row["MATERIAL"] or ordered["matnr"], index)
    if material["matnr"] != ordered["matnr"]:
        raise _Refused(_at(message("E", "M7", "005", "Material &1 is not the material of "
                                                     "purchase order item &2 &3",
                                   matn1_output(material["matnr"]), ebeln, row["PO_ITEM"]),
                           "GOODSMVT_ITEM", index, "MATERIAL"))
    plant = row["PLANT"] or ordered["werks"]
    if plant != ordered["werks"]:
        raise _Refused(_at(message("E", "M7", "006", "Plant &1 is not the receiving plant &2 "
                                                     "of the purchase order item", plant,
                                   ordered["werks"]), "GOODSMVT_ITEM", index, "PLANT"))
    quantity = _text(row["ENTRY_QNT"])
    item = MovementItem(bwart="101", matnr=ordered["matnr"], werks=plant,
                        lgort=row["STGE_LOC"] or ordered["lgort"] or "0001",
                        quantity=quantity, unit=_unit(row, ordered["meins"], index),
                        ebeln=ebeln, ebelp=ordered["ebelp"], text=row["ITEM_TEXT"])
    return item, _PurchaseOrderReceipt(ebeln, ordered["ebelp"], quantity,
                                       row["NO_MORE_GR"] == "X")


def _check_receipt(conn: Connection, mandt: str, receipt: _PurchaseOrderReceipt) -> None:
    """A stock transport order item receives at most what was issued for it (641) and
    not yet received."""
    issued = purchasing.issued_quantity(conn, mandt, receipt.ebeln, receipt.ebelp)
    receivable = issued - purchasing.received_quantity(conn, mandt, receipt.ebeln,
                                                       receipt.ebelp)
    if Decimal(receipt.quantity) > receivable:
        raise ApplicationError(message(
            "E", "M7", "022", "Purchase order &1 &2: only &3 issued and not yet received, "
                              "not &4", receipt.ebeln, receipt.ebelp, _text(receivable),
            receipt.quantity))


class _DryRun(Exception):
    """Ends a simulated posting: its transaction is rolled back."""


def _dry_run(call: Call, posting: Any) -> None:
    """Post in a transaction that is always rolled back: the call-time check finds what the
    update task would refuse (a stock deficit, M7 021)."""
    try:
        with call.db.write() as conn:
            posting(conn)
            raise _DryRun
    except _DryRun:
        pass


def post_goods_movement(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
    receipts = [_PurchaseOrderReceipt(**r) for r in payload["receipts"]]
    for receipt in receipts:
        _check_receipt(conn, mandt, receipt)
    goods_movements.post(conn, mandt, MaterialDocument.from_payload(payload["document"]))
    for receipt in receipts:
        ordered = purchasing.item(conn, mandt, receipt.ebeln, receipt.ebelp)
        received = purchasing.received_quantity(conn, mandt, receipt.ebeln, receipt.ebelp)
        if receipt.no_more_gr or (ordered and received >= Decimal(ordered["menge"])):
            purchasing.mark_delivery_completed(conn, mandt, receipt.ebeln, receipt.ebelp)


# -- BAPI_PO_CREATE1 ---------------------------------------------------------------------------

def create_purchase_order(call: Call) -> dict[str, Any]:
    header = _checked(call["POHEADER"], call["POHEADERX"], ("PO_NUMBER",))
    numbers = [row["PO_ITEM"] for row in call["POITEM"] if int(row["PO_ITEM"])]
    if len(numbers) != len(set(numbers)):
        twice = next(n for n in numbers if numbers.count(n) > 1)
        return _po_refused(_at(message("E", "ME", "061", "Item &1 is given more than once",
                                       twice), "POITEM", numbers.index(twice) + 1,
                               "PO_ITEM"))
    if header.get("PO_NUMBER"):
        return _po_refused(message("E", "ME", "082", "External number &1: purchase orders "
                                                     "are numbered internally",
                                   header["PO_NUMBER"]))
    order = StoInput(doc_type=header.get("DOC_TYPE", ""), comp_code=header.get("COMP_CODE", ""),
                     suppl_plnt=header.get("SUPPL_PLNT", ""),
                     purch_org=header.get("PURCH_ORG", ""), pur_group=header.get("PUR_GROUP", ""),
                     doc_date=_dats(header.get("DOC_DATE", ""), ""),
                     our_ref=header.get("OUR_REF", ""), ref_1=header.get("REF_1", ""),
                     items=_po_items(call))
    today = clock.dats(clock.now())
    try:
        with call.db.read() as conn:
            customizing = {table: set(entries) for table, entries in
                           clients.customizing_entries(conn, call.mandt).items()}
            plan = purchasing.plan(conn, call.mandt, order, ebeln="", today=today,
                                   user=call.user, customizing=customizing)
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
            "RETURN": [_returned(message("S", "06", "017", "Stock transp. order created under "
                                                          "the number &1", plan.ebeln))]}


def _po_refused(*errors: SapMessage) -> dict[str, Any]:
    closing = message("E", "BAPI", "001", "No instance of object type PurchaseOrder has "
                                          "been created. External reference: &1", "")
    return {"RETURN": [_returned(m) for m in (*errors, closing)]}


def _checked(data: dict[str, Any], flags: dict[str, Any], always: tuple[str, ...] = ()
             ) -> dict[str, Any]:
    """SAP's checkbox rule: with an X structure, only fields flagged X are taken (and the
    key fields ``always``); without one (nothing flagged), every field is."""
    if not any(value == "X" for value in flags.values()):
        return dict(data)
    return {name: value for name, value in data.items()
            if flags.get(name) == "X" or name in always}


def _po_items(call: Call) -> list[StoItemInput]:
    flags = {row["PO_ITEM"]: row for row in call["POITEMX"]}
    scheduled: dict[str, Decimal] = {}
    for line in call["POSCHEDULE"]:
        scheduled[line["PO_ITEM"]] = scheduled.get(line["PO_ITEM"], Decimal(0)) + \
            line["QUANTITY"]
    items = []
    for row in call["POITEM"]:
        taken = _checked(row, flags.get(row["PO_ITEM"], {}), ("PO_ITEM",)) if flags \
            else dict(row)
        quantity = taken.get("QUANTITY") or scheduled.get(row["PO_ITEM"], Decimal(0))
        try:
            material = matn1_input(taken.get("MATERIAL", ""))
        except ValueError:
            material = taken.get("MATERIAL", "")
        items.append(StoItemInput(
            po_item=row["PO_ITEM"] if int(row["PO_ITEM"]) else "", material=material,
            plant=taken.get("PLANT", ""), quantity=_text(Decimal(quantity)),
            stge_loc=taken.get("STGE_LOC", ""), po_unit=taken.get("PO_UNIT", "")))
    return items


def _exported_header(plan: StoPlan) -> dict[str, Any]:
    return {"PO_NUMBER": plan.ebeln, "COMP_CODE": plan.bukrs,
            "DOC_TYPE": purchasing.STOCK_TRANSPORT_ORDER,
            "CREAT_DATE": plan.aedat, "CREATED_BY": plan.ernam, "ITEM_INTVL": "00010",
            "PURCH_ORG": plan.ekorg, "PUR_GROUP": plan.ekgrp, "CURRENCY": "CNY",
            "DOC_DATE": plan.bedat, "SUPPL_PLNT": plan.reswk, "OUR_REF": plan.unsez,
            "REF_1": plan.ihrez}


def save_purchase_order(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
    purchasing.save(conn, mandt, StoPlan.from_payload(payload))


# -- BAPI_MATERIAL_AVAILABILITY ------------------------------------------------------------

def availability(call: Call) -> dict[str, Any]:
    today = clock.dats(clock.now())
    try:
        with call.db.read() as conn:
            available = _available(conn, call)
    except _Refused as refused:
        return {"RETURN": bapireturn(refused.messages[0]), "DIALOGFLAG": "N"}
    confirmations, short = _confirm(call["WMDVSX"], available, today)
    return {"ENDLEADTME": today, "AV_QTY_PLT": available, "DIALOGFLAG": "X" if short else "",
            "WMDVEX": confirmations}


def _available(conn: Connection, call: Call) -> Decimal:
    plant, location = call["PLANT"], call["STGE_LOC"]
    try:
        matnr = matn1_input(call["MATERIAL"])
    except ValueError:
        matnr = call["MATERIAL"]
    material = master_data.material(conn, call.mandt, matnr)
    if material is None:
        raise _Refused(message("E", "M3", "305", "The material &1 does not exist or is not "
                                                 "activated", matn1_output(matnr)))
    if master_data.material_plant(conn, call.mandt, matnr, plant) is None:
        raise _Refused(message("E", "M3", "732", "Material &1 is not maintained in plant &2",
                               matn1_output(matnr), plant or "(empty)"))
    if call["UNIT"] and call["UNIT"] != material["meins"]:
        raise _Refused(message("E", "M3", "351", "Unit of measure &1 is not defined for "
                                                 "material &2", call["UNIT"],
                               matn1_output(matnr)))
    if location:
        stock = mm_stock.quantity(conn, call.mandt, matnr, plant, location)
    else:
        stock = master_data.unrestricted_stock(conn, call.mandt, matnr, plant)
    demand = sales_orders.open_demand(conn, call.mandt, matnr, plant) + \
        purchasing.open_issue_demand(conn, call.mandt, matnr, plant)
    return max(stock - demand, Decimal(0))


def _confirm(requirements: list[dict[str, Any]], available: Decimal, today: str
             ) -> tuple[list[dict[str, Any]], bool]:
    """Confirm the requirements in date order out of ``available``; True when one of
    them is not fully confirmed."""
    if not requirements:
        return [{"BDCNT": "0001", "COM_DATE": today, "COM_QTY": available}], False
    lines, short = [], False
    for number, requirement in enumerate(sorted(requirements, key=lambda r: r["REQ_DATE"]),
                                         start=1):
        confirmed = min(requirement["REQ_QTY"], available)
        available -= confirmed
        short = short or confirmed < requirement["REQ_QTY"]
        lines.append({"BDCNT": f"{number:04d}",
                      "COM_DATE": max(_dats(requirement["REQ_DATE"], today), today),
                      "COM_QTY": confirmed})
    return lines, short


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
