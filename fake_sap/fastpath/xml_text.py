"""THE FAST PATH, shared by its XML writers: when a value may be copied as it is, and how lxml
writes one element otherwise. See :mod:`fake_sap.fastpath`.
"""

from __future__ import annotations

from lxml import etree

#: how lxml starts a document written with ``xml_declaration=True, encoding="UTF-8"``
DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"


def writes_unchanged(text: str) -> bool:
    """Whether lxml writes ``text`` unchanged: printable characters other than & < >.

    That is a little stricter than lxml needs (it also leaves tabs and line breaks alone),
    which costs such values only the slower way through lxml.
    """
    return text.isprintable() and "&" not in text and "<" not in text and ">" not in text


def all_write_unchanged(values: list[object]) -> bool:
    """:func:`writes_unchanged` for many values at once (cheaper than one by one)."""
    try:
        text = "".join(values)  # type: ignore[arg-type]
    except TypeError:  # a value that is no text: lxml decides what to make of it
        return False
    return writes_unchanged(text)


def element_by_lxml(name: str, value: object) -> str:
    """One field element as lxml writes it: it escapes the value, or refuses it (ValueError)
    when it holds characters XML cannot."""
    element = etree.Element(name)
    element.text = value  # type: ignore[assignment]
    return etree.tostring(element, encoding="UTF-8").decode("utf-8")
