"""SAP logon on ICF paths (client + Basic credentials) and the client lifecycle under /_fake/."""

from __future__ import annotations

import httpx
import pytest
from idoc_builders import SapTables, docnums, last_status_text, material, packet, trail

from fake_sap.db.schema import mara
from fake_sap.idoc.types import MATMAS05
from fake_sap.testing.process import FakeSapProcess, SapClient

DOCUMENT = packet(MATMAS05, [material("M-1", valuation={"BWKEY": "1000", "STPRS": "10.00"})])


def post_raw(server: FakeSapProcess, *, params: dict[str, str] | None = None,
             headers: dict[str, str] | None = None,
             auth: tuple[str, str] | None = None) -> httpx.Response:
    with server.control() as http:
        return http.post("/sap/bc/idoc_xml", params=params, content=DOCUMENT, auth=auth,
                         headers={"Content-Type": "application/xml", **(headers or {})})


def assert_logon_failed(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Logon failed</h1>" in response.text
    assert response.headers["www-authenticate"].startswith("Basic")


@pytest.fixture
def gone_client(sap_server: FakeSapProcess) -> str:
    """The number of a client that existed and was deleted: certainly unknown now."""
    client = sap_server.new_client()
    with sap_server.control() as http:
        assert http.delete(f"/_fake/clients/{client.number}").status_code == 204
    return client.number


# --- logon -----------------------------------------------------------------------------------

def test_a_post_without_credentials_gets_401_logon_failed(sap):
    response = post_raw(sap.server, params={"sap-client": sap.number})

    assert_logon_failed(response)
    assert sap.idocs() == []


def test_a_wrong_password_gets_401_logon_failed(sap):
    response = sap.post_idocs(DOCUMENT, auth=(sap.server.user, "wrong"))

    assert_logon_failed(response)
    assert sap.idocs() == []


def test_a_wrong_user_gets_401_logon_failed(sap):
    response = sap.post_idocs(DOCUMENT, auth=("SOMEBODY", sap.server.password))

    assert_logon_failed(response)


def test_the_user_name_is_not_case_sensitive(sap):
    response = sap.post_idocs(DOCUMENT, auth=(sap.server.user.lower(), sap.server.password))

    assert response.status_code == 200


def test_an_unknown_client_gets_a_logon_error(sap_server, gone_client):
    response = post_raw(sap_server, params={"sap-client": gone_client},
                        auth=(sap_server.user, sap_server.password))

    assert_logon_failed(response)
    assert f"Client {gone_client} is not available" in response.text


@pytest.mark.parametrize("client", ["ABC", "1000", "1 0", "-01"])
def test_an_invalid_client_string_gets_a_logon_error(sap_server, client):
    response = post_raw(sap_server, params={"sap-client": client},
                        auth=(sap_server.user, sap_server.password))

    assert_logon_failed(response)
    assert "is not a valid client number" in response.text


def test_the_client_may_be_given_as_sap_client_header(sap):
    response = post_raw(sap.server, headers={"sap-client": sap.number}, auth=sap.auth)

    assert response.status_code == 200, response.text
    assert [i["docnum"] for i in sap.idocs()] == docnums(response)


def test_the_service_answers_a_logon_probe_with_get(sap):
    with sap.http() as http:
        response = http.get("/sap/bc/idoc_xml", params={"sap-client": sap.number},
                            auth=sap.auth)

    assert response.status_code == 200
    assert f"client {sap.number}" in response.text


# --- client isolation ------------------------------------------------------------------------

def test_an_idoc_posted_in_one_client_is_invisible_in_another(sap, sap_server):
    other = sap_server.new_client()
    [docnum] = docnums(sap.post_idocs(DOCUMENT))

    assert other.idocs() == []
    with other.http() as http:
        assert http.get(f"/_fake/clients/{other.number}/idocs/{docnum}").status_code == 404


def test_the_same_material_is_created_separately_in_each_client(sap, sap_server):
    other = sap_server.new_client()
    sap.post_idocs(DOCUMENT)

    [docnum] = docnums(other.post_idocs(DOCUMENT))

    assert last_status_text(other, docnum) == "Material M-1 created"


# --- client lifecycle ------------------------------------------------------------------------

def test_a_new_client_is_created_with_201_and_a_second_time_refused_with_409(sap_server,
                                                                            gone_client):
    with sap_server.control() as http:
        created = http.post("/_fake/clients", json={"client": gone_client})
        again = http.post("/_fake/clients", json={"client": gone_client})

    assert created.status_code == 201
    assert created.json()["client"] == gone_client
    assert again.status_code == 409
    assert again.json()["error"] == "CONFLICT"


@pytest.mark.parametrize("body", [{"client": "1"}, {"client": 101}, {}, []])
def test_a_client_number_must_be_three_digits(sap_server, body):
    with sap_server.control() as http:
        response = http.post("/_fake/clients", json=body)

    assert response.status_code == 400


def test_a_deleted_client_is_gone(sap):
    with sap.http() as http:
        deleted = http.delete(f"/_fake/clients/{sap.number}")
        shown = http.get(f"/_fake/clients/{sap.number}")

    assert deleted.status_code == 204
    assert shown.status_code == 404
    assert_logon_failed(sap.post_idocs(DOCUMENT))


def test_deleting_an_unknown_client_answers_404(sap_server, gone_client):
    with sap_server.control() as http:
        response = http.delete(f"/_fake/clients/{gone_client}")

    assert response.status_code == 404


def reset(client: SapClient) -> httpx.Response:
    with client.http() as http:
        return http.post(f"/_fake/clients/{client.number}/reset")


def test_reset_empties_the_client(sap):
    sap.post_idocs(DOCUMENT)

    assert reset(sap).status_code == 200

    assert sap.idocs() == []
    assert SapTables(sap.server.db_url, sap.number).rows(mara) == []


def test_reset_keeps_the_baseline_customizing(sap):
    sap.post_idocs(DOCUMENT)
    reset(sap)

    [docnum] = docnums(sap.post_idocs(DOCUMENT))

    assert trail(sap, docnum) == ["50", "64", "53"]
    assert last_status_text(sap, docnum) == "Material M-1 created"


def test_reset_turns_strict_partner_checking_off_again(sap):
    sap.set_options(strict_partner_check=True)

    response = reset(sap)

    assert response.json()["strict_partner_check"] is False
    [docnum] = docnums(sap.post_idocs(DOCUMENT))
    assert trail(sap, docnum) == ["50", "64", "53"]


def test_reset_of_an_unknown_client_answers_404(sap_server, gone_client):
    with sap_server.control() as http:
        response = http.post(f"/_fake/clients/{gone_client}/reset")

    assert response.status_code == 404
