"""DEBMAS07: customer master (message type DEBMAS), the segments the CRM flows need."""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, fields

C, N, CU, L = SapType.CHAR, SapType.NUMC, SapType.CURR, SapType.LANG

E1KNVPM = Segment(
    "E1KNVPM", "Master customer partner functions (KNVP)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("PARVW!", 2, C, "Partner function (internal code: AG, WE, RE, RG, ZP ...)"),
        ("KUNN2", 10, C, "Customer number of business partner"),
        ("LIFNR", 10, C, "Vendor number"),
        ("PERNR", 8, N, "Personnel number"),
        ("PARNR", 10, N, "Contact person number"),
        ("KNREF", 30, C, "Customer-specific description of the business partner"),
        ("DEFPA", 1, C, "Default partner"),
        ("PARZA", 3, N, "Partner counter"),
    ),
    max_occurs=UNBOUNDED,
)

E1KNVVM = Segment(
    "E1KNVVM", "Master customer sales data (KNVV)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("VKORG!", 4, C, "Sales organization"),
        ("VTWEG!", 2, C, "Distribution channel"),
        ("SPART!", 2, C, "Division"),
        ("BZIRK", 6, C, "Sales district"),
        ("KDGRP", 2, C, "Customer group"),
        ("KONDA", 2, C, "Price group"),
        ("PLTYP", 2, C, "Price list type"),
        ("WAERS", 5, SapType.CUKY, "Currency"),
        ("KALKS", 1, C, "Customer classification for pricing procedure"),
        ("VSBED", 2, C, "Shipping conditions"),
        ("INCO1", 3, C, "Incoterms part 1"),
        ("INCO2", 28, C, "Incoterms part 2"),
        ("ZTERM", 4, C, "Terms of payment"),
        ("KTGRD", 2, C, "Account assignment group"),
        ("LPRIO", 2, N, "Delivery priority"),
        ("VWERK", 4, C, "Delivering plant"),
        ("KZTLF", 1, C, "Partial delivery at item level (blank/D allowed, A one delivery, "
                        "C complete only)"),
        ("AUFSD", 2, C, "Order block for sales area"),
        ("LIFSD", 2, C, "Delivery block for sales area"),
        ("LOEVM", 1, C, "Deletion flag for sales area"),
    ),
    children=(E1KNVPM,),
    max_occurs=UNBOUNDED,
)

E1KNB1M = Segment(
    "E1KNB1M", "Master customer company code data (KNB1)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("BUKRS!", 4, C, "Company code"),
        ("AKONT", 10, C, "Reconciliation account in general ledger"),
        ("ZTERM", 4, C, "Terms of payment"),
        ("ZUAWA", 3, C, "Sort key"),
        ("LOEVM", 1, C, "Deletion flag for company code"),
    ),
    max_occurs=UNBOUNDED,
)

E1KNKKM = Segment(
    "E1KNKKM", "Master customer credit control area data (KNKK)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("KKBER!", 4, C, "Credit control area"),
        ("KLIMK", 16, CU, "Customer's credit limit"),
        ("KNKLI", 10, C, "Customer's account number with credit limit reference"),
        ("CTLPC", 3, C, "Credit management: risk category"),
        ("CRBLB", 1, C, "Blocked by credit management"),
        ("SBGRP", 3, C, "Credit representative group"),
        ("GRUPP", 4, C, "Customer credit group"),
    ),
    max_occurs=UNBOUNDED,
)

E1KNA1M = Segment(
    "E1KNA1M", "Master customer general data (KNA1)",
    fields(
        ("MSGFN", 3, C, "Function: 003 delete, 004 change, 005 replace, 009 original"),
        ("KUNNR!", 10, C, "Customer number (internal format, ALPHA)"),
        ("ANRED", 15, C, "Title"),
        ("AUFSD", 2, C, "Central order block"),
        ("BRSCH", 4, C, "Industry key"),
        ("FAKSD", 2, C, "Central billing block"),
        ("KTOKD", 4, C, "Customer account group"),
        ("LAND1", 3, C, "Country key"),
        ("LIFSD", 2, C, "Central delivery block"),
        ("LOEVM", 1, C, "Central deletion flag"),
        ("NAME1", 35, C, "Name 1"),
        ("NAME2", 35, C, "Name 2"),
        ("NAME3", 35, C, "Name 3"),
        ("NAME4", 35, C, "Name 4"),
        ("ORT01", 35, C, "City"),
        ("ORT02", 35, C, "District"),
        ("PFACH", 10, C, "PO box"),
        ("PSTLZ", 10, C, "Postal code"),
        ("REGIO", 3, C, "Region (state, province)"),
        ("SORTL", 10, C, "Sort field"),
        ("SPRAS", 1, L, "Language key"),
        ("STCD1", 16, C, "Tax number 1"),
        ("STRAS", 35, C, "Street and house number"),
        ("TELF1", 16, C, "First telephone number"),
        ("STCEG", 20, C, "VAT registration number"),
        ("SPRAS_ISO", 2, C, "Language according to ISO 639"),
    ),
    children=(E1KNVVM, E1KNB1M, E1KNKKM),
    min_occurs=1,
    max_occurs=1,
)

DEBMAS07 = IdocType(
    "DEBMAS07",
    ("DEBMAS",),
    "Customer master",
    (E1KNA1M,),
)
