"""The material master tables: MARA, MAKT, MARC, MARD, MBEW, MVKE and MARM.

MARA and MARM carry SAP's full standard field list (ECC 6.0); the other tables the fields the
emulator's processes keep, in SAP's order. Each declaration names its source.
"""

from __future__ import annotations

from fake_sap.ddic.tables.declaration import REQUIRED, TableDeclaration, data, key
from fake_sap.ddic.types import (
    CLNT,
    DATS,
    LANG,
    AbapType,
    Elementary,
    char,
    curr,
    dec,
    numc,
    quan,
    unit,
)

_QUANTITY = quan(13)
_LARGE_QUANTITY = quan(15)
_AMOUNT = curr(11)
_INT2 = Elementary(AbapType.INT2, 5)
_TOLERANCE = dec(3, 1)
_CHARACTERISTIC = numc(10)


def _mandt() -> tuple:  # type: ignore[type-arg]
    return (key("MANDT", CLNT, "Client", check_table="T000"),)


def _matnr() -> tuple:  # type: ignore[type-arg]
    return (key("MATNR", char(18), "Material Number"),)


_LEANX = "leanx.eu, \"SAP Table {name}\" (https://www.leanx.eu/en/sap/table/{lower}.html)"
_SUBSET = ("A subset of SAP's fields: the ones the emulator's processes keep, in SAP's order "
           "and with SAP's types and lengths. The others are not declared yet.")


def _listing(name: str) -> str:
    return _LEANX.format(name=name, lower=name.lower())


MARA = TableDeclaration(
    "MARA", "General Material Data",
    (
        *_mandt(), *_matnr(),
        data("ERSDA", DATS, "Created On", initial=REQUIRED),
        data("ERNAM", char(12), "Name of Person who Created the Object"),
        data("LAEDA", DATS, "Date of Last Change"),
        data("AENAM", char(12), "Name of Person Who Changed Object"),
        data("VPSTA", char(15), "Maintenance status of complete material"),
        data("PSTAT", char(15), "Maintenance status"),
        data("LVORM", char(1), "Flag Material for Deletion at Client Level",
             element="LVOMA"),
        data("MTART", char(4), "Material Type", initial=REQUIRED, check_table="T134"),
        data("MBRSH", char(1), "Industry Sector", initial="M", check_table="T137"),
        data("MATKL", char(9), "Material Group", check_table="T023"),
        data("BISMT", char(18), "Old material number"),
        data("MEINS", unit(), "Base Unit of Measure", initial=REQUIRED, check_table="T006"),
        data("BSTME", unit(), "Purchase Order Unit of Measure", check_table="T006"),
        data("ZEINR", char(22), "Document number (without document management system)"),
        data("ZEIAR", char(3), "Document type (without Document Management system)"),
        data("ZEIVR", char(2), "Document version (without Document Management system)"),
        data("ZEIFO", char(4), "Page format of document (without Document Management "
                               "system)"),
        data("AESZN", char(6), "Document change number (without document management "
                               "system)"),
        data("BLATT", char(3), "Page number of document (without Document Management "
                               "system)"),
        data("BLANZ", numc(3), "Number of sheets (without Document Management system)"),
        data("FERTH", char(18), "Production/inspection memo"),
        data("FORMT", char(4), "Page Format of Production Memo"),
        data("GROES", char(32), "Size/dimensions"),
        data("WRKST", char(48), "Basic Material"),
        data("NORMT", char(18), "Industry Standard Description (such as ANSI or ISO)"),
        data("LABOR", char(3), "Laboratory/design office", check_table="T024L"),
        data("EKWSL", char(4), "Purchasing Value Key"),
        data("BRGEW", _QUANTITY, "Gross Weight"),
        data("NTGEW", _QUANTITY, "Net Weight"),
        data("GEWEI", unit(), "Weight Unit", check_table="T006"),
        data("VOLUM", _QUANTITY, "Volume"),
        data("VOLEH", unit(), "Volume unit", check_table="T006"),
        data("BEHVO", char(2), "Container requirements", check_table="T144"),
        data("RAUBE", char(2), "Storage conditions", check_table="T142"),
        data("TEMPB", char(2), "Temperature conditions indicator", check_table="T143"),
        data("DISST", char(3), "Low-level code"),
        data("TRAGR", char(4), "Transportation group", check_table="TTGR"),
        data("STOFF", char(18), "Hazardous material number", check_table="MGEF"),
        data("SPART", char(2), "Division", check_table="TSPA"),
        data("KUNNR", char(10), "Competitor", element="", check_table="KNA1"),
        data("EANNR", char(13), "European Article Number (EAN) - obsolete"),
        data("WESCH", _QUANTITY, "Quantity: Number of GR/GI Slips to Be Printed"),
        data("BWVOR", char(1), "Procurement rule"),
        data("BWSCL", char(1), "Source of Supply"),
        data("SAISO", char(4), "Season Category"),
        data("ETIAR", char(2), "Label type"),
        data("ETIFO", char(2), "Label form"),
        data("ENTAR", char(1), "Disposal type"),
        data("EAN11", char(18), "International Article Number (EAN/UPC)"),
        data("NUMTP", char(2), "Category of International Article Number (EAN)"),
        data("LAENG", _QUANTITY, "Length"),
        data("BREIT", _QUANTITY, "Width"),
        data("HOEHE", _QUANTITY, "Height"),
        data("MEABM", unit(), "Unit of Dimension for Length/Width/Height"),
        data("PRDHA", char(18), "Product hierarchy"),
        data("AEKLK", char(1), "Stock Transfer Net Change Costing"),
        data("CADKZ", char(1), "CAD Indicator"),
        data("QMPUR", char(1), "QM in Procurement is Active"),
        data("ERGEW", _QUANTITY, "Allowed packaging weight"),
        data("ERGEI", unit(), "Unit of weight (allowed packaging weight)"),
        data("ERVOL", _QUANTITY, "Allowed packaging volume"),
        data("ERVOE", unit(), "Volume unit (allowed packaging volume)"),
        data("GEWTO", _TOLERANCE, "Excess Weight Tolerance for Handling unit"),
        data("VOLTO", _TOLERANCE, "Excess Volume Tolerance of the Handling Unit"),
        data("VABME", char(1), "Variable Purchase Order Unit Active"),
        data("KZREV", char(1), "Revision Level Has Been Assigned to the Material"),
        data("KZKFG", char(1), "Configurable Material"),
        data("XCHPF", char(1), "Batch management requirement indicator"),
        data("VHART", char(4), "Packaging Material Type"),
        data("FUELG", dec(3), "Maximum level (by volume)"),
        data("STFAK", _INT2, "Stacking factor"),
        data("MAGRV", char(4), "Material Group: Packaging Materials"),
        data("BEGRU", char(4), "Authorization Group"),
        data("DATAB", DATS, "Valid-From Date"),
        data("LIQDT", DATS, "Deletion date"),
        data("SAISJ", char(4), "Season Year"),
        data("PLGTP", char(2), "Price Band Category"),
        data("MLGUT", char(1), "Empties Bill of Material"),
        data("EXTWG", char(18), "External Material Group"),
        data("SATNR", char(18), "Cross-Plant Configurable Material"),
        data("ATTYP", char(2), "Material Category"),
        data("KZKUP", char(1), "Indicator: Material can be co-product"),
        data("KZNFM", char(1), "Indicator: The material has a follow-up material"),
        data("PMATA", char(18), "Pricing reference material"),
        data("MSTAE", char(2), "Cross-Plant Material Status"),
        data("MSTAV", char(2), "Cross-distribution-chain material status"),
        data("MSTDE", DATS, "Date from which the cross-plant material status is valid"),
        data("MSTDV", DATS, "Date from which the X-distr.-chain material status is valid"),
        data("TAKLV", char(1), "Tax classification of the material"),
        data("RBNRM", char(9), "Catalog Profile"),
        data("MHDRZ", dec(4), "Minimum Remaining Shelf Life"),
        data("MHDHB", dec(4), "Total shelf life"),
        data("MHDLP", dec(3), "Storage percentage"),
        data("INHME", unit(), "Content unit"),
        data("INHAL", _QUANTITY, "Net contents"),
        data("VPREH", dec(5), "Comparison price unit"),
        data("ETIAG", char(18), "IS-R Labeling: material grouping (deactivated in 4.0)"),
        data("INHBR", _QUANTITY, "Gross contents"),
        data("CMETH", char(1), "Quantity Conversion Method"),
        data("CUOBF", numc(18), "Internal object number"),
        data("KZUMW", char(1), "Environmentally Relevant"),
        data("KOSCH", char(18), "Product allocation determination procedure"),
        data("SPROF", char(1), "Pricing profile for variants"),
        data("NRFHG", char(1), "Material qualifies for discount in kind"),
        data("MFRPN", char(40), "Manufacturer Part Number"),
        data("MFRNR", char(10), "Number of a Manufacturer"),
        data("BMATN", char(18), "Number of firm's own (internal) inventory-managed material"),
        data("MPROF", char(4), "Mfr part profile"),
        data("KZWSM", char(1), "Units of measure usage"),
        data("SAITY", char(2), "Rollout in a Season"),
        data("PROFL", char(3), "Dangerous Goods Indicator Profile"),
        data("IHIVI", char(1), "Indicator: Highly Viscous"),
        data("ILOOS", char(1), "Indicator: In Bulk/Liquid"),
        data("SERLV", char(1), "Level of Explicitness for Serial Number"),
        data("KZGVH", char(1), "Packaging Material is Closed Packaging"),
        data("XGCHP", char(1), "Indicator: Approved batch record required"),
        data("KZEFF", char(1), "Assign effectivity parameter values/ override change "
                               "numbers"),
        data("COMPL", char(2), "Material completion level"),
        data("IPRKZ", char(1), "Period Indicator for Shelf Life Expiration Date"),
        data("RDMHD", char(1), "Rounding rule for calculation of SLED"),
        data("PRZUS", char(1), "Indicator: Product composition printed on packaging"),
        data("MTPOS_MARA", char(4), "General item category group"),
        data("BFLME", char(1), "Generic Material with Logistical Variants"),
        data("MATFI", char(1), "Material Is Locked"),
        data("CMREL", char(1), "Relevant for Configuration Management"),
        data("BBTYP", char(1), "Assortment List Type"),
        data("SLED_BBD", char(1), "Expiration Date"),
        data("GTIN_VARIANT", char(2), "Global Trade Item Number Variant"),
        data("GENNR", char(18), "Material Number of the Generic Material in Prepack "
                                "Materials"),
        data("RMATP", char(18), "Reference material for materials packed in same way"),
        data("GDS_RELEVANT", char(1), "Indicator: Relevant for Global Data Synchronization"),
        data("WEORA", char(1), "Acceptance at Origin"),
        data("HUTYP_DFLT", char(4), "Standard HU Type"),
        data("PILFERABLE", char(1), "Pilferable"),
        data("WHSTC", char(2), "Warehouse Storage Condition"),
        data("WHMATGR", char(4), "Warehouse Material Group"),
        data("HNDLCODE", char(4), "Handling Indicator"),
        data("HAZMAT", char(1), "Relevant for Hazardous Substances"),
        data("HUTYP", char(4), "Handling Unit Type"),
        data("TARE_VAR", char(1), "Variable Tare Weight"),
        data("MAXC", _LARGE_QUANTITY, "Maximum allowed capacity of packaging material"),
        data("MAXC_TOL", _TOLERANCE, "Overcapacity tolerance of the packaging material"),
        data("MAXL", _LARGE_QUANTITY, "Maximum Packing Length of Packaging Material"),
        data("MAXB", _LARGE_QUANTITY, "Maximum Packing Width of Packaging Material"),
        data("MAXH", _LARGE_QUANTITY, "Maximum Packing Height of Packaging Material"),
        data("MAXDIM_UOM", unit(), "Unit of Measure for Maximum Packing Length/Width/Height"),
        data("HERKL", char(3), "Country of origin of the material"),
        data("MFRGR", char(8), "Material freight group"),
        data("QQTIME", dec(3), "Quarantine Period"),
        data("QQTIMEUOM", unit(), "Time Unit for Quarantine Period"),
        data("QGRP", char(4), "Quality Inspection Group"),
        data("SERIAL", char(4), "Serial Number Profile"),
        data("PS_SMARTFORM", char(30), "Form Name"),
        data("LOGUNIT", unit(), "EWM CW: Logistics Unit of Measure"),
        data("CWQREL", char(1), "EWM CW: Material Is a Catch Weight Material"),
        data("CWQPROC", char(2), "EWM CW: Catch Weight Profile for Entering CW Quantity"),
        data("CWQTOLGR", char(9), "EWM-CW: Catch Weight Tolerance Group"),
        data("ADPROF", char(3), "Adjustment Profile"),
        data("ANIMAL_ORIGIN", char(1), "Animal Origin"),
        data("TEXTILE_COMP_IND", char(1), "Indicator for Textile Composition"),
        data("PACKCODE", char(10), "Packaging Code"),
        data("DG_PACK_STATUS", char(10), "Dangerous Goods Packaging Status"),
        data("MCOND", char(1), "Material Condition Management"),
        data("RETDELC", char(1), "Return Code"),
        data("LOGLEV_RETO", char(1), "Return to Logistics Level"),
        data("NSNID", char(9), "NATO Stock Number"),
        data("ADSPC_SPC", char(1), "Indicator: Spare Part Class Code"),
        data("IMATN", char(18), "FFF class"),
        data("PICNUM", char(18), "Supersession chain number"),
        data("BSTAT", char(2), "Creation Status - Seasonal Procurement"),
        data("COLOR_ATINN", _CHARACTERISTIC, "Internal Charactieristic Number for Color "
                                             "Characteristics"),
        data("SIZE1_ATINN", _CHARACTERISTIC, "Internal Char. Number for Characteristics "
                                             "for Main Sizes"),
        data("SIZE2_ATINN", _CHARACTERISTIC, "Internal Char. Number for Characteristics "
                                             "for Second Sizes"),
        data("COLOR", char(18), "Characteristic Value for Colors of Variants"),
        data("SIZE1", char(18), "Characteristic Value for Main Sizes of Variants"),
        data("SIZE2", char(18), "Characteristic Value for Second Size for Variants"),
        data("FREE_CHAR", char(18), "Characteristic Value for Evaluation Purposes"),
        data("CARE_CODE", char(16), "Care Codes (such as Washing Code, Ironing Code, etc.)"),
        data("BRAND_ID", char(4), "Brand"),
        data("FIBER_CODE1", char(3), "Fiber Code for Textiles (Component 1)"),
        data("FIBER_PART1", char(3), "Percentage Share of Fiber (Component 1)"),
        data("FIBER_CODE2", char(3), "Fiber Code for Textiles (Component 2)"),
        data("FIBER_PART2", char(3), "Percentage Share of Fiber (Component 2)"),
        data("FIBER_CODE3", char(3), "Fiber Code for Textiles (Component 3)"),
        data("FIBER_PART3", char(3), "Percentage Share of Fiber (Component 3)"),
        data("FIBER_CODE4", char(3), "Fiber Code for Textiles (Component 4)"),
        data("FIBER_PART4", char(3), "Percentage Share of Fiber (Component 4)"),
        data("FIBER_CODE5", char(3), "Fiber Code for Textiles (Component 5)"),
        data("FIBER_PART5", char(3), "Percentage Share of Fiber (Component 5)"),
        data("FASHGRD", char(4), "Fashion Grade"),
    ),
    source=("stechno.net, \"SAP Table MARA - General Material Data\" (field, data element, "
            "type, offset, length and decimals from MANDT to VOLEH in SAP's order); "
            "scribd.com, document 260453375, \"Sap Table Mara\" (the same listing, types "
            "and lengths from MANDT to FUELG); " + _listing("MARA") + " (the same, with "
            "check tables); the CREATE TABLE of an ECC 6.0 MARA published on GitHub "
            "(nodiergarcia89/Test1, SAP_STG/Tables/dbo.MARA.sql: every column in SAP's "
            "order with its length, packed numbers with their digits and decimals)"),
    notes=("Types beyond FUELG are taken from that CREATE TABLE: packed columns as QUAN "
           "where the field is a quantity with a unit field beside it and DEC otherwise, "
           "STFAK (a smallint there) as INT2, dates (DATAB, LIQDT, MSTDE, MSTDV) as DATS, "
           "unit fields as UNIT, the characteristic numbers (*_ATINN) and CUOBF as NUMC; "
           "every other character column as CHAR. The fields of industry add-ons in their "
           "own namespaces (/BEV1/..., /DSD/..., /VSO/...) and the customer fields (ZZ...) "
           "of that system are not declared; neither are the fields S/4HANA added (the "
           "40-character MATNR, CREATED_AT_TIME ...). Short texts beyond the listed part "
           "are the data elements' as far as known. Check tables: MANDT to VOLEH as the "
           "stechno.net and leanx.eu listings give them, BEHVO to KUNNR as the scribd.com "
           "listing does; the others are not declared. KUNNR is the competitor, not a "
           "customer number: it is not linked to data element KUNNR (its own data element "
           "is not confirmed)."),
    first_columns=("mandt", "matnr", "mtart", "mbrsh", "matkl", "meins", "spart", "bismt",
                   "mtpos_mara", "brgew", "ntgew", "gewei", "lvorm", "ersda", "ernam",
                   "laeda", "aenam"),
)

MAKT = TableDeclaration(
    "MAKT", "Material Descriptions",
    (
        *_mandt(), *_matnr(),
        key("SPRAS", LANG, "Language Key"),
        data("MAKTX", char(40), "Material description", initial=REQUIRED),
    ),
    source=_listing("MAKT"),
    notes="MAKTG (the description in upper case, for matchcodes) is not declared.",
    first_columns=("mandt", "matnr", "spras", "maktx"),
)

MARC = TableDeclaration(
    "MARC", "Plant Data for Material",
    (
        *_mandt(), *_matnr(),
        key("WERKS", char(4), "Plant"),
        data("LVORM", char(1), "Flag Material for Deletion at Plant Level"),
        data("MAABC", char(1), "ABC Indicator", check_table="TMABC"),
        data("KZKRI", char(1), "Indicator: Critical part"),
        data("EKGRP", char(3), "Purchasing Group"),
        data("AUSME", unit(), "Unit of issue", check_table="T006"),
        data("DISPR", char(4), "Material: MRP profile"),
        data("DISMM", char(2), "MRP Type"),
        data("DISPO", char(3), "MRP Controller (Materials Planner)"),
        data("PLIFZ", dec(3), "Planned Delivery Time in Days"),
        data("WEBAZ", dec(3), "Goods Receipt Processing Time in Days"),
        data("PERKZ", char(1), "Period Indicator"),
        data("AUSSS", dec(5, 2), "Assembly scrap in percent"),
        data("DISLS", char(2), "Lot size (materials planning)"),
        data("BESKZ", char(1), "Procurement Type"),
        data("SOBSL", char(2), "Special procurement type"),
        data("MINBE", _QUANTITY, "Reorder Point"),
        data("EISBE", _QUANTITY, "Safety Stock"),
        data("BSTMI", _QUANTITY, "Minimum Lot Size"),
        data("BSTMA", _QUANTITY, "Maximum Lot Size"),
        data("BSTFE", _QUANTITY, "Fixed lot size"),
        data("BSTRF", _QUANTITY, "Rounding value for purchase order quantity"),
        data("MABST", _QUANTITY, "Maximum stock level"),
        data("SBDKZ", char(1), "Dependent requirements ind. for individual and coll. "
                               "reqmts"),
        data("LAGPR", char(1), "Storage costs indicator"),
        data("ALTSL", char(1), "Method for Selecting Alternative Bills of Material"),
        data("MTVFP", char(2), "Checking Group for Availability Check"),
        data("PRCTR", char(10), "Profit Center"),
        data("TRAME", _QUANTITY, "Stock in transit", initial="0"),
    ),
    source=(_listing("MARC") + " (MANDT to DISPR in SAP's order, with data elements, "
            "check tables, types and lengths); datapanda.eu, \"SAP table MARC\" (the same "
            "up to WEBAZ); datapanda.eu, \"SAP table E1MARCM\" (MARC's fields from WERKS "
            "to ALTSL in the segment, in the same order); the types of MAABC to ALTSL are "
            "those of their data elements in sapdatasheet.org's listing of BAPI_MARC, "
            "which has the same data elements"),
    notes=_SUBSET + " Kept beyond the ones the MATMAS and BAPI flows always used: the MRP "
                    "and purchasing fields BAPI_MARC carries (MAABC to ALTSL), which "
                    "BAPI_MATERIAL_SAVEDATA stores. Not declared between them: PSTAT, "
                    "BWTTY, XCHAR, MMSTA, MMSTD, KZDIE and LOSFX (its MARC type is not "
                    "confirmed). TRAME (kept by goods movements) is listed last; its place "
                    "among the declared fields is not confirmed.",
    first_columns=("mandt", "matnr", "werks", "ekgrp", "dismm", "mtvfp", "prctr", "lvorm",
                   "trame"),
)

MARD = TableDeclaration(
    "MARD", "Storage Location Data for Material",
    (
        *_mandt(), *_matnr(),
        key("WERKS", char(4), "Plant"),
        key("LGORT", char(4), "Storage Location"),
        data("LVORM", char(1), "Flag Material for Deletion at Storage Location Level"),
        data("LABST", _QUANTITY, "Valuated Unrestricted-Use Stock", initial="0"),
        data("INSME", _QUANTITY, "Stock in Quality Inspection", initial="0"),
        data("SPEME", _QUANTITY, "Blocked Stock", initial="0"),
        data("RETME", _QUANTITY, "Blocked Stock Returns", initial="0"),
        data("LGPBE", char(10), "Storage Bin"),
    ),
    source=_listing("MARD"),
    notes=_SUBSET,
    first_columns=("mandt", "matnr", "werks", "lgort", "lgpbe", "lvorm", "labst", "insme",
                   "speme", "retme"),
)

MBEW = TableDeclaration(
    "MBEW", "Material Valuation",
    (
        *_mandt(), *_matnr(),
        key("BWKEY", char(4), "Valuation Area"),
        key("BWTAR", char(10), "Valuation Type", initial=""),
        data("VPRSV", char(1), "Price control indicator", initial="S"),
        data("VERPR", _AMOUNT, "Moving Average Price/Periodic Unit Price", initial="0"),
        data("STPRS", _AMOUNT, "Standard price", initial="0"),
        data("PEINH", dec(5), "Price Unit", initial="1", stored_length=6),
        data("BKLAS", char(4), "Valuation Class"),
        data("ZPLP1", _AMOUNT, "Future Planned Price 1", initial="0"),
        data("ZPLP2", _AMOUNT, "Future Planned Price 2", initial="0"),
    ),
    source=_listing("MBEW"),
    notes=_SUBSET,
    first_columns=("mandt", "matnr", "bwkey", "bwtar", "vprsv", "verpr", "stprs", "peinh",
                   "bklas", "zplp1", "zplp2"),
)

MVKE = TableDeclaration(
    "MVKE", "Sales Data for Material",
    (
        *_mandt(), *_matnr(),
        key("VKORG", char(4), "Sales Organization"),
        key("VTWEG", char(2), "Distribution Channel"),
        data("LVORM", char(1), "Ind.: Flag material for deletion at distribution chain "
                               "level"),
        data("VERSG", char(1), "Material statistics group"),
        data("KTGRM", char(2), "Account assignment group for this material"),
        data("DWERK", char(4), "Delivering Plant (Own or External)"),
        data("VRKME", unit(), "Sales unit"),
        data("MTPOS", char(4), "Item category group from material master"),
    ),
    source=_listing("MVKE"),
    notes=_SUBSET,
    first_columns=("mandt", "matnr", "vkorg", "vtweg", "dwerk", "vrkme", "mtpos", "versg",
                   "ktgrm", "lvorm"),
)

_INT1 = Elementary(AbapType.INT1, 3)

MARM = TableDeclaration(
    "MARM", "Units of Measure for Material",
    (
        *_mandt(), *_matnr(),
        key("MEINH", unit(), "Alternative Unit of Measure for Stockkeeping Unit",
            element="", check_table="T006"),
        data("UMREZ", dec(5), "Numerator for Conversion to Base Units of Measure"),
        data("UMREN", dec(5), "Denominator for conversion to base units of measure"),
        data("EANNR", char(13), "European Article Number (EAN) - obsolete", kept=False),
        data("EAN11", char(18), "International Article Number (EAN/UPC)"),
        data("NUMTP", char(2), "Category of International Article Number (EAN)",
             check_table="TNTP"),
        data("LAENG", _QUANTITY, "Length"),
        data("BREIT", _QUANTITY, "Width"),
        data("HOEHE", _QUANTITY, "Height"),
        data("MEABM", unit(), "Unit of Dimension for Length/Width/Height",
             check_table="T006"),
        data("VOLUM", _QUANTITY, "Volume"),
        data("VOLEH", unit(), "Volume unit", check_table="T006"),
        data("BRGEW", _QUANTITY, "Gross Weight"),
        data("GEWEI", unit(), "Weight Unit", check_table="T006"),
        data("MESUB", unit(), "Lower-Level Unit of Measure in a Packing Hierarchy",
             check_table="T006"),
        data("ATINN", _CHARACTERISTIC, "Internal characteristic", kept=False),
        data("MESRT", numc(2), "Unit of measure sort number", kept=False),
        data("XFHDW", char(1), "Leading batch-specific unit of measure", kept=False),
        data("XBEWW", char(1), "Valuation based on the batch-specific unit of measure",
             kept=False),
        data("KZWSO", char(1), "Units of measure usage", kept=False),
        data("MSEHI", unit(), "Unit of Measurement of Characteristic", element="",
             check_table="TCHW2", kept=False),
        data("BFLME_MARM", char(1), "Generic Material with Logistical Variants", kept=False),
        data("GTIN_VARIANT", char(2), "Global Trade Item Number Variant"),
        data("NEST_FTR", dec(3), "Remaining Volume after Nesting (in Percentage)"),
        data("MAX_STACK", _INT1, "Maximum Stacking Factor"),
        data("CAPAUSE", dec(15, 3), "Capacity Usage"),
        data("TY2TQ", char(1), "EWM-CW: Category of Unit of Measure"),
    ),
    source=(_listing("MARM") + " (MANDT to NEST_FTR in SAP's order, with data elements, "
            "check tables, types, lengths and decimals); " + _listing("DMARM") + " (the "
            "shortened MARM structure for change documents: the same fields from MEINH on "
            "but BFLME_MARM, "
            "and after NEST_FTR the fields MAX_STACK INT1 3, CAPAUSE DEC 15,3 and TY2TQ "
            "CHAR 1); erpexplorer.com, \"SAP table MARM\" (MANDT to XFHDW, the same)"),
    notes=("The fields of industry add-ons in their own namespaces (/CWM/..., /STTPEC/...) "
           "are not declared, nor the fields S/4HANA added. Kept: the fields E1MARMM and "
           "BAPI_MARM carry. EANNR (obsolete), ATINN, MESRT, XFHDW, XBEWW, KZWSO, MSEHI and "
           "BFLME_MARM are declared but not kept: no process of the emulator fills them. "
           "SAP also keeps a row for the base unit itself (conversion 1/1); the emulator "
           "stores only the rows a MATMAS IDoc or BAPI_MATERIAL_SAVEDATA sends."),
)

TABLES = (MARA, MAKT, MARC, MARD, MBEW, MVKE, MARM)
