"""Request bodies within the size limit, for the SAP paths that take XML.

Layer: HTTP edge (imports Flask and ``fake_sap.errors`` only).

A body with ``Content-Length`` above the limit is refused before a byte of it is read. A
body sent without one (``Transfer-Encoding: chunked``) can only be measured by reading it:
it is copied to a spool file, in memory while small and on disk beyond that, and refused
the moment it passes the limit. Nothing is parsed before the whole body is known to fit,
so an endless or oversized stream costs disk I/O but never the worker's memory (an XML
parser holding an unfinished element of a few hundred megabytes grows to gigabytes).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from flask import request

from fake_sap.errors import PayloadTooLarge

#: a chunked body up to this size stays in memory while it is measured
SPOOL_IN_MEMORY_BYTES = 1024 * 1024
_READ_BYTES = 64 * 1024


def is_xml_media_type(mimetype: str) -> bool:
    """``text/xml``, ``application/xml`` and every ``+xml`` type (SOAP 1.2's
    ``application/soap+xml`` among them); a missing type is taken as XML, as ICF does."""
    return (not mimetype or mimetype in ("text/xml", "application/xml")
            or mimetype.endswith("+xml"))


@contextmanager
def limited_body(limit: int, what: str) -> Iterator[IO[bytes]]:
    """The request body as a stream of at most ``limit`` bytes (``what`` names it in the
    error). Raises :class:`PayloadTooLarge` when it is longer."""
    length = request.content_length
    if length is not None:
        if length > limit:
            raise PayloadTooLarge(f"{what} of {length} bytes exceeds the limit of {limit} "
                                  "bytes")
        yield request.stream
        return
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY_BYTES) as spool:
        size = 0
        while chunk := request.stream.read(_READ_BYTES):
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(f"{what} exceeds the limit of {limit} bytes")
            spool.write(chunk)
        spool.seek(0)
        yield spool  # type: ignore[misc]
