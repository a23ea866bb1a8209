"""ALE inbound: IDocs received from partners, posted to the business.

Layer: ALE (the IDoc edge); may import ``idoc``, ``db`` and the business packages, never
``rfc`` or ``http``. :mod:`.processor` runs the status trail of every IDoc; one module per
message type (:mod:`.matmas`, :mod:`.debmas`, :mod:`.orders`) maps an IDoc to a typed
business command and calls the business service; :mod:`fake_sap.ale.applications` is the
dispatcher from message type to module.

The package re-exports nothing: the processor reaches the outbound side (pass-through) and
the outbound side reaches the mapping modules, so importing the processor whenever a mapping
module is imported would close that circle.
"""
