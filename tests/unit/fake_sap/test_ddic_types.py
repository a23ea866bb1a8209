"""The one ABAP type system (fake_sap.ddic.types): the IDoc side's text rules live on the same
enum as ABAP's conversion rules, the IDoc model types its fields with that enum, and the
dictionary package stays the bottom layer."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import fake_sap
from fake_sap.ddic.types import IDOC_FIELD_TYPES, XSD_PATTERNS, AbapType, Elementary
from fake_sap.idoc import model, types
from fake_sap.idoc.control import EDI_DC40
from fake_sap.idoc.schema_import import NotAnIdocSchema, read_schema
from fake_sap.idoc.xsd import schema_for
from fake_sap.rfc import model as rfc_model

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]

#: (type, length, text) with whether an IDoc field of that type accepts the text
SAMPLES = [
    (AbapType.CHAR, 3, "abc", True), (AbapType.CHAR, 3, "abcd", False),
    (AbapType.NUMC, 3, "005", True), (AbapType.NUMC, 3, "0a5", False),
    (AbapType.NUMC, 3, "-5", False),
    (AbapType.DATS, 8, "20240229", True), (AbapType.DATS, 8, "00000000", True),
    (AbapType.DATS, 8, "20230229", False), (AbapType.DATS, 8, "2024-01-01", False),
    (AbapType.TIMS, 6, "235959", True), (AbapType.TIMS, 6, "240000", False),
    (AbapType.QUAN, 14, "9999999999.999", True), (AbapType.QUAN, 14, "12.5-", True),
    (AbapType.CURR, 15, "-0.01", True), (AbapType.DEC, 5, "1.2.3", False),
    (AbapType.DEC, 5, ".", False), (AbapType.UNIT, 3, "KGM", True),
    (AbapType.LANG, 1, "EN", False),
]


def test_the_idoc_model_and_the_rfc_model_use_one_enum_and_one_elementary_type():
    assert model.SapType is AbapType
    assert rfc_model.AbapType is AbapType
    assert rfc_model.Elementary is Elementary
    assert model.XSD_PATTERNS is XSD_PATTERNS


@pytest.mark.parametrize(("kind", "length", "text", "valid"), SAMPLES)
def test_an_idoc_field_checks_its_text_with_the_rule_of_its_type(kind, length, text, valid):
    reason = kind.check_text(text, length)
    assert (reason is None) is valid
    assert model.Field("F", length, kind).check(text) == reason


@pytest.mark.parametrize(("kind", "length", "text", "valid"),
                         [s for s in SAMPLES if s[0].xsd_pattern and s[3]])
def test_a_text_the_type_accepts_matches_its_xsd_pattern(kind, length, text, valid):
    assert re.fullmatch(kind.xsd_pattern, text)


def test_only_the_numeric_date_and_time_types_have_a_pattern():
    assert {kind for kind in AbapType if kind.xsd_pattern} == set(XSD_PATTERNS) == {
        AbapType.NUMC, AbapType.DATS, AbapType.TIMS, AbapType.QUAN, AbapType.CURR,
        AbapType.DEC}


def test_every_declared_segment_field_has_an_idoc_field_type():
    declared = {f.type for idoc_type in types.DECLARED for segment in
                idoc_type.all_segments() for f in segment.fields}
    declared |= {f.type for f in EDI_DC40.fields}
    assert declared <= IDOC_FIELD_TYPES


def test_the_idoc_field_types_are_the_character_like_ones():
    assert IDOC_FIELD_TYPES == {AbapType.CHAR, AbapType.NUMC, AbapType.DATS, AbapType.TIMS,
                                AbapType.QUAN, AbapType.CURR, AbapType.DEC, AbapType.UNIT,
                                AbapType.CUKY, AbapType.LANG}


@pytest.mark.parametrize("kind", sorted(set(AbapType) - IDOC_FIELD_TYPES))
def test_an_imported_schema_may_not_type_a_segment_field_with_a_non_text_type(kind):
    segment = model.Segment("Z1TEST", "Test", model.fields(("COUNTER", 5, AbapType.NUMC)))
    schema = schema_for(model.IdocType("ZTEST01", ("ZTEST",), "Test", (segment,)))
    assert b'fs:type="NUMC"' in schema
    with pytest.raises(NotAnIdocSchema, match=f"unknown type '{kind.value}'"):
        read_schema(schema.replace(b'fs:type="NUMC"', f'fs:type="{kind.value}"'.encode()))


def test_the_import_contract_of_the_dictionary_forbids_every_other_module_of_the_emulator():
    """A module added to fake_sap later is forbidden to the dictionary as well."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c.get("source_modules") == ["fake_sap.ddic"])
    package = Path(fake_sap.__file__).parent
    modules = {f"fake_sap.{path.stem}" for path in package.iterdir()
               if (path.suffix == ".py" and path.stem != "__init__")
               or (path.is_dir() and (path / "__init__.py").exists())}
    assert set(contract["forbidden_modules"]) == modules - {"fake_sap.ddic", "fake_sap.errors"}
