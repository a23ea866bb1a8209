"""Customer IDoc types: imported from their XML schema, kept in the database, looked up
beside the built-in declarations.

Layer: IDoc declarations with their store. The built-in types stay plain data
(:data:`fake_sap.idoc.types.IDOC_TYPES`); a type imported with ``fake-sap idoc import-xsd``
or ``PUT /_fake/idoc-types/{name}`` lives in the table ``idoc_types``
(:mod:`fake_sap.db.idoc_types`), so that it survives a restart and every worker and process
sees it. :class:`IdocTypeCatalogue` is what one transaction sees: a built-in type costs no
query; an imported one costs one look at its checksum per transaction, and its schema is read
and parsed again only when the checksum changed (:class:`ParsedTypes`, shared by the
catalogues of one process and keyed by the checksum, so it can never serve a stale type).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from fake_sap import clock
from fake_sap.db import idoc_types as stored_types
from fake_sap.errors import Conflict
from fake_sap.idoc import types
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.schema_import import NotAnIdocSchema, read_schema
from fake_sap.idoc.xsd import schema_for


class ParsedTypes:
    """Imported types already parsed, by checksum (a pure function of the stored row)."""

    LIMIT = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_checksum: dict[str, IdocType] = {}

    def get(self, checksum: str) -> IdocType | None:
        return self._by_checksum.get(checksum)

    def add(self, checksum: str, idoc_type: IdocType) -> None:
        with self._lock:
            if len(self._by_checksum) >= self.LIMIT:
                self._by_checksum.clear()
            self._by_checksum[checksum] = idoc_type


#: the parsed imported types of this process; entries are keyed by content, so sharing them
#: between apps and threads cannot mix up anything
PARSED = ParsedTypes()


@dataclass(frozen=True)
class TypeEntry:
    """One line of the list of IDoc types (WE30's overview)."""

    idoc_type: IdocType
    imported: bool
    imported_at: datetime | None = None


class IdocTypeCatalogue:
    """The IDoc types as one transaction sees them: built-in, then imported."""

    def __init__(self, conn: Connection, built_in: Mapping[str, IdocType] | None = None,
                 parsed: ParsedTypes = PARSED) -> None:
        self.conn = conn
        self.built_in = types.IDOC_TYPES if built_in is None else built_in
        self.parsed = parsed
        self._seen: dict[str, IdocType | None] = {}

    def lookup(self, idoctyp: str, cimtyp: str = "") -> IdocType | None:
        """The declaration for a control record's IDOCTYP/CIMTYP pair, or ``None``."""
        declared = self.by_name(cimtyp or idoctyp)
        if declared is None or declared.idoctyp != idoctyp:
            return None
        return declared

    def by_name(self, name: str) -> IdocType | None:
        declared = self.built_in.get(name)
        if declared is not None:
            return declared
        if name not in self._seen:
            self._seen[name] = self._imported(name)
        return self._seen[name]

    def is_imported(self, idoc_type: IdocType) -> bool:
        return idoc_type.name not in self.built_in

    def _imported(self, name: str) -> IdocType | None:
        checksum = stored_types.checksum(self.conn, name)
        if checksum is None:
            return None
        found = self.parsed.get(checksum)
        if found is not None and self._basic_unchanged(found):
            return found
        stored = stored_types.get(self.conn, name)
        if stored is None:  # removed between the two statements
            return None
        try:
            found = read_schema(stored.xml_schema.encode("utf-8"), basic_types=self.by_name,
                                message_types=stored.message_types,
                                basic_type=stored.basic_type)
        except NotAnIdocSchema:
            # an extension whose imported basic type was replaced by one it no longer fits:
            # unusable until either is imported again, so its IDocs meet "not defined" (56)
            return None
        self.parsed.add(stored.checksum, found)
        return found

    def _basic_unchanged(self, found: IdocType) -> bool:
        """An extension of an imported basic type was parsed with that basic type's
        segments: it is stale once the basic type was imported again."""
        if found.basic_type is None or found.basic_type in self.built_in:
            return True
        basic = self.by_name(found.basic_type)
        if basic is None:
            return False
        return {s.name for s in basic.all_segments()} <= \
            {s.name for s in found.all_segments()}

    # -- WE30's overview and the schema ---------------------------------------------------

    def entries(self) -> list[TypeEntry]:
        """Built-in and imported types, by name."""
        listed = [TypeEntry(t, False) for t in self.built_in.values()]
        for stored in stored_types.list_all(self.conn):
            if stored.name in self.built_in:
                continue
            declared = self.by_name(stored.name)
            if declared is not None:
                listed.append(TypeEntry(declared, True, stored.imported_at))
        return sorted(listed, key=lambda e: e.idoc_type.name)

    def schema(self, name: str) -> bytes | None:
        """The XML schema: as imported for an imported type, generated for a built-in one."""
        declared = self.built_in.get(name)
        if declared is not None:
            return schema_for(declared)
        stored = stored_types.get(self.conn, name)
        return None if stored is None else stored.xml_schema.encode("utf-8")


def import_schema(conn: Connection, data: bytes, *, message_types: Sequence[str] = (),
                  basic_type: str = "", expected_name: str = "") -> IdocType:
    """Register the IDoc type the XML schema ``data`` describes (or replace an imported
    one of that name). Raises :class:`NotAnIdocSchema` (400) or :class:`Conflict` (409)."""
    catalogue = IdocTypeCatalogue(conn)
    declared = read_schema(data, basic_types=catalogue.by_name,
                           message_types=message_types, basic_type=basic_type)
    if expected_name and declared.name != expected_name:
        raise NotAnIdocSchema(f"The schema describes IDoc type {declared.name}, not "
                              f"{expected_name}")
    if declared.name in catalogue.built_in:
        raise Conflict(f"IDoc type {declared.name} is built in and cannot be replaced")
    text = _text(data)
    stored_types.put(conn, declared.name, basic_type=declared.basic_type or "",
                     message_types=tuple(message_types) or _own(declared, catalogue),
                     description=declared.description, xml_schema=text, at=clock.now())
    return declared


def _own(declared: IdocType, catalogue: IdocTypeCatalogue) -> tuple[str, ...]:
    """The message types to store: those the schema named, not those the extension takes
    from its basic type (they follow the basic type when it is imported again)."""
    if declared.basic_type:
        basic = catalogue.by_name(declared.basic_type)
        if basic is not None and basic.message_types == declared.message_types:
            return ()
    return declared.message_types


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotAnIdocSchema("Send the schema in UTF-8") from None
