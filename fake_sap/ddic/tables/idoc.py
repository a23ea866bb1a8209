"""The IDoc tables: EDIDC (control records) and EDIDS (status records).

Both declare SAP's fields in SAP's order, with SAP's types and lengths; the fields the
emulator's IDoc processing fills are kept, the others are declared not kept. Beside SAP's
fields the emulator keeps its own columns (the IDoc's XML, the object it is about, its
dispatch bookkeeping): they are no SAP fields, so RFC_READ_TABLE can neither select them nor
use them in a condition.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, String, Text, text
from sqlalchemy.sql.schema import SchemaItem

from fake_sap.ddic.tables.declaration import REQUIRED, TableDeclaration, data, key
from fake_sap.ddic.types import CLNT, DATS, TIMS, char, numc

_LEANX = "leanx.eu, \"SAP Table {name}\" (https://leanx.eu/en/sap/table/{lower}.html)"


#: the condition of an index that holds outbound IDocs only (a partial index, on both
#: databases)
_OUTBOUND = "direct = '1'"


def _head() -> tuple:  # type: ignore[type-arg]
    return (key("MANDT", CLNT, "Client"),
            key("DOCNUM", numc(16), "IDoc number"))


def _control_own_columns() -> list[SchemaItem]:
    return [
        # the sender's IDoc number of an inbound IDoc (the monitor shows it; the duplicate
        # check keeps its own key table). Not SAP's REFINT, whose name the column has kept
        # from the schema's first revision: REFINT is the EDI interchange reference, CHAR 14,
        # which no 16-digit IDoc number fits (see the notes of EDIDC)
        Column("refint", String(16), nullable=False, default=""),
        # the object the IDoc is about (serialization, the monitor's search)
        Column("objkey", String(70), nullable=False, default=""),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        # the IDoc itself, as IDoc-XML
        Column("xml", Text, nullable=False),
        # outbound dispatch bookkeeping
        Column("attempts", Integer, nullable=False, default=0),
        Column("next_attempt_at", Float, nullable=True),
        # the monitor (WE02/WE05): its counts and searches by status and by creation time
        Index("ix_edidc_status", "mandt", "status"),
        Index("ix_edidc_created", "mandt", "created_at"),
        # The dispatcher's two queries read outbound IDocs only, so their indexes hold only
        # those: an inbound IDoc then changes neither (two of the pages SQLite writes for
        # every inbound IDoc). Every query that uses them names DIRECT = '1'.
        Index("ix_edidc_outbound_queue", "direct", "status", "next_attempt_at",
              sqlite_where=text(_OUTBOUND), postgresql_where=text(_OUTBOUND)),
        # a partner's queue in DOCNUM order, read from the index instead of walking past
        # every IDoc the partner has ever been sent
        Index("ix_edidc_partner_queue", "mandt", "rcvprn", "direct", "status", "docnum",
              sqlite_where=text(_OUTBOUND), postgresql_where=text(_OUTBOUND)),
    ]


EDIDC = TableDeclaration(
    "EDIDC", "Control record (IDoc)",
    (
        *_head(),
        data("DOCREL", char(4), "SAP Release for IDoc", kept=False),
        data("STATUS", char(2), "Status of IDoc", initial=REQUIRED, check_table="TEDS1"),
        data("DOCTYP", char(8), "IDoc Type", kept=False),
        data("DIRECT", char(1), "Direction for IDoc", initial=REQUIRED),
        data("RCVPOR", char(10), "Receiver port (SAP System, EDI subsystem)"),
        data("RCVPRT", char(2), "Partner Type of Receiver"),
        data("RCVPRN", char(10), "Partner Number of Receiver"),
        data("RCVSAD", char(10), "Recipient address (SADR)", kept=False),
        data("RCVSMN", CLNT, "SADR client (recipient)", kept=False),
        data("RCVSNA", char(1), "SADR flag for international recipient address", kept=False),
        data("RCVSCA", char(3), "Communication type (SADR) of recipient", kept=False),
        data("RCVSDF", char(1), "SADR default flag for recipient address", kept=False),
        data("RCVSLF", char(3), "Sequential Number of Recipient Address (SADR)", kept=False),
        data("RCVLAD", char(70), "Logical address of recipient", kept=False),
        data("STD", char(1), "EDI Standard", kept=False),
        data("STDVRS", char(6), "Version of EDI standard", kept=False),
        data("STDMES", char(6), "EDI message type", kept=False),
        data("MESCOD", char(3), "Logical Message Variant"),
        data("MESFCT", char(3), "Logical message function"),
        data("OUTMOD", char(1), "Output Mode", kept=False),
        data("TEST", char(1), "Test Flag", kept=False),
        data("SNDPOR", char(10), "Sender port (SAP System, EDI subsystem)"),
        data("SNDPRT", char(2), "Partner type of sender"),
        data("SNDPRN", char(10), "Partner Number of Sender"),
        # after the listing's part this declaration confirms (see notes)
        data("REFINT", char(14), "Transmission file (EDI Interchange)", kept=False),
        data("REFGRP", char(14), "Reference to message group", kept=False),
        data("REFMES", char(14), "Reference to message", kept=False),
        data("ARCKEY", char(70), "Document ID in the external system", kept=False),
        data("CREDAT", DATS, "IDoc Created On", initial=REQUIRED),
        data("CRETIM", TIMS, "IDoc Created at", initial=REQUIRED),
        data("MESTYP", char(30), "Message Type"),
        data("IDOCTP", char(30), "Basic type"),
        data("CIMTYP", char(30), "Extension"),
        data("SERIAL", char(20), "Serialization"),
    ),
    source=(_LEANX.format(name="EDIDC", lower="edidc") + ", fields MANDT to SNDPRN; SAP Help, "
            "\"EDI_DC - IDoc Control Record\" (help.sap.com/saphelp_me60/helpdata/en/54/"
            "1fbf53d25ab64ce10000000a174cb4/content.htm), the order and lengths of REFINT, "
            "REFGRP, REFMES, ARCKEY, CREDAT and CRETIM; SAP Help, \"Segments of Audit IDoc "
            "ALEAUD01\" (help.sap.com/doc/saphelp_mdg90/9.0.1/en-US/4a/"
            "b7ba066dbe6d8be10000000a42189c/content.htm) and \"Fields in the IDoc Control "
            "Record\" (help.sap.com/saphelp_nw73/helpdata/en/13/"
            "95244269625633e10000000a155106/content.htm), where the sender's IDoc number and "
            "message GUID go"),
    notes=("The fields from MANDT to SNDPRN are SAP's, in SAP's order. After SNDPRN, SAP's "
           "table has the sender's address fields (SNDSAD ... SNDLAD), REFINT, REFGRP, "
           "REFMES, ARCKEY, CREDAT and CRETIM, as the control record structure EDI_DC shows "
           "them; the sender's address fields are not declared (EDI_DC shows them as one "
           "field SNDSAD of 21 characters and SNDLAD; EDIDC's split of SNDSAD is not "
           "confirmed by a listing seen). The texts of REFGRP, REFMES and ARCKEY are "
           "EDI_DC's; a listing of EDIDC may word them otherwise. MESTYP, IDOCTP, "
           "CIMTYP and SERIAL follow them; their order and lengths are those of the IDoc-XML "
           "control record EDI_DC40 and are not confirmed against a listing of EDIDC, and the "
           "fields between and after them (RCVPFC, SNDPFC, EXPRSS, UPDDAT, UPDTIM, MAXSEGNUM "
           "...) are not declared yet. REFINT is the EDI interchange reference (CHAR 14) "
           "that an EDI subsystem fills, so no 16-digit IDoc number fits it; the emulator "
           "fills none and reads it as blank. The sender's IDoc number of an inbound IDoc, "
           "which SAP keeps for the ALE audit (SAP Help, \"Segments of Audit IDoc "
           "ALEAUD01\": E1STATE-DOCNUM is the sending system's IDoc number, passed in "
           "EDI_DC-DOCNUM, which the receiving system saves), has no EDIDC field in the "
           "listings seen (ARCKEY, the key for an external message archive, holds a "
           "middleware's message GUID): the emulator keeps it in an own column, not "
           "readable, and checks duplicates on it with a key table of its own."),
    first_columns=("mandt", "docnum", "direct", "status", "idoctp", "cimtyp", "mestyp",
                   "mescod", "mesfct", "sndpor", "sndprt", "sndprn", "rcvpor", "rcvprt",
                   "rcvprn", "serial", "refint", "objkey", "credat", "cretim"),
    own_columns=_control_own_columns,
)

EDIDS = TableDeclaration(
    "EDIDS", "Status Record (IDoc)",
    (
        *_head(),
        data("LOGDAT", DATS, "Date of status information", initial=REQUIRED),
        data("LOGTIM", TIMS, "Time of status information", initial=REQUIRED),
        # a NUMC 16 in SAP; the emulator counts an IDoc's status records with a number
        key("COUNTR", numc(16), "IDoc status counter", stored_type=Integer()),
        data("CREDAT", DATS, "Date status record was created", kept=False),
        data("CRETIM", TIMS, "Time status record was created", kept=False),
        data("STATUS", char(2), "Status of IDoc", initial=REQUIRED),
        data("UNAME", char(12), "User name", kept=False),
        data("REPID", char(30), "Program Name", kept=False),
        data("ROUTID", char(30), "Name of subroutine (routine, function module)", kept=False),
        data("STACOD", char(8), "Status code", kept=False),
        # the emulator keeps the whole message text; SAP's field holds 70 characters of it
        data("STATXT", char(70), "Text for status code", stored_length=220),
        data("SEGNUM", numc(6), "Number of SAP segment"),
        data("SEGFLD", char(30), "Field Name in SAP Segment"),
        data("STAPA1", char(50), "Parameter 1"),
        data("STAPA2", char(50), "Parameter 2"),
        data("STAPA3", char(50), "Parameter 3"),
        data("STAPA4", char(50), "Parameter 4"),
        data("STATYP", char(1), "Type of system error message (A, W, E, S, I)"),
        data("STAMQU", char(3), "Status message qualifier", kept=False),
        data("STAMID", char(20), "Status message ID"),
        data("STAMNO", numc(3), "Status message number"),
        data("TID", char(24), "Transaction ID", kept=False),
        data("APPL_LOG", char(20), "Application Log", kept=False),
    ),
    source=(_LEANX.format(name="EDIDS", lower="edids") + "; datapanda.eu, \"SAP table "
            "EDIDS\" (https://datapanda.eu/en/sap/table/EDIDS), which agree"),
    notes=("SAP's full field list (ECC 6.0; datapanda.eu's S/4HANA listing adds "
           "_DATAAGING). SAP's key is MANDT, DOCNUM, LOGDAT, LOGTIM, COUNTR; here LOGDAT and "
           "LOGTIM are not key fields, because the counter alone numbers an IDoc's status "
           "records. The emulator keeps the whole status text (up to 220 characters) in "
           "STATXT; RFC_READ_TABLE shows SAP's 70."),
    first_columns=("mandt", "docnum", "countr", "status", "logdat", "logtim", "statyp",
                   "stamid", "stamno", "stapa1", "stapa2", "stapa3", "stapa4", "statxt",
                   "segnum", "segfld"),
)

TABLES = (EDIDC, EDIDS)
