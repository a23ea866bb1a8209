"""call_and_commit's session check against scripted connections: no session, no commit;
a commit from another session is in doubt; a connection without ``session_id`` (pyrfc's)
is its own session."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from sap_client.bapi import COMMIT, call_and_commit
from sap_client.errors import SessionLost, SessionNotKept
from sap_client.rfc import Connection

pytestmark = pytest.mark.unit


class Scripted:
    """Answers every call with an empty RETURN; ``sessions`` are the session ids seen after
    each call (one per call, the last one repeated)."""

    def __init__(self, *sessions: str | None) -> None:
        self.sessions = list(sessions)
        self.session_id: str | None = None
        self.called: list[str] = []

    def call(self, func_name: str, options: Any = None, **params: Any) -> dict[str, Any]:
        self.called.append(func_name)
        if self.sessions:
            self.session_id = self.sessions.pop(0)
        return {"RETURN": []}


class PyrfcLike:
    def __init__(self) -> None:
        self.called: list[str] = []

    def call(self, func_name: str, options: Any = None, **params: Any) -> dict[str, Any]:
        self.called.append(func_name)
        return {"RETURN": []}


def test_a_kept_session_is_committed() -> None:
    conn = Scripted("S1", "S1")
    call_and_commit(conn, "BAPI_X")
    assert conn.called == ["BAPI_X", COMMIT]


def test_no_session_means_no_commit() -> None:
    conn = Scripted(None)
    with pytest.raises(SessionNotKept):
        call_and_commit(conn, "BAPI_X")
    assert conn.called == ["BAPI_X"]


def test_a_commit_from_a_new_session_is_in_doubt() -> None:
    conn = Scripted("S1", "S2")
    with pytest.raises(SessionLost):
        call_and_commit(conn, "BAPI_X")


def test_a_connection_without_session_id_is_its_own_session() -> None:
    conn = PyrfcLike()
    call_and_commit(conn, "BAPI_X")
    assert conn.called == ["BAPI_X", COMMIT]


def test_the_session_cookie_names_can_be_configured() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        body = (b'<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">'
                b'<env:Body><rfc:RFC_PING.Response '
                b'xmlns:rfc="urn:sap-com:document:sap:rfc:functions"/></env:Body>'
                b'</env:Envelope>')
        return httpx.Response(200, content=body, headers={
            "Set-Cookie": "sap-contextid=CTX1; path=/"})

    default = Connection(url="http://sap", client="100", user="U", passwd="P",
                         transport=httpx.MockTransport(answer), typed=False)
    named = Connection(url="http://sap", client="100", user="U", passwd="P",
                       transport=httpx.MockTransport(answer), typed=False,
                       session_cookies=("sap-contextid",))
    try:
        assert default.session_id is None
        assert named.session_id == "CTX1"
    finally:
        default.close()
        named.close()
