"""Stock per plant, storage location and stock type, kept consistent by every movement.

Quantities live in MARD (LABST unrestricted, INSME quality, SPEME blocked, RETME blocked
returns), MARC-TRAME (stock in transit of stock transport orders) and MSKU (consignment
stock at the customer, special stock W). A movement that would make a stock negative is
refused with SAP's message M7 021, and the whole movement is refused with it.

Every change reads the quantity with ``SELECT ... FOR UPDATE`` before writing it back, so
two movements of the same stock in parallel transactions (PostgreSQL) cannot lose an
update: the second waits for the first and then adds to its result.

Layer: business (MM). The rules of stock quantities (MARD, MARC-TRAME, MSKU) and the one
writer of MSKU. MARD and MARC rows belong to the material master
(:mod:`fake_sap.mm.material_master`), which stores the quantities decided here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select, update

from fake_sap.db.documents import msku
from fake_sap.db.schema import marc, mard
from fake_sap.db.upsert import insert_if_absent
from fake_sap.errors import declared_error
from fake_sap.mm import material_master

#: stock types as BAPI_GOODSMVT_CREATE calls them, and their MARD columns
MARD_COLUMNS = {"unrestricted": "labst", "quality": "insme", "blocked": "speme",
                "returns": "retme"}
STOCK_TYPE_NAMES = {"labst": "Unrestricted-use", "insme": "Quality inspection",
                    "speme": "Blocked", "retme": "Returns blocked", "trame": "In transit",
                    "kulab": "Consignment at customer"}


def change_storage_location(conn: Connection, mandt: str, matnr: str, werks: str,
                            lgort: str, column: str, delta: Decimal) -> Decimal:
    """Add ``delta`` to one MARD stock column; returns the new quantity."""
    where = (mard.c.mandt == mandt, mard.c.matnr == matnr, mard.c.werks == werks,
             mard.c.lgort == lgort)
    current = conn.execute(select(mard.c[column]).where(*where).with_for_update()).scalar()
    if current is None:
        if delta < 0:
            _deficit(matnr, werks, lgort, column, delta)
        if conn.execute(select(marc.c.matnr).where(marc.c.mandt == mandt, marc.c.matnr == matnr,
                                                   marc.c.werks == werks)).first() is None:
            raise declared_error("M7", "004", matnr.lstrip("0"), werks)
        material_master.add_storage_location(conn, mandt, matnr, werks, lgort)
        current = conn.execute(select(mard.c[column]).where(*where).with_for_update()
                               ).scalar_one()
    new = Decimal(current) + delta
    if new < 0:
        _deficit(matnr, werks, lgort, column, new)
    material_master.set_storage_location_stock(conn, mandt, matnr, werks, lgort, column, new)
    return new


def change_in_transit(conn: Connection, mandt: str, matnr: str, werks: str,
                      delta: Decimal) -> Decimal:
    where = (marc.c.mandt == mandt, marc.c.matnr == matnr, marc.c.werks == werks)
    current = conn.execute(select(marc.c.trame).where(*where).with_for_update()).scalar()
    if current is None:
        raise declared_error("M7", "004", matnr.lstrip("0"), werks)
    new = Decimal(current) + delta
    if new < 0:
        _deficit(matnr, werks, "", "trame", new)
    material_master.set_stock_in_transit(conn, mandt, matnr, werks, new)
    return new


def change_consignment(conn: Connection, mandt: str, matnr: str, werks: str, kunnr: str,
                       delta: Decimal) -> Decimal:
    key = {"mandt": mandt, "matnr": matnr, "werks": werks, "charg": "", "sobkz": "W",
           "kunnr": kunnr}
    insert_if_absent(conn, msku, {**key, "kulab": "0"})
    where = [msku.c[k] == v for k, v in key.items()]
    new = Decimal(conn.execute(select(msku.c.kulab).where(*where).with_for_update()
                               ).scalar_one()) + delta
    if new < 0:
        _deficit(matnr, werks, "", "kulab", new)
    conn.execute(update(msku).where(*where).values(kulab=str(new)))
    return new


def quantity(conn: Connection, mandt: str, matnr: str, werks: str, lgort: str,
             column: str = "labst") -> Decimal:
    value = conn.execute(select(mard.c[column]).where(
        mard.c.mandt == mandt, mard.c.matnr == matnr, mard.c.werks == werks,
        mard.c.lgort == lgort)).scalar()
    return Decimal(value or "0")


def _deficit(matnr: str, werks: str, lgort: str, column: str, result: Decimal) -> None:
    place = f"{werks} {lgort}".strip()
    raise declared_error("M7", "021", STOCK_TYPE_NAMES[column], -result, matnr.lstrip("0"), place)


# --- reading (the stock overview, MMBE) ------------------------------------------------------

def storage_locations(conn: Connection, mandt: str, matnr: str, werks: str | None = None
                      ) -> list[dict[str, Any]]:
    """MARD rows of a material (in one plant or all), by plant and storage location."""
    query = select(mard).where(mard.c.mandt == mandt, mard.c.matnr == matnr)
    if werks:
        query = query.where(mard.c.werks == werks)
    return [dict(r) for r in conn.execute(
        query.order_by(mard.c.werks, mard.c.lgort)).mappings()]


def in_transit(conn: Connection, mandt: str, matnr: str) -> dict[str, Decimal]:
    """MARC-TRAME per plant, for plants that have stock in transit."""
    rows = conn.execute(select(marc.c.werks, marc.c.trame).where(
        marc.c.mandt == mandt, marc.c.matnr == matnr)).all()
    return {werks: Decimal(trame) for werks, trame in rows if Decimal(trame or "0")}


def consignment(conn: Connection, mandt: str, matnr: str) -> list[dict[str, Any]]:
    """MSKU rows (consignment stock at customers, special stock W) of a material."""
    return [dict(r) for r in conn.execute(select(msku).where(
        msku.c.mandt == mandt, msku.c.matnr == matnr).order_by(
        msku.c.werks, msku.c.kunnr)).mappings()]
