"""Create one demo login per role and print the usernames and passwords.

DEMO_PASSWORD, when set, is every demo user's password; otherwise each gets a new random one.
"""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand
from django.db import transaction

from followthrough.flows.demo import demo_users_ensure


class Command(BaseCommand):
    help = __doc__

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Demo logins (username / password / role):")
        for username, password, role, org_name, purpose in demo_users_ensure(
            password=os.environ.get("DEMO_PASSWORD")
        ):
            self.stdout.write(f"  {username:<16} {password:<16} {role} of {org_name} ({purpose})")
