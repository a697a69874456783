"""The casework tables: the case and its pathways (cases.py), and what happens in it
(records.py)."""

from .cases import (
    AGENCIES,
    FIVE_CS,
    FOLLOW_UP,
    PERSONAL_SUPPORT,
    REFERENCE,
    VIEWS,
    YES_NO_UNKNOWN,
    Case,
    CasePathway,
    Pathway,
)
from .records import (
    PARTNER_KINDS,
    CaseView,
    Contact,
    Meeting,
    MilestoneRule,
    Outcome,
    ReleaseDay,
    Task,
    TaskEscalation,
)

__all__ = [
    "AGENCIES",
    "FIVE_CS",
    "FOLLOW_UP",
    "PARTNER_KINDS",
    "PERSONAL_SUPPORT",
    "REFERENCE",
    "VIEWS",
    "YES_NO_UNKNOWN",
    "Case",
    "CasePathway",
    "CaseView",
    "Contact",
    "Meeting",
    "MilestoneRule",
    "Outcome",
    "Pathway",
    "ReleaseDay",
    "Task",
    "TaskEscalation",
]
