"""What the ``fake-sap`` command imports before it runs a command: the parser built for
``serve`` leaves the contract tools (``fake_sap.contracts``, ``fake_sap.contract_check``)
unimported, since a server never uses them. A fresh interpreter, so that no other test's
imports count."""

from __future__ import annotations

import subprocess
import sys


def _contract_modules_after(code: str) -> str:
    probe = (f"import sys; {code}; "
             "print(sorted(m for m in sys.modules if m.startswith('fake_sap.contract')))")
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_the_serve_parser_does_not_import_the_contract_tools() -> None:
    assert _contract_modules_after(
        "from fake_sap.cli import build_parser; build_parser('serve')") == "[]"


def test_the_contracts_parser_imports_its_own_tool() -> None:
    assert _contract_modules_after(
        "from fake_sap.cli import build_parser; build_parser('contracts')") \
        == "['fake_sap.contracts']"
