"""The three decisions, however a department words them ("Partly Agreed", "Partially accepted"),
and which body gave them."""

from __future__ import annotations

import re

from followthrough.organisations.aliases import bodies_named_in

# Bodies that do not write national action plans: when a plan answers a recommendation made to
# them, the body the owner column names (the organisation with oversight) is the one answering.
_LOCAL_KINDS = {"youth_justice_service", "local_authority", "police", "custodial_establishment"}

_NOT = re.compile(r"\b(?:not|dis)\s*-?\s*(?:agreed?|accepted?)\b|\brejected\b", re.IGNORECASE)
_PARTLY = re.compile(r"\b(?:partly|partially|part)\s*-?\s*(?:agreed?|accepted?)\b", re.IGNORECASE)
_AGREED = re.compile(r"\b(?:agreed?|accepted?)\b", re.IGNORECASE)

# How a response opens when the decision is written into its first words.
_OPENING = re.compile(
    r"^\W*((?:(?:partly|partially|part)\s*-?\s*|not\s+)?(?:agreed|accepted))\b", re.IGNORECASE
)
# "…partly accepted this recommendation" inside the first sentences of a response.
_STATED = re.compile(
    r"\b((?:(?:partly|partially)\s+|not\s+)?(?:agreed|accepted))\s+(?:with\s+)?this\s+recommendation",
    re.IGNORECASE,
)
_STATED_PASSIVE = re.compile(
    r"this\s+recommendation\s+is\s+((?:(?:partly|partially)\s+|not\s+)?(?:agreed|accepted))\b",
    re.IGNORECASE,
)


def decision_from(text: str | None) -> str | None:
    """Map a printed decision onto agreed, partly_agreed or not_agreed; None if there is none."""
    if not text:
        return None
    if _NOT.search(text):
        return "not_agreed"
    if _PARTLY.search(text):
        return "partly_agreed"
    if _AGREED.search(text):
        return "agreed"
    return None


def decision_in_response(text: str) -> str | None:
    """The decision as the response itself states it, for plans with no decision column."""
    m = _OPENING.match(text)
    if m:
        return m[1]
    head = text[:600]
    for pattern in (_STATED, _STATED_PASSIVE):
        m = pattern.search(head)
        if m:
            return m[1]
    return None


def responder_of(addressee: str | None, owners: list[str]) -> str:
    """The text naming the body that answers a row of a response table: the addressee the owner
    column names, or, for a recommendation made to local bodies, the national body the owner
    column names (one "with oversight" first). With no body in the owner column, the addressee."""
    addressee = addressee or ""  # a list with no addressee
    ranked = sorted(owners, key=lambda o: not re.search(r"oversight|responsible", o, re.I))
    owning = [body for owner in ranked for body in bodies_named_in(owner)]
    if not owning:
        return addressee
    addressed = bodies_named_in(addressee)
    for body in addressed:
        if body in owning:
            return body.name
    if addressed and all(b.kind in _LOCAL_KINDS for b in addressed):
        national = [b for b in owning if b.kind not in _LOCAL_KINDS]
        if national:
            return national[0].name
    return addressee
