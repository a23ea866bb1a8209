"""Reading query parameters the way the OpenAPI document declares them.

Layer: HTTP edge. Standard library only.

``str.isdigit`` is no test for an integer parameter: it accepts superscripts ("²"), which
``int`` refuses (a 500), and other scripts' digits ("٣"), which ``int`` reads although no
client would send them for an OpenAPI ``integer``. Only ASCII digits are a whole number here.
"""

from __future__ import annotations

#: digits beyond which a number is simply "very large" (``int`` refuses thousands of them)
MOST_DIGITS = 40


def whole_number(text: str) -> int | None:
    """The value of ``text`` if it is written in ASCII digits only (``"007"`` is 7), else
    None."""
    if not text or not text.isascii() or not text.isdigit():
        return None
    return int(text) if len(text) <= MOST_DIGITS else 10**MOST_DIGITS
