"""DDIF_FIELDINFO_GET and RFC_GET_FUNCTION_INTERFACE over SOAP-RFC, against a running
``fake-sap serve``: what a client learns of tables, structures and function modules before
it calls them, and the exceptions for names that do not exist."""

from __future__ import annotations

import pytest
import requests
import zeep
from rfc_client import RfcSession
from zeep.transports import Transport


@pytest.fixture
def session(sap):
    rfc = RfcSession(sap)
    yield rfc
    rfc.close()


def _fields(result):
    return {row["FIELDNAME"]: row for row in result["DFIES_TAB"]}


# --- DDIF_FIELDINFO_GET -----------------------------------------------------------------

def test_a_readable_table_is_described_field_by_field_with_its_key(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="MARA", LANGU="E")
    assert result["DDOBJTYPE"] == "TRANSP"
    fields = _fields(result)
    assert list(fields)[:3] == ["MANDT", "MATNR", "ERSDA"]
    matnr = fields["MATNR"]
    assert (matnr["TABNAME"], matnr["POSITION"], matnr["OFFSET"], matnr["LENG"],
            matnr["INTLEN"], matnr["DATATYPE"], matnr["INTTYPE"], matnr["KEYFLAG"],
            matnr["FIELDTEXT"]) == ("MARA", "0002", "000006", "000018", "000036", "CHAR",
                                    "C", "X", "Material Number")
    assert fields["MANDT"]["KEYFLAG"] == "X" and fields["MTART"]["KEYFLAG"] == ""
    brgew = fields["BRGEW"]
    assert (brgew["DATATYPE"], brgew["INTTYPE"], brgew["LENG"], brgew["DECIMALS"],
            brgew["INTLEN"]) == ("QUAN", "P", "000013", "000003", "000007")
    assert (fields["ERSDA"]["DATATYPE"], fields["ERSDA"]["OUTPUTLEN"]) == ("DATS", "000010")


def test_a_structure_of_a_function_module_is_described(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="bapiret2")
    assert result["DDOBJTYPE"] == "INTTAB"
    fields = _fields(result)
    assert fields["TYPE"]["POSITION"] == "0001"
    assert fields["MESSAGE"]["FIELDTEXT"]
    assert all(row["KEYFLAG"] == "" for row in fields.values())


def test_fieldname_selects_one_field(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="KNA1", FIELDNAME="NAME1")
    assert [row["FIELDNAME"] for row in result["DFIES_TAB"]] == ["NAME1"]


def test_lfieldname_answers_in_dfies_wa(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="KNA1", LFIELDNAME="LAND1")
    assert result["DFIES_WA"]["FIELDNAME"] == "LAND1"
    assert result["DFIES_TAB"] == ""


def test_a_field_with_a_data_element_is_described_by_it(session):
    fields = _fields(session.call("DDIF_FIELDINFO_GET", TABNAME="MARA"))
    meins = fields["MEINS"]
    assert (meins["DATATYPE"], meins["INTTYPE"], meins["LENG"], meins["ROLLNAME"],
            meins["DOMNAME"], meins["CONVEXIT"], meins["CHECKTABLE"]) == (
        "UNIT", "C", "000003", "MEINS", "MEINS", "CUNIT", "T006")
    assert (fields["MATNR"]["ROLLNAME"], fields["MATNR"]["CONVEXIT"]) == ("MATNR", "MATN1")
    assert fields["GEWEI"]["DATATYPE"] == "UNIT"
    assert _fields(session.call("DDIF_FIELDINFO_GET", TABNAME="MAKT"))["SPRAS"][
        "DATATYPE"] == "LANG"
    waerk = _fields(session.call("DDIF_FIELDINFO_GET", TABNAME="VBAP"))["WAERK"]
    assert (waerk["DATATYPE"], waerk["ROLLNAME"]) == ("CUKY", "WAERK")


def test_unit_and_currency_fields_keep_their_read_table_layout(session):
    result = session.call("RFC_READ_TABLE", QUERY_TABLE="VBAP", NO_DATA="X",
                          FIELDS=[{"FIELDNAME": "WAERK"}, {"FIELDNAME": "VRKME"}])
    assert [(row["FIELDNAME"], row["LENGTH"], row["TYPE"]) for row in result["FIELDS"]] == [
        ("WAERK", "000005", "C"), ("VRKME", "000003", "C")]


def test_fieldname_answers_in_dfies_tab_as_sap_documents_it(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="MARA", FIELDNAME="MEINS")
    assert [row["ROLLNAME"] for row in result["DFIES_TAB"]] == ["MEINS"]
    assert result["DFIES_WA"]["FIELDNAME"] == ""


def test_an_idoc_segment_type_is_a_structure(session):
    result = session.call("DDIF_FIELDINFO_GET", TABNAME="E1MARAM")
    assert result["DDOBJTYPE"] == "INTTAB"
    fields = _fields(result)
    assert (fields["BRGEW"]["DATATYPE"], fields["BRGEW"]["LENG"]) == ("CHAR", "000014")
    assert session.call("DDIF_FIELDINFO_GET", TABNAME="E1MARAM", LFIELDNAME="MATNR")[
        "DFIES_WA"]["LENG"] == "000018"
    assert session.fault("RFC_READ_TABLE", QUERY_TABLE="E1MARAM").name == \
        "TABLE_WITHOUT_DATA"


@pytest.mark.parametrize("params", [{"TABNAME": "ZNOPE"},
                                    {"TABNAME": "MARA", "FIELDNAME": "NOPE"},
                                    {"TABNAME": "MARA", "LFIELDNAME": "NOPE"}])
def test_an_unknown_table_or_field_is_not_found(session, params):
    assert session.fault("DDIF_FIELDINFO_GET", **params).name == "NOT_FOUND"


# --- RFC_GET_FUNCTION_INTERFACE -----------------------------------------------------------

def test_the_interface_of_rfc_read_table_lists_parameters_then_exceptions(session):
    result = session.call("RFC_GET_FUNCTION_INTERFACE", FUNCNAME="RFC_READ_TABLE")
    assert result["REMOTE_CALL"] == "R"
    rows = {(row["PARAMCLASS"], row["PARAMETER"]): row for row in result["PARAMS"]}
    query_table = rows[("I", "QUERY_TABLE")]
    assert (query_table["EXID"], query_table["INTLENGTH"], query_table["OPTIONAL"]) == \
        ("C", "60", "")
    assert (rows[("I", "DELIMITER")]["DEFAULT"], rows[("I", "DELIMITER")]["OPTIONAL"]) == \
        ("SPACE", "X")
    assert rows[("I", "ROWCOUNT")]["EXID"] == "I"
    data = rows[("T", "DATA")]
    assert (data["TABNAME"], data["EXID"], data["INTLENGTH"]) == ("TAB512", "u", "1024")
    exceptions = [row["PARAMETER"] for row in result["PARAMS"] if row["PARAMCLASS"] == "X"]
    assert "DATA_BUFFER_EXCEEDED" in exceptions and "TABLE_NOT_AVAILABLE" in exceptions


def test_non_unicode_lengths_on_request(session):
    result = session.call("RFC_GET_FUNCTION_INTERFACE", FUNCNAME="RFC_READ_TABLE",
                          NONE_UNICODE_LENGTH="X")
    data = next(row for row in result["PARAMS"] if row["PARAMETER"] == "DATA")
    assert data["INTLENGTH"] == "512"


def test_the_metadata_function_modules_describe_themselves(session):
    result = session.call("RFC_GET_FUNCTION_INTERFACE", FUNCNAME="DDIF_FIELDINFO_GET")
    params = {row["PARAMETER"]: row for row in result["PARAMS"]}
    assert params["DFIES_TAB"]["TABNAME"] == "DFIES"
    # DFIES as SAP's Unicode systems lay it out: 1,350 bytes per row
    assert params["DFIES_TAB"]["INTLENGTH"] == "1350"
    described = session.call("DDIF_FIELDINFO_GET", TABNAME="RFC_FUNINT")
    assert [row["FIELDNAME"] for row in described["DFIES_TAB"]][:3] == [
        "PARAMCLASS", "PARAMETER", "TABNAME"]


def test_parameters_name_their_dictionary_reference(session):
    # SE37 types TESTRUN LIKE BAPIFLAG-BAPIFLAG; a structure parameter names its structure
    result = session.call("RFC_GET_FUNCTION_INTERFACE", FUNCNAME="BAPI_PO_CREATE1")
    params = {row["PARAMETER"]: row for row in result["PARAMS"]}
    assert (params["TESTRUN"]["TABNAME"], params["TESTRUN"]["FIELDNAME"]) == \
        ("BAPIFLAG", "BAPIFLAG")
    assert (params["EXPPURCHASEORDER"]["TABNAME"], params["EXPPURCHASEORDER"]["FIELDNAME"]) \
        == ("BAPIMEPOHEADER", "PO_NUMBER")
    assert (params["POHEADER"]["TABNAME"], params["POHEADER"]["FIELDNAME"]) == \
        ("BAPIMEPOHEADER", "")
    assert params["POITEM"]["TABNAME"] == "BAPIMEPOITEM"


def test_an_unknown_function_module_is_fu_not_found(session):
    assert session.fault("RFC_GET_FUNCTION_INTERFACE", FUNCNAME="Z_NOPE").name == \
        "FU_NOT_FOUND"


# --- through zeep and the WSDL ----------------------------------------------------------------

@pytest.fixture
def service(sap):
    http = requests.Session()
    http.auth = sap.auth

    def proxy(name: str):
        wsdl = f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}&sap-client={sap.number}"
        return getattr(zeep.Client(wsdl, transport=Transport(session=http)).service, name)

    yield proxy
    http.close()


def test_ddif_fieldinfo_get_through_zeep(service):
    result = service("DDIF_FIELDINFO_GET")(TABNAME="MAKT", LANGU="EN",
                                           DFIES_TAB={"item": []})
    assert result.DDOBJTYPE == "TRANSP"
    assert [row.FIELDNAME for row in result.DFIES_TAB.item] == ["MANDT", "MATNR", "SPRAS",
                                                                "MAKTX"]


def test_rfc_get_function_interface_through_zeep(service):
    result = service("RFC_GET_FUNCTION_INTERFACE")(FUNCNAME="STFC_CONNECTION",
                                                   PARAMS={"item": []})
    assert [(row.PARAMCLASS, row.PARAMETER, row.INTLENGTH) for row in result.PARAMS.item] \
        == [("I", "REQUTEXT", 510), ("E", "ECHOTEXT", 510), ("E", "RESPTEXT", 510)]
