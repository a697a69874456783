"""Logs: one JSON object a line in production (or plain text), each carrying the id of the request
it was written in; the web's RequestIdMiddleware sets the id, pure stdlib here."""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ImproperlyConfigured

# The request being served, as the middleware sets it; "-" outside a request (worker, commands).
request_id: ContextVar[str] = ContextVar("request_id", default="-")

# What a request's own line adds, as attributes of the record (`extra=`), when present.
REQUEST_FIELDS = ("user_id", "method", "path", "status", "duration_ms")


class RequestIdFilter(logging.Filter):
    """Stamps every record with the current request's id, for either format."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id and, on a request's own
    line, the user's id (never a name), method, path, status and duration in milliseconds."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def logging_config(*, log_format: str, level: str) -> dict[str, Any]:
    """The LOGGING setting: everything to standard error for the platform to collect; a line per
    request (logger `followthrough.requests`) only in JSON, where nothing else writes one."""
    if log_format not in {"json", "text"}:
        raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "json": {"()": JsonFormatter},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "followthrough.requests": {"level": "INFO" if log_format == "json" else "WARNING"}
        },
    }
