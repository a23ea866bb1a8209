"""The control API's credential: ``fake-sap serve --control-token`` (or
``FAKE_SAP_CONTROL_TOKEN``) makes every ``/_fake/`` path require ``Authorization: Bearer``.

Every operation of the control API's OpenAPI document is called on a real server started
with a token: without it, with a wrong one, and with the right one. SAP paths keep their
own logon, and a server without a token stays open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from fake_sap.compose import openapi_document
from fake_sap.testing.process import FakeSapProcess

TOKEN = "a-long-random-control-token"
DOCUMENT = openapi_document()
METHODS = ("get", "put", "post", "delete", "patch")
#: values for the path parameters of the document (a client of the test's own comes in)
PATH_VALUES = {"docnum": "0000000000000001", "logsys": "CRMCLNT100",
               "idoctyp": "ZNOTATYPE01", "msehi": "KAR", "waers": "GBP", "land1": "GB",
               "user": "DEVELOPER"}


def _operations() -> list[tuple[str, str]]:
    return [(method.upper(), path) for path, item in DOCUMENT["paths"].items()
            for method in METHODS if method in item]


OPERATIONS = _operations()


def _url(path: str, client: str) -> str:
    values = {**PATH_VALUES, "mandt": client}
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    """A server started with a control token (through ``FAKE_SAP_CONTROL_TOKEN``)."""
    folder = tmp_path_factory.mktemp("control-token")
    server = FakeSapProcess.start(folder / "sap.db", workers=1, control_token=TOKEN,
                                  log=folder / "fake-sap.log")
    yield server
    server.stop()


def _raw(server: FakeSapProcess) -> httpx.Client:
    """A client that sends nothing of its own accord (no token, no logon)."""
    return httpx.Client(base_url=server.url, timeout=60.0)


def _body(method: str) -> dict[str, Any] | None:
    return {} if method in ("POST", "PUT", "PATCH") else None


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_without_the_token_every_control_operation_answers_401(
        guarded: FakeSapProcess, method: str, path: str) -> None:
    with _raw(guarded) as http:
        response = http.request(method, _url(path, "100"), json=_body(method))

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer ")
    assert response.json()["error"] == "UNAUTHORIZED"


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
@pytest.mark.parametrize("authorization", [f"Bearer {TOKEN}x", "Bearer", f"Basic {TOKEN}",
                                           TOKEN])
def test_a_wrong_token_answers_401(guarded: FakeSapProcess, method: str, path: str,
                                   authorization: str) -> None:
    with _raw(guarded) as http:
        response = http.request(method, _url(path, "100"), json=_body(method),
                                headers={"Authorization": authorization})

    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    assert response.json()["error"] == "UNAUTHORIZED"


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_with_the_token_every_control_operation_works(
        guarded: FakeSapProcess, method: str, path: str) -> None:
    # a client of its own: some operations delete or reset the client they are given
    client = guarded.new_client().number
    with _raw(guarded) as http:
        response = http.request(method, _url(path, client), json=_body(method),
                                headers={"Authorization": f"Bearer {TOKEN}"})

    # the request reached the operation: it answers as documented (a body of {} may be
    # refused, an IDoc that does not exist is not found), never with the token's 401
    assert response.status_code != 401
    documented = DOCUMENT["paths"][path][method.lower()]["responses"]
    assert str(response.status_code) in documented


def test_the_scheme_name_is_case_insensitive(guarded: FakeSapProcess) -> None:
    with _raw(guarded) as http:
        response = http.get("/_fake/clients", headers={"Authorization": f"bearer {TOKEN}"})

    assert response.status_code == 200


def test_an_unknown_control_path_tells_nothing_without_the_token(
        guarded: FakeSapProcess) -> None:
    with _raw(guarded) as http:
        unknown = http.get("/_fake/no-such-thing")
        known_with_token = http.get("/_fake/no-such-thing",
                                    headers={"Authorization": f"Bearer {TOKEN}"})

    assert unknown.status_code == 401
    assert known_with_token.status_code == 404


def test_sap_paths_keep_their_own_logon(guarded: FakeSapProcess) -> None:
    client = guarded.new_client()
    # the IDoc-XML service's probe: a GET that only checks the logon
    with _raw(guarded) as http:
        without_logon = http.get("/sap/bc/idoc_xml", params={"sap-client": client.number})
        with_token_only = http.get("/sap/bc/idoc_xml", params={"sap-client": client.number},
                                   headers={"Authorization": f"Bearer {TOKEN}"})
        with_logon = http.get("/sap/bc/idoc_xml", auth=client.auth,
                              params={"sap-client": client.number})

    assert without_logon.status_code == 401
    assert without_logon.headers["WWW-Authenticate"].startswith("Basic ")
    assert with_token_only.status_code == 401
    assert with_logon.status_code == 200


def test_the_process_helper_sends_the_token_to_the_control_api_only(
        guarded: FakeSapProcess) -> None:
    client = guarded.new_client()

    assert client.idocs() == []
    assert client.post_idocs(b"<not-an-idoc/>").status_code == 400


def test_the_command_line_option_overrides_the_variable(tmp_path: Path) -> None:
    with FakeSapProcess.start(tmp_path / "sap.db", workers=1, control_token="from-variable",
                              extra_args=["--control-token", "from-command-line"]) as server:
        with _raw(server) as http:
            by_variable = http.get("/_fake/clients",
                                   headers={"Authorization": "Bearer from-variable"})
            by_option = http.get("/_fake/clients",
                                 headers={"Authorization": "Bearer from-command-line"})

    assert by_variable.status_code == 401
    assert by_option.status_code == 200


def test_without_a_token_the_control_api_is_open(sap_server: FakeSapProcess) -> None:
    with _raw(sap_server) as http:
        plain = http.get("/_fake/clients")
        with_any_bearer = http.get("/_fake/openapi.json",
                                   headers={"Authorization": "Bearer anything"})

    assert plain.status_code == 200
    assert with_any_bearer.status_code == 200


@pytest.mark.unit
def test_the_document_declares_the_bearer_scheme_and_its_401() -> None:
    scheme = DOCUMENT["components"]["securitySchemes"]["controlToken"]

    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert {"controlToken": []} in DOCUMENT["security"] and {} in DOCUMENT["security"]
    assert all("401" in DOCUMENT["paths"][path][method.lower()]["responses"]
               for method, path in OPERATIONS)


def test_the_console_asks_for_the_token_with_a_login_form_and_then_opens(
        guarded: FakeSapProcess) -> None:
    with _raw(guarded) as http:
        asked = http.get("/_fake/ui/idocs")
        refused = http.post("/_fake/ui/login", data={"token": "wrong", "next": "/_fake/ui/"})
        logged_on = http.post("/_fake/ui/login", data={"token": TOKEN, "next": "/_fake/ui/"})
        opened = http.get("/_fake/ui/")
        control_still_guarded = http.get("/_fake/clients")

    assert asked.status_code == 302 and "/_fake/ui/login" in asked.headers["Location"]
    assert refused.status_code == 401 and "fake_sap_console" not in refused.cookies
    assert "not the server" in refused.text
    assert "fake_sap_console" in logged_on.cookies
    assert opened.status_code == 200 and "/_fake/ui/idocs" in opened.text
    # the console's cookie opens the console only, never the control API
    assert control_still_guarded.status_code == 401
