"""Inbound IDoc-XML over the real server: packets, status trails, 51/56/60/68, master data."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from idoc_builders import (
    SENDER,
    SapTables,
    add_element,
    canonical,
    customer,
    docnums,
    idoc_as_document,
    last_status_text,
    material,
    packet,
    remove_element,
    set_text,
    summary,
    trail,
)

from fake_sap.db.schema import bdcp2, kna1, makt, mara, mbew
from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.testing.process import SapClient

POSTED = ["50", "64", "53"]


@pytest.fixture
def tables(sap: SapClient) -> SapTables:
    return SapTables(sap.server.db_url, sap.number)


def post(sap: SapClient, document: bytes) -> list[str]:
    """Post a document that must be accepted; return its DOCNUMs."""
    response = sap.post_idocs(document)
    assert response.status_code == 200, response.text
    return docnums(response)


def post_one(sap: SapClient, document: bytes) -> str:
    [docnum] = post(sap, document)
    return docnum


# --- packets ---------------------------------------------------------------------------------

def test_each_idoc_of_a_packet_gets_its_own_consecutive_16_digit_docnum(sap):
    response = sap.post_idocs(packet(MATMAS05, [material(f"M-{i}") for i in range(3)]))

    stored = sorted(i["docnum"] for i in sap.idocs(direction="inbound"))
    assert len(stored) == 3
    assert all(len(n) == 16 and n.isdigit() for n in stored)
    assert [int(n) for n in stored] == list(range(int(stored[0]), int(stored[0]) + 3))
    assert (summary(response)["first"], summary(response)["last"]) == (stored[0], stored[-1])


def test_the_response_summarises_count_docnum_range_and_statuses(sap):
    idocs = [material("M-1"), material("M-2", MTART="XXXX"), material("M-3")]

    result = summary(sap.post_idocs(packet(MATMAS05, idocs)))

    assert result["count"] == 3
    assert int(result["last"]) == int(result["first"]) + 2
    assert result["statuses"] == {"53": 2, "51": 1}


def test_every_idoc_of_a_packet_has_the_status_trail_50_64_53(sap):
    numbers = post(sap, packet(MATMAS05, [material("M-1"), material("M-2")]))

    assert [trail(sap, n) for n in numbers] == [POSTED, POSTED]


def test_in_a_mixed_packet_the_bad_idoc_gets_51_with_the_application_message(sap):
    idocs = [material("M-1"), material("M-2", valuation={"BWKEY": "9999"}), material("M-3")]

    first, bad, last = post(sap, packet(MATMAS05, idocs))

    assert trail(sap, first) == POSTED and trail(sap, last) == POSTED
    assert trail(sap, bad) == ["50", "64", "51"]
    assert last_status_text(sap, bad) == "Valuation area 9999 does not exist"


def test_the_good_idocs_of_a_mixed_packet_are_posted_and_the_bad_one_is_not(sap, tables):
    idocs = [material("M-1"), material("M-2", valuation={"BWKEY": "9999"}), material("M-3")]

    post(sap, packet(MATMAS05, idocs))

    assert [tables.row(mara, matnr=m) is not None for m in ("M-1", "M-2", "M-3")] == \
        [True, False, True]


def test_a_later_idoc_of_a_packet_changes_the_object_an_earlier_one_created(sap, tables):
    first, second = post(sap, packet(MATMAS05, [material("M-1", "Pump"),
                                                material("M-1", "Pump 2000")]))

    assert last_status_text(sap, first) == "Material M-1 created"
    assert last_status_text(sap, second) == "Material M-1 changed"
    assert tables.row(makt, matnr="M-1", spras="E")["maktx"] == "Pump 2000"


def test_a_provincial_center_earlier_in_the_packet_is_known_to_its_outlets(sap):
    numbers = post(sap, packet(DEBMAS07, [
        customer("900", "ZPC", name="Provincial center"),
        customer("7001", "ZOUT", provincial_center="900"),
        customer("7002", "ZOUT", provincial_center="900")]))

    assert [trail(sap, n) for n in numbers] == [POSTED] * 3


def test_every_idoc_of_a_packet_is_stored_with_its_original_xml(sap):
    document = packet(MATMAS05, [material("M-1"), material("M-2", MTART="XXXX")])

    numbers = post(sap, document)

    for index, docnum in enumerate(numbers, start=1):
        assert canonical(sap.idoc(docnum)["xml"]) == idoc_as_document(document, index)


# --- 51 and reprocessing (BD87) --------------------------------------------------------------

def test_an_outlet_naming_an_unknown_provincial_center_gets_51(sap):
    outlet = post_one(sap, packet(DEBMAS07, [customer("7001", "ZOUT", provincial_center="900")]))

    assert trail(sap, outlet) == ["50", "64", "51"]
    assert last_status_text(sap, outlet) == \
        "Customer 900 (partner function ZP) does not exist"


def test_reprocessing_the_outlet_after_its_provincial_center_arrived_posts_it(sap, tables):
    outlet = post_one(sap, packet(DEBMAS07, [customer("7001", "ZOUT", provincial_center="900")]))
    post_one(sap, packet(DEBMAS07, [customer("900", "ZPC", name="Provincial center")]))

    response = sap.process(outlet)

    assert response.status_code == 200
    assert response.json()["status"] == "53"
    assert trail(sap, outlet) == ["50", "64", "51", "64", "53"]
    assert last_status_text(sap, outlet) == "Customer 7001 has been created"


def test_reprocessing_an_idoc_that_is_already_posted_is_refused_with_409(sap):
    docnum = post_one(sap, packet(MATMAS05, [material("M-1")]))

    response = sap.process(docnum)

    assert response.status_code == 409
    assert trail(sap, docnum) == POSTED


def test_reprocessing_an_idoc_that_still_fails_records_another_51(sap):
    outlet = post_one(sap, packet(DEBMAS07, [customer("7001", "ZOUT", provincial_center="900")]))

    response = sap.process(outlet)

    assert response.json()["status"] == "51"
    assert trail(sap, outlet) == ["50", "64", "51", "64", "51"]


def test_reprocessing_an_unknown_idoc_answers_404(sap):
    assert sap.process("0000000000009999").status_code == 404


# --- 56: control record and partner profile --------------------------------------------------

def test_an_unknown_idoc_type_gets_56(sap):
    document = set_text(packet(MATMAS05, [material("M-1")]), "IDOC/EDI_DC40/IDOCTYP",
                        "ZZMAT01")

    docnum = post_one(sap, document)

    assert trail(sap, docnum) == ["56"]
    assert "IDoc type ZZMAT01 is not defined" in last_status_text(sap, docnum)


def test_a_message_type_not_assigned_to_the_idoc_type_gets_56(sap):
    docnum = post_one(sap, packet(MATMAS05, [material("M-1", control={"MESTYP": "DEBMAS"})]))

    assert trail(sap, docnum) == ["56"]
    assert "message type DEBMAS is not assigned to IDoc type MATMAS05" in \
        last_status_text(sap, docnum)


def test_a_control_record_from_another_client_is_posted_in_the_receiving_client(sap, tables):
    # the sender's client (EDI_DC40-MANDT) is not used on receipt (SAP Help, EWM 2007 "Data
    # Formatting"); a real sender in client 800 posts to our client as any other
    other = "800" if sap.number != "800" else "801"

    docnum = post_one(sap, packet(MATMAS05, [material("M-1", control={"MANDT": other})]))

    assert trail(sap, docnum) == POSTED
    assert tables.row(mara, matnr="M-1") is not None


def test_strict_partner_check_refuses_a_sender_without_inbound_profile(sap, tables):
    sap.set_options(strict_partner_check=True)

    docnum = post_one(sap, packet(MATMAS05, [material("M-1")]))

    assert trail(sap, docnum) == ["56"]
    assert last_status_text(sap, docnum) == \
        f"No inbound partner profile for LS {SENDER} message type MATMAS"
    assert tables.row(mara, matnr="M-1") is None


def test_strict_partner_check_accepts_a_partner_with_an_inbound_profile(sap):
    sap.set_options(strict_partner_check=True)
    sap.register_partner(SENDER, inbound=["MATMAS"])

    docnum = post_one(sap, packet(MATMAS05, [material("M-1")]))

    assert trail(sap, docnum) == POSTED


def test_strict_partner_check_needs_the_profile_for_the_message_type(sap):
    sap.set_options(strict_partner_check=True)
    sap.register_partner(SENDER, inbound=["DEBMAS"])

    docnum = post_one(sap, packet(MATMAS05, [material("M-1")]))

    assert trail(sap, docnum) == ["56"]


def test_without_strict_partner_check_any_sender_is_accepted(sap):
    docnum = post_one(sap, packet(MATMAS05, [material("M-1", control={"SNDPRN": "UNKNOWN"})]))

    assert trail(sap, docnum) == POSTED


# --- 60: syntax errors -----------------------------------------------------------------------

def _unknown_segment() -> bytes:
    return add_element(packet(MATMAS05, [material("M-1")]), "IDOC/E1MARAM", "Z1FOO",
                       segment=True)


def _unknown_field() -> bytes:
    return add_element(packet(MATMAS05, [material("M-1")]), "IDOC/E1MARAM/E1MAKTM", "COLOUR",
                       "red")


SYNTAX_ERRORS = {
    "unknown segment": (_unknown_segment, "IDOC[1]/E1MARAM: segment Z1FOO is not allowed"),
    "unknown field": (_unknown_field,
                      "IDOC[1]/E1MARAM/E1MAKTM[1]/COLOUR: field COLOUR is not defined"),
    "field too long": (
        lambda: packet(MATMAS05, [material("M-1", description="x" * 41)]),
        "IDOC[1]/E1MARAM/E1MAKTM[1]/MAKTX: value 'xxxxxxxxxx"),
    "NUMC with letters": (
        lambda: packet(MATMAS05, [material("M-1", valuation={"PEINH": "1O"})]),
        "IDOC[1]/E1MARAM/E1MBEWM[1]/PEINH: value '1O' is not numeric"),
    "missing mandatory segment": (
        lambda: remove_element(packet(MATMAS05, [material("M-1")]), "IDOC/E1MARAM"),
        "IDOC[1]: segment E1MARAM is missing"),
    "missing mandatory field": (
        lambda: packet(MATMAS05, [material("M-1", valuation={"BWKEY": ""})]),
        "IDOC[1]/E1MARAM/E1MBEWM[1]/BWKEY: mandatory field is empty"),
}


@pytest.mark.parametrize("document, message", SYNTAX_ERRORS.values(), ids=SYNTAX_ERRORS)
def test_a_syntax_error_gets_60_naming_segment_path_and_field(sap, tables, document, message):
    docnum = post_one(sap, document())

    assert trail(sap, docnum) == ["50", "60"]
    assert last_status_text(sap, docnum).startswith(message)
    assert tables.row(mara, matnr="M-1") is None


def test_a_syntax_error_about_a_very_long_field_name_is_still_recorded(sap):
    name = "Z" * 200
    document = add_element(packet(MATMAS05, [material("M-1")]), "IDOC/E1MARAM", name, "x")

    docnum = post_one(sap, document)

    assert trail(sap, docnum) == ["50", "60"]
    assert last_status_text(sap, docnum).startswith(f"IDOC[1]/E1MARAM/{name[:50]}")


def test_empty_elements_are_empty_fields_not_syntax_errors(sap):
    document = packet(MATMAS05, [material("M-1", valuation={"STPRS": "10.00"})])
    for path, name in (("IDOC/EDI_DC40", "DOCNUM"), ("IDOC/EDI_DC40", "CREDAT"),
                       ("IDOC/E1MARAM/E1MBEWM", "PEINH")):
        document = add_element(document, path, name)

    docnum = post_one(sap, document)

    assert trail(sap, docnum) == POSTED


def test_a_syntax_error_is_reported_for_the_idoc_it_is_in(sap):
    document = add_element(packet(MATMAS05, [material("M-1"), material("M-2")]),
                           "IDOC[2]/E1MARAM", "Z1FOO", segment=True)

    first, second = post(sap, document)

    assert trail(sap, first) == POSTED
    assert last_status_text(sap, second).startswith("IDOC[2]/E1MARAM: segment Z1FOO")


def _description_under_the_plant() -> bytes:
    document = add_element(packet(MATMAS05, [material("M-1")]), "IDOC/E1MARAM", "E1MARCM",
                           segment=True)
    document = add_element(document, "IDOC/E1MARAM/E1MARCM", "WERKS", "1000")
    document = add_element(document, "IDOC/E1MARAM/E1MARCM", "E1MAKTM", segment=True)
    return add_element(document, "IDOC/E1MARAM/E1MARCM/E1MAKTM", "MAKTX", "Pump")


def _plant_at_the_top_level() -> bytes:
    document = add_element(packet(MATMAS05, [material("M-1")]), "IDOC", "E1MARCM",
                           segment=True)
    return add_element(document, "IDOC/E1MARCM", "WERKS", "1000")


HIERARCHY_FINDINGS = {
    "declared segment under the wrong parent": (
        _description_under_the_plant,
        "IDOC[1]/E1MARAM/E1MARCM[1]: segment E1MAKTM is not allowed here", "077"),
    "child segment at the top level": (
        _plant_at_the_top_level, "IDOC[1]: segment E1MARCM is not allowed here", "077"),
    "segment the type does not declare": (
        _unknown_segment, "IDOC[1]/E1MARAM: segment Z1FOO is not allowed here", "072"),
}


@pytest.mark.parametrize("document, text, number", HIERARCHY_FINDINGS.values(),
                         ids=HIERARCHY_FINDINGS)
def test_a_segment_at_the_wrong_hierarchy_level_gets_60_with_e0_077_an_unknown_one_e0_072(
        sap, tables, document, text, number):
    docnum = post_one(sap, document())

    shown = sap.idoc(docnum)
    last = shown["status_records"][-1]
    assert (shown["status"], last["message_id"], last["message_number"]) == ("60", "E0", number)
    assert last["text"] == text
    assert [i["status"] for i in sap.idocs(direction="inbound") if i["docnum"] == docnum] == \
        ["60"]
    assert tables.row(mara, matnr="M-1") is None


# --- 68: duplicates and serialization --------------------------------------------------------

def _with_sender_docnums(descriptions: list[str], first: int = 1) -> bytes:
    return packet(MATMAS05, [
        material(f"M-{i}", description, control={"DOCNUM": f"{first + i:016d}"})
        for i, description in enumerate(descriptions)])


def test_a_packet_received_twice_is_recorded_again_with_68(sap):
    originals = post(sap, _with_sender_docnums(["Pump", "Valve"]))

    duplicates = post(sap, _with_sender_docnums(["Pump", "Valve"]))

    assert [trail(sap, d) for d in duplicates] == [["50", "68"], ["50", "68"]]
    for original, duplicate, sender_docnum in zip(originals, duplicates, ("1", "2"),
                                                  strict=True):
        assert last_status_text(sap, duplicate) == (
            f"Duplicate: sender IDoc {sender_docnum} was already received as IDoc {original}")


def test_a_duplicate_is_not_posted_again(sap, tables):
    post(sap, _with_sender_docnums(["Pump"]))

    post(sap, _with_sender_docnums(["Pump, changed"]))

    assert tables.row(makt, matnr="M-0", spras="E")["maktx"] == "Pump"
    assert [p["cdchgid"] for p in tables.rows(bdcp2, tabkey="M-0")] == ["I"]


def test_an_idoc_refused_with_60_does_not_make_its_corrected_resend_a_duplicate(sap, tables):
    refused = post_one(sap, packet(MATMAS05, [
        material("M-0", description="x" * 41, control={"DOCNUM": f"{1:016d}"})]))

    resent = post_one(sap, _with_sender_docnums(["Pump"]))

    assert trail(sap, refused) == ["50", "60"]
    assert trail(sap, resent) == POSTED
    assert tables.row(makt, matnr="M-0", spras="E")["maktx"] == "Pump"


def test_a_duplicate_with_a_syntax_error_gets_60_and_the_original_stays(sap, tables):
    post(sap, _with_sender_docnums(["Pump"]))

    again = post_one(sap, packet(MATMAS05, [
        material("M-0", description="x" * 41, control={"DOCNUM": f"{1:016d}"})]))

    assert trail(sap, again) == ["50", "60"]
    assert tables.row(makt, matnr="M-0", spras="E")["maktx"] == "Pump"


def test_the_same_packet_posted_twice_at_once_is_posted_only_once(sap):
    document = _with_sender_docnums(["Pump", "Valve"])

    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(sap.post_idocs, [document, document]))

    outcomes = [summary(r)["statuses"] for r in responses]
    assert {"53": 2} in outcomes and {"68": 2} in outcomes


def test_the_same_sender_docnum_from_another_sender_is_not_a_duplicate(sap):
    post(sap, _with_sender_docnums(["Pump"]))
    other = material("M-0", control={"DOCNUM": "0000000000000001", "SNDPRN": "OTHERSYS"})

    docnum = post_one(sap, packet(MATMAS05, [other]))

    assert trail(sap, docnum) == POSTED


def _serialized(serial: str, description: str) -> bytes:
    return packet(MATMAS05, [material("M-1", description, control={"SERIAL": serial})])


def test_the_same_serial_for_the_same_material_is_not_posted_twice(sap, tables):
    first = post_one(sap, _serialized("20240501120000", "Pump"))

    second = post_one(sap, _serialized("20240501120000", "Pump, changed"))

    assert trail(sap, second) == ["50", "64", "68"]
    assert first in last_status_text(sap, second)
    assert tables.row(makt, matnr="M-1", spras="E")["maktx"] == "Pump"


def test_an_older_serial_after_a_newer_one_is_not_posted(sap, tables):
    post_one(sap, _serialized("20240501120000", "Pump, newer"))

    older = post_one(sap, _serialized("20240501110000", "Pump, older"))

    assert trail(sap, older) == ["50", "64", "68"]
    assert tables.row(makt, matnr="M-1", spras="E")["maktx"] == "Pump, newer"


def test_a_newer_serial_is_posted(sap, tables):
    post_one(sap, _serialized("20240501110000", "Pump, older"))

    newer = post_one(sap, _serialized("20240501120000", "Pump, newer"))

    assert trail(sap, newer) == POSTED
    assert tables.row(makt, matnr="M-1", spras="E")["maktx"] == "Pump, newer"


def test_serials_of_different_materials_are_independent(sap):
    post_one(sap, _serialized("20240501120000", "Pump"))
    other = material("M-2", control={"SERIAL": "20240501110000"})

    docnum = post_one(sap, packet(MATMAS05, [other]))

    assert trail(sap, docnum) == POSTED


def test_an_older_serial_in_the_same_packet_is_not_posted(sap, tables):
    newer = material("M-1", "Pump, newer", control={"SERIAL": "20240501120000"})
    older = material("M-1", "Pump, older", control={"SERIAL": "20240501110000"})

    first, second = post(sap, packet(MATMAS05, [newer, older]))

    assert trail(sap, first) == POSTED and trail(sap, second) == ["50", "64", "68"]
    assert tables.row(makt, matnr="M-1", spras="E")["maktx"] == "Pump, newer"


# --- master data effects ---------------------------------------------------------------------

PRICES = {"STPRS": "10.00", "VERPR": "11.00", "ZPLP1": "8.50", "ZPLP2": "19.90"}
NEW_PRICES = {"STPRS": "12.00", "VERPR": "12.50", "ZPLP1": "9.00", "ZPLP2": "21.00"}


def _prices(tables: SapTables, matnr: str) -> dict[str, str]:
    row = tables.row(mbew, matnr=matnr, bwkey="1000", bwtar="")
    assert row is not None
    return {k.upper(): row[k] for k in ("stprs", "verpr", "zplp1", "zplp2")}


def test_a_new_material_is_created_with_description_and_prices(sap, tables):
    docnum = post_one(sap, packet(MATMAS05, [material("M-1", "Pump", valuation=PRICES,
                                                      MEINS="PC")]))

    assert last_status_text(sap, docnum) == "Material M-1 created"
    assert tables.row(mara, matnr="M-1")["meins"] == "PC"
    assert tables.row(makt, matnr="M-1", spras="E")["maktx"] == "Pump"
    assert _prices(tables, "M-1") == {"STPRS": "10.00", "VERPR": "11.00", "ZPLP1": "8.50",
                                      "ZPLP2": "19.90"}


def test_a_change_updates_description_and_prices_and_keeps_the_creation_date(sap, tables):
    post_one(sap, packet(MATMAS05, [material("M-1", "Pump", valuation=PRICES,
                                             ERSDA="20200101")]))

    docnum = post_one(sap, packet(MATMAS05, [material("M-1", "Pump 2000", valuation=NEW_PRICES,
                                                      MSGFN="004")]))

    assert last_status_text(sap, docnum) == "Material M-1 changed"
    assert tables.row(makt, matnr="M-1", spras="E")["maktx"] == "Pump 2000"
    assert _prices(tables, "M-1") == NEW_PRICES
    assert tables.row(mara, matnr="M-1")["ersda"] == "20200101"


def test_msgfn_003_flags_the_material_for_deletion(sap, tables):
    post_one(sap, packet(MATMAS05, [material("M-1")]))

    docnum = post_one(sap, packet(MATMAS05, [material("M-1", None, MSGFN="003")]))

    assert last_status_text(sap, docnum) == "Material M-1 flagged for deletion"
    assert tables.row(mara, matnr="M-1")["lvorm"] == "X"


def test_lvorm_x_flags_the_material_for_deletion(sap, tables):
    post_one(sap, packet(MATMAS05, [material("M-1")]))

    post_one(sap, packet(MATMAS05, [material("M-1", LVORM="X")]))

    assert tables.row(mara, matnr="M-1")["lvorm"] == "X"


def test_a_deletion_flag_keeps_the_rest_of_the_material(sap, tables):
    post_one(sap, packet(MATMAS05, [material("M-1", MEINS="KG", MATKL="PUMPS")]))

    post_one(sap, packet(MATMAS05, [material("M-1", None, MSGFN="003", MTART="",
                                             MEINS="")]))

    row = tables.row(mara, matnr="M-1")
    assert (row["lvorm"], row["meins"], row["matkl"], row["mtart"]) == \
        ("X", "KG", "PUMPS", "FERT")


def test_a_customer_deletion_flag_keeps_the_rest_of_the_customer(sap, tables):
    post_one(sap, packet(DEBMAS07, [customer("900", "ZPC", name="Provincial center")]))

    docnum = post_one(sap, packet(DEBMAS07, [customer("900", "", name="", MSGFN="003")]))

    assert last_status_text(sap, docnum) == "Customer 900 flagged for deletion"
    row = tables.row(kna1, kunnr="0000000900")
    assert (row["loevm"], row["name1"], row["ktokd"]) == ("X", "Provincial center", "ZPC")


def test_deleting_an_unknown_material_gets_51(sap):
    docnum = post_one(sap, packet(MATMAS05, [material("M-1", None, MSGFN="003")]))

    assert trail(sap, docnum) == ["50", "64", "51"]
    assert last_status_text(sap, docnum) == "Material M-1 does not exist"


def test_a_chinese_description_is_stored_as_sent(sap, tables):
    idoc = material("M-1", "潜水泵 220V", MEINS="PC")
    idoc.segments[0].children[0].values["SPRAS_ISO"] = "ZH"

    post_one(sap, packet(MATMAS05, [idoc]))

    assert tables.row(makt, matnr="M-1", spras="1")["maktx"] == "潜水泵 220V"


def test_a_numeric_material_number_is_stored_with_leading_zeros(sap, tables):
    docnum = post_one(sap, packet(MATMAS05, [material("4711")]))

    assert sap.idoc(docnum)["object_key"] == "000000000000004711"
    assert tables.row(mara, matnr="000000000000004711") is not None


def test_a_numeric_material_number_with_leading_zeros_is_the_same_material(sap):
    post_one(sap, packet(MATMAS05, [material("4711")]))

    docnum = post_one(sap, packet(MATMAS05, [material("000000000000004711", "Pump 2")]))

    assert last_status_text(sap, docnum) == "Material 4711 changed"


def test_an_alphanumeric_material_number_is_kept_as_sent(sap, tables):
    docnum = post_one(sap, packet(MATMAS05, [material("PUMP-4711")]))

    assert sap.idoc(docnum)["object_key"] == "PUMP-4711"
    assert tables.row(mara, matnr="PUMP-4711") is not None
