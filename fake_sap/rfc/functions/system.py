"""Basis function modules: connection tests, system information and RFC_READ_TABLE.

Layer: RFC edge; RFC_READ_TABLE reads through ``fake_sap.rfc.read_table``.
"""

from __future__ import annotations

import socket
from collections.abc import Collection
from typing import Any

from fake_sap import __version__, clock
from fake_sap.rfc import read_table
from fake_sap.rfc import tables as readable_tables
from fake_sap.rfc.call import Call, RfcFunction
from fake_sap.rfc.errors import AbapException
from fake_sap.rfc.model import (
    INT4,
    CheckedRows,
    Field,
    FunctionInterface,
    Raises,
    char,
    exporting,
    importing,
    numc,
    structure,
    tables,
)

SYSTEM_ID = "FAK"
RELEASE = "740"
KERNEL_RELEASE = "753"

# -- RFC_PING ----------------------------------------------------------------------------------

RFC_PING = FunctionInterface(
    "RFC_PING", "Connection test: does nothing and returns", (), group="SRFC",
    notes="Callers use it to check logon data and the connection.")


def rfc_ping(call: Call) -> dict[str, Any]:
    return {}


# -- STFC_CONNECTION ---------------------------------------------------------------------------

STFC_CONNECTION = FunctionInterface(
    "STFC_CONNECTION", "Test for connection setup: echoes a text", (
        importing("REQUTEXT", char(255), "Text sent by the caller", optional=True),
        exporting("ECHOTEXT", char(255), "REQUTEXT, unchanged"),
        exporting("RESPTEXT", char(255), "Release, system ID, date, time and logon data"),
    ), group="STFC")


def stfc_connection(call: Call) -> dict[str, Any]:
    now = clock.now()
    language = call.env.language
    response = (f"SAP R/3 Rel. {RELEASE}   Sysid: {SYSTEM_ID}      "
                f"Date: {clock.dats(now)}   Time: {clock.tims(now)}   "
                f"Logon_Data: {call.mandt}/{call.user}/{language}")
    return {"ECHOTEXT": call["REQUTEXT"], "RESPTEXT": response}


# -- RFC_SYSTEM_INFO ---------------------------------------------------------------------------

RFCSI = structure(
    "RFCSI", "RFC system information",
    Field("RFCPROTO", char(3), "RFC protocol version"),
    Field("RFCCHARTYP", char(4), "Character set (SAP code page)"),
    Field("RFCINTTYP", char(3), "Integer format: LIT little endian, BIG big endian"),
    Field("RFCFLOTYP", char(3), "Float format: IE3 IEEE"),
    Field("RFCDEST", char(32), "RFC destination: host_SID_instance"),
    Field("RFCHOST", char(8), "Host name (8 characters)"),
    Field("RFCSYSID", char(8), "System ID"),
    Field("RFCDATABS", char(8), "Database name"),
    Field("RFCDBHOST", char(32), "Database host"),
    Field("RFCDBSYS", char(10), "Database system"),
    Field("RFCSAPRL", char(4), "SAP release"),
    Field("RFCMACH", char(5), "Machine ID"),
    Field("RFCOPSYS", char(10), "Operating system"),
    Field("RFCTZONE", char(6), "Time zone: difference to UTC in seconds"),
    Field("RFCDAYST", char(1), "Daylight saving time active"),
    Field("RFCIPADDR", char(15), "IP address"),
    Field("RFCKERNRL", char(4), "Kernel release"),
    Field("RFCHOST2", char(32), "Host name (32 characters)"),
    Field("RFCSI_RESV", char(12), "Reserved"),
    Field("RFCIPV6ADDR", char(45), "IPv6 address"),
)

RFC_SYSTEM_INFO = FunctionInterface(
    "RFC_SYSTEM_INFO", "Information about the called system", (
        exporting("RFCSI_EXPORT", RFCSI, "System information"),
        exporting("CURRENT_RESOURCES", INT4, "Currently free dialog work processes",
                  reference="SYST-INDEX"),
        exporting("MAXIMAL_RESOURCES", INT4, "Dialog work processes", reference="SYST-INDEX"),
        exporting("RECOMMENDED_DELAY", INT4, "Recommended delay before the next call (ms)",
                  reference="SYST-INDEX"),
    ), group="SRFC",
    # LIKE SY-INDEX in the interface: SY is the ABAP name of structure SYST, and SE37's
    # reference column names it SYST (stechno.net lists SY- typed parameters as SYST-...)
    references_source="the SE37 interface of RFC_SYSTEM_INFO as a public copy of the "
                      "module on GitHub quotes it (ZFM_RFC_SYSTEM_INFO, which calls the "
                      "same kernel call 'RFCSystemInfo': CURRENT_RESOURCES, "
                      "MAXIMAL_RESOURCES and RECOMMENDED_DELAY LIKE SY-INDEX)",
    notes=f"System ID `{SYSTEM_ID}`, release {RELEASE}; the client is the logon client.")


def rfc_system_info(call: Call) -> dict[str, Any]:
    host = socket.gethostname() or "localhost"
    database = "POSTGRES" if call.db.url.get_backend_name() == "postgresql" else "SQLITE"
    return {
        "RFCSI_EXPORT": {
            "RFCPROTO": "011", "RFCCHARTYP": "4103", "RFCINTTYP": "LIT", "RFCFLOTYP": "IE3",
            "RFCDEST": f"{host}_{SYSTEM_ID}_00"[:32], "RFCHOST": host[:8],
            "RFCSYSID": SYSTEM_ID, "RFCDATABS": SYSTEM_ID, "RFCDBHOST": host[:32],
            "RFCDBSYS": database, "RFCSAPRL": RELEASE, "RFCMACH": "  390",
            "RFCOPSYS": "Linux", "RFCTZONE": "     0", "RFCDAYST": "",
            "RFCIPADDR": "127.0.0.1", "RFCKERNRL": KERNEL_RELEASE, "RFCHOST2": host[:32],
            "RFCSI_RESV": f"fake-sap {__version__}"[:12],
        },
        "CURRENT_RESOURCES": 8, "MAXIMAL_RESOURCES": 10, "RECOMMENDED_DELAY": 0,
    }


# -- RFC_READ_TABLE ----------------------------------------------------------------------------

RFC_DB_OPT = structure("RFC_DB_OPT", "Selection options (WHERE clause lines)",
                       Field("TEXT", char(72), "A line of the WHERE clause"))
RFC_DB_FLD = structure(
    "RFC_DB_FLD", "Fields to read, and their layout in DATA",
    Field("FIELDNAME", char(30), "Field name"),
    Field("OFFSET", numc(6), "Offset of the field in DATA-WA"),
    Field("LENGTH", numc(6), "Length of the field in DATA-WA"),
    Field("TYPE", char(1), "ABAP data type (C, N, D, T, P, I ...)"),
    Field("FIELDTEXT", char(60), "Short description"),
)
TAB512 = structure("TAB512", "Data line", Field("WA", char(512), "The row's fields"))

RFC_READ_TABLE = FunctionInterface(
    "RFC_READ_TABLE", "External access to R/3 tables via RFC", (
        importing("QUERY_TABLE", char(30), "Table to read", reference="DD02L-TABNAME"),
        importing("DELIMITER", char(1), "Character between fields in DATA", default="",
                  reference="SONV-FLAG"),
        importing("NO_DATA", char(1), "X: return only the field layout", default="",
                  reference="SONV-FLAG"),
        importing("ROWSKIPS", INT4, "Rows to skip", default=0),
        importing("ROWCOUNT", INT4, "Rows to return, 0 for all", default=0),
        tables("OPTIONS", RFC_DB_OPT, "WHERE clause, one line per row (72 characters)"),
        tables("FIELDS", RFC_DB_FLD, "In: fields to read (FIELDNAME); out: the layout"),
        tables("DATA", TAB512, "The rows"),
    ), (
        Raises("TABLE_NOT_AVAILABLE", "The table does not exist or cannot be read"),
        Raises("TABLE_WITHOUT_DATA", "The name is a structure, which has no data"),
        Raises("OPTION_NOT_VALID", "The WHERE clause in OPTIONS is not valid"),
        Raises("FIELD_NOT_VALID", "A field in FIELDS is not a field of the table"),
        Raises("NOT_AUTHORIZED", "No authorization to read the table"),
        Raises("DATA_BUFFER_EXCEEDED", "The selected fields do not fit a DATA line"),
    ), group="SDTX",
    # ROWSKIPS and ROWCOUNT are LIKE SOID-ACCNT there, a field whose type no source seen
    # confirms (the emulator answers INT4): no reference for them
    references_source="the SE37 interface of RFC_READ_TABLE (function group SDTX) as "
                      "public copies of the module on GitHub quote it (/SAVY/RFC_READ_TABLE, "
                      "Z_SECURE_RFC_READ_TABLE: QUERY_TABLE LIKE DD02L-TABNAME, DELIMITER "
                      "and NO_DATA LIKE SONV-FLAG)",
    notes="Readable tables: " + ", ".join(sorted(t.name for t in readable_tables.TABLES)) +
          ". Rows come in primary-key order, always of the logon client.")


def rfc_read_table(call: Call, structures: Collection[str] = ()) -> dict[str, Any]:
    """RFC_READ_TABLE; ``structures``: the names of the dictionary's structures, which SAP
    refuses with TABLE_WITHOUT_DATA (a structure has no rows), where a name it does not
    know at all is TABLE_NOT_AVAILABLE."""
    name = call["QUERY_TABLE"].strip().upper()
    if name not in readable_tables.BY_NAME and name in structures:
        raise AbapException("TABLE_WITHOUT_DATA", f"{name} is a structure; it has no data")
    fields, data = read_table.read_committed(
        call.db, call.mandt, call["QUERY_TABLE"], tables=readable_tables.BY_NAME,
        delimiter=call["DELIMITER"],
        no_data=bool(call["NO_DATA"]), rowskips=call["ROWSKIPS"],
        rowcount=call["ROWCOUNT"], options=[row["TEXT"] for row in call["OPTIONS"]],
        field_names=[row["FIELDNAME"] for row in call["FIELDS"]])
    # the lines are CHAR 512 values already: at most 512 characters (DATA_BUFFER_EXCEEDED
    # otherwise), no trailing blanks
    return {"FIELDS": fields, "DATA": CheckedRows(TAB512, ({"WA": line} for line in data))}


def read_table_function(structures: Collection[str]) -> RfcFunction:
    """RFC_READ_TABLE, knowing the dictionary's structures (``fake_sap.rfc.functions.ddic``
    wires it, beside DDIF_FIELDINFO_GET, which SAP's RFC_READ_TABLE calls first)."""
    return RfcFunction(RFC_READ_TABLE, lambda call: rfc_read_table(call, structures))


#: RFC_READ_TABLE is not here: it comes with the dictionary (:func:`read_table_function`)
FUNCTIONS = [
    RfcFunction(RFC_PING, rfc_ping),
    RfcFunction(STFC_CONNECTION, stfc_connection),
    RfcFunction(RFC_SYSTEM_INFO, rfc_system_info),
]
