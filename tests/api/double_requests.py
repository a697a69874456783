"""Run by tests/api/test_writes_concurrency.py in a process of its own, against a file database:
eight threads send the same progress report with the same Idempotency-Key at the same moment, as
a client retrying on a timeout might. Prints one line: updates=N codes=… replayed=N."""

from __future__ import annotations

import json
import os
import sys
import threading
from datetime import date

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followthrough.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402

from followthrough.actionplans.models import Action, ProgressUpdate  # noqa: E402
from followthrough.api.services import token_create  # noqa: E402
from followthrough.organisations.models import Membership, Organisation  # noqa: E402
from tests.core.sqlite_writers import sample_plan_ready  # noqa: E402

REQUESTS = 8


def main() -> None:
    sample_plan_ready()
    yjb = Organisation.objects.get(short_name="YJB")
    action = Action.objects.filter(owner_organisation=yjb).first()
    user = get_user_model().objects.create_user("synthetic-retrying-tracker")
    Membership.objects.create(user=user, organisation=yjb, role=Membership.Role.CONTRIBUTOR)
    _, token = token_create(
        owner=user, name="Tracker", scope="read_write", days=30, today=date.today()
    )
    body = json.dumps({"on": date.today().isoformat(), "text": "Synthetic progress"})
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}", "HTTP_IDEMPOTENCY_KEY": "retry-1"}
    url = f"/api/actions/{action.pk}/progress/"
    connection.close()
    answers: list[tuple[int, str]] = []
    barrier = threading.Barrier(REQUESTS)

    def send() -> None:
        close_old_connections()
        barrier.wait()
        try:
            answer = Client().post(url, body, content_type="application/json", **headers)
            answers.append((answer.status_code, answer.get("Idempotent-Replayed", "")))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    updates = ProgressUpdate.objects.filter(action=action, text="Synthetic progress").count()
    codes = ",".join(str(code) for code, _ in sorted(answers))
    replayed = sum(1 for _, flag in answers if flag == "true")
    print(f"updates={updates} codes={codes} replayed={replayed}")


if __name__ == "__main__":
    sys.exit(main())
