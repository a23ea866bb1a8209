"""Imported IDoc types: the one writer of ``idoc_types``.

Layer: persistence. It stores and reads rows; reading a schema into an IDoc type is
:mod:`fake_sap.idoc.customer_types`' business.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from fake_sap.db.idoc_types_schema import idoc_types


@dataclass(frozen=True)
class StoredIdocType:
    name: str
    basic_type: str
    message_types: tuple[str, ...]
    description: str
    xml_schema: str
    checksum: str
    imported_at: datetime


def checksum_of(xml_schema: str, basic_type: str, message_types: tuple[str, ...]) -> str:
    """What a reader compares to know whether a stored type changed."""
    text = "\n".join((basic_type, " ".join(message_types), xml_schema))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def put(conn: Connection, name: str, *, basic_type: str, message_types: tuple[str, ...],
        description: str, xml_schema: str, at: datetime) -> StoredIdocType:
    """Store (or replace) an imported type."""
    stored = StoredIdocType(name, basic_type, message_types, description[:255], xml_schema,
                            checksum_of(xml_schema, basic_type, message_types), at)
    conn.execute(delete(idoc_types).where(idoc_types.c.name == name))
    conn.execute(insert(idoc_types).values(
        name=name, basic_type=basic_type, message_types=" ".join(message_types),
        description=stored.description, xml_schema=xml_schema, checksum=stored.checksum,
        imported_at=at))
    return stored


def checksum(conn: Connection, name: str) -> str | None:
    """The stored type's checksum (None: no such type): the cheap change check."""
    return conn.execute(select(idoc_types.c.checksum)
                        .where(idoc_types.c.name == name)).scalar_one_or_none()


def get(conn: Connection, name: str) -> StoredIdocType | None:
    row = conn.execute(select(idoc_types).where(idoc_types.c.name == name)).first()
    return None if row is None else _stored(row._mapping)


def list_all(conn: Connection) -> list[StoredIdocType]:
    return [_stored(r._mapping) for r in
            conn.execute(select(idoc_types).order_by(idoc_types.c.name))]


def _stored(row: object) -> StoredIdocType:
    values = dict(row)  # type: ignore[call-overload]
    return StoredIdocType(values["name"], values["basic_type"],
                          tuple(values["message_types"].split()), values["description"],
                          values["xml_schema"], values["checksum"], values["imported_at"])
