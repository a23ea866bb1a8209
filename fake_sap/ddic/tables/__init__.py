"""SAP's transparent tables, declared once (see :mod:`fake_sap.ddic.tables.declaration`).

One module per table group; :data:`TABLES` lists every declaration, in the order the docs
show them. The database schema (``fake_sap.db.schema``) makes its tables from these, and
RFC_READ_TABLE and DDIF_FIELDINFO_GET answer from them.
"""

from __future__ import annotations

from fake_sap.ddic.tables import (
    accounting,
    codes,
    customer,
    idoc,
    inventory,
    material,
    purchasing,
    sales,
    shipping,
    statistics,
)
from fake_sap.ddic.tables.declaration import DeclaredField, TableDeclaration

TABLES: tuple[TableDeclaration, ...] = (*material.TABLES, *customer.TABLES, *sales.TABLES,
                                        *shipping.TABLES, *inventory.TABLES,
                                        *purchasing.TABLES, *accounting.TABLES,
                                        *statistics.TABLES, *codes.TABLES, *idoc.TABLES)

__all__ = ["TABLES", "DeclaredField", "TableDeclaration"]
