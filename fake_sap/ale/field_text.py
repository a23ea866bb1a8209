"""How a master-table value is written into a field of an outbound master-data segment.

Layer: ALE. SAP fills the character fields of MATMAS/DEBMAS segments from the table fields
with ABAP's MOVE rules, so a field's form follows the dictionary type of the table field it
comes from, not the stored text. What a real MATMAS05 written by an SAP ECC system shows
(docs/master-data.md names the sample):

- QUAN and DEC with decimals: all decimals, zero included (BRGEW ``1.000``, VOLUM ``0.000``,
  GEWTO DEC 3,1 ``0.0``);
- DEC and integers without decimals: digits, zero included (STFAK ``0``, PEINH ``1``);
- NUMC: zero-padded to its length, zero included (BLANZ ``000``);
- DATS: the initial date as ``00000000`` (MSTDE);
- CURR: a zero amount as ``0`` (VERPR); the sample shows no non-zero round amount, so a
  non-zero amount leaves as it is stored (STPRS ``4345.97``);
- CHAR-like fields (CHAR, UNIT, CUKY, LANG ...): a blank one is left out.

A negative number gets SAP's trailing minus (``1.500-``), as ABAP writes a packed number
into characters. The formatters are made once per segment field, not once per value: BD10
writes a whole client's master data.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from fake_sap.ddic.types import AbapType, Elementary

#: a stored value (text or NULL) as the text of its segment field
Formatter = Callable[[str | None], str]

#: the types whose blank value is left out of the segment and whose other values leave as
#: they are stored
CHARACTER_TYPES = frozenset({AbapType.CHAR, AbapType.UNIT, AbapType.CUKY, AbapType.LANG,
                             AbapType.CLNT, AbapType.STRING})
_INTEGERS = frozenset({AbapType.INT1, AbapType.INT2, AbapType.INT4})


def formatter(type_: Elementary) -> Formatter | None:
    """The formatter of a segment field filled from a table field of ``type_``; ``None``
    for the character-like types, which need none (blank ones are left out)."""
    kind = type_.type
    if kind in CHARACTER_TYPES:
        return None
    if kind is AbapType.NUMC:
        return _numc(type_.length)
    if kind is AbapType.DATS:
        return _initial_as("00000000")
    if kind is AbapType.TIMS:
        # ABAP's initial time; the sample shows no time field, the rule is the one of DATS
        return _initial_as("000000")
    if kind is AbapType.CURR:
        return _amount
    if kind in (AbapType.DEC, AbapType.QUAN) or kind in _INTEGERS:
        return _packed(type_.decimals if kind not in _INTEGERS else 0)
    # FLTP and anything else: as stored, blank left as blank
    return _as_stored


def _as_stored(value: str | None) -> str:
    return value or ""


def _initial_as(initial: str) -> Formatter:
    def format_initial(value: str | None) -> str:
        return value or initial
    return format_initial


def _numc(length: int) -> Formatter:
    zero = "0" * length

    def format_numc(value: str | None) -> str:
        return value.zfill(length) if value else zero
    return format_numc


def _amount(value: str | None) -> str:
    # a zero amount in any spelling ("0", "0.00", "-0") is "0"
    if not value or not value.strip("0.-"):
        return "0"
    return value


def _packed(decimals: int) -> Formatter:
    quantum = Decimal(1).scaleb(-decimals)
    zero = format(Decimal(0).quantize(quantum), "f")

    def format_packed(value: str | None) -> str:
        if not value:
            return zero
        if _in_packed_form(value, decimals):
            # as the writers store quantities (``1.873``): nothing to convert. The weights
            # of a hundred thousand materials differ, so remembering answers would not help
            return value
        try:
            number = Decimal(value.rstrip("-")) * (-1 if value.endswith("-") else 1)
        except InvalidOperation:  # not a number: the text it is (the writers refuse these)
            return value
        text = format(abs(number).quantize(quantum), "f")
        return text + "-" if number < 0 else text
    return format_packed


def _in_packed_form(value: str, decimals: int) -> bool:
    """Whether ``value`` is already what :func:`_packed` makes of it: ASCII digits without
    a sign or leading zeros, with exactly ``decimals`` decimals (none: no point)."""
    whole, point, fraction = value.partition(".")
    if bool(point) != bool(decimals) or len(fraction) != decimals:
        return False
    if not (whole.isascii() and whole.isdigit()) or (whole[0] == "0" and len(whole) > 1):
        return False
    return not decimals or (fraction.isascii() and fraction.isdigit())
