"""The DEBMAS mapping of the customer's other standard fields (pure: no process): every
E1KNA1M and E1KNVVM field with a KNA1 or KNVV field of the same name reaches the command,
NUMC digits zero-padded, a packed field checked to be a number; the customer master takes
only fields its tables have."""

from __future__ import annotations

import pytest

from fake_sap.ale.inbound import debmas
from fake_sap.errors import ApplicationError
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.sd import customer_master
from fake_sap.sd.customer_master import SalesAreaData, SaveCustomer

pytestmark = pytest.mark.unit


def idoc(**area_fields: str) -> Idoc:
    header = SegmentData("E1KNA1M", {"MSGFN": "005", "KUNNR": "4711", "KTOKD": "0001",
                                     "NAME1": "Outlet", "NAME3": "Third", "BBBNR": "42"})
    header.children.append(SegmentData("E1KNVVM", {
        "MSGFN": "005", "VKORG": "1000", "VTWEG": "10", "SPART": "00", **area_fields}))
    return Idoc({"MESTYP": "DEBMAS"}, [header])


def test_the_other_fields_reach_the_command_numc_zero_padded() -> None:
    command = debmas.to_command(idoc(KALKS="1", AWAHR="5", LPRIO="2", ANTLF="9"))
    assert isinstance(command, SaveCustomer)
    assert command.other_fields["NAME3"] == "Third"
    assert command.other_fields["BBBNR"] == "0000042"
    assert command.other_fields["BRSCH"] == ""  # left out: initial, the data are replaced
    [area] = command.sales_areas
    assert (area.other_fields["KALKS"], area.other_fields["AWAHR"],
            area.other_fields["LPRIO"], area.other_fields["ANTLF"]) == ("1", "005", "02", "9")
    assert set(area.other_fields) == set(debmas._OTHER_SALES_AREA.names)


def test_a_packed_field_that_is_no_number_is_refused() -> None:
    with pytest.raises(ApplicationError) as raised:
        debmas.to_command(idoc(ANTLF="X"))
    assert "ANTLF" in str(raised.value)


def test_the_mapping_reads_kalks_and_keeps_no_segment_field_the_table_lacks() -> None:
    assert "KALKS" in debmas._OTHER_SALES_AREA.names
    assert "SPRAS_ISO" not in debmas._OTHER_GENERAL.names
    assert not {"UEBTO", "UNTTO", "PODTG"} & set(debmas._OTHER_SALES_AREA.names)


def test_the_customer_master_refuses_a_field_its_table_does_not_have() -> None:
    area = SalesAreaData("1000", "10", "00", other_fields={"UEBTO": "1.0"})
    with pytest.raises(ValueError, match="UEBTO"):
        customer_master._other_fields(area.other_fields,
                                      customer_master.OTHER_SALES_AREA_FIELDS, "KNVV")
