"""Adapter settings: from a TOML file and/or ``CRM_ADAPTER_*`` environment variables."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True)
class AdapterSettings:
    #: the CRM's own database
    db_url: str = "sqlite:///var/crm_adapter.db"
    #: SAP's HTTP base URL (ICF), e.g. http://sap-host:8000
    sap_url: str = "http://127.0.0.1:8000"
    sap_client: str = "100"
    sap_user: str = "DEVELOPER"
    sap_password: str = "fake-sap"
    sap_language: str = "EN"
    sap_timeout_seconds: float = 30.0
    #: base URL of the fake-sap console the CRM console links SAP documents to (its
    #: document flow page); empty: the same as ``sap_url``
    sap_console_url: str = ""
    #: SAP documents are created in transactional RFC units: ``auto`` (where the server has
    #: them), ``on`` (always; a server without units is an error) or ``off``
    sap_units: str = "auto"
    #: without units, how long an unknown outcome (a timeout, a reset connection, an HTTP 5xx)
    #: is re-checked by reference before the document is created again; longer than an SAP
    #: dialog work process may run (rdisp/max_wprun_time, commonly 600 s)
    sap_in_doubt_seconds: float = 900.0
    #: the CRM's logical system (the partner SAP sends IDocs to)
    logical_system: str = "CRMCLNT100"
    #: Basic credentials SAP's XML-HTTP port uses when posting IDocs to the receiver
    receiver_user: str = "sap"
    receiver_password: str = "crm-secret"
    #: when the receiver applies the IDocs it stored: ``before_answer`` (the answer counts
    #: what was applied) or ``after_answer`` (SAP gets its answer as soon as the IDocs are
    #: stored and sends the next packet while this one is applied: for initial loads, like
    #: "trigger by background program" in an SAP inbound partner profile)
    receiver_processing: str = "before_answer"
    #: the CRM's business date (YYYY-MM-DD) instead of the calendar's; empty: today in China
    today: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None,
             environ: dict[str, str] | None = None) -> AdapterSettings:
        """Defaults, then the TOML file (section ``[crm_adapter]`` or top level), then env."""
        settings = cls()
        if path is not None:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            data = data.get("crm_adapter", data)
            known = {f.name for f in fields(cls)}
            settings = replace(settings, **{k: v for k, v in data.items() if k in known})
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(f"CRM_ADAPTER_{f.name.upper()}")
            if raw is not None:
                values[f.name] = float(raw) if isinstance(getattr(settings, f.name), float) \
                    else raw
        loaded = replace(settings, **values)  # type: ignore[arg-type]
        if loaded.receiver_processing not in RECEIVER_PROCESSING:
            raise ValueError(f"receiver_processing must be one of "
                             f"{', '.join(RECEIVER_PROCESSING)}, not "
                             f"{loaded.receiver_processing!r}")
        if loaded.sap_units not in SAP_UNITS:
            raise ValueError(f"sap_units must be one of {', '.join(SAP_UNITS)}, not "
                             f"{loaded.sap_units!r}")
        return loaded


#: the values of ``sap_units``
SAP_UNITS = ("auto", "on", "off")
#: the values of ``receiver_processing``
RECEIVER_PROCESSING = ("before_answer", "after_answer")
