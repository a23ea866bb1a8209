"""The consumer contract between the CRM adapter and the emulator.

``contracts/consumer/crm-adapter.json`` is recorded from the adapter's tests
(``make contract-record``, :mod:`crm_adapter.testing.recording`); ``fake-sap contract-check``
compares it with the emulator's declarations (:mod:`fake_sap.contract_check`), and
``docs/contract-coverage.md`` is generated from it. Mutations are made on copies built here;
the real declarations are never touched.
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from idoc_builders import material, packet

from crm_adapter.flows import master_data
from crm_adapter.testing import recording
from crm_adapter.testing.recording import Recorder
from fake_sap.cli import main
from fake_sap.contract_check import (
    CONSUMER_CONTRACT,
    COVERAGE_REPORT,
    Declarations,
    Finding,
    Severity,
    check,
    coverage_report,
    emulator_declarations,
    errors,
    load,
)
from fake_sap.idoc.model import IdocType, fields
from fake_sap.idoc.model import Segment as IdocSegment
from fake_sap.idoc.types import MATMAS05
from fake_sap.rfc.model import FunctionInterface, Structure, structure
from fake_sap.testing.process import SapClient
from sap_client import bapi
from sap_client import idoc as idoc_reader
from sap_client.idoc import ReceivedIdoc, Segment, read_idocs
from sap_client.rfc import Connection

REPOSITORY = Path(__file__).resolve().parents[1]
REGENERATE = ("run `make contract-record` (or `fake-sap contract-check "
              f"{CONSUMER_CONTRACT} --coverage-report {COVERAGE_REPORT}` after a change of the "
              "declarations) and commit the result")
SALES_ORDER = "BAPI_SALESORDER_CREATEFROMDAT2"
EMULATOR_PORT = emulator_declarations().outbound_port
TEST_PORT = "SAPERP"


def committed_contract() -> dict[str, Any]:
    return load(REPOSITORY / CONSUMER_CONTRACT)


def contract(*, functions: dict[str, Any] | None = None, tables: dict[str, Any] | None = None,
             idocs: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"consumer": "crm-adapter", "format": 1, "functions": functions or {},
            "tables": tables or {}, "idocs": idocs or {}}


def text(max_length: int) -> dict[str, Any]:
    return {"types": ["text"], "max_length": max_length}


def sales_order_call(**header: dict[str, Any]) -> dict[str, Any]:
    """A sales-order call as the adapter makes it; ``header`` adds ORDER_HEADER_IN paths."""
    sent = {"ORDER_HEADER_IN": {"types": ["structure"]},
            "ORDER_HEADER_IN-DOC_TYPE": text(2), "ORDER_HEADER_IN-PURCH_NO_C": text(12),
            "ORDER_ITEMS_IN": {"types": ["table"]}, "ORDER_ITEMS_IN-MATERIAL": text(18),
            "ORDER_PARTNERS": {"types": ["table"]}, "ORDER_PARTNERS-PARTN_ROLE": text(2),
            **{f"ORDER_HEADER_IN-{name}": usage for name, usage in header.items()}}
    return {SALES_ORDER: {"sent": sent, "read": ["RETURN-TYPE", "SALESDOCUMENT"]}}


def field_read(read_from: list[str], filled_in: list[str]) -> dict[str, Any]:
    return {"read_from": read_from, "filled_in": filled_in}


def segment_read(read_from: list[str], present_in: list[str],
                 **fields_read: dict[str, Any]) -> dict[str, Any]:
    return {"read_from": read_from, "present_in": present_in, "fields": fields_read}


def messages(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings]


def without_field(interface: FunctionInterface, parameter: str,
                  field_name: str) -> FunctionInterface:
    """The interface with one field taken out of a structure parameter's type."""
    declared = interface.parameter(parameter)
    assert declared is not None and isinstance(declared.type, Structure)
    # a new Structure, not dataclasses.replace: its field index is built at construction
    narrowed = structure(declared.type.name, declared.type.text,
                         *(f for f in declared.type.fields if f.name != field_name))
    return replace(interface, parameters=tuple(
        replace(p, type=narrowed) if p.name == parameter else p
        for p in interface.parameters))


def declarations_with(**changes: Any) -> Declarations:
    return replace(emulator_declarations(), **changes)


# --- the committed contract -------------------------------------------------------------------

def test_the_committed_contract_agrees_with_the_emulator():
    found = errors(check(committed_contract()))

    assert found == [], "\n".join(messages(found))


def test_the_committed_contract_records_the_adapters_sales_orders_and_delivery_idocs():
    recorded = committed_contract()

    assert "ORDER_HEADER_IN-PURCH_NO_C" in recorded["functions"][SALES_ORDER]["sent"]
    assert "VBELN" in recorded["idocs"]["ZDELVRY07"]["E1EDL20"]["fields"]


def test_the_committed_contract_is_sorted_as_the_recorder_writes_it(tmp_path):
    rewritten = tmp_path / "contract.json"
    recording.write_contract(rewritten, committed_contract())

    assert rewritten.read_text(encoding="utf-8") == \
        (REPOSITORY / CONSUMER_CONTRACT).read_text(encoding="utf-8")


def test_a_field_the_emulator_stops_declaring_fails_the_committed_contract():
    functions = dict(emulator_declarations().functions)
    functions[SALES_ORDER] = without_field(functions[SALES_ORDER], "ORDER_HEADER_IN",
                                           "PURCH_NO_C")

    found = check(committed_contract(), declarations_with(functions=functions))

    assert "BAPI_SALESORDER_CREATEFROMDAT2: ORDER_HEADER_IN-PURCH_NO_C is sent by the adapter " \
           "but not declared" in messages(errors(found))


# --- function modules -------------------------------------------------------------------------

def test_a_contract_within_the_declarations_has_no_findings():
    assert check(contract(functions=sales_order_call())) == []


def test_a_field_sent_but_not_declared_is_an_error_naming_function_and_path():
    found = check(contract(functions=sales_order_call(PURCH_NO_X=text(5))))

    assert messages(found) == ["BAPI_SALESORDER_CREATEFROMDAT2: ORDER_HEADER_IN-PURCH_NO_X is "
                               "sent by the adapter but not declared"]


def test_a_text_longer_than_the_declared_field_is_an_error():
    found = check(contract(functions=sales_order_call(PURCH_NO_C=text(36))))

    assert messages(found) == ["BAPI_SALESORDER_CREATEFROMDAT2: ORDER_HEADER_IN-PURCH_NO_C is "
                               "sent with up to 36 characters but declared CHAR 35"]


def test_a_value_of_a_kind_the_declared_type_cannot_take_is_an_error():
    found = check(contract(functions=sales_order_call(DOC_TYPE={"types": ["date"]})))

    assert messages(found) == ["BAPI_SALESORDER_CREATEFROMDAT2: ORDER_HEADER_IN-DOC_TYPE is "
                               "sent as date but declared CHAR 4"]


def test_a_structure_sent_where_a_table_is_declared_is_an_error():
    calls = sales_order_call()
    calls[SALES_ORDER]["sent"]["ORDER_ITEMS_IN"] = {"types": ["structure"]}

    assert messages(check(contract(functions=calls))) == [
        "BAPI_SALESORDER_CREATEFROMDAT2: ORDER_ITEMS_IN is sent as structure but declared "
        "TABLE OF BAPISDITM"]


def test_a_result_field_read_but_not_declared_is_an_error():
    calls = sales_order_call()
    calls[SALES_ORDER]["read"].append("SALESDOCUMENT_EX")

    assert messages(check(contract(functions=calls))) == [
        "BAPI_SALESORDER_CREATEFROMDAT2: SALESDOCUMENT_EX is read by the adapter but not "
        "declared"]


def test_reading_an_importing_parameter_is_an_error():
    calls = sales_order_call()
    calls[SALES_ORDER]["read"].append("ORDER_HEADER_IN-DOC_TYPE")

    assert messages(check(contract(functions=calls))) == [
        "BAPI_SALESORDER_CREATEFROMDAT2: ORDER_HEADER_IN-DOC_TYPE is read by the adapter but "
        "is an IMPORTING parameter (not returned)"]


def test_a_mandatory_parameter_the_adapter_never_sends_is_an_error():
    calls = {"BAPI_MATERIAL_AVAILABILITY": {"sent": {"PLANT": text(4), "MATERIAL": text(18)},
                                            "read": ["AV_QTY_PLT"]}}

    assert messages(check(contract(functions=calls))) == [
        "BAPI_MATERIAL_AVAILABILITY: UNIT is a mandatory IMPORTING parameter the adapter never "
        "sends"]


def test_a_function_the_emulator_does_not_implement_is_an_error():
    found = check(contract(functions={"Z_CRM_SETTLE": {"sent": {}, "read": []}}))

    assert messages(found) == ["Z_CRM_SETTLE: is called by the adapter but the emulator does "
                               "not implement it"]


# --- RFC_READ_TABLE ---------------------------------------------------------------------------

def test_a_table_field_the_emulator_cannot_read_is_an_error():
    tables = {"VBAK": {"selected": ["VBELN", "BSTNX"], "conditions": ["KUNNR"]}}

    assert messages(check(contract(tables=tables))) == [
        "RFC_READ_TABLE: VBAK-BSTNX is selected by the adapter but not declared"]


def test_a_table_the_emulator_cannot_read_is_an_error():
    found = check(contract(tables={"ZCRM": {"selected": ["A"], "conditions": []}}))

    assert messages(found) == ["RFC_READ_TABLE: table ZCRM is read by the adapter but the "
                               "emulator cannot read it"]


# --- IDocs ------------------------------------------------------------------------------------

def delivery_header(**fields_read: dict[str, Any]) -> dict[str, Any]:
    return {"ZDELVRY07": {"E1EDL20": segment_read([EMULATOR_PORT], [EMULATOR_PORT],
                                                  **fields_read)}}


def test_an_idoc_field_read_but_not_declared_is_an_error():
    idocs = delivery_header(VBELX=field_read([EMULATOR_PORT], [EMULATOR_PORT]))

    assert messages(check(contract(idocs=idocs))) == [
        "ZDELVRY07: E1EDL20-VBELX is read by the adapter but not declared"]


def test_an_idoc_field_the_emulator_stops_declaring_is_reported():
    header = IdocSegment("E1EDL20", "Delivery header", fields(("VBELN", 10)))
    narrowed = IdocType("ZDELVRY07", ("DESADV",), "without Z1EDL20", (header,),
                        basic_type="DELVRY07")
    idoc_types = {**emulator_declarations().idoc_types, "ZDELVRY07": narrowed}
    idocs = {"ZDELVRY07": {"Z1EDL20": segment_read(
        [EMULATOR_PORT], [EMULATOR_PORT], ZEVENT=field_read([EMULATOR_PORT], [EMULATOR_PORT]))}}

    found = check(contract(idocs=idocs), declarations_with(idoc_types=idoc_types))

    assert messages(found) == ["ZDELVRY07: segment Z1EDL20 is read by the adapter but not "
                               "declared"]


def test_control_record_fields_are_checked_against_edi_dc40():
    idocs = {"MATMAS05": {"EDI_DC40": segment_read(
        [EMULATOR_PORT], [EMULATOR_PORT], SNDPRN=field_read([EMULATOR_PORT], [EMULATOR_PORT]),
        SNDPRX=field_read([EMULATOR_PORT], []))}}

    assert messages(check(contract(idocs=idocs))) == [
        "MATMAS05: EDI_DC40-SNDPRX is read by the adapter but not declared"]


def test_a_segment_relied_on_that_the_emulators_idocs_never_contained_is_an_error():
    idocs = {"ZDELVRY07": {"E1EDL18": segment_read([EMULATOR_PORT, TEST_PORT], [TEST_PORT])}}

    assert messages(check(contract(idocs=idocs))) == [
        "ZDELVRY07: segment E1EDL18 is relied on by the adapter but no outbound IDoc of the "
        "emulator contained it in the recorded run"]


def test_what_only_hand_built_test_idocs_carried_is_not_held_against_the_emulator():
    idocs = {"ZDELVRY07": {"E1EDL18": segment_read(
        [TEST_PORT], [TEST_PORT], QUALF=field_read([TEST_PORT], [TEST_PORT]))}}

    assert check(contract(idocs=idocs)) == []


def test_a_field_the_emulators_idocs_never_filled_is_a_note_not_an_error():
    idocs = delivery_header(VSTEL=field_read([EMULATOR_PORT], [TEST_PORT]))

    found = check(contract(idocs=idocs))

    assert [f.severity for f in found] == [Severity.NOTE]
    assert messages(found) == ["ZDELVRY07: E1EDL20-VSTEL is read by the adapter from the "
                               "emulator's IDocs, but none of them filled it in the recorded "
                               "run"]


# --- the command ------------------------------------------------------------------------------

def test_contract_check_of_the_committed_contract_exits_0(capsys):
    assert main(["contract-check", str(REPOSITORY / CONSUMER_CONTRACT)]) == 0
    assert "agrees with the emulator's declarations" in capsys.readouterr().out


def test_contract_check_exits_1_and_prints_the_diff(tmp_path, capsys):
    mutated = copy.deepcopy(committed_contract())
    mutated["functions"][SALES_ORDER]["sent"]["ORDER_HEADER_IN-PURCH_NO_X"] = text(5)
    path = tmp_path / "crm-adapter.json"
    path.write_text(json.dumps(mutated), encoding="utf-8")

    assert main(["contract-check", str(path)]) == 1
    assert "BAPI_SALESORDER_CREATEFROMDAT2: ORDER_HEADER_IN-PURCH_NO_X is sent by the adapter " \
           "but not declared" in capsys.readouterr().out


# --- the coverage report ----------------------------------------------------------------------

def test_the_coverage_report_is_current():
    committed = REPOSITORY / COVERAGE_REPORT

    assert committed.is_file(), f"{COVERAGE_REPORT} is missing; {REGENERATE}"
    assert committed.read_text(encoding="utf-8") == coverage_report(committed_contract()), \
        f"{COVERAGE_REPORT} differs from what the contract and declarations give; {REGENERATE}"


def test_the_coverage_report_counts_what_was_exercised_against_what_is_declared():
    calls = {"BAPI_MATERIAL_AVAILABILITY": {
        "sent": {"PLANT": text(4), "MATERIAL": text(18), "UNIT": text(2)},
        "read": ["AV_QTY_PLT", "RETURN-TYPE"]}}
    interface = emulator_declarations().functions["BAPI_MATERIAL_AVAILABILITY"]

    report = coverage_report(contract(functions=calls))

    # PLANT, MATERIAL and UNIT sent; AV_QTY_PLT and RETURN read
    assert f"| BAPI_MATERIAL_AVAILABILITY | 5/{len(interface.parameters)} (" in report
    assert "| PLANT | IMPORTING | CHAR 4 | yes |  |" in report
    assert "| RETURN | EXPORTING | BAPIRETURN |  | 1/9 (11%): TYPE |" in report


def test_the_coverage_report_shows_idoc_segments_and_fields_read():
    idocs = {"MATMAS05": {"E1MARAM": segment_read(
        [EMULATOR_PORT], [EMULATOR_PORT], MATNR=field_read([EMULATOR_PORT], [EMULATOR_PORT]))}}
    declared_fields = len(MATMAS05.segment("E1MARAM").fields)

    report = coverage_report(contract(idocs=idocs))

    assert f"| E1MARAM | yes | 1/{declared_fields} (" in report
    assert "| E1MAKTM | – | – |" in report


# --- recording --------------------------------------------------------------------------------

def this_module(module: str) -> bool:
    """Counts this test module as "the adapter", so that its calls are recorded."""
    return module == __name__


def open_connection(sap: SapClient) -> Connection:
    return Connection(url=sap.server.url, client=sap.number, user=sap.auth[0],
                      passwd=sap.auth[1], lang="EN", timeout=60.0)


MARA_WHERE = "MTART = 'FERT' AND MATNR LIKE '0%'"


def read_mara(conn: Connection) -> dict[str, Any]:
    return conn.call("RFC_READ_TABLE", QUERY_TABLE="MARA", DELIMITER="", ROWCOUNT=5,
                     FIELDS=[{"FIELDNAME": "MATNR"}, {"FIELDNAME": "MTART"}],
                     OPTIONS=[{"TEXT": MARA_WHERE}])


def test_recording_changes_nothing_until_it_is_started():
    if recording.active():
        pytest.skip("this session records a contract")
    assert Connection.call.__module__ == "sap_client.rfc"
    assert idoc_reader._read_idoc.__module__ == "sap_client.idoc"


def test_recording_puts_everything_back_when_it_stops():
    call, read_idoc = Connection.call, idoc_reader._read_idoc

    with recording.recording(Recorder(this_module)):
        assert Connection.call is not call

    assert (Connection.call, idoc_reader._read_idoc) == (call, read_idoc)


def test_a_recorded_call_notes_the_parameter_paths_sent(sap):
    with open_connection(sap) as conn, recording.recording(Recorder(this_module)) as recorder:
        read_mara(conn)

    recorded = recorder.contract()
    assert recorded["functions"]["RFC_READ_TABLE"]["sent"] == {
        "DELIMITER": text(0), "FIELDS": {"types": ["table"]}, "FIELDS-FIELDNAME": text(5),
        "OPTIONS": {"types": ["table"]}, "OPTIONS-TEXT": text(len(MARA_WHERE)),
        "QUERY_TABLE": text(4), "ROWCOUNT": {"types": ["integer"]}}
    assert recorded["tables"] == {"MARA": {"selected": ["MATNR", "MTART"],
                                           "conditions": ["MATNR", "MTART"]}}


def test_a_recorded_call_notes_only_the_result_paths_read(sap):
    with open_connection(sap) as conn, recording.recording(Recorder(this_module)) as recorder:
        result = read_mara(conn)
        [int(f["OFFSET"]) for f in result["FIELDS"]]
        result.get("NOT_RETURNED")

    assert recorder.contract()["functions"]["RFC_READ_TABLE"]["read"] == [
        "FIELDS", "FIELDS-OFFSET", "NOT_RETURNED"]


def test_what_the_sap_edge_probes_for_is_recorded_only_where_sap_answered_it(sap):
    with open_connection(sap) as conn, recording.recording(Recorder(this_module)) as recorder:
        result = conn.call("BAPI_MATERIAL_AVAILABILITY", PLANT="1000", MATERIAL="NOSUCH",
                           UNIT="ST")
        bapi.messages(result)  # probes BAPIRET2's ID and NUMBER in this BAPIRETURN

    read = recorder.contract()["functions"]["BAPI_MATERIAL_AVAILABILITY"]["read"]
    assert {"RETURN-TYPE", "RETURN-CODE"} <= set(read)
    assert "RETURN-ID" not in read


def test_a_recorded_result_is_the_plain_result_and_copies_of_it_are_plain(sap):
    with open_connection(sap) as conn:
        plain = read_mara(conn)
        with recording.recording(Recorder(this_module)):
            recorded = read_mara(conn)

    assert recorded == plain
    assert isinstance(recorded, dict) and isinstance(recorded["FIELDS"], list)
    assert json.dumps(recorded, default=str) == json.dumps(plain, default=str)
    assert type(pickle.loads(pickle.dumps(recorded))["FIELDS"][0]) is dict
    assert type(copy.deepcopy(recorded)) is dict


def test_calls_from_outside_the_adapters_code_are_not_recorded(sap):
    with open_connection(sap) as conn, recording.recording() as recorder:
        read_mara(conn)

    assert recorder.contract()["functions"] == {}


def received_material(**fields: str) -> ReceivedIdoc:
    document = packet(MATMAS05, [material("4711", control={"SNDPOR": TEST_PORT}, **fields)])
    [received] = read_idocs(document)
    return received


def test_an_idoc_read_notes_type_segment_and_field_with_the_sender_port():
    with recording.recording(Recorder(this_module)) as recorder:
        received = received_material(MTART="FERT")
        header = received.find("E1MARAM")
        assert header is not None
        header.get("MTART")
        [child for child in header.children if child.name == "E1MBEWM"]

    maram = recorder.contract()["idocs"]["MATMAS05"]
    assert maram["E1MARAM"] == segment_read(
        [TEST_PORT], [TEST_PORT], MTART=field_read([TEST_PORT], [TEST_PORT]))
    assert maram["E1MBEWM"] == segment_read([TEST_PORT], [])


def test_an_adapter_flow_reading_an_idoc_is_recorded_with_the_default_rule():
    with recording.recording() as recorder:
        master_data.MATMAS.object_key(received_material())

    recorded = recorder.contract()["idocs"]["MATMAS05"]
    assert recorded["E1MARAM"]["fields"]["MATNR"] == field_read([TEST_PORT], [TEST_PORT])


def test_a_recorded_idoc_reads_like_a_plain_one_and_pickles_as_one():
    plain = received_material()
    with recording.recording(Recorder(this_module)):
        recorded = received_material()

    assert recorded.control == plain.control
    assert [s.name for s in recorded.walk()] == [s.name for s in plain.walk()]
    assert isinstance(recorded.segments[0], Segment)
    assert type(pickle.loads(pickle.dumps(recorded)).segments[0].fields) is dict


def test_recordings_of_several_workers_add_up():
    first, second = Recorder(this_module), Recorder(this_module)
    with recording.recording(first):
        received_material().find("E1MARAM")
    with recording.recording(second):
        received_material().find("E1MAKTM")

    merged = Recorder()
    merged.absorb(first.contract())
    merged.absorb(second.contract())

    assert sorted(merged.contract()["idocs"]["MATMAS05"]) == ["E1MAKTM", "E1MARAM"]


# --- the pytest plugin ------------------------------------------------------------------------

SUITE = '''
from crm_adapter.flows import master_data
from sap_client.idoc import read_idocs

DOCUMENT = b"""<MATMAS05><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><IDOCTYP>MATMAS05</IDOCTYP>
<MESTYP>MATMAS</MESTYP><SNDPOR>SAPERP</SNDPOR></EDI_DC40>
<E1MARAM SEGMENT="1"><MATNR>4711</MATNR></E1MARAM></IDOC></MATMAS05>"""


def test_reads_a_material_number():
    [idoc] = read_idocs(DOCUMENT)
    assert master_data.MATMAS.object_key(idoc).endswith("4711") == {passes}
'''


def run_recorded_suite(folder: Path, *, passes: bool) -> tuple[int, Path]:
    (folder / "test_suite.py").write_text(textwrap.dedent(SUITE.replace("{passes}",
                                                                        str(passes))))
    target = folder / "contract.json"
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p",
         "crm_adapter.testing.recording", "--record-contract", str(target), str(folder)],
        cwd=folder, capture_output=True, timeout=120,
        # only the plugin under test: the others take seconds to import
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})
    return completed.returncode, target


def test_the_pytest_plugin_writes_the_contract_of_a_passing_run(tmp_path):
    returncode, target = run_recorded_suite(tmp_path, passes=True)

    assert returncode == 0
    assert json.loads(target.read_text())["idocs"]["MATMAS05"]["E1MARAM"]["fields"] == {
        "MATNR": field_read([TEST_PORT], [TEST_PORT])}


def test_the_pytest_plugin_keeps_the_old_contract_when_tests_fail(tmp_path):
    returncode, target = run_recorded_suite(tmp_path, passes=False)

    assert returncode == 1
    assert not target.exists()

