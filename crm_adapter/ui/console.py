"""The CRM console's pages: inbox, outbox, applications, deliveries, returns, settlements and
the maintenance queue of new materials.

Layer: HTTP edge. Each view opens one transaction and calls the same flow (or inbox/outbox)
function as the JSON API; it reads through the store's read functions and runs no SQL. A
button is a small form that POSTs, and the view answers with a redirect back to the page
(so reloading the page never repeats the action). Errors of other layers become an error
page here, in the blueprint's own handlers, instead of the JSON API's error body.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, make_response, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.wrappers.response import Response

from crm_adapter import outbox
from crm_adapter.clock import BusinessClock
from crm_adapter.domain.applications import ApplicationNotFound
from crm_adapter.domain.applications import Status as ApplicationStatus
from crm_adapter.domain.errors import DomainError
from crm_adapter.domain.returns import ReturnNotFound
from crm_adapter.domain.returns import Status as ReturnStatus
from crm_adapter.flows import applications as application_flow
from crm_adapter.flows import deliveries as delivery_flow
from crm_adapter.flows import master_data
from crm_adapter.flows import returns as return_flow
from crm_adapter.flows import settlement as settlement_flow
from crm_adapter.flows.master_data import MaterialNotFound
from crm_adapter.http import openapi
from crm_adapter.http.runtime import runtime
from crm_adapter.inbox import InboxError, NotRetryable, UnknownEntry
from crm_adapter.store import inbox as inbox_store
from crm_adapter.store.inbox import InboxStatus

URL_PREFIX = "/ui"
bp = Blueprint("console", __name__, url_prefix=URL_PREFIX, template_folder="templates")

#: rows per listing page (the console shows the newest; the JSON API pages further)
LISTING_ROWS = 200
OUTBOX_STATUSES = (outbox.PENDING, outbox.IN_PROGRESS, outbox.DONE, outbox.FAILED)
#: refusals that mean "there is no such thing" (404); any other refusal is 422
NOT_FOUND = (ApplicationNotFound, ReturnNotFound, MaterialNotFound, UnknownEntry)
#: ids are 64-bit in the store; a larger one in a URL is simply not found
ID = f"int(max={2**63 - 1})"


# --- links to the SAP console ----------------------------------------------------------------

def sap_console_url() -> str:
    """The fake-sap console's base URL: the setting, or else SAP's own URL."""
    settings = runtime().settings
    return (settings.sap_console_url or settings.sap_url).rstrip("/")


@bp.app_template_global()
def sap_document_link(document_number: str | None) -> str | None:
    """Where the SAP console shows a document's flow, for this adapter's client."""
    if not document_number:
        return None
    return document_flow_url(sap_console_url(), runtime().settings.sap_client, document_number)


def document_flow_url(console_url: str, client: str, document_number: str) -> str:
    """The SAP console's document flow (VBFA) of a document, in an SAP client."""
    query = urlencode({"sap-client": client, "document": document_number})
    return f"{console_url.rstrip('/')}/_fake/ui/flow?{query}"


@bp.context_processor
def console_context() -> dict[str, Any]:
    settings = runtime().settings
    return {"sap_client": settings.sap_client, "sap_console": sap_console_url(),
            "logical_system": settings.logical_system,
            "done": request.args.get("done"), "error": request.args.get("error")}


def back(endpoint: str, *, done: str | None = None, error: str | None = None,
         **values: Any) -> Response:
    """Redirect to a console page, with what the action did (or why it did not)."""
    message: dict[str, Any] = {"done": done} if done else {"error": error} if error else {}
    return redirect(url_for(endpoint, **values, **message), code=303)


@bp.errorhandler(DomainError)
@bp.errorhandler(InboxError)
@bp.errorhandler(NotFound)
def refused(error: Exception) -> tuple[str, int]:
    """A refusal of the flows or the inbox, or a document that is not there, shown as a
    page (the JSON API answers the same errors with JSON)."""
    if isinstance(error, NotFound):
        return render_template("error.html", message=error.description), 404
    status = 404 if isinstance(error, NOT_FOUND) else 409 \
        if isinstance(error, NotRetryable) else 422
    return render_template("error.html", message=str(error)), status


def error_page(error: HTTPException) -> Response:
    """An HTTP error under the console's prefix (no such page, a method not allowed) as a
    page; the JSON API answers the same errors with JSON."""
    response = make_response(render_template("error.html", message=error.description),
                             error.code or 500)
    for name, value in error.get_headers():  # keep protocol headers such as Allow
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


# --- home ------------------------------------------------------------------------------------

@bp.get("/")
def home() -> str:
    with runtime().db.read() as conn:
        failed_idocs = inbox_store.listing(conn, status=InboxStatus.FAILED,
                                           limit=LISTING_ROWS)
        open_jobs = [job for status in (outbox.PENDING, outbox.IN_PROGRESS, outbox.FAILED)
                     for job in outbox.listing(conn, status=status, limit=LISTING_ROWS)]
        waiting = master_data.pending_maintenance(conn)
        sap_halt = outbox.halt_state(conn)
    return render_template("home.html", failed_idocs=failed_idocs, open_jobs=open_jobs,
                           waiting=waiting, listing_rows=LISTING_ROWS, sap_halt=sap_halt)


@bp.post("/sap/resume")
def resume_sap_calls() -> Response:
    with runtime().db.write() as conn:
        lifted = outbox.resume(conn)
    if not lifted:
        return back("console.home", error="SAP calls were not halted")
    return back("console.home", done="SAP calls resume; the waiting jobs are due now")


# --- inbox: IDocs received from SAP ----------------------------------------------------------

@bp.get("/inbox")
def inbox() -> str:
    status = request.args.get("status") or None
    message_type = (request.args.get("message_type") or "").strip().upper() or None
    if status is not None and status not in {s.value for s in InboxStatus}:
        status = None
    with runtime().db.read() as conn:
        entries = inbox_store.listing(conn, status=status, message_type=message_type,
                                      limit=LISTING_ROWS)
    return render_template("inbox.html", entries=entries, statuses=list(InboxStatus),
                           current_status=status, message_type=message_type or "")


@bp.get(f"/inbox/<{ID}:entry_id>")
def inbox_entry(entry_id: int) -> str:
    with runtime().db.read() as conn:
        entry = inbox_store.get(conn, entry_id)
    if entry is None:
        raise NotFound(f"inbox entry {entry_id} does not exist")
    return render_template("inbox_entry.html", entry=entry)


@bp.post(f"/inbox/<{ID}:entry_id>/retry")
def retry_inbox_entry(entry_id: int) -> Response:
    outcome = runtime().inbox.retry(entry_id)
    return back("console.inbox_entry", entry_id=entry_id,
                done=f"processed again: {outcome.status}")


# --- outbox: jobs to SAP ---------------------------------------------------------------------

@bp.get("/outbox")
def outbox_page() -> str:
    status = request.args.get("status") or None
    if status not in OUTBOX_STATUSES:
        status = None
    with runtime().db.read() as conn:
        jobs = outbox.listing(conn, status=status, limit=LISTING_ROWS)
    return render_template("outbox.html", jobs=jobs, statuses=OUTBOX_STATUSES,
                           current_status=status)


@bp.post(f"/outbox/<{ID}:entry_id>/retry")
def retry_outbox_entry(entry_id: int) -> Response:
    with runtime().db.write() as conn:
        due = outbox.retry_now(conn, entry_id)
    if not due:
        return back("console.outbox_page",
                    error=f"job {entry_id} is not waiting for a retry")
    return back("console.outbox_page", done=f"job {entry_id} is due now; the worker takes it")


# --- applications, deliveries, returns, settlements ------------------------------------------

@bp.get("/applications")
def applications() -> str:
    status = request.args.get("status") or None
    if status not in {s.value for s in ApplicationStatus}:
        status = None
    with runtime().db.read() as conn:
        found = application_flow.listing(conn, status=status, limit=LISTING_ROWS)
    return render_template("applications.html", applications=found,
                           statuses=list(ApplicationStatus), current_status=status)


@bp.get(f"/applications/<{ID}:application_id>")
def application(application_id: int) -> str:
    with runtime().db.read() as conn:
        shown = application_flow.show(conn, application_id)
        delivery = delivery_flow.application_delivery_view(conn, application_id)
        returns = [r for r in return_flow.listing(conn, outlet=shown["outlet"],
                                                  limit=LISTING_ROWS)
                   if r["application_id"] == application_id]
    return render_template("application.html", application=shown, delivery=delivery,
                           returns=returns)


@bp.get("/deliveries")
def deliveries() -> str:
    with runtime().db.read() as conn:
        found = delivery_flow.deliveries(conn, limit=LISTING_ROWS)
    return render_template("deliveries.html", deliveries=found)


@bp.get("/deliveries/<delivery_number>")
def delivery(delivery_number: str) -> str:
    with runtime().db.read() as conn:
        found = delivery_flow.delivery_view(conn, delivery_number)
    if found is None:
        raise NotFound(f"delivery {delivery_number} is not in the CRM")
    return render_template("delivery.html", delivery=found)


@bp.get("/returns")
def returns() -> str:
    status = request.args.get("status") or None
    if status not in {s.value for s in ReturnStatus}:
        status = None
    with runtime().db.read() as conn:
        found = return_flow.listing(conn, status=status, limit=LISTING_ROWS)
    return render_template("returns.html", returns=found, statuses=list(ReturnStatus),
                           current_status=status)


@bp.get("/settlements")
def settlements() -> str:
    with runtime().db.read() as conn:
        found = settlement_flow.settlements(conn)
    return render_template("settlements.html", settlements=found)


@bp.post(f"/settlements/<{ID}:settlement_id>/retry")
def retry_settlement(settlement_id: int) -> Response:
    clock = BusinessClock.from_settings(runtime().settings)
    with runtime().db.write() as conn:
        found = settlement_flow.retry_settlement(conn, clock.today(conn), settlement_id)
    if found is None:
        raise NotFound(f"settlement {settlement_id} does not exist")
    return back("console.settlements", done=f"settlement {settlement_id} is posted again")


# --- the maintenance queue of new materials --------------------------------------------------

@bp.get("/materials/maintenance")
def maintenance() -> str:
    with runtime().db.read() as conn:
        waiting = master_data.pending_maintenance(conn)
    return render_template("maintenance.html", materials=waiting)


@bp.post("/materials/<material_number>/maintenance")
def maintain(material_number: str) -> Response:
    with runtime().db.write() as conn:
        material = master_data.maintain_material(
            conn, material_number, request.form.get("position_number", ""),
            request.form.get("repair_level", ""))
    return back("console.maintenance",
                done=f"material {material['material_number']} maintained")


# --- OpenAPI: the pages are routes of the adapter too ---------------------------------------

def _page(summary: str, operation_id: str, *parameters: dict[str, Any],
          found: bool = False) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": _HTML}
    if found:
        responses["404"] = _REFUSED_PAGE
    return {"get": {"operationId": operation_id, "tags": ["console"], "summary": summary,
                    "parameters": list(parameters), "responses": responses}}


def _button(summary: str, operation_id: str, *parameters: dict[str, Any],
            form: dict[str, Any] | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": operation_id, "tags": ["console"], "summary": summary,
        "parameters": list(parameters),
        "responses": {"303": {"description": "Back to the page, with what was done "
                                             "(``done``) or why not (``error``)"},
                      "404": _REFUSED_PAGE, "409": _REFUSED_PAGE, "422": _REFUSED_PAGE}}
    if form is not None:
        operation["requestBody"] = {"required": True, "content": {
            "application/x-www-form-urlencoded": {"schema": form}}}
    return {"post": operation}


_HTML = {"description": "The page", "content": {"text/html": {"schema": {"type": "string"}}}}
_REFUSED_PAGE = {"description": "A page saying why not",
                 "content": {"text/html": {"schema": {"type": "string"}}}}
_STATUS = openapi.query("status", {"type": "string"}, "Only this status (unknown: any)")
_ENTRY = openapi.path_id("entry_id", "The inbox entry's or outbox job's id")

_PATHS: dict[str, Any] = {
    "/ui/": _page("Overview: failed IDocs, open jobs to SAP, materials to maintain",
                  "consoleHome"),
    "/ui/sap/resume": _button("Resume SAP calls halted by a configuration error",
                              "consoleResumeSapCalls"),
    "/ui/inbox": _page("IDocs received from SAP", "consoleInbox", _STATUS,
                       openapi.query("message_type", {"type": "string"}, "MESTYP")),
    "/ui/inbox/{entry_id}": _page("One IDoc received, with its XML", "consoleInboxEntry",
                                  _ENTRY, found=True),
    "/ui/inbox/{entry_id}/retry": _button("Process a failed IDoc again",
                                          "consoleRetryInboxEntry", _ENTRY),
    "/ui/outbox": _page("Jobs to SAP", "consoleOutbox", _STATUS),
    "/ui/outbox/{entry_id}/retry": _button("Make a job waiting for its retry due now",
                                           "consoleRetryOutboxJob", _ENTRY),
    "/ui/applications": _page("Material applications", "consoleApplications", _STATUS),
    "/ui/applications/{application_id}": _page(
        "One application: items, SAP order, sub-deliveries, returns, jobs",
        "consoleApplication", openapi.path_id("application_id", "The application's id"),
        found=True),
    "/ui/deliveries": _page("Delivery records and SAP deliveries", "consoleDeliveries"),
    "/ui/deliveries/{delivery_number}": _page(
        "One delivery with its items", "consoleDelivery",
        {"name": "delivery_number", "in": "path", "required": True,
         "schema": {"type": "string"}, "description": "LIKP-VBELN, or an application's "
                                                      "delivery record"}, found=True),
    "/ui/returns": _page("Returns and their SAP documents", "consoleReturns", _STATUS),
    "/ui/settlements": _page("Labour fee settlements", "consoleSettlements"),
    "/ui/settlements/{settlement_id}/retry": _button(
        "Post a failed settlement again", "consoleRetrySettlement",
        openapi.path_id("settlement_id", "The settlement's id")),
    "/ui/materials/maintenance": _page("New materials waiting for their CRM-only fields",
                                       "consoleMaintenance"),
    "/ui/materials/{material_number}/maintenance": _button(
        "Set a material's position number and repair level", "consoleMaintain",
        {"name": "material_number", "in": "path", "required": True,
         "schema": {"type": "string"}, "description": "MATNR"},
        form={"type": "object", "required": ["position_number", "repair_level"],
              "properties": {"position_number": {"type": "string"},
                             "repair_level": {"type": "string"}}}),
}

#: the console's part of the OpenAPI document (joined in crm_adapter.compose)
OPENAPI = openapi.ApiFragment(paths=_PATHS)
