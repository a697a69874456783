"""The worker's own schedule: which day's run of each daily job has been started, so a worker
that restarts (or a second worker beside it) never starts the same day's run twice."""

from __future__ import annotations

from django.db import models


class ScheduledRun(models.Model):
    class Job(models.TextChoices):
        DAILY_REMINDERS = "daily_reminders", "Reminder digest and escalation"

    job = models.CharField(max_length=40, choices=Job.choices)
    day = models.DateField()
    enqueued_at = models.DateTimeField(auto_now_add=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "day"], name="scheduled_run_once_a_day")
        ]
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.get_job_display()} for {self.day:%-d %B %Y}"
