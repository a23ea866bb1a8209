"""What the DESADV header carries of the partners' addresses (E1ADRM1 from KNA1) and of the
delivery's dates (E1EDT13 from LIKP)."""

from __future__ import annotations

import pytest

from fake_sap.ale.delivery_output import ADDRESS_FIELDS, deadlines, partner_address
from fake_sap.idoc.types.delvry07 import E1ADRM1

pytestmark = pytest.mark.unit

KNA1_ROW = {"kunnr": "0000100001", "name1": "Outlet Nanjing Road", "name2": "", "stras":
            "Nanjing Road 1", "ort01": "Shanghai", "pstlz": "200001", "land1": "CN",
            "regio": "020", "telf1": "021-5555", "spras": "1", "ktokd": "ZOUT"}


def test_the_address_fields_come_from_the_customer_master():
    assert partner_address(KNA1_ROW) == {
        "NAME1": "Outlet Nanjing Road", "STREET1": "Nanjing Road 1", "CITY1": "Shanghai",
        "POSTL_COD1": "200001", "COUNTRY1": "CN", "REGION": "020", "TELEPHONE1": "021-5555",
        "LANGUAGE": "ZH"}


def test_an_unknown_customer_gives_no_address_fields():
    assert partner_address({}) == {}


def test_every_address_field_is_declared_in_the_segment():
    everything_filled = {column: "x" for column in ADDRESS_FIELDS.values()} | {"spras": "E"}
    written = partner_address(everything_filled)
    assert len(written) == len(ADDRESS_FIELDS) + 1
    assert set(written) <= {field.name for field in E1ADRM1.fields}


def test_planned_goods_issue_and_delivery_date_are_sent():
    header = {"wadat": "20310505", "lfdat": "20310506", "wadat_ist": ""}
    assert deadlines(header) == [
        {"QUALF": "006", "NTANF": "20310505", "NTEND": "20310505"},
        {"QUALF": "007", "NTANF": "20310506", "NTEND": "20310506"}]


def test_the_goods_issue_date_gets_the_actual_date_once_posted():
    header = {"wadat": "20310505", "lfdat": "20310506", "wadat_ist": "20310507"}
    assert deadlines(header)[0] == {"QUALF": "006", "NTANF": "20310505", "NTEND": "20310505",
                                    "ISDD": "20310507", "IEDD": "20310507"}
