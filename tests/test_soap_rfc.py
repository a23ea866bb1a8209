"""SOAP-RFC at /sap/bc/soap/rfc: envelopes, faults, tolerance, and the function modules.

Raw envelopes against the real server process; LUW behaviour is in test_luw.py,
RFC_READ_TABLE in test_rfc_read_table.py, zeep through the WSDL in test_wsdl_zeep.py.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from idoc_builders import customer, material, packet
from lxml import etree
from rfc_client import RFC_NS, RfcSession, envelope, function_element, parse_fault, save_material

from fake_sap.compose import function_directory
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.rfc.reference import rfc_reference_files
from fake_sap.rfc.wsdl import wsdl_files

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture
def rfc(sap):
    session = RfcSession(sap)
    yield session
    session.close()


def post_idocs(sap, idoc_type, idocs: list[Idoc]) -> None:
    response = sap.post_idocs(packet(idoc_type, idocs))
    assert response.status_code == 200, response.text


# --- envelope and transport ------------------------------------------------------------------

def test_stfc_connection_echoes_the_request_text(rfc):
    result = rfc.call("STFC_CONNECTION", REQUTEXT="Hello SAP")
    assert result["ECHOTEXT"] == "Hello SAP"
    assert "Sysid: FAK" in result["RESPTEXT"]
    assert f"Logon_Data: {rfc.sap.number}/DEVELOPER/E" in result["RESPTEXT"]


def test_the_response_element_is_the_function_name_dot_response_in_the_rfc_namespace(rfc):
    response = rfc.post_call("RFC_PING")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    assert f'<rfc:RFC_PING.Response xmlns:rfc="{RFC_NS}"/>' in response.text


def test_rfc_system_info_names_system_fak(rfc):
    info = rfc.call("RFC_SYSTEM_INFO")["RFCSI_EXPORT"]
    assert info["RFCSYSID"] == "FAK"
    assert info["RFCSAPRL"] == "740"
    assert info["RFCDEST"].endswith("_FAK_00")


def test_an_unknown_function_is_a_fu_not_found_fault(rfc):
    fault = rfc.fault("Z_DOES_NOT_EXIST")
    assert (fault.status, fault.code, fault.name) == (500, "SOAP-ENV:Client", "FU_NOT_FOUND")
    assert fault.detail_element == "Z_DOES_NOT_EXIST.Exception"
    assert "Z_DOES_NOT_EXIST" in fault.text


def test_the_fault_detail_carries_the_message_id_and_number(rfc):
    response = rfc.post_call("Z_DOES_NOT_EXIST")
    assert "<Message><ID>FL</ID><Number>046</Number></Message>" in response.text


def test_a_wrong_password_is_401_logon_failed(sap):
    session = RfcSession(sap, auth=(sap.auth[0], "wrong"))
    response = session.post_call("RFC_PING")
    assert response.status_code == 401
    assert "<h1>Logon failed</h1>" in response.text


def test_an_unknown_client_is_401(sap_server):
    from fake_sap.testing.process import SapClient

    session = RfcSession(SapClient(sap_server, "999"))
    assert session.post_call("RFC_PING").status_code == 401


def test_malformed_xml_is_a_client_fault_not_an_error_page(rfc):
    fault = parse_fault(rfc.post(b"<env:Envelope><unclosed>"))
    assert (fault.status, fault.code, fault.name) == (500, "SOAP-ENV:Client",
                                                      "XML_NOT_WELL_FORMED")


def test_xml_that_is_not_a_soap_envelope_is_a_client_fault(rfc):
    fault = parse_fault(rfc.post(b"<RFC_PING/>"))
    assert (fault.status, fault.name) == (500, "NOT_A_SOAP_ENVELOPE")


def test_an_empty_body_is_a_client_fault(rfc):
    fault = parse_fault(rfc.post(envelope("")))
    assert fault.name == "NO_FUNCTION_CALL"


def test_a_dtd_is_refused(rfc):
    body = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' +
            envelope(function_element("STFC_CONNECTION", {"REQUTEXT": "&a;"}).replace(
                "&amp;a;", "&a;")))
    fault = parse_fault(rfc.post(body))
    assert fault.name == "XML_NOT_WELL_FORMED"
    assert "DTD" in fault.text


def test_sap_s_lenient_xml_is_accepted(rfc):
    """xsi:nil, xsi:type, encodingStyle, other prefixes, unknown elements, xmlns=""."""
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xmlns:xsd="http://www.w3.org/2001/XMLSchema"
        soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">
      <soapenv:Header/>
      <soapenv:Body>
        <urn:STFC_CONNECTION xmlns:urn="{RFC_NS}">
          <REQUTEXT xmlns="" xsi:type="xsd:string">tolerant</REQUTEXT>
          <UNKNOWN_PARAMETER>ignored</UNKNOWN_PARAMETER>
          <ECHOTEXT xsi:nil="true"/>
        </urn:STFC_CONNECTION>
      </soapenv:Body>
    </soapenv:Envelope>""".encode()
    response = rfc.post(body)
    assert response.status_code == 200, response.text
    assert "<ECHOTEXT>tolerant</ECHOTEXT>" in response.text


def test_a_nil_import_parameter_counts_as_not_sent(rfc):
    body = function_element("STFC_CONNECTION", {}).replace(
        "</n1:STFC_CONNECTION>",
        '<REQUTEXT xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:nil="true">x</REQUTEXT></n1:STFC_CONNECTION>')
    response = rfc.post(envelope(body))
    assert "<ECHOTEXT/>" in response.text


def test_empty_table_parameters_may_be_sent(rfc):
    result = rfc.call("BAPI_CUSTOMER_GETDETAIL2", CUSTOMERNO="4711", CUSTOMERBANKDETAIL=[])
    assert result["RETURN"]["TYPE"] == "E"
    assert result["CUSTOMERBANKDETAIL"] == ""


def test_letters_in_a_numeric_field_are_a_fault_naming_parameter_and_field(rfc):
    fault = rfc.fault("RFC_READ_TABLE", QUERY_TABLE="MARA",
                      FIELDS=[{"FIELDNAME": "MATNR", "OFFSET": "1A"}])
    assert (fault.code, fault.name) == ("SOAP-ENV:Client", "CX_SY_CONVERSION_NO_NUMBER")
    assert fault.text.startswith("FIELDS[1]-OFFSET:")


def test_a_non_integer_in_an_int4_parameter_is_a_conversion_fault(rfc):
    fault = rfc.fault("RFC_READ_TABLE", QUERY_TABLE="MARA", ROWCOUNT="ten")
    assert fault.name == "CX_SY_CONVERSION_NO_NUMBER"
    assert fault.text.startswith("ROWCOUNT:")


def test_a_value_longer_than_its_field_is_a_conversion_fault(rfc):
    fault = rfc.fault("BAPI_MATERIAL_GET_DETAIL", MATERIAL="X" * 19)
    assert fault.name == "CX_SY_CONVERSION_DATA_LOSS"
    assert fault.text.startswith("MATERIAL:")


def test_a_number_too_large_for_its_packed_field_is_an_overflow_fault(rfc):
    fault = rfc.fault("BAPI_CUSTOMERRETURN_CREATE", RETURN_HEADER_IN={},
                      RETURN_CONDITIONS_IN=[{"COND_VALUE": "9" * 20}])
    assert (fault.code, fault.name) == ("SOAP-ENV:Client", "CX_SY_CONVERSION_OVERFLOW")
    assert fault.text.startswith("RETURN_CONDITIONS_IN[1]-COND_VALUE:")


def test_a_missing_mandatory_parameter_is_a_fault(rfc):
    fault = rfc.fault("RFC_READ_TABLE")
    assert fault.name == "CALL_FUNCTION_PARM_MISSING"
    assert "QUERY_TABLE" in fault.text


def test_dates_are_accepted_as_iso_or_as_yyyymmdd_and_returned_as_iso():
    from fake_sap.rfc.model import DATS, TIMS

    assert DATS.coerce("2024-02-29") == DATS.coerce("20240229") == "20240229"
    assert DATS.to_text("20240229") == "2024-02-29"
    assert TIMS.coerce("13:45:00") == TIMS.coerce("134500") == "134500"
    assert TIMS.to_text("134500") == "13:45:00"


# --- BAPI_MATERIAL_GET_DETAIL --------------------------------------------------------------

def test_material_get_detail_returns_general_plant_and_valuation_data(sap, rfc):
    idoc = material("4711", "Pump", valuation={"VPRSV": "V", "VERPR": "12.50",
                                               "STPRS": "11", "PEINH": "1"}, MATKL="PUMPS")
    idoc.segments[0].children.append(SegmentData("E1MARCM", {"WERKS": "1000",
                                                             "DISMM": "PD"}))
    post_idocs(sap, MATMAS05, [idoc])
    result = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711", PLANT="1000",
                      VALUATIONAREA="1000")
    general = result["MATERIAL_GENERAL_DATA"]
    assert (general["MATL_DESC"], general["MATL_TYPE"], general["MATL_GROUP"],
            general["BASE_UOM"]) == ("Pump", "FERT", "PUMPS", "ST")
    assert len(general["CREATED_ON"]) == 10 and general["CREATED_ON"][4] == "-"
    assert result["MATERIALPLANTDATA"]["MRP_TYPE"] == "PD"
    valuation = result["MATERIALVALUATIONDATA"]
    assert (valuation["PRICE_CTRL"], valuation["MOVING_PR"], valuation["STD_PRICE"],
            valuation["CURRENCY"]) == ("V", "12.50", "11.00", "CNY")
    assert result["RETURN"]["TYPE"] == ""


def test_material_get_detail_of_an_unknown_material_is_a_return_error(rfc):
    response = rfc.post_call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="999")
    assert response.status_code == 200
    returned = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="999")["RETURN"]
    assert (returned["TYPE"], returned["CODE"]) == ("E", "M3305")
    assert "999" in returned["MESSAGE"]


def test_material_get_detail_reports_a_plant_without_data(sap, rfc):
    post_idocs(sap, MATMAS05, [material("4712")])
    returned = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4712", PLANT="1100")["RETURN"]
    assert returned["TYPE"] == "E"
    assert "1100" in returned["MESSAGE"]


# --- BAPI_CUSTOMER_GETDETAIL2 ----------------------------------------------------------------

def test_customer_getdetail2_returns_address_general_and_company_data(sap, rfc):
    idoc = customer("100001", "ZOUT", name="Outlet Shanghai", ORT01="Shanghai",
                    PSTLZ="200000", SPRAS="1")
    idoc.segments[0].children.append(SegmentData("E1KNB1M", {"BUKRS": "1000",
                                                             "AKONT": "140000",
                                                             "ZTERM": "0001"}))
    post_idocs(sap, DEBMAS07, [idoc])
    result = rfc.call("BAPI_CUSTOMER_GETDETAIL2", CUSTOMERNO="100001", COMPANYCODE="1000")
    address = result["CUSTOMERADDRESS"]
    assert (address["CUSTOMER"], address["NAME"], address["CITY"], address["COUNTRY"],
            address["LANGU_ISO"]) == ("0000100001", "Outlet Shanghai", "Shanghai", "CN", "ZH")
    assert result["CUSTOMERGENERALDETAIL"]["ACCNT_GRP"] == "ZOUT"
    company = result["CUSTOMERCOMPANYDETAIL"]
    assert (company["RECON_ACCOUNT"], company["PMNTTRMS"]) == ("140000", "0001")
    assert result["RETURN"]["TYPE"] == ""


def test_customer_getdetail2_of_an_unknown_customer_is_a_bapiret1_error(rfc):
    returned = rfc.call("BAPI_CUSTOMER_GETDETAIL2", CUSTOMERNO="123")["RETURN"]
    assert (returned["TYPE"], returned["ID"], returned["NUMBER"]) == ("E", "F2", "153")
    assert "CODE" not in returned and "PARAMETER" not in returned  # BAPIRET1 layout


def test_customer_getdetail2_reports_a_company_code_without_data(sap, rfc):
    post_idocs(sap, DEBMAS07, [customer("100002", "ZOUT")])
    returned = rfc.call("BAPI_CUSTOMER_GETDETAIL2", CUSTOMERNO="100002",
                        COMPANYCODE="1000")["RETURN"]
    assert returned["TYPE"] == "E"
    assert "1000" in returned["MESSAGE"]


# --- BAPI_MATERIAL_SAVEDATA ------------------------------------------------------------------

def test_savedata_returns_a_bapiret2_structure_with_mm_356(rfc):
    returned = save_material(rfc, "4711")["RETURN"]
    assert (returned["TYPE"], returned["ID"], returned["NUMBER"]) == ("S", "MM", "356")
    assert returned["MESSAGE"] == "The material 4711 has been created or extended"


@pytest.mark.parametrize(("change", "parameter", "field"), [
    ({"HEADDATA": {"MATERIAL": "4711", "IND_SECTOR": "M", "MATL_TYPE": "ZZZZ"}},
     "HEADDATA", "MATL_TYPE"),
    ({"HEADDATA": {"MATERIAL": "4711", "IND_SECTOR": "M", "MATL_TYPE": ""}},
     "HEADDATA", "MATL_TYPE"),
    ({"CLIENTDATA": {"BASE_UOM": "XYZ"}, "CLIENTDATAX": {"BASE_UOM": "X"}},
     "CLIENTDATA", "BASE_UOM"),
    ({"CLIENTDATAX": {"BASE_UOM": ""}}, "CLIENTDATA", "BASE_UOM"),
    ({"MATERIALDESCRIPTION": []}, "MATERIALDESCRIPTION", "MATL_DESC"),
    ({"PLANTDATA": {"PLANT": "9999"}, "PLANTDATAX": {"PLANT": "9999"}}, "PLANTDATA",
     "PLANT"),
    ({"PLANTDATA": {"PLANT": "1000"}, "PLANTDATAX": {"PLANT": ""}}, "PLANTDATAX", "PLANT"),
    ({"VALUATIONDATA": {"VAL_AREA": "1000", "PRICE_CTRL": "Q"},
      "VALUATIONDATAX": {"VAL_AREA": "1000", "PRICE_CTRL": "X"}},
     "VALUATIONDATA", "PRICE_CTRL"),
    ({"SALESDATA": {"SALES_ORG": "9999", "DISTR_CHAN": "10"},
      "SALESDATAX": {"SALES_ORG": "9999", "DISTR_CHAN": "10"}}, "SALESDATA", "SALES_ORG"),
])
def test_savedata_refuses_invalid_input_with_an_error_return(rfc, change, parameter, field):
    result = save_material(rfc, "4711", **change)
    returned = result["RETURN"]
    assert returned["TYPE"] == "E"
    assert (returned["PARAMETER"], returned["FIELD"]) == (parameter, field)
    assert result["RETURNMESSAGES"][0]["MESSAGE"] == returned["MESSAGE"]
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")["RETURN"]["TYPE"] == "E"


def test_savedata_takes_only_fields_whose_x_flag_is_set(rfc):
    save_material(rfc, "4711", CLIENTDATA={"BASE_UOM": "ST", "MATL_GROUP": "PUMPS",
                                           "OLD_MAT_NO": "OLD-1"},
                  CLIENTDATAX={"BASE_UOM": "X", "MATL_GROUP": "X"})
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    general = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")["MATERIAL_GENERAL_DATA"]
    assert (general["MATL_GROUP"], general["OLD_MAT_NO"]) == ("PUMPS", "")


def test_savedata_takes_a_unit_given_only_as_its_iso_code(rfc):
    save_material(rfc, "4711", CLIENTDATA={"BASE_UOM_ISO": "PCE", "UNIT_OF_WT_ISO": "KGM",
                                           "NET_WEIGHT": "2.5"},
                  CLIENTDATAX={"BASE_UOM_ISO": "X", "UNIT_OF_WT": "X", "NET_WEIGHT": "X"})
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    general = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")["MATERIAL_GENERAL_DATA"]
    assert (general["BASE_UOM"], general["UNIT_OF_WT"]) == ("ST", "KG")


def test_savedata_prefers_the_internal_unit_to_its_iso_code(rfc):
    save_material(rfc, "4711", CLIENTDATA={"BASE_UOM": "KG", "BASE_UOM_ISO": "PCE"},
                  CLIENTDATAX={"BASE_UOM": "X", "BASE_UOM_ISO": "X"})
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    general = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")["MATERIAL_GENERAL_DATA"]
    assert general["BASE_UOM"] == "KG"


def test_savedata_refuses_an_iso_unit_without_a_conversion(rfc):
    result = save_material(rfc, "4711", CLIENTDATA={"BASE_UOM_ISO": "XYZ"},
                           CLIENTDATAX={"BASE_UOM": "X"})
    returned = result["RETURN"]
    assert (returned["TYPE"], returned["ID"], returned["NUMBER"]) == ("E", "M3", "351")
    assert (returned["PARAMETER"], returned["FIELD"]) == ("CLIENTDATA", "BASE_UOM")
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    assert rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")["RETURN"]["TYPE"] == "E"


def test_savedata_changes_an_existing_material_without_touching_other_fields(rfc):
    save_material(rfc, "4711", CLIENTDATA={"BASE_UOM": "ST", "MATL_GROUP": "PUMPS"},
                  CLIENTDATAX={"BASE_UOM": "X", "MATL_GROUP": "X"})
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    rfc.call("BAPI_MATERIAL_SAVEDATA", HEADDATA={"MATERIAL": "4711"},
             CLIENTDATA={"OLD_MAT_NO": "OLD-1"}, CLIENTDATAX={"OLD_MAT_NO": "X"})
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    general = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711")["MATERIAL_GENERAL_DATA"]
    assert (general["MATL_GROUP"], general["OLD_MAT_NO"], general["MATL_DESC"]) == (
        "PUMPS", "OLD-1", "Pump")


def test_savedata_writes_plant_valuation_and_sales_views(rfc):
    save_material(
        rfc, "4711",
        PLANTDATA={"PLANT": "1000", "MRP_TYPE": "PD"},
        PLANTDATAX={"PLANT": "1000", "MRP_TYPE": "X"},
        VALUATIONDATA={"VAL_AREA": "1000", "PRICE_CTRL": "S", "STD_PRICE": "99.5"},
        VALUATIONDATAX={"VAL_AREA": "1000", "PRICE_CTRL": "X", "STD_PRICE": "X"},
        SALESDATA={"SALES_ORG": "1000", "DISTR_CHAN": "10", "DELYG_PLNT": "1000"},
        SALESDATAX={"SALES_ORG": "1000", "DISTR_CHAN": "10", "DELYG_PLNT": "X"})
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    detail = rfc.call("BAPI_MATERIAL_GET_DETAIL", MATERIAL="4711", PLANT="1000",
                      VALUATIONAREA="1000")
    assert detail["MATERIALPLANTDATA"]["MRP_TYPE"] == "PD"
    assert detail["MATERIALVALUATIONDATA"]["STD_PRICE"] == "99.50"
    [sales] = rfc.call("RFC_READ_TABLE", QUERY_TABLE="MVKE", DELIMITER="|",
                       FIELDS=[{"FIELDNAME": "VKORG"}, {"FIELDNAME": "DWERK"}])["DATA"]
    assert sales["WA"] == "1000|1000"


def test_a_committed_savedata_is_distributed_to_subscribed_partners(sap, rfc):
    # nothing listens on the port: the IDoc's creation is what matters here
    sap.register_partner("CRMCLNT100", url="http://127.0.0.1:9/idoc", outbound=["MATMAS"])
    save_material(rfc, "4711")
    assert sap.idocs(direction="outbound") == []
    rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
    [idoc] = sap.idocs(direction="outbound")
    assert (idoc["mestyp"], idoc["rcvprn"], idoc["object_key"]) == (
        "MATMAS", "CRMCLNT100", "000000000000004711")


# --- WSDL, control API, generated files ------------------------------------------------------

def test_the_wsdl_names_request_response_and_exception_elements(sap):
    with httpx.Client(base_url=sap.server.url, auth=sap.auth) as http:
        response = http.get("/sap/bc/soap/wsdl11",
                            params={"services": "RFC_READ_TABLE", "sap-client": sap.number})
    assert response.status_code == 200
    for name in ('name="RFC_READ_TABLE"', 'name="RFC_READ_TABLE.Response"',
                 'name="RFC_READ_TABLE.Exception"', 'name="TABLE_OF_TAB512"',
                 f"sap/bc/soap/rfc?sap-client={sap.number}"):
        assert name in response.text


def test_the_wsdl_binds_each_operation_in_the_form_sap_writes(sap):
    # SAP's /sap/bc/soap/wsdl output (published examples): the action is
    # http://www.sap.com/<function>, and the service is documented as "SAP Service ... via SOAP"
    with httpx.Client(base_url=sap.server.url, auth=sap.auth) as http:
        response = http.get("/sap/bc/soap/wsdl11", params={
            "services": "RFC_PING,STFC_CONNECTION", "sap-client": sap.number})
    root = etree.fromstring(response.content)
    namespaces = {"wsdl": "http://schemas.xmlsoap.org/wsdl/",
                  "soap": "http://schemas.xmlsoap.org/wsdl/soap/"}
    actions = {operation.get("name"): operation.find("soap:operation", namespaces).get(
        "soapAction") for operation in root.iterfind("wsdl:binding/wsdl:operation", namespaces)}
    assert actions == {"RFC_PING": "http://www.sap.com/RFC_PING",
                       "STFC_CONNECTION": "http://www.sap.com/STFC_CONNECTION"}
    assert [d.text for d in root.iterfind("wsdl:service/wsdl:documentation", namespaces)] == [
        "SAP Service RFC_PING via SOAP", "SAP Service STFC_CONNECTION via SOAP"]


def test_the_wsdl_of_an_unknown_function_is_404(sap):
    with httpx.Client(base_url=sap.server.url, auth=sap.auth) as http:
        response = http.get("/sap/bc/soap/wsdl", params={"services": "Z_NOPE",
                                                         "sap-client": sap.number})
    assert response.status_code == 404


def test_the_wsdl_needs_a_logon(sap):
    with httpx.Client(base_url=sap.server.url) as http:
        response = http.get("/sap/bc/soap/wsdl11", params={"services": "RFC_PING"})
    assert response.status_code == 401


def test_rfc_switches_can_be_read_and_changed(sap):
    with sap.http() as http:
        assert http.get(f"/_fake/clients/{sap.number}/rfc").json() == {
            "client": sap.number, "commit_every_call": False, "session_timeout_seconds": 1800}
        changed = http.patch(f"/_fake/clients/{sap.number}/rfc",
                             json={"commit_every_call": True, "session_timeout_seconds": 60})
    assert changed.status_code == 200
    assert changed.json()["commit_every_call"] is True
    assert changed.json()["session_timeout_seconds"] == 60


@pytest.mark.parametrize("body", [{"commit_every_call": "yes"},
                                  {"session_timeout_seconds": 0},
                                  {"session_timeout_seconds": True}])
def test_invalid_rfc_switches_are_400(sap, body):
    with sap.http() as http:
        response = http.patch(f"/_fake/clients/{sap.number}/rfc", json=body)
    assert response.status_code == 400
    assert response.json()["error"] == "BAD_REQUEST"


def test_rfc_switches_of_an_unknown_client_are_404(sap_server):
    with sap_server.control() as http:
        assert http.get("/_fake/clients/998/rfc").status_code == 404


def test_the_openapi_document_describes_the_rfc_switches(sap_server):
    with sap_server.control() as http:
        paths = http.get("/_fake/openapi.json").json()["paths"]
    assert set(paths["/_fake/clients/{mandt}/rfc"]) >= {"get", "patch"}


INTERFACES = [f.interface for f in function_directory().implemented()]


@pytest.mark.parametrize("generated", [lambda: wsdl_files(INTERFACES),
                                       lambda: rfc_reference_files(INTERFACES)],
                         ids=["wsdl", "reference"])
def test_committed_rfc_contracts_and_docs_match_the_declarations(generated):
    for path, content in generated().items():
        committed = REPOSITORY / path
        assert committed.exists(), f"{path} is missing: run `fake-sap contracts`"
        assert committed.read_bytes() == content, f"{path} is out of date"
