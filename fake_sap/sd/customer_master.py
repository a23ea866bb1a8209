"""Customer master: posting DEBMAS IDocs and reading a customer back as DEBMAS segments.

Outlets and provincial centers are both customers (account groups ZOUT and ZPC). An outlet
names the provincial center it belongs to with partner function ZP in its sales-area
partner functions (KNVP / E1KNVPM), the ordinary SAP way to relate two customers.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from sqlalchemy import Connection, select

from fake_sap.ale.context import PostingContext
from fake_sap.ale.posting import Posting, SegmentFields, decimal_text
from fake_sap.conversion import alpha_input
from fake_sap.customizing import PROVINCIAL_CENTER_PARTNER_FUNCTION, sales_area_key
from fake_sap.db.master_data import Row, object_keys, position, rows_by_object
from fake_sap.db.schema import kna1, knb1, knkk, knvp, knvv
from fake_sap.errors import SapMessage, sap_error
from fake_sap.idoc.document import Idoc, SegmentData

KIND = "customer"
MESTYP = "DEBMAS"
DELETE = "003"
PROVINCIAL_CENTER_GROUP = "ZPC"


def _kunnr(raw: str) -> str:
    try:
        return alpha_input(raw, 10)
    except ValueError:
        raise sap_error("F2", "155", "Customer number &1 is too long", raw) from None


def object_key(idoc: Idoc) -> str:
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


def prefetch(conn: Connection, mandt: str, kunnrs: list[str]) -> dict[str, str]:
    rows = conn.execute(select(kna1.c.kunnr, kna1.c.ktokd).where(
        kna1.c.mandt == mandt, kna1.c.kunnr.in_(kunnrs)))
    return {r[0]: r[1] for r in rows}


def post(ctx: PostingContext, idoc: Idoc) -> Posting:
    header = idoc.first("E1KNA1M")
    assert header is not None
    kunnr = _kunnr(header.get("KUNNR"))
    exists = ctx.exists(KIND, kunnr)
    ktokd = header.get("KTOKD") or (ctx.attribute(KIND, kunnr) or "")
    deleting = header.get("MSGFN") == DELETE or header.get("LOEVM") == "X"
    if not exists and deleting:
        raise sap_error("F2", "153", "Customer &1 does not exist", kunnr.lstrip("0"))
    if header.get("MSGFN") == DELETE:
        return _flag_for_deletion(ctx, kunnr)
    if not ktokd:
        raise sap_error("F2", "101", "Account group is missing for new customer &1", kunnr)
    if not ctx.has("T077D", ktokd):
        raise sap_error("F2", "102", "Account group &1 does not exist", ktokd)
    if not exists and not header.get("NAME1"):
        raise sap_error("F2", "103", "Name is required for new customer &1", kunnr)

    posting = Posting(MESTYP, kunnr, "D" if deleting else ("U" if exists else "I"),
                      _success(kunnr, exists, deleting))
    posting.upserts.append((kna1, {
        "mandt": ctx.mandt, "kunnr": kunnr, "ktokd": ktokd,
        **{name.lower(): header.get(name) for name in (
            "ANRED", "NAME1", "NAME2", "SORTL", "STRAS", "ORT01", "PSTLZ", "REGIO", "LAND1",
            "SPRAS", "TELF1", "STCEG", "AUFSD", "LIFSD", "FAKSD")},
        "loevm": "X" if deleting else "", "erdat": ctx.today, "ernam": ctx.user}))
    # remember first: a customer may name itself as partner (AG = WE = RG = itself)
    ctx.remember(KIND, kunnr, ktokd)
    for area in header.all("E1KNVVM"):
        _post_sales_area(ctx, posting, kunnr, area)
    for company in header.all("E1KNB1M"):
        bukrs = company.get("BUKRS")
        if not ctx.has("T001", bukrs):
            raise sap_error("F2", "104", "Company code &1 does not exist", bukrs)
        posting.upserts.append((knb1, {
            "mandt": ctx.mandt, "kunnr": kunnr, "bukrs": bukrs, "akont": company.get("AKONT"),
            "zterm": company.get("ZTERM"), "loevm": company.get("LOEVM")}))
    for credit in header.all("E1KNKKM"):
        kkber = credit.get("KKBER")
        if not ctx.has("T014", kkber):
            raise sap_error("F2", "105", "Credit control area &1 does not exist", kkber)
        posting.upserts.append((knkk, {
            "mandt": ctx.mandt, "kunnr": kunnr, "kkber": kkber,
            "klimk": decimal_text(credit.get("KLIMK"), "KLIMK"),
            "knkli": alpha_input(credit.get("KNKLI") or kunnr, 10),
            "ctlpc": credit.get("CTLPC"), "crblb": credit.get("CRBLB"),
            "skfor": "0", "ssobl": "0", "sauft": "0"}))
    return posting


def _flag_for_deletion(ctx: PostingContext, kunnr: str) -> Posting:
    """MSGFN 003 sets KNA1-LOEVM and nothing else: the rest of such an IDoc is ignored."""
    posting = Posting(MESTYP, kunnr, "D", _success(kunnr, exists=True, deleting=True))
    posting.updates.append((kna1, {"mandt": ctx.mandt, "kunnr": kunnr}, {"loevm": "X"}))
    return posting


def _post_sales_area(ctx: PostingContext, posting: Posting, kunnr: str,
                     area: SegmentData) -> None:
    vkorg, vtweg, spart = area.get("VKORG"), area.get("VTWEG"), area.get("SPART")
    if not ctx.has("TVTA", sales_area_key(vkorg, vtweg, spart)):
        raise sap_error("F2", "106", "Sales area &1/&2/&3 is not defined", vkorg, vtweg, spart)
    posting.upserts.append((knvv, {
        "mandt": ctx.mandt, "kunnr": kunnr, "vkorg": vkorg, "vtweg": vtweg, "spart": spart,
        **{name.lower(): area.get(name) for name in (
            "KDGRP", "BZIRK", "WAERS", "VWERK", "VSBED", "ZTERM", "KTGRD", "KZTLF", "AUFSD",
            "LIFSD", "LOEVM")}}))
    partners = area.all("E1KNVPM")
    if partners:
        # a 005 IDoc carries the full set of partner functions of the sales area
        posting.deletes.append((knvp, {"mandt": ctx.mandt, "kunnr": kunnr, "vkorg": vkorg,
                                       "vtweg": vtweg, "spart": spart}))
    counters: dict[str, int] = {}
    for partner in partners:
        parvw = partner.get("PARVW")
        if not ctx.has("TPAR", parvw):
            raise sap_error("VP", "200", "Partner function &1 is not defined", parvw)
        partner_number = _kunnr(partner.get("KUNN2") or kunnr)
        if not ctx.exists(KIND, partner_number):
            raise sap_error("VP", "112", "Customer &1 (partner function &2) does not exist",
                            partner_number.lstrip("0"), parvw)
        if (parvw == PROVINCIAL_CENTER_PARTNER_FUNCTION
                and ctx.attribute(KIND, partner_number) != PROVINCIAL_CENTER_GROUP):
            raise sap_error("VP", "113", "Customer &1 is not a provincial center (account "
                                         "group &2)", partner_number.lstrip("0"),
                            PROVINCIAL_CENTER_GROUP)
        counters[parvw] = counters.get(parvw, 0) + 1
        parza = partner.get("PARZA") or f"{counters[parvw] - 1:03d}"
        posting.upserts.append((knvp, {
            "mandt": ctx.mandt, "kunnr": kunnr, "vkorg": vkorg, "vtweg": vtweg,
            "spart": spart, "parvw": parvw, "parza": parza, "kunn2": partner_number,
            "defpa": partner.get("DEFPA")}))


def _success(kunnr: str, exists: bool, deleting: bool) -> SapMessage:
    shown = kunnr.lstrip("0") or kunnr
    if deleting:
        return SapMessage("F2", "058", f"Customer {shown} flagged for deletion", "S", (shown,))
    if exists:
        return SapMessage("F2", "056", f"Customer {shown} has been changed", "S", (shown,))
    return SapMessage("F2", "172", f"Customer {shown} has been created", "S", (shown,))


# --- outbound ---------------------------------------------------------------------------------

def key_input(raw: str) -> str:
    """A customer number as entered (``3001``) in its internal form; ValueError if too long."""
    return alpha_input(raw, 10)


def all_keys(conn: Connection, mandt: str) -> list[str]:
    """Every customer of the client, in KUNNR order (provincial centers, 0000900…, sort
    before their outlets, 0001000…, which point at them)."""
    return object_keys(conn, kna1, "kunnr", mandt)


def read_segments_many(conn: Connection, mandt: str,
                       kunnrs: Sequence[str]) -> dict[str, list[SegmentData]]:
    """Customers as full DEBMAS07 replacements (MSGFN 005) by KUNNR; unknown ones are left
    out. One query per table for the whole batch, not five per customer."""
    heads = rows_by_object(conn, kna1, "kunnr", mandt, kunnrs)
    found = list(heads)
    areas, partners, companies, credits = (
        rows_by_object(conn, table, "kunnr", mandt, found)
        for table in (knvv, knvp, knb1, knkk))
    return {kunnr: [_customer_segment(heads[kunnr][0], areas.get(kunnr, []),
                                      partners.get(kunnr, []), companies.get(kunnr, []),
                                      credits.get(kunnr, []))]
            for kunnr in found}


_E1KNA1M = SegmentFields(kna1, skip=("mandt", "erdat", "ernam"))
_E1KNVVM = SegmentFields(knvv, skip=("mandt", "kunnr"))
_E1KNVPM = SegmentFields(knvp, skip=("mandt", "kunnr", "vkorg", "vtweg", "spart"))
_E1KNB1M = SegmentFields(knb1, skip=("mandt", "kunnr"))
_E1KNKKM = SegmentFields(knkk, skip=("mandt", "kunnr", "skfor", "ssobl", "sauft"))


#: the sales area of a KNVV or KNVP row
_AREA = itemgetter(*(position(knvv, c) for c in ("vkorg", "vtweg", "spart")))
_PARTNER_AREA = itemgetter(*(position(knvp, c) for c in ("vkorg", "vtweg", "spart")))


def _customer_segment(head: Row, areas: list[Row], partners: list[Row], companies: list[Row],
                      credits: list[Row]) -> SegmentData:
    msgfn = "005"
    header = SegmentData("E1KNA1M", _E1KNA1M.values(head, msgfn))
    for area in areas:
        sales_area = _AREA(area)
        header.children.append(SegmentData("E1KNVVM", _E1KNVVM.values(area, msgfn), [
            SegmentData("E1KNVPM", _E1KNVPM.values(partner, msgfn))
            for partner in partners if _PARTNER_AREA(partner) == sales_area]))
    for company in companies:
        header.children.append(SegmentData("E1KNB1M", _E1KNB1M.values(company, msgfn)))
    for credit in credits:
        header.children.append(SegmentData("E1KNKKM", _E1KNKKM.values(credit, msgfn)))
    return header
