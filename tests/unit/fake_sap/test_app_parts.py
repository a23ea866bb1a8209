"""The app in two parts (``fake_sap.app``): what a forking server builds once in its master
(:func:`build_app`: routes and composed tables, nothing of a process) and what each worker
adds after the fork (:func:`start_app`: engine, dispatcher, caches). Here both parts run in
this process, as two workers would run the second on one inherited first part."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from fake_sap.app import build_app, prepare_database, start_app
from fake_sap.config import Settings
from fake_sap.http.runtime import Runtime

pytestmark = pytest.mark.unit


def _settings(tmp_path: Path) -> Settings:
    return replace(Settings.from_env({}), db_url=f"sqlite:///{tmp_path / 'sap.db'}",
                   dispatcher=False)


def test_the_built_app_has_no_runtime_until_started(tmp_path: Path) -> None:
    app = build_app()
    assert "fake_sap" not in app.extensions
    start_app(app, _settings(tmp_path))
    assert isinstance(app.extensions["fake_sap"], Runtime)


def test_each_start_gets_its_own_process_objects_and_shares_the_tables(
        tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    prepare_database(settings)
    built = build_app()
    start_app(built, settings)
    first: Runtime = built.extensions["fake_sap"]
    start_app(built, settings)  # as the next worker does on its copy
    second: Runtime = built.extensions["fake_sap"]
    assert second.db is not first.db
    assert second.dispatcher is not first.dispatcher
    assert second.numbers is not first.numbers
    assert second.functions is first.functions
    assert second.openapi is first.openapi
    response = built.test_client().get("/_fake/clients")
    assert response.status_code == 200
    assert [c["client"] for c in response.get_json()["clients"]] == [settings.default_client]
    first.db.dispose()
    second.db.dispose()
