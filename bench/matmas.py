"""Realistic MATMAS05 IDoc-XML, written as text so that huge packets stream to a file.

Each IDoc looks like what an ECC/S4 system sends for a finished product: the full EDI_DC40,
E1MARAM with the usual general data, short texts in English and Chinese, one plant with one
storage location, one valuation area carrying the four prices, and one sales area.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

SENDER = "ERPCLNT100"
CLIENT = "100"

#: ``{n}`` is the material number and sender DOCNUM, ``{docnum}`` the latter padded to 16
IDOC_TEMPLATE = (
    '<IDOC BEGIN="1">'
    '<EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><MANDT>' + CLIENT + "</MANDT>"
    "<DOCNUM>{docnum}</DOCNUM><DOCREL>750</DOCREL><STATUS>30</STATUS><DIRECT>1</DIRECT>"
    "<OUTMOD>2</OUTMOD><IDOCTYP>MATMAS05</IDOCTYP><MESTYP>MATMAS</MESTYP>"
    "<SNDPOR>SAPERP</SNDPOR><SNDPRT>LS</SNDPRT><SNDPRN>" + SENDER + "</SNDPRN>"
    "<RCVPOR>FAKESAP</RCVPOR><RCVPRT>LS</RCVPRT><RCVPRN>FSPCLNT" + CLIENT + "</RCVPRN>"
    "<CREDAT>20261128</CREDAT><CRETIM>101500</CRETIM><SERIAL>20261128101500</SERIAL>"
    "</EDI_DC40>"
    '<E1MARAM SEGMENT="1"><MSGFN>005</MSGFN><MATNR>{n}</MATNR><ERSDA>20260115</ERSDA>'
    "<ERNAM>MDM_BATCH</ERNAM><MTART>FERT</MTART><MBRSH>M</MBRSH><MATKL>PUMPS</MATKL>"
    "<BISMT>OLD-{n}</BISMT><MEINS>ST</MEINS><BRGEW>12.500</BRGEW><NTGEW>11.200</NTGEW>"
    "<GEWEI>KG</GEWEI><SPART>00</SPART><MTPOS_MARA>NORM</MTPOS_MARA>"
    '<E1MAKTM SEGMENT="1"><MSGFN>005</MSGFN><SPRAS>E</SPRAS>'
    "<MAKTX>Centrifugal pump {n}</MAKTX><SPRAS_ISO>EN</SPRAS_ISO></E1MAKTM>"
    '<E1MAKTM SEGMENT="1"><MSGFN>005</MSGFN><SPRAS>1</SPRAS>'
    "<MAKTX>离心泵 {n}</MAKTX><SPRAS_ISO>ZH</SPRAS_ISO></E1MAKTM>"
    '<E1MARCM SEGMENT="1"><MSGFN>005</MSGFN><WERKS>1000</WERKS><EKGRP>001</EKGRP>'
    "<DISMM>PD</DISMM><DISPO>001</DISPO><BESKZ>F</BESKZ><MTVFP>02</MTVFP>"
    "<LADGR>0001</LADGR><PRCTR>0000001000</PRCTR>"
    '<E1MARDM SEGMENT="1"><MSGFN>005</MSGFN><LGORT>0001</LGORT><LGPBE>A-01-02</LGPBE>'
    "</E1MARDM></E1MARCM>"
    '<E1MBEWM SEGMENT="1"><MSGFN>005</MSGFN><BWKEY>1000</BWKEY><VPRSV>S</VPRSV>'
    "<VERPR>118.40</VERPR><STPRS>120.00</STPRS><PEINH>1</PEINH><BKLAS>7920</BKLAS>"
    "<ZPLP1>99.50</ZPLP1><ZPLP2>159.00</ZPLP2></E1MBEWM>"
    '<E1MVKEM SEGMENT="1"><MSGFN>005</MSGFN><VKORG>1000</VKORG><VTWEG>10</VTWEG>'
    "<VERSG>1</VERSG><KTGRM>01</KTGRM><MTPOS>NORM</MTPOS><DWERK>1000</DWERK>"
    "<VRKME>ST</VRKME><AUMNG>1.000</AUMNG></E1MVKEM>"
    "</E1MARAM></IDOC>"
)

DOCUMENT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<MATMAS05>'
DOCUMENT_TAIL = "</MATMAS05>\n"

#: IDocs rendered per write, so memory stays flat however large the packet
WRITE_BATCH = 1000


def idoc(n: int) -> str:
    """One IDoc for material ``n`` (also the sender's DOCNUM, so every IDoc is new)."""
    return IDOC_TEMPLATE.format(n=n, docnum=f"{n:016d}")


def document(numbers: range) -> bytes:
    """A whole IDoc-XML document in memory: for small packets only."""
    return (DOCUMENT_HEAD + "".join(idoc(n) for n in numbers) + DOCUMENT_TAIL).encode()


def write_packet(path: Path, numbers: range) -> int:
    """Stream one document with an IDoc per number to ``path``; returns its size in bytes."""
    with path.open("w", encoding="utf-8", newline="") as out:
        _write(out, numbers)
    return path.stat().st_size


def _write(out: TextIO, numbers: range) -> None:
    out.write(DOCUMENT_HEAD)
    for batch in _batches(numbers):
        out.write("".join(idoc(n) for n in batch))
    out.write(DOCUMENT_TAIL)


def _batches(numbers: range) -> Iterator[range]:
    for start in range(0, len(numbers), WRITE_BATCH):
        yield numbers[start:start + WRITE_BATCH]


def lua_template() -> str:
    """The IDoc document with ``%s`` for the number and ``%016d``-style DOCNUM, for wrk."""
    body = DOCUMENT_HEAD + IDOC_TEMPLATE + DOCUMENT_TAIL
    assert "%" not in body  # string.format in Lua would misread it
    return body.replace("{docnum}", "%016d").replace("{n}", "%d")
