"""The site as gunicorn serves it, with one more address: a bare view behind the same middleware
and sign-in, so each page's time is read against the cheapest page the stack can serve, measured
in the same run (benchmarks/national.py starts gunicorn on this module)."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followthrough.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.urls import include, path  # noqa: E402

from followthrough.core.access import access  # noqa: E402


@access("signed_in")
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare), path("", include("followthrough.urls"))]
settings.ROOT_URLCONF = __name__
application = WSGIHandler()
