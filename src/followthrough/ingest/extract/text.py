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


# Names a paragraph can be matched on: acronyms (MoJ, YCS, NHS) and "Welsh"/"Wales" words.
_NAME = re.compile(r"\b(?:[A-Z][a-z]?[A-Z]+[a-z]?|Welsh Government|Wales)\b")


def share_of(text: str, *, owner: str | None, target: str | None, of: int) -> str:
    """The part of a response that one of its `of` actions commits to: the whole text when the
    row has one action; otherwise the paragraphs naming the action's owner (by its acronyms or
    Welsh Government) or its target, in order, or the whole text when none or all do."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    if of <= 1 or len(paragraphs) <= 1:
        return (text or "").strip()
    names = set(_NAME.findall(owner or ""))
    names |= {"Wales", "Welsh Government"} if names & {"Wales", "Welsh Government"} else set()

    def names_it(paragraph: str) -> bool:
        if target and len(target) > 3 and target.lower() in paragraph.lower():
            return True
        return any(re.search(rf"\b{re.escape(n)}\b", paragraph) for n in names)

    chosen = [p for p in paragraphs if names_it(p)]
    if not chosen or len(chosen) == len(paragraphs):
        return (text or "").strip()
    return "\n\n".join(chosen)
