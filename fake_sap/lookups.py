"""What a business posting may look at while it checks a change: the client's customizing
keys and the objects known to exist. Layer: business (imports SQLAlchemy's Connection type
only).

Checks of master data run against these lookups instead of the database, so that a packet
of many IDocs is checked with one query per kind of object, not one per IDoc.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection


@dataclass
class Lookups:
    mandt: str
    #: customizing keys per SAP table (T001W plants, T134 material types ...)
    customizing: dict[str, set[str]]
    #: today as DATS and the user who posts (creation and change data)
    today: str
    user: str
    #: objects known to exist, per kind ("material", "customer"): key -> a small attribute
    #: (the material type, the account group)
    known: dict[str, dict[str, str]] = field(default_factory=dict)
    #: for postings that must read documents (sales orders); master data uses ``known``
    conn: Connection | None = None
    now_time: str = ""

    def has(self, tabname: str, key: str) -> bool:
        return key in self.customizing.get(tabname, set())

    def exists(self, kind: str, key: str) -> bool:
        return key in self.known.get(kind, {})

    def attribute(self, kind: str, key: str) -> str | None:
        return self.known.get(kind, {}).get(key)

    def remember(self, kind: str, key: str, attribute: str = "") -> None:
        self.known.setdefault(kind, {})[key] = attribute
