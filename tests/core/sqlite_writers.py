"""Run by tests/core/test_sqlite_concurrency.py in a process of its own, against a file database:
eight threads save the same action at once through the service, as eight browsers would. Prints
one line: saved=N stale=N failed=N (failed: anything but a save or the stale-version refusal)."""

from __future__ import annotations

import os
import sys
import threading
from datetime import date

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followthrough.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import close_old_connections, connection, transaction  # noqa: E402

from followthrough.actionplans.models import Action  # noqa: E402
from followthrough.actionplans.services import action_save  # noqa: E402
from followthrough.core.concurrency import StaleEdit  # noqa: E402
from followthrough.ingest.sample import sample_action_plan  # noqa: E402
from followthrough.ingest.services import document_ingest  # noqa: E402
from followthrough.organisations.services import organisations_ensure_known  # noqa: E402

WRITERS = 8


def sample_plan_ready() -> None:
    """A migrated file database holding the sample plan: where the concurrency scripts start."""
    call_command("migrate", verbosity=0)
    organisations_ensure_known()
    text = sample_action_plan(title="A thematic inspection of sample work", today=date.today())
    with transaction.atomic():
        document_ingest(file_name="plan.txt", content=text.encode())


def main() -> None:
    sample_plan_ready()
    action = Action.objects.select_related("response").first()
    version = action.version
    connection.close()
    outcomes: list[str] = []
    barrier = threading.Barrier(WRITERS)

    def write(n: int) -> None:
        close_old_connections()
        barrier.wait()
        try:
            with transaction.atomic():
                action_save(
                    response=action.response,
                    action=action,
                    description=f"Synthetic wording from writer {n}",
                    owner_text=action.owner_text,
                    owner_organisation=action.owner_organisation,
                    target_text=action.target_text,
                    measure="",
                    version=version,
                    actor=None,
                    change_reason="Synthetic concurrent edit",
                )
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("stale")
        except Exception as exc:
            outcomes.append(f"failed:{type(exc).__name__}:{exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    failed = [o for o in outcomes if o.startswith("failed")]
    print(
        f"saved={outcomes.count('saved')} stale={outcomes.count('stale')} failed={len(failed)}",
        *failed[:3],
    )


if __name__ == "__main__":
    sys.exit(main())
