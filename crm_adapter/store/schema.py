"""The CRM's tables: everything the integration with SAP keeps consistent.

Layer: store (SQLAlchemy Core). May import SQLAlchemy only; nothing here knows HTTP or SAP's
wire formats. Columns use the CRM's English names; where a value is SAP's, the comment names
the SAP field it mirrors (``# KNA1-KUNNR``), and the value is kept in SAP's internal format
(leading zeros) so that it can be sent back without conversion.

Money and quantities are exact decimals stored as canonical text (:class:`ExactDecimal`): SQLite
has no exact decimal type, and a CRM that settles labour fees must not round through floats.

Table groups:

- master data: ``provincial_centers``, ``outlets``, ``materials``, ``material_maintenance``
- documents: ``material_applications`` (+ items), ``returns`` (+ items), ``deliveries``
  (+ items), ``outlet_inventory``, ``repair_orders`` (+ materials), ``labour_fee_rules``,
  ``settlements``, ``sales_statistics``
- integration: ``inbox`` (IDocs received from SAP, each with its document in
  ``inbox_documents``), ``outbox`` (intended calls to SAP), ``sap_halt`` (the worker has
  stopped calling SAP)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData()


class ExactDecimal(TypeDecorator[Decimal]):
    """An exact decimal, stored as canonical text (``12.50``) on every database."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(Decimal(str(value)))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


def _created() -> Column[Any]:
    return Column("created_at", DateTime(timezone=True), nullable=False)


def _updated() -> Column[Any]:
    return Column("updated_at", DateTime(timezone=True), nullable=False)


def _customer(name: str, *constraints: Any, nullable: bool = False,
              **kwargs: Any) -> Column[Any]:
    """A customer number column (KNA1-KUNNR, 10 characters, ALPHA internal format)."""
    return Column(name, String(10), *constraints, nullable=nullable, **kwargs)


def _material(*constraints: Any, name: str = "material_number", **kwargs: Any) -> Column[Any]:
    """A material number column (MARA-MATNR, 18 characters, MATN1 internal format)."""
    return Column(name, String(18), *constraints, **kwargs)


# --- master data (from SAP: DEBMAS, MATMAS) -------------------------------------------------

provincial_centers = Table(
    "provincial_centers",
    metadata,
    _customer("customer_number", primary_key=True),  # KNA1-KUNNR, account group ZPC
    Column("name", String(35), nullable=False),  # KNA1-NAME1, identical to SAP
    Column("city", String(35), nullable=False, default=""),  # KNA1-ORT01
    Column("region", String(3), nullable=False, default=""),  # KNA1-REGIO
    Column("deleted", Boolean, nullable=False, default=False),  # KNA1-LOEVM
    _created(),
    _updated(),
)

outlets = Table(
    "outlets",
    metadata,
    _customer("customer_number", primary_key=True),  # KNA1-KUNNR, account group ZOUT
    Column("name", String(35), nullable=False),  # KNA1-NAME1
    Column("city", String(35), nullable=False, default=""),
    Column("region", String(3), nullable=False, default=""),
    # KNVP-KUNN2 of partner function ZP, exactly as SAP has it. Deliberately no foreign
    # key: an outlet may arrive before its center; the mapping is then pending until the
    # center's DEBMAS arrives (see docs/adapter.md).
    _customer("provincial_center", nullable=True),
    Column("deleted", Boolean, nullable=False, default=False),
    _created(),
    _updated(),
    Index("ix_outlets_provincial_center", "provincial_center"),
)

materials = Table(
    "materials",
    metadata,
    _material(primary_key=True),  # MARA-MATNR
    Column("description_en", String(40), nullable=False, default=""),  # MAKT-MAKTX, EN
    Column("description_zh", String(40), nullable=False, default=""),  # MAKT-MAKTX, ZH
    Column("material_type", String(4), nullable=False, default=""),  # MARA-MTART
    Column("material_group", String(9), nullable=False, default=""),  # MARA-MATKL
    Column("base_unit", String(3), nullable=False, default=""),  # MARA-MEINS
    Column("standard_price", ExactDecimal, nullable=True),  # MBEW-STPRS
    Column("moving_average_price", ExactDecimal, nullable=True),  # MBEW-VERPR
    Column("outlet_purchase_price", ExactDecimal, nullable=True),  # MBEW-ZPLP1
    Column("retail_price", ExactDecimal, nullable=True),  # MBEW-ZPLP2
    Column("price_unit", Integer, nullable=False, default=1),  # MBEW-PEINH
    Column("deleted", Boolean, nullable=False, default=False),  # MARA-LVORM
    # CRM-only fields: maintained in the CRM, never overwritten by MATMAS
    Column("position_number", String(20), nullable=True),
    Column("repair_level", String(10), nullable=True),
    _created(),
    _updated(),
)

#: materials created from SAP that still need their CRM-only fields maintained
material_maintenance = Table(
    "material_maintenance",
    metadata,
    _material(ForeignKey("materials.material_number"), primary_key=True),
    Column("queued_at", DateTime(timezone=True), nullable=False),
)

# --- material applications (to SAP: sales order, consignment fill-up, stock transport) -------

material_applications = Table(
    "material_applications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # the CRM's reference, sent to SAP as PURCH_NO_C (VBKD-BSTKD, 35 characters)
    Column("crm_reference", String(35), nullable=False, unique=True),
    # sales_order | consignment_fill_up | stock_transport
    Column("application_type", String(20), nullable=False),
    _customer("outlet", ForeignKey("outlets.customer_number")),
    # submitted | approval_pending | approved | rejected | in_sap | failed (SAP refused) |
    # partially_delivered | delivered (see crm_adapter/domain/applications.py)
    Column("status", String(20), nullable=False, default="draft"),
    Column("rejection_reason", Text, nullable=True),
    # VBAK-VBELN (sales order, consignment fill-up) or EKKO-EBELN (stock transport order)
    Column("sap_document_number", String(10), nullable=True),
    _created(),
    _updated(),
    Index("ix_material_applications_outlet_status", "outlet", "status"),
)

material_application_items = Table(
    "material_application_items",
    metadata,
    Column("application_id", Integer, ForeignKey("material_applications.id"),
           primary_key=True),
    Column("item_number", Integer, primary_key=True),  # becomes POSNR 10, 20, ...
    _material(ForeignKey("materials.material_number"), nullable=False),
    Column("quantity", ExactDecimal, nullable=False),
    Column("delivered_quantity", ExactDecimal, nullable=False, default=0),
)

# --- returns ---------------------------------------------------------------------------------

returns = Table(
    "returns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("crm_reference", String(35), nullable=False, unique=True),
    _customer("outlet", ForeignKey("outlets.customer_number")),
    # submitted | approved | rejected | in_sap | failed (SAP refused) | partially_received |
    # received (see crm_adapter/domain/returns.py)
    Column("status", String(20), nullable=False, default="draft"),
    Column("reason", Text, nullable=True),
    # the SAP order the goods are returned against (REF_DOC of the return order, VBAK-VBELN)
    Column("original_order", String(10), nullable=True),
    # the CRM application whose SAP order that is, when the return was made from one
    Column("application_id", Integer, ForeignKey("material_applications.id"), nullable=True),
    Column("sap_return_order", String(10), nullable=True),  # VBAK-VBELN, order type RE
    Column("sap_returns_delivery", String(10), nullable=True),  # LIKP-VBELN, type LR
    _created(),
    _updated(),
)

return_items = Table(
    "return_items",
    metadata,
    Column("return_id", Integer, ForeignKey("returns.id"), primary_key=True),
    Column("item_number", Integer, primary_key=True),
    _material(ForeignKey("materials.material_number"), nullable=False),
    Column("expected_quantity", ExactDecimal, nullable=False),
    Column("received_quantity", ExactDecimal, nullable=False, default=0),
)

# --- deliveries (from SAP: DESADV) -----------------------------------------------------------

deliveries = Table(
    "deliveries",
    metadata,
    Column("delivery_number", String(10), primary_key=True),  # LIKP-VBELN
    # a sub-delivery names the delivery it was split from
    Column("parent_delivery", String(10), ForeignKey("deliveries.delivery_number"),
           nullable=True),
    Column("application_id", Integer, ForeignKey("material_applications.id"), nullable=True),
    _customer("outlet", nullable=True),  # LIKP-KUNNR (ship-to)
    Column("sap_order_number", String(10), nullable=True),  # VBFA predecessor
    # sub-delivery: open | goods_issued; application's record (number A + id): open |
    # partially_delivered | delivered (see crm_adapter/domain/deliveries.py)
    Column("status", String(20), nullable=False, default="open"),
    Column("deleted", Boolean, nullable=False, default=False),
    _created(),
    _updated(),
    Index("ix_deliveries_application", "application_id"),
)

delivery_items = Table(
    "delivery_items",
    metadata,
    Column("delivery_number", String(10), ForeignKey("deliveries.delivery_number"),
           primary_key=True),
    Column("item_number", String(6), primary_key=True),  # LIPS-POSNR
    _material(nullable=False),
    Column("shipped_quantity", ExactDecimal, nullable=False, default=0),  # LIPS-LFIMG
    Column("open_quantity", ExactDecimal, nullable=False, default=0),
)

#: each outlet's online inventory, kept by the CRM (deliveries in, repairs and returns out)
outlet_inventory = Table(
    "outlet_inventory",
    metadata,
    _customer("outlet", ForeignKey("outlets.customer_number"), primary_key=True),
    _material(ForeignKey("materials.material_number"), primary_key=True),
    Column("quantity", ExactDecimal, nullable=False, default=0),
    _updated(),
)

# --- repairs and labour fees -----------------------------------------------------------------

repair_orders = Table(
    "repair_orders",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("crm_reference", String(35), nullable=False, unique=True),
    _customer("outlet", ForeignKey("outlets.customer_number")),
    Column("repair_date", Date, nullable=False),
    Column("repair_method", String(40), nullable=False),
    _material(name="repaired_material", nullable=True),
    Column("repair_level", String(10), nullable=False),
    Column("fee", ExactDecimal, nullable=False),  # from labour_fee_rules at the time of repair
    Column("settlement_id", Integer, ForeignKey("settlements.id"), nullable=True),
    _created(),
    Index("ix_repair_orders_outlet_date", "outlet", "repair_date"),
)

repair_order_materials = Table(
    "repair_order_materials",
    metadata,
    Column("repair_order_id", Integer, ForeignKey("repair_orders.id"), primary_key=True),
    _material(ForeignKey("materials.material_number"), primary_key=True),
    Column("quantity", ExactDecimal, nullable=False),
)

#: configurable: the labour fee paid for a repair of a given repair level
labour_fee_rules = Table(
    "labour_fee_rules",
    metadata,
    Column("repair_level", String(10), primary_key=True),
    Column("fee", ExactDecimal, nullable=False),
    Column("currency", String(5), nullable=False, default="CNY"),  # WAERS
)

settlements = Table(
    "settlements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _customer("provincial_center", ForeignKey("provincial_centers.customer_number")),
    Column("month", String(7), nullable=False),  # YYYY-MM
    Column("total", ExactDecimal, nullable=False),
    Column("currency", String(5), nullable=False, default="CNY"),
    # posting | posted | settled | failed (see crm_adapter/domain/labour_fees.py)
    Column("status", String(20), nullable=False, default="posting"),
    Column("fi_document_number", String(10), nullable=True),  # BKPF-BELNR
    Column("fi_object_key", String(20), nullable=True),  # OBJ_KEY: BELNR + BUKRS + GJAHR
    Column("cleared_on", Date, nullable=True),  # BSAD-AUGDT
    _created(),
    _updated(),
    UniqueConstraint("provincial_center", "month", name="uq_settlements_center_month"),
)

# --- sales statistics (imported from SAP's S001) ---------------------------------------------

sales_statistics = Table(
    "sales_statistics",
    metadata,
    Column("month", String(6), primary_key=True),  # S001-SPMON, YYYYMM
    _customer("customer_number", primary_key=True),  # S001-KUNNR
    _material(primary_key=True),  # S001-MATNR
    Column("sales_organization", String(4), primary_key=True),  # S001-VKORG
    Column("distribution_channel", String(2), primary_key=True),  # S001-VTWEG
    Column("division", String(2), primary_key=True),  # S001-SPART
    Column("incoming_orders_quantity", ExactDecimal, nullable=False, default=0),  # AEMENGE
    Column("incoming_orders_value", ExactDecimal, nullable=False, default=0),  # AENETWR
    Column("sales_quantity", ExactDecimal, nullable=False, default=0),  # UMMENGE
    Column("sales_value", ExactDecimal, nullable=False, default=0),  # UMNETWR
    Column("returns_quantity", ExactDecimal, nullable=False, default=0),  # REMENGE
    Column("returns_value", ExactDecimal, nullable=False, default=0),  # RENETWR
    Column("currency", String(5), nullable=False, default=""),  # STWAE
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

# --- the business date ----------------------------------------------------------------------

#: the CRM's business date when set by hand (tests, demos, catching up a missed settlement day);
#: without a row it comes from the settings (CRM_ADAPTER_TODAY) or the calendar (see
#: ``crm_adapter.clock``). Kept in the database so that every server process sees the same day.
business_clock = Table(
    "business_clock",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1: the CRM has one business date
    Column("today", Date, nullable=False),
    _updated(),
)

# --- integration: inbox and outbox -----------------------------------------------------------

#: every IDoc SAP's XML-HTTP port passed to the receiver, stored before it is acknowledged
inbox = Table(
    "inbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sender", String(10), nullable=False),  # EDI_DC40-SNDPRN
    Column("docnum", String(16), nullable=False),  # EDI_DC40-DOCNUM (the sender's number)
    Column("message_type", String(30), nullable=False),  # EDI_DC40-MESTYP
    Column("idoc_type", String(30), nullable=False, default=""),  # IDOCTYP / CIMTYP
    # the object the IDoc is about (MATNR, KUNNR, VBELN ...): the serialization unit
    Column("object_key", String(70), nullable=False, default=""),
    Column("serial", String(20), nullable=False, default=""),  # EDI_DC40-SERIAL
    # received | processed | failed | obsolete
    Column("status", String(10), nullable=False),
    Column("reason", Text, nullable=True),  # why failed/obsolete, or what processing did
    Column("attempts", Integer, nullable=False, default=0),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=True),
    # EDI_DC40-CREDAT and -CRETIM: with SNDPRN and DOCNUM the IDoc's identity (see
    # crm_adapter.store.inbox.IdocIdentity); last because revision 0005 added them
    Column("credat", String(8), nullable=False, server_default=""),
    Column("cretim", String(6), nullable=False, server_default=""),
    UniqueConstraint("sender", "docnum", "credat", "cretim", name="uq_inbox_idoc_identity"),
    Index("ix_inbox_object", "message_type", "object_key", "status"),
    Index("ix_inbox_status", "status"),
)

#: each inbox entry's IDoc alone, as an IDoc-XML document, written with the entry. Kept
#: apart from the entry because processing rewrites the entry's row (status, reason,
#: attempts), and SQLite writes a changed row out whole: with the document in it, marking a
#: packet of a thousand MATMAS processed wrote their 2.4 MB of XML again
inbox_documents = Table(
    "inbox_documents",
    metadata,
    Column("entry_id", Integer, primary_key=True, autoincrement=False),  # inbox.id
    Column("xml", Text, nullable=False),
)

#: every call the CRM intends to make to SAP, written in the transaction of the change that
#: causes it; a worker performs them (at least once) and records the result
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(40), nullable=False),  # e.g. create_sales_order, post_settlement
    Column("payload", JSON, nullable=False),
    # pending | in_progress | done | failed
    Column("status", String(12), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", Float, nullable=False, default=0.0),  # epoch seconds
    Column("last_error", Text, nullable=True),
    # the CRM document's reference (PURCH_NO_C ...) to find an earlier attempt's result in SAP
    Column("crm_reference", String(35), nullable=False),
    Column("result", JSON, nullable=True),
    # what an attempt recorded before asking SAP to commit (e.g. the number SAP drew), so that
    # the next attempt can tell whether that commit happened
    Column("progress", JSON, nullable=True),
    _created(),
    _updated(),
    # the transactional RFC unit (TID) the entry's SAP document is created in; recorded before
    # the first attempt, so that every retry resends the same unit and SAP executes it once
    # (last, where the migration that added it put it)
    Column("unit_id", String(32), nullable=True),
    Index("ix_outbox_due", "status", "next_attempt_at"),
    Index("ix_outbox_reference", "crm_reference"),
)

#: the outbox worker has stopped calling SAP because of a configuration error (a refused
#: logon, a SOAP-RFC service without sessions): one row while it stands, none otherwise.
#: Calling on would lock the SAP user or lose work; an operator resumes, or a change of the
#: SAP logon settings does (``logon``: a digest of the settings the error was met with).
sap_halt = Table(
    "sap_halt",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("error", String(40), nullable=False),  # e.g. RFC_LOGON_FAILURE, SESSION_NOT_KEPT
    Column("reason", Text, nullable=False),
    Column("logon", String(64), nullable=False),
    Column("halted_at", DateTime(timezone=True), nullable=False),
)
