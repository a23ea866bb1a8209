"""docs/testing-with-fake-sap.md: its examples are tests, run the way another project runs
them (a scratch project, nothing but the installed plugin).

A ```python block marked ``<!-- test -->`` becomes a test module of its own, blocks marked
``<!-- conftest -->`` together become the scratch project's conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path

# pytester's in-process runs drop the modules a run imported first; httpx imports httpcore
# lazily and keeps its exception classes, so httpcore must be loaded before any run
import httpcore  # noqa: F401
import pytest

pytest_plugins = ["pytester"]

HOWTO = Path(__file__).resolve().parents[1] / "docs" / "testing-with-fake-sap.md"
MARKED_BLOCK = re.compile(r"<!-- (test|conftest) -->\n```python\n(.*?)```", re.DOTALL)
PYTHON_BLOCK = re.compile(r"^```python$", re.MULTILINE)
TEST_FUNCTION = re.compile(r"^def test_", re.MULTILINE)


def marked_blocks(kind: str) -> list[str]:
    return [code for marker, code in MARKED_BLOCK.findall(HOWTO.read_text(encoding="utf-8"))
            if marker == kind]


def test_every_python_example_of_the_howto_is_run_as_a_test_or_a_conftest():
    blocks = len(PYTHON_BLOCK.findall(HOWTO.read_text(encoding="utf-8")))

    assert blocks == len(marked_blocks("test")) + len(marked_blocks("conftest")) > 0


def test_the_howto_examples_pass_with_nothing_but_the_installed_plugin(
        pytester: pytest.Pytester):
    tests = marked_blocks("test")
    pytester.makeconftest("\n\n".join(marked_blocks("conftest")))
    pytester.makepyfile(**{f"test_howto_{number:02d}": code
                           for number, code in enumerate(tests, start=1)})

    result = pytester.runpytest("-p", "no:cacheprovider", "-q")

    result.assert_outcomes(passed=sum(len(TEST_FUNCTION.findall(code)) for code in tests))
