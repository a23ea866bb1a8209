"""The ``fake-sap`` parser built for the command a line names (``fake_sap.cli.build_parser``):
the same options and values as the parser of every command, the contract tools' options
declared only when one of them is named (``tests/test_cli_imports.py`` checks that serving
does not import them)."""

from __future__ import annotations

import pytest

from fake_sap.cli import build_parser

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("words", [
    ["serve", "--port", "8123", "--workers", "3", "--threads", "4", "--demo"],
    ["seed", "--materials", "10", "--customers", "2"],
    ["contracts", "--check"],
    ["contract-check", "some.json"],
    ["db", "current"],
])
def test_the_parser_of_the_named_command_parses_as_the_full_one(words: list[str]) -> None:
    assert vars(build_parser(words[0]).parse_args(words)) == \
        vars(build_parser().parse_args(words))

