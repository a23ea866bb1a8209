"""The emulator's wiring: the one place that says which function modules, update functions,
IDoc types, inbound applications and control routes the emulator has.

Layer: composition root. It may import every layer; only the entry points
(:func:`fake_sap.app.create_app`, the ``fake-sap contracts`` generator) and the test tooling
import it. The modules it joins expose plain data (a ``FUNCTIONS`` tuple, an
``UPDATE_FUNCTIONS`` table, an OpenAPI fragment named ``OPENAPI``, declared IDoc types) and
never change a shared registry: nothing registers itself by being imported, so a table built
here is the whole truth, and adding a function module area or a control edge means adding
one entry below.

It builds:

- :func:`function_directory`: every function module callable over SOAP-RFC (SE37);
- :func:`update_functions`: what BAPI_TRANSACTION_COMMIT runs, by update function name;
- :func:`idoc_types`: the declared IDoc types (basic types and extensions), by name;
- :func:`inbound_applications`: how inbound IDocs are posted, by message type (WE20/BD51);
- :func:`readable_tables`: the tables RFC_READ_TABLE reads, by name;
- :func:`openapi_document`: the control API's OpenAPI document.

It sets nothing process-wide: the server workers run with Python's garbage-collector
defaults (see docs/adr/0005-fast-paths.md for how bulk paths keep their objects short-lived
instead).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection

from fake_sap.ale import applications, delivery_output
from fake_sap.ale.applications import Application
from fake_sap.http import soap_rfc
from fake_sap.http.control import clock, code_tables, faults, openapi
from fake_sap.http.control import idoc_types as idoc_type_routes
from fake_sap.idoc import types
from fake_sap.idoc.model import IdocType
from fake_sap.rfc import tables
from fake_sap.rfc.functions import (
    customer,
    ddic,
    finance,
    logistics,
    material,
    sales,
    stock,
    system,
    transaction,
)
from fake_sap.rfc.luw import UpdateFunction, UpdateFunctions
from fake_sap.rfc.read_table import ReadableTable
from fake_sap.rfc.registry import FunctionDirectory
from fake_sap.sd.services import DeliveryUpdate

#: the function-module areas, each exposing ``FUNCTIONS`` (and its update functions)
FUNCTION_AREAS = (system, transaction, material, customer, finance, sales, logistics, stock)
#: the areas whose BAPIs register update tasks, each exposing ``UPDATE_FUNCTIONS``
UPDATE_AREAS = (material, finance, sales, stock)


def function_directory() -> FunctionDirectory:
    """Every implemented function module, by name."""
    functions = [function for area in FUNCTION_AREAS for function in area.FUNCTIONS]
    # the function modules that answer from the dictionary (the metadata modules, which
    # describe the others and themselves, and RFC_READ_TABLE) come last
    return FunctionDirectory([*functions, *ddic.functions(f.interface for f in functions)])


def update_functions() -> UpdateFunctions:
    """The LUW's update functions by name (a name declared twice is a wiring mistake)."""
    table: dict[str, UpdateFunction] = {}
    declared = [area.UPDATE_FUNCTIONS.items() for area in UPDATE_AREAS]
    declared.append({name: with_delivery_output(update) for name, update
                     in logistics.DELIVERY_UPDATE_FUNCTIONS.items()}.items())
    for functions in declared:
        for name, function in functions:
            if name in table:
                raise ValueError(f"update function {name} is declared twice")
            table[name] = function
    return MappingProxyType(table)


def with_delivery_output(update: DeliveryUpdate) -> UpdateFunction:
    """A delivery update task followed by SAP's output determination: the DESADV IDocs for
    the events the SD service reports, in the update task's own transaction."""
    def update_then_output(conn: Connection, mandt: str, payload: dict[str, Any]) -> None:
        delivery_output.send(conn, mandt, update(conn, mandt, payload))
    return update_then_output


def idoc_types() -> Mapping[str, IdocType]:
    """The declared IDoc types by name (:data:`fake_sap.idoc.types.DECLARED`); the types
    imported from their XML schema live in the database (:mod:`fake_sap.idoc.customer_types`)."""
    return types.IDOC_TYPES


def inbound_applications() -> Mapping[str, Application]:
    """How inbound IDocs are posted, by message type (:data:`fake_sap.ale.applications`)."""
    return MappingProxyType(applications.APPLICATIONS)


def readable_tables() -> Mapping[str, ReadableTable]:
    """The tables RFC_READ_TABLE reads, by name (:data:`fake_sap.rfc.tables.BY_NAME`)."""
    return tables.BY_NAME


def openapi_document(functions: FunctionDirectory | None = None) -> dict[str, Any]:
    """The control API's OpenAPI document (the fault targets are ``functions``' names)."""
    functions = function_directory() if functions is None else functions
    return openapi.document((openapi.OPENAPI, clock.OPENAPI, faults.openapi_fragment(functions),
                             idoc_type_routes.OPENAPI, code_tables.OPENAPI, soap_rfc.OPENAPI))


def openapi_json() -> bytes:
    """The document as committed in ``contracts/openapi/``."""
    text = json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")

