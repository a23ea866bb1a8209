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
from logistics_flow import seeded_flow
from zeep.exceptions import Fault
from zeep.transports import Transport

from fake_sap.compose import function_directory
from fake_sap.ddic.types import AbapType
from fake_sap.idoc.types import DEBMAS07
from fake_sap.rfc.model import Field, Structure

#: the function modules the tests below call; must cover every implemented one
CALLED = {"RFC_PING", "STFC_CONNECTION", "RFC_SYSTEM_INFO", "RFC_READ_TABLE",
          "BAPI_MATERIAL_SAVEDATA", "BAPI_TRANSACTION_COMMIT", "BAPI_TRANSACTION_ROLLBACK",
          "BAPI_MATERIAL_GET_DETAIL", "BAPI_CUSTOMER_GETDETAIL2"}
#: the FI function modules are called through zeep in test_bapi_finance.py
CALLED |= {"BAPI_ACC_DOCUMENT_POST", "BAPI_ACC_DOCUMENT_CHECK", "BAPI_AR_ACC_GETOPENITEMS",
           "BAPI_AR_ACC_GETBALANCEDITEMS", "BAPI_AP_ACC_GETOPENITEMS",
           "BAPI_AP_ACC_GETBALANCEDITEMS"}
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


# --- every declared field of every structure, through zeep ---------------------------------

def _largest(field: Field, *, flag: bool) -> object:
    """A valid value of ``field`` at its maximum length (``flag``: an X structure's field)."""
    elementary = field.type
    kind = elementary.type
    if kind in (AbapType.DEC, AbapType.QUAN, AbapType.CURR):
        whole = "9" * (elementary.length - elementary.decimals) or "0"
        return Decimal(f"{whole}.{'9' * elementary.decimals}" if elementary.decimals else whole)
    return {AbapType.NUMC: "9" * elementary.length, AbapType.DATS: "9999-12-31",
            AbapType.TIMS: "23:59:59", AbapType.LANG: "E", AbapType.INT4: 2**31 - 1,
            AbapType.INT1: 255,
            AbapType.FLTP: 1.5}.get(
        kind, "X" if flag and elementary.length == 1 else "A" * elementary.length)


def _every_field(structure: Structure, **realistic: object) -> dict[str, object]:
    """Every component of ``structure`` filled; ``realistic`` overrides the ones the
    function checks (a plant that exists, a unit in T006 ...)."""
    flag = structure.name.endswith("X")
    values = {f.name: _largest(f, flag=flag) for f in structure.fields}
    unknown = set(realistic) - set(values)
    assert not unknown, f"{structure.name} has no {unknown}"
    return {**values, **realistic}


def _parameters(name: str, **realistic: dict[str, object]) -> dict[str, object]:
    """Every structure-typed parameter of ``name`` with every field filled; TABLES
    parameters get one such row."""
    interface = registry.lookup(name).interface
    values: dict[str, object] = {}
    for parameter in interface.inputs:
        if not isinstance(parameter.type, Structure) or parameter.name == "RETURN":
            continue
        row = _every_field(parameter.type, **realistic.get(parameter.name, {}))
        values[parameter.name] = {"item": [row]} if parameter.is_table else row
    return values


def test_savedata_accepts_every_declared_field_of_every_structure(service):
    # the fields BAPI_MATERIAL_SAVEDATA checks or stores get values that exist; every other
    # field is sent at its maximum length and is accepted (and ignored, as SAP ignores a
    # field that nothing maps)
    plant = {"PLANT": "1000", "DEL_FLAG": "", "PUR_GROUP": "001", "MRP_TYPE": "PD",
             "AVAILCHECK": "02", "PROFIT_CTR": "1000", "ISSUE_UNIT": "ST"}
    params = _parameters(
        "BAPI_MATERIAL_SAVEDATA",
        HEADDATA={"MATERIAL": "4711", "IND_SECTOR": "M", "MATL_TYPE": "FERT"},
        CLIENTDATA={"DEL_FLAG": "", "BASE_UOM": "ST", "UNIT_OF_WT": "KG", "PO_UNIT": "ST",
                    "BASE_UOM_ISO": "PCE", "UNIT_OF_WT_ISO": "KGM", "DIVISION": "00",
                    "ITEM_CAT": "NORM", "NET_WEIGHT": Decimal("1.250"),
                    "PACK_WT_UN": "KG", "PACK_VO_UN": "L"},
        PLANTDATA=plant, PLANTDATAX={"PLANT": "1000"},
        STORAGELOCATIONDATA={"PLANT": "1000", "STGE_LOC": "0001"},
        STORAGELOCATIONDATAX={"PLANT": "1000", "STGE_LOC": "0001"},
        VALUATIONDATA={"VAL_AREA": "1000", "VAL_TYPE": "", "PRICE_CTRL": "V",
                       "PRICE_UNIT": Decimal(1)},
        VALUATIONDATAX={"VAL_AREA": "1000", "VAL_TYPE": ""},
        SALESDATA={"SALES_ORG": "1000", "DISTR_CHAN": "10", "DEL_FLAG": "",
                   "DELYG_PLNT": "1000", "SALES_UNIT": "ST"},
        SALESDATAX={"SALES_ORG": "1000", "DISTR_CHAN": "10"},
        MATERIALDESCRIPTION={"LANGU": "E", "LANGU_ISO": "EN", "MATL_DESC": "Pump",
                             "DEL_FLAG": ""},
        UNITSOFMEASURE={"ALT_UNIT": "BOX", "ALT_UNIT_ISO": "BX", "UNIT_DIM": "M",
                        "VOLUMEUNIT": "L", "UNIT_OF_WT": "KG", "SUB_UOM": "ST",
                        "DEL_FLAG": ""},
        UNITSOFMEASUREX={"ALT_UNIT": "BOX", "ALT_UNIT_ISO": "BX"})
    saved = service("BAPI_MATERIAL_SAVEDATA")(**params)

    assert (saved.RETURN.TYPE, saved.RETURN.NUMBER) == ("S", "356"), saved.RETURN.MESSAGE
    service("BAPI_TRANSACTION_COMMIT")(WAIT="X")
    general = service("BAPI_MATERIAL_GET_DETAIL")(MATERIAL="4711").MATERIAL_GENERAL_DATA
    assert (general.BASE_UOM, general.NET_WEIGHT) == ("ST", Decimal("1.250"))


def test_createfromdat2_accepts_every_declared_field_of_every_structure(sap, service):
    loaded = sap.seed(materials=1, customers=3, initial_stock="100")
    outlet, material = loaded["outlets"][0], loaded["materials"][0]
    item = {"ITM_NUMBER": "000010"}
    params = _parameters(
        "BAPI_SALESORDER_CREATEFROMDAT2",
        ORDER_HEADER_IN={"DOC_TYPE": "TA", "SALES_ORG": "1000", "DISTR_CHAN": "10",
                         "DIVISION": "00", "REFDOC_CAT": "", "REF_DOC": "",
                         "CURRENCY": "EUR", "CURR_ISO": "EUR", "H_CURR": "EUR",
                         "H_CURR_ISO": "EUR", "SD_DOC_CAT": "C", "SD_DOC_CAT_LONG": "C",
                         "REFDOC_CAT_LONG": ""},
        ORDER_HEADER_INX={"UPDATEFLAG": "I"},
        ORDER_ITEMS_IN={**item, "MATERIAL": material, "MATERIAL_LONG": "",
                        "HG_LV_ITEM": "000000", "ALT_TO_ITM": "000000", "TARGET_QTY": 0,
                        "TARGET_QU": "ST", "T_UNIT_ISO": "PCE", "SALES_UNIT": "ST",
                        "S_UNIT_ISO": "PCE", "REASON_REJ": "", "PLANT": "1000",
                        "STORE_LOC": "", "CURRENCY": "EUR", "CURR_ISO": "EUR", "REF_DOC": "",
                        "REF_DOC_IT": "000000", "REF_DOC_CA": "", "REF_DOC_CA_LONG": "",
                        "PO_UNIT": "ST", "BATCH": ""},
        ORDER_ITEMS_INX={**item, "UPDATEFLAG": "I"},
        ORDER_PARTNERS={"PARTN_ROLE": "AG", "PARTN_NUMB": outlet, "ITM_NUMBER": "000000",
                        "LANGU": "E", "LANGU_ISO": "EN", "COUNTRY": "DE",
                        "COUNTR_ISO": "DE"},
        ORDER_SCHEDULES_IN={**item, "SCHED_LINE": "0001", "REQ_QTY": Decimal(2)},
        ORDER_SCHEDULES_INX={**item, "SCHED_LINE": "0001", "UPDATEFLAG": "I"},
        ORDER_CONDITIONS_IN={**item, "COND_TYPE": "PR00", "COND_VALUE": Decimal("12.5"),
                             "CURRENCY": "EUR", "CURR_ISO": "EUR", "COND_UNIT": "ST",
                             "CD_UNT_ISO": "PCE", "COND_P_UNT": Decimal(1),
                             "CONDISACTI": "", "CURRENCY_2": "EUR", "CURR_ISO_2": "EUR",
                             "CURRENCKEY": "EUR", "CURRENISO": "EUR", "UNITMEASUR": "ST",
                             "ISO_UNIT": "PCE"},
        ORDER_CONDITIONS_INX={**item, "COND_TYPE": "PR00", "UPDATEFLAG": "I"},
        PARTNERADDRESSES={"LANGU": "E", "LANGU_ISO": "EN", "LANGU_CR": "E",
                          "LANGUCRISO": "EN", "COUNTRY": "DE", "COUNTRYISO": "DE"},
        ORDER_TEXT={**item, "LANGU": "E", "LANGU_ISO": "EN"},
        ORDER_KEYS={"ITM_NUMBER": "000010"},
        LOGIC_SWITCH={"PRICING": "", "ATP_WRKMOD": "", "SCHEDULING": "",
                      "NOSTRUCTURE": "", "COND_HANDL": "", "ADDR_CHECK": ""})
    created = service("BAPI_SALESORDER_CREATEFROMDAT2")(**params)

    assert created.SALESDOCUMENT, [(m.TYPE, m.ID, m.NUMBER, m.MESSAGE)
                                   for m in created.RETURN.item]


def test_po_create1_accepts_every_declared_field_of_every_structure(sap, service):
    # a stock transport order from plant 1000 to plant 1100: the fields the order checks
    # get values that exist (units of T006 and their ISO codes); every other field is sent
    # at its maximum length and is accepted and ignored
    material = sap.seed(materials=1, customers=1, initial_stock="100")["materials"][0]
    item = {"PO_ITEM": "00010"}
    units = {"PO_UNIT": "ST", "PO_UNIT_ISO": "PCE", "ORDERPR_UN": "ST",
             "ORDERPR_UN_ISO": "PCE", "WEIGHTUNIT": "KG", "WEIGHTUNIT_ISO": "KGM",
             "VOLUMEUNIT": "L", "VOLUMEUNIT_ISO": "LTR", "POINT_UNIT": "ST",
             "POINT_UNIT_ISO": "PCE"}
    params = _parameters(
        "BAPI_PO_CREATE1",
        POHEADER={"PO_NUMBER": "", "COMP_CODE": "1000", "DOC_TYPE": "UB", "VENDOR": "",
                  "SUPPL_PLNT": "1000", "PURCH_ORG": "1000", "PUR_GROUP": "001",
                  "CURRENCY": "EUR", "LANGU": "E", "LANGU_ISO": "EN",
                  "DOC_DATE": "2030-01-15"},
        POITEM={**item, **units, "DELETE_IND": "", "MATERIAL": material, "PLANT": "1100",
                "STGE_LOC": "0001", "QUANTITY": Decimal(7)},
        POITEMX=item,
        POSCHEDULE={**item, "SCHED_LINE": "0001", "QUANTITY": Decimal(7)},
        POSCHEDULEX={**item, "SCHED_LINE": "0001"})
    created = service("BAPI_PO_CREATE1")(**params)

    assert created.EXPPURCHASEORDER, [(m.TYPE, m.ID, m.NUMBER, m.MESSAGE)
                                      for m in created.RETURN.item]
    assert service("BAPI_TRANSACTION_COMMIT")(WAIT="X").TYPE in ("", None)
    assert created.EXPHEADER.SUPPL_PLNT == "1000"


def test_goodsmvt_create_accepts_every_declared_field_of_every_structure(sap, service):
    # an initial entry of stock (GM_CODE 05, movement type 561) in plant 1000: the fields
    # the posting checks get values that exist; every other field is sent at its maximum
    # length and is accepted and ignored
    material = sap.seed(materials=1, customers=1, initial_stock="0")["materials"][0]
    params = _parameters(
        "BAPI_GOODSMVT_CREATE",
        GOODSMVT_HEADER={"PSTNG_DATE": "2030-01-15", "DOC_DATE": "2030-01-15"},
        GOODSMVT_CODE={"GM_CODE": "05"},
        GOODSMVT_ITEM={"MATERIAL": material, "PLANT": "1000", "STGE_LOC": "0001",
                       "MOVE_TYPE": "561", "STCK_TYPE": "", "ENTRY_QNT": Decimal(5),
                       "ENTRY_UOM": "ST", "ENTRY_UOM_ISO": "PCE", "ORDERPR_UN": "ST",
                       "ORDERPR_UN_ISO": "PCE", "BASE_UOM": "ST", "ST_UN_QTYY_1_ISO": "PCE",
                       "ST_UN_QTYY_2_ISO": "PCE", "MVT_IND": "", "PO_NUMBER": "",
                       "PO_ITEM": "00000", "NO_MORE_GR": ""})
    posted = service("BAPI_GOODSMVT_CREATE")(**params)

    assert posted.MATERIALDOCUMENT, [(m.TYPE, m.ID, m.NUMBER, m.MESSAGE)
                                     for m in posted.RETURN.item]
    assert service("BAPI_TRANSACTION_COMMIT")(WAIT="X").TYPE in ("", None)


def test_delivery_create_sls_accepts_every_declared_field_of_every_structure(sap, service):
    # a delivery for a committed sales order: the item reference, quantity and unit get
    # values that exist; every other field is sent at its maximum length and is ignored
    with seeded_flow(sap) as flow:
        order = flow.order("10")
        params = _parameters(
            "BAPI_OUTB_DELIVERY_CREATE_SLS",
            SALES_ORDER_ITEMS={"REF_DOC": order, "REF_ITEM": "000010",
                               "DLV_QTY": Decimal(4), "SALES_UNIT": "ST",
                               "SALES_UNIT_ISO": "PCE"},
            CREATED_ITEMS={"SALES_UNIT": "ST", "SALES_UNIT_ISO": "PCE"})
        created = service("BAPI_OUTB_DELIVERY_CREATE_SLS")(SHIP_POINT="1000", **params)

        assert created.DELIVERY, [(m.TYPE, m.ID, m.NUMBER, m.MESSAGE)
                                  for m in created.RETURN.item]
        assert service("BAPI_TRANSACTION_COMMIT")(WAIT="X").TYPE in ("", None)
