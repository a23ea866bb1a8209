"""Material and customer commands checked and planned against lookups (no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fake_sap.db.schema import kna1, knvp, mara, marc, mbew
from fake_sap.errors import ApplicationError
from fake_sap.lookups import Lookups
from fake_sap.mm import material_master
from fake_sap.mm.material_master import (
    FlagMaterialForDeletion,
    Maintenance,
    MaterialText,
    PlantView,
    SaveMaterial,
    ValuationView,
)
from fake_sap.sd import customer_master
from fake_sap.sd.customer_master import PartnerFunction, SalesAreaData, SaveCustomer

pytestmark = pytest.mark.unit

CUSTOMIZING = {"T134": {"FERT"}, "T006": {"ST", "KG"}, "T001W": {"1000"},
               "T001L": {"1000/0001"}, "T077D": {"ZOUT", "ZPC"}, "TVTA": {"1000/10/00"},
               "TPAR": {"AG", "ZP"}}
MATNR = "000000000000004711"


def lookups(**known: dict[str, str]) -> Lookups:
    return Lookups("100", CUSTOMIZING, "20260101", "ALEREMOTE", known=dict(known))


def new_material(**fields: object) -> SaveMaterial:
    values: dict[str, object] = {
        "material": MATNR, "maintenance": Maintenance.REPLACE, "material_type": "FERT",
        "base_unit": "ST", "texts": (MaterialText("E", "Pump"),), **fields}
    return SaveMaterial(**values)  # type: ignore[arg-type]


def upserted(rows: list[tuple[object, dict[str, str]]], table: object) -> list[dict[str, str]]:
    return [row for t, row in rows if t is table]


def test_a_new_material_is_created_with_initial_values_for_empty_fields() -> None:
    known = lookups()

    posted = material_master.post(known, new_material(
        industry_sector="", base_unit="ST",
        valuations=(ValuationView("1000", standard_price=Decimal("12.50")),)))

    assert posted.created and posted.message.msgno == "800"
    head = upserted(posted.rows.upserts, mara)[0]
    assert (head["mbrsh"], head["ersda"], head["ernam"]) == ("M", "20260101", "ALEREMOTE")
    valuation = upserted(posted.rows.upserts, mbew)[0]
    assert (valuation["vprsv"], valuation["peinh"], valuation["stprs"], valuation["verpr"]) \
        == ("S", "1", "12.50", "0")
    assert known.exists(material_master.KIND, MATNR)


def test_flagged_maintenance_writes_only_the_fields_it_names() -> None:
    command = new_material(maintenance=Maintenance.FLAGGED, industry_sector="",
                           plants=(PlantView("1000", mrp_type="PD"),))

    posted = material_master.post(lookups(material={MATNR: "FERT"}), command)

    assert not posted.created and posted.message.msgno == "801"
    head = upserted(posted.rows.upserts, mara)[0]
    assert "mbrsh" not in head and "matkl" not in head
    assert upserted(posted.rows.upserts, marc) == [
        {"mandt": "100", "matnr": MATNR, "werks": "1000", "dismm": "PD"}]


@pytest.mark.parametrize(("command", "msgno"), [
    (new_material(material_type=""), "302"),
    (new_material(material_type="XXXX"), "158"),
    (new_material(base_unit=""), "302"),
    (new_material(base_unit="ZZ"), "351"),
    (new_material(plants=(PlantView("9999"),)), "351"),
    (new_material(valuations=(ValuationView("1000", price_control="X"),)), "352"),
    (new_material(texts=()), "302"),
    (new_material(deletion_flag="X"), "305"),
    (FlagMaterialForDeletion(MATNR), "305"),
], ids=["no type", "unknown type", "no unit", "unknown unit", "unknown plant",
        "price control", "no description", "deleting unknown", "flagging unknown"])
def test_a_material_command_that_fails_a_check_is_refused(
        command: SaveMaterial | FlagMaterialForDeletion, msgno: str) -> None:
    known = lookups()

    with pytest.raises(ApplicationError) as refused:
        material_master.post(known, command)

    assert (refused.value.sap_message.msgid, refused.value.sap_message.msgno) == ("M3", msgno)
    assert not known.exists(material_master.KIND, MATNR)


def test_flagging_a_known_material_changes_only_its_deletion_flag() -> None:
    posted = material_master.post(lookups(material={MATNR: "FERT"}),
                                  FlagMaterialForDeletion(MATNR))

    assert posted.flagged_for_deletion and not posted.rows.upserts
    assert posted.rows.updates == [(mara, {"mandt": "100", "matnr": MATNR},
                                    {"lvorm": "X", "laeda": "20260101",
                                     "aenam": "ALEREMOTE"})]


def outlet(*partners: PartnerFunction) -> SaveCustomer:
    return SaveCustomer("0001000001", account_group="ZOUT", name="Outlet", sales_areas=(
        SalesAreaData("1000", "10", "00", partners=partners),))


def test_an_outlet_replaces_its_partner_functions_and_may_name_itself() -> None:
    posted = customer_master.post(lookups(customer={"0000900001": "ZPC"}), outlet(
        PartnerFunction("AG"), PartnerFunction("ZP", "0000900001")))

    assert posted.created and posted.message.msgno == "172"
    assert posted.rows.deletes == [(knvp, {"mandt": "100", "kunnr": "0001000001",
                                           "vkorg": "1000", "vtweg": "10", "spart": "00"})]
    assert [(row["parvw"], row["parza"], row["kunn2"])
            for row in upserted(posted.rows.upserts, knvp)] == [
        ("AG", "000", "0001000001"), ("ZP", "000", "0000900001")]
    assert upserted(posted.rows.upserts, kna1)[0]["erdat"] == "20260101"


@pytest.mark.parametrize(("known", "partner", "msgno"), [
    ({}, PartnerFunction("ZP", "0000900001"), "112"),
    ({"0000900001": "ZOUT"}, PartnerFunction("ZP", "0000900001"), "113"),
    ({}, PartnerFunction("XX"), "200"),
], ids=["unknown partner", "not a provincial center", "unknown function"])
def test_a_partner_function_is_checked(known: dict[str, str], partner: PartnerFunction,
                                       msgno: str) -> None:
    with pytest.raises(ApplicationError) as refused:
        customer_master.post(lookups(customer=known), outlet(partner))

    assert refused.value.sap_message.msgno == msgno
