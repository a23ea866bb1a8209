"""The ``fake_sap`` fixture's value: one fresh SAP client of a running emulator, for a test.

Used through the pytest plugin (``fake_sap.testing.pytest_plugin``); importable for type hints::

    from fake_sap.testing.sap_fixture import FakeSap

    def test_material_arrives(fake_sap: FakeSap) -> None:
        result = fake_sap.post_idocs(fake_sap.material())
        assert result.statuses == {"53": 1}

Layer: ``fake_sap.testing`` (test support). Imports only the standard library at import
time (the plugin is loaded by every pytest run); the emulator's modules, httpx, lxml, Faker
and ``sap_client`` are imported when first used.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    import httpx
    from faker import Faker
    from lxml import etree

    from fake_sap.idoc.document import Idoc
    from fake_sap.testing.process import FakeSapProcess, SapClient
    from sap_client.rfc import Connection

#: the logical system the IDoc builders send from (EDI_DC40-SNDPRN)
SENDER = "PYTEST"

T = TypeVar("T")


class Server(Protocol):
    """What a :class:`FakeSap` needs of the server it belongs to."""

    @property
    def process(self) -> FakeSapProcess: ...

    @property
    def url(self) -> str: ...


@dataclass(frozen=True)
class IdocPostResult:
    """The answer of ``POST /sap/bc/idoc_xml``: status code and, when accepted, the IDoc
    numbers SAP assigned and how many IDocs ended in which status."""

    response: httpx.Response

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def ok(self) -> bool:
        return self.response.status_code == 200

    def _summary(self) -> etree._Element | None:
        from lxml import etree

        if not self.ok:
            return None
        return etree.fromstring(self.response.content)

    @property
    def docnums(self) -> list[str]:
        """The IDoc numbers of the document's IDocs, in document order (they are
        consecutive); empty when the document was refused."""
        summary = self._summary()
        if summary is None or not summary.get("FIRST_DOCNUM"):
            return []
        first, last = int(summary.get("FIRST_DOCNUM", "0")), int(summary.get("LAST_DOCNUM", "0"))
        return [f"{number:016d}" for number in range(first, last + 1)]

    @property
    def statuses(self) -> dict[str, int]:
        """How many IDocs ended in each status, e.g. ``{"53": 2, "51": 1}``."""
        summary = self._summary()
        if summary is None:
            return {}
        return {s.get("CODE", ""): int(s.get("COUNT", "0")) for s in summary.findall("STATUS")}


class FakeSap:
    """A fresh SAP client of the session's emulator, for one test.

    SAP's own interfaces (IDoc-XML, SOAP-RFC) and the emulator's control API for things SAP
    has no interface for (business date, faults, partner profiles, master data loads).
    """

    def __init__(self, server: Server, client: str, faker_seed: int = 0) -> None:
        from fake_sap.testing.process import SapClient

        self.server = server
        #: the SAP client (MANDT) this test works in, e.g. ``"101"``
        self.client = client
        self.sap: SapClient = SapClient(server.process, client)
        self._faker_seed = faker_seed
        self._faker: Faker | None = None
        self._connections: list[Connection] = []

    @property
    def url(self) -> str:
        """SAP's HTTP base URL (ICF), e.g. ``http://127.0.0.1:40123``."""
        return self.server.url

    @property
    def user(self) -> str:
        return self.server.process.user

    @property
    def password(self) -> str:
        return self.server.process.password

    def __repr__(self) -> str:
        return f"<FakeSap client {self.client} at {self.url}>"

    # -- master data ---------------------------------------------------------------------

    def seed(self, *, materials: int = 10, customers: int = 10, seed: int = 1,
             initial_stock: str | int = "0") -> dict[str, Any]:
        """Load deterministic master data (materials with stock in plant 1000, provincial
        centers and outlets); returns their keys: ``materials``, ``provincial_centers``,
        ``outlets``."""
        return self.sap.seed(materials=materials, customers=customers, seed=seed,
                             initial_stock=str(initial_stock))

    @property
    def faker(self) -> Faker:
        """A Faker with the SAP provider (``fake_sap.faker_provider``), seeded per test."""
        if self._faker is None:
            from fake_sap.faker_provider import sap_faker

            self._faker = sap_faker(self._faker_seed)
        return self._faker

    def material(self, matnr: str | None = None, *, description: str | None = None,
                 plant: str = "1000", control: dict[str, str] | None = None,
                 **fields: str) -> Idoc:
        """A MATMAS05 IDoc of a spare part with plausible data (texts, plant, valuation,
        sales data); ``fields`` override E1MARAM fields, ``control`` EDI_DC40 fields."""
        from fake_sap.faker_provider import VALUATION
        from fake_sap.idoc.document import Idoc, SegmentData

        fake = self.faker
        part = fake.spare_part()
        mtart = fake.material_type()
        prices = fake.material_prices(part)
        gross, net = fake.material_weights(part)
        bklas, vprsv = VALUATION[mtart]
        header = SegmentData("E1MARAM", {
            "MSGFN": "005", "MATNR": matnr or fake.matnr(), "MTART": mtart, "MBRSH": "M",
            "MATKL": part.kind.group, "MEINS": part.kind.meins, "BRGEW": gross,
            "NTGEW": net, "GEWEI": "KG", "SPART": "00", **fields})
        header.children = [
            SegmentData("E1MAKTM", {"SPRAS_ISO": "EN",
                                    "MAKTX": description or part.description_en}),
            SegmentData("E1MAKTM", {"SPRAS_ISO": "ZH", "MAKTX": part.description_zh}),
            SegmentData("E1MARCM", {"WERKS": plant, "MTVFP": "02"},
                        [SegmentData("E1MARDM", {"LGORT": "0001"})]),
            SegmentData("E1MBEWM", {"BWKEY": plant, "VPRSV": vprsv, "STPRS": prices.stprs,
                                    "VERPR": prices.verpr, "PEINH": "1", "BKLAS": bklas,
                                    "ZPLP1": prices.zplp1, "ZPLP2": prices.zplp2}),
            SegmentData("E1MVKEM", {"VKORG": "1000", "VTWEG": "10", "DWERK": plant,
                                    "MTPOS": "NORM"}),
        ]
        return Idoc(self._control("MATMAS05", "MATMAS", control), [header])

    def customer(self, kunnr: str | None = None, *, provincial_center: str | None = None,
                 name: str | None = None, control: dict[str, str] | None = None,
                 **fields: str) -> Idoc:
        """A DEBMAS07 IDoc: a provincial center (account group ZPC), or with
        ``provincial_center`` an outlet (ZOUT) that names its center as partner ZP."""
        from fake_sap.idoc.document import Idoc, SegmentData

        fake = self.faker
        province = fake.cn_province()
        city = fake.cn_city(province)
        outlet = provincial_center is not None
        header = SegmentData("E1KNA1M", {
            "MSGFN": "005", "KUNNR": kunnr or fake.kunnr(), "KTOKD": "ZOUT" if outlet else "ZPC",
            "NAME1": name or (fake.outlet_name(city) if outlet
                              else fake.provincial_center_name(province)),
            "LAND1": "CN", "REGIO": province.regio, "ORT01": city,
            "PSTLZ": fake.cn_postcode(province), "STRAS": fake.cn_street_address(),
            "TELF1": fake.cn_mobile_number(), "SPRAS_ISO": "ZH", **fields})
        sales_area = SegmentData("E1KNVVM", {
            "VKORG": "1000", "VTWEG": "10", "SPART": "00", "WAERS": "CNY", "VSBED": "01",
            "ZTERM": "0001", "KTGRD": "01", "VWERK": "1000", "KDGRP": "01" if outlet else "02"})
        if outlet:
            sales_area.children.append(
                SegmentData("E1KNVPM", {"PARVW": "ZP", "KUNN2": str(provincial_center)}))
        header.children = [
            sales_area,
            SegmentData("E1KNB1M", {"BUKRS": "1000", "AKONT": "0000140000", "ZTERM": "0001"}),
            SegmentData("E1KNKKM", {"KKBER": "1000",
                                    "KLIMK": fake.credit_limit(not outlet)}),
        ]
        return Idoc(self._control("DEBMAS07", "DEBMAS", control), [header])

    @staticmethod
    def _control(idoctyp: str, mestyp: str, control: dict[str, str] | None) -> dict[str, str]:
        return {"IDOCTYP": idoctyp, "MESTYP": mestyp, "SNDPOR": SENDER, "SNDPRT": "LS",
                "SNDPRN": SENDER, "RCVPRT": "LS", "RCVPRN": "FAKESAP", **(control or {})}

    # -- IDocs ---------------------------------------------------------------------------

    def post_idocs(self, *documents: bytes | Idoc | Iterable[Idoc],
                   auth: tuple[str, str] | None = None) -> IdocPostResult:
        """POST one IDoc-XML document to ``/sap/bc/idoc_xml``: XML bytes as they are, or
        IDocs (e.g. from :meth:`material`) of one IDoc type, written as one document."""
        return IdocPostResult(self.sap.post_idocs(idoc_xml(*documents), auth=auth))

    def idocs(self, **filters: Any) -> list[dict[str, Any]]:
        """The IDoc monitor (WE02), newest first; filters: ``direction``, ``mestyp``,
        ``status``, ``partner``, ``idoctyp`` ..."""
        return self.sap.idocs(**filters)

    def idoc(self, docnum: str) -> dict[str, Any]:
        """One IDoc: control record, segments, status records, XML."""
        return self.sap.idoc(docnum)

    def status(self, docnum: str) -> str:
        return str(self.sap.idoc(docnum)["status"])

    def process(self, docnum: str) -> dict[str, Any]:
        """BD87: reprocess an inbound IDoc or resend an outbound one."""
        response = self.sap.process(docnum)
        response.raise_for_status()
        return dict(response.json())

    def register_partner(self, logsys: str, *, url: str | None = None,
                         user: str | None = None, password: str | None = None,
                         outbound: Sequence[str] = (), inbound: Sequence[str] = (),
                         pack_size: int = 1, parallel_packets: int = 1) -> dict[str, Any]:
        """A partner profile (WE20): SAP sends the ``outbound`` message types to ``url``,
        ``pack_size`` IDocs per POST, ``parallel_packets`` POSTs at once."""
        return self.sap.register_partner(logsys, url=url, user=user, password=password,
                                         outbound=outbound, inbound=inbound,
                                         pack_size=pack_size,
                                         parallel_packets=parallel_packets)

    def send_master_data(self, message_type: str, receiver: str | None = None,
                         objects: Sequence[str] | None = None) -> dict[str, Any]:
        """BD10/BD12: send every (or the named) material or customer as a full outbound
        IDoc to ``receiver`` or every partner subscribed to ``message_type``."""
        return self.sap.send_master_data(message_type, receiver, objects)

    def dispatch(self) -> int:
        """RSEOUT00: pass all due outbound IDocs to their ports now; returns how many."""
        return self.sap.dispatch()

    # -- switches, business date, faults -------------------------------------------------

    def set_options(self, **options: Any) -> dict[str, Any]:
        """Client switches, e.g. ``strict_partner_check=True``."""
        return self.sap.set_options(**options)

    def rfc_settings(self, **settings: Any) -> dict[str, Any]:
        """SOAP-RFC switches: ``commit_every_call``, ``session_timeout_seconds``, ``stateless``."""
        return self.sap.rfc_settings(**settings)

    def set_date(self, business_date: date | str) -> date:
        """Make ``business_date`` today for this client (SY-DATUM, IDoc and posting
        dates); the time of day keeps running."""
        return self.sap.set_date(business_date)

    def reset_date(self) -> date:
        """Back to the system date."""
        return self.sap.reset_date()

    @property
    def today(self) -> date:
        """The client's business date."""
        return self.sap.business_date()

    def fault(self, target: str, kind: str = "SYSTEM_FAILURE", *, times: int | None = 1,
              seconds: float | None = None) -> dict[str, Any]:
        """Make the next ``times`` calls of ``target`` fail: a function module (SOAP-RFC),
        ``"IDOC_XML"`` (IDoc posts) or ``"*"``. ``kind``: ``"SYSTEM_FAILURE"`` (a short
        dump), ``"http_500"``, ``"timeout"`` (held ``seconds``, then processed).
        ``times=None``: every call until :meth:`clear_faults`."""
        return self.sap.add_fault(target, kind, times=times, seconds=seconds)

    def faults(self) -> list[dict[str, Any]]:
        """Injected faults with the calls each has ``remaining`` (0: it has fired)."""
        return self.sap.faults()

    def clear_faults(self) -> None:
        self.sap.clear_faults()

    def add_unit(self, msehi: str, iso_code: str = "", *, primary: bool = True,
                 **fields: Any) -> dict[str, Any]:
        """Add (or replace) a unit of measure in the client's T006, as CUNI would:
        ``fake_sap.add_unit("KAR", "CT")`` makes IDocs and BAPIs that send the ISO code
        ``CT`` post the internal unit ``KAR``. ``primary``: ``iso_code`` converts to this
        unit (T006-PRIMARY); other fields by SAP's name, e.g. ``dimid="AAAADL"``."""
        return self.sap.add_unit(msehi, iso_code, primary=primary, **fields)

    # -- RFC -----------------------------------------------------------------------------

    def connect(self, **params: Any) -> Connection:
        """A new RFC connection (one SAP session) to this client; closed after the test.
        ``params`` as for ``Connection``: ``lang``, ``timeout``, ``config`` ..."""
        from sap_client.rfc import Connection

        connection = Connection(**{"url": self.url, "client": self.client, "user": self.user,
                                   "passwd": self.password, **params})
        self._connections.append(connection)
        return connection

    # -- waiting -------------------------------------------------------------------------

    @staticmethod
    def wait_until(probe: Callable[[], T], timeout: float = 10.0, interval: float = 0.05,
                   what: str = "the condition") -> T:
        """Poll ``probe`` until it returns something truthy (and return that), within a
        bounded deadline: for what SAP does in the background (outbound IDocs)."""
        deadline = time.monotonic() + timeout
        pause = threading.Event()
        while True:
            value = probe()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not happen within {timeout} s "
                                     f"(last: {value!r})")
            pause.wait(interval)

    def close(self) -> None:
        for connection in self._connections:
            connection.close()
        self._connections.clear()


def idoc_xml(*documents: bytes | Idoc | Iterable[Idoc]) -> bytes:
    """IDoc-XML bytes: XML as it is, or IDocs of one IDoc type as one document."""
    from fake_sap.idoc import types
    from fake_sap.idoc.document import Idoc
    from fake_sap.idoc.writer import to_xml

    if len(documents) == 1 and isinstance(documents[0], bytes):
        return documents[0]
    idocs: list[Idoc] = []
    for item in documents:
        if isinstance(item, bytes):
            raise TypeError("post XML bytes on their own, not together with IDocs")
        idocs.extend([item] if isinstance(item, Idoc) else item)
    kinds = {(i.idoctyp, i.cimtyp) for i in idocs}
    if len(kinds) != 1:
        raise ValueError(f"one IDoc-XML document holds IDocs of one type, not {sorted(kinds)}")
    [(idoctyp, cimtyp)] = kinds
    declared = types.lookup(idoctyp, cimtyp)
    if declared is None:
        raise ValueError(f"IDoc type {cimtyp or idoctyp} is not declared (fake_sap.idoc.types)")
    return to_xml(declared, idocs)
