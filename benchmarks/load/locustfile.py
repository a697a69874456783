"""`make load` (issue 18): simulated people using the site at once, run by locust headless.

benchmarks/load/runner.py seeds the national dataset, signs in one session per seeded login and
writes what each may do to the file named by LOAD_PLAN, then runs locust against gunicorn. Four
kinds of people, weighted so that 50 users are 20 readers, 15 contributors, 10 inspectors and 5
services:

- readers browse the overview, reports, recommendations and organisations;
- contributors open an action of their organisation and post progress on it (the real form, with
  its CSRF token);
- inspectors filter the inspectorate dashboard;
- a service answers its self-assessment items.

Requests are named by ROUTES, so each page's figures gather under one name whatever the record.
WriterUser (progress posts back to back, no pause) is the SQLite writers' ramp.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from html.parser import HTMLParser
from typing import Any

from locust import HttpUser, between, constant, task

# Each request's name: the address with its record's id left as {id}. A test resolves every one.
ROUTES = {
    "overview": "/",
    "reports": "/reports/",
    "report": "/reports/{id}/",
    "recommendation": "/recommendations/{id}/",
    "organisations": "/organisations/",
    "organisation": "/organisations/{id}/",
    "inspectorate": "/inspectorate/",
    "progress page": "/actions/{id}/progress/",
    "progress post": "/actions/{id}/progress/",
    "self-assessment item": "/self-assessments/items/{id}/",
    "self-assessment answer": "/self-assessments/items/{id}/",
}
DECISIONS = ["", "agreed", "partly_agreed", "not_agreed"]
SERVICES = 5  # service users in a run of 50 (ServiceUser.weight is 2 of 20)
STATUSES = ["", "no_actions", "in_progress", "actions_complete", "not_met"]

rng = random.Random()  # noqa: S311 (which page a simulated person opens, not a secret)
_plan: dict[str, Any] | None = None
_turns: dict[str, itertools.count[int]] = {}


def plan() -> dict[str, Any]:
    """The runner's plan: session cookies and record ids for each kind of user."""
    global _plan
    if _plan is None:
        with open(os.environ["LOAD_PLAN"], encoding="utf-8") as f:
            _plan = json.load(f)
    return _plan


def _next(kind: str) -> tuple[int, dict[str, Any]]:
    """The next seeded login of this kind, round and round as users start, and its turn."""
    people = plan()[kind]
    turn = next(_turns.setdefault(kind, itertools.count()))
    return turn, dict(people[turn % len(people)])


def _error(html: str) -> str:
    """The first message of a page's error summary, to say why a form was not saved."""
    found = re.search(r"govuk-error-summary__list.*?<a [^>]*>(.*?)</a>", html, re.S)
    return found.group(1).strip() if found else "no error shown"


class _Forms(HTMLParser):
    """Every form on a page: its action and the values a browser would send as they stand."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}})
        if not self.forms or not a.get("name"):
            return
        fields = self.forms[-1]["fields"]
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields[a["name"]] = a.get("value", "on")
            elif kind not in ("file", "submit", "button"):
                fields[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            fields[a["name"]] = ""
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            fields[self._select] = a.get("value", "")

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        if tag == "select":
            self._select = None


def form_with(html: str, field: str) -> dict[str, str] | None:
    """The values of the first form on the page that has `field`."""
    parser = _Forms()
    parser.feed(html)
    return next((f["fields"] for f in parser.forms if field in f["fields"]), None)


class _SignedIn(HttpUser):
    abstract = True
    kind = ""

    def on_start(self) -> None:
        self.turn, self.me = _next(self.kind)
        self.client.cookies.set("sessionid", self.me["cookie"])

    def get(self, route: str, pk: int | None = None, query: str = "") -> Any:
        path = ROUTES[route].format(id=pk)
        with self.client.get(path + query, name=route, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{route} answered {response.status_code}")
        return response


class ReaderUser(_SignedIn):
    weight = 8
    kind = "readers"
    wait_time = between(1, 3)

    @task(3)
    def overview(self) -> None:
        self.get("overview")

    @task(2)
    def reports(self) -> None:
        self.get("reports")
        self.get("report", rng.choice(self.me["reports"]))

    @task(3)
    def recommendation(self) -> None:
        self.get("recommendation", rng.choice(self.me["recommendations"]))

    @task(2)
    def organisations(self) -> None:
        self.get("organisations")
        self.get("organisation", rng.choice(self.me["organisations"]))


class ContributorUser(_SignedIn):
    weight = 6
    kind = "contributors"
    wait_time = between(1, 3)

    @task
    def post_progress(self) -> None:
        pk = rng.choice(self.me["actions"])
        page = self.get("progress page", pk)
        fields = form_with(page.text, "text") if page.status_code == 200 else None
        if fields is None:
            return
        fields["text"] = f"Progress noted by the load test ({rng.randrange(10**6)})"
        path = ROUTES["progress post"].format(id=pk)
        with self.client.post(
            path, data=fields, name="progress post", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                why = _error(response.text)
                response.failure(f"progress post answered {response.status_code}: {why}")


class WriterUser(ContributorUser):
    """A contributor posting progress again and again without a pause: the writers' ramp."""

    weight = 1  # run alone, named on locust's command line; the mixed run names the others
    wait_time = constant(0)


class InspectorUser(_SignedIn):
    weight = 4
    kind = "inspectors"
    wait_time = between(1, 3)

    @task
    def filter_dashboard(self) -> None:
        query = {
            "report": rng.choice(["", *map(str, self.me["reports"][:5])]),
            "organisation": rng.choice(["", *map(str, self.me["organisations"][:5])]),
            "decision": rng.choice(DECISIONS),
            "status": rng.choice(STATUSES),
            "overdue": rng.choice(["", "on"]),
        }
        chosen = "&".join(f"{k}={v}" for k, v in query.items() if v)
        self.get("inspectorate", query=f"?{chosen}" if chosen else "")


class ServiceUser(_SignedIn):
    weight = 2
    kind = "services"
    wait_time = between(1, 3)

    @task
    def answer_item(self) -> None:
        # each simulated service its own items: two answering one item at once is a stale edit
        pk = rng.choice(self.me["items"][self.turn % SERVICES :: SERVICES])
        page = self.get("self-assessment item", pk)
        fields = form_with(page.text, "rationale") if page.status_code == 200 else None
        if fields is None:
            return
        fields["rationale"] = f"Reviewed in the load test ({rng.randrange(10**6)})"
        path = ROUTES["self-assessment answer"].format(id=pk)
        with self.client.post(
            path,
            data=fields,
            name="self-assessment answer",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                why = _error(response.text)
                response.failure(f"self-assessment answer answered {response.status_code}: {why}")
