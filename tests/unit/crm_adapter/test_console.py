"""The CRM console's logic that needs no server: the link of an SAP document to the SAP
console's document flow, and which outbox jobs the console calls *in doubt* and offers to
make due (on an in-memory store)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import update

from crm_adapter import outbox
from crm_adapter.config import AdapterSettings
from crm_adapter.store.engine import Database
from crm_adapter.store.schema import outbox as outbox_table
from crm_adapter.ui.console import document_flow_url

pytestmark = pytest.mark.unit


def test_a_document_links_to_the_sap_console_s_document_flow_in_the_adapter_s_client() -> None:
    url = urlsplit(document_flow_url("http://sap.example:8000/", "100", "0000010000"))

    assert (url.scheme, url.netloc, url.path) == ("http", "sap.example:8000", "/_fake/ui/flow")
    assert parse_qs(url.query) == {"sap-client": ["100"], "document": ["0000010000"]}


def test_the_sap_console_url_is_a_setting_that_defaults_to_sap_s_url() -> None:
    assert AdapterSettings.load(environ={}).sap_console_url == ""
    assert AdapterSettings.load(environ={
        "CRM_ADAPTER_SAP_CONSOLE_URL": "http://localhost:8000"}).sap_console_url == \
        "http://localhost:8000"


@pytest.fixture
def store() -> Iterator[Database]:
    database = Database("sqlite://")
    database.create_schema()
    yield database
    database.dispose()


def job(store: Database, **state: object) -> int:
    with store.write() as conn:
        entry_id = outbox.enqueue(conn, "create_sales_order", {}, "MA0000000001")
        if state:
            conn.execute(update(outbox_table).where(outbox_table.c.id == entry_id)
                         .values(**state))
    return entry_id


def listed(store: Database, entry_id: int) -> dict[str, object]:
    with store.read() as conn:
        [found] = [e for e in outbox.listing(conn) if e["id"] == entry_id]
    return found


def test_a_job_is_in_doubt_while_an_attempt_s_progress_is_unconfirmed(store: Database) -> None:
    waiting = job(store, attempts=1, progress={"document": "4500000001"})
    fresh = job(store)
    done = job(store, status=outbox.DONE, attempts=1, progress={"document": "4500000002"})

    assert listed(store, waiting)["in_doubt"] is True
    assert listed(store, fresh)["in_doubt"] is False
    assert listed(store, done)["in_doubt"] is False


def test_only_a_pending_job_is_made_due_now(store: Database) -> None:
    waiting = job(store, attempts=2, next_attempt_at=4_000_000_000.0, last_error="SAP down")
    failed = job(store, status=outbox.FAILED, attempts=1, last_error="refused by SAP")

    with store.write() as conn:
        assert outbox.retry_now(conn, waiting)
        assert not outbox.retry_now(conn, failed)
        assert not outbox.retry_now(conn, 999)

    assert listed(store, waiting)["next_attempt_at"] == 0.0
    assert listed(store, failed)["status"] == outbox.FAILED
