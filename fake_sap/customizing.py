"""Baseline customizing every new client gets (what SPRO would hold in a real system).

Kept as data, keyed by the SAP table it stands for, so that a later ``RFC_READ_TABLE`` or
the docs can show it as it is.
"""

from __future__ import annotations

from typing import Any

BASELINE: dict[str, dict[str, dict[str, Any]]] = {
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
    # material types, units
    "T134": {t: {} for t in ("FERT", "HAWA", "ROH", "HALB", "ERSA", "DIEN", "NLAG", "VERP")},
    "T006": {u: {} for u in ("ST", "PC", "EA", "KG", "G", "L", "M", "BOX", "SET", "PAK")},
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

#: the partner function that carries "outlet belongs to provincial center" (KNVP-PARVW)
PROVINCIAL_CENTER_PARTNER_FUNCTION = "ZP"


def sales_area_key(vkorg: str, vtweg: str, spart: str) -> str:
    return f"{vkorg}/{vtweg}/{spart}"


def storage_location_key(werks: str, lgort: str) -> str:
    return f"{werks}/{lgort}"
