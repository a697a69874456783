"""The pages people read on a phone, in Debian's chromium on the demo's data: at 375 px wide
none scrolls sideways (wide tables scroll in their own region), each passes axe, chart text is
at least 12 px, the heat map's Good and Outstanding differ in lightness as well as hue, and
screenshots at 375 and 1280 px are kept in test-artefacts/ (git-ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from followthrough.actionplans.models import ActionPlan
from followthrough.ingest.models import ImportUpload
from followthrough.inspections.models import Report
from followthrough.organisations.models import Organisation
from followthrough.reporting.models import Download
from followthrough.selfassessment.models import SelfAssessment
from tests.browser.conftest import axe_violations, sign_in
from tests.conftest import CORPUS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-demo-password-for-phone-widths"
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts"
# The smallest chart text as drawn, in CSS px: each SVG chart's font sizes are in its viewBox's
# units, scaled by the width the image is shown at.
SMALLEST_CHART_TEXT = """() => [...document.querySelectorAll('img.ft-chart')].map(img => {
  const svg = atob(img.src.split(',')[1]);
  const box = svg.match(/viewBox="0 0 ([\\d.]+)/);
  const sizes = [...svg.matchAll(/font(?:-size)?:\\s*([\\d.]+)px/g)].map(m => +m[1]);
  return Math.min(...sizes) * img.getBoundingClientRect().width / +box[1];
})"""
# The heat map's tags: the rating word in each, and how far apart Good and Outstanding are in
# lightness (the contrast ratio of their two backgrounds), so colour is not all that tells them.
HEAT_MAP = """() => {
  const tags = [...document.querySelectorAll('.ft-heat-map .govuk-tag')];
  const lum = el => { const [r, g, b] = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g)
      .slice(0, 3).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const good = tags.find(t => t.textContent.endsWith(': Good'));
  const best = tags.find(t => t.textContent.endsWith(': Outstanding'));
  if (!good || !best) return {unlabelled: [], apart: null};
  const [a, b] = [Math.min(lum(good), lum(best)), Math.max(lum(good), lum(best))];
  const worded = /: (Outstanding|Good|Requires improvement|Inadequate|Not rated)$/;
  return {unlabelled: tags.filter(t => !worded.test(t.textContent)).map(t => t.textContent),
          apart: (b + 0.05) / (a + 0.05)};
}"""


@pytest.fixture
def demo(monkeypatch):
    """What `make demo` loads for these pages: the logins, the corpus and the self-assessments."""
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus directory {CORPUS} is not present on this machine")
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("demo_users", verbosity=0)
    call_command("demo_data", corpus=str(CORPUS), verbosity=0)
    call_command("demo_self_assessment", verbosity=0)


def test_pages_fit_a_phone_pass_axe_and_tell_ratings_apart(browser, live_server, demo):
    reports = Report.objects.filter(action_plans__isnull=False).distinct().order_by("pk")
    plans = {
        f"action-plan-{n}": reverse("actionplans:report-action-plan", args=[report.pk])
        for n, report in enumerate(reports, start=1)
    }
    assert plans
    summaries = {
        f"self-assessment-summary-{n}": reverse("selfassessment:summary", args=[assessment.pk])
        for n, assessment in enumerate(SelfAssessment.objects.order_by("pk"), start=1)
    }
    yjb = Organisation.objects.get(name="Youth Justice Board").pk
    upload = ImportUpload.objects.create(file_name="long-plan.pdf", size=900_000, content=b"%")
    download = Download.objects.create(
        requested_by=get_user_model().objects.get(username="inspectorate-admin"),
        kind=Download.Kind.AUDIT_LOG,
        fmt="csv",
        params={"page": "/audit/"},
        cache_key="phone-width",
        file_name="audit-log.csv",
        content_type="text/csv",
    )
    found: dict[str, object] = {}
    apart: list[float | None] = []  # Good against Outstanding, on each summary
    ARTEFACTS.mkdir(exist_ok=True)
    for username, paths in (
        (
            "approver",
            {
                **plans,
                "reports": "/reports/",
                "my-organisation": "/my-organisation/",
                "search": "/search/?q=accommodation",
            },
        ),
        (
            "inspector",
            {
                "inspectorate": "/inspectorate/",
                "historic-plan": reverse(
                    "actionplans:plan-status-as-at", args=[ActionPlan.objects.order_by("pk")[0].pk]
                ),
                "organisation": f"/organisations/{yjb}/",
                "national-casework": "/cases/national/",
            },
        ),
        (
            "inspectorate-admin",
            {
                "audit-log": "/audit/",
                "imports": "/imports/",
                "import-being-read": f"/imports/uploads/{upload.pk}/",
                "download-preparing": f"/downloads/{download.pk}/",
            },
        ),
        ("admin", {"webhooks": f"/organisations/{yjb}/webhooks/"}),
        ("yjs-manager", summaries),
    ):
        context, page = sign_in(browser, live_server, username, PASSWORD, bypass_csp=True)
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            for name, path in paths.items():
                page.goto(live_server.url + path)
                label = f"{path} at {width}px"
                if name != "reports":
                    page.screenshot(path=ARTEFACTS / f"{name}-{width}.png", full_page=True)
                if width != 375:
                    continue
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > 375:
                    found[f"{label}: page width"] = scroll
                if violations := axe_violations(page):
                    found[f"{label}: axe"] = violations
                if small := [s for s in page.evaluate(SMALLEST_CHART_TEXT) if s < 12]:
                    found[f"{label}: chart text px"] = small
                if name.startswith("self-assessment-summary"):
                    heat_map = page.evaluate(HEAT_MAP)
                    apart.append(heat_map["apart"])
                    if heat_map["unlabelled"] or (heat_map["apart"] or 3) < 3:
                        found[f"{label}: heat map"] = heat_map
        context.close()
    assert any(apart), "no heat map shows both Good and Outstanding"
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
