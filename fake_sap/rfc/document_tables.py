"""The document tables RFC_READ_TABLE can read: sales (VBAK/VBAP/VBEP, VBUK/VBUP), deliveries
(LIKP/LIPS), document flow (VBFA), material documents (MKPF/MSEG), special stocks (MSKU),
stock transport orders (EKKO/EKPO), accounting documents (BKPF/BSEG) and the sales
statistics S001.

Every one is declared in the ABAP Dictionary (``fake_sap.ddic.tables``: ``sales``,
``shipping``, ``inventory``, ``purchasing``, ``accounting``, ``statistics``) with SAP's field
list, and served from there: the fields the emulator keeps from its columns, the others as
their initial values. Several are wider than RFC_READ_TABLE's 512-character line (VBAK,
VBAP, LIKP, LIPS, BKPF ...), so reading them without FIELDS raises DATA_BUFFER_EXCEEDED, as
in SAP.
"""

from __future__ import annotations

from fake_sap.db import documents
from fake_sap.ddic.tables import accounting, inventory, purchasing, sales, shipping, statistics
from fake_sap.rfc.read_table import ReadableTable, declared_table

TABLES: list[ReadableTable] = [
    # --- SD: sales documents, deliveries, document flow -----------------------------------------
    declared_table(sales.VBAK, documents.vbak),
    declared_table(sales.VBAP, documents.vbap),
    declared_table(sales.VBEP, documents.vbep),
    declared_table(sales.VBUK, documents.vbuk),
    declared_table(sales.VBUP, documents.vbup),
    declared_table(shipping.LIKP, documents.likp),
    declared_table(shipping.LIPS, documents.lips),
    declared_table(sales.VBFA, documents.vbfa),
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
