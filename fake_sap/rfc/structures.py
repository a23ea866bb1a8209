"""DDIC structures shared by many BAPIs: the return structures, and how to fill them.

BAPIs report messages in RETURN, typed BAPIRET2 in current BAPIs and BAPIRET1 or the old
BAPIRETURN in older ones. The builders take a :class:`~fake_sap.errors.SapMessage` so that
business code stays free of the structure layouts.
"""

from __future__ import annotations

import re
from typing import Any

from fake_sap.ddic.elements import element
from fake_sap.ddic.types import IMPLIED_LENGTH, AbapType, Elementary
from fake_sap.errors import SapMessage
from fake_sap.rfc.model import INT4, Field, char, numc, structure

_LAYOUT_LINE = re.compile(r"^(?P<name>\S+)\s+(?:=(?P<element>[A-Z0-9_/]+)|"
                          r"(?P<type>[A-Z]+[0-9]*)(?:\.(?P<decimals>[0-9]+))?)"
                          r"(?:\s+(?P<text>.*))?$")
_TYPE_LENGTH = re.compile(r"^(?P<kind>[A-Z]+?)(?P<length>[0-9]*)$")


def layout(table: str) -> tuple[Field, ...]:
    """Fields from an SE11-like listing, one a line: ``NAME TYPE[LENGTH][.DECIMALS] text``,
    e.g. ``NET_WEIGHT QUAN13.3 Net weight``, or ``NAME =ELEMENT text`` for a field that
    takes its type from a data element of :mod:`fake_sap.ddic.elements`, e.g.
    ``MATERIAL =MATNR Material number``. Long DDIC structures are declared this way so
    that the declaration reads like the dictionary listing it was checked against."""
    fields: list[Field] = []
    for line in table.strip().splitlines():
        match = _LAYOUT_LINE.match(line.strip())
        if match is None:
            raise ValueError(f"not a layout line: {line!r}")
        if match["element"]:
            fields.append(Field(match["name"], element(match["element"]),
                                match["text"] or ""))
            continue
        kind = _TYPE_LENGTH.match(match["type"])
        if kind is None or kind["kind"] not in AbapType.__members__:
            raise ValueError(f"unknown DDIC type in {line!r}")
        abap = AbapType(kind["kind"])
        length = int(kind["length"]) if kind["length"] else IMPLIED_LENGTH.get(abap, 0)
        decimals = int(match["decimals"] or 0)
        fields.append(Field(match["name"], Elementary(abap, length, decimals),
                            match["text"] or ""))
    return tuple(fields)


def flags(names: str) -> tuple[Field, ...]:
    """Checkbox fields (CHAR 1, SAP's data element BAPIUPDATE) for whitespace-separated
    ``names``, in the given order: the body of an X structure."""
    return tuple(Field(name, char(1), f"Updated information in related user data field "
                                       f"({name})") for name in names.split())

_MESSAGE_TYPE = "Message type: S success, E error, W warning, I information, A abort"

BAPIRET2 = structure(
    "BAPIRET2", "Return parameter",
    Field("TYPE", char(1), _MESSAGE_TYPE),
    Field("ID", char(20), "Message class"),
    Field("NUMBER", numc(3), "Message number"),
    Field("MESSAGE", char(220), "Message text"),
    Field("LOG_NO", char(20), "Application log: log number"),
    Field("LOG_MSG_NO", numc(6), "Application log: internal message serial number"),
    Field("MESSAGE_V1", char(50), "Message variable"),
    Field("MESSAGE_V2", char(50), "Message variable"),
    Field("MESSAGE_V3", char(50), "Message variable"),
    Field("MESSAGE_V4", char(50), "Message variable"),
    Field("PARAMETER", char(32), "Parameter name"),
    Field("ROW", INT4, "Lines in parameter"),
    Field("FIELD", char(30), "Field in parameter"),
    Field("SYSTEM", char(10), "Logical system from which message originates"),
    source="SAP's ABAP type declaration of BAPIRET2 in the public repository "
           "seokwonsap/abapgit, src/zif_bapi_salesorder_createfrom.intf.abap",
)

BAPIRET1 = structure(
    "BAPIRET1", "Return parameter",
    Field("TYPE", char(1), _MESSAGE_TYPE),
    Field("ID", char(20), "Message class"),
    Field("NUMBER", numc(3), "Message number"),
    Field("MESSAGE", char(220), "Message text"),
    Field("LOG_NO", char(20), "Application log: log number"),
    Field("LOG_MSG_NO", numc(6), "Application log: internal message serial number"),
    Field("MESSAGE_V1", char(50), "Message variable"),
    Field("MESSAGE_V2", char(50), "Message variable"),
    Field("MESSAGE_V3", char(50), "Message variable"),
    Field("MESSAGE_V4", char(50), "Message variable"),
    source="se80.co.uk, \"BAPIRETURN1 SAP (Return Parameter) Structure details\" (TYPE to "
           "MESSAGE_V4 with data elements, types and lengths; 470 characters, the length "
           "stechno.net gives for BAPIRETURN1 parameters). No public listing of BAPIRET1 "
           "itself was found: its field list is taken to be the same, which is unconfirmed",
)

BAPIRETURN = structure(
    "BAPIRETURN", "Return parameter (old layout)",
    Field("TYPE", char(1), _MESSAGE_TYPE),
    Field("CODE", char(5), "Message code: message class and number"),
    Field("MESSAGE", char(220), "Message text"),
    Field("LOG_NO", char(20), "Application log: log number"),
    Field("LOG_MSG_NO", numc(6), "Application log: internal message serial number"),
    Field("MESSAGE_V1", char(50), "Message variable"),
    Field("MESSAGE_V2", char(50), "Message variable"),
    Field("MESSAGE_V3", char(50), "Message variable"),
    Field("MESSAGE_V4", char(50), "Message variable"),
)


def _variables(message: SapMessage) -> dict[str, str]:
    values = list(message.variables[:4]) + [""] * (4 - len(message.variables[:4]))
    return {f"MESSAGE_V{i}": v[:50] for i, v in enumerate(values, start=1)}


def bapiret2(message: SapMessage, parameter: str = "", row: int = 0, field: str = "",
             system: str = "") -> dict[str, Any]:
    return {"TYPE": message.msgty, "ID": message.msgid, "NUMBER": message.msgno,
            "MESSAGE": message.text[:220], **_variables(message), "PARAMETER": parameter,
            "ROW": row, "FIELD": field, "SYSTEM": system}


def bapiret1(message: SapMessage) -> dict[str, Any]:
    return {"TYPE": message.msgty, "ID": message.msgid, "NUMBER": message.msgno,
            "MESSAGE": message.text[:220], **_variables(message)}


def bapireturn(message: SapMessage) -> dict[str, Any]:
    return {"TYPE": message.msgty, "CODE": f"{message.msgid}{message.msgno}"[:5],
            "MESSAGE": message.text[:220], **_variables(message)}


def message(msgty: str, msgid: str, msgno: str, text: str, *variables: object) -> SapMessage:
    """A T100 message; ``&1``..``&4`` in ``text`` are filled from ``variables``."""
    values = tuple(str(v) for v in variables)
    rendered = text
    for index, value in enumerate(values, start=1):
        rendered = rendered.replace(f"&{index}", value)
    return SapMessage(msgid, msgno, rendered, msgty, values)
