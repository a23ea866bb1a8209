"""DEBMAS07: customer master (message type DEBMAS).

Each segment lists SAP's standard fields in SAP's order with the lengths of the segment
definition, as far as a public reference confirms them; ``source`` names the reference and
``notes`` what it did not confirm (those fields are left out rather than guessed).
"""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, fields

C, N, CU, CK, L, D, T = (SapType.CHAR, SapType.NUMC, SapType.CURR, SapType.CUKY, SapType.LANG,
                         SapType.DATS, SapType.TIMS)

E1KNVPM = Segment(
    "E1KNVPM", "Master customer partner functions (KNVP)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("PARVW!", 2, C, "Partner function (internal code: AG, WE, RE, RG, ZP ...)"),
        ("KUNN2", 10, C, "Customer number of business partner"),
        ("DEFPA", 1, C, "Default partner"),
        ("KNREF", 30, C, "Customer-specific description of the business partner"),
        ("PARZA", 3, N, "Partner counter"),
        ("LIFNR", 10, C, "Vendor number"),
        ("PERNR", 8, N, "Personnel number"),
        ("PARNR", 10, N, "Contact person number"),
    ),
    max_occurs=UNBOUNDED,
    source="GitHub, pandaasu/ANZregional, SOURCE/LADS/BASE/ORACLE/ATLLAD11/lads_atllad11.sql "
           "(a DEBMAS inbound interface that declares each field with its length; its record "
           "PFR has PARVW 2, KUNN2 10, DEFPA 1, KNREF 30, PARZA 3 in this order, after the "
           "segment's MSGFN, and then customer fields ZZ...)",
    notes="LIFNR, PERNR and PARNR are not in that record: they are kept, after the fields it "
          "confirms, because the emulator's outbound DEBMAS writes every KNVP column into "
          "this segment; whether SAP's segment has them is not confirmed. The program's "
          "record leaves out MSGFN and gives no types (PARZA is numeric in KNVP).",
)

#: a public listing of the DEBMAS segment tree: each segment with its maximum occurrences
#: under its parent, and each segment's fields in order with their type and length
_TREE = ("GitHub, a TypeScript data file \"Dados do IDoc DEBMAS - Mestre de Clientes\" "
         "generated from an IDoc documentation export (idocs/customers.html): segment tree "
         "E1KNA1M with E1KNA11, E1KNA1H, E1KNVVM (E1KNVPM, E1KNVDM, E1KNVIM, E1KNVLM, "
         "E1KNVVH), E1KNB1M (E1KNBWM, E1KNB5M, E1KNB1H), E1KNBKM, E1KNVAM, E1WRF12, E1WRF4M, "
         "E1KNVKM, E1KNEXM, E1KNASM, E1KNKAM, E1KNATM, E1KNKKM and further retail segments, "
         "in that order, with their maximum occurrences; segment {segment}")
#: what that listing does not say
_TREE_LIMITS = ("The listing does not name the version of the basic type; it includes fields "
                "of recent releases (E1KNB1M-CVP_XBLCK_B), so it is taken as DEBMAS07. ")
_IDOC_ONLY = "No posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "

E1KNVIM = Segment(
    "E1KNVIM", "Master customer tax indicators (KNVI)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("ALAND", 3, C, "Departure country (country from which the goods are sent)"),
        ("TATYP", 4, C, "Tax category (sales tax, federal sales tax ...)"),
        ("TAXKD", 1, C, "Tax classification for customer"),
    ),
    max_occurs=9999,
    source=_TREE.format(segment="E1KNVIM, 0..9999 under E1KNVVM: MSGFN CHAR 3, ALAND CHAR 3, "
                                "TATYP CHAR 4, TAXKD CHAR 1") +
           "; se80.co.uk, \"E1KNVIM SAP (Master customer master tax indicators (KNVI)) IDoc "
           "segment structure details\" (https://www.se80.co.uk/saptables/e/e1kn/e1knvim.htm):"
           " the same four fields and lengths, and DEBMAS07 among the basic types using it.",
    notes=_IDOC_ONLY + _TREE_LIMITS + "ALAND is a country key; it is not converted from an "
          "ISO code.",
)

E1KNVLM = Segment(
    "E1KNVLM", "Master customer licenses (KNVL)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("ALAND", 3, C, "Departure country (country from which the goods are sent)"),
        ("TATYP", 4, C, "Tax category (sales tax, federal sales tax ...)"),
        ("LICNR", 15, C, "License number (tax exemption)"),
        ("DATAB", 8, D, "Valid-from date"),
        ("DATBI", 8, D, "Valid-to date"),
        ("BELIC", 1, C, "Confirmation for licenses"),
    ),
    max_occurs=9999,
    source=_TREE.format(segment="E1KNVLM, 0..9999 under E1KNVVM after E1KNVIM: MSGFN 3, "
                                "ALAND 3, TATYP 4, LICNR 15, DATAB DATS 8, DATBI DATS 8, "
                                "BELIC 1"),
    notes=_IDOC_ONLY + _TREE_LIMITS,
)

E1KNB5M = Segment(
    "E1KNB5M", "Master customer dunning data (KNB5)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("MABER", 2, C, "Dunning area"),
        ("MAHNA", 4, C, "Dunning procedure"),
        ("MANSP", 1, C, "Dunning block"),
        ("MADAT", 8, D, "Last dunned on"),
        ("MAHNS", 1, N, "Dunning level"),
        ("KNRMA", 10, C, "Account number of the dunning recipient"),
        ("GMVDT", 8, D, "Date of the legal dunning proceedings"),
        ("BUSAB", 2, C, "Dunning clerk"),
    ),
    max_occurs=9999,
    source=_TREE.format(segment="E1KNB5M, 0..9999 under E1KNB1M (after E1KNBWM): MSGFN 3, "
                                "MABER 2, MAHNA 4, MANSP 1, MADAT DATS 8, MAHNS NUMC 1, "
                                "KNRMA 10, GMVDT DATS 8, BUSAB 2"),
    notes=_IDOC_ONLY + _TREE_LIMITS + "E1KNBWM (withholding tax), which precedes it, is not "
          "declared.",
)

E1KNBKM = Segment(
    "E1KNBKM", "Master customer bank details and bank master (KNBK, BNKA)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("BANKS", 3, C, "Bank country key"),
        ("BANKL", 15, C, "Bank key"),
        ("BANKN", 18, C, "Bank account number"),
        ("BKONT", 2, C, "Bank control key"),
        ("BVTYP", 4, C, "Partner bank type"),
        ("XEZER", 1, C, "Indicator: is there collection authorization?"),
        ("BKREF", 20, C, "Reference details for bank details"),
        ("BANKA", 60, C, "Name of the bank"),
        ("STRAS", 35, C, "Street and house number"),
        ("ORT01", 35, C, "City"),
        ("SWIFT", 11, C, "SWIFT/BIC for international payments"),
        ("BGRUP", 2, C, "Bank group (bank network)"),
        ("XPGRO", 1, C, "Post office bank current account"),
        ("BNKLZ", 15, C, "Bank number"),
        ("PSKTO", 16, C, "Post office bank current account number"),
        ("BRNCH", 40, C, "Bank branch"),
        ("PROVZ", 3, C, "Region (state, province, county)"),
        ("KOINH", 60, C, "Account holder name"),
        ("KOINH_N", 60, C, "Account holder name"),
        ("KOVON", 8, C, "Date (batch input): valid from"),
        ("KOBIS", 8, C, "Date (batch input): valid to"),
        ("IBAN_BANKS", 3, C, "Bank country key (IBAN)"),
        ("IBAN_BANKL", 15, C, "Bank key (IBAN)"),
        ("IBAN_BIC", 11, C, "SWIFT/BIC (IBAN)"),
        ("IBAN", 34, C, "IBAN (International Bank Account Number)"),
    ),
    max_occurs=9999,
    source=_TREE.format(segment="E1KNBKM, 0..9999 under E1KNA1M after E1KNB1M: MSGFN 3 to "
                                "IBAN 34, all CHAR"),
    notes=_IDOC_ONLY + _TREE_LIMITS + "Bank details are not stored in a table here.",
)

_UNLOADING_TIMES = [
    (f"{day}{kind}{half}", f"Goods receiving hours: {name} {part} {edge}")
    for day, name in (("MO", "Monday"), ("DI", "Tuesday"), ("MI", "Wednesday"),
                      ("DO", "Thursday"), ("FR", "Friday"), ("SA", "Saturday"),
                      ("SO", "Sunday"))
    for half, part in (("1", "morning"), ("2", "afternoon"))
    for kind, edge in (("AB", "from"), ("BI", "until"))
]

E1KNVAM = Segment(
    "E1KNVAM", "Master customer unloading points (KNVA)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("ABLAD", 25, C, "Unloading point"),
        ("KNFAK", 2, C, "Customer's factory calendar"),
        ("WANID", 3, C, "Goods receiving hours ID (default value)"),
        *((name, 6, T, description) for name, description in _UNLOADING_TIMES),
        ("DEFAB", 1, C, "Default unloading point"),
    ),
    max_occurs=9999,
    source=_TREE.format(segment="E1KNVAM, 0..9999 under E1KNA1M after E1KNBKM: MSGFN 3, "
                                "ABLAD 25, KNFAK 2, WANID 3, the receiving hours MOAB1, MOBI1, "
                                "MOAB2, MOBI2 ... SOAB2, SOBI2 (TIMS 6 each), DEFAB 1"),
    notes=_IDOC_ONLY + _TREE_LIMITS,
)

_VISITING_TIMES = [
    (f"{day}{kind}{half}", f"Contact person's visiting hours: {name} {part} {edge}")
    for day, name in (("MO", "Monday"), ("DI", "Tuesday"), ("MI", "Wednesday"),
                      ("DO", "Thursday"), ("FR", "Friday"), ("SA", "Saturday"),
                      ("SO", "Sunday"))
    for half, part in (("1", "morning"), ("2", "afternoon"))
    for kind, edge in (("AB", "from"), ("BI", "until"))
]

E1KNVKM = Segment(
    "E1KNVKM", "Master customer contact persons (KNVK)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("PARNR", 10, N, "Number of contact person"),
        ("NAMEV", 35, C, "First name"),
        ("NAME1", 35, C, "Name 1"),
        ("ABTPA", 12, C, "Contact person's department at customer"),
        ("ABTNR", 4, C, "Contact person department"),
        ("UEPAR", 10, N, "Higher-level partner"),
        ("TELF1", 16, C, "First telephone number"),
        ("ANRED", 30, C, "Form of address for contact person"),
        ("PAFKT", 2, C, "Contact person function"),
        ("PARVO", 1, C, "Partner's authority"),
        ("PAVIP", 1, C, "VIP partner"),
        ("PARGE", 1, C, "Partner's gender"),
        ("PARLA", 1, L, "Partner language"),
        ("GBDAT", 8, D, "Date of birth"),
        ("VRTNR", 10, N, "Representative number"),
        ("BRYTH", 4, C, "Call frequency"),
        ("AKVER", 2, C, "Buying habits"),
        ("NMAIL", 1, C, "Indicator: advertising material"),
        ("PARAU", 40, C, "Notes about contact person"),
        ("PARH1", 2, C, "Contact person: attribute 1"),
        ("PARH2", 2, C, "Contact person: attribute 2"),
        ("PARH3", 2, C, "Contact person: attribute 3"),
        ("PARH4", 2, C, "Contact person: attribute 4"),
        ("PARH5", 2, C, "Contact person: attribute 5"),
        *((name, 6, T, description) for name, description in _VISITING_TIMES),
        ("PAKN1", 3, C, "Contact person: attribute 6"),
        ("PAKN2", 3, C, "Contact person: attribute 7"),
        ("PAKN3", 3, C, "Contact person: attribute 8"),
        ("PAKN4", 3, C, "Contact person: attribute 9"),
        ("PAKN5", 3, C, "Contact person: attribute 10"),
        ("SORTL", 10, C, "Sort field"),
        ("FAMST", 1, C, "Marital status key"),
        ("SPNAM", 10, C, "Known as"),
        ("TITEL_AP", 35, C, "Title (function name) of the contact person"),
        ("PARLA_ISO", 2, C, "Language according to ISO 639"),
        ("CVP_XBLCK_K", 1, C, "Indicator: business purpose completed"),
    ),
    max_occurs=9999,
    source=_TREE.format(segment="E1KNVKM, 0..9999 under E1KNA1M after E1KNVAM (and the retail "
                                "segments E1WRF12, E1WRF4M): MSGFN 3, PARNR NUMC 10 to "
                                "CVP_XBLCK_K 1, the visiting hours MOAB1 ... SOBI2 TIMS 6"),
    notes=_IDOC_ONLY + _TREE_LIMITS + "Its text segments E1KNVKH/E1KNVKL are not declared. "
          "Contact persons are not stored in a table here.",
)

E1KNVVM = Segment(
    "E1KNVVM", "Master customer sales data (KNVV)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("VKORG!", 4, C, "Sales organization"),
        ("VTWEG!", 2, C, "Distribution channel"),
        ("SPART!", 2, C, "Division"),
        ("BEGRU", 4, C, "Authorization group"),
        ("LOEVM", 1, C, "Deletion flag for sales area"),
        ("VERSG", 1, C, "Customer statistics group"),
        ("AUFSD", 2, C, "Order block for sales area"),
        ("KALKS", 1, C, "Customer classification for pricing procedure"),
        ("KDGRP", 2, C, "Customer group"),
        ("BZIRK", 6, C, "Sales district"),
        ("KONDA", 2, C, "Price group"),
        ("PLTYP", 2, C, "Price list type"),
        ("AWAHR", 3, N, "Order probability of the item"),
        ("INCO1", 3, C, "Incoterms part 1"),
        ("INCO2", 28, C, "Incoterms part 2"),
        ("LIFSD", 2, C, "Delivery block for sales area"),
        ("AUTLF", 1, C, "Complete delivery defined for each sales order?"),
        ("ANTLF", 2, C, "Maximum number of partial deliveries allowed per item"),
        ("KZTLF", 1, C, "Partial delivery at item level (blank/D allowed, A one delivery, "
                        "C complete only)"),
        ("KZAZU", 1, C, "Order combination indicator"),
        ("CHSPL", 1, C, "Batch split allowed"),
        ("LPRIO", 2, N, "Delivery priority"),
        ("EIKTO", 12, C, "Shipper's (our) account number at the customer"),
        ("VSBED", 2, C, "Shipping conditions"),
        ("FAKSD", 2, C, "Billing block for sales area"),
        ("MRNKZ", 1, C, "Manual invoice maintenance"),
        ("PERFK", 2, C, "Invoice dates (calendar identification)"),
        ("PERRL", 2, C, "Invoice list schedule (calendar identification)"),
        ("WAERS", 5, SapType.CUKY, "Currency"),
        ("KTGRD", 2, C, "Account assignment group"),
        ("ZTERM", 4, C, "Terms of payment"),
        ("VWERK", 4, C, "Delivering plant"),
        ("VKGRP", 3, C, "Sales group"),
        ("VKBUR", 4, C, "Sales office"),
        ("VSORT", 10, C, "Item proposal"),
        ("KVGR1", 3, C, "Customer group 1"),
        ("KVGR2", 3, C, "Customer group 2"),
        ("KVGR3", 3, C, "Customer group 3"),
        ("KVGR4", 3, C, "Customer group 4"),
        ("KVGR5", 3, C, "Customer group 5"),
        ("BOKRE", 1, C, "Indicator: customer is rebate-relevant"),
        ("KURST", 4, C, "Exchange rate type"),
        ("PRFRE", 1, C, "Relevant for price determination ID"),
        ("KLABC", 2, C, "Customer classification (ABC analysis)"),
        ("KABSS", 4, C, "Customer payment guarantee procedure"),
        ("KKBER", 4, C, "Credit control area"),
        ("CASSD", 2, C, "Sales block for sales area"),
        ("RDOFF", 1, C, "Switch off rounding?"),
        ("AGREL", 1, C, "Indicator: relevant for settlement management"),
        ("MEGRU", 4, C, "Unit of measure group"),
        ("UEBTO", 4, C, "Overdelivery tolerance limit (BSTP)"),
        ("UNTTO", 4, C, "Underdelivery tolerance (BSTP)"),
        ("UEBTK", 1, C, "Unlimited overdelivery allowed"),
        ("PVKSM", 2, C, "Customer procedure for product proposal"),
        ("PODKZ", 1, C, "Relevant for POD processing"),
        ("PODTG", 11, C, "Timeframe for confirmation of POD"),
        ("BLIND", 1, C, "Indicator: doc. index compilation active for purchase orders"),
    ),
    children=(E1KNVPM, E1KNVIM, E1KNVLM),
    max_occurs=UNBOUNDED,
    source="datapanda.eu, \"SAP table E2KNVVM\" (https://datapanda.eu/en/sap/table/E2KNVVM) and "
           "leanx.eu, \"SAP Table E1KNVVM\" (https://leanx.eu/en/sap/table/e1knvvm.html), fields "
           "MSGFN to PERFK in SAP's order with their segment lengths; AWAHR and LPRIO are "
           "numeric in KNVV (stechno.net, \"SAP Table KNVV\")."
           " The fields after PERFK: GitHub, pandaasu/ANZregional, "
           "SOURCE/LADS/BASE/ORACLE/ATLLAD11/lads_atllad11.sql (a DEBMAS inbound interface that "
           "declares each field with its length; its record SAD has VKORG to PERFK in the same "
           "order and lengths as the listings above, then PERRL to BLIND).",
    notes="that program's record leaves out MSGFN, and its customer fields (ZZ...) are not "
          "standard; fields that later segment versions append after BLIND are not confirmed "
          "and not declared. The tolerances and the POD timeframe (UEBTO, UNTTO, PODTG) are "
          "declared as CHAR with the listed length, since no public listing gave their "
          "segment type.",
)

E1KNB1M = Segment(
    "E1KNB1M", "Master customer company code data (KNB1)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("BUKRS!", 6, C, "Company code (global company code, 6 characters in the segment)"),
        ("SPERR", 1, C, "Posting block for company code"),
        ("LOEVM", 1, C, "Deletion flag for company code"),
        ("ZUAWA", 3, C, "Key for sorting according to assignment numbers"),
        ("BUSAB", 2, C, "Accounting clerk"),
        ("AKONT", 10, C, "Reconciliation account in general ledger"),
        ("BEGRU", 4, C, "Authorization group"),
        ("KNRZE", 10, C, "Head office account number (in branch accounts)"),
        ("KNRZB", 10, C, "Account number of an alternative payer"),
        ("ZAMIM", 1, C, "Indicator: payment notice to customer (with cleared items)?"),
        ("ZAMIV", 1, C, "Indicator: payment notice to sales department?"),
        ("ZAMIR", 1, C, "Indicator: payment notice to legal department?"),
        ("ZAMIB", 1, C, "Indicator: payment notice to the accounting department?"),
        ("ZAMIO", 1, C, "Indicator: payment notice to customer (without cleared items)?"),
        ("ZWELS", 10, C, "List of respected payment methods"),
        ("XVERR", 1, C, "Indicator: clearing between customer and vendor?"),
        ("ZAHLS", 1, C, "Block key for payment"),
        ("ZTERM", 4, C, "Terms of payment"),
        ("WAKON", 4, C, "Terms of payment key for bill of exchange charges"),
        ("VZSKZ", 2, C, "Interest indicator"),
        ("ZINDT", 8, C, "Key date of last interest calculation (CHAR8 in the segment)"),
        ("ZINRT", 2, C, "Interest calculation frequency in months (CHAR2 in the segment)"),
        ("EIKTO", 12, C, "Our account number at customer"),
        ("ZSABE", 15, C, "User at customer"),
        ("KVERM", 30, C, "Memo"),
        ("FDGRV", 10, C, "Planning group"),
        ("VRBKZ", 2, C, "Export credit insurance institution number"),
        ("VLIBB", 14, C, "Amount insured"),
        ("VRSZL", 4, C, "Insurance lead time"),
        ("VRSPR", 4, C, "Deductible percentage rate"),
        ("VRSNR", 10, C, "Insurance number"),
        ("VERDT", 8, C, "Insurance validity date"),
        ("PERKZ", 1, C, "Collective invoice variant"),
        ("XDEZV", 1, C, "Indicator: local processing?"),
        ("XAUSZ", 1, C, "Indicator for periodic account statements"),
        ("WEBTR", 14, C, "Bill of exchange limit (in local currency)"),
        ("REMIT", 10, C, "Next payee"),
        ("DATLZ", 8, C, "Date of the last interest calculation run"),
        ("XZVER", 1, C, "Indicator: record payment history?"),
        ("TOGRU", 4, C, "Tolerance group for the business partner/G/L account"),
        ("KULTG", 4, C, "Probable time until check is paid"),
        ("HBKID", 5, C, "Short key for a house bank"),
        ("XPORE", 1, C, "Indicator: pay all items separately?"),
        ("BLNKZ", 2, C, "Subsidy indicator for determining the reduction rates"),
        ("ALTKN", 10, C, "Previous master record number"),
        ("ZGRUP", 2, C, "Key for payment grouping"),
        ("URLID", 4, C, "Short key for known/negotiated leave"),
        ("MGRUP", 2, C, "Key for dunning notice grouping"),
        ("LOCKB", 7, C, "Key of the lockbox to which the customer is to pay"),
        ("UZAWE", 2, C, "Payment method supplement"),
        ("EKVBD", 10, C, "Account number of buying group"),
        ("SREGL", 3, C, "Selection rule for payment advices"),
        ("XEDIP", 1, C, "Indicator: send payment advices by EDI"),
        ("FRGRP", 4, C, "Release approval group"),
        ("VRSDG", 3, C, "Reason code conversion version"),
        ("TLFXS", 31, C, "Accounting clerk's fax number at the customer/vendor"),
        ("PERNR", 8, C, "Personnel number"),
        ("INTAD", 130, C, "Internet address of partner company clerk"),
        ("GUZTE", 4, C, "Payment terms key for credit memos"),
        ("GRICD", 2, C, "Activity code for gross income tax"),
        ("GRIDT", 2, C, "Distribution type for employment tax"),
        ("WBRSL", 2, C, "Value adjustment key"),
        ("NODEL", 1, C, "Deletion bock for master record (company code level)"),
        ("TLFNS", 30, C, "Accounting clerk's telephone number at business partner"),
        ("CESSION_KZ", 2, C, "Accounts receivable pledging indicator"),
        ("GMVKZD", 1, C, "Customer is in execution"),
    ),
    children=(E1KNB5M,),
    max_occurs=UNBOUNDED,
    source="datapanda.eu, \"SAP table E2KNB1M002\" (https://datapanda.eu/en/sap/table/E2KNB1M002)"
           " and se80.co.uk, \"E1KNB1M SAP IDoc segment structure\" "
           "(https://www.se80.co.uk/saptables/e/e1kn/e1knb1m.htm), fields MSGFN to VRBKZ in "
           "SAP's order with their segment lengths (BUKRS is the 6-character global company "
           "code there)."
           " The fields after VRBKZ: GitHub, pandaasu/ANZregional, "
           "SOURCE/LADS/BASE/ORACLE/ATLLAD11/lads_atllad11.sql (record CUD: BUKRS to VRBKZ in "
           "the same order and lengths as the listings above, then VLIBB to GMVKZD).",
    notes="that program's record leaves out MSGFN; fields that later segment versions append "
          "after GMVKZD are not confirmed and not declared. The segment's own types are not "
          "known for the fields after VRBKZ: they are declared as CHAR (as ZINDT and ZINRT "
          "are), amounts, dates and numbers included.",
)

E1KNKKM = Segment(
    "E1KNKKM", "Master customer credit control area data (KNKK)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("KKBER!", 4, C, "Credit control area"),
        ("KLIMK", 16, CU, "Customer's credit limit"),
        ("KNKLI", 10, C, "Customer's account number with credit limit reference"),
        ("CTLPC", 3, C, "Credit management: risk category"),
        ("DTREV", 8, C, "Last internal review"),
        ("CRBLB", 1, C, "Blocked by credit management"),
        ("SBGRP", 3, C, "Credit representative group"),
        ("NXTRV", 8, C, "Next internal review"),
        ("KRAUS", 11, C, "Credit information number"),
        ("PAYDB", 2, C, "Payment index (obsolete, replaced by DBPAY)"),
        ("DBRAT", 3, C, "Rating (obsolete, replaced by DBRTG)"),
        ("REVDB", 8, C, "Last review (external)"),
        ("GRUPP", 4, C, "Customer credit group"),
        ("SBDAT", 8, C, "Reference date"),
        ("KDGRP", 8, C, "Customer group (credit management)"),
        ("DBPAY", 3, C, "Payment index"),
        ("DBRTG", 5, C, "Rating"),
        ("DBEKR", 17, C, "Recommended credit limit"),
        ("DBWAE", 3, C, "Currency of the recommended credit limit, ISO code"),
        ("DBMON", 8, C, "Date monitoring"),
    ),
    max_occurs=UNBOUNDED,
    source="leanx.eu, \"SAP Table E2KNKKM001\" (https://leanx.eu/en/sap/table/e2knkkm001.html): "
           "the fields of segment definition E2KNKKM001 in SAP's order with their lengths; "
           "sapdatasheet.org, \"SAP ABAP Table E1KNKKM\", for the same order",
    notes="the listing is of segment definition E2KNKKM001; which definition DEBMAS07 "
          "uses is not confirmed by it. Every field of the segment is a character field "
          "(dates and amounts included); KLIMK is declared as an amount, as before, because "
          "the credit limit is posted from it.",
)

E1KNA1M = Segment(
    "E1KNA1M", "Master customer general data (KNA1)",
    fields(
        ("MSGFN", 3, C, "Function: 003 delete, 004 change, 005 replace, 009 original"),
        ("KUNNR!", 10, C, "Customer number (internal format, ALPHA)"),
        ("ANRED", 15, C, "Title"),
        ("AUFSD", 2, C, "Central order block"),
        ("BAHNE", 25, C, "Express train station"),
        ("BAHNS", 25, C, "Train station"),
        ("BBBNR", 7, C, "International location number (part 1)"),
        ("BBSNR", 5, C, "International location number (part 2)"),
        ("BEGRU", 4, C, "Authorization group"),
        ("BRSCH", 4, C, "Industry key"),
        ("BUBKZ", 1, C, "Check digit for the international location number"),
        ("DATLT", 14, C, "Data communication line number"),
        ("FAKSD", 2, C, "Central billing block"),
        ("FISKN", 10, C, "Account number of the master record with the fiscal address"),
        ("KNRZA", 10, C, "Account number of an alternative payer"),
        ("KONZS", 10, C, "Group key"),
        ("KTOKD", 4, C, "Customer account group"),
        ("KUKLA", 2, C, "Customer classification"),
        ("LAND1", 3, C, "Country key"),
        ("LIFNR", 10, C, "Account number of vendor or creditor"),
        ("LIFSD", 2, C, "Central delivery block"),
        ("LOCCO", 10, C, "City coordinates"),
        ("LOEVM", 1, C, "Central deletion flag"),
        ("NAME1", 35, C, "Name 1"),
        ("NAME2", 35, C, "Name 2"),
        ("NAME3", 35, C, "Name 3"),
        ("NAME4", 35, C, "Name 4"),
        ("NIELS", 2, C, "Nielsen ID"),
        ("ORT01", 35, C, "City"),
        ("ORT02", 35, C, "District"),
        ("PFACH", 10, C, "PO box"),
        ("PSTL2", 10, C, "P.O. box postal code"),
        ("PSTLZ", 10, C, "Postal code"),
        ("REGIO", 3, C, "Region (state, province)"),
        ("COUNC", 3, C, "County code"),
        ("CITYC", 4, C, "City code"),
        ("RPMKR", 5, C, "Regional market"),
        ("SORTL", 10, C, "Sort field"),
        ("SPERR", 1, C, "Central posting block"),
        ("SPRAS", 1, L, "Language key"),
        ("STCD1", 16, C, "Tax number 1"),
        ("STCD2", 11, C, "Tax number 2"),
        ("STKZA", 1, C, "Business partner subject to equalization tax"),
        ("STKZU", 1, C, "Liable for VAT"),
        ("STRAS", 35, C, "Street and house number"),
        ("TELBX", 15, C, "Telebox number"),
        ("TELF1", 16, C, "First telephone number"),
        ("TELF2", 16, C, "Second telephone number"),
        ("TELFX", 31, C, "Fax number"),
        ("TELTX", 30, C, "Teletex number"),
        ("TELX1", 30, C, "Telex number"),
        ("LZONE", 10, C, "Transportation zone to or from which the goods are delivered"),
        ("XZEMP", 1, C, "Alternative payee in document allowed"),
        ("VBUND", 6, C, "Company ID of trading partner"),
        ("STCEG", 20, C, "VAT registration number"),
        ("GFORM", 2, C, "Legal status"),
        ("BRAN1", 10, C, "Industry code 1"),
        ("BRAN2", 10, C, "Industry code 2"),
        ("BRAN3", 10, C, "Industry code 3"),
        ("BRAN4", 10, C, "Industry code 4"),
        ("BRAN5", 10, C, "Industry code 5"),
        ("UMJAH", 4, N, "Year for which sales are given"),
        ("UWAER", 5, CK, "Currency of sales figure"),
        ("JMZAH", 6, N, "Yearly number of employees"),
        ("JMJAH", 4, N, "Year for which the number of employees is given"),
        ("KATR1", 2, C, "Attribute 1"),
        ("KATR2", 2, C, "Attribute 2"),
        ("KATR3", 2, C, "Attribute 3"),
        ("KATR4", 2, C, "Attribute 4"),
        ("KATR5", 2, C, "Attribute 5"),
        ("KATR6", 3, C, "Attribute 6"),
        ("KATR7", 3, C, "Attribute 7"),
        ("KATR8", 3, C, "Attribute 8"),
        ("KATR9", 3, C, "Attribute 9"),
        ("KATR10", 3, C, "Attribute 10"),
        ("STKZN", 1, C, "Natural person"),
        ("UMSA1", 16, C, "Annual sales (as text of 16 characters)"),
        ("TXJCD", 15, C, "Tax jurisdiction"),
        ("PERIV", 2, C, "Fiscal year variant"),
        ("KTOCD", 4, C, "Reference account group for one-time account"),
        ("PFORT", 35, C, "PO box city"),
        ("DTAMS", 1, C, "Report key for data medium exchange"),
        ("DTAWS", 2, C, "Instruction key for data medium exchange"),
        ("HZUOR", 2, C, "Hierarchy assignment (batch input)"),
        ("CIVVE", 1, C, "ID for mainly non-military use"),
        ("MILVE", 1, C, "ID for mainly military use"),
        ("SPRAS_ISO", 2, C, "Language according to ISO 639"),
        ("FITYP", 2, C, "Tax type"),
        ("STCDT", 2, C, "Tax number type"),
        ("STCD3", 18, C, "Tax number 3"),
        ("STCD4", 18, C, "Tax number 4"),
        ("XICMS", 1, C, "Customer is ICMS-exempt"),
        ("XXIPI", 1, C, "Customer is IPI-exempt"),
        ("XSUBT", 1, C, "Customer group for substituting calculation (old)"),
        ("CFOPC", 2, C, "Customer's CFOP category"),
        ("TXLW1", 3, C, "Tax law: ICMS"),
        ("TXLW2", 3, C, "Tax law: IPI"),
        ("CCC01", 1, C, "Indicator for biochemical warfare for legal control"),
        ("CCC02", 1, C, "Indicator for nuclear nonproliferation for legal control"),
        ("CCC03", 1, C, "Indicator for national security for legal control"),
        ("CCC04", 1, C, "Indicator for missile technology for legal control"),
        ("CASSD", 2, C, "Central sales block for customer"),
        ("KDKG1", 2, C, "Customer condition group 1"),
        ("KDKG2", 2, C, "Customer condition group 2"),
        ("KDKG3", 2, C, "Customer condition group 3"),
        ("KDKG4", 2, C, "Customer condition group 4"),
        ("KDKG5", 2, C, "Customer condition group 5"),
        ("NODEL", 1, C, "Central deletion block for master record"),
        ("XSUB2", 3, C, "Customer group for substituting calculation"),
        ("WERKS", 4, C, "Plant"),
    ),
    children=(E1KNVVM, E1KNB1M, E1KNBKM, E1KNVAM, E1KNVKM, E1KNKKM),
    min_occurs=1,
    max_occurs=1,
    source="beyondse16.com, \"Complete segment and field list of SAP IDoc DEBMAS06\" and "
           "\"... DEBMAS01\" (E1KNA1M fields MSGFN to REGIO in SAP's order with their segment "
           "lengths; the segment keeps the KNA1 fields in alphabetical order up to REGIO).",
    notes="the fields after REGIO (COUNC to WERKS), in this order, with their types and "
          "lengths, are those of " + _TREE.format(segment="E1KNA1M") + "; that listing gives "
          "the dictionary type of each field (NUMC for UMJAH, JMZAH, JMJAH, CUKY for UWAER, "
          "LANG for SPRAS; UMSA1 is a character field of 16 there). It does not name the "
          "segment definition, so whether DEBMAS07's E2KNA1M version ends at WERKS is not "
          "confirmed. BBBNR, BBSNR and BUBKZ are NUMC in that listing and stay CHAR as "
          "declared from beyondse16.com, which gives lengths only. DUEFL is not declared: the "
          "listings found have it in the vendor segment E1LFA1M (CREMAS), not in E1KNA1M. "
          "Child segments of the basic type that are not declared yet (" +
          _TREE.format(segment="E1KNA1M") + "): E1KNA11, E1KNA1H, E1KNVDM, E1KNVVH, E1KNBWM, "
          "E1KNB1H, E1WRF12, E1WRF4M, E1KNVKH, E1KNEXM, E1KNASM, E1KNKAM, E1KNATM and the "
          "retail segments.",
)

DEBMAS07 = IdocType(
    "DEBMAS07",
    ("DEBMAS",),
    "Customer master",
    (E1KNA1M,),
)
