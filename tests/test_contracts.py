"""contracts/ and docs/idoc/ are generated from the declarations; the committed copies must
match them, and ``fake-sap contracts`` keeps them so."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema_rs
import pytest
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from fake_sap.cli import main
from fake_sap.compose import openapi_document as document
from fake_sap.contracts import OPENAPI_FILE, generated_files, stale_files
from fake_sap.idoc.model import SapType, Segment, extend, fields
from fake_sap.idoc.reference import type_page
from fake_sap.idoc.types import DEBMAS07

REPOSITORY = Path(__file__).resolve().parents[1]
GENERATED = generated_files()
REGENERATE = "run `fake-sap contracts` (or `make contracts`) and commit the result"


@pytest.mark.parametrize("relative", sorted(GENERATED))
def test_committed_file_matches_the_declarations(relative):
    committed = REPOSITORY / relative

    assert committed.is_file(), f"{relative} is missing; {REGENERATE}"
    assert committed.read_bytes() == GENERATED[relative], \
        f"{relative} differs from what the declarations generate; {REGENERATE}"


def test_no_stale_generated_files_are_committed():
    stale = stale_files(REPOSITORY, GENERATED)

    assert stale == [], f"{stale} are no longer generated; {REGENERATE}"


def test_every_declared_idoc_type_has_a_schema_and_a_reference_page():
    assert {"contracts/idoc/MATMAS05.xsd", "contracts/idoc/DEBMAS07.xsd",
            "docs/idoc/MATMAS05.md", "docs/idoc/DEBMAS07.md",
            "docs/idoc/README.md"} <= set(GENERATED)


# --- the OpenAPI document of the control API ---------------------------------------------------

def test_openapi_document_is_valid_openapi_3_1():
    OPENAPI_31_VALIDATOR.validate(document())


@pytest.mark.parametrize("name", sorted(document()["components"]["schemas"]))
def test_openapi_component_schema_is_valid_json_schema(name):
    jsonschema_rs.meta.validate(document()["components"]["schemas"][name])


def test_openapi_references_all_resolve():
    spec = document()
    references = re.findall(r'"\$ref": "#/([^"]+)"', json.dumps(spec))

    unresolved = [ref for ref in references if not _resolves(spec, ref.split("/"))]
    assert references and unresolved == []


def test_openapi_path_templates_declare_their_parameters():
    for path, item in document()["paths"].items():
        templated = set(re.findall(r"{(\w+)}", path))
        for method, operation in item.items():
            if method == "parameters":
                continue
            declared = {p["name"] for p in item.get("parameters", []) + operation.get(
                "parameters", []) if p["in"] == "path"}
            assert declared == templated, f"{method.upper()} {path}"


def test_openapi_operation_ids_are_unique():
    ids = [operation["operationId"] for item in document()["paths"].values()
           for method, operation in item.items() if method != "parameters"]

    assert len(ids) == len(set(ids))


def test_openapi_file_is_pretty_json_with_sorted_keys_and_a_final_newline():
    text = GENERATED[OPENAPI_FILE].decode("utf-8")

    assert json.loads(text) == document()
    assert text == json.dumps(document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _resolves(node: object, parts: list[str]) -> bool:
    for part in parts:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


# --- the fake-sap contracts command ------------------------------------------------------------

def contracts(capsys, *args: str) -> tuple[int, str]:
    status = main(["contracts", *args])
    return status, capsys.readouterr().out


def test_command_writes_every_generated_file_into_the_root(tmp_path, capsys):
    status, _ = contracts(capsys, "--root", str(tmp_path))

    assert status == 0
    assert {p: (tmp_path / p).read_bytes() for p in GENERATED} == GENERATED


def test_check_passes_when_the_root_is_up_to_date(tmp_path, capsys):
    contracts(capsys, "--root", str(tmp_path))

    status, out = contracts(capsys, "--check", "--root", str(tmp_path))

    assert status == 0
    assert "up to date" in out


def test_check_fails_naming_a_changed_file_and_writes_nothing(tmp_path, capsys):
    contracts(capsys, "--root", str(tmp_path))
    changed = tmp_path / "contracts/idoc/MATMAS05.xsd"
    changed.write_bytes(b"<edited/>")

    status, out = contracts(capsys, "--check", "--root", str(tmp_path))

    assert status == 1
    assert "contracts/idoc/MATMAS05.xsd: differs" in out
    assert "fake-sap contracts" in out
    assert changed.read_bytes() == b"<edited/>"


def test_check_fails_on_an_empty_root_listing_missing_files(tmp_path, capsys):
    status, out = contracts(capsys, "--check", "--root", str(tmp_path))

    assert status == 1
    assert "docs/idoc/README.md: missing" in out
    assert not (tmp_path / "contracts").exists()


def test_command_removes_a_stale_schema_of_a_type_no_longer_declared(tmp_path, capsys):
    contracts(capsys, "--root", str(tmp_path))
    stale = tmp_path / "contracts/idoc/ZNOTDECLARED01.xsd"
    stale.write_bytes(b"<old/>")

    status, out = contracts(capsys, "--root", str(tmp_path))

    assert status == 0
    assert not stale.exists()
    assert "removed contracts/idoc/ZNOTDECLARED01.xsd" in out


def test_check_reports_a_stale_reference_page(tmp_path, capsys):
    contracts(capsys, "--root", str(tmp_path))
    (tmp_path / "docs/idoc/ZNOTDECLARED01.md").write_text("old")

    status, out = contracts(capsys, "--check", "--root", str(tmp_path))

    assert status == 1
    assert "docs/idoc/ZNOTDECLARED01.md: stale" in out


def test_command_leaves_files_it_does_not_own_alone(tmp_path, capsys):
    other = tmp_path / "docs/architecture.md"
    other.parent.mkdir(parents=True)
    other.write_text("hand-written")

    contracts(capsys, "--root", str(tmp_path))

    assert other.read_text() == "hand-written"


# --- reference pages ---------------------------------------------------------------------------

def test_reference_page_of_an_extension_names_its_basic_type_and_marks_customer_segments():
    customer_segment = Segment("Z1KNA1M", "CRM fields of the customer",
                               fields(("ZZCRMID", 20, SapType.CHAR, "CRM account id")))
    extension = extend(DEBMAS07, "ZDEBMAS07", "Customer master with CRM fields",
                       {"E1KNA1M": (customer_segment,)})

    page = type_page(extension)

    assert "of basic type [DEBMAS07](DEBMAS07.md)" in page
    assert "- [Z1KNA1M](#z1kna1m) `0..1` CRM fields of the customer *(extension)*" in page
    assert "| `ZZCRMID` | CHAR | 20 |  | CRM account id |" in page
