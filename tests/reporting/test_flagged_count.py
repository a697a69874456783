"""The dashboard's count of actions flagged by the escalation ladder is exact, however many are
listed."""

from __future__ import annotations

from datetime import date

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.reporting.selectors import flagged_actions
from tests.actionplans.factories import EscalationFactory


def _flag(count: int) -> None:
    ActionPlan.objects.update(status="published")
    for n, action in enumerate(Action.objects.order_by("pk")[:count]):
        EscalationFactory(
            action=action, step=3, cause="overdue", days=100 + n, raised_on=date.today()
        )


def test_the_count_is_exact_when_only_the_first_are_listed(inspector, sample_plan):
    _flag(3)
    flagged = flagged_actions(user=inspector, limit=2)
    assert flagged.count == 3 and len(flagged.shown) == 2


def test_the_dashboard_says_how_many_of_the_flagged_it_lists(
    client, inspector, sample_plan, monkeypatch
):
    _flag(3)
    from followthrough.reporting.views import inspectorate

    monkeypatch.setattr(
        inspectorate, "flagged_actions", lambda **kw: flagged_actions(**kw, limit=2)
    )
    client.force_login(inspector)
    html = client.get("/inspectorate/").content.decode()
    assert "3 actions flagged by the escalation ladder" in html
    assert "the 2 flagged longest of 3" in html
