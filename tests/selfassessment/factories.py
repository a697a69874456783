"""Factories for a youth justice service's self-assessment and its improvement actions."""

from __future__ import annotations

from datetime import date

import factory

from followthrough.selfassessment.models import (
    AssessedRecommendation,
    EnquiryAnswer,
    EvidenceHeld,
    ImprovementAction,
    ImprovementUpdate,
    SelfAssessment,
)
from tests.actionplans.factories import TrackedFactory
from tests.inspections.factories import RecommendationFactory
from tests.organisations.factories import YouthJusticeServiceFactory


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfAssessment

    organisation = factory.SubFactory(YouthJusticeServiceFactory)
    year = 2026


class AssessedRecommendationFactory(factory.django.DjangoModelFactory):
    """A recommendation for services in an assessment's scope, with what it asks of them."""

    class Meta:
        model = AssessedRecommendation

    assessment = factory.SubFactory(SelfAssessmentFactory)
    recommendation = factory.SubFactory(
        RecommendationFactory,
        addressee_text="YOT Management Boards",
        lines_of_enquiry=["Is the synthetic practice in place?", "Is it reviewed yearly?"],
        evidence_prompts=["Synthetic board minutes"],
    )
    order = factory.Sequence(lambda n: n)


class EnquiryAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnquiryAnswer

    item = factory.SubFactory(AssessedRecommendationFactory)
    index = 0
    answer = EnquiryAnswer.Answer.YES


class EvidenceHeldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceHeld

    item = factory.SubFactory(AssessedRecommendationFactory)
    index = 0
    held = True
    link = "Synthetic shared drive, board folder"


class ImprovementActionFactory(TrackedFactory):
    class Meta:
        model = ImprovementAction

    item = factory.SubFactory(AssessedRecommendationFactory)


class ImprovementUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementUpdate

    action = factory.SubFactory(ImprovementActionFactory)
    date = factory.LazyFunction(date.today)
    text = factory.Sequence(lambda n: f"Synthetic improvement progress {n}")
