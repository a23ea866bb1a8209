"""The adapter's wiring: the one place that says which flow handles what.

Layer: composition root, shared by both processes. It may import every layer; nothing but
the entry points (:mod:`crm_adapter.cli`, :func:`crm_adapter.http.app.create_app`,
:mod:`crm_adapter.worker`) and the test tooling imports it. Flows and API areas expose
their parts as plain data (``OUTBOX_JOBS``, a :class:`~crm_adapter.inbox.MessageHandler`
per message type, an OpenAPI fragment named ``OPENAPI``); nothing registers itself by being
imported, so a table built here is the whole truth, and adding a flow or an API area means
adding one line below.

It builds:

- :func:`outbox_tables`: what the outbox worker performs per job kind, and what runs when
  an entry is done or refused (:class:`~crm_adapter.outbox.OutboxTables`);
- :func:`inbox_handlers`: how the inbox applies IDocs, by message type (MESTYP);
- :func:`openapi_document`: the OpenAPI document of the HTTP interface;
- :func:`error_statuses`: the HTTP status and error code of the API areas' own exceptions;
- :func:`console_blueprints`: the pages of the CRM console at ``/ui/``, and
  :func:`console_error_pages`: its answer to an HTTP error under that prefix.

It changes no process-wide setting: the adapter's processes run with Python's garbage
collector as it comes (see docs/adr/0005-fast-paths.md).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from crm_adapter.flows import applications, deliveries, master_data, returns, settlement
from crm_adapter.http import applications as application_api
from crm_adapter.http import (
    clock,
    customers,
    materials,
    openapi,
    repairs,
    settlements,
    statistics,
)
from crm_adapter.http import deliveries as delivery_api
from crm_adapter.http import returns as return_api
from crm_adapter.http.errors import ErrorPages, ErrorStatuses
from crm_adapter.inbox import Handlers
from crm_adapter.outbox import OutboxJob, OutboxTables
from crm_adapter.ui import console

#: every job kind the flows enqueue, with what the worker does for it
OUTBOX_JOBS: tuple[OutboxJob, ...] = (*applications.OUTBOX_JOBS, *deliveries.OUTBOX_JOBS,
                                      *returns.OUTBOX_JOBS, *settlement.OUTBOX_JOBS)

#: every API area's part of the OpenAPI document
OPENAPI_FRAGMENTS: tuple[openapi.ApiFragment, ...] = (
    openapi.OPENAPI, clock.OPENAPI, customers.OPENAPI, delivery_api.OPENAPI,
    materials.OPENAPI, repairs.OPENAPI, settlements.OPENAPI, statistics.OPENAPI,
    console.OPENAPI)


def outbox_tables() -> OutboxTables:
    """The outbox worker's tables: handlers, completions and failures by job kind."""
    return OutboxTables.of(OUTBOX_JOBS)


def inbox_handlers() -> Handlers:
    """How the inbox applies each message type it receives from SAP."""
    return (Handlers()
            .register("MATMAS", master_data.MATMAS)
            .register("DEBMAS", master_data.DEBMAS)
            .register("DESADV", deliveries.DESADV))


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document of the adapter's HTTP interface (every API area)."""
    return openapi.document(OPENAPI_FRAGMENTS)


def error_statuses() -> ErrorStatuses:
    """The API areas' exceptions → (HTTP status, error code), beside the common ones of
    :data:`crm_adapter.http.errors.STATUS_BY_EXCEPTION`."""
    return {**application_api.ERROR_STATUSES, **customers.ERROR_STATUSES,
            **return_api.ERROR_STATUSES}


def console_blueprints() -> tuple[Blueprint, ...]:
    """The CRM console (HTML pages for people, beside the JSON API for programs)."""
    return (console.bp,)


def console_error_pages() -> ErrorPages:
    """The console answers HTTP errors under its prefix as pages, as its document says
    (a URL no route matches never reaches the blueprint's own handlers)."""
    return {console.URL_PREFIX: console.error_page}


def openapi_json() -> bytes:
    """The document as committed in ``contracts/openapi/`` (see :data:`openapi.OPENAPI_FILE`)."""
    return openapi.openapi_json(openapi_document())

