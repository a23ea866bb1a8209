"""What the inbound processor keeps of one posted IDoc: its business result, not yet written.

Layer: ALE. A message type's module (:mod:`fake_sap.ale.inbound`) checks an IDoc through
the business service and wraps the result in a :class:`Posting`; the processor writes the
postings of a whole chunk at once through each message type's writer
(:meth:`fake_sap.ale.inbound.processor.InboundProcessor.write_postings`), which is what makes a
100,000-IDoc packet fast, and keeps a failed posting from writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from fake_sap.errors import SapMessage


@dataclass
class Posting:
    mestyp: str
    objkey: str
    #: change pointer kind: I created, U changed, D flagged for deletion
    change: str
    #: the status 53 message
    message: SapMessage
    #: the business service's result, handed to the message type's writer
    result: object
