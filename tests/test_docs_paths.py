"""The guides name modules and paths that exist: every ``fake_sap/...``, ``crm_adapter/...``
and ``sap_client/...`` path and every dotted name under those packages in
docs/architecture.md and CONTRIBUTING.md is checked against the source tree, so the guides
cannot drift from the code. A module named by a shorter path in backticks (``luw.py``,
``ale/inbound/processor.py``, ``tests/test_luw.py``) must exist too: in the repository, or
under one of the packages.

A dotted name resolves to a module, or to a name defined in a module (a function, class,
constant or import), optionally followed by a name defined in that class. Everything is
read with ``ast``; nothing is imported.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ("docs/architecture.md", "CONTRIBUTING.md")
PACKAGES = ("fake_sap", "crm_adapter", "sap_client")
_PACKAGE = "|".join(PACKAGES)
#: a path such as fake_sap/http/control/*, crm_adapter/store/ or fake_sap/db/upsert.py::upsert
PATH = re.compile(rf"(?<![\w./-])((?:{_PACKAGE})/[\w./*-]*)(?:::(\w+))?")
#: a dotted name such as fake_sap.ale.inbound.processor.InboundProcessor.receive
DOTTED = re.compile(rf"(?<![\w./-])((?:{_PACKAGE})(?:\.\w+)+)")


#: a file path in backticks, e.g. `soap_rfc.py`, `rfc/luw.py` or `tests/test_luw.py`
SHORT_PATH = re.compile(r"`([\w./-]+\.py)`")


def short_paths(text: str) -> set[str]:
    return {match.group(1) for match in SHORT_PATH.finditer(text)
            if not match.group(1).startswith(PACKAGES)}


@functools.cache
def _package_files() -> tuple[str, ...]:
    return tuple(path.relative_to(ROOT).as_posix()
                 for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def short_path_exists(path: str) -> bool:
    return (ROOT / path).is_file() or any(f.endswith("/" + path) for f in _package_files())


def references(text: str) -> tuple[set[str], set[str]]:
    """The paths and dotted names a guide mentions."""
    paths = {match.group(1).rstrip(".") + (f"::{match.group(2)}" if match.group(2) else "")
             for match in PATH.finditer(text)}
    dotted = {match.group(1).rstrip(".") for match in DOTTED.finditer(text)}
    return paths, dotted


def path_exists(reference: str) -> bool:
    path, _, name = reference.partition("::")
    if "*" in path:
        return any(ROOT.glob(path))
    target = ROOT / path
    if not target.exists():
        return False
    return not name or name in defined_names(target)


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _names_in(body: list[ast.stmt]) -> dict[str, ast.AST]:
    names: dict[str, ast.AST] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                # an imported name stands for what it names where it comes from
                names[alias.asname or alias.name] = ast.Constant(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                names[(alias.asname or alias.name).split(".")[0]] = node
        elif isinstance(node, ast.If | ast.Try):
            names.update(_names_in(node.body))
    return names


def defined_names(path: Path) -> dict[str, ast.AST]:
    return _names_in(_tree(path).body)


def module_file(parts: list[str]) -> Path | None:
    base = ROOT.joinpath(*parts)
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if base.is_dir():
        return base / "__init__.py" if (base / "__init__.py").is_file() else base
    return None


def dotted_exists(name: str) -> bool:
    parts = name.split(".")
    for length in range(len(parts), 0, -1):
        found = module_file(parts[:length])
        if found is None:
            continue
        rest = parts[length:]
        if not rest:
            return True
        if found.is_dir():  # a package without __init__: only its modules can follow
            return False
        node = defined_names(found).get(rest[0])
        if node is None:
            return False
        if isinstance(node, ast.Constant) and str(node.value).startswith(PACKAGES):
            return dotted_exists(".".join([node.value, *rest[1:]]))
        if len(rest) == 1:
            return True
        return isinstance(node, ast.ClassDef) and len(rest) == 2 \
            and rest[1] in _names_in(node.body)
    return False


@pytest.mark.parametrize("guide", GUIDES)
def test_every_path_a_guide_names_exists(guide: str) -> None:
    paths, _dotted = references((ROOT / guide).read_text(encoding="utf-8"))
    assert paths, f"{guide} names no path: the pattern is wrong"
    assert sorted(p for p in paths if not path_exists(p)) == []


@pytest.mark.parametrize("guide", GUIDES)
def test_every_module_a_guide_names_exists(guide: str) -> None:
    _paths, dotted = references((ROOT / guide).read_text(encoding="utf-8"))
    assert dotted, f"{guide} names no module: the pattern is wrong"
    assert sorted(d for d in dotted if not dotted_exists(d)) == []


@pytest.mark.parametrize("guide", GUIDES)
def test_every_file_a_guide_names_by_a_short_path_exists(guide: str) -> None:
    paths = short_paths((ROOT / guide).read_text(encoding="utf-8"))
    assert paths, f"{guide} names no file by a short path: the pattern is wrong"
    assert sorted(p for p in paths if not short_path_exists(p)) == []


def test_the_check_tells_a_missing_module_from_an_existing_one() -> None:
    paths, dotted = references("See `fake_sap/db/upsert.py::upsert`, `fake_sap/nowhere.py`, "
                               "`fake_sap.ale.inbound.processor.InboundProcessor.receive` and "
                               "`fake_sap.sd.nothing_here`.")
    assert {p: path_exists(p) for p in paths} == {
        "fake_sap/db/upsert.py::upsert": True, "fake_sap/nowhere.py": False}
    assert {d: dotted_exists(d) for d in dotted} == {
        "fake_sap.ale.inbound.processor.InboundProcessor.receive": True,
        "fake_sap.sd.nothing_here": False}
    assert {p: short_path_exists(p) for p in short_paths(
        "`rfc/luw.py`, `tests/test_luw.py` and `rfc/nowhere.py`")} == {
        "rfc/luw.py": True, "tests/test_luw.py": True, "rfc/nowhere.py": False}
