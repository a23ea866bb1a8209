"""The promise of the unit layer, enforced: a test marked ``unit`` starts no process and
opens no socket.

Layer: tests (plumbing). ``tests/conftest.py`` wraps every test that carries the ``unit``
marker in :func:`no_process_or_socket`, from its setup to its teardown, so a unit test that
(directly, or through a fixture such as the session's ``fake-sap serve``) starts a process or
connects a socket fails with a message that names it.
"""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, NoReturn


class UnitIsolationError(AssertionError):
    """A unit test tried to start a process or to open a network connection."""


def _refusing(what: str, test: str) -> Callable[..., NoReturn]:
    def refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
        raise UnitIsolationError(
            f"{test} is marked 'unit' but {what}: a unit test runs pure logic only; move it "
            "to the integration layer (drop the unit marker) or take the process out")
    return refuse


#: (owner, attribute, what it does): every way to a new process or a network connection
#: that the code under test could take. subprocess.Popen ends in _execute_child whichever
#: helper (run, check_output, Popen itself) was called.
_GUARDED: tuple[tuple[object, str, str], ...] = (
    (subprocess.Popen, "_execute_child", "it starts a process"),
    (os, "fork", "it forks a process"),
    (os, "posix_spawn", "it spawns a process"),
    (os, "posix_spawnp", "it spawns a process"),
    (os, "system", "it runs a shell command"),
    (socket.socket, "connect", "it connects a socket"),
    (socket.socket, "connect_ex", "it connects a socket"),
    (socket.socket, "bind", "it binds a socket (a server)"),
)


@contextmanager
def no_process_or_socket(test: str) -> Iterator[None]:
    """Within the block, starting a process or connecting/binding a socket raises
    :class:`UnitIsolationError` naming ``test``."""
    with ExitStack() as undo:
        for owner, name, what in _GUARDED:
            if not hasattr(owner, name):  # not on this platform
                continue
            if name in vars(owner):
                undo.callback(setattr, owner, name, getattr(owner, name))
            else:  # inherited (socket.socket's methods come from _socket.socket)
                undo.callback(delattr, owner, name)
            setattr(owner, name, _refusing(what, test))
        yield
