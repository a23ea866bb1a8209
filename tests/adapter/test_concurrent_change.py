"""A request that loses a race on a unique row gets a clean 409, never a 500."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from crm_adapter.config import AdapterSettings
from crm_adapter.http.app import create_app


def test_a_lost_race_on_a_unique_row_is_a_conflict(tmp_path):
    app = create_app(AdapterSettings(db_url=f"sqlite:///{tmp_path / 'crm.db'}"))

    @app.post("/api/race")
    def lose_the_race() -> None:
        raise IntegrityError("INSERT INTO settlements ...", {}, Exception("duplicate key"))

    response = app.test_client().post("/api/race")

    assert response.status_code == 409
    assert response.get_json()["error"] == "CONCURRENT_CHANGE"
