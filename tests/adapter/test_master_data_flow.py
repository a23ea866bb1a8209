"""Master data from SAP into the CRM: MATMAS → materials (+ maintenance queue), DEBMAS →
provincial centers and outlets.

The first part feeds IDocs to the adapter in-process; the last part runs the whole way: IDocs
posted into the real fake-sap server, distributed by its ALE outbound to the adapter served
on a loopback port.
"""

from __future__ import annotations

from decimal import Decimal

from crm_driver import CrmDriver, body, document, from_sap
from idoc_builders import customer, material, packet, summary

from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.testing.process import SapClient
from sap_client.steps.library import eventually

PRICES = {"STPRS": "12.50", "VERPR": "11.80", "ZPLP1": "15.00", "ZPLP2": "19.90",
          "PEINH": "1", "VPRSV": "S"}
OLDER = "20250101080000000000"
NEWER = "20250101090000000000"


def with_text(idoc: Idoc, language: str, text: str) -> Idoc:
    """Add a short text in another language (E1MAKTM with SPRAS_ISO)."""
    idoc.segments[0].children.append(
        SegmentData("E1MAKTM", {"SPRAS_ISO": language, "MAKTX": text}))
    return idoc


def with_valuation(idoc: Idoc, bwkey: str, **prices: str) -> Idoc:
    idoc.segments[0].children.append(SegmentData("E1MBEWM", {"BWKEY": bwkey, **prices}))
    return idoc


def receive(crm: CrmDriver, *idocs: Idoc) -> None:
    response = crm.receive(document(*idocs))
    assert response.status_code == 200, response.text


# --- materials --------------------------------------------------------------------------------

def test_a_new_material_is_created_with_what_sap_says(crm: CrmDriver) -> None:
    receive(crm, from_sap(with_text(material("4711", "Pump", valuation=PRICES, MATKL="PUMPS"),
                                    "ZH", "水泵")))

    created = crm.material("4711")
    assert created is not None
    assert {k: created[k] for k in ("material_number", "description_en", "description_zh",
                                    "material_type", "material_group", "base_unit",
                                    "deleted")} == {
        "material_number": "000000000000004711", "description_en": "Pump",
        "description_zh": "水泵", "material_type": "FERT", "material_group": "PUMPS",
        "base_unit": "ST", "deleted": False}
    assert (created["standard_price"], created["moving_average_price"],
            created["outlet_purchase_price"], created["retail_price"]) == (
        Decimal("12.50"), Decimal("11.80"), Decimal("15.00"), Decimal("19.90"))


def test_a_new_material_waits_in_the_maintenance_queue(crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711")))

    assert crm.maintenance_queue() == ["000000000000004711"]
    assert crm.material("4711")["position_number"] is None


def test_prices_of_another_valuation_area_are_not_the_crms_prices(crm: CrmDriver) -> None:
    receive(crm, from_sap(with_valuation(material("4711"), "1100", STPRS="99.00")))

    assert crm.material("4711")["standard_price"] is None


def test_a_changed_material_keeps_its_crm_only_fields(crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711", "Pump", valuation=PRICES), serial=OLDER))
    crm.maintain("4711", "A-01-03", "2")

    receive(crm, from_sap(material("4711", "Pump, stainless", MATKL="STEEL",
                                   valuation={**PRICES, "ZPLP2": "24.00"}), serial=NEWER))

    changed = crm.material("4711")
    assert (changed["description_en"], changed["material_group"], changed["retail_price"]) \
        == ("Pump, stainless", "STEEL", Decimal("24.00"))
    assert (changed["position_number"], changed["repair_level"]) == ("A-01-03", "2")
    assert crm.maintenance_queue() == []


def test_a_change_without_a_chinese_text_keeps_the_chinese_description(crm: CrmDriver) -> None:
    receive(crm, from_sap(with_text(material("4711", "Pump"), "ZH", "水泵"), serial=OLDER))

    receive(crm, from_sap(material("4711", "Pump, stainless"), serial=NEWER))

    assert crm.material("4711")["description_zh"] == "水泵"


def test_a_material_flagged_for_deletion_in_sap_is_marked_deleted_not_removed(
        crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711", "Pump"), serial=OLDER))

    receive(crm, from_sap(material("4711", "Pump", LVORM="X"), serial=NEWER))

    kept = crm.material("4711")
    assert kept is not None
    assert kept["deleted"] is True
    assert kept["description_en"] == "Pump"


def test_a_delete_message_flags_the_material_and_changes_nothing_else(crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711", "Pump", valuation=PRICES), serial=OLDER))

    receive(crm, from_sap(material("4711", None, MSGFN="003", MTART=""), serial=NEWER))

    kept = crm.material("4711")
    assert (kept["deleted"], kept["material_type"], kept["standard_price"]) \
        == (True, "FERT", Decimal("12.50"))


def test_a_material_sap_takes_the_deletion_flag_off_is_active_again(crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711", LVORM="X"), serial=OLDER))

    receive(crm, from_sap(material("4711"), serial=NEWER))

    assert crm.material("4711")["deleted"] is False


def test_one_document_creates_changes_and_flags_materials_each_as_sent_alone(
        crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711", "Pump", valuation=PRICES), serial=OLDER),
            from_sap(material("4712", "Valve"), serial=OLDER))
    crm.maintain("4711", "A-01-03", "2")

    response = crm.receive(document(
        from_sap(material("4711", "Pump, stainless"), serial=NEWER),
        from_sap(material("4712", None, MSGFN="003", MTART=""), serial=NEWER),
        from_sap(material("4713", "Seal", valuation=PRICES), serial=NEWER),
        from_sap(material("4714", None, MSGFN="003", MTART=""), serial=NEWER)))

    assert body(response)["processed"] == 4
    changed, flagged, created = (crm.material(n) for n in ("4711", "4712", "4713"))
    assert (changed["description_en"], changed["position_number"],
            changed["standard_price"]) == ("Pump, stainless", "A-01-03", Decimal("12.50"))
    assert (flagged["deleted"], flagged["description_en"]) == (True, "Valve")
    assert created["standard_price"] == Decimal("12.50")
    assert crm.material("4714") is None
    assert [number.lstrip("0") for number in crm.maintenance_queue()] \
        == ["4712", "4713"]
    assert [e["reason"] for e in crm.inbox()][-4:] == [
        "material 000000000000004711 updated",
        "material 000000000000004712 flagged for deletion",
        "material 000000000000004713 created and queued for maintenance",
        "material 000000000000004714 is not in the CRM; nothing to flag for deletion"]


# --- the maintenance API ------------------------------------------------------------------------

def test_maintaining_a_material_sets_its_fields_and_takes_it_off_the_queue(
        crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711")), from_sap(material("4712")))

    response = crm.maintain("4711", "A-01-03", "2")

    assert response.status_code == 200
    assert (body(response)["material"]["position_number"],
            body(response)["material"]["repair_level"]) == ("A-01-03", "2")
    assert crm.maintenance_queue() == ["000000000000004712"]


def test_maintenance_needs_both_fields(crm: CrmDriver) -> None:
    receive(crm, from_sap(material("4711")))

    response = crm.maintain("4711", "A-01-03", " ")

    assert response.status_code == 400
    assert body(response)["message"] == "repair_level is required"
    assert crm.maintenance_queue() == ["000000000000004711"]


def test_maintaining_an_unknown_material_is_404(crm: CrmDriver) -> None:
    assert crm.maintain("4711", "A-01-03", "2").status_code == 404


# --- provincial centers and outlets -------------------------------------------------------------

def test_a_provincial_center_is_created_under_sap_s_number_and_name(crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9100", "ZPC", name="Hubei provincial center",
                                   ORT01="Wuhan")))

    center = crm.provincial_center("9100")
    assert center is not None
    assert (center["customer_number"], center["name"], center["city"]) == (
        "0000009100", "Hubei provincial center", "Wuhan")
    assert crm.outlet("9100") is None


def test_an_outlet_belongs_to_the_center_sap_names_as_zp_partner(crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9100", "ZPC", name="Hubei center")))

    receive(crm, from_sap(customer("9001", "ZOUT", "9100", name="Wuhan outlet")))

    outlet = crm.outlet("9001")
    assert outlet is not None
    assert (outlet["name"], outlet["provincial_center"]) == ("Wuhan outlet", "0000009100")
    assert crm.outlets_of("9100") == ["0000009001"]


def test_an_outlet_arriving_before_its_center_is_kept_with_a_pending_mapping(
        crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9001", "ZOUT", "9100")))

    [entry] = crm.inbox()
    assert entry["status"] == "processed"
    assert "mapping pending" in entry["reason"]
    assert crm.outlet("9001")["provincial_center"] == "0000009100"
    assert crm.outlets_with_pending_center() == ["0000009001"]


def test_the_pending_mapping_completes_when_the_center_arrives(crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9001", "ZOUT", "9100")))

    receive(crm, from_sap(customer("9100", "ZPC", name="Hubei center")))

    assert crm.outlets_with_pending_center() == []
    assert crm.outlets_of("9100") == ["0000009001"]


def test_an_outlet_moved_to_another_center_is_updated(crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9100", "ZPC")), from_sap(customer("9200", "ZPC")))
    receive(crm, from_sap(customer("9001", "ZOUT", "9100"), serial=OLDER))

    receive(crm, from_sap(customer("9001", "ZOUT", "9200"), serial=NEWER))

    assert crm.outlets_of("9100") == []
    assert crm.outlets_of("9200") == ["0000009001"]


def test_a_customer_of_another_account_group_is_not_crm_master_data(crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9300", "0001", name="Walk-in customer")))

    [entry] = crm.inbox()
    assert entry["status"] == "processed"
    assert "ignored" in entry["reason"]
    assert crm.provincial_center("9300") is None and crm.outlet("9300") is None


def test_a_center_sent_as_an_outlet_is_refused_and_kept_as_failed(crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9100", "ZPC"), serial=OLDER))

    receive(crm, from_sap(customer("9100", "ZOUT", "9200"), serial=NEWER))

    [failed] = crm.inbox(status="failed")
    assert failed["reason"] == ("customer 0000009100 is a provincial center in the CRM but "
                                "SAP sends it with account group ZOUT")
    assert crm.outlet("9100") is None


def test_a_customer_flagged_for_deletion_in_sap_is_marked_deleted(crm: CrmDriver) -> None:
    receive(crm, from_sap(customer("9100", "ZPC"), serial=OLDER))

    receive(crm, from_sap(customer("9100", "ZPC", LOEVM="X"), serial=NEWER))

    assert crm.provincial_center("9100")["deleted"] is True


# --- end to end: fake-sap distributes, the served adapter receives ------------------------------

#: the system whose master-data changes the tests post into SAP
MDM = {"SNDPRN": "MDMCLNT100"}


def post_to_sap(sap: SapClient, idoc_type: IdocType, *idocs: Idoc) -> None:
    """Change master data in SAP (an inbound IDoc it posts, which writes change pointers)."""
    response = sap.post_idocs(packet(idoc_type, list(idocs)))
    assert response.status_code == 200, response.text
    assert summary(response)["statuses"] == {"53": len(idocs)}, response.text


def test_e2e_a_new_material_in_sap_arrives_created_and_queued(
        sap_to_crm: SapClient, crm_over_http: CrmDriver) -> None:
    post_to_sap(sap_to_crm, MATMAS05, with_text(
        material("4711", "Pump", valuation=PRICES, control=MDM), "ZH", "水泵"))

    arrived = crm_over_http.wait_for_material("4711")

    assert (arrived["description_en"], arrived["description_zh"]) == ("Pump", "水泵")
    assert (arrived["standard_price"], arrived["moving_average_price"],
            arrived["outlet_purchase_price"], arrived["retail_price"]) == (
        Decimal("12.50"), Decimal("11.80"), Decimal("15.00"), Decimal("19.90"))
    assert crm_over_http.maintenance_queue() == ["000000000000004711"]
    [entry] = crm_over_http.inbox()
    assert entry["sender"] == f"FAKCLNT{sap_to_crm.number}"


def test_e2e_a_changed_material_is_updated_and_keeps_its_crm_only_fields(
        sap_to_crm: SapClient, crm_over_http: CrmDriver) -> None:
    post_to_sap(sap_to_crm, MATMAS05, material("4711", "Pump", valuation=PRICES, control=MDM))
    crm_over_http.wait_for_material("4711")
    assert crm_over_http.maintain("4711", "A-01-03", "2").status_code == 200

    post_to_sap(sap_to_crm, MATMAS05, material("4711", "Pump, stainless", control=MDM,
                                               valuation={**PRICES, "ZPLP2": "24.00"}))

    changed = crm_over_http.wait_for_material(
        "4711", lambda m: m["description_en"] == "Pump, stainless")
    assert changed["retail_price"] == Decimal("24.00")
    assert (changed["position_number"], changed["repair_level"]) == ("A-01-03", "2")
    assert crm_over_http.maintenance_queue() == []


def test_e2e_changes_sent_in_parallel_packets_leave_each_material_as_sap_has_it(
        sap_to_crm_in_parallel: SapClient, crm_over_http: CrmDriver) -> None:
    sap = sap_to_crm_in_parallel
    numbers = [f"47{n:02d}" for n in range(6)]
    for version in (1, 2, 3):
        post_to_sap(sap, MATMAS05, *[
            material(number, f"Pump v{version}", control=MDM) for number in numbers])
    sent = eventually(lambda: sap.idocs(direction="outbound"),
                      lambda idocs: {i["status"] for i in idocs} == {"03"},
                      what="every outbound IDoc passed to the CRM")
    settled = eventually(crm_over_http.inbox,
                         lambda entries: len(entries) == len(sent) and all(
                             e["status"] in ("processed", "obsolete") for e in entries),
                         what="every IDoc applied or found obsolete in the CRM")

    assert len(settled) == len(sent) >= len(numbers)
    assert {crm_over_http.material(number)["description_en"] for number in numbers} == \
        {"Pump v3"}


def test_e2e_a_material_flagged_for_deletion_in_sap_is_marked_deleted(
        sap_to_crm: SapClient, crm_over_http: CrmDriver) -> None:
    post_to_sap(sap_to_crm, MATMAS05, material("4711", "Pump", control=MDM))
    crm_over_http.wait_for_material("4711")

    post_to_sap(sap_to_crm, MATMAS05, material("4711", "Pump", LVORM="X", control=MDM))

    deleted = crm_over_http.wait_for_material("4711", lambda m: m["deleted"])
    assert deleted["description_en"] == "Pump"


def test_e2e_an_outlet_and_its_center_arrive_and_are_mapped(
        sap_to_crm: SapClient, crm_over_http: CrmDriver) -> None:
    post_to_sap(sap_to_crm, DEBMAS07, customer("9100", "ZPC", name="Hubei center", control=MDM))
    post_to_sap(sap_to_crm, DEBMAS07, customer("9001", "ZOUT", "9100", name="Wuhan outlet",
                                               control=MDM))

    outlet = crm_over_http.wait_for_outlet("9001")

    assert (outlet["name"], outlet["provincial_center"]) == ("Wuhan outlet", "0000009100")
    center = crm_over_http.provincial_center("9100")
    assert center is not None and center["name"] == "Hubei center"
    assert crm_over_http.outlets_with_pending_center() == []


def test_e2e_an_outlet_moved_to_another_center_in_sap_moves_in_the_crm(
        sap_to_crm: SapClient, crm_over_http: CrmDriver) -> None:
    post_to_sap(sap_to_crm, DEBMAS07, customer("9100", "ZPC", control=MDM),
                customer("9200", "ZPC", control=MDM))
    post_to_sap(sap_to_crm, DEBMAS07, customer("9001", "ZOUT", "9100", control=MDM))
    crm_over_http.wait_for_outlet("9001", lambda o: o["provincial_center"] == "0000009100")

    post_to_sap(sap_to_crm, DEBMAS07, customer("9001", "ZOUT", "9200", control=MDM))

    crm_over_http.wait_for_outlet("9001", lambda o: o["provincial_center"] == "0000009200")
    assert crm_over_http.outlets_of("9100") == []

