"""The emulator's web console under ``/_fake/ui/``: the IDoc monitor (WE02/WE05) with
reprocessing (BD87), the test tool (WE19), the document flow, the stock overview (MMBE),
partner profiles (WE20) with master-data sending (BD10/BD12), and the client's business date
and fault rules.

Layer: HTTP edge, like ``fake_sap.http``. Pages read through the services and the read
functions of the modules that own the tables (``fake_sap.basis``, ``fake_sap.sd``,
``fake_sap.mm``, ``fake_sap.fi``, ``fake_sap.db.idocs`` through the IDoc monitor); write actions
call the same services as the control API. It never writes SQL. It is server-rendered HTML
(Jinja templates, one CSS file, a little JavaScript) with no build step and nothing loaded
from elsewhere, so it works offline. :func:`fake_sap.app.create_app` registers its
blueprints explicitly.
"""
