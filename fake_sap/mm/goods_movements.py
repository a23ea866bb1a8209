"""Material documents (MKPF/MSEG): each goods movement moves stock by its movement type.

| BWART | what it does to stock                                                  |
|-------|------------------------------------------------------------------------|
| 101   | GR for a stock transport order: receiving plant in transit -> unrestricted |
| 561   | initial entry of stock balances (unrestricted, quality or blocked)      |
| 601   | goods issue for a delivery: unrestricted -> gone                        |
| 631   | consignment fill-up: unrestricted -> consignment stock at the customer  |
| 641   | GI for a stock transport order: unrestricted -> in transit (receiving plant) |
| 651   | returns delivery receipt: -> blocked returns stock                      |
| 653   | returns delivery receipt: -> unrestricted                               |

Layer: business (MM). The one writer of MKPF and MSEG; stock quantities through ``stock``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select

from fake_sap.db.documents import mkpf, mseg
from fake_sap.errors import declared_error
from fake_sap.mm import stock

#: GOODSMVT_ITEM-STCK_TYPE for 561: blank unrestricted, X quality inspection, S blocked
STOCK_TYPE_COLUMNS = {"": "labst", "F": "labst", "X": "insme", "2": "insme", "S": "speme",
                      "3": "speme"}
SUPPORTED = ("101", "561", "601", "631", "641", "651", "653")


@dataclass
class MovementItem:
    bwart: str
    matnr: str
    werks: str
    lgort: str
    quantity: str
    unit: str
    kunnr: str = ""
    ebeln: str = ""
    ebelp: str = ""
    vbeln_im: str = ""
    vbelp_im: str = ""
    umwrk: str = ""
    umlgo: str = ""
    stock_type: str = ""
    text: str = ""


@dataclass
class MaterialDocument:
    mblnr: str
    mjahr: str
    budat: str
    bldat: str
    cpudt: str
    cputm: str
    usnam: str
    xblnr: str = ""
    bktxt: str = ""
    le_vbeln: str = ""
    items: list[MovementItem] | None = None

    def to_payload(self) -> dict:
        return asdict(self)

    @classmethod
    def from_payload(cls, data: dict) -> MaterialDocument:
        return cls(**{**data, "items": [MovementItem(**i) for i in data["items"] or []]})


def check_item(item: MovementItem) -> None:
    if item.bwart not in SUPPORTED:
        raise declared_error("M7", "076", item.bwart)
    try:
        if Decimal(item.quantity) <= 0:
            raise ValueError
    except (ArithmeticError, ValueError):
        raise declared_error("M7", "063", item.quantity) \
            from None
    if item.bwart == "631" and not item.kunnr:
        raise declared_error("M7", "098")
    if item.bwart in ("641", "101") and not (item.umwrk or item.bwart == "101"):
        raise declared_error("M7", "099")


def _effects(conn: Connection, mandt: str
             ) -> dict[str, Callable[[MovementItem, Decimal], object]]:
    def to_column(column: str) -> Callable[[MovementItem, Decimal], object]:
        return lambda i, q: _sloc(conn, mandt, i, column, q)

    return {
        "101": lambda i, q: (stock.change_in_transit(conn, mandt, i.matnr, i.werks, -q),
                             _sloc(conn, mandt, i, "labst", q)),
        "561": lambda i, q: _sloc(conn, mandt, i, STOCK_TYPE_COLUMNS.get(i.stock_type, "labst"),
                                  q),
        "601": lambda i, q: _sloc(conn, mandt, i, "labst", -q),
        "631": lambda i, q: (_sloc(conn, mandt, i, "labst", -q),
                             stock.change_consignment(conn, mandt, i.matnr, i.werks, i.kunnr,
                                                      q)),
        "641": lambda i, q: (_sloc(conn, mandt, i, "labst", -q),
                             stock.change_in_transit(conn, mandt, i.matnr, i.umwrk, q)),
        "651": to_column("retme"),
        "653": to_column("labst"),
    }


def _sloc(conn: Connection, mandt: str, item: MovementItem, column: str,
          delta: Decimal) -> Decimal:
    return stock.change_storage_location(conn, mandt, item.matnr, item.werks, item.lgort,
                                         column, delta)


def _transaction_type(document: MaterialDocument) -> str:
    """MKPF-VGART / BLART: WL goods movement for a delivery, WE goods receipt for a purchase
    order, WA any other goods movement."""
    if document.le_vbeln:
        return "WL"
    if any(item.bwart == "101" for item in document.items or []):
        return "WE"
    return "WA"


def post(conn: Connection, mandt: str, document: MaterialDocument) -> None:
    """Write the material document and move the stock; any deficit refuses it all."""
    items = document.items or []
    effects = _effects(conn, mandt)
    for item in items:
        check_item(item)
        effects[item.bwart](item, Decimal(item.quantity))
    kind = _transaction_type(document)
    conn.execute(insert(mkpf).values(
        mandt=mandt, mblnr=document.mblnr, mjahr=document.mjahr, vgart=kind, blart=kind,
        bldat=document.bldat, budat=document.budat, cpudt=document.cpudt,
        cputm=document.cputm, usnam=document.usnam, xblnr=document.xblnr,
        bktxt=document.bktxt, le_vbeln=document.le_vbeln))
    conn.execute(insert(mseg), [{
        "mandt": mandt, "mblnr": document.mblnr, "mjahr": document.mjahr,
        "zeile": f"{n:04d}", "bwart": i.bwart, "matnr": i.matnr, "werks": i.werks,
        "lgort": i.lgort, "charg": "", "insmk": i.stock_type, "sobkz": "W" if i.bwart == "631"
        else "", "kunnr": i.kunnr, "lifnr": "", "shkzg": "S" if i.bwart in ("101", "561",
                                                                            "651", "653")
        else "H", "menge": i.quantity, "meins": i.unit, "erfmg": i.quantity, "erfme": i.unit,
        "ebeln": i.ebeln, "ebelp": i.ebelp, "kdauf": "", "kdpos": "", "vbeln_im": i.vbeln_im,
        "vbelp_im": i.vbelp_im, "umwrk": i.umwrk, "umlgo": i.umlgo, "sgtxt": i.text,
    } for n, i in enumerate(items, start=1)])


# --- reading (the document flow display) ------------------------------------------------------

def document(conn: Connection, mandt: str, mblnr: str
             ) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """A material document (MKPF with its MSEG lines), newest year first; None if unknown."""
    header = conn.execute(select(mkpf).where(mkpf.c.mandt == mandt, mkpf.c.mblnr == mblnr)
                          .order_by(mkpf.c.mjahr.desc())).mappings().first()
    if header is None:
        return None
    lines = [dict(r) for r in conn.execute(select(mseg).where(
        mseg.c.mandt == mandt, mseg.c.mblnr == mblnr, mseg.c.mjahr == header["mjahr"])
        .order_by(mseg.c.zeile)).mappings()]
    return dict(header), lines
