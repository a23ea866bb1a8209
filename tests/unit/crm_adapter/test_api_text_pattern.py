"""The adapter API's free-text schema and its handlers agree on what blank is: the pattern
accepts a text exactly when ``str.strip`` leaves something of it (a random schemathesis
campaign found a text of one U+001F that ECMAScript's ``\\S`` accepts and the API stripped to
nothing)."""

from __future__ import annotations

import re
import sys

import pytest

from crm_adapter.http.openapi import TEXT

pytestmark = pytest.mark.unit


def test_the_text_pattern_refuses_exactly_the_white_space_strip_removes() -> None:
    pattern = re.compile(TEXT["pattern"])
    disagree = [hex(code) for code in range(sys.maxunicode + 1)
                if (pattern.search(chr(code)) is None) != (chr(code).strip() == "")]
    assert disagree == []


@pytest.mark.parametrize("text", ["\x1f", " \u3000\t", "\x85"])
def test_a_text_of_white_space_only_does_not_match(text: str) -> None:
    assert re.search(TEXT["pattern"], text) is None
