"""Monthly labour-fee settlement: on the 10th each provincial center is paid its outlets'
repair fees of the previous month with an FI document in SAP, which the CRM reconciles once
SAP's payment run cleared it.

End to end against the real fake-sap server: repairs are recorded through the CRM's JSON API
on business dates set with ``PUT /api/clock``; the outbox worker posts to SAP FI; the tests
read BKPF and BSEG back with RFC_READ_TABLE and clear with the control API's payment run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from crm_driver import body, eventually
from landscape import FAST
from sap_crm import SapCrm

from crm_adapter import outbox
from crm_adapter.cli import main
from crm_adapter.compose import outbox_tables
from crm_adapter.domain.master_data import CustomerKind, MaintenanceUpdate, SapCustomer
from crm_adapter.flows.settlement import POST_SETTLEMENT, post_settlement
from crm_adapter.outbox import OutboxWorker
from crm_adapter.store import master_data
from sap_client.rfc import Connection

FEES = {"1": "50.00", "2": "80.00", "3": "120.00", "4": "200.00"}


@dataclass
class October:
    """Repairs of October 2026 at two outlets of the first center and one of the second,
    and one of 1 November; the business date is 10 November."""

    crm: SapCrm
    first_center: str
    second_center: str
    #: an outlet of the first center
    outlet: str
    november_repair: int

    def run(self, **request: Any) -> Any:
        return self.crm.http.post("/api/settlements/run", json=request)

    def settlements(self) -> dict[str, dict[str, Any]]:
        """By provincial center."""
        listed = body(self.crm.http.get("/api/settlements"))["settlements"]
        return {s["provincial_center"]: s for s in listed}

    def set_today(self, day: str) -> None:
        assert self.crm.http.put("/api/clock", json={"today": day}).status_code == 200


def record(crm: SapCrm, outlet: str, day: str, method: str,
           materials: dict[str, int] | None = None) -> dict[str, Any]:
    response = crm.http.post("/api/repairs", json={
        "outlet": outlet, "repair_date": day, "repair_method": method,
        "materials": [{"material": m, "quantity": q} for m, q in (materials or {}).items()]})
    assert response.status_code == 201, response.text
    return dict(body(response)["repair"])


@pytest.fixture
def october(sap_crm: SapCrm) -> October:
    crm = sap_crm
    first_center, second_center = crm.centers
    first = [o for o in crm.outlets if crm.center_of[o] == first_center][:2]
    second = [o for o in crm.outlets if crm.center_of[o] == second_center][0]
    simple, demanding = crm.materials[:2]
    with crm.db.write() as conn:
        master_data.maintain_material(conn, simple, MaintenanceUpdate("A-1", "1"))
        master_data.maintain_material(conn, demanding, MaintenanceUpdate("A-2", "3"))
    crm.set_inventory("5", outlet=first[0], material=demanding)
    for level, fee in FEES.items():
        crm.http.put(f"/api/labour-fee-rules/{level}", json={"fee": fee})
    crm.http.put("/api/clock", json={"today": "2026-10-31"})
    record(crm, first[0], "2026-10-05", "inspection")  # 50
    record(crm, first[0], "2026-10-20", "adjustment", {demanding: 1})  # level 3: 120
    record(crm, first[1], "2026-10-31", "overhaul")  # 200
    record(crm, second, "2026-10-15", "adjustment")  # 50
    record(crm, second, "2026-10-16", "part_replacement")  # 80
    crm.http.put("/api/clock", json={"today": "2026-11-01"})
    november = record(crm, first[0], "2026-11-01", "inspection")
    crm.http.put("/api/clock", json={"today": "2026-11-10"})
    return October(crm, first_center, second_center, first[0], november["id"])


def fi_documents(crm: SapCrm, settlement: dict[str, Any]) -> list[dict[str, str]]:
    return crm.table("BKPF", ["BELNR", "GJAHR", "XBLNR", "BKTXT", "BLART", "WAERS", "BUDAT"],
                     BUKRS="1000", XBLNR=settlement["settlement_number"])


def lines(crm: SapCrm, document: dict[str, str]) -> list[tuple[str, str, Decimal, str, str]]:
    """(account type, debit/credit, amount, G/L account, customer) per line."""
    return [(r["KOART"], r["SHKZG"], Decimal(r["WRBTR"]), r["HKONT"], r["KUNNR"])
            for r in crm.table("BSEG", ["KOART", "SHKZG", "WRBTR", "HKONT", "KUNNR"],
                               BUKRS="1000", BELNR=document["BELNR"], GJAHR=document["GJAHR"])]


# --- the run --------------------------------------------------------------------------------------

def test_on_the_10th_each_center_gets_one_settlement_of_its_outlets_fees(
        october: October) -> None:
    response = october.run()

    assert response.status_code == 200, response.text
    run = body(response)["run"]
    assert (run["month"], run["today"]) == ("2026-10", "2026-11-10")
    settlements = october.settlements()
    assert {center: (s["month"], s["total"], s["status"])
            for center, s in settlements.items()} == {
        october.first_center: ("2026-10", "370.00", "posting"),
        october.second_center: ("2026-10", "130.00", "posting")}


def test_a_repair_dated_1_november_is_not_in_the_october_settlement(october: October) -> None:
    october.run()

    november = body(october.crm.http.get(f"/api/repairs/{october.november_repair}"))["repair"]
    assert november["settlement_id"] is None
    settled = body(october.crm.http.get(
        f"/api/settlements/{october.settlements()[october.first_center]['id']}"))["settlement"]
    assert len(settled["repairs"]) == 3


def test_another_day_than_the_10th_is_refused(october: October) -> None:
    october.set_today("2026-11-12")

    response = october.run()

    assert response.status_code == 422
    assert "settled on day 10" in body(response)["message"]
    assert october.settlements() == {}


def test_a_forced_run_settles_the_previous_month_on_another_day(october: October) -> None:
    october.set_today("2026-11-12")

    response = october.run(force=True)

    assert body(response)["run"]["month"] == "2026-10"
    assert len(october.settlements()) == 2


def test_a_month_given_as_null_is_refused_and_nothing_is_settled(october: October) -> None:
    response = october.run(month=None, force=True)

    assert response.status_code == 400
    assert body(response)["message"] == "month must be text YYYY-MM"
    assert october.settlements() == {}


def test_a_month_that_is_not_over_cannot_be_settled(october: October) -> None:
    response = october.run(month="2026-11")

    assert response.status_code == 422
    assert body(response)["message"] == "2026-11 is not over yet (today is 2026-11-10)"


def test_running_again_creates_no_second_settlement(october: October) -> None:
    october.run()

    again = body(october.run(force=True))["run"]

    assert again["settlements"] == []
    assert len([e for e in october.crm.outbox() if e["kind"] == POST_SETTLEMENT]) == 2


def test_a_late_october_repair_is_settled_with_november(october: October) -> None:
    october.run()
    october.set_today("2026-11-12")
    late = record(october.crm, october.outlet, "2026-10-30", "inspection")

    october.set_today("2026-12-10")
    run = body(october.run())["run"]

    assert run["month"] == "2026-11"
    [december_run] = run["settlements"]
    repairs = body(october.crm.http.get(f"/api/settlements/{december_run['id']}"))[
        "settlement"]["repairs"]
    assert {r["id"] for r in repairs} == {late["id"], october.november_repair}


# --- the FI posting -----------------------------------------------------------------------------

def test_the_worker_posts_one_fi_document_per_center(october: October) -> None:
    october.run()

    october.crm.work()

    for center, settlement in october.settlements().items():
        assert settlement["status"] == "posted"
        [document] = fi_documents(october.crm, settlement)
        assert (document["BELNR"], settlement["fi_object_key"]) == (
            settlement["fi_document_number"],
            f"{document['BELNR']}1000{document['GJAHR']}")
        assert (document["BKTXT"], document["BLART"], document["WAERS"], document["BUDAT"]) \
            == (settlement["settlement_number"], "DG", "CNY", "20261110")
        total = Decimal(settlement["total"])
        assert sorted(lines(october.crm, document)) == [
            ("D", "H", total, "0000140000", center), ("S", "S", total, "0000470000", "")]


def test_a_posting_repeated_after_a_lost_answer_finds_the_earlier_document(
        october: October) -> None:
    october.run()
    october.crm.work()
    [entry, *_] = [e for e in october.crm.outbox() if e["kind"] == POST_SETTLEMENT]

    sap = october.crm.connect_sap()
    try:
        again = post_settlement(sap, outbox.Entry(entry["id"], entry["kind"], entry["payload"],
                                                  entry["crm_reference"], 2))
    finally:
        sap.close()

    assert (again["document_number"], again["posted_before"]) == (
        entry["result"]["document_number"], True)
    settlement = october.settlements()[entry["payload"]["provincial_center"]]
    assert len(fi_documents(october.crm, settlement)) == 1


# --- reconciliation -----------------------------------------------------------------------------

def test_a_settlement_cleared_in_sap_is_settled_with_the_clearing_date(
        october: October) -> None:
    october.run()
    october.crm.work()
    clearing = october.crm.clear(october.first_center)

    response = october.crm.http.post("/api/settlements/reconcile")

    assert response.status_code == 200, response.text
    settlements = october.settlements()
    first, second = settlements[october.first_center], settlements[october.second_center]
    assert body(response)["reconciliation"]["settled"] == [first["id"]]
    assert (first["status"], first["cleared_on"]) == ("settled", clearing["clearing_date"])
    assert (second["status"], second["cleared_on"]) == ("posted", None)


# --- the command ----------------------------------------------------------------------------------

def settle(october: October, tmp_path: Path, capsys: pytest.CaptureFixture[str],
           *args: str, logon: str = "") -> tuple[int, str]:
    config = tmp_path / "crm.toml"
    db_url = october.crm.db.url.render_as_string(hide_password=False)
    config.write_text(f'[crm_adapter]\ndb_url = "{db_url}"\n{logon}', encoding="utf-8")
    code = main(["settle", *args, "--config", str(config)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_settle_command_runs_a_named_month_on_any_day(
        october: October, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    october.set_today("2026-11-15")

    code, output = settle(october, tmp_path, capsys, "--month", "2026-10")

    assert code == 0
    assert [s["total"] for s in json.loads(output)["settlements"]] == ["370.00", "130.00"]


def test_the_settle_command_refuses_another_day_than_the_10th(
        october: October, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    october.set_today("2026-11-15")

    code, output = settle(october, tmp_path, capsys)

    assert code == 2
    assert "settled on day 10 of the month; today is 2026-11-15" in output
    assert october.settlements() == {}


def test_a_posting_sap_refuses_fails_the_settlement_and_can_be_retried(
        october: October) -> None:
    crm = october.crm
    with crm.db.write() as conn:  # a center SAP does not know (its DEBMAS came from elsewhere)
        master_data.upsert_customer(conn, SapCustomer("0000999999", CustomerKind.PROVINCIAL_CENTER,
                                                      "Unknown center", "", "", False, None))
        master_data.upsert_customer(conn, SapCustomer("0000999998", CustomerKind.OUTLET,
                                                      "Its outlet", "", "", False, "0000999999"))
    october.set_today("2026-10-31")
    record(crm, "0000999998", "2026-10-31", "inspection")
    october.set_today("2026-11-10")
    october.run()

    crm.work()

    failed = october.settlements()["0000999999"]
    assert failed["status"] == "failed"
    [refused] = [e for e in crm.outbox() if e["crm_reference"] == failed["settlement_number"]]
    assert refused["status"] == "failed" and "does not exist" in refused["last_error"]
    retried = crm.http.post(f"/api/settlements/{failed['id']}/retry")
    assert body(retried)["settlement"]["status"] == "posting"


def test_the_settle_command_reconciles_with_sap(
        october: October, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    october.run()
    october.crm.work()
    october.crm.clear(october.second_center)
    sap = october.crm.sap
    logon = (f'sap_url = "{sap.server.url}"\nsap_client = "{sap.number}"\n'
             f'sap_user = "{sap.auth[0]}"\nsap_password = "{sap.auth[1]}"\n')

    code, output = settle(october, tmp_path, capsys, "--reconcile", logon=logon)

    assert code == 0
    second = october.settlements()[october.second_center]
    assert json.loads(output)["settled"] == [second["id"]]
    assert second["status"] == "settled"


def test_a_posting_whose_commit_answer_is_lost_creates_one_fi_document(
        october: October) -> None:
    """The commit is held 6 s, the adapter gives up after 3 s and retries while it runs."""
    crm = october.crm
    october.run()
    crm.sap.add_fault("BAPI_TRANSACTION_COMMIT", "timeout", times=1, seconds=6)
    user, password = crm.sap.auth
    worker = OutboxWorker(crm.db, lambda: Connection(
        url=crm.sap.server.url, client=crm.sap.number, user=user, passwd=password,
        timeout=3.0), FAST, tables=outbox_tables())
    try:
        eventually(lambda: (worker.run_once(limit=1), october.settlements())[1],
                   lambda found: all(s["status"] == "posted" for s in found.values()),
                   timeout=60.0, what="both settlements posted")
    finally:
        worker.close()

    assert crm.sap.faults()[0]["remaining"] == 0
    for settlement in october.settlements().values():
        [document] = fi_documents(crm, settlement)
        assert document["BELNR"] == settlement["fi_document_number"]
