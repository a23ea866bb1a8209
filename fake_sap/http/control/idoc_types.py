"""Control API: IDoc types, built-in and imported from their XML schema (``/_fake/idoc-types``).

``PUT /_fake/idoc-types/{idoctyp}`` takes the XML schema SAP generates for an IDoc type (WE60)
as its body and registers the type; IDocs of it are then checked, stored and posted (or
passed on) like those of a built-in type. IDoc types are client-independent, as in SAP.
See docs/customer-idoc-types.md.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request

from fake_sap.errors import BadRequest, NotFound
from fake_sap.http.body import is_xml_media_type, limited_body
from fake_sap.http.control import bp, openapi
from fake_sap.http.control.requests import timestamp
from fake_sap.http.runtime import runtime
from fake_sap.idoc.customer_types import IdocTypeCatalogue, TypeEntry, import_schema
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.schema_import import MESSAGE_TYPE, NAME

#: a schema larger than this is not an IDoc type's (SAP's largest run to a few MB)
MAX_SCHEMA_BYTES = 16 * 1024 * 1024


def _view(idoc_type: IdocType, origin: str, imported_at: str | None) -> dict[str, Any]:
    return {"name": idoc_type.name, "origin": origin,
            "kind": "extension" if idoc_type.is_extension else "basic type",
            "basic_type": idoc_type.idoctyp,
            "extension": idoc_type.cimtyp or None,
            "message_types": list(idoc_type.message_types),
            "description": idoc_type.description,
            "segments": len(idoc_type.all_segments()),
            "imported_at": imported_at}


def _entry_view(entry: TypeEntry) -> dict[str, Any]:
    return _view(entry.idoc_type, "imported" if entry.imported else "built-in",
                 timestamp(entry.imported_at) if entry.imported_at else None)


def _type_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise BadRequest("An IDoc type name is 1-30 upper-case letters, digits, '_' or '/'")
    return name


@bp.get("/idoc-types")
def list_idoc_types() -> Response:
    """WE30's overview: every IDoc type, built-in and imported."""
    with runtime().db.read() as conn:
        entries = IdocTypeCatalogue(conn).entries()
    return jsonify({"idoc_types": [_entry_view(e) for e in entries]})


@bp.get("/idoc-types/<idoctyp>")
def get_idoc_type_schema(idoctyp: str) -> Response:
    """The XML schema of an IDoc type (generated for a built-in one, as imported otherwise)."""
    _type_name(idoctyp)
    with runtime().db.read() as conn:
        schema = IdocTypeCatalogue(conn).schema(idoctyp)
    if schema is None:
        raise NotFound(f"IDoc type {idoctyp} is not defined")
    return Response(schema, content_type="application/xml; charset=utf-8")


@bp.put("/idoc-types/<idoctyp>")
def put_idoc_type(idoctyp: str) -> Response:
    """Register (or replace) an IDoc type from its XML schema."""
    _type_name(idoctyp)
    if not is_xml_media_type(request.mimetype or ""):
        raise BadRequest(f"Send the XML schema as application/xml, not {request.mimetype}")
    message_types = request.args.getlist("message_type")
    for message in message_types:
        if not MESSAGE_TYPE.fullmatch(message):
            raise BadRequest(f"'message_type' holds message types (upper case, e.g. MATMAS), "
                             f"not '{message[:40]}'")
    basic_type = request.args.get("basic_type", "")
    if basic_type:
        _type_name(basic_type)
    with limited_body(MAX_SCHEMA_BYTES, "XML schema") as stream:
        data = stream.read()
    with runtime().db.write() as conn:
        declared = import_schema(conn, data, message_types=message_types,
                                 basic_type=basic_type, expected_name=idoctyp)
        entry = next(e for e in IdocTypeCatalogue(conn).entries()
                     if e.idoc_type.name == declared.name)
    return jsonify(_entry_view(entry))


_IDOC_TYPE_NAME = {"name": "idoctyp", "in": "path", "required": True,
                   "schema": {"type": "string", "pattern": "^[A-Z0-9_/]{1,30}$"},
                   "description": "IDoc type: a basic type, or an extension (CIMTYP)"}
_IDOC_TYPE = {
    "type": "object",
    "required": ["name", "origin", "kind", "basic_type", "extension", "message_types",
                 "description", "segments", "imported_at"],
    "properties": {
        "name": {"type": "string"},
        "origin": {"type": "string", "enum": ["built-in", "imported"]},
        "kind": {"type": "string", "enum": ["basic type", "extension"]},
        "basic_type": {"type": "string", "description": "EDI_DC40-IDOCTYP"},
        "extension": {"type": ["string", "null"], "description": "EDI_DC40-CIMTYP"},
        "message_types": {"type": "array", "items": {"type": "string"},
                          "description": "Assigned message types (WE82); empty: any"},
        "description": {"type": "string"},
        "segments": {"type": "integer", "description": "Number of segment types"},
        "imported_at": {"type": ["string", "null"], "format": "date-time"}}}
_XSD_BODY = {"application/xml": {"schema": {"type": "string"}}}
_PATHS: dict[str, Any] = {
    "/_fake/idoc-types": {
        "get": {"operationId": "listIdocTypes",
                "summary": "IDoc types, built-in and imported (WE30)",
                "responses": {"200": openapi._json(
                    {"type": "object", "required": ["idoc_types"],
                     "properties": {"idoc_types": {"type": "array",
                                                   "items": openapi._ref("IdocType")}}},
                    "Every IDoc type")}},
    },
    "/_fake/idoc-types/{idoctyp}": {
        "parameters": [_IDOC_TYPE_NAME],
        "get": {"operationId": "getIdocTypeSchema",
                "summary": "The XML schema of an IDoc type (WE60)",
                "responses": {"200": {"description": "The XML schema", "content": _XSD_BODY},
                              "400": openapi.BAD_REQUEST,
                              "404": openapi._json(openapi.ERROR, "Unknown IDoc type")}},
        "put": {"operationId": "putIdocType",
                "summary": "Register an IDoc type from the XML schema SAP generates for it",
                "parameters": [
                    openapi._query("message_type", {"type": "array", "items": {
                        "type": "string", "pattern": "^[A-Z0-9_/]{1,30}$"}},
                        "Message types assigned to the type (WE82); repeatable"),
                    openapi._query("basic_type", {"type": "string",
                                                  "pattern": "^[A-Z0-9_/]{1,30}$"},
                                   "For an extension: the basic type it extends, when the "
                                   "schema does not say")],
                "requestBody": {"required": True, "content": _XSD_BODY},
                "responses": {"200": openapi._json(openapi._ref("IdocType"),
                                                   "The registered type"),
                              "400": openapi.BAD_REQUEST,
                              "409": openapi._json(openapi.ERROR,
                                                   "A built-in type cannot be replaced"),
                              "413": openapi._json(openapi.ERROR, "The schema is too large")}},
    },
}

#: the routes of this module
OPENAPI = openapi.ApiFragment(paths=_PATHS, schemas={"IdocType": _IDOC_TYPE})
