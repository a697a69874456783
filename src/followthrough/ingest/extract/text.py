"""Turning the HTML fragments and Markdown marks of rendered PDFs into clean text."""

from __future__ import annotations

import html
import re
from functools import lru_cache

_BLOCK = re.compile(r"</?(?:p|li|ul|ol|br|div|tr|td|h\d)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


# One to three emphasis marks not inside a word: "(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", written to
# open with the mark itself so a search skips straight to the next one (fifteen times faster).
_EMPHASIS = re.compile(r"[*_](?:(?<!\w[*_])[*_]{0,2}|[*_]{0,2}(?!\w))")
_BEFORE_CLOSING = re.compile(r" ([,.;:)])")


def fold_spaces(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space. str.replace is many times faster
    than a pattern on the long lines of a table."""
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


@lru_cache(maxsize=8192)
def clean(fragment: str) -> str:
    """One line of plain text: tags and emphasis marks dropped, spaces folded. Each step runs
    only when the text holds the character it acts on: this is called for every line, and the
    readers of one document ask for the same line several times (about three times each), so
    the answers are kept while one document is read (`forget_cleaned`)."""
    text = fragment or ""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    text = text.replace("\n", " ")
    text = fold_spaces(text)
    text = text.strip()
    # A renderer often leaves a space before closing punctuation ("2022 ," or "' text '").
    if " ," in text or " ." in text or " ;" in text or " :" in text or " )" in text:
        text = _BEFORE_CLOSING.sub(r"\1", text)
    return text.replace("( ", "(") if "( " in text else text


def forget_cleaned() -> None:
    """Start each document afresh: what was kept belongs to the one before."""
    clean.cache_clear()


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


_SPLIT_TAGS = re.compile(r"</?(?:li|p|ul|ol|br|div)\b[^>]*>", re.IGNORECASE)
_GLUED_NUMBER = re.compile(r"(?<=[a-z,;])(?=\d{1,2}\.\s)")  # "detailed2. time bound"
_NUMBER_STOP = re.compile(r"\d\.\s")  # what it needs, found three times faster
# A footnote mark left on a word ("outcome measures³", "<sup>3</sup>"): the note is not kept.
FOOTNOTE_MARK_RE = re.compile(r"<sup>\s*\d{1,2}\s*</sup>|(?<=\S)[¹²³⁴⁵⁶⁷⁸⁹⁰]+", re.IGNORECASE)
DROP_PHRASES = re.compile(r"suggested sources? of information\s*:?", re.IGNORECASE)
# Letters a case-blind pattern also takes (dotted and dotless I, long s), as ASCII: a point
# whose folded lower case lacks "information" holds none of DROP_PHRASES.
_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def cell_points(fragment: str) -> list[str]:
    """A cell or paragraph's points, in order: list items, bullets, paragraphs, numbers; without
    footnote marks or a "suggested sources of information" lead. Each pattern runs only where
    the text holds what it removes: a benchmarking tool's table sends every cell here."""
    text = fragment or ""
    if "<" in text:
        text = _SPLIT_TAGS.sub("\n", text)
    text = text.replace("•", "\n")
    if _NUMBER_STOP.search(text):
        text = _GLUED_NUMBER.sub("\n", text)
    parts = []
    for raw in text.split("\n"):
        if "<" in raw or not raw.isascii():  # a footnote mark is markup or a superscript
            raw = FOOTNOTE_MARK_RE.sub("", raw)
        part = clean(raw)
        if "information" in part.translate(_FOLDS).lower():
            part = DROP_PHRASES.sub("", part)
        part = part.strip(" -–")
        if part:
            parts.append(part)
    return parts


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
