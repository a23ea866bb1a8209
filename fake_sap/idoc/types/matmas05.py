"""MATMAS05: material master (message type MATMAS).

Each segment lists SAP's standard fields in SAP's order with the lengths of the segment
definition, as far as a public reference confirms them; ``source`` names the reference and
``notes`` what it did not confirm (those fields are left out rather than guessed).
"""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, fields

C, N, D, Q, CU, U, L, DE = (SapType.CHAR, SapType.NUMC, SapType.DATS, SapType.QUAN,
                            SapType.CURR, SapType.UNIT, SapType.LANG, SapType.DEC)

E1MAKTM = Segment(
    "E1MAKTM", "Master material short texts (MAKT)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("SPRAS", 1, L, "Language key (internal, e.g. E, 1)"),
        ("MAKTX!", 40, C, "Material description"),
        ("SPRAS_ISO", 2, C, "Language according to ISO 639 (EN, ZH)"),
    ),
    max_occurs=UNBOUNDED,
    source="segment definition E2MAKTM001 in MATMAS05 (dbosoft YaNco samples on GitHub, "
           "which read MAKTX at offset 4 with length 40 of the data record, after MSGFN 3 and "
           "SPRAS 1)",
    notes="SPRAS_ISO (2, ISO 639 language) is kept as declared before; no public listing of "
          "E2MAKTM001 was found to confirm that the segment has no further fields.",
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
    source="none found: these are the fields the emulator's flows use, with the lengths of "
           "their table fields",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
)

E1MARCM = Segment(
    "E1MARCM", "Master material plant data (MARC)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("WERKS!", 4, C, "Plant"),
        ("PSTAT", 15, C, "Maintenance status"),
        ("LVORM", 1, C, "Deletion flag at plant level"),
        ("BWTTY", 1, C, "Valuation category"),
        ("MAABC", 1, C, "ABC indicator"),
        ("KZKRI", 1, C, "Indicator: critical part"),
        ("EKGRP", 3, C, "Purchasing group"),
        ("AUSME", 3, U, "Unit of issue"),
        ("DISPR", 4, C, "Material: MRP profile"),
        ("DISMM", 2, C, "MRP type"),
        ("DISPO", 3, C, "MRP controller"),
        ("PLIFZ", 3, DE, "Planned delivery time in days"),
        ("WEBAZ", 3, DE, "Goods receipt processing time in days"),
        ("PERKZ", 1, C, "Period indicator (M, P, T, W)"),
        ("AUSSS", 5, DE, "Assembly scrap in percent"),
        ("DISLS", 2, C, "Lot sizing procedure within materials planning"),
        ("BESKZ", 1, C, "Procurement type (E, F, X)"),
        ("SOBSL", 2, C, "Special procurement type"),
        ("MINBE", 14, Q, "Reorder point"),
        ("EISBE", 14, Q, "Safety stock"),
        ("BSTMI", 14, Q, "Minimum lot size"),
        ("BSTMA", 14, Q, "Maximum lot size"),
        ("BSTFE", 14, Q, "Fixed lot size"),
        ("BSTRF", 14, Q, "Rounding value for purchase order quantity"),
        ("MABST", 14, Q, "Maximum stock level"),
        ("LOSFX", 12, CU, "Ordering costs"),
        ("SBDKZ", 1, C, "Dependent requirements indicator for individual and collective "
                        "requirements"),
        ("LAGPR", 1, C, "Storage costs percentage code"),
        ("ALTSL", 1, C, "Method for selecting alternative bills of material"),
        ("MTVFP", 2, C, "Checking group for availability check"),
        ("LADGR", 4, C, "Loading group"),
        ("PRCTR", 10, C, "Profit center"),
    ),
    children=(E1MARDM,),
    max_occurs=UNBOUNDED,
    source="datapanda.eu, \"SAP table E1MARCM (Master material C segment (MARC))\" "
           "(https://datapanda.eu/en/sap/table/E1MARCM), fields MSGFN to ALTSL in SAP's order "
           "with their lengths; types of PLIFZ, WEBAZ, AUSSS from sapdatasheet.org, "
           "\"BAPIE1MARC\" (DEC 3, DEC 3, DEC 5,2).",
    notes="the standard fields after ALTSL (MARC-based fields such as MTVFP, LADGR, PRCTR "
          "and the rest of E2MARCM) could not be read from a public listing; MTVFP, LADGR "
          "and PRCTR are kept as declared before (after ALTSL, lengths of the MARC fields), "
          "the others are not declared yet.",
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
    source="none found: these are the fields the emulator's flows use, with the lengths of "
           "their table fields",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
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
    source="none found: these are the fields the emulator's flows use, with the lengths of "
           "their table fields",
    notes="SAP's full standard field list of this segment could not be read from a public "
          "listing; its other standard fields are not declared yet.",
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
        ("ZEINR", 22, C, "Document number (without document management system)"),
        ("ZEIAR", 3, C, "Document type (without document management system)"),
        ("ZEIVR", 2, C, "Document version (without document management system)"),
        ("ZEIFO", 4, C, "Page format of document (without document management system)"),
        ("AESZN", 6, C, "Document change number (without document management system)"),
        ("BLATT", 3, C, "Page number of document (without document management system)"),
        ("BLANZ", 3, N, "Number of sheets (without document management system)"),
        ("FERTH", 18, C, "Production/inspection memo"),
        ("FORMT", 4, C, "Page format of production memo"),
        ("GROES", 32, C, "Size/dimensions"),
        ("WRKST", 14, C, "Basic material (basic constituent of a material), obsolete"),
        ("NORMT", 18, C, "Industry standard description (such as ANSI or ISO)"),
        ("LABOR", 3, C, "Laboratory/design office"),
        ("EKWSL", 4, C, "Purchasing value key"),
        ("BRGEW", 14, Q, "Gross weight"),
        ("NTGEW", 14, Q, "Net weight"),
        ("GEWEI", 3, U, "Weight unit"),
        ("VOLUM", 14, Q, "Volume"),
        ("VOLEH", 3, U, "Volume unit"),
        ("RAUBE", 2, C, "Storage conditions"),
        ("TRAGR", 4, C, "Transportation group"),
        ("SPART", 2, C, "Division"),
        ("EAN11", 18, C, "International article number (EAN/UPC)"),
        ("NUMTP", 2, C, "Category of international article number (EAN)"),
        ("LAENG", 14, Q, "Length"),
        ("BREIT", 14, Q, "Width"),
        ("HOEHE", 14, Q, "Height"),
        ("MEABM", 3, U, "Unit of dimension for length/width/height"),
        ("XCHPF", 1, C, "Batch management requirement indicator"),
        ("KZKFG", 1, C, "Configurable material"),
        ("QMPUR", 1, C, "QM in procurement is active"),
        ("VPSTA", 15, C, "Maintenance status of complete material"),
        ("MSTAV", 2, C, "Cross-distribution-chain material status"),
        ("MSTDE", 8, D, "Date from which the cross-plant material status is valid"),
        ("MSTDV", 8, D, "Date from which the X-distr.-chain material status is valid"),
        ("MTPOS_MARA", 4, C, "General item category group"),
    ),
    children=(E1MAKTM, E1MARCM, E1MBEWM, E1MVKEM),
    min_occurs=1,
    max_occurs=1,
    source="leanx.eu, \"SAP Table E2MARAM\" (https://leanx.eu/en/sap/table/e2maram.html) and "
           "beyondse16.com, \"Complete segment and field list of SAP IDoc MATMAS03\" "
           "(fields MSGFN to WRKST in SAP's order, with their segment lengths); SAP Help, "
           "\"MATMAS03\" E1MARAM field table (help.sap.com/saphelp_me60, BRGEW, LAENG, BREIT, "
           "HOEHE quan 14, MEABM unit 3, KZKFG char 1); the order of the later fields as real "
           "MATMAS05 IDocs published on pastebin.com carry them (BLANZ, EKWSL, BRGEW, NTGEW, "
           "GEWEI, VOLUM, ..., SPART, ..., EAN11, NUMTP, LAENG, BREIT, HOEHE, ..., XCHPF, ..., "
           "MSTAV, MSTDE, MSTDV, ..., MTPOS_MARA). MATMAS05 uses segment definition "
           "E2MARAM009.",
    notes="after WRKST, no public listing of the segment was found. The character and date "
          "fields NORMT, LABOR, EKWSL, RAUBE, TRAGR, NUMTP, QMPUR, VPSTA and MSTDE take the "
          "length of their MARA field (stechno.net, \"SAP Table MARA\"; datapanda.eu, "
          "\"EMARA\"), as every character field of the confirmed part does, and the order in "
          "which MARA and real MATMAS05 IDocs have them; NTGEW and VOLUM take the 14 "
          "characters of BRGEW (same MARA type QUAN 13,3). Standard fields whose segment "
          "length or presence no public source confirmed are not declared yet: the quantities "
          "and numbers WESCH, ERGEW, ERVOL, GEWTO, VOLTO, FUELG, STFAK, MHDRZ, MHDHB, MHDLP, "
          "GEWTO_NEW, VOLTO_NEW, ANP, the codes BEHVO, TEMPB, DISST, STOFF, KUNNR, COMPL, "
          "RDMHD, SLED_BBD, and the rest of E2MARAM009. Segments of the basic type that are "
          "not declared yet, so that an IDoc carrying them ends in status 60 (list of the "
          "MATMAS04 structure on sap4tech.net, \"SAP MATMAS Material Master Data IDoc\"): "
          "E1MARA1, E1MARC1, E1MFHMM, E1MPGDM, E1MPOPM, E1MPRWM, E1MVEGM, E1MVEUM, E1MKALM, "
          "E1MARMM, E1MEANM, E1MLGNM, E1MLGTM, E1MLANM, E1MTXHM, E1MTXLM.",
)

MATMAS05 = IdocType(
    "MATMAS05",
    ("MATMAS",),
    "Material master",
    (E1MARAM,),
)
