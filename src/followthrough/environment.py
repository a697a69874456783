"""Reading settings from the environment: each reader says plainly which variable is wrong and
what it should look like, so a misconfigured server stops at start-up instead of misbehaving."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    return [v.strip() for v in value.split(",") if v.strip()] if value else default


def env_days(name: str, default: list[int]) -> list[int]:
    """Three rising numbers of days, as the escalation ladders take them."""
    try:
        days = [int(v) for v in env_list(name, [str(d) for d in default])]
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be three whole numbers like 30,90,180") from exc
    if len(days) != 3 or days != sorted(days) or days[0] < 1:
        raise ImproperlyConfigured(f"{name} must be three rising whole numbers like 30,90,180")
    return days
