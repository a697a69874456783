"""Turning the HTML fragments and Markdown marks of rendered PDFs into clean text."""

from __future__ import annotations

import html
import re

_BLOCK = re.compile(r"</?(?:p|li|ul|ol|br|div|tr|td|h\d)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\u00a0]+")


def clean(fragment: str) -> str:
    """One line of plain text: tags and emphasis marks dropped, spaces folded."""
    text = _TAG.sub(" ", fragment or "")
    text = html.unescape(text)
    text = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", text)
    text = _SPACE.sub(" ", text.replace("\n", " ")).strip()
    # A renderer often leaves a space before closing punctuation ("2022 ," or "' text '").
    text = re.sub(r" ([,.;:)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    return text


def blocks(fragment: str) -> list[str]:
    """The paragraphs or list items of a cell, in order; a cell with no markup is one block."""
    if not fragment or not fragment.strip():
        return []
    if not _BLOCK.search(fragment):
        text = clean(fragment)
        return [text] if text else []
    parts = _BLOCK.split(fragment)
    return [c for c in (clean(p) for p in parts) if c]


def list_items(fragment: str) -> tuple[list[str], list[str]]:
    """Split a cell into paragraphs outside lists and the list items, each in order."""
    if "<li" not in (fragment or "").lower():
        return blocks(fragment), []
    before, _, rest = fragment.partition("<li")
    paras = blocks(before)
    items = [clean(x) for x in re.split(r"<li[^>]*>", "<li" + rest, flags=re.IGNORECASE)]
    return paras, [i for i in items if i]
