"""Customer IDoc types imported from their XML schema, through real ``fake-sap`` processes:
imported with the CLI or ``PUT /_fake/idoc-types/{name}``, kept in the database (a restart
and a second process see them), and IDocs of them checked (60), posted as the basic type
(53, extension segments kept) or passed on to the subscribers of their message type (64)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from idoc_builders import summary, trail
from idoc_schemas import GOOD_NOTE, note_idoc, note_type, sap_style_schema

from fake_sap.cli import main
from fake_sap.idoc.model import IdocType, Segment, extend, fields
from fake_sap.idoc.types import MATMAS05
from fake_sap.idoc.xsd import schema_for
from fake_sap.testing.idoc_receiver import IdocReceiver
from fake_sap.testing.process import FakeSapProcess, SapClient

CONTRACTS = Path(__file__).resolve().parents[1] / "contracts" / "idoc"
_NUMBERS = itertools.count(1)


def unique(prefix: str) -> str:
    """A type name no other test uses (the types are client-independent)."""
    return f"{prefix}{next(_NUMBERS):02d}"[:30]


def put_type(server_or_client: FakeSapProcess | SapClient, name: str, schema: bytes,
             **params: str | list[str]) -> httpx.Response:
    server = server_or_client if isinstance(server_or_client, FakeSapProcess) \
        else server_or_client.server
    with server.control() as http:
        return http.put(f"/_fake/idoc-types/{name}", content=schema, params=params,
                        headers={"Content-Type": "application/xml"})


def listed(server: FakeSapProcess) -> dict[str, dict]:
    with server.control() as http:
        response = http.get("/_fake/idoc-types")
        response.raise_for_status()
        return {t["name"]: t for t in response.json()["idoc_types"]}


def only_docnum(response: httpx.Response) -> str:
    result = summary(response)
    assert result["count"] == 1, response.text
    return str(result["first"])


# --- the list and the schemas --------------------------------------------------------------

def test_the_list_holds_the_built_in_types_and_the_schema_of_one_is_its_contract(
        sap_server: FakeSapProcess) -> None:
    types = listed(sap_server)

    assert types["MATMAS05"]["origin"] == "built-in"
    assert types["ZDELVRY07"] | {"imported_at": None} == types["ZDELVRY07"]
    assert (types["ZDELVRY07"]["kind"], types["ZDELVRY07"]["basic_type"],
            types["ZDELVRY07"]["extension"]) == ("extension", "DELVRY07", "ZDELVRY07")
    with sap_server.control() as http:
        schema = http.get("/_fake/idoc-types/MATMAS05")
        missing = http.get("/_fake/idoc-types/ZNOTHERE01")
    assert schema.status_code == 200
    assert schema.content == (CONTRACTS / "MATMAS05.xsd").read_bytes()
    assert missing.status_code == 404


# --- PUT: import, refusals ------------------------------------------------------------------

def test_put_registers_the_type_and_get_returns_the_schema_as_imported(
        sap_server: FakeSapProcess) -> None:
    name = unique("ZNOTEPUT")
    schema = sap_style_schema(note_type(name))

    response = put_type(sap_server, name, schema, message_type="ZNOTE")

    assert response.status_code == 200, response.text
    view = response.json()
    assert (view["name"], view["origin"], view["kind"], view["message_types"],
            view["segments"]) == (name, "imported", "basic type", ["ZNOTE"], 2)
    assert listed(sap_server)[name]["origin"] == "imported"
    with sap_server.control() as http:
        assert http.get(f"/_fake/idoc-types/{name}").content == schema


@pytest.mark.parametrize(("body", "name", "status", "code"), [
    (b"<wsdl:definitions xmlns:wsdl='http://schemas.xmlsoap.org/wsdl/'/>", "ZWSDL01", 400,
     "NOT_AN_IDOC_SCHEMA"),
    (b"not xml at all", "ZJUNK01", 400, "NOT_AN_IDOC_SCHEMA"),
    (None, "ZOTHERNAME01", 400, "NOT_AN_IDOC_SCHEMA"),
    (schema_for(MATMAS05), "MATMAS05", 409, "CONFLICT"),
], ids=["wsdl", "junk", "name-differs", "built-in"])
def test_put_refuses_what_is_not_an_idoc_schema_of_that_name(
        sap_server: FakeSapProcess, body: bytes | None, name: str, status: int,
        code: str) -> None:
    document = body if body is not None else sap_style_schema(note_type("ZNOTEOTHER01"))

    response = put_type(sap_server, name, document)

    assert response.status_code == status, response.text
    assert response.json()["error"] == code
    assert name not in listed(sap_server) or name == "MATMAS05"


# --- the CLI, a restart, a second process ----------------------------------------------------

def test_cli_import_then_restart_and_a_second_process_see_the_type(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_url = f"sqlite:///{tmp_path / 'sap.db'}"
    schema_file = tmp_path / "ZNOTECLI01.xsd"
    schema_file.write_bytes(sap_style_schema(note_type("ZNOTECLI01")))
    junk_file = tmp_path / "junk.xsd"
    junk_file.write_bytes(b"<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>")

    status = main(["idoc", "import-xsd", str(schema_file), "--message-type", "ZNOTE",
                   "--db", db_url])
    refused = main(["idoc", "import-xsd", str(junk_file), "--db", db_url])

    out, err = capsys.readouterr()
    assert status == 0, err
    assert "imported IDoc type ZNOTECLI01 (basic type; ZNOTE; 2 segments)" in out
    assert refused == 1
    assert f"{junk_file}: An IDoc type's schema has one top-level element" in err
    with FakeSapProcess.start(db_url, workers=1, log=tmp_path / "first.log") as first:
        assert listed(first)["ZNOTECLI01"]["message_types"] == ["ZNOTE"]
        imported_by_put = unique("ZNOTEPROC")
        assert put_type(first, imported_by_put,
                        sap_style_schema(note_type(imported_by_put)),
                        message_type="ZNOTE").status_code == 200
        with FakeSapProcess.start(db_url, workers=1, log=tmp_path / "second.log") as second:
            assert imported_by_put in listed(second)
            response = second.new_client().post_idocs(
                note_idoc(imported_by_put, "ZNOTE", GOOD_NOTE))
            assert summary(response)["statuses"] == {"64": 1}
    with FakeSapProcess.start(db_url, workers=1, log=tmp_path / "again.log") as restarted:
        types = listed(restarted)
        assert {"ZNOTECLI01", imported_by_put} <= set(types)
        assert types["ZNOTECLI01"]["origin"] == "imported"


# --- IDocs of an imported type ---------------------------------------------------------------

@pytest.fixture(scope="module")
def note_type_name(sap_server: FakeSapProcess) -> str:
    name = unique("ZNOTEIN")
    response = put_type(sap_server, name, sap_style_schema(note_type(name)),
                        message_type="ZNOTE")
    assert response.status_code == 200, response.text
    return name


@pytest.mark.parametrize(("body", "message"), [
    ('<Z1NOTEH SEGMENT="1"><NOTEID>N-1234567890123</NOTEID></Z1NOTEH>',
     "IDOC[1]/Z1NOTEH[1]/NOTEID: value 'N-1234567890123' is longer than 12 characters"),
    ('<Z1NOTEL SEGMENT="1"><TDLINE>x</TDLINE></Z1NOTEL>'
     '<Z1NOTEH SEGMENT="1"><NOTEID>N-1</NOTEID></Z1NOTEH>',
     "IDOC[1]: segment Z1NOTEL is not allowed here"),
    ('<Z1NOTEH SEGMENT="1"><NOTEID>N-1</NOTEID><Z1NOTEX SEGMENT="1"><A>1</A></Z1NOTEX>'
     "</Z1NOTEH>", "IDOC[1]/Z1NOTEH[1]: segment Z1NOTEX is not allowed here"),
    ('<Z1NOTEH SEGMENT="1"><NOTEID>N-1</NOTEID><COLOR>red</COLOR></Z1NOTEH>',
     "IDOC[1]/Z1NOTEH[1]/COLOR: field COLOR is not defined in segment Z1NOTEH"),
    ('<Z1NOTEH SEGMENT="1"><KUNNR>3001</KUNNR></Z1NOTEH>',
     "IDOC[1]/Z1NOTEH[1]/NOTEID: mandatory field is empty"),
], ids=["too-long", "wrong-level", "unknown-segment", "unknown-field", "mandatory"])
def test_a_bad_idoc_of_an_imported_type_ends_in_60_with_the_built_in_message(
        sap: SapClient, note_type_name: str, body: str, message: str) -> None:
    response = sap.post_idocs(note_idoc(note_type_name, "ZNOTE", body))

    docnum = only_docnum(response)
    assert trail(sap, docnum) == ["50", "60"]
    assert sap.idoc(docnum)["status_records"][-1]["text"] == message


def test_an_idoc_of_a_message_type_not_assigned_to_the_type_ends_in_56(
        sap: SapClient, note_type_name: str) -> None:
    response = sap.post_idocs(note_idoc(note_type_name, "MATMAS", GOOD_NOTE))

    assert trail(sap, only_docnum(response)) == ["56"]


@pytest.fixture
def receiver() -> Iterator[IdocReceiver]:
    port = IdocReceiver()
    yield port
    port.stop()


def test_a_type_without_posting_logic_ends_in_64_and_goes_to_the_subscribers(
        sap: SapClient, note_type_name: str, receiver: IdocReceiver) -> None:
    sap.register_partner("NOTESYS", url=receiver.url, outbound=["ZNOTE"])

    response = sap.post_idocs(note_idoc(note_type_name, "ZNOTE", GOOD_NOTE))

    docnum = only_docnum(response)
    assert trail(sap, docnum) == ["50", "64"]
    shown = sap.idoc(docnum)
    assert shown["segments"][0]["segment"] == "Z1NOTEH"
    assert shown["segments"][0]["children"][0]["fields"]["TDLINE"] == "Call back"
    again = sap.process(docnum)
    assert again.status_code == 409
    assert "has no posting logic" in again.json()["message"]
    [post] = receiver.wait_for(1)
    assert post.idoc_type == note_type_name
    assert post.control("MESTYP") == "ZNOTE"
    assert post.control("RCVPRN") == "NOTESYS"
    assert post.find("Z1NOTEH/Z1NOTEL/TDLINE") == "Call back"


def test_an_extension_of_a_built_in_type_posts_its_standard_part_and_keeps_its_segments(
        sap: SapClient) -> None:
    name = unique("ZMATMASX")
    z1maram = Segment("Z1MARAM", "Customer material data",
                      fields(("ZZCOLOR", 10), ("ZZSHELF", 4)))
    extension = extend(MATMAS05, name, "Material master with colour", {"E1MARAM": (z1maram,)})
    assert put_type(sap, name, sap_style_schema(extension)).status_code == 200
    matnr = f"EXT-{next(_NUMBERS)}"
    document = f"""<?xml version="1.0" encoding="UTF-8"?>
<{name}><IDOC BEGIN="1">
  <EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><DIRECT>2</DIRECT><IDOCTYP>MATMAS05</IDOCTYP>
    <CIMTYP>{name}</CIMTYP><MESTYP>MATMAS</MESTYP><SNDPOR>SAPCRM</SNDPOR><SNDPRT>LS</SNDPRT>
    <SNDPRN>CRMCLNT100</SNDPRN><RCVPRT>LS</RCVPRT><RCVPRN>FAKESAP</RCVPRN></EDI_DC40>
  <E1MARAM SEGMENT="1"><MSGFN>005</MSGFN><MATNR>{matnr}</MATNR><MTART>FERT</MTART>
    <MEINS>ST</MEINS>
    <E1MAKTM SEGMENT="1"><SPRAS_ISO>EN</SPRAS_ISO><MAKTX>Pump</MAKTX></E1MAKTM>
    <Z1MARAM SEGMENT="1"><ZZCOLOR>RED</ZZCOLOR><ZZSHELF>A1</ZZSHELF></Z1MARAM>
  </E1MARAM>
</IDOC></{name}>""".encode()

    response = sap.post_idocs(document)

    docnum = only_docnum(response)
    assert trail(sap, docnum) == ["50", "64", "53"]
    shown = sap.idoc(docnum)
    assert (shown["idoctyp"], shown["cimtyp"]) == ("MATMAS05", name)
    children = {c["segment"]: c for c in shown["segments"][0]["children"]}
    assert children["Z1MARAM"]["fields"] == {"ZZCOLOR": "RED", "ZZSHELF": "A1"}
    too_long = document.replace(b"<ZZSHELF>A1</ZZSHELF>", b"<ZZSHELF>A12345</ZZSHELF>")
    refused = only_docnum(sap.post_idocs(too_long))
    assert trail(sap, refused) == ["50", "60"]


def test_a_type_imported_again_is_used_in_its_new_form_by_every_worker(
        sap: SapClient) -> None:
    name = unique("ZNOTEV")
    first = note_type(name)
    assert put_type(sap, name, sap_style_schema(first), message_type="ZNOTE").status_code == 200
    long_line = ('<Z1NOTEH SEGMENT="1"><NOTEID>N-1</NOTEID><Z1NOTEL SEGMENT="1">'
                 "<TDLINE>twelve chars</TDLINE></Z1NOTEL></Z1NOTEH>")
    # several posts: the server's workers take them in turn, each must see each version
    before = [only_docnum(sap.post_idocs(note_idoc(name, "ZNOTE", long_line)))
              for _ in range(4)]
    line = Segment("Z1NOTEL", "Note line", fields(("TDLINE", 8),), max_occurs=3)
    header = first.segments[0]
    second = IdocType(name, (), "CRM notes, short lines", (Segment(
        header.name, header.description, header.fields, (line,), header.min_occurs,
        header.max_occurs),))
    assert put_type(sap, name, sap_style_schema(second), message_type="ZNOTE").status_code == 200

    after = [only_docnum(sap.post_idocs(note_idoc(name, "ZNOTE", long_line)))
             for _ in range(4)]

    assert [trail(sap, d)[-1] for d in before] == ["64"] * 4
    assert [trail(sap, d)[-1] for d in after] == ["60"] * 4
    assert listed(sap.server)[name]["description"] == "CRM notes, short lines"
