"""MM services: what the inventory and purchasing BAPIs call.

Goods movements (MKPF/MSEG through ``goods_movements``, stock through ``stock``) and stock
transport orders (EKKO/EKPO through ``purchasing``). Each function opens its own
transaction at call time, or is an *update task* run in the transaction of
``BAPI_TRANSACTION_COMMIT``. Callers pass typed commands and get domain results back.

Messages name the BAPI's parameters (GOODSMVT_ITEM, GOODSMVT_CODE) in PARAMETER/ROW/FIELD,
as SAP's goods movement does for every caller.

Layer: service. May import ``fake_sap.db``, ``fake_sap.mm``, ``fake_sap.conversion`` and
``fake_sap.errors``; never ``fake_sap.sd``, the RFC or the HTTP layers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from fake_sap.conversion import matn1_input, matn1_output
from fake_sap.db import clients, master_data
from fake_sap.db.engine import Database
from fake_sap.db.simulation import simulate
from fake_sap.errors import ApplicationError, SapMessage, sap_message
from fake_sap.mm import goods_movements, purchasing
from fake_sap.mm.goods_movements import MaterialDocument, MovementItem
from fake_sap.mm.purchasing import StoInput, StoPlan

#: GOODSMVT_CODE-GM_CODE -> the movement types it allows (SAP: transaction MB01, MB1C ...)
MOVEMENTS_BY_CODE = {"01": ("101",), "05": ("561",)}
ITEMS = "GOODSMVT_ITEM"


def quantity_text(quantity: Decimal) -> str:
    """A quantity as stored: canonical decimal text without trailing zeros, 0 as ``0``."""
    return f"{quantity.normalize():f}" if quantity else "0"


# --- goods movements (BAPI_GOODSMVT_CREATE) --------------------------------------------------

@dataclass(frozen=True)
class GoodsMovementLine:
    """One item of a goods movement as the caller describes it."""

    move_type: str
    material: str
    plant: str
    stge_loc: str
    quantity: Decimal
    unit: str = ""
    stock_type: str = ""
    text: str = ""
    #: B: goods receipt for a purchase order (PO_NUMBER/PO_ITEM)
    movement_indicator: str = ""
    po_number: str = ""
    po_item: str = ""
    #: X: the purchase order item is delivered completely after this receipt
    no_more_gr: bool = False


@dataclass(frozen=True)
class GoodsMovementCommand:
    """Post a material document: ``code`` is the goods movement code (01, 05)."""

    code: str
    lines: tuple[GoodsMovementLine, ...]
    posting_date: str
    document_date: str
    today: str
    now_time: str
    user: str
    reference: str = ""
    header_text: str = ""


@dataclass
class PurchaseOrderReceipt:
    """A 101 item against a stock transport order item, checked again at save time."""

    ebeln: str
    ebelp: str
    quantity: str
    no_more_gr: bool

    def to_payload(self) -> dict[str, Any]:
        return {"ebeln": self.ebeln, "ebelp": self.ebelp, "quantity": self.quantity,
                "no_more_gr": self.no_more_gr}


@dataclass
class PlannedGoodsMovement:
    """A checked material document (without its number yet) and its order receipts."""

    document: MaterialDocument
    receipts: list[PurchaseOrderReceipt] = field(default_factory=list)

    def to_payload(self) -> dict[str, Any]:
        return {"document": self.document.to_payload(),
                "receipts": [r.to_payload() for r in self.receipts]}


def plan_goods_movement(db: Database, mandt: str, command: GoodsMovementCommand
                        ) -> PlannedGoodsMovement:
    """Check a goods movement and simulate its posting; raises
    :class:`ApplicationError` with what the update task would refuse too."""
    with db.read() as conn:
        items, receipts = _movement_items(conn, mandt, command)
        for receipt in receipts:
            check_receipt(conn, mandt, receipt)
    document = MaterialDocument(
        mblnr="", mjahr=command.posting_date[:4], budat=command.posting_date,
        bldat=command.document_date, cpudt=command.today, cputm=command.now_time,
        usnam=command.user, xblnr=command.reference, bktxt=command.header_text,
        items=items)
    simulate(db, lambda conn: goods_movements.post(conn, mandt, document))
    return PlannedGoodsMovement(document, receipts)


def _refused(text_message: SapMessage, parameter: str, row: int = 0,
             field_name: str = "") -> ApplicationError:
    return ApplicationError(SapMessage(text_message.msgid, text_message.msgno,
                                       text_message.text, text_message.msgty,
                                       text_message.variables, parameter, row, field_name))


def _error(msgid: str, msgno: str, text: str, *variables: object) -> SapMessage:
    return sap_message("E", msgid, msgno, text, *variables)


def _movement_items(conn: Connection, mandt: str, command: GoodsMovementCommand
                    ) -> tuple[list[MovementItem], list[PurchaseOrderReceipt]]:
    code = command.code
    if code not in MOVEMENTS_BY_CODE:
        raise _refused(_error("M7", "427", "Goods movement code &1 is not supported (01 and "
                                           "05 are)", code or "(empty)"),
                       "GOODSMVT_CODE", 0, "GM_CODE")
    if not command.lines:
        raise _refused(_error("M7", "096", "Enter at least one item"), ITEMS)
    customizing = clients.customizing_entries(conn, mandt)
    items, receipts = [], []
    for index, line in enumerate(command.lines, start=1):
        if line.move_type not in MOVEMENTS_BY_CODE[code]:
            raise _refused(_error("M7", "076", "Movement type &1 is not allowed with goods "
                                               "movement code &2",
                                  line.move_type or "(empty)", code),
                           ITEMS, index, "MOVE_TYPE")
        if line.quantity <= 0:
            raise _refused(_error("M7", "063", "Enter a positive quantity (not &1)",
                                  line.quantity), ITEMS, index, "ENTRY_QNT")
        if code == "01":
            item, receipt = _purchase_order_item(conn, mandt, line, index)
            receipts.append(receipt)
        else:
            item = _initial_entry_item(conn, mandt, line, index, customizing)
        items.append(item)
    return items, receipts


def _material(conn: Connection, mandt: str, material: str, index: int) -> dict[str, Any]:
    try:
        matnr = matn1_input(material)
    except ValueError:
        matnr = material
    found = master_data.material(conn, mandt, matnr) if matnr else None
    if found is None:
        raise _refused(_error("M7", "001", "Material &1 does not exist",
                              matn1_output(matnr) or "(empty)"), ITEMS, index, "MATERIAL")
    return found


def _unit(line: GoodsMovementLine, base_unit: str, index: int) -> str:
    entered = line.unit or base_unit
    if entered != base_unit:
        raise _refused(_error("M7", "024", "Unit of entry &1 is not defined for the material "
                                           "(base unit &2)", entered, base_unit),
                       ITEMS, index, "ENTRY_UOM")
    return entered


def _initial_entry_item(conn: Connection, mandt: str, line: GoodsMovementLine, index: int,
                        customizing: dict[str, dict[str, Any]]) -> MovementItem:
    material = _material(conn, mandt, line.material, index)
    plant, location = line.plant, line.stge_loc
    if plant not in customizing.get("T001W", {}):
        raise _refused(_error("M7", "001", "Plant &1 does not exist", plant or "(empty)"),
                       ITEMS, index, "PLANT")
    if f"{plant}/{location}" not in customizing.get("T001L", {}):
        raise _refused(_error("M7", "001", "Storage location &1 &2 does not exist", plant,
                              location or "(empty)"), ITEMS, index, "STGE_LOC")
    if master_data.material_plant(conn, mandt, material["matnr"], plant) is None:
        raise _refused(_error("M7", "004", "Material &1 is not maintained in plant &2",
                              matn1_output(material["matnr"]), plant), ITEMS, index, "PLANT")
    if line.stock_type not in goods_movements.STOCK_TYPE_COLUMNS:
        raise _refused(_error("M7", "108", "Stock type &1 is not allowed", line.stock_type),
                       ITEMS, index, "STCK_TYPE")
    return MovementItem(bwart="561", matnr=material["matnr"], werks=plant, lgort=location,
                        quantity=quantity_text(line.quantity),
                        unit=_unit(line, material["meins"], index),
                        stock_type=line.stock_type, text=line.text)


def _purchase_order_item(conn: Connection, mandt: str, line: GoodsMovementLine, index: int
                         ) -> tuple[MovementItem, PurchaseOrderReceipt]:
    if line.movement_indicator != "B":
        raise _refused(_error("M7", "116", "Goods receipt for a purchase order needs MVT_IND "
                                           "B"), ITEMS, index, "MVT_IND")
    ebeln = line.po_number.zfill(10) if line.po_number.isdigit() else line.po_number
    ordered = purchasing.item(conn, mandt, ebeln, line.po_item) if ebeln else None
    if ordered is None:
        raise _refused(_error("M7", "002", "Purchase order &1 item &2 does not exist",
                              ebeln or "(empty)", line.po_item), ITEMS, index, "PO_NUMBER")
    if ordered["loekz"]:
        raise _refused(_error("M7", "003", "Purchase order item &1 &2 is deleted", ebeln,
                              line.po_item), ITEMS, index, "PO_ITEM")
    material = _material(conn, mandt, line.material or ordered["matnr"], index)
    if material["matnr"] != ordered["matnr"]:
        raise _refused(_error("M7", "005", "Material &1 is not the material of purchase "
                                           "order item &2 &3",
                              matn1_output(material["matnr"]), ebeln, line.po_item),
                       ITEMS, index, "MATERIAL")
    plant = line.plant or ordered["werks"]
    if plant != ordered["werks"]:
        raise _refused(_error("M7", "006", "Plant &1 is not the receiving plant &2 of the "
                                           "purchase order item", plant, ordered["werks"]),
                       ITEMS, index, "PLANT")
    quantity = quantity_text(line.quantity)
    item = MovementItem(bwart="101", matnr=ordered["matnr"], werks=plant,
                        lgort=line.stge_loc or ordered["lgort"] or "0001",
                        quantity=quantity, unit=_unit(line, ordered["meins"], index),
                        ebeln=ebeln, ebelp=ordered["ebelp"], text=line.text)
    return item, PurchaseOrderReceipt(ebeln, ordered["ebelp"], quantity, line.no_more_gr)


def check_receipt(conn: Connection, mandt: str, receipt: PurchaseOrderReceipt) -> None:
    """A stock transport order item receives at most what was issued for it (641) and
    not yet received."""
    issued = purchasing.issued_quantity(conn, mandt, receipt.ebeln, receipt.ebelp)
    receivable = issued - purchasing.received_quantity(conn, mandt, receipt.ebeln,
                                                       receipt.ebelp)
    if Decimal(receipt.quantity) > receivable:
        raise ApplicationError(_error(
            "M7", "022", "Purchase order &1 &2: only &3 issued and not yet received, not &4",
            receipt.ebeln, receipt.ebelp, quantity_text(receivable), receipt.quantity))


def post_goods_movement(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
    """Update task: check the order receipts again, post the material document and mark
    order items delivered completely."""
    receipts = [PurchaseOrderReceipt(**r) for r in payload["receipts"]]
    for receipt in receipts:
        check_receipt(conn, mandt, receipt)
    goods_movements.post(conn, mandt, MaterialDocument.from_payload(payload["document"]))
    for receipt in receipts:
        ordered = purchasing.item(conn, mandt, receipt.ebeln, receipt.ebelp)
        received = purchasing.received_quantity(conn, mandt, receipt.ebeln, receipt.ebelp)
        if receipt.no_more_gr or (ordered and received >= Decimal(ordered["menge"])):
            purchasing.mark_delivery_completed(conn, mandt, receipt.ebeln, receipt.ebelp)


# --- stock transport orders (BAPI_PO_CREATE1) ------------------------------------------------

def plan_purchase_order(db: Database, mandt: str, order: StoInput, *, today: str, user: str
                        ) -> StoPlan:
    """Check a stock transport order and compute it without a number; raises
    :class:`ApplicationError`."""
    with db.read() as conn:
        customizing = {table: set(entries) for table, entries in
                       clients.customizing_entries(conn, mandt).items()}
        return purchasing.plan(conn, mandt, order, ebeln="", today=today, user=user,
                               customizing=customizing)


def save_purchase_order(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
    """Update task: write a planned stock transport order (EKKO/EKPO)."""
    purchasing.save(conn, mandt, StoPlan.from_payload(payload))
