"""What an operating-system error of a store's files says about the disk.

Both stores write files beside a SQLite database (the writers' queue's tickets), and SQLite
itself reports a full disk through them only as a plain ``OSError``. Each store maps the
kind named here to its own error class and message.
"""

from __future__ import annotations

import errno
from enum import Enum


class DiskTrouble(Enum):
    FULL = "full"  # no space left, or the user's quota used up
    READ_ONLY = "read-only"  # a read-only file system, or files the process may not write
    IO = "io"  # the device failed the write

    def says(self, error: OSError) -> str:
        """What the database is, in words that follow "The database ..."."""
        if self is DiskTrouble.FULL:
            return "is full (the disk has no space left)"
        if self is DiskTrouble.READ_ONLY:
            return f"is read-only ({error.strerror})"
        return "could not write to its disk"


_KINDS = {errno.ENOSPC: DiskTrouble.FULL, errno.EDQUOT: DiskTrouble.FULL,
          errno.EROFS: DiskTrouble.READ_ONLY, errno.EACCES: DiskTrouble.READ_ONLY,
          errno.EPERM: DiskTrouble.READ_ONLY, errno.EIO: DiskTrouble.IO}


def disk_trouble(error: OSError) -> DiskTrouble | None:
    """The disk's trouble behind ``error``; None for any other OS error (a bug, such as a
    closed file descriptor, not an outage)."""
    return _KINDS.get(error.errno) if error.errno is not None else None
