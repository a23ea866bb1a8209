"""Inbound DEBMAS (process code DEBM): a customer master IDoc as a customer command.

Layer: ALE. Maps the IDoc to :class:`fake_sap.sd.customer_master.SaveCustomer` (or
:class:`~fake_sap.sd.customer_master.FlagCustomerForDeletion` for MSGFN 003) and posts it
through the customer master.

Field values that are not business values (an amount that is no number, a partner number
that is too long) are refused while mapping, before the business checks see the IDoc. The
sales area's currency (E1KNVVM WAERS) travels as an ISO code and is converted to the client's
internal currency here; the country (E1KNA1M LAND1) is SAP's country key and stays as sent.
The language is E1KNA1M SPRAS, or, when a sender fills only SPRAS_ISO, that ISO code
converted to SAP's language key, as for the material texts (E1MAKTM).
Every standard E1KNA1M and E1KNVVM field that KNA1 or KNVV has a field of the same name for
is stored there, whether or not a business rule reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Connection

from fake_sap.ale.inbound.values import (
    ISO_CONVERSION_ERROR,
    NOT_KEPT,
    IsoFields,
    SegmentReads,
    amount,
    segment_number,
)
from fake_sap.ale.posting import Posting
from fake_sap.basis import iso_codes
from fake_sap.basis.iso_codes import IsoCodes
from fake_sap.conversion import alpha_input
from fake_sap.ddic.tables.customer import KNA1, KNVV
from fake_sap.ddic.tables.declaration import TableDeclaration
from fake_sap.ddic.types import LANGUAGE_KEYS, PACKED_TYPES, AbapType
from fake_sap.errors import sap_error
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.model import Segment
from fake_sap.idoc.types.debmas07 import E1KNA1M, E1KNVVM
from fake_sap.lookups import Lookups
from fake_sap.sd import customer_master
from fake_sap.sd.customer_master import (
    CompanyCodeData,
    CreditData,
    CustomerPosted,
    FlagCustomerForDeletion,
    PartnerFunction,
    SalesAreaData,
    SaveCustomer,
)

MESTYP = "DEBMAS"
KIND = customer_master.KIND
#: MSGFN of an IDoc that only flags the customer for deletion
DELETE = "003"


class OtherFields:
    """The fields of a segment stored in the table field of the same name beyond those the
    command names (E1KNVVM KALKS, INCO1 ...; E1KNA1M BRSCH, NAME3 ...): all of them, the
    NUMC ones among them (zero-padded to their length in the table) and the packed ones
    (checked to be numbers)."""

    def __init__(self, segment: Segment, table: TableDeclaration,
                 allowed: frozenset[str]) -> None:
        self.names = tuple(f.name for f in segment.fields if f.name in allowed)
        declared = {name: table.field(name) for name in self.names}
        self.numc = {name: d.type.length for name, d in declared.items()
                     if d is not None and d.type.type is AbapType.NUMC}
        self.packed = tuple(name for name, d in declared.items()
                            if d is not None and d.type.type in PACKED_TYPES)

    def values(self, data: SegmentData) -> dict[str, str]:
        """Every field with its value, empty where the IDoc leaves it out (the segment
        replaces what is stored, so an empty field becomes initial)."""
        field = data.values.get
        values = {name: field(name, "") for name in self.names}
        for name, length in self.numc.items():
            value = values[name]
            if value and value.isdigit():
                values[name] = value.zfill(length)
        for name in self.packed:
            amount(values[name], name)  # B1 052 for a value that is no number
        return values


_OTHER_GENERAL = OtherFields(E1KNA1M, KNA1, customer_master.OTHER_GENERAL_FIELDS)
_OTHER_SALES_AREA = OtherFields(E1KNVVM, KNVV, customer_master.OTHER_SALES_AREA_FIELDS)

# The segment fields this mapping reads and the SaveCustomer field each one fills. The mapping
# reads them directly (this runs for every IDoc of a packet); a unit test runs it over IDocs
# that fill every field and proves that it reads these fields and no other. Any other field
# of a DEBMAS07 IDoc is kept in the stored IDoc only.
HEADER = SegmentReads("E1KNA1M", {
    "MSGFN": NOT_KEPT,  # 003: the command is a deletion flag
    "KUNNR": "customer", "KTOKD": "account_group", "ANRED": "title", "NAME1": "name",
    "NAME2": "name_2", "SORTL": "search_term", "STRAS": "street", "ORT01": "city",
    "PSTLZ": "postal_code", "REGIO": "region", "LAND1": "country", "SPRAS": "language",
    "SPRAS_ISO": "language",  # when SPRAS is empty
    "TELF1": "telephone", "STCEG": "vat_number", "AUFSD": "order_block",
    "LIFSD": "delivery_block", "FAKSD": "billing_block", "LOEVM": "deletion_flag",
    # every other E1KNA1M field with a KNA1 field of the same name (BRSCH, NAME3 ...)
    **dict.fromkeys(_OTHER_GENERAL.names, "other_fields")})
SALES_AREA = SegmentReads("E1KNVVM", {
    "VKORG": "sales_areas.sales_org", "VTWEG": "sales_areas.distribution_channel",
    "SPART": "sales_areas.division", "KDGRP": "sales_areas.customer_group",
    "BZIRK": "sales_areas.sales_district", "WAERS": "sales_areas.currency",
    "VWERK": "sales_areas.delivering_plant", "VSBED": "sales_areas.shipping_conditions",
    "ZTERM": "sales_areas.payment_terms", "KTGRD": "sales_areas.account_assignment_group",
    "KZTLF": "sales_areas.partial_delivery", "AUFSD": "sales_areas.order_block",
    "LIFSD": "sales_areas.delivery_block", "LOEVM": "sales_areas.deletion_flag",
    # every other E1KNVVM field with a KNVV field of the same name (KALKS, INCO1 ...)
    **dict.fromkeys(_OTHER_SALES_AREA.names, "sales_areas.other_fields")})
PARTNER = SegmentReads("E1KNVPM", {
    "PARVW": "sales_areas.partners.function", "KUNN2": "sales_areas.partners.partner",
    "PARZA": "sales_areas.partners.counter", "DEFPA": "sales_areas.partners.default_partner"})
COMPANY_CODE = SegmentReads("E1KNB1M", {
    "BUKRS": "company_codes.company_code", "AKONT": "company_codes.reconciliation_account",
    "ZTERM": "company_codes.payment_terms", "LOEVM": "company_codes.deletion_flag"})
CREDIT = SegmentReads("E1KNKKM", {
    "KKBER": "credit.credit_control_area", "KLIMK": "credit.credit_limit",
    "KNKLI": "credit.credit_account", "CTLPC": "credit.risk_category",
    "CRBLB": "credit.blocked"})
#: every segment this mapping reads; a segment not listed is not read at all
READS = (HEADER, SALES_AREA, PARTNER, COMPANY_CODE, CREDIT)


def object_key(idoc: Idoc) -> str:
    """The customer number, internal form (as sent if it cannot be converted)."""
    header = idoc.first("E1KNA1M")
    raw = header.get("KUNNR") if header else ""
    try:
        return alpha_input(raw, 10)
    except ValueError:
        return raw


def referenced_keys(idoc: Idoc) -> list[str]:
    """Customers this IDoc points at (partner functions), for prefetching."""
    header = idoc.first("E1KNA1M")
    keys = []
    for area in header.all("E1KNVVM") if header else []:
        for partner in area.all("E1KNVPM"):
            if partner.get("KUNN2"):
                try:
                    keys.append(alpha_input(partner.get("KUNN2"), 10))
                except ValueError:
                    pass
    return keys


def to_command(idoc: Idoc, codes: IsoCodes = iso_codes.BASELINE
               ) -> SaveCustomer | FlagCustomerForDeletion:
    """The command an IDoc stands for (the syntax check guarantees one E1KNA1M); currencies
    converted from ISO with ``codes``."""
    header = idoc.first("E1KNA1M")
    assert header is not None
    kunnr = customer_master.customer_number(header.get("KUNNR"))
    if header.get("MSGFN") == DELETE:
        return FlagCustomerForDeletion(kunnr)
    iso = IsoFields(idoc, codes)
    return SaveCustomer(
        customer=kunnr, account_group=header.get("KTOKD"), title=header.get("ANRED"),
        name=header.get("NAME1"), name_2=header.get("NAME2"),
        search_term=header.get("SORTL"), street=header.get("STRAS"),
        city=header.get("ORT01"), postal_code=header.get("PSTLZ"),
        region=header.get("REGIO"), country=header.get("LAND1"),
        language=_language(idoc, header), telephone=header.get("TELF1"),
        vat_number=header.get("STCEG"), order_block=header.get("AUFSD"),
        delivery_block=header.get("LIFSD"), billing_block=header.get("FAKSD"),
        deletion_flag="X" if header.get("LOEVM") == "X" else "",
        other_fields=_OTHER_GENERAL.values(header),
        sales_areas=tuple(_sales_area(area, iso) for area in header.all("E1KNVVM")),
        company_codes=tuple(
            CompanyCodeData(company.get("BUKRS"), company.get("AKONT"), company.get("ZTERM"),
                            company.get("LOEVM"))
            for company in header.all("E1KNB1M")),
        credit=tuple(_credit(credit) for credit in header.all("E1KNKKM")))


def _language(idoc: Idoc, header: SegmentData) -> str:
    """KNA1-SPRAS: SPRAS as sent, else SPRAS_ISO as SAP's one-character key (T002).

    An ISO code without a language key is refused with the ALE layer's ISO conversion
    message (VII 003), as a unit or currency without a conversion is."""
    spras = header.get("SPRAS")
    if spras:
        return spras
    iso = header.get("SPRAS_ISO")
    if not iso:
        return ""
    if iso.upper() in LANGUAGE_KEYS:
        return LANGUAGE_KEYS[iso.upper()]
    raise sap_error(*ISO_CONVERSION_ERROR, iso,
                    str(segment_number(idoc, header)).zfill(6), header.name, "SPRAS_ISO",
                    field="SPRAS_ISO")


def _sales_area(area: SegmentData, iso: IsoFields) -> SalesAreaData:
    return SalesAreaData(
        sales_org=area.get("VKORG"), distribution_channel=area.get("VTWEG"),
        division=area.get("SPART"), customer_group=area.get("KDGRP"),
        sales_district=area.get("BZIRK"), currency=iso.currency(area, "WAERS"),
        delivering_plant=area.get("VWERK"), shipping_conditions=area.get("VSBED"),
        payment_terms=area.get("ZTERM"), account_assignment_group=area.get("KTGRD"),
        partial_delivery=area.get("KZTLF"), order_block=area.get("AUFSD"),
        delivery_block=area.get("LIFSD"), deletion_flag=area.get("LOEVM"),
        other_fields=_OTHER_SALES_AREA.values(area),
        partners=tuple(
            PartnerFunction(
                partner.get("PARVW"),
                customer_master.customer_number(partner.get("KUNN2"))
                if partner.get("KUNN2") else "",
                partner.get("PARZA"), partner.get("DEFPA"))
            for partner in area.all("E1KNVPM")))


def _credit(credit: SegmentData) -> CreditData:
    credit_account = credit.get("KNKLI")
    return CreditData(
        credit_control_area=credit.get("KKBER"),
        credit_limit=amount(credit.get("KLIMK"), "KLIMK"),
        credit_account=alpha_input(credit_account, 10) if credit_account else "",
        risk_category=credit.get("CTLPC"), blocked=credit.get("CRBLB"))


def prefetch(conn: Connection, mandt: str, kunnrs: list[str]) -> dict[str, str]:
    """The customers of a chunk (and those they point at) that exist, with their group."""
    return customer_master.known_groups(conn, mandt, kunnrs)


def post(lookups: Lookups, idoc: Idoc) -> Posting:
    """Check the IDoc's customer change; written later by :func:`write`."""
    codes = iso_codes.for_posting(lookups.conn, lookups.mandt)
    posted = customer_master.post(lookups, to_command(idoc, codes))
    change = "D" if posted.flagged_for_deletion else ("I" if posted.created else "U")
    return Posting(MESTYP, posted.customer, change, posted.message, posted)


def write(conn: Connection, mandt: str, results: Sequence[object]) -> None:
    # the results of this module's post(), and nothing else
    customer_master.write(conn, cast(Sequence[CustomerPosted], results))
