"""Every implemented function module called with zeep through the WSDL the server serves.

zeep reads ``/sap/bc/soap/wsdl11?services=NAME`` and builds the requests itself, so these
tests check that the WSDL, the request parsing and the responses agree. One
``requests.Session`` per test keeps the SAP session cookie, like any SOAP client would.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import requests
import zeep
from idoc_builders import customer, packet
from zeep.exceptions import Fault
from zeep.transports import Transport

from fake_sap.compose import function_directory
from fake_sap.idoc.types import DEBMAS07

#: the function modules the tests below call; must cover every implemented one
CALLED = {"RFC_PING", "STFC_CONNECTION", "RFC_SYSTEM_INFO", "RFC_READ_TABLE",
          "BAPI_MATERIAL_SAVEDATA", "BAPI_TRANSACTION_COMMIT", "BAPI_TRANSACTION_ROLLBACK",
          "BAPI_MATERIAL_GET_DETAIL", "BAPI_CUSTOMER_GETDETAIL2"}
#: the FI function modules are called through zeep in test_bapi_finance.py
CALLED |= {"BAPI_ACC_DOCUMENT_POST", "BAPI_ACC_DOCUMENT_CHECK", "BAPI_AR_ACC_GETOPENITEMS",
           "BAPI_AR_ACC_GETCLEAREDITEMS", "BAPI_AP_ACC_GETOPENITEMS",
           "BAPI_AP_ACC_GETCLEAREDITEMS"}
#: the sales document function modules are called through zeep in test_bapi_salesorder.py
CALLED |= {"BAPI_SALESORDER_CREATEFROMDAT2", "BAPI_CUSTOMERRETURN_CREATE",
           "BAPI_SALESORDER_GETSTATUS"}
#: the logistics function modules are called through zeep in test_bapi_delivery.py,
#: test_bapi_stock_transport.py and test_bapi_goodsmvt.py
CALLED |= {"BAPI_OUTB_DELIVERY_CREATE_SLS", "BAPI_OUTB_DELIVERY_CREATE_STO",
           "BAPI_OUTB_DELIVERY_CHANGE", "WS_DELIVERY_UPDATE", "BAPI_GOODSMVT_CREATE",
           "BAPI_PO_CREATE1", "BAPI_MATERIAL_AVAILABILITY"}
#: the metadata function modules are called through zeep in test_rfc_metadata.py
CALLED |= {"DDIF_FIELDINFO_GET", "RFC_GET_FUNCTION_INTERFACE"}


@pytest.fixture
def service(sap):
    """``service("NAME")``: zeep's proxy for one function module, all on one HTTP session."""
    http = requests.Session()
    http.auth = sap.auth
    transport = Transport(session=http)

    def proxy(name: str):
        wsdl = (f"{sap.server.url}/sap/bc/soap/wsdl11?services={name}"
                f"&sap-client={sap.number}")
        return getattr(zeep.Client(wsdl, transport=transport).service, name)

    yield proxy
    http.close()


def new_material(service, material: str = "4711"):
    return service("BAPI_MATERIAL_SAVEDATA")(
        HEADDATA={"MATERIAL": material, "IND_SECTOR": "M", "MATL_TYPE": "FERT",
                  "BASIC_VIEW": "X"},
        CLIENTDATA={"BASE_UOM": "ST", "NET_WEIGHT": Decimal("1.25")},
        CLIENTDATAX={"BASE_UOM": "X", "NET_WEIGHT": "X"},
        MATERIALDESCRIPTION={"item": [{"LANGU": "EN", "MATL_DESC": "Pump"}]})


registry = function_directory()


def test_every_implemented_function_is_called_through_zeep():
    assert CALLED == {f.name for f in registry.implemented()}


def test_rfc_ping(service):
    assert service("RFC_PING")() is None


def test_stfc_connection(service):
    result = service("STFC_CONNECTION")(REQUTEXT="via zeep")
    assert result.ECHOTEXT == "via zeep"
    assert "Sysid: FAK" in result.RESPTEXT


def test_rfc_system_info(service):
    result = service("RFC_SYSTEM_INFO")()
    assert result.RFCSI_EXPORT.RFCSYSID == "FAK"
    assert result.MAXIMAL_RESOURCES == 10


def test_savedata_commit_and_get_detail_in_one_session(service):
    saved = new_material(service)
    assert (saved.RETURN.TYPE, saved.RETURN.NUMBER) == ("S", "356")
    assert service("BAPI_TRANSACTION_COMMIT")(WAIT="X").TYPE in ("", None)
    detail = service("BAPI_MATERIAL_GET_DETAIL")(MATERIAL="4711")
    general = detail.MATERIAL_GENERAL_DATA
    assert (general.MATL_DESC, general.BASE_UOM, general.NET_WEIGHT) == (
        "Pump", "ST", Decimal("1.250"))


def test_rollback_discards_the_work(service):
    new_material(service)
    service("BAPI_TRANSACTION_ROLLBACK")()
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")
    detail = service("BAPI_MATERIAL_GET_DETAIL")(MATERIAL="4711")
    assert detail.RETURN.TYPE == "E"


def test_rfc_read_table(service):
    new_material(service)
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")
    result = service("RFC_READ_TABLE")(
        QUERY_TABLE="MARA", DELIMITER="|",
        OPTIONS={"item": [{"TEXT": "MTART = 'FERT'"}]},
        FIELDS={"item": [{"FIELDNAME": "MATNR"}, {"FIELDNAME": "MEINS"}]})
    assert [row.WA for row in result.DATA.item] == ["000000000000004711|ST"]
    assert [field.FIELDNAME for field in result.FIELDS.item] == ["MATNR", "MEINS"]


def test_rfc_read_table_exception_is_a_zeep_fault(service):
    with pytest.raises(Fault) as raised:
        service("RFC_READ_TABLE")(QUERY_TABLE="ZNOPE")
    assert raised.value.message == "TABLE_NOT_AVAILABLE"


def test_customer_getdetail2(sap, service):
    assert sap.post_idocs(packet(DEBMAS07, [customer("100001", "ZOUT", name="Outlet")])
                          ).status_code == 200
    result = service("BAPI_CUSTOMER_GETDETAIL2")(CUSTOMERNO="100001")
    assert result.CUSTOMERADDRESS.NAME == "Outlet"
    assert result.CUSTOMERGENERALDETAIL.ACCNT_GRP == "ZOUT"
