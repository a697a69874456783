"""The SMART check: advice on whether an action is specific, measurable, owned and time-bound.

Advice, never a block: published plans are recorded as they are, and the advice shows what a
reviewer would ask. Pure functions over plain values, so the rules are easy to test and reuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

VAGUE_VERBS = (
    "consider",
    "explore",
    "review",
    "work with",
    "look at",
    "look into",
    "discuss",
    "engage with",
    "reflect on",
)
# Words that name something produced: with one of these, a vague verb has a stated output.
OUTPUTS = re.compile(
    r"\b(publish|produce|deliver|issue|launch|implement|introduce|set up|establish|complete|"
    r"report|plan|strategy|protocol|guidance|policy|framework|toolkit|training|audit|kpis?|"
    r"target|measure|data)\b",
    re.IGNORECASE,
)
SEVERAL = re.compile(r"\s(?:and|&)\s|/|;")
ROLE_WORD = re.compile(
    r"\b(head|director|lead|manager|officer|team|unit|chair|minister|"
    r"analyst|advisor|adviser|board|service)\b",
    re.IGNORECASE,
)

CHECKS = {
    "owner": "Say who owns this action",
    "time_bound": "Give a target date, or a date to review ongoing work",
    "after_plan": "The target date is before the plan was submitted",
    "specific": "Say what will be produced: {verb} on its own is not an output",
    "measure": "Say what will show the action is done",
    "one_owner": "Name one owner: shared ownership is hard to hold to account",
}


@dataclass(frozen=True)
class Advice:
    check: str
    text: str


def action_advice(
    *,
    owner: str,
    target_kind: str,
    target_value: str,
    due: date | None,
    plan_date: date | None,
    description: str,
    measure: str,
) -> list[Advice]:
    """Every piece of advice that applies to one action, in a stable order."""
    return list(_advice(owner, target_kind, target_value, due, plan_date, description, measure))


@lru_cache(maxsize=8192)
def _advice(
    owner: str,
    target_kind: str,
    target_value: str,
    due: date | None,
    plan_date: date | None,
    description: str,
    measure: str,
) -> tuple[Advice, ...]:
    """Kept per process for the same fields: a long plan's page asks for every action's advice
    on every visit, and the wording searches cost more than the rest of the row."""
    advice: list[Advice] = []
    if not owner.strip():
        advice.append(Advice("owner", CHECKS["owner"]))
    elif _several_owners(owner):
        advice.append(Advice("one_owner", CHECKS["one_owner"]))
    ongoing_without_review = target_kind == "ongoing" and not target_value
    if target_kind == "unknown" or ongoing_without_review:
        advice.append(Advice("time_bound", CHECKS["time_bound"]))
    if due and plan_date and due < plan_date:
        advice.append(Advice("after_plan", CHECKS["after_plan"]))
    verb = next((v for v in VAGUE_VERBS if re.search(rf"\b{v}\b", description, re.I)), None)
    if verb and not OUTPUTS.search(description):
        advice.append(Advice("specific", CHECKS["specific"].format(verb=f"“{verb}”")))
    if target_kind != "completed" and not measure.strip():
        advice.append(Advice("measure", CHECKS["measure"]))
    return tuple(advice)


def tracked_advice(action: Any, *, plan_date: date | None) -> list[Advice]:
    """The advice for a tracked action (plan or improvement), read from its fields."""
    return action_advice(
        owner=action.owner_text,
        target_kind=action.target_kind,
        target_value=action.target_value,
        due=action.due_date,
        plan_date=plan_date,
        description=action.description,
        measure=action.measure,
    )


def _several_owners(owner: str) -> bool:
    parts = [p.strip() for p in SEVERAL.split(owner) if p.strip()]
    return len(parts) > 1 and sum(bool(ROLE_WORD.search(p)) for p in parts) > 1


def smart_score(advice_per_action: list[list[Advice]]) -> int | None:
    """Share of checks passed, as a whole percentage; None when there are no actions."""
    if not advice_per_action:
        return None
    checks = 5 * len(advice_per_action)  # owner, time, date, specific, measure
    failed = sum(len(a) for a in advice_per_action)
    return max(0, round(100 * (checks - failed) / checks))
