"""The elementary ABAP types (CHAR 18, NUMC 6, DEC 23.4, DATS ...) and their rules, once.

Every interface of the emulator types its fields with these: the SOAP-RFC function modules and
DDIC structures, RFC_READ_TABLE and DDIF_FIELDINFO_GET, and the IDoc segments. The two sides
see a value differently, so the type carries the rules of both:

- Inside a function module a value is in ABAP's internal format: CHAR and NUMC as ``str``
  (NUMC zero-padded), DATS ``"YYYYMMDD"``, TIMS ``"HHMMSS"``, packed numbers as
  :class:`~decimal.Decimal`, integers as ``int``. :meth:`Elementary.coerce` turns wire text (or
  a Python value) into that format and refuses what ABAP's conversion rules would refuse;
  :meth:`Elementary.to_text` writes the SOAP-RFC form (``YYYY-MM-DD``, ``HH:MM:SS``, ``12.500``).
- In an IDoc every field travels as text of the segment's length (a QUAN field is characters,
  with SAP's trailing minus). :meth:`AbapType.check_text` says why such a text is not valid
  (inbound status 60), and :data:`XSD_PATTERNS` is the same rule as an XSD pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from enum import StrEnum

Value = str | int | Decimal | float


class AbapType(StrEnum):
    """The DDIC data types (DFIES-DATATYPE) the emulator's interfaces and segments use."""

    CHAR = "CHAR"
    NUMC = "NUMC"
    DATS = "DATS"
    TIMS = "TIMS"
    DEC = "DEC"
    QUAN = "QUAN"
    CURR = "CURR"
    INT1 = "INT1"
    INT2 = "INT2"
    INT4 = "INT4"
    FLTP = "FLTP"
    UNIT = "UNIT"
    CUKY = "CUKY"
    LANG = "LANG"
    CLNT = "CLNT"
    STRING = "STRING"

    def check_text(self, value: str, length: int) -> str | None:
        """Why ``value``, the text of an IDoc field of ``length`` characters typed with this
        type, is not valid (inbound status 60); ``None`` when it is. Types without a text
        rule of their own (CHAR, UNIT, CUKY, LANG ...) only have the length checked."""
        if len(value) > length:
            return f"value '{value[:60]}' is longer than {length} characters"
        if self is AbapType.NUMC and not value.isdigit():
            return f"value '{value}' is not numeric (NUMC {length})"
        if self is AbapType.DATS:
            return _check_date_text(value)
        if self is AbapType.TIMS:
            return _check_time_text(value)
        if self in PACKED_TYPES:
            return _check_decimal_text(value)
        return None

    @property
    def xsd_pattern(self) -> str | None:
        """The XSD pattern of an IDoc field of this type, the rule of :meth:`check_text`
        as far as a pattern can say it; ``None`` for the types that are plain text."""
        return XSD_PATTERNS.get(self)


_TEXT = {AbapType.CHAR, AbapType.UNIT, AbapType.CUKY, AbapType.LANG, AbapType.CLNT,
         AbapType.STRING}
#: the packed numbers (ABAP type p)
PACKED_TYPES = frozenset({AbapType.DEC, AbapType.QUAN, AbapType.CURR})
#: the types an IDoc segment field is declared with (segment declarations and imported
#: schemas): the character-like ones, as every segment field travels as text
IDOC_FIELD_TYPES = frozenset({AbapType.CHAR, AbapType.NUMC, AbapType.DATS, AbapType.TIMS,
                              AbapType.QUAN, AbapType.CURR, AbapType.DEC, AbapType.UNIT,
                              AbapType.CUKY, AbapType.LANG})
#: the values each integer type holds
INTEGER_RANGES = {AbapType.INT1: (0, 255), AbapType.INT2: (-32768, 32767),
                  AbapType.INT4: (-2**31, 2**31 - 1)}
_FIXED_LENGTH = {AbapType.DATS: 8, AbapType.TIMS: 6, AbapType.INT1: 3, AbapType.INT2: 5,
                 AbapType.INT4: 10, AbapType.FLTP: 16, AbapType.LANG: 1, AbapType.CLNT: 3}
#: the length a declaration that names none gets: the fixed lengths, and the usual ones of
#: unit and currency keys
IMPLIED_LENGTH = {AbapType.UNIT: 3, AbapType.CUKY: 5, AbapType.DATS: 8, AbapType.TIMS: 6,
                  AbapType.LANG: 1, AbapType.FLTP: 16, AbapType.INT4: 10}
#: bytes of the types whose memory is not characters (a string: its reference)
_BINARY_LENGTH = {AbapType.INT1: 1, AbapType.INT2: 2, AbapType.INT4: 4, AbapType.FLTP: 8,
                  AbapType.STRING: 8}
#: ABAP's internal type letters (DFIES-INTTYPE), as RFC_READ_TABLE reports them
_INTERNAL_TYPE = {AbapType.NUMC: "N", AbapType.DATS: "D", AbapType.TIMS: "T",
                  AbapType.DEC: "P", AbapType.QUAN: "P", AbapType.CURR: "P",
                  AbapType.INT1: "b", AbapType.INT2: "s", AbapType.INT4: "I",
                  AbapType.FLTP: "F", AbapType.STRING: "g"}

#: two-letter ISO codes and SAP's one-character language keys (T002); RFC converts between
#: them for LANG fields, so callers may send either
LANGUAGE_KEYS = {"EN": "E", "DE": "D", "FR": "F", "ES": "S", "IT": "I", "JA": "J", "PT": "P",
                 "NL": "N", "RU": "R", "PL": "L", "ZH": "1", "KO": "3"}
LANGUAGE_ISO = {key: iso for iso, key in LANGUAGE_KEYS.items()}


# -- IDoc text: every field travels as characters ----------------------------------------

#: a number as an IDoc carries it in a character field; SAP writes the minus sign behind it
_DECIMAL_TEXT = re.compile(r"^-?\d*(\.\d*)?-?$")
_DECIMAL_PATTERN = r"-?\d*(\.\d*)?-?"
#: the XSD pattern of an IDoc field, for each type that has one (mirrors
#: :meth:`AbapType.check_text`)
XSD_PATTERNS: dict[AbapType, str] = {
    AbapType.NUMC: r"\d*",
    AbapType.DATS: r"\d{8}",
    AbapType.TIMS: r"\d{6}",
    AbapType.QUAN: _DECIMAL_PATTERN,
    AbapType.CURR: _DECIMAL_PATTERN,
    AbapType.DEC: _DECIMAL_PATTERN,
}


def _check_date_text(value: str) -> str | None:
    if value == "00000000":
        return None
    try:
        datetime.strptime(value, "%Y%m%d")
    except ValueError:
        return f"value '{value}' is not a date YYYYMMDD"
    if len(value) != 8:
        return f"value '{value}' is not a date YYYYMMDD"
    return None


def _check_time_text(value: str) -> str | None:
    if len(value) != 6 or not value.isdigit():
        return f"value '{value}' is not a time HHMMSS"
    if int(value[:2]) > 23 or int(value[2:4]) > 59 or int(value[4:]) > 59:
        return f"value '{value}' is not a time HHMMSS"
    return None


def _check_decimal_text(value: str) -> str | None:
    if not _DECIMAL_TEXT.match(value) or not any(c.isdigit() for c in value):
        return f"value '{value}' is not a number"
    try:
        Decimal(value.rstrip("-"))
    except InvalidOperation:
        return f"value '{value}' is not a number"
    return None


class ValueRejected(ValueError):
    """A value that does not convert; ``exception`` is the ABAP exception class SAP raises."""

    def __init__(self, exception: str, reason: str) -> None:
        super().__init__(reason)
        self.exception = exception
        self.reason = reason


NO_NUMBER = "CX_SY_CONVERSION_NO_NUMBER"
OVERFLOW = "CX_SY_CONVERSION_OVERFLOW"
DATA_LOSS = "CX_SY_CONVERSION_DATA_LOSS"
NO_DATE = "CX_SY_CONVERSION_NO_DATE"
NO_TIME = "CX_SY_CONVERSION_NO_TIME"


@dataclass(frozen=True)
class Elementary:
    """An elementary ABAP type: ``CHAR 18``, ``NUMC 6``, ``DEC 23.4``, ``DATS`` ..."""

    type: AbapType
    length: int = 0
    decimals: int = 0

    def __str__(self) -> str:
        if self.type in PACKED_TYPES:
            return f"{self.type.value} {self.length}.{self.decimals}"
        if self.type in (AbapType.CHAR, AbapType.NUMC, AbapType.UNIT, AbapType.CUKY):
            return f"{self.type.value} {self.length}"
        return self.type.value

    @property
    def internal_type(self) -> str:
        return _INTERNAL_TYPE.get(self.type, "C")

    @property
    def ddic_type(self) -> str:
        """The DDIC data type (DFIES-DATATYPE): CHAR, NUMC, QUAN ...; STRG for a string."""
        return "STRG" if self.type is AbapType.STRING else self.type.value

    def internal_length(self, unicode: bool = True) -> int:
        """Bytes the value takes in memory (DFIES-INTLEN, RFC_FUNINT-INTLENGTH): a
        character takes two in a Unicode system (UTF-16), one in a non-Unicode one; a
        packed number of n digits (n + 1) / 2 rounded up; a string is a reference."""
        if self.type in PACKED_TYPES:
            return self.length // 2 + 1
        if self.type in _BINARY_LENGTH:
            return _BINARY_LENGTH[self.type]
        return _FIXED_LENGTH.get(self.type, self.length) * (2 if unicode else 1)

    def alignment(self, unicode: bool = True) -> int:
        """The address a value must start at a multiple of, in a structure (ABAP's
        alignment: i 4, s 2, f 8, deep 8, p 1; characters the size of one)."""
        if self.type in PACKED_TYPES or self.type is AbapType.INT1:
            return 1
        if self.type in _BINARY_LENGTH:
            return _BINARY_LENGTH[self.type]
        return 2 if unicode else 1

    @property
    def width(self) -> int:
        """Characters the value takes in a flat character layout (RFC_READ_TABLE's DATA):
        the dictionary length (DFIES-LENG), for a packed number too; its decimal point is
        not counted, so a value with all its digits does not fit (RFC_READ_TABLE then
        writes ``*`` and the rest, see ``fake_sap.rfc.read_table.format_value``)."""
        return _FIXED_LENGTH.get(self.type, self.length)

    def initial(self) -> Value:
        if self.type is AbapType.NUMC:
            return "0" * self.length
        if self.type is AbapType.DATS:
            return "00000000"
        if self.type is AbapType.TIMS:
            return "000000"
        if self.type in PACKED_TYPES:
            return Decimal(0).quantize(self._quantum)
        if self.type in INTEGER_RANGES:
            return 0
        if self.type is AbapType.FLTP:
            return 0.0
        return ""

    def coerce(self, value: object) -> Value:
        """The internal value for ``value`` (wire text or a Python value); raises
        :class:`ValueRejected` the way ABAP's conversion rules would refuse it."""
        if value is None:
            return self.initial()
        if self.type in _TEXT:
            return self._text(value)
        if self.type is AbapType.NUMC:
            return self._numc(value)
        if self.type is AbapType.DATS:
            return self._date(value)
        if self.type is AbapType.TIMS:
            return self._time(value)
        if self.type in PACKED_TYPES:
            return self._packed(value)
        if self.type in INTEGER_RANGES:
            return self._integer(value)
        return self._float(value)

    def to_text(self, value: Value) -> str:
        """The value as SOAP-RFC writes it: ``YYYY-MM-DD``, ``HH:MM:SS``, ``12.500``."""
        if self.type is AbapType.DATS:
            text = str(value)
            return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
        if self.type is AbapType.TIMS:
            text = str(value)
            return f"{text[:2]}:{text[2:4]}:{text[4:6]}"
        if self.type in PACKED_TYPES:
            with localcontext(prec=self.length + 1):
                number = Decimal(value).quantize(self._quantum) + 0  # + 0: -0 becomes 0
            return f"{number:f}"
        if self.type is AbapType.FLTP:
            return f"{float(value):.16E}"
        return str(value)

    # -- conversions ---------------------------------------------------------------------

    @property
    def _quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)

    def _text(self, value: object) -> str:
        text = str(value)
        if self.type is AbapType.STRING:
            return text
        text = text.rstrip(" ")  # trailing blanks are not part of an ABAP CHAR value
        if self.type is AbapType.LANG:
            return _language_key(text)
        if self.type is AbapType.CLNT and text and not (text.isdigit() and len(text) == 3):
            raise ValueRejected(NO_NUMBER, f"'{text[:20]}' is not a client number")
        if len(text) > self.length:
            raise ValueRejected(DATA_LOSS, f"'{text[:60]}' is longer than {self}")
        return text

    def _numc(self, value: object) -> str:
        text = str(value).strip()
        if not text:
            return self.initial()  # type: ignore[return-value]
        if not text.isdigit() or not text.isascii():
            raise ValueRejected(NO_NUMBER, f"'{text[:60]}' is not numeric ({self})")
        if len(text.lstrip("0")) > self.length:
            raise ValueRejected(OVERFLOW, f"'{text[:60]}' does not fit {self}")
        return text[-self.length:].zfill(self.length)

    def _date(self, value: object) -> str:
        if isinstance(value, datetime | date):
            return value.strftime("%Y%m%d")
        text = str(value).strip()
        digits = text.replace("-", "") if len(text) == 10 and text[4] == "-" else text
        if digits in ("", "00000000"):
            return "00000000"
        try:
            if len(digits) != 8:
                raise ValueError
            datetime.strptime(digits, "%Y%m%d")
        except ValueError:
            raise ValueRejected(NO_DATE, f"'{text[:30]}' is not a date YYYY-MM-DD") from None
        return digits

    def _time(self, value: object) -> str:
        if isinstance(value, time):
            return value.strftime("%H%M%S")
        text = str(value).strip()
        digits = text.replace(":", "") if len(text) == 8 and text[2] == ":" else text
        if digits == "":
            return "000000"
        try:
            if len(digits) != 6:
                raise ValueError
            datetime.strptime(digits, "%H%M%S")
        except ValueError:
            raise ValueRejected(NO_TIME, f"'{text[:30]}' is not a time HH:MM:SS") from None
        return digits

    def _packed(self, value: object) -> Decimal:
        if isinstance(value, float):
            value = repr(value)
        text = str(value).strip()
        if not text:
            return self.initial()  # type: ignore[return-value]
        if text.endswith("-"):  # SAP writes the sign behind the number
            text = "-" + text[:-1].strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueRejected(NO_NUMBER, f"'{text[:60]}' is not a number ({self})") from None
        if not number.is_finite():
            raise ValueRejected(NO_NUMBER, f"'{text[:60]}' is not a number ({self})")
        integer_places = self.length - self.decimals
        # refused before rounding: quantize() itself fails on a number with more digits
        # than the decimal context holds (28), which a DEC 31.9 would otherwise reach
        if number and number.adjusted() >= integer_places:
            raise ValueRejected(OVERFLOW, f"{text[:60]} does not fit {self}")
        with localcontext(prec=self.length + 1):
            number = number.quantize(self._quantum, rounding=ROUND_HALF_UP)
        if number and number.adjusted() >= integer_places:  # rounded up: 99.9995 to 100.000
            raise ValueRejected(OVERFLOW, f"{text[:60]} does not fit {self}")
        return number

    def _integer(self, value: object) -> int:
        if isinstance(value, bool):
            raise ValueRejected(NO_NUMBER, f"{value} is not an integer")
        text = str(value).strip()
        if not text:
            return 0
        try:
            number = int(text)
        except ValueError:
            raise ValueRejected(NO_NUMBER, f"'{text[:60]}' is not an integer ({self})") \
                from None
        low, high = INTEGER_RANGES[self.type]
        if not low <= number <= high:
            raise ValueRejected(OVERFLOW, f"{number} does not fit {self}")
        return number

    def _float(self, value: object) -> float:
        try:
            return float(str(value).strip() or 0)
        except ValueError:
            raise ValueRejected(NO_NUMBER, f"'{str(value)[:60]}' is not a number") from None


def _language_key(text: str) -> str:
    if len(text) <= 1:
        return text.upper()
    if text.upper() in LANGUAGE_KEYS:
        return LANGUAGE_KEYS[text.upper()]
    raise ValueRejected(DATA_LOSS, f"'{text[:20]}' is neither a language key nor a known "
                                   "ISO language code")


# -- compact type constructors, so declarations read like SE11 ---------------------------

def char(length: int) -> Elementary:
    return Elementary(AbapType.CHAR, length)


def numc(length: int) -> Elementary:
    return Elementary(AbapType.NUMC, length)


def dec(length: int, decimals: int = 0) -> Elementary:
    return Elementary(AbapType.DEC, length, decimals)


def quan(length: int, decimals: int = 3) -> Elementary:
    return Elementary(AbapType.QUAN, length, decimals)


def curr(length: int, decimals: int = 2) -> Elementary:
    return Elementary(AbapType.CURR, length, decimals)


def unit() -> Elementary:
    return Elementary(AbapType.UNIT, IMPLIED_LENGTH[AbapType.UNIT])


def cuky() -> Elementary:
    return Elementary(AbapType.CUKY, IMPLIED_LENGTH[AbapType.CUKY])


DATS = Elementary(AbapType.DATS, 8)
TIMS = Elementary(AbapType.TIMS, 6)
INT4 = Elementary(AbapType.INT4, 10)
LANG = Elementary(AbapType.LANG, 1)
CLNT = Elementary(AbapType.CLNT, 3)
FLAG = char(1)
