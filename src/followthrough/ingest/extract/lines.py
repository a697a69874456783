"""Lines of a document with their character offsets, so every record can point at its source."""

from __future__ import annotations

from typing import NamedTuple


class Line(NamedTuple):  # a tuple: made for every line of every document, so made cheaply
    number: int  # 1-based, as an editor shows it
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    carriage = "\r" in text
    for number, raw in enumerate(text.split("\n"), start=1):
        end = pos + len(raw)
        out.append(Line(number, pos, end, raw.rstrip("\r") if carriage else raw))
        pos = end + 1
    return out
