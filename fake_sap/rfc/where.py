"""The WHERE clause of RFC_READ_TABLE: dynamic Open SQL conditions, parsed into a tree.

RFC_READ_TABLE's OPTIONS rows, joined, form an Open SQL condition such as
``MTART = 'FERT' AND ( MATKL LIKE 'A%' OR ERSDA BETWEEN '20240101' AND '20241231' )``.
The text is parsed into a small syntax tree and only then turned into an SQLAlchemy
expression over whitelisted columns, so no caller text ever reaches the database as SQL.

Supported: ``= <> < > <= >=`` and ``EQ NE LT GT LE GE`` (plus ABAP's ``>< =< =>``),
``[NOT] LIKE 'pattern' [ESCAPE '#']`` with ``%`` and ``_``, ``[NOT] IN ( 'a', 'b' )``,
``[NOT] BETWEEN x AND y``, ``IS [NOT] NULL``, ``IS [NOT] INITIAL``, ``NOT``, ``AND``, ``OR``,
parentheses, quoted literals (``''`` for a quote) and unquoted numbers, and a field name on
the right-hand side of a comparison.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import and_, false, not_, or_
from sqlalchemy.sql.elements import ColumnElement


class WhereSyntaxError(ValueError):
    pass


class UnknownField(WhereSyntaxError):
    pass


# -- syntax tree -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Literal:
    text: str
    quoted: bool


@dataclass(frozen=True)
class FieldRef:
    name: str


Operand = Literal | FieldRef


@dataclass(frozen=True)
class Compare:
    field: str
    op: str  # one of = <> < > <= >=
    value: Operand


@dataclass(frozen=True)
class Like:
    field: str
    pattern: Literal
    escape: str | None = None


@dataclass(frozen=True)
class In:
    field: str
    values: tuple[Literal, ...]


@dataclass(frozen=True)
class Between:
    field: str
    low: Operand
    high: Operand


@dataclass(frozen=True)
class IsNull:
    field: str


@dataclass(frozen=True)
class IsInitial:
    field: str


@dataclass(frozen=True)
class Not:
    operand: Condition


@dataclass(frozen=True)
class And:
    operands: tuple[Condition, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Condition, ...]


Condition = Compare | Like | In | Between | IsNull | IsInitial | Not | And | Or

_OPERATORS = {"=": "=", "EQ": "=", "<>": "<>", "><": "<>", "NE": "<>", "<": "<", "LT": "<",
              ">": ">", "GT": ">", "<=": "<=", "=<": "<=", "LE": "<=", ">=": ">=",
              "=>": ">=", "GE": ">="}

# -- tokens ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<string>'(?:[^']|'')*')
  | (?P<number>[+-]?\d+(?:\.\d+)?(?![A-Za-z_/]))
  | (?P<op><>|><|<=|=<|>=|=>|[=<>(),])
  | (?P<name>[A-Za-z_/][A-Za-z0-9_/]*)
""", re.VERBOSE)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "name" else ""


def _tokens(text: str) -> list[_Token]:
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise WhereSyntaxError(f"unexpected {text[position:position + 20]!r} at offset "
                                   f"{position}")
        position = match.end()
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(_Token(kind, match.group()))
    return tokens


# -- parser ------------------------------------------------------------------------------------

def parse(text: str) -> Condition | None:
    """The condition in ``text``, or ``None`` for an empty one."""
    tokens = _tokens(text)
    if not tokens:
        return None
    parser = _Parser(tokens)
    condition = parser.condition()
    if parser.peek() is not None:
        raise WhereSyntaxError(f"unexpected '{parser.peek().text}'")  # type: ignore[union-attr]
    return condition


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def next(self, expected: str) -> _Token:
        token = self.peek()
        if token is None:
            raise WhereSyntaxError(f"{expected} expected at the end of the condition")
        self.position += 1
        return token

    def accept(self, keyword: str) -> bool:
        token = self.peek()
        if token is not None and (token.keyword == keyword or
                                  (token.kind == "op" and token.text == keyword)):
            self.position += 1
            return True
        return False

    def expect(self, keyword: str) -> None:
        if not self.accept(keyword):
            found = self.peek()
            raise WhereSyntaxError(f"'{keyword}' expected" +
                                   (f", found '{found.text}'" if found else ""))

    def condition(self) -> Condition:
        operands = [self.conjunction()]
        while self.accept("OR"):
            operands.append(self.conjunction())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def conjunction(self) -> Condition:
        operands = [self.negation()]
        while self.accept("AND"):
            operands.append(self.negation())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def negation(self) -> Condition:
        if self.accept("NOT"):
            return Not(self.negation())
        if self.accept("("):
            inner = self.condition()
            self.expect(")")
            return inner
        return self.predicate()

    def predicate(self) -> Condition:
        token = self.next("a field name")
        if token.kind != "name":
            raise WhereSyntaxError(f"a field name expected, found '{token.text}'")
        name = token.text.upper()
        if self.accept("IS"):
            negated = self.accept("NOT")
            if self.accept("NULL"):
                test: Condition = IsNull(name)
            elif self.accept("INITIAL"):
                test = IsInitial(name)
            else:
                raise WhereSyntaxError("NULL or INITIAL expected after IS")
            return Not(test) if negated else test
        negated = self.accept("NOT")
        predicate = self._set_predicate(name)
        if predicate is None:
            if negated:
                raise WhereSyntaxError("LIKE, IN or BETWEEN expected after NOT")
            operator = self.next("a comparison operator")
            op = _OPERATORS.get(operator.text.upper())
            if op is None:
                raise WhereSyntaxError(f"comparison operator expected, found '{operator.text}'")
            predicate = Compare(name, op, self.operand())
        return Not(predicate) if negated else predicate

    def _set_predicate(self, name: str) -> Condition | None:
        if self.accept("LIKE"):
            pattern = self.literal()
            escape = self.literal().text if self.accept("ESCAPE") else None
            if escape is not None and len(escape) != 1:
                raise WhereSyntaxError("the ESCAPE character must be one character")
            return Like(name, pattern, escape)
        if self.accept("IN"):
            self.expect("(")
            values = [self.literal()]
            while self.accept(","):
                values.append(self.literal())
            self.expect(")")
            return In(name, tuple(values))
        if self.accept("BETWEEN"):
            low = self.operand()
            self.expect("AND")
            return Between(name, low, self.operand())
        return None

    def operand(self) -> Operand:
        token = self.peek()
        if token is not None and token.kind == "name" and token.keyword not in _OPERATORS:
            self.position += 1
            return FieldRef(token.text.upper())
        return self.literal()

    def literal(self) -> Literal:
        token = self.next("a literal")
        if token.kind == "string":
            return Literal(token.text[1:-1].replace("''", "'"), True)
        if token.kind == "number":
            return Literal(token.text, False)
        raise WhereSyntaxError(f"a literal expected, found '{token.text}'")


# -- to SQL ------------------------------------------------------------------------------------

class Column(Protocol):
    """A whitelisted column, as the table declaration exposes it to conditions."""

    def expression(self, for_like: bool = False) -> ColumnElement[Any]: ...

    def value(self, literal: Literal) -> Any: ...

    def initial_values(self) -> list[Any]: ...


def to_sql(condition: Condition, column: Callable[[str], Column],
           case_sensitive_like: Callable[[ColumnElement[Any], str, str | None],
                                         ColumnElement[bool]]) -> ColumnElement[bool]:
    """Translate the tree; ``column`` raises :class:`UnknownField` for names it does not
    expose, ``case_sensitive_like`` builds the database's case-sensitive LIKE."""

    def operand(target: Column, value: Operand) -> Any:
        if isinstance(value, FieldRef):
            return column(value.name).expression()
        return target.value(value)

    def build(node: Condition) -> ColumnElement[bool]:
        if isinstance(node, And):
            return and_(*[build(o) for o in node.operands])
        if isinstance(node, Or):
            return or_(*[build(o) for o in node.operands])
        if isinstance(node, Not):
            return not_(build(node.operand))
        target = column(node.field)
        expression = target.expression()
        if isinstance(node, Compare):
            return _compare(expression, node.op, operand(target, node.value))
        if isinstance(node, Like):
            return case_sensitive_like(target.expression(for_like=True), node.pattern.text,
                                       node.escape)
        if isinstance(node, In):
            return expression.in_([target.value(v) for v in node.values])
        if isinstance(node, Between):
            return expression.between(operand(target, node.low), operand(target, node.high))
        if isinstance(node, IsNull):
            return expression.is_(None)
        if isinstance(node, IsInitial):
            initial = target.initial_values()
            return or_(expression.is_(None), expression.in_(initial)) if initial else false()
        raise AssertionError(node)

    return build(condition)


def _compare(left: ColumnElement[Any], op: str, right: Any) -> ColumnElement[bool]:
    if op == "=":
        return left == right
    if op == "<>":
        return left != right
    if op == "<":
        return left < right
    if op == ">":
        return left > right
    if op == "<=":
        return left <= right
    return left >= right
