"""ISO codes <-> internal codes (fake_sap.basis.iso_codes) and their use at the ALE boundary
(fake_sap.ale.inbound.values.IsoFields, the MATMAS/DEBMAS/ORDERS mappings): pure logic, and
the code tables read from an in-memory database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, insert

from fake_sap import customizing
from fake_sap.ale.inbound import debmas, matmas, orders
from fake_sap.ale.inbound.values import IsoFields, segment_number
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import BASELINE, CodeMap, IsoCodes
from fake_sap.db import iso_codes as code_tables
from fake_sap.db.schema import clients, metadata
from fake_sap.errors import ApplicationError
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.mm.material_master import SaveMaterial
from fake_sap.sd.customer_master import SaveCustomer
from fake_sap.sd.sales_orders import OrderInput

pytestmark = pytest.mark.unit


# --- the conversion --------------------------------------------------------------------------

@pytest.mark.parametrize(("internal", "iso"), [
    ("ST", "PCE"), ("PC", "PCE"), ("EA", "EA"), ("KG", "KGM"), ("G", "GRM"), ("L", "LTR"),
    ("M", "MTR"), ("BOX", "BX"), ("SET", "SET"), ("PAK", "PK")])
def test_every_baseline_unit_has_its_iso_code(internal, iso):
    assert BASELINE.units.iso(internal) == iso


@pytest.mark.parametrize(("iso", "internal"), [
    ("PCE", "ST"), ("EA", "EA"), ("KGM", "KG"), ("GRM", "G"), ("LTR", "L"), ("MTR", "M"),
    ("BX", "BOX"), ("SET", "SET"), ("PK", "PAK")])
def test_an_iso_unit_converts_to_the_unit_flagged_primary(iso, internal):
    assert BASELINE.units.internal(iso) == internal


def test_an_unknown_code_has_no_conversion():
    assert (BASELINE.units.internal("XYZ"), BASELINE.units.iso("XYZ")) == (None, None)


def test_the_primary_flag_decides_which_unit_an_iso_code_comes_back_as():
    flagged_second = CodeMap.of([("AA", "PCE", ""), ("ZZ", "PCE", "X")])
    flagged_first = CodeMap.of([("AA", "PCE", "X"), ("ZZ", "PCE", "")])

    assert (flagged_second.internal("PCE"), flagged_first.internal("PCE")) == ("ZZ", "AA")


def test_without_a_primary_flag_the_first_unit_in_key_order_is_taken():
    assert CodeMap.of([("ZZ", "PCE", ""), ("AA", "PCE", "")]).internal("PCE") == "AA"


def test_a_unit_without_an_iso_code_converts_in_neither_direction():
    codes = CodeMap.of([("ZZ", "", "")])

    assert (codes.iso("ZZ"), codes.knows("ZZ")) == (None, False)


@pytest.mark.parametrize(("currency", "iso"), [("CNY", "CNY"), ("EUR", "EUR"), ("USD", "USD")])
def test_every_baseline_currency_is_its_own_iso_code(currency, iso):
    assert (BASELINE.currencies.iso(currency), BASELINE.currencies.internal(iso)) == \
        (iso, currency)


@pytest.mark.parametrize(("country", "iso"), [("CN", "CN"), ("DE", "DE"), ("US", "US")])
def test_every_baseline_country_has_its_alpha_2_code(country, iso):
    assert (BASELINE.countries.iso(country), BASELINE.countries.internal(iso)) == \
        (iso, country)


def test_the_baseline_covers_the_units_the_customizing_checks_against():
    assert set(customizing.BASELINE["T006"]) == set(customizing.UNITS)


# --- the tables ------------------------------------------------------------------------------

@pytest.fixture
def connection():
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as conn:
        yield conn
    engine.dispose()


def _client(conn, mandt: str) -> None:
    conn.execute(insert(clients).values(mandt=mandt, description="", strict_partner_check=False,
                                        created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    code_tables.install(conn, mandt)


def test_a_client_reads_back_the_baseline_it_was_given(connection):
    _client(connection, "100")

    assert iso_codes.read(connection, "100") == BASELINE


def test_a_client_without_tables_has_no_codes(connection):
    codes = iso_codes.read(connection, "999")

    assert (codes.units.internal("PCE"), codes.currencies.iso("CNY")) == (None, None)


def test_the_codes_given_to_a_transaction_are_kept_and_others_are_read(connection):
    """The one copy a process keeps is the client state's, handed to a transaction with
    use_in_transaction; without it the tables are read as they are."""
    _client(connection, "100")
    first = iso_codes.for_client(connection, "100")
    connection.execute(code_tables.t006.delete().where(code_tables.t006.c.mandt == "100"))

    assert iso_codes.for_client(connection, "100").units.internal("PCE") is None
    iso_codes.use_in_transaction(connection, lambda _conn, _mandt: first)
    assert iso_codes.for_client(connection, "100") is first


# --- at the ALE boundary ---------------------------------------------------------------------

def _material(**fields: str) -> Idoc:
    header = SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": "M-1", "MTART": "FERT",
                                     "MEINS": "PCE", **fields}, [
        SegmentData("E1MAKTM", {"SPRAS_ISO": "EN", "MAKTX": "Pump"}),
        SegmentData("E1MVKEM", {"VKORG": "1000", "VTWEG": "10", "VRKME": "KGM"})])
    return Idoc({"MESTYP": "MATMAS"}, [header])


def test_matmas_units_arrive_as_internal_units():
    command = matmas.to_command(_material(GEWEI="KGM"))

    assert isinstance(command, SaveMaterial)
    assert (command.base_unit, command.weight_unit, command.sales[0].sales_unit) == \
        ("ST", "KG", "KG")


def test_matmas_internal_units_pass_as_sent():
    command = matmas.to_command(_material(MEINS="ST", GEWEI="KG"))

    assert isinstance(command, SaveMaterial)
    assert (command.base_unit, command.weight_unit) == ("ST", "KG")


@pytest.mark.parametrize(("field", "segment", "number"), [
    ("MEINS", "E1MARAM", "000001"), ("GEWEI", "E1MARAM", "000001"),
    ("BSTME", "E1MARAM", "000001"), ("VOLEH", "E1MARAM", "000001")])
def test_a_matmas_unit_without_conversion_is_vii_003(field, segment, number):
    with pytest.raises(ApplicationError) as raised:
        matmas.to_command(_material(**{field: "XYZ"}))

    message = raised.value.sap_message
    assert (message.msgid, message.msgno, message.text) == (
        "VII", "003", f"ISO conversion error for XYZ in segment {number} ({segment}), "
                      f"field {field}")


def test_a_client_with_other_codes_converts_with_its_own():
    codes = IsoCodes.of([("ZST", "PCE", "X"), ("ZKG", "KGM", "X")], [], [])

    command = matmas.to_command(_material(), codes)

    assert isinstance(command, SaveMaterial)
    assert (command.base_unit, command.sales[0].sales_unit) == ("ZST", "ZKG")


def test_debmas_currency_arrives_as_the_internal_currency():
    codes = IsoCodes.of([], [("RMB", "CNY", "X")], [])
    header = SegmentData("E1KNA1M", {"MSGFN": "005", "KUNNR": "1", "KTOKD": "ZOUT",
                                     "LAND1": "CN"}, [
        SegmentData("E1KNVVM", {"VKORG": "1000", "VTWEG": "10", "SPART": "00",
                                "WAERS": "CNY"})])

    command = debmas.to_command(Idoc({"MESTYP": "DEBMAS"}, [header]), codes)

    assert isinstance(command, SaveCustomer)
    assert (command.sales_areas[0].currency, command.country) == ("RMB", "CN")


def _order(unit: str, currency: str) -> Idoc:
    return Idoc({"MESTYP": "ORDERS"}, [
        SegmentData("E1EDK01", {"CURCY": currency}),
        SegmentData("E1EDKA1", {"PARVW": "AG", "PARTN": "100001"}),
        SegmentData("E1EDP01", {"POSEX": "000010", "MENGE": "1", "MENEE": unit,
                                "PMENE": unit}, [
            SegmentData("E1EDP19", {"QUALF": "002", "IDTNR": "4711"})])])


def test_orders_unit_and_currency_arrive_as_internal_codes():
    order = orders.to_order(_order("KGM", "EUR"))

    assert isinstance(order, OrderInput)
    assert (order.currency, order.items[0].sales_unit) == ("EUR", "KG")


def test_an_orders_price_unit_without_conversion_is_vii_003():
    idoc = _order("PCE", "CNY")
    idoc.segments[2].values["PMENE"] = "QQQ"

    with pytest.raises(ApplicationError) as raised:
        orders.to_order(idoc)

    assert raised.value.sap_message.variables == ("QQQ", "000003", "E1EDP01", "PMENE")


def test_segments_are_numbered_depth_first_from_one():
    idoc = _material()
    header = idoc.segments[0]

    assert [segment_number(idoc, s) for s in (header, *header.children)] == [1, 2, 3]
    assert segment_number(idoc, SegmentData("E1MARAM")) == 0


def test_an_empty_field_needs_no_conversion():
    idoc = _material(MEINS="")

    assert IsoFields(idoc, BASELINE).unit(idoc.segments[0], "MEINS") == ""
