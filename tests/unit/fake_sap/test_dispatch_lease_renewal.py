"""A sender renews its partner lease before a POST only once a quarter of the lease has
passed (a renewal is a database write, which waits its turn while BD10 creates packets in
another worker), and stops when the renewal finds the lease lost."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from fake_sap.ale.dispatcher import Dispatcher, _HeldLease
from fake_sap.config import Settings
from fake_sap.db.engine import Database

pytestmark = pytest.mark.unit


@pytest.fixture
def renewals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Dispatcher, list[str]]:
    dispatcher = Dispatcher(Database(f"sqlite:///{tmp_path / 'sap.db'}"), Settings())
    renewed: list[str] = []

    def renew(_mandt: str, _logsys: str, token: str) -> bool:
        renewed.append(token)
        return token == "held"
    monkeypatch.setattr(dispatcher, "_renew_lease", renew)
    return dispatcher, renewed


def test_a_lease_taken_or_renewed_lately_is_not_renewed_again(
        renewals: tuple[Dispatcher, list[str]]) -> None:
    dispatcher, renewed = renewals
    lease = _HeldLease("held", time.monotonic())

    assert dispatcher._still_ours("100", "CRMCLNT100", lease)
    assert renewed == []


def test_a_lease_older_than_a_quarter_of_its_time_is_renewed_before_the_next_post(
        renewals: tuple[Dispatcher, list[str]]) -> None:
    dispatcher, renewed = renewals
    taken = time.monotonic() - dispatcher.lease_seconds / 4
    lease = _HeldLease("held", taken)

    assert dispatcher._still_ours("100", "CRMCLNT100", lease)
    assert renewed == ["held"] and lease.renewed_at > taken


def test_a_lease_another_sender_took_over_stops_the_sending(
        renewals: tuple[Dispatcher, list[str]]) -> None:
    dispatcher, renewed = renewals
    lease = _HeldLease("lost", time.monotonic() - dispatcher.lease_seconds)

    assert not dispatcher._still_ours("100", "CRMCLNT100", lease)
    assert renewed == ["lost"]
