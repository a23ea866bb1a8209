"""``fake-sap contracts``: the files generated from the declarations, and their drift check.

The IDoc declarations and the control API's OpenAPI document are the single source; the XSDs
in ``contracts/idoc/``, the OpenAPI copy in ``contracts/openapi/`` and the reference pages in
``docs/idoc/`` are derived from them and committed, so that consumers (the CRM adapter, other
teams) can use them without running Python. ``--check`` fails when the committed copies no
longer match, which the test suite also asserts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fake_sap.ddic import messages
from fake_sap.ddic import reference as table_reference

XSD_DIR = "contracts/idoc"
OPENAPI_FILE = "contracts/openapi/fake-sap-control.json"
DOCS_DIR = "docs/idoc"
MESSAGES_PAGE = "docs/messages.md"

#: (folder, file pattern) this command owns: files there that it no longer generates are stale
OWNED = (
    (XSD_DIR, "*.xsd"),
    # only the emulator's own OpenAPI file: crm-adapter.json beside it belongs to the adapter
    (str(Path(OPENAPI_FILE).parent), Path(OPENAPI_FILE).name),
    (DOCS_DIR, "*.md"),
    ("contracts/rfc", "*.wsdl"),
    ("docs/rfc", "*.md"),
    ("docs", Path(table_reference.PAGE).name),
)


def generated_files() -> dict[str, bytes]:
    """Relative path (with ``/``) → content, for every file this command writes."""
    # imported here: the CLI builds its parser (with this command's options) for every
    # command, and none of the others needs the emulator's whole wiring
    from fake_sap import compose
    from fake_sap.ddic.tables import TABLES, customizing
    from fake_sap.idoc import reference
    from fake_sap.idoc.xsd import schema_for
    from fake_sap.rfc.reference import rfc_reference_files
    from fake_sap.rfc.wsdl import wsdl_files

    files: dict[str, bytes] = {}
    idoc_types = compose.idoc_types()
    interfaces = [f.interface for f in compose.function_directory().implemented()]
    for name in sorted(idoc_types):
        files[f"{XSD_DIR}/{name}.xsd"] = schema_for(idoc_types[name])
    files[OPENAPI_FILE] = compose.openapi_json()
    for page, text in reference.pages(idoc_types.values()).items():
        files[f"{DOCS_DIR}/{page}"] = text.encode("utf-8")
    files.update(wsdl_files(interfaces))
    files.update(rfc_reference_files(interfaces))
    files[table_reference.PAGE] = table_reference.tables_page(
        (*TABLES, *customizing.TABLES)).encode("utf-8")
    files[MESSAGES_PAGE] = messages.reference_page().encode("utf-8")
    return dict(sorted(files.items()))


def drift(root: Path, expected: dict[str, bytes] | None = None) -> dict[str, str]:
    """Relative path → what is wrong with it (``differs``, ``missing``, ``stale``)."""
    expected = generated_files() if expected is None else expected
    problems: dict[str, str] = {}
    for relative, content in expected.items():
        target = root / relative
        if not target.is_file():
            problems[relative] = "missing"
        elif target.read_bytes() != content:
            problems[relative] = "differs"
    for relative in stale_files(root, expected):
        problems[relative] = "stale"
    return dict(sorted(problems.items()))


def stale_files(root: Path, expected: dict[str, bytes]) -> list[str]:
    """Files in the owned folders that the declarations no longer produce."""
    found = []
    for folder, pattern in OWNED:
        for path in sorted((root / folder).glob(pattern)):
            relative = path.relative_to(root).as_posix()
            if path.is_file() and relative not in expected:
                found.append(relative)
    return found


def write(root: Path) -> list[str]:
    """Bring ``root`` up to date; the lines describing what changed."""
    expected = generated_files()
    changes = []
    for relative, problem in drift(root, expected).items():
        target = root / relative
        if problem == "stale":
            target.unlink()
            changes.append(f"removed {relative}")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(expected[relative])
            changes.append(f"{'wrote' if problem == 'missing' else 'updated'} {relative}")
    return changes


def _run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if args.check:
        problems = drift(root)
        if not problems:
            print(f"contracts are up to date ({len(generated_files())} files)")
            return 0
        print("generated files are out of date; run `fake-sap contracts` to regenerate:")
        for relative, problem in problems.items():
            print(f"  {relative}: {problem}")
        return 1
    changes = write(root)
    for change in changes:
        print(change)
    if not changes:
        print(f"contracts are up to date ({len(generated_files())} files)")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and list the files that differ")
    parser.add_argument("--root", default=".",
                        help="repository root to write into (default: current directory)")
    parser.set_defaults(func=_run)
