"""Run by tests/core/test_sqlite_concurrency.py in a process of its own, against a file database:
eight threads post the same progress form, with the same one-time token, at the same moment, as
a nervous double (or eightfold) click would. Prints one line: updates=N codes=… (the number of
progress updates made, and the answers the eight posts got)."""

from __future__ import annotations

import os
import sys
import threading
from datetime import date

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followthrough.settings")
django.setup()

from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from followthrough.actionplans.models import Action, ProgressUpdate  # noqa: E402
from followthrough.core.once import once_token  # noqa: E402
from followthrough.organisations.models import Membership, Organisation  # noqa: E402
from tests.core.sqlite_writers import sample_plan_ready  # noqa: E402

POSTS = 8


def main() -> None:
    sample_plan_ready()
    yjb = Organisation.objects.get(short_name="YJB")
    action = Action.objects.filter(owner_organisation=yjb).first()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("synthetic-double-clicker")
    Membership.objects.create(user=user, organisation=yjb, role=Membership.Role.CONTRIBUTOR)
    url = reverse("actionplans:action-progress", args=[action.pk])
    form = {"on": date.today().isoformat(), "text": "Synthetic progress", "once": once_token()}
    clients = []
    for _ in range(POSTS):
        client = Client()
        client.force_login(user)
        clients.append(client)
    connection.close()
    codes: list[int] = []
    barrier = threading.Barrier(POSTS)

    def post(client: Client) -> None:
        close_old_connections()
        barrier.wait()
        try:
            codes.append(client.post(url, form).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    updates = ProgressUpdate.objects.filter(action=action).count()
    print(f"updates={updates} codes={','.join(str(c) for c in sorted(codes))}")


if __name__ == "__main__":
    sys.exit(main())
