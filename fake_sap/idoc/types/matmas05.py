"""MATMAS05: material master (message type MATMAS), the segments the CRM flows need."""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, fields

C, N, D, Q, CU, U, L = (SapType.CHAR, SapType.NUMC, SapType.DATS, SapType.QUAN,
                        SapType.CURR, SapType.UNIT, SapType.LANG)

E1MAKTM = Segment(
    "E1MAKTM", "Master material short texts (MAKT)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("SPRAS", 1, L, "Language key (internal, e.g. E, 1)"),
        ("MAKTX!", 40, C, "Material description"),
        ("SPRAS_ISO", 2, C, "Language according to ISO 639 (EN, ZH)"),
    ),
    max_occurs=UNBOUNDED,
)

E1MARDM = Segment(
    "E1MARDM", "Master material storage location data (MARD)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("LGORT!", 4, C, "Storage location"),
        ("PSTAT", 15, C, "Maintenance status"),
        ("LVORM", 1, C, "Deletion flag at storage location level"),
        ("LFGJA", 4, N, "Fiscal year of current period"),
        ("LFMON", 2, N, "Current period"),
        ("DISKZ", 1, C, "Storage location MRP indicator"),
        ("LGPBE", 10, C, "Storage bin"),
    ),
    max_occurs=UNBOUNDED,
)

E1MARCM = Segment(
    "E1MARCM", "Master material plant data (MARC)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("WERKS!", 4, C, "Plant"),
        ("PSTAT", 15, C, "Maintenance status"),
        ("LVORM", 1, C, "Deletion flag at plant level"),
        ("EKGRP", 3, C, "Purchasing group"),
        ("DISMM", 2, C, "MRP type"),
        ("DISPO", 3, C, "MRP controller"),
        ("BESKZ", 1, C, "Procurement type"),
        ("MTVFP", 2, C, "Checking group for availability check"),
        ("LADGR", 4, C, "Loading group"),
        ("PRCTR", 10, C, "Profit center"),
    ),
    children=(E1MARDM,),
    max_occurs=UNBOUNDED,
)

E1MBEWM = Segment(
    "E1MBEWM", "Master material valuation (MBEW)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("BWKEY!", 4, C, "Valuation area (the plant)"),
        ("BWTAR", 10, C, "Valuation type"),
        ("LVORM", 1, C, "Deletion flag"),
        ("VPRSV", 1, C, "Price control: S standard, V moving average"),
        ("VERPR", 12, CU, "Moving average price"),
        ("STPRS", 12, CU, "Standard price"),
        ("PEINH", 6, N, "Price unit"),
        ("BKLAS", 4, C, "Valuation class"),
        ("ZPLP1", 12, CU, "Future planned price 1"),
        ("ZPLP2", 12, CU, "Future planned price 2"),
        ("ZPLP3", 12, CU, "Future planned price 3"),
    ),
    max_occurs=UNBOUNDED,
)

E1MVKEM = Segment(
    "E1MVKEM", "Master material sales data (MVKE)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("VKORG!", 4, C, "Sales organization"),
        ("VTWEG!", 2, C, "Distribution channel"),
        ("LVORM", 1, C, "Deletion flag at distribution chain level"),
        ("VERSG", 1, C, "Material statistics group"),
        ("KTGRM", 2, C, "Account assignment group"),
        ("MTPOS", 4, C, "Item category group"),
        ("DWERK", 4, C, "Delivering plant"),
        ("VRKME", 3, U, "Sales unit"),
        ("AUMNG", 13, Q, "Minimum order quantity"),
        ("LFMNG", 13, Q, "Minimum delivery quantity"),
    ),
    max_occurs=UNBOUNDED,
)

E1MARAM = Segment(
    "E1MARAM", "Master material general data (MARA)",
    fields(
        ("MSGFN", 3, C, "Function: 003 delete, 004 change, 005 replace, 009 original"),
        ("MATNR!", 18, C, "Material number (internal format, MATN1)"),
        ("ERSDA", 8, D, "Created on"),
        ("ERNAM", 12, C, "Created by"),
        ("LAEDA", 8, D, "Last change"),
        ("AENAM", 12, C, "Changed by"),
        ("PSTAT", 15, C, "Maintenance status"),
        ("LVORM", 1, C, "Flag material for deletion at client level"),
        ("MTART", 4, C, "Material type (FERT, HAWA, ROH, ERSA ...)"),
        ("MBRSH", 1, C, "Industry sector"),
        ("MATKL", 9, C, "Material group"),
        ("BISMT", 18, C, "Old material number"),
        ("MEINS", 3, U, "Base unit of measure"),
        ("BSTME", 3, U, "Order unit"),
        ("BRGEW", 13, Q, "Gross weight"),
        ("NTGEW", 13, Q, "Net weight"),
        ("GEWEI", 3, U, "Weight unit"),
        ("VOLUM", 13, Q, "Volume"),
        ("VOLEH", 3, U, "Volume unit"),
        ("SPART", 2, C, "Division"),
        ("EAN11", 18, C, "International article number (EAN/UPC)"),
        ("MTPOS_MARA", 4, C, "General item category group"),
        ("XCHPF", 1, C, "Batch management requirement indicator"),
        ("MSTAV", 2, C, "Cross-distribution-chain material status"),
        ("MSTDV", 8, D, "Date from which the X-distr.-chain material status is valid"),
    ),
    children=(E1MAKTM, E1MARCM, E1MBEWM, E1MVKEM),
    min_occurs=1,
    max_occurs=1,
)

MATMAS05 = IdocType(
    "MATMAS05",
    ("MATMAS",),
    "Material master",
    (E1MARAM,),
)
