"""The Gherkin step library and its catalogue: docs/steps.md is what the library declares,
every phrase is unambiguous, and the feature files and the library fit each other.

No server is needed: these tests read the declarations and the feature files only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_bdd.parser import FeatureParser, Step

from sap_client.steps import catalogue
from sap_client.steps.library import StepDefinition

pytestmark = pytest.mark.unit

REPOSITORY = Path(__file__).resolve().parents[1]
FEATURES = REPOSITORY / "features"
#: the step libraries of the scenarios, SAP's first (as features/conftest.py loads them)
LIBRARIES = ["fake_sap.testing.bdd", "crm_adapter.testing.bdd"]
STEPS = catalogue.load(LIBRARIES)


def matching(text: str, kind: str) -> list[StepDefinition]:
    return [step for step in STEPS if step.kind == kind and step.parser.is_matching(text)]


def scenario_steps() -> Iterator[tuple[str, Step]]:
    """Every step of every scenario (outlines once per example), with where it is."""
    for path in sorted(FEATURES.glob("*.feature")):
        feature = FeatureParser(str(FEATURES), path.name).parse()
        for template in feature.scenarios.values():
            contexts = [context for examples in template.examples
                        for context in examples.as_contexts()] or [{}]
            for context in contexts:
                for step in template.render(context).steps:
                    yield f"{path.name}:{step.line_number}", step


def test_the_step_catalogue_is_up_to_date() -> None:
    committed = (REPOSITORY / catalogue.DEFAULT_OUTPUT).read_text(encoding="utf-8")

    assert committed == catalogue.render(STEPS, LIBRARIES), \
        f"docs/steps.md is stale: run {catalogue.command(LIBRARIES)}"


def test_the_catalogue_shows_every_step_with_its_example() -> None:
    text = catalogue.render(STEPS, LIBRARIES)

    for step in STEPS:
        assert f"`{step.phrase}`" in text
        assert f"{step.kind.capitalize()} {step.example}" in text


@pytest.mark.parametrize("step", STEPS, ids=lambda s: f"{s.kind} {s.example[:60]}")
def test_every_example_matches_its_own_phrase_only(step: StepDefinition) -> None:
    assert matching(step.example, step.kind) == [step]


def test_every_scenario_step_has_exactly_one_definition() -> None:
    problems = [f"{where} {step.type} {step.name!r}: "
                f"{[s.phrase for s in found] or 'no definition'}"
                for where, step in scenario_steps()
                if len(found := matching(step.name, step.type)) != 1]

    assert problems == []


def test_every_step_of_the_library_is_used_by_a_scenario() -> None:
    used = {id(found[0]) for _, step in scenario_steps()
            if len(found := matching(step.name, step.type)) == 1}

    assert [f"{s.kind} {s.phrase}" for s in STEPS if id(s) not in used] == []


@pytest.mark.parametrize(("text", "value"), [
    ('the business date is 10 November 2025', date(2025, 11, 10)),
    ('the business date is 2025-11-01', date(2025, 11, 1)),
])
def test_dates_are_read_in_words_or_iso(text: str, value: date) -> None:
    [step] = matching(text, "given")

    assert step.parser.parse_arguments(text) == {"day": value}


def test_numbers_may_have_thousands_separators() -> None:
    text = ('SAP has the outlet "Wuhan Outlet" of "Hubei Center" with a credit limit of '
            '1,250,000.50 CNY')
    [step] = matching(text, "given")

    assert step.parser.parse_arguments(text)["limit"] == Decimal("1250000.50")


def test_a_status_phrase_is_not_read_as_a_shorter_one() -> None:
    [step] = matching('application "A1" is partially delivered', "then")

    assert step.parser.parse_arguments('application "A1" is partially delivered')[
        "status"] == "partially_delivered"
