"""How a table's text rendering separates its cells, and a line's cells read that way.

Our own readers write a row per line with its cells separated by tabs. Text copied from a PDF or
a web page separates them otherwise: pipes ("| 1 | Publish … | Agreed |"), or runs of two or
more spaces, often aligned in columns under the header, with a long cell wrapped onto the lines
below and its neighbours empty there. A line that is not a row of the table (a note, a heading)
reads as None."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_GAP = re.compile(r"\S+(?: \S+)*")  # a run of text with no two spaces in a row
_PIPE_EDGE = re.compile(r"^\s*\|?|\|?\s*$")
# Converters that draw tables with box characters use these for the pipe and the rules.
_BOX_BARS = str.maketrans({"│": "|", "┃": "|", "¦": "|", "║": "|"})
MAX_COLUMNS = 40  # wider than any response table; a line of more runs is not a header


@dataclass(frozen=True)
class Layout:
    kind: str  # tabs, pipes or spaces
    starts: tuple[int, ...] = ()  # spaces: where each header cell starts on its line
    aligned: bool = True  # spaces: rows sit under the header, so a cell is known by position


TABS = Layout("tabs")
PIPES = Layout("pipes")


def chunks(text: str) -> list[tuple[int, str]]:
    """The runs of text a line holds between gaps of two or more spaces, with where each starts."""
    return [(m.start(), m[0]) for m in _GAP.finditer(text.replace("\t", "  "))]


def layouts_of(text: str) -> list[Layout]:
    """The ways a line could be the header of a table, most explicit first."""
    out = []
    text = text.translate(_BOX_BARS)
    if "\t" in text:
        out.append(TABS)
    if 2 <= text.count("|") <= MAX_COLUMNS + 1:
        out.append(PIPES)
    found = chunks(text)
    if 3 <= len(found) <= MAX_COLUMNS and "\t" not in text and "|" not in text:
        out.append(Layout("spaces", tuple(start for start, _ in found)))
    return out


def cells_of(text: str, layout: Layout) -> list[str] | None:
    """The cells of one line in the table's layout, or None if the line is not a row of it."""
    if layout.kind == "tabs":
        return text.split("\t") if "\t" in text else None
    if layout.kind == "pipes":
        text = text.translate(_BOX_BARS)
        if "|" not in text:
            return None
        return [c.strip() for c in _PIPE_EDGE.sub("", text).split("|")]
    found = chunks(text)
    if not found:
        return None
    n = len(layout.starts)
    if not layout.aligned and len(found) == n:
        return [t for _, t in found]
    if len(found) == 1 and found[0][0] <= layout.starts[0] + 1:
        first_width = layout.starts[1] - layout.starts[0] if n > 1 else 0
        if len(found[0][1]) > first_width + 2:
            return None  # prose starting at the margin, wider than the first column
    cells = [""] * n
    for start, run in found:
        index = max(bisect_right(layout.starts, start + 2) - 1, 0)
        cells[index] = f"{cells[index]} {run}".strip()
    return cells


def fitted(layout: Layout, rows: list[str]) -> Layout:
    """A spaces layout, told whether its rows sit under the header: most rows holding as many
    runs as the header has cells start each run where its header cell starts."""
    if layout.kind != "spaces":
        return layout
    full = [c for c in (chunks(r) for r in rows) if len(c) == len(layout.starts)]
    if not full:
        return layout
    under = sum(
        all(abs(start - s) <= 2 for (start, _), s in zip(c, layout.starts, strict=True))
        for c in full
    )
    return Layout("spaces", layout.starts, aligned=under * 2 >= len(full))
