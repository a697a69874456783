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
    m = (AFTER_THAT_SHOULD if lead else INLINE_SHOULD).match(rest)
    if m and len(m["who"].split()) <= 20:
        return _tidy(m["who"]), m["what"].strip(), False
    if not lead:
        return None, text, False
    words = rest.split()
    for i, word in enumerate(words[1:13], start=1):
        bare = re.sub(r"\W+$", "", word).lower()
        if bare in _VERBS or bare[:-1] in _VERBS or bare[:-2] in _VERBS:
            return _tidy(" ".join(words[:i])), " ".join(words[i:]), True
    return None, rest.strip(), False
