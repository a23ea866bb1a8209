"""Reading a transactional unit (fake_sap.rfc.units): the TID header and the calls."""

from __future__ import annotations

import pytest

from fake_sap.rfc import units
from fake_sap.rfc.errors import RequestError

pytestmark = pytest.mark.unit


def unit_envelope(header: str, calls: str) -> bytes:
    return ('<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/">'
            f'<e:Header>{header}</e:Header><e:Body>{calls}</e:Body></e:Envelope>').encode()


CALLS = ('<f:RFC_PING xmlns:f="urn:sap-com:document:sap:rfc:functions"/>'
         '<f:BAPI_MATERIAL_GET_DETAIL xmlns:f="urn:sap-com:document:sap:rfc:functions">'
         "<MATERIAL>4711</MATERIAL></f:BAPI_MATERIAL_GET_DETAIL>")


def test_a_unit_has_its_tid_and_every_call_in_order() -> None:
    unit = units.parse_request(unit_envelope(
        f'<u:Unit xmlns:u="{units.UNIT_NS}" id="0a1b2c3d4e5f60718293a4b5" '
        'background="false"/>', CALLS))
    assert unit.tid == "0A1B2C3D4E5F60718293A4B5" and unit.background is False
    assert [call.function for call in unit.calls] == ["RFC_PING", "BAPI_MATERIAL_GET_DETAIL"]
    assert unit.calls[1].parameters["MATERIAL"].text == "4711"


@pytest.mark.parametrize(("header", "name"), [
    ("", "NO_UNIT"),
    (f'<u:Unit xmlns:u="{units.UNIT_NS}" id="short"/>', "INVALID_TID"),
    (f'<u:Unit xmlns:u="{units.UNIT_NS}" id="{"G" * 24}"/>', "INVALID_TID"),
    ('<u:Unit xmlns:u="urn:someone-else" id="0A1B2C3D4E5F60718293A4B5"/>', "NO_UNIT"),
])
def test_a_unit_without_a_valid_tid_is_refused(header: str, name: str) -> None:
    with pytest.raises(RequestError) as refused:
        units.parse_request(unit_envelope(header, CALLS))
    assert refused.value.name == name


def test_a_bgrfc_unit_id_has_32_characters() -> None:
    assert units.valid_tid("0a" * 16) == "0A" * 16
