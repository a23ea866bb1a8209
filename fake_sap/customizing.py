"""Baseline customizing every new client gets (what SPRO would hold in a real system).

Kept as data, keyed by the SAP table it stands for, so that a later ``RFC_READ_TABLE`` or
the docs can show it as it is.
"""

from __future__ import annotations

from typing import Any

#: the entries kept in the client's ``customizing`` table, per SAP table. The code tables of
#: the ISO conversion (T006, TCURC, T005) are not among them: they are tables of their own
#: (UNITS, CURRENCIES, COUNTRIES below; ``fake_sap.db.iso_codes``), the one source the checks
#: read, and maintained per client through the control API.
STORED: dict[str, dict[str, dict[str, Any]]] = {
    # company codes
    "T001": {"1000": {"BUTXT": "Service company", "WAERS": "CNY", "LAND1": "CN",
                      "KKBER": "1000"}},
    # sales organizations, distribution channels, divisions, sales areas
    "TVKO": {"1000": {"VTEXT": "Sales org. China", "BUKRS": "1000", "WAERS": "CNY"}},
    "TVTW": {"10": {"VTEXT": "Final customer sales"}},
    "TSPA": {"00": {"VTEXT": "Cross-division"}},
    "TVTA": {"1000/10/00": {}},
    # plants and storage locations
    "T001W": {
        "1000": {"NAME1": "Central warehouse", "BWKEY": "1000", "VKORG": "1000"},
        "1100": {"NAME1": "Provincial warehouse", "BWKEY": "1100", "VKORG": "1000"},
    },
    "T001L": {"1000/0001": {"LGOBE": "Main store"}, "1100/0001": {"LGOBE": "Main store"}},
    # shipping points, credit control areas
    "TVST": {"1000": {"VTEXT": "Shipping point central", "WERKS": "1000"}},
    "T014": {"1000": {"RTEXT": "Credit control China", "WAERS": "CNY"}},
    # material types
    "T134": {t: {} for t in ("FERT", "HAWA", "ROH", "HALB", "ERSA", "DIEN", "NLAG", "VERP")},
    # customer account groups: provincial centers and outlets are both customers
    "T077D": {
        "0001": {"TXT30": "Sold-to party"},
        "ZPC": {"TXT30": "Provincial center"},
        "ZOUT": {"TXT30": "Outlet"},
    },
    # partner functions; ZP links an outlet to the provincial center it belongs to
    "TPAR": {
        "AG": {"VTEXT": "Sold-to party"},
        "WE": {"VTEXT": "Ship-to party"},
        "RE": {"VTEXT": "Bill-to party"},
        "RG": {"VTEXT": "Payer"},
        "ZP": {"VTEXT": "Provincial center"},
    },
}

#: units of measure (T006): the fields beyond the key, per internal unit (MSEHI). ISOCODE is the
#: UN/ECE Recommendation 20 code; PRIMARY marks the unit an ISO code converts back to when
#: several units share it (PC and ST are both PCE; PCE comes in as ST). docs/iso-codes.md
#: names the sources and which entries are the emulator's own.
_PIECES = {"DIMID": "AAAADL", "ZAEHL": 1, "NENNR": 1, "EXP10": 0}
UNITS: dict[str, dict[str, Any]] = {
    "ST": {**_PIECES, "ISOCODE": "PCE", "PRIMARY": "X"},
    "PC": {**_PIECES, "ISOCODE": "PCE", "PRIMARY": ""},
    "EA": {**_PIECES, "ISOCODE": "EA", "PRIMARY": "X"},
    "KG": {"DIMID": "MASS", "ZAEHL": 1, "NENNR": 1, "EXP10": 0, "ISOCODE": "KGM",
           "PRIMARY": "X"},
    "G": {"DIMID": "MASS", "ZAEHL": 1, "NENNR": 1, "EXP10": -3, "ISOCODE": "GRM",
          "PRIMARY": "X"},
    "L": {"DIMID": "VOLUME", "ZAEHL": 1, "NENNR": 1, "EXP10": -3, "ISOCODE": "LTR",
          "PRIMARY": "X"},
    "M": {"DIMID": "LENGTH", "ZAEHL": 1, "NENNR": 1, "EXP10": 0, "ISOCODE": "MTR",
          "PRIMARY": "X"},
    "BOX": {**_PIECES, "ISOCODE": "BX", "PRIMARY": "X"},
    "SET": {**_PIECES, "ISOCODE": "SET", "PRIMARY": "X"},
    "PAK": {**_PIECES, "ISOCODE": "PK", "PRIMARY": "X"},
}

#: currency codes (TCURC): ISOCD is the ISO 4217 code, ALTWR its numeric code, XPRIMARY marks
#: the currency an ISO code converts back to
CURRENCIES: dict[str, dict[str, Any]] = {
    "CNY": {"ISOCD": "CNY", "ALTWR": "156", "GDATU": "", "XPRIMARY": "X"},
    "EUR": {"ISOCD": "EUR", "ALTWR": "978", "GDATU": "", "XPRIMARY": "X"},
    "USD": {"ISOCD": "USD", "ALTWR": "840", "GDATU": "", "XPRIMARY": "X"},
}

#: countries (T005): INTCA / INTCA3 / INTCN3 are the ISO 3166 alpha-2, alpha-3 and numeric
#: codes; the other fields are left initial (no public listing of SAP's delivered rows)
COUNTRIES: dict[str, dict[str, Any]] = {
    "CN": {"INTCA": "CN", "INTCA3": "CHN", "INTCN3": "156"},
    "DE": {"INTCA": "DE", "INTCA3": "DEU", "INTCN3": "276", "XEGLD": "X"},
    "US": {"INTCA": "US", "INTCA3": "USA", "INTCN3": "840"},
}

#: the whole baseline customizing by SAP table, as SPRO would show it: the stored entries and
#: the units of measure (T006), whose keys are those of UNITS (not a second list to keep in
#: step with it)
BASELINE: dict[str, dict[str, dict[str, Any]]] = {**STORED, "T006": {u: {} for u in UNITS}}

#: the partner function that carries "outlet belongs to provincial center" (KNVP-PARVW)
PROVINCIAL_CENTER_PARTNER_FUNCTION = "ZP"


def sales_area_key(vkorg: str, vtweg: str, spart: str) -> str:
    return f"{vkorg}/{vtweg}/{spart}"


def storage_location_key(werks: str, lgort: str) -> str:
    return f"{werks}/{lgort}"
