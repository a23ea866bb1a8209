"""Customer master (XD01/XD02): the one writer of KNA1, KNVV, KNVP, KNB1 and KNKK.

Layer: business. Imports the database layer, the conversion exits, the customizing and the
error types; never ``ale``, ``idoc``, ``rfc`` or ``http``. The inbound DEBMAS IDoc and the
seed change customers through this module; it takes typed commands (:class:`SaveCustomer`,
:class:`FlagCustomerForDeletion`) and returns :class:`CustomerPosted`. The credit exposure
KNKK-SKFOR/SSOBL/SAUFT belongs to the documents that build it up: the master never
overwrites it.

Outlets and provincial centers are both customers (account groups ZOUT and ZPC). An outlet
names the provincial center it belongs to with partner function ZP in its sales-area
partner functions (KNVP), the ordinary SAP way to relate two customers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, select, update

from fake_sap.conversion import alpha_input
from fake_sap.customizing import PROVINCIAL_CENTER_PARTNER_FUNCTION, sales_area_key
from fake_sap.db import master_data
from fake_sap.db.master_data import Row, object_keys, rows_by_object
from fake_sap.db.schema import kna1, knb1, knkk, knvp, knvv
from fake_sap.db.upsert import RowChanges, write_changes
from fake_sap.errors import SapMessage, declared_error, sap_error
from fake_sap.lookups import Lookups

#: the kind of object in :class:`fake_sap.lookups.Lookups` (known customers: KTOKD)
KIND = "customer"
PROVINCIAL_CENTER_GROUP = "ZPC"
#: the tables this module writes, and nothing else does
TABLES = (kna1, knvv, knvp, knb1, knkk)
#: columns an upsert never overwrites: creation data, and the credit exposure documents keep
KEEP_ON_UPDATE: dict[str, tuple[str, ...]] = {
    "kna1": ("erdat", "ernam"),
    "knvv": ("erdat", "ernam"),
    "knkk": ("skfor", "ssobl", "sauft"),
}
#: KNA1's columns that :class:`SaveCustomer` names (or that posting sets: creation data);
#: every other KNA1 field travels in ``other_fields``
_NAMED_GENERAL_COLUMNS = frozenset({
    "mandt", "kunnr", "ktokd", "anred", "name1", "name2", "sortl", "stras", "ort01", "pstlz",
    "regio", "land1", "spras", "telf1", "stceg", "aufsd", "lifsd", "faksd", "loevm", "erdat",
    "ernam"})
#: KNVV's columns that :class:`SalesAreaData` names (or that posting sets: creation data)
_NAMED_SALES_AREA_COLUMNS = frozenset({
    "mandt", "kunnr", "vkorg", "vtweg", "spart", "kdgrp", "bzirk", "waers", "vwerk", "vsbed",
    "zterm", "ktgrd", "kztlf", "aufsd", "lifsd", "loevm", "erdat", "ernam"})
#: the SAP names of KNA1's other fields, which a command carries in ``other_fields``
OTHER_GENERAL_FIELDS = frozenset(column.name.upper() for column in kna1.columns
                                 if column.name not in _NAMED_GENERAL_COLUMNS)
#: the SAP names of KNVV's other fields, which a sales area carries in ``other_fields``
OTHER_SALES_AREA_FIELDS = frozenset(column.name.upper() for column in knvv.columns
                                    if column.name not in _NAMED_SALES_AREA_COLUMNS)


@dataclass(frozen=True, slots=True)
class PartnerFunction:
    function: str  # KNVP-PARVW (AG, WE, RG, ZP ...)
    partner: str = ""  # KNVP-KUNN2, internal form; empty: the customer itself
    counter: str = ""  # KNVP-PARZA; empty: the next one of the function, from 000
    default_partner: str = ""  # KNVP-DEFPA


@dataclass(frozen=True, slots=True)
class SalesAreaData:
    sales_org: str  # KNVV-VKORG
    distribution_channel: str  # KNVV-VTWEG
    division: str  # KNVV-SPART
    customer_group: str = ""  # KNVV-KDGRP
    sales_district: str = ""  # KNVV-BZIRK
    currency: str = ""  # KNVV-WAERS
    delivering_plant: str = ""  # KNVV-VWERK
    shipping_conditions: str = ""  # KNVV-VSBED
    payment_terms: str = ""  # KNVV-ZTERM
    account_assignment_group: str = ""  # KNVV-KTGRD
    partial_delivery: str = ""  # KNVV-KZTLF
    order_block: str = ""  # KNVV-AUFSD
    delivery_block: str = ""  # KNVV-LIFSD
    deletion_flag: str = ""  # KNVV-LOEVM
    #: the full set of the area's partner functions; empty: the stored ones stay
    partners: tuple[PartnerFunction, ...] = ()
    #: KNVV's other standard fields by SAP name (KALKS, KONDA, INCO1 ...), internal format;
    #: one left out becomes initial, as the whole sales area is replaced
    #: (:data:`OTHER_SALES_AREA_FIELDS` lists the names allowed)
    other_fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CompanyCodeData:
    company_code: str  # KNB1-BUKRS
    reconciliation_account: str = ""  # KNB1-AKONT
    payment_terms: str = ""  # KNB1-ZTERM
    deletion_flag: str = ""  # KNB1-LOEVM


@dataclass(frozen=True, slots=True)
class CreditData:
    credit_control_area: str  # KNKK-KKBER
    credit_limit: Decimal = Decimal(0)  # KNKK-KLIMK
    credit_account: str = ""  # KNKK-KNKLI, internal form; empty: the customer itself
    risk_category: str = ""  # KNKK-CTLPC
    blocked: str = ""  # KNKK-CRBLB


@dataclass(frozen=True, slots=True)
class SaveCustomer:
    """Create or change a customer: the general data replace the stored ones, and so does
    every sales area, company code and credit control area the command names."""

    customer: str  # KNA1-KUNNR, internal form
    account_group: str = ""  # KNA1-KTOKD; empty: the stored one
    title: str = ""  # KNA1-ANRED
    name: str = ""  # KNA1-NAME1
    name_2: str = ""  # KNA1-NAME2
    search_term: str = ""  # KNA1-SORTL
    street: str = ""  # KNA1-STRAS
    city: str = ""  # KNA1-ORT01
    postal_code: str = ""  # KNA1-PSTLZ
    region: str = ""  # KNA1-REGIO
    country: str = ""  # KNA1-LAND1
    language: str = ""  # KNA1-SPRAS
    telephone: str = ""  # KNA1-TELF1
    vat_number: str = ""  # KNA1-STCEG
    order_block: str = ""  # KNA1-AUFSD
    delivery_block: str = ""  # KNA1-LIFSD
    billing_block: str = ""  # KNA1-FAKSD
    deletion_flag: str = ""  # KNA1-LOEVM
    #: KNA1's other standard fields by SAP name (BRSCH, NAME3, STCD1 ...), internal format;
    #: one left out becomes initial, as the general data are replaced
    #: (:data:`OTHER_GENERAL_FIELDS` lists the names allowed)
    other_fields: Mapping[str, str] = field(default_factory=dict)
    sales_areas: tuple[SalesAreaData, ...] = ()
    company_codes: tuple[CompanyCodeData, ...] = ()
    credit: tuple[CreditData, ...] = ()


@dataclass(frozen=True, slots=True)
class FlagCustomerForDeletion:
    """Set KNA1-LOEVM and nothing else (DEBMAS with MSGFN 003)."""

    customer: str  # KNA1-KUNNR, internal form


@dataclass(frozen=True, slots=True)
class CustomerPosted:
    """A checked change of one customer, not yet written (see :func:`write`)."""

    customer: str  # KNA1-KUNNR
    created: bool
    flagged_for_deletion: bool
    message: SapMessage
    rows: RowChanges


def customer_number(raw: str) -> str:
    """A customer number as sent or entered (``3001``) in its internal form; F2 155 if it is
    too long."""
    try:
        return alpha_input(raw, 10)
    except ValueError:
        raise declared_error("F2", "155", raw) from None


# --- checking and planning (pure: lookups in, rows out) ---------------------------------------

def post(lookups: Lookups, command: SaveCustomer | FlagCustomerForDeletion) -> CustomerPosted:
    """Check a customer change the way DEBMAS inbound processing does and plan its rows.

    Raises :class:`fake_sap.errors.ApplicationError` with SAP's message on the first
    failed check; remembers a created customer in ``lookups`` for later IDocs of a packet.
    """
    kunnr = command.customer
    exists = lookups.exists(KIND, kunnr)
    if isinstance(command, FlagCustomerForDeletion):
        if not exists:
            raise declared_error("F2", "153", kunnr.lstrip("0"))
        return _flag_for_deletion(lookups, kunnr)
    ktokd = command.account_group or (lookups.attribute(KIND, kunnr) or "")
    deleting = command.deletion_flag == "X"
    if not exists and deleting:
        raise declared_error("F2", "153", kunnr.lstrip("0"))
    if not ktokd:
        raise declared_error("F2", "101", kunnr)
    if not lookups.has("T077D", ktokd):
        raise declared_error("F2", "102", ktokd)
    if not exists and not command.name:
        raise declared_error("F2", "103", kunnr)

    rows = RowChanges()
    rows.upserts.append((kna1, {
        **_other_fields(command.other_fields, OTHER_GENERAL_FIELDS, "KNA1"),
        "mandt": lookups.mandt, "kunnr": kunnr, "ktokd": ktokd, "anred": command.title,
        "name1": command.name, "name2": command.name_2, "sortl": command.search_term,
        "stras": command.street, "ort01": command.city, "pstlz": command.postal_code,
        "regio": command.region, "land1": command.country, "spras": command.language,
        "telf1": command.telephone, "stceg": command.vat_number,
        "aufsd": command.order_block, "lifsd": command.delivery_block,
        "faksd": command.billing_block, "loevm": "X" if deleting else "",
        "erdat": lookups.today, "ernam": lookups.user}))
    # remember first: a customer may name itself as partner (AG = WE = RG = itself)
    lookups.remember(KIND, kunnr, ktokd)
    for area in command.sales_areas:
        _post_sales_area(lookups, rows, kunnr, area)
    for company in command.company_codes:
        if not lookups.has("T001", company.company_code):
            raise declared_error("F2", "104", company.company_code)
        rows.upserts.append((knb1, {
            "mandt": lookups.mandt, "kunnr": kunnr, "bukrs": company.company_code,
            "akont": company.reconciliation_account, "zterm": company.payment_terms,
            "loevm": company.deletion_flag}))
    for credit in command.credit:
        kkber = credit.credit_control_area
        if not lookups.has("T014", kkber):
            raise declared_error("F2", "105", kkber)
        rows.upserts.append((knkk, {
            "mandt": lookups.mandt, "kunnr": kunnr, "kkber": kkber,
            "klimk": str(credit.credit_limit), "knkli": credit.credit_account or kunnr,
            "ctlpc": credit.risk_category, "crblb": credit.blocked}))
    return CustomerPosted(kunnr, not exists, deleting, _success(kunnr, exists, deleting), rows)


def _flag_for_deletion(lookups: Lookups, kunnr: str) -> CustomerPosted:
    """MSGFN 003 sets KNA1-LOEVM and nothing else: the rest of such an IDoc is ignored."""
    rows = RowChanges(updates=[(kna1, {"mandt": lookups.mandt, "kunnr": kunnr},
                                {"loevm": "X"})])
    return CustomerPosted(kunnr, False, True, _success(kunnr, exists=True, deleting=True),
                          rows)


def _post_sales_area(lookups: Lookups, rows: RowChanges, kunnr: str,
                     area: SalesAreaData) -> None:
    vkorg, vtweg, spart = area.sales_org, area.distribution_channel, area.division
    if not lookups.has("TVTA", sales_area_key(vkorg, vtweg, spart)):
        raise declared_error("F2", "106", vkorg, vtweg, spart)
    key = {"mandt": lookups.mandt, "kunnr": kunnr, "vkorg": vkorg, "vtweg": vtweg,
           "spart": spart}
    rows.upserts.append((knvv, {
        **_other_fields(area.other_fields, OTHER_SALES_AREA_FIELDS, "KNVV"),
        **key, "erdat": lookups.today, "ernam": lookups.user,
        "kdgrp": area.customer_group, "bzirk": area.sales_district,
        "waers": area.currency, "vwerk": area.delivering_plant,
        "vsbed": area.shipping_conditions, "zterm": area.payment_terms,
        "ktgrd": area.account_assignment_group, "kztlf": area.partial_delivery,
        "aufsd": area.order_block, "lifsd": area.delivery_block,
        "loevm": area.deletion_flag}))
    if area.partners:
        # the full set of partner functions of the sales area replaces the stored one
        rows.deletes.append((knvp, dict(key)))
    counters: dict[str, int] = {}
    for partner in area.partners:
        parvw = partner.function
        if not lookups.has("TPAR", parvw):
            raise declared_error("VP", "200", parvw)
        partner_number = partner.partner or kunnr
        if not lookups.exists(KIND, partner_number):
            raise sap_error("VP", "112", "Customer &1 (partner function &2) does not exist",
                            partner_number.lstrip("0"), parvw)
        if (parvw == PROVINCIAL_CENTER_PARTNER_FUNCTION
                and lookups.attribute(KIND, partner_number) != PROVINCIAL_CENTER_GROUP):
            raise sap_error("VP", "113", "Customer &1 is not a provincial center (account "
                                         "group &2)", partner_number.lstrip("0"),
                            PROVINCIAL_CENTER_GROUP)
        counters[parvw] = counters.get(parvw, 0) + 1
        parza = partner.counter or f"{counters[parvw] - 1:03d}"
        rows.upserts.append((knvp, {**key, "parvw": parvw, "parza": parza,
                                    "kunn2": partner_number,
                                    "defpa": partner.default_partner}))


def _other_fields(values: Mapping[str, str], allowed: frozenset[str], table: str
                  ) -> dict[str, str]:
    """The columns of a command's other fields; a name that is no such field is a mistake of
    the caller's mapping, not of the data."""
    unknown = values.keys() - allowed
    if unknown:
        raise ValueError(f"not other fields of {table}: {sorted(unknown)}")
    return {name.lower(): value for name, value in values.items()}


def _success(kunnr: str, exists: bool, deleting: bool) -> SapMessage:
    shown = kunnr.lstrip("0") or kunnr
    if deleting:
        return SapMessage("F2", "058", f"Customer {shown} flagged for deletion", "S", (shown,))
    if exists:
        return SapMessage("F2", "056", f"Customer {shown} has been changed", "S", (shown,))
    return SapMessage("F2", "172", f"Customer {shown} has been created", "S", (shown,))


# --- writing ----------------------------------------------------------------------------------

def write(conn: Connection, posted: Sequence[CustomerPosted]) -> None:
    """Write checked changes, many customers in bulk (no two about the same customer)."""
    write_changes(conn, [p.rows for p in posted], KEEP_ON_UPDATE)


def load(conn: Connection, rows: Mapping[Table, Sequence[dict[str, Any]]]) -> None:
    """An initial data load (``fake-sap seed``): rows written as given, with no checks and
    no change pointers; creation data and credit exposure of existing rows are kept."""
    changes = RowChanges()
    for table, table_rows in rows.items():
        if table not in TABLES:
            raise ValueError(f"{table.name} is not a table of the customer master")
        changes.upserts.extend((table, row) for row in table_rows)
    write_changes(conn, [changes], KEEP_ON_UPDATE)


def add_receivables(conn: Connection, mandt: str, kunnr: str, kkber: str,
                    delta: Decimal) -> None:
    """Accounting posted ``delta`` to the customer's receivables in credit control area
    ``kkber`` (KNKK-SKFOR); a customer without credit management data keeps none."""
    where = (knkk.c.mandt == mandt, knkk.c.kunnr == kunnr, knkk.c.kkber == kkber)
    current = conn.execute(select(knkk.c.skfor).where(*where)).scalar()
    if current is None:
        return  # no credit management data: nothing to keep up to date
    conn.execute(update(knkk).where(*where).values(
        skfor=f"{Decimal(current or 0) + delta:f}"))


# --- reading ----------------------------------------------------------------------------------

def known_groups(conn: Connection, mandt: str, kunnrs: Sequence[str]) -> dict[str, str]:
    """The account group (KTOKD) of each of ``kunnrs`` that exists."""
    rows = conn.execute(select(kna1.c.kunnr, kna1.c.ktokd).where(
        kna1.c.mandt == mandt, kna1.c.kunnr.in_(kunnrs)))
    return {r[0]: r[1] for r in rows}


def customer(conn: Connection, mandt: str, kunnr: str) -> dict[str, Any] | None:
    """The general data (KNA1 row) of a customer, None if it does not exist."""
    return master_data.customer(conn, mandt, kunnr)


def company_code_data(conn: Connection, mandt: str, kunnr: str,
                      bukrs: str) -> dict[str, Any] | None:
    """The company code data (KNB1 row), None if the customer is not created there."""
    row = conn.execute(select(knb1).where(knb1.c.mandt == mandt, knb1.c.kunnr == kunnr,
                                          knb1.c.bukrs == bukrs)).mappings().first()
    return dict(row) if row else None


def sales_areas(conn: Connection, mandt: str, kunnr: str) -> list[tuple[str, str, str]]:
    """The customer's sales areas (VKORG, VTWEG, SPART), as KNVV holds them."""
    rows = conn.execute(select(knvv.c.vkorg, knvv.c.vtweg, knvv.c.spart).where(
        knvv.c.mandt == mandt, knvv.c.kunnr == kunnr)).all()
    return [(r[0], r[1], r[2]) for r in rows]


def all_keys(conn: Connection, mandt: str) -> list[str]:
    """Every customer of the client, in KUNNR order (provincial centers, 0000900…, sort
    before their outlets, 0001000…, which point at them)."""
    return object_keys(conn, kna1, "kunnr", mandt)


class CustomerRows(NamedTuple):
    """All rows of one customer, as :func:`fake_sap.db.master_data.rows_by_object` reads
    them (plain tuples, columns in table order)."""

    general: Row  # KNA1
    sales_areas: list[Row]  # KNVV
    partners: list[Row]  # KNVP
    company_codes: list[Row]  # KNB1
    credit: list[Row]  # KNKK


def rows_of_many(conn: Connection, mandt: str,
                 kunnrs: Sequence[str]) -> dict[str, CustomerRows]:
    """Customers by KUNNR, every table's rows (unknown ones are left out). One query per
    table for the whole batch, not five per customer: BD12 reads a whole client."""
    heads = rows_by_object(conn, kna1, "kunnr", mandt, kunnrs)
    found = list(heads)
    areas, partners, companies, credits = (
        rows_by_object(conn, table, "kunnr", mandt, found)
        for table in (knvv, knvp, knb1, knkk))
    return {kunnr: CustomerRows(heads[kunnr][0], areas.get(kunnr, []),
                                partners.get(kunnr, []), companies.get(kunnr, []),
                                credits.get(kunnr, []))
            for kunnr in found}
