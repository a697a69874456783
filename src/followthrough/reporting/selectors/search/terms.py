"""What was typed, read as words to find (each with the phrases an abbreviation stands for), and
the spelling a mistyped word was probably meant to have."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .aliases import expansions

WORD = re.compile(r"\w+(?:'\w+)?")
MAX_WORDS = 10


@dataclass(frozen=True)
class Term:
    """One word searched for; a record matches it when it holds the word or any of the phrases."""

    word: str
    phrases: tuple[str, ...] = ()

    @property
    def alternatives(self) -> tuple[str, ...]:
        return (self.word, *self.phrases)


def terms_of(query: str) -> list[Term]:
    """The words of a query (the first ten), lower case, each with its expansions."""
    words = [w.lower() for w in WORD.findall(query)][:MAX_WORDS]
    return [Term(word=w, phrases=expansions(w)) for w in dict.fromkeys(words)]


def vocabulary(texts: Iterable[str]) -> set[str]:
    return {w.lower() for text in texts for w in WORD.findall(text or "") if len(w) > 2}


def suggestion(query: str, vocab: set[str]) -> str | None:
    """The query with each word not in the vocabulary replaced by the closest one that is, or
    None when every word is known or none has a close match."""
    changed = False
    words = []
    for word in WORD.findall(query):
        lower = word.lower()
        if lower in vocab or expansions(lower) or len(lower) < 4 or lower.isdigit():
            words.append(lower)
            continue
        close = difflib.get_close_matches(lower, vocab, n=1, cutoff=0.8)
        words.append(close[0] if close else lower)
        changed = changed or bool(close)
    return " ".join(words) if changed else None
