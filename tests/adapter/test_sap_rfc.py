"""The adapter's RFC client (sap_client.rfc.Connection): pyrfc's API over SOAP-RFC.

Against the real fake-sap process (and, for the core behaviour, the in-process WSGI app as
well); error paths a healthy server cannot produce use httpx.MockTransport.
"""

from __future__ import annotations

import ast
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from lxml import etree

from fake_sap.testing.process import free_port
from sap_client import soap
from sap_client.errors import (
    ABAPApplicationError,
    ABAPRuntimeError,
    CommunicationError,
    ExternalRuntimeError,
    LogonError,
    RFCError,
    RFCTypeError,
)
from sap_client.metadata import FunctionDescription, Kind, Parameter, RfcType
from sap_client.rfc import Connection, DescriptionCache

REPOSITORY = Path(__file__).resolve().parents[2]
BOTH_TRANSPORTS = pytest.mark.parametrize("sap_endpoint", ["http", "wsgi"], indirect=True)


def new_material(conn: Connection, number: str, **extra: object) -> dict:
    """BAPI_MATERIAL_SAVEDATA for a new finished product (not committed)."""
    return conn.call(
        "BAPI_MATERIAL_SAVEDATA",
        HEADDATA={"MATERIAL": number, "IND_SECTOR": "M", "MATL_TYPE": "FERT",
                  "BASIC_VIEW": "X"},
        CLIENTDATA={"BASE_UOM": "ST", "NET_WEIGHT": Decimal("12.5"), "UNIT_OF_WT": "KG"},
        CLIENTDATAX={"BASE_UOM": "X", "NET_WEIGHT": "X", "UNIT_OF_WT": "X"},
        MATERIALDESCRIPTION=[{"LANGU": "E", "MATL_DESC": "Compressor"}], **extra)


def material_exists(conn: Connection, number: str) -> bool:
    result = conn.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=number)
    return result["RETURN"]["TYPE"] != "E"


# --- calls ----------------------------------------------------------------------------------

@BOTH_TRANSPORTS
def test_rfc_ping_answers_with_an_empty_result(conn):
    assert conn.ping() is None
    assert conn.call("RFC_PING") == {}


@BOTH_TRANSPORTS
def test_stfc_connection_echoes_the_request_text(conn, sap):
    result = conn.call("STFC_CONNECTION", REQUTEXT="Hello SAP")
    assert result["ECHOTEXT"] == "Hello SAP"
    assert f"Logon_Data: {sap.number}/DEVELOPER/E" in result["RESPTEXT"]


@BOTH_TRANSPORTS
def test_rfc_read_table_returns_rows_and_their_layout(conn, sap):
    seeded = sap.seed(materials=3, customers=1)
    result = conn.call("RFC_READ_TABLE", QUERY_TABLE="MARA", DELIMITER="|",
                       FIELDS=[{"FIELDNAME": "MATNR"}, {"FIELDNAME": "MTART"}])
    rows = [row["WA"].split("|") for row in result["DATA"]]
    assert [matnr for matnr, _ in rows] == sorted(seeded["materials"])
    assert result["FIELDS"][0] == {"FIELDNAME": "MATNR", "OFFSET": "000000",
                                   "LENGTH": "000018", "TYPE": "C",
                                   "FIELDTEXT": result["FIELDS"][0]["FIELDTEXT"]}


@BOTH_TRANSPORTS
def test_a_committed_savedata_is_visible_from_a_second_connection(connect):
    writer, reader = connect(), connect()
    assert new_material(writer, "4711")["RETURN"]["TYPE"] == "S"
    assert writer.call("BAPI_TRANSACTION_COMMIT", WAIT="X")["RETURN"]["TYPE"] == ""
    detail = reader.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")
    assert detail["MATERIAL_GENERAL_DATA"]["MATL_DESC"] == "Compressor"


@BOTH_TRANSPORTS
def test_savedata_without_commit_is_not_visible_from_a_second_connection(connect):
    writer, reader = connect(), connect()
    assert new_material(writer, "4712")["RETURN"]["TYPE"] == "S"
    assert not material_exists(reader, "4712")


def test_a_commit_after_close_and_reopen_finds_nothing_to_commit(connect):
    writer, reader = connect(), connect()
    new_material(writer, "4713")
    writer.close()
    writer.open()
    writer.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert not material_exists(reader, "4713")


def test_rollback_in_the_same_connection_discards_the_work(connect):
    writer, reader = connect(), connect()
    new_material(writer, "4714")
    writer.call("BAPI_TRANSACTION_ROLLBACK")
    writer.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert not material_exists(reader, "4714")


# --- typed values ---------------------------------------------------------------------------

@pytest.fixture
def seeded_material(sap) -> str:
    return sap.seed(materials=1, customers=0)["materials"][0]


@BOTH_TRANSPORTS
def test_packed_numbers_come_back_as_decimal_and_numc_as_padded_text(conn, seeded_material):
    result = conn.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=seeded_material,
                       VALUATIONAREA="1000")
    valuation = result["MATERIALVALUATIONDATA"]
    assert isinstance(valuation["STD_PRICE"], Decimal)
    assert valuation["STD_PRICE"] > 0
    assert valuation["STD_PRICE"].as_tuple().exponent == -2
    assert valuation["PRICE_UNIT"] == Decimal(1)
    assert result["RETURN"]["LOG_MSG_NO"] == "000000"


def test_dates_come_back_as_yyyymmdd_text_by_default(conn, seeded_material):
    general = conn.call("BAPI_MATERIAL_GET_DETAIL",
                        MATERIAL=seeded_material)["MATERIAL_GENERAL_DATA"]
    assert len(general["CREATED_ON"]) == 8 and general["CREATED_ON"].isdigit()


def test_dates_come_back_as_date_objects_with_dtime(connect, seeded_material):
    plain = connect().call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=seeded_material)
    typed = connect(config={"dtime": True}).call("BAPI_MATERIAL_GET_DETAIL",
                                                 MATERIAL=seeded_material)
    created = typed["MATERIAL_GENERAL_DATA"]["CREATED_ON"]
    assert isinstance(created, date)
    assert created.strftime("%Y%m%d") == plain["MATERIAL_GENERAL_DATA"]["CREATED_ON"]


def test_a_decimal_sent_comes_back_equal(connect):
    writer = connect()
    new_material(writer, "4715")
    writer.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    general = connect().call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4715")["MATERIAL_GENERAL_DATA"]
    assert general["NET_WEIGHT"] == Decimal("12.500")


def test_int_parameters_come_back_as_int(conn):
    result = conn.call("RFC_SYSTEM_INFO")
    assert isinstance(result["MAXIMAL_RESOURCES"], int)
    assert result["RFCSI_EXPORT"]["RFCSYSID"] == "FAK"


def test_an_initial_structure_has_every_component(conn):
    result = conn.call("BAPI_TRANSACTION_COMMIT")
    assert result["RETURN"]["TYPE"] == ""
    assert result["RETURN"]["ROW"] == 0
    assert result["RETURN"]["NUMBER"] == "000"


def test_without_rstrip_char_values_keep_their_full_length(connect):
    result = connect(config={"rstrip": False}).call("STFC_CONNECTION", REQUTEXT="Hi")
    assert result["ECHOTEXT"] == "Hi".ljust(255)


def test_return_import_params_adds_the_import_parameters(connect):
    result = connect(config={"return_import_params": True}).call(
        "RFC_READ_TABLE", QUERY_TABLE="MARA", ROWCOUNT=1, FIELDS=[{"FIELDNAME": "MATNR"}])
    assert result["QUERY_TABLE"] == "MARA"
    assert result["ROWCOUNT"] == 1
    assert result["DELIMITER"] == ""


def test_untyped_connections_return_text(connect, seeded_material):
    result = connect(typed=False).call("BAPI_MATERIAL_GET_DETAIL", MATERIAL=seeded_material,
                                       VALUATIONAREA="1000")
    assert isinstance(result["MATERIALVALUATIONDATA"]["STD_PRICE"], str)
    Decimal(result["MATERIALVALUATIONDATA"]["STD_PRICE"])


def test_not_requested_parameters_are_left_out_of_the_result(conn):
    # MAKT: without FIELDS, every field of MARA would not fit a DATA line
    result = conn.call("RFC_READ_TABLE", {"not_requested": ["FIELDS"]}, QUERY_TABLE="MAKT")
    assert "FIELDS" not in result
    assert result["DATA"] == []


# --- the envelope (no server) ---------------------------------------------------------------

DATED = FunctionDescription("Z_DATED", (
    Parameter("ON", "RFC_IMPORT", RfcType(Kind.DATE, "date10", 8), True),
    Parameter("AT", "RFC_IMPORT", RfcType(Kind.TIME, "time", 6), True),
    Parameter("AMOUNT", "RFC_IMPORT", RfcType(Kind.BCD, "curr15.2", 15, 2), True),
))


def sent_values(envelope: bytes) -> dict[str, str]:
    call = soap.request_call_element(etree.fromstring(envelope), "Z_DATED")
    return {child.tag: child.text or "" for child in call}


@pytest.mark.parametrize("value", [date(2024, 5, 7), "20240507", "2024-05-07"])
def test_dates_are_sent_as_yyyy_mm_dd(value):
    assert sent_values(soap.build_request("Z_DATED", {"ON": value}, DATED))["ON"] == "2024-05-07"


@pytest.mark.parametrize("value", [time(6, 45, 20), "064520"])
def test_times_are_sent_as_hh_mm_ss(value):
    assert sent_values(soap.build_request("Z_DATED", {"AT": value}, DATED))["AT"] == "06:45:20"


def test_decimals_are_sent_in_plain_notation():
    envelope = soap.build_request("Z_DATED", {"AMOUNT": Decimal("1E+3")}, DATED)
    assert sent_values(envelope)["AMOUNT"] == "1000"


def test_only_the_function_element_is_namespace_qualified():
    envelope = soap.build_request("STFC_CONNECTION", {"REQUTEXT": "x"})
    call = soap.request_call_element(etree.fromstring(envelope), "STFC_CONNECTION")
    assert call.tag == f"{{{soap.RFC_NS}}}STFC_CONNECTION"
    assert [child.tag for child in call] == ["REQUTEXT"]


def test_an_invalid_date_is_refused_before_sending():
    with pytest.raises(RFCTypeError) as caught:
        soap.build_request("Z_DATED", {"ON": "2024-02-30"}, DATED)
    assert "ON" in caught.value.message


# --- errors ---------------------------------------------------------------------------------

@BOTH_TRANSPORTS
def test_an_unknown_function_is_abap_application_error_fu_not_found(conn):
    with pytest.raises(ABAPApplicationError) as caught:
        conn.call("Z_DOES_NOT_EXIST")
    error = caught.value
    assert (error.key, error.code, error.msg_class, error.msg_number) == \
        ("FU_NOT_FOUND", 5, "FL", "046")
    assert error.msg_v1 == "Z_DOES_NOT_EXIST"


def test_an_exception_of_the_function_carries_its_name_as_key(conn):
    with pytest.raises(ABAPApplicationError) as caught:
        conn.call("RFC_READ_TABLE", QUERY_TABLE="ZNOPE")
    assert caught.value.key == "TABLE_NOT_AVAILABLE"
    assert "ZNOPE" in caught.value.message


def test_a_missing_mandatory_parameter_is_an_abap_runtime_error(conn):
    with pytest.raises(ABAPRuntimeError) as caught:
        conn.call("BAPI_MATERIAL_GET_DETAIL")
    assert caught.value.key == "CALL_FUNCTION_PARM_MISSING"


def test_a_runtime_error_ends_the_session_and_its_uncommitted_work(connect):
    writer, reader = connect(), connect()
    new_material(writer, "4716")
    with pytest.raises(ABAPRuntimeError):
        writer.call("BAPI_MATERIAL_GET_DETAIL")
    writer.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert not material_exists(reader, "4716")


def test_a_value_the_type_refuses_is_an_rfc_type_error_before_sending(conn):
    with pytest.raises(RFCTypeError):
        conn.call("RFC_READ_TABLE", QUERY_TABLE="MARA", ROWCOUNT="many")


def test_a_value_sap_refuses_is_an_rfc_type_error_named_after_the_conversion(connect):
    with pytest.raises(RFCTypeError) as caught:
        connect(typed=False).call("RFC_READ_TABLE", QUERY_TABLE="MARA", ROWCOUNT="many")
    assert caught.value.key == "CX_SY_CONVERSION_NO_NUMBER"


def test_a_parameter_the_function_lacks_is_an_external_runtime_error(conn):
    with pytest.raises(ExternalRuntimeError) as caught:
        conn.call("STFC_CONNECTION", NOT_A_PARAMETER="x")
    assert caught.value.key == "RFC_INVALID_PARAMETER"


@BOTH_TRANSPORTS
def test_a_wrong_password_is_a_logon_error(connect):
    with pytest.raises(LogonError) as caught:
        connect(passwd="wrong")
    assert caught.value.code == 2
    assert "password" in caught.value.message.lower()


def test_an_unknown_client_is_a_logon_error(connect):
    with pytest.raises(LogonError):
        connect(client="999")


def test_a_server_nobody_listens_on_is_a_communication_error():
    with pytest.raises(CommunicationError) as caught:
        Connection(url=f"http://127.0.0.1:{free_port()}", client="100", user="U", passwd="P",
                   timeout=5.0)
    assert caught.value.key == "RFC_COMMUNICATION_FAILURE"


def test_calling_a_closed_connection_is_an_rfc_error(conn):
    conn.close()
    assert not conn.alive
    with pytest.raises(RFCError, match="closed"):
        conn.call("RFC_PING")


def test_the_context_manager_closes_the_connection(connect):
    with connect() as conn:
        assert conn.alive
    assert not conn.alive
    assert conn.get_connection_attributes() == {}


def test_connection_attributes_describe_the_logon_and_the_partner(conn, sap):
    attributes = conn.get_connection_attributes()
    assert (attributes["client"], attributes["user"], attributes["language"]) == \
        (sap.number, "DEVELOPER", "E")
    assert (attributes["sysId"], attributes["partnerRel"]) == ("FAK", "740")


# --- error paths a healthy server does not produce ------------------------------------------

PING_RESPONSE = (f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="{soap.SOAP_ENV_NS}"><SOAP-ENV:Body>'
                 f'<rfc:RFC_PING.Response xmlns:rfc="{soap.RFC_NS}"/>'
                 "</SOAP-ENV:Body></SOAP-ENV:Envelope>").encode()


def scripted(answer: httpx.Response | Exception) -> Connection:
    """A Connection whose logon ping succeeds and whose every later request gets ``answer``."""
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if len(requests) == 1:
            return httpx.Response(200, content=PING_RESPONSE)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return Connection(url="http://sap.test", client="100", user="U", passwd="P", typed=False,
                      transport=httpx.MockTransport(handle))


def test_a_timeout_is_a_communication_error_with_rfc_timeout():
    conn = scripted(httpx.ReadTimeout("read timed out"))
    with pytest.raises(CommunicationError) as caught:
        conn.call("STFC_CONNECTION")
    assert (caught.value.code, caught.value.key) == (8, "RFC_TIMEOUT")


def test_a_5xx_without_a_soap_fault_is_a_communication_error():
    conn = scripted(httpx.Response(502, text="<html><h1>Bad Gateway</h1></html>"))
    with pytest.raises(CommunicationError, match="502"):
        conn.call("STFC_CONNECTION")


def test_a_broken_response_body_is_a_communication_error():
    conn = scripted(httpx.Response(200, content=b"<SOAP-ENV:Envelope><unclosed>"))
    with pytest.raises(CommunicationError, match="not well-formed"):
        conn.call("STFC_CONNECTION")


def test_a_response_with_a_dtd_is_refused():
    body = b'<!DOCTYPE x [<!ENTITY e "boom">]>' + PING_RESPONSE.replace(b"RFC_PING", b"STFC_X")
    conn = scripted(httpx.Response(200, content=body))
    with pytest.raises(CommunicationError, match="DTD"):
        conn.call("STFC_X")


def test_descriptions_are_read_once_per_function(sap_endpoint, sap):
    wsdl_requests: list[str] = []
    inner = sap_endpoint.transport or httpx.HTTPTransport()

    class CountingTransport(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if "wsdl" in request.url.path:
                wsdl_requests.append(request.url.params["services"])
            return inner.handle_request(request)

    cache = DescriptionCache()
    for _ in range(2):
        with Connection(url=sap_endpoint.url, client=sap.number, user=sap.auth[0],
                        passwd=sap.auth[1], transport=CountingTransport(),
                        descriptions=cache) as conn:
            conn.call("STFC_CONNECTION", REQUTEXT="a")
            conn.call("STFC_CONNECTION", REQUTEXT="b")
    assert wsdl_requests == ["STFC_CONNECTION"]


# --- the adapter stands alone ---------------------------------------------------------------

def imported_modules(node: ast.AST) -> list[str]:
    """Modules an import statement or an importlib/__import__ call with a literal names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        function = node.func.attr if isinstance(node.func, ast.Attribute) else \
            getattr(node.func, "id", "")
        if function in ("import_module", "__import__"):
            return [str(node.args[0].value)]
    return []


def fake_sap_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [f"{path.relative_to(REPOSITORY)}:{getattr(node, 'lineno', 0)} imports {name}"
            for node in ast.walk(tree) for name in imported_modules(node)
            if name == "fake_sap" or name.startswith("fake_sap.")]


def test_the_crm_adapter_never_imports_fake_sap():
    sources = sorted((REPOSITORY / "crm_adapter").rglob("*.py"))
    assert sources, "crm_adapter has no Python files?"
    assert [hit for path in sources for hit in fake_sap_imports(path)] == []
