"""What one PDF page holds, read with pdfium: runs of text with their boxes and the ruled
lines tables are drawn with, in points from the top left of the page as it is shown.

A text object is a run of characters drawn at once (a line of a cell, a word or a fragment),
so a page is read in a few hundred calls rather than one per character."""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

# A stroke or filled bar thinner than this is a ruled line; anything thicker is a box.
RULE_THICKNESS = 3.0
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Run:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Rule:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass
class PageContent:
    width: float
    height: float
    runs: list[Run]
    rules: list[Rule]


def _object_text(obj: Any, textpage: Any) -> str:
    import pypdfium2.raw as raw

    size = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    raw.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, size)
    text = bytes(buffer)[: size - 2].decode("utf-16-le", errors="replace")
    # pdfium marks a hyphen ending a line as \x02; other control characters are layout.
    return CONTROL_RE.sub(" ", text.replace("\x02", "-"))


def _line_box(obj: Any) -> tuple[float, float, float, float]:
    """A run's box as tall as its font (from its baseline, not its glyphs): every line of
    the same type is then the same height, so the gaps between lines tell wrapped lines from
    new paragraphs whatever letters they hold."""
    import pypdfium2.raw as raw

    left, bottom, right, top = obj.get_bounds()
    matrix = obj.get_matrix()
    size = ctypes.c_float()
    if not raw.FPDFTextObj_GetFontSize(obj.raw, size) or matrix.b or matrix.c:
        return left, bottom, right, top  # turned text: its glyphs' box will do
    height = size.value * abs(matrix.d)
    return left, matrix.f - 0.2 * height, right, matrix.f + 0.8 * height


def _segments(obj: Any) -> int:
    import pypdfium2.raw as raw

    return int(raw.FPDFPath_CountSegments(obj.raw))


def read_page(page: Any) -> PageContent:
    """The page's runs and rules. Objects inside form XObjects are placed by their form's
    matrix; a page turned by /Rotate is turned back so that rows read across."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    rotation = page.get_rotation() % 360
    textpage = page.get_textpage()
    runs: list[Run] = []
    rules: list[Rule] = []
    forms: dict[int, Any] = {}  # nesting level -> the matrix placing that level on the page

    def place(box: tuple[float, float, float, float], level: int) -> tuple[float, ...]:
        left, bottom, right, top = box
        matrix = forms.get(level)
        if level and matrix is not None:
            left, bottom, right, top = matrix.on_rect(left, bottom, right, top)
        if rotation == 90:
            return bottom, left, top, right
        if rotation == 180:
            return width - right, bottom, width - left, top
        if rotation == 270:
            return height - top, width - right, height - bottom, width - left
        return left, height - top, right, height - bottom

    for obj in page.get_objects(max_depth=4):
        level = obj.level
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            matrix = obj.get_matrix()
            outer = forms.get(level)
            forms[level + 1] = matrix.multiply(outer) if level and outer is not None else matrix
            continue
        if obj.type not in (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH):
            continue
        if level and level not in forms:
            continue
        if obj.type == raw.FPDF_PAGEOBJ_TEXT:
            text = _object_text(obj, textpage)
            if text.strip():
                x0, top, x1, bottom = place(_line_box(obj), level)
                runs.append(Run(text, x0, top, x1, bottom))
            continue
        x0, top, x1, bottom = place(obj.get_bounds(), level)
        if x1 - x0 < RULE_THICKNESS or bottom - top < RULE_THICKNESS:
            rules.append(Rule(x0, top, x1, bottom))
        elif 4 <= _segments(obj) <= 6:  # a rectangle: its four sides rule the table
            rules.extend(
                [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom),
                 Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom)]
            )  # fmt: skip
    textpage.close()
    if rotation in (90, 270):
        width, height = height, width
    return PageContent(width, height, runs, rules)
