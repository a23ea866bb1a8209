"""``fake-sap idoc validate FILE...``: offline check of IDoc-XML files against the declarations."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_sap.cli import main

pytestmark = pytest.mark.unit


def material(matnr: str = "4711", maktx: str = "Pump", *, mestyp: str = "MATMAS") -> str:
    """One ``<IDOC>`` of a MATMAS05 document."""
    return f"""
  <IDOC BEGIN="1">
    <EDI_DC40 SEGMENT="1">
      <TABNAM>EDI_DC40</TABNAM><DIRECT>2</DIRECT><IDOCTYP>MATMAS05</IDOCTYP>
      <MESTYP>{mestyp}</MESTYP><SNDPRT>LS</SNDPRT><SNDPRN>CRMCLNT100</SNDPRN>
    </EDI_DC40>
    <E1MARAM SEGMENT="1">
      <MSGFN>005</MSGFN><MATNR>{matnr}</MATNR><MTART>FERT</MTART><MEINS>ST</MEINS>
      <E1MAKTM SEGMENT="1"><SPRAS_ISO>EN</SPRAS_ISO><MAKTX>{maktx}</MAKTX></E1MAKTM>
    </E1MARAM>
  </IDOC>"""


def write(tmp_path: Path, *idocs: str, root: str = "MATMAS05") -> str:
    path = tmp_path / "packet.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<{root}>{"".join(idocs)}\n'
                    f"</{root}>\n", encoding="utf-8")
    return str(path)


def validate(capsys, *files: str) -> tuple[int, list[str]]:
    status = main(["idoc", "validate", *files])
    return status, capsys.readouterr().out.splitlines()


def test_valid_file_exits_0_with_an_ok_line(tmp_path, capsys):
    path = write(tmp_path, material("4711"), material("4712"))

    status, lines = validate(capsys, path)

    assert status == 0
    assert lines == [f"{path}: OK, 2 IDocs (MATMAS05)"]


def test_too_long_field_names_idoc_segment_path_field_and_reason(tmp_path, capsys):
    path = write(tmp_path, material("4711"), material("4712", maktx="P" * 41))

    status, lines = validate(capsys, path)

    assert status == 1
    assert lines[0] == (f"{path}: IDOC[2]/E1MARAM/E1MAKTM[1]/MAKTX: value '{'P' * 41}' "
                        f"is longer than 40 characters")


def test_failed_validation_ends_with_a_problem_count(tmp_path, capsys):
    path = write(tmp_path, material("4711"), material("4712", maktx="P" * 41))

    _, lines = validate(capsys, path)

    assert lines[-1] == f"{path}: 1 problem in 1 of 2 IDocs"


def test_empty_mandatory_field_is_reported(tmp_path, capsys):
    path = write(tmp_path, material(matnr=""))

    status, lines = validate(capsys, path)

    assert status == 1
    assert f"{path}: IDOC[1]/E1MARAM/MATNR: mandatory field is empty" in lines


def test_unknown_segment_is_reported(tmp_path, capsys):
    idoc = material().replace("</E1MARAM>", '<Z1MARAM SEGMENT="1"/></E1MARAM>')
    path = write(tmp_path, idoc)

    status, lines = validate(capsys, path)

    assert status == 1
    assert f"{path}: IDOC[1]/E1MARAM: segment Z1MARAM is not allowed here" in lines


def test_message_type_not_assigned_to_the_idoc_type_is_reported(tmp_path, capsys):
    path = write(tmp_path, material(mestyp="DEBMAS"))

    status, lines = validate(capsys, path)

    assert status == 1
    assert lines[0] == (f"{path}: IDOC[1]/EDI_DC40/MESTYP: message type DEBMAS is not "
                        f"assigned to IDoc type MATMAS05")


def test_malformed_xml_exits_1_with_a_clear_message(tmp_path, capsys):
    path = tmp_path / "broken.xml"
    path.write_text("<MATMAS05><IDOC BEGIN='1'></MATMAS05>", encoding="utf-8")

    status, lines = validate(capsys, str(path))

    assert status == 1
    [line] = lines
    assert line.startswith(f"{path}: not well-formed XML: ")


def test_xml_that_is_not_idoc_xml_exits_1_with_a_clear_message(tmp_path, capsys):
    path = tmp_path / "order.xml"
    path.write_text("<order><id>42</id></order>", encoding="utf-8")

    status, lines = validate(capsys, str(path))

    assert status == 1
    assert lines == [f"{path}: not an IDoc-XML document: the document contains no <IDOC> "
                     f"element"]


def test_missing_file_exits_1_with_a_clear_message(tmp_path, capsys):
    path = tmp_path / "nowhere.xml"

    status, lines = validate(capsys, str(path))

    assert status == 1
    assert lines == [f"{path}: cannot read the file: No such file or directory"]


def test_every_file_is_checked_and_one_bad_file_fails_the_run(tmp_path, capsys):
    good = write(tmp_path, material())
    bad = str(tmp_path / "nowhere.xml")

    status, lines = validate(capsys, bad, good)

    assert status == 1
    assert lines[-1] == f"{good}: OK, 1 IDoc (MATMAS05)"
