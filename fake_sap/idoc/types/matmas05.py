"""MATMAS05: material master (message type MATMAS).

Each segment lists SAP's standard fields in SAP's order with the lengths of the segment
definition, as far as a public reference confirms them; ``source`` names the reference and
``notes`` what it did not confirm (those fields are left out rather than guessed).
"""

from __future__ import annotations

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, fields

C, N, D, Q, CU, U, L, DE = (SapType.CHAR, SapType.NUMC, SapType.DATS, SapType.QUAN,
                            SapType.CURR, SapType.UNIT, SapType.LANG, SapType.DEC)

#: a public inbound program that reads MATMAS IDocs field by field: it declares each field of
#: each segment with its length, in the order of the segment's data record
_LADS = ("GitHub, pandaasu/ANZregional, SOURCE/LADS/BASE/ORACLE/ATLLAD04/lads_atllad04.sql "
         "(a MATMAS inbound interface that declares each field of the segment with its "
         "length, in the order of the data record; record {record})")
#: what that program shows and what it does not
_LADS_LIMITS = ("The program's types are not SAP's: types are taken from the table field's "
                "data element (quantities QUAN, units UNIT, dates DATS, prices CURR) where "
                "it is known, and CHAR otherwise. Its customer fields (ZZ...) are not "
                "standard and are not declared; fields that later segment versions "
                "append after the last one listed there are not declared either.")
#: the position of E1MARMM and E1MLANM among the other children of E1MARAM
_TREE = ("the segment tree of a MATMAS05 IDoc written by an SAP ECC system (GitHub, "
         "SAP-samples/cloud-integration-flow, recipe \"EIPinCPI: Event Message\", sample "
         "output, with the blog post blogs.sap.com/2019/12/22/eipincpi-event-message: "
         "E1MARAM with E1MARA1, E1MAKTM, E1MARCM, E1MARMM with E1MEANM, E1MBEWM, E1MLGNM, "
         "E1MVKEM, E1MLANM, E1MTXHM)")

#: help.sap.com (SAP NetWeaver 7.3), "Message Definition" for master data distribution: "In
#: each IDoc segment, define field MSGFN as the first field with data element MSGFN", with
#: E1MARAM, E1MAKTM, E1MARCM and E1MARDM of MATMAS as the example
_MSGFN_ELEMENT = {"MSGFN": "MSGFN"}
_MSGFN_SOURCE = ("the data element MSGFN of MSGFN: help.sap.com (SAP NetWeaver 7.3), \"Message "
                 "Definition\" (https://help.sap.com/doc/saphelp_nw73/7.3.16/en-US/4a/"
                 "649e871a5b6c99e10000000a42189b/content.htm), which names it for E1MARAM, "
                 "E1MAKTM, E1MARCM and E1MARDM")

E1MAKTM = Segment(
    "E1MAKTM", "Master material short texts (MAKT)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("SPRAS", 1, L, "Language key (internal, e.g. E, 1)"),
        ("MAKTX!", 40, C, "Material description"),
        ("SPRAS_ISO", 2, C, "Language according to ISO 639 (EN, ZH)"),
        elements=_MSGFN_ELEMENT,
    ),
    max_occurs=UNBOUNDED,
    source=_MSGFN_SOURCE + "; field list: "
    + _LADS.format(record="MKT: MSGFN 3, SPRAS 1, MAKTX 40, SPRAS_ISO 2") + "; "
           "segment definition E2MAKTM001 (dbosoft YaNco samples on GitHub read MAKTX at "
           "offset 4 with length 40 of the data record)",
    notes="the program lists these four fields and no others.",
)

E1MARDM = Segment(
    "E1MARDM", "Master material storage location data (MARD)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("LGORT!", 4, C, "Storage location"),
        ("PSTAT", 15, C, "Maintenance status"),
        ("LVORM", 1, C, "Deletion flag at storage location level"),
        ("DISKZ", 1, C, "Storage location MRP indicator"),
        ("LSOBS", 2, C, "Special procurement type at storage location level"),
        ("LMINB", 14, Q, "Reorder point for storage location MRP"),
        ("LBSTF", 14, Q, "Replenishment quantity for storage location MRP"),
        ("HERKL", 3, C, "Country of origin of the material"),
        ("EXPPG", 1, C, "Preference indicator (deactivated)"),
        ("EXVER", 2, C, "Export indicator (deactivated)"),
        ("LGPBE", 10, C, "Storage bin"),
        ("PRCTL", 10, C, "Profit center"),
        ("LWMKB", 3, C, "Picking area for lean WM"),
        ("BSKRF", 24, C, "Inventory correction factor"),
        elements=_MSGFN_ELEMENT,
    ),
    max_occurs=UNBOUNDED,
    source=_MSGFN_SOURCE + "; field list: "
    + _LADS.format(record="MRD, MSGFN to BSKRF"),
    notes="the fiscal year and period LFGJA and LFMON, declared here before, belong to "
          "E1MBEWM in that listing and are no longer declared in this segment. "
          + _LADS_LIMITS,
)

#: a schema generated from SAP's IDoc metadata for MATMAS04 (the previous version of the basic
#: type): it gives each segment's fields in order with their lengths and each segment's
#: occurrences
_MATMAS04_XSD = ("GitHub, MFM.Lbg.Schemas BizTalk schema MATMAS04 (xsd:schema generated from SAP's "
                 "IDoc metadata for basic type MATMAS04: fields in order with xsd:maxLength, and "
                 "minOccurs/maxOccurs of each segment)")
#: the position of the segments below E1MARCM
_PLANT_TREE = ("the segment tree of the SAP ECC MATMAS05 sample cited for E1MARAM: E1MARCM with "
               "E1MARC1, E1MARDM, E1MFHMM, E1MPGDM, E1MPOPM, E1MPRWM, E1MVEGM, E1MVEUM, E1MKALM, "
               "in that order")
_IDOC_ONLY = "no posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "
#: a public listing of the MATMAS segments (27 segments): each segment's fields in order with
#: the type and length of the field's data element; for packed numbers that is the number of
#: digits, not the width of the segment field, so those widths come from the schema above
_EXPORT = ("GitHub, a TypeScript data file \"Dados do IDoc MATMAS - Mestre de Materiais\" "
           "generated from an IDoc documentation export (27 segments, 868 fields): segment "
           "{segment}")

E1MPGDM = Segment(
    "E1MPGDM", "Master material product group",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("PRGRP", 18, C, "Planning material"),
        ("PRWRK", 4, C, "Planning plant"),
        ("UMREF", 10, C, "Conversion factor for planning material"),
        ("PRGRP_EXTERNAL", 40, C, "Name of product group"),
        ("PRGRP_VERSION", 10, C, "Version number for field PRGRP"),
        ("PRGRP_GUID", 32, C, "External GUID for field PRGRP"),
    ),
    max_occurs=1,
    source=_MATMAS04_XSD + " (E1MPGDM, 0..1, MSGFN to PRGRP_GUID); " + _PLANT_TREE,
    notes=_IDOC_ONLY + "UMREF is declared as CHAR with the listed length, since the schema "
          "gives lengths only. The field list is that of MATMAS04; fields that MATMAS05's "
          "segment version may append are not confirmed and not declared.",
)

E1MPRWM = Segment(
    "E1MPRWM", "Master material forecast value",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("ERTAG", 8, D, "First day of the period to which the values refer"),
        ("PRWRT", 15, Q, "Forecast value"),
        ("KOPRW", 15, Q, "Corrected value for forecast"),
        ("SAIIN", 7, C, "Seasonal index"),
        ("FIXKZ", 1, C, "Indicator: consumption value is fixed"),
        ("EXPRW", 15, Q, "Ex-post forecast value"),
        ("ANTEI", 6, C, "Ratio of the corrected value to the original value (CV:OV)"),
    ),
    max_occurs=999999,
    source=_LADS.format(record="MPM, MSGFN to ANTEI") + "; " + _MATMAS04_XSD +
           " (E1MPRWM, 0..999999, the same fields and lengths); " + _PLANT_TREE,
    notes=_IDOC_ONLY + "SAIIN and ANTEI are declared as CHAR with the listed length, since no "
          "public listing gave their segment type. " + _LADS_LIMITS,
)

E1MVEGM = Segment(
    "E1MVEGM", "Master material total consumption",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("ERTAG", 8, D, "First day of the period to which the values refer"),
        ("VBWRT", 15, Q, "Consumption value"),
        ("KOVBW", 15, Q, "Corrected consumption value"),
        ("KZEXI", 1, C, "Checkbox"),
        ("ANTEI", 6, C, "Ratio of the corrected value to the original value (CV:OV)"),
    ),
    max_occurs=999999,
    source=_LADS.format(record="MVM, MSGFN to ANTEI") + "; " + _MATMAS04_XSD +
           " (E1MVEGM, 0..999999, the same fields and lengths); " + _PLANT_TREE,
    notes=_IDOC_ONLY + "ANTEI is declared as CHAR with the listed length, since no public "
          "listing gave its segment type. " + _LADS_LIMITS,
)

E1MVEUM = Segment(
    "E1MVEUM", "Master material unplanned consumption",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("ERTAG", 8, D, "First day of the period to which the values refer"),
        ("VBWRT", 15, Q, "Consumption value"),
        ("KOVBW", 15, Q, "Corrected consumption value"),
        ("KZEXI", 1, C, "Checkbox"),
        ("ANTEI", 6, C, "Ratio of the corrected value to the original value (CV:OV)"),
    ),
    max_occurs=999999,
    source=_LADS.format(record="MUM, MSGFN to ANTEI") + "; " + _MATMAS04_XSD +
           " (E1MVEUM, 0..999999, the same fields and lengths); " + _PLANT_TREE,
    notes=_IDOC_ONLY + "ANTEI is declared as CHAR with the listed length, since no public "
          "listing gave its segment type. " + _LADS_LIMITS,
)

E1MKALM = Segment(
    "E1MKALM", "Master material production version",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("VERID", 4, C, "Production version"),
        ("BDATU", 8, D, "Run-time end: production version"),
        ("ADATU", 8, D, "Valid-from date of production version"),
        ("STLAL", 2, C, "Alternative BOM"),
        ("STLAN", 1, C, "BOM usage"),
        ("PLNTY", 1, C, "Task list type"),
        ("PLNNR", 8, C, "Key for task list group"),
        ("ALNAL", 2, C, "Group counter"),
        ("BESKZ", 1, C, "Procurement type"),
        ("SOBSL", 2, C, "Special procurement type"),
        ("LOSGR", 15, Q, "Lot size for product costing"),
        ("MDV01", 8, C, "Aggregation field for production versions"),
        ("MDV02", 8, C, "Aggregation field for production versions"),
        ("TEXT1", 40, C, "Short text on the production version"),
        ("EWAHR", 5, C, "Usage probability with version control"),
        ("VERTO", 4, C, "Distribution key for quantity produced"),
        ("SERKZ", 1, C, "Repetitive manufacturing allowed for version"),
        ("BSTMI", 15, Q, "Lower value of the lot-size interval"),
        ("BSTMA", 15, Q, "Upper value of the lot-size interval"),
        ("RGEKZ", 1, C, "Indicator: backflush for RS header"),
        ("ALORT", 4, C, "Receiving storage location for repetitive manufacturing"),
        ("PLTYG", 1, C, "Task list type"),
        ("PLNNG", 8, C, "Key for task list group"),
        ("ALNAG", 2, C, "Group counter"),
        ("PLTYM", 1, C, "Task list type"),
        ("PLNNM", 8, C, "Key for task list group"),
        ("ALNAM", 2, C, "Group counter"),
        ("CSPLT", 4, C, "Apportionment structure"),
        ("MATKO", 18, C, "Other material for which BOM and task list are maintained"),
        ("ELPRO", 4, C, "Proposed issue storage location for components"),
        ("PRVBE", 10, C, "Default supply area for components"),
        ("MATKO_EXTERNAL", 40, C, "Long material number for field MATKO"),
        ("MATKO_VERSION", 10, C, "Version number for field MATKO"),
        ("MATKO_GUID", 32, C, "External GUID for field MATKO"),
    ),
    max_occurs=999999,
    source=_LADS.format(record="MPV, MSGFN to MATKO_GUID") + "; " + _MATMAS04_XSD +
           " (E1MKALM, 0..999999, MSGFN to ALNAG with the same lengths); " + _PLANT_TREE,
    notes=_IDOC_ONLY + "EWAHR is declared as CHAR with the listed length, since no public "
          "listing gave its segment type. " + _LADS_LIMITS,
)

E1MARC1 = Segment(
    "E1MARC1", "Additional fields for E1MARCM",
    fields(
        ("NFMAT_EXTERNAL", 40, C, "Long material number for field NFMAT"),
        ("NFMAT_VERSION", 10, C, "Version number for field NFMAT"),
        ("NFMAT_GUID", 32, C, "External GUID for field NFMAT"),
        ("STDPD_EXTERNAL", 40, C, "Long material number for field STDPD"),
        ("STDPD_VERSION", 10, C, "Version number for field STDPD"),
        ("STDPD_GUID", 32, C, "External GUID for field STDPD"),
        ("VRBMT_EXTERNAL", 40, C, "Long material number for field VRBMT"),
        ("VRBMT_VERSION", 10, C, "Version number for field VRBMT"),
        ("VRBMT_GUID", 32, C, "External GUID for field VRBMT"),
        ("NFMAT_LONG", 40, C, "Follow-up material (40 characters)"),
        ("STDPD_LONG", 40, C, "Configurable material (40 characters)"),
        ("VRBMT_LONG", 40, C, "Reference material for consumption (40 characters)"),
        ("UCMAT_LONG", 40, C, "Reference material for original batches (40 characters)"),
    ),
    max_occurs=1,
    source=_MATMAS04_XSD + " (E1MARC1 \"Additional Fields for E1MARCM\", 0..1, first child "
           "of E1MARCM, NFMAT_EXTERNAL to VRBMT_GUID); " + _EXPORT.format(
               segment="E1MARC1, 0..1: the same nine fields, then NFMAT_LONG, STDPD_LONG, "
                       "VRBMT_LONG and UCMAT_LONG, CHAR 40") + "; " + _PLANT_TREE,
    notes=_IDOC_ONLY + "The segment has no MSGFN field in either listing. The four *_LONG "
          "fields are only in the second listing, which does not name the segment "
          "definition; they are declared because a sender on a release with the long "
          "material number fills them.",
)

E1MFHMM = Segment(
    "E1MFHMM", "Master material production resource/tool (MFHM)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("OBJTY", 2, C, "Object type of the CIM resource"),
        ("OBJID", 8, N, "Object ID of the resource"),
        ("ZAEHL", 8, N, "Internal counter"),
        ("OBJTY_V", 2, C, "Object type of the CIM resource"),
        ("OBJID_V", 8, N, "Object ID of the resource"),
        ("KZKBL", 1, C, "Create load records for production resources/tools"),
        ("STEUF", 4, C, "Control key for management of production resources/tools"),
        ("STEUF_REF", 1, C, "Control key cannot be changed"),
        ("FGRU1", 4, C, "Grouping key 1 for production resources/tools"),
        ("FGRU2", 4, C, "Grouping key 2 for production resources/tools"),
        ("PLANV", 3, C, "Production resource/tool usage"),
        ("KTSCH", 7, C, "Standard text key for production resources/tools"),
        ("KTSCH_REF", 1, C, "Reference key cannot be changed"),
        ("BZOFFB", 2, C, "Reference date to start of production resource/tool usage"),
        ("BZOFFB_REF", 1, C, "Offset to start cannot be changed"),
        ("OFFSTB", 7, Q, "Offset to start of production resource/tool usage"),
        ("EHOFFB", 3, U, "Offset unit for start of production resource/tool usage"),
        ("OFFSTB_REF", 1, C, "Offset to start cannot be changed"),
        ("BZOFFE", 2, C, "Reference date for end of production resource/tool usage"),
        ("BZOFFE_REF", 1, C, "End reference date cannot be changed"),
        ("OFFSTE", 7, Q, "Offset to finish of production resource/tool usage"),
        ("EHOFFE", 3, U, "Offset unit for end of production resource/tool usage"),
        ("OFFSTE_REF", 1, C, "Offset to end cannot be changed"),
        ("MGFORM", 6, C, "Formula for calculating the total quantity of PRT"),
        ("MGFORM_REF", 1, C, "Formula for calculating the total quantity cannot be changed"),
        ("EWFORM", 6, C, "Formula for calculating the total usage value of PRT"),
        ("EWFORM_REF", 1, C, "Formula to calculate entire usage value cannot be changed"),
        ("PAR01", 6, C, "First parameter (for formulas)"),
        ("PAR02", 6, C, "Second parameter (for formulas)"),
        ("PAR03", 6, C, "Third parameter (for formulas)"),
        ("PAR04", 6, C, "Fourth parameter (for formulas)"),
        ("PAR05", 6, C, "Fifth parameter (for formulas)"),
        ("PAR06", 6, C, "Sixth parameter (for formulas)"),
        ("PARU1", 3, U, "Parameter unit"),
        ("PARU2", 3, U, "Parameter unit"),
        ("PARU3", 3, U, "Parameter unit"),
        ("PARU4", 3, U, "Parameter unit"),
        ("PARU5", 3, U, "Parameter unit"),
        ("PARU6", 3, U, "Parameter unit"),
        ("PARV1", 11, Q, "Parameter value"),
        ("PARV2", 11, Q, "Parameter value"),
        ("PARV3", 11, Q, "Parameter value"),
        ("PARV4", 11, Q, "Parameter value"),
        ("PARV5", 11, Q, "Parameter value"),
        ("PARV6", 11, Q, "Parameter value"),
    ),
    max_occurs=1,
    source=_MATMAS04_XSD + " (E1MFHMM, 0..1, after E1MARDM, MSGFN to PARV6 with their "
           "widths); " + _EXPORT.format(segment="E1MFHMM: the same fields in the same order, "
                                                "with their types (NUMC, QUAN, UNIT)") +
           "; " + _PLANT_TREE,
    notes=_IDOC_ONLY + "The units of the offsets and parameters travel as sent: SAP's ISO "
          "conversion of these unit fields is not confirmed by either listing.",
)

E1MPOPM = Segment(
    "E1MPOPM", "Master material forecast parameters",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("VERSP", 2, C, "Version number of forecast parameters"),
        ("PROPR", 4, C, "Forecast profile"),
        ("MODAW", 1, C, "Model selection indicator"),
        ("MODAV", 1, C, "Model selection procedure"),
        ("KZPAR", 1, C, "Indicator for parameter optimization"),
        ("OPGRA", 1, C, "Optimization level"),
        ("KZINI", 1, C, "Initialization indicator"),
        ("PRMOD", 1, C, "Forecast model"),
        ("ALPHA", 5, DE, "Basic value smoothing using alpha factor"),
        ("BETA1", 5, DE, "Trend value smoothing using the beta factor"),
        ("GAMMA", 5, DE, "Seasonal index smoothing using gamma factor"),
        ("DELTA", 5, DE, "MAD smoothing using delta factor"),
        ("EPSIL", 5, DE, "Epsilon factor"),
        ("SIGGR", 7, DE, "Tracking limit"),
        ("PERKZ", 1, C, "Period indicator"),
        ("PRDAT", 8, D, "Date of last forecast"),
        ("PERAN", 5, DE, "Number of historical periods"),
        ("PERIN", 5, DE, "Number of periods for initialization"),
        ("PERIO", 5, DE, "Number of periods per seasonal cycle"),
        ("PEREX", 5, DE, "Number of periods for ex-post forecasting"),
        ("ANZPR", 5, DE, "Number of forecast periods"),
        ("FIMON", 5, DE, "Fixed periods"),
        ("GWERT", 15, Q, "Basic value"),
        ("GWER1", 15, Q, "Basic value of the second order"),
        ("GWER2", 15, Q, "Basic value of the second order"),
        ("VMGWE", 15, Q, "Basic value of previous period"),
        ("VMGW1", 15, Q, "Basic value of the second order in previous period"),
        ("VMGW2", 15, Q, "Basic value of the second order in previous period"),
        ("TWERT", 15, Q, "Trend value"),
        ("VMTWE", 15, Q, "Trend value of previous period"),
        ("PRMAD", 15, Q, "Mean absolute deviation (MAD)"),
        ("VMMAD", 15, Q, "Mean absolute deviation of previous period"),
        ("FSUMM", 15, Q, "Error total"),
        ("VMFSU", 15, Q, "Error total for the previous period"),
        ("GEWGR", 2, C, "Weighting group"),
        ("THKOF", 7, DE, "Theil coefficient"),
        ("AUSNA", 30, C, "Exception message bar"),
        ("PROAB", 10, C, "Forecast flow control"),
    ),
    max_occurs=1,
    source=_MATMAS04_XSD + " (E1MPOPM, 0..1, after E1MPGDM, MSGFN to PROAB with their "
           "widths); " + _EXPORT.format(segment="E1MPOPM: the same fields in the same order, "
                                                "with their types (DEC, QUAN, DATS)") +
           "; " + _PLANT_TREE,
    notes=_IDOC_ONLY + "Both listings end at PROAB.",
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
        ("KZAUS", 1, C, "Discontinuation indicator"),
        ("AUSDT", 8, D, "Effective-out date"),
        ("NFMAT", 18, C, "Follow-up material"),
        ("KZBED", 1, C, "Indicator for requirements grouping"),
        ("MISKZ", 1, C, "Mixed MRP indicator"),
        ("FHORI", 3, C, "Scheduling margin key for floats"),
        ("PFREI", 1, C, "Indicator: automatic fixing of planned orders"),
        ("FFREI", 1, C, "Release indicator for production orders"),
        ("RGEKZ", 1, C, "Indicator: backflush"),
        ("FEVOR", 3, C, "Production scheduler"),
        ("BEARZ", 6, C, "Processing time"),
        ("RUEZT", 6, C, "Setup and teardown time"),
        ("TRANZ", 6, C, "Interoperation time"),
        ("BASMG", 14, Q, "Base quantity"),
        ("DZEIT", 3, C, "In-house production time"),
        ("MAXLZ", 5, C, "Maximum storage period"),
        ("LZEIH", 3, U, "Unit for maximum storage period"),
        ("KZPRO", 1, C, "Indicator: withdrawal of stock from production bin"),
        ("GPMKZ", 1, C, "Indicator: material included in rough-cut planning"),
        ("UEETO", 4, C, "Overdelivery tolerance limit"),
        ("UEETK", 1, C, "Indicator: unlimited overdelivery allowed"),
        ("UNETO", 4, C, "Underdelivery tolerance limit"),
        ("WZEIT", 3, C, "Total replenishment lead time (in workdays)"),
        ("ATPKZ", 1, C, "Replacement part"),
        ("VZUSL", 5, C, "Surcharge factor for cost in percent"),
        ("HERBL", 2, C, "State of manufacture"),
        ("INSMK", 1, C, "Post to inspection stock"),
        ("SSQSS", 8, C, "Control key for quality management in procurement"),
        ("KZDKZ", 1, C, "Documentation required indicator"),
        ("UMLMC", 14, Q, "Stock in transfer (plant to plant)"),
        ("LADGR", 4, C, "Loading group"),
        ("XCHPF", 1, C, "Batch management requirement indicator"),
        ("USEQU", 1, C, "Quota arrangement usage"),
        ("LGRAD", 4, C, "Service level"),
        ("AUFTL", 1, C, "Splitting indicator"),
        ("PLVAR", 2, C, "Plan version"),
        ("OTYPE", 2, C, "Object type"),
        ("OBJID", 8, C, "Object ID"),
        ("MTVFP", 2, C, "Checking group for availability check"),
        ("PERIV", 2, C, "Fiscal year variant"),
        ("KZKFK", 1, C, "Indicator: take correction factors into account"),
        ("VRVEZ", 6, C, "Shipping setup time"),
        ("VBAMG", 14, Q, "Base quantity for capacity planning in shipping"),
        ("VBEAZ", 6, C, "Shipping processing time"),
        ("LIZYK", 4, C, "Deactivated"),
        ("BWSCL", 1, C, "Source of supply"),
        ("KAUTB", 1, C, "Indicator: automatic purchase order allowed"),
        ("KORDB", 1, C, "Indicator: source list requirement"),
        ("STAWN", 17, C, "Commodity code / import code number for foreign trade"),
        ("HERKL", 3, C, "Country of origin of the material"),
        ("HERKR", 3, C, "Region of origin of material"),
        ("EXPME", 3, U, "Unit of measure for commodity code"),
        ("MTVER", 4, C, "Export/import material group"),
        ("PRCTR", 10, C, "Profit center"),
        ("TRAME", 15, Q, "Stock in transit"),
        ("MRPPP", 3, C, "PPC planning calendar"),
        ("SAUFT", 1, C, "Indicator: repetitive manufacturing allowed"),
        ("FXHOR", 3, C, "Planning time fence"),
        ("VRMOD", 1, C, "Consumption mode"),
        ("VINT1", 3, C, "Consumption period: backward"),
        ("VINT2", 3, C, "Consumption period: forward"),
        ("STLAL", 2, C, "Alternative BOM"),
        ("STLAN", 1, C, "BOM usage"),
        ("PLNNR", 8, C, "Key for task list group"),
        ("APLAL", 2, C, "Group counter"),
        ("LOSGR", 14, Q, "Lot size for product costing"),
        ("SOBSK", 2, C, "Special procurement type for costing"),
        ("FRTME", 3, U, "Production unit"),
        ("LGPRO", 4, C, "Issue storage location"),
        ("DISGR", 4, C, "MRP group"),
        ("KAUSF", 5, C, "Component scrap in percent"),
        ("QZGTP", 4, C, "Certificate type"),
        ("TAKZT", 3, C, "Takt time"),
        ("RWPRO", 3, C, "Range of coverage profile"),
        ("COPAM", 10, C, "Local field name for CO/PA link to SOP"),
        ("ABCIN", 1, C, "Physical inventory indicator for cycle counting"),
        ("AWSLS", 6, C, "Variance key"),
        ("SERNP", 4, C, "Serial number profile"),
        ("STDPD", 18, C, "Configurable material"),
        ("SFEPR", 4, C, "Repetitive manufacturing profile"),
        ("XMCNG", 1, C, "Negative stocks allowed in plant"),
        ("QSSYS", 4, C, "Required QM system for vendor"),
        ("LFRHY", 3, C, "Planning cycle"),
        ("RDPRF", 4, C, "Rounding profile"),
        ("VRBMT", 18, C, "Reference material for consumption"),
        ("VRBWK", 4, C, "Reference plant for consumption"),
        ("VRBDT", 8, D, "To date of the material to be copied for consumption"),
        ("VRBFK", 5, C, "Multiplier for reference material for consumption"),
        ("AUTRU", 1, C, "Reset forecast model automatically"),
        ("PREFE", 1, C, "Preference indicator in export/import"),
        ("PRENC", 1, C, "Exemption certificate: indicator for legal control"),
        ("PRENO", 8, C, "Number of exemption certificate in export/import"),
        ("PREND", 8, D, "Exemption certificate: issue date"),
        ("PRENE", 1, C, "Indicator: vendor declaration exists"),
        ("PRENG", 8, D, "Validity date of vendor declaration"),
        ("ITARK", 1, C, "Indicator: military goods"),
        ("PRFRQ", 7, C, "Recurring inspection interval"),
        ("KZKUP", 1, C, "Indicator: material can be co-product"),
        ("STRGR", 2, C, "Planning strategy group"),
        ("LGFSB", 4, C, "Default storage location for external procurement"),
        ("SCHGT", 1, C, "Indicator: bulk material"),
        ("CCFIX", 1, C, "CC indicator is fixed"),
        ("EPRIO", 4, C, "Stock determination group"),
        ("QMATA", 6, C, "Material authorization group for activities in QM"),
        ("PLNTY", 1, C, "Task list type"),
        ("MMSTA", 2, C, "Plant-specific material status"),
        ("SFCPF", 6, C, "Production scheduling profile"),
        ("SHFLG", 1, C, "Safety time indicator"),
        ("SHZET", 2, C, "Safety time (in workdays)"),
        ("MDACH", 2, C, "Action control: planned order processing"),
        ("KZECH", 1, C, "Determination of batch entry in the production/process order"),
        ("MMSTD", 8, D, "Date from which the plant-specific material status is valid"),
        ("MFRGR", 8, C, "Material freight group"),
        ("FVIDK", 4, C, "Production version to be costed"),
        ("INDUS", 2, C, "Material CFOP category"),
        ("MOWNR", 12, C, "CAP: number of CAP products list"),
        ("MOGRU", 6, C, "Common agricultural policy: CAP products group"),
        ("CASNR", 15, C, "CAS number for pharmaceutical products in foreign trade"),
        ("GPNUM", 9, C, "Production statistics: PRODCOM number for foreign trade"),
        ("STEUC", 16, C, "Control code for consumption taxes in foreign trade"),
        ("FABKZ", 1, C, "Indicator: item relevant to JIT delivery schedules"),
        ("MATGR", 20, C, "Group of materials for transition matrix"),
        ("LOGGR", 4, C, "Logistics handling group for workload calculation"),
        ("VSPVB", 10, C, "Proposed supply area in material master record"),
        ("DPLFS", 2, C, "Fair share rule"),
        ("DPLPU", 1, C, "Indicator: push distribution"),
        ("DPLHO", 4, C, "Deployment horizon in days"),
        ("MINLS", 15, Q, "Minimum lot size for supply demand match"),
        ("MAXLS", 15, Q, "Maximum lot size for supply demand match"),
        ("FIXLS", 15, Q, "Fixed lot size for supply demand match"),
        ("LTINC", 15, Q, "Lot size increment"),
        ("COMPL", 2, C, "This field is no longer used"),
        ("CONVT", 2, C, "Conversion types for production figures"),
        ("FPRFM", 3, C, "Distribution profile of material in plant"),
        ("SHPRO", 3, C, "Period profile for safety time"),
        ("FXPRU", 1, C, "Fixed-price co-product"),
        ("KZPSP", 1, C, "Indicator for cross-project material"),
        ("OCMPF", 6, C, "Overall profile for order change management"),
        ("APOKZ", 1, C, "Indicator: is material included in APO"),
        ("AHDIS", 1, C, "MRP relevancy for dependent requirements"),
        ("EISLO", 15, Q, "Minimum safety stock"),
        ("NCOST", 1, C, "Do not cost"),
        ("MEGRU", 4, C, "Unit of measure group"),
        ("ROTATION_DATE", 1, C, "Strategy for putaway and stock removal"),
        ("UCHKZ", 1, C, "Indicator for original batch management"),
        ("UCMAT", 18, C, "Reference material for original batches"),
        elements=_MSGFN_ELEMENT,
    ),
    children=(E1MARC1, E1MARDM, E1MFHMM, E1MPGDM, E1MPOPM, E1MPRWM, E1MVEGM, E1MVEUM,
              E1MKALM),
    max_occurs=UNBOUNDED,
    source=_MSGFN_SOURCE + "; field list: "
    + _LADS.format(record="MRC, MSGFN to UCMAT; the fields from MSGFN1 on are those of "
                               "the child segments the program reads into the same record") +
           "; datapanda.eu, \"SAP table E1MARCM (Master material C segment (MARC))\" "
           "(https://datapanda.eu/en/sap/table/E1MARCM) for MSGFN to ALTSL, with the same "
           "lengths; types of PLIFZ, WEBAZ, AUSSS from sapdatasheet.org, \"BAPIE1MARC\" "
           "(DEC 3, DEC 3, DEC 5,2).",
    notes="the times, percentages and counters after ALTSL (BEARZ, DZEIT, UEETO, VZUSL, "
          "KAUSF, ...) are declared as CHAR with the listed length, since no public listing "
          "gave their segment type. " + _LADS_LIMITS,
)

E1MEANM = Segment(
    "E1MEANM", "Master material international article numbers (MEAN)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("MEINH", 3, U, "Unit of measure"),
        ("LFNUM", 5, N, "Consecutive number"),
        ("EAN11", 18, C, "International article number (EAN/UPC)"),
        ("EANTP", 2, C, "Category of international article number (EAN)"),
        ("HPEAN", 1, C, "Indicator: main EAN"),
    ),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="UOE: MSGFN 3, MEINH 3, LFNUM 5, EAN11 18, EANTP 2, "
                               "HPEAN 1") + "; " + _TREE,
    notes="no posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "
          + _LADS_LIMITS,
)

E1MARMM = Segment(
    "E1MARMM", "Master material units of measure (MARM)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("MEINH!", 3, U, "Alternative unit of measure for stockkeeping unit"),
        ("UMREZ", 5, DE, "Numerator for conversion to base units of measure"),
        ("UMREN", 5, DE, "Denominator for conversion to base units of measure"),
        ("EAN11", 18, C, "International article number (EAN/UPC)"),
        ("NUMTP", 2, C, "Category of international article number (EAN)"),
        ("LAENG", 14, Q, "Length"),
        ("BREIT", 14, Q, "Width"),
        ("HOEHE", 14, Q, "Height"),
        ("MEABM", 3, U, "Unit of dimension for length/width/height"),
        ("VOLUM", 14, Q, "Volume"),
        ("VOLEH", 3, U, "Volume unit"),
        ("BRGEW", 14, Q, "Gross weight"),
        ("GEWEI", 3, U, "Weight unit"),
        ("MESUB", 3, U, "Lower-level unit of measure in a packing hierarchy"),
        ("GTIN_VARIANT", 2, C, "Global trade item number variant"),
        ("NEST_FTR", 3, DE, "Remaining volume after nesting (in percentage)"),
        ("MAX_STACK", 3, DE, "Maximum stacking factor"),
        ("CAPAUSE", 16, DE, "Capacity usage"),
    ),
    children=(E1MEANM,),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="UOM, MSGFN to GTIN_VARIANT") + "; " + _TREE + "; NEST_FTR, "
           "MAX_STACK and CAPAUSE after GEWEI, in that order: a MATMAS05 written by an SAP "
           "ECC system (GitHub, Balajihari3105/XmlPrasing, README.md: NEST_FTR 0, "
           "MAX_STACK 0, CAPAUSE 0.000)",
    notes="inbound, each segment is stored as a MARM row (MSGFN 003 removes the unit) "
          "and its unit fields are converted from ISO codes; BD10 and change pointers send "
          "the MARM rows back in it. " + _LADS_LIMITS + " NEST_FTR, "
          "MAX_STACK and CAPAUSE follow GTIN_VARIANT: the sample shows them after GEWEI "
          "with MESUB and GTIN_VARIANT blank (left out), and the listing ends at "
          "GTIN_VARIANT. Their lengths in the segment are not confirmed by a public "
          "source: they are taken from the MARM fields (NEST_FTR DEC 3, MAX_STACK INT1 3, "
          "CAPAUSE DEC 15,3 with room for the decimal point, as LAENG QUAN 13,3 has 14).",
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
        ("PEINH", 5, N, "Price unit"),
        ("BKLAS", 4, C, "Valuation class"),
        ("VMVPR", 1, C, "Price control indicator in previous period"),
        ("VMVER", 12, CU, "Moving average price in previous period"),
        ("VMSTP", 12, CU, "Standard price in the previous period"),
        ("VMPEI", 5, N, "Price unit of previous period"),
        ("VMBKL", 4, C, "Valuation class in previous period"),
        ("VJVPR", 1, C, "Price control indicator in previous year"),
        ("VJVER", 12, CU, "Moving average price in previous year"),
        ("VJSTP", 12, CU, "Standard price in previous year"),
        ("LFGJA", 4, N, "Fiscal year of current period"),
        ("LFMON", 2, N, "Current period (posting period)"),
        ("BWTTY", 1, C, "Valuation category"),
        ("ZKPRS", 12, CU, "Future price"),
        ("ZKDAT", 8, D, "Date as of which the price is valid"),
        ("BWPRS", 12, CU, "Valuation price based on tax law: level 1"),
        ("BWPRH", 12, CU, "Valuation price based on commercial law: level 1"),
        ("VJBWS", 12, CU, "Valuation price based on tax law: level 3"),
        ("VJBWH", 12, CU, "Valuation price based on commercial law: level 3"),
        ("VVJLB", 15, C, "Total valuated stock in year before last"),
        ("VVMLB", 15, C, "Total valuated stock in period before last"),
        ("VVSAL", 15, C, "Value of total valuated stock in period before last"),
        ("ZPLPR", 12, CU, "Future planned price"),
        ("ZPLP1", 12, CU, "Future planned price 1"),
        ("ZPLP2", 12, CU, "Future planned price 2"),
        ("ZPLP3", 12, CU, "Future planned price 3"),
        ("ZPLD1", 8, D, "Date from which future planned price 1 is valid"),
        ("ZPLD2", 8, D, "Date from which future planned price 2 is valid"),
        ("ZPLD3", 8, D, "Date from which future planned price 3 is valid"),
        ("KALKZ", 1, C, "Indicator: standard cost estimate for future period"),
        ("KALKL", 1, C, "Standard cost estimate for current period"),
        ("XLIFO", 1, C, "LIFO/FIFO-relevant"),
        ("MYPOL", 4, C, "Pool number for LIFO valuation"),
        ("BWPH1", 12, CU, "Valuation price based on commercial law: level 2"),
        ("BWPS1", 12, CU, "Valuation price based on tax law: level 2"),
        ("ABWKZ", 2, C, "Lowest value: devaluation indicator"),
        ("PSTAT", 15, C, "Maintenance status"),
        ("KALN1", 12, C, "Cost estimate number - product costing"),
        ("KALNR", 12, C, "Cost estimate number for cost est. w/o qty structure"),
        ("BWVA1", 3, C, "Valuation variant for future standard cost estimate"),
        ("BWVA2", 3, C, "Valuation variant for current standard cost estimate"),
        ("BWVA3", 3, C, "Valuation variant for previous standard cost estimate"),
        ("VERS1", 2, C, "Costing version of future standard cost estimate"),
        ("VERS2", 2, C, "Costing version of current standard cost estimate"),
        ("VERS3", 2, C, "Costing version of previous standard cost estimate"),
        ("HRKFT", 4, C, "Origin group as subdivision of cost element"),
        ("KOSGR", 10, C, "Costing overhead group"),
        ("PPRDZ", 3, C, "Period of future standard cost estimate"),
        ("PPRDL", 3, C, "Period of current standard cost estimate"),
        ("PPRDV", 3, C, "Period of previous standard cost estimate"),
        ("PDATZ", 4, C, "Fiscal year of future standard cost estimate"),
        ("PDATL", 4, C, "Fiscal year of current standard cost estimate"),
        ("PDATV", 4, C, "Fiscal year of previous standard cost estimate"),
        ("EKALR", 1, C, "Material is costed with quantity structure"),
        ("VPLPR", 12, CU, "Previous planned price"),
        ("MLMAA", 1, C, "Material ledger activated at material level"),
        ("MLAST", 1, C, "Material price determination: control"),
        ("VJBKL", 4, C, "Valuation class in previous year"),
        ("VJPEI", 7, C, "Price unit of previous year"),
        ("HKMAT", 1, C, "Material-related origin"),
        ("EKLAS", 4, C, "Valuation class for sales order stock"),
        ("QKLAS", 4, C, "Valuation class for project stock"),
        ("MTUSE", 1, C, "Usage of the material"),
        ("MTORG", 1, C, "Origin of the material"),
        ("OWNPR", 1, C, "Produced in-house"),
        ("BWPEI", 6, C, "Price unit for valuation prices based on tax/commercial law"),
    ),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="MBE, MSGFN to BWPEI"),
    notes="PEINH is 5 characters there (6 as declared before, from the MBEW field); the "
          "stock totals VVJLB, VVMLB, VVSAL and the price units VJPEI and BWPEI are declared "
          "as CHAR with the listed length, since no public listing gave their segment type. "
          + _LADS_LIMITS,
)

E1MLGTM = Segment(
    "E1MLGTM", "Master material storage type data (MLGT)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("LGTYP!", 3, C, "Storage type"),
        ("LVORM", 1, C, "Deletion flag for all material data of a storage type"),
        ("LGPLA", 10, C, "Storage bin"),
        ("LPMAX", 15, Q, "Maximum storage bin quantity"),
        ("LPMIN", 15, Q, "Minimum storage bin quantity"),
        ("MAMNG", 15, Q, "Control quantity"),
        ("NSMNG", 15, Q, "Replenishment quantity"),
        ("KOBER", 3, C, "Picking area"),
        ("RDMNG", 15, Q, "Rounding quantity"),
    ),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="MLG, MSGFN to RDMNG") + "; " + _TREE,
    notes="no posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "
          + _LADS_LIMITS,
)

E1MLGNM = Segment(
    "E1MLGNM", "Master material warehouse number data (MLGN)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("LGNUM!", 3, C, "Warehouse number"),
        ("LVORM", 1, C, "Deletion flag for all material data of a warehouse number"),
        ("LGBKZ", 3, C, "Storage section indicator"),
        ("LTKZE", 3, C, "Storage type indicator for stock placement"),
        ("LTKZA", 3, C, "Storage type indicator for stock removal"),
        ("LHMG1", 14, Q, "Loading equipment quantity 1"),
        ("LHMG2", 14, Q, "Loading equipment quantity 2"),
        ("LHMG3", 14, Q, "Loading equipment quantity 3"),
        ("LHME1", 3, U, "Unit of measure for loading equipment quantity 1"),
        ("LHME2", 3, U, "Unit of measure for loading equipment quantity 2"),
        ("LHME3", 3, U, "Unit of measure for loading equipment quantity 3"),
        ("LETY1", 3, C, "Storage unit type 1"),
        ("LETY2", 3, C, "Storage unit type 2"),
        ("LETY3", 3, C, "Storage unit type 3"),
        ("LVSME", 3, U, "Warehouse management unit of measure"),
        ("KZZUL", 1, C, "Indicator: allow addition to existing stock"),
        ("BLOCK", 2, C, "Bulk storage indicators"),
        ("KZMBF", 1, C, "Indicator: message to inventory management"),
        ("BSSKZ", 1, C, "Special movement indicator for warehouse management"),
        ("MKAPV", 13, C, "Capacity usage"),
        ("BEZME", 3, U, "Unit of measure for capacity consumption"),
        ("PLKPT", 3, C, "Picking storage type for rough-cut and detailed planning"),
        ("VOMEM", 1, C, "Proposal for the unit of measure from the material master"),
        ("L2SKR", 1, C, "Material relevance for 2-step picking"),
    ),
    children=(E1MLGTM,),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="MGN, MSGFN to L2SKR") + "; " + _TREE,
    notes="no posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "
          "MKAPV is declared as CHAR with the listed length, since no public listing gave "
          "its segment type. " + _LADS_LIMITS,
)

E1MVKEM = Segment(
    "E1MVKEM", "Master material sales data (MVKE)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("VKORG!", 4, C, "Sales organization"),
        ("VTWEG!", 2, C, "Distribution channel"),
        ("LVORM", 1, C, "Deletion flag at distribution chain level"),
        ("VERSG", 1, C, "Material statistics group"),
        ("BONUS", 2, C, "Volume rebate group"),
        ("PROVG", 2, C, "Commission group"),
        ("SKTOF", 1, C, "Cash discount indicator"),
        ("VMSTA", 2, C, "Distribution-chain-specific material status"),
        ("VMSTD", 8, D, "Date from which distribution-chain material status is valid"),
        ("AUMNG", 14, Q, "Minimum order quantity in base unit of measure"),
        ("LFMNG", 14, Q, "Minimum delivery quantity in delivery note processing"),
        ("EFMNG", 14, Q, "Minimum make-to-order quantity"),
        ("SCMNG", 14, Q, "Delivery unit"),
        ("SCHME", 3, U, "Unit of measure of delivery unit"),
        ("VRKME", 3, U, "Sales unit"),
        ("MTPOS", 4, C, "Item category group"),
        ("DWERK", 4, C, "Delivering plant"),
        ("PRODH", 18, C, "Product hierarchy"),
        ("PMATN", 18, C, "Pricing reference material"),
        ("KONDM", 2, C, "Material pricing group"),
        ("KTGRM", 2, C, "Account assignment group"),
        ("MVGR1", 3, C, "Material group 1"),
        ("MVGR2", 3, C, "Material group 2"),
        ("MVGR3", 3, C, "Material group 3"),
        ("MVGR4", 3, C, "Material group 4"),
        ("MVGR5", 3, C, "Material group 5"),
        ("SSTUF", 2, C, "Assortment grade"),
        ("PFLKS", 1, C, "External assortment priority"),
        ("LSTFL", 2, C, "Listing procedure for store or other assortment categories"),
        ("LSTVZ", 2, C, "Listing procedure for distr. center assortment categories"),
        ("LSTAK", 1, C, "Listing for assortment category"),
        ("PRAT1", 1, C, "Product attribute 1"),
        ("PRAT2", 1, C, "Product attribute 2"),
        ("PRAT3", 1, C, "Product attribute 3"),
        ("PRAT4", 1, C, "Product attribute 4"),
        ("PRAT5", 1, C, "Product attribute 5"),
        ("PRAT6", 1, C, "Product attribute 6"),
        ("PRAT7", 1, C, "Product attribute 7"),
        ("PRAT8", 1, C, "Product attribute 8"),
        ("PRAT9", 1, C, "Product attribute 9"),
        ("PRATA", 1, C, "Product attribute 10"),
        ("VAVME", 1, C, "Variable sales unit not allowed"),
        ("RDPRF", 4, C, "Rounding profile"),
        ("MEGRU", 4, C, "Unit of measure group"),
        ("PMATN_EXTERNAL", 40, C, "Long material number for field PMATN"),
        ("PMATN_VERSION", 10, C, "Version number for field PMATN"),
        ("PMATN_GUID", 32, C, "External GUID for field PMATN"),
    ),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="SAD, MSGFN to PMATN_GUID"),
    notes="AUMNG and LFMNG are 14 characters there (13 as declared before, from the MVKE "
          "fields). " + _LADS_LIMITS,
)

E1MLANM = Segment(
    "E1MLANM", "Master material tax classification (MLAN)",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("ALAND!", 3, C, "Departure country (country from which the goods are sent)"),
        ("TATY1", 4, C, "Tax category 1"),
        ("TAXM1", 1, C, "Tax classification material 1"),
        ("TATY2", 4, C, "Tax category 2"),
        ("TAXM2", 1, C, "Tax classification material 2"),
        ("TATY3", 4, C, "Tax category 3"),
        ("TAXM3", 1, C, "Tax classification material 3"),
        ("TATY4", 4, C, "Tax category 4"),
        ("TAXM4", 1, C, "Tax classification material 4"),
        ("TATY5", 4, C, "Tax category 5"),
        ("TAXM5", 1, C, "Tax classification material 5"),
        ("TATY6", 4, C, "Tax category 6"),
        ("TAXM6", 1, C, "Tax classification material 6"),
        ("TATY7", 4, C, "Tax category 7"),
        ("TAXM7", 1, C, "Tax classification material 7"),
        ("TATY8", 4, C, "Tax category 8"),
        ("TAXM8", 1, C, "Tax classification material 8"),
        ("TATY9", 4, C, "Tax category 9"),
        ("TAXM9", 1, C, "Tax classification material 9"),
        ("TAXIM", 1, C, "Tax indicator for material (purchasing)"),
    ),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="TAX, MSGFN to TAXIM") + "; " + _TREE,
    notes="no posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "
          "ALAND is a country key; it is not converted from an ISO code. " + _LADS_LIMITS,
)

E1MTXLM = Segment(
    "E1MTXLM", "Master material long text lines",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("TDFORMAT", 2, C, "Tag column"),
        ("TDLINE", 132, C, "Text line"),
    ),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="TXL: MSGFN 3, TDFORMAT 2, TDLINE 132") + "; " + _TREE,
    notes="no posting logic reads this segment: an inbound IDoc keeps it in the IDoc only. "
          + _LADS_LIMITS,
)

E1MTXHM = Segment(
    "E1MTXHM", "Master material long text header",
    fields(
        ("MSGFN", 3, C, "Function"),
        ("TDOBJECT", 10, C, "Texts: application object"),
        ("TDNAME", 70, C, "Name"),
        ("TDID", 4, C, "Text ID"),
        ("TDSPRAS", 1, L, "Language key"),
        ("TDTEXTTYPE", 6, C, "SAPscript: format of text"),
        ("SPRAS_ISO", 2, C, "Language according to ISO 639"),
    ),
    children=(E1MTXLM,),
    max_occurs=UNBOUNDED,
    source=_LADS.format(record="TXH: MSGFN 3, TDOBJECT 10, TDNAME 70, TDID 4, TDSPRAS 1, "
                               "TDTEXTTYPE 6, SPRAS_ISO 2") + "; " + _TREE,
    notes="no posting logic reads this segment: an inbound IDoc keeps it (and its text "
          "lines) in the IDoc only. " + _LADS_LIMITS,
)

E1MARA1 = Segment(
    "E1MARA1", "Additional fields for E1MARAM",
    fields(
        ("MATNR_EXTERNAL", 40, C, "Material number (long material number)"),
        ("MATNR_VERSION", 10, C, "Version number for field MATNR"),
        ("MATNR_GUID", 32, C, "External GUID for field MATNR"),
        ("BMATN_EXTERNAL", 40, C, "Long material number for field BMATN"),
        ("BMATN_VERSION", 10, C, "Version number for field BMATN"),
        ("BMATN_GUID", 32, C, "External GUID for field BMATN"),
        ("STOFF_EXTERNAL", 40, C, "Long material number for field STOFF"),
        ("STOFF_VERSION", 10, C, "Version number for field STOFF"),
        ("STOFF_GUID", 32, C, "External GUID for field STOFF"),
    ),
    max_occurs=1,
    source=_MATMAS04_XSD + " (E1MARA1 \"Additional Fields for E1MARAM\", 0..1, first child "
           "of E1MARAM, MATNR_EXTERNAL to STOFF_GUID); " + _TREE,
    notes=_IDOC_ONLY + "The segment has no MSGFN field in that schema. The field list is "
          "that of MATMAS04: fields that later versions of the segment append (S/4HANA "
          "samples carry more of them) are not confirmed and not declared, so an IDoc "
          "carrying one of them still ends in status 60.",
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
        ("BEHVO", 2, C, "Container requirements"),
        ("RAUBE", 2, C, "Storage conditions"),
        ("TEMPB", 2, C, "Temperature conditions indicator"),
        ("TRAGR", 4, C, "Transportation group"),
        ("STOFF", 18, C, "Hazardous material number"),
        ("SPART", 2, C, "Division"),
        ("KUNNR", 10, C, "Competitor"),
        ("WESCH", 14, Q, "Quantity: number of GR/GI slips to be printed"),
        ("BWVOR", 1, C, "Procurement rule"),
        ("BWSCL", 1, C, "Source of supply"),
        ("SAISO", 4, C, "Season category"),
        ("ETIAR", 2, C, "Label type"),
        ("ETIFO", 2, C, "Label form"),
        ("EAN11", 18, C, "International article number (EAN/UPC)"),
        ("NUMTP", 2, C, "Category of international article number (EAN)"),
        ("LAENG", 14, Q, "Length"),
        ("BREIT", 14, Q, "Width"),
        ("HOEHE", 14, Q, "Height"),
        ("MEABM", 3, U, "Unit of dimension for length/width/height"),
        ("PRDHA", 18, C, "Product hierarchy"),
        ("CADKZ", 1, C, "CAD indicator"),
        ("ERGEW", 14, Q, "Allowed packaging weight"),
        ("ERGEI", 3, U, "Unit of weight (allowed packaging weight)"),
        ("ERVOL", 14, Q, "Allowed packaging volume"),
        ("ERVOE", 3, U, "Volume unit (allowed packaging volume)"),
        ("GEWTO", 3, DE, "Excess weight tolerance for handling unit"),
        ("VOLTO", 3, DE, "Excess volume tolerance of the handling unit"),
        ("VABME", 1, C, "Variable purchase order unit active"),
        ("KZKFG", 1, C, "Configurable material"),
        ("XCHPF", 1, C, "Batch management requirement indicator"),
        ("VHART", 4, C, "Packaging material type"),
        ("FUELG", 3, DE, "Maximum level (by volume)"),
        ("STFAK", 5, C, "Stacking factor"),
        ("MAGRV", 4, C, "Material group: packaging materials"),
        ("BEGRU", 4, C, "Authorization group"),
        ("QMPUR", 1, C, "QM in procurement is active"),
        ("RBNRM", 9, C, "Catalog profile"),
        ("MHDRZ", 6, DE, "Minimum remaining shelf life"),
        ("MHDHB", 6, DE, "Total shelf life"),
        ("MHDLP", 5, DE, "Storage percentage"),
        ("VPSTA", 15, C, "Maintenance status of complete material"),
        ("EXTWG", 18, C, "External material group"),
        ("MSTAE", 2, C, "Cross-plant material status"),
        ("MSTAV", 2, C, "Cross-distribution-chain material status"),
        ("MSTDE", 8, D, "Date from which the cross-plant material status is valid"),
        ("MSTDV", 8, D, "Date from which the X-distr.-chain material status is valid"),
        ("KZUMW", 1, C, "Environmentally relevant"),
        ("KOSCH", 18, C, "Product allocation determination procedure"),
        ("NRFHG", 1, C, "Material qualifies for discount in kind"),
        ("MFRPN", 40, C, "Manufacturer part number"),
        ("MFRNR", 10, C, "Manufacturer number"),
        ("BMATN", 18, C, "Number of firm's own (internal) inventory-managed material"),
        ("MPROF", 4, C, "Manufacturer part profile"),
        ("PROFL", 3, C, "Dangerous goods indicator profile"),
        ("IHIVI", 1, C, "Indicator: highly viscous"),
        ("ILOOS", 1, C, "Indicator: in bulk/liquid"),
        ("KZGVH", 1, C, "Packaging material is closed packaging"),
        ("XGCHP", 1, C, "Indicator: approved batch record required"),
        ("COMPL", 2, C, "Material completion level"),
        ("KZEFF", 1, C, "Assign effectivity parameter values/override change numbers"),
        ("RDMHD", 1, C, "Rounding rule for calculation of SLED"),
        ("IPRKZ", 1, C, "Period indicator for shelf life expiration date"),
        ("PRZUS", 1, C, "Indicator: product composition printed on packaging"),
        ("MTPOS_MARA", 4, C, "General item category group"),
        ("GEWTO_NEW", 5, DE, "Excess weight tolerance for handling unit"),
        ("VOLTO_NEW", 5, DE, "Excess volume tolerance of the handling unit"),
        ("WRKST_NEW", 48, C, "Basic material"),
        ("AENNR", 12, C, "Change number"),
        ("MATFI", 1, C, "Material is locked"),
        ("CMREL", 1, C, "Relevant for configuration management"),
        ("SATNR", 18, C, "Cross-plant configurable material"),
        ("SLED_BBD", 1, C, "Expiration date (shelf life or best-before date)"),
        ("GTIN_VARIANT", 2, C, "Global trade item number variant"),
        ("GENNR", 18, C, "Material number of the generic material in prepack materials"),
        ("SERLV", 1, C, "Level of explicitness for serial number"),
        ("RMATP", 18, C, "Reference material for materials packed in same way"),
        ("GDS_RELEVANT", 1, C, "Relevant for global data synchronization"),
        ("MCOND", 1, C, "Material condition management"),
        ("RETDELC", 1, C, "Return code"),
        ("LOGLEV_RETO", 1, C, "Return to logistics level"),
        ("NSNID", 9, C, "NATO item identification number"),
        ("WEORA", 1, C, "Acceptance at origin"),
        ("PACKCODE", 10, C, "Packaging code"),
        ("DG_PACK_STATUS", 10, C, "Dangerous goods packaging status"),
        ("ANP", 9, N, "ANP code"),
        ("MATNR_LONG", 40, C, "Material number (40 characters, needed technically)"),
        ("BISMT_LONG", 40, C, "Old material number (40 characters, needed technically)"),
        elements=_MSGFN_ELEMENT,
    ),
    children=(E1MARA1, E1MAKTM, E1MARCM, E1MARMM, E1MBEWM, E1MLGNM, E1MVKEM, E1MLANM, E1MTXHM),
    min_occurs=1,
    max_occurs=1,
    source=_MSGFN_SOURCE + "; field list: "
    + _LADS.format(record="HDR, MATNR to RMATP; the program's record leaves out MSGFN") +
           "; leanx.eu, \"SAP Table E2MARAM\" (https://leanx.eu/en/sap/table/e2maram.html) "
           "and beyondse16.com, \"Complete segment and field list of SAP IDoc MATMAS03\" "
           "(MSGFN to WRKST in SAP's order, with the same lengths); SAP Help, \"MATMAS03\" "
           "E1MARAM field table (help.sap.com/saphelp_me60, BRGEW, LAENG, BREIT, HOEHE quan "
           "14, MEABM unit 3, KZKFG char 1); the order of the fields as real MATMAS05 IDocs "
           "published on pastebin.com carry them (BLANZ, EKWSL, BRGEW, NTGEW, GEWEI, VOLUM, "
           "..., MTPOS_MARA). MATMAS05 uses segment definition E2MARAM009; " +
           _EXPORT.format(segment="E1MARAM (GDS_RELEVANT to BISMT_LONG after RMATP, and the "
                                  "types of the tolerance and shelf-life fields)") + ".",
    notes="GEWTO, VOLTO, FUELG, MHDRZ, MHDHB, MHDLP, GEWTO_NEW and VOLTO_NEW are DEC, as " +
          _EXPORT.format(segment="E1MARAM") + " types them (DEC 3 and DEC 4 digits), with the "
          "segment widths listed before; STFAK is INT2 there and stays CHAR, since a segment "
          "field is declared with a character-like type. The fields after RMATP (GDS_RELEVANT "
          "to BISMT_LONG, ANP NUMC 9) are those of the same listing, which does not name the "
          "segment definition; its /CWM/TOLGR, /CWM/TARA and /CWM/TARUM (catch weight "
          "management, between WEORA and PACKCODE) are not declared, since the listing does "
          "not say how IDoc-XML names a field with a namespace, so an IDoc carrying one of "
          "them still ends in status 60. " + _LADS_LIMITS + " Segments of the basic type that "
          "are not declared yet, so that an IDoc carrying them ends in status 60 (" + _TREE +
          "): E1CUCFG and its children.",
)

MATMAS05 = IdocType(
    "MATMAS05",
    ("MATMAS",),
    "Material master",
    (E1MARAM,),
)
