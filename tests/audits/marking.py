"""Marking through the services in tests: the criteria by code, a marker's answers saved and
finished, and the twelve synthetic cases' answers the findings tests count by hand."""

from __future__ import annotations

from django.db import transaction

from followthrough.audits.services import Given, answers_record, marking_finish


def codes(audit):
    return {c.code: c for c in audit.criteria_set.criteria.all()}


def mark(audit_case, marker, user, answers):
    by_code = codes(audit_case.audit)
    version = audit_case.first_version if marker == 1 else audit_case.second_version
    with transaction.atomic():
        answers_record(
            audit_case=audit_case,
            marker=marker,
            version=version,
            actor=user,
            given={by_code[code].pk: Given(value) for code, value in answers.items()},
        )
        marking_finish(audit_case=audit_case, marker=marker, actor=user)
    audit_case.refresh_from_db()


def case_answers(i):
    """Case i's answers: 1.1 yes for 9 of 12, 1.2 yes for 6, 2.1 yes 8 / no 3 / n.a. 1."""
    plan_good = "yes" if i < 6 else "no"
    return {
        "1.1": "yes" if i < 9 else "no",
        "1.2": plan_good,
        **({"1.3": "yes" if i % 2 else "no"} if plan_good == "no" else {}),
        "2.1": "yes" if i < 8 else ("no" if i < 11 else "na"),
        "2.2": "na",
        "3.1": ["completely", "partially", "partially", "not"][i % 4],
    }
