"""An IDoc as data: control record values plus a tree of segments with field values."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import NoReturn


@dataclass(slots=True)
class SegmentData:
    """One data record: its segment name, field values and child segments.

    A segment read from IDoc-XML without children shares :data:`NO_CHILDREN`, an empty list
    that refuses changes, instead of an empty list of its own: a packet holds hundreds of
    thousands of such segments, and every list is an object the garbage collector tracks
    (a dict of text values, like :attr:`values`, is not tracked). To give such a segment
    children, assign it a list (``segment.children = [child]``)."""

    name: str
    values: dict[str, str] = field(default_factory=dict)
    children: list[SegmentData] = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)

    def all(self, name: str) -> list[SegmentData]:
        return [c for c in self.children if c.name == name]

    def first(self, name: str) -> SegmentData | None:
        return next((c for c in self.children if c.name == name), None)

    def to_dict(self) -> dict:
        return {
            "segment": self.name,
            "fields": dict(self.values),
            "children": [c.to_dict() for c in self.children],
        }


class _NoChildren(list[SegmentData]):
    """The children of every segment read without any: empty, and refusing to change (a
    change would give children to all of them)."""

    __slots__ = ()

    def _refuse(self, *_args: object, **_kwargs: object) -> NoReturn:
        raise TypeError("this segment shares the empty NO_CHILDREN list: assign it a list "
                        "of its own (segment.children = [...]) to give it children")

    append = extend = insert = pop = remove = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __reduce__(self) -> str:
        # copied and pickled as the one module-level instance, never as a second one
        return "NO_CHILDREN"


#: the children of a segment read from IDoc-XML without any (see :class:`SegmentData`)
NO_CHILDREN: list[SegmentData] = _NoChildren()


@dataclass(frozen=True)
class Issue:
    """One validation finding, located precisely: ``IDOC[2]/E1MARAM/E1MAKTM[1]/MAKTX``."""

    path: str
    field: str
    reason: str
    #: a segment the IDoc type declares, found under a parent (or at the top level) where it
    #: may not stand: SAP reports it as a wrong hierarchy level (E0 077), not as a segment it
    #: does not know. Left out of equality: it classifies what path and reason describe.
    #: (dataclasses.field spelled out: in this class body, ``field`` names the attribute)
    wrong_level: bool = dataclasses.field(default=False, compare=False)

    def __str__(self) -> str:
        where = f"{self.path}/{self.field}" if self.field else self.path
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Idoc:
    """One IDoc read from IDoc-XML (or built for output)."""

    control: dict[str, str]
    segments: list[SegmentData]
    #: the IDoc as a standalone IDoc-XML document (root element + one <IDOC>)
    xml: bytes = b""
    #: 1-based position in the document it was read from
    index: int = 1
    #: root element name of the document it came from
    root: str = ""

    @property
    def idoctyp(self) -> str:
        return self.control.get("IDOCTYP", "")

    @property
    def cimtyp(self) -> str:
        return self.control.get("CIMTYP", "")

    @property
    def mestyp(self) -> str:
        return self.control.get("MESTYP", "")

    def first(self, name: str) -> SegmentData | None:
        return next((s for s in self.segments if s.name == name), None)
