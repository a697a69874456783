"""Who a recommendation is made to, in the ways lists say it: a "<Body> should:" line (or bullet),
"<Body> should ensure that", a "Recommendations to <Body>" heading, "<Body> should <verb> …"
inside the recommendation, and "We recommend that <Body> …"."""

from __future__ import annotations

import re

from .text import clean

# A line that only names who the recommendations under it are for.
SHOULD_LINE = re.compile(
    r"^(?P<who>[A-Z\"'‘“].{1,200}?)\s+(?:should|must|will\s+need\s+to|needs?\s+to)"
    r"(?:\s+(?:ensure|make\s+sure|consider|urgently|also|now))?(?:\s+that)?\s*[:\-–]?\s*$"
)
TO_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:our|further|additional)\s+)?recommendations?\s+"
    r"(?:to|for|made\s+to)\s+(?P<who>.{2,200}?)\s*:?$",
    re.IGNORECASE,
)
TO_LINE = re.compile(
    r"^(?:[Tt]o|[Ff]or)\s+(?!(?:example|instance|more|further|details|information|this|these|"
    r"that|those|each|all|now|reference|the\s+(?:purpose|period|year|avoidance))\b)"
    r"(?P<who>[^.;,]{2,150}?)\s*:$"
)
INLINE_SHOULD = re.compile(
    r"^(?P<who>(?:[A-Z\"'‘“]|the\s)[^.;:]{2,150}?)\s+should\s+(?P<what>\w.*)$", re.DOTALL
)
AFTER_THAT_SHOULD = re.compile(r"^(?P<who>[^.;:]{2,150}?)\s+should\s+(?P<what>\w.*)$", re.DOTALL)
WE_RECOMMEND = re.compile(
    r"^(?:(?:we|the\s+(?:inspection|inspectorate|review|committee|panel|report)|it\s+is)\s+"
    r"(?:recommends?|recommended)|recommend)\s+that\s*:?\s*",
    re.IGNORECASE,
)
# Verbs a subjunctive "We recommend that the board publish …" may open its ask with.
_VERBS = set(
    [
        "adopt",
        "agree",
        "audit",
        "build",
        "carry",
        "check",
        "clarify",
        "commission",
        "commit",
        "consider",
        "continue",
        "create",
        "deliver",
        "develop",
        "embed",
        "engage",
        "establish",
        "evaluate",
        "explore",
        "extend",
        "give",
        "implement",
        "improve",
        "include",
        "increase",
        "introduce",
        "invest",
        "issue",
        "keep",
        "lead",
        "make",
        "monitor",
        "provide",
        "publish",
        "put",
        "reduce",
        "report",
        "require",
        "review",
        "revise",
        "seek",
        "set",
        "share",
        "strengthen",
        "support",
        "take",
        "train",
        "undertake",
        "update",
        "use",
        "work",
        "write",
        "ensure",
        "prioritise",
        "prioritize",
        "appoint",
        "align",
        "fund",
        "record",
        "measure",
        "explain",
        "assess",
        "plan",
        "collect",
        "produce",
        "recruit",
        "replace",
        "respond",
        "resource",
    ]
)


def addressee_line(body: str) -> str | None:
    """The body named by a line that only introduces the recommendations under it."""
    text = clean(body)
    if len(text) > 240 or not text:
        return None
    m = TO_HEADING.match(text)
    if m:
        return m["who"].strip(" :")
    m = TO_LINE.match(text)
    if m and len(text) < 160:  # "To the Harbour Board:" above its recommendations
        return m["who"].strip(" :")
    m = SHOULD_LINE.match(text)
    if m and not re.search(r"[.;]\s", m["who"]):
        return _tidy(m["who"])
    return None


# "By 31 March 2027, the board should …": the deadline is no part of who is asked.
_WHEN = re.compile(
    r"^(?:by|within|before|from|after|in|over)\s+(?:the\s+)?[^,]{1,40},\s*", re.IGNORECASE
)


def addressee_tidy(who: str) -> str:
    """The addressee without a list's bullet, a leading "that", a deadline or quotation marks."""
    who = re.sub(r"^[-*•–◦▪·]\s+", "", who.strip(" :"))
    who = _WHEN.sub("", re.sub(r"^(?:that\s+)", "", who, flags=re.IGNORECASE))
    return who.strip(" \"'‘’“”")


_tidy = addressee_tidy


def split_inline(text: str) -> tuple[str | None, str, bool]:
    """(addressee, the ask, whether the addressee is a guess) for a recommendation that names
    its body in the sentence; (None, text, False) when it names none."""
    lead = WE_RECOMMEND.match(text)
    rest = text[lead.end() :] if lead else text
    whole = SHOULD_LINE.match(clean(rest)) if rest.rstrip().endswith(":") else None
    if whole and not re.search(r"[.;]\s", whole["who"]):  # "1. The board should:" over points
        return _tidy(whole["who"]), "", False
    m = (AFTER_THAT_SHOULD if lead else INLINE_SHOULD).match(rest)
    if m and len(m["who"].split()) <= 20:
        return _tidy(m["who"]), m["what"].strip(), False
    if not lead:
        return None, text, False
    words = rest.split()
    at = _verb_at(words)
    if at is not None:
        return _tidy(" ".join(words[:at])), " ".join(words[at:]), True
    return None, rest.strip(), False


# Words that open the object of an ask: "funds the …", "measures a …", "reviews how …".
_OBJECT = {"the", "a", "an", "how", "what", "whether", "its", "their", "every", "each", "all",
           "any", "clear", "more", "new", "that", "which", "when", "where", "why"}  # fmt: skip
_MODAL = {"should", "must", "will", "shall", "to", "needs", "ought"}


def _third_person(word: str) -> bool:
    """A verb as a body (third person) does it: "funds", "publishes", "carries"."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _verb_at(words: list[str]) -> int | None:
    """Where the ask starts after its subject ("the Ferry Authority funds …"): the first word
    after the subject that is a modal, a known verb in any form, or a third-person form that
    opens an object; failing those, the first third-person form of a lower-case word."""
    bare = [re.sub(r"\W+$", "", w) for w in words[:13]]
    for i, word in enumerate(bare[1:], start=1):
        low = word.lower()
        stems = {low, low[:-1], low[:-2], low[:-3] + "y"} if _third_person(low) else {low}
        if word[:1].islower() and (low in _MODAL or stems & _VERBS):
            return i  # "the Review Board publishes": a capitalised word names the body
        after = bare[i + 1].lower() if i + 1 < len(bare) else ""
        if _third_person(low) and word.islower() and after in _OBJECT:
            return i
    for i, word in enumerate(bare[1:], start=1):
        if _third_person(word) and word.islower() and not _third_person(bare[i - 1].lower()):
            return i
    return None


_NOT_ASKING = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "we", "our",
               "they", "their", "there", "in", "on", "at", "for", "with", "by", "as", "of", "to",
               "from", "all", "some", "many", "most", "each", "every", "any", "no", "not", "but",
               "and", "or", "if", "when", "while", "however", "also", "overall", "after",
               "before", "across", "within", "under", "between", "among", "through", "about",
               "despite", "since", "although", "so", "yet", "one", "two", "three", "how",
               "what", "where", "who", "why", "which", "only", "more", "less", "then"}  # fmt: skip


def asks(text: str) -> bool:
    """Whether a sentence asks for something in the imperative ("Fund a register …", "publish
    the …"): it opens with a known verb, or with a plain word then the object's first word."""
    words = [re.sub(r"\W+$", "", w).lower() for w in text.split()[:2]]
    if not words or not words[0].isalpha():
        return False
    if words[0] in _VERBS:
        return True
    return (
        len(words) == 2
        and words[0] not in _NOT_ASKING
        and not words[0].endswith(("ed", "ing", "ly", "s"))
        and words[1] in _OBJECT
    )
