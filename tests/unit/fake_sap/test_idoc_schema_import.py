"""Reading IDoc types from their XML schema: the emulator's own schemas give back the very
declarations they were generated from, SAP's layout gives the same segments, fields and
occurrences, and anything that is not an IDoc type's schema is refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from idoc_schemas import sap_style_schema

from fake_sap.idoc.model import UNBOUNDED, IdocType, SapType, Segment, extend, fields
from fake_sap.idoc.schema_import import NotAnIdocSchema, read_schema
from fake_sap.idoc.types import DECLARED, IDOC_TYPES, MATMAS05
from fake_sap.idoc.xsd import schema_for

pytestmark = pytest.mark.unit

CONTRACTS = Path(__file__).resolve().parents[3] / "contracts" / "idoc"

Z1NOTEL = Segment("Z1NOTEL", "Note line",
                  fields(("TDLINE", 132, SapType.CHAR, "Text line"),
                         ("LINENO", 4, SapType.CHAR, "Line number")),
                  max_occurs=99)
Z1NOTEH = Segment("Z1NOTEH", "Note header",
                  fields(("NOTEID!", 12, SapType.CHAR, "Note"),
                         ("KUNNR", 10, SapType.CHAR, "Customer")),
                  children=(Z1NOTEL,), min_occurs=1, max_occurs=UNBOUNDED)
ZCRMNOTE01 = IdocType("ZCRMNOTE01", (), "CRM notes", (Z1NOTEH,))


@pytest.mark.parametrize("declared", DECLARED, ids=lambda t: t.name)
def test_a_generated_schema_reads_back_into_its_declaration(declared: IdocType) -> None:
    assert read_schema(schema_for(declared), basic_types=IDOC_TYPES.get) == declared


@pytest.mark.parametrize("declared", DECLARED, ids=lambda t: t.name)
def test_the_committed_contract_reads_back_into_its_declaration(declared: IdocType) -> None:
    committed = (CONTRACTS / f"{declared.name}.xsd").read_bytes()

    assert read_schema(committed, basic_types=IDOC_TYPES.get) == declared


def test_sap_layout_gives_segments_fields_lengths_occurrences_and_hierarchy() -> None:
    read = read_schema(sap_style_schema(ZCRMNOTE01), message_types=["ZCRMNOT"])

    assert read.name == "ZCRMNOTE01"
    assert read.description == "CRM notes"
    assert read.message_types == ("ZCRMNOT",)
    assert not read.is_extension
    header = read.segment("Z1NOTEH")
    assert header is not None
    assert (header.min_occurs, header.max_occurs, header.description) == \
        (1, UNBOUNDED, "Note header")
    assert [(f.name, f.length, f.type, f.mandatory) for f in header.fields] == \
        [("NOTEID", 12, SapType.CHAR, True), ("KUNNR", 10, SapType.CHAR, False)]
    assert [c.name for c in header.children] == ["Z1NOTEL"]
    assert header.children[0].max_occurs == 99
    # SAP's schema says nothing but the length: every field reads as CHAR, as IDoc data is
    assert read == ZCRMNOTE01.__class__(ZCRMNOTE01.name, ("ZCRMNOT",), ZCRMNOTE01.description,
                                        ZCRMNOTE01.segments)


def test_sap_layout_of_an_extension_names_its_basic_type_in_the_control_record() -> None:
    z1maram = Segment("Z1MARAM", "Customer material data", fields(("ZZCOLOR", 10)))
    declared = extend(MATMAS05, "ZMATMAS05X", "Material master with colour",
                      {"E1MARAM": (z1maram,)})

    read = read_schema(sap_style_schema(declared), basic_types=IDOC_TYPES.get)

    assert (read.name, read.basic_type, read.idoctyp, read.cimtyp) == \
        ("ZMATMAS05X", "MATMAS05", "MATMAS05", "ZMATMAS05X")
    assert read.message_types == MATMAS05.message_types
    customer = read.segment("Z1MARAM")
    standard = read.segment("E1MARAM")
    assert customer is not None and customer.extension
    assert standard is not None and not standard.extension


def test_the_basic_type_can_be_given_when_the_schema_does_not_say() -> None:
    z1maram = Segment("Z1MARAM", "Customer material data", fields(("ZZCOLOR", 10)))
    declared = extend(MATMAS05, "ZMATMAS05Y", "Material master with colour",
                      {"E1MARAM": (z1maram,)})
    schema = sap_style_schema(declared, fix_types=False)

    as_basic = read_schema(schema)
    as_extension = read_schema(schema, basic_types=IDOC_TYPES.get, basic_type="MATMAS05")

    assert not as_basic.is_extension
    assert as_extension.basic_type == "MATMAS05"


def test_an_extension_of_an_unknown_basic_type_is_refused() -> None:
    declared = extend(MATMAS05, "ZMATMAS05Z", "x", {})

    with pytest.raises(NotAnIdocSchema, match="basic type MATMAS05, which is not known"):
        read_schema(sap_style_schema(declared))


def test_an_extension_lacking_segments_of_its_basic_type_is_refused() -> None:
    schema = sap_style_schema(IdocType("ZMATMAS05W", (), "x", (Z1NOTEH,), basic_type="MATMAS05"))

    with pytest.raises(NotAnIdocSchema, match="lacks segment"):
        read_schema(schema, basic_types=IDOC_TYPES.get)


XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"'


@pytest.mark.parametrize(("document", "reason"), [
    (b"<not xml", "not well-formed XML"),
    (b"<IDOC/>", "Not an XML schema"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xs:schema/>', "DTDs"),
    (f'<xs:schema {XS}><xs:element name="A"/><xs:element name="B"/></xs:schema>'.encode(),
     "has 2"),
    (f'<xs:schema {XS}><xs:element name="ORDER"><xs:complexType><xs:sequence>'
     '<xs:element name="ITEM" type="xs:string"/></xs:sequence></xs:complexType>'
     "</xs:element></xs:schema>".encode(), "one element IDOC"),
    (f'<xs:schema {XS}><xs:element name="ZT"><xs:complexType><xs:sequence>'
     '<xs:element name="IDOC"><xs:complexType><xs:sequence>'
     '<xs:element name="EDI_DC40"><xs:complexType/></xs:element>'
     '</xs:sequence></xs:complexType></xs:element>'
     "</xs:sequence></xs:complexType></xs:element></xs:schema>".encode(), "BEGIN"),
    (b"", "not well-formed"),
    (b"<!--" + b"x" * 5000 + b'--><!DOCTYPE s [<!ENTITY a "b">]><xs:schema ' + XS.encode()
     + b"/>", "DTDs"),
    (f'<xs:schema {XS}><xs:element name="lower"/></xs:schema>'.encode(), "not a name"),
], ids=["not-xml", "not-a-schema", "dtd", "two-roots", "no-idoc", "no-begin", "empty",
        "late-dtd", "bad-name"])
def test_what_is_not_an_idoc_schema_is_refused_with_a_reason(document: bytes,
                                                            reason: str) -> None:
    with pytest.raises(NotAnIdocSchema, match=reason):
        read_schema(document)


def _broken(replace: str, by: str) -> bytes:
    schema = sap_style_schema(ZCRMNOTE01).decode()
    assert replace in schema
    return schema.replace(replace, by, 1).encode()


def test_a_segment_without_the_segment_attribute_is_refused() -> None:
    text = sap_style_schema(ZCRMNOTE01).decode()
    header_start = text.index('name="ZCRMNOTE01.Z1NOTEH"')
    header_end = text.index("</xsd:complexType>", header_start)
    header = text[header_start:header_end].replace('name="SEGMENT"', 'name="OTHER"')
    schema = (text[:header_start] + header + text[header_end:]).encode()

    with pytest.raises(NotAnIdocSchema, match="Z1NOTEH under IDOC is not a segment"):
        read_schema(schema)


def test_a_field_without_max_length_is_refused() -> None:
    schema = _broken('<xsd:maxLength value="12"/>', "")

    with pytest.raises(NotAnIdocSchema, match="Field NOTEID of segment Z1NOTEH has no"):
        read_schema(schema)


def test_a_segment_twice_in_one_type_is_refused() -> None:
    twice = IdocType("ZTWICE01", (), "x", (Z1NOTEH, Segment("Z1NOTEX", "x", (),
                                                              children=(Z1NOTEL,))))

    with pytest.raises(NotAnIdocSchema, match="Segment Z1NOTEL appears twice"):
        read_schema(schema_for(twice))


def test_idoc_validate_checks_files_of_a_customer_type_given_its_schema(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from idoc_schemas import GOOD_NOTE, note_idoc, note_type

    from fake_sap.cli import main

    schema = tmp_path / "ZNOTEVAL01.xsd"
    schema.write_bytes(sap_style_schema(note_type("ZNOTEVAL01")))
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_bytes(note_idoc("ZNOTEVAL01", "ZNOTE", GOOD_NOTE))
    bad.write_bytes(note_idoc("ZNOTEVAL01", "ZNOTE", GOOD_NOTE.replace("N-1", "N" * 13)))

    without = main(["idoc", "validate", str(good)])
    with_schema = main(["idoc", "validate", str(good), str(bad), "--xsd", str(schema)])

    lines = capsys.readouterr().out.splitlines()
    assert without == 1
    assert "IDoc type ZNOTEVAL01 is not defined in this system" in lines[0]
    assert with_schema == 1
    assert f"{good}: OK, 1 IDoc (ZNOTEVAL01)" in lines
    assert (f"{bad}: IDOC[1]/Z1NOTEH[1]/NOTEID: value '{'N' * 13}' is longer than 12 "
            f"characters") in lines
