"""ALE pass-through: an inbound IDoc of a type that has no posting logic here is passed on,
as it came, to every partner subscribed to its message type (BD64's distribution model).

Layer: ALE. The inbound IDoc stays in status 64 (ready to be transferred to an application);
each receiver gets an outbound IDoc (01, 30) with the same data records, which the
dispatcher sends like any other.
"""

from __future__ import annotations

from sqlalchemy import Connection

from fake_sap.ale.outbound import NewIdoc, create_idocs
from fake_sap.db import partners
from fake_sap.idoc.document import Idoc
from fake_sap.idoc.model import IdocType


def pass_on(conn: Connection, mandt: str, received: list[tuple[Idoc, IdocType]]) -> list[str]:
    """Outbound IDocs for the subscribers of each IDoc's message type; their DOCNUMs."""
    receivers_by_type = {mestyp: partners.receivers(conn, mandt, mestyp)
                         for mestyp in dict.fromkeys(idoc.mestyp for idoc, _ in received)}
    new = [NewIdoc(idoc.mestyp, idoc_type, receiver, "", idoc.segments)
           for idoc, idoc_type in received for receiver in receivers_by_type[idoc.mestyp]]
    return create_idocs(conn, mandt, new)
