"""Reading query parameters the way the OpenAPI document declares them.

Layer: HTTP edge. Standard library only.

``str.isdigit`` is no test for an integer parameter: it accepts superscripts ("²"), which
``int`` refuses (a 500), and other scripts' digits ("٣"), which ``int`` reads although no
client would send them for an OpenAPI ``integer``. Only ASCII digits are a whole number here.
"""

from __future__ import annotations

#: digits beyond which a number is simply "very large" (``int`` refuses thousands of them)
MOST_DIGITS = 40


def json_integer(value: object) -> int | None:
    """``value`` as an integer if JSON Schema counts it as one, else None. JSON does not
    tell 107 from 107.0 and JSON Schema calls both integers; ``True`` is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def whole_number(text: str) -> int | None:
    """The value of ``text`` if it is written in ASCII digits only (``"007"`` is 7), else
    None."""
    if not text or not text.isascii() or not text.isdigit():
        return None
    return int(text) if len(text) <= MOST_DIGITS else 10**MOST_DIGITS
