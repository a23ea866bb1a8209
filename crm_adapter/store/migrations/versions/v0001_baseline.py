"""Baseline: the CRM's schema as version 0.1.0 made it, the last version before migrations.

On an empty database this creates every table. A database that an earlier version made has
tables but no version table; on it, the same step creates only what that version lacked:
missing tables, columns added since (each nullable or with a server default, so the rows
already there get a value) and missing indexes. Later revisions change the schema step by
step and need none of this.

The tables are written out here rather than taken from :mod:`crm_adapter.store.schema`: a revision
stays what it was when it was written, whatever the schema module says later.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_adapter.store.migrations import create_missing

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_missing(op.get_bind(), baseline_schema())


def downgrade() -> None:
    baseline_schema().drop_all(op.get_bind())


def baseline_schema() -> sa.MetaData:
    metadata = sa.MetaData()
    sa.Table(
        "business_clock",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("today", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Table(
        "inbox",
        metadata,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sender", sa.String(length=10), nullable=False),
        sa.Column("docnum", sa.String(length=16), nullable=False),
        sa.Column("message_type", sa.String(length=30), nullable=False),
        sa.Column("idoc_type", sa.String(length=30), nullable=False),
        sa.Column("object_key", sa.String(length=70), nullable=False),
        sa.Column("serial", sa.String(length=20), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sender", "docnum", name="uq_inbox_sender_docnum"),
        sa.Index("ix_inbox_object", "message_type", "object_key", "status"),
        sa.Index("ix_inbox_status", "status"),
    )
    sa.Table(
        "labour_fee_rules",
        metadata,
        sa.Column("repair_level", sa.String(length=10), nullable=False),
        sa.Column("fee", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=5), nullable=False),
        sa.PrimaryKeyConstraint("repair_level"),
    )
    sa.Table(
        "materials",
        metadata,
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("description_en", sa.String(length=40), nullable=False),
        sa.Column("description_zh", sa.String(length=40), nullable=False),
        sa.Column("material_type", sa.String(length=4), nullable=False),
        sa.Column("material_group", sa.String(length=9), nullable=False),
        sa.Column("base_unit", sa.String(length=3), nullable=False),
        sa.Column("standard_price", sa.String(length=32), nullable=True),
        sa.Column("moving_average_price", sa.String(length=32), nullable=True),
        sa.Column("outlet_purchase_price", sa.String(length=32), nullable=True),
        sa.Column("retail_price", sa.String(length=32), nullable=True),
        sa.Column("price_unit", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("position_number", sa.String(length=20), nullable=True),
        sa.Column("repair_level", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("material_number"),
    )
    sa.Table(
        "outbox",
        metadata,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.Float(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("crm_reference", sa.String(length=35), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("progress", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_outbox_due", "status", "next_attempt_at"),
        sa.Index("ix_outbox_reference", "crm_reference"),
    )
    sa.Table(
        "outlets",
        metadata,
        sa.Column("customer_number", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=35), nullable=False),
        sa.Column("city", sa.String(length=35), nullable=False),
        sa.Column("region", sa.String(length=3), nullable=False),
        sa.Column("provincial_center", sa.String(length=10), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("customer_number"),
        sa.Index("ix_outlets_provincial_center", "provincial_center"),
    )
    sa.Table(
        "provincial_centers",
        metadata,
        sa.Column("customer_number", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=35), nullable=False),
        sa.Column("city", sa.String(length=35), nullable=False),
        sa.Column("region", sa.String(length=3), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("customer_number"),
    )
    sa.Table(
        "sales_statistics",
        metadata,
        sa.Column("month", sa.String(length=6), nullable=False),
        sa.Column("customer_number", sa.String(length=10), nullable=False),
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("sales_organization", sa.String(length=4), nullable=False),
        sa.Column("distribution_channel", sa.String(length=2), nullable=False),
        sa.Column("division", sa.String(length=2), nullable=False),
        sa.Column("incoming_orders_quantity", sa.String(length=32), nullable=False),
        sa.Column("incoming_orders_value", sa.String(length=32), nullable=False),
        sa.Column("sales_quantity", sa.String(length=32), nullable=False),
        sa.Column("sales_value", sa.String(length=32), nullable=False),
        sa.Column("returns_quantity", sa.String(length=32), nullable=False),
        sa.Column("returns_value", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=5), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "month",
            "customer_number",
            "material_number",
            "sales_organization",
            "distribution_channel",
            "division",
        ),
    )
    sa.Table(
        "material_applications",
        metadata,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("crm_reference", sa.String(length=35), nullable=False),
        sa.Column("application_type", sa.String(length=20), nullable=False),
        sa.Column("outlet", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("sap_document_number", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["outlet"], ["outlets.customer_number"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("crm_reference"),
        sa.Index("ix_material_applications_outlet_status", "outlet", "status"),
    )
    sa.Table(
        "material_maintenance",
        metadata,
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["material_number"], ["materials.material_number"]),
        sa.PrimaryKeyConstraint("material_number"),
    )
    sa.Table(
        "outlet_inventory",
        metadata,
        sa.Column("outlet", sa.String(length=10), nullable=False),
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("quantity", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["material_number"], ["materials.material_number"]),
        sa.ForeignKeyConstraint(["outlet"], ["outlets.customer_number"]),
        sa.PrimaryKeyConstraint("outlet", "material_number"),
    )
    sa.Table(
        "settlements",
        metadata,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("provincial_center", sa.String(length=10), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("total", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=5), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("fi_document_number", sa.String(length=10), nullable=True),
        sa.Column("fi_object_key", sa.String(length=20), nullable=True),
        sa.Column("cleared_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["provincial_center"], ["provincial_centers.customer_number"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("provincial_center", "month", name="uq_settlements_center_month"),
    )
    sa.Table(
        "deliveries",
        metadata,
        sa.Column("delivery_number", sa.String(length=10), nullable=False),
        sa.Column("parent_delivery", sa.String(length=10), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("outlet", sa.String(length=10), nullable=True),
        sa.Column("sap_order_number", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["material_applications.id"]),
        sa.ForeignKeyConstraint(["parent_delivery"], ["deliveries.delivery_number"]),
        sa.PrimaryKeyConstraint("delivery_number"),
        sa.Index("ix_deliveries_application", "application_id"),
    )
    sa.Table(
        "material_application_items",
        metadata,
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("item_number", sa.Integer(), nullable=False),
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("quantity", sa.String(length=32), nullable=False),
        sa.Column("delivered_quantity", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["material_applications.id"]),
        sa.ForeignKeyConstraint(["material_number"], ["materials.material_number"]),
        sa.PrimaryKeyConstraint("application_id", "item_number"),
    )
    sa.Table(
        "repair_orders",
        metadata,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("crm_reference", sa.String(length=35), nullable=False),
        sa.Column("outlet", sa.String(length=10), nullable=False),
        sa.Column("repair_date", sa.Date(), nullable=False),
        sa.Column("repair_method", sa.String(length=40), nullable=False),
        sa.Column("repaired_material", sa.String(length=18), nullable=True),
        sa.Column("repair_level", sa.String(length=10), nullable=False),
        sa.Column("fee", sa.String(length=32), nullable=False),
        sa.Column("settlement_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["outlet"], ["outlets.customer_number"]),
        sa.ForeignKeyConstraint(["settlement_id"], ["settlements.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("crm_reference"),
        sa.Index("ix_repair_orders_outlet_date", "outlet", "repair_date"),
    )
    sa.Table(
        "returns",
        metadata,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("crm_reference", sa.String(length=35), nullable=False),
        sa.Column("outlet", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("original_order", sa.String(length=10), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("sap_return_order", sa.String(length=10), nullable=True),
        sa.Column("sap_returns_delivery", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["material_applications.id"]),
        sa.ForeignKeyConstraint(["outlet"], ["outlets.customer_number"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("crm_reference"),
    )
    sa.Table(
        "delivery_items",
        metadata,
        sa.Column("delivery_number", sa.String(length=10), nullable=False),
        sa.Column("item_number", sa.String(length=6), nullable=False),
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("shipped_quantity", sa.String(length=32), nullable=False),
        sa.Column("open_quantity", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["delivery_number"], ["deliveries.delivery_number"]),
        sa.PrimaryKeyConstraint("delivery_number", "item_number"),
    )
    sa.Table(
        "repair_order_materials",
        metadata,
        sa.Column("repair_order_id", sa.Integer(), nullable=False),
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("quantity", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["material_number"], ["materials.material_number"]),
        sa.ForeignKeyConstraint(["repair_order_id"], ["repair_orders.id"]),
        sa.PrimaryKeyConstraint("repair_order_id", "material_number"),
    )
    sa.Table(
        "return_items",
        metadata,
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("item_number", sa.Integer(), nullable=False),
        sa.Column("material_number", sa.String(length=18), nullable=False),
        sa.Column("expected_quantity", sa.String(length=32), nullable=False),
        sa.Column("received_quantity", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["material_number"], ["materials.material_number"]),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"]),
        sa.PrimaryKeyConstraint("return_id", "item_number"),
    )
    return metadata
