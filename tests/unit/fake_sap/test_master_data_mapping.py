"""MATMAS and DEBMAS IDocs as material and customer commands (ALE inbound, no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.ale.inbound import debmas, matmas
from fake_sap.errors import ApplicationError
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.mm import material_master
from fake_sap.mm.material_master import (
    FlagMaterialForDeletion,
    Maintenance,
    MaterialText,
    PlantView,
    SaveMaterial,
    StorageLocationView,
)
from fake_sap.sd.customer_master import (
    CreditData,
    FlagCustomerForDeletion,
    PartnerFunction,
    SaveCustomer,
)

pytestmark = pytest.mark.unit


def idoc(mestyp: str, header: SegmentData) -> Idoc:
    return Idoc({"MESTYP": mestyp}, [header])


def segment(name: str, *children: SegmentData, **values: str) -> SegmentData:
    return SegmentData(name, dict(values), list(children))


def test_a_material_idoc_replaces_every_view_it_carries() -> None:
    header = segment(
        "E1MARAM",
        segment("E1MAKTM", SPRAS_ISO="zh", MAKTX="Pump"),
        segment("E1MARCM", segment("E1MARDM", LGORT="0001", LGPBE="A-1"), WERKS="1000",
                EKGRP="001"),
        segment("E1MBEWM", BWKEY="1000", STPRS="12.50", VERPR="5.00-", ZPLP1=""),
        MATNR="4711", MTART="FERT", MEINS="ST", LVORM="Y")

    command = matmas.to_command(idoc("MATMAS", header))

    assert isinstance(command, SaveMaterial)
    assert command.material == "000000000000004711"
    assert command.maintenance is Maintenance.REPLACE
    assert command.material_type == "FERT"
    assert command.deletion_flag == ""  # only X flags a material for deletion
    assert command.texts == (MaterialText("1", "Pump"),)
    assert command.plants == (PlantView("1000", purchasing_group="001", mrp_type="",
                                        availability_check="", profit_center="",
                                        deletion_flag="", storage_locations=(
                                            StorageLocationView("0001", "A-1", ""),),
                                        # MARC's other kept fields are replaced too
                                        other_fields=dict.fromkeys(
                                            material_master.OTHER_PLANT_FIELDS, "")),)
    valuation = command.valuations[0]
    assert (valuation.standard_price, valuation.moving_price, valuation.planned_price_1) == (
        Decimal("12.50"), Decimal("-5.00"), Decimal(0))


def test_msgfn_003_only_flags_the_material_for_deletion() -> None:
    header = segment("E1MARAM", segment("E1MAKTM", SPRAS_ISO="XX", MAKTX="ignored"),
                     MATNR="4711", MSGFN="003")

    assert matmas.to_command(idoc("MATMAS", header)) == \
        FlagMaterialForDeletion("000000000000004711")


@pytest.mark.parametrize(("header", "msgno"), [
    (segment("E1MARAM", MATNR="1234567890123456789"), "305"),
    (segment("E1MARAM", segment("E1MAKTM", SPRAS_ISO="XX", MAKTX="Pump"), MATNR="1"), "312"),
], ids=["number too long", "unknown language"])
def test_a_material_idoc_that_names_no_business_value_is_refused(
        header: SegmentData, msgno: str) -> None:
    with pytest.raises(ApplicationError) as refused:
        matmas.to_command(idoc("MATMAS", header))

    assert (refused.value.sap_message.msgid, refused.value.sap_message.msgno) == ("M3", msgno)


def test_an_amount_that_is_no_number_names_its_field() -> None:
    header = segment("E1MARAM", segment("E1MBEWM", BWKEY="1000", STPRS="twelve"), MATNR="1")

    with pytest.raises(ApplicationError) as refused:
        matmas.to_command(idoc("MATMAS", header))

    assert refused.value.sap_message.variables == ("twelve", "STPRS")


def test_a_customer_idoc_names_its_partners_in_internal_form() -> None:
    header = segment(
        "E1KNA1M",
        segment("E1KNVVM", segment("E1KNVPM", PARVW="ZP", KUNN2="900001"),
                segment("E1KNVPM", PARVW="AG"), VKORG="1000", VTWEG="10", SPART="00"),
        segment("E1KNKKM", KKBER="1000", KLIMK="1000.00"),
        KUNNR="1000001", KTOKD="ZOUT", NAME1="Outlet")

    command = debmas.to_command(idoc("DEBMAS", header))

    assert isinstance(command, SaveCustomer)
    assert command.customer == "0001000001"
    assert command.sales_areas[0].partners == (
        PartnerFunction("ZP", "0000900001"), PartnerFunction("AG", ""))
    assert command.credit == (CreditData("1000", Decimal("1000.00")),)
    assert debmas.referenced_keys(idoc("DEBMAS", header)) == ["0000900001"]


def test_a_customer_msgfn_003_only_flags_for_deletion() -> None:
    header = segment("E1KNA1M", KUNNR="42", MSGFN="003")

    assert debmas.to_command(idoc("DEBMAS", header)) == FlagCustomerForDeletion("0000000042")
