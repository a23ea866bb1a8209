"""Failed logons lock the logon user in a client, as SAP's login/fails_to_user_lock does:
the wrong passwords are counted per client, at the limit (SAP's default 5) the user gets 401
even with the right password, a successful logon sets the count back to 0, and the control
API shows the count and unlocks the user (SU01). A limit of 0 never locks."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from fake_sap.testing.process import FakeSapProcess, SapClient

#: SAP's default of login/fails_to_user_lock, the server's default
LIMIT = 5


def probe(client: SapClient, password: str | None = None) -> httpx.Response:
    """The logon probe of the IDoc service (GET), with the right or a wrong password."""
    user, right = client.auth
    with client.server.control() as http:
        return http.get("/sap/bc/idoc_xml", params={"sap-client": client.number},
                        auth=(user, right if password is None else password))


def fail(client: SapClient, times: int) -> None:
    for _ in range(times):
        assert probe(client, "wrong").status_code == 401


def assert_logon_failed(response: httpx.Response) -> None:
    """The shape of every failed logon (ICF's page), whatever the reason."""
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Logon failed</h1>" in response.text
    assert response.headers["www-authenticate"].startswith("Basic")


def logon_state(client: SapClient) -> dict[str, object]:
    with client.http() as http:
        response = http.get(f"/_fake/clients/{client.number}/users/{client.auth[0]}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def unlock(client: SapClient, user: str | None = None) -> httpx.Response:
    with client.http() as http:
        return http.post(f"/_fake/clients/{client.number}/users/{user or client.auth[0]}"
                         "/unlock")


def test_wrong_passwords_up_to_the_limit_lock_the_user(sap: SapClient) -> None:
    fail(sap, LIMIT - 1)
    assert logon_state(sap) == {"client": sap.number, "user": sap.auth[0].upper(),
                                "failed_logons": LIMIT - 1, "locked": False}

    fail(sap, 1)

    assert logon_state(sap)["locked"] is True
    assert logon_state(sap)["failed_logons"] == LIMIT


def test_a_locked_user_gets_401_even_with_the_right_password(sap: SapClient) -> None:
    fail(sap, LIMIT)

    response = probe(sap)

    assert_logon_failed(response)
    assert "is locked" in response.text
    assert sap.post_idocs(b"<not-even-xml/>").status_code == 401
    with sap.server.control() as http:
        soap = http.post("/sap/bc/soap/rfc", params={"sap-client": sap.number},
                         auth=sap.auth, content=b"<not-even-xml/>",
                         headers={"Content-Type": "text/xml"})
    assert_logon_failed(soap)


def test_a_locked_user_is_counted_no_further(sap: SapClient) -> None:
    fail(sap, LIMIT + 3)

    assert logon_state(sap)["failed_logons"] == LIMIT


def test_a_successful_logon_sets_the_count_back_to_zero(sap: SapClient) -> None:
    fail(sap, LIMIT - 1)

    assert probe(sap).status_code == 200
    assert logon_state(sap)["failed_logons"] == 0
    fail(sap, LIMIT - 1)
    assert probe(sap).status_code == 200


def test_the_unlock_of_the_control_api_lets_the_user_log_on_again(sap: SapClient) -> None:
    fail(sap, LIMIT)

    response = unlock(sap, sap.auth[0].lower())

    assert response.status_code == 200, response.text
    assert response.json() == {"client": sap.number, "user": sap.auth[0].upper(),
                               "failed_logons": 0, "locked": False}
    assert probe(sap).status_code == 200


def test_wrong_passwords_at_the_same_moment_are_each_counted(sap: SapClient) -> None:
    # the shared server runs two worker processes: both count into the same row
    with ThreadPoolExecutor(max_workers=LIMIT - 1) as pool:
        statuses = list(pool.map(lambda _: probe(sap, "wrong").status_code, range(LIMIT - 1)))

    assert statuses == [401] * (LIMIT - 1)
    assert logon_state(sap) == {"client": sap.number, "user": sap.auth[0].upper(),
                                "failed_logons": LIMIT - 1, "locked": False}


def test_the_lock_holds_in_its_own_client_only(sap: SapClient, sap_server: FakeSapProcess
                                               ) -> None:
    other = sap_server.new_client()
    fail(sap, LIMIT)

    assert probe(other).status_code == 200
    assert logon_state(other)["failed_logons"] == 0


def test_a_wrong_user_name_is_counted_for_nobody(sap: SapClient) -> None:
    with sap.server.control() as http:
        for _ in range(LIMIT):
            http.get("/sap/bc/idoc_xml", params={"sap-client": sap.number},
                     auth=("SOMEBODY", "wrong"))

    assert logon_state(sap)["failed_logons"] == 0
    assert probe(sap).status_code == 200


def test_a_client_reset_unlocks_its_users(sap: SapClient) -> None:
    fail(sap, LIMIT)

    with sap.http() as http:
        assert http.post(f"/_fake/clients/{sap.number}/reset").status_code == 200

    assert probe(sap).status_code == 200


def test_the_control_api_knows_only_the_logon_user(sap: SapClient) -> None:
    with sap.http() as http:
        shown = http.get(f"/_fake/clients/{sap.number}/users/SOMEBODY")
        unlocked = http.post(f"/_fake/clients/{sap.number}/users/SOMEBODY/unlock")
        unknown_client = http.post(f"/_fake/clients/99x/users/{sap.auth[0]}/unlock")

    assert (shown.status_code, shown.json()["error"]) == (404, "NOT_FOUND")
    assert unlocked.status_code == 404
    assert unknown_client.status_code == 400


@pytest.fixture(scope="module")
def never_locking(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    folder: Path = tmp_path_factory.mktemp("never-locking")
    server = FakeSapProcess.start(folder / "sap.db", workers=1, log=folder / "fake-sap.log",
                                  extra_args=["--login-fails-to-user-lock", "0"])
    yield server
    server.stop()


def test_a_limit_of_0_never_locks(never_locking: FakeSapProcess) -> None:
    client = never_locking.new_client()
    fail(client, LIMIT * 2)

    assert probe(client).status_code == 200


@pytest.fixture(scope="module")
def locking_at_two(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    folder: Path = tmp_path_factory.mktemp("locking-at-two")
    server = FakeSapProcess.start(folder / "sap.db", workers=2, log=folder / "fake-sap.log",
                                  env={"FAKE_SAP_LOGIN_FAILS_TO_USER_LOCK": "2"})
    yield server
    server.stop()


def test_the_limit_comes_from_the_environment_and_holds_in_every_worker(
        locking_at_two: FakeSapProcess) -> None:
    client = locking_at_two.new_client()
    fail(client, 2)

    # each request may reach either worker: every one of them sees the lock at once
    for _ in range(6):
        assert_logon_failed(probe(client))


def test_a_wrong_password_the_database_cannot_count_answers_503(tmp_path: Path) -> None:
    database = tmp_path / "sap.db"
    with FakeSapProcess.start(database, workers=1) as server:
        number = server.new_client().number
    read_only = f"sqlite:///file:{database}?mode=ro&uri=true"
    with FakeSapProcess.start(read_only, workers=1) as server:
        client = SapClient(server, number)

        refused = probe(client, "wrong")
        right = probe(client)

    assert refused.status_code == 503, refused.text
    assert int(refused.headers["Retry-After"]) > 0
    assert right.status_code == 200
