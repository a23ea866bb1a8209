"""The unit layer keeps its promise: a test marked ``unit`` cannot start a process or open a
socket, whether it does so itself or through a fixture (the session's ``fake-sap serve``
first binds a free port, then starts a process: both are refused)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from unit.isolation import UnitIsolationError, no_process_or_socket

pytestmark = pytest.mark.unit


def test_a_unit_test_cannot_start_a_process():
    with pytest.raises(UnitIsolationError, match="starts a process"):
        subprocess.run([sys.executable, "-c", "pass"], check=False)


def test_a_unit_test_cannot_connect_a_socket():
    with socket.socket() as sock, pytest.raises(UnitIsolationError, match="connects"):
        sock.connect(("127.0.0.1", 9))


def test_a_unit_test_cannot_serve_on_a_port_or_look_for_a_free_one():
    with socket.socket() as sock, pytest.raises(UnitIsolationError, match="binds"):
        sock.bind(("127.0.0.1", 0))


def test_a_unit_test_cannot_run_a_shell_command():
    with pytest.raises(UnitIsolationError, match="shell command"):
        os.system("true")


def test_the_message_names_the_test_and_what_to_do(request):
    with pytest.raises(UnitIsolationError) as refused:
        subprocess.Popen([sys.executable, "-c", "pass"])
    assert request.node.nodeid in str(refused.value)
    assert "integration layer" in str(refused.value)


def test_leaving_the_guard_restores_everything_it_replaced():
    # the guard of this very test is active: a nested one must restore it, not the original
    guarded_connect = socket.socket.connect
    with no_process_or_socket("nested"):
        assert socket.socket.connect is not guarded_connect
    assert socket.socket.connect is guarded_connect
    assert "connect" in vars(socket.socket)
