"""IDoc field values as business values: what every inbound message type needs.

Layer: ALE (pure: no database, no IDoc objects).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from fake_sap.errors import sap_error


def amount(value: str, field: str) -> Decimal:
    """An IDoc amount (``12.50``, SAP's trailing minus ``5.00-``) as a number, 0 when empty;
    B1 052 naming ``field`` when it is not a number."""
    if not value:
        return Decimal(0)
    text = value.strip()
    if text.endswith("-"):
        text = "-" + text[:-1]
    try:
        return Decimal(text)
    except InvalidOperation:
        raise sap_error("B1", "052", "Value &1 of field &2 is not a number", value, field) \
            from None
