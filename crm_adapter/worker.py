"""The adapter's background worker: performs the outbox and finishes interrupted inbox work.

Layer: entry point (composition root of the worker process). ``crm-adapter worker`` runs
:func:`run_worker` until SIGTERM or SIGINT:

- the **outbox**: every intended SAP call, one at a time in order, over one RFC connection
  (:class:`sap_client.rfc.Connection`, opened from the settings and reopened after a
  communication error); failed calls are retried with backoff, SAP's business refusals are
  recorded and not retried (:mod:`crm_adapter.outbox`);
- the **inbox**: IDocs stored but never processed because the receiving process died in
  between (status ``received``) are processed at start and every ``pending_idoc_seconds``.

Run one worker per CRM database. Handlers are idempotent, so a second worker or a restart
never creates a second SAP document, but one worker keeps the approval decisions in order
(each decision counts what earlier ones approved).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from crm_adapter import flows
from crm_adapter.config import AdapterSettings
from crm_adapter.inbox import Inbox, default_handlers
from crm_adapter.outbox import OutboxWorker, WorkerSettings
from crm_adapter.store.engine import Database
from sap_client.rfc import Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerOptions:
    """How the worker paces itself (the SAP logon comes from :class:`AdapterSettings`)."""

    outbox: WorkerSettings = field(default_factory=WorkerSettings)
    #: how often IDocs left unprocessed are looked for
    pending_idoc_seconds: float = 60.0


def load_flows() -> list[str]:
    """Import every flow module, so that their outbox handlers are registered."""
    names = [f"{flows.__name__}.{module.name}"
             for module in pkgutil.iter_modules(flows.__path__) if not module.ispkg]
    for name in names:
        importlib.import_module(name)
    return names


def sap_connector(settings: AdapterSettings) -> Any:
    """A function opening an RFC connection (one SAP session) with the settings' logon."""
    def connect() -> Connection:
        return Connection(url=settings.sap_url, client=settings.sap_client,
                          user=settings.sap_user, passwd=settings.sap_password,
                          lang=settings.sap_language, timeout=settings.sap_timeout_seconds)
    return connect


def run_worker(settings: AdapterSettings, stop: threading.Event,
               options: WorkerOptions | None = None) -> None:
    """Work until ``stop`` is set: the outbox continuously, unprocessed IDocs now and then."""
    options = options or WorkerOptions()
    load_flows()
    db = Database(settings.db_url)
    db.create_schema()
    outbox_worker = OutboxWorker(db, sap_connector(settings), options.outbox)
    inbox = Inbox(db, default_handlers())
    next_inbox_pass = 0.0
    try:
        while not stop.is_set():
            if time.monotonic() >= next_inbox_pass:
                _process_pending_idocs(inbox)
                next_inbox_pass = time.monotonic() + options.pending_idoc_seconds
            if _outbox_pass(outbox_worker) == 0:
                stop.wait(options.outbox.poll_seconds)
    finally:
        outbox_worker.close()
        db.dispose()


def _outbox_pass(worker: OutboxWorker) -> int:
    try:
        return worker.run_once()
    except Exception:  # keep the worker alive; the entry is taken up again later
        log.exception("outbox pass failed")
        return 0


def _process_pending_idocs(inbox: Inbox) -> None:
    try:
        outcomes = inbox.process_pending()
    except Exception:  # the database may be busy or down; try again next time
        log.exception("processing pending IDocs failed")
        return
    if outcomes:
        log.info("processed %d IDoc(s) left unprocessed", len(outcomes))
