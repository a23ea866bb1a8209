"""The SAP tables RFC_READ_TABLE can read: one declaration each (see ``read_table.sap_table``).

Each lists the SAP fields it exposes with their DDIC type where it is not the column's CHAR
length, and SAP's short text; a column that is not listed is not an SAP field.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from fake_sap.db import schema
from fake_sap.rfc import document_tables
from fake_sap.rfc.model import DATS, TIMS, curr, dec, numc, quan
from fake_sap.rfc.read_table import ReadableTable, sap_table

_AMOUNT = curr(11)
_QUANTITY = quan(13)

TABLES: list[ReadableTable] = [
    sap_table(schema.mara, "MARA", "General Material Data", {
        "MATNR": "Material Number",
        "ERSDA": (DATS, "Created On"),
        "ERNAM": "Name of Person who Created the Object",
        "LAEDA": (DATS, "Date of Last Change"),
        "AENAM": "Name of Person Who Changed Object",
        "LVORM": "Flag Material for Deletion at Client Level",
        "MTART": "Material Type",
        "MBRSH": "Industry Sector",
        "MATKL": "Material Group",
        "BISMT": "Old material number",
        "MEINS": "Base Unit of Measure",
        "BRGEW": (_QUANTITY, "Gross Weight"),
        "NTGEW": (_QUANTITY, "Net Weight"),
        "GEWEI": "Weight Unit",
        "SPART": "Division",
        "MTPOS_MARA": "General item category group",
    }),
    sap_table(schema.makt, "MAKT", "Material Descriptions", {
        "MATNR": "Material Number",
        "SPRAS": "Language Key",
        "MAKTX": "Material description",
    }),
    sap_table(schema.marc, "MARC", "Plant Data for Material", {
        "MATNR": "Material Number",
        "WERKS": "Plant",
        "LVORM": "Flag Material for Deletion at Plant Level",
        "EKGRP": "Purchasing Group",
        "DISMM": "MRP Type",
        "MTVFP": "Checking Group for Availability Check",
        "PRCTR": "Profit Center",
    }),
    sap_table(schema.mard, "MARD", "Storage Location Data for Material", {
        "MATNR": "Material Number",
        "WERKS": "Plant",
        "LGORT": "Storage Location",
        "LVORM": "Flag Material for Deletion at Storage Location Level",
        "LABST": (_QUANTITY, "Valuated Unrestricted-Use Stock"),
        "INSME": (_QUANTITY, "Stock in Quality Inspection"),
        "SPEME": (_QUANTITY, "Blocked Stock"),
        "LGPBE": "Storage Bin",
    }),
    sap_table(schema.mbew, "MBEW", "Material Valuation", {
        "MATNR": "Material Number",
        "BWKEY": "Valuation Area",
        "BWTAR": "Valuation Type",
        "VPRSV": "Price control indicator",
        "VERPR": (_AMOUNT, "Moving Average Price/Periodic Unit Price"),
        "STPRS": (_AMOUNT, "Standard price"),
        "PEINH": (dec(5), "Price Unit"),
        "BKLAS": "Valuation Class",
        "ZPLP1": (_AMOUNT, "Future Planned Price 1"),
        "ZPLP2": (_AMOUNT, "Future Planned Price 2"),
    }),
    sap_table(schema.mvke, "MVKE", "Sales Data for Material", {
        "MATNR": "Material Number",
        "VKORG": "Sales Organization",
        "VTWEG": "Distribution Channel",
        "LVORM": "Ind.: Flag material for deletion at distribution chain level",
        "VERSG": "Material statistics group",
        "KTGRM": "Account assignment group for this material",
        "DWERK": "Delivering Plant (Own or External)",
        "VRKME": "Sales unit",
        "MTPOS": "Item category group from material master",
    }),
    sap_table(schema.kna1, "KNA1", "General Data in Customer Master", {
        "KUNNR": "Customer Number",
        "LAND1": "Country Key",
        "NAME1": "Name 1",
        "NAME2": "Name 2",
        "ORT01": "City",
        "PSTLZ": "Postal Code",
        "REGIO": "Region (State, Province, County)",
        "SORTL": "Sort field",
        "STRAS": "House number and street",
        "TELF1": "First telephone number",
        "ANRED": "Title",
        "AUFSD": "Central order block for customer",
        "ERDAT": (DATS, "Date on which the Record Was Created"),
        "ERNAM": "Name of Person who Created the Object",
        "FAKSD": "Central billing block for customer",
        "KTOKD": "Customer Account Group",
        "LIFSD": "Central delivery block for the customer",
        "LOEVM": "Central Deletion Flag for Master Record",
        "SPRAS": "Language Key",
        "STCEG": "VAT Registration Number",
    }),
    sap_table(schema.knvv, "KNVV", "Customer Master Sales Data", {
        "KUNNR": "Customer Number",
        "VKORG": "Sales Organization",
        "VTWEG": "Distribution Channel",
        "SPART": "Division",
        "LOEVM": "Deletion flag for customer (sales level)",
        "BZIRK": "Sales district",
        "AUFSD": "Customer order block (sales area)",
        "KDGRP": "Customer group",
        "LIFSD": "Customer delivery block (sales area)",
        "VSBED": "Shipping Conditions",
        "VWERK": "Delivering Plant (Own or External)",
        "WAERS": "Currency",
        "ZTERM": "Terms of Payment Key",
        "KTGRD": "Account assignment group for this customer",
    }),
    sap_table(schema.knvp, "KNVP", "Customer Master Partner Functions", {
        "KUNNR": "Customer Number",
        "VKORG": "Sales Organization",
        "VTWEG": "Distribution Channel",
        "SPART": "Division",
        "PARVW": "Partner Function",
        "PARZA": (numc(3), "Partner counter"),
        "KUNN2": "Customer number of business partner",
        "DEFPA": "Default Partner",
    }),
    sap_table(schema.knb1, "KNB1", "Customer Master (Company Code)", {
        "KUNNR": "Customer Number",
        "BUKRS": "Company Code",
        "LOEVM": "Deletion Flag for Master Record (Company Code Level)",
        "AKONT": "Reconciliation Account in General Ledger",
        "ZTERM": "Terms of Payment Key",
    }),
    sap_table(schema.knkk, "KNKK", "Customer master credit management: Control area data", {
        "KUNNR": "Customer Number",
        "KKBER": "Credit control area",
        "KLIMK": (curr(15), "Customer's credit limit"),
        "KNKLI": "Customer's account number with credit limit reference",
        "SAUFT": (curr(15), "Sales value"),
        "SKFOR": (curr(15), "Total receivables (for credit limit check)"),
        "SSOBL": (curr(15), "Special liabilities"),
        "CTLPC": "Credit management: Risk category",
        "CRBLB": "Indicator: Blocked by credit management?",
    }),
    sap_table(schema.edidc, "EDIDC", "Control record (IDoc)", {
        "DOCNUM": (numc(16), "IDoc number"),
        "STATUS": "Status of IDoc",
        "DIRECT": "Direction for IDoc",
        "IDOCTP": "Basic type",
        "CIMTYP": "Extension",
        "MESTYP": "Message Type",
        "MESCOD": "Message code",
        "MESFCT": "Message function",
        "SNDPOR": "Sender port (SAP System, EDI subsystem)",
        "SNDPRT": "Partner Type of Sender",
        "SNDPRN": "Partner Number of Sender",
        "RCVPOR": "Receiver port",
        "RCVPRT": "Partner Type of Receiver",
        "RCVPRN": "Partner Number of Receiver",
        "CREDAT": (DATS, "IDoc Created On"),
        "CRETIM": (TIMS, "IDoc Created at"),
        "REFINT": "Transmission file (EDI Interchange)",
        "SERIAL": "Serialization",
    }),
    sap_table(schema.edids, "EDIDS", "Status Record (IDoc)", {
        "DOCNUM": (numc(16), "IDoc number"),
        "LOGDAT": (DATS, "Date of status information"),
        "LOGTIM": (TIMS, "Time of status information"),
        "COUNTR": (numc(16), "IDoc status counter"),
        "STATUS": "Status of IDoc",
        "STATXT": "Text for status code",
        "SEGNUM": "Number of SAP segment",
        "SEGFLD": "Field Name in SAP Segment",
        "STATYP": "Type of system error message (A, W, E, S, I)",
        "STAMID": "Status message ID",
        "STAMNO": "Status message number",
        "STAPA1": "Parameter 1",
        "STAPA2": "Parameter 2",
        "STAPA3": "Parameter 3",
        "STAPA4": "Parameter 4",
    }),
]

TABLES += document_tables.TABLES  # VBAK ... BKPF, BSEG, S001: declared with the documents

#: the readable tables by name, as RFC_READ_TABLE looks them up
BY_NAME: Mapping[str, ReadableTable] = MappingProxyType({t.name: t for t in TABLES})
