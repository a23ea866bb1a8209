"""The success message of a created stock transport order, as SAP's message 06 017 reads."""

from __future__ import annotations

import pytest

from fake_sap.mm.purchasing import created_message

pytestmark = pytest.mark.unit


def test_the_number_is_the_second_variable_after_the_document_types_text():
    message = created_message("4500000007")

    assert (message.msgty, message.msgid, message.msgno) == ("S", "06", "017")
    assert message.variables[:2] == ("Stock Transp. Order", "4500000007")
    assert message.text == "Stock Transp. Order created under the number 4500000007"
