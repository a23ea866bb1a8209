"""The failed-logon counter and lock of each user in each client.

SAP keeps both in the user master record, USR02: LOCNT (number of failed logon attempts)
and UFLAG (user lock status; 128 = locked due to incorrect logons). The emulator stores no
user master (its one logon user comes from the settings), so it keeps just these two
fields in a table of its own, one row per client and user that has failed at least once.
A user without a row has no failed logons and no lock: the logon of a valid user reads
nothing here (the rows come with the client's state, see
:mod:`fake_sap.basis.client_state`) and writes nothing while there is nothing to reset.

Keyed by MANDT, so a client reset or delete unlocks its users as well. Written only by
``fake_sap.db.clients``.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from fake_sap.db.schema import metadata

#: USR02-UFLAG's value for a user locked by too many failed logons
LOCKED_BY_FAILED_LOGONS = 128

logon_failures = Table(
    "logon_failures",
    metadata,
    Column("mandt", String(3), primary_key=True),
    # USR02-BNAME: the user name, upper case (SAP user names are not case-sensitive)
    Column("bname", String(12), primary_key=True),
    # USR02-LOCNT: failed logons since the last successful one (or the last unlock)
    Column("locnt", Integer, nullable=False),
    # USR02-UFLAG: 0 or LOCKED_BY_FAILED_LOGONS
    Column("uflag", Integer, nullable=False),
)
