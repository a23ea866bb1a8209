"""T100: one text per message class and number, and every message of the source declared.

The scan reads every module of ``fake_sap`` (without importing it) and finds the calls that
issue a message: ``declared_error(id, no, ...)`` and ``declared_message(type, id, no, ...)``
(which take the text from T100), ``sap_error(id, no, text, ...)``,
``sap_message(type, id, no, text, ...)``, ``message(type, id, no, text, ...)``
(``fake_sap.rfc.structures``), the local ``_error`` and ``refuse`` helpers shaped like
``sap_error``, ``SapMessage(id, no, text, ...)``, ``StatusRecord(status, text, type, id, no,
...)``, ``_issue_status(status, issue, id, no)`` and the local ``error(no, text, ...)``
helpers of modules that issue one message class. Where class and number are literals they
must be declared; where the text is a literal too it must be the declared text (or a reuse
listed in ``REUSED_NUMBERS``).
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from fake_sap.ale.inbound.values import ISO_CONVERSION_ERROR
from fake_sap.ddic.messages import (
    REUSED_NUMBERS,
    T100,
    T100Message,
    UnknownMessage,
    is_declared,
    reference_page,
    t100,
)
from fake_sap.errors import declared_error, declared_message, sap_error, sap_message
from fake_sap.rfc.structures import message

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parents[3] / "fake_sap"
#: function name → position of the message class among its arguments (number and text follow)
CLASS_FIRST = {"sap_error": 0, "_error": 0, "refuse": 0, "SapMessage": 0,
               "sap_message": 1, "message": 1}
#: the keyed helpers of ``fake_sap.errors`` → position of the message class
KEYED = {"declared_error": 0, "declared_message": 1}
#: modules whose local ``error(number, text, ...)`` helper issues one message class
LOCAL_HELPERS = {"fake_sap.mm.purchasing": "ME", "fake_sap.sd.sales_orders": "V1"}
#: modules with helpers of the same names that are not SAP messages
NOT_MESSAGES = frozenset({"fake_sap.contract_check"})
PLACEHOLDER = re.compile(r"&(\d)")


@dataclass(frozen=True)
class IssuedMessage:
    where: str
    msgid: str
    msgno: str
    #: the literal text, or None where the code builds it (an f-string, a variable)
    text: str | None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _issued(module: str, call: ast.Call) -> tuple[str | None, str | None, str | None] | None:
    function = call.func
    name = function.id if isinstance(function, ast.Name) else \
        function.attr if isinstance(function, ast.Attribute) else None
    args = call.args
    if name in CLASS_FIRST and len(args) > CLASS_FIRST[name] + 2 \
            and not any(isinstance(a, ast.Starred) for a in args[:CLASS_FIRST[name] + 3]):
        first = CLASS_FIRST[name]
        return _literal(args[first]), _literal(args[first + 1]), _literal(args[first + 2])
    if name in KEYED and len(args) > KEYED[name] + 1:  # the text comes from T100 itself
        return _literal(args[KEYED[name]]), _literal(args[KEYED[name] + 1]), None
    if name == "StatusRecord" and len(args) > 4:
        return _literal(args[3]), _literal(args[4]), _literal(args[1])
    if name == "_issue_status" and len(args) > 3:  # (status, issue, class, number)
        return _literal(args[2]), _literal(args[3]), None
    if name == "error" and module in LOCAL_HELPERS and len(args) > 1:
        return LOCAL_HELPERS[module], _literal(args[0]), _literal(args[1])
    return None


@functools.cache
def issued_messages() -> tuple[IssuedMessage, ...]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if module in NOT_MESSAGES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            issued = _issued(module, node)
            if issued is None:
                continue
            msgid, msgno, text = issued
            if msgid is None or msgno is None:  # a wrapper passing on a message it was given
                continue
            found.append(IssuedMessage(f"{module}:{node.lineno}", msgid, msgno, text))
    return tuple(found)


def test_the_scan_finds_the_messages_of_the_source():
    # a scan that silently stopped matching would pass everything below
    issued = issued_messages()
    assert len(issued) > 200
    assert {("M3", "351"), ("VL", "001"), ("E0", "072"), ("ME", "064"), ("V1", "382")} <= \
        {(m.msgid, m.msgno) for m in issued}


def test_every_message_the_source_issues_is_declared():
    undeclared = [f"{m.where}: {m.msgid} {m.msgno}" for m in issued_messages()
                  if (m.msgid, m.msgno) not in T100]
    assert undeclared == []


def test_every_literal_text_is_the_declared_text():
    differing = [f"{m.where}: {m.msgid} {m.msgno} {m.text!r} (declared: "
                 f"{T100[(m.msgid, m.msgno)].text!r})"
                 for m in issued_messages()
                 if m.text is not None and (m.msgid, m.msgno) in T100
                 and not is_declared(m.msgid, m.msgno, m.text)]
    assert differing == []


def test_the_iso_conversion_error_is_declared_with_its_text():
    msgid, msgno, text = ISO_CONVERSION_ERROR
    assert t100(msgid, msgno).text == text


def test_one_text_per_class_and_number():
    keys = [m.key for m in T100.values()]
    assert len(keys) == len(set(keys))
    assert all(key == (m.msgid, m.msgno) for key, m in T100.items())


def test_a_class_and_number_declared_twice_is_refused_at_import():
    from fake_sap.ddic import messages

    twice = [T100Message("ZZ", "001", "one"), T100Message("ZZ", "001", "other")]
    with pytest.raises(ValueError, match="ZZ 001 twice"):
        messages._by_key(twice)


def test_each_listed_reuse_names_a_declared_number_with_another_text():
    for reuse in REUSED_NUMBERS:
        assert reuse.key in T100, reuse
        assert reuse.text != T100[reuse.key].text, reuse
    assert len({(m.key, m.text) for m in REUSED_NUMBERS}) == len(REUSED_NUMBERS)


@pytest.mark.parametrize("declared", sorted(T100.values(), key=lambda m: m.key),
                         ids=lambda m: f"{m.msgid}{m.msgno}")
def test_a_declared_message_is_well_formed(declared):
    assert re.fullmatch(r"[A-Z0-9/_]{2,20}", declared.msgid)
    assert re.fullmatch(r"\d{3}", declared.msgno)
    assert declared.text
    assert all(n != "0" for n in PLACEHOLDER.findall(declared.text))
    assert declared.source


def test_issuing_an_undeclared_message_fails_at_once():
    with pytest.raises(UnknownMessage, match="ZZ 999"):
        sap_error("ZZ", "999", "Not declared")
    with pytest.raises(UnknownMessage):
        sap_message("E", "M3", "000", "Not declared")


def test_the_rfc_message_helper_renders_a_declared_message():
    # checked on the source only (see above): it also builds messages a test names freely
    issued = message("E", "M3", "351", t100("M3", "351").text, "9999")
    assert issued.text == "Valuation area 9999 does not exist"


def test_the_keyed_helpers_take_the_declared_text():
    error = declared_error("VL", "001", "80000001", parameter="DELIVERY")
    assert (error.sap_message.text, error.sap_message.parameter) == \
        ("Delivery 80000001 does not exist", "DELIVERY")
    assert declared_message("S", "V4", "233", "SALES_HEADER_IN").text == \
        "SALES_HEADER_IN has been processed successfully"
    with pytest.raises(UnknownMessage):
        declared_message("E", "ZZ", "001")


def test_a_declared_message_renders_its_variables():
    issued = sap_message("E", "VL", "001", t100("VL", "001").text, "80000001")
    assert (issued.msgid, issued.msgno, issued.text, issued.variables) == \
        ("VL", "001", "Delivery 80000001 does not exist", ("80000001",))


def test_the_reference_page_lists_every_message_with_its_source():
    page = reference_page()
    for declared in T100.values():
        assert f"| {declared.msgid} | {declared.msgno} |" in page
    for reuse in REUSED_NUMBERS:
        assert reuse.text.replace("|", "\\|") in page
