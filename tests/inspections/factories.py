"""Factories for reports and their recommendations, in obviously synthetic words."""

from __future__ import annotations

from datetime import date

import factory

from followthrough.inspections.models import Recommendation, Report
from followthrough.inspections.themes import themes_for


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Synthetic report {n}")
    kind = Report.Kind.THEMATIC
    published = date(2024, 1, 1)

    @factory.post_generation
    def inspectorates(self, create, extracted, **kwargs):
        if create and extracted:
            self.inspectorates.set(extracted)


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A main recommendation, themed from its words as an imported one is."""

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    report = factory.SubFactory(ReportFactory)
    section = Recommendation.Section.MAIN
    label = factory.Sequence(lambda n: str(n + 1))
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Synthetic recommendation {n}: review the practice yearly.")
    items = factory.LazyFunction(list)
    themes = factory.LazyAttribute(lambda rec: themes_for(rec.text, [i["text"] for i in rec.items]))

    @factory.post_generation
    def addressees(self, create, extracted, **kwargs):
        if create and extracted:
            self.addressees.set(extracted)
