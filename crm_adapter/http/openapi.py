"""The OpenAPI 3.1 description of the adapter's HTTP interface, served at
``/api/openapi.json``.

The same document is committed as ``contracts/openapi/crm-adapter.json``: ``crm-adapter
openapi`` writes it, ``crm-adapter openapi --check`` (and the test suite) checks that the
committed copy is current.

Layer: HTTP edge. Every API area describes its routes as data, an :class:`ApiFragment` named
``OPENAPI`` in its module (this module's :data:`OPENAPI` covers the service, receiver, inbox,
materials, applications and returns routes); :func:`crm_adapter.compose.openapi_document`
joins them with :func:`document`. No module changes another's description at import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, jsonify

from crm_adapter.http.runtime import runtime

bp = Blueprint("openapi", __name__)

OPENAPI_FILE = "contracts/openapi/crm-adapter.json"
VERSION = "1.0.0"


@dataclass(frozen=True)
class ApiFragment:
    """One API area's part of the document: its paths and the schemas they refer to."""

    paths: Mapping[str, Any]
    schemas: Mapping[str, Any] = field(default_factory=dict)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def json_body(schema: dict[str, Any], *, required: bool = True) -> dict[str, Any]:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


#: the largest id the store keeps (64-bit)
MAX_ID = 2**63 - 1


#: a month as ``YYYY-MM`` from 1900 on, the months ``labour_fees.parse_month`` takes
MONTH = {"type": "string", "pattern": r"^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])$"}
#: free text the API strips: at least one character that is not white space. White space is
#: what Python's ``str.strip`` removes, spelled out: a JSON Schema pattern's ``\S`` follows
#: ECMAScript, which counts U+FEFF as white space but not the separators U+001C-U+001F, so
#: ``\S`` would let a client send a text the API then finds blank
TEXT = {"type": "string", "minLength": 1,
        "pattern": r"[^\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029"
                   r"\u202f\u205f\u3000]"}


def path_id(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True,
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
            "description": description}


def query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}


def status_filter(statuses: list[str], what: str) -> dict[str, Any]:
    return query("status", {"type": "string", "enum": [*statuses, ""]},
                 f"Only {what} in this status (empty: any)")


def wrapped(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    """``{"<key>": schema}``: how the API answers with one document or a list."""
    return {"type": "object", "required": [key], "properties": {key: schema}}


ERROR = ref("Error")
BAD_REQUEST = json_content(ERROR, "The request is malformed (body, fields, query)")
NOT_FOUND = json_content(ERROR, "No such document")
CONFLICT = json_content(ERROR, "The document's status does not allow the action")
UNPROCESSABLE = json_content(ERROR, "A business rule refuses the change")
#: an operation that calls SAP while the client waits (the others leave SAP to the worker);
#: see http/errors.py for the mapping
SAP_UNAVAILABLE = {
    "502": json_content(ERROR, "SAP refused the adapter's logon, or ended the call with a "
                               "runtime error"),
    "503": {**json_content(ERROR, "SAP cannot be reached or did not answer in time, or the "
                                  "CRM store is unavailable; try again later"),
            "headers": {"Retry-After": {"schema": {"type": "integer"},
                                        "description": "Seconds to wait"}}}}
#: what any operation may meet: the database unavailable for a while, and the request line
#: refused by the server in front of the application (gunicorn) before any route sees it
COMMON_RESPONSES = {
    "503": json_content(ERROR, "The adapter's database is unavailable for now (full or "
                               "read-only); nothing was half-stored, and the Retry-After "
                               "header says when to try again"),
    "414": {"description": "The request line is longer than the server reads (4,094 bytes)"}}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
LIMIT = query("limit", {"type": "integer", "minimum": 1, "maximum": 1000},
              "At most this many (default 100)")
OUTLET_FILTER = query("outlet", {"type": "string", "maxLength": 10},
                      "Only this outlet's (customer number, leading zeros optional)")

_NULLABLE_TEXT = {"type": ["string", "null"]}
_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
            "description": "An exact decimal as text"}
_QUANTITY_IN = {"oneOf": [{"type": "number", "exclusiveMinimum": 0},
                          {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]{1,3})?\s*$"}],
                "description": "Greater than zero, at most 3 decimals"}
_TIME = {"type": "string", "format": "date-time"}
_NULLABLE_TIME = {"type": ["string", "null"], "format": "date-time"}

APPLICATION_STATUSES = ["submitted", "approval_pending", "approved", "rejected", "in_sap",
                        "failed", "partially_delivered", "delivered"]
RETURN_STATUSES = ["submitted", "approved", "rejected", "in_sap", "failed",
                   "partially_received", "received"]
INBOX_STATUSES = ["received", "processed", "failed", "obsolete"]

_SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error", "message"],
              "properties": {"error": {"type": "string"}, "message": {"type": "string"}}},
    "Health": {"type": "object", "required": ["status"],
               "properties": {"status": {"type": "string", "enum": ["ok"]},
                              "sap": ref("SapCalls")}},
    "SapCalls": {
        "type": "object", "required": ["status"],
        "description": "Whether the outbox worker calls SAP. A configuration error (SAP "
                       "refused the logon; the SOAP-RFC service keeps no session) halts "
                       "it until an operator resumes or the SAP logon settings change; "
                       "the jobs wait meanwhile",
        "properties": {
            "status": {"type": "string", "enum": ["running", "halted", "unknown"]},
            "error": {"type": "string", "description": "e.g. RFC_LOGON_FAILURE, "
                                                       "SESSION_NOT_KEPT"},
            "reason": {"type": "string"}, "since": _TIME}},
    # --- the IDoc receiver and the inbox
    "ReceiverResult": {
        "type": "object",
        "required": ["received", "stored", "duplicates", "processed", "failed", "obsolete"],
        "properties": {name: {"type": "integer", "minimum": 0} for name in (
            "received", "stored", "duplicates", "processed", "failed", "obsolete")}},
    "InboxEntry": {
        "type": "object",
        "required": ["id", "sender", "docnum", "message_type", "status", "attempts",
                     "received_at"],
        "properties": {
            "id": {"type": "integer"}, "sender": {"type": "string"},
            "docnum": {"type": "string"}, "message_type": {"type": "string"},
            "idoc_type": {"type": "string"}, "object_key": {"type": "string"},
            "serial": {"type": "string"},
            "credat": {"type": "string", "description": "EDI_DC40-CREDAT"},
            "cretim": {"type": "string", "description": "EDI_DC40-CRETIM"},
            "status": {"type": "string", "enum": INBOX_STATUSES},
            "reason": _NULLABLE_TEXT, "attempts": {"type": "integer", "minimum": 0},
            "received_at": _TIME, "processed_at": _NULLABLE_TIME,
            "xml": {"type": "string", "description": "The IDoc as IDoc-XML (one entry only)"}}},
    # --- materials
    "Material": {
        "type": "object",
        "required": ["material_number", "description_en", "description_zh", "deleted"],
        "properties": {
            "material_number": {"type": "string", "maxLength": 18},
            "description_en": {"type": "string"}, "description_zh": {"type": "string"},
            "material_type": {"type": "string"}, "material_group": {"type": "string"},
            "base_unit": {"type": "string"},
            **{name: {"oneOf": [_DECIMAL, {"type": "null"}]} for name in (
                "standard_price", "moving_average_price", "outlet_purchase_price",
                "retail_price")},
            "price_unit": {"type": "integer"}, "deleted": {"type": "boolean"},
            "position_number": _NULLABLE_TEXT, "repair_level": _NULLABLE_TEXT,
            "created_at": _TIME, "updated_at": _TIME,
            "queued_at": {**_NULLABLE_TIME,
                          "description": "When it joined the maintenance queue (null: its "
                                         "CRM-only fields are maintained)"}}},
    "Maintenance": {
        "type": "object", "required": ["position_number", "repair_level"],
        "properties": {"position_number": {**TEXT, "maxLength": 20},
                       "repair_level": {**TEXT, "maxLength": 10}}},
    # --- material applications
    "ItemInput": {
        "type": "object", "required": ["material", "quantity"],
        "properties": {"material": {"type": "string", "minLength": 1, "maxLength": 18,
                                    "description": "Material number (leading zeros "
                                                   "optional)"},
                       "quantity": _QUANTITY_IN}},
    "NewApplication": {
        "type": "object", "required": ["outlet", "type", "items"],
        "properties": {
            "outlet": {**TEXT, "maxLength": 10,
                       "description": "The outlet's customer number"},
            "type": {"type": "string",
                     "enum": ["sales_order", "consignment_fill_up", "stock_transport"]},
            "items": {"type": "array", "minItems": 1, "maxItems": 100,
                      "items": ref("ItemInput")}}},
    "Rejection": {"type": "object", "required": ["reason"],
                  "properties": {"reason": {**TEXT, "maxLength": 500}}},
    "Reapplication": {
        "type": "object",
        "properties": {"items": {"type": "array", "minItems": 1, "maxItems": 100,
                                 "items": ref("ItemInput"),
                                 "description": "The changed items; unchanged without"}}},
    "IntegrationEntry": {
        "type": "object", "required": ["id", "kind", "status", "attempts"],
        "description": "A call to SAP the CRM asked for (an outbox entry) and how it went",
        "properties": {
            "id": {"type": "integer"}, "kind": {"type": "string"},
            "status": {"type": "string", "enum": ["pending", "in_progress", "done", "failed"]},
            "attempts": {"type": "integer", "minimum": 0}, "last_error": _NULLABLE_TEXT,
            "result": {"type": ["object", "null"]}, "created_at": _TIME,
            "updated_at": _TIME}},
    "ApplicationItem": {
        "type": "object", "required": ["item_number", "material_number", "quantity"],
        "properties": {"item_number": {"type": "integer"},
                       "material_number": {"type": "string"}, "quantity": _DECIMAL,
                       "delivered_quantity": _DECIMAL}},
    "Application": {
        "type": "object",
        "required": ["id", "crm_reference", "application_type", "outlet", "status", "items"],
        "properties": {
            "id": {"type": "integer"},
            "crm_reference": {"type": "string", "description": "Sent to SAP as PURCH_NO_C"},
            "application_type": {"type": "string", "enum": ["sales_order",
                                                            "consignment_fill_up",
                                                            "stock_transport"]},
            "outlet": {"type": "string"}, "provincial_center": _NULLABLE_TEXT,
            "status": {"type": "string", "enum": APPLICATION_STATUSES},
            "reason": {**_NULLABLE_TEXT, "description": "Why it was rejected or failed"},
            "sap_document_number": {**_NULLABLE_TEXT,
                                    "description": "VBAK-VBELN or EKKO-EBELN"},
            "value": {"oneOf": [_DECIMAL, {"type": "null"}],
                      "description": "At the outlet purchase prices"},
            "currency": {"type": "string"},
            "items": {"type": "array", "items": ref("ApplicationItem")},
            "integration": {"type": "array", "items": ref("IntegrationEntry")},
            "created_at": _TIME, "updated_at": _TIME}},
    # --- returns
    "NewReturn": {
        "type": "object", "required": ["outlet", "items"],
        "description": "Give application_id or sap_order (not both)",
        "oneOf": [{"required": ["application_id"]}, {"required": ["sap_order"]}],
        "properties": {
            "outlet": {**TEXT, "maxLength": 10},
            "application_id": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
            "sap_order": {"type": "string", "minLength": 1, "maxLength": 10},
            "items": {"type": "array", "minItems": 1, "maxItems": 100,
                      "items": ref("ItemInput")}}},
    "ReturnItem": {
        "type": "object", "required": ["item_number", "material_number", "expected_quantity"],
        "properties": {"item_number": {"type": "integer"},
                       "material_number": {"type": "string"},
                       "expected_quantity": _DECIMAL, "received_quantity": _DECIMAL}},
    "Return": {
        "type": "object", "required": ["id", "crm_reference", "outlet", "status", "items"],
        "properties": {
            "id": {"type": "integer"}, "crm_reference": {"type": "string"},
            "outlet": {"type": "string"},
            "status": {"type": "string", "enum": RETURN_STATUSES},
            "reason": _NULLABLE_TEXT,
            "original_order": {**_NULLABLE_TEXT, "description": "REF_DOC: the SAP order"},
            "application_id": {"type": ["integer", "null"]},
            "sap_return_order": _NULLABLE_TEXT, "sap_returns_delivery": _NULLABLE_TEXT,
            "items": {"type": "array", "items": ref("ReturnItem")},
            "integration": {"type": "array", "items": ref("IntegrationEntry")},
            "created_at": _TIME, "updated_at": _TIME}},
}

APPLICATION_ID = path_id("application_id", "The application's id")
RETURN_ID = path_id("return_id", "The return's id")
ENTRY_ID = path_id("entry_id", "The inbox entry's id")
ONE_APPLICATION = json_content(wrapped("application", ref("Application")), "The application")
ONE_RETURN = json_content(wrapped("return", ref("Return")), "The return")

_PATHS: dict[str, Any] = {
    "/health": {"get": {
        "operationId": "getHealth", "tags": ["service"], "summary": "Liveness",
        "responses": {"200": json_content(ref("Health"), "The adapter is up")}}},
    "/api/sap/resume": {"post": {
        "operationId": "resumeSapCalls", "tags": ["service"],
        "summary": "Resume SAP calls halted by a configuration error, once it is fixed",
        "responses": {"200": json_content(ref("SapCalls"), "SAP calls run again")}}},
    "/api/openapi.json": {"get": {
        "operationId": "getOpenApi", "tags": ["service"], "summary": "This document",
        "responses": {"200": {"description": "The OpenAPI document",
                              "content": {"application/json": {"schema": {
                                  "type": "object"}}}}}}},
    "/sap/idoc": {"post": {
        "operationId": "receiveIdocs", "tags": ["receiver"],
        "summary": "Receive IDoc-XML from SAP's XML-HTTP port",
        "description": "Every IDoc is stored (committed) before the 200 answer; processing "
                       "follows and never changes the answer.",
        "security": [{"receiver": []}],
        "requestBody": {"required": True, "content": {
            "application/xml": {"schema": {"type": "string"}},
            "text/xml": {"schema": {"type": "string"}}}},
        "responses": {
            "200": json_content(ref("ReceiverResult"), "All IDocs of the document stored"),
            "400": json_content(ERROR, "Not readable IDoc-XML; nothing stored"),
            "401": json_content(ERROR, "No or wrong credentials"),
            "413": json_content(ERROR, "Larger than the receiver accepts"),
            "415": json_content(ERROR, "Not an XML content type")}}},
    "/api/inbox": {"get": {
        "operationId": "listInbox", "tags": ["inbox"], "summary": "Received IDocs, newest "
                                                                 "first (without XML)",
        "parameters": [status_filter(INBOX_STATUSES, "entries"),
                       query("message_type", {"type": "string"}, "Only this message type"),
                       LIMIT],
        "responses": {"200": json_content(wrapped("entries", {
            "type": "array", "items": ref("InboxEntry")}), "The entries"),
            "400": BAD_REQUEST}}},
    "/api/inbox/{entry_id}": {"get": {
        "operationId": "getInboxEntry", "tags": ["inbox"], "summary": "One entry with its XML",
        "parameters": [ENTRY_ID],
        "responses": {"200": json_content(wrapped("entry", ref("InboxEntry")), "The entry"),
                      "404": NOT_FOUND}}},
    "/api/inbox/{entry_id}/retry": {"post": {
        "operationId": "retryInboxEntry", "tags": ["inbox"],
        "summary": "Process a failed entry again", "parameters": [ENTRY_ID],
        "responses": {"200": json_content(wrapped("entry", ref("InboxEntry")),
                                          "The entry afterwards"),
                      "404": NOT_FOUND, "409": json_content(ERROR, "Processed or obsolete: "
                                                                   "nothing to retry")}}},
    "/api/materials/maintenance": {"get": {
        "operationId": "listMaintenanceQueue", "tags": ["materials"],
        "summary": "Materials waiting for their CRM-only fields, oldest first",
        "responses": {"200": json_content(wrapped("materials", {
            "type": "array", "items": ref("Material")}), "The waiting materials")}}},
    "/api/materials/{material_number}/maintenance": {"put": {
        "operationId": "maintainMaterial", "tags": ["materials"],
        "summary": "Set position number and repair level (takes it off the queue)",
        "parameters": [{"name": "material_number", "in": "path", "required": True,
                        "schema": {"type": "string", "minLength": 1, "maxLength": 18},
                        "description": "Leading zeros optional"}],
        "requestBody": json_body(ref("Maintenance")),
        "responses": {"200": json_content(wrapped("material", ref("Material")),
                                          "The material afterwards"),
                      "400": BAD_REQUEST, "404": NOT_FOUND}}},
    "/api/applications": {
        "get": {
            "operationId": "listApplications", "tags": ["applications"],
            "summary": "Material applications, newest first",
            "parameters": [OUTLET_FILTER,
                           status_filter(APPLICATION_STATUSES, "applications"), LIMIT],
            "responses": {"200": json_content(wrapped("applications", {
                "type": "array", "items": ref("Application")}), "The applications"),
                "400": BAD_REQUEST, "422": UNPROCESSABLE}},
        "post": {
            "operationId": "createApplication", "tags": ["applications"],
            "summary": "An outlet applies for materials (status submitted)",
            "requestBody": json_body(ref("NewApplication")),
            "responses": {"201": ONE_APPLICATION, "400": BAD_REQUEST,
                          "422": UNPROCESSABLE}}},
    "/api/applications/{application_id}": {"get": {
        "operationId": "getApplication", "tags": ["applications"],
        "summary": "One application, with its calls to SAP", "parameters": [APPLICATION_ID],
        "responses": {"200": ONE_APPLICATION, "404": NOT_FOUND}}},
    "/api/applications/{application_id}/approve": {"post": {
        "operationId": "approveApplication", "tags": ["applications"],
        "summary": "Approve: SAP's credit and stock decide (asynchronously)",
        "description": "Accepted at once (status approval_pending), also while SAP is down. "
                       "The worker reads the outlet's credit and the stock from SAP; within "
                       "quota and stock the application becomes approved and its SAP "
                       "document is created (in_sap), otherwise it is rejected with the "
                       "reasons.",
        "parameters": [APPLICATION_ID],
        "responses": {"202": ONE_APPLICATION, "404": NOT_FOUND, "409": CONFLICT}}},
    "/api/applications/{application_id}/reject": {"post": {
        "operationId": "rejectApplication", "tags": ["applications"],
        "summary": "Reject with a reason the outlet sees", "parameters": [APPLICATION_ID],
        "requestBody": json_body(ref("Rejection")),
        "responses": {"200": ONE_APPLICATION, "400": BAD_REQUEST, "404": NOT_FOUND,
                      "409": CONFLICT, "422": UNPROCESSABLE}}},
    "/api/applications/{application_id}/reapply": {"post": {
        "operationId": "reapplyApplication", "tags": ["applications"],
        "summary": "Submit a rejected or failed application again, optionally changed",
        "parameters": [APPLICATION_ID],
        "requestBody": json_body(ref("Reapplication"), required=False),
        "responses": {"200": ONE_APPLICATION, "400": BAD_REQUEST, "404": NOT_FOUND,
                      "409": CONFLICT, "422": UNPROCESSABLE}}},
    "/api/returns": {
        "get": {
            "operationId": "listReturns", "tags": ["returns"], "summary": "Returns, newest "
                                                                          "first",
            "parameters": [OUTLET_FILTER,
                           status_filter(RETURN_STATUSES, "returns"), LIMIT],
            "responses": {"200": json_content(wrapped("returns", {
                "type": "array", "items": ref("Return")}), "The returns"),
                "400": BAD_REQUEST, "422": UNPROCESSABLE}},
        "post": {
            "operationId": "createReturn", "tags": ["returns"],
            "summary": "An outlet returns goods of an application or SAP order",
            "requestBody": json_body(ref("NewReturn")),
            "responses": {"201": ONE_RETURN, "400": BAD_REQUEST, "422": UNPROCESSABLE}}},
    "/api/returns/{return_id}": {"get": {
        "operationId": "getReturn", "tags": ["returns"], "summary": "One return",
        "parameters": [RETURN_ID], "responses": {"200": ONE_RETURN, "404": NOT_FOUND}}},
    "/api/returns/{return_id}/approve": {"post": {
        "operationId": "approveReturn", "tags": ["returns"],
        "summary": "Approve: the worker creates the SAP return order (RE)",
        "parameters": [RETURN_ID],
        "responses": {"202": ONE_RETURN, "404": NOT_FOUND, "409": CONFLICT}}},
    "/api/returns/{return_id}/reject": {"post": {
        "operationId": "rejectReturn", "tags": ["returns"], "summary": "Reject with a reason",
        "parameters": [RETURN_ID], "requestBody": json_body(ref("Rejection")),
        "responses": {"200": ONE_RETURN, "400": BAD_REQUEST, "404": NOT_FOUND,
                      "409": CONFLICT, "422": UNPROCESSABLE}}},
}


#: the routes of the service, the receiver, the inbox, materials, applications and returns
OPENAPI = ApiFragment(paths=_PATHS, schemas=_SCHEMAS)


def document(fragments: Iterable[ApiFragment]) -> dict[str, Any]:
    """The whole document made of the API areas' fragments (a path or schema described by
    two areas is a mistake, not a merge)."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for fragment in fragments:
        _add(paths, fragment.paths, "path")
        _add(schemas, fragment.schemas, "schema")
    return {
        "openapi": "3.1.0",
        "info": {"title": "CRM adapter", "version": VERSION,
                 "description": "The CRM side of the SAP integration: the IDoc receiver "
                                "SAP's XML-HTTP port posts to, and the CRM's JSON API. "
                                "Amounts and quantities are exact decimals as text."},
        "paths": {path: _with_common_responses(item) for path, item in sorted(paths.items())},
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {"receiver": {
                "type": "http", "scheme": "basic",
                "description": "The receiver credentials of the adapter's settings"}}},
    }


def _with_common_responses(item: Mapping[str, Any]) -> dict[str, Any]:
    """The path item with :data:`COMMON_RESPONSES` among each operation's responses (an
    operation's own description of the status comes first)."""
    return {key: ({**operation, "responses": {**COMMON_RESPONSES, **operation["responses"]}}
                  if key in _METHODS else operation)
            for key, operation in item.items()}


def _add(into: dict[str, Any], more: Mapping[str, Any], what: str) -> None:
    for name, description in more.items():
        if name in into:
            raise ValueError(f"the OpenAPI {what} {name} is described twice")
        into[name] = description


def openapi_json(whole: Mapping[str, Any]) -> bytes:
    """The document as committed: indented, sorted keys, a final newline."""
    text = json.dumps(whole, indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


@bp.get("/api/openapi.json")
def get_openapi() -> Response:
    return jsonify(runtime().openapi)
