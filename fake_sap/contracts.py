"""Regenerating contracts/ (placeholder until the contracts module lands)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(func=lambda args: 1)
