"""RFC types of function parameters, and converting values between Python and SOAP-RFC text.

Layer: ``sap_client``, pure (no XML, no I/O; imports ``errors`` only, never ``fake_sap`` or
``crm_adapter``). ``soap.py`` reads these types from a function's
WSDL and uses the conversions for every value it writes or reads.

The Python side is pyrfc's: CHAR/NUMC ``str``, DATS ``"YYYYMMDD"`` or ``date``, TIMS
``"HHMMSS"`` or ``time``, packed numbers ``Decimal``, INT ``int``, FLTP ``float``, RAW
``bytes``. The wire side is SOAP-RFC's: dates ``YYYY-MM-DD``, times ``HH:MM:SS``, numbers in
plain notation (docs/soap-rfc.md).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from .errors import RFC_CONVERSION_FAILURE, RFCTypeError

# -- types -----------------------------------------------------------------------------------

class Kind(StrEnum):
    """RFC type of a parameter or field, named as pyrfc's function descriptions name it."""

    CHAR = "RFCTYPE_CHAR"
    STRING = "RFCTYPE_STRING"
    NUM = "RFCTYPE_NUM"
    DATE = "RFCTYPE_DATE"
    TIME = "RFCTYPE_TIME"
    BCD = "RFCTYPE_BCD"
    INT = "RFCTYPE_INT"
    FLOAT = "RFCTYPE_FLOAT"
    BYTE = "RFCTYPE_BYTE"
    STRUCTURE = "RFCTYPE_STRUCTURE"
    TABLE = "RFCTYPE_TABLE"


@dataclass(frozen=True)
class RfcType:
    """An RFC type: elementary (with length/decimals), a structure, or a table of rows."""

    kind: Kind
    name: str = ""
    length: int = 0
    decimals: int = 0
    #: components of a structure (in order); for a table: its row type's components
    fields: Mapping[str, RfcType] = field(default_factory=dict)
    #: the row type of a table
    row: RfcType | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    #: RFC_IMPORT, RFC_EXPORT, RFC_CHANGING or RFC_TABLES (pyrfc's direction names)
    direction: str
    type: RfcType
    optional: bool

    @property
    def is_input(self) -> bool:
        return self.direction != "RFC_EXPORT"

    @property
    def is_output(self) -> bool:
        return self.direction != "RFC_IMPORT"


@dataclass(frozen=True)
class FunctionDescription:
    """The interface of one function module as its WSDL declares it."""

    name: str
    parameters: tuple[Parameter, ...]

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    @property
    def outputs(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.is_output)


@dataclass(frozen=True)
class DecodeOptions:
    """pyrfc's result options: ``rstrip`` CHAR values, ``dtime`` date/time objects."""

    rstrip: bool = True
    dtime: bool = False


# -- Python -> wire ---------------------------------------------------------------------------

def type_error(path: str, reason: str, value: Any) -> RFCTypeError:
    """The error for a value that does not fit; ``path`` names it (``HEADDATA-MATERIAL``)."""
    return RFCTypeError(f"{path}: {reason}, received {value!r:.60} of type "
                        f"{type(value).__name__}", RFC_CONVERSION_FAILURE,
                        "RFC_CONVERSION_FAILURE")


def encode_value(rfc_type: RfcType | None, value: Any, path: str) -> str:
    """The wire text of an elementary value: dates ``YYYY-MM-DD``, times ``HH:MM:SS``,
    numbers in plain notation. Raises :class:`RFCTypeError` like pyrfc does on input."""
    if rfc_type is None:
        return _encode_untyped(value, path)
    kind = rfc_type.kind
    if kind is Kind.DATE:
        return _encode_date(value, path)
    if kind is Kind.TIME:
        return _encode_time(value, path)
    if kind in (Kind.CHAR, Kind.STRING):
        if not isinstance(value, str):
            raise type_error(path, "a string is required", value)
        return value
    if kind is Kind.NUM:
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str) or (text.strip() and not text.strip().isdigit()):
            raise type_error(path, "a numeric string is required", value)
        return text.strip()
    if kind is Kind.BCD:
        return _encode_decimal(value, path)
    if kind is Kind.INT:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise type_error(path, "an integer is required", value)
        try:
            return str(int(value))
        except ValueError:
            raise type_error(path, "an integer is required", value) from None
    if kind is Kind.FLOAT:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
            raise type_error(path, "a number is required", value)
        try:
            return repr(float(value))
        except ValueError:
            raise type_error(path, "a number is required", value) from None
    if kind is Kind.BYTE:
        if not isinstance(value, bytes | bytearray):
            raise type_error(path, "bytes are required", value)
        return base64.b64encode(bytes(value)).decode("ascii")
    raise type_error(path, f"an elementary value cannot fill a {kind.name}", value)


def _encode_untyped(value: Any, path: str) -> str:
    if isinstance(value, bool) or value is None:
        raise type_error(path, "a string, number, date or time is required", value)
    if isinstance(value, datetime | date):
        return _encode_date(value, path)
    if isinstance(value, time):
        return _encode_time(value, path)
    if isinstance(value, Decimal | float):
        return _encode_decimal(value, path)
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def _encode_date(value: Any, path: str) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if not value:
        return "0000-00-00"  # pyrfc treats a falsy date as initial
    if not isinstance(value, str):
        raise type_error(path, "a date or a string YYYYMMDD is required", value)
    digits = value.replace("-", "") if len(value) == 10 else value
    if digits == "00000000":
        return "0000-00-00"
    try:
        return datetime.strptime(digits, "%Y%m%d").date().isoformat()
    except ValueError:
        raise type_error(path, "a date or a string YYYYMMDD is required", value) from None


def _encode_time(value: Any, path: str) -> str:
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if not value:
        return "00:00:00"
    if not isinstance(value, str):
        raise type_error(path, "a time or a string HHMMSS is required", value)
    digits = value.replace(":", "") if len(value) == 8 else value
    try:
        return datetime.strptime(digits, "%H%M%S").strftime("%H:%M:%S")
    except ValueError:
        raise type_error(path, "a time or a string HHMMSS is required", value) from None


def _encode_decimal(value: Any, path: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise type_error(path, "a number is required", value)
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise type_error(path, "a number is required", value) from None
    if not number.is_finite():
        raise type_error(path, "a finite number is required", value)
    return f"{number:f}"


# -- wire -> Python ---------------------------------------------------------------------------

def decode_text(rfc_type: RfcType, text: str | None, options: DecodeOptions) -> Any:
    """An elementary value from its wire text, with pyrfc's Python types: CHAR/NUMC ``str``,
    DATS ``"YYYYMMDD"`` (``date`` with dtime), TIMS ``"HHMMSS"`` (``time`` with dtime), BCD
    ``Decimal``, INT ``int``, FLOAT ``float``, RAW ``bytes``."""
    text = text or ""
    kind = rfc_type.kind
    try:
        if kind is Kind.CHAR:
            return text.rstrip() if options.rstrip else text.ljust(rfc_type.length)
        if kind is Kind.NUM:
            return text.strip().zfill(rfc_type.length)
        if kind is Kind.DATE:
            return _decode_date(text.strip(), options)
        if kind is Kind.TIME:
            return _decode_time(text.strip(), options)
        if kind is Kind.BCD:
            return _decode_decimal(text.strip(), rfc_type.decimals)
        if kind is Kind.INT:
            return int(text.strip() or 0)
        if kind is Kind.FLOAT:
            return float(text.strip() or 0)
        if kind is Kind.BYTE:
            return base64.b64decode(text.strip(), validate=True)
    except (ValueError, InvalidOperation) as error:
        raise RFCTypeError(f"SAP sent {text[:60]!r} for a {kind.name} value: {error}",
                           RFC_CONVERSION_FAILURE, "RFC_CONVERSION_FAILURE") from None
    return text


def _decode_date(text: str, options: DecodeOptions) -> date | str | None:
    digits = text.replace("-", "")
    if digits in ("", "00000000"):
        return None if options.dtime else ""
    if options.dtime:
        return datetime.strptime(digits, "%Y%m%d").date()
    return digits


def _decode_time(text: str, options: DecodeOptions) -> time | str:
    digits = text.replace(":", "") or "000000"
    if options.dtime:
        return datetime.strptime(digits, "%H%M%S").time()
    return digits


def _decode_decimal(text: str, decimals: int) -> Decimal:
    if not text:
        return Decimal(0).quantize(Decimal(1).scaleb(-decimals))
    if text.endswith("-"):  # ABAP writes the sign behind the number
        text = "-" + text[:-1].strip()
    return Decimal(text)
