"""Deterministic master data (placeholder until the seeding module lands)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(func=lambda args: 1)


def seed_demo(db_url: str, client: str) -> None:
    return None
