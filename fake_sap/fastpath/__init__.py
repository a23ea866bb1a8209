"""THE FAST PATH: the speed tricks the emulator keeps, each with the lxml way it must equal.

A package of four modules, one per layer it serves, so that a layer that takes one trick
reaches nothing of another layer through it:

- :mod:`fake_sap.fastpath.idoc_xml` (IDoc edge): IDoc-XML written, joined and answered as text;
- :mod:`fake_sap.fastpath.idoc_check` (IDoc edge): the quick syntax check of inbound IDocs;
- :mod:`fake_sap.fastpath.soap_rfc` (RFC edge): SOAP-RFC responses written as text;
- :mod:`fake_sap.fastpath.driver` (storage): SQL text on the database driver, used by
  ``fake_sap.db`` and the services; it imports SQLAlchemy only.

This module imports none of them. Runtime code that wants one of these tricks imports it from
here, so that every place where the emulator writes or joins XML by hand, or bypasses
SQLAlchemy, is in this package.

Why: outbound IDocs are created by the hundred thousand (BD10, an initial load), and the
dispatcher passes them on in packets of up to a thousand. Building each document as an
lxml tree cost most of its creation time, and parsing stored documents again only to join
them cost most of a packet's. The decision and the measurements are in
``docs/adr/0005-fast-paths.md``.

What it guarantees (``tests/test_fastpath.py`` and ``tests/test_idoc_writer.py`` hold it to
that, byte for byte):

- :func:`~fake_sap.fastpath.idoc_xml.idoc_xml_text` writes exactly what lxml writes for the same
  IDoc tree (``etree.tostring(root, xml_declaration=True, encoding="UTF-8")``): fields and
  segments in declared order, empty fields left out, a segment without fields or children as an
  empty element, non-ASCII as UTF-8. Per segment type the tags and the declared field order are
  worked out once (``_Layout``), and so is, per layout of values (which fields a segment
  carries, in which order), the declared order of just those fields: segments declare SAP's full
  field lists but carry few of them. A value is copied as it is when it holds only characters
  lxml writes unchanged, and any other value is handed to lxml, so escaping (``& < >`` and CR)
  and the refusal of characters XML cannot hold stay lxml's.
- :func:`~fake_sap.fastpath.soap_rfc.rfc_response` writes exactly what
  ``fake_sap.rfc.soap.response`` (lxml) writes for the same outputs of a function module: every
  value through the same wire conversion, plain printable values copied, any other handed to
  lxml. A response of RFC_READ_TABLE holds a thousand DATA rows; lxml builds two elements for
  each (``tests/unit/fake_sap/test_fastpath_rfc.py``). Per structure, the field list, the row
  template and the wire text of each field's initial value are worked out once (``_RowLayout``):
  a BAPI echoes its tables, whose unsent fields hold the very initial value objects their rows
  were bound from.
- :func:`~fake_sap.fastpath.idoc_xml.idoc_xml_result`, the answer to an IDoc-XML POST, is what
  :func:`~fake_sap.fastpath.idoc_xml.idoc_xml_result_with_lxml` writes, byte for byte.
- :func:`~fake_sap.fastpath.idoc_check.fields_pass` and
  :func:`~fake_sap.fastpath.idoc_check.data_records_pass` say True exactly when the reference
  syntax check of inbound IDocs (:mod:`fake_sap.idoc.validation`) finds nothing; that module
  asks them first and runs its own check only when they say False, so every finding is still the
  reference's (``tests/unit/fake_sap/test_fastpath_idoc_check.py``).
- :func:`~fake_sap.fastpath.driver.driver_statement` and
  :func:`~fake_sap.fastpath.driver.driver_statement_many` run SQL text on the driver inside the
  connection's transaction and answer what ``exec_driver_sql`` answers (rows, row count,
  SQLAlchemy's exception for a driver error, an invalidated connection when the database dropped
  it); they go through SQLAlchemy while statement events are listened to
  (``tests/unit/fake_sap/test_fastpath_driver.py``).
- :func:`~fake_sap.fastpath.idoc_xml.join_documents` returns what
  :func:`~fake_sap.fastpath.idoc_xml.join_documents_with_lxml` returns: one document holding the
  IDOC elements of several stored documents of one type. It joins them as text only when every
  document has exactly the shape lxml (and so :func:`~fake_sap.fastpath.idoc_xml.idoc_xml_text`)
  writes; any other document is parsed and joined by lxml.
"""

