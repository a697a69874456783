"""The project's task plumbing: Django's tasks interface (the django-tasks backport) over the
database backend, so a web process enqueues and `followthrough worker` runs (decision 0009).

Apps define their tasks in their own `tasks.py` with `@task()` from here; Django 6 will take
over the import with no other change.
"""

from __future__ import annotations

from typing import Any

from django_tasks import TaskResult, TaskResultStatus, task, task_backends
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks_db.management.commands.db_worker import Worker

__all__ = [
    "TaskResult",
    "TaskResultDoesNotExist",
    "TaskResultStatus",
    "result_of",
    "run_queued_tasks",
    "task",
]


def result_of(result_id: str) -> TaskResult[Any] | None:
    """The stored result of a task by its id, or None when there is no such task."""
    try:
        return task_backends["default"].get_result(result_id)
    except TaskResultDoesNotExist:
        return None


def run_queued_tasks(*, worker_id: str = "in-process") -> int:
    """Run every task waiting in the queue, here and now, and say how many ran: the worker's
    own loop in batch mode, so tests and `worker --once` run tasks exactly as the worker does."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    worker.run()
    return worker._run_tasks
