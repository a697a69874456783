"""Themes of a recommendation, read from its words, so the inspectorate can follow one subject
(resettlement, education, health …) across a decade of reports.

A keyword classifier, deliberately simple and explainable: each theme lists the stems that
signal it. The main text weighs more than the items: a stem in the main text scores 2, an item
using one of the theme's stems scores 1 (a lead-in of a few words, "ensure that:", is read with
its items as the main text). A theme needs a score of 2 (a stem in the main text, or two items),
and a recommendation carries at most its best three. Stems a subject shares with others
("training" of staff, "placement" in a college, "supervision" of a child) are left out.
Precision and recall on the corpus are measured in tests/ingest/test_themes_measured.py
(docs/extraction.md). Pure Python."""

from __future__ import annotations

import re
from collections.abc import Sequence

# slug: (label, stems). Stems match at a word start, case-insensitively.
THEMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "resettlement": (
        "Resettlement and transitions",
        (
            "resettle",
            "release",
            "released from custody",
            "leaving custody",
            "transition",
            "through the gate",
            "licence",
        ),
    ),
    "custody": (
        "Custody and secure estate",
        (
            "custod",
            "secure estate",
            "secure training",
            "secure children",
            "secure setting",
            "young offender institution",
            "yoi",
            "remand",
            "sentence plan",
        ),
    ),
    "education": (
        "Education, training and employment",
        (
            "education",
            "school",
            "employment",
            "ete",
            "apprentice",
            "learning",
            "college",
            "attainment",
            "occupational",
            "vocational",
        ),
    ),
    "health": (
        "Health and wellbeing",
        (
            "health",
            "mental",
            "speech",
            "neurodiver",
            "substance",
            "trauma",
            "wellbeing",
            "well-being",
            "emotional",
        ),
    ),
    "safeguarding": (
        "Safeguarding and risk",
        ("safeguard", "exploitation", "harm", "risk", "safety", "child protection", "contextual"),
    ),
    "accommodation": ("Accommodation", ("accommodation", "housing", "homeless")),
    "partnership": (
        "Governance and partnership",
        ("board", "governance", "partnership", "partner", "strateg", "leader", "commission"),
    ),
    "workforce": (
        "Workforce and practice",
        ("staff", "workforce", "practitioner", "recruit", "caseload", "manager"),
    ),
    "diversity": (
        "Diversity and disproportionality",
        ("disproportion", "divers", "ethnic", "racial", "racism", "black", "girls", "equalit"),
    ),
    "victims": ("Victims and restorative justice", ("victim", "restorative", "reparation")),
    "information": (
        "Data and information sharing",
        ("data", "information", "performance", "monitor", "record", "evaluat"),
    ),
    "courts": (
        "Courts, diversion and out-of-court work",
        ("court", "out-of-court", "out of court", "diversion", "prevention", "police", "arrest"),
    ),
}

# Longest stems first, so "released from custody" is read whole, as resettlement, not custody.
_PATTERNS = {
    slug: re.compile(
        r"\b(?:" + "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) + r")",
        re.IGNORECASE,
    )
    for slug, (_, stems) in THEMES.items()
}


def _stems(text: str) -> dict[str, set[str]]:
    """Each theme's distinct stems in the text; a word inside another theme's phrase is that
    phrase's ("leaving custody" is resettlement, not custody too)."""
    found = {slug: list(pattern.finditer(text)) for slug, pattern in _PATTERNS.items()}
    phrases = [(slug, m.span()) for slug, ms in found.items() for m in ms if " " in m[0]]
    return {
        slug: {
            m[0].lower()
            for m in ms
            if not any(o != slug and s <= m.start() and m.end() <= e for o, (s, e) in phrases)
        }
        for slug, ms in found.items()
    }


MAX_THEMES = 3
LEAD_IN_WORDS = 8  # a main text shorter than this is a lead-in to its items


def themes_for(text: str, items: Sequence[str] = ()) -> list[str]:
    """The slugs of the (at most three) themes a recommendation is about, in THEMES order."""
    if len(text.split()) < LEAD_IN_WORDS:
        text, items = " ".join([text, *items]), ()
    scores: dict[str, int] = {}
    in_text = _stems(text)
    in_items = [_stems(item) for item in items]
    for slug in _PATTERNS:
        score = 2 * len(in_text[slug]) + sum(1 for found in in_items if found[slug])
        if score >= 2:
            scores[slug] = score
    order = list(THEMES)
    best = sorted(scores, key=lambda slug: (-scores[slug], order.index(slug)))[:MAX_THEMES]
    return [slug for slug in order if slug in best]


def theme_label(slug: str) -> str:
    return THEMES.get(slug, (slug, ()))[0]
