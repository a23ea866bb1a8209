"""A raw SOAP-RFC client for the tests: builds envelopes by hand, reads responses as data.

One :class:`RfcSession` is one HTTP client with a cookie jar, i.e. one SAP session: the
``SAP_SESSIONID_FAK_<client>`` cookie issued by the first call is sent with every later one.
``call`` returns the response parameters as plain data (text for scalars, dicts for
structures, lists of dicts for tables); ``fault`` expects a SOAP fault and returns it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import httpx
from lxml import etree

from fake_sap.testing.process import SapClient

RFC_NS = "urn:sap-com:document:sap:rfc:functions"
SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"


def envelope(body: str) -> bytes:
    return (f'<env:Envelope xmlns:env="{SOAP_NS}"><env:Body>{body}</env:Body>'
            f"</env:Envelope>").encode()


def function_element(name: str, params: Mapping[str, Any]) -> str:
    return f'<n1:{name} xmlns:n1="{RFC_NS}">{_parameters(params)}</n1:{name}>'


def _parameters(params: Mapping[str, Any]) -> str:
    parts = []
    for name, value in params.items():
        if isinstance(value, list):
            rows = "".join(f"<item>{_parameters(row)}</item>" for row in value)
            parts.append(f"<{name}>{rows}</{name}>")
        elif isinstance(value, Mapping):
            parts.append(f"<{name}>{_parameters(value)}</{name}>")
        else:
            parts.append(f"<{name}>{escape(str(value))}</{name}>")
    return "".join(parts)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _value(element: etree._Element) -> Any:
    children = list(element)
    if not children:
        return element.text or ""
    if all(_local(c.tag) == "item" for c in children):
        return [_value(c) if len(c) else {} for c in children]
    return {_local(c.tag): _value(c) for c in children}


@dataclass(frozen=True)
class Fault:
    status: int
    code: str
    name: str
    text: str
    detail_element: str


class RfcSession:
    def __init__(self, sap: SapClient, auth: tuple[str, str] | None = None) -> None:
        self.sap = sap
        self.http = httpx.Client(base_url=sap.server.url, auth=auth or sap.auth, timeout=60.0,
                                 params={"sap-client": sap.number})

    @property
    def cookie_name(self) -> str:
        return f"SAP_SESSIONID_FAK_{self.sap.number}"

    @property
    def session_id(self) -> str | None:
        return self.http.cookies.get(self.cookie_name)

    def post(self, body: bytes, **headers: str) -> httpx.Response:
        return self.http.post("/sap/bc/soap/rfc", content=body, headers={
            "Content-Type": "text/xml; charset=utf-8",
            "SOAPAction": RFC_NS, **headers})

    def post_call(self, name: str, **params: Any) -> httpx.Response:
        return self.post(envelope(function_element(name, params)))

    def call(self, name: str, **params: Any) -> dict[str, Any]:
        response = self.post_call(name, **params)
        assert response.status_code == 200, response.text
        return parse_response(response, name)

    def fault(self, name: str, **params: Any) -> Fault:
        return parse_fault(self.post_call(name, **params))

    def close(self) -> None:
        self.http.close()


def parse_response(response: httpx.Response, name: str) -> dict[str, Any]:
    root = etree.fromstring(response.content)
    [result] = root.iter(f"{{{RFC_NS}}}{name}.Response")
    return {_local(c.tag): _value(c) for c in result}


def parse_fault(response: httpx.Response) -> Fault:
    root = etree.fromstring(response.content)
    [fault] = root.iter(f"{{{SOAP_NS}}}Fault")
    detail = fault.find("detail")
    holder = detail[0] if detail is not None and len(detail) and \
        _local(detail[0].tag).endswith(".Exception") else detail
    return Fault(response.status_code, fault.findtext("faultcode") or "",
                 fault.findtext("faultstring") or "",
                 holder.findtext("Text") or "" if holder is not None else "",
                 _local(holder.tag) if holder is not None else "")


def save_material(session: RfcSession, material: str = "", *, description: str = "Pump",
                  material_type: str = "FERT", **extra: Any) -> dict[str, Any]:
    """BAPI_MATERIAL_SAVEDATA for a new material with base unit ST and an English text."""
    params: dict[str, Any] = {
        "HEADDATA": {"MATERIAL": material, "IND_SECTOR": "M", "MATL_TYPE": material_type,
                     "BASIC_VIEW": "X"},
        "CLIENTDATA": {"BASE_UOM": "ST"}, "CLIENTDATAX": {"BASE_UOM": "X"},
        "MATERIALDESCRIPTION": [{"LANGU": "EN", "MATL_DESC": description}],
    }
    params.update(extra)
    return session.call("BAPI_MATERIAL_SAVEDATA", **params)


def read_table(session: RfcSession, table: str, *, where: str | list[str] = "",
               fields: list[str] = (), **params: Any) -> list[str]:
    """DATA lines of RFC_READ_TABLE (WA texts)."""
    lines = [where] if isinstance(where, str) else where
    result = session.call("RFC_READ_TABLE", QUERY_TABLE=table,
                          OPTIONS=[{"TEXT": line} for line in lines if line],
                          FIELDS=[{"FIELDNAME": name} for name in fields], **params)
    return [row["WA"] for row in result["DATA"]]
