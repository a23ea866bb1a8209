"""What one scenario has named so far: business names and their numbers in SAP and the CRM.

Layer: ``sap_client.steps`` (test support; standard library only). Scenarios speak of "Wuhan
Outlet", "Compressor" and application "A1"; SAP and the CRM know customer 0001000001,
material SP-0001 and application 7 with SAP order 0000010000. The :class:`World` of a
scenario keeps both, so that a step on one side can find what a step on the other side
created. A fresh world per scenario (fixture ``world``).

Numbers are drawn here, in the ranges SAP's seed data uses (provincial centers from
0000900001, outlets from 0001000001), so every scenario's master data looks the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

FIRST_CENTER, FIRST_OUTLET, FIRST_MATERIAL = 900001, 1000001, 1


@dataclass
class Document:
    """A CRM document a scenario named (application, return)."""

    id: int
    reference: str  # the CRM reference SAP keeps as the customer's PO number (BSTNK)
    sap_number: str | None = None  # the SAP document made for it, once known


@dataclass(frozen=True)
class Refusal:
    """Why an action was refused: by whom, SAP's or the CRM's message."""

    by: str  # "SAP" or "CRM"
    message: str


class UnknownName(AssertionError):
    """A step names something the scenario has not introduced."""


@dataclass
class World:
    centers: dict[str, str] = field(default_factory=dict)
    outlets: dict[str, str] = field(default_factory=dict)
    materials: dict[str, str] = field(default_factory=dict)
    applications: dict[str, Document] = field(default_factory=dict)
    returns: dict[str, Document] = field(default_factory=dict)
    #: SAP delivery numbers by the name the scenario gave them
    deliveries: dict[str, str] = field(default_factory=dict)
    #: the SAP returns deliveries of each return, oldest first
    returns_deliveries: dict[str, list[str]] = field(default_factory=dict)
    #: the last refusal of an action the scenario "tries"; None when it went through
    refusal: Refusal | None = None
    #: anything else a step wants the next step to see (step name → value)
    notes: dict[str, Any] = field(default_factory=dict)

    # --- master data -----------------------------------------------------------------------

    def add_center(self, name: str) -> str:
        return self.centers.setdefault(name, f"{FIRST_CENTER + len(self.centers):010d}")

    def add_outlet(self, name: str) -> str:
        return self.outlets.setdefault(name, f"{FIRST_OUTLET + len(self.outlets):010d}")

    def add_material(self, name: str) -> str:
        return self.materials.setdefault(name, f"SP-{FIRST_MATERIAL + len(self.materials):04d}")

    def center(self, name: str) -> str:
        return _known(self.centers, name, "provincial center")

    def outlet(self, name: str) -> str:
        return _known(self.outlets, name, "outlet")

    def customer(self, name: str) -> str:
        """An outlet's or a provincial center's number."""
        if name in self.outlets:
            return self.outlets[name]
        return _known(self.centers, name, "customer")

    def material(self, name: str) -> str:
        return _known(self.materials, name, "material")

    def material_name(self, number: str) -> str:
        """The scenario's name of a material number (the number if it has none)."""
        return next((name for name, known in self.materials.items() if known == number), number)

    # --- documents -------------------------------------------------------------------------

    def note_application(self, name: str, view: dict[str, Any]) -> Document:
        """Remember (or update) an application from the CRM's view of it."""
        self.applications[name] = Document(int(view["id"]), str(view["crm_reference"]),
                                           view.get("sap_document_number") or None)
        return self.applications[name]

    def note_return(self, name: str, view: dict[str, Any]) -> Document:
        """Remember (or update) a return from the CRM's view of it."""
        self.returns[name] = Document(int(view["id"]), str(view["crm_reference"]),
                                      view.get("sap_return_order") or None)
        return self.returns[name]

    def application(self, name: str) -> Document:
        return _known(self.applications, name, "application")

    def return_(self, name: str) -> Document:
        return _known(self.returns, name, "return")

    def delivery(self, name: str) -> str:
        return _known(self.deliveries, name, "delivery")

    def sap_order_of(self, application: str) -> str:
        document = self.application(application)
        if not document.sap_number:
            raise AssertionError(f"application {application} has no SAP document yet")
        return document.sap_number

    def sap_return_order_of(self, name: str) -> str:
        document = self.return_(name)
        if not document.sap_number:
            raise AssertionError(f"return {name} has no SAP return order yet")
        return document.sap_number

    # --- refusals --------------------------------------------------------------------------

    def attempt(self, by: str, action: Callable[[], object],
                refusals: tuple[type[Exception], ...]) -> None:
        """Try an action; remember ``by``'s refusal (one of ``refusals``) or that it went
        through, for the Then steps."""
        try:
            action()
        except refusals as refused:
            self.refusal = Refusal(by, str(getattr(refused, "message", refused)))
        else:
            self.refusal = None

    def expect_refusal(self, by: str) -> Refusal:
        """The refusal of the last action tried; fails when it went through or someone else
        refused it."""
        if self.refusal is None:
            raise AssertionError(f"{by} was expected to refuse, but the action went through")
        if self.refusal.by != by:
            raise AssertionError(f"{by} was expected to refuse, but {self.refusal.by} did: "
                                 f"{self.refusal.message}")
        return self.refusal


def _known(names: dict[str, Any], name: str, what: str) -> Any:
    if name not in names:
        known = ", ".join(f'"{n}"' for n in names) or "none"
        raise UnknownName(f'no {what} "{name}" in this scenario (known: {known})')
    return names[name]
