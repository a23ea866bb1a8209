"""One writer per table: the rule of ``fake_sap.db.writers``, checked on the source.

The scan reads every module of ``fake_sap`` (without importing it) and finds the statements
that change a table: ``insert(t)``, ``update(t)``, ``delete(t)`` and their dialect variants,
``t.insert()``/``.update()``/``.delete()``, the upsert and bulk helpers of ``fake_sap.db``
called with a table, and the row changes (``RowChanges``) a writer plans for a table. A
table is recognised by name through the module's imports. Each write must come from the
table's declared writer.
"""

from __future__ import annotations

import ast
import functools
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_sap.db import schema
from fake_sap.db.writers import WRITERS

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parent.parent / "fake_sap"
#: functions that write the table given as their first or second argument
WRITING_FUNCTIONS = frozenset({
    "insert", "update", "delete", "pg_insert", "sqlite_insert", "upsert", "insert_if_absent",
    "advance_if_newer", "write_rows", "execute_rows", "dialect_insert"})
#: methods of a table that make a writing statement
WRITING_METHODS = frozenset({"insert", "update", "delete"})
#: the lists of ``fake_sap.db.upsert.RowChanges`` that hold (table, ...) tuples
ROW_CHANGE_LISTS = frozenset({"upserts", "deletes", "updates"})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def _parsed() -> tuple[tuple[str, ast.Module], ...]:
    return tuple((module_name(path), ast.parse(path.read_text(encoding="utf-8")))
                 for path in sorted(PACKAGE.rglob("*.py"))
                 # the migrations are history, run by Alembic, not writers of today's rows
                 if not module_name(path).startswith("fake_sap.db.migrations"))


def source_modules() -> Iterator[tuple[str, ast.Module]]:
    yield from _parsed()


def declared_tables() -> dict[tuple[str, str], str]:
    """(module, variable) → table name of every module-level ``x = Table("name", ...)``."""
    found = {}
    for module, tree in source_modules():
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                    and isinstance(node.value.func, ast.Name) \
                    and node.value.func.id == "Table" and node.value.args:
                first = node.value.args[0]
                assert isinstance(first, ast.Constant)
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[(module, target.id)] = first.value
    return found


class WriteFinder(ast.NodeVisitor):
    """The writes of one module, as (table name, line)."""

    def __init__(self, module: str, tree: ast.Module, tables: dict[tuple[str, str], str]):
        self.module = module
        self.tables = tables
        self.imported: dict[str, tuple[str, str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    self.imported[alias.asname or alias.name] = (node.module, alias.name)
        self.writes: list[tuple[str, int]] = []

    def table(self, expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Name):
            key = (self.module, expr.id)
            if key in self.tables:
                return self.tables[key]
            origin = self.imported.get(expr.id)
            return self.tables.get(origin) if origin else None
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            origin = self.imported.get(expr.value.id)
            if origin:
                return self.tables.get((".".join(origin), expr.attr))
        return None

    def record(self, expr: ast.expr, line: int) -> None:
        table = self.table(expr)
        if table is not None:
            self.writes.append((table, line))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else \
            func.attr if isinstance(func, ast.Attribute) else ""
        if isinstance(func, ast.Attribute) and func.attr in WRITING_METHODS:
            self.record(func.value, node.lineno)
        if name in WRITING_FUNCTIONS:
            for argument in node.args[:2]:
                self.record(argument, node.lineno)
        planned_rows = name == "RowChanges" or (
            isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)
            and func.value.attr in ROW_CHANGE_LISTS)
        if planned_rows:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Tuple) and inner.elts:
                    self.record(inner.elts[0], inner.lineno)
        self.generic_visit(node)


def writes_by_table() -> dict[str, dict[str, list[int]]]:
    """table name → module → lines that write it."""
    tables = declared_tables()
    found: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for module, tree in source_modules():
        finder = WriteFinder(module, tree, tables)
        finder.visit(tree)
        for table, line in finder.writes:
            found[table][module].append(line)
    return found


def test_every_table_of_the_schema_names_its_writer() -> None:
    assert set(WRITERS) == set(schema.metadata.tables)


def test_every_declared_writer_is_a_module_of_the_emulator() -> None:
    modules = {module for module, _tree in source_modules()}
    assert set(WRITERS.values()) <= modules


def test_no_module_but_its_writer_writes_a_table() -> None:
    strangers = {table: {module: lines for module, lines in modules.items()
                         if module != WRITERS.get(table)}
                 for table, modules in writes_by_table().items()}
    assert {table: modules for table, modules in strangers.items() if modules} == {}


def test_the_scan_finds_each_writer_writing_its_tables() -> None:
    # a scan that recognises nothing would pass the test above: every table must be seen
    # written by its writer (directly, or as rows it plans for the upsert path)
    written = writes_by_table()
    assert {table for table in WRITERS if WRITERS[table] not in written.get(table, {})} == set()


def test_the_scan_sees_a_write_from_a_module_that_is_not_the_writer() -> None:
    source = ("from sqlalchemy import update\n"
              "from fake_sap.db.schema import knkk\n"
              "def move(conn):\n"
              "    conn.execute(update(knkk).values(skfor='1'))\n")
    tree = ast.parse(source)
    finder = WriteFinder("fake_sap.fi.somewhere", tree, declared_tables())
    finder.visit(tree)
    assert finder.writes == [("knkk", 4)]
