"""Factories for people and organisations: obviously synthetic, all signing in with PASSWORD."""

from __future__ import annotations

import factory
from django.conf import settings

from followthrough.organisations.aliases import BODIES
from followthrough.organisations.models import Membership, Organisation
from followthrough.organisations.services import organisation_ensure

PASSWORD = "correct-horse-battery-staple"


def known_body(short_name: str) -> Organisation:
    """One of the canonical bodies (YJB, MoJ, HMI Probation …), made as ingest makes it."""
    return organisation_ensure(body=next(b for b in BODIES if b.short_name == short_name))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.django.Password(PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Synthetic organisation {n}")
    short_name = factory.LazyAttribute(lambda org: org.name.replace("Synthetic organisation", "SO"))
    kind = Organisation.Kind.OTHER


class YouthJusticeServiceFactory(OrganisationFactory):
    """A local youth justice service: "Riverside Youth Justice Service" is "Riverside YJS"."""

    name = factory.Sequence(lambda n: f"Synthetic Town {n} Youth Justice Service")
    short_name = factory.LazyAttribute(
        lambda org: org.name.replace(" Youth Justice Service", " YJS")
    )
    kind = Organisation.Kind.YOUTH_JUSTICE_SERVICE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.VIEWER
