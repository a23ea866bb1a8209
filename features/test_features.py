"""Every scenario of the feature files in this folder (how QA writes them:
docs/features.md; the step phrases: docs/steps.md)."""

from pytest_bdd import scenarios

scenarios(".")
