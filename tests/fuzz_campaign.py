"""The random fuzz campaign, run by hand (``make fuzz``); CI runs the derandomized tests.

It tests from outside, as a user would:

1. schemathesis against the live control API of a real ``fake-sap serve`` (started with a
   control token, so the ``ignored_auth`` check has something to check), every default
   check, random seeds;
2. schemathesis against the live JSON API of a real ``crm-adapter serve``, whose master data
   came from that emulator by ALE (BD10/BD12 over the XML-HTTP port), every default check;
3. the IDoc-XML and SOAP-RFC Hypothesis fuzzers, not derandomized, with
   ``FAKE_SAP_FUZZ_SCALE`` times their examples.

Usage: ``python tests/fuzz_campaign.py [--examples 50] [--seeds 3] [--fuzz-scale 10]``
(``--seeds`` random seeds, or ``--seed N`` repeated to replay given ones). The exit status
is 0 only if nothing was found; schemathesis prints how to replay each finding.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from fake_sap.testing.process import FakeSapProcess, free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
#: the client of the emulator the control API's operations work in (schemathesis would
#: otherwise invent client numbers that do not exist and rarely get past the 404)
CONTROL_CLIENT = "100"
#: the client the adapter is connected to; the control campaign never names it
ADAPTER_CLIENT = "150"
RECEIVER_USER, RECEIVER_PASSWORD = "sap", "crm-secret"

#: refusals of a request the document rules out: schemathesis's list, and 414, with which
#: the server in front of the application (gunicorn) refuses an overlong request line
NEGATIVE_REFUSALS = [400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422, 428, 429]
CONTROL_CONFIG = f"""
[parameters]
"path.mandt" = "{CONTROL_CLIENT}"

[checks.negative_data_rejection]
expected-statuses = {NEGATIVE_REFUSALS}

# an IDoc type's XML schema is more than the document can say of an XML body: a body valid
# for the document may still not be one, and is refused with 400 NOT_AN_IDOC_SCHEMA
[[operations]]
include-operation-id = "putIdocType"
checks.positive_data_acceptance.expected-statuses = ["2XX", 400, 401, 403, 404, 409, 413,
                                                     429]
"""
#: the adapter refuses requests its business rules rule out (an outlet it does not know, a
#: status that forbids the action) with 422 or 409, as its document says
ADAPTER_CONFIG = f"""
[checks.positive_data_acceptance]
expected-statuses = ["2XX", "3XX", 401, 403, 404, 409, 422, 429]

[checks.negative_data_rejection]
expected-statuses = {NEGATIVE_REFUSALS}
"""


def _schemathesis(openapi_url: str, folder: Path, config: str, examples: int, seed: int,
                  *extra: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "schemathesis.toml").write_text(config, encoding="utf-8")
    command = [str(BIN / "st"), "run", openapi_url, "--max-examples", str(examples),
               "--seed", str(seed), "--workers", "1", "--suppress-health-check", "all",
               *extra]
    print(f"\n== schemathesis {openapi_url} seed {seed}, {examples} examples per operation",
          flush=True)
    # its own folder: the configuration file above, and an example database of its own
    return subprocess.run(command, cwd=folder, check=False).returncode == 0


@contextmanager
def _adapter(folder: Path, sap: FakeSapProcess) -> Iterator[str]:
    """``crm-adapter serve`` on a free port, connected to the emulator's client 150."""
    config = folder / "crm.toml"
    config.write_text(
        f'[crm_adapter]\ndb_url = "sqlite:///{folder / "crm.db"}"\n'
        f'receiver_user = "{RECEIVER_USER}"\nreceiver_password = "{RECEIVER_PASSWORD}"\n'
        f'sap_url = "{sap.url}"\nsap_client = "{ADAPTER_CLIENT}"\n'
        f'sap_user = "{sap.user}"\nsap_password = "{sap.password}"\n', encoding="utf-8")
    port = free_port()
    with (folder / "crm-adapter.log").open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "crm_adapter.cli", "serve", "--port", str(port),
             "--workers", "1", "--config", str(config)], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(lambda: httpx.get(f"{url}/health", timeout=1.0).status_code == 200,
                  process, "crm-adapter serve")
        yield url
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(ready: object, process: subprocess.Popen[bytes], what: str,
              timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} exited with {process.returncode}")
        try:
            if ready():  # type: ignore[operator]
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{what} did not become ready within {timeout} s")


def _distribute_master_data(sap: FakeSapProcess, adapter_url: str) -> None:
    """Seed client 150 and send its materials and customers to the adapter (BD10/BD12)."""
    with sap.control() as http:
        http.post("/_fake/clients", json={"client": ADAPTER_CLIENT}).raise_for_status()
        http.post(f"/_fake/clients/{ADAPTER_CLIENT}/seed", json={
            "materials": 5, "customers": 5, "initial_stock": "100"}).raise_for_status()
        http.put(f"/_fake/clients/{ADAPTER_CLIENT}/partners/CRMCLNT100", json={
            "port": {"url": f"{adapter_url}/sap/idoc", "user": RECEIVER_USER,
                     "password": RECEIVER_PASSWORD},
            "outbound": ["DEBMAS", "MATMAS"]}).raise_for_status()
        for message_type in ("DEBMAS", "MATMAS"):
            http.post(f"/_fake/clients/{ADAPTER_CLIENT}/ale/send-master-data",
                      json={"message_type": message_type}).raise_for_status()
        deadline = time.monotonic() + 60
        while http.get(f"/_fake/clients/{ADAPTER_CLIENT}/idocs",
                       params={"status": "30"}).json()["total"]:
            if time.monotonic() > deadline:
                raise SystemExit("the master data did not reach the adapter within 60 s")
            http.post(f"/_fake/clients/{ADAPTER_CLIENT}/ale/dispatch")
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=50,
                        help="schemathesis examples per operation (default 50)")
    parser.add_argument("--seeds", type=int, default=3, help="random seeds per API")
    parser.add_argument("--seed", type=int, action="append", default=None,
                        help="replay this seed (repeatable) instead of random ones")
    parser.add_argument("--fuzz-scale", default="10",
                        help="FAKE_SAP_FUZZ_SCALE of the Hypothesis fuzzers (default 10)")
    parser.add_argument("--no-hypothesis-fuzzers", action="store_true",
                        help="only the two schemathesis campaigns")
    args = parser.parse_args(argv)
    seeds = args.seed or [random.randrange(2**31) for _ in range(args.seeds)]
    results: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="fuzz-campaign-") as scratch:
        folder = Path(scratch)
        token = secrets.token_urlsafe(24)
        with FakeSapProcess.start(folder / "sap.db", workers=2, control_token=token,
                                  log=folder / "fake-sap.log") as sap:
            for seed in seeds:
                results[f"control API, seed {seed}"] = _schemathesis(
                    f"{sap.url}/_fake/openapi.json", folder / f"control-{seed}",
                    CONTROL_CONFIG, args.examples, seed,
                    "--header", f"Authorization: Bearer {token}")
            with _adapter(folder, sap) as adapter_url:
                _distribute_master_data(sap, adapter_url)
                for seed in seeds:
                    results[f"adapter API, seed {seed}"] = _schemathesis(
                        f"{adapter_url}/api/openapi.json", folder / f"adapter-{seed}",
                        ADAPTER_CONFIG, args.examples, seed,
                        # IDoc-XML, not JSON: the fuzzers below and the receiver's tests
                        "--exclude-path", "/sap/idoc")
        if not args.no_hypothesis_fuzzers:
            environment = {key: value for key, value in os.environ.items() if key != "CI"}
            environment["FAKE_SAP_FUZZ_SCALE"] = args.fuzz_scale
            print(f"\n== IDoc-XML and SOAP-RFC fuzzers, FAKE_SAP_FUZZ_SCALE={args.fuzz_scale}",
                  flush=True)
            results["Hypothesis fuzzers"] = subprocess.run(
                [str(BIN / "pytest"), "-q", "-p", "no:cacheprovider",
                 "tests/test_fuzz_idoc_xml.py", "tests/test_fuzz_soap_rfc.py"],
                cwd=ROOT, env=environment, check=False).returncode == 0
    print("\n== fuzz campaign")
    for name, passed in results.items():
        print(f"{'ok   ' if passed else 'FOUND'} {name}")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    if shutil.which("st", path=str(BIN)) is None:
        raise SystemExit("schemathesis's `st` is not installed next to this Python")
    sys.exit(main())
