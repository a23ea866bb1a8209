"""What inbound applications may look at while posting: customizing and known objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection


@dataclass
class PostingContext:
    mandt: str
    #: customizing keys per SAP table (T001W plants, T134 material types ...)
    customizing: dict[str, set[str]]
    today: str
    user: str
    #: objects known to exist, per kind ("material", "customer"): key -> a small attribute
    known: dict[str, dict[str, str]] = field(default_factory=dict)
    #: for applications that must read documents (ORDERS); master data uses ``known``
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
