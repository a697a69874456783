"""Target dates as published ("March 2020", "2023/24", "Ongoing") into a kind and a due date.

The due date is the last day of the period the text names; where a sentence names several
periods the latest one counts, because that is when the whole commitment falls due.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from .dates import DAY_MONTH_YEAR, MONTH_RE, NUMERIC, month_end, month_number


@dataclass
class Target:
    kind: str  # date, month, quarter, year, financial_year, completed, ongoing, unknown
    value: str | None = None
    due: str | None = None  # ISO date: last day of the period, None when not time-bound

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_YEAR = r"((?:19|20)\d\d)"
_FY = re.compile(rf"\b(?:FY\s*)?{_YEAR}\s*[/-]\s*(\d\d(?:\d\d)?)\b", re.IGNORECASE)
_QUARTER = re.compile(
    rf"\b(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?)\s*,?\s*"
    rf"(?:{_YEAR}\s*[/-]\s*(\d\d(?:\d\d)?)|{_YEAR})",
    re.IGNORECASE,
)
_SEASON = re.compile(rf"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}", re.IGNORECASE)
# "Q5 2027" is a typing slip, not the year 2027: a quarter that does not exist makes the target
# unreadable, so the form asks again.
_NO_SUCH_QUARTER = re.compile(r"\bQ(?:[05-9]|\d{2,})\b", re.IGNORECASE)
_QUALIFIED_YEAR = re.compile(
    rf"\b(early|mid|middle of|late|end of|by end of)\s*-?\s*{_YEAR}", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\s*,?\s+{_YEAR}", re.IGNORECASE)
_BARE_YEAR = re.compile(rf"(?<![\d/-]){_YEAR}(?![\d/-])")

_ORDINAL = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
# Seasons and "early/mid/late" are vaguer than a month; each is read as the month it ends in.
_SEASON_END = {
    "spring": (0, 5),
    "summer": (0, 8),
    "autumn": (0, 11),
    "fall": (0, 11),
    "winter": (1, 2),
}
_QUALIFIER_END = {"early": 4, "mid": 8, "middle of": 8, "late": 12, "end of": 12, "by end of": 12}

_COMPLETED = re.compile(r"^\W*(?:completed?|done|achieved|closed)\b", re.IGNORECASE)
_ONGOING = re.compile(
    r"^\W*(?:on-?going|continuous|business as usual|in progress)\b", re.IGNORECASE
)


def _fy_end(start_year: int, tail: str) -> int | None:
    if len(tail) == 4:
        end = int(tail)
    else:  # two digits: the year after start, read across a century (2099/00 ends in 2100)
        end = start_year + 1 if (start_year + 1) % 100 == int(tail) else -1
    return end if end == start_year + 1 else None


def _candidates(text: str) -> list[tuple[date, str, str, tuple[int, int]]]:
    """Every period the text names: (due, kind, value, span)."""
    found: list[tuple[date, str, str, tuple[int, int]]] = []

    def add(due: date, kind: str, value: str, span: tuple[int, int]) -> None:
        if not any(s[0] < span[1] and span[0] < s[1] for *_, s in found):
            found.append((due, kind, value, span))

    for m in DAY_MONTH_YEAR.finditer(text):
        try:
            d = date(int(m[3]), month_number(m[2]), int(m[1]))
        except ValueError:
            continue
        add(d, "date", d.isoformat(), m.span())
    for m in NUMERIC.finditer(text):
        try:
            d = date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            continue
        add(d, "date", d.isoformat(), m.span())
    for m in _QUARTER.finditer(text):
        q = int(m[1]) if m[1] else _ORDINAL[m[2].lower()]
        if m[3]:  # a financial-year quarter: Q1 runs April to June
            start = int(m[3])
            end_month = 3 * q + 3
            year = start if end_month <= 12 else start + 1
            end_month = end_month if end_month <= 12 else end_month - 12
            add(month_end(year, end_month), "quarter", f"{m[3]}/{m[4][-2:]} Q{q}", m.span())
        else:
            year = int(m[5])
            add(month_end(year, 3 * q), "quarter", f"{year}-Q{q}", m.span())
    for m in _FY.finditer(text):
        start = int(m[1])
        end = _fy_end(start, m[2])
        if end is not None:
            add(date(end, 3, 31), "financial_year", f"{start}/{str(end)[-2:]}", m.span())
    for m in _SEASON.finditer(text):
        extra, month = _SEASON_END[m[1].lower()]
        year = int(m[2]) + extra
        add(month_end(year, month), "quarter", f"{m[1].lower()} {m[2]}", m.span())
    for m in _MONTH_YEAR.finditer(text):
        year, month = int(m[2]), month_number(m[1])
        add(month_end(year, month), "month", f"{year:04d}-{month:02d}", m.span())
    for m in _QUALIFIED_YEAR.finditer(text):
        year = int(m[2])
        add(month_end(year, _QUALIFIER_END[m[1].lower()]), "year", str(year), m.span())
    for m in _BARE_YEAR.finditer(text):
        year = int(m[1])
        add(date(year, 12, 31), "year", str(year), m.span())
    return found


def parse_target(text: str | None) -> Target:
    """Read a published target; unknown when nothing in it is a period or a status."""
    raw = (text or "").strip()
    if not raw or _NO_SUCH_QUARTER.search(raw):
        return Target("unknown")
    if _COMPLETED.search(raw):
        return Target("completed")
    if _ONGOING.search(raw):
        # Ongoing work is never overdue; a date inside it is when it is next looked at.
        found = _candidates(raw)
        latest = max(found, key=lambda c: c[0]) if found else None
        return Target("ongoing", latest[2] if latest else None, None)
    found = _candidates(raw)
    if not found:
        return Target("unknown")
    due, kind, value, _ = max(found, key=lambda c: c[0])
    return Target(kind, value, due.isoformat())
