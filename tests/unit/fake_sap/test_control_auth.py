"""Reading and comparing the control API's bearer token."""

from __future__ import annotations

import pytest

from fake_sap.http.control.auth import is_control_path, presented_token, token_matches

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("header", "token"), [
    (None, None), ("", None), ("Bearer", None), ("Bearer   ", None), ("Basic abc", None),
    ("Bearer abc", "abc"), ("bearer abc", "abc"), ("BEARER  abc ", "abc"),
])
def test_the_token_is_read_from_a_bearer_header_only(header: str | None,
                                                      token: str | None) -> None:
    assert presented_token(header) == token


def test_only_the_exact_token_matches() -> None:
    assert token_matches("s3cret", "Bearer s3cret")
    assert not token_matches("s3cret", "Bearer s3cre")
    assert not token_matches("s3cret", "Bearer s3cret2")
    assert not token_matches("s3cret", None)
    assert not token_matches("päss", "Bearer pass")


@pytest.mark.parametrize(("path", "guarded"), [
    ("/_fake", True), ("/_fake/", True), ("/_fake/clients/100", True),
    ("/_fakeish", False), ("/sap/bc/soap/rfc", False), ("/", False),
    # the console asks for the same token itself, with a login form a browser can use
    ("/_fake/ui", False), ("/_fake/ui/idocs", False), ("/_fake/uix", True),
])
def test_every_path_under_the_control_prefix_is_guarded(path: str, guarded: bool) -> None:
    assert is_control_path(path) is guarded
