"""Runtime settings of one emulator instance.

Settings are built once (from the command line, or from ``FAKE_SAP_*`` environment variables
for processes started by gunicorn) and passed down explicitly; nothing reads the environment
at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

DEFAULT_DB_URL = "sqlite:///var/fake_sap.db"


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    user: str = "DEVELOPER"
    password: str = "fake-sap"
    #: the client used when a request names none (SAP's default logon client)
    default_client: str = "100"
    #: IDoc-XML bodies above this size are refused with 413
    max_body_bytes: int = 256 * 1024 * 1024
    #: how often the outbound dispatcher looks for due IDocs when nobody wakes it
    dispatch_poll_seconds: float = 0.5
    #: first retry delay for an IDoc that could not be passed to its port (status 02)
    retry_base_seconds: float = 1.0
    #: after this many failed attempts an outbound IDoc waits for a manual resend (BD87)
    retry_max_attempts: int = 8
    #: timeout of one HTTP POST to a partner's XML-HTTP port
    port_timeout_seconds: float = 10.0
    #: run the outbound dispatcher thread (off for one-shot commands)
    dispatcher: bool = True
    #: server worker processes sharing the database (set by ``fake-sap serve --workers``)
    server_workers: int = 1
    #: when set, every ``/_fake/`` path requires ``Authorization: Bearer <token>``; empty
    #: (the default) leaves the control API open, for a server only its own machine reaches
    control_token: str = ""
    #: number range objects drawn in blocks per process, SAP's buffered number ranges:
    #: ``"RV_BELEG=100,EINKBELEG=10"`` (see fake_sap.db.numbers); empty: none buffered
    number_buffers: str = ""
    #: SAP's profile parameter login/fails_to_user_lock: this many wrong passwords in a row
    #: lock the logon user in that client until it is unlocked (SAP's default 5, allowed
    #: 1-99); 0 never locks, the emulator's own switch
    login_fails_to_user_lock: int = 5

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read ``FAKE_SAP_<FIELD>`` variables; unknown or missing ones keep their defaults."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(f"FAKE_SAP_{f.name.upper()}")
            if raw is None:
                continue
            default = getattr(cls, f.name)
            if isinstance(default, bool):
                values[f.name] = raw.lower() in ("1", "true", "yes", "on")
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        return replace(cls(), **values)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """The inverse of :meth:`from_env`, used to hand settings to worker processes."""
        return {f"FAKE_SAP_{f.name.upper()}": str(getattr(self, f.name)) for f in fields(self)}
