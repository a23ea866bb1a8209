"""EDI_DC40, the control record that heads every IDoc in IDoc-XML."""

from __future__ import annotations

from fake_sap.idoc.model import SapType, Segment, fields

N, D, T = SapType.NUMC, SapType.DATS, SapType.TIMS

EDI_DC40 = Segment(
    "EDI_DC40",
    "Control record (IDoc-XML / RFC structure)",
    fields(
        ("TABNAM", 10, SapType.CHAR, "Name of table structure, always EDI_DC40"),
        ("MANDT", 3, SapType.CHAR, "Client"),
        ("DOCNUM", 16, N, "IDoc number (assigned by the receiving system)"),
        ("DOCREL", 4, SapType.CHAR, "SAP release of the IDoc"),
        ("STATUS", 2, SapType.CHAR, "Status of the IDoc when sent"),
        ("DIRECT", 1, SapType.CHAR, "Direction: 1 outbound, 2 inbound"),
        ("OUTMOD", 1, SapType.CHAR, "Output mode"),
        ("EXPRSS", 1, SapType.CHAR, "Overriding in inbound processing"),
        ("TEST", 1, SapType.CHAR, "Test flag"),
        ("IDOCTYP!", 30, SapType.CHAR, "Basic type"),
        ("CIMTYP", 30, SapType.CHAR, "Extension"),
        ("MESTYP!", 30, SapType.CHAR, "Message type"),
        ("MESCOD", 3, SapType.CHAR, "Message variant"),
        ("MESFCT", 3, SapType.CHAR, "Message function"),
        ("STD", 1, SapType.CHAR, "EDI standard"),
        ("STDVRS", 6, SapType.CHAR, "EDI standard version"),
        ("STDMES", 6, SapType.CHAR, "EDI message type"),
        ("SNDPOR", 10, SapType.CHAR, "Sender port"),
        ("SNDPRT", 2, SapType.CHAR, "Sender partner type (LS, KU, LI)"),
        ("SNDPFC", 2, SapType.CHAR, "Sender partner function"),
        ("SNDPRN!", 10, SapType.CHAR, "Sender partner number, e.g. a logical system"),
        ("SNDSAD", 21, SapType.CHAR, "Sender address"),
        ("SNDLAD", 70, SapType.CHAR, "Sender logical address"),
        ("RCVPOR", 10, SapType.CHAR, "Receiver port"),
        ("RCVPRT", 2, SapType.CHAR, "Receiver partner type"),
        ("RCVPFC", 2, SapType.CHAR, "Receiver partner function"),
        ("RCVPRN", 10, SapType.CHAR, "Receiver partner number"),
        ("RCVSAD", 21, SapType.CHAR, "Receiver address"),
        ("RCVLAD", 70, SapType.CHAR, "Receiver logical address"),
        ("CREDAT", 8, D, "Creation date"),
        ("CRETIM", 6, T, "Creation time"),
        ("REFINT", 14, SapType.CHAR, "EDI interchange reference"),
        ("REFGRP", 14, SapType.CHAR, "EDI message group reference"),
        ("REFMES", 14, SapType.CHAR, "EDI message reference"),
        ("ARCKEY", 70, SapType.CHAR, "External archive key"),
        ("SERIAL", 20, SapType.CHAR, "Serialization key (timestamp YYYYMMDDHHMMSS...)"),
    ),
    min_occurs=1,
    max_occurs=1,
)

#: partner types an ALE control record may name
PARTNER_TYPES = frozenset({"LS", "KU", "LI", "B", "US"})
