"""The adapter's OpenAPI document: valid OpenAPI 3.1, committed as
``contracts/openapi/crm-adapter.json`` and kept current by ``crm-adapter openapi``, served
at ``/api/openapi.json``, covering every route, and describing what the API really answers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from crm_driver import CrmDriver, body, from_sap
from crm_driver import document as idoc_document
from flask import Flask
from idoc_builders import customer, material
from landscape import Landscape
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from crm_adapter.cli import main
from crm_adapter.compose import openapi_document as document
from crm_adapter.compose import openapi_json
from crm_adapter.http.openapi import OPENAPI_FILE

REPOSITORY = Path(__file__).resolve().parents[2]
REGENERATE = "run `crm-adapter openapi` and commit the result"
SPEC = document()


def test_the_committed_document_is_current() -> None:
    committed = REPOSITORY / OPENAPI_FILE

    assert committed.is_file(), f"{OPENAPI_FILE} is missing; {REGENERATE}"
    assert committed.read_bytes() == openapi_json(), f"{OPENAPI_FILE} is stale; {REGENERATE}"


def test_the_served_document_is_the_committed_one(crm_app: Flask) -> None:
    response = crm_app.test_client().get("/api/openapi.json")

    assert response.status_code == 200
    assert response.get_json() == json.loads((REPOSITORY / OPENAPI_FILE).read_text("utf-8"))


def test_the_document_is_valid_openapi_3_1() -> None:
    OPENAPI_31_VALIDATOR.validate(SPEC)


@pytest.mark.parametrize("name", sorted(SPEC["components"]["schemas"]))
def test_each_component_schema_is_valid_json_schema(name: str) -> None:
    jsonschema_rs.meta.validate(SPEC["components"]["schemas"][name])


def test_every_reference_resolves() -> None:
    references = re.findall(r'"\$ref": "#/([^"]+)"', json.dumps(SPEC))

    unresolved = [ref for ref in references if not _resolves(SPEC, ref.split("/"))]
    assert references and unresolved == []


def test_path_templates_declare_their_parameters_and_operation_ids_are_unique() -> None:
    ids = []
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert declared == set(re.findall(r"{(\w+)}", path)), f"{method.upper()} {path}"
            ids.append(operation["operationId"])
    assert len(ids) == len(set(ids))


def test_every_route_of_the_adapter_is_documented(crm_app: Flask) -> None:
    served = {(re.sub(r"<(?:[^:>]+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
              for rule in crm_app.url_map.iter_rules() if rule.endpoint != "static"
              for method in rule.methods or () if method not in ("HEAD", "OPTIONS")}
    documented = {(path, method) for path, item in SPEC["paths"].items() for method in item}

    assert served == documented


def test_the_command_writes_the_document_and_checks_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ["--root", str(tmp_path)]

    assert main(["openapi", "--check", *root]) == 1
    assert main(["openapi", *root]) == 0
    assert main(["openapi", "--check", *root]) == 0
    assert (tmp_path / OPENAPI_FILE).read_bytes() == openapi_json()
    assert "is up to date" in capsys.readouterr().out


def _resolves(node: object, parts: list[str]) -> bool:
    for part in parts:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


# --- what the API answers matches the document ------------------------------------------------

def assert_documented(path: str, method: str, response: Any) -> None:
    """The response's status is documented for the operation and its body fits the schema."""
    operation = SPEC["paths"][path][method]
    status = str(response.status_code)
    assert status in operation["responses"], f"{method.upper()} {path} answered {status}"
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    validator = jsonschema_rs.validator_for({**schema, "components": SPEC["components"]})
    errors = [str(e) for e in validator.iter_errors(body(response))]
    assert errors == [], f"{method.upper()} {path} {status}: {errors}"


def test_answers_about_applications_match_the_document(landscape: Landscape) -> None:
    http, material = landscape.http, landscape.materials[0]
    created = http.post("/api/applications", json={
        "outlet": landscape.outlets[0], "type": "sales_order",
        "items": [{"material": material, "quantity": "2.5"}]})
    assert_documented("/api/applications", "post", created)
    application_id = body(created)["application"]["id"]
    assert_documented("/api/applications/{application_id}/approve", "post",
                      http.post(f"/api/applications/{application_id}/approve"))
    landscape.work()

    assert_documented("/api/applications/{application_id}", "get",
                      http.get(f"/api/applications/{application_id}"))
    assert_documented("/api/applications", "get", http.get("/api/applications"))
    assert_documented("/api/applications/{application_id}/reject", "post",
                      http.post(f"/api/applications/{application_id}/reject",
                                json={"reason": "too late"}))
    assert_documented("/api/applications", "post", http.post("/api/applications", json={}))
    assert_documented("/api/applications/{application_id}", "get",
                      http.get("/api/applications/999"))


def test_answers_about_returns_match_the_document(landscape: Landscape) -> None:
    http, material = landscape.http, landscape.materials[0]
    application = landscape.apply(landscape.outlets[0], "sales_order", {material: 3})
    landscape.approve(application["id"])
    landscape.work()
    created = http.post("/api/returns", json={
        "outlet": landscape.outlets[0], "application_id": application["id"],
        "items": [{"material": material, "quantity": 1}]})
    assert_documented("/api/returns", "post", created)
    return_id = body(created)["return"]["id"]
    assert_documented("/api/returns/{return_id}/approve", "post",
                      http.post(f"/api/returns/{return_id}/approve"))
    landscape.work()

    assert_documented("/api/returns/{return_id}", "get", http.get(f"/api/returns/{return_id}"))
    assert_documented("/api/returns", "get", http.get("/api/returns?status=in_sap"))
    assert_documented("/api/returns", "post", http.post("/api/returns", json={
        "outlet": landscape.outlets[0], "sap_order": "1",
        "items": [{"material": material, "quantity": 0}]}))


def test_answers_about_the_inbox_and_materials_match_the_document(
        landscape: Landscape) -> None:
    http = landscape.http

    assert_documented("/api/inbox", "get", http.get("/api/inbox"))
    assert_documented("/api/inbox/{entry_id}", "get", http.get("/api/inbox/1"))
    assert_documented("/api/materials/maintenance", "get", http.get("/api/materials/maintenance"))
    assert_documented("/api/materials/{material_number}/maintenance", "put",
                      http.put(f"/api/materials/{landscape.materials[0]}/maintenance",
                               json={"position_number": "A-01", "repair_level": "2"}))
    assert_documented("/health", "get", http.get("/health"))



def test_the_master_data_answers_fit_the_document(crm: CrmDriver) -> None:
    for idocs in ([material("4711", "Pump")], [customer("9100", "ZPC")],
                  [customer("9001", "ZOUT", "9100"), customer("9002", "ZOUT", "9200")]):
        response = crm.receive(idoc_document(*(from_sap(idoc) for idoc in idocs)))
        assert response.status_code == 200, response.text
    http = crm.http

    assert_documented("/api/materials", "get", http.get("/api/materials?limit=5"))
    assert_documented("/api/materials", "get", http.get("/api/materials?limit=0"))
    assert_documented("/api/materials/{material_number}", "get", http.get("/api/materials/4711"))
    assert_documented("/api/materials/{material_number}", "get", http.get("/api/materials/1"))
    assert_documented("/api/outlets", "get", http.get("/api/outlets?center_pending=true"))
    assert_documented("/api/outlets", "get", http.get("/api/outlets?include_deleted=no"))
    assert_documented("/api/outlets/{outlet}", "get", http.get("/api/outlets/9002"))
    assert_documented("/api/outlets/{outlet}", "get", http.get("/api/outlets/9100"))
    assert_documented("/api/provincial-centers", "get", http.get("/api/provincial-centers"))
    assert_documented("/api/provincial-centers", "get",
                      http.get("/api/provincial-centers?after=12345678901"))
    assert_documented("/api/provincial-centers/{center}", "get",
                      http.get("/api/provincial-centers/9100"))
    assert_documented("/api/provincial-centers/{center}", "get",
                      http.get("/api/provincial-centers/9200"))
