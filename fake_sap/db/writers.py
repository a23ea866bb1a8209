"""Which module writes each table: the one place that names a table's writer.

Layer: persistence (plain data; imports nothing). Every table of the emulator's schema has
exactly one writer module: the only module that inserts, updates or deletes its rows.
Everything else reads the table, or calls that module. The business packages own the SAP
tables; ``fake_sap.db`` modules own the tables of the IDoc interface and the system's
bookkeeping; the RFC runtime owns its session tables.

One writer is not named here because it writes no table of its own: a client reset
(``fake_sap.db.clients.wipe``) empties every table of a client at once.

``tests/test_table_writers.py`` scans the source and fails when any other module writes a
table, so this list stays true. ADR 0006 says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: table name → the module that writes it
WRITERS: Mapping[str, str] = MappingProxyType({
    # material master (MM): the views, and the stock quantities that goods movements decide
    "mara": "fake_sap.mm.material_master",
    "makt": "fake_sap.mm.material_master",
    "marc": "fake_sap.mm.material_master",
    "mard": "fake_sap.mm.material_master",
    "mbew": "fake_sap.mm.material_master",
    "mvke": "fake_sap.mm.material_master",
    "marm": "fake_sap.mm.material_master",
    # customer master (SD), with the receivables that accounting posts (KNKK-SKFOR)
    "kna1": "fake_sap.sd.customer_master",
    "knvv": "fake_sap.sd.customer_master",
    "knvp": "fake_sap.sd.customer_master",
    "knb1": "fake_sap.sd.customer_master",
    "knkk": "fake_sap.sd.customer_master",
    # SD documents
    "vbak": "fake_sap.sd.sales_orders",
    "vbap": "fake_sap.sd.sales_orders",
    "vbep": "fake_sap.sd.sales_orders",
    "vbpa": "fake_sap.sd.sales_orders",
    "vbuk": "fake_sap.sd.status",
    "vbup": "fake_sap.sd.status",
    "vbfa": "fake_sap.sd.document_flow",
    "likp": "fake_sap.sd.deliveries",
    "lips": "fake_sap.sd.deliveries",
    "s001": "fake_sap.sd.statistics",
    "open_order_values": "fake_sap.sd.open_orders",
    # MM documents and special stock
    "mkpf": "fake_sap.mm.goods_movements",
    "mseg": "fake_sap.mm.goods_movements",
    "msku": "fake_sap.mm.stock",
    "ekko": "fake_sap.mm.purchasing",
    "ekpo": "fake_sap.mm.purchasing",
    # FI documents
    "bkpf": "fake_sap.fi.accounting",
    "bseg": "fake_sap.fi.accounting",
    # IDoc interface: control and status records, inbound bookkeeping, change pointers
    "edidc": "fake_sap.db.idocs",
    "edids": "fake_sap.db.idocs",
    "idoc_inbound_keys": "fake_sap.db.idocs",
    "idoc_serialization": "fake_sap.db.idocs",
    "bdcp2": "fake_sap.db.change_pointers",
    "partners": "fake_sap.db.partners",
    "partner_messages": "fake_sap.db.partners",
    "dispatch_leases": "fake_sap.ale.dispatcher",
    # IDoc types imported from their XML schema (client-independent, like WE30 objects)
    "idoc_types": "fake_sap.db.idoc_types",
    # the system: clients, customizing, number ranges, test controls
    "clients": "fake_sap.db.clients",
    "customizing": "fake_sap.db.clients",
    "logon_failures": "fake_sap.db.clients",
    # the code tables of the ISO conversion at the ALE boundary, installed with each client
    "t006": "fake_sap.db.iso_codes",
    "tcurc": "fake_sap.db.iso_codes",
    "t005": "fake_sap.db.iso_codes",
    "number_ranges": "fake_sap.db.numbers",
    "business_dates": "fake_sap.basis.business_date",
    "injected_faults": "fake_sap.basis.faults",
    # the version of the three above and the clients, which every SAP request checks
    "state_version": "fake_sap.db.state_version",
    # SOAP-RFC sessions and their LUWs
    "rfc_sessions": "fake_sap.rfc.luw",
    "rfc_update_tasks": "fake_sap.rfc.luw",
    "rfc_client_settings": "fake_sap.rfc.luw",
    # transactional RFC: the TID table, modelled on SAP's ARFCRSTATE
    "arfcrstate": "fake_sap.rfc.units",
    # the emulator's log of recent SOAP-RFC calls, shown by the console (not SAP's)
    "rfc_call_log": "fake_sap.rfc.call_log",
})
