"""RFC function modules, callable over SOAP (``/sap/bc/soap/rfc``).

Layers, imports pointing inward:

- ``model``, ``structures``  function interfaces declared once, as data (SE37's view)
- ``functions/``             the function modules: plain Python over the database
- ``call``, ``registry``     binding parameters, running a function, the function directory
- ``luw``                    SAP sessions and the update task (BAPI_TRANSACTION_COMMIT)
- ``read_table``, ``where``  RFC_READ_TABLE and its WHERE-clause parser
- ``soap``, ``wsdl``, ``reference``  the wire formats and the generated documents

Nothing here imports Flask; ``fake_sap.http.soap_rfc`` is the HTTP edge.
"""
