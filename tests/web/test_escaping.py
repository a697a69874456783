"""Script and markup typed into any field of any form come back inert: in the page that answers,
in the pages that show it later and in the emails it causes."""

from __future__ import annotations

import importlib
import pkgutil

from django import forms
from django.core import mail
from django.urls import reverse

import followthrough
from tests.web.test_permission_matrix import url_patterns

PAYLOAD = '<script>alert("x")</script><b onmouseover="x()">bold</b>'


def project_form_fields() -> set[str]:
    for module in pkgutil.walk_packages(followthrough.__path__, "followthrough."):
        if module.name.endswith(("forms", "two_factor")):
            importlib.import_module(module.name)
    names: set[str] = set()
    stack = [forms.Form]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("followthrough"):
            names.update(cls.base_fields)
    return names


def test_markup_posted_into_every_field_of_every_form_renders_inert(client, world):
    fields = project_form_fields()
    assert {"email", "code", "role"} <= fields
    client.force_login(world.users["superuser"])
    posted = 0
    for name, pattern in url_patterns():
        if "POST" not in pattern.callback.access_methods or name == "logout":
            continue
        kwargs = world.kwargs(name, "published")
        url = reverse(name, kwargs=kwargs)
        response = client.post(
            url, dict.fromkeys(fields, PAYLOAD) | {"email": f"{PAYLOAD}@x"}, follow=True
        )
        posted += 1
        if response["Content-Type"].split(";")[0] in (
            "application/json",
            "application/problem+json",
        ):
            # The API's data, never a page: a browser will not render it as HTML (nosniff), and
            # a refusal may quote back the value it refused.
            assert response["X-Content-Type-Options"] == "nosniff", url
            continue
        assert PAYLOAD.encode() not in response.content, url
        assert b"<script>alert" not in response.content, url
    assert posted >= 5
    for pages in (
        reverse("auditlog:log"),
        reverse("organisations:member-list", args=[world.own.pk]),
    ):
        assert b"<script>alert" not in client.get(pages).content
    for message in mail.outbox:
        assert "<script>" not in message.body or message.content_subtype == "plain"
        assert not getattr(message, "alternatives", None)
