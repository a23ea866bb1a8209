"""``fake-sap parity DIR``: IDoc-XML files as a real SAP exports them, run through a scratch
emulator, with a line per field that fake-sap would refuse, drop or convert differently."""

from __future__ import annotations

from pathlib import Path

import pytest
from idoc_builders import material, packet
from idoc_schemas import GOOD_NOTE, note_idoc, note_type, sap_style_schema

from fake_sap.cli import main
from fake_sap.idoc.document import SegmentData
from fake_sap.idoc.model import Segment, extend, fields
from fake_sap.idoc.types import MATMAS05

Z1MARAM = Segment("Z1MARAM", "Customer material data", fields(("ZZCOLOR", 10)))
ZMATMAS = extend(MATMAS05, "ZMATMAS05P", "Material master with colour", {"E1MARAM": (Z1MARAM,)})


def parity(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["parity", *args])
    return status, capsys.readouterr().out.splitlines()


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """A folder of exported files: materials (one too long), an extension, a Z-type."""
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "01-materials.xml").write_bytes(packet(MATMAS05, [
        material("000000000000004711"), material("4712"),
        material("000000000000004713", description="P" * 41)]))
    with_colour = material("000000000000004714", control={"CIMTYP": ZMATMAS.name})
    with_colour.segments[0].children.append(SegmentData("Z1MARAM", {"ZZCOLOR": "RED"}))
    (folder / "02-extension.xml").write_bytes(packet(ZMATMAS, [with_colour]))
    (folder / "03-notes.xml").write_bytes(note_idoc("ZNOTEPAR01", "ZNOTE", GOOD_NOTE))
    (tmp_path / "ZMATMAS05P.xsd").write_bytes(sap_style_schema(ZMATMAS))
    (tmp_path / "ZNOTEPAR01.xsd").write_bytes(sap_style_schema(note_type("ZNOTEPAR01")))
    return folder


def test_each_difference_is_one_line_naming_the_file_idoc_and_field(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schemas = exported.parent
    status, lines = parity(capsys, str(exported), "--xsd", str(schemas / "ZMATMAS05P.xsd"),
                           "--xsd", str(schemas / "ZNOTEPAR01.xsd"))

    materials, extension = exported / "01-materials.xml", exported / "02-extension.xml"
    assert status == 1
    assert (f"{materials}: IDOC[2]: E1MARAM/MATNR: CONVERT '4712' comes back as "
            f"'000000000000004712'") in lines
    assert (f"{materials}: IDOC[3]: REFUSE status 60 (syntax check): IDOC[3]/E1MARAM/"
            f"E1MAKTM[1]/MAKTX: value '{'P' * 41}' is longer than 40 characters") in lines
    assert (f"{extension}: IDOC[1]: E1MARAM/Z1MARAM: DROP segment not kept (missing when "
            f"the object is sent back)") in lines
    # what the emulator keeps as it came, and the pass-through type, give no line
    assert not [line for line in lines if "IDOC[1]: E1MARAM/MATNR" in line
                or "E1MAKTM" in line and "IDOC[3]" not in line or "03-notes" in line]
    assert lines[-1].startswith("5 IDocs in 3 files: 1 refused, ")


def test_a_type_the_emulator_does_not_know_is_refused_without_its_schema(
        exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = parity(capsys, str(exported))

    assert status == 1
    assert any(line.startswith(f"{exported / '03-notes.xml'}: IDOC[1]: REFUSE status 56")
               and "IDoc type ZNOTEPAR01 is not defined" in line for line in lines)


def test_a_folder_of_understood_traffic_passes(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ZNOTEPAR02.xsd").write_bytes(sap_style_schema(note_type("ZNOTEPAR02")))
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "notes.xml").write_bytes(note_idoc("ZNOTEPAR02", "ZNOTE", GOOD_NOTE))
    (folder / "README.txt").write_text("not an IDoc file, not read")

    status, lines = parity(capsys, str(folder), "--xsd", str(tmp_path / "ZNOTEPAR02.xsd"))

    assert status == 0
    assert lines == ["1 IDocs in 1 files: 0 refused, 0 dropped, 0 converted differently"]


def test_an_unreadable_file_is_named_and_fails_the_check(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    (tmp_path / "broken.xml").write_text("<MATMAS05><IDOC BEGIN='1'>")

    status, lines = parity(capsys, str(tmp_path))

    assert status == 1
    assert lines[0].startswith(f"{tmp_path / 'broken.xml'}: not read: ")


def test_a_missing_folder_is_exit_code_2(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parity", str(tmp_path / "nothing")]) == 2
