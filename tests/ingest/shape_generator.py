"""Made-up documents built from a seed, one per shape a recommendation list, a prose response or
a response table is printed in (the shapes issue 16 lists), each with the records a careful
reader takes from it in the shared gold files' form, so the shared scorer scores what the
extractors give back. Every word is ours, about made-up services.

A list or prose shape is text (tests/ingest/shape_renderers.py writes it out as HTML, Word and
PDF); a table shape is a Table, written out as text with its own separator or as a real table."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

SERVICES = [
    ("community orchards", "The Orchard Trust", "Orchard volunteers"),
    ("toy libraries", "The Toy Library Network", "Library coordinators"),
    ("open-air pools", "The Lido Board", "Pool supervisors"),
    ("repair cafes", "The Repair Cafe Council", "Cafe hosts"),
    ("city farms", "The Farms Office", "Farm managers"),
    ("puppet theatres", "The Puppetry Guild", "Theatre stewards"),
    ("mountain huts", "The Hut Wardens Board", "Hut keepers"),
    ("river ferries", "The Ferry Authority", "Ferry crews"),
]
VERBS = [("publish", "publishes"), ("review", "reviews"), ("fund", "funds"),
         ("record", "records"), ("check", "checks"), ("measure", "measures"),
         ("agree", "agrees"), ("explain", "explains")]  # fmt: skip
OBJECTS = [
    "a plan for covering volunteer absence",
    "the opening hours at every site",
    "how quickly complaints are answered",
    "a register of every item lent out",
    "the safety checks made before each season",
    "the training given to new staff",
    "waiting times for people who want to join",
    "the cost of repairs each quarter",
    "how the needs of disabled visitors are met",
    "the number of sessions cancelled at short notice",
]
TAILS = ["within six months", "each year", "before next summer", "with the people who use it",
         "and share what it finds", "by the end of the year"]  # fmt: skip
CLAUSES = [
    "every site has a named first aider",
    "complaints are answered within ten working days",
    "new volunteers are trained before they work alone",
    "the accounts are published each spring",
    "keys are returned and logged at the end of each day",
]
OWNERS = ["Head of Sites", "Volunteer Lead", "Finance Officer", "Operations Manager",
          "Safety Adviser", "Head of Membership"]  # fmt: skip
TARGETS = ["March 2027", "June 2027", "2027/28", "Ongoing", "Completed", "September 2026",
           "December 2027"]  # fmt: skip
SUB_POINTS = ["weekends", "school holidays", "evening sessions", "sites in rural areas"]
FILLER = [
    "Staff",
    "rotas",
    "sites",
    "visits",
    "members",
    "survey",
    "budget",
    "meeting",
    "notes",
    "season",
    "repairs",
]


@dataclass
class Table:
    headers: list[list[str]]  # one or two header rows
    rows: list[list[list[str]]]  # cells, each a list of paragraphs; an addressee row first
    separator: str = "tab"  # tab | pipe | spaces
    landscape: bool = False
    repeat_header: bool = True
    unruled: bool = False  # printed with no rules at all, columns kept apart by spacing


@dataclass
class Generated:
    name: str
    family: str  # list | prose | table | pdf
    expected: list[dict[str, Any]]
    kind: str = "inspection_report"
    text: str = ""
    table: Table | None = None
    formats: tuple[str, ...] = ("text", "html", "docx", "pdf")

    def gold(self) -> dict[str, Any]:
        return {"source": self.name, "recommendations": self.expected}


def rec(label: str, addressee: str | None, text: str, *, refs: list[str] | None = None,
        items: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {"label": label, "section": "main", "addressee": addressee,
                           "text": text, "paragraph_refs": refs or []}  # fmt: skip
    if items:
        out["items"] = [{"label": None, "text": t} for t in items]
    return out


def responded(label: str, addressee: str | None, text: str, decision: str | None,
              owners: list[str] | None = None, targets: list[str] | None = None,
              refs: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    out = rec(label, addressee, text, refs=refs)
    out["response"] = {"decision": decision, "owners": owners or [], "targets": targets or []}
    return out


class Words:
    """The seeded source of a document's made-up words."""

    def __init__(self, name: str, seed: int) -> None:
        self.rng = random.Random(f"{name}/{seed}")
        self.what, self.body, self.others = self.rng.choice(SERVICES)
        self.objects = self.rng.sample(OBJECTS, len(OBJECTS))

    def action(self, n: int, third_person: bool = False) -> str:
        verb = self.rng.choice(VERBS)[1 if third_person else 0]
        tail = self.rng.choice(TAILS)
        if third_person:
            tail = tail.replace("and share ", "and shares ")
        return f"{verb} {self.objects[n % len(self.objects)]} {tail}."

    def sentence(self, words: int = 10) -> str:
        return " ".join(self.rng.choice(FILLER) for _ in range(words)).capitalize() + "."


def top(w: Words) -> str:
    return (f"# A look at made-up {w.what}\n\nPublished May 2026\n\n"
            f"{w.sentence()} {w.sentence()}\n\n")  # fmt: skip


BOTTOM = "\n\n## Background\n\nThe visits took place over two weeks in the spring.\n"
HEADINGS = {
    "recommendations": "## Recommendations\n\n",
    "conclusions_and_recommendations": "Conclusions and recommendations\n\n",
    "summary_of_recommendations": "SUMMARY OF RECOMMENDATIONS\n\n",
    "report_recommendations": "### Report recommendations\n\n",
    "areas_for_improvement": "Areas for improvement\n\n",
    "on_the_first_item_line": "Recommendations: ",
    "lead_in_sentence": "The inspection made {count} recommendations, as follows:\n\n",
}
MIXES = 24
COUNTS = ["two", "three", "four", "five"]
LABELS = ["number_dot", "number_dot_no_space", "number_bare", "dotted", "letter_and_number",
          "bracketed_letter", "bracketed_number", "inline_in_one_paragraph",
          "recommendation_word", "none"]  # fmt: skip


def _label(kind: str, n: int, code: str) -> tuple[str, str]:
    """(printed prefix, label as read) of the n-th (from 1) item."""
    letter = "abcdefgh"[n - 1]
    return {
        "number_dot": (f"{n}. ", str(n)),
        "number_dot_no_space": (f"{n}.", str(n)),
        "number_bare": (f"{n} ", str(n)),
        "dotted": (f"{(n + 1) // 2}.{2 - n % 2} ", f"{(n + 1) // 2}.{2 - n % 2}"),
        "letter_and_number": (f"{code}{n} ", f"{code}{n}"),
        "bracketed_letter": (f"({letter}) ", letter),
        "bracketed_number": (f"({n}) ", str(n)),
        "recommendation_word": (f"Recommendation {n}: ", str(n)),
        "none": ("", str(n)),
    }.get(kind, ("", str(n)))


def list_document(name: str, seed: int, *, heading: str = "recommendations",
                  label: str = "number_dot", addressee: str = "inline_should",
                  refs: str = "", count: int = 3, wrap: bool = False) -> Generated:  # fmt: skip
    """A report's list of recommendations: heading, label kind, addressee form and
    paragraph-reference form each chosen by name."""
    w = Words(name, seed)
    code = "".join(word[0] for word in w.body.split()[1:3]).upper()
    bodies = [w.body, w.others]
    expected, lines = [], []
    ref_forms = {"paragraph": ("(Paragraph {})", "{}"), "para": ("(para {})", "{}"),
                 "see": ("(see {})", "{}")}  # fmt: skip
    for n in range(1, count + 1):
        prefix, read = _label(label, n, code)
        body = bodies[(n - 1) % 2] if addressee in ("inline_should", "we_recommend_that") else None
        ref = ""
        ref_list: list[str] = []
        if refs:
            number = f"{n + 2}.{10 + n}" if refs != "paragraph" else str(10 + 3 * n)
            ref = " " + ref_forms[refs][0].format(number)
            ref_list = [number]
        if addressee == "inline_should":
            words = w.action(n)
            line, text, who = f"{body} should {words[:-1]}{ref}.", words, body
        elif addressee == "we_recommend_that":
            words = w.action(n, third_person=True)
            the = "the " + body.split(" ", 1)[1] if body.startswith("The ") else body  # type: ignore[union-attr]
            line, text, who = f"We recommend that {the} {words[:-1]}{ref}.", words, the
        elif addressee == "should_ensure_that":
            words = CLAUSES[(n - 1) % len(CLAUSES)]
            line, text, who = f"{words}{ref}", words, w.body
        elif addressee == "none":
            words = w.action(n).capitalize()
            line, text, who = f"{words[:-1]}{ref}.", words, None
        else:  # should_colon, recommendations_to: the body is said above the items
            words = w.action(n)
            line, text, who = f"{words[:-1]}{ref}.", words, w.body
        if addressee == "recommendations_to":
            who = f"the {w.body.split(' ', 1)[1]}" if n <= (count + 1) // 2 else w.others
        if wrap:  # as a PDF's text is copied: the line broken, carried on under the text
            cut = line.rfind(" ", 0, 40)
            line = line[:cut] + "\n" + " " * len(prefix) + line[cut + 1 :]
        lines.append(prefix + line)
        expected.append(rec(read, who, text, refs=ref_list))
    if label == "inline_in_one_paragraph":
        items = [e["text"].rstrip(".") for e in expected]
        block = f"{w.body} should " + "; ".join(f"({i}) {t}" for i, t in enumerate(items, 1))
        block = block.replace(f"; ({count})", f"; and ({count})") + "."
        expected = [rec(str(i), w.body, t) for i, t in enumerate(items, 1)]
        expected[-1]["text"] += "."
        body_text = block
    else:
        sep = "\n\n" if label in ("none", "recommendation_word") else "\n"
        leads = {"should_colon": "should:", "should_ensure_that": "should ensure that:"}
        lead = f"{w.body} {leads[addressee]}\n\n" if addressee in leads else ""
        if addressee == "recommendations_to":
            half = (count + 1) // 2
            to_body = f"the {w.body.split(' ', 1)[1]}"
            body_text = (f"## Recommendations to {to_body}\n\n" + sep.join(lines[:half])
                         + f"\n\n## Recommendations to {w.others.lower()}\n\n"
                         + sep.join(lines[half:]))  # fmt: skip
            for e in expected[half:]:
                e["addressee"] = w.others.lower()
            return Generated(name, "list", expected, text=top(w) + body_text + BOTTOM)
        body_text = lead + sep.join(lines)
    head = HEADINGS[heading].format(count=COUNTS[count - 2])
    return Generated(name, "list", expected, text=top(w) + head + body_text + BOTTOM)


BULLETS = {  # (mark, indent) of the items
    "bullet_dot": ("•", ""), "hyphen": ("-", ""), "asterisk": ("*", ""), "en_dash": ("–", ""),
    "indented_two_levels": ("-", "    "), "numbered_bullets": ("- {n}.", ""),
    "nested_sub_points": ("•", ""),
}  # fmt: skip


def bullet_document(name: str, seed: int, *, style: str) -> Generated:
    """Items under "X should:" as bullets; or each addressee a bullet with its items under it."""
    w = Words(name, seed)
    expected, lines = [], []
    if style == "addressee_as_bullet":
        n = 0
        for body in (w.body, w.others):
            lines.append(f"• {body} should:")
            for _ in range(2):
                n += 1
                words = w.action(n)
                lines.append(f"    ◦ {words}")
                expected.append(rec(str(n), body, words))
        text = "## Recommendations\n\n" + "\n".join(lines)
        return Generated(name, "list", expected, text=top(w) + text + BOTTOM)
    mark, indent = BULLETS[style]
    for n in range(1, 4):
        words = w.action(n)
        lines.append(f"{indent}{mark.format(n=n)} {words}")
        if style == "nested_sub_points" and n == 2:  # the second carries points under it
            words = words[:-1] + ", covering:"
            lines[-1] = f"{mark} {words}"
            points = w.rng.sample(SUB_POINTS, 2)
            lines += [f"    ◦ {p}" for p in points]
            expected.append(rec(str(n), w.body, words, items=points))
            continue
        expected.append(rec(str(n), w.body, words))
    text = f"## Recommendations\n\n{w.body} should:\n\n" + "\n".join(lines)
    return Generated(name, "list", expected, text=top(w) + text + BOTTOM)


DECISION_WORDS = [
    ("The Government accepts this recommendation.", "agreed"),
    ("The Government accepts this recommendation in part.", "partly_agreed"),
    ("The Government does not accept this recommendation.", "not_agreed"),
    ("The Government agrees in principle.", "partly_agreed"),
    ("The Government notes this recommendation.", None),
]


def prose_response(name: str, seed: int, *, layout: str) -> Generated:
    """A government response in prose: each recommendation, then the response to it."""
    w = Words(name, seed)
    decisions = w.rng.sample(DECISION_WORDS, len(DECISION_WORDS))
    parts = [f"# Government response to the made-up review of {w.what}\n\n{w.sentence()}\n\n"]
    expected = []
    for n, (said, decision) in enumerate(decisions, 1):
        words = w.action(n)
        extra = w.sentence(8)
        if layout == "headed":
            parts.append(f"Recommendation {n}\n\n{w.body} should {words}\n\n"
                         f"Response\n\n{said} {extra}\n\n")  # fmt: skip
            expected.append(responded(str(n), w.body, words, decision))
        elif layout == "text_then_response":
            parts.append(f"We recommend that {w.body} should {words}\n\n{said} {extra}\n\n")
            expected.append(responded(str(n), w.body, words, decision))
        else:  # numbered conclusions with paragraph references
            ref = str(10 + 4 * n)
            parts.append(f"{n}. {w.body} should {words[:-1]} (Paragraph {ref}).\n\n"
                         f"{said} {extra}\n\n")  # fmt: skip
            expected.append(responded(str(n), w.body, words, decision, refs=[ref]))
    return Generated(name, "prose", expected, kind="action_plan", text="".join(parts))


def generate(seed: int = 16) -> list[Generated]:
    """Every shape, each built from the seed."""
    from tests.ingest.shape_tables import ACCEPTED, Columns, list_table, response_table

    out = [list_document(f"heading: {h}", seed, heading=h, count=2 + i % 3)
           for i, h in enumerate(HEADINGS)]  # fmt: skip
    out += [list_document(f"label: {k}", seed, label=k,
                          addressee="should_colon" if k == "inline_in_one_paragraph"
                          else "inline_should") for k in LABELS]  # fmt: skip
    out += [list_document(f"label: {k}, under 'X should:'", seed, label=k, addressee="should_colon")
            for k in LABELS if k != "inline_in_one_paragraph"]  # fmt: skip
    out += [list_document(f"label: {k}, no addressee", seed, label=k, addressee="none")
            for k in ("number_dot", "dotted", "bracketed_letter", "none")]  # fmt: skip
    out += [bullet_document(f"bullets: {s}", seed, style=s)
            for s in [*BULLETS, "addressee_as_bullet"]]  # fmt: skip
    out += [list_document(f"addressee: {a}", seed, addressee=a, count=4)
            for a in ["inline_should", "should_colon", "should_ensure_that",
                      "recommendations_to", "we_recommend_that", "none"]]  # fmt: skip
    out += [list_document(f"refs: {r}", seed, refs=r) for r in ["paragraph", "para", "see"]]
    out.append(list_document("lines: items wrapped onto a second line", seed, wrap=True))
    rng = random.Random(seed)
    for n in range(1, MIXES + 1):  # headings, labels, addressees and references combined
        options = {"heading": rng.choice(list(HEADINGS)),
                   "label": rng.choice([k for k in LABELS if k != "inline_in_one_paragraph"]),
                   "addressee": rng.choice(["inline_should", "should_colon", "none",
                                            "should_ensure_that", "we_recommend_that"]),
                   "refs": rng.choice(["", "paragraph", "para", "see"]),
                   "count": rng.randint(2, 5)}  # fmt: skip
        label = ", ".join(f"{k}={v}" for k, v in options.items() if v != "")
        out.append(list_document(f"mix {n}: {label}", seed, **options))  # type: ignore[arg-type]
    out += [prose_response(f"prose response: {p}", seed, layout=p)
            for p in ["headed", "text_then_response", "numbered_conclusions"]]  # fmt: skip
    tables: dict[str, tuple[dict[str, Any], str]] = {
        "tab separated": ({}, "tab"),
        "pipe separated": ({}, "pipe"),
        "space aligned": ({}, "spaces"),
        "space aligned, cells wrapped onto lines below": ({}, "spaces_wrapped"),
        "two-row header": ({"two_row_header": True}, "tab"),
        "progress and RAG columns": ({"extras": ["Progress update", "RAG status"]}, "tab"),
        "evidence and impact columns": ({"extras": ["Evidence", "Impact"]}, "tab"),
        "progress header saying agreed": ({"decision": "Status", "vocabulary": ACCEPTED,
                                           "extras": ["Progress against agreed actions"]}, "tab"),
        "accepted vocabulary": ({"vocabulary": ACCEPTED}, "tab"),
        "owner headed Lead": ({"owner": "Lead"}, "tab"),
        "owner headed Agency": ({"owner": "Agency"}, "tab"),
        "owner headed Responsible": ({"owner": "Responsible"}, "tab"),
        "target headed Timescale": ({"target": "Timescale"}, "tab"),
        "target headed By when": ({"target": "By when"}, "tab"),
        "target headed Deadline": ({"target": "Deadline"}, "tab"),
        "target headed Completion date": ({"target": "Completion date"}, "tab"),
        "date discussed column": ({"discussed": True, "decision": None}, "tab"),
        "several owners and paragraphs in a cell": ({"several": True}, "tab"),
        "row continued with an empty label": ({"continued": True}, "tab"),
        "owner and target before the decision": ({"owner_first": True}, "tab"),
    }  # fmt: skip
    for table_name, (options, separator) in tables.items():
        out.append(response_table(f"table: {table_name}", seed, Columns(**options),  # type: ignore[arg-type]
                                  separator=separator))  # fmt: skip
    out.append(list_table("table: a list of recommendations as number and text", seed))
    for landscape in (False, True):
        for repeat in (True, False):
            page = "landscape" if landscape else "portrait"
            page += ", header repeated" if repeat else ", header not repeated"
            out.append(response_table(f"pdf: {page}, rows across pages", seed,
                                      Columns(paragraphs=4, several=True), landscape=landscape,
                                      repeat_header=repeat, family="pdf"))  # fmt: skip
    out.append(response_table("pdf: portrait, rows over three pages", seed,
                              Columns(paragraphs=12), family="pdf"))  # fmt: skip
    two_rows = Columns(paragraphs=3, two_row_header=True, owner="Lead", target="Timescale")
    out.append(response_table("pdf: landscape, two-row header, rows across pages", seed,
                              two_rows, landscape=True, family="pdf"))  # fmt: skip
    for landscape in (False, True):
        page = "landscape" if landscape else "portrait"
        out.append(response_table(f"pdf: {page}, no rules at all, rows across pages", seed,
                                  Columns(paragraphs=4, several=True), landscape=landscape,
                                  family="pdf", unruled=True))  # fmt: skip
    return out
