"""Whether text read from a document looks scrambled: words cut short, bullets run into the
middle of a sentence, columns read across each other. Such text is flagged for a person to check
against the source, never changed. Pure Python, so pages and the extractors share one rule.

Each signal adds to a score and says why in words; one signal alone (but a broken font's
characters in bulk) stays under the threshold, so a stray unit ("5 m") or a repeated place name
never flags a sound sentence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

THRESHOLD = 1.0

BULLETS = "•●▪◦■□➢►✓"
# Words of one or two letters that sentences use; any other lone lower-case letter or pair is
# a piece of a word cut off at a column edge.
SHORT_WORDS = frozenset(
    {"a", "i", "ad", "ah", "am", "an", "as", "at", "be", "by", "do", "eg", "go", "he", "hi"}
    | {"ie", "if", "in", "is", "it", "me", "my", "no", "of", "oh", "ok", "on", "or", "ox", "so"}
    | {"to", "up", "us", "vs", "we"}
)
ARTICLES = frozenset({"a", "an", "the"})
# Words that cannot follow an article: two of them in a row means two lines interleaved.
NOT_AFTER_ARTICLE = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "by", "for", "with", "from", "and", "or", "but"}
    | {"is", "are", "was", "were", "be", "this", "that", "these", "those", "should", "will"}
    | {"must"}
)
PREPOSITIONS = frozenset({"of", "to", "for", "with", "by", "from"})
ALLOWED_PUNCTUATION = set(" \n\t.,;:'\"()-/&%£$€’‘“”–—?![]+*#@=<>_") | set(BULLETS)
WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Reading:
    """How garbled a text reads: a score and the reasons, in words, that make it up."""

    score: float
    reasons: tuple[str, ...]

    @property
    def garbled(self) -> bool:
        return self.score >= THRESHOLD


def _bare(tokens: list[str]) -> list[tuple[int, str]]:
    """The tokens that are letters only, with no punctuation attached, and their positions."""
    return [(i, t) for i, t in enumerate(tokens) if t.isalpha()]


def _fragments(tokens: list[str]) -> tuple[float, list[str]]:
    bare = _bare(tokens)
    pieces = [(i, t) for i, t in bare if t.islower() and len(t) <= 2 and t not in SHORT_WORDS]
    pieces += [(i, t) for i, t in bare if t == "i"]  # English writes the pronoun "I"
    if not pieces:
        return 0.0, []
    score = min(0.4 * len(pieces), 1.2)
    if any(i == 0 for i, _ in pieces):
        score += 0.3
    return score, [f"{len(pieces)} word fragment{'s' if len(pieces) > 1 else ''}"]


def _inline_bullets(text: str) -> tuple[float, list[str]]:
    """Bullets in the middle of a sentence, not after a colon or at a line's start."""
    count = 0
    for match in re.finditer(f"[{BULLETS}]", text):
        before = text[: match.start()].rstrip(" \t")
        if before and before[-1] not in ":\n;":
            count += 1
    if not count:
        return 0.0, []
    return min(0.3 * count, 0.6), [f"{count} bullet{'s' if count > 1 else ''} inside a sentence"]


def _repeated_pieces(tokens: list[str]) -> tuple[float, list[str]]:
    """A capitalised word standing alone mid-sentence, again and again: the same cut-off
    piece of a word at the start of each line of a column read across."""
    isolated = []
    for i, token in enumerate(tokens):
        word = token.strip(".,;:()/")
        if not (len(word) >= 3 and word.isalpha() and word[0].isupper() and word[1:].islower()):
            continue
        if i == 0 or tokens[i - 1][-1] in ".!?:":
            continue  # a sentence's first word
        neighbours = tokens[max(i - 1, 0) : i] + tokens[i + 1 : i + 2]
        if any(n[:1].isupper() for n in neighbours):
            continue  # part of a name: Youth Justice Board
        isolated.append(word)
    repeats = [w for w, n in Counter(isolated).items() if n >= 2]
    if not repeats:
        return 0.0, []
    return min(0.4 * len(repeats), 0.8), ["the same piece of a word repeated"]


def _interleaved(tokens: list[str]) -> tuple[float, list[str]]:
    """Function words in an order no sentence has ("the of", "for with")."""
    words = [t.lower() for t in tokens]
    count = 0
    for first, second in pairwise(words):
        if (first in ARTICLES and second in NOT_AFTER_ARTICLE) or (
            first in PREPOSITIONS and second in PREPOSITIONS
        ):
            count += 1
    if not count:
        return 0.0, []
    return min(0.4 * count, 0.8), ["words in an order no sentence has"]


def _split_words(tokens: list[str]) -> tuple[float, list[str]]:
    """A word broken at a line's end and never joined: "engage- ment"."""
    count = sum(
        1
        for first, second in pairwise(tokens)
        if first.endswith("-") and len(first) > 1 and second[:1].islower()
    )
    if not count:
        return 0.0, []
    return min(0.3 * count, 0.6), [f"{count} word{'s' if count > 1 else ''} split in two"]


def _odd_characters(text: str) -> tuple[float, list[str]]:
    odd = sum(1 for c in text if not c.isalnum() and c not in ALLOWED_PUNCTUATION)
    if len(text) < 20 or odd / len(text) <= 0.03:
        return 0.0, []
    # A broken font's characters in bulk are garbled on their own; a few are only a hint.
    return (1.0 if odd / len(text) > 0.08 else 0.6), ["unusual characters"]


def assess(text: str) -> Reading:
    """How garbled `text` reads."""
    tokens = WORD.findall(text)
    if not tokens:
        return Reading(0.0, ())
    score = 0.0
    reasons: list[str] = []
    for part, why in (
        _fragments(tokens),
        _inline_bullets(text),
        _repeated_pieces(tokens),
        _interleaved(tokens),
        _split_words(tokens),
        _odd_characters(text),
    ):
        score += part
        reasons += why
    return Reading(round(score, 2), tuple(reasons))


def reads_garbled(text: str) -> bool:
    return assess(text).garbled
