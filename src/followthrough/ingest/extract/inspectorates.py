"""The inspectorates a document names, from the one table of bodies and their spellings."""

from __future__ import annotations

from followthrough.organisations.aliases import bodies_named_in


def inspectorates_in(text: str) -> list[str]:
    """Inspectorates named in text, in the order they first appear."""
    return [body.name for body in bodies_named_in(text) if body.kind == "inspectorate"]
