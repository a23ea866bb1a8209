"""The IDoc receiver (in-process): logon, storing before answering, duplicates, SERIAL order,
failures kept and retried, hostile documents refused with nothing stored."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from crm_driver import (
    RECEIVER_PASSWORD,
    RECEIVER_USER,
    CrmApi,
    CrmDriver,
    CrmProcess,
    body,
    document,
    eventually,
    from_sap,
)
from idoc_builders import customer, material
from sqlalchemy import Connection

from crm_adapter.config import AdapterSettings
from crm_adapter.domain.errors import DomainError
from crm_adapter.flows import master_data
from crm_adapter.inbox import Handlers, Inbox, MessageHandler
from sap_client.idoc import ReceivedIdoc

OLDER = "20250101080000000000"
NEWER = "20250101090000000000"
#: newer than the SERIAL ``from_sap`` gives by default
LATER_THAN_DEFAULT = "20250101130000000000"


def one_material(matnr: str = "4711", description: str = "Pump", **kwargs: str) -> bytes:
    return document(from_sap(material(matnr, description), **kwargs))


# --- logon and content type -------------------------------------------------------------------

def test_a_post_without_credentials_is_refused_with_401_and_nothing_stored(
        crm: CrmDriver) -> None:
    response = crm.receive(one_material(), auth=None)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert crm.inbox() == []


def test_a_post_with_a_wrong_password_is_refused_with_401(crm: CrmDriver) -> None:
    response = crm.receive(one_material(), auth=("sap-port", "guess"))

    assert response.status_code == 401
    assert crm.inbox() == []


@pytest.mark.parametrize("content_type", [
    "application/xml", "text/xml; charset=utf-8", "application/x-sap.idoc",
    "application/idoc+xml"])
def test_any_xml_content_type_is_accepted(crm: CrmDriver, content_type: str) -> None:
    response = crm.receive(one_material(), content_type=content_type)

    assert response.status_code == 200, response.text


def test_a_body_that_is_not_xml_is_refused_with_415(crm: CrmDriver) -> None:
    response = crm.receive(b'{"MATNR": "4711"}', content_type="application/json")

    assert response.status_code == 415
    assert crm.inbox() == []


# --- storing and processing ---------------------------------------------------------------------

def test_every_idoc_of_a_document_is_stored_and_processed(crm: CrmDriver) -> None:
    response = crm.receive(document(from_sap(material("4711", "Pump")),
                                    from_sap(material("4712", "Valve")),
                                    from_sap(material("4713", "Hose"))))

    assert response.status_code == 200
    assert body(response) == {"received": 3, "stored": 3, "duplicates": 0, "processed": 3,
                              "failed": 0, "obsolete": 0}
    assert [e["status"] for e in crm.inbox()] == ["processed"] * 3
    assert crm.material("4712")["description_en"] == "Valve"


def test_an_inbox_entry_keeps_the_control_record_keys_and_the_idoc_xml(
        crm: CrmDriver) -> None:
    idoc = from_sap(material("4711"), docnum="0000000000000042", serial=NEWER)

    crm.receive(document(idoc))

    entry = crm.inbox_entry("ERPCLNT100", "0000000000000042")
    assert entry is not None
    assert (entry["message_type"], entry["idoc_type"], entry["object_key"], entry["serial"]) \
        == ("MATMAS", "MATMAS05", "000000000000004711", NEWER)
    assert "<MATNR>4711</MATNR>" in entry["xml"]


def test_a_resent_idoc_is_acknowledged_but_not_processed_twice(crm: CrmDriver) -> None:
    xml = one_material(docnum="0000000000000007")
    crm.receive(xml)
    first = crm.inbox_entry("ERPCLNT100", "0000000000000007")

    response = crm.receive(xml)

    assert response.status_code == 200
    assert body(response)["duplicates"] == 1
    assert body(response)["processed"] == 0
    again = crm.inbox_entry("ERPCLNT100", "0000000000000007")
    assert len(crm.inbox()) == 1
    assert again is not None and first is not None
    assert (again["attempts"], again["processed_at"]) == (1, first["processed_at"])


def test_a_new_idoc_under_a_docnum_the_sender_used_before_is_applied(crm: CrmDriver) -> None:
    # a sender restored from a backup hands out its DOCNUMs again; CREDAT and CRETIM differ
    crm.receive(document(from_sap(material("4711", "Pump"), docnum="0000000000000007",
                                  serial="20261201101500000000")))

    response = crm.receive(document(from_sap(material("4711", "Pump, restored"),
                                             docnum="0000000000000007",
                                             serial="20261205083000000000")))

    assert (body(response)["stored"], body(response)["duplicates"],
            body(response)["processed"]) == (1, 0, 1)
    assert [(entry["credat"], entry["cretim"]) for entry in crm.inbox()] \
        == [("20261201", "101500"), ("20261205", "083000")]
    assert crm.material("4711")["description_en"] == "Pump, restored"


def test_an_idoc_failing_in_processing_is_acknowledged_and_kept_as_failed(
        crm: CrmDriver) -> None:
    broken = from_sap(material("4711", valuation={"STPRS": "twelve"}))

    response = crm.receive(document(broken))

    assert response.status_code == 200
    assert body(response)["failed"] == 1
    [entry] = crm.inbox()
    assert entry["status"] == "failed"
    assert entry["reason"] == "STPRS 'twelve' is not a number"
    assert crm.material("4711") is None


def test_an_idoc_of_a_message_type_without_handler_is_kept_as_failed(crm: CrmDriver) -> None:
    idoc = from_sap(material("4711"))
    idoc.control["MESTYP"] = "ZMATINFO"

    response = crm.receive(document(idoc))

    assert response.status_code == 200
    [entry] = crm.inbox(status="failed")
    assert entry["reason"] == "no handler for message type ZMATINFO"


def test_a_crash_in_a_flow_is_kept_as_failed_with_the_error(
        make_crm: Callable[[Handlers], CrmDriver]) -> None:
    def crash(conn: object, idoc: object) -> str:
        raise RuntimeError("disk on fire")

    crm = make_crm(Handlers().register("MATMAS", MessageHandler(master_data.material_key,
                                                                crash)))

    response = crm.receive(one_material())

    assert response.status_code == 200
    [entry] = crm.inbox()
    assert (entry["status"], entry["reason"]) == ("failed", "RuntimeError: disk on fire")


def test_a_flow_failing_halfway_leaves_none_of_its_writes_behind(
        make_crm: Callable[[Handlers], CrmDriver]) -> None:
    def create_then_fail(conn: Connection, idoc: ReceivedIdoc) -> str:
        master_data.apply_matmas(conn, idoc)
        raise DomainError("refused after writing")

    crm = make_crm(Handlers().register("MATMAS", MessageHandler(master_data.material_key,
                                                                create_then_fail)))

    crm.receive(one_material())

    assert crm.material("4711") is None
    assert crm.maintenance_queue() == []
    assert crm.inbox()[0]["status"] == "failed"


def test_a_failing_idoc_among_many_leaves_the_others_of_the_document_applied(
        crm: CrmDriver) -> None:
    packet = document(from_sap(material("4711", "Pump")),
                      from_sap(material("4712", valuation={"STPRS": "twelve"})),
                      from_sap(material("4713", "Valve")))

    response = crm.receive(packet)

    assert (body(response)["processed"], body(response)["failed"]) == (2, 1)
    assert crm.material("4711")["description_en"] == "Pump"
    assert crm.material("4712") is None
    assert crm.material("4713")["description_en"] == "Valve"


def test_an_idoc_twice_in_one_document_is_stored_and_applied_once(crm: CrmDriver) -> None:
    idoc = from_sap(material("4711"), docnum="0000000000000007")

    response = crm.receive(document(idoc, idoc))

    assert (body(response)["stored"], body(response)["duplicates"]) == (1, 1)
    [entry] = crm.inbox()
    assert (entry["status"], entry["attempts"]) == ("processed", 1)


def test_a_document_larger_than_a_processing_batch_is_applied_whole_and_in_order(
        crm: CrmDriver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Inbox, "BATCH_SIZE", 2)
    packet = document(from_sap(material("4700", "Part 0, new"), serial=LATER_THAN_DEFAULT),
                      *(from_sap(material(f"47{n:02d}", f"Part {n}")) for n in range(5)))

    response = crm.receive(packet)

    assert body(response)["processed"] == 6
    assert crm.material("4704")["description_en"] == "Part 4"
    assert crm.material("4700")["description_en"] == "Part 0, new"


# --- serialization --------------------------------------------------------------------------------

def test_an_idoc_older_than_the_applied_one_is_obsolete_and_not_applied(
        crm: CrmDriver) -> None:
    crm.receive(one_material(description="Pump, new", serial=NEWER))

    response = crm.receive(one_material(description="Pump, old", serial=OLDER))

    assert body(response)["obsolete"] == 1
    assert crm.material("4711")["description_en"] == "Pump, new"
    assert [e["status"] for e in crm.inbox()] == ["processed", "obsolete"]


def test_of_two_idocs_created_in_the_same_second_the_older_docnum_is_obsolete_after_the_newer(
        crm: CrmDriver) -> None:
    # SAP's SERIAL is the creation date and time: two changes of one material within a
    # second share it, and the sender's DOCNUM tells them apart
    same_second = "20250101090000"
    crm.receive(document(from_sap(material("4711", "Pump, new"), serial=same_second,
                                  docnum="0000000000000502")))

    response = crm.receive(document(from_sap(material("4711", "Pump, old"),
                                             serial=same_second, docnum="0000000000000501")))

    assert body(response)["obsolete"] == 1
    assert crm.material("4711")["description_en"] == "Pump, new"
    assert [e["status"] for e in crm.inbox()] == ["processed", "obsolete"]


def test_idocs_about_one_object_in_one_document_are_applied_in_serial_order(
        crm: CrmDriver) -> None:
    newer_first = document(from_sap(material("4711", "Pump, new"), serial=NEWER),
                           from_sap(material("4711", "Pump, old"), serial=OLDER))

    crm.receive(newer_first)

    assert crm.material("4711")["description_en"] == "Pump, new"
    assert [e["status"] for e in crm.inbox()] == ["processed", "processed"]


def test_an_idoc_about_another_object_is_not_held_back_by_serialization(
        crm: CrmDriver) -> None:
    crm.receive(one_material("4711", serial=NEWER))

    crm.receive(one_material("4712", "Valve", serial=OLDER))

    assert crm.material("4712")["description_en"] == "Valve"


# --- the inbox API: listing and retry -------------------------------------------------------------

def test_the_inbox_lists_failed_idocs(crm: CrmDriver) -> None:
    crm.receive(document(from_sap(material("4711")),
                         from_sap(material("4712", valuation={"VERPR": "x"}))))

    response = crm.http.get("/api/inbox", query_string={"status": "failed"})

    assert response.status_code == 200
    [entry] = body(response)["entries"]
    assert entry["object_key"] == "000000000000004712"
    assert "xml" not in entry


def test_the_inbox_refuses_an_unknown_status_filter(crm: CrmDriver) -> None:
    response = crm.http.get("/api/inbox", query_string={"status": "lost"})

    assert response.status_code == 400


def test_a_failed_idoc_is_processed_again_on_retry(
        make_crm: Callable[[Handlers], CrmDriver]) -> None:
    ready = {"value": False}

    def not_before_ready(conn: object, idoc: object) -> str:
        if not ready["value"]:
            raise DomainError("not ready yet")
        return "applied"

    crm = make_crm(Handlers().register("MATMAS", MessageHandler(master_data.material_key,
                                                                not_before_ready)))
    crm.receive(one_material())
    [failed] = crm.inbox()
    ready["value"] = True

    response = crm.http.post(f"/api/inbox/{failed['id']}/retry")

    assert response.status_code == 200
    entry = body(response)["entry"]
    assert (entry["status"], entry["reason"], entry["attempts"]) == ("processed", "applied", 2)


def test_retrying_a_processed_idoc_is_refused_with_409(crm: CrmDriver) -> None:
    crm.receive(one_material())
    [entry] = crm.inbox()

    response = crm.http.post(f"/api/inbox/{entry['id']}/retry")

    assert response.status_code == 409
    assert body(response)["error"] == "NOT_RETRYABLE"


def test_retrying_an_unknown_inbox_entry_is_404(crm: CrmDriver) -> None:
    assert crm.http.post("/api/inbox/999/retry").status_code == 404


def test_a_retried_idoc_older_than_what_was_applied_meanwhile_becomes_obsolete(
        crm: CrmDriver) -> None:
    crm.receive(document(from_sap(material("4711", valuation={"STPRS": "?"}), serial=OLDER)))
    crm.receive(one_material(description="Pump, new", serial=NEWER))
    [failed] = crm.inbox(status="failed")

    response = crm.http.post(f"/api/inbox/{failed['id']}/retry")

    assert body(response)["entry"]["status"] == "obsolete"
    assert crm.material("4711")["description_en"] == "Pump, new"


# --- hostile or malformed documents ---------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE MATMAS05 [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<MATMAS05><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><DOCNUM>1</DOCNUM></EDI_DC40>
<E1MARAM SEGMENT="1"><MATNR>&b;</MATNR></E1MARAM></IDOC></MATMAS05>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE MATMAS05 [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<MATMAS05><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><DOCNUM>1</DOCNUM></EDI_DC40>
<E1MARAM SEGMENT="1"><MATNR>&secret;</MATNR></E1MARAM></IDOC></MATMAS05>"""


def _broken_after_first_idoc() -> bytes:
    whole = document(from_sap(material("4711")), from_sap(material("4712")))
    return whole[:whole.rindex(b"<IDOC")] + b"<IDOC BEGIN=\"1\"><EDI_DC40"


def _with_control(**fields: str) -> bytes:
    idoc = from_sap(material("4711"))
    idoc.control.update(fields)
    return document(idoc)


def _without_docnum() -> bytes:
    idoc = from_sap(material("4711"))
    del idoc.control["DOCNUM"]
    return document(idoc)


@pytest.mark.parametrize("xml", [
    pytest.param(BILLION_LAUGHS, id="entity-expansion"),
    pytest.param(EXTERNAL_ENTITY, id="external-entity"),
    pytest.param(b"<MATMAS05><IDOC BEGIN=\"1\">", id="not-well-formed"),
    pytest.param(_broken_after_first_idoc(), id="broken-after-a-good-idoc"),
    pytest.param(b"<MATMAS05/>", id="no-idoc"),
    pytest.param(b"<MATMAS05><IDOC BEGIN=\"1\"><E1MARAM SEGMENT=\"1\"/></IDOC></MATMAS05>",
                 id="no-control-record"),
    pytest.param(_without_docnum(), id="control-record-without-docnum"),
    pytest.param(_with_control(DOCNUM="1" * 17), id="docnum-longer-than-16"),
])
def test_a_document_that_cannot_be_read_is_refused_with_400_and_nothing_stored(
        crm: CrmDriver, xml: bytes) -> None:
    response = crm.receive(xml)

    assert response.status_code == 400
    assert body(response)["error"] == "UNREADABLE_IDOC_XML"
    assert crm.inbox() == []
    assert crm.material("4711") is None


def test_debmas_idocs_are_dispatched_to_the_customer_flow(crm: CrmDriver) -> None:
    crm.receive(document(from_sap(customer("9100", "ZPC", name="Hubei center"))))

    center = crm.provincial_center("9100")
    assert center is not None and center["name"] == "Hubei center"


# --- as deployed ----------------------------------------------------------------------------------

def test_crm_adapter_serve_receives_idocs_with_the_configured_credentials(
        crm_process: CrmProcess) -> None:
    response = httpx.post(f"{crm_process.url}/sap/idoc", content=one_material(),
                          auth=(RECEIVER_USER, RECEIVER_PASSWORD),
                          headers={"Content-Type": "application/xml"})

    assert response.status_code == 200, response.text
    assert response.json()["processed"] == 1
    with httpx.Client(base_url=crm_process.url) as http:
        assert CrmApi(http).material("000000000000004711") is not None


def test_applying_after_the_answer_answers_sap_once_the_idocs_are_stored(
        crm_process_applying_after_answer: CrmProcess) -> None:
    served = crm_process_applying_after_answer

    response = httpx.post(f"{served.url}/sap/idoc", content=one_material(),
                          auth=(RECEIVER_USER, RECEIVER_PASSWORD),
                          headers={"Content-Type": "application/xml"})

    assert response.status_code == 200, response.text
    assert (response.json()["stored"], response.json()["processed"]) == (1, 0)
    with httpx.Client(base_url=served.url) as http:
        applied = eventually(lambda: CrmApi(http).material("000000000000004711"),
                             lambda found: found is not None,
                             what="the material applied after the answer")
    assert applied is not None and applied["description_en"] == "Pump"


def test_an_unknown_receiver_processing_setting_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="receiver_processing must be one of"):
        AdapterSettings.load(environ={"CRM_ADAPTER_RECEIVER_PROCESSING": "later"})
