"""Property-based check of the adapter's JSON API against its own OpenAPI document
(schemathesis): generated requests must get documented statuses and bodies, never a 500,
and requests the document rules out must be refused.

The adapter is served over HTTP on a loopback port (a thread), on a database of its own,
with a seeded client of the real fake-sap server behind it. The IDoc receiver is left
out: it takes IDoc-XML, which the receiver's own tests cover.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from landscape import copy_master_data, sap_settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from werkzeug.serving import WSGIRequestHandler, make_server

from crm_adapter.compose import openapi_document as document
from crm_adapter.config import AdapterSettings
from crm_adapter.http.app import create_app
from fake_sap.testing.process import FakeSapProcess
from sap_client.rfc import Connection

#: every area of the JSON API (the receiver is SAP-facing XML and has its own tests)
AREAS = ["applications", "returns", "inbox", "materials", "master data", "service",
         "deliveries", "labour fees", "statistics"]

schema = schemathesis.openapi.from_dict(document()).exclude(path="/sap/idoc").include(
    tag=AREAS)


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: object, **kwargs: object) -> None:
        pass  # hundreds of generated requests: the failures say what matters


@pytest.fixture(scope="module")
def adapter_url(sap_server: FakeSapProcess, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[str]:
    sap = sap_server.new_client()
    seeded = sap.seed(materials=3, customers=3, initial_stock="10")
    folder: Path = tmp_path_factory.mktemp("crm-schemathesis")
    adapter_settings = sap_settings(AdapterSettings(db_url=f"sqlite:///{folder / 'crm.db'}"),
                                    sap)
    app = create_app(adapter_settings)
    db = app.extensions["crm_adapter"].db
    with Connection(url=sap_server.url, client=sap.number, user=sap.auth[0],
                    passwd=sap.auth[1]) as rfc:
        copy_master_data(rfc, db, seeded["provincial_centers"] + seeded["outlets"],
                         seeded["materials"])
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
    db.dispose()


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_the_api_honours_its_openapi_document(case: schemathesis.Case,
                                              adapter_url: str) -> None:
    # business rules (an unknown outlet or material, a status that forbids the action)
    # refuse schema-valid requests with 422 or 409: documented, and expected here
    case.call_and_validate(base_url=adapter_url, excluded_checks=[positive_data_acceptance])
