"""What every benchmark reports: metrics with their runs, targets, and a printed table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Target:
    """A bound the median must reach: ``at_least`` for throughputs, at most for costs."""

    bound: float
    at_least: bool = True

    def met(self, value: float) -> bool:
        return value >= self.bound if self.at_least else value <= self.bound

    def describe(self, unit: str) -> str:
        return f"{'>=' if self.at_least else '<='} {number(self.bound)} {unit}".rstrip()

    def gap(self, value: float) -> str:
        """How far ``value`` is from the bound, as a percentage of the bound (a bound of
        zero, such as "no IDoc lost", by the difference itself)."""
        if self.bound == 0:
            return f"{value - self.bound:+g}"
        return f"{(value - self.bound) / self.bound:+.0%}"


@dataclass
class Metric:
    name: str
    unit: str
    runs: list[float] = field(default_factory=list)
    target: Target | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def met(self) -> bool | None:
        if self.target is None or not self.runs:
            return None
        return self.target.met(self.median)

    def verdict(self) -> str:
        if self.met is None:
            return ""
        return "yes" if self.met else f"NO ({self.target.gap(self.median)})"  # type: ignore[union-attr]

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, "median": self.median, "runs": self.runs,
                "target": self.target.describe(self.unit) if self.target else None,
                "met": self.met}


@dataclass
class Report:
    name: str
    title: str
    command: str
    metrics: list[Metric] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    available: bool = True

    def metric(self, name: str, unit: str, target: Target | None = None) -> Metric:
        metric = Metric(name, unit, target=target)
        self.metrics.append(metric)
        return metric

    def unavailable(self, reason: str) -> Report:
        self.available = False
        self.notes.append(reason)
        return self

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "command": self.command,
                "available": self.available, "notes": self.notes,
                "metrics": [m.as_dict() for m in self.metrics if m.runs]}

    def render(self) -> str:
        lines = [f"== {self.name}: {self.title}", f"   {self.command}"]
        if not self.available:
            lines.append("   not available")
        rows = [("metric", "median", "runs", "target", "met")] + [
            (m.name, f"{number(m.median)} {m.unit}".rstrip(),
             " / ".join(number(r) for r in m.runs),
             m.target.describe(m.unit) if m.target else "", m.verdict())
            for m in self.metrics if m.runs]
        if len(rows) > 1:
            widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
            for row in rows:
                lines.append("   " + "  ".join(c.ljust(w) for c, w in zip(row, widths,
                                                                        strict=True)).rstrip())
        lines.extend(f"   note: {note}" for note in self.notes)
        return "\n".join(lines)


def number(value: float) -> str:
    """Readable figures: thousands separators, decimals only where they carry information."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:,.1f}"
    return f"{value:,.2f}"


def repeat(most: int, budget_seconds: float) -> Iterator[int]:
    """Run numbers 1..``most``, stopping early when the next run would likely overrun the
    budget (judged by the slowest run so far); at least one run always happens."""
    started = time.monotonic()
    slowest = 0.0
    for run in range(1, most + 1):
        if run > 1 and time.monotonic() - started + slowest > budget_seconds:
            return
        begun = time.monotonic()
        yield run
        slowest = max(slowest, time.monotonic() - begun)
