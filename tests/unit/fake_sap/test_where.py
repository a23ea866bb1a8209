"""The WHERE clause of RFC_READ_TABLE (fake_sap.rfc.where): Open SQL conditions parsed into a
tree before anything reaches the database. Operators in both spellings (``=`` and ``EQ``,
ABAP's ``><`` ``=<`` ``=>`` too), LIKE with ESCAPE, IN, BETWEEN, IS [NOT] NULL / INITIAL,
NOT, AND before OR, parentheses, quoted literals with ``''`` for a quote."""

from __future__ import annotations

import re

import pytest

from fake_sap.rfc.where import (
    And,
    Between,
    Compare,
    FieldRef,
    In,
    IsInitial,
    IsNull,
    Like,
    Literal,
    Not,
    Or,
    WhereSyntaxError,
    parse,
)

pytestmark = pytest.mark.unit


def q(text: str) -> Literal:
    return Literal(text, True)


def n(text: str) -> Literal:
    return Literal(text, False)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_empty_condition_is_none(text):
    assert parse(text) is None


@pytest.mark.parametrize(("operator", "op"), [
    ("=", "="), ("EQ", "="), ("eq", "="), ("<>", "<>"), ("><", "<>"), ("NE", "<>"),
    ("<", "<"), ("LT", "<"), (">", ">"), ("GT", ">"), ("<=", "<="), ("=<", "<="),
    ("LE", "<="), (">=", ">="), ("=>", ">="), ("GE", ">=")])
def test_every_comparison_operator_in_every_spelling(operator, op):
    assert parse(f"MTART {operator} 'FERT'") == Compare("MTART", op, q("FERT"))


def test_field_names_are_upper_case_and_may_be_namespaced():
    assert parse("mtart = 'x'") == Compare("MTART", "=", q("x"))
    assert parse("/BIC/ZFIELD = 'x'") == Compare("/BIC/ZFIELD", "=", q("x"))


def test_literals_keep_their_case_and_blanks_with_doubled_quotes_undone():
    assert parse("NAME1 = 'O''Brien & Sons '") == Compare("NAME1", "=", q("O'Brien & Sons "))
    assert parse("NAME1 = ''") == Compare("NAME1", "=", q(""))


@pytest.mark.parametrize(("text", "number"), [("12", "12"), ("-3", "-3"), ("+1.50", "+1.50")])
def test_unquoted_numbers_are_unquoted_literals(text, number):
    assert parse(f"LABST > {text}") == Compare("LABST", ">", n(number))


def test_a_field_on_the_right_hand_side_is_a_field_reference():
    assert parse("ERDAT = AEDAT") == Compare("ERDAT", "=", FieldRef("AEDAT"))


def test_like_with_and_without_escape():
    assert parse("MATKL LIKE 'A%'") == Like("MATKL", q("A%"))
    assert parse("MAKTX LIKE '50#%%' ESCAPE '#'") == Like("MAKTX", q("50#%%"), "#")


def test_the_escape_character_is_one_character():
    with pytest.raises(WhereSyntaxError, match="ESCAPE character must be one character"):
        parse("MAKTX LIKE 'x' ESCAPE '##'")


def test_in_lists():
    assert parse("WERKS IN ( '1000', '1100' )") == In("WERKS", (q("1000"), q("1100")))
    assert parse("WERKS IN ('1000')") == In("WERKS", (q("1000"),))


def test_between_with_literals_or_fields():
    assert parse("ERSDA BETWEEN '20240101' AND '20241231'") == \
        Between("ERSDA", q("20240101"), q("20241231"))
    assert parse("X BETWEEN LOW AND 5") == Between("X", FieldRef("LOW"), n("5"))


@pytest.mark.parametrize(("text", "tree"), [
    ("MATKL NOT LIKE 'A%'", Not(Like("MATKL", q("A%")))),
    ("WERKS NOT IN ( '1000' )", Not(In("WERKS", (q("1000"),)))),
    ("X NOT BETWEEN 1 AND 2", Not(Between("X", n("1"), n("2")))),
    ("LVORM IS NULL", IsNull("LVORM")),
    ("LVORM IS NOT NULL", Not(IsNull("LVORM"))),
    ("LVORM IS INITIAL", IsInitial("LVORM")),
    ("LVORM IS NOT INITIAL", Not(IsInitial("LVORM"))),
    ("NOT LVORM = 'X'", Not(Compare("LVORM", "=", q("X")))),
    ("NOT NOT A = 1", Not(Not(Compare("A", "=", n("1"))))),
])
def test_negations(text, tree):
    assert parse(text) == tree


def test_and_binds_tighter_than_or():
    a, b, c = (Compare(name, "=", n("1")) for name in "ABC")
    assert parse("A = 1 OR B = 1 AND C = 1") == Or((a, And((b, c))))
    assert parse("A = 1 AND B = 1 OR C = 1") == Or((And((a, b)), c))


def test_parentheses_group():
    a, b, c = (Compare(name, "=", n("1")) for name in "ABC")
    assert parse("( A = 1 OR B = 1 ) AND C = 1") == And((Or((a, b)), c))
    assert parse("((A = 1))") == a


def test_long_chains_are_flat():
    assert parse("A = 1 AND B = 2 AND C = 3") == And((
        Compare("A", "=", n("1")), Compare("B", "=", n("2")), Compare("C", "=", n("3"))))


def test_keywords_are_case_insensitive():
    assert parse("a = 1 and b like 'x' or c is not null") == Or((
        And((Compare("A", "=", n("1")), Like("B", q("x")))), Not(IsNull("C"))))


def test_the_options_lines_joined_with_line_breaks_parse_as_one():
    assert parse("MTART = 'FERT'\nAND\nMATKL = 'A'") == And((
        Compare("MTART", "=", q("FERT")), Compare("MATKL", "=", q("A"))))


@pytest.mark.parametrize(("text", "reason"), [
    ("MTART", "a comparison operator expected at the end"),
    ("MTART 'FERT'", "comparison operator expected, found ''FERT''"),
    ("MTART = ", "a literal expected at the end"),
    ("= 'x'", "a field name expected, found '='"),
    ("MTART = 'FERT' AND", "a field name expected at the end"),
    ("( A = 1", "')' expected"),
    ("A = 1 )", "unexpected ')'"),
    ("A = 1 B = 2", "unexpected 'B'"),
    ("A NOT = 1", "LIKE, IN or BETWEEN expected after NOT"),
    ("A IS EMPTY", "NULL or INITIAL expected after IS"),
    ("A IN 'x'", "'(' expected"),
    ("A IN ( 'x' 'y' )", "')' expected, found ''y''"),
    ("A BETWEEN 1 2", "'AND' expected, found '2'"),
    ("A = 'unterminated", "unexpected"),
    ("A = 1; DROP TABLE MARA", "unexpected ';"),
    ("A LIKE B", "a literal expected, found 'B'"),
])
def test_what_open_sql_does_not_allow_is_a_syntax_error(text, reason):
    with pytest.raises(WhereSyntaxError, match=re.escape(reason)):
        parse(text)


def test_a_number_glued_to_a_name_is_not_a_number():
    # "1A" is no number (nor a name): refused rather than read as 1 and A
    with pytest.raises(WhereSyntaxError):
        parse("X = 1A")
