"""The control API's "not blank" pattern refuses exactly the texts ``str.strip`` leaves empty,
as the handlers check them (ECMAScript's ``\\S`` would admit U+001C-U+001F)."""

from __future__ import annotations

import re
import sys

import pytest

from fake_sap.http.control.openapi import NOT_BLANK

pytestmark = pytest.mark.unit


def test_not_blank_refuses_exactly_the_white_space_strip_removes() -> None:
    pattern = re.compile(NOT_BLANK)
    disagree = [hex(code) for code in range(sys.maxunicode + 1)
                if (pattern.search(chr(code)) is None) != (chr(code).strip() == "")]
    assert disagree == []
