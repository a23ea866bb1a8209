"""The declarative model of IDoc types.

An IDoc type is declared once, as plain data (:class:`IdocType` of :class:`Segment` of
:class:`Field`). Everything else is derived from that declaration: the streaming parser and
its validation, the XML writer, the XSD files in ``contracts/idoc/`` and the reference pages
in ``docs/idoc/``. Extensions (CIMTYP) are declared with :func:`extend`, which hangs customer
segments under segments of a basic type, exactly like WE30/WE31 do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from fake_sap.ddic.types import XSD_PATTERNS, AbapType

__all__ = ["UNBOUNDED", "XSD_PATTERNS", "Field", "IdocType", "SapType", "Segment", "extend",
           "fields"]

#: The ABAP type of an IDoc field is the dictionary's own :class:`AbapType`, under the name
#: the segment declarations were written with (``SapType.NUMC``). It is the same enum object,
#: not a copy: the name only spares every segment declaration an import change.
SapType = AbapType


@dataclass(frozen=True)
class Field:
    """A segment field: all fields travel as text of at most ``length`` characters."""

    name: str
    length: int
    type: SapType = SapType.CHAR
    description: str = ""
    mandatory: bool = False
    #: the data element of the segment definition's field (WE31), where a public segment
    #: listing names it; documentation, not structure, so it does not take part in equality
    element: str = field(default="", compare=False)

    def check(self, value: str) -> str | None:
        """Return why ``value`` is not valid for this field, or ``None`` when it is."""
        return self.type.check_text(value, self.length)


UNBOUNDED = 9999999


@dataclass(frozen=True)
class Segment:
    """A segment type (``E1MARAM``), with its fields and its child segments.

    ``min_occurs``/``max_occurs`` are the occurrences under the parent, as in WE30.
    """

    name: str
    description: str
    fields: tuple[Field, ...]
    children: tuple[Segment, ...] = ()
    min_occurs: int = 0
    max_occurs: int = 1
    #: True for customer segments added by an extension (Z1/Y1 segments)
    extension: bool = False
    #: the public reference the field list was taken from (shown in the generated docs);
    #: documentation, not structure, so two declarations of one layout compare equal
    source: str = field(default="", compare=False)
    #: what the source did not confirm and was therefore left out or kept as declared before
    notes: str = field(default="", compare=False)
    _field_index: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)
    _child_index: dict[str, Segment] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._field_index.update({f.name: f for f in self.fields})
        self._child_index.update({c.name: c for c in self.children})

    def field(self, name: str) -> Field | None:
        return self._field_index.get(name)

    def child(self, name: str) -> Segment | None:
        return self._child_index.get(name)

    @cached_property
    def mandatory_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.mandatory)

    def walk(self) -> list[Segment]:
        """This segment and all segments below it, depth first."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass(frozen=True)
class IdocType:
    """A basic type (``MATMAS05``) or an extension of one (``ZDELVRY07``)."""

    name: str
    message_types: tuple[str, ...]
    description: str
    segments: tuple[Segment, ...]
    #: for an extension: the basic type it extends
    basic_type: str | None = None
    _segment_index: dict[str, Segment] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for top in self.segments:
            for segment in top.walk():
                self._segment_index[segment.name] = segment

    @property
    def is_extension(self) -> bool:
        return self.basic_type is not None

    @property
    def idoctyp(self) -> str:
        """EDI_DC40-IDOCTYP: the basic type."""
        return self.basic_type or self.name

    @property
    def cimtyp(self) -> str:
        """EDI_DC40-CIMTYP: the extension name, empty for a basic type."""
        return self.name if self.basic_type else ""

    def segment(self, name: str) -> Segment | None:
        return self._segment_index.get(name)

    def all_segments(self) -> list[Segment]:
        return list(self._segment_index.values())


def extend(basic: IdocType, name: str, description: str,
           additions: dict[str, tuple[Segment, ...]]) -> IdocType:
    """Declare an extension: ``additions`` maps a parent segment name to customer segments."""
    unknown = set(additions) - {s.name for s in basic.all_segments()}
    if unknown:
        raise ValueError(f"{name}: no segment {sorted(unknown)} in {basic.name}")

    def graft(segment: Segment) -> Segment:
        extra = tuple(
            Segment(c.name, c.description, c.fields, c.children, c.min_occurs, c.max_occurs,
                    extension=True, source=c.source, notes=c.notes)
            for c in additions.get(segment.name, ())
        )
        return Segment(
            segment.name, segment.description, segment.fields,
            tuple(graft(c) for c in segment.children) + extra,
            segment.min_occurs, segment.max_occurs, segment.extension,
            source=segment.source, notes=segment.notes,
        )

    return IdocType(name, basic.message_types, description,
                    tuple(graft(s) for s in basic.segments), basic_type=basic.name)


def fields(*specs: tuple, elements: Mapping[str, str] | None = None) -> tuple[Field, ...]:
    """Compact field declarations: ``("MATNR", 18)``, ``("ERSDA", 8, DATS, "Created on")``.

    A trailing ``"!"`` in the name marks a mandatory field: ``("MATNR!", 18)``.
    ``elements`` names the data elements of fields a segment listing gives them for
    (``elements={"MSGFN": "MSGFN"}``); a name that is no field of the list is refused.
    """
    named = dict(elements or {})
    result = []
    for spec in specs:
        name, length, *rest = spec
        sap_type = rest[0] if rest else SapType.CHAR
        description = rest[1] if len(rest) > 1 else ""
        mandatory = name.endswith("!")
        plain = name.rstrip("!")
        result.append(Field(plain, length, sap_type, description, mandatory,
                            element=named.pop(plain, "")))
    if named:
        raise ValueError(f"data elements of fields that are not declared: {sorted(named)}")
    return tuple(result)
