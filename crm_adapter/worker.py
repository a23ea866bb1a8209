"""The adapter's background worker: performs the outbox and finishes interrupted inbox work.

Layer: entry point (composition root of the worker process). ``crm-adapter worker`` runs
:func:`run_worker` until SIGTERM or SIGINT:

- the **outbox**: every intended SAP call, one at a time in order, over one RFC connection
  (:class:`sap_client.rfc.Connection`, opened from the settings and reopened after a
  communication error); failed calls are retried with backoff, SAP's business refusals are
  recorded and not retried, and a configuration error (a refused logon, a SOAP-RFC service
  without sessions) halts SAP calls until resumed (:mod:`crm_adapter.outbox`);
- the **inbox**: IDocs stored but never processed because the receiving process died in
  between (status ``received``) are processed at start and every ``pending_idoc_seconds``.

The worker's tables (outbox jobs, IDoc handlers) come from :mod:`crm_adapter.compose`.

Run one worker per CRM database. Handlers are idempotent, so a second worker or a restart
never creates a second SAP document, but one worker keeps the approval decisions in order
(each decision counts what earlier ones approved).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field, replace

from crm_adapter import compose
from crm_adapter.config import AdapterSettings
from crm_adapter.inbox import Inbox
from crm_adapter.outbox import OutboxWorker, UnitSettings, WorkerSettings
from crm_adapter.sap_connection import logon_digest, sap_connector
from crm_adapter.store.engine import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerOptions:
    """How the worker paces itself (the SAP logon comes from :class:`AdapterSettings`)."""

    outbox: WorkerSettings = field(default_factory=WorkerSettings)
    #: how often IDocs left unprocessed are looked for
    pending_idoc_seconds: float = 60.0


def run_worker(settings: AdapterSettings, stop: threading.Event,
               options: WorkerOptions | None = None) -> None:
    """Work until ``stop`` is set: the outbox continuously, unprocessed IDocs now and then."""
    options = options or WorkerOptions()
    db = Database(settings.db_url)
    db.create_schema()
    units = UnitSettings(settings.sap_units, settings.sap_in_doubt_seconds)
    outbox_worker = OutboxWorker(db, sap_connector(settings), replace(options.outbox, units=units),
                                 tables=compose.outbox_tables(), logon=logon_digest(settings))
    inbox = Inbox(db, compose.inbox_handlers())
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
