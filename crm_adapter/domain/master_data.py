"""Master-data rules of the CRM: what SAP owns, what the CRM owns, and how they meet.

Layer: domain (plain Python; no SQL, no HTTP, no IDoc parsing). The flow
(:mod:`crm_adapter.flows.master_data`) maps IDocs to these records and stores the results.

- SAP owns a material's descriptions, type, group, unit, the four prices and the deletion
  flag; the CRM owns its position number and repair level. A material SAP creates is new to
  the CRM and waits in the maintenance queue until both CRM fields are set.
- SAP owns the customers: provincial centers (account group ZPC) and outlets (ZOUT), their
  names, and which center an outlet belongs to (partner function ZP). Other account groups
  are not CRM master data.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

#: account groups (KNA1-KTOKD) of the customers the CRM keeps
PROVINCIAL_CENTER_GROUP = "ZPC"
OUTLET_GROUP = "ZOUT"
#: the partner function (KNVP-PARVW) naming an outlet's provincial center
PROVINCIAL_CENTER_PARTNER_FUNCTION = "ZP"
#: the valuation area (MBEW-BWKEY, the plant) whose prices the CRM shows: the central
#: warehouse, which supplies the outlets
PRICE_VALUATION_AREA = "1000"

POSITION_NUMBER_MAX_LENGTH = 20
REPAIR_LEVEL_MAX_LENGTH = 10


class CustomerKind(StrEnum):
    PROVINCIAL_CENTER = "provincial_center"
    OUTLET = "outlet"


def customer_kind(account_group: str) -> CustomerKind | None:
    """The CRM's kind of customer for an SAP account group; None: not CRM master data."""
    return {PROVINCIAL_CENTER_GROUP: CustomerKind.PROVINCIAL_CENTER,
            OUTLET_GROUP: CustomerKind.OUTLET}.get(account_group)


@dataclass(frozen=True, slots=True)
class Prices:
    """The four prices the CRM keeps, per ``price_unit`` units of the base unit."""

    standard: Decimal | None = None  # MBEW-STPRS
    moving_average: Decimal | None = None  # MBEW-VERPR
    outlet_purchase: Decimal | None = None  # MBEW-ZPLP1
    retail: Decimal | None = None  # MBEW-ZPLP2
    price_unit: int = 1  # MBEW-PEINH


@dataclass(frozen=True, slots=True)
class SapMaterial:
    """A material as SAP distributes it (only the fields SAP owns)."""

    material_number: str
    description_en: str
    description_zh: str
    material_type: str
    material_group: str
    base_unit: str
    #: None when the IDoc carries no valuation for the CRM's valuation area: keep the
    #: prices the CRM has rather than erase them
    prices: Prices | None
    deleted: bool


@dataclass(frozen=True, slots=True)
class SapCustomer:
    """A provincial center or outlet as SAP distributes it."""

    customer_number: str
    kind: CustomerKind
    name: str
    city: str
    region: str
    deleted: bool
    #: for an outlet: the ZP partner, "" when SAP names none; None when the IDoc says
    #: nothing about partner functions (then the CRM keeps what it knows)
    provincial_center: str | None


@dataclass(frozen=True, slots=True)
class MaintenanceUpdate:
    """The CRM-only fields of a material, as a user maintains them."""

    position_number: str
    repair_level: str

    def problems(self) -> list[str]:
        """Why the update cannot be accepted (empty: it can)."""
        found = []
        for name, value, limit in (
                ("position_number", self.position_number, POSITION_NUMBER_MAX_LENGTH),
                ("repair_level", self.repair_level, REPAIR_LEVEL_MAX_LENGTH)):
            if not value.strip():
                found.append(f"{name} is required")
            elif len(value) > limit:
                found.append(f"{name} is longer than {limit} characters")
        return found

