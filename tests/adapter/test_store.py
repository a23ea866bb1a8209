"""The CRM store and the master-data domain rules, without HTTP or SAP."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect

from crm_adapter.domain.master_data import (
    CustomerKind,
    MaintenanceUpdate,
    Prices,
    SapCustomer,
    SapMaterial,
    customer_kind,
)
from crm_adapter.inbox import SERIAL_LENGTH
from crm_adapter.store import inbox, master_data
from crm_adapter.store.engine import Database
from crm_adapter.store.inbox import InboxStatus, NewIdoc

MATNR = "000000000000004711"


def sap_material(number: str = MATNR, *, description: str = "Pump",
                 prices: Prices | None = None, deleted: bool = False) -> SapMaterial:
    return SapMaterial(number, description, "泵", "FERT", "PUMPS", "ST", prices, deleted)


def outlet(number: str, center: str | None) -> SapCustomer:
    return SapCustomer(number, CustomerKind.OUTLET, f"Outlet {number}", "Wuhan", "HB",
                       False, center)


def center(number: str) -> SapCustomer:
    return SapCustomer(number, CustomerKind.PROVINCIAL_CENTER, f"Center {number}", "Wuhan",
                       "HB", False, None)


def received(docnum: str, *, sender: str = "ERPCLNT100", serial: str = "",
             object_key: str = MATNR, created: tuple[str, str] = ("20261201", "101500")) \
        -> NewIdoc:
    return NewIdoc(sender, docnum, "MATMAS", "MATMAS05", object_key, serial, "<MATMAS05/>",
                   *created)


def add_if_new(conn: Connection, idoc: NewIdoc) -> int | None:
    """One IDoc through the store's batch insert: its id, or None when the sender's DOCNUM
    is there already."""
    return inbox.add_many_if_new(conn, [idoc]).get(idoc.identity)


def newest_applied_serial(conn: Connection, message_type: str, object_key: str) -> str | None:
    """The SERIAL part of the newest order key applied for an object (None: none)."""
    newest = inbox.newest_applied_order_keys(conn, [(message_type, object_key)])
    key = newest.get((message_type, object_key))
    return key[:SERIAL_LENGTH] if key is not None else None


# --- schema and engine -------------------------------------------------------------------------

def test_the_schema_has_a_table_for_everything_the_integration_keeps_consistent(
        crm_store: Database) -> None:
    tables = set(inspect(crm_store.engine).get_table_names())

    assert {"provincial_centers", "outlets", "materials", "material_maintenance",
            "material_applications", "material_application_items", "returns", "return_items",
            "deliveries", "delivery_items", "outlet_inventory", "repair_orders",
            "repair_order_materials", "labour_fee_rules", "settlements", "sales_statistics",
            "inbox", "outbox"} <= tables


def test_a_sqlite_file_database_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    try:
        with database.read() as conn:
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
    finally:
        database.dispose()

    assert journal == "wal"
    assert timeout and timeout > 0


# --- materials -----------------------------------------------------------------------------------

def test_a_created_material_is_queued_for_maintenance(crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.create_material(conn, sap_material())

    with crm_store.read() as conn:
        assert master_data.is_queued(conn, MATNR)
        assert [m["material_number"] for m in master_data.pending_maintenance(conn)] == [MATNR]


def test_updating_a_material_keeps_its_crm_only_fields(crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.create_material(conn, sap_material())
        master_data.maintain_material(conn, MATNR, MaintenanceUpdate("A-01-03", "2"))

    with crm_store.write() as conn:
        master_data.update_material(conn, sap_material(description="Pump, stainless"))

    with crm_store.read() as conn:
        material = master_data.get_material(conn, MATNR)
    assert material is not None
    assert material["description_en"] == "Pump, stainless"
    assert (material["position_number"], material["repair_level"]) == ("A-01-03", "2")


def test_maintaining_a_material_takes_it_off_the_queue(crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.create_material(conn, sap_material())

    with crm_store.write() as conn:
        assert master_data.maintain_material(conn, MATNR, MaintenanceUpdate("A-01-03", "2"))

    with crm_store.read() as conn:
        assert not master_data.is_queued(conn, MATNR)
        assert master_data.pending_maintenance(conn) == []


def test_maintaining_an_unknown_material_changes_nothing(crm_store: Database) -> None:
    with crm_store.write() as conn:
        assert not master_data.maintain_material(conn, MATNR, MaintenanceUpdate("A", "1"))


def test_prices_are_kept_exactly(crm_store: Database) -> None:
    prices = Prices(Decimal("12.30"), Decimal("0.1"), Decimal("1234567.89"), Decimal("0.01"), 10)
    with crm_store.write() as conn:
        master_data.create_material(conn, sap_material(prices=prices))

    with crm_store.read() as conn:
        material = master_data.get_material(conn, MATNR)
    assert material is not None
    assert (material["standard_price"], material["moving_average_price"],
            material["outlet_purchase_price"], material["retail_price"],
            material["price_unit"]) == (Decimal("12.30"), Decimal("0.1"),
                                        Decimal("1234567.89"), Decimal("0.01"), 10)


def test_an_update_without_valuation_keeps_the_prices(crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.create_material(conn, sap_material(prices=Prices(standard=Decimal("5"))))
        master_data.update_material(conn, sap_material(prices=None))

    with crm_store.read() as conn:
        material = master_data.get_material(conn, MATNR)
    assert material is not None and material["standard_price"] == Decimal("5")


# --- centers and outlets --------------------------------------------------------------------------

def test_upserting_a_customer_tells_whether_it_was_created(crm_store: Database) -> None:
    with crm_store.write() as conn:
        assert master_data.upsert_customer(conn, center("0000009100")) is True
        assert master_data.upsert_customer(conn, center("0000009100")) is False


def test_an_outlet_whose_center_is_unknown_has_a_pending_mapping(crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.upsert_customer(conn, outlet("0000009001", "0000009100"))

    with crm_store.read() as conn:
        pending = master_data.outlets_with_pending_center(conn)
    assert [o["customer_number"] for o in pending] == ["0000009001"]


def test_the_pending_mapping_is_complete_once_the_center_exists(crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.upsert_customer(conn, outlet("0000009001", "0000009100"))
        master_data.upsert_customer(conn, center("0000009100"))

    with crm_store.read() as conn:
        assert master_data.outlets_with_pending_center(conn) == []
        assert master_data.outlets_of(conn, "0000009100") == ["0000009001"]


def test_an_outlet_update_that_says_nothing_about_partners_keeps_the_center(
        crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.upsert_customer(conn, outlet("0000009001", "0000009100"))
        master_data.upsert_customer(conn, outlet("0000009001", None))

    with crm_store.read() as conn:
        found = master_data.get_outlet(conn, "0000009001")
    assert found is not None and found["provincial_center"] == "0000009100"


# --- inbox ----------------------------------------------------------------------------------------

def test_the_same_docnum_from_the_same_sender_is_stored_once(crm_store: Database) -> None:
    with crm_store.write() as conn:
        first = add_if_new(conn, received("0000000000000001"))
        again = add_if_new(conn, received("0000000000000001"))

    assert first is not None
    assert again is None


def test_the_same_docnum_from_another_sender_is_another_idoc(crm_store: Database) -> None:
    with crm_store.write() as conn:
        add_if_new(conn, received("0000000000000001", sender="ERPCLNT100"))
        other = add_if_new(conn, received("0000000000000001", sender="ERPCLNT200"))

    assert other is not None


def test_a_docnum_the_sender_hands_out_again_later_is_another_idoc(
        crm_store: Database) -> None:
    # a sender restored from a backup numbers its new IDocs from where the backup stood
    with crm_store.write() as conn:
        before = add_if_new(conn, received("0000000000000001",
                                           created=("20261201", "101500")))
        after_restore = add_if_new(conn, received("0000000000000001",
                                                  created=("20261205", "083000")))
        resend = add_if_new(conn, received("0000000000000001",
                                           created=("20261205", "083000")))

    assert before is not None and after_restore is not None and before != after_restore
    assert resend is None


def test_only_processed_idocs_count_as_applied_for_serialization(crm_store: Database) -> None:
    with crm_store.write() as conn:
        applied = add_if_new(conn, received("1", serial="20250101000000000000"))
        failed = add_if_new(conn, received("2", serial="20250301000000000000"))
        assert applied is not None and failed is not None
        inbox.record_outcome(conn, applied, InboxStatus.PROCESSED, "ok")
        inbox.record_outcome(conn, failed, InboxStatus.FAILED, "broken")

    with crm_store.read() as conn:
        newest = newest_applied_serial(conn, "MATMAS", MATNR)
    assert newest == "20250101000000000000"


def test_every_processing_attempt_is_counted(crm_store: Database) -> None:
    with crm_store.write() as conn:
        entry = add_if_new(conn, received("1"))
        assert entry is not None
        inbox.record_outcome(conn, entry, InboxStatus.FAILED, "broken")
        inbox.record_outcome(conn, entry, InboxStatus.PROCESSED, "ok")

    with crm_store.read() as conn:
        row = inbox.get(conn, entry)
    assert row is not None
    assert (row["status"], row["attempts"], row["reason"]) == ("processed", 2, "ok")


# --- domain rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("account_group", "kind"), [
    ("ZPC", CustomerKind.PROVINCIAL_CENTER), ("ZOUT", CustomerKind.OUTLET), ("0001", None)])
def test_the_account_group_decides_what_kind_of_customer_the_crm_keeps(
        account_group: str, kind: CustomerKind | None) -> None:
    assert customer_kind(account_group) is kind


def test_a_maintenance_update_needs_both_fields() -> None:
    assert MaintenanceUpdate(" ", "2").problems() == ["position_number is required"]
    assert MaintenanceUpdate("A-01", "").problems() == ["repair_level is required"]


def test_a_maintenance_update_refuses_values_longer_than_their_columns() -> None:
    assert MaintenanceUpdate("A" * 21, "B" * 11).problems() == [
        "position_number is longer than 20 characters",
        "repair_level is longer than 10 characters"]



# --- reading master data for the JSON API -------------------------------------------------------

def test_the_outlet_listing_flags_the_pending_center_the_same_way_as_the_pending_list(
        crm_store: Database) -> None:
    with crm_store.write() as conn:
        master_data.upsert_customer(conn, center("0000009100"))
        for number, center_number in (("0000009001", "0000009100"),
                                      ("0000009002", "0000009200"), ("0000009003", None)):
            master_data.upsert_customer(conn, outlet(number, center_number))

    with crm_store.read() as conn:
        listed = master_data.list_outlets(conn, provincial_center=None, center_pending=False,
                                          after=None, include_deleted=True, limit=10)
        pending = master_data.list_outlets(conn, provincial_center=None, center_pending=True,
                                           after=None, include_deleted=True, limit=10)
        pending_list = master_data.outlets_with_pending_center(conn)
        one = master_data.outlet_view(conn, "0000009002")
    assert [(o["customer_number"], o["provincial_center_pending"]) for o in listed] == [
        ("0000009001", False), ("0000009002", True), ("0000009003", False)]
    assert [o["customer_number"] for o in pending] == [o["customer_number"]
                                                       for o in pending_list]
    assert one is not None and one["provincial_center_pending"] is True


def test_the_material_listing_pages_by_number_and_shows_the_maintenance_queue(
        crm_store: Database) -> None:
    numbers = [f"{n:018d}" for n in range(4711, 4716)]
    with crm_store.write() as conn:
        master_data.create_materials(conn, [sap_material(n) for n in numbers])
        master_data.maintain_material(conn, numbers[0], MaintenanceUpdate("A-01", "2"))
        master_data.flag_material_deleted(conn, numbers[1])

    with crm_store.read() as conn:
        first = master_data.list_materials(conn, after=None, include_deleted=True, limit=2)
        rest = master_data.list_materials(conn, after=first[-1]["material_number"],
                                          include_deleted=True, limit=10)
        active = master_data.list_materials(conn, after=None, include_deleted=False, limit=10)
    assert [m["material_number"] for m in first + rest] == numbers
    assert [m["queued_at"] is None for m in first + rest] == [True] + [False] * 4
    assert [m["material_number"] for m in active] == [numbers[0], *numbers[2:]]
