"""The SAP driver of the step library: one scenario's SAP client on the real emulator, driven
through SAP's own interfaces.

Layer: ``fake_sap.testing`` (test support): imports the emulator's IDoc declarations and
writer, its test process handle and ``sap_client``; never ``crm_adapter``. Steps call these
methods and hold no wire details:

- **master data** arrives as MATMAS / DEBMAS IDocs from the master-data system
  (``POST /sap/bc/idoc_xml``), which SAP posts and distributes to its partners by ALE;
- **logistics and finance** are BAPIs over SOAP-RFC, with the pyrfc-shaped client of
  ``sap_client`` (``sap_client.rfc.Connection``; one SAP session, so a BAPI and the
  BAPI_TRANSACTION_COMMIT after it are one LUW) and RFC_READ_TABLE for reading documents;
- what SAP has no interface for goes through the emulator's control API (``/_fake/``, the
  one façade :class:`~fake_sap.testing.process.SapClient`): the partner profile of the CRM,
  sending due IDocs now (RSEOUT00), reprocessing an IDoc (BD87), the payment run, the
  business date and injected faults.

Actions SAP refuses raise :class:`SapRefused` with SAP's messages, so a "tries to" step can
record the refusal for the Then steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from lxml import etree

from fake_sap.idoc.types import DEBMAS07, MATMAS05
from fake_sap.idoc.writer import to_xml
from fake_sap.testing.bdd.master_data import (
    CENTRAL_PLANT,
    COMPANY_CODE,
    STORAGE_LOCATION,
    CustomerRecord,
    MaterialRecord,
)
from fake_sap.testing.process import SapClient
from sap_client import bapi
from sap_client.rfc import Connection
from sap_client.steps.landscape import Receiver, SapLogon
from sap_client.steps.library import eventually
from sap_client.tables import equals, read_table

#: the CRM's logical system: the partner SAP distributes master data and deliveries to
CRM_PARTNER = "CRMCLNT100"
CRM_MESSAGES = ("MATMAS", "DEBMAS", "DESADV")
#: outbound IDoc statuses: ready for dispatch, and could not be passed to the port
READY, NOT_PASSED = "30", "02"
POSTED, IN_ERROR = "53", "51"


class SapRefused(Exception):
    """SAP refused an action; ``messages`` are its error messages (class, number, text)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class IdocOutcome:
    """An inbound IDoc as SAP's monitor shows it after posting."""

    docnum: str
    status: str
    text: str


@dataclass(frozen=True)
class SapDocument:
    """A sales document or purchase order as the steps compare it."""

    number: str
    type: str  # VBAK-AUART or EKKO-BSART
    customer_reference: str  # VBAK-BSTNK (the CRM reference)
    reference: str  # VBAK-VGBEL: the preceding document (a return order's original order)
    items: list[tuple[str, Decimal]]  # material, quantity


def _errors(result: dict[str, Any]) -> list[str]:
    """The error messages (E, A) of a BAPI's RETURN, as ``CLASS NUMBER text``."""
    return [f"{m.id} {m.number} {m.message}".strip() for m in bapi.messages(result)
            if m.is_error]


def _protocol_message(row: dict[str, Any]) -> str:
    """A PROT row of WS_DELIVERY_UPDATE as ``CLASS NUMBER variables`` (PROTT has no text)."""
    variables = " ".join(str(row.get(f"MSGV{n}") or "") for n in range(1, 5)).strip()
    return f"{row.get('MSGID', '')} {row.get('MSGNO', '')} {variables}".strip()


def _quantity(value: Decimal) -> str:
    return f"{value.normalize():f}"


class SapDriver:
    """One SAP client for one scenario."""

    def __init__(self, client: SapClient) -> None:
        self.client = client
        self.materials: dict[str, MaterialRecord] = {}
        self.customers: dict[str, CustomerRecord] = {}
        #: master data sent to SAP, by the IDoc number SAP gave it
        self._sent: dict[str, MaterialRecord | CustomerRecord] = {}
        #: SAP may have IDocs for the CRM that the CRM has not received yet
        self.messages_pending = False
        self._rfc: Connection | None = None
        #: the CRM's receiver SAP was last connected to (see :meth:`reconnect_crm`)
        self._crm_receiver: Receiver | None = None

    @property
    def logon(self) -> SapLogon:
        return SapLogon(self.client.server.url, self.client.number, *self.client.auth)

    @property
    def rfc(self) -> Connection:
        """The scenario's own SAP session (not the CRM's)."""
        if self._rfc is None:
            self._rfc = self.logon.connector()()
        return self._rfc

    def close(self) -> None:
        if self._rfc is not None:
            self._rfc.close()
            self._rfc = None

    # --- the CRM as ALE partner ------------------------------------------------------------

    def connect_crm(self, receiver: Receiver) -> None:
        """Partner profile (WE20) and XML-HTTP port (WE21) of the CRM."""
        self._crm_receiver = receiver
        self.client.register_partner(CRM_PARTNER, url=receiver.url, user=receiver.user,
                                     password=receiver.password, outbound=CRM_MESSAGES)

    def disconnect_crm(self) -> None:
        """No partner profile for the CRM any more (after what is due has reached it)."""
        self.deliver_pending_messages()
        self.client.delete_partner(CRM_PARTNER)

    def reconnect_crm(self) -> None:
        """The CRM's partner profile again, for the receiver of the last :meth:`connect_crm`."""
        if self._crm_receiver is None:
            raise AssertionError("SAP was never connected to the CRM in this scenario")
        self.connect_crm(self._crm_receiver)

    def deliver_pending_messages(self) -> None:
        """:meth:`deliver_messages` if an action since the last delivery may have created
        IDocs for the CRM."""
        if self.messages_pending:
            self.deliver_messages()

    def deliver_messages(self, timeout: float = 15.0) -> None:
        """Send every IDoc due for the CRM now (RSEOUT00) and make sure the CRM took them:
        the receiver answers only after it has stored and processed them.

        SAP's own dispatcher usually sends them right after the commit that created them;
        RSEOUT00 then waits for it to finish, so one call is enough either way."""
        self.client.dispatch()

        def due() -> list[dict[str, Any]]:
            outbound = self.client.idocs(direction="outbound")
            failed = [i for i in outbound if i["status"] == NOT_PASSED]
            if failed:
                texts = [self.client.idoc(i["docnum"])["status_records"][-1]["text"]
                         for i in failed]
                raise AssertionError(f"SAP could not pass IDocs to the CRM: {texts}")
            return [i for i in outbound if i["status"] == READY]
        eventually(due, lambda waiting: not waiting, timeout=timeout,
                   what="SAP's IDocs to reach the CRM")
        self.messages_pending = False

    # --- master data from the master-data system ---------------------------------------------

    def post_master_data(self, record: MaterialRecord | CustomerRecord) -> IdocOutcome:
        """Send the whole record to SAP as an IDoc; how SAP's inbound processing ended."""
        if isinstance(record, MaterialRecord):
            xml = to_xml(MATMAS05, [record.idoc()])
        else:
            xml = to_xml(DEBMAS07, [record.idoc()])
        response = self.client.post_idocs(xml)
        self.messages_pending = True
        if response.status_code != 200:
            raise AssertionError(f"SAP did not take the IDoc: {response.status_code} "
                                 f"{response.text[:1000]}")
        summary = etree.fromstring(response.content)
        docnum = str(summary.get("FIRST_DOCNUM"))
        self._sent[docnum] = record
        [status] = [s.get("CODE") for s in summary.findall("STATUS")]
        if status == POSTED:
            self._remember(record)
            return IdocOutcome(docnum, POSTED, "")
        return self.inbound_idoc(docnum)

    def maintain(self, record: MaterialRecord | CustomerRecord) -> IdocOutcome:
        """Create or change master data in SAP; it must be posted (status 53)."""
        outcome = self.post_master_data(record)
        if outcome.status != POSTED:
            raise AssertionError(f"SAP did not post {record.number}: status {outcome.status} "
                                 f"{outcome.text}")
        return outcome

    def _remember(self, record: MaterialRecord | CustomerRecord) -> None:
        """SAP has it now: later changes start from this record."""
        if isinstance(record, MaterialRecord):
            self.materials[record.number] = record
        else:
            self.customers[record.number] = record

    def inbound_idoc(self, docnum: str) -> IdocOutcome:
        idoc = self.client.idoc(docnum)
        return IdocOutcome(docnum, str(idoc["status"]),
                           str(idoc["status_records"][-1]["text"]))

    def reprocess(self, docnum: str) -> IdocOutcome:
        """BD87: process an inbound IDoc in error again."""
        response = self.client.process(docnum)
        self.messages_pending = True
        if response.status_code != 200:
            raise AssertionError(f"BD87 of IDoc {docnum}: {response.status_code} "
                                 f"{response.text[:1000]}")
        outcome = self.inbound_idoc(docnum)
        if outcome.status == POSTED and docnum in self._sent:
            self._remember(self._sent[docnum])
        return outcome

    def put_stock(self, material: str, quantity: Decimal, plant: str = CENTRAL_PLANT) -> None:
        """Initial entry of unrestricted stock (movement type 561)."""
        result = self.rfc.call(
            "BAPI_GOODSMVT_CREATE", GOODSMVT_HEADER={},
            GOODSMVT_CODE={"GM_CODE": "05"},
            GOODSMVT_ITEM=[{"MATERIAL": material, "PLANT": plant,
                            "STGE_LOC": STORAGE_LOCATION, "MOVE_TYPE": "561",
                            "ENTRY_QNT": _quantity(quantity), "ENTRY_UOM": "ST"}])
        self._commit(result)

    # --- sales documents -------------------------------------------------------------------

    def sales_documents(self, reference: str) -> list[str]:
        """The sales documents whose customer PO number (VBAK-BSTNK) is the CRM reference."""
        return [row["VBELN"] for row in read_table(self.rfc, "VBAK", ["VBELN"],
                                                   [equals("BSTNK", reference)])]

    def document(self, number: str) -> SapDocument | None:
        """A sales document (VBAK/VBAP) or else a purchase order (EKKO/EKPO)."""
        header = read_table(self.rfc, "VBAK", ["AUART", "BSTNK", "VGBEL"],
                            [equals("VBELN", number)])
        if header:
            items = read_table(self.rfc, "VBAP", ["MATNR", "KWMENG"], [equals("VBELN", number)])
            return SapDocument(number, header[0]["AUART"], header[0]["BSTNK"],
                               header[0]["VGBEL"],
                               [(i["MATNR"], Decimal(i["KWMENG"])) for i in items])
        purchase = read_table(self.rfc, "EKKO", ["BSART"], [equals("EBELN", number)])
        if purchase:
            items = read_table(self.rfc, "EKPO", ["MATNR", "MENGE"], [equals("EBELN", number)])
            return SapDocument(number, purchase[0]["BSART"], "", "",
                               [(i["MATNR"], Decimal(i["MENGE"])) for i in items])
        return None

    def order_items(self, order: str) -> list[dict[str, str]]:
        return read_table(self.rfc, "VBAP", ["POSNR", "MATNR", "KWMENG"],
                          [equals("VBELN", order)])

    def open_for_delivery(self, order: str, material: str) -> Decimal:
        """What SAP will still deliver of the order's items of a material: the order
        quantity less what its deliveries take, nothing of an item whose delivery status is
        complete (BAPI_SALESORDER_GETSTATUS)."""
        result = self.rfc.call("BAPI_SALESORDER_GETSTATUS", SALESDOCUMENT=order)
        rows = [r for r in result.get("STATUSINFO") or []
                if isinstance(r, dict) and r.get("MATERIAL") == material]
        items: dict[str, dict[str, Any]] = {}
        for row in rows:
            item = items.setdefault(str(row["ITM_NUMBER"]), {
                "ordered": Decimal(str(row["REQ_QTY"])), "delivered": Decimal(0),
                "complete": row.get("DLV_STAT_I") == "C"})
            item["delivered"] += Decimal(str(row.get("DLV_QTY") or 0))
        return sum((Decimal(0) if i["complete"] else max(i["ordered"] - i["delivered"],
                                                          Decimal(0))
                    for i in items.values()), Decimal(0))

    def _order_item(self, order: str, material: str) -> str:
        found = [i["POSNR"] for i in self.order_items(order) if i["MATNR"] == material]
        if not found:
            raise AssertionError(f"SAP order {order} has no item of material {material}")
        return found[0]

    # --- deliveries ------------------------------------------------------------------------

    def create_delivery(self, order: str, quantities: dict[str, Decimal] | None = None) -> str:
        """An outbound (or returns) delivery of the order: ``quantities`` per material, or
        everything still open; committed. Returns the delivery number."""
        if quantities is None:
            rows = [{"REF_DOC": order, "REF_ITEM": "000000", "DLV_QTY": "0"}]
        else:
            rows = [{"REF_DOC": order, "REF_ITEM": self._order_item(order, material),
                     "DLV_QTY": _quantity(quantity)} for material, quantity in quantities.items()]
        result = self.rfc.call("BAPI_OUTB_DELIVERY_CREATE_SLS", SALES_ORDER_ITEMS=rows)
        errors = _errors(result)
        if errors or not result.get("DELIVERY"):
            self._rollback()
            raise SapRefused(errors or ["no delivery was created"])
        self._commit()
        return str(result["DELIVERY"])

    def post_goods_movement(self, delivery: str,
                            counted: dict[str, Decimal] | None = None) -> None:
        """Goods issue (outbound) or goods receipt (returns) of the delivery, with the counted
        quantities per material if given (WS_DELIVERY_UPDATE, committed at once)."""
        rows = []
        if counted:
            items = self.delivery_items(delivery)
            for material, quantity in counted.items():
                posnr = next((i["POSNR"] for i in items if i["MATNR"] == material), None)
                if posnr is None:
                    raise AssertionError(f"delivery {delivery} has no item of {material}")
                rows.append({"VBELN_VL": delivery, "POSNR_VL": posnr,
                             "PIKMG": _quantity(quantity)})
        self.messages_pending = True
        result = self.rfc.call("WS_DELIVERY_UPDATE",
                               VBKOK_WA={"VBELN_VL": delivery, "WABUC": "X"},
                               DELIVERY=delivery, SYNCHRON="X", COMMIT="X", VBPOK_TAB=rows)
        errors = [_protocol_message(p) for p in result.get("PROT") or []
                  if isinstance(p, dict) and p.get("MSGTY") in ("E", "A")]
        if errors or result.get("EF_ERROR_ANY_0") == "X":
            raise SapRefused(errors or ["the goods movement was refused"])

    def delete_delivery(self, delivery: str) -> None:
        """BAPI_OUTB_DELIVERY_CHANGE with the deletion flag; committed."""
        result = self.rfc.call("BAPI_OUTB_DELIVERY_CHANGE", HEADER_DATA={"DELIV_NUMB": delivery},
                               HEADER_CONTROL={"DELIV_NUMB": delivery, "DLV_DEL": "X"},
                               DELIVERY=delivery)
        errors = _errors(result)
        if errors:
            self._rollback()
            raise SapRefused(errors)
        self._commit()

    def delivery_items(self, delivery: str) -> list[dict[str, str]]:
        return read_table(self.rfc, "LIPS", ["POSNR", "MATNR", "LFIMG"],
                          [equals("VBELN", delivery)])

    # --- finance ---------------------------------------------------------------------------

    def customer_items(self, customer: str) -> list[dict[str, str]]:
        """The customer's line items in accounting (BSEG), open and cleared."""
        return read_table(self.rfc, "BSEG", ["BELNR", "GJAHR", "SHKZG", "WRBTR", "AUGBL",
                                             "AUGDT"],
                          [equals("BUKRS", COMPANY_CODE), equals("KUNNR", customer)])

    def clear_open_items(self, customer: str) -> dict[str, Any]:
        """The finance clerk's payment run for the customer (F-28)."""
        return self.client.clear_open_items(COMPANY_CODE, customer)

    # --- business date and faults ----------------------------------------------------------

    def set_date(self, day: date) -> None:
        self.client.set_date(day)

    def fail_every_call(self) -> None:
        """SAP is unavailable: every SOAP-RFC call (and IDoc post) ends in a short dump until
        the faults are cleared."""
        self.client.add_fault("*", "SYSTEM_FAILURE", times=None)

    def clear_faults(self) -> None:
        self.client.clear_faults()

    # --- LUW -------------------------------------------------------------------------------

    def _commit(self, result: dict[str, Any] | None = None) -> None:
        if result is not None:
            errors = _errors(result)
            if errors:
                self._rollback()
                raise SapRefused(errors)
        self.messages_pending = True
        commit = self.rfc.call("BAPI_TRANSACTION_COMMIT", WAIT="X")
        errors = _errors(commit)
        if errors:
            raise SapRefused(errors)

    def _rollback(self) -> None:
        self.rfc.call("BAPI_TRANSACTION_ROLLBACK")
