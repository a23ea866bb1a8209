"""``fake-sap parity`` for a message type the emulator does not send back (ORDERS): a filled
field that no mapping reads is dropped (kept only in the stored IDoc), a read field the
stored sales order holds in another form is converted, and the statuses parity predicts are
those a real ``fake-sap serve`` gives the same IDocs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from idoc_builders import SENDER, packet
from idoc_schemas import sap_style_schema

from fake_sap.ale.parity import check_folder
from fake_sap.cli import main
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import Segment, extend, fields
from fake_sap.idoc.types import ORDERS05
from fake_sap.testing.process import SapClient

CORPUS = Path(__file__).parent / "data" / "idoc_corpus"
#: the customer and the material of the corpus master data
CUSTOMER, MATERIAL = "CORPUS0001", "CORPUS-MATERIAL-01"
NOT_READ = "not kept (no posting logic reads it; kept in the stored IDoc)"

Z1EDK01 = Segment("Z1EDK01", "Customer order data", fields(("ZZROUTE", 10)))
ZORDERS = extend(ORDERS05, "ZORDERS05P", "Order with a delivery route", {"E1EDK01": (Z1EDK01,)})


def order(*, unit: str = "PCE", header: dict[str, str] | None = None,
          partners: tuple[tuple[str, str], ...] = (("AG", CUSTOMER),),
          material: str = MATERIAL, control: dict[str, str] | None = None) -> Idoc:
    """An ORDERS05 IDoc with only fields the ORDERS mapping reads (plus ``header`` fields of
    E1EDK01): the corpus customer orders two of the corpus material."""
    segments = [SegmentData("E1EDK01", {"CURCY": "CNY", **(header or {})})]
    segments += [SegmentData("E1EDK14", {"QUALF": qualifier, "ORGID": value})
                 for qualifier, value in (("008", "1000"), ("007", "10"), ("006", "00"))]
    segments += [SegmentData("E1EDKA1", {"PARVW": parvw, "PARTN": partn})
                 for parvw, partn in partners]
    segments.append(SegmentData("E1EDK02", {"QUALF": "001", "BELNR": "PO-PARITY-1"}))
    item = SegmentData("E1EDP01", {"POSEX": "000010", "MENGE": "2", "MENEE": unit})
    item.children.append(SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": material}))
    segments.append(item)
    return Idoc({"MESTYP": "ORDERS", "SNDPOR": "SAPCRM", "SNDPRT": "LS", "SNDPRN": SENDER,
                 "RCVPRT": "LS", "RCVPRN": "FAKESAP", **(control or {})}, segments)


def folder_with(tmp_path: Path, document: bytes, name: str = "03-order.xml") -> Path:
    """An export folder: the corpus material and customer first, then ``document``."""
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(CORPUS / "MATMAS05.xml", folder / "01-material.xml")
    shutil.copy(CORPUS / "DEBMAS07.xml", folder / "02-customer.xml")
    (folder / name).write_bytes(document)
    return folder


def order_lines(capsys: pytest.CaptureFixture[str], folder: Path, *args: str,
                name: str = "03-order.xml") -> list[str]:
    """The report's lines about the order file (the master data files have their own)."""
    main(["parity", str(folder), *args])
    prefix = f"{folder / name}: "
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith(prefix)]


def test_a_field_no_mapping_reads_is_exactly_one_drop_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, packet(ORDERS05, [order(header={"ZTERM": "0001"})]))

    assert order_lines(capsys, folder) == [
        f"{folder / '03-order.xml'}: IDOC[1]: E1EDK01/ZTERM: DROP '0001' {NOT_READ}"]


def test_an_order_with_only_read_fields_gives_no_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, packet(ORDERS05, [order()]))

    assert order_lines(capsys, folder) == []


def test_a_unit_sent_as_its_iso_code_round_trips_and_an_internal_one_is_converted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, packet(ORDERS05, [order(unit="PCE"), order(unit="ST")]))

    assert order_lines(capsys, folder) == [
        f"{folder / '03-order.xml'}: IDOC[2]: E1EDP01/MENEE: CONVERT 'ST' is stored as 'ST', "
        f"sent back as ISO code 'PCE'"]


def test_a_partner_number_without_its_leading_zeros_is_stored_in_its_alpha_form(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, packet(ORDERS05, [order(partners=(("AG", "4711"),))]))
    debmas = (folder / "02-customer.xml").read_text(encoding="utf-8")
    (folder / "02-customer.xml").write_text(debmas.replace(CUSTOMER, "0000004711"),
                                            encoding="utf-8")

    assert order_lines(capsys, folder) == [
        f"{folder / '03-order.xml'}: IDOC[1]: E1EDKA1/PARTN: CONVERT '4711' is stored as "
        f"'0000004711'"]


def test_the_partner_of_a_function_no_mapping_reads_is_dropped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, packet(ORDERS05, [
        order(partners=(("AG", CUSTOMER), ("RE", "BILLTO0001")))]))

    assert order_lines(capsys, folder) == [
        f"{folder / '03-order.xml'}: IDOC[1]: E1EDKA1[2]/PARTN: DROP 'BILLTO0001' not kept "
        f"(PARVW 'RE' is not read; kept in the stored IDoc)"]


def test_a_customer_segment_of_a_posted_order_extension_is_kept_in_the_idoc_not_posted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extended = order(control={"CIMTYP": ZORDERS.name})
    extended.segments[0].children.append(SegmentData("Z1EDK01", {"ZZROUTE": "R-100"}))
    folder = folder_with(tmp_path, packet(ZORDERS, [extended]))
    (tmp_path / "ZORDERS05P.xsd").write_bytes(sap_style_schema(ZORDERS))

    assert order_lines(capsys, folder, "--xsd", str(tmp_path / "ZORDERS05P.xsd")) == [
        f"{folder / '03-order.xml'}: IDOC[1]: E1EDK01/Z1EDK01: DROP segment kept in the IDoc, "
        f"not posted (a customer segment of an extension)"]


def test_the_corpus_is_refused_only_where_the_emulator_has_no_inbound_process(
        capsys: pytest.CaptureFixture[str]) -> None:
    main(["parity", str(CORPUS)])
    lines = capsys.readouterr().out.splitlines()

    refused = [line for line in lines if " REFUSE " in line]
    # the corpus README: DESADV has no inbound process code (status 56, E0 414)
    assert refused == [f"{CORPUS / 'DELVRY07.xml'}: IDOC[1]: REFUSE status 56 (control "
                       f"record): No inbound process code for message type DESADV"]
    # the corpus order fills every standard field: those no mapping reads are reported
    assert f"{CORPUS / 'ORDERS05.xml'}: IDOC[1]: E1EDK03/UZEIT: DROP '235959' {NOT_READ}" \
        in lines
    assert lines[-1].startswith("4 IDocs in 4 files: 1 refused, ")


# --- agreement with a real fake-sap serve ----------------------------------------------------

def addressed_to(sap: SapClient, document: bytes) -> bytes:
    """The document addressed to the test's client: the client is not known offline."""
    return re.sub(rb"<MANDT>\d*</MANDT>", f"<MANDT>{sap.number}</MANDT>".encode(), document)


def posted_statuses(sap: SapClient, document: bytes) -> list[str]:
    """The statuses the IDocs of one POST end in, in document order."""
    response = sap.post_idocs(addressed_to(sap, document))
    assert response.status_code == 200, response.text
    first, last = (int(re.search(rf'{name}="(\d+)"', response.text)[1])  # type: ignore[index]
                   for name in ("FIRST_DOCNUM", "LAST_DOCNUM"))
    return [sap.idoc(f"{docnum:016d}")["status"] for docnum in range(first, last + 1)]


def test_parity_predicts_the_statuses_a_real_post_gives_orders(
        sap: SapClient, tmp_path: Path) -> None:
    documents: dict[str, bytes] = {
        "01-material.xml": (CORPUS / "MATMAS05.xml").read_bytes(),
        "02-customer.xml": (CORPUS / "DEBMAS07.xml").read_bytes(),
        "03-corpus-order.xml": (CORPUS / "ORDERS05.xml").read_bytes(),
        # posted, refused by the application (no such material), refused by the syntax check
        "04-orders.xml": packet(ORDERS05, [
            order(header={"ZTERM": "0001"}), order(material="NO-SUCH-MATERIAL"),
            order(header={"CURCY": "CNYX"})]),
        "05-delivery.xml": (CORPUS / "DELVRY07.xml").read_bytes(),
    }
    folder = tmp_path / "export"
    folder.mkdir()
    for name, document in documents.items():
        (folder / name).write_bytes(document)

    predicted = check_folder(folder).statuses
    posted = [status for name in sorted(documents)
              for status in posted_statuses(sap, documents[name])]

    assert predicted == ["53", "53", "53", "53", "51", "60", "56"]
    assert posted == predicted
