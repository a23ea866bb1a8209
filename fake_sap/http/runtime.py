"""Per-process runtime objects shared by the blueprints (database, settings, dispatcher)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from fake_sap.ale.dispatcher import Dispatcher
from fake_sap.config import Settings
from fake_sap.db.engine import Database


@dataclass
class Runtime:
    settings: Settings
    db: Database
    dispatcher: Dispatcher


def runtime() -> Runtime:
    return current_app.extensions["fake_sap"]  # type: ignore[no-any-return]
