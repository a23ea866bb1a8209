"""The CRM console answers HTTP errors under ``/ui/`` as pages, as its OpenAPI document
says; the JSON API under ``/api/`` keeps answering them with JSON (a real
``crm-adapter serve`` process)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from crm_driver import CrmProcess


@pytest.fixture
def http(crm_process: CrmProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=crm_process.url, timeout=30.0) as client:
        yield client


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/ui/applications/null,null"),
    ("GET", "/ui/inbox/not-a-number"),
    ("POST", "/ui/outbox/not-a-number/retry"),
    ("GET", "/ui/no-such-page"),
])
def test_a_console_url_no_page_matches_is_a_404_page(http: httpx.Client, method: str,
                                                     path: str) -> None:
    response = http.request(method, path)

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<html" in response.text.lower()


def test_an_api_url_no_route_matches_is_still_a_json_404(http: httpx.Client) -> None:
    response = http.get("/api/applications/null,null")

    assert response.status_code == 404
    assert response.json()["error"] == "NOT_FOUND"
