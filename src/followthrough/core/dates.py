"""Dates as printed in the genre: "8th January 2020", "7 June 2022", "March 2015", "31/03/2021"."""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

MONTH_RE = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})\s*,?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\s*,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_date(text: str) -> str | None:
    """The first full or month-precision date in text, as ISO ("2020-01-08" or "2015-03")."""
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        m = pattern.search(text or "")
        if m:
            try:
                if pattern is DAY_MONTH_YEAR:
                    day, mon, year = int(m[1]), month_number(m[2]), int(m[3])
                else:
                    mon, day, year = month_number(m[1]), int(m[2]), int(m[3])
                return date(year, mon, day).isoformat()
            except ValueError:
                continue
    m = MONTH_YEAR.search(text or "")
    if m:
        return f"{int(m[2]):04d}-{month_number(m[1]):02d}"
    m = re.search(r"\b((?:19|20)\d\d)\b", text or "")
    return m[1] if m else None
