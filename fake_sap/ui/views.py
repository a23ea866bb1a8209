"""The console's pages: Flask blueprints rendering Jinja templates.

Layer: HTTP edge (the console). Reads go through the services and the owning modules' read
functions, writes through the services the control API calls (BD87 through
``fake_sap.basis.idoc_monitor``, BD10/BD12 through ``fake_sap.ale.master_data``); no SQL here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from flask import (
    Blueprint,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from fake_sap import clock
from fake_sap.ale import reprocessing
from fake_sap.ale.inbound.processor import InboundProcessor
from fake_sap.ale.master_data import send_master_data
from fake_sap.ale.outbound import distribute_change_pointers
from fake_sap.basis import business_date, clients, faults, idoc_monitor, partners
from fake_sap.conversion import alpha_input, matn1_input
from fake_sap.db.idocs import IdocFilter
from fake_sap.errors import BadRequest, FakeSapError, NotFound
from fake_sap.http.logon import client_state
from fake_sap.http.runtime import runtime
from fake_sap.idoc import types
from fake_sap.idoc.customer_types import IdocTypeCatalogue
from fake_sap.idoc.parser import iter_idocs, parse_document
from fake_sap.idoc.writer import to_xml
from fake_sap.mm import stock
from fake_sap.rfc import call_log
from fake_sap.ui import access, flow, segments

#: the console's pages
bp = Blueprint("console", __name__, url_prefix="/_fake/ui", template_folder="templates",
               static_folder="static", static_url_path="/static")
#: ``GET /``: a page that links to the console (the emulator has no other home page)
home_bp = Blueprint("console_home", __name__, template_folder="templates")

DIRECTIONS = {"inbound": "2", "outbound": "1"}
PAGE_SIZE = 100
#: RFC calls shown on the home page
RECENT_RFC_CALLS = 30
_CLIENT = re.compile(r"^\d{3}$")
#: status groups for the monitor's colours (the console's own grouping, after WE02's lights)
SUCCESS = {"03", "06", "08", "10", "12", "13", "14", "16", "18", "19", "22", "24", "38", "39",
           "41", "53", "55"}
ERROR = {"02", "04", "05", "07", "09", "11", "15", "17", "20", "21", "23", "26", "27", "29",
         "31", "34", "37", "40", "51", "52", "54", "56", "57", "60", "63", "65", "68"}


def status_class(status: str) -> str:
    """The CSS class of an IDoc status: ``ok``, ``error`` or ``waiting``."""
    if status in SUCCESS:
        return "ok"
    return "error" if status in ERROR else "waiting"


# --- the client, links, access -----------------------------------------------------------------

def client() -> str:
    """``sap-client`` from the query string or the form, else the emulator's default."""
    value = (request.values.get("sap-client") or runtime().settings.default_client).strip()
    if not _CLIENT.match(value):
        raise BadRequest(f"'{value[:10]}' is not a client number (three digits)")
    return value


def link(endpoint: str, **values: Any) -> str:
    """A console URL that keeps the current client."""
    values.setdefault("sap-client", client())
    return url_for(endpoint, **values)


@bp.app_template_global()
def console_link(endpoint: str, **values: Any) -> str:
    return link(endpoint, **values)


@bp.app_template_filter("status_class")
def _status_class_filter(status: str) -> str:
    return status_class(status)


#: message types whose object key is a material number, and those whose key is a customer
MATERIAL_MESSAGES = {"MATMAS"}
CUSTOMER_MESSAGES = {"DEBMAS"}


@bp.app_template_global()
def object_link(mestyp: str, objkey: str) -> str:
    """Where an IDoc's object key leads: a material to its stock (MMBE), a customer
    nowhere yet, any other key (a document or purchase order number) to its flow."""
    if not objkey or mestyp in CUSTOMER_MESSAGES:
        return ""
    if mestyp in MATERIAL_MESSAGES:
        return link("console.stock_overview", material=objkey)
    return link("console.document_flow", document=objkey)


@bp.app_template_filter("sap_date")
def sap_date(value: str) -> str:
    """DATS (YYYYMMDD) as YYYY-MM-DD; anything else as it is."""
    if len(value or "") == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value or ""


@bp.app_template_filter("sap_time")
def sap_time(value: str) -> str:
    """TIMS (HHMMSS) as HH:MM:SS; anything else as it is."""
    if len(value or "") == 6 and value.isdigit():
        return f"{value[:2]}:{value[2:4]}:{value[4:]}"
    return value or ""


@bp.before_request
def _check_access() -> BaseResponse | None:
    if request.endpoint in ("console.login", "console.static"):
        return None
    if access.allowed(runtime().settings, request):
        return None
    return redirect(url_for("console.login", next=request.full_path))


@bp.errorhandler(FakeSapError)
def _error_page(error: FakeSapError) -> tuple[str, int]:
    return render_template("console/error.html", message=str(error), mandt=_safe_client(),
                           clients=_clients()), error.http_status


def _safe_client() -> str:
    value = request.values.get("sap-client", "")
    return value if _CLIENT.match(value) else runtime().settings.default_client


def _clients() -> list[dict[str, Any]]:
    return clients.list_all(runtime().db)


def _page(template: str, mandt: str, **context: Any) -> str:
    return render_template(f"console/{template}", mandt=mandt, clients=_clients(),
                           notice=request.args.get("notice", ""),
                           problem=request.args.get("problem", ""), **context)


def _existing_client() -> str:
    mandt = client()
    if not clients.exists(runtime().db, mandt):
        raise NotFound(f"Client {mandt} does not exist in this system")
    return mandt


# --- pages -------------------------------------------------------------------------------------

@home_bp.get("/")
def root() -> str:
    return render_template("console/root.html")


@bp.route("/login", methods=["GET", "POST"])
def login() -> BaseResponse | str | tuple[str, int]:
    target = request.values.get("next") or url_for("console.home")
    if not target.startswith("/_fake/ui"):
        target = url_for("console.home")
    if request.method == "POST":
        token = request.form.get("token", "")
        if not access.matches(runtime().settings, token):
            return render_template("console/login.html", target=target,
                                   problem="That is not the server's control token."), 401
        response = make_response(redirect(target))
        response.set_cookie(access.COOKIE, token, httponly=True, samesite="Strict",
                            path="/_fake/ui")
        return response
    return render_template("console/login.html", target=target)


@bp.get("/")
def home() -> str:
    mandt = _existing_client()
    db = runtime().db
    offset = business_date.offset_days(db, mandt)
    return _page("home.html", mandt, system_date=clock.system_now().date(),
                 business_date=clock.system_now().date() + timedelta(days=offset), offset=offset,
                 # a rule whose count-down has run out no longer fires
                 faults=[f for f in faults.list_faults(db, mandt)
                         if f.remaining is None or f.remaining > 0],
                 rfc_calls=call_log.recent(db, mandt, RECENT_RFC_CALLS))


@bp.get("/idocs")
def idocs() -> str:
    """WE02/WE05: the IDoc list with its selection."""
    mandt = _existing_client()
    args = request.args
    direction = args.get("direction", "")
    where = IdocFilter(
        direct=DIRECTIONS.get(direction), mestyp=args.get("mestyp") or None,
        idoctp=args.get("idoctyp") or None, status=args.get("status") or None,
        partner=args.get("partner") or None, created_from=_day(args.get("from")),
        created_to=_day(args.get("to"), end=True))
    page = _page_number(args.get("page"))
    rows, total = idoc_monitor.search(runtime().db, mandt, where, PAGE_SIZE,
                                      (page - 1) * PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    other_pages = {name: value for name, value in args.items()
                   if name not in ("page", "sap-client") and value}
    return _page("idocs.html", mandt, idocs=rows, total=total, filters=args, page=page,
                 pages=pages, other_pages=other_pages,
                 message_types=sorted({m for t in types.DECLARED for m in t.message_types}),
                 idoc_types=sorted({t.idoctyp for t in types.DECLARED}))


def _page_number(value: str | None) -> int:
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= 10**6:
        raise BadRequest(f"'{value[:10]}' is not a page number")
    return int(value)


def _day(value: str | None, *, end: bool = False) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"'{value[:20]}' is not a date (YYYY-MM-DD)") from None
    moment = datetime.combine(day, datetime.max.time() if end else datetime.min.time())
    return moment.replace(tzinfo=clock.system_now().tzinfo)


@bp.get("/idocs/<docnum>")
def idoc(docnum: str) -> str:
    """WE02 detail: control record, data records (segment tree), status records, XML."""
    mandt = _existing_client()
    found = idoc_monitor.get_with_statuses(runtime().db, mandt, docnum)
    parsed = parse_document(found.control["xml"].encode("utf-8"))[0]
    with runtime().db.read() as conn:  # built-in or imported (their descriptions)
        declared = IdocTypeCatalogue(conn).lookup(parsed.idoctyp, parsed.cimtyp)
    return _page("idoc.html", mandt, row=found.control, statuses=found.statuses,
                 control=segments.control_fields(parsed.control, all_fields=False),
                 tree=segments.segment_tree(declared, parsed.segments, all_fields=False),
                 idoc_type=declared, xml=found.control["xml"],
                 reprocessable=_action(found.control))


def _action(row: dict[str, Any]) -> str:
    """The BD87 button an IDoc gets: reprocess (inbound), resend (outbound), or none."""
    if row["direct"] == "2" and row["status"] in reprocessing.REPROCESSABLE_INBOUND:
        return "Reprocess"
    if row["direct"] == "1" and row["status"] in reprocessing.RESENDABLE_OUTBOUND:
        return "Resend"
    return ""


@bp.post("/idocs/<docnum>/process")
def process(docnum: str) -> BaseResponse:
    """BD87: the same service as ``POST /_fake/clients/<mandt>/idocs/<docnum>/process``."""
    mandt = _existing_client()
    rt = runtime()
    try:
        if reprocessing.process(rt.db, mandt, docnum):
            rt.dispatcher.run_once(mandt)
    except FakeSapError as error:
        return redirect(link("console.idoc", docnum=docnum, problem=str(error)))
    row = idoc_monitor.get(rt.db, mandt, docnum)
    return redirect(link("console.idoc", docnum=docnum,
                         notice=f"IDoc {docnum} processed: status {row['status']}"))


@bp.route("/idocs/<docnum>/test-tool", methods=["GET", "POST"])
def test_tool(docnum: str) -> BaseResponse | str:
    """WE19: a copy of the IDoc with every field editable, posted as a new inbound IDoc."""
    mandt = _existing_client()
    rt = runtime()
    row = idoc_monitor.get(rt.db, mandt, docnum)
    original = parse_document(row["xml"].encode("utf-8"))[0]
    declared = types.lookup(original.idoctyp, original.cimtyp)
    if request.method == "GET" or declared is None:
        control = dict(original.control, **segments.TEST_TOOL_CONTROL)
        return _page("test_tool.html", mandt, docnum=docnum, idoc_type=declared,
                     control=segments.control_fields(control, all_fields=True),
                     tree=segments.segment_tree(declared, original.segments, all_fields=True),
                     control_prefix=segments.CONTROL_PREFIX,
                     segment_prefix=segments.SEGMENT_PREFIX)
    edited = segments.edited_idoc(original, request.form)
    document = to_xml(declared, [edited])
    with rt.db.write() as conn:
        result = InboundProcessor(conn, mandt).receive(
            iter_idocs(io.BytesIO(document), rt.settings.max_body_bytes))
        created = distribute_change_pointers(conn, mandt)
    if created:
        rt.dispatcher.wake()
    new = result.first_docnum
    status = ", ".join(sorted(result.statuses))
    return redirect(link("console.idoc", docnum=new,
                         notice=f"Test tool: IDoc {new} created from IDoc {docnum}, "
                                f"status {status}"))


@bp.get("/flow")
def document_flow() -> str:
    """The document flow (VBFA) of an order, delivery, return, material or FI document."""
    mandt = _existing_client()
    # a number as a user types it, in the internal format (conversion exit ALPHA)
    entered = request.args.get("document", "").strip()
    number = _internal(alpha_input, entered)
    root = None
    if number:
        with runtime().db.read() as conn:
            root = flow.find(conn, mandt, number, entered)
    return _page("flow.html", mandt, number=number, root=root)


def _internal(conversion: Callable[[str], str], value: str) -> str:
    try:
        return conversion(value.strip())
    except ValueError as error:
        raise BadRequest(str(error)) from None


@bp.get("/stock")
def stock_overview() -> str:
    """MMBE: the stock of a material per plant and storage location."""
    mandt = _existing_client()
    # entered as a user types it; stored in the internal format (conversion exit MATN1)
    matnr = _internal(matn1_input, request.args.get("material", ""))
    werks = request.args.get("plant", "").strip().upper()
    locations: list[dict[str, Any]] = []
    transit: dict[str, Any] = {}
    consignment: list[dict[str, Any]] = []
    if matnr:
        with runtime().db.read() as conn:
            locations = stock.storage_locations(conn, mandt, matnr, werks or None)
            transit = stock.in_transit(conn, mandt, matnr)
            consignment = stock.consignment(conn, mandt, matnr)
    return _page("stock.html", mandt, matnr=matnr, werks=werks, locations=locations,
                 transit=transit, consignment=consignment)


@bp.get("/partners")
def partner_profiles() -> str:
    """WE20 partner profiles (with their WE21 port), and BD10/BD12 sending."""
    mandt = _existing_client()
    return _page("partners.html", mandt, partners=partners.list_all(runtime().db, mandt))


@bp.post("/partners/send")
def send() -> BaseResponse:
    """BD10 (MATMAS) / BD12 (DEBMAS): the same service as the control API's send."""
    mandt = _existing_client()
    mestyp = request.form.get("message_type", "")
    receiver = request.form.get("receiver") or None
    objects = [o.strip() for o in request.form.get("objects", "").split(",") if o.strip()]
    rt = runtime()
    try:
        with rt.dispatcher.bulk_creation() as packet_committed:
            sent = send_master_data(rt.db, mandt, mestyp, receiver, objects or None,
                                    packet_committed=packet_committed,
                                    codes=partial(rt.client_states.codes,
                                                  version=client_state(mandt).version))
    except FakeSapError as error:
        return redirect(link("console.partner_profiles", problem=str(error)))
    return redirect(link("console.partner_profiles",
                         notice=f"{sent.mestyp}: {sent.created} IDocs created for "
                                f"{', '.join(sent.receivers) or 'no receiver'}"))


