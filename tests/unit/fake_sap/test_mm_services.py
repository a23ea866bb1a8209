"""Pure parts of the MM services: quantities as stored and the goods movement payload."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.mm.goods_movements import MaterialDocument, MovementItem
from fake_sap.mm.services import PlannedGoodsMovement, PurchaseOrderReceipt, quantity_text

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("quantity", "text"), [
    ("0", "0"), ("0.000", "0"), ("5", "5"), ("5.500", "5.5"), ("100", "100"),
    ("1E+3", "1000")])
def test_quantities_are_stored_as_canonical_text(quantity: str, text: str) -> None:
    assert quantity_text(Decimal(quantity)) == text


def test_a_planned_goods_movement_carries_its_document_and_receipts() -> None:
    document = MaterialDocument(
        mblnr="4900000001", mjahr="2024", budat="20240101", bldat="20240101",
        cpudt="20240101", cputm="120000", usnam="U",
        items=[MovementItem(bwart="101", matnr="M-1", werks="1000", lgort="0001",
                            quantity="2", unit="ST", ebeln="4500000000", ebelp="00010")])
    planned = PlannedGoodsMovement(document, [PurchaseOrderReceipt("4500000000", "00010",
                                                                   "2", True)])
    payload = planned.to_payload()
    assert MaterialDocument.from_payload(payload["document"]) == document
    assert [PurchaseOrderReceipt(**r) for r in payload["receipts"]] == planned.receipts
