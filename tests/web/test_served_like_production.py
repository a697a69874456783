"""Served like production: the health check the load balancer asks, and request ids in JSON logs."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.db import DatabaseError

from followthrough.core.logs import JsonFormatter, RequestIdFilter, logging_config
from followthrough.web import views as web_views


@pytest.mark.django_db
def test_health_check_answers_ok_without_a_session_or_sign_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in response.cookies
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_health_check_says_503_and_why_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(web_views.connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "database unreachable"}


@pytest.mark.django_db
def test_health_check_says_503_until_migrations_are_applied(client, monkeypatch):
    class Unmigrated:
        def __init__(self, connection):
            self.loader = type("L", (), {"graph": type("G", (), {"leaf_nodes": lambda s: []})()})

        def migration_plan(self, targets):
            return ["a migration not yet run"]

    monkeypatch.setattr(web_views, "_migrated", False)
    monkeypatch.setattr(web_views, "MigrationExecutor", Unmigrated)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["reason"] == "migrations not applied"


@pytest.mark.django_db
def test_health_check_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/accessibility/").status_code == 301


def _capture(logger_name: str = "followthrough.requests") -> io.StringIO:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return stream


@pytest.fixture
def request_log():
    stream = _capture()
    yield stream
    logger = logging.getLogger("followthrough.requests")
    logger.handlers = [h for h in logger.handlers if getattr(h, "stream", None) is not stream]


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_a_sane_given_one_is_kept(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-0f3c9a2e-77")["X-Request-ID"] == (
        "lb-0f3c9a2e-77"
    )
    hostile = client.get("/healthz", HTTP_X_REQUEST_ID='x"}<script>alert(1)</script>')
    assert hostile["X-Request-ID"] != 'x"}<script>alert(1)</script>'
    assert len(hostile["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_a_request_logs_one_json_line_with_its_id_and_the_user_id_never_a_name(
    client, body_viewer, request_log
):
    client.force_login(body_viewer)
    response = client.get("/accessibility/?q=a+child%27s+name", HTTP_X_REQUEST_ID="req-12345678")
    lines = [json.loads(line) for line in request_log.getvalue().splitlines()]
    (entry,) = [e for e in lines if e["path"] == "/accessibility/"]
    assert entry["request_id"] == "req-12345678" == response["X-Request-ID"]
    assert entry["user_id"] == body_viewer.pk
    assert entry["status"] == 200 and entry["method"] == "GET"
    assert entry["level"] == "INFO" and entry["logger"] == "followthrough.requests"
    assert isinstance(entry["duration_ms"], float) and entry["time"].endswith("+00:00")
    text = request_log.getvalue()
    assert body_viewer.username not in text
    assert "child" not in text  # the query string is never logged


@pytest.mark.django_db
def test_log_lines_written_while_serving_carry_the_request_id(client, monkeypatch):
    stream = _capture("followthrough.web")
    seen = []
    original = web_views.JsonResponse

    def answer(*args, **kwargs):
        logging.getLogger("followthrough.web").warning("checking health")
        seen.append(True)
        return original(*args, **kwargs)

    monkeypatch.setattr(web_views, "JsonResponse", answer)
    client.get("/healthz", HTTP_X_REQUEST_ID="abcdef123456")
    (entry,) = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert entry["message"] == "checking health" and entry["request_id"] == "abcdef123456"
    assert entry["level"] == "WARNING"


def test_log_format_json_or_text_and_nothing_else():
    json_config = logging_config(log_format="json", level="WARNING")
    assert json_config["handlers"]["console"]["formatter"] == "json"
    assert json_config["loggers"]["followthrough.requests"]["level"] == "INFO"
    text_config = logging_config(log_format="text", level="INFO")
    assert text_config["handlers"]["console"]["formatter"] == "text"
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT must be json or text"):
        logging_config(log_format="xml", level="INFO")


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("followthrough.flows", logging.INFO, __file__, 1, "ran", (), None)
    RequestIdFilter().filter(record)
    assert json.loads(JsonFormatter().format(record))["request_id"] == "-"
