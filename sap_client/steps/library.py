"""The building blocks of the step library: step decorators that also record the step
catalogue, typed parameters for business values, and bounded waiting.

Layer: ``sap_client.steps`` (test support, shipped so that other projects can reuse the
steps). Imports pytest-bdd and parse; nothing of ``fake_sap`` or ``crm_adapter``.

Every step is declared with :func:`given`, :func:`when` or :func:`then` of this module
instead of pytest-bdd's own: the phrase is parsed with ``cfparse`` and the typed
parameters below, and the declaration carries an example (with a data table for a phrase
ending in ``:``) that ``docs/steps.md`` shows (``python -m sap_client.steps.catalogue`` writes
it)::

    @when('"{outlet:Name}" applies for {quantity:Number} "{material:Name}" ...',
          example='"Wuhan Outlet" applies for 10 "Compressor" ...')
    def outlet_applies(crm: CrmDriver, world: World, outlet: str, ...) -> None:
        \"\"\"What the step does (the docstring's first paragraph is the catalogue's).\"\"\"

Typed parameters (``{name:Type}``) are listed in :data:`PARAMETER_TYPES`: ``Name`` (a quoted
name), ``Number`` (a ``Decimal``), ``d`` (an ``int``), ``Date``, ``Month``. Step modules add
their own with :func:`register_choice` (one of a few phrases, e.g. a document's statuses) or
:func:`register_type`, before declaring the steps that use them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import parse
import pytest_bdd
from pytest_bdd import parsers

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


# --- typed parameters ------------------------------------------------------------------------

@parse.with_pattern(r'[^"]+')
def _name(text: str) -> str:
    return text


@parse.with_pattern(r"-?\d[\d,]*(?:\.\d+)?")
def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_MONTH_NAMES = "|".join(_MONTHS)


@parse.with_pattern(rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}} (?:{_MONTH_NAMES}) \d{{4}}")
def _date(text: str) -> date:
    if "-" in text:
        return date.fromisoformat(text)
    return datetime.strptime(text, "%d %B %Y").date()


@parse.with_pattern(rf"\d{{4}}-\d{{2}}|(?:{_MONTH_NAMES}) \d{{4}}")
def _month(text: str) -> str:
    if "-" in text:
        return text
    return datetime.strptime(text, "%B %Y").strftime("%Y-%m")


TYPES: dict[str, Callable[[str], Any]] = {"Name": _name, "Number": _number, "Date": _date,
                                          "Month": _month}


@dataclass(frozen=True)
class ParameterType:
    """How the catalogue explains a typed parameter."""

    name: str
    matches: str
    gives: str


#: the typed parameters for the catalogue; ``d`` is parse's own whole number
PARAMETER_TYPES: dict[str, ParameterType] = {
    "Name": ParameterType("Name", "anything between double quotes", "str"),
    "Number": ParameterType("Number", "`10`, `120.00`, `1,200.50`", "Decimal"),
    "d": ParameterType("d", "a whole number: `2`", "int"),
    "Date": ParameterType("Date", "`10 November 2025` or `2025-11-10`", "date"),
    "Month": ParameterType("Month", "`October 2025` or `2025-10`", "str YYYY-MM"),
}


def register_type(name: str, pattern: str, convert: Callable[[str], Any], *, matches: str,
                  gives: str) -> None:
    """Add a typed parameter for the phrases declared after this call."""
    TYPES[name] = parse.with_pattern(pattern)(convert)
    PARAMETER_TYPES[name] = ParameterType(name, matches, gives)


def register_choice(name: str, values: dict[str, T], gives: str) -> None:
    """A typed parameter that is one of a few phrases (case-insensitive), e.g. the statuses
    of a document: ``{"in SAP": Status.IN_SAP, ...}``."""
    by_phrase = {phrase.lower(): value for phrase, value in values.items()}
    # longest first, so that "partially delivered" is not read as "delivered"
    alternatives = sorted(values, key=len, reverse=True)
    register_type(name, "|".join(alternatives), lambda text: by_phrase[text.lower()],
                  matches="one of " + ", ".join(f"`{v}`" for v in values), gives=gives)


# --- the catalogue ---------------------------------------------------------------------------

@dataclass(frozen=True)
class StepDefinition:
    """One step phrase of the library, as the catalogue shows it."""

    kind: str  # given, when, then
    phrase: str
    example: str
    #: the example's data table (header row first), for a phrase ending in ":"
    table: tuple[tuple[str, ...], ...] | None
    summary: str
    module: str
    parser: parsers.StepParser


#: every step declared so far, in declaration order
CATALOGUE: list[StepDefinition] = []
Table = list[list[str]]


def _summary(function: Callable[..., Any]) -> str:
    """The first paragraph of the step function's docstring, on one line."""
    paragraph = (function.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(line.strip() for line in paragraph.splitlines())


def _declare(kind: str, phrase: str, example: str, table: Table | None,
             target_fixture: str | None) -> Callable[[F], F]:
    parser = parsers.cfparse(phrase, extra_types=dict(TYPES))
    if not parser.is_matching(example):
        raise ValueError(f"the example {example!r} does not match its phrase {phrase!r}")
    if phrase.endswith(":") != (table is not None):
        raise ValueError(f"{phrase!r}: a phrase ending in ':' takes a data table, and only "
                         "such a phrase has an example table")
    decorator = getattr(pytest_bdd, kind)

    def register(function: F) -> F:
        CATALOGUE.append(StepDefinition(
            kind, phrase, example, tuple(tuple(row) for row in table) if table else None,
            _summary(function), function.__module__, parser))
        # stacklevel 2: the step fixture belongs to the module that declares the step
        result: F = decorator(parser, target_fixture=target_fixture, stacklevel=2)(function)
        return result
    return register


def given(phrase: str, *, example: str, table: Table | None = None,
          target_fixture: str | None = None) -> Callable[[F], F]:
    """Declare a Given step (a state the scenario starts from)."""
    return _declare("given", phrase, example, table, target_fixture)


def when(phrase: str, *, example: str, table: Table | None = None,
         target_fixture: str | None = None) -> Callable[[F], F]:
    """Declare a When step (what happens)."""
    return _declare("when", phrase, example, table, target_fixture)


def then(phrase: str, *, example: str, table: Table | None = None,
         target_fixture: str | None = None) -> Callable[[F], F]:
    """Declare a Then step (what must be true afterwards)."""
    return _declare("then", phrase, example, table, target_fixture)


def steps_of(modules: Iterable[str]) -> list[StepDefinition]:
    """The declared steps of these modules (imported by then), in declaration order."""
    wanted = set(modules)
    return [step for step in CATALOGUE if step.module in wanted]


# --- data tables -----------------------------------------------------------------------------

def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    """A data table with a header row as one dict per row (header names lower-cased)."""
    header = [cell.strip().lower() for cell in datatable[0]]
    return [dict(zip(header, (cell.strip() for cell in row), strict=True))
            for row in datatable[1:]]


def to_number(text: str) -> Decimal:
    """A number of a data table cell (as the ``Number`` parameter reads it)."""
    return _number(text.strip())


def to_date(text: str) -> date:
    """A date of a data table cell (as the ``Date`` parameter reads it)."""
    return _date(text.strip())


def pairs(datatable: list[list[str]]) -> dict[str, str]:
    """A two-column data table without a header (field | value) as a dict."""
    return {row[0].strip().lower(): row[1].strip() for row in datatable}


# --- waiting ---------------------------------------------------------------------------------

def eventually(probe: Callable[[], T], accept: Callable[[T], bool], *, timeout: float = 10.0,
               what: str = "the condition") -> T:
    """Poll ``probe`` until ``accept`` holds for its result, within a bounded deadline."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        value = probe()
        if accept(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached within {timeout} s; last: {value!r}")
        pause.wait(0.02)
