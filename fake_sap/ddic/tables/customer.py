"""The customer master tables: KNA1, KNVV, KNVP, KNB1 and KNKK.

Each declares its fields in SAP's order, with SAP's types and lengths: KNA1 and KNVV every
field a public listing confirms and every field their DEBMAS07 segments carry; KNVP, KNB1
and KNKK the fields the emulator's processes keep (the others are not declared yet).
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import REQUIRED, TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, LANG, char, cuky, curr, dec, numc

_LEANX = "leanx.eu, \"SAP Table {name}\" (https://www.leanx.eu/en/sap/table/{lower}.html)"
_SUBSET = ("A subset of SAP's fields: the ones the emulator's processes keep, in SAP's order "
           "and with SAP's types and lengths. The others are not declared yet.")
_CREDIT = curr(15)


def _listing(name: str) -> str:
    return _LEANX.format(name=name, lower=name.lower())


def _head() -> tuple:  # type: ignore[type-arg]
    return (key("MANDT", CLNT, "Client"), key("KUNNR", char(10), "Customer Number"))


def _sales_area() -> tuple:  # type: ignore[type-arg]
    return (key("VKORG", char(4), "Sales Organization"),
            key("VTWEG", char(2), "Distribution Channel"),
            key("SPART", char(2), "Division"))


KNA1 = TableDeclaration(
    "KNA1", "General Data in Customer Master",
    (
        *_head(),
        data("LAND1", char(3), "Country Key"),
        data("NAME1", char(35), "Name 1", initial=REQUIRED),
        data("NAME2", char(35), "Name 2"),
        data("ORT01", char(35), "City"),
        data("PSTLZ", char(10), "Postal Code"),
        data("REGIO", char(3), "Region (State, Province, County)"),
        data("SORTL", char(10), "Sort field"),
        data("STRAS", char(35), "House number and street"),
        data("TELF1", char(16), "First telephone number"),
        data("TELFX", char(31), "Fax Number"),
        data("XCPDK", char(1), "Indicator: Is the account a one-time account?"),
        data("ADRNR", char(10), "Address"),
        data("MCOD1", char(25), "Search term for matchcode search"),
        data("MCOD2", char(25), "Search Term for Matchcode Search"),
        data("MCOD3", char(25), "Search term for matchcode search"),
        data("ANRED", char(15), "Title"),
        data("AUFSD", char(2), "Central order block for customer"),
        data("BAHNE", char(25), "Express train station"),
        data("BAHNS", char(25), "Train station"),
        data("BBBNR", numc(7), "International location number (part 1)"),
        data("BBSNR", numc(5), "International location number (Part 2)"),
        data("BEGRU", char(4), "Authorization Group"),
        data("BRSCH", char(4), "Industry key"),
        data("BUBKZ", numc(1), "Check digit for the international location number"),
        data("DATLT", char(14), "Data communication line no."),
        data("ERDAT", DATS, "Date on which the Record Was Created", initial=REQUIRED),
        data("ERNAM", char(12), "Name of Person who Created the Object"),
        data("EXABL", char(1), "Indicator: Unloading points exist"),
        data("FAKSD", char(2), "Central billing block for customer"),
        data("FISKN", char(10), "Account number of the master record with the fiscal address"),
        data("KNAZK", char(2), "Working Time Calendar"),
        data("KNRZA", char(10), "Account number of an alternative payer"),
        data("KONZS", char(10), "Group key"),
        data("KTOKD", char(4), "Customer Account Group", initial=REQUIRED),
        # the fields after KTOKD: those segment E1KNA1M carries, in its order (see notes)
        data("KUKLA", char(2), "Customer classification"),
        data("LIFNR", char(10), "Account Number of Vendor or Creditor"),
        data("LIFSD", char(2), "Central delivery block for the customer"),
        data("LOCCO", char(10), "City Coordinates"),
        data("LOEVM", char(1), "Central Deletion Flag for Master Record"),
        data("NAME3", char(35), "Name 3"),
        data("NAME4", char(35), "Name 4"),
        data("NIELS", char(2), "Nielsen ID"),
        data("ORT02", char(35), "District"),
        data("PFACH", char(10), "PO Box"),
        data("PSTL2", char(10), "P.O. Box Postal Code"),
        data("SPRAS", LANG, "Language Key"),
        data("STCD1", char(16), "Tax Number 1"),
        data("STCEG", char(20), "VAT Registration Number"),
    ),
    source=("stechno.net, \"SAP Table KNA1 - General Data in Customer Master\" "
            "(https://stechno.net/repository/sap-tables.html?id=KNA1) and datapanda.eu, "
            "\"SAP table KNA1\" (https://datapanda.eu/en/sap/table/KNA1): MANDT to KTOKD in "
            "SAP's order with their types and lengths. The fields after KTOKD: beyondse16.com, "
            "\"Complete segment and field list of SAP IDoc DEBMAS01\" (segment E1KNA1M, which "
            "carries them with their KNA1 lengths, in KNA1's alphabetical stretch up to "
            "REGIO)."),
    notes=("The listings read here end after KTOKD. Declared after it are only the KNA1 "
           "fields that segment E1KNA1M carries, in the segment's order; KNA1's other fields "
           "(COUNC, CITYC, SPERR, STCD2, TELF2 ... and the later ones) and the exact place of "
           "SPRAS, STCD1 and STCEG among them are not confirmed and not declared. Their "
           "types are CHAR with the segment's length, SPRAS a language key."),
    first_columns=("mandt", "kunnr", "ktokd", "anred", "name1", "name2", "sortl", "stras",
                   "ort01", "pstlz", "regio", "land1", "spras", "telf1", "stceg", "aufsd",
                   "lifsd", "faksd", "loevm", "erdat", "ernam"),
)

KNVV = TableDeclaration(
    "KNVV", "Customer Master Sales Data",
    (
        *_head(), *_sales_area(),
        data("ERNAM", char(12), "Name of Person who Created the Object"),
        data("ERDAT", DATS, "Date on Which Record Was Created"),
        data("BEGRU", char(4), "Authorization Group"),
        data("LOEVM", char(1), "Deletion flag for customer (sales level)"),
        data("VERSG", char(1), "Customer Statistics Group"),
        data("AUFSD", char(2), "Customer order block (sales area)"),
        data("KALKS", char(1), "Pricing procedure assigned to this customer"),
        data("KDGRP", char(2), "Customer group"),
        data("BZIRK", char(6), "Sales district"),
        data("KONDA", char(2), "Price group (customer)"),
        data("PLTYP", char(2), "Price list type"),
        data("AWAHR", numc(3), "Order probability of the item"),
        data("INCO1", char(3), "Incoterms (Part 1)"),
        data("INCO2", char(28), "Incoterms (Part 2)"),
        data("LIFSD", char(2), "Customer delivery block (sales area)"),
        data("AUTLF", char(1), "Complete delivery defined for each sales order?"),
        data("ANTLF", dec(1), "Maximum Number of Partial Deliveries Allowed Per Item"),
        data("KZTLF", char(1), "Partial delivery at item level"),
        data("KZAZU", char(1), "Order Combination Indicator"),
        data("CHSPL", char(1), "Batch split allowed"),
        data("LPRIO", numc(2), "Delivery Priority"),
        data("EIKTO", char(12), "Shipper's (Our) Account Number at the Customer or Vendor"),
        data("VSBED", char(2), "Shipping Conditions"),
        data("FAKSD", char(2), "Billing block for customer (sales and distribution)"),
        data("MRNKZ", char(1), "Manual invoice maintenance"),
        data("PERFK", char(2), "Invoice dates (calendar identification)"),
        data("PERRL", char(2), "Invoice list schedule (calendar identification)"),
        # the fields after PERRL: those segment E1KNVVM carries, in its order (see notes)
        data("WAERS", cuky(), "Currency"),
        data("KTGRD", char(2), "Account assignment group for this customer"),
        data("ZTERM", char(4), "Terms of Payment Key"),
        data("VWERK", char(4), "Delivering Plant (Own or External)"),
        data("VKGRP", char(3), "Sales Group"),
        data("VKBUR", char(4), "Sales Office"),
        data("VSORT", char(10), "Item proposal"),
        data("KVGR1", char(3), "Customer group 1"),
        data("KVGR2", char(3), "Customer group 2"),
        data("KVGR3", char(3), "Customer group 3"),
        data("KVGR4", char(3), "Customer group 4"),
        data("KVGR5", char(3), "Customer group 5"),
        data("BOKRE", char(1), "Indicator: Customer is rebate-relevant"),
        data("KURST", char(4), "Exchange Rate Type"),
        data("PRFRE", char(1), "Relevant for price determination ID"),
        data("KLABC", char(2), "Customer classification (ABC analysis)"),
        data("KABSS", char(4), "Customer payment guarantee procedure"),
        data("KKBER", char(4), "Credit control area"),
        data("CASSD", char(2), "Sales block for customer (sales area)"),
        data("RDOFF", char(1), "Switch off rounding?"),
        data("AGREL", char(1), "Indicator: Relevant for agency business"),
        data("MEGRU", char(4), "Unit of Measure Group"),
        data("UEBTK", char(1), "Unlimited overdelivery allowed"),
        data("PVKSM", char(2), "Customer procedure for product proposal"),
        data("PODKZ", char(1), "Relevant for POD processing"),
        data("BLIND", char(1), "Indicator: Doc. index compilation active for purchase orders"),
    ),
    source=("stechno.net, \"SAP Table KNVV - Customer Master Sales Data\" "
            "(https://stechno.net/repository/sap-tables.html?id=KNVV) and sapdatasheet.org, "
            "\"SAP ABAP Table KNVV (Customer Master Sales Data)\" "
            "(http://www.sapdatasheet.org/abap/tabl/knvv.html): MANDT to PERRL in SAP's order "
            "with their types and lengths. The fields after PERRL: sapdatasheet.org, \"SAP "
            "ABAP Table E3KNVVM\" and the DEBMAS07 segment E1KNVVM, which carries them with "
            "their KNVV lengths; sapdatasheet.org, \"SAP ABAP Table BKNVV\", for the types of "
            "WAERS (CUKY 5), VKBUR, VKGRP and VSORT."),
    notes=("The listings read here end after PERRL (KVAKZ, KVAWT ... follow in SAP's table). "
           "Declared after PERRL are only the KNVV fields that segment E1KNVVM carries, in "
           "the segment's order; their place among KNVV's other fields, and the KNVV fields "
           "the segment does not carry (KVAKZ, KVAWT, BOIDT, PRAT1 to PRATA ...), are not "
           "confirmed and not declared. UEBTO, UNTTO (tolerances) and PODTG (POD timeframe) "
           "are left out: no listing read gave their KNVV type. The data elements UEBTO and "
           "UNTTO are DEC 3,1 (sapdatasheet.org, \"SAP ABAP Data Element UEBTO\" and "
           "\"... UNTTO\"), but the KNVV listings read (stechno.net, sapdatasheet.org "
           "CMDS_KNVV_S, dev-workbench.com, sap4tech.net) end before them, so that KNVV uses "
           "these data elements is not confirmed; no listing of PODTG's type was found. "
           "Segment E1KNVVM carries all three as character fields (CHAR 4, 4, 11). Types "
           "of the fields after PERRL other than WAERS, VKBUR, VKGRP and VSORT are CHAR "
           "with the segment's length."),
    first_columns=("mandt", "kunnr", "vkorg", "vtweg", "spart", "kdgrp", "bzirk", "waers",
                   "vwerk", "vsbed", "zterm", "ktgrd", "kztlf", "aufsd", "lifsd", "loevm"),
)


def _partner_index() -> list[SchemaItem]:
    # the customers a partner is assigned to (ship-to, payer ...), found by the partner
    return [Index("ix_knvp_partner", "mandt", "parvw", "kunn2")]


KNVP = TableDeclaration(
    "KNVP", "Customer Master Partner Functions",
    (
        *_head(), *_sales_area(),
        key("PARVW", char(2), "Partner Function"),
        key("PARZA", numc(3), "Partner counter"),
        data("KUNN2", char(10), "Customer number of business partner", initial=REQUIRED),
        data("DEFPA", char(1), "Default Partner"),
    ),
    source=_listing("KNVP"),
    notes=_SUBSET,
    first_columns=("mandt", "kunnr", "vkorg", "vtweg", "spart", "parvw", "parza", "kunn2",
                   "defpa"),
    own_columns=_partner_index,
)

KNB1 = TableDeclaration(
    "KNB1", "Customer Master (Company Code)",
    (
        *_head(),
        key("BUKRS", char(4), "Company Code"),
        data("LOEVM", char(1), "Deletion Flag for Master Record (Company Code Level)"),
        data("AKONT", char(10), "Reconciliation Account in General Ledger"),
        data("ZTERM", char(4), "Terms of Payment Key"),
    ),
    source=_listing("KNB1"),
    notes=_SUBSET,
    first_columns=("mandt", "kunnr", "bukrs", "akont", "zterm", "loevm"),
)

KNKK = TableDeclaration(
    "KNKK", "Customer master credit management: Control area data",
    (
        *_head(),
        key("KKBER", char(4), "Credit control area"),
        data("KLIMK", _CREDIT, "Customer's credit limit", initial="0"),
        data("KNKLI", char(10), "Customer's account number with credit limit reference"),
        data("SAUFT", _CREDIT, "Sales value", initial="0"),
        data("SKFOR", _CREDIT, "Total receivables (for credit limit check)", initial="0"),
        data("SSOBL", _CREDIT, "Special liabilities", initial="0"),
        data("CTLPC", char(3), "Credit management: Risk category"),
        data("CRBLB", char(1), "Indicator: Blocked by credit management?"),
    ),
    source=_listing("KNKK"),
    notes=_SUBSET,
    first_columns=("mandt", "kunnr", "kkber", "klimk", "knkli", "ctlpc", "crblb", "skfor",
                   "ssobl", "sauft"),
)

TABLES = (KNA1, KNVV, KNVP, KNB1, KNKK)
