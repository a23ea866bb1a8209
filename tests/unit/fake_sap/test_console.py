"""The console's pure parts: the segment tree with the declared descriptions, the test tool's
(WE19) way from an edited form back to an IDoc, the status colours, the token check, and
what the RFC call log keeps of a call."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from fake_sap.config import Settings
from fake_sap.idoc.document import Idoc, SegmentData
from fake_sap.idoc.types import MATMAS05
from fake_sap.rfc import call_log
from fake_sap.ui import access, segments
from fake_sap.ui.views import status_class

pytestmark = pytest.mark.unit


def refused_material() -> Idoc:
    valuation = SegmentData("E1MBEWM", {"MSGFN": "005", "BWKEY": "9999"})
    header = SegmentData("E1MARAM", {"MSGFN": "005", "MATNR": "4711", "ZZLOCAL": "x"},
                         [SegmentData("E1MAKTM", {"MAKTX": "Pump"}), valuation])
    return Idoc({"IDOCTYP": "MATMAS05", "MESTYP": "MATMAS", "DOCNUM": "0000000000000815",
                 "DIRECT": "1", "SNDPRN": "CRMCLNT100"}, [header])


def test_the_tree_shows_filled_fields_with_their_declared_descriptions() -> None:
    [header] = segments.segment_tree(MATMAS05, refused_material().segments, all_fields=False)

    matnr = next(f for f in header.fields if f.name == "MATNR")
    assert (header.name, header.path, header.description != "") == ("E1MARAM", "0", True)
    assert (matnr.value, matnr.description != "") == ("4711", True)
    assert [c.path for c in header.children] == ["0.0", "0.1"]
    # a field the declaration does not know is shown too, without a description
    assert ("ZZLOCAL", "", "x") in [(f.name, f.description, f.value) for f in header.fields]


def test_the_test_tool_tree_offers_every_declared_field() -> None:
    [header] = segments.segment_tree(MATMAS05, refused_material().segments, all_fields=True)

    declared = MATMAS05.segment("E1MARAM")
    assert declared is not None
    assert {f.name for f in declared.fields} <= {f.name for f in header.fields}


def test_an_edited_form_becomes_an_inbound_idoc_with_the_new_values() -> None:
    form = {"s:0.1:BWKEY": "1000", "s:0.0:MAKTX": "", "s:0:MTART": "FERT",
            "c:SNDPRN": "OTHERLS", "c:DOCNUM": "0000000000000815", "c:DIRECT": "1"}

    edited = segments.edited_idoc(refused_material(), form)

    header = edited.segments[0]
    assert header.children[1].values == {"MSGFN": "005", "BWKEY": "1000"}
    assert header.children[0].values == {}  # an emptied field is left out
    assert header.values["MTART"] == "FERT"
    assert edited.control["SNDPRN"] == "OTHERLS"
    # always inbound, and without the sender's number, so it is no duplicate
    assert edited.control["DIRECT"] == "2" and "DOCNUM" not in edited.control


def test_the_original_idoc_is_not_changed_by_editing() -> None:
    original = refused_material()

    segments.edited_idoc(original, {"s:0.1:BWKEY": "1000"})

    assert original.segments[0].children[1].values["BWKEY"] == "9999"


@pytest.mark.parametrize(("status", "expected"), [
    ("53", "ok"), ("03", "ok"), ("51", "error"), ("56", "error"), ("02", "error"),
    ("64", "waiting"), ("30", "waiting"), ("50", "waiting")])
def test_statuses_are_coloured_by_group(status: str, expected: str) -> None:
    assert status_class(status) == expected


@dataclass(frozen=True)
class TokenSettings:
    control_token: str


def request_with(headers: dict[str, str] | None = None, cookie: str | None = None) -> Request:
    builder = EnvironBuilder(path="/_fake/ui/", headers=headers or {})
    if cookie is not None:
        builder.headers["Cookie"] = f"{access.COOKIE}={cookie}"
    return Request(builder.get_environ())


def test_without_a_token_the_console_is_open() -> None:
    assert access.allowed(Settings(), request_with())


@pytest.mark.parametrize(("headers", "cookie", "allowed"), [
    (None, None, False),
    (None, "wrong", False),
    (None, "s3cret", True),
    ({"Authorization": "Bearer s3cret"}, None, True),
    ({"Authorization": "Bearer wrong"}, "s3cret", False),
])
def test_with_a_token_the_console_wants_it(headers: dict[str, str] | None, cookie: str | None,
                                           allowed: bool) -> None:
    settings = TokenSettings("s3cret")

    assert access.allowed(settings, request_with(headers, cookie)) is allowed  # type: ignore[arg-type]


def test_the_call_log_keeps_filled_return_rows_only() -> None:
    initial = {"TYPE": "", "ID": "", "NUMBER": "000", "MESSAGE": ""}
    error = {"TYPE": "E", "ID": "VL", "NUMBER": "001", "MESSAGE": "Sales document 1 ..."}

    assert call_log.return_rows({"RETURN": initial}) == []
    assert call_log.return_rows({"RETURN": [initial, error]}) == [error]
    assert call_log.return_rows({"SALESDOCUMENT": "1"}) == []


def test_the_call_log_cuts_long_parameters() -> None:
    text = call_log.as_text({"ROWS": ["x" * 100] * 100})

    assert len(text) == call_log.MAX_TEXT and text.endswith("...")
