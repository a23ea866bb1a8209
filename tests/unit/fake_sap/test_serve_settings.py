"""``fake-sap serve`` settings: variables, then the options given (never argparse defaults)."""

from __future__ import annotations

import pytest

from fake_sap.cli import build_parser, serve_settings
from fake_sap.config import DEFAULT_DB_URL, Settings

pytestmark = pytest.mark.unit

ENV = {"FAKE_SAP_DB_URL": "sqlite:///from-env.db", "FAKE_SAP_USER": "ALICE",
       "FAKE_SAP_PASSWORD": "env-pw", "FAKE_SAP_MAX_BODY_BYTES": "1000"}


def _settings(*argv: str, environ: dict[str, str]) -> Settings:
    return serve_settings(build_parser().parse_args(["serve", *argv]), environ)


def test_variables_are_kept_when_no_option_is_given() -> None:
    settings = _settings(environ=ENV)
    assert (settings.db_url, settings.user, settings.password,
            settings.max_body_bytes) == ("sqlite:///from-env.db", "ALICE",
                                         "env-pw", 1000)


def test_options_override_variables() -> None:
    settings = _settings("--db", "sqlite:///opt.db", "--user", "BOB", "--password", "pw",
                         "--max-body-mb", "2", environ=ENV)
    assert (settings.db_url, settings.user, settings.password,
            settings.max_body_bytes) == ("sqlite:///opt.db", "BOB", "pw",
                                         2 * 1024 * 1024)


def test_defaults_without_either() -> None:
    settings = _settings(environ={})
    assert settings.db_url == DEFAULT_DB_URL
    assert settings.user == "DEVELOPER"
    assert settings.max_body_bytes == 256 * 1024 * 1024


def test_threads_are_the_server_s_default_unless_given() -> None:
    assert build_parser().parse_args(["serve"]).threads is None
    assert build_parser().parse_args(["serve", "--threads", "3"]).threads == 3


def test_a_worker_needs_at_least_one_thread() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--threads", "0"])
