"""``python -m fake_sap.run_all`` as a child process on free ports and a scratch ``var``."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from fake_sap.testing.process import free_port

#: the launcher's last line once SAP has passed the demo data to the CRM
READY_LINE = "Ctrl-C stops all three processes."
READY_SECONDS = 60.0
#: how long the launcher may take to stop: its own bound for its children is 10 s, and on a
#: machine loaded by a parallel test run (two xdist workers beside other jobs) starting the
#: shutdown of three servers can take longer than the 20 s this once allowed
STOP_SECONDS = 60.0


@dataclass
class RunAllProcess:
    process: subprocess.Popen[bytes]
    output: Path
    sap_url: str
    crm_url: str

    @classmethod
    def start(cls, var: Path) -> RunAllProcess:
        sap_port, crm_port = free_port(), free_port()
        output = var / "run_all.log"
        with output.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "fake_sap.run_all", "--sap-port", str(sap_port),
                 "--crm-port", str(crm_port), "--var", str(var)],
                stdout=log, stderr=subprocess.STDOUT)
        launched = cls(process, output, f"http://127.0.0.1:{sap_port}",
                       f"http://127.0.0.1:{crm_port}")
        launched.wait_until_ready()
        return launched

    def text(self) -> str:
        return self.output.read_text(errors="replace")

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while READY_LINE not in self.text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"run_all did not get ready:\n{self.text()}")
            threading.Event().wait(0.1)

    def children(self) -> list[int]:
        """The launched processes (fake-sap, crm-adapter serve, crm-adapter worker)."""
        pid = self.process.pid
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]

    def interrupt(self) -> int:
        """Ctrl-C; the launcher's exit code."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=STOP_SECONDS)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
