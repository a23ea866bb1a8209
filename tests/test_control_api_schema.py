"""Property-based check of the control API against its own OpenAPI document (schemathesis).

It runs on a server process of its own: generated requests create, reset and delete
arbitrary clients, which must not disturb the other tests' clients.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from fake_sap.compose import openapi_document as document
from fake_sap.testing.process import FakeSapProcess

schema = schemathesis.openapi.from_dict(document())


@pytest.fixture(scope="module")
def control_api_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSapProcess]:
    server = FakeSapProcess.start(tmp_path_factory.mktemp("schemathesis") / "sap.db",
                                  workers=1)
    yield server
    server.stop()


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_control_api_honours_its_openapi_document(case: schemathesis.Case,
                                                   control_api_server: FakeSapProcess) -> None:
    case.call_and_validate(base_url=control_api_server.url)
