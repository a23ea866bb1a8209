"""A pyrfc-shaped RFC client that calls function modules over SAP's SOAP-RFC service.

Layer: ``sap_client``. Imports httpx, lxml and this package; never ``fake_sap`` or
``crm_adapter``.

::

    with Connection(url="http://sap-host:8000", client="100", user="RFC_CRM",
                    passwd="...", lang="EN") as conn:
        result = conn.call("BAPI_MATERIAL_SAVEDATA", HEADDATA={...}, CLIENTDATA={...})
        conn.call("BAPI_TRANSACTION_COMMIT", WAIT="X")

The method names, arguments, result shapes and exception names are pyrfc's, so a real
``pyrfc.Connection`` can be passed wherever this one is. What differs and why is in
``docs/adapter-sap-connectivity.md``.

One :class:`Connection` is one SAP session: ICF's session cookie is kept across its calls,
so a write BAPI and the ``BAPI_TRANSACTION_COMMIT`` after it run in one LUW. Like a pyrfc
connection it is not meant to be shared between threads.
"""

from __future__ import annotations

import html
import re
import socket
import threading
import uuid
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any

import httpx
from lxml import etree

from . import soap
from .errors import (
    RFC_ABAP_EXCEPTION,
    RFC_COMMUNICATION_FAILURE,
    RFC_TIMEOUT,
    ABAPApplicationError,
    ABAPRuntimeError,
    CommunicationError,
    LogonError,
    RFCError,
)
from .metadata import DecodeOptions, FunctionDescription
from .tls import tls_verification

SOAP_RFC_PATH = "/sap/bc/soap/rfc"
#: fake-sap's path for transactional units (an emulator extension; a real SAP answers 404)
UNIT_PATH = "/sap/fake/rfc/unit"
#: pyrfc: RFC_TID_LN (tRFC/qRFC transaction ID) and RFC_UNITID_LN (bgRFC unit ID)
TID_LENGTH, UNIT_ID_LENGTH = 24, 32
#: pyrfc's unit states (``get_unit_state``), by the state fake-sap answers
_UNIT_STATES = {"executing": "RFC_UNIT_IN_PROCESS", "executed": "RFC_UNIT_COMMITTED",
                "not_found": "RFC_UNIT_NOT_FOUND"}
WSDL_PATH = "/sap/bc/soap/wsdl11"
#: ICF's session cookie: ``SAP_SESSIONID_<SID>_<client>``
SESSION_COOKIE_PREFIX = "SAP_SESSIONID_"
#: the cookies (by name prefix) that name the SAP session a call ran in, by default
SESSION_COOKIE_PREFIXES: tuple[str, ...] = (SESSION_COOKIE_PREFIX,)
DEFAULT_CONFIG: dict[str, Any] = {"dtime": False, "return_import_params": False,
                                  "rstrip": True}
DEFAULT_TIMEOUT_SECONDS = 30.0

# SAP's one-character language keys (T002) for the ISO codes a logon commonly uses
_LANGUAGE_KEYS = {"EN": "E", "DE": "D", "FR": "F", "ES": "S", "IT": "I", "JA": "J",
                  "ZH": "1", "PT": "P", "NL": "N", "RU": "R", "KO": "3", "PL": "L"}
# pyrfc connection parameters that only make sense for the binary RFC protocol
_UNSUPPORTED = ("dest", "mshost", "msserv", "group", "saprouter", "gwhost", "gwserv",
                "snc_partnername", "snc_qop", "snc_myname", "mysapsso2")
_HTML_TEXT = re.compile(r"<(h1|p)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


class DescriptionCache:
    """Function descriptions (read from the WSDL) per SAP system (base URL) and function.

    Like the NW RFC SDK's metadata cache it is shared by every connection of a process by
    default (interfaces do not differ between clients); a function whose WSDL is not
    available is remembered as ``None`` and called untyped.
    """

    def __init__(self) -> None:
        self._items: dict[tuple[str, str], FunctionDescription | None] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> tuple[bool, FunctionDescription | None]:
        with self._lock:
            return key in self._items, self._items.get(key)

    def put(self, key: tuple[str, str], description: FunctionDescription | None) -> None:
        with self._lock:
            self._items[key] = description

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


DESCRIPTIONS = DescriptionCache()


class Connection:
    """An RFC connection to SAP over ``/sap/bc/soap/rfc`` (pyrfc's ``Connection`` API).

    Connection parameters, as keywords:

    - ``url``: SAP's HTTP base URL (ICF), e.g. ``http://sap-host:8000``; or ``ashost`` and
      ``sysnr``, taken as ``http://<ashost>:80<sysnr>`` (ICF's usual HTTP port);
    - ``client``, ``user``, ``passwd``, ``lang`` (``EN`` or ``E``) as for pyrfc;
    - ``transport``: an ``httpx.BaseTransport`` (a ``MockTransport``, a ``WSGITransport``);
      ``timeout`` in seconds (also ``config["timeout"]``); ``verify`` for HTTPS;
    - ``typed`` (default True): read each function's WSDL once to return typed values and
      check parameters; False returns every value as text, untyped;
    - ``logoff_path``: an ICF path to call on :meth:`close`, e.g.
      ``/sap/public/bc/icf/logoff`` on a real system (the emulator needs none);
    - ``descriptions``: a :class:`DescriptionCache` instead of the process-wide one;
    - ``session_cookies``: the name prefixes of the cookies that carry the SAP session
      (default ``("SAP_SESSIONID_",)``), for a system whose ICF names it otherwise.

    ``config`` takes pyrfc's options: ``rstrip`` (trim CHAR values, default True),
    ``dtime`` (DATS/TIMS as ``date``/``time`` instead of ``"YYYYMMDD"``/``"HHMMSS"``,
    default False), ``return_import_params`` (default False).

    Opening logs on (an RFC_PING), so wrong credentials raise :class:`LogonError` and an
    unreachable system :class:`CommunicationError` right here, as with pyrfc.
    """

    def __init__(self, config: Mapping[str, Any] | None = None, **params: Any) -> None:
        self.config = {**DEFAULT_CONFIG, **(config or {})}
        unsupported = sorted(set(params) & set(_UNSUPPORTED))
        if unsupported:
            raise RFCError(f"Connection parameters {', '.join(unsupported)} need the binary "
                           "RFC protocol (pyrfc); the SOAP transport takes url= or ashost=")
        self.url = _base_url(params)
        self.client = str(params["client"]) if params.get("client") is not None else ""
        self.user = str(params.get("user", ""))
        self._password = str(params.get("passwd", ""))
        self.lang = str(params.get("lang", "EN")).upper()
        self.sysnr = str(params.get("sysnr", ""))
        self._transport: httpx.BaseTransport | None = params.get("transport")
        self._timeout = float(params.get("timeout") or self.config.get("timeout")
                              or DEFAULT_TIMEOUT_SECONDS)
        self._verify = params.get("verify", True)
        self._typed = bool(params.get("typed", True))
        self._logoff_path: str | None = params.get("logoff_path")
        self._descriptions: DescriptionCache = params.get("descriptions") or DESCRIPTIONS
        self._session_cookies = tuple(params.get("session_cookies") or SESSION_COOKIE_PREFIXES)
        self._options = DecodeOptions(rstrip=bool(self.config["rstrip"]),
                                           dtime=bool(self.config["dtime"]))
        self._http: httpx.Client | None = None
        #: the id of the unit submitted and not yet confirmed or destroyed (pyrfc allows one)
        self._active_unit: str | None = None
        self._system_info: dict[str, Any] | None = None
        self.open()

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        """True between :meth:`open` and :meth:`close`."""
        return self._http is not None

    def __bool__(self) -> bool:
        return self.alive

    @property
    def session_id(self) -> str | None:
        """The SAP session this connection's calls run in: the value of ICF's session cookie
        (``SAP_SESSIONID_<SID>_<client>``, see ``session_cookies``), or None when SAP set
        none (a SOAP-RFC service that keeps no session, where each call is a session of its
        own and a write BAPI's work is discarded when its call ends) or the connection is
        closed.

        A changed value means SAP started a new session: work left uncommitted in the old
        one is gone (see :func:`sap_client.bapi.call_and_commit`)."""
        if self._http is None:
            return None
        for cookie in self._http.cookies.jar:
            if cookie.name.startswith(self._session_cookies) and cookie.value:
                return cookie.value
        return None

    def open(self) -> None:
        """Log on (RFC_PING); a no-op when the connection is open."""
        if self._http is not None:
            return
        self._http = httpx.Client(base_url=self.url, auth=(self.user, self._password),
                                  timeout=self._timeout, transport=self._transport,
                                  verify=tls_verification(self._verify))
        try:
            self.ping()
        except BaseException:
            self._http.close()
            self._http = None
            raise

    def reopen(self) -> None:
        """Close and open again: a new SAP session (uncommitted work of the old one is lost)."""
        self.close()
        self.open()

    def close(self) -> None:
        """End the SAP session: uncommitted BAPI work is discarded by SAP. Idempotent."""
        http, self._http = self._http, None
        self._system_info = None
        if http is None:
            return
        try:
            if self._logoff_path:
                try:
                    http.get(self._logoff_path, params=self._query())
                except httpx.HTTPError:
                    pass  # the session times out on SAP's side anyway
            http.cookies.clear()
        finally:
            http.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    # -- calls ---------------------------------------------------------------------------

    def ping(self) -> None:
        """RFC_PING; raises like :meth:`call` when SAP cannot be reached or refuses logon."""
        self._invoke("RFC_PING", soap.build_request("RFC_PING", {}), None, None)

    def call(self, func_name: str, options: Mapping[str, Any] | None = None,
             **params: Any) -> dict[str, Any]:
        """Call a function module and return its EXPORT, CHANGING and TABLES parameters.

        Keyword arguments are the IMPORT, CHANGING and TABLES parameters: a structure is a
        dict, a table a list of dicts, values as pyrfc takes them (``str`` for CHAR/NUMC,
        ``date``/``"YYYYMMDD"`` for DATS, ``Decimal``/``int``/``float``/``str`` for packed
        numbers). ``options``: ``timeout`` (seconds, this call only) and ``not_requested``
        (parameter names neither sent nor returned).

        Raises :class:`ABAPApplicationError` for an exception of the function (``key`` is its
        name, e.g. ``FU_NOT_FOUND``), :class:`ABAPRuntimeError` for a dump,
        :class:`RFCTypeError` for a value that does not fit, :class:`LogonError`,
        :class:`CommunicationError`. BAPI errors are rows in RETURN, not exceptions.
        """
        if not isinstance(func_name, str) or not func_name:
            raise RFCError(f"Remote function module name must be a string, got {func_name!r}")
        if self._http is None:
            raise RFCError(f"Remote function module '{func_name}' invocation rejected "
                           "because the connection is closed")
        options = options or {}
        not_requested = _names(options.get("not_requested"))
        sent = {name: value for name, value in params.items() if name not in not_requested}
        description = self._description(func_name) if self._typed else None
        body = soap.build_request(func_name, sent, description)
        result = self._invoke(func_name, body, description, options.get("timeout"))
        if self.config.get("return_import_params"):
            result.update(self._import_params(body, func_name, description, sent))
        return {name: value for name, value in result.items() if name not in not_requested}

    def get_function_description(self, func_name: str) -> FunctionDescription:
        """The interface of a function module, read from its WSDL."""
        description = self._description(func_name)
        if description is None:
            raise ABAPApplicationError(f"No description of function module {func_name}: its "
                                       "WSDL is not available", RFC_ABAP_EXCEPTION,
                                       "FU_NOT_FOUND", msg_v1=func_name)
        return description

    def get_connection_attributes(self) -> dict[str, Any]:
        """pyrfc's connection attributes; the partner's come from RFC_SYSTEM_INFO (asked
        once per connection). Empty when the connection is closed."""
        if self._http is None:
            return {}
        if self._system_info is None:
            self._system_info = self.call("RFC_SYSTEM_INFO").get("RFCSI_EXPORT") or {}
        info = {k: str(v).strip() for k, v in self._system_info.items()}
        language = _LANGUAGE_KEYS.get(self.lang, self.lang[:1])
        iso = next((iso for iso, key in _LANGUAGE_KEYS.items() if key == language), "")
        return {
            "dest": "", "host": socket.gethostname(), "partnerHost":
            info.get("RFCHOST2") or info.get("RFCHOST", ""), "sysNumber": self.sysnr,
            "sysId": info.get("RFCSYSID", ""), "client": self.client,
            "user": self.user.upper(), "language": language, "trace": "0",
            "isoLanguage": iso, "codepage": "4103",
            "partnerCodepage": info.get("RFCCHARTYP", ""), "rfcRole": "C", "type": "E",
            "partnerType": "3", "rel": "", "partnerRel": info.get("RFCSAPRL", ""),
            "kernelRel": info.get("RFCKERNRL", ""), "cpicConvId": "", "progName": "",
            "partnerBytesPerChar": "", "partnerSystemCodepage": info.get("RFCCHARTYP", ""),
            "partnerIP": info.get("RFCIPADDR", ""), "partnerIPv6": info.get("RFCIPV6ADDR", ""),
            "reserved": "", "active_unit": self._active_unit is not None,
        }

    # -- transactional units (pyrfc's unit API) -------------------------------------------

    def initialize_unit(self, background: bool = True) -> dict[str, Any]:
        """A new unit: ``{"background", "id", "queued"}`` as pyrfc returns it; the id is a
        GUID in upper-case hex, 32 characters for bgRFC, 24 (a TID) for t/qRFC."""
        if not isinstance(background, bool):
            raise RFCError("Argument 'background' must be a boolean value.")
        guid = uuid.uuid4().hex.upper()
        return {"background": background,
                "id": guid if background else guid[:TID_LENGTH], "queued": False}

    def fill_and_submit_unit(self, unit: dict[str, Any],
                             calls: list[tuple[str, dict[str, Any]]],
                             queue_names: list[str] | None = None,
                             attributes: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send the unit's calls to be executed together, once (pyrfc's checks and errors).

        Sending the same unit again (after a timeout, a lost connection) is safe: SAP
        executes a unit id at most once. The unit stays attached to the connection until
        :meth:`confirm_unit` or :meth:`destroy_unit`. Beyond pyrfc, the returned unit also
        carries ``state`` (``executed``, or ``executing`` when another sender's copy is still
        running) and, when fake-sap's answer holds them, ``results``: each call's EXPORT,
        CHANGING and TABLES parameters, in call order (a stored answer is sent again on a
        resend). Raises :class:`UnitsNotSupported` when the server has no unit path.
        """
        if not isinstance(unit, dict) or "id" not in unit or "background" not in unit:
            raise TypeError("Parameter 'unit' not valid. Please use initialize_unit() to "
                            "retrieve a valid unit.")
        if not calls:
            raise TypeError("Parameter 'calls' must contain at least on call description "
                            "(func_name, params).")
        for func_name, params in calls:
            if not isinstance(func_name, str) or not isinstance(params, dict):
                raise TypeError("Parameter 'calls' must contain valid call descriptions "
                                "(func_name, params dict).")
        if self._active_unit is not None and self._active_unit != unit["id"]:
            raise RFCError("There is an active unit for this connection. Use destroy_unit() "
                           "or confirm_unit().")
        background, unit_id = unit["background"], str(unit["id"])
        length = UNIT_ID_LENGTH if background else TID_LENGTH
        if len(unit_id) != length:
            raise TypeError(f"Length of parameter 'unit['id']' must be {length} chars, found "
                            f"{len(unit_id)}.")
        if not background and attributes is not None:
            raise RFCError("Argument 'attributes' not valid. (t/qRFC does not support "
                           "attributes.)")
        if not background and queue_names and len(queue_names) > 1:
            raise RFCError("Argument 'queue_names' not valid. (t/qRFC only support one queue "
                           "name.)")
        if self._http is None:
            raise RFCError("Unit invocation rejected because the connection is closed")
        self._active_unit = unit_id
        try:
            descriptions = [self._description(name) if self._typed else None
                            for name, _ in calls]
            body = soap.build_unit_request(unit_id, bool(background), [
                (name, params, description)
                for (name, params), description in zip(calls, descriptions, strict=True)])
            answer = self._submit_unit(body, calls[0][0])
        except BaseException:
            self._active_unit = None  # pyrfc: "In this case, the unit is destroyed."
            raise
        unit["queued"] = bool(queue_names)
        unit["state"] = answer.state
        if answer.responses:
            unit["results"] = [
                soap.decode_parameters(element, description, self._options)
                for element, description in zip(answer.responses, descriptions, strict=False)]
        if answer.update_error:
            unit["update_error"] = answer.update_error
        return unit

    def _submit_unit(self, body: bytes, first_function: str) -> soap.UnitAnswer:
        response = self._send("POST", UNIT_PATH, content=body, headers={
            "Content-Type": "text/xml; charset=utf-8", "SOAPAction": soap.SOAP_ACTION})
        if response.status_code in (401, 403):
            raise LogonError(_logon_message(response))
        if response.status_code in (404, 405):
            raise UnitsNotSupported(f"{self.url} has no transactional unit service "
                                    f"(HTTP {response.status_code} from {UNIT_PATH})")
        if response.status_code == 200:
            return soap.read_unit_answer(response.content)
        self._raise_fault(response, first_function)
        raise CommunicationError(
            f"HTTP {response.status_code} from {UNIT_PATH} without a SOAP fault: "
            f"{response.text[:200]!r}", RFC_COMMUNICATION_FAILURE, "RFC_COMMUNICATION_FAILURE")

    def get_unit_state(self, unit: dict[str, Any]) -> str:
        """pyrfc's unit state: ``RFC_UNIT_IN_PROCESS``, ``RFC_UNIT_COMMITTED``,
        ``RFC_UNIT_CONFIRMED`` or ``RFC_UNIT_NOT_FOUND``; as in pyrfc, only for background
        (bgRFC) units."""
        if unit.get("background") is False:
            raise RFCError("No state check possible of non-bgRFC units.")
        if unit.get("background") is not True:
            raise RFCError("Argument 'unit' not valid. (Is unit['background'] boolean?)")
        if unit.get("confirmed"):
            return "RFC_UNIT_CONFIRMED"
        response = self._unit_request("GET", unit)
        return _UNIT_STATES.get(soap.read_unit_answer(response.content).state,
                                "RFC_UNIT_NOT_FOUND")

    def confirm_unit(self, unit: dict[str, Any]) -> None:
        """Tell SAP the outcome is recorded: it forgets the unit id. Also destroys the unit."""
        self._unit_request("DELETE", unit)
        unit["confirmed"] = True
        self._active_unit = None

    def destroy_unit(self, unit: dict[str, Any]) -> None:
        """Detach the unit from this connection without telling SAP (pyrfc: the client's
        handle is freed); it may be submitted again later, on any connection."""
        if not isinstance(unit, dict) or not isinstance(unit.get("background"), bool):
            raise RFCError("Argument 'unit' not valid. (Is unit['background'] boolean?)")
        self._active_unit = None

    def _unit_request(self, method: str, unit: dict[str, Any]) -> httpx.Response:
        if not isinstance(unit, dict) or not isinstance(unit.get("background"), bool):
            raise RFCError("Argument 'unit' not valid. (Is unit['background'] boolean?)")
        if self._http is None:
            raise RFCError("Unit request rejected because the connection is closed")
        response = self._send(method, f"{UNIT_PATH}/{unit['id']}")
        if response.status_code in (401, 403):
            raise LogonError(_logon_message(response))
        if response.status_code in (404, 405):
            raise UnitsNotSupported(f"{self.url} has no transactional unit service")
        if response.status_code != 200:
            self._raise_fault(response, "RFC_UNIT")
            raise CommunicationError(f"HTTP {response.status_code} from {UNIT_PATH}",
                                     RFC_COMMUNICATION_FAILURE, "RFC_COMMUNICATION_FAILURE")
        return response

    # -- HTTP ----------------------------------------------------------------------------

    def _query(self) -> dict[str, str]:
        query = {"sap-language": self.lang}
        if self.client:
            query["sap-client"] = self.client
        return query

    def _send(self, method: str, path: str, timeout: float | None = None,
              **kwargs: Any) -> httpx.Response:
        assert self._http is not None
        try:
            return self._http.request(method, path, params=kwargs.pop("params", self._query()),
                                      timeout=timeout if timeout is not None else
                                      httpx.USE_CLIENT_DEFAULT, **kwargs)
        except httpx.TimeoutException as error:
            self._lose_session()
            raise CommunicationError(f"SAP did not answer within the timeout ({error!s})",
                                     RFC_TIMEOUT, "RFC_TIMEOUT") from error
        except httpx.HTTPError as error:
            self._lose_session()
            raise CommunicationError(f"SAP at {self.url} cannot be reached: {error!s}",
                                     RFC_COMMUNICATION_FAILURE,
                                     "RFC_COMMUNICATION_FAILURE") from error

    def _invoke(self, func_name: str, body: bytes,
                description: FunctionDescription | None,
                timeout: float | None) -> dict[str, Any]:
        response = self._send("POST", SOAP_RFC_PATH, timeout, content=body, headers={
            "Content-Type": "text/xml; charset=utf-8",
            "SOAPAction": soap.SOAP_ACTION_PREFIX + func_name})
        if response.status_code in (401, 403):
            raise LogonError(_logon_message(response))
        if response.status_code == 200:
            try:
                result = soap.response_element(response.content, func_name)
            except CommunicationError:
                self._raise_fault(response, func_name)
                self._lose_session()
                raise
            return soap.decode_parameters(result, description, self._options)
        self._raise_fault(response, func_name)
        self._lose_session()
        raise CommunicationError(
            f"HTTP {response.status_code} from {SOAP_RFC_PATH} without a SOAP fault: "
            f"{response.text[:200]!r}", RFC_COMMUNICATION_FAILURE, "RFC_COMMUNICATION_FAILURE")

    def _raise_fault(self, response: httpx.Response, func_name: str) -> None:
        fault = soap.read_fault(response.content)
        if fault is None:
            return
        error = soap.fault_error(fault, func_name)
        if isinstance(error, ABAPRuntimeError):
            self._lose_session()  # a short dump ends the SAP session and its LUW
        raise error

    def _lose_session(self) -> None:
        """After a dump or a broken exchange the SAP session is gone or unknown; the next call
        starts a new one (pyrfc reopens the connection in these cases)."""
        if self._http is not None:
            self._http.cookies.clear()

    # -- metadata ------------------------------------------------------------------------

    def _description(self, func_name: str) -> FunctionDescription | None:
        key = (self.url, func_name.upper())
        known, description = self._descriptions.get(key)
        if known:
            return description
        description = self._fetch_description(func_name)
        self._descriptions.put(key, description)
        return description

    def _fetch_description(self, func_name: str) -> FunctionDescription | None:
        response = self._send("GET", WSDL_PATH, params={**self._query(), "services": func_name})
        if response.status_code in (401, 403):
            raise LogonError(_logon_message(response))
        if response.status_code >= 500:
            raise CommunicationError(f"HTTP {response.status_code} reading the WSDL of "
                                     f"{func_name}", RFC_COMMUNICATION_FAILURE,
                                     "RFC_COMMUNICATION_FAILURE")
        if response.status_code != 200:
            return None  # unknown function, or the WSDL service is not active: untyped
        try:
            return soap.parse_wsdl(response.content, func_name)
        except ValueError:
            return None

    def _import_params(self, body: bytes, func_name: str,
                       description: FunctionDescription | None,
                       sent: Mapping[str, Any]) -> dict[str, Any]:
        """IMPORT parameters for ``return_import_params``, as pyrfc returns them: typed from
        the request that was sent, initial where nothing was sent."""
        if description is None:
            return dict(sent)
        call = soap.request_call_element(etree.fromstring(body), func_name)
        elements = {soap.abap_name(e.tag): e for e in call}
        return {p.name: soap.decode_value(p.type, elements.get(p.name), self._options)
                for p in description.parameters if p.direction == "RFC_IMPORT"}

    def __repr__(self) -> str:
        state = "open" if self.alive else "closed"
        return f"<Connection {self.url} client={self.client} user={self.user} {state}>"


class UnitsNotSupported(RFCError):
    """The server has no transactional unit service (a real SAP's SOAP-RFC interface has
    none; pyrfc reaches SAP's units over the binary RFC protocol instead)."""


def _base_url(params: Mapping[str, Any]) -> str:
    if params.get("url"):
        return str(params["url"]).rstrip("/")
    if params.get("ashost"):
        sysnr = str(params.get("sysnr", "00")).zfill(2)
        return f"http://{params['ashost']}:80{sysnr}"
    raise RFCError("Connection needs url= (SAP's HTTP base URL) or ashost= and sysnr=")


def _names(value: str | Iterable[str] | None) -> set[str]:
    if value is None:
        return set()
    return {value} if isinstance(value, str) else set(value)


def _logon_message(response: httpx.Response) -> str:
    """ICF's logon page: ``<h1>Logon failed</h1><p>the reason</p>``."""
    texts = [html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
             for m in _HTML_TEXT.finditer(response.text[:4000])]
    reason = ": ".join(t for t in texts[:2] if t)
    return reason or f"Logon failed (HTTP {response.status_code})"
