"""The OpenAPI 3.1 description of the control API, served at ``/_fake/openapi.json``.

The same document is written to ``contracts/openapi/fake-sap-control.json`` by
``fake-sap contracts`` and checked against the committed copy by the test suite.

Layer: HTTP edge. Every edge with control routes describes them as data, an
:class:`ApiFragment` named ``OPENAPI`` in its module (this module's :data:`OPENAPI` covers the
routes of the control blueprint's own modules); :func:`fake_sap.compose.openapi_document`
joins them with :func:`document`. No module changes another's description at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, jsonify

from fake_sap import __version__
from fake_sap.ale.applications import APPLICATIONS
from fake_sap.http.runtime import runtime

bp = Blueprint("openapi", __name__)

CLIENT = {"name": "mandt", "in": "path", "required": True,
          "schema": {"type": "string", "pattern": "^[0-9]{3}$"}, "description": "SAP client"}
DOCNUM = {"name": "docnum", "in": "path", "required": True,
          "schema": {"type": "string", "pattern": "^[0-9]{16}$"}, "description": "IDoc number"}
USER = {"name": "user", "in": "path", "required": True,
        "schema": {"type": "string", "minLength": 1, "maxLength": 12},
        "description": "User name (USR02-BNAME); only the emulator's logon user exists"}
LOGSYS = {"name": "logsys", "in": "path", "required": True,
          "schema": {"type": "string", "pattern": "^[A-Z0-9_]{1,10}$"},
          "description": "Logical system"}


@dataclass(frozen=True)
class ApiFragment:
    """One edge's part of the document: its paths and the schemas they refer to."""

    paths: Mapping[str, Any]
    schemas: Mapping[str, Any] = field(default_factory=dict)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


#: the message types BD10/BD12 send (the applications with an outbound side)
SENDABLE = tuple(sorted(m for m, a in APPLICATIONS.items() if a.outbound))

#: a text with at least one character that is not white space, white space being what
#: Python's ``str.strip`` removes: a JSON Schema pattern's ``\S`` follows ECMAScript, which
#: does not count the separators U+001C-U+001F, so ``\S`` would admit a text the handlers
#: find blank
NOT_BLANK = (r"[^\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f"
             r"\u205f\u3000]")

ERROR = _ref("Error")
BAD_REQUEST = _json(ERROR, "Invalid input")
NOT_FOUND = _json(ERROR, "Unknown client, IDoc or partner")
CONFLICT = _json(ERROR, "State does not allow the action")

_SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error", "message"],
              "properties": {"error": {"type": "string"}, "message": {"type": "string"}}},
    "Client": {
        "type": "object", "required": ["client", "description", "strict_partner_check",
                                       "created_at"],
        "properties": {"client": {"type": "string", "pattern": "^[0-9]{3}$"},
                       "description": {"type": "string"},
                       "strict_partner_check": {"type": "boolean"},
                       "created_at": {"type": "string", "format": "date-time"}}},
    "NewClient": {
        "type": "object", "required": ["client"],
        "properties": {"client": {"type": "string", "pattern": "^[0-9]{3}$"},
                       "description": {"type": ["string", "null"], "maxLength": 60}}},
    "ClientChange": {
        "type": "object",
        "properties": {"strict_partner_check": {"type": "boolean"},
                       "description": {"type": ["string", "null"], "maxLength": 60}}},
    "Port": {
        "type": "object", "required": ["url"],
        "properties": {"url": {"type": "string", "format": "uri", "maxLength": 500,
                               "pattern": "^https?://"},
                       "user": {"type": ["string", "null"], "maxLength": 60},
                       "password": {"type": ["string", "null"], "maxLength": 120}}},
    "PartnerInput": {
        "type": "object",
        # WE20 refuses an outbound parameter without a receiver port
        "anyOf": [{"properties": {"outbound": {"maxItems": 0}}},
                  {"required": ["port"], "properties": {"port": _ref("Port")}}],
        "description": "A partner with outbound message types needs a port",
        "properties": {
            "description": {"type": ["string", "null"], "maxLength": 60},
            "port": {"oneOf": [_ref("Port"), {"type": "null"}]},
            "outbound": {"type": "array", "description": "Message types SAP sends to the "
                         "partner (needs a port)", "items": {"$ref": "#/components/schemas/"
                                                              "MessageType"}},
            "inbound": {"type": "array", "description": "Message types accepted from the "
                        "partner when strict partner checking is on",
                        "items": {"$ref": "#/components/schemas/MessageType"}},
            "pack_size": {"type": "integer", "minimum": 1, "maximum": 1000,
                          "description": "1: one IDoc per POST (default); more: up to this "
                                         "many IDocs of one type per POST, in order"},
            "parallel_packets": {
                "type": "integer", "minimum": 1, "maximum": 8,
                "description": "POSTs on their way at once (RSEOUT00's parallel "
                               "processing). 1 (default): strictly in DOCNUM order; more: "
                               "later packets may arrive before earlier ones, and the "
                               "receiver serializes by EDI_DC40-SERIAL"}}},
    "MessageType": {"type": "string", "pattern": "^[A-Z0-9_/]{1,30}$"},
    "UserLogonState": {
        "type": "object", "required": ["client", "user", "failed_logons", "locked"],
        "properties": {"client": {"type": "string", "pattern": "^[0-9]{3}$"},
                       "user": {"type": "string"},
                       "failed_logons": {"type": "integer", "minimum": 0,
                                         "description": "Failed logons since the last "
                                                        "successful one (USR02-LOCNT)"},
                       "locked": {"type": "boolean",
                                  "description": "Locked by failed logons (USR02-UFLAG "
                                                 "128)"}}},
    "Partner": {
        "type": "object",
        "required": ["logical_system", "description", "port", "outbound", "inbound",
                     "pack_size", "parallel_packets"],
        "properties": {
            "logical_system": {"type": "string"}, "description": {"type": "string"},
            "port": {"oneOf": [{"type": "null"}, {
                "type": "object", "required": ["url"],
                "properties": {"url": {"type": "string"},
                               "user": {"type": ["string", "null"]}}}]},
            "outbound": {"type": "array", "items": {"type": "string"}},
            "inbound": {"type": "array", "items": {"type": "string"}},
            "pack_size": {"type": "integer"},
            "parallel_packets": {"type": "integer"}}},
    "IdocControl": {
        "type": "object",
        "required": ["docnum", "direction", "status", "idoctyp", "mestyp", "created_at"],
        "properties": {
            "docnum": {"type": "string"},
            "direction": {"type": "string", "enum": ["inbound", "outbound"]},
            "status": {"type": "string"}, "idoctyp": {"type": "string"},
            "cimtyp": {"type": "string"}, "mestyp": {"type": "string"},
            "sndpor": {"type": "string"}, "sndprt": {"type": "string"},
            "sndprn": {"type": "string"}, "rcvpor": {"type": "string"},
            "rcvprt": {"type": "string"}, "rcvprn": {"type": "string"},
            "serial": {"type": "string"}, "sender_docnum": {"type": "string"},
            "object_key": {"type": "string"}, "credat": {"type": "string"},
            "cretim": {"type": "string"},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
            "attempts": {"type": "integer"}}},
    "StatusRecord": {
        "type": "object", "required": ["counter", "status", "text"],
        "properties": {
            "counter": {"type": "integer"}, "status": {"type": "string"},
            "date": {"type": "string"}, "time": {"type": "string"},
            "message_type": {"type": "string"}, "message_id": {"type": "string"},
            "message_number": {"type": "string"},
            "variables": {"type": "array", "items": {"type": "string"}},
            "text": {"type": "string"}, "segment_field": {"type": "string"}}},
    "Segment": {
        "type": "object", "required": ["segment", "fields", "children"],
        "properties": {
            "segment": {"type": "string"},
            "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Segment"}}}},
    "IdocDetail": {
        "allOf": [_ref("IdocControl"), {
            "type": "object",
            "required": ["control_record", "segments", "status_records", "xml"],
            "properties": {
                "control_record": {"type": "object",
                                   "additionalProperties": {"type": "string"}},
                "segments": {"type": "array", "items": _ref("Segment")},
                "status_records": {"type": "array", "items": _ref("StatusRecord")},
                "xml": {"type": "string"}}}]},
    "IdocPage": {
        "type": "object", "required": ["total", "limit", "offset", "idocs"],
        "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"},
                       "offset": {"type": "integer"},
                       "idocs": {"type": "array", "items": _ref("IdocControl")}}},
}


def _query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}


_PATHS: dict[str, Any] = {
    "/_fake/clients": {
        "get": {"operationId": "listClients", "summary": "List clients",
                "responses": {"200": _json({"type": "object", "required": ["clients"],
                                            "properties": {"clients": {
                                                "type": "array", "items": _ref("Client")}}},
                                           "All clients")}},
        "post": {"operationId": "createClient",
                 "summary": "Create a client with the baseline customizing",
                 "requestBody": {"required": True, "content": {
                     "application/json": {"schema": _ref("NewClient")}}},
                 "responses": {"201": _json(_ref("Client"), "Created"),
                               "400": BAD_REQUEST,
                               "409": _json(ERROR, "The client exists already")}},
    },
    "/_fake/clients/{mandt}": {
        "parameters": [CLIENT],
        "get": {"operationId": "getClient", "summary": "Show a client",
                "responses": {"200": _json(_ref("Client"), "The client"),
                              "400": BAD_REQUEST, "404": NOT_FOUND}},
        "patch": {"operationId": "changeClient",
                  "summary": "Change client switches (strict partner check)",
                  "requestBody": {"required": True, "content": {
                      "application/json": {"schema": _ref("ClientChange")}}},
                  "responses": {"200": _json(_ref("Client"), "The changed client"),
                                "400": BAD_REQUEST, "404": NOT_FOUND}},
        "delete": {"operationId": "deleteClient", "summary": "Delete a client and its data",
                   "responses": {"204": {"description": "Deleted"},
                                 "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/reset": {
        "parameters": [CLIENT],
        "post": {"operationId": "resetClient",
                 "summary": "Delete all data of a client and reinstall the baseline",
                 "responses": {"200": _json(_ref("Client"), "The reset client"),
                               "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/users/{user}": {
        "parameters": [CLIENT, USER],
        "get": {"operationId": "getUserLogonState",
                "summary": "Failed logons of the logon user in a client, and its lock",
                "responses": {"200": _json(_ref("UserLogonState"), "The user's logon state"),
                              "400": BAD_REQUEST,
                              "404": _json(ERROR, "Unknown client or user")}},
    },
    "/_fake/clients/{mandt}/users/{user}/unlock": {
        "parameters": [CLIENT, USER],
        "post": {"operationId": "unlockUser",
                 "summary": "Unlock the user in a client and reset its failed logons (SU01)",
                 "responses": {"200": _json(_ref("UserLogonState"), "The unlocked user"),
                               "400": BAD_REQUEST,
                               "404": _json(ERROR, "Unknown client or user")}},
    },
    "/_fake/clients/{mandt}/partners": {
        "parameters": [CLIENT],
        "get": {"operationId": "listPartners", "summary": "Partner profiles of a client",
                "responses": {"200": _json({"type": "object", "required": ["partners"],
                                            "properties": {"partners": {
                                                "type": "array", "items": _ref("Partner")}}},
                                           "Partners"),
                              "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/partners/{logsys}": {
        "parameters": [CLIENT, LOGSYS],
        "put": {"operationId": "putPartner",
                "summary": "Register a logical system with its XML-HTTP port and messages",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _ref("PartnerInput")}}},
                "responses": {"200": _json(_ref("Partner"), "The partner"),
                              "400": BAD_REQUEST, "404": NOT_FOUND}},
        "get": {"operationId": "getPartner", "summary": "Show a partner profile",
                "responses": {"200": _json(_ref("Partner"), "The partner"),
                              "400": BAD_REQUEST, "404": NOT_FOUND}},
        "delete": {"operationId": "deletePartner", "summary": "Remove a partner profile",
                   "responses": {"204": {"description": "Removed"},
                                 "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/idocs": {
        "parameters": [CLIENT],
        "get": {"operationId": "listIdocs", "summary": "IDoc monitor (WE02): list IDocs",
                "parameters": [
                    _query("direction", {"type": "string", "enum": ["inbound", "outbound"]},
                           "Direction"),
                    _query("mestyp", {"type": "string"}, "Message type"),
                    _query("idoctyp", {"type": "string"}, "Basic type"),
                    _query("status", {"type": "string"}, "Current status"),
                    _query("partner", {"type": "string"}, "Sender or receiver partner"),
                    _query("from", {"type": "string", "format": "date-time"},
                           "Created at or after"),
                    _query("to", {"type": "string", "format": "date-time"},
                           "Created at or before"),
                    _query("docnum_from", {"type": "string"}, "Lowest IDoc number"),
                    _query("docnum_to", {"type": "string"}, "Highest IDoc number"),
                    _query("limit", {"type": "integer", "minimum": 1, "maximum": 500},
                           "Page size"),
                    _query("offset", {"type": "integer", "minimum": 0}, "Rows to skip"),
                ],
                "responses": {"200": _json(_ref("IdocPage"), "A page of IDocs, newest first"),
                              "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/idocs/{docnum}": {
        "parameters": [CLIENT, DOCNUM],
        "get": {"operationId": "showIdoc",
                "summary": "One IDoc: control record, segments, status records, XML",
                "responses": {"200": _json(_ref("IdocDetail"), "The IDoc"),
                              "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/idocs/{docnum}/process": {
        "parameters": [CLIENT, DOCNUM],
        "post": {"operationId": "processIdoc",
                 "summary": "BD87: reprocess an inbound IDoc (51/64/66) or resend an "
                            "outbound one (02/30)",
                 "responses": {"200": _json(_ref("IdocControl"), "The IDoc afterwards"),
                               "400": BAD_REQUEST, "404": NOT_FOUND, "409": CONFLICT}},
    },
    "/_fake/clients/{mandt}/ale/dispatch": {
        "parameters": [CLIENT],
        "post": {"operationId": "dispatchOutbound",
                 "summary": "RSEOUT00: send all due outbound IDocs of the client now",
                 "responses": {"200": _json({"type": "object", "required": ["sent"],
                                             "properties": {"sent": {"type": "integer"}}},
                                            "How many IDocs that were due when the call "
                                            "started are now passed to their port (03)"),
                               "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/ale/send-master-data": {
        "parameters": [CLIENT],
        "post": {"operationId": "sendMasterData",
                 "summary": "BD10/BD12: send materials (MATMAS) or customers (DEBMAS) as full "
                            "outbound IDocs, without change pointers",
                 "requestBody": {"required": True, "content": {"application/json": {
                     "schema": {
                         "type": "object", "required": ["message_type"],
                         "properties": {
                             "message_type": {"type": "string", "enum": list(SENDABLE),
                                              "description": "The master data's message "
                                                             "type"},
                             "receiver": {"type": ["string", "null"],
                                          "pattern": "^[A-Z0-9_]{1,10}$",
                                          "description": "Only this partner (it needs an "
                                                         "outbound profile for the message "
                                                         "type); default: every subscribed "
                                                         "partner"},
                             "objects": {"type": ["array", "null"], "maxItems": 100000,
                                         "description": "Material or customer numbers as "
                                                        "entered (4711); default: all of "
                                                        "the client",
                                         "items": {"type": "string", "minLength": 1,
                                                   "maxLength": 18, "pattern": NOT_BLANK}}}}}}},
                 "responses": {"200": _json({
                     "type": "object",
                     "required": ["message_type", "receivers", "objects", "created",
                                  "first_docnum", "last_docnum"],
                     "properties": {
                         "message_type": {"type": "string"},
                         "receivers": {"type": "array", "items": {"type": "string"}},
                         "objects": {"type": "integer", "description": "Objects selected"},
                         "created": {"type": "integer",
                                     "description": "Outbound IDocs created (status 30), "
                                                    "one per object and receiver"},
                         "first_docnum": {"type": ["string", "null"]},
                         "last_docnum": {"type": ["string", "null"]}}},
                     "The IDocs created; the dispatcher sends them in the background"),
                               "400": BAD_REQUEST,
                               "404": _json(ERROR, "Unknown client, partner or object"),
                               "409": _json(ERROR, "The partner (or no partner) has an "
                                                   "outbound profile for the message type")}},
    },
    "/_fake/clients/{mandt}/seed": {
        "parameters": [CLIENT],
        "post": {"operationId": "seedClient",
                 "summary": "Load deterministic master data (materials with stock, "
                            "provincial centers and outlets) into the client",
                 "requestBody": {"required": True, "content": {"application/json": {
                     "schema": {"type": "object", "properties": {
                         "materials": {"type": "integer", "minimum": 0, "maximum": 10000},
                         "customers": {"type": "integer", "minimum": 0, "maximum": 2000},
                         "seed": {"type": "integer", "minimum": 0, "maximum": 2147483647},
                         "initial_stock": {
                             "oneOf": [{"type": "string", "pattern": "^[0-9]{1,9}$"},
                                       {"type": "integer", "minimum": 0,
                                        "maximum": 999999999}],
                             "description": "Unrestricted stock of each material in the "
                                            "central plant, as text (\"100\") or a number"}}}}}},
                 "responses": {"200": _json({
                     "type": "object",
                     "required": ["materials", "provincial_centers", "outlets", "seconds"],
                     "properties": {
                         "materials": {"type": "array", "items": {"type": "string"}},
                         "provincial_centers": {"type": "array",
                                                "items": {"type": "string"}},
                         "outlets": {"type": "array", "items": {"type": "string"}},
                         "seconds": {"type": "number"}}}, "What was loaded (first 1,000 "
                                                          "keys of each kind)"),
                               "400": BAD_REQUEST, "404": NOT_FOUND}},
    },
    "/_fake/clients/{mandt}/fi/clearing": {
        "parameters": [CLIENT],
        "post": {"operationId": "clearOpenItems",
                 "summary": "Payment run (F-28/F-53): clear the open items of a customer or "
                            "vendor with a payment document",
                 "requestBody": {"required": True, "content": {"application/json": {
                     "schema": {
                         "type": "object", "required": ["company_code"],
                         "oneOf": [{"required": ["customer"]}, {"required": ["vendor"]}],
                         "properties": {
                             "company_code": {"type": "string", "pattern": "^[A-Z0-9]{1,4}$"},
                             "customer": {"type": "string", "pattern": "^[A-Za-z0-9]{1,10}$"},
                             "vendor": {"type": "string", "pattern": "^[A-Za-z0-9]{1,10}$"},
                             "documents": {"type": "array", "maxItems": 1000,
                                           "description": "Only the items of these "
                                                          "accounting documents",
                                           "items": {"type": "string",
                                                     "pattern": "^[0-9]{1,10}$"}},
                             "date": {"type": "string", "format": "date",
                                      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                      "description": "Clearing date (default today); "
                                                     "items posted later stay open"}}}}}},
                 "responses": {"200": _json({
                     "type": "object",
                     "required": ["company_code", "account_type", "account", "clearing_date",
                                  "clearing_document", "fiscal_year", "balance", "cleared"],
                     "properties": {
                         "company_code": {"type": "string"},
                         "account_type": {"type": "string", "enum": ["customer", "vendor"]},
                         "account": {"type": "string"},
                         "clearing_date": {"type": "string", "format": "date"},
                         "clearing_document": {"type": ["string", "null"],
                                               "description": "null when nothing was open"},
                         "fiscal_year": {"type": ["string", "null"]},
                         "balance": {"type": "string", "description": "Signed balance of "
                                     "the cleared items (debit positive), paid by the "
                                     "clearing document"},
                         "cleared": {"type": "array", "items": {
                             "type": "object",
                             "required": ["document", "fiscal_year", "item", "posting_date",
                                          "debit_credit", "amount", "currency", "text"],
                             "properties": {
                                 "document": {"type": "string"},
                                 "fiscal_year": {"type": "string"},
                                 "item": {"type": "string"},
                                 "posting_date": {"type": "string", "format": "date"},
                                 "debit_credit": {"type": "string", "enum": ["S", "H"]},
                                 "amount": {"type": "string"},
                                 "currency": {"type": "string"},
                                 "text": {"type": "string"}}}}}},
                     "The clearing run: its document and the items it cleared"),
                               "400": BAD_REQUEST,
                               "404": _json(ERROR, "Unknown client, or customer not in the "
                                                   "company code")}},
    },
    "/_fake/openapi.json": {
        "get": {"operationId": "getOpenApi", "summary": "This document",
                "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")}},
    },
}


#: the routes of the control blueprint's clients, monitor, partners, master-data, finance
#: and seeding modules, and of this document
OPENAPI = ApiFragment(paths=_PATHS, schemas=_SCHEMAS)


#: the name of the control-token security scheme in the document
CONTROL_TOKEN_SCHEME = "controlToken"
UNAUTHORIZED = {
    "description": "The server runs with a control token and the request did not carry it",
    "headers": {"WWW-Authenticate": {"description": "Bearer challenge (RFC 6750)",
                                     "schema": {"type": "string"}}},
    "content": {"application/json": {"schema": ERROR}}}


def document(fragments: Iterable[ApiFragment]) -> dict[str, Any]:
    """The whole document made of the edges' fragments (a path or schema described twice is
    a mistake, not a merge). The control token applies to every operation, so its security
    requirement and its 401 are added here, once, rather than in each fragment."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for fragment in fragments:
        _add(paths, fragment.paths, "path")
        _add(schemas, fragment.schemas, "schema")
    return {
        "openapi": "3.1.0",
        "info": {"title": "fake-sap control API", "version": __version__,
                 "description": "Emulator control endpoints that SAP has no interface for: "
                                "clients, partner profiles, the IDoc monitor."},
        # either the bearer token, or nothing at all on a server started without one
        "security": [{CONTROL_TOKEN_SCHEME: []}, {}],
        "paths": {path: _with_common_responses(item) for path, item in paths.items()},
        "components": {
            "schemas": schemas,
            "securitySchemes": {CONTROL_TOKEN_SCHEME: {
                "type": "http", "scheme": "bearer",
                "description": "Only when the server was started with --control-token "
                               "TOKEN (or FAKE_SAP_CONTROL_TOKEN): every /_fake/ path then "
                               "needs 'Authorization: Bearer TOKEN'. Without a token the "
                               "control API is open."}},
        },
    }


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


#: what the server in front of the application (gunicorn) answers before any route sees the
#: request; every operation can meet it
URI_TOO_LONG = {"description": "The request line is longer than the server reads (4,094 "
                               "bytes); an HTML page, not the control API's JSON error"}


#: a write while the database is full or read-only: nothing half-stored, try again later
STORAGE_UNAVAILABLE = _json(ERROR, "The database is unavailable for now (full or read-only); "
                                   "the Retry-After header says when to try again")


def _with_common_responses(item: Mapping[str, Any]) -> dict[str, Any]:
    """The path item with the control token's 401, the server's 414 and the storage's 503
    among the responses of each operation."""
    return {key: ({**operation, "responses": {**operation["responses"],
                                              "401": UNAUTHORIZED, "414": URI_TOO_LONG,
                                              "503": STORAGE_UNAVAILABLE}}
                  if key in _METHODS else operation)
            for key, operation in item.items()}


def _add(into: dict[str, Any], more: Mapping[str, Any], what: str) -> None:
    for name, description in more.items():
        if name in into:
            raise ValueError(f"the OpenAPI {what} {name} is described twice")
        into[name] = description


@bp.get("/_fake/openapi.json")
def openapi_json() -> Response:
    return jsonify(runtime().openapi)
