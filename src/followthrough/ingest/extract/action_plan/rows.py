"""What each row of a response table adds to the recommendation being read: its cells by role,
its owners and targets by row, placeholders dropped and fragments cut by a page break joined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from followthrough.core.targets import parse_target

from ..text import blocks, clean

LABEL_RE = re.compile(
    r"^(?:r|rec(?:ommendation)?\.?\s*(?:no\.?\s*)?)?(\d{1,3}(?:\.\d{1,2})?[a-z]?)\s*[.):]?$",
    re.IGNORECASE,
)
SEPARATOR_RE = re.compile(r"^[\s\-:=|+─━═┼╪├┤┌┐└┘┬┴╞╡]*$")
# A fragment that ends on one of these words was cut by a page break, not finished.
DANGLING_RE = re.compile(
    r"(?:\b(?:and|or|of|the|a|an|to|for|in|on|with|by|at|from)|[&,\-–/])$", re.I
)


def dangles(text: str) -> bool:
    """Whether a fragment ends on DANGLING_RE. Only its end is read: the longest word and the
    letter before it, with a newline, fit in eight characters, and the pattern, anchored at
    the end, would otherwise be tried at every character of a long cell."""
    return DANGLING_RE.search(text[-8:]) is not None


BRACKET_NOTE_RE = re.compile(r"\s*\[[^\]]*\]")
# Trackers and our own exports write placeholders and status flags into owner and target cells:
# "No target" holds a place in the list (the action has none), "(overdue)" is not the target.
PLACEHOLDER_RE = re.compile(
    r"^(?:no (?:owner|target|date)(?: set| given)?|not (?:recorded|stated|known)|tbc|n/?a|[-–—])$",
    re.IGNORECASE,
)
STATUS_MARK_RE = re.compile(
    r"\s*\((?:overdue|late|slipped|target passed[^)]*)\)\s*$", re.IGNORECASE
)


# The last word of an owner's title when the title is complete ("Plots Officer", "Estates Lead").
ROLE_NOUN_RE = re.compile(
    r"\b(?:officers?|leads?|managers?|directors?|director general|head|chairs?|chairman|"
    r"chairperson|teams?|boards?|co-?ordinators?|partners?|partnerships?|committees?|groups?|"
    r"panels?|units?|leaders?|executives?|advis[eo]rs?|governors?|principals?|trustees?|"
    r"secretary|treasurer|commissioners?|council|departments?|directorates?|agency|authority|"
    r"forums?|ceo|cfo|coo)$",
    re.IGNORECASE,
)


def new_entry(role: str, above: str, text: str, *, new_target: bool = False) -> bool:
    """In a table of spaces, whether a line's owner or target that would not have fitted on the
    line above is a second one, not the rest of the one above: a target is when both read as
    targets on their own; an owner is when the one above is a complete title ("Plots Officer")
    and this one is one too, or a new target starts beside it."""
    if not text[:1].isupper() or dangles(above):
        return False
    if role == "target":
        return parse_target(above).kind != "unknown" and parse_target(text).kind != "unknown"
    if new_target:
        return True
    return bool(ROLE_NOUN_RE.search(above)) and len(text.split()) > 1


@dataclass
class Draft:
    label: str
    section: str
    addressee: str
    start: int
    end: int
    label_inferred: bool = False
    addressee_cell: str = ""  # a plan with an addressee column
    rec_parts: list[str] = field(default_factory=list)
    decision_parts: list[str] = field(default_factory=list)
    response_parts: list[str] = field(default_factory=list)
    progress_parts: dict[int, list[str]] = field(default_factory=dict)  # column -> paragraphs
    owners: list[tuple[int, str]] = field(default_factory=list)  # (row chunk, text)
    targets: list[tuple[int, str]] = field(default_factory=list)
    chunks: int = 0


def marked(fragments: list[str]) -> list[str]:
    out = []
    for fragment in fragments:
        fragment = STATUS_MARK_RE.sub("", fragment)
        out.append("" if PLACEHOLDER_RE.match(fragment) else fragment)
    return out


def join_fragments(entries: list[tuple[int, str]], chunk: int, fragments: list[str]) -> None:
    """Append a cell's paragraphs, gluing one that a page break cut off to the one before."""
    for fragment in fragments:
        if entries and (fragment[:1].islower() or dangles(entries[-1][1])):
            prev_chunk, prev = entries[-1]
            entries[-1] = (prev_chunk, f"{prev} {fragment}")
        else:
            entries.append((chunk, fragment))


def names_owner(entries: list[tuple[int, str]], fragments: list[str]) -> bool:
    """Whether a row names an owner of its own, not none or only the end of the one above."""
    if not fragments:
        return False
    cut = entries and (fragments[0][:1].islower() or dangles(entries[-1][1]))
    return not cut or len(fragments) > 1


def by_role(cells: list[str], roles: list[str | None]) -> tuple[dict[str, str], dict[int, str]]:
    """A row's cells by role, and its progress cells by column. Surplus cells are a column split
    in two, folded into the text; a row short of cells lost them on the left."""
    n = len(roles)
    if len(cells) > n:
        extra = len(cells) - n
        first_text = next((i for i, r in enumerate(roles) if r == "recommendation"), 1)
        merged = " ".join(cells[first_text : first_text + extra + 1])
        cells = [*cells[:first_text], merged, *cells[first_text + extra + 1 :]]
    elif len(cells) < n:
        cells = [""] * (n - len(cells)) + cells
    mapped: dict[str, str] = {}
    progress: dict[int, str] = {}
    for index, (role, cell) in enumerate(zip(roles, cells, strict=True)):
        if role == "progress":
            if clean(cell):
                progress[index] = cell
        elif role:
            mapped[role] = (mapped.get(role, "") + " " + cell).strip() if role in mapped else cell
    return mapped, progress


def add_progress(draft: Draft, progress: dict[int, str]) -> None:
    for index, cell in progress.items():
        parts = draft.progress_parts.setdefault(index, [])
        for block in blocks(cell):
            if parts and (block[:1].islower() or dangles(parts[-1])):
                parts[-1] = f"{parts[-1]} {block}"
            else:
                parts.append(block)


def progress_text(draft: Draft, header_cells: list[str]) -> str | None:
    """The row's extra columns as one text: one column as written, several each under its
    heading."""
    filled = {i: p for i, p in sorted(draft.progress_parts.items()) if p}
    if not filled:
        return None
    if len(filled) == 1:
        return "\n\n".join(next(iter(filled.values())))
    out = []
    for index, parts in filled.items():
        heading = clean(header_cells[index]) if index < len(header_cells) else ""
        body = " ".join(parts)
        out.append(f"{heading}: {body}" if heading else body)
    return "\n\n".join(out)


# Words that name a group of recommendations in a row of its own: "Theme 2: Education".
GROUP_RE = re.compile(
    r"^(?:theme|section|area|priority|part|domain|strand|objective|outcome|workstream)\b", re.I
)


def group_like(text: str, above: str) -> bool:
    """Whether a cell alone in its row reads as a group heading rather than the end of the
    recommendation above: a few words opening with a capital, not ending a sentence, named as a
    theme or holding a colon, or following a recommendation that was finished."""
    if len(text) > 80 or len(text.split()) > 10 or not text[:1].isupper():
        return False
    if text[-1:] in ".,;:" or dangles(above):
        return False
    return bool(not above or GROUP_RE.match(text) or ":" in text or re.search(r"[.!?)]$", above))
