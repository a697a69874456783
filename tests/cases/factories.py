"""Factories for resettlement cases: references like NB-0001, obviously synthetic, and nothing
that could name a child."""

from __future__ import annotations

from datetime import date

import factory

from followthrough.cases.models import Case, Task


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    reference = factory.Sequence(lambda n: f"SYN-{n + 1:04d}")
    age_at_sentence = 16
    sex = Case.Sex.MALE
    ethnicity = Case.Ethnicity.WHITE
    care_status = Case.CareStatus.NONE
    sentence_type = Case.Sentence.DTO
    sentence_months = 12
    sentence_date = date(2026, 3, 2)
    earliest_release = date(2026, 9, 1)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    case = factory.SubFactory(CaseFactory)
    description = factory.Sequence(lambda n: f"Synthetic step {n}")
    due_date = date(2026, 8, 1)
