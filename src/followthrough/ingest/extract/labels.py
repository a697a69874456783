"""How recommendations are labelled, referenced and counted in every printed form: "1", "1.",
"1.1", "R2", "(a)", "Recommendation 3", bullets; "(Paragraph 15)", "(para 3.16)", "(see 4.4)";
and the count a document states ("six recommendations"), checked against what was read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

BULLET_MARKS = "•\u2022\u25cf\u25aa\u25e6\u00b7\u2023\u2043\u25a0\u25a1\u2013\u2014*-"
_BULLET = re.compile(rf"^([{re.escape(BULLET_MARKS)}])\s*(?=\S)")
_WORD_LABEL = re.compile(
    r"^(?:recommendation|rec\.?)\s+((?:[A-Z]{1,4}\s?)?\d{1,3}(?:\.\d{1,3})*[a-z]?)\b\s*[:.)\-–]?\s*",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"^\(?(\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)(?:([.):])(?=\s|[A-Z(\"'‘“])|\s+(?=[A-Z\"'‘“]))\s*"
)
_CODE = re.compile(r"^([A-Z]{1,4}\s?\d{1,3}(?:\.\d{1,3})?[a-z]?)(?:[.):]\s*|\s+)(?=\S)")
_LETTER = re.compile(r"^(?:\(([a-z]|[ivx]{1,4})\)|([a-z])[.)])\s+(?=\S)")
_TAB = re.compile(r"^\s*")


@dataclass(frozen=True)
class Marked:
    """One line split into its indentation, bullet, label and the text after them."""

    indent: int
    bullet: bool
    label: str | None
    kind: str | None  # number, code, word, letter; None when the line has no label
    text: str


def mark(raw: str) -> Marked:
    """The bullet and label a line opens with; the text keeps everything after them."""
    lead = _TAB.match(raw)
    indent = len((lead[0] if lead else "").replace("\t", "    "))
    rest = raw.strip()
    rest = re.sub(r"^#{1,6}\s*", "", rest)
    rest = re.sub(r"^[*_]{2,3}(?=\S)", "", rest)  # **1.** bold labels
    bullet = False
    m = _BULLET.match(rest)
    if m and not (m[1] == "-" and rest[1:2].isdigit()):
        bullet, rest = True, rest[m.end() :]
        rest = re.sub(r"^[*_]{2,3}(?=\S)", "", rest)
    for kind, pattern in (("word", _WORD_LABEL), ("number", _NUMBER), ("letter", _LETTER)):
        m = pattern.match(rest)
        if m:
            label = next(g for g in m.groups() if g)
            body = re.sub(r"^[*_]{1,3}\s*", "", rest[m.end() :])
            return Marked(indent, bullet, label.replace(" ", ""), kind, body)
    m = _CODE.match(rest)
    if m and re.search(r"\d", m[1]) and not re.match(r"^[A-Z]{1,4}\s?\d{4}", rest):
        return Marked(indent, bullet, m[1].replace(" ", ""), "code", rest[m.end() :])
    return Marked(indent, bullet, None, None, rest)


_LOOSE = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,3}){0,2})(?:\.|\s+)(?=[a-z])")


def loose_number(m: Marked) -> Marked:
    """A number before a lower-case word ("1 fund …", "1.1 fund …", "1.fund …"), read as a label
    where a list is expected: under "X should:" each item carries the sentence on."""
    found = _LOOSE.match(m.text) if m.label is None and not m.bullet else None
    if found is None:
        return m
    return Marked(m.indent, False, found[1], "number", m.text[found.end() :].lstrip())


_CELL_LABEL = re.compile(r"^\(?(?:[A-Z]{1,4}\s?)?\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?[.):]?$")
_LABEL_HEADER = re.compile(r"^(?:no\.?|number|ref(?:erence)?\.?|#|rec\.?)$", re.IGNORECASE)


def list_table_header(raw: str) -> bool:
    """Whether a tab-separated row heads a list printed as a table ("No." | "Recommendation")."""
    cells = [c.strip() for c in raw.strip().split("\t") if c.strip()]
    return (
        len(cells) == 2
        and bool(_LABEL_HEADER.match(cells[0]))
        and bool(re.match(r"^recommendations?$", cells[1], re.IGNORECASE))
    )


def untab(raw: str) -> str:
    """A row of a list printed as a two-column table, as a list line: "1<tab>fund …" reads as
    "1. fund …", "<tab>The board should:" as the addressee line, the header row as a blank."""
    if "\t" not in raw:
        return raw
    if list_table_header(raw):
        return ""
    cells = [c.strip() for c in raw.rstrip().split("\t")]
    if len(cells) != 2:
        return raw
    label, text = cells
    if not label:
        return text
    if _CELL_LABEL.match(label):
        return f"{label.rstrip('.):')}. {text}"
    return raw


# "(Paragraph 15)", "(Paragraphs 3.1, 3.4 and 4.2)", "(para 3.16)", "(paras 2-4)", "(see 4.4)",
# "(see paragraph 12)"; the numbers are kept, the brackets dropped from the text.
_REFS = re.compile(
    r"[\s*_]*\([\s*_]*(?:see\s+)?(?:(?:paragraphs?|paras?\.?|¶)\s*)?"
    r"(\d{1,3}(?:\.\d{1,3})*(?:(?:\s*(?:,|;|and|&|-|–|to)\s*|\s+)\d{1,3}(?:\.\d{1,3})*)*,?)"
    r"[\s*_]*\)[\s*_]*",
    re.IGNORECASE,
)
_REF = re.compile(r"\d{1,3}(?:\.\d{1,3})*")


def paragraph_refs(text: str) -> tuple[str, list[str]]:
    """The text without its paragraph references, and the references in order.

    A bare "(4)" is a reference only when "para" or "see" says so; "(2019)" never is."""
    refs: list[str] = []

    def take(m: re.Match[str]) -> str:
        whole = m[0].lower()
        if not re.search(r"para|see|¶", whole):
            return m[0]
        refs.extend(r for r in _REF.findall(m[1]) if r not in refs)
        return " "

    return _REFS.sub(take, text), refs


_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
NUMBER_WORDS = {w: n for n, w in enumerate(_WORDS, start=1)}
NUMBER_WORDS.update({"thirty": 30, "forty": 40})
_COUNT = re.compile(
    r"\b(?:made|makes|make|making|contains?|sets?\s+out|there\s+(?:are|were)|total\s+of|"
    r"following|includes?|its|report[’']s|our|these|all)\s+(\d{1,3}|[a-z]+(?:[\s-][a-z]+)?)\s+"
    r"(?:main\s+|key\s+|new\s+|further\s+)?recommendations\b"
    r"|^\W*(\d{1,3}|[a-z]+(?:[\s-][a-z]+)?)\s+recommendations\s+(?:were|are|have\s+been)\s+made",
    re.IGNORECASE,
)


def _number(word: str) -> int | None:
    word = word.lower().replace("-", " ")
    if word.isdigit():
        return int(word)
    parts = word.split()
    if all(p in NUMBER_WORDS for p in parts) and parts:
        return sum(NUMBER_WORDS[p] for p in parts)
    return None


def stated_count(text: str) -> int | None:
    """How many recommendations the document says it makes, or None if it does not say."""
    lowered = text.lower()  # lower case keeps the newlines, so its lines match the text's
    at = lowered.find("recommendations")
    if at < 0:
        return None
    if len(lowered) != len(text):  # a letter lower case lengthens: go line by line
        pairs = zip(text.split("\n"), lowered.split("\n"), strict=True)
        found = (n for line, low in pairs if "recommendations" in low for n in _counts(line))
        return next(found, None)
    while at >= 0:  # only the lines saying "recommendations" are read, found without splitting
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        end = len(text) if end < 0 else end
        n = next(_counts(text[start:end]), None)
        if n:
            return n
        at = lowered.find("recommendations", end)
    return None


def _counts(line: str) -> Iterator[int]:
    for m in _COUNT.finditer(line.strip()):
        n = _number(m[1] or m[2])
        if n:
            yield n


def count_warning(text: str, read: int, main: int | None = None) -> str | None:
    """A warning when the document's own count differs from the number of records read (all of
    them, or the main ones when the document counts its additional ones apart)."""
    stated = stated_count(text)
    if stated is None or stated in (read, main):
        return None
    return f"the document says it makes {stated} recommendations but {read} were read"
