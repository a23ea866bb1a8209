"""EDI_DC40, the control record that heads every IDoc in IDoc-XML."""

from __future__ import annotations

from fake_sap.ddic.types import AbapType
from fake_sap.idoc.model import Segment, fields

N, D, T = AbapType.NUMC, AbapType.DATS, AbapType.TIMS

EDI_DC40 = Segment(
    "EDI_DC40",
    "Control record (IDoc-XML / RFC structure)",
    fields(
        ("TABNAM", 10, AbapType.CHAR, "Name of table structure, always EDI_DC40"),
        ("MANDT", 3, AbapType.CHAR, "Client"),
        ("DOCNUM", 16, N, "IDoc number (assigned by the receiving system)"),
        ("DOCREL", 4, AbapType.CHAR, "SAP release of the IDoc"),
        ("STATUS", 2, AbapType.CHAR, "Status of the IDoc when sent"),
        ("DIRECT", 1, AbapType.CHAR, "Direction: 1 outbound, 2 inbound"),
        ("OUTMOD", 1, AbapType.CHAR, "Output mode"),
        ("EXPRSS", 1, AbapType.CHAR, "Overriding in inbound processing"),
        ("TEST", 1, AbapType.CHAR, "Test flag"),
        ("IDOCTYP!", 30, AbapType.CHAR, "Basic type"),
        ("CIMTYP", 30, AbapType.CHAR, "Extension"),
        ("MESTYP!", 30, AbapType.CHAR, "Message type"),
        ("MESCOD", 3, AbapType.CHAR, "Message variant"),
        ("MESFCT", 3, AbapType.CHAR, "Message function"),
        ("STD", 1, AbapType.CHAR, "EDI standard"),
        ("STDVRS", 6, AbapType.CHAR, "EDI standard version"),
        ("STDMES", 6, AbapType.CHAR, "EDI message type"),
        ("SNDPOR", 10, AbapType.CHAR, "Sender port"),
        ("SNDPRT", 2, AbapType.CHAR, "Sender partner type (LS, KU, LI)"),
        ("SNDPFC", 2, AbapType.CHAR, "Sender partner function"),
        ("SNDPRN!", 10, AbapType.CHAR, "Sender partner number, e.g. a logical system"),
        ("SNDSAD", 21, AbapType.CHAR, "Sender address"),
        ("SNDLAD", 70, AbapType.CHAR, "Sender logical address"),
        ("RCVPOR", 10, AbapType.CHAR, "Receiver port"),
        ("RCVPRT", 2, AbapType.CHAR, "Receiver partner type"),
        ("RCVPFC", 2, AbapType.CHAR, "Receiver partner function"),
        ("RCVPRN", 10, AbapType.CHAR, "Receiver partner number"),
        ("RCVSAD", 21, AbapType.CHAR, "Receiver address"),
        ("RCVLAD", 70, AbapType.CHAR, "Receiver logical address"),
        ("CREDAT", 8, D, "Creation date"),
        ("CRETIM", 6, T, "Creation time"),
        ("REFINT", 14, AbapType.CHAR, "EDI interchange reference"),
        ("REFGRP", 14, AbapType.CHAR, "EDI message group reference"),
        ("REFMES", 14, AbapType.CHAR, "EDI message reference"),
        ("ARCKEY", 70, AbapType.CHAR, "External archive key"),
        ("SERIAL", 20, AbapType.CHAR, "Serialization key (timestamp YYYYMMDDHHMMSS...)"),
    ),
    min_occurs=1,
    max_occurs=1,
)

#: partner types an ALE control record may name
PARTNER_TYPES = frozenset({"LS", "KU", "LI", "B", "US"})
