"""SAP conversion exits: internal formats of keys (ALPHA, MATN1) and codes."""

from __future__ import annotations


def alpha_input(value: str, length: int = 10) -> str:
    """ALPHA input conversion: purely numeric values are right-aligned with leading zeros,
    anything else is kept (upper-cased, left-aligned) as entered."""
    value = value.strip()
    if value.isdigit():
        if len(value) > length:
            raise ValueError(f"'{value}' is longer than {length} digits")
        return value.zfill(length)
    return value.upper()


def alpha_output(value: str) -> str:
    """ALPHA output conversion: strip leading zeros of numeric values."""
    if value.isdigit():
        return value.lstrip("0") or "0"
    return value


def matn1_input(value: str) -> str:
    """MATN1: material numbers are 18 characters in R/3; numeric ones get leading zeros."""
    return alpha_input(value, 18)


def matn1_output(value: str) -> str:
    return alpha_output(value)
