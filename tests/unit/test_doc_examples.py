"""The IDoc-XML examples in the README and in docs/ are valid against the published XSDs.

The README tour posts the README's example to a running emulator, which is lenient about
field order; a user who copies the example into a middleware that validates against
``contracts/idoc/*.xsd`` is not. Examples of other documents (SOAP envelopes) are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
XSD_FOLDER = ROOT / "contracts" / "idoc"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# a shell here-document named XML, or a fenced xml block
EXAMPLE = re.compile(r"<<'XML'\n(.*?)\nXML\n|```xml\n(.*?)```", re.S)


def idoc_examples() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for number, match in enumerate(EXAMPLE.finditer(page.read_text(encoding="utf-8"))):
            text = match.group(1) or match.group(2)
            root_name = re.match(r"\s*(?:<\?xml[^>]*\?>\s*)?<([A-Z0-9_]+)[\s>]", text)
            if root_name and (XSD_FOLDER / f"{root_name.group(1)}.xsd").exists():
                found.append((f"{page.relative_to(ROOT)}#{number}", text))
    return found


def test_the_readme_has_an_idoc_example() -> None:
    assert any(name.startswith("README.md") for name, _ in idoc_examples())


@pytest.mark.parametrize(("name", "text"), idoc_examples(), ids=lambda value: value[:40])
def test_an_idoc_example_is_valid_against_its_published_xsd(name: str, text: str) -> None:
    document = etree.fromstring(text.encode("utf-8"))
    schema = etree.XMLSchema(etree.parse(str(XSD_FOLDER / f"{document.tag}.xsd")))
    assert schema.validate(document), f"{name}: {schema.error_log}"
