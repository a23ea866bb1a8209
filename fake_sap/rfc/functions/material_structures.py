"""DDIC structures of the material BAPIs, and which table column each BAPI field maps to."""

from __future__ import annotations

from fake_sap.rfc.model import DATS, FLAG, LANG, Field, char, cuky, curr, dec, quan, structure, unit
from fake_sap.rfc.structures import BAPIRET2

_DELETION = "Flag for deletion"

BAPIMATHEAD = structure(
    "BAPIMATHEAD", "Header segment with control information",
    Field("MATERIAL", char(18), "Material number; empty: internal number assignment"),
    Field("IND_SECTOR", char(1), "Industry sector (MBRSH)"),
    Field("MATL_TYPE", char(4), "Material type (MTART)"),
    Field("BASIC_VIEW", FLAG, "Basic data view"),
    Field("SALES_VIEW", FLAG, "Sales view"),
    Field("PURCHASE_VIEW", FLAG, "Purchasing view"),
    Field("MRP_VIEW", FLAG, "MRP view"),
    Field("STORAGE_VIEW", FLAG, "Storage view"),
    Field("ACCOUNT_VIEW", FLAG, "Accounting view"),
    Field("COST_VIEW", FLAG, "Costing view"),
    Field("INP_FLD_CHECK", FLAG, "Input field check"),
)

#: BAPI field -> MARA column (CLIENTDATA / CLIENTDATAX)
CLIENT_COLUMNS = {"DEL_FLAG": "lvorm", "MATL_GROUP": "matkl", "OLD_MAT_NO": "bismt",
                  "BASE_UOM": "meins", "DIVISION": "spart", "ITEM_CAT": "mtpos_mara",
                  "NET_WEIGHT": "ntgew", "UNIT_OF_WT": "gewei"}
BAPI_MARA = structure(
    "BAPI_MARA", "Client-specific material data",
    Field("DEL_FLAG", FLAG, _DELETION),
    Field("MATL_GROUP", char(9), "Material group (MATKL)"),
    Field("OLD_MAT_NO", char(18), "Old material number (BISMT)"),
    Field("BASE_UOM", unit(), "Base unit of measure (MEINS)"),
    Field("DIVISION", char(2), "Division (SPART)"),
    Field("ITEM_CAT", char(4), "General item category group (MTPOS_MARA)"),
    Field("NET_WEIGHT", quan(13), "Net weight (NTGEW)"),
    Field("UNIT_OF_WT", unit(), "Weight unit (GEWEI)"),
)
BAPI_MARAX = structure("BAPI_MARAX", "Checkbox structure for BAPI_MARA",
                       *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MARA.fields])

PLANT_COLUMNS = {"DEL_FLAG": "lvorm", "PUR_GROUP": "ekgrp", "MRP_TYPE": "dismm",
                 "AVAILCHECK": "mtvfp", "PROFIT_CTR": "prctr"}
BAPI_MARC = structure(
    "BAPI_MARC", "Plant-specific material data",
    Field("PLANT", char(4), "Plant (WERKS)"),
    Field("DEL_FLAG", FLAG, _DELETION),
    Field("PUR_GROUP", char(3), "Purchasing group (EKGRP)"),
    Field("MRP_TYPE", char(2), "MRP type (DISMM)"),
    Field("AVAILCHECK", char(2), "Checking group for availability check (MTVFP)"),
    Field("PROFIT_CTR", char(10), "Profit center (PRCTR)"),
)
BAPI_MARCX = structure(
    "BAPI_MARCX", "Checkbox structure for BAPI_MARC",
    Field("PLANT", char(4), "Plant: the same as PLANTDATA-PLANT"),
    *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MARC.fields[1:]])

VALUATION_COLUMNS = {"PRICE_CTRL": "vprsv", "MOVING_PR": "verpr", "STD_PRICE": "stprs",
                     "PRICE_UNIT": "peinh", "VAL_CLASS": "bklas", "PLNDPRICE1": "zplp1",
                     "PLNDPRICE2": "zplp2"}
BAPI_MBEW = structure(
    "BAPI_MBEW", "Valuation data",
    Field("VAL_AREA", char(4), "Valuation area (BWKEY)"),
    Field("VAL_TYPE", char(10), "Valuation type (BWTAR)"),
    Field("PRICE_CTRL", char(1), "Price control: S standard, V moving average (VPRSV)"),
    Field("MOVING_PR", dec(23, 4), "Moving average price (VERPR)"),
    Field("STD_PRICE", dec(23, 4), "Standard price (STPRS)"),
    Field("PRICE_UNIT", dec(5), "Price unit (PEINH)"),
    Field("VAL_CLASS", char(4), "Valuation class (BKLAS)"),
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
    Field("SALES_ORG", char(4), "Sales organization (VKORG)"),
    Field("DISTR_CHAN", char(2), "Distribution channel (VTWEG)"),
    Field("DEL_FLAG", FLAG, _DELETION),
    Field("MATL_STATS", char(1), "Material statistics group (VERSG)"),
    Field("ACCT_ASSGT", char(2), "Account assignment group (KTGRM)"),
    Field("DELYG_PLNT", char(4), "Delivering plant (DWERK)"),
    Field("SALES_UNIT", unit(), "Sales unit (VRKME)"),
    Field("ITEM_CAT", char(4), "Item category group (MTPOS)"),
)
BAPI_MVKEX = structure(
    "BAPI_MVKEX", "Checkbox structure for BAPI_MVKE",
    Field("SALES_ORG", char(4), "Sales organization: the same as SALESDATA-SALES_ORG"),
    Field("DISTR_CHAN", char(2), "Distribution channel: the same as SALESDATA-DISTR_CHAN"),
    *[Field(f.name, FLAG, f"Update {f.name}") for f in BAPI_MVKE.fields[2:]])

BAPI_MAKT = structure(
    "BAPI_MAKT", "Material descriptions",
    Field("LANGU", LANG, "Language key (or a two-letter ISO code)"),
    Field("LANGU_ISO", char(2), "Language, ISO code"),
    Field("MATL_DESC", char(40), "Material description (MAKTX)"),
    Field("DEL_FLAG", FLAG, _DELETION),
)

BAPI_MATRETURN2 = structure("BAPI_MATRETURN2", "Messages of the material BAPI",
                            *BAPIRET2.fields)

BAPIMATDOA = structure(
    "BAPIMATDOA", "Material data, general",
    Field("MATL_DESC", char(40), "Material description in the logon language"),
    Field("IND_SECTOR", char(1), "Industry sector"),
    Field("MATL_TYPE", char(4), "Material type"),
    Field("MATL_GROUP", char(9), "Material group"),
    Field("OLD_MAT_NO", char(18), "Old material number"),
    Field("BASE_UOM", unit(), "Base unit of measure"),
    Field("DIVISION", char(2), "Division"),
    Field("ITEM_CAT", char(4), "General item category group"),
    Field("NET_WEIGHT", quan(13), "Net weight"),
    Field("UNIT_OF_WT", unit(), "Weight unit"),
    Field("CREATED_ON", DATS, "Created on"),
    Field("CREATED_BY", char(12), "Created by"),
    Field("LAST_CHNGE", DATS, "Last change"),
    Field("CHANGED_BY", char(12), "Changed by"),
    Field("DEL_FLAG", FLAG, _DELETION),
)
BAPIMATDOC = structure(
    "BAPIMATDOC", "Material data, plant",
    Field("DEL_FLAG", FLAG, _DELETION),
    Field("PUR_GROUP", char(3), "Purchasing group"),
    Field("MRP_TYPE", char(2), "MRP type"),
    Field("AVAILCHECK", char(2), "Checking group for availability check"),
    Field("PROFIT_CTR", char(10), "Profit center"),
)
BAPIMATDOBEW = structure(
    "BAPIMATDOBEW", "Material data, valuation",
    Field("VAL_CLASS", char(4), "Valuation class"),
    Field("PRICE_CTRL", char(1), "Price control"),
    Field("MOVING_PR", curr(11), "Moving average price"),
    Field("STD_PRICE", curr(11), "Standard price"),
    Field("PRICE_UNIT", dec(5), "Price unit"),
    Field("PLNDPRICE1", curr(11), "Future planned price 1"),
    Field("PLNDPRICE2", curr(11), "Future planned price 2"),
    Field("CURRENCY", cuky(), "Currency of the valuation area"),
)
