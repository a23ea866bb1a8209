"""``FakeSapProcess``: the helper that runs a real ``fake-sap serve`` for tests."""

from __future__ import annotations

import httpx
import pytest

from fake_sap.testing.process import FakeSapProcess

#: a pipe holds 64 KiB on Linux; an access-log line is about 100 bytes
REQUESTS_BEYOND_A_PIPE = 1_000


def test_a_server_whose_output_outgrows_a_pipe_keeps_answering(tmp_path):
    log = tmp_path / "fake-sap.log"
    with FakeSapProcess.start(tmp_path / "sap.db", workers=1, log=log,
                              extra_args=["--access-log"]) as server, \
            httpx.Client(base_url=server.url, timeout=10.0) as http:
        answers = [http.get("/_fake/clients").status_code
                   for _ in range(REQUESTS_BEYOND_A_PIPE)]

    assert answers == [200] * REQUESTS_BEYOND_A_PIPE
    assert log.stat().st_size > 64 * 1024
    # and the readiness probe's request before them
    assert log.read_text().count('"GET /_fake/clients') > REQUESTS_BEYOND_A_PIPE


def test_a_server_that_cannot_start_is_reported_with_the_end_of_its_log(tmp_path):
    with pytest.raises(RuntimeError, match="fake-sap exited") as failed:
        FakeSapProcess.start("nosuchdialect://nowhere", workers=1)

    assert "nosuchdialect" in str(failed.value)
