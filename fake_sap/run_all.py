"""``python -m fake_sap.run_all`` (``make run``): the emulator and the CRM adapter, wired.

Starts three processes and keeps them running until Ctrl-C (SIGINT) or SIGTERM:

- ``fake-sap serve --demo`` (SAP, client 100 with the demo master data),
- ``crm-adapter serve`` (the CRM: IDoc receiver and JSON API),
- ``crm-adapter worker`` (the CRM's outbox: its BAPI calls to SAP).

Once both servers answer, the CRM is registered in SAP as partner ``CRMCLNT100``
(WE20/WE21: an XML-HTTP port on the adapter's receiver, outbound MATMAS, DEBMAS, DESADV).
Then the CRM gets its initial load the way an SAP team gives it: BD10 and BD12 send every
demo material and customer as a full MATMAS/DEBMAS IDoc, which SAP's ALE layer passes to
the CRM's receiver. Then it prints what to try.

This module is the one place that knows both sides; the adapter itself never imports
``fake_sap``. Ports and the data directory come from the arguments or ``RUN_ALL_*``
environment variables (``--help``).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import select

from fake_sap.db.engine import Database
from fake_sap.db.schema import kna1, mara
from fake_sap.seed import OUTLET_GROUP

CLIENT = "100"
CRM_PARTNER = "CRMCLNT100"
CRM_MESSAGE_TYPES = ["MATMAS", "DEBMAS", "DESADV"]
#: the adapter's receiver logon as SAP's port uses it (the adapter's default settings)
RECEIVER_USER, RECEIVER_PASSWORD = "sap", "crm-secret"
READY_SECONDS = 60.0
FLOW_SECONDS = 300.0
STOP_SECONDS = 10.0


@dataclass(frozen=True)
class Landscape:
    host: str
    sap_host: str
    crm_host: str
    sap_port: int
    crm_port: int
    var: Path
    receiver_user: str
    receiver_password: str
    #: SAP's database when it is not the SQLite file under ``var`` (e.g. PostgreSQL)
    sap_database: str | None = None

    @property
    def sap_url(self) -> str:
        return f"http://{self.sap_host}:{self.sap_port}"

    @property
    def crm_url(self) -> str:
        return f"http://{self.crm_host}:{self.crm_port}"

    @property
    def sap_db_url(self) -> str:
        return self.sap_database or f"sqlite:///{self.var / 'fake_sap.db'}"

    @property
    def crm_db_url(self) -> str:
        return f"sqlite:///{self.var / 'crm_adapter.db'}"


# --- the processes ---------------------------------------------------------------------------

class Processes:
    """The child processes, stopped together (SIGTERM, then SIGKILL after a grace time)."""

    def __init__(self) -> None:
        self.running: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.running[name] = subprocess.Popen(command, env={**os.environ, **env})

    def exited(self) -> str | None:
        """The name of a child that is no longer running, if any."""
        return next((name for name, p in self.running.items() if p.poll() is not None), None)

    def stop(self) -> None:
        for process in self.running.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in self.running.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def start_all(processes: Processes, landscape: Landscape) -> None:
    python = sys.executable
    processes.start("fake-sap", [
        python, "-m", "fake_sap.cli", "serve", "--demo", "--host", landscape.host,
        "--port", str(landscape.sap_port), "--db", landscape.sap_db_url], {})
    adapter_env = {
        "CRM_ADAPTER_DB_URL": landscape.crm_db_url, "CRM_ADAPTER_SAP_URL": landscape.sap_url,
        "CRM_ADAPTER_SAP_CLIENT": CLIENT, "CRM_ADAPTER_LOGICAL_SYSTEM": CRM_PARTNER,
        "CRM_ADAPTER_RECEIVER_USER": landscape.receiver_user,
        "CRM_ADAPTER_RECEIVER_PASSWORD": landscape.receiver_password}
    processes.start("crm-adapter", [
        python, "-m", "crm_adapter.cli", "serve", "--host", landscape.host,
        "--port", str(landscape.crm_port)], adapter_env)
    processes.start("crm-adapter worker", [
        python, "-m", "crm_adapter.cli", "worker", "--log-level", "warning"], adapter_env)


def wait_until(check: Callable[[], bool], seconds: float, what: str,
               processes: Processes) -> None:
    """Poll ``check`` until it holds; fail when a child died or time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        dead = processes.exited()
        if dead is not None:
            raise RuntimeError(f"{dead} exited while waiting for {what}")
        if check():
            return
        threading.Event().wait(0.1)
    raise RuntimeError(f"gave up waiting for {what} after {seconds:.0f} s")


def answers(url: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return httpx.get(url, timeout=2.0).status_code < 500
        except httpx.TransportError:
            return False
    return check


# --- wiring and demo data --------------------------------------------------------------------

def control_headers() -> dict[str, str]:
    """The control token the emulator was started with (it inherits this environment)."""
    token = os.environ.get("FAKE_SAP_CONTROL_TOKEN")
    return {"Authorization": f"Bearer {token}"} if token else {}


def register_crm(landscape: Landscape) -> None:
    """WE20/WE21: the CRM as a logical system with an XML-HTTP port on its receiver."""
    response = httpx.put(
        f"{landscape.sap_url}/_fake/clients/{CLIENT}/partners/{CRM_PARTNER}", timeout=30.0,
        headers=control_headers(), json={"port": {"url": f"{landscape.crm_url}/sap/idoc",
                       "user": landscape.receiver_user,
                       "password": landscape.receiver_password},
              "outbound": CRM_MESSAGE_TYPES, "inbound": []})
    response.raise_for_status()


def send_demo_data(landscape: Landscape) -> int:
    """BD10 and BD12: every demo material and customer as a full IDoc to the CRM (its
    initial load; customers in KUNNR order, centers before the outlets that point at them).
    Returns how many IDocs SAP created."""
    created = 0
    for mestyp, transaction in (("MATMAS", "BD10"), ("DEBMAS", "BD12")):
        response = httpx.post(
            f"{landscape.sap_url}/_fake/clients/{CLIENT}/ale/send-master-data", timeout=300.0,
            headers=control_headers(), json={"message_type": mestyp, "receiver": CRM_PARTNER})
        response.raise_for_status()
        created += int(response.json()["created"])
        print(f"  {transaction}: SAP sends the demo {mestyp} to the CRM", flush=True)
    return created


def outbound_waiting(landscape: Landscape) -> int:
    """Outbound IDocs to the CRM not passed yet (status 30 ready, 02 port error)."""
    return sum(outbound_count(landscape, status) for status in ("30", "02"))


def outbound_count(landscape: Landscape, status: str | None = None) -> int:
    """Outbound IDocs to the CRM in the IDoc monitor, in one status or all."""
    params = {"direction": "outbound", "partner": CRM_PARTNER, "limit": "1",
              **({"status": status} if status else {})}
    response = httpx.get(f"{landscape.sap_url}/_fake/clients/{CLIENT}/idocs", timeout=30.0,
                         params=params, headers=control_headers())
    response.raise_for_status()
    return int(response.json()["total"])


def example_keys(db_url: str, mandt: str = CLIENT) -> tuple[str, str]:
    """An outlet and a material of the demo data, for the examples (external format)."""
    db = Database(db_url)
    try:
        with db.read() as conn:
            outlet = conn.execute(select(kna1.c.kunnr).where(
                kna1.c.mandt == mandt, kna1.c.ktokd == OUTLET_GROUP).order_by(kna1.c.kunnr)
            ).scalar() or ""
            material = conn.execute(select(mara.c.matnr).where(
                mara.c.mandt == mandt).order_by(mara.c.matnr)).scalar() or ""
    finally:
        db.dispose()
    return outlet.lstrip("0"), material.lstrip("0") if material.isdigit() else material


def what_to_try(landscape: Landscape, examples: tuple[str, str]) -> str:
    sap, crm = landscape.sap_url, landscape.crm_url
    outlet, material = examples
    return f"""
SAP (fake-sap, client {CLIENT}) on {sap}, the CRM adapter on {crm}; data under {landscape.var}/.
The demo materials and customers went from SAP to the CRM as MATMAS/DEBMAS IDocs.

What to try:
  # CRM: materials created from SAP that still need their CRM-only fields
  curl -s '{crm}/api/materials/maintenance'
  # CRM: an outlet applies for material;
  # approving it makes the worker create the sales order in SAP
  curl -s -X POST '{crm}/api/applications' -H 'Content-Type: application/json' \\
       -d '{{"outlet": "{outlet}", "type": "sales_order",
            "items": [{{"material": "{material}", "quantity": "2"}}]}}'
  curl -s -X POST '{crm}/api/applications/1/approve'
  curl -s '{crm}/api/applications/1'
  # SAP: the IDoc monitor (WE02), the outbound IDocs sent to the CRM
  curl -s '{sap}/_fake/clients/{CLIENT}/idocs?direction=outbound&limit=5'
  # the APIs: {sap}/_fake/openapi.json and {crm}/api/openapi.json

Ctrl-C stops all three processes.
"""


# --- the command -----------------------------------------------------------------------------

def parse_arguments(argv: Sequence[str] | None) -> tuple[Landscape, bool]:
    env = os.environ
    parser = argparse.ArgumentParser(prog="python -m fake_sap.run_all", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=env.get("RUN_ALL_HOST", "127.0.0.1"))
    parser.add_argument("--sap-host", default=env.get("RUN_ALL_SAP_HOST"),
                        help="where SAP answers (default --host)")
    parser.add_argument("--crm-host", default=env.get("RUN_ALL_CRM_HOST"),
                        help="where the CRM answers, also for SAP's port (default --host)")
    parser.add_argument("--wire-only", action="store_true",
                        help="start nothing: wire running servers and load the demo data "
                             "(docker/compose.yaml)")
    parser.add_argument("--sap-port", type=int, default=int(env.get("RUN_ALL_SAP_PORT", 8000)))
    parser.add_argument("--crm-port", type=int, default=int(env.get("RUN_ALL_CRM_PORT", 8001)))
    parser.add_argument("--var", type=Path, default=Path(env.get("RUN_ALL_VAR", "var")),
                        help="directory of the two SQLite databases (default var/)")
    parser.add_argument("--sap-db", default=env.get("RUN_ALL_SAP_DB_URL"),
                        help="SAP's database URL, if not the SQLite file under --var "
                             "(--wire-only reads the demo data's keys from it)")
    args = parser.parse_args(argv)
    return Landscape(args.host, args.sap_host or args.host, args.crm_host or args.host,
                     args.sap_port, args.crm_port, args.var.resolve(),
                     env.get("CRM_ADAPTER_RECEIVER_USER", RECEIVER_USER),
                     env.get("CRM_ADAPTER_RECEIVER_PASSWORD", RECEIVER_PASSWORD),
                     args.sap_db), args.wire_only


def main(argv: Sequence[str] | None = None) -> int:
    landscape, wire_only = parse_arguments(argv)
    landscape.var.mkdir(parents=True, exist_ok=True)
    if wire_only:
        wire_and_load(Processes(), landscape)
        return 0
    # SIGTERM (docker stop, a test) ends the launcher like Ctrl-C does
    signal.signal(signal.SIGTERM, _interrupt)
    processes = Processes()
    try:
        start_all(processes, landscape)
        wire_and_load(processes, landscape)
        while (dead := processes.exited()) is None:
            threading.Event().wait(0.5)
        print(f"{dead} exited; stopping the others", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("stopping fake-sap and the CRM adapter", flush=True)
        return 0
    except (RuntimeError, httpx.HTTPError) as error:
        print(f"run_all: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        processes.stop()


def wire_and_load(processes: Processes, landscape: Landscape) -> None:
    wait_until(answers(f"{landscape.sap_url}/_fake/clients"), READY_SECONDS,
               "fake-sap to answer", processes)
    wait_until(answers(f"{landscape.crm_url}/api/openapi.json"), READY_SECONDS,
               "the CRM adapter to answer", processes)
    register_crm(landscape)
    print(f"registered the CRM as partner {CRM_PARTNER} in SAP client {CLIENT}", flush=True)
    created = send_demo_data(landscape)
    wait_until(lambda: outbound_waiting(landscape) == 0, FLOW_SECONDS,
               "SAP to pass the demo IDocs to the CRM", processes)
    print(f"  SAP passed {created} demo IDocs to the CRM", flush=True)
    print(what_to_try(landscape, example_keys(landscape.sap_db_url)), flush=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
