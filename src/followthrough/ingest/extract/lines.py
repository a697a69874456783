"""Lines of a document with their character offsets, so every record can point at its source."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        out.append(Line(number, pos, pos + len(raw), raw.rstrip("\r")))
        pos += len(raw) + 1
    return out
