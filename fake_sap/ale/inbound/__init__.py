"""ALE inbound: IDocs received from partners, posted to the business.

Layer: ALE (the IDoc edge); may import ``idoc``, ``db`` and the business packages, never
``rfc`` or ``http``. :mod:`.processor` runs the status trail of every IDoc; one module per
message type (:mod:`.matmas`, :mod:`.debmas`, :mod:`.orders`) maps an IDoc to a typed
business command and calls the business service; :mod:`fake_sap.ale.applications` is the
dispatcher from message type to module.
"""

from fake_sap.ale.inbound.processor import CHUNK_SIZE, InboundProcessor, InboundResult

__all__ = ["CHUNK_SIZE", "InboundProcessor", "InboundResult"]
