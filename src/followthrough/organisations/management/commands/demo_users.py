"""Create one demo login per role and print the usernames and passwords.

DEMO_PASSWORD, when set, is every demo user's password; otherwise each gets a new random one.
"""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from followthrough.organisations.models import Membership
from followthrough.organisations.services import organisations_ensure_known
from followthrough.selfassessment.demo import SERVICE_NAME, demo_service_ensure

# username, organisation, role, what the login is for
DEMO_USERS = [
    (
        "inspector",
        "HM Inspectorate of Probation",
        Membership.Role.REVIEWER,
        "inspectorate reviewer",
    ),
    ("viewer", "Ministry of Justice", Membership.Role.VIEWER, "reads plans"),
    ("contributor", "Youth Justice Board", Membership.Role.CONTRIBUTOR, "writes responses"),
    ("approver", "Youth Justice Board", Membership.Role.APPROVER, "submits and publishes plans"),
    ("admin", "Youth Justice Board", Membership.Role.ADMIN, "manages the YJB's members"),
    (
        "yjs-manager",
        SERVICE_NAME,
        Membership.Role.APPROVER,
        "runs and signs off the service's self-assessment",
    ),
    (
        "yjs-practitioner",
        SERVICE_NAME,
        Membership.Role.CONTRIBUTOR,
        "answers self-assessment questions",
    ),
    ("yjs-board", SERVICE_NAME, Membership.Role.VIEWER, "board member: reads the summary"),
]


class Command(BaseCommand):
    help = __doc__

    @transaction.atomic
    def handle(self, *args, **options):
        organisations = {o.name: o for o in organisations_ensure_known()}
        organisations[SERVICE_NAME] = demo_service_ensure()
        shared = os.environ.get("DEMO_PASSWORD")
        User = get_user_model()
        self.stdout.write("Demo logins (username / password / role):")
        for username, org_name, role, purpose in DEMO_USERS:
            password = shared or secrets.token_urlsafe(9)
            user, _ = User.objects.get_or_create(username=username)
            user.email = f"{username}@example.invalid"
            user.set_password(password)
            user.is_active = True
            user.save()
            Membership.objects.update_or_create(
                user=user,
                organisation=organisations[org_name],
                defaults={"role": role, "is_active": True},
            )
            self.stdout.write(
                f"  {username:<16} {password:<16} {role.label} of {org_name} ({purpose})"
            )
