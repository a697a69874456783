"""Records the permission matrix's world makes on demand, for views whose sample object is not
built with the world itself (tests/web/matrix_world.py): each found again if made before."""

from __future__ import annotations

from datetime import date
from typing import Any

from followthrough.actionplans.models import Action, ActionPlan, TargetRevision
from followthrough.api.webhooks.models import WebhookEndpoint
from followthrough.inspections.models import Finding, PracticeExample
from followthrough.reporting.models import Download


class WorldRecords:
    published: ActionPlan
    draft: ActionPlan
    users: dict
    own: Any

    def owned_action(self) -> Action:
        return Action.objects.filter(
            response__action_plan=self.published,
            owner_organisation=self.own,
            response__responding_organisation=self.own,
        ).first()

    def revision(self) -> TargetRevision:
        revision = TargetRevision.objects.filter(action__response__action_plan=self.published)
        return revision.first() or TargetRevision.objects.create(
            action=self.owned_action(),
            new_text="June 2031",
            new_kind="month",
            new_value="2031-06",
            new_due=date(2031, 6, 30),
            reason="Funding moved",
            proposed_on=date.today(),
        )

    def download(self) -> Download:
        """A file prepared in the background for the own contributor, ready."""
        return Download.objects.filter(file_name="matrix-sample.csv").first() or (
            Download.objects.create(
                requested_by=self.users["own contributor"],
                kind=Download.Kind.OPEN_RECOMMENDATIONS,
                fmt="csv",
                cache_key="matrix-sample",
                status=Download.Status.READY,
                file_name="matrix-sample.csv",
                content_type="text/csv; charset=utf-8",
                content=b"Report\n",
            )
        )

    def webhook_endpoint(self) -> WebhookEndpoint:
        """An active webhook endpoint of the own organisation."""
        return WebhookEndpoint.objects.filter(organisation=self.own).first() or (
            WebhookEndpoint.objects.create(
                organisation=self.own,
                url="https://receiver.example/hook",
                events=["action.completed"],
                secret="whsec_matrix",
                created_by=self.users["own admin"],
            )
        )

    def revision_of(self, plan: ActionPlan) -> TargetRevision:
        """A target revision of the plan's (the draft's made here, on its first action)."""
        if plan == self.published:
            return self.revision()
        found = TargetRevision.objects.filter(action__response__action_plan=plan).first()
        return found or TargetRevision.objects.create(
            action=Action.objects.filter(response__action_plan=plan).first(),
            new_text="2032",
            new_kind="year",
            new_value="2032",
            reason="Waiting for funding",
            proposed_on=date.today(),
        )

    def finding_of(self, plan: ActionPlan) -> Finding:
        found = Finding.objects.filter(report=plan.report).first()
        return found or Finding.objects.create(report=plan.report, statement="judged suitable")

    def practice_of(self, plan: ActionPlan) -> PracticeExample:
        found = PracticeExample.objects.filter(report=plan.report).first()
        return found or PracticeExample.objects.create(
            report=plan.report, title="A synthetic panel", kind="good", text="Met weekly"
        )
