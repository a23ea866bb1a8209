"""What the inbox keeps of a MATMAS IDoc between receipt and applying it: the flow's reading
(crm_adapter.flows.master_data.read_matmas), not the parsed segment tree."""

from __future__ import annotations

import gc
from decimal import Decimal

import pytest

from crm_adapter.domain.errors import DomainError
from crm_adapter.flows.master_data import MATMAS, MaterialIdoc, material_from_matmas, read_matmas
from crm_adapter.inbox import Handlers, Inbox
from crm_adapter.store.engine import Database
from sap_client.idoc import ReceivedIdoc, read_idocs

pytestmark = pytest.mark.unit


def _matmas(msgfn: str = "005", valuation: str = "<PEINH>1</PEINH><STPRS>12.50</STPRS>",
            docnum: str = "1") -> bytes:
    return (f'<MATMAS05><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><DOCNUM>{docnum}</DOCNUM>'
            "<MESTYP>MATMAS</MESTYP><SNDPRN>ERPCLNT100</SNDPRN><SERIAL>20261207</SERIAL>"
            f'</EDI_DC40><E1MARAM SEGMENT="1"><MSGFN>{msgfn}</MSGFN><MATNR>4711</MATNR>'
            "<MTART>FERT</MTART><MEINS>PCE</MEINS>"
            '<E1MAKTM SEGMENT="1"><SPRAS_ISO>EN</SPRAS_ISO><MAKTX>Pump</MAKTX></E1MAKTM>'
            f'<E1MBEWM SEGMENT="1"><BWKEY>1000</BWKEY>{valuation}</E1MBEWM>'
            "</E1MARAM></IDOC></MATMAS05>").encode()


def _one(document: bytes) -> ReceivedIdoc:
    [idoc] = read_idocs(document)
    return idoc


def _parsed_idocs() -> int:
    gc.collect()
    return sum(isinstance(o, ReceivedIdoc) for o in gc.get_objects())


def test_reading_a_matmas_gives_the_material_the_idoc_describes():
    idoc = _one(_matmas())

    read = read_matmas(idoc)

    assert read == MaterialIdoc("000000000000004711", False, material_from_matmas(idoc))
    assert read.material is not None and read.material.description_en == "Pump"


def test_a_deletion_keeps_the_key_only():
    assert read_matmas(_one(_matmas(msgfn="003"))) == MaterialIdoc("000000000000004711",
                                                                  True, None)


def test_a_deletion_with_fields_that_cannot_be_read_keeps_the_reason():
    read = read_matmas(_one(_matmas(msgfn="003", valuation="<PEINH>X</PEINH>")))

    assert (read.deleting, read.unreadable) == (True, "PEINH 'X' is not a price unit")


def test_a_material_that_cannot_be_read_raises_as_applying_it_would():
    with pytest.raises(DomainError, match="PEINH"):
        read_matmas(_one(_matmas(valuation="<PEINH>0</PEINH>")))


def test_the_inbox_keeps_the_reading_of_a_matmas_and_not_the_parsed_idoc(tmp_path):
    assert MATMAS.read is read_matmas
    db = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    db.create_schema()
    inbox = Inbox(db, Handlers().register("MATMAS", MATMAS))
    try:
        parsed_before = _parsed_idocs()
        receipt = inbox.receive(_matmas())

        [entry_id] = receipt.stored
        assert receipt.idocs == {}
        assert isinstance(receipt.messages[entry_id], MaterialIdoc)
        assert _parsed_idocs() == parsed_before
        [outcome] = inbox.process(receipt.stored, receipt.idocs, receipt.messages)
        assert outcome.status == "processed"
    finally:
        db.dispose()


def test_an_idoc_the_flow_cannot_read_on_receipt_is_read_again_and_fails_when_applied(
        tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    db.create_schema()
    inbox = Inbox(db, Handlers().register("MATMAS", MATMAS))
    try:
        receipt = inbox.receive(_matmas(valuation="<PEINH>0</PEINH>"))

        assert (receipt.idocs, receipt.messages) == ({}, {})
        [outcome] = inbox.process(receipt.stored, receipt.idocs, receipt.messages)
        assert (outcome.status, outcome.reason) == ("failed", "PEINH '0' is not a price unit")
    finally:
        db.dispose()


def test_receiving_and_applying_leaves_the_collector_as_python_sets_it(tmp_path):
    # no process-wide setting: the adapter's processes run with Python's defaults (ADR 0005)
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    db = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    db.create_schema()
    inbox = Inbox(db, Handlers().register("MATMAS", MATMAS))
    try:
        receipt = inbox.receive(_matmas())
        inbox.process(receipt.stored, receipt.idocs, receipt.messages)
    finally:
        db.dispose()

    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)


def test_a_matmas_in_sap_outbound_form_is_read_zero_amounts_as_zero():
    # as SAP ECC writes a MATMAS05: quantities with decimals, NUMC zero-padded, initial
    # dates 00000000 and zero amounts as 0; none of these stops the reading
    idoc = _one(_matmas(valuation="<VERPR>0</VERPR><STPRS>4345.97</STPRS><PEINH>1</PEINH>"
                                  "<ZPLP1>0</ZPLP1><ZPLP2>0</ZPLP2><ZKDAT>00000000</ZKDAT>")
                .replace(b"<MEINS>PCE</MEINS>",
                         b"<MEINS>PCE</MEINS><BLANZ>000</BLANZ><BRGEW>1.000</BRGEW>"
                         b"<VOLUM>0.000</VOLUM><MSTDE>00000000</MSTDE>"))

    material = material_from_matmas(idoc)

    assert material.prices is not None
    assert (material.prices.standard, material.prices.moving_average,
            material.prices.outlet_purchase, material.prices.price_unit) == (
        Decimal("4345.97"), Decimal(0), Decimal(0), 1)
    assert material.base_unit == "ST"
