"""Control API: send master data to partners (BD10 materials, BD12 customers)."""

from __future__ import annotations

from functools import partial
from typing import Any

from flask import Response, jsonify

from fake_sap.ale.master_data import send_master_data
from fake_sap.errors import BadRequest
from fake_sap.http.control import bp
from fake_sap.http.control.partners import MESSAGE_TYPE, logical_system
from fake_sap.http.control.requests import existing_client, json_body, optional_str
from fake_sap.http.logon import client_state
from fake_sap.http.runtime import runtime

#: objects named in one request; without a list every object of the kind is sent
MAX_OBJECTS = 100_000
#: the longest object key entered (MATNR; KUNNR has 10)
MAX_KEY_LENGTH = 18


def _objects(body: dict[str, Any]) -> list[str] | None:
    value = body.get("objects")
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > MAX_OBJECTS or not all(
            isinstance(v, str) and v.strip() and len(v) <= MAX_KEY_LENGTH for v in value):
        raise BadRequest(f"'objects' must be a list of up to {MAX_OBJECTS} material or "
                         f"customer numbers of 1 to {MAX_KEY_LENGTH} characters")
    return value


@bp.post("/clients/<mandt>/ale/send-master-data")
def send(mandt: str) -> Response:
    """BD10/BD12: full IDocs of the selected (or all) materials or customers for one
    partner or every subscribed one; the dispatcher starts sending after the first packet."""
    existing_client(mandt)
    body = json_body()
    mestyp = body.get("message_type")
    if not isinstance(mestyp, str) or not MESSAGE_TYPE.fullmatch(mestyp):
        raise BadRequest("'message_type' is a message type, e.g. MATMAS or DEBMAS")
    receiver = optional_str(body, "receiver", 10)
    if receiver is not None:
        logical_system(receiver)
    rt = runtime()
    with rt.dispatcher.bulk_creation() as packet_committed:
        sent = send_master_data(rt.db, mandt, mestyp, receiver, _objects(body),
                                packet_committed=packet_committed,
                                codes=partial(rt.client_states.codes,
                                              version=client_state(mandt).version))
    return jsonify({"message_type": sent.mestyp, "receivers": sent.receivers,
                    "objects": sent.objects, "created": sent.created,
                    "first_docnum": sent.first_docnum, "last_docnum": sent.last_docnum})
