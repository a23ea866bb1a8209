"""The findings ``fake-sap parity`` derives, without a database: DROP from the ORDERS
mapping's declared reads, and the comparison of a sent value with the stored one."""

from __future__ import annotations

import pytest

from fake_sap.ale import parity
from fake_sap.ale.inbound import orders
from fake_sap.basis.iso_codes import BASELINE, CodeMap
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.types import ORDERS05
from fake_sap.sd import codes

pytestmark = pytest.mark.unit

STANDARD = {s.name for s in ORDERS05.all_segments() if not s.extension}


def drops(*segments: SegmentData) -> list[str]:
    return [f"{f.path}: {f.detail}" for f in parity.dropped_fields(
        "sent.xml: IDOC[1]", list(segments), orders.READS, STANDARD, "")]


def test_only_filled_fields_no_declaration_reads_are_dropped() -> None:
    header = SegmentData("E1EDK01", {"CURCY": "CNY", "ZTERM": "0001", "BSART": ""})

    assert drops(header) == ["E1EDK01/ZTERM: '0001' not kept (no posting logic reads it; "
                             "kept in the stored IDoc)"]


def test_the_value_of_a_qualifier_the_mapping_does_not_read_is_dropped() -> None:
    assert drops(SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "1"}),
                 SegmentData("E1EDKA1", {"PARVW": "RE", "PARTN": "2"})) == [
        "E1EDKA1[2]/PARTN: '2' not kept (PARVW 'RE' is not read; kept in the stored IDoc)"]


def test_a_field_read_only_to_check_it_is_dropped() -> None:
    item = SegmentData("E1EDP01", {"MENEE": "PCE", "PMENE": "PCE"})

    assert drops(item) == ["E1EDP01/PMENE: 'PCE' not kept (only checked; kept in the "
                           "stored IDoc)"]


def test_a_customer_segment_is_one_line_and_an_empty_one_none() -> None:
    header = SegmentData("E1EDK01", {"CURCY": "CNY"}, [
        SegmentData("Z1EDK01", {"ZZROUTE": "R-1"}), SegmentData("Z1EDK01", {"ZZROUTE": ""})])

    assert drops(header) == ["E1EDK01/Z1EDK01: segment kept in the IDoc, not posted (a "
                             "customer segment of an extension)"]


@pytest.mark.parametrize(("sent", "stored", "compared", "same"), [
    ("PCE", "ST", parity.Compared.UNIT, True),
    ("ST", "ST", parity.Compared.UNIT, False),  # an internal code where SAP sends ISO
    ("PCE", "PC", parity.Compared.UNIT, True),  # PC leaves as PCE, without the flag too
    ("CNY", "CNY", parity.Compared.CURRENCY, True),
    ("2", "2.000", parity.Compared.NUMBER, True),
    ("10", "000010", parity.Compared.NUMBER, True),
    ("4711", "0000004711", parity.Compared.TEXT, False),  # ALPHA counts
])
def test_a_sent_value_is_compared_with_the_stored_one_by_its_kind(
        sent: str, stored: str, compared: parity.Compared, same: bool) -> None:
    assert parity.same_value(sent, stored, compared, BASELINE) is same


def test_the_sales_bapis_convert_iso_units_with_the_given_t006() -> None:
    client = CodeMap.of([("KAR", "CT", "X"), ("ST", "PCE", "X"), ("PC", "PCE", "")])

    assert [codes.unit_from_iso(iso, client) for iso in ("CT", "PCE", "ZZZ")] \
        == ["KAR", "ST", ""]
    assert codes.unit_from_iso("CT") == ""  # the baseline T006 has no carton


def compared(received: list[SegmentData], sent_back: list[SegmentData]) -> list[str]:
    return [f"{f.kind} {f.path}: {f.detail}" for f in parity._compare(  # noqa: SLF001
        "sent.xml: IDOC[1]", received, sent_back, "")]


def partner(function: str, number: str) -> SegmentData:
    return SegmentData("E1KNVPM", {"MSGFN": "005", "PARVW": function, "KUNN2": number})


def test_repeated_segments_sent_back_in_another_order_are_matched_by_their_values() -> None:
    # SAP sends a customer's partners in KNVP's key order, not in the file's order
    received = [partner("WE", "0000001001"), partner("AG", "0000001000")]
    sent_back = [partner("AG", "0000001000"), partner("WE", "0000001001")]

    assert compared(received, sent_back) == []


def test_a_repeated_segment_that_comes_back_changed_is_compared_with_its_closest_namesake(
        ) -> None:
    received = [partner("WE", "0000001001"), partner("AG", "0000001000")]
    sent_back = [partner("AG", "0000001000"), partner("WE", "0000009999")]

    assert compared(received, sent_back) == [
        "CONVERT E1KNVPM/KUNN2: '0000001001' comes back as '0000009999'"]


def test_a_repeated_segment_without_a_namesake_left_is_dropped() -> None:
    assert compared([partner("WE", "0000001001"), partner("AG", "0000001000")],
                    [partner("AG", "0000001000")]) == [
        "DROP E1KNVPM: segment not kept (missing when the object is sent back)"]
