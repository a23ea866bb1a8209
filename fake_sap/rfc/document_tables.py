"""The document tables RFC_READ_TABLE can read: sales (VBAK/VBAP/VBEP, VBUK/VBUP), deliveries
(LIKP/LIPS), document flow (VBFA), material documents (MKPF/MSEG), special stocks (MSKU),
stock transport orders (EKKO/EKPO), accounting documents (BKPF/BSEG) and the sales
statistics S001.

The sales documents, deliveries and the document flow (VBAK ... VBFA) are declared in the
dictionary (``fake_sap.ddic.tables.sales`` and ``shipping``) with SAP's field lists, and
served from there: VBAK and VBAP are wider than RFC_READ_TABLE's 512-character line, so
reading them without FIELDS raises DATA_BUFFER_EXCEEDED, as in SAP. The others are declared
here with the same conventions as :mod:`fake_sap.rfc.tables`: SAP field names and DDIC
types, SAP's short texts, only the fields the emulator keeps. Amounts and quantities have
their DDIC lengths (CURR 13.2 for BSEG-WRBTR ...), so a DATA line is as wide as in SAP for
the fields it holds; a selection that does not fit raises DATA_BUFFER_EXCEEDED like SAP.
"""

from __future__ import annotations

from fake_sap.db import documents
from fake_sap.ddic.tables import sales, shipping
from fake_sap.rfc.model import DATS, TIMS, cuky, curr, dec, numc, quan, unit
from fake_sap.rfc.read_table import ReadableTable, declared_table, sap_table

_POSNR = numc(6)
_YEAR = numc(4)
_PRICE = curr(11)
_AMOUNT = curr(13)
_QUANTITY = quan(13)
_STATISTICS_VALUE = curr(19)
_STATISTICS_QUANTITY = quan(15)
_COUNT = dec(10)

TABLES: list[ReadableTable] = [
    # --- SD: sales documents, deliveries, document flow: declared in the dictionary -----------
    declared_table(sales.VBAK, documents.vbak),
    declared_table(sales.VBAP, documents.vbap),
    declared_table(sales.VBEP, documents.vbep),
    declared_table(sales.VBUK, documents.vbuk),
    declared_table(sales.VBUP, documents.vbup),
    declared_table(shipping.LIKP, documents.likp),
    declared_table(shipping.LIPS, documents.lips),
    declared_table(sales.VBFA, documents.vbfa),
    # --- MM: material documents, special stocks, purchasing ------------------------------------
    sap_table(documents.mkpf, "MKPF", "Header: Material Document", {
        "MBLNR": "Number of Material Document",
        "MJAHR": (_YEAR, "Material Document Year"),
        "VGART": "Transaction/Event Type",
        "BLART": "Document type",
        "BLDAT": (DATS, "Document Date in Document"),
        "BUDAT": (DATS, "Posting Date in the Document"),
        "CPUDT": (DATS, "Day On Which Accounting Document Was Entered"),
        "CPUTM": (TIMS, "Time of Entry"),
        "USNAM": "User name",
        "XBLNR": "Reference Document Number",
        "BKTXT": "Document Header Text",
        "LE_VBELN": "Delivery",
    }),
    sap_table(documents.mseg, "MSEG", "Document Segment: Material", {
        "MBLNR": "Number of Material Document",
        "MJAHR": (_YEAR, "Material Document Year"),
        "ZEILE": (numc(4), "Item in Material Document"),
        "BWART": "Movement Type (Inventory Management)",
        "MATNR": "Material Number",
        "WERKS": "Plant",
        "LGORT": "Storage Location",
        "CHARG": "Batch Number",
        "INSMK": "Stock Type",
        "SOBKZ": "Special Stock Indicator",
        "LIFNR": "Vendor Account Number",
        "KUNNR": "Account number of customer",
        "KDAUF": "Sales Order Number",
        "KDPOS": (_POSNR, "Item Number in Sales Order"),
        "SHKZG": "Debit/Credit Indicator",
        "MENGE": (_QUANTITY, "Quantity"),
        "MEINS": (unit(), "Base Unit of Measure"),
        "ERFMG": (_QUANTITY, "Quantity in unit of entry"),
        "ERFME": (unit(), "Unit of entry"),
        "EBELN": "Purchase Order Number",
        "EBELP": (numc(5), "Item Number of Purchasing Document"),
        "SGTXT": "Item Text",
        "UMWRK": "Receiving/Issuing Plant",
        "UMLGO": "Receiving/issuing storage location",
        "VBELN_IM": "Delivery",
        "VBELP_IM": (_POSNR, "Delivery Item"),
    }),
    sap_table(documents.msku, "MSKU", "Special Stocks with Customer", {
        "MATNR": "Material Number",
        "WERKS": "Plant",
        "CHARG": "Batch Number",
        "SOBKZ": "Special Stock Indicator",
        "KUNNR": "Account number of customer",
        "KULAB": (_QUANTITY, "Valuated Unrestricted-Use Stock"),
    }),
    sap_table(documents.ekko, "EKKO", "Purchasing Document Header", {
        "EBELN": "Purchasing Document Number",
        "BUKRS": "Company Code",
        "BSTYP": "Purchasing Document Category",
        "BSART": "Purchasing Document Type",
        "AEDAT": (DATS, "Date on which the record was created"),
        "ERNAM": "Name of Person who Created the Object",
        "LIFNR": "Vendor Account Number",
        "EKORG": "Purchasing Organization",
        "EKGRP": "Purchasing Group",
        "WAERS": (cuky(), "Currency Key"),
        "BEDAT": (DATS, "Purchasing Document Date"),
        "RESWK": "Supplying (Issuing) Plant in Stock Transport Order",
        "UNSEZ": "Our Reference",
        "IHREZ": "Your Reference",
    }),
    sap_table(documents.ekpo, "EKPO", "Purchasing Document Item", {
        "EBELN": "Purchasing Document Number",
        "EBELP": (numc(5), "Item Number of Purchasing Document"),
        "LOEKZ": "Deletion Indicator in Purchasing Document",
        "TXZ01": "Short Text",
        "MATNR": "Material Number",
        "WERKS": "Plant",
        "LGORT": "Storage Location",
        "MENGE": (_QUANTITY, "Purchase Order Quantity"),
        "MEINS": (unit(), "Purchase Order Unit of Measure"),
        "NETPR": (_PRICE, "Net Price in Purchasing Document (in Document Currency)"),
        "ELIKZ": "\"Delivery Completed\" Indicator",
        "PSTYP": "Item Category in Purchasing Document",
    }),
    # --- FI: accounting documents ---------------------------------------------------------------
    sap_table(documents.bkpf, "BKPF", "Accounting Document Header", {
        "BUKRS": "Company Code",
        "BELNR": "Accounting Document Number",
        "GJAHR": (_YEAR, "Fiscal Year"),
        "BLART": "Document type",
        "BLDAT": (DATS, "Document Date in Document"),
        "BUDAT": (DATS, "Posting Date in the Document"),
        "MONAT": (numc(2), "Fiscal period"),
        "CPUDT": (DATS, "Day On Which Accounting Document Was Entered"),
        "CPUTM": (TIMS, "Time of Entry"),
        "USNAM": "User name",
        "STBLG": "Reverse Document Number",
        "BKTXT": "Document Header Text",
        "WAERS": (cuky(), "Currency Key"),
        "XBLNR": "Reference Document Number",
        "AWTYP": "Reference procedure",
        "AWKEY": "Object key",
        "AWSYS": "Logical system",
    }),
    sap_table(documents.bseg, "BSEG", "Accounting Document Segment", {
        "BUKRS": "Company Code",
        "BELNR": "Accounting Document Number",
        "GJAHR": (_YEAR, "Fiscal Year"),
        "BUZEI": (numc(3), "Number of Line Item Within Accounting Document"),
        "AUGDT": (DATS, "Clearing Date"),
        "AUGCP": (DATS, "Clearing Entry Date"),
        "AUGBL": "Document Number of the Clearing Document",
        "BSCHL": "Posting Key",
        "KOART": "Account Type",
        "SHKZG": "Debit/Credit Indicator",
        "DMBTR": (_AMOUNT, "Amount in Local Currency"),
        "WRBTR": (_AMOUNT, "Amount in Document Currency"),
        "ZUONR": "Assignment Number",
        "SGTXT": "Item Text",
        "HKONT": "General Ledger Account",
        "KUNNR": "Customer Number",
        "LIFNR": "Account Number of Vendor or Creditor",
        "ZFBDT": (DATS, "Baseline Date for Due Date Calculation"),
    }),
    # --- SIS: sales statistics -----------------------------------------------------------------
    sap_table(documents.s001, "S001", "SIS: Customer Statistics", {
        "SSOUR": "Statistic(s) origin",
        "VRSIO": "Version number in the information structure",
        "SPMON": (numc(6), "Period to analyze - month"),
        "SPTAG": (DATS, "Period to analyze - current date"),
        "SPWOC": (numc(6), "Period to analyze - week"),
        "SPBUP": (numc(6), "Period to analyze - posting period"),
        "KUNNR": "Customer number",
        "VKORG": "Sales Organization",
        "VTWEG": "Distribution Channel",
        "SPART": "Division",
        "MATNR": "Material Number",
        "STWAE": (cuky(), "Statistics currency"),
        "BASME": (unit(), "Base Unit of Measure"),
        "AENETWR": (_STATISTICS_VALUE, "Incoming orders: net value in statistics currency"),
        "AEMENGE": (_STATISTICS_QUANTITY, "Incoming orders: quantity in base unit"),
        "ANZAUPOS": (_COUNT, "Number of order items"),
        "RENETWR": (_STATISTICS_VALUE, "Returns: net value in statistics currency"),
        "REMENGE": (_STATISTICS_QUANTITY, "Returns: quantity in base unit"),
        "ANZREPOS": (_COUNT, "Number of returns items"),
        "UMNETWR": (_STATISTICS_VALUE, "Invoiced sales in statistics currency"),
        "UMMENGE": (_STATISTICS_QUANTITY, "Invoiced quantity in base unit"),
        "OAUWE": (_STATISTICS_VALUE, "Open orders: net value in statistics currency"),
        "OAUME": (_STATISTICS_QUANTITY, "Open orders: quantity in base unit"),
        "LFMENGE": (_STATISTICS_QUANTITY, "Delivered quantity in base unit (emulator)"),
    }),
]
