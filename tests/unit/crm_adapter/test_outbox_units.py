"""Settings of the adapter's units and the in-doubt window (crm_adapter.config, outbox)."""

from __future__ import annotations

import time

import pytest

from crm_adapter.config import AdapterSettings
from crm_adapter.outbox import Entry, InDoubt, UnitSettings, new_unit_id

pytestmark = pytest.mark.unit


def test_units_are_auto_and_the_in_doubt_window_is_longer_than_sap_s_work_process_limit(
        ) -> None:
    settings = AdapterSettings.load(environ={})
    assert (settings.sap_units, settings.sap_in_doubt_seconds) == ("auto", 900.0)


def test_crm_adapter_sap_units_is_honoured_and_checked() -> None:
    assert AdapterSettings.load(environ={"CRM_ADAPTER_SAP_UNITS": "off"}).sap_units == "off"
    with pytest.raises(ValueError, match="sap_units"):
        AdapterSettings.load(environ={"CRM_ADAPTER_SAP_UNITS": "sometimes"})


def test_crm_adapter_sap_in_doubt_seconds_is_honoured() -> None:
    loaded = AdapterSettings.load(environ={"CRM_ADAPTER_SAP_IN_DOUBT_SECONDS": "42.5"})
    assert loaded.sap_in_doubt_seconds == 42.5


def test_a_new_unit_id_is_a_24_character_tid() -> None:
    tid = new_unit_id()
    assert len(tid) == 24 and tid == tid.upper() and tid != new_unit_id()


def entry(progress: dict[str, float], window: float) -> Entry:
    return Entry(1, "create_sales_order", {}, "MA0000000001", 2, dict(progress),
                 unit_id=new_unit_id(), units=UnitSettings("off", window))


def test_an_entry_in_doubt_is_not_created_again_until_the_window_has_passed() -> None:
    with pytest.raises(InDoubt):
        entry({"in_doubt_since": time.time()}, 60.0).check_in_doubt()
    entry({"in_doubt_since": time.time() - 61.0}, 60.0).check_in_doubt()
    entry({}, 60.0).check_in_doubt()


def test_marking_in_doubt_keeps_what_the_attempt_recorded() -> None:
    marked = entry({"purchase_order": 4500000001}, 60.0)
    marked.mark_in_doubt()
    assert marked.progress["purchase_order"] == 4500000001
    assert marked.progress["in_doubt_since"] > 0
