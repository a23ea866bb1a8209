"""The names of the databases of the xdist workers (tests/worker_databases.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url
from worker_databases import MAX_NAME_LENGTH, worker_database_name, worker_url

pytestmark = pytest.mark.unit


def test_a_postgresql_database_gets_the_worker_s_id_appended():
    url = make_url("postgresql+psycopg://postgres:secret@127.0.0.1:5433/fake_sap_test")

    mine = worker_url(url, "gw3")

    assert mine.database == "fake_sap_test_gw3"
    assert (mine.host, mine.port, mine.username, mine.password) == (
        "127.0.0.1", 5433, "postgres", "secret")


def test_a_long_name_is_shortened_but_keeps_the_worker_s_id_whole():
    name = worker_database_name("x" * 80, "gw12")

    assert len(name) == MAX_NAME_LENGTH
    assert name.endswith("x_gw12")


def test_a_sqlite_file_gets_a_sibling_per_worker():
    assert worker_url(make_url("sqlite:///var/tests/sap.db"), "gw0").database == \
        "var/tests/sap_gw0.db"


def test_an_in_memory_sqlite_database_is_left_as_it_is():
    assert worker_url(make_url("sqlite://"), "gw0") == make_url("sqlite://")
