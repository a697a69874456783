"""Background tasks: stored in the database and run by the worker's own loop."""

import pytest
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from followthrough.core.tasks import TaskResultStatus, result_of, run_queued_tasks, task


@task()
def add_up(a: int, b: int) -> int:
    return a + b


def test_tasks_are_stored_in_the_database_not_run_in_the_request() -> None:
    assert isinstance(task_backends["default"], DatabaseBackend)


@pytest.mark.django_db(transaction=True)
def test_a_queued_task_waits_for_the_worker_and_its_result_is_kept() -> None:
    queued = add_up.enqueue(2, 3)
    assert queued.status == TaskResultStatus.READY

    assert run_queued_tasks() == 1

    done = result_of(queued.id)
    assert done is not None
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == 5
    assert result_of("00000000-0000-0000-0000-000000000000") is None
