"""The document tables RFC_READ_TABLE can read: sales (VBAK/VBAP/VBEP, VBUK/VBUP), deliveries
(LIKP/LIPS), document flow (VBFA), material documents (MKPF/MSEG), special stocks (MSKU),
stock transport orders (EKKO/EKPO), accounting documents (BKPF/BSEG) and the sales
statistics S001.

Same conventions as :mod:`fake_sap.rfc.tables`: SAP field names and DDIC types, SAP's short
texts, only the fields the emulator keeps. Amounts and quantities have their DDIC lengths
(CURR 15.2 for VBAK-NETWR, QUAN 13.3 for LIPS-LFIMG ...), so a DATA line is as wide as in
SAP for the fields it holds. The tables declared in the data dictionary (MKPF, MSEG, MSKU,
EKKO, EKPO, BKPF, BSEG, S001: ``fake_sap.ddic.tables``) carry SAP's fields beyond the kept
ones; a selection wider than RFC_READ_TABLE's 512-character line (BKPF read without FIELDS)
raises DATA_BUFFER_EXCEEDED like SAP.
"""

from __future__ import annotations

from fake_sap.db import documents
from fake_sap.ddic.tables import accounting, inventory, purchasing, statistics
from fake_sap.rfc.model import DATS, TIMS, cuky, curr, numc, quan, unit
from fake_sap.rfc.read_table import ReadableTable, declared_table, sap_table

_POSNR = numc(6)
_YEAR = numc(4)
_VALUE = curr(15)
_PRICE = curr(11)
_QUANTITY = quan(13)
_ORDER_QUANTITY = quan(15)

TABLES: list[ReadableTable] = [
    # --- SD: sales documents ------------------------------------------------------------------
    sap_table(documents.vbak, "VBAK", "Sales Document: Header Data", {
        "VBELN": "Sales Document",
        "ERDAT": (DATS, "Date on Which Record Was Created"),
        "ERZET": (TIMS, "Entry time"),
        "ERNAM": "Name of Person who Created the Object",
        "AUDAT": (DATS, "Document Date (Date Received/Sent)"),
        "VBTYP": "SD document category",
        "AUART": "Sales Document Type",
        "AUGRU": "Order reason (reason for the business transaction)",
        "LIFSK": "Delivery block (document header)",
        "FAKSK": "Billing block in SD document",
        "NETWR": (_VALUE, "Net Value of the Sales Order in Document Currency"),
        "WAERK": (cuky(), "SD Document Currency"),
        "VKORG": "Sales Organization",
        "VTWEG": "Distribution Channel",
        "SPART": "Division",
        "VDATU": (DATS, "Requested delivery date"),
        "VGBEL": "Document number of the reference document",
        "VGTYP": "Preceding doc. category",
        "BSTNK": "Customer purchase order number",
        "BSTDK": (DATS, "Customer purchase order date"),
        "KUNNR": "Sold-to party",
    }),
    sap_table(documents.vbap, "VBAP", "Sales Document: Item Data", {
        "VBELN": "Sales Document",
        "POSNR": (_POSNR, "Sales Document Item"),
        "MATNR": "Material Number",
        "PSTYV": "Sales document item category",
        "ABGRU": "Reason for rejection of quotations and sales orders",
        "ARKTX": "Short text for sales order item",
        "NETWR": (_VALUE, "Net value of the order item in document currency"),
        "WAERK": (cuky(), "SD Document Currency"),
        "KWMENG": (_ORDER_QUANTITY, "Cumulative Order Quantity in Sales Units"),
        "VRKME": (unit(), "Sales unit"),
        "MEINS": (unit(), "Base Unit of Measure"),
        "VGBEL": "Document number of the reference document",
        "VGPOS": (_POSNR, "Item number of the reference item"),
        "WERKS": "Plant (Own or External)",
        "LGORT": "Storage Location",
        "VSTEL": "Shipping Point/Receiving Point",
        "NETPR": (_PRICE, "Net Price"),
    }),
    sap_table(documents.vbep, "VBEP", "Sales Document: Schedule Line Data", {
        "VBELN": "Sales Document",
        "POSNR": (_POSNR, "Sales Document Item"),
        "ETENR": (numc(4), "Schedule Line Number"),
        "ETTYP": "Schedule line category",
        "LIFSP": "Schedule line blocked for delivery",
        "EDATU": (DATS, "Schedule line date"),
        "WMENG": (_ORDER_QUANTITY, "Order quantity in sales units"),
        "BMENG": (_ORDER_QUANTITY, "Confirmed Quantity"),
    }),
    sap_table(documents.vbuk, "VBUK", "Sales Document: Header Status and Administrative Data", {
        "VBELN": "Sales and Distribution Document Number",
        "LFSTK": "Delivery status",
        "LFGSK": "Overall delivery status for all items",
        "WBSTK": "Total goods movement status",
        "FKSTK": "Billing status",
        "ABSTK": "Overall rejection status of all document items",
        "GBSTK": "Overall processing status of document",
        "KOSTK": "Overall picking / putaway status",
        "CMGST": "Overall status of credit checks",
        "UVALL": "General incompletion status of header",
        "VBTYP": "SD document category",
    }),
    sap_table(documents.vbup, "VBUP", "Sales Document: Item Status", {
        "VBELN": "Sales and Distribution Document Number",
        "POSNR": (_POSNR, "Item number of the SD document"),
        "LFSTA": "Delivery status",
        "LFGSA": "Overall delivery status of the item",
        "WBSTA": "Goods movement status",
        "FKSTA": "Billing status of delivery-related billing documents",
        "ABSTA": "Rejection status for SD item",
        "GBSTA": "Overall processing status of the SD document item",
    }),
    # --- LE: deliveries -------------------------------------------------------------------------
    sap_table(documents.likp, "LIKP", "SD Document: Delivery Header Data", {
        "VBELN": "Delivery",
        "ERNAM": "Name of Person who Created the Object",
        "ERZET": (TIMS, "Entry time"),
        "ERDAT": (DATS, "Date on Which Record Was Created"),
        "VSTEL": "Shipping Point/Receiving Point",
        "VKORG": "Sales Organization",
        "LFART": "Delivery Type",
        "WADAT": (DATS, "Planned goods movement date"),
        "LFDAT": (DATS, "Delivery Date"),
        "KUNNR": "Ship-to party",
        "KUNAG": "Sold-to party",
        "VBTYP": "SD document category",
        "WADAT_IST": (DATS, "Actual Goods Movement Date"),
        "LIFEX": "External Identification of Delivery Note",
        "WERKS": "Receiving plant for deliveries",
    }),
    sap_table(documents.lips, "LIPS", "SD document: Delivery: Item data", {
        "VBELN": "Delivery",
        "POSNR": (_POSNR, "Delivery Item"),
        "PSTYV": "Delivery item category",
        "MATNR": "Material Number",
        "WERKS": "Plant",
        "LGORT": "Storage Location",
        "LFIMG": (_QUANTITY, "Actual quantity delivered (in sales units)"),
        "MEINS": (unit(), "Base Unit of Measure"),
        "VRKME": (unit(), "Sales unit"),
        "ARKTX": "Short text for sales order item",
        "VGBEL": "Document number of the reference document",
        "VGPOS": (_POSNR, "Item number of the reference item"),
        "VGTYP": "Document category of preceding SD document",
    }),
    sap_table(documents.vbfa, "VBFA", "Sales Document Flow", {
        "VBELV": "Preceding sales and distribution document",
        "POSNV": (_POSNR, "Preceding item of an SD document"),
        "VBELN": "Subsequent sales and distribution document",
        "POSNN": (_POSNR, "Subsequent item of an SD document"),
        "VBTYP_N": "Document category of subsequent document",
        "RFMNG": (_ORDER_QUANTITY, "Referenced quantity in base unit of measure"),
        "MEINS": (unit(), "Base Unit of Measure"),
        "RFWRT": (_VALUE, "Reference value"),
        "WAERS": (cuky(), "Statistics currency"),
        "VBTYP_V": "Document category of preceding SD document",
        "PLMIN": "Quantity is calculated positively, negatively or not at all",
        "ERDAT": (DATS, "Date on Which Record Was Created"),
        "ERZET": (TIMS, "Entry time"),
        "BWART": "Movement type (inventory management)",
        "MJAHR": (_YEAR, "Material Document Year"),
    }),
    # --- MM: material documents, special stocks, purchasing ------------------------------------
    declared_table(inventory.MKPF, documents.mkpf),
    declared_table(inventory.MSEG, documents.mseg),
    declared_table(inventory.MSKU, documents.msku),
    declared_table(purchasing.EKKO, documents.ekko),
    declared_table(purchasing.EKPO, documents.ekpo),
    # --- FI: accounting documents ---------------------------------------------------------------
    declared_table(accounting.BKPF, documents.bkpf),
    declared_table(accounting.BSEG, documents.bseg),
    # --- SIS: sales statistics -----------------------------------------------------------------
    declared_table(statistics.S001, documents.s001),
]
