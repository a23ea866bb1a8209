"""Material master: posting MATMAS IDocs and reading a material back as MATMAS segments.

The CRM needs four prices per material. MATMAS carries prices only in the valuation
segment E1MBEWM, so the four are taken from there (see docs/master-data.md):
standard price STPRS, moving average price VERPR, planned price 1 ZPLP1 (outlet purchase
price) and planned price 2 ZPLP2 (retail price).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from fake_sap.ale.context import PostingContext
from fake_sap.ale.posting import Posting, SegmentFields, decimal_text
from fake_sap.conversion import matn1_input
from fake_sap.db.master_data import Row, object_keys, position, rows_by_object
from fake_sap.db.schema import makt, mara, marc, mard, mbew, mvke
from fake_sap.errors import SapMessage, sap_error
from fake_sap.idoc.document import Idoc, SegmentData

KIND = "material"
MESTYP = "MATMAS"
DELETE = "003"

#: internal one-character language keys for the ISO codes the project uses
LANGUAGES_BY_ISO = {"EN": "E", "ZH": "1", "DE": "D"}
ISO_BY_LANGUAGE = {v: k for k, v in LANGUAGES_BY_ISO.items()}


def object_key(idoc: Idoc) -> str:
    header = idoc.first("E1MARAM")
    raw = header.get("MATNR") if header else ""
    try:
        return matn1_input(raw)
    except ValueError:
        return raw


def prefetch(conn: Connection, mandt: str, matnrs: list[str]) -> dict[str, str]:
    rows = conn.execute(select(mara.c.matnr, mara.c.mtart).where(
        mara.c.mandt == mandt, mara.c.matnr.in_(matnrs)))
    return {r[0]: r[1] for r in rows}


def post(ctx: PostingContext, idoc: Idoc) -> Posting:
    header = idoc.first("E1MARAM")
    assert header is not None  # the syntax check guarantees exactly one
    try:
        matnr = matn1_input(header.get("MATNR"))
    except ValueError:
        raise sap_error("M3", "305", "Material number &1 is too long",
                        header.get("MATNR")) from None
    exists = ctx.exists(KIND, matnr)
    mtart = header.get("MTART") or (ctx.attribute(KIND, matnr) or "")
    deleting = header.get("MSGFN") == DELETE or header.get("LVORM") == "X"
    if not exists and deleting:
        raise sap_error("M3", "305", "Material &1 does not exist", matnr.lstrip("0"))
    if header.get("MSGFN") == DELETE:
        return _flag_for_deletion(ctx, matnr)
    if not mtart:
        raise sap_error("M3", "302", "Material type is missing for new material &1", matnr)
    if not ctx.has("T134", mtart):
        raise sap_error("M3", "158", "Material type &1 does not exist", mtart)
    meins = header.get("MEINS")
    if not meins and not exists:
        raise sap_error("M3", "302", "Base unit of measure is missing for new material &1",
                        matnr)
    if meins and not ctx.has("T006", meins):
        raise sap_error("M3", "351", "Unit of measure &1 is not defined", meins)

    posting = Posting(MESTYP, matnr, "D" if deleting else ("U" if exists else "I"),
                      _success(matnr, exists, deleting))
    posting.upserts.append((mara, {
        "mandt": ctx.mandt, "matnr": matnr, "mtart": mtart,
        "mbrsh": header.get("MBRSH") or "M", "matkl": header.get("MATKL"),
        "meins": meins or "ST", "spart": header.get("SPART"), "bismt": header.get("BISMT"),
        "mtpos_mara": header.get("MTPOS_MARA"), "brgew": header.get("BRGEW"),
        "ntgew": header.get("NTGEW"), "gewei": header.get("GEWEI"),
        "lvorm": "X" if deleting else "", "ersda": header.get("ERSDA") or ctx.today,
        "ernam": header.get("ERNAM") or ctx.user, "laeda": ctx.today, "aenam": ctx.user,
    }))
    for text in header.all("E1MAKTM"):
        posting.upserts.append((makt, {
            "mandt": ctx.mandt, "matnr": matnr, "spras": _language(text),
            "maktx": text.get("MAKTX")}))
    for plant in header.all("E1MARCM"):
        _post_plant(ctx, posting, matnr, plant)
    for valuation in header.all("E1MBEWM"):
        _post_valuation(ctx, posting, matnr, valuation)
    for sales in header.all("E1MVKEM"):
        _post_sales(ctx, posting, matnr, sales)
    if not exists and not header.all("E1MAKTM"):
        raise sap_error("M3", "302", "A description is required for new material &1", matnr)
    ctx.remember(KIND, matnr, mtart)
    return posting


def _flag_for_deletion(ctx: PostingContext, matnr: str) -> Posting:
    """MSGFN 003 sets MARA-LVORM and nothing else: the rest of such an IDoc is ignored."""
    posting = Posting(MESTYP, matnr, "D", _success(matnr, exists=True, deleting=True))
    posting.updates.append((mara, {"mandt": ctx.mandt, "matnr": matnr},
                            {"lvorm": "X", "laeda": ctx.today, "aenam": ctx.user}))
    return posting


def _language(text: SegmentData) -> str:
    spras = text.get("SPRAS")
    if spras:
        return spras
    iso = text.get("SPRAS_ISO").upper()
    if iso in LANGUAGES_BY_ISO:
        return LANGUAGES_BY_ISO[iso]
    raise sap_error("M3", "312", "Language &1 is not defined", iso or "(empty)")


def _post_plant(ctx: PostingContext, posting: Posting, matnr: str,
                plant: SegmentData) -> None:
    werks = plant.get("WERKS")
    if not ctx.has("T001W", werks):
        raise sap_error("M3", "351", "Plant &1 does not exist", werks)
    posting.upserts.append((marc, {
        "mandt": ctx.mandt, "matnr": matnr, "werks": werks, "ekgrp": plant.get("EKGRP"),
        "dismm": plant.get("DISMM"), "mtvfp": plant.get("MTVFP"), "prctr": plant.get("PRCTR"),
        "lvorm": plant.get("LVORM"), "trame": "0"}))
    for location in plant.all("E1MARDM"):
        lgort = location.get("LGORT")
        if not ctx.has("T001L", f"{werks}/{lgort}"):
            raise sap_error("M3", "351", "Storage location &1 does not exist in plant &2",
                            lgort, werks)
        posting.upserts.append((mard, {
            "mandt": ctx.mandt, "matnr": matnr, "werks": werks, "lgort": lgort,
            "lgpbe": location.get("LGPBE"), "lvorm": location.get("LVORM"),
            "labst": "0", "insme": "0", "speme": "0", "retme": "0"}))


def _post_valuation(ctx: PostingContext, posting: Posting, matnr: str,
                    valuation: SegmentData) -> None:
    bwkey = valuation.get("BWKEY")
    if not ctx.has("T001W", bwkey):
        raise sap_error("M3", "351", "Valuation area &1 does not exist", bwkey)
    vprsv = valuation.get("VPRSV") or "S"
    if vprsv not in ("S", "V"):
        raise sap_error("M3", "352", "Price control &1 is not allowed", vprsv)
    posting.upserts.append((mbew, {
        "mandt": ctx.mandt, "matnr": matnr, "bwkey": bwkey, "bwtar": valuation.get("BWTAR"),
        "vprsv": vprsv,
        "verpr": decimal_text(valuation.get("VERPR"), "VERPR"),
        "stprs": decimal_text(valuation.get("STPRS"), "STPRS"),
        "peinh": valuation.get("PEINH") or "1", "bklas": valuation.get("BKLAS"),
        "zplp1": decimal_text(valuation.get("ZPLP1"), "ZPLP1"),
        "zplp2": decimal_text(valuation.get("ZPLP2"), "ZPLP2")}))


def _post_sales(ctx: PostingContext, posting: Posting, matnr: str, sales: SegmentData) -> None:
    vkorg, vtweg = sales.get("VKORG"), sales.get("VTWEG")
    if not ctx.has("TVKO", vkorg) or not ctx.has("TVTW", vtweg):
        raise sap_error("M3", "351", "Sales organization &1 / distribution channel &2 is "
                                     "not defined", vkorg, vtweg)
    dwerk = sales.get("DWERK")
    if dwerk and not ctx.has("T001W", dwerk):
        raise sap_error("M3", "351", "Delivering plant &1 does not exist", dwerk)
    posting.upserts.append((mvke, {
        "mandt": ctx.mandt, "matnr": matnr, "vkorg": vkorg, "vtweg": vtweg, "dwerk": dwerk,
        "vrkme": sales.get("VRKME"), "mtpos": sales.get("MTPOS"), "versg": sales.get("VERSG"),
        "ktgrm": sales.get("KTGRM"), "lvorm": sales.get("LVORM")}))


def _success(matnr: str, exists: bool, deleting: bool) -> SapMessage:
    shown = matnr.lstrip("0") or matnr
    if deleting:
        return SapMessage("M3", "810", f"Material {shown} flagged for deletion", "S", (shown,))
    if exists:
        return SapMessage("M3", "801", f"Material {shown} changed", "S", (shown,))
    return SapMessage("M3", "800", f"Material {shown} created", "S", (shown,))


# --- outbound ---------------------------------------------------------------------------------

def key_input(raw: str) -> str:
    """A material number as entered (``4711``) in its internal form; ValueError if too long."""
    return matn1_input(raw)


def all_keys(conn: Connection, mandt: str) -> list[str]:
    """Every material of the client, in MATNR order."""
    return object_keys(conn, mara, "matnr", mandt)


def read_segments_many(conn: Connection, mandt: str,
                       matnrs: Sequence[str]) -> dict[str, list[SegmentData]]:
    """Materials as full MATMAS05 replacements (MSGFN 005) by MATNR; unknown ones are left
    out. One query per table for the whole batch, not six per material."""
    heads = rows_by_object(conn, mara, "matnr", mandt, matnrs)
    found = list(heads)
    texts, plants, locations, valuations, sales = (
        rows_by_object(conn, table, "matnr", mandt, found)
        for table in (makt, marc, mard, mbew, mvke))
    return {matnr: [_material_segment(heads[matnr][0], texts.get(matnr, []),
                                      plants.get(matnr, []), locations.get(matnr, []),
                                      valuations.get(matnr, []), sales.get(matnr, []))]
            for matnr in found}


_E1MARAM = SegmentFields(mara, skip=("mandt",))
_E1MARCM = SegmentFields(marc, skip=("mandt", "matnr", "trame"))
_E1MARDM = SegmentFields(mard, skip=("mandt", "matnr", "werks", "labst", "insme", "speme",
                                     "retme"))
_E1MBEWM = SegmentFields(mbew, skip=("mandt", "matnr"))
_E1MVKEM = SegmentFields(mvke, skip=("mandt", "matnr"))
_TEXT_SPRAS, _TEXT_MAKTX = position(makt, "spras"), position(makt, "maktx")
_PLANT_WERKS, _LOCATION_WERKS = position(marc, "werks"), position(mard, "werks")


def _material_segment(head: Row, texts: list[Row], plants: list[Row], locations: list[Row],
                      valuations: list[Row], sales_data: list[Row]) -> SegmentData:
    msgfn = "005"
    header = SegmentData("E1MARAM", _E1MARAM.values(head, msgfn))
    for text in texts:
        spras = text[_TEXT_SPRAS]
        values = {"MSGFN": msgfn, "SPRAS": spras, "MAKTX": text[_TEXT_MAKTX]}
        if spras in ISO_BY_LANGUAGE:
            values["SPRAS_ISO"] = ISO_BY_LANGUAGE[spras]
        header.children.append(SegmentData("E1MAKTM", values))
    for plant in plants:
        werks = plant[_PLANT_WERKS]
        header.children.append(SegmentData("E1MARCM", _E1MARCM.values(plant, msgfn), [
            SegmentData("E1MARDM", _E1MARDM.values(location, msgfn))
            for location in locations if location[_LOCATION_WERKS] == werks]))
    for valuation in valuations:
        header.children.append(SegmentData("E1MBEWM", _E1MBEWM.values(valuation, msgfn)))
    for sales in sales_data:
        header.children.append(SegmentData("E1MVKEM", _E1MVKEM.values(sales, msgfn)))
    return header
