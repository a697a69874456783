"""A recommendation read row by row, turned into the recommendation and its response: its text
and items, its addressee, the decision, the actions pairing owners with targets, its progress."""

from __future__ import annotations

import re

from followthrough.core.targets import parse_target

from ..decisions import decision_from, decision_in_response
from ..text import blocks, clean, list_items
from ..types import Action, Item, Recommendation, Response
from .rows import BRACKET_NOTE_RE, Draft, dangles, progress_text

SHOULD_SPLIT_RE = re.compile(r"^(.*?)\bshould\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
SHOULD_INLINE_RE = re.compile(r"^(.{3,200}?)\s+should\s+(\w.*)$", re.IGNORECASE | re.DOTALL)


def _pair(
    owners: list[tuple[int, str]], targets: list[tuple[int, str]], chunks: int
) -> list[Action]:
    """One action per owner or target of each row; a lone owner or date covers its whole row."""
    actions: list[Action] = []
    for chunk in range(chunks):
        os = [t for c, t in owners if c == chunk]
        ts = [t for c, t in targets if c == chunk]
        if not os and not ts:
            continue
        if len(os) == 1 and len(ts) > 1:
            os = os * len(ts)
        elif len(ts) == 1 and len(os) > 1:
            ts = ts * len(os)
        for i in range(max(len(os), len(ts))):
            owner = os[i] if i < len(os) else None
            target_text = ts[i] if i < len(ts) else None
            actions.append(Action(owner, target_text, parse_target(target_text)))
    return actions


def _split_addressee(text: str) -> tuple[str | None, str]:
    m = SHOULD_SPLIT_RE.match(text)
    if m:
        return m[1].strip(" :-–"), m[2].strip()
    return None, text


def _item(text: str) -> Item:
    m = re.match(r"^\(?([a-z]|[ivx]{1,4})[.)]\s+(.*)$", text)
    if m:
        return Item(m[1], m[2])
    return Item(None, text)


def _paragraphs(parts: list[str]) -> str:
    paras: list[str] = []
    for part in parts:
        for block in blocks(part):
            if paras and (block[:1].islower() or dangles(paras[-1])):
                paras[-1] = f"{paras[-1]} {block}"
            else:
                paras.append(block)
    return "\n\n".join(paras)


def _text_and_items(draft: Draft) -> tuple[str, list[Item]]:
    paras: list[str] = []
    items: list[Item] = []
    for part in draft.rec_parts:
        ps, lis = list_items(part)
        for p in ps:
            if paras and not items and (p[:1].islower() or dangles(paras[-1])):
                paras[-1] = f"{paras[-1]} {p}"
            elif items and p[:1].islower():
                items[-1] = Item(items[-1].label, f"{items[-1].text} {p}")
            else:
                paras.append(p)
        items.extend(_item(x) for x in lis)
    if not paras and items:
        paras.append(items.pop(0).text)
    return " ".join(paras), items


def finish(
    draft: Draft, *, previous: str | None, header_cells: list[str], warnings: list[str]
) -> Recommendation:
    """The recommendation a draft holds; `previous` is the addressee of the one before, taken
    (with a warning) by a recommendation that opens "should:" with none of its own."""
    text, items = _text_and_items(draft)
    addressee = draft.addressee_cell or draft.addressee
    stated, rest = _split_addressee(text)
    if stated is not None:
        text = rest
        if stated:
            addressee = BRACKET_NOTE_RE.sub("", stated).strip()
    elif not addressee:
        m = SHOULD_INLINE_RE.match(text)
        if m:
            addressee = BRACKET_NOTE_RE.sub("", m[1]).strip()
            text = m[2].strip()
    if not addressee and stated is not None and previous is not None:
        addressee = previous
        warnings.append(
            f"recommendation {draft.label}: addressee missing; taken from the one before"
        )
    response_text = _paragraphs(draft.response_parts)
    decision_text = clean(" ".join(draft.decision_parts)) or None
    if not decision_text and response_text:
        stated = decision_in_response(response_text)
        decision_text = stated[:1].upper() + stated[1:] if stated else None
    decision = decision_from(decision_text)
    if decision_text:
        decision_text = decision_text.rstrip(" .")
    if decision is None:
        warnings.append(f"recommendation {draft.label}: no decision found")
    # A placeholder ("N/A", "No target") holds an action's place but is no owner or target.
    owners = [t for _, t in draft.owners if t]
    targets = [t for _, t in draft.targets if t]
    if not owners:
        warnings.append(f"recommendation {draft.label}: owner cell empty")
    response = Response(
        decision=decision,
        decision_text=decision_text,
        text=response_text,
        owners=owners,
        targets=targets,
        actions=_pair(draft.owners, draft.targets, draft.chunks),
        progress=progress_text(draft, header_cells),
    )
    return Recommendation(
        label=draft.label,
        section=draft.section,
        addressee=addressee,
        text=text,
        items=items,
        paragraph_refs=[],
        response=response,
        start=draft.start,
        end=draft.end,
        label_inferred=draft.label_inferred,
    )
