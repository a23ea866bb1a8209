"""SAP conversion exits: between the values people see and the values BAPIs take.

Layer: ``sap_client``, pure functions (standard library only; never ``fake_sap`` or
``crm_adapter``). RFC and BAPI callers must send the **internal** format: keys with leading
zeros (ALPHA, MATN1), German-based internal codes for units, order types and partner
functions (CUNIT ``ST``, AUART ``TA``, PARVW ``AG``).
``*_input`` converts external → internal (CONVERSION_EXIT_xxx_INPUT), ``*_output``
internal → external.

The code maps are SAP's standard English translations; a landscape may translate more
codes or differently (T006A, TAUUM, TPAUM are customizing), so each map is a
:class:`CodeMap` that can be extended. Codes a map does not know pass through unchanged,
as they do in SAP for codes whose external and internal forms are the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

ALPHA_LENGTH = 10  # KUNNR, LIFNR, VBELN ...
MATN1_LENGTH = 18  # MATNR in R/3 and ECC (40 in S/4HANA)


def alpha_input(value: str, length: int = ALPHA_LENGTH) -> str:
    """CONVERSION_EXIT_ALPHA_INPUT: a purely numeric value is right-aligned with leading
    zeros (``"1000"`` → ``"0000001000"``); anything else stays as entered."""
    text = value.strip()
    if len(text) > length:
        raise ValueError(f"'{text}' is longer than {length} characters")
    if text.isdigit() and text.isascii():
        return text.zfill(length)
    return text


def alpha_output(value: str) -> str:
    """CONVERSION_EXIT_ALPHA_OUTPUT: leading zeros of a numeric value are removed
    (``"0000001000"`` → ``"1000"``); anything else stays as it is."""
    text = value.strip()
    if text.isdigit() and text.isascii():
        return text.lstrip("0")
    return text


def matn1_input(value: str, length: int = MATN1_LENGTH) -> str:
    """CONVERSION_EXIT_MATN1_INPUT: a numeric material number is right-aligned with zeros
    to 18 characters; an alphanumeric one (``"SP-100"``) stays left-aligned as entered."""
    return alpha_input(value, length)


def matn1_output(value: str) -> str:
    """CONVERSION_EXIT_MATN1_OUTPUT: ``"000000000010000001"`` → ``"10000001"``."""
    return alpha_output(value)


def sap_number(text: str) -> Decimal:
    """A packed number as IDocs and RFC_READ_TABLE write it: ``1234.50``, with ABAP's minus
    sign behind it (``5.00-``); blank is 0. ValueError for anything else."""
    value = text.strip() or "0"
    if value.endswith("-"):
        value = "-" + value[:-1]
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None


@dataclass(frozen=True)
class CodeMap:
    """A conversion exit between internal and external codes (a 1:1 translation)."""

    name: str
    internal_to_external: Mapping[str, str]
    _external_to_internal: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        reverse = {external: internal for internal, external in self.internal_to_external.items()}
        if len(reverse) != len(self.internal_to_external):
            raise ValueError(f"{self.name}: two internal codes share an external code")
        object.__setattr__(self, "_external_to_internal", reverse)

    def input(self, external: str) -> str:
        """External → internal; an unknown code is returned unchanged."""
        code = external.strip()
        return self._external_to_internal.get(code, code)

    def output(self, internal: str) -> str:
        """Internal → external; an unknown code is returned unchanged."""
        code = internal.strip()
        return self.internal_to_external.get(code, code)

    def extended(self, internal_to_external: Mapping[str, str]) -> CodeMap:
        """This map with more (or different) translations, e.g. a landscape's own codes."""
        return CodeMap(self.name, {**self.internal_to_external, **internal_to_external})


#: CUNIT, units of measure (T006A, English): ST "Stück" is PC "piece"
CUNIT = CodeMap("CUNIT", {"ST": "PC"})

#: AUART, sales document types (TAUUM, English)
AUART = CodeMap("AUART", {
    "TA": "OR",    # standard order
    "AF": "IN",    # inquiry
    "AG": "QT",    # quotation
    "SO": "RO",    # rush order
    "BV": "CS",    # cash sale
    "G2": "CR",    # credit memo request
    "L2": "DR",    # debit memo request
    "KL": "FD",    # free-of-charge delivery
    "KN": "SDF",   # subsequent free-of-charge delivery
    "KB": "CF",    # consignment fill-up
    "KE": "CI",    # consignment issue
    "KR": "CONR",  # consignment returns
    "KA": "CP",    # consignment pick-up
    "KM": "QC",    # quantity contract
    "LP": "DS",    # scheduling agreement
    # RE (returns) is RE in both forms
})

#: PARVW, partner functions (TPAUM, English)
PARVW = CodeMap("PARVW", {
    "AG": "SP",  # sold-to party
    "WE": "SH",  # ship-to party
    "RE": "BP",  # bill-to party
    "RG": "PY",  # payer
    "AP": "CP",  # contact person
    "VE": "ER",  # employee responsible (sales employee)
    "SP": "CR",  # forwarding agent (carrier)
})


#: ISO codes of units of measure (T006-ISOCODE, UN/ECE Recommendation 20), as SAP's ALE layer
#: writes them into IDocs (E1MARAM-MEINS ``PCE``, E1EDP01-MENEE ``KGM``); the "external" side
#: of this map is the ISO code. Only the unit flagged primary for an ISO code is listed, so
#: that the map stays one-to-one (SAP's UNIT_OF_MEASURE_ISO_TO_SAP picks that one too).
ISO_UNIT = CodeMap("ISO_UNIT", {
    "ST": "PCE",   # piece
    "EA": "EA",    # each
    "KG": "KGM",   # kilogram
    "G": "GRM",    # gram
    "L": "LTR",    # litre
    "M": "MTR",    # metre
    "BOX": "BX",   # box
    "SET": "SET",  # set
    "PAK": "PK",   # pack
})


def unit_from_iso(iso: str) -> str:
    """An ISO unit code as SAP's internal unit (``PCE`` → ``ST``); unknown codes, and
    internal codes sent as they are, pass unchanged."""
    return ISO_UNIT.input(iso)


def unit_to_iso(internal: str) -> str:
    """An internal unit as its ISO code (``ST`` → ``PCE``); unknown units pass unchanged."""
    return ISO_UNIT.output(internal)


def cunit_input(external: str) -> str:
    return CUNIT.input(external)


def cunit_output(internal: str) -> str:
    return CUNIT.output(internal)


def auart_input(external: str) -> str:
    return AUART.input(external)


def auart_output(internal: str) -> str:
    return AUART.output(internal)


def parvw_input(external: str) -> str:
    return PARVW.input(external)


def parvw_output(internal: str) -> str:
    return PARVW.output(internal)
