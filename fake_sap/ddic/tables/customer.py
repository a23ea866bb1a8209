"""The customer master tables: KNA1, KNVV, KNVP, KNB1 and KNKK.

Each declares the fields the emulator's processes keep, in SAP's order, with SAP's types and
lengths; the others are not declared yet.
"""

from __future__ import annotations

from sqlalchemy import Index
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import REQUIRED, TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, LANG, char, cuky, curr, numc

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
        data("ANRED", char(15), "Title"),
        data("AUFSD", char(2), "Central order block for customer"),
        data("ERDAT", DATS, "Date on which the Record Was Created", initial=REQUIRED),
        data("ERNAM", char(12), "Name of Person who Created the Object"),
        data("FAKSD", char(2), "Central billing block for customer"),
        data("KTOKD", char(4), "Customer Account Group", initial=REQUIRED),
        data("LIFSD", char(2), "Central delivery block for the customer"),
        data("LOEVM", char(1), "Central Deletion Flag for Master Record"),
        data("SPRAS", LANG, "Language Key"),
        data("STCEG", char(20), "VAT Registration Number"),
    ),
    source=_listing("KNA1"),
    notes=_SUBSET,
    first_columns=("mandt", "kunnr", "ktokd", "anred", "name1", "name2", "sortl", "stras",
                   "ort01", "pstlz", "regio", "land1", "spras", "telf1", "stceg", "aufsd",
                   "lifsd", "faksd", "loevm", "erdat", "ernam"),
)

KNVV = TableDeclaration(
    "KNVV", "Customer Master Sales Data",
    (
        *_head(), *_sales_area(),
        data("LOEVM", char(1), "Deletion flag for customer (sales level)"),
        data("BZIRK", char(6), "Sales district"),
        data("AUFSD", char(2), "Customer order block (sales area)"),
        data("KDGRP", char(2), "Customer group"),
        data("LIFSD", char(2), "Customer delivery block (sales area)"),
        data("VSBED", char(2), "Shipping Conditions"),
        data("VWERK", char(4), "Delivering Plant (Own or External)"),
        data("WAERS", cuky(), "Currency"),
        data("ZTERM", char(4), "Terms of Payment Key"),
        data("KTGRD", char(2), "Account assignment group for this customer"),
        data("KZTLF", char(1), "Partial delivery at item level"),
    ),
    source=_listing("KNVV"),
    notes=_SUBSET + " KZTLF is listed last; its place among the declared fields is not "
                    "confirmed.",
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
