"""The code tables behind SAP's ISO conversion: units of measurement (T006), currency codes
(TCURC) and countries (T005).

Their rows are the client's customizing, written by ``fake_sap.db.iso_codes`` and read by the
ISO conversion (docs/iso-codes.md lists the entries and where they come from). T006 and TCURC
declare SAP's full field lists; T005 the fields its public listings show in full. The
integer and floating-point fields of T006 are kept in number columns.
"""

from __future__ import annotations

from sqlalchemy import Float, Integer

from fake_sap.ddic.tables.declaration import TableDeclaration, data, key
from fake_sap.ddic.types import (
    CLNT,
    DATS,
    INT4,
    LANG,
    AbapType,
    Elementary,
    char,
    cuky,
    dec,
    numc,
    unit,
)

_INT2 = Elementary(AbapType.INT2, 5)
_FLTP = Elementary(AbapType.FLTP, 16, 16)
_FLAG = char(1)


def _mandt() -> tuple:  # type: ignore[type-arg]
    return (key("MANDT", CLNT, "Client", check_table="T000"),)


T006 = TableDeclaration(
    "T006", "Units of Measurement",
    (
        *_mandt(),
        key("MSEHI", unit(), "Unit of Measurement", element=""),
        data("KZEX3", _FLAG, "3-char indicator for external unit of measurement"),
        data("KZEX6", _FLAG, "6-char. ID for external unit of measurement"),
        data("ANDEC", _INT2, "No. of decimal places to which rounding should be performed",
             stored_type=Integer()),
        data("KZKEH", _FLAG, "Commercial measurement unit ID"),
        data("KZWOB", _FLAG, "Value-based commitment indicator"),
        data("KZ1EH", _FLAG, "Indicator (1) unit (indicator not yet defined)"),
        data("KZ2EH", _FLAG, "Indicator (2) unit (indicator not yet defined)"),
        data("DIMID", char(6), "Dimension key"),
        data("ZAEHL", INT4, "Numerator for conversion to SI unit",
             stored_type=Integer()),
        data("NENNR", INT4, "Denominator for conversion into SI unit",
             stored_type=Integer()),
        data("EXP10", _INT2, "base ten exponent for conversion to SI unit",
             stored_type=Integer()),
        # DEC 9,6 kept as canonical decimal text in the column of its first revision
        data("ADDKO", dec(9, 6), "Additive constant for conversion to SI unit",
             stored_length=12),
        data("EXPON", _INT2, "Base ten exponent for floating-point display",
             stored_type=Integer()),
        data("DECAN", _INT2, "Number of decimal places for number display",
             stored_type=Integer()),
        data("ISOCODE", char(3), "ISO code for unit of measurement", check_table="T006I"),
        data("PRIMARY", _FLAG, "Selection field for conversion from ISO code to int. code"),
        data("TEMP_VALUE", _FLTP, "Temperature", stored_type=Float()),
        data("TEMP_UNIT", unit(), "Temperature unit", element=""),
        data("FAMUNIT", _FLAG, "Unit of measurement family"),
        data("PRESS_VAL", _FLTP, "Pressure Value", stored_type=Float()),
        data("PRESS_UNIT", unit(), "Unit of Pressure", element=""),
    ),
    source=("leanx.eu, \"SAP Table T006\" (https://www.leanx.eu/en/sap/table/t006.html); "
            "stechno.net, \"SAP Table T006 - Units of Measurement\"; datapanda.eu, \"SAP "
            "table T006\"; they agree on the names, types and lengths"),
    notes=("SAP's full field list (ECC 6.0). The check table of ISOCODE (T006I) is from "
           "sapdatasheet.org, data element ISOCD_UNIT."),
    first_columns=("mandt", "msehi", "kzex3", "kzex6", "andec", "kzkeh", "kzwob", "kz1eh",
                   "kz2eh", "dimid", "zaehl", "nennr", "exp10", "addko", "expon", "decan",
                   "isocode", "primary", "temp_value", "temp_unit", "famunit", "press_val",
                   "press_unit"),
)

TCURC = TableDeclaration(
    "TCURC", "Currency Codes",
    (
        *_mandt(),
        key("WAERS", cuky(), "Currency Key"),
        data("ISOCD", char(3), "ISO currency code"),
        data("ALTWR", char(3), "Alternative key for currencies"),
        data("GDATU", DATS, "Date until which the alternative key is valid"),
        data("XPRIMARY", _FLAG, "Primary SAP Currency Code for ISO Code"),
    ),
    source=("a CAP CDS model of SAP's unit and currency tables published on GitHub (the copy "
            "consulted does not show the repository's name): entity TCURC with MANDT, WAERS "
            "(keys), ISOCD, ALTWR, GDATU and XPRIMARY in this order, with their lengths (3, 5, "
            "3, 3, 8, 1); the same model's T006 has the fields of the T006, in the same order, "
            "declared here from leanx.eu and stechno.net. The key MANDT, WAERS and the CUKY "
            "5 of WAERS are confirmed by the check tables of leanx.eu, \"SAP Table TCURR\" "
            "and datapanda.eu, \"SAP table TCURV\""),
    notes=("SAP's full field list as far as that model shows it (6 fields). The model gives "
           "lengths, not DDIC types: GDATU (8 characters) is declared DATS, which no public "
           "listing of TCURC confirms (TCURR's and TCURF's GDATU are CHAR 8, an inverted "
           "date); the short texts are not confirmed by a listing either."),
    first_columns=("mandt", "waers", "isocd", "altwr", "gdatu", "xprimary"),
)

T005 = TableDeclaration(
    "T005", "Countries",
    (
        *_mandt(),
        key("LAND1", char(3), "Country Key", check_table="T005"),
        data("LANDK", char(3), "Vehicle country key"),
        data("LNPLZ", numc(2), "Postal code length"),
        data("PRPLZ", _FLAG, "Rule for the postal code field check"),
        data("ADDRS", char(3), "Formatting routine key for printing addresses",
             check_table="T005A"),
        data("XPLZS", _FLAG, "Flag: Street address postal code required entry?"),
        data("XPLPF", _FLAG, "Flag: PO Box postal code required?"),
        data("SPRAS", LANG, "Language Key", check_table="T002"),
        data("XLAND", _FLAG, "Country version flag"),
        data("XADDR", _FLAG, "Flag: Print country name in foreign addresses?"),
        data("NMFMT", char(2), "Standard name format", check_table="T005N"),
        data("XREGS", _FLAG, "Flag: City file address check"),
        data("XPLST", _FLAG, "Flag: Street-specific postal code? (City file)"),
        data("INTCA", char(2), "Country ISO code"),
        data("INTCA3", char(3), "ISO country code 3 char"),
        data("INTCN3", numc(3), "ISO Country Code Numeric 3-Characters"),
        data("XEGLD", _FLAG, "Indicator: European Union Member?"),
        data("XSKFN", _FLAG, "Indicator: Discount base amount is the net value"),
        data("XMWSN", _FLAG, "Indicator: Base amount for tax is net of discount ?"),
        data("LNBKN", numc(2), "Bank account number length", kept=False),
        data("PRBKN", _FLAG, "Rule for checking bank account number field", kept=False),
        data("LNBLZ", numc(2), "Bank number length", kept=False),
        data("PRBLZ", _FLAG, "Rule for checking bank number field", kept=False),
    ),
    source=("stechno.net, \"SAP Table T005\" "
            "(https://www.stechno.net/repository/sap-tables.html?id=T005); leanx.eu, \"SAP "
            "Table T005\" (https://leanx.eu/en/sap/table/t005.html); datapanda.eu, \"SAP "
            "table T005\" (https://datapanda.eu/en/sap/table/T005)"),
    notes=("The first 24 fields of SAP's T005, in SAP's order, on which the listings agree "
           "(through PRBLZ, the bank number check). saplearners.com (\"T005 table in SAP\") "
           "counts 65 fields in S/4HANA; the fields after PRBLZ (the post office bank, tax "
           "and address layout settings ...) are not declared yet: the listings seen were "
           "cut off there."),
    first_columns=("mandt", "land1", "landk", "lnplz", "prplz", "addrs", "xplzs", "xplpf",
                   "spras", "xland", "xaddr", "nmfmt", "xregs", "xplst", "intca", "intca3",
                   "intcn3", "xegld", "xskfn", "xmwsn"),
)

TABLES = (T006, TCURC, T005)
