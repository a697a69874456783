"""The abbreviations youth justice writes, and what they stand for, so that a search for either
finds both. Keys are lower case; each expansion is searched as a phrase."""

from __future__ import annotations

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "rotl": ("release on temporary licence",),
    "ete": ("education training and employment", "education training or employment"),
    "yot": ("youth offending team", "youth offending service"),
    "yos": ("youth offending service", "youth offending team"),
    "yjs": ("youth justice service",),
    "yjb": ("youth justice board",),
    "hmpps": ("his majesty's prison and probation service", "prison and probation service"),
    "hmip": ("inspectorate of probation",),
    "ycs": ("youth custody service",),
    "send": ("special educational needs",),
    "ehcp": ("education health and care plan",),
    "ehcps": ("education health and care plans",),
    "camhs": ("child and adolescent mental health",),
    "mappa": ("multi agency public protection arrangements",),
    "stc": ("secure training centre",),
    "sch": ("secure children's home",),
    "yoi": ("young offender institution",),
    "lac": ("looked after children", "looked after child"),
    "cla": ("children looked after",),
    "moj": ("ministry of justice",),
    "dfe": ("department for education",),
    "dhsc": ("department of health and social care",),
    "nhs": ("national health service",),
    "mash": ("multi agency safeguarding hub",),
    "nrm": ("national referral mechanism",),
    "asb": ("anti social behaviour",),
    "oocd": ("out of court disposal", "out of court disposals"),
    "slcn": ("speech language and communication needs",),
    "pcc": ("police and crime commissioner",),
    "cps": ("crown prosecution service",),
    "neet": ("not in education employment or training",),
}


def expansions(word: str) -> tuple[str, ...]:
    """What an abbreviation stands for; nothing for a word that is not one."""
    return ABBREVIATIONS.get(word.lower(), ())
