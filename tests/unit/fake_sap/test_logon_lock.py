"""The rule of the user lock after failed logons (login/fails_to_user_lock), the stored
count and lock, and the setting that carries the limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_sap.basis import clients as client_admin
from fake_sap.basis.client_state import ClientStates
from fake_sap.basis.clients import FailedLogons, locks_user, user_key
from fake_sap.cli import build_parser, serve_settings
from fake_sap.config import Settings
from fake_sap.db.engine import Database

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("count", "limit", "locked"), [
    (4, 5, False), (5, 5, True), (6, 5, True), (1, 1, True), (0, 1, False),
    (99, 0, False), (1, 0, False),
])
def test_a_user_is_locked_once_its_failed_logons_reach_the_limit(
        count: int, limit: int, locked: bool) -> None:
    assert locks_user(count, limit) is locked


def test_uflag_128_is_the_lock_of_failed_logons() -> None:
    assert FailedLogons.from_row(5, 128) == FailedLogons(5, locked=True)
    assert FailedLogons.from_row(3, 0) == FailedLogons(3, locked=False)


def test_the_stored_user_name_is_upper_case_and_fits_usr02_bname() -> None:
    assert user_key("developer") == "DEVELOPER"
    assert user_key("a-logon-user-of-twenty") == "A-LOGON-USER"


def test_the_default_limit_is_sap_s_default_of_five() -> None:
    assert Settings().login_fails_to_user_lock == 5


def test_the_limit_comes_from_the_environment_and_the_option_wins() -> None:
    environ = {"FAKE_SAP_LOGIN_FAILS_TO_USER_LOCK": "3"}
    from_env = serve_settings(build_parser().parse_args(["serve"]), environ)
    from_option = serve_settings(build_parser().parse_args(
        ["serve", "--login-fails-to-user-lock", "0"]), environ)

    assert from_env.login_fails_to_user_lock == 3
    assert from_option.login_fails_to_user_lock == 0


@pytest.mark.parametrize("value", ["-1", "100"])
def test_the_option_refuses_a_limit_outside_0_to_99(value: str) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--login-fails-to-user-lock", value])


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'sap.db'}")
    database.create_schema()
    client_admin.create(database, "100", "first")
    client_admin.create(database, "200", "second")
    yield database
    database.dispose()


def test_failed_logons_are_counted_per_client_and_lock_at_the_limit(db: Database) -> None:
    counted = [client_admin.record_failed_logon(db, "100", "developer", 3) for _ in range(4)]

    assert counted == [FailedLogons(1), FailedLogons(2), FailedLogons(3, locked=True),
                       FailedLogons(3, locked=True)]
    assert client_admin.failed_logons(db, "100", "DEVELOPER") == FailedLogons(3, True)
    assert client_admin.failed_logons(db, "200", "DEVELOPER") == FailedLogons()


def test_the_client_state_carries_the_lock_and_sees_its_unlock(db: Database) -> None:
    states = ClientStates(db)
    assert states.get("100").failed_logons_of("DEVELOPER") == FailedLogons()

    client_admin.record_failed_logon(db, "100", "DEVELOPER", 1)
    locked = states.get("100").failed_logons_of("developer")
    client_admin.unlock(db, "100", "Developer")

    assert locked == FailedLogons(1, locked=True)
    assert states.get("100").failed_logons_of("DEVELOPER") == FailedLogons()


def test_a_reset_of_the_count_of_a_user_without_failed_logons_changes_nothing(
        db: Database) -> None:
    states = ClientStates(db)
    before = states.get("100")

    client_admin.clear_failed_logons(db, "100", "DEVELOPER")

    assert states.get("100") is before
