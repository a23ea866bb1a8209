"""``fake-sap idoc validate``: check IDoc-XML files against the declarations, offline.

The file is read with the same streaming parser and the same checks the inbound processing
uses (control record as for status 56, data records as for status 60), so a file that passes
here passes the syntax checks of the emulator. The receiving client is not known offline, so
the control record's MANDT is not compared with anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from fake_sap.errors import MalformedXml, NotIdocXml
from fake_sap.idoc import types
from fake_sap.idoc.document import Idoc, Issue
from fake_sap.idoc.model import IdocType
from fake_sap.idoc.parser import iter_idocs
from fake_sap.idoc.schema_import import read_schema
from fake_sap.idoc.validation import TypeLookup, check_control, check_segments


def validate_file(path: str | Path, out: TextIO, lookup: TypeLookup = types.lookup) -> bool:
    """Print one line per problem in the file at ``path`` (or an OK line); True when valid.

    ``lookup`` finds the IDoc types (:func:`with_schemas` adds customer types)."""
    name = str(path)
    problems = 0
    invalid_idocs = 0
    idoc_count = 0
    type_names: set[str] = set()
    try:
        with open(path, "rb") as stream:
            for idoc in iter_idocs(stream):
                idoc_count += 1
                issues = issues_of(idoc, lookup)
                for issue in issues:
                    print(f"{name}: {issue}", file=out)
                problems += len(issues)
                invalid_idocs += bool(issues)
                type_names.add(_type_name(idoc))
    except OSError as error:
        print(f"{name}: cannot read the file: {error.strerror or error}", file=out)
        return False
    except MalformedXml as error:
        print(f"{name}: not well-formed XML: {_without_prefix(error.message)}", file=out)
        return False
    except NotIdocXml as error:
        print(f"{name}: not an IDoc-XML document: {error.message}", file=out)
        return False
    if problems:
        print(f"{name}: {_count(problems, 'problem')} in {invalid_idocs} of "
              f"{_count(idoc_count, 'IDoc')}", file=out)
        return False
    print(f"{name}: OK, {_count(idoc_count, 'IDoc')} ({', '.join(sorted(type_names))})",
          file=out)
    return True


def issues_of(idoc: Idoc, lookup: TypeLookup = types.lookup) -> list[Issue]:
    """The control record problems or, when the control record is fine, the segment ones."""
    issues = check_control(idoc, lookup=lookup)
    if issues:
        return issues
    declared = lookup(idoc.idoctyp, idoc.cimtyp)
    assert declared is not None  # check_control reports an unknown type
    return check_segments(declared, idoc)


def with_schemas(schemas: list[bytes]) -> TypeLookup:
    """The built-in types and those the XML schemas describe (in order: an extension's
    schema may follow its basic type's). Raises NotAnIdocSchema."""
    known: dict[str, IdocType] = dict(types.IDOC_TYPES)
    for schema in schemas:
        declared = read_schema(schema, basic_types=known.get)
        known[declared.name] = declared

    def lookup(idoctyp: str, cimtyp: str = "") -> IdocType | None:
        declared = known.get(cimtyp or idoctyp)
        return declared if declared is not None and declared.idoctyp == idoctyp else None

    return lookup


def _type_name(idoc: Idoc) -> str:
    return f"{idoc.idoctyp}/{idoc.cimtyp}" if idoc.cimtyp else idoc.idoctyp


def _without_prefix(message: str) -> str:
    # the parser's message starts with what this line says already
    return message.removeprefix("XML is not well-formed: ")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
