"""The pyrfc unit API of the SOAP-RFC client without a server (``httpx.MockTransport``):
unit ids, pyrfc's argument checks, and a server without units."""

from __future__ import annotations

import httpx
import pytest

from sap_client.rfc import SOAP_RFC_PATH, UNIT_PATH, Connection, DescriptionCache, UnitsNotSupported
from sap_client.soap import SOAP_ENV_NS

pytestmark = pytest.mark.unit

PING = (f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{SOAP_ENV_NS}"><SOAP-ENV:Body>'
        '<rfc:RFC_PING.Response xmlns:rfc="urn:sap-com:document:sap:rfc:functions"/>'
        "</SOAP-ENV:Body></SOAP-ENV:Envelope>").encode()


def real_sap(request: httpx.Request) -> httpx.Response:
    """A real SAP's ICF: SOAP-RFC, and no unit path."""
    if request.url.path == SOAP_RFC_PATH:
        return httpx.Response(200, content=PING)
    return httpx.Response(404, text="<h1>Not found</h1>")


def connect() -> Connection:
    return Connection(url="http://sap.test:8000", client="100", user="u", passwd="p",
                      typed=False, transport=httpx.MockTransport(real_sap),
                      descriptions=DescriptionCache())


def test_unit_ids_have_pyrfc_s_lengths_and_shape() -> None:
    conn = connect()
    background = conn.initialize_unit()
    transactional = conn.initialize_unit(background=False)
    assert set(background) == {"background", "id", "queued"}
    assert (background["background"], len(background["id"])) == (True, 32)
    assert (transactional["background"], len(transactional["id"])) == (False, 24)
    assert transactional["id"] == transactional["id"].upper()
    assert conn.initialize_unit()["id"] != background["id"]


def test_the_arguments_are_checked_as_pyrfc_checks_them() -> None:
    conn = connect()
    with pytest.raises(TypeError, match="at least on call"):
        conn.fill_and_submit_unit(conn.initialize_unit(), [])
    with pytest.raises(TypeError, match="must be 24 chars"):
        conn.fill_and_submit_unit({"background": False, "id": "ABC"}, [("RFC_PING", {})])
    with pytest.raises(TypeError, match="not valid"):
        conn.fill_and_submit_unit({"id": "x"}, [("RFC_PING", {})])  # type: ignore[arg-type]
    with pytest.raises(Exception, match="does not support attributes"):
        conn.fill_and_submit_unit(conn.initialize_unit(background=False), [("RFC_PING", {})],
                                  attributes={"lock": 1})


def test_a_server_without_a_unit_path_is_reported_and_the_unit_is_destroyed() -> None:
    conn = connect()
    unit = conn.initialize_unit(background=False)
    with pytest.raises(UnitsNotSupported):
        conn.fill_and_submit_unit(unit, [("RFC_PING", {})])
    # destroyed: another unit may be submitted (pyrfc refuses while one is active)
    with pytest.raises(UnitsNotSupported):
        conn.fill_and_submit_unit(conn.initialize_unit(background=False), [("RFC_PING", {})])
    assert UNIT_PATH.startswith("/sap/fake/")
