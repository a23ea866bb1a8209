"""ALE: the IDoc edge of the emulator.

Inbound processing (one mapping module per message type, turning an IDoc into a typed
command for a business service), outbound IDocs from change pointers and from output
determination, the dispatcher that sends them to the partners' ports, and BD10/BD12
master-data sending.

Layer: edge. May import the business packages (``sd``, ``mm``, ``fi``, ``basis``),
``fake_sap.idoc``, ``fake_sap.db`` and ``fake_sap.fastpath``; never Flask. The business
packages never import it.
"""
