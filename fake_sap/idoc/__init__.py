"""IDocs as data: the declared IDoc types, the IDoc-XML parser and writer, control-record
and segment validation, XSD and reference pages.

Layer: wire format. Used by the ALE edge, the HTTP edge and the contract generators; the
business packages never import it.
"""
