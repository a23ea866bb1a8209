"""call_and_commit checks the SAP session against the real fake-sap process: a write BAPI
answered without a session is never followed by a commit that would commit nothing and
answer success, and a commit answered from a new session is reported in doubt."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from sap_client.bapi import COMMIT, call_and_commit, has_errors
from sap_client.errors import CommunicationError, SessionLost, SessionNotKept
from sap_client.rfc import Connection


def savedata(material: str) -> dict[str, Any]:
    return {"HEADDATA": {"MATERIAL": material, "IND_SECTOR": "M", "MATL_TYPE": "FERT",
                         "BASIC_VIEW": "X"},
            "CLIENTDATA": {"BASE_UOM": "ST"}, "CLIENTDATAX": {"BASE_UOM": "X"},
            "MATERIALDESCRIPTION": [{"LANGU": "E", "MATL_DESC": "Condenser"}]}


def exists(conn: Connection, material: str) -> bool:
    return not has_errors(conn.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=material))


def switch(sap: Any, **switches: Any) -> None:
    with sap.http() as http:
        assert http.patch(f"/_fake/clients/{sap.number}/rfc", json=switches).status_code == 200


class RecordingConnection(Connection):
    """Records the functions it calls; waits ``pause_before_commit`` seconds first."""

    def __init__(self, pause_before_commit: float = 0.0, **params: Any) -> None:
        self.called: list[str] = []
        self.pause_before_commit = pause_before_commit
        super().__init__(**params)

    def call(self, func_name: str, options: Mapping[str, Any] | None = None,
             **params: Any) -> dict[str, Any]:
        if func_name == COMMIT:
            time.sleep(self.pause_before_commit)
        self.called.append(func_name)
        return super().call(func_name, options, **params)


@pytest.fixture
def recording(sap: Any, connect: Callable[..., Connection]
              ) -> Callable[..., RecordingConnection]:
    opened: list[RecordingConnection] = []

    def open_recording(pause_before_commit: float = 0.0) -> RecordingConnection:
        template = connect()
        conn = RecordingConnection(pause_before_commit, url=template.url,
                                   client=template.client, user=template.user,
                                   passwd=sap.auth[1], timeout=60.0,
                                   transport=template._transport)
        opened.append(conn)
        return conn

    yield open_recording
    for conn in opened:
        conn.close()


def test_a_stateful_service_gives_the_connection_a_session(conn: Connection) -> None:
    assert conn.session_id  # the logon's RFC_PING started it
    call_and_commit(conn, "BAPI_MATERIAL_SAVEDATA", **savedata("4731"))
    assert exists(conn, "4731")


def test_without_a_session_no_commit_is_sent_and_the_error_says_what_to_do(
        sap: Any, recording: Callable[..., RecordingConnection],
        conn: Connection) -> None:
    switch(sap, stateless=True)
    stateless = recording()
    assert stateless.session_id is None

    with pytest.raises(SessionNotKept) as raised:
        call_and_commit(stateless, "BAPI_MATERIAL_SAVEDATA", **savedata("4732"))

    assert COMMIT not in stateless.called
    assert "keep a stateful session" in str(raised.value)
    assert "commit_every_call" in str(raised.value)
    assert not isinstance(raised.value, CommunicationError)  # configuration, not transport
    assert not exists(conn, "4732")


def test_a_commit_answered_from_a_new_session_is_in_doubt(
        sap: Any, recording: Callable[..., RecordingConnection], conn: Connection) -> None:
    switch(sap, session_timeout_seconds=1)
    slow = recording(pause_before_commit=2.0)  # the BAPI's session times out meanwhile
    with pytest.raises(SessionLost) as raised:
        call_and_commit(slow, "BAPI_MATERIAL_SAVEDATA", **savedata("4733"))
    assert isinstance(raised.value, CommunicationError)  # in doubt: look before repeating
    assert not exists(conn, "4733")
