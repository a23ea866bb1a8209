"""``/sap/bc/idoc_xml``: SAP's ICF service for inbound IDoc-XML over HTTP."""

from __future__ import annotations

from functools import partial

from flask import Blueprint, Response, request

from fake_sap.ale.inbound.processor import InboundProcessor, InboundResult
from fake_sap.ale.outbound import distribute_change_pointers
from fake_sap.basis import iso_codes
from fake_sap.errors import BadRequest
from fake_sap.fastpath.idoc_xml import idoc_xml_result
from fake_sap.http.body import is_xml_media_type, limited_body
from fake_sap.http.control import faults
from fake_sap.http.logon import client_state, logon
from fake_sap.http.runtime import runtime
from fake_sap.idoc.parser import iter_idocs

bp = Blueprint("idoc_xml", __name__)

#: besides the XML types of :func:`is_xml_media_type`
IDOC_CONTENT_TYPES = ("application/x-sap.idoc",)


class UnsupportedMediaType(BadRequest):
    http_status = 415
    code = "UNSUPPORTED_MEDIA_TYPE"


@bp.get("/sap/bc/idoc_xml")
def probe() -> Response:
    """Public clients probe the service with a GET to test their logon data."""
    mandt = logon()
    return Response(f"IDoc-XML inbound service is active in client {mandt}\n",
                    content_type="text/plain; charset=utf-8")


@bp.post("/sap/bc/idoc_xml")
def receive() -> Response:
    mandt = logon()
    faults.before_idoc_post(mandt)
    _check_content_type()
    objects = runtime()
    limit = objects.settings.max_body_bytes
    state = client_state(mandt)
    with limited_body(limit, "IDoc-XML document") as stream, objects.db.write() as conn:
        # the conversions take the code tables kept with the state the logon checked
        iso_codes.use_in_transaction(
            conn, partial(objects.client_states.codes, version=state.version))
        processor = InboundProcessor(conn, mandt, strict_partners=state.strict_partner_check)
        result = processor.receive(iter_idocs(stream, limit))
        created = distribute_change_pointers(conn, mandt)
    if created or result.passed_on:
        objects.dispatcher.wake()
    return _result_response(result)


def _check_content_type() -> None:
    mimetype = request.mimetype or ""
    if not is_xml_media_type(mimetype) and mimetype not in IDOC_CONTENT_TYPES:
        raise UnsupportedMediaType(f"Content type {mimetype} is not IDoc-XML; send text/xml "
                                   "or application/xml")


def _result_response(result: InboundResult) -> Response:
    """A small summary; clients rely on the status code, tests on the DOCNUM range."""
    body = idoc_xml_result(result.count, result.first_docnum, result.last_docnum,
                           sorted(result.statuses.items()))
    return Response(body, content_type="application/xml; charset=utf-8")
