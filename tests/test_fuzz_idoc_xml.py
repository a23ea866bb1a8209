"""Fuzzing ``/sap/bc/idoc_xml`` with documents generated from the IDoc type declarations.

Valid documents (``fake_sap.testing.fuzz.idoc_documents``: random values within each field's type
and length) and broken ones (``mutated_documents``: over-long or mistyped values, unknown
segments and fields, missing control fields, broken nesting, wrong roots, truncation,
garbage, DTDs ...) go to the session's real server. Whatever arrives:

- the answer is never a server error;
- nothing is half done: a refused document (4xx) stores nothing, an accepted one (200)
  stores exactly the IDocs it holds, as its summary says;
- a valid document passes the control and syntax checks (no status 56 or 60), so the
  generator and the validator agree on what the declarations allow.

Reproducible: in CI the examples are derandomized; a failure prints the falsifying example
and a reproduction blob.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import event, given, note
from hypothesis import strategies as st
from lxml import etree

from fake_sap.ale import applications
from fake_sap.idoc import types
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import MATMAS05
from fake_sap.idoc.writer import to_xml
from fake_sap.testing import fuzz
from fake_sap.testing.process import SapClient


def monitor_total(sap: SapClient) -> int:
    """How many IDocs the client's monitor holds."""
    with sap.http() as http:
        response = http.get(f"/_fake/clients/{sap.number}/idocs", params={"limit": 1})
    response.raise_for_status()
    return int(response.json()["total"])


def summary(response: httpx.Response) -> dict[str, Any]:
    root = etree.fromstring(response.content)
    return {"count": int(root.get("COUNT")),
            "statuses": {s.get("CODE"): int(s.get("COUNT")) for s in root.findall("STATUS")}}


def post(sap: SapClient, xml: bytes) -> httpx.Response:
    response = sap.post_idocs(xml)
    note(f"HTTP {response.status_code}: {response.text[:500]}")
    return response


def has_inbound_processing(idoc_type: str) -> bool:
    declared = types.IDOC_TYPES[idoc_type]
    return any(applications.for_message(m) for m in declared.message_types)


@fuzz.fuzz_settings(max_examples=15)
@given(document=fuzz.idoc_documents())
def test_a_valid_document_is_stored_with_every_idoc_it_holds(
        sap: SapClient, document: fuzz.IdocDocument) -> None:
    before = monitor_total(sap)

    response = post(sap, document.xml)

    assert response.status_code == 200
    assert summary(response)["count"] == document.count
    assert monitor_total(sap) - before == document.count


@fuzz.fuzz_settings(max_examples=20)
@given(document=fuzz.idoc_documents())
def test_a_valid_document_passes_the_control_and_syntax_checks(
        sap: SapClient, document: fuzz.IdocDocument) -> None:
    response = post(sap, document.xml)

    statuses = summary(response)["statuses"]
    assert "60" not in statuses
    if has_inbound_processing(document.idoc_type):
        assert "56" not in statuses


@pytest.mark.parametrize("mutation", sorted(fuzz.MUTATIONS))
@fuzz.fuzz_settings(max_examples=5)
@given(data=st.data())
def test_a_broken_document_never_causes_a_server_error_or_a_partial_write(
        sap: SapClient, mutation: str, data: st.DataObject) -> None:
    document = data.draw(fuzz.mutated_documents(mutations=[mutation]), label="document")
    before = monitor_total(sap)

    response = post(sap, document.xml)

    stored = monitor_total(sap) - before
    event(f"HTTP {response.status_code}")
    assert response.status_code < 500
    if response.status_code == 200:
        assert summary(response)["count"] == document.idocs == stored
    else:
        assert stored == 0


@fuzz.fuzz_settings(max_examples=10)
@given(document=fuzz.mutated_documents(mutations=["truncated"]))
def test_a_truncated_document_is_refused_and_stores_nothing(
        sap: SapClient, document: fuzz.MutatedDocument) -> None:
    before = monitor_total(sap)

    response = post(sap, document.xml)

    assert response.status_code == 400
    assert monitor_total(sap) == before


# -- the generator itself ------------------------------------------------------------------------

@fuzz.fuzz_settings(max_examples=10)
@given(data=st.data())
def test_a_wrong_value_goes_into_a_document_whose_segments_carry_no_field(
        data: st.DataObject) -> None:
    bare = Idoc({"DOCNUM": "1", "MESTYP": "MATMAS"}, [SegmentData("E1MARAM", {})])
    document = fuzz.IdocDocument("MATMAS05", [bare], to_xml(MATMAS05, [bare]))

    broken = etree.fromstring(fuzz.MUTATIONS["wrong_value"](data.draw, document))

    assert len(broken.find("IDOC/E1MARAM")) == 1
