"""The document flow as the console shows it (VBFA, like "Document flow" in VA03/VL03N): from
any document, back to the first document of its chain, then every following document with
its status and the quantities that flowed.

Layer: HTTP edge (the console). Reads only, through the read functions of the modules that
own the tables (``fake_sap.sd``, ``fake_sap.mm``, ``fake_sap.fi``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from fake_sap.fi import accounting
from fake_sap.mm import goods_movements
from fake_sap.sd import deliveries, document_flow, sales_orders, status

if TYPE_CHECKING:  # annotations only: the console reads through the services
    from sqlalchemy import Connection

#: SD document categories (domain VBTYP) the emulator writes, as SAP names them
CATEGORIES = {
    "C": "Order", "H": "Returns", "J": "Delivery", "T": "Returns delivery for order",
    "7": "Delivery/shipping notification", "R": "Goods movement", "V": "Purchase order",
    "FI": "Accounting document",
}
#: longest chain followed (a guard against a cycle in hand-made data)
MAX_DEPTH = 12


@dataclass
class FlowNode:
    number: str
    category: str
    date: str = ""
    status: str = ""
    #: (preceding item, this item, quantity, unit) of the flow records that lead here
    quantities: list[tuple[str, str, str, str]] = field(default_factory=list)
    children: list[FlowNode] = field(default_factory=list)
    detail: str = ""

    @property
    def category_text(self) -> str:
        return CATEGORIES.get(self.category, self.category)


def find(conn: Connection, mandt: str, number: str, as_entered: str) -> FlowNode | None:
    """:func:`chain` of a document number, or else of the one sales document whose customer
    purchase order number (VBAK-BSTNK) was entered: an inbound ORDERS IDoc's object key."""
    found = chain(conn, mandt, number)
    if found is None:
        orders = sales_orders.numbers_for_purchase_order(conn, mandt, as_entered)
        if len(orders) == 1:
            found = chain(conn, mandt, orders[0])
    return found


def chain(conn: Connection, mandt: str, number: str) -> FlowNode | None:
    """The whole flow that ``number`` belongs to, rooted at its first document; None when the
    number is no document of this client."""
    first = _first_document(conn, mandt, number)
    root = _describe(conn, mandt, first, "")
    if root is None:
        return None
    _add_following(conn, mandt, root, 0)
    return root


def _first_document(conn: Connection, mandt: str, number: str) -> str:
    seen = {number}
    current = number
    for _ in range(MAX_DEPTH):
        preceding = document_flow.preceding(conn, mandt, current)
        if not preceding:
            break
        earlier = preceding[0]["vbelv"]
        if earlier in seen:
            break
        seen.add(earlier)
        current = earlier
    return current


def _add_following(conn: Connection, mandt: str, node: FlowNode, depth: int) -> None:
    if depth >= MAX_DEPTH:
        return
    by_document: dict[str, list[dict[str, Any]]] = {}
    for row in document_flow.following(conn, mandt, node.number):
        by_document.setdefault(row["vbeln"], []).append(row)
    for number, rows in by_document.items():
        child = _describe(conn, mandt, number, rows[0]["vbtyp_n"]) or FlowNode(
            number, rows[0]["vbtyp_n"])
        child.quantities = [(r["posnv"], r["posnn"], _quantity(r["rfmng"]), r["meins"])
                            for r in rows]
        if not child.date:
            child.date = rows[0]["erdat"]
        node.children.append(child)
        _add_following(conn, mandt, child, depth + 1)
    for document in accounting.documents_referencing(conn, mandt, _reference_key(node)):
        node.children.append(_accounting_node(document))


def _reference_key(node: FlowNode) -> str:
    """The AWKEY under which an accounting document names this document."""
    return node.number + node.date[:4] if node.category == "R" else node.number


def _describe(conn: Connection, mandt: str, number: str, category: str) -> FlowNode | None:
    order = sales_orders.header(conn, mandt, number)
    if order is not None:
        return FlowNode(number, order["vbtyp"] or "C", order["erdat"],
                        _sd_status(conn, mandt, number), detail=f"{order['auart']} "
                        f"sold-to {order['kunnr']}, net value {order['netwr']} {order['waerk']}")
    delivery = deliveries.load(conn, mandt, number)
    if delivery is not None:
        header = delivery[0]
        return FlowNode(number, header["vbtyp"] or "J", header["erdat"],
                        _sd_status(conn, mandt, number),
                        detail=f"{header['lfart']} ship-to {header['kunnr']}, "
                               f"goods issue {header['wadat_ist'] or 'not yet posted'}")
    material_document = goods_movements.document(conn, mandt, number)
    if material_document is not None:
        header, lines = material_document
        movements = ", ".join(sorted({line["bwart"] for line in lines}))
        return FlowNode(number, "R", header["budat"] or header["cpudt"],
                        detail=f"{header['mjahr']} movement type {movements}")
    accounting_documents = accounting.documents_numbered(conn, mandt, number)
    if accounting_documents:
        return _accounting_node(accounting_documents[0])
    return None if not category else FlowNode(number, category)


def _accounting_node(header: dict[str, Any]) -> FlowNode:
    return FlowNode(header["belnr"], "FI", header["budat"],
                    detail=f"company code {header['bukrs']} {header['gjahr']}, type "
                           f"{header['blart']}, reference {header['awtyp']} {header['awkey']}")


def _sd_status(conn: Connection, mandt: str, number: str) -> str:
    row = status.header(conn, mandt, number)
    if row is None:
        return ""
    shown = [f"{name.upper()} {row[name]}" for name in ("gbstk", "lfstk", "wbstk")
             if row.get(name)]
    return ", ".join(shown)


def _quantity(value: str) -> str:
    try:
        return format(Decimal(value).normalize(), "f")
    except ArithmeticError:
        return value
