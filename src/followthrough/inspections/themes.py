"""Themes of a recommendation, read from its words, so the inspectorate can follow one subject
(resettlement, education, health …) across a decade of reports.

A keyword classifier, deliberately simple and explainable: each theme lists the stems that
signal it; a recommendation carries every theme one of whose stems it uses. Pure Python."""

from __future__ import annotations

import re

# slug: (label, stems). Stems match at a word start, case-insensitively.
THEMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "resettlement": (
        "Resettlement and transitions",
        ("resettle", "release", "leaving custody", "transition", "through the gate", "licence"),
    ),
    "custody": (
        "Custody and secure estate",
        ("custod", "secure", "young offender institution", "yoi", "remand", "sentence plan"),
    ),
    "education": (
        "Education, training and employment",
        ("education", "school", "training", "employment", "ete", "apprentice", "learning"),
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
    "accommodation": ("Accommodation", ("accommodation", "housing", "homeless", "placement")),
    "partnership": (
        "Governance and partnership",
        ("board", "governance", "partnership", "partner", "strateg", "leader", "commission"),
    ),
    "workforce": (
        "Workforce and practice",
        ("staff", "workforce", "practitioner", "supervision", "recruit", "caseload", "manager"),
    ),
    "diversity": (
        "Diversity and disproportionality",
        ("disproportion", "divers", "ethnic", "racial", "racism", "black", "girls", "equalit"),
    ),
    "victims": ("Victims and restorative justice", ("victim", "restorative", "reparation")),
    "information": (
        "Data and information sharing",
        ("data", "information", "performance", "monitor", "record", "evaluat", "evidence"),
    ),
    "courts": (
        "Courts, diversion and out-of-court work",
        ("court", "out-of-court", "out of court", "diversion", "prevention", "police", "arrest"),
    ),
}

_PATTERNS = {
    slug: re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")", re.IGNORECASE)
    for slug, (_, stems) in THEMES.items()
}


def themes_for(text: str) -> list[str]:
    """The slugs of every theme the text touches, in THEMES order."""
    return [slug for slug, pattern in _PATTERNS.items() if pattern.search(text)]


def theme_label(slug: str) -> str:
    return THEMES.get(slug, (slug, ()))[0]
