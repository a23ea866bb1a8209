"""Control API: the code tables of the ISO conversion per client, T006 (units of measure),
TCURC (currencies) and T005 (countries), as SAP maintains them with CUNI, OY03 and SM30.

``/_fake/clients/{mandt}/units``, ``.../currencies`` and ``.../countries`` list a table;
``PUT``, ``GET`` and ``DELETE`` on ``.../units/{msehi}`` (``currencies/{waers}``,
``countries/{land1}``) maintain one entry, given by SAP's field names. The field rules come
from the tables' declaration (``fake_sap.basis.iso_codes.CODE_TABLES``), which also gives
this module's OpenAPI schemas. See docs/iso-codes.md.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import CODE_TABLES, CodeTable
from fake_sap.errors import NotFound
from fake_sap.http.control import bp, openapi
from fake_sap.http.control.requests import existing_client, json_body
from fake_sap.http.runtime import runtime


def _table(resource: str) -> CodeTable:
    table = CODE_TABLES.get(resource)
    if table is None:  # the routes name only the three tables; kept for a clear answer
        raise NotFound(f"No code table {resource}")
    return table


def _missing(table: CodeTable, mandt: str, key: str) -> NotFound:
    return NotFound(f"{table.sap_name} of client {mandt} has no entry {key}")


@bp.get("/clients/<mandt>/<any(units, currencies, countries):resource>")
def list_code_entries(mandt: str, resource: str) -> Response:
    existing_client(mandt)
    table = _table(resource)
    return jsonify({resource: iso_codes.list_entries(runtime().db, mandt, table)})


@bp.get("/clients/<mandt>/<any(units, currencies, countries):resource>/<key>")
def get_code_entry(mandt: str, resource: str, key: str) -> Response:
    existing_client(mandt)
    table = _table(resource)
    entry = iso_codes.get_entry(runtime().db, mandt, table, key)
    if entry is None:
        raise _missing(table, mandt, key)
    return jsonify(entry)


@bp.put("/clients/<mandt>/<any(units, currencies, countries):resource>/<key>")
def put_code_entry(mandt: str, resource: str, key: str) -> Response:
    """Create or replace an entry; the fields left out are initial."""
    existing_client(mandt)
    table = _table(resource)
    table.check_key(key)
    return jsonify(iso_codes.put_entry(runtime().db, mandt, table, key, json_body()))


@bp.delete("/clients/<mandt>/<any(units, currencies, countries):resource>/<key>")
def delete_code_entry(mandt: str, resource: str, key: str) -> tuple[str, int]:
    existing_client(mandt)
    table = _table(resource)
    if not iso_codes.delete_entry(runtime().db, mandt, table, key):
        raise _missing(table, mandt, key)
    return "", 204


# --- the OpenAPI description -------------------------------------------------------------------

#: per table: the operation names' noun, the singular, the key's path parameter, its text
_NAMES = {"units": ("Unit", "msehi", "Unit of measurement (T006-MSEHI)", "CUNI"),
          "currencies": ("Currency", "waers", "Currency key (TCURC-WAERS)", "OY03"),
          "countries": ("Country", "land1", "Country key (T005-LAND1)", "SM30")}


def _paths(resource: str, table: CodeTable) -> dict[str, Any]:
    noun, parameter, text, transaction = _NAMES[resource]
    entry = openapi._ref(f"{noun}Entry")
    key = {"name": parameter, "in": "path", "required": True,
           "schema": {"type": "string", "pattern": f"^{table.key_pattern}$"},
           "description": text}
    missing = openapi._json(openapi.ERROR, f"Unknown client or {noun.lower()}")
    put_responses: dict[str, Any] = {"200": openapi._json(entry, "The entry as stored"),
                                     "400": openapi.BAD_REQUEST,
                                     "404": openapi._json(openapi.ERROR, "Unknown client")}
    if table.primary_field is not None:
        put_responses["409"] = openapi._json(
            openapi.ERROR, f"Another entry is flagged primary ({table.primary_field}) for "
                           f"the ISO code")
    return {
        f"/_fake/clients/{{mandt}}/{resource}": {
            "parameters": [openapi.CLIENT],
            "get": {"operationId": f"list{noun}Entries",
                    "summary": f"The client's {table.sap_name} entries ({transaction})",
                    "responses": {"200": openapi._json(
                        {"type": "object", "required": [resource],
                         "properties": {resource: {"type": "array", "items": entry}}},
                        "Every entry, in key order"),
                        "400": openapi.BAD_REQUEST,
                        "404": openapi._json(openapi.ERROR, "Unknown client")}}},
        f"/_fake/clients/{{mandt}}/{resource}/{{{parameter}}}": {
            "parameters": [openapi.CLIENT, key],
            "get": {"operationId": f"get{noun}Entry",
                    "summary": f"One {table.sap_name} entry",
                    "responses": {"200": openapi._json(entry, "The entry"),
                                  "400": openapi.BAD_REQUEST, "404": missing}},
            "put": {"operationId": f"put{noun}Entry",
                    "summary": f"Create or replace a {table.sap_name} entry ({transaction}); "
                               f"fields left out are initial",
                    "requestBody": {"required": True, "content": {"application/json": {
                        "schema": openapi._ref(f"{noun}Fields")}}},
                    "responses": put_responses},
            "delete": {"operationId": f"delete{noun}Entry",
                       "summary": f"Delete a {table.sap_name} entry",
                       "responses": {"204": {"description": "Deleted"},
                                     "400": openapi.BAD_REQUEST, "404": missing}}},
    }


def _schemas(resource: str, table: CodeTable) -> dict[str, Any]:
    noun, _, text, _ = _NAMES[resource]
    fields = table.json_schema()
    entry = {"type": "object", "required": [table.key, *fields["properties"]],
             "properties": {table.key: {"type": "string", "description": text},
                            **fields["properties"]}}
    return {f"{noun}Fields": fields, f"{noun}Entry": entry}


#: the routes of this module
OPENAPI = openapi.ApiFragment(
    paths={path: item for resource, table in CODE_TABLES.items()
           for path, item in _paths(resource, table).items()},
    schemas={name: schema for resource, table in CODE_TABLES.items()
             for name, schema in _schemas(resource, table).items()})
