"""Master-data flow: MATMAS and DEBMAS from SAP keep the CRM's materials and customers.

Layer: flows. Maps IDoc segments (SAP names, only here and in ``sap_client``) to the
domain records of :mod:`crm_adapter.domain.master_data` and stores them through
:mod:`crm_adapter.store.master_data`. Also the maintenance use cases of the JSON API.

MATMAS05 → material (E1MARAM, E1MAKTM per language, E1MBEWM of the CRM's valuation area):
created materials are queued for maintenance of their CRM-only fields; changed ones keep
them. ``LVORM = X`` (or MSGFN 003) marks the material deleted, never removes it.

DEBMAS07 → provincial center (KTOKD ZPC) or outlet (ZOUT); an outlet's center is its ZP
partner (E1KNVVM/E1KNVPM). An outlet naming a center the CRM has not received yet is kept
with that center number: the mapping is *pending* until the center's own DEBMAS arrives,
and then complete without reprocessing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from crm_adapter.domain.errors import DomainError
from crm_adapter.domain.master_data import (
    PRICE_VALUATION_AREA,
    PROVINCIAL_CENTER_PARTNER_FUNCTION,
    CustomerKind,
    MaintenanceUpdate,
    Prices,
    SapCustomer,
    SapMaterial,
    customer_kind,
)
from crm_adapter.inbox import MessageHandler
from crm_adapter.store import master_data as store
from sap_client.conversion import ISO_UNIT, alpha_input, matn1_input, sap_number
from sap_client.idoc import ReceivedIdoc, Segment

#: MSGFN 003: delete (for master data: flag for deletion)
DELETE = "003"
#: E1MAKTM carries SPRAS (internal: E, 1) or SPRAS_ISO (EN, ZH), or both
_LANGUAGES = {"EN": "en", "E": "en", "ZH": "zh", "1": "zh"}
#: SAP sends units as ISO codes (E1MARAM-MEINS ``PCE``); the CRM keeps SAP's internal unit
#: (``ST``), the one its BAPI calls must send back. A landscape with units of its own
#: extends the map (``ISO_UNIT.extended({...})``); an unknown code is kept as sent.
UNITS_FROM_SAP = ISO_UNIT


class MaterialNotFound(DomainError):
    """No material with this number in the CRM."""


class InvalidMaintenance(DomainError):
    """The CRM-only fields given are not acceptable."""


# --- reading segments ------------------------------------------------------------------------

def _top(idoc: ReceivedIdoc, name: str) -> Segment:
    found = next((s for s in idoc.segments if s.name == name), None)
    if found is None:
        raise DomainError(f"the IDoc has no {name} segment")
    return found


def _children(segment: Segment, name: str) -> list[Segment]:
    return [child for child in segment.children if child.name == name]


def _amount(value: str, field: str) -> Decimal | None:
    """An IDoc amount (``12.50``, SAP's trailing minus ``5.00-``); None when absent."""
    if not value.strip():
        return None
    try:
        return sap_number(value)
    except ValueError:
        raise DomainError(f"{field} '{value}' is not a number") from None


# --- MATMAS ----------------------------------------------------------------------------------

def _internal(convert: Callable[[str], str], value: str, field: str) -> str:
    try:
        key = convert(value)
    except ValueError as error:
        raise DomainError(f"{field}: {error}") from None
    if not key:
        raise DomainError(f"{field} is empty")
    return key


def material_key(idoc: ReceivedIdoc) -> str:
    """MATNR in internal format: the serialization unit of MATMAS."""
    return _material_number(_top(idoc, "E1MARAM"))


def _material_number(header: Segment) -> str:
    return _internal(matn1_input, header.get("MATNR"), "MATNR")


def material_from_matmas(idoc: ReceivedIdoc) -> SapMaterial:
    """What a MATMAS IDoc says about its material (the fields SAP owns)."""
    return _material(_top(idoc, "E1MARAM"))


def _material(header: Segment, number: str | None = None) -> SapMaterial:
    """``number``: the MATNR in internal format, where the caller has it already."""
    # a received segment makes its children on each look: look once
    below = list(header.children)
    texts: dict[str, str] = {}
    for text in below:
        if text.name != "E1MAKTM":
            continue
        language = _LANGUAGES.get(text.get("SPRAS_ISO").upper() or text.get("SPRAS"))
        if language:
            texts[language] = text.get("MAKTX")
    return SapMaterial(
        material_number=_material_number(header) if number is None else number,
        description_en=texts.get("en", ""), description_zh=texts.get("zh", ""),
        material_type=header.get("MTART"), material_group=header.get("MATKL"),
        base_unit=UNITS_FROM_SAP.input(header.get("MEINS")), prices=_prices(below),
        deleted=header.get("MSGFN") == DELETE or header.get("LVORM") == "X")


def _prices(below_header: Sequence[Segment]) -> Prices | None:
    """The four prices from the valuation segment of the CRM's valuation area."""
    valuation = next((v for v in below_header
                      if v.name == "E1MBEWM" and v.get("BWKEY") == PRICE_VALUATION_AREA
                      and not v.get("BWTAR")), None)
    if valuation is None:
        return None
    unit = valuation.get("PEINH").strip() or "1"
    if not unit.isdigit() or int(unit) == 0:
        raise DomainError(f"PEINH '{unit}' is not a price unit")
    return Prices(standard=_amount(valuation.get("STPRS"), "STPRS"),
                  moving_average=_amount(valuation.get("VERPR"), "VERPR"),
                  outlet_purchase=_amount(valuation.get("ZPLP1"), "ZPLP1"),
                  retail=_amount(valuation.get("ZPLP2"), "ZPLP2"), price_unit=int(unit))


def apply_matmas(conn: Connection, idoc: ReceivedIdoc) -> str:
    """Create or update the material; a new one goes on the maintenance queue."""
    [note] = apply_matmas_many(conn, [idoc])
    return note


def apply_matmas_many(conn: Connection, idocs: Sequence[ReceivedIdoc]) -> list[str]:
    """:func:`apply_matmas` for IDocs about different materials, with a few statements for
    all of them (an initial load sends 100,000); a note per IDoc."""
    return apply_material_idocs(conn, [read_matmas(idoc) for idoc in idocs])


@dataclass(frozen=True, slots=True)
class MaterialIdoc:
    """What applying a MATMAS IDoc needs of it: the inbox keeps this from receipt until
    the IDoc is applied, instead of the IDoc's segments (see ``MessageHandler.read``)."""

    material_number: str
    #: MSGFN 003: flag the material for deletion (the IDoc carries the key only)
    deleting: bool
    #: None for a deletion, which needs nothing else
    material: SapMaterial | None
    #: why a deletion's other fields cannot be read: flagging a known material for deletion
    #: fails with it, as reading the whole IDoc does for any other
    unreadable: str | None = None


def read_matmas(idoc: ReceivedIdoc) -> MaterialIdoc:
    """What a MATMAS IDoc says, as :func:`apply_material_idocs` applies it."""
    header = _top(idoc, "E1MARAM")
    number = _material_number(header)
    if header.get("MSGFN") != DELETE:
        return MaterialIdoc(number, False, _material(header, number))
    try:
        _material(header, number)
    except DomainError as error:
        return MaterialIdoc(number, True, None, str(error))
    return MaterialIdoc(number, True, None)


def apply_material_idocs(conn: Connection, idocs: Sequence[MaterialIdoc]) -> list[str]:
    """Create or update the materials of IDocs about different materials (new ones go on
    the maintenance queue), with a few statements for all of them; a note per IDoc."""
    existing = store.get_materials(conn, [idoc.material_number for idoc in idocs])
    created: list[SapMaterial] = []
    updated: list[SapMaterial] = []
    flagged: list[str] = []
    notes: list[str] = []
    for idoc in idocs:
        number, deleting, material = idoc.material_number, idoc.deleting, idoc.material
        known = existing.get(number)
        if known is None and deleting:
            notes.append(f"material {number} is not in the CRM; nothing to flag for deletion")
            continue
        if idoc.unreadable is not None:
            raise DomainError(idoc.unreadable)
        if known is None:
            assert material is not None  # only a deletion reads no material
            created.append(material)
            notes.append(f"material {number} created and queued for maintenance")
        elif material is None:  # a deletion
            # a 003 IDoc carries the key only: flag the material, keep everything else
            flagged.append(number)
            notes.append(f"material {number} flagged for deletion")
        else:
            updated.append(_keep_what_the_idoc_omits(known, material))
            notes.append(f"material {number} updated"
                         + (" (deleted in SAP)" if material.deleted else ""))
    store.create_materials(conn, created)
    store.update_materials(conn, updated)
    store.flag_materials_deleted(conn, flagged)
    return notes


def _keep_what_the_idoc_omits(existing: dict[str, Any], material: SapMaterial) -> SapMaterial:
    """Texts in a language the IDoc does not carry stay as the CRM has them."""
    return replace(material,
                   description_en=material.description_en or existing["description_en"],
                   description_zh=material.description_zh or existing["description_zh"])


#: an initial load sends 100,000 MATMAS: the inbox keeps what :func:`read_matmas` makes of
#: each until it is applied, and applies them in batches
MATMAS = MessageHandler(object_key=material_key, apply=apply_matmas,
                        apply_many=apply_material_idocs, read=read_matmas)


# --- DEBMAS ----------------------------------------------------------------------------------

def customer_key(idoc: ReceivedIdoc) -> str:
    """KUNNR in internal format: the serialization unit of DEBMAS."""
    return _internal(alpha_input, _top(idoc, "E1KNA1M").get("KUNNR"), "KUNNR")


def _provincial_center(header: Segment) -> str | None:
    """The ZP partner of the outlet: None if the IDoc carries no partner functions at all
    (nothing said), "" if it carries them without ZP (SAP removed the assignment)."""
    partners = [p for area in _children(header, "E1KNVVM")
                for p in _children(area, "E1KNVPM")]
    if not partners:
        return None
    centers = {_internal(alpha_input, p.get("KUNN2"), "KUNN2") for p in partners
               if p.get("PARVW") == PROVINCIAL_CENTER_PARTNER_FUNCTION and p.get("KUNN2")}
    if len(centers) > 1:
        raise DomainError(f"the outlet names {len(centers)} provincial centers "
                          f"({', '.join(sorted(centers))}) in its sales areas")
    return centers.pop() if centers else ""


def customer_from_debmas(idoc: ReceivedIdoc, kind: CustomerKind) -> SapCustomer:
    header = _top(idoc, "E1KNA1M")
    return SapCustomer(
        customer_number=customer_key(idoc), kind=kind, name=header.get("NAME1"),
        city=header.get("ORT01"), region=header.get("REGIO"),
        deleted=header.get("MSGFN") == DELETE or header.get("LOEVM") == "X",
        provincial_center=_provincial_center(header) if kind is CustomerKind.OUTLET
        else None)


def apply_debmas(conn: Connection, idoc: ReceivedIdoc) -> str:
    """Create or update a provincial center or an outlet (and the outlet's center)."""
    header = _top(idoc, "E1KNA1M")
    number = customer_key(idoc)
    known_as = store.customer_kind_of(conn, number)
    account_group = header.get("KTOKD")
    kind = customer_kind(account_group) if account_group else known_as
    if kind is None:
        return (f"customer {number} (account group {account_group or 'unknown'}) is neither "
                "a provincial center nor an outlet; ignored")
    if known_as is not None and known_as is not kind:
        raise DomainError(f"customer {number} is a {known_as.value.replace('_', ' ')} in the "
                          f"CRM but SAP sends it with account group {account_group}")
    if header.get("MSGFN") == DELETE and known_as is None:
        return f"customer {number} is not in the CRM; nothing to flag for deletion"
    customer = customer_from_debmas(idoc, kind)
    if header.get("MSGFN") == DELETE:
        store.flag_customer_deleted(conn, kind, number)
        return f"{kind.value.replace('_', ' ')} {number} flagged for deletion"
    previous_center = (store.get_outlet(conn, number) or {}).get("provincial_center")
    created = store.upsert_customer(conn, customer)
    note = f"{kind.value.replace('_', ' ')} {number} {'created' if created else 'updated'}"
    if kind is CustomerKind.OUTLET:
        note += _center_note(conn, previous_center, customer.provincial_center)
    return note


def _center_note(conn: Connection, previous: str | None, center: str | None) -> str:
    if not center:
        return "" if center is None else "; no provincial center"
    moved = f" (moved from {previous})" if previous and previous != center else ""
    if not store.center_is_known(conn, center):
        return f"; provincial center {center} not received yet: mapping pending{moved}"
    return f"; provincial center {center}{moved}"


DEBMAS = MessageHandler(object_key=customer_key, apply=apply_debmas)


# --- maintenance of CRM-only fields (JSON API) ----------------------------------------------

def pending_maintenance(conn: Connection) -> list[dict[str, Any]]:
    """Materials from SAP still waiting for position number and repair level."""
    return store.pending_maintenance(conn)


def maintain_material(conn: Connection, material_number: str, position_number: str,
                      repair_level: str) -> dict[str, Any]:
    """Set a material's CRM-only fields (taking it off the queue); the material after."""
    fields = MaintenanceUpdate(position_number.strip(), repair_level.strip())
    problems = fields.problems()
    if problems:
        raise InvalidMaintenance("; ".join(problems))
    try:
        number = matn1_input(material_number)
    except ValueError:
        raise MaterialNotFound(f"material {material_number} does not exist") from None
    if not store.maintain_material(conn, number, fields):
        raise MaterialNotFound(f"material {number} does not exist")
    material = store.get_material(conn, number)
    assert material is not None
    return material


# --- reading master data (JSON API) ----------------------------------------------------------

class CustomerNotFound(DomainError):
    """No provincial center or outlet with this number in the CRM."""


class InvalidKey(DomainError):
    """A material or customer number that cannot be one (too long)."""


def _key(convert: Callable[[str], str], value: str) -> str:
    """A number as people write it (leading zeros optional) in internal format."""
    try:
        return convert(value.strip())
    except ValueError as error:
        raise InvalidKey(str(error)) from None


def _optional_key(convert: Callable[[str], str], value: str | None) -> str | None:
    return _key(convert, value) if value else None


def material(conn: Connection, material_number: str) -> dict[str, Any]:
    """One material, SAP's fields and the CRM-only ones, with ``queued_at`` (None when it
    does not wait for maintenance)."""
    try:
        number = _key(matn1_input, material_number)
    except InvalidKey:
        raise MaterialNotFound(f"material {material_number} does not exist") from None
    found = store.material_view(conn, number)
    if found is None:
        raise MaterialNotFound(f"material {number} does not exist")
    return found


def materials(conn: Connection, *, after: str | None, include_deleted: bool,
              limit: int) -> list[dict[str, Any]]:
    """A page of materials by number, starting after the number ``after``."""
    return store.list_materials(conn, after=_optional_key(matn1_input, after),
                                include_deleted=include_deleted, limit=limit)


def _customer_number(customer_number: str, kind: str) -> str:
    try:
        return _key(alpha_input, customer_number)
    except InvalidKey:
        raise CustomerNotFound(f"{kind} {customer_number} does not exist") from None


def outlet(conn: Connection, customer_number: str) -> dict[str, Any]:
    """One outlet with its provincial center as SAP assigns it, and whether that center is
    still pending (not received from SAP yet)."""
    number = _customer_number(customer_number, "outlet")
    found = store.outlet_view(conn, number)
    if found is None:
        raise CustomerNotFound(f"outlet {number} does not exist")
    return found


def outlets(conn: Connection, *, provincial_center: str | None, center_pending: bool,
            after: str | None, include_deleted: bool, limit: int) -> list[dict[str, Any]]:
    """A page of outlets by customer number (of one center, or only the pending ones)."""
    return store.list_outlets(
        conn, provincial_center=_optional_key(alpha_input, provincial_center),
        center_pending=center_pending, after=_optional_key(alpha_input, after),
        include_deleted=include_deleted, limit=limit)


def provincial_center(conn: Connection, customer_number: str) -> dict[str, Any]:
    """One provincial center with the customer numbers of the outlets SAP assigns to it."""
    number = _customer_number(customer_number, "provincial center")
    found = store.get_provincial_center(conn, number)
    if found is None:
        raise CustomerNotFound(f"provincial center {number} does not exist")
    return {**found, "outlets": store.outlets_of(conn, number)}


def provincial_centers(conn: Connection, *, after: str | None, include_deleted: bool,
                       limit: int) -> list[dict[str, Any]]:
    """A page of provincial centers by customer number (without their outlets)."""
    return store.list_provincial_centers(conn, after=_optional_key(alpha_input, after),
                                         include_deleted=include_deleted, limit=limit)
