"""Generated documents in the genre's layout, in our own words: the demo's fallback and test data.

Dates are set relative to the day they are made so that some actions are overdue, some due soon
and some completed, whatever day the demo runs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

ADDRESSEES = [
    ("The Ministry of Justice", "Head of Youth Justice Policy, MoJ"),
    ("The Youth Justice Board", "YJB Director of Oversight"),
    ("The Youth Custody Service", "Head of Operational Policy YCS"),
    ("The Department for Education", "Deputy Director, Alternative Provision, DfE"),
    ("Youth offending team management boards", "YJB Head of Partnerships"),
]
VERBS = ["Publish", "Agree", "Introduce", "Fund", "Set up", "Measure", "Train staff in", "Audit"]
OBJECTS = [
    "a joint protocol for planning accommodation before release",
    "a single record of each child's education plan that travels with them",
    "quarterly reporting on outcomes for children three months after release",
    "guidance on release on temporary licence for children in custody",
    "a named lead for resettlement in every custodial establishment",
    "arrangements that let children apply for college places before release",
    "a review of how families are kept informed during the custodial phase",
]
DECISIONS = ["Agreed", "Agreed", "Partly Agreed", "Agreed", "Not Agreed"]


def _month(d: date) -> str:
    return f"{d:%B %Y}"


def sample_action_plan(*, title: str, today: date, recommendations: int = 8, seed: int = 1) -> str:
    """An action plan with a decision column, addressee rows and a page-break continuation row."""
    rng = random.Random(seed)  # noqa: S311 - repeatable sample text, not security
    submitted = today - timedelta(days=400)
    lines = [
        "",
        f"Action Plan Submitted: {submitted.day} {submitted:%B %Y}",
        "",
        f"A Response to: {title}",
        "",
        f"Report Published: {(submitted - timedelta(days=90)):%d %B %Y}",
        "",
        "\t".join(
            [
                "Rec No",
                "Recommendation",
                "Agreed/ Partly Agreed/ Not Agreed",
                "Response Action Taken/Planned",
                "Responsible Owner",
                "Target Date",
            ]
        ),
    ]
    addressee = None
    for n in range(1, recommendations + 1):
        who, owner = ADDRESSEES[(n - 1) % len(ADDRESSEES)]
        if who != addressee:
            lines.append("\t".join(["", f"{who} should:", "", "", "", ""]))
            addressee = who
        decision = DECISIONS[(n - 1) % len(DECISIONS)]
        text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}."
        past = today - timedelta(days=rng.randint(40, 300))
        soon = today + timedelta(days=rng.randint(5, 80))
        later = today + timedelta(days=rng.randint(120, 500))
        if decision == "Not Agreed":
            response = (
                "<p>Not agreed: the operational reasons are set out here, with the "
                "affordability case.</p>"
            )
            owners, targets = [owner], ["Not applicable"]
        else:
            response = (
                f"<p>{decision}. We will {text[0].lower()}{text[1:-1]} and report progress "
                "to the oversight board each quarter.</p>"
            )
            owners, targets = [owner, owner], [_month(past), "Completed" if n % 3 else _month(soon)]
        lines.append(
            "\t".join(
                [
                    str(n),
                    f"<p>{text}</p>",
                    decision,
                    response,
                    " ".join(f"<p>{o}</p>" for o in owners),
                    " ".join(f"<p>{t}</p>" for t in targets),
                ]
            )
        )
        if n % 4 == 0:  # a row split by a page break
            lines.append("")
            lines.append(
                "\t".join(
                    [
                        "",
                        "",
                        "",
                        "<p>A further step follows the first.</p>",
                        f"<p>{owner}</p>",
                        f"<p>{_month(later)}</p>",
                    ]
                )
            )
    lines += ["", "Note This plan was generated for demonstration; it is not a published plan."]
    return "\n".join(lines) + "\n"
