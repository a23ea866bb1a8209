"""The order of IDocs about one object: EDI_DC40-SERIAL, then the sender's DOCNUM. SAP's
SERIAL is the creation date and time, so IDocs created in the same second share it."""

from __future__ import annotations

import pytest

from crm_adapter.inbox import serialization_key
from crm_adapter.store.inbox import order_key

pytestmark = pytest.mark.unit


def key(serial: str, docnum: str) -> str:
    return order_key({"serial": serialization_key({"SERIAL": serial}), "docnum": docnum})


def test_an_idoc_without_serial_is_not_serialized() -> None:
    assert serialization_key({"SERIAL": ""}) == ""
    assert serialization_key({"SERIAL": "   "}) == ""


def test_the_serial_decides_before_the_docnum() -> None:
    assert key("20250101080000", "0000000000000900") < key("20250101090000",
                                                            "0000000000000100")


def test_within_one_second_the_higher_docnum_is_newer() -> None:
    assert key("20250101090000", "0000000000000501") < key("20250101090000",
                                                            "0000000000000502")


def test_serials_of_different_precision_sort_in_time_order() -> None:
    assert key("20250101090000", "0000000000000001") < key("20250101090000000001",
                                                            "0000000000000001")
