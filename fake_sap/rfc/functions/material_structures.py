"""DDIC structures of the material BAPIs, and which table column each BAPI field maps to.

A field whose type is that of a data element of the dictionary says so (``=MATNR`` in a
listing, ``element("MATNR")`` in a ``Field``) instead of repeating type and length.
"""

from __future__ import annotations

from fake_sap.ddic.elements import element
from fake_sap.rfc.model import (
    FLAG,
    AbapType,
    Elementary,
    Field,
    Structure,
    char,
    cuky,
    curr,
    dec,
    structure,
)
from fake_sap.rfc.structures import BAPIRET2, flags, layout

_DELETION = "Flag for deletion"

#: where the material structures' field lists come from
_MATHEAD_SOURCE = ("segment E1BPMATHEAD (generated from BAPIMATHEAD), field list with types and "
                   "lengths in a public material-master migration mapping, "
                   "scribd.com/document/44290669; names cross-checked with se80.co.uk, "
                   "structure BAPIE1MATHEADER")
_MARA_SOURCE = ("segment E1BP_MARA (generated from BAPI_MARA) in the same public mapping, "
                "scribd.com/document/44290669, for the fields up to PAGEFORMAT; the order of "
                "SIZE_DIM and BASIC_MATL from datapanda.eu, structure BAPIMATMRA, and their "
                "lengths from leanx.eu, table MARA (GROES, WRKST); STD_DESCR to HAZ_MAT_NO "
                "in the order of the CLIENTDATA checkboxes a public API description lists "
                "(developer.mycampari.com, \"Create Material\": ... BASIC_MATL, STD_DESCR, "
                "DSN_OFFICE, PUR_VALKEY, NET_WEIGHT, UNIT_OF_WT, CONTAINER, STOR_CONDS, "
                "TEMP_CONDS, TRANS_GRP, HAZ_MAT_NO, DIVISION ...), each typed as the MARA "
                "field whose text it carries (leanx.eu, table MARA), the lengths of "
                "STD_DESCR, PUR_VALKEY, CONTAINER and STOR_CONDS as consolut.com's listing of "
                "the retail structure BAPIE1MARART gives them; TRANS_GRP filled from "
                "MARA-TRAGR in public programs. Not the full list: "
                "stechno.net, \"SAP Function BAPI_MATERIAL_SAVEDATA\", gives "
                "BAPI_MARA 986 bytes and BAPI_MARAX 131 (about 130 fields); see "
                "docs/soap-rfc.md, unconfirmed fields")
_MARC_SOURCE = ("datapanda.eu, SAP table BAPI_MARC (fields PLANT to ALT_BOM_ID with types); "
                "leanx.eu, SAP table BAPI_MARC. Not the full list: stechno.net, \"SAP "
                "Function BAPI_MATERIAL_SAVEDATA\", gives BAPI_MARCX 173 bytes "
                "(PLANT and about 170 flags); see docs/soap-rfc.md, unconfirmed fields")

BAPIMATHEAD = structure(
    "BAPIMATHEAD", "Header segment with control information",
    *layout("""
MATERIAL =MATNR Material number; empty: internal number assignment (MATNR)
IND_SECTOR =MBRSH Industry sector (MBRSH)
MATL_TYPE =MTART Material type (MTART)
BASIC_VIEW CHAR1 Basic data view
SALES_VIEW CHAR1 Sales view
PURCHASE_VIEW CHAR1 Purchasing view
MRP_VIEW CHAR1 MRP view
FORECAST_VIEW CHAR1 Forecasting view
WORK_SCHED_VIEW CHAR1 Work scheduling view
PRT_VIEW CHAR1 Production resources/tools view
STORAGE_VIEW CHAR1 Storage view
WAREHOUSE_VIEW CHAR1 Warehouse management view
QUALITY_VIEW CHAR1 Quality management view
ACCOUNT_VIEW CHAR1 Accounting view
COST_VIEW CHAR1 Costing view
INP_FLD_CHECK CHAR1 Response if fields are inactive
MATERIAL_EXTERNAL CHAR40 Long material number for MATERIAL
MATERIAL_GUID CHAR32 External GUID for MATERIAL
MATERIAL_VERSION CHAR10 Version number for MATERIAL
"""),
    source=_MATHEAD_SOURCE,
)

#: BAPI field -> MARA column (CLIENTDATA / CLIENTDATAX)
CLIENT_COLUMNS = {"DEL_FLAG": "lvorm", "MATL_GROUP": "matkl", "OLD_MAT_NO": "bismt",
                  "BASE_UOM": "meins", "DIVISION": "spart", "ITEM_CAT": "mtpos_mara",
                  "NET_WEIGHT": "ntgew", "UNIT_OF_WT": "gewei"}
BAPI_MARA = structure(
    "BAPI_MARA", "Client-specific material data",
    *layout("""
DEL_FLAG =LVOMA Flag material for deletion at client level (LVORM)
MATL_GROUP =MATKL Material group (MATKL)
OLD_MAT_NO =BISMT Old material number (BISMT)
BASE_UOM =MEINS Base unit of measure (MEINS)
BASE_UOM_ISO CHAR3 Base unit of measure, ISO code
PO_UNIT =BSTME Purchase order unit of measure (BSTME)
PO_UNIT_ISO CHAR3 Order unit, ISO code
DOCUMENT CHAR22 Document number without document management system (ZEINR)
DOC_TYPE CHAR3 Document type without document management system (ZEIAR)
DOC_VERS CHAR2 Document version without document management system (ZEIVR)
DOC_FORMAT CHAR4 Page format of document (ZEIFO)
DOC_CHG_NO CHAR6 Document change number (AESZN)
PAGE_NO CHAR3 Page number of document (BLATT)
NO_SHEETS NUMC3 Number of sheets (BLANZ)
PROD_MEMO CHAR18 Production/inspection memo (FERTH)
PAGEFORMAT CHAR4 Page format of production memo (FORMT)
SIZE_DIM CHAR32 Size/dimensions (GROES)
BASIC_MATL CHAR48 Basic material (WRKST)
STD_DESCR CHAR18 Industry standard description (such as ANSI or ISO) (NORMT)
DSN_OFFICE CHAR3 Laboratory/design office (LABOR)
PUR_VALKEY CHAR4 Purchasing value key (EKWSL)
NET_WEIGHT =NTGEW Net weight (NTGEW)
UNIT_OF_WT =GEWEI Weight unit (GEWEI)
UNIT_OF_WT_ISO CHAR3 Weight unit, ISO code
CONTAINER CHAR2 Container requirements (BEHVO)
STOR_CONDS CHAR2 Storage conditions (RAUBE)
TEMP_CONDS CHAR2 Temperature conditions indicator (TEMPB)
TRANS_GRP CHAR4 Transportation group (TRAGR)
HAZ_MAT_NO CHAR18 Hazardous material number (STOFF)
DIVISION =SPART Division (SPART)
COMPETITOR CHAR10 Competitor (KUNNR)
QTY_GR_GI QUAN13.3 Quantity: Number of GR/GI Slips to Print (WESCH)
PROC_RULE CHAR1 Procurement rule (BWVOR)
SUP_SOURCE CHAR1 Source of Supply (BWSCL)
SEASON CHAR4 Season category (SAISO)
LABEL_TYPE CHAR2 Label type (ETIAR)
LABEL_FORM CHAR2 Label form (ETIFO)
PROD_HIER CHAR18 Product hierarchy (PRDHA)
CAD_ID CHAR1 CAD indicator (CADKZ)
ALLOWED_WT QUAN13.3 Allowed packaging weight (ERGEW)
PACK_WT_UN UNIT3 Unit of weight (allowed packaging weight) (ERGEI)
PACK_WT_UN_ISO CHAR3 Unit of weight (allowed packaging weight) in ISO code
ALLWD_VOL QUAN13.3 Allowed packaging volume (ERVOL)
PACK_VO_UN UNIT3 Volume unit (allowed packaging volume) (ERVOE)
PACK_VO_UN_ISO CHAR3 Volume unit (allowed packaging volume) in ISO code
WT_TOL_LT DEC3.1 Excess Weight Tolerance for Handling unit (GEWTO)
VOL_TOL_LT DEC3.1 Excess Volume Tolerance of the Handling Unit (VOLTO)
VAR_ORD_UN CHAR1 Variable order unit active (VABME)
BATCH_MGMT CHAR1 Batch management requirement indicator (XCHPF)
SH_MAT_TYP CHAR4 Packaging Material Type (VHART)
ITEM_CAT CHAR4 General item category group (MTPOS_MARA)
"""),
    source=_MARA_SOURCE + ". COMPETITOR to SH_MAT_TYP: their order after DIVISION as two "
           "public sources agree on it, segment E1BPE1MARART of ARTMAS09 (the retail "
           "counterpart BAPIE1MARART, in a public field listing on GitHub: DIVISION, "
           "COMPETITOR ... VAR_ORD_UN, BATCH_MGMT, SH_MAT_TYP) and a public C program "
           "filling CLIENTDATA of BAPI_MATERIAL_SAVEDATA field by field in the structure's "
           "order (HAZ_MAT_NO, COMPETITOR ... SH_MAT_TYP); names, types, lengths and data "
           "elements from SAP's generated proxy of BAPI_MARA_GA (public repository "
           "github.com/praveen4students/hmh_backup, Bapi_Mara_GaType), each the MARA "
           "field its data element names (leanx.eu, table MARA). BAPI_MARA_GA has "
           "CONFIGURED between VAR_ORD_UN and BATCH_MGMT, which neither source shows for "
           "BAPI_MARA, so it is not declared; that BAPI_MARA has no field in this range "
           "that both sources leave out is not confirmed",
)
BAPI_MARAX = structure("BAPI_MARAX", "Checkbox structure for BAPI_MARA",
                       *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MARA.fields])

PLANT_COLUMNS = {"DEL_FLAG": "lvorm", "PUR_GROUP": "ekgrp", "MRP_TYPE": "dismm",
                 "AVAILCHECK": "mtvfp", "PROFIT_CTR": "prctr"}
BAPI_MARC = structure(
    "BAPI_MARC", "Plant-specific material data",
    *layout("""
PLANT =WERKS_D Plant (WERKS)
DEL_FLAG CHAR1 Flag material for deletion at plant level (LVORM)
ABC_ID CHAR1 ABC indicator (MAABC)
CRIT_PART CHAR1 Indicator: critical part (KZKRI)
PUR_GROUP =EKGRP Purchasing group (EKGRP)
ISSUE_UNIT UNIT Unit of issue (AUSME)
ISSUE_UNIT_ISO CHAR3 Unit of issue, ISO code
MRPPROFILE CHAR4 Material: MRP profile (DISPR)
MRP_TYPE CHAR2 MRP type (DISMM)
MRP_CTRLER =DISPO MRP controller (DISPO)
PLND_DELRY DEC3 Planned delivery time in days (PLIFZ)
GR_PR_TIME DEC3 Goods receipt processing time in days (WEBAZ)
PERIOD_IND CHAR1 Period indicator (PERKZ)
ASSY_SCRAP DEC5.2 Assembly scrap in percent (AUSSS)
LOTSIZEKEY CHAR2 Lot sizing procedure within materials planning (DISLS)
PROC_TYPE CHAR1 Procurement type (BESKZ)
SPPROCTYPE CHAR2 Special procurement type (SOBSL)
REORDER_PT QUAN13.3 Reorder point (MINBE)
SAFETY_STK QUAN13.3 Safety stock (EISBE)
MINLOTSIZE QUAN13.3 Minimum lot size (BSTMI)
MAXLOTSIZE QUAN13.3 Maximum lot size (BSTMA)
FIXED_LOT QUAN13.3 Fixed lot size (BSTFE)
ROUND_VAL QUAN13.3 Rounding value for purchase order quantity (BSTRF)
MAX_STOCK QUAN13.3 Maximum stock level (MABST)
ORD_COSTS DEC23.4 Ordering costs, BAPI interfaces (LOSFX)
DEP_REQ_ID CHAR1 Dependent requirements ind. for individual and coll. reqmts (SBDKZ)
STOR_COSTS CHAR1 Storage costs percentage code (LAGPR)
ALT_BOM_ID CHAR1 Method for selecting alternative bills of material (ALTSL)
AVAILCHECK CHAR2 Checking group for availability check (MTVFP)
PROFIT_CTR CHAR10 Profit center (PRCTR)
"""),
    source=_MARC_SOURCE,
)
BAPI_MARCX = structure(
    "BAPI_MARCX", "Checkbox structure for BAPI_MARC",
    Field("PLANT", char(4), "Plant: the same as PLANTDATA-PLANT"),
    *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MARC.fields[1:]])

#: BAPI field -> MARD column (STORAGELOCATIONDATA / STORAGELOCATIONDATAX): the fields the
#: emulator's MARD keeps; the others are accepted and not stored (docs/soap-rfc.md)
STORAGE_LOCATION_COLUMNS = {"DEL_FLAG": "lvorm", "STGE_BIN": "lgpbe"}
_MARD_SOURCE = ("field names and their MARD columns from public programs calling "
                "BAPI_MATERIAL_SAVEDATA (GitHub code search: STORAGELOCATIONDATA-PLANT, "
                "-STGE_LOC, -MRP_IND, -SPEC_PROC, -REORDER_PT, -REPL_QTY, -STGE_BIN, "
                "-PICKG_AREA and -INV_CORR_FAC filled from MARD-WERKS, -LGORT, -DISKZ, "
                "-LSOBS, -LMINB, -LBSTF, -LGPBE, -LWMKB and -BSKRF, in that order; "
                "STORAGELOCATIONDATAX-DEL_FLAG in another); STGE_LOC's type LGORT_D CHAR 4 "
                "from sapdatasheet.org, structure BBPS_BAPIMATMRD; the other types are the "
                "MARD fields' (leanx.eu, table MARD); stechno.net, \"SAP Function "
                "BAPI_MATERIAL_SAVEDATA\" (STORAGELOCATIONDATA BAPI_MARD 48 bytes, "
                "STORAGELOCATIONDATAX BAPI_MARDX 16: the two keys and eight flags)")
_MARD_NOTES = ("No public listing of BAPI_MARD itself was found. The eight fields beside the "
               "keys match the eight flags of BAPI_MARDX (16 bytes: PLANT, STGE_LOC and "
               "one flag each), and the types as listed give BAPI_MARD's 48 bytes with "
               "INV_CORR_FAC, a float, last; DEL_FLAG's place (after STGE_LOC, as in every "
               "other BAPI_MAR* structure) is not confirmed.")
BAPI_MARD = structure(
    "BAPI_MARD", "Storage-location-specific material data",
    *layout("""
PLANT =WERKS_D Plant (WERKS)
STGE_LOC CHAR4 Storage location (LGORT)
DEL_FLAG CHAR1 Flag material for deletion at storage location level (LVORM)
MRP_IND CHAR1 Storage location MRP indicator (DISKZ)
SPEC_PROC CHAR2 Special procurement type at storage location level (LSOBS)
REORDER_PT QUAN13.3 Reorder point for storage location MRP (LMINB)
REPL_QTY QUAN13.3 Replenishment quantity for storage location MRP (LBSTF)
STGE_BIN CHAR10 Storage bin (LGPBE)
PICKG_AREA CHAR3 Picking area for lean WM (LWMKB)
INV_CORR_FAC FLTP Inventory correction factor (BSKRF)
"""),
    source=_MARD_SOURCE + ". " + _MARD_NOTES,
)
BAPI_MARDX = structure(
    "BAPI_MARDX", "Checkbox structure for BAPI_MARD",
    Field("PLANT", char(4), "Plant: the same as STORAGELOCATIONDATA-PLANT"),
    Field("STGE_LOC", char(4), "Storage location: the same as STORAGELOCATIONDATA-STGE_LOC"),
    *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MARD.fields[2:]],
    source=_MARD_SOURCE,
)

VALUATION_COLUMNS = {"PRICE_CTRL": "vprsv", "MOVING_PR": "verpr", "STD_PRICE": "stprs",
                     "PRICE_UNIT": "peinh", "VAL_CLASS": "bklas", "PLNDPRICE1": "zplp1",
                     "PLNDPRICE2": "zplp2"}
BAPI_MBEW = structure(
    "BAPI_MBEW", "Valuation data",
    Field("VAL_AREA", char(4), "Valuation area (BWKEY)"),
    Field("VAL_TYPE", char(10), "Valuation type (BWTAR)"),
    Field("PRICE_CTRL", element("VPRSV"), "Price control: S standard, V moving average (VPRSV)"),
    Field("MOVING_PR", dec(23, 4), "Moving average price (VERPR)"),
    Field("STD_PRICE", dec(23, 4), "Standard price (STPRS)"),
    Field("PRICE_UNIT", element("PEINH"), "Price unit (PEINH)"),
    Field("VAL_CLASS", element("BKLAS"), "Valuation class (BKLAS)"),
    Field("PLNDPRICE1", dec(23, 4), "Future planned price 1 (ZPLP1)"),
    Field("PLNDPRICE2", dec(23, 4), "Future planned price 2 (ZPLP2)"),
)
BAPI_MBEWX = structure(
    "BAPI_MBEWX", "Checkbox structure for BAPI_MBEW",
    Field("VAL_AREA", char(4), "Valuation area: the same as VALUATIONDATA-VAL_AREA"),
    Field("VAL_TYPE", char(10), "Valuation type: the same as VALUATIONDATA-VAL_TYPE"),
    *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MBEW.fields[2:]])

SALES_COLUMNS = {"DEL_FLAG": "lvorm", "MATL_STATS": "versg", "ACCT_ASSGT": "ktgrm",
                 "DELYG_PLNT": "dwerk", "SALES_UNIT": "vrkme", "ITEM_CAT": "mtpos"}
BAPI_MVKE = structure(
    "BAPI_MVKE", "Sales data",
    Field("SALES_ORG", element("VKORG"), "Sales organization (VKORG)"),
    Field("DISTR_CHAN", element("VTWEG"), "Distribution channel (VTWEG)"),
    Field("DEL_FLAG", FLAG, _DELETION),
    Field("MATL_STATS", char(1), "Material statistics group (VERSG)"),
    Field("ACCT_ASSGT", char(2), "Account assignment group (KTGRM)"),
    Field("DELYG_PLNT", char(4), "Delivering plant (DWERK)"),
    Field("SALES_UNIT", element("VRKME"), "Sales unit (VRKME)"),
    Field("ITEM_CAT", char(4), "Item category group (MTPOS)"),
)
BAPI_MVKEX = structure(
    "BAPI_MVKEX", "Checkbox structure for BAPI_MVKE",
    Field("SALES_ORG", char(4), "Sales organization: the same as SALESDATA-SALES_ORG"),
    Field("DISTR_CHAN", char(2), "Distribution channel: the same as SALESDATA-DISTR_CHAN"),
    *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MVKE.fields[2:]])

BAPI_MAKT = structure(
    "BAPI_MAKT", "Material descriptions",
    Field("LANGU", element("SPRAS"), "Language key (or a two-letter ISO code)"),
    Field("LANGU_ISO", char(2), "Language, ISO code"),
    Field("MATL_DESC", element("MAKTX"), "Material description (MAKTX)"),
    Field("DEL_FLAG", FLAG, _DELETION),
)

BAPI_MATRETURN2 = structure(
    "BAPI_MATRETURN2", "Messages of the material BAPI", *BAPIRET2.fields,
    source="the parameter RETURNMESSAGES of BAPI_MATERIAL_SAVEDATA is typed BAPI_MATRETURN2 "
           "(SAP's call pattern of the function module, quoted in public ABAP programs on "
           "GitHub). No public listing of the structure's fields was found: they are taken "
           "to be BAPIRET2's, which is not confirmed")

BAPIMATDOA = structure(
    "BAPIMATDOA", "Material data, general",
    Field("MATL_DESC", element("MAKTX"), "Material description in the logon language"),
    Field("IND_SECTOR", element("MBRSH"), "Industry sector"),
    Field("MATL_TYPE", element("MTART"), "Material type"),
    Field("MATL_GROUP", element("MATKL"), "Material group"),
    Field("OLD_MAT_NO", element("BISMT"), "Old material number"),
    Field("BASE_UOM", element("MEINS"), "Base unit of measure"),
    Field("DIVISION", element("SPART"), "Division"),
    Field("ITEM_CAT", char(4), "General item category group"),
    Field("NET_WEIGHT", element("NTGEW"), "Net weight"),
    Field("UNIT_OF_WT", element("GEWEI"), "Weight unit"),
    Field("CREATED_ON", element("ERSDA"), "Created on"),
    Field("CREATED_BY", element("ERNAM"), "Created by"),
    Field("LAST_CHNGE", element("LAEDA"), "Last change"),
    Field("CHANGED_BY", element("AENAM"), "Changed by"),
    Field("DEL_FLAG", FLAG, _DELETION),
)
BAPIMATDOC = structure(
    "BAPIMATDOC", "Material data, plant",
    Field("DEL_FLAG", FLAG, _DELETION),
    Field("PUR_GROUP", element("EKGRP"), "Purchasing group"),
    # after PUR_GROUP, as the one public listing with it shows the two
    Field("ISSUE_UNIT", Elementary(AbapType.UNIT, 3), "Unit of issue (AUSME)"),
    Field("MRP_TYPE", char(2), "MRP type"),
    Field("AVAILCHECK", char(2), "Checking group for availability check"),
    Field("PROFIT_CTR", char(10), "Profit center"),
    source="not checked against a listing of BAPIMATDOC: the fields the emulator answers. "
           "ISSUE_UNIT (UNIT 3, after PUR_GROUP) from a public Java class generated from a "
           "WSDL of BAPI_MATERIAL_GET_DETAIL (GitHub, package "
           "com.lsh.wms.integration.wumart.account, class Bapimatdoc: PurGroup char3, "
           "IssueUnit unit3, a WSDL reduced to those two fields)",
)
BAPIMATDOBEW = structure(
    "BAPIMATDOBEW", "Material data, valuation",
    Field("VAL_CLASS", element("BKLAS"), "Valuation class"),
    Field("PRICE_CTRL", element("VPRSV"), "Price control"),
    Field("MOVING_PR", element("VERPR"), "Moving average price"),
    Field("STD_PRICE", element("STPRS"), "Standard price"),
    Field("PRICE_UNIT", element("PEINH"), "Price unit"),
    Field("PLNDPRICE1", curr(11), "Future planned price 1"),
    Field("PLNDPRICE2", curr(11), "Future planned price 2"),
    Field("CURRENCY", cuky(), "Currency of the valuation area"),
)

#: BAPI_MARM field -> MARM column (UNITSOFMEASURE / UNITSOFMEASUREX); ALT_UNIT is the key
#: MEINH, DEL_FLAG removes the unit
UNIT_OF_MEASURE_COLUMNS = {
    "NUMERATOR": "umrez", "DENOMINATR": "umren", "EAN_UPC": "ean11", "EAN_CAT": "numtp",
    "LENGTH": "laeng", "WIDTH": "breit", "HEIGHT": "hoehe", "UNIT_DIM": "meabm",
    "VOLUME": "volum", "VOLUMEUNIT": "voleh", "GROSS_WT": "brgew", "UNIT_OF_WT": "gewei",
    "SUB_UOM": "mesub", "GTIN_VARIANT": "gtin_variant", "NESTING_FACTOR": "nest_ftr",
    "MAXIMUM_STACKING": "max_stack", "CAPACITY_USAGE": "capause",
    "EWM_CW_UOM_TYPE": "ty2tq"}
#: the unit fields of BAPI_MARM beside the key, each with its ISO field
UNIT_OF_MEASURE_ISO_FIELDS = {"UNIT_DIM": "UNIT_DIM_ISO", "VOLUMEUNIT": "VOLUMEUNIT_ISO",
                              "UNIT_OF_WT": "UNIT_OF_WT_ISO", "SUB_UOM": "SUB_UOM_ISO"}
_MARM_SOURCE = ("leanx.eu, \"SAP Table BAPI_MARM\" (https://leanx.eu/en/sap/table/bapi_marm.html: "
                "ALT_UNIT to EWM_CW_UOM_TYPE in SAP's order with data elements, types, "
                "lengths and decimals); se80.co.uk, \"BAPI_MARM SAP (Units of Measure) "
                "Structure details\" (the same, with domains)")
BAPI_MARM = structure(
    "BAPI_MARM", "Units of Measure",
    *layout("""
ALT_UNIT UNIT3 Alternative Unit of Measure for Stockkeeping Unit (MEINH)
ALT_UNIT_ISO CHAR3 Alternative unit of measure to stockkeeping unit in ISO code
NUMERATOR DEC5 Numerator for Conversion to Base Units of Measure (UMREZ)
DENOMINATR DEC5 Denominator for conversion to base units of measure (UMREN)
EAN_UPC CHAR18 International Article Number (EAN/UPC) (EAN11)
EAN_CAT CHAR2 Category of International Article Number (EAN) (NUMTP)
LENGTH QUAN13.3 Length (LAENG)
WIDTH QUAN13.3 Width (BREIT)
HEIGHT QUAN13.3 Height (HOEHE)
UNIT_DIM UNIT3 Unit of Dimension for Length/Width/Height (MEABM)
UNIT_DIM_ISO CHAR3 Unit for length/breadth/height in ISO code
VOLUME QUAN13.3 Volume (VOLUM)
VOLUMEUNIT UNIT3 Volume unit (VOLEH)
VOLUMEUNIT_ISO CHAR3 Volume unit in ISO code
GROSS_WT QUAN13.3 Gross Weight (BRGEW)
UNIT_OF_WT UNIT3 Weight Unit (GEWEI)
UNIT_OF_WT_ISO CHAR3 Unit of weight in ISO code
DEL_FLAG CHAR1 Delete Data Record (in Repeat Tables)
SUB_UOM UNIT3 Lower-Level Unit of Measure in a Packing Hierarchy (MESUB)
SUB_UOM_ISO CHAR3 Lower-Level Unit of Measure in ISO Code
GTIN_VARIANT CHAR2 Global Trade Item Number Variant (GTIN_VARIANT)
NESTING_FACTOR DEC3 Remaining Volume after Nesting (in Percentage) (NEST_FTR)
"""),
    Field("MAXIMUM_STACKING", Elementary(AbapType.INT1, 3),
          "Maximum Stacking Factor (MAX_STACK)"),
    *layout("""
CAPACITY_USAGE DEC15.3 Capacity Usage (CAPAUSE)
EWM_CW_UOM_TYPE CHAR1 EWM-CW: Category of Unit of Measure (TY2TQ)
"""),
    source=_MARM_SOURCE,
)
BAPI_MARMX = structure(
    "BAPI_MARMX", "Checkbox structure for BAPI_MARM",
    Field("ALT_UNIT", char(3), "Alternative unit of measure: the same as "
                               "UNITSOFMEASURE-ALT_UNIT"),
    Field("ALT_UNIT_ISO", char(3), "Alternative unit of measure in ISO code: the same as "
                                   "UNITSOFMEASURE-ALT_UNIT_ISO"),
    *flags(" ".join(f.name for f in BAPI_MARM.fields
                    if f.name not in ("ALT_UNIT", "ALT_UNIT_ISO", "DEL_FLAG"))),
    source="the fields of BAPI_MARM (" + _MARM_SOURCE + "): the key ALT_UNIT and its ISO "
           "code as values, a BAPIUPDATE checkbox for every other field but DEL_FLAG, as "
           "SAP's X structures are built. No public listing of BAPI_MARMX itself was found, "
           "so its field list is not confirmed.",
)

#: BAPIPAREX and BAPIPAREXX: 990 characters each (stechno.net, "SAP Function
#: BAPI_MATERIAL_SAVEDATA": EXTENSIONIN BAPIPAREX 990, EXTENSIONINX BAPIPAREXX 990)
_PAREX_SOURCE = ("sapdatasheet.org, \"SAP ABAP Table Field BAPIPAREX-STRUCTURE\" (position 1, "
                 "data element TE_STRUC, CHAR 30); samplecodeabap.com, \"Using BAPIPAREX "
                 "Structure in SAP BAPIs\" (the value in four fields VALUEPART1 to "
                 "VALUEPART4 of 240 characters); stechno.net, \"SAP Function "
                 "BAPI_MATERIAL_SAVEDATA\" (EXTENSIONIN BAPIPAREX, 990 characters: 30 + 4 x 240)")
_PAREX_FIELDS = """
STRUCTURE CHAR30 Structure name of BAPI table extension
VALUEPART1 CHAR240 Data part of BAPI extension parameter
VALUEPART2 CHAR240 Data part of BAPI extension parameter
VALUEPART3 CHAR240 Data part of BAPI extension parameter
VALUEPART4 CHAR240 Data part of BAPI extension parameter
"""
BAPIPAREX = structure(
    "BAPIPAREX", "Ref. structure for BAPI parameter ExtensionIn/ExtensionOut",
    *layout(_PAREX_FIELDS), source=_PAREX_SOURCE)
BAPIPAREXX = structure(
    "BAPIPAREXX", "Checkbox structure for BAPIPAREX",
    *layout(_PAREX_FIELDS),
    source=_PAREX_SOURCE + ". BAPIPAREXX has the same length (990 characters) in that "
           "listing; that its fields are BAPIPAREX's is not confirmed by a public listing")


# -- SAVEDATA's other views: accepted, not stored (docs/soap-rfc.md) ---------------------------

_SAVEDATA_LENGTHS = ("stechno.net, \"SAP Function BAPI_MATERIAL_SAVEDATA - Create and "
                     "Change Material Master Data\" (its parameters with the byte length "
                     "of each structure)")


def _checkbox(name: str, text: str, data: Structure, key: str, parameter: str,
              source: str) -> Structure:
    """The X structure of ``data``: its key field as a value (the same as the data
    structure's), a BAPIUPDATE flag for every other field, as SAP builds them."""
    return structure(name, text,
                     Field(key, data.fields[0].type, f"{data.fields[0].text}: the same as "
                                                      f"{parameter}-{key}"),
                     *flags(" ".join(f.name for f in data.fields[1:])), source=source)


_MPGD_SOURCE = ("sapdatasheet.org, \"SAP ABAP Table BAPI_MPGD\" (PLANT to "
                "PLNG_MATL_VERSION with data elements, types and lengths); " +
                _SAVEDATA_LENGTHS + ": PLANNINGDATA BAPI_MPGD 118 bytes and PLANNINGDATAX "
                "BAPI_MPGDX 10, which the listing and its X structure give exactly")
BAPI_MPGD = structure(
    "BAPI_MPGD", "Change Document Structure for Material Master/Product Group",
    *layout("""
PLANT =WERKS_D Plant
PLNG_MATL CHAR18 Planning material (VPMAT)
PLNG_PLANT CHAR4 Planning plant (VPWRK)
CONVFACTOR CHAR10 Conversion factor for planning material (VPREF)
PLNG_MATL_EXTERNAL CHAR40 Long material number for PLNG_MATL field
PLNG_MATL_GUID CHAR32 External GUID for PLNG_MATL field
PLNG_MATL_VERSION CHAR10 Version number for PLNG_MATL field
"""),
    source=_MPGD_SOURCE,
)
BAPI_MPGDX = _checkbox("BAPI_MPGDX", "Information on update for PLANNINGDATA", BAPI_MPGD,
                       "PLANT", "PLANNINGDATA", _MPGD_SOURCE)

_MPOP_SOURCE = ("leanx.eu, \"SAP Table BAPI_MPOP\" (https://leanx.eu/en/sap/table/"
                "bapi_mpop.html: PLANT to INIT_PDS with data elements, types, lengths and "
                "decimals); se80.co.uk, \"BAPI_MPOP SAP (Forecast Parameters) Structure "
                "details\" (the same, PLANT to FORE_MODEL). Not the full list: " +
                _SAVEDATA_LENGTHS + " gives FORECASTPARAMETERSX BAPI_MPOPX 24 bytes (PLANT "
                "and 20 flags), so five fields after INIT_PDS (SEASON_PDS ...) are missing; "
                "no public listing of them was found")
BAPI_MPOP = structure(
    "BAPI_MPOP", "Forecast Parameters",
    *layout("""
PLANT =WERKS_D Plant
FORE_PROF CHAR4 Forecast profile (PROPR)
MODEL_SI CHAR1 Model selection indicator (MODAW)
MODEL_SP CHAR1 Model selection procedure (MODAV)
PARAM_OPT CHAR1 Indicator for parameter optimization (KZPAR)
OPTIM_LEV CHAR1 Optimization level (OPGRA)
INITIALIZE CHAR1 Initialization indicator (KZINI)
FORE_MODEL CHAR1 Forecast model (PRMOD)
ALPHA_FACT DEC3.2 Basic value smoothing using alpha factor (ALPHA)
BETA_FACT DEC3.2 Trend value smoothing using the beta factor (BETA1)
GAMMA_FACT DEC3.2 Seasonal index smoothing using gamma factor (GAMMA)
DELTA_FACT DEC3.2 MAD (mean absolute deviation) smoothing using delta factor (DELTA)
TRACKLIMIT DEC5.3 Tracking limit (SIGGR)
FORE_DATE DATS Date of last forecast (PRDAT)
HIST_VALS DEC3 Number of historical periods (PERAN)
INIT_PDS DEC3 Number of periods for initialization (PERIN)
"""),
    source=_MPOP_SOURCE,
)
BAPI_MPOPX = _checkbox("BAPI_MPOPX", "Information on update for FORECASTPARAMETERS",
                       BAPI_MPOP, "PLANT", "FORECASTPARAMETERS", _MPOP_SOURCE)

_MFHM_SOURCE = ("leanx.eu, \"SAP Table BAPI_MFHM\" (https://leanx.eu/en/sap/table/"
                "bapi_mfhm.html) and datapanda.eu, \"SAP table BAPI_MFHM\" (PLANT to "
                "END_OFFSET_UNIT with data elements, types and lengths); sapdatasheet.org, "
                "\"SAP ABAP Table BAPI_MFHM_GA\" (the same fields). Not the full list: the "
                "fields after END_OFFSET_UNIT (the end offset's ISO unit, the formulas and "
                "the usage values of MFHM) were not in any listing found")
BAPI_MFHM = structure(
    "BAPI_MFHM", "Production Resource Tool (PRT) Fields in the Material Master",
    *layout("""
PLANT =WERKS_D Plant
CREATE_LOAD_RECS CHAR1 Indicator: create load records for prod. resources/tools (KZKBL)
CTRL_KEY CHAR4 Control key for management of production resources/tools (STEUF)
CTRL_KEY_NO_CHG CHAR1 Control key cannot be changed (CF_STKZR)
GRP_KEY_1 CHAR4 Grouping key 1 for production resources/tools (FGRUA)
GRP_KEY_2 CHAR4 Grouping key 2 for production resources/tools (FGRUB)
PRT_USAGE CHAR3 Production resource/tool usage (FH_PLANV)
STD_TEXT_KEY CHAR7 Standard text key for production resources/tools (CF_KTSCH)
REF_KEY_NO_CHG CHAR1 Reference key cannot be changed (CF_KTKZR)
START_REF_DATE CHAR2 Reference date to start of production resource/tool usage (BZOFFB)
ST_REF_DATE_NO_CHG CHAR1 Start reference date cannot be changed (CF_BBKZR)
START_OFFSET QUAN5 Offset to start of production resource/tool usage (OFFSTB)
START_OFFSET_UNIT UNIT3 Offset unit for start of prod. resource/tool usage (EHOFFB)
START_OFFSET_UNIT_ISO CHAR3 Time interval unit for determining start of PRT usage (ISO)
START_OFFSET_NO_CHG CHAR1 Offset to start cannot be changed (CF_OBKZR)
END_REF_DATE CHAR2 Reference date for end of production resource/tool usage (BZOFFE)
END_REF_DATE_NO_CHG CHAR1 End reference date cannot be changed (CF_BEKZR)
END_OFFSET QUAN5 Offset to finish of production resource/tool usage (OFFSTE)
END_OFFSET_UNIT UNIT3 Offset unit for end of production resource/tool usage (EHOFFE)
"""),
    source=_MFHM_SOURCE,
)
BAPI_MFHMX = _checkbox("BAPI_MFHMX", "Information on update for PRTDATA", BAPI_MFHM,
                       "PLANT", "PRTDATA", _MFHM_SOURCE)


# -- warehouse, storage type, EANs, long texts and tax classifications: accepted, not stored ---

#: the public generated proxies that list the structures of BAPI_MATERIAL_GET_ALL with
#: SAP's dictionary metadata (release 620): field order, data elements, types, lengths and
#: byte offsets
_GA_PROXIES = ("SAP Java proxies generated from the dictionary (release 620), public "
               "repository github.com/praveen4students/hmh_backup, "
               "enterprise-web-services-camel/.../hmh/sap/rfc/")
_MLGN_SOURCE = (_GA_PROXIES + "Bapi_Mlgn_GaType: BAPI_MLGN_GA, 29 fields, 89 bytes. " +
                _SAVEDATA_LENGTHS + " gives WAREHOUSENUMBERDATA BAPI_MLGN 89 bytes and "
                "WAREHOUSENUMBERDATAX BAPI_MLGNX 31 (WHSE_NO and 28 flags), which that "
                "list gives exactly; public programs calling BAPI_MATERIAL_SAVEDATA fill "
                "WAREHOUSENUMBERDATA-WHSE_NO, -STGESECTOR, -PLACEMENT, -WITHDRAWAL and "
                "-REF_UNIT. Not declared: SAP's last field 2STEP_PICK (CHAR 1, data "
                "element MLGN_L2SKR, material relevance for 2-step picking) and its flag: "
                "the name begins with a digit, no XML name; the generated proxy names its "
                "XML element _--32STEP_PICK, an encoding the emulator's SOAP layer does "
                "not model")
BAPI_MLGN = structure(
    "BAPI_MLGN", "Warehouse-number-specific material data",
    *layout("""
WHSE_NO CHAR3 Warehouse Number / Warehouse Complex (LGNUM)
DEL_FLAG CHAR1 Deletion flag for all material data of a warehouse number (LVOLN)
STGESECTOR CHAR3 Storage section indicator (LVS_LGBKZ)
PLACEMENT CHAR3 Storage type indicator for stock placement (MLGN_LTKZE)
WITHDRAWAL CHAR3 Storage type indicator for stock removal (MLGN_LTKZA)
L_EQUIP_1 QUAN13.3 Loading equipment quantity 1 (LVS_LHMNG1)
L_EQUIP_2 QUAN13.3 Loading equipment quantity 2 (LVS_LHMNG2)
L_EQUIP_3 QUAN13.3 Loading equipment quantity 3 (LVS_LHMNG3)
LEQ_UNIT_1 UNIT3 Unit of measure for loading equipment quantity 1 (LHMEH1)
LEQ_UNIT_1_ISO CHAR3 Unit of measure for loading equipment quantity 1 in ISO code
LEQ_UNIT_2 UNIT3 Unit of measure for loading equipment quantity 2 (LHMEH2)
LEQ_UNIT_2_ISO CHAR3 Unit of measure for loading equipment quantity 2 in ISO code
LEQ_UNIT_3 UNIT3 Unit of measure for loading equipment quantity 3 (LHMEH3)
LEQ_UNIT_3_ISO CHAR3 Unit of measure for loading equipment quantity 3 in ISO code
UNITTYPE_1 CHAR3 1st storage unit type (LVS_LETYP1)
UNITTYPE_2 CHAR3 2nd storage unit type (LVS_LETYP2)
UNITTYPE_3 CHAR3 3rd storage unit type (LVS_LETYP3)
WM_UNIT UNIT3 Warehouse Management Unit of Measure (LVS_LVSME)
WM_UNIT_ISO CHAR3 WM unit in ISO code
ADD_TO_STK CHAR1 Indicator: Allow addition to existing stock (MLGN_KZZUL)
BLOCK_STGE CHAR2 Bulk storage indicator (LVS_BLOCK2)
MSG_TO_IM CHAR1 Indicator: Message to inventory management (KZMBF)
SPEC_MVMT CHAR1 Special movement indicator for warehouse management (LVS_BSSKZ)
CAPY_USAGE DEC11.3 Capacity usage (MLGN_MKAPV)
PROCURE_UN UNIT3 Unit of measure for capacity consumption (MLGN_BEZME)
PROCURE_UN_ISO CHAR3 Unit of measure for capacity consumption in ISO code
STGE_TYPE CHAR3 Picking storage type for rough-cut and detailed planning (MLGN_PLKPT)
REF_UNIT CHAR1 Default for unit of measure from material master record (MLGN_VOMEM)
"""),
    source=_MLGN_SOURCE,
)
BAPI_MLGNX = _checkbox("BAPI_MLGNX", "Information on update for WAREHOUSEDATA", BAPI_MLGN,
                       "WHSE_NO", "WAREHOUSENUMBERDATA", _MLGN_SOURCE)

_MLGT_SOURCE = (_GA_PROXIES + "Bapi_Mlgt_GaType: BAPI_MLGT_GA, 10 fields, 55 bytes. " +
                _SAVEDATA_LENGTHS + " gives STORAGETYPEDATA BAPI_MLGT 55 bytes and "
                "STORAGETYPEDATAX BAPI_MLGTX 14 (WHSE_NO, STGE_TYPE and 8 flags), which "
                "that list gives exactly; public programs calling "
                "BAPI_MATERIAL_SAVEDATA fill STORAGETYPEDATA-WHSE_NO, -STGE_TYPE, "
                "-STGE_BIN and -ROUND_QTY")
BAPI_MLGT = structure(
    "BAPI_MLGT", "Storage-type-specific material data",
    *layout("""
WHSE_NO CHAR3 Warehouse Number / Warehouse Complex (LGNUM)
STGE_TYPE CHAR3 Storage Type (LGTYP)
DEL_FLAG CHAR1 Deletion flag for all material data of a storage type (LVOLT)
STGE_BIN CHAR10 Storage Bin (LGPLA)
MAX_SB_QTY QUAN13.3 Maximum storage bin quantity (MLGT_LPMAX)
MIN_SB_QTY QUAN13.3 Minimum storage bin quantity (MLGT_LPMIN)
CTRL_QTY QUAN13.3 Control quantity (MLGT_MAMNG)
REPLEN_QTY QUAN13.3 Replenishment quantity (MLGT_NSMNG)
PICK_AREA CHAR3 Picking Area (KOBER)
ROUND_QTY QUAN13.3 Rounding qty (MLGT_RDMNG)
"""),
    source=_MLGT_SOURCE,
)
BAPI_MLGTX = structure(
    "BAPI_MLGTX", "Information on update for STORAGETYPEDATA",
    Field("WHSE_NO", char(3), "Warehouse number: the same as STORAGETYPEDATA-WHSE_NO"),
    Field("STGE_TYPE", char(3), "Storage type: the same as STORAGETYPEDATA-STGE_TYPE"),
    *flags(" ".join(f.name for f in BAPI_MLGT.fields[2:])),
    source=_MLGT_SOURCE,
)

_MEAN_SOURCE = (_GA_PROXIES + "Bapi_Mean_GaType: BAPI_MEAN_GA (International Article "
                "Numbers (EANs)), UNIT to MAIN_EAN, 27 bytes. The parameter "
                "INTERNATIONALARTNOS of BAPI_MATERIAL_SAVEDATA is typed BAPI_MEAN (the "
                "interface comment of bapi_material_savedata.abap, public repository "
                "github.com/urcm/bapi_materialstammdaten_anlegen_andern_lesen); no "
                "listing of BAPI_MEAN itself was found, so these are the fields of its "
                "BAPI_MATERIAL_GET_ALL counterpart. Whether BAPI_MEAN has further "
                "fields (a deletion flag, as BAPI_MAKT and BAPI_MARM have) is not "
                "confirmed")
BAPI_MEAN = structure(
    "BAPI_MEAN", "International Article Numbers (EANs)",
    *layout("""
UNIT UNIT3 Unit of Measure for Display (MEINH)
UNIT_ISO CHAR3 Unit of measure for display in ISO code (MEINH_ISO)
EAN_UPC CHAR18 International Article Number (EAN/UPC) (EAN11)
EAN_CAT CHAR2 Category of International Article Number (EAN) (NUMTP)
MAIN_EAN CHAR1 Indicator: Main EAN (HPEAN)
"""),
    source=_MEAN_SOURCE,
)

_MLTX_SOURCE = (_GA_PROXIES + "Bapi_Mltx_GaType: BAPI_MLTX_GA (Long Texts), APPLOBJECT to "
                "TEXT_LINE, 221 bytes. Public programs calling BAPI_MATERIAL_SAVEDATA fill "
                "MATERIALLONGTEXT-APPLOBJECT, -TEXT_NAME, -TEXT_ID, -LANGU, -LANGU_ISO, "
                "-FORMAT_COL and -TEXT_LINE, the same seven fields in the same order. No "
                "listing of BAPI_MLTX itself was found; whether it has further fields (a "
                "deletion flag) is not confirmed")
BAPI_MLTX = structure(
    "BAPI_MLTX", "Long Texts",
    *layout("""
APPLOBJECT CHAR10 Texts: application object (TDOBJECT)
TEXT_NAME CHAR70 Name (TDOBNAME)
TEXT_ID CHAR4 Text ID (TDID)
LANGU LANG1 Language key (TDSPRAS)
LANGU_ISO CHAR2 Language according to ISO 639 (LAISO)
FORMAT_COL CHAR2 Tag column (TDFORMAT)
TEXT_LINE CHAR132 Text line (TDLINE)
"""),
    source=_MLTX_SOURCE,
)

_MLAN_SOURCE = ("field names from public programs calling BAPI_MATERIAL_SAVEDATA and "
                "BAPI_MATERIAL_SAVEREPLICA (GitHub code search: TAXCLASSIFICATIONS-"
                "DEPCOUNTRY, -DEPCOUNTRY_ISO, -TAX_TYPE_1 to -TAX_TYPE_9 and -TAXCLASS_1 to "
                "-TAXCLASS_9 filled pairwise from MLAN-TAXM1 ... TAXM9, -TAX_IND from "
                "MLAN-TAXIM); types: TAX_TYPE_n as the tax category TATYP CHAR 4 "
                "(stechno.net, table TJG67), TAXCLASS_n as the material tax classification "
                "(sapdatasheet.org, data element TAXM1: domain TAXKM, CHAR 1), TAX_IND as "
                "data element TAXIM1 (sapdatasheet.org: CHAR 1, default component name "
                "TAX_IND), DEPCOUNTRY as a country key (sapdatasheet.org, structure "
                "TAX_MAT_INF: tax departure country, domain LAND1, CHAR 3), DEPCOUNTRY_ISO "
                "as T005-INTCA (CHAR 2). No listing of BAPI_MLAN was found: the order of "
                "the fields, and that there are no others, is not confirmed")
BAPI_MLAN = structure(
    "BAPI_MLAN", "Tax classifications",
    *layout("""
DEPCOUNTRY CHAR3 Departure country (country from which the goods are sent) (ALAND)
DEPCOUNTRY_ISO CHAR2 Departure country, ISO code
"""),
    *[field for n in range(1, 10) for field in layout(f"""
TAX_TYPE_{n} CHAR4 Tax category {n} (TATYP)
TAXCLASS_{n} CHAR1 Tax classification {n} for the material (TAXM{n})
""")],
    *layout("""
TAX_IND CHAR1 Tax indicator for material (Purchasing) (TAXIM)
"""),
    source=_MLAN_SOURCE,
)
