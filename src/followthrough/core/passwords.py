"""A password check Django's similarity check misses: a password that contains the account's
username ("victim2victim2" is only 67% like "victim2", under Django's 70% threshold)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

SHORTEST_CHECKED = 3  # shorter usernames appear inside ordinary words


class UsernameNotInPasswordValidator:
    def validate(self, password: str, user: Any = None) -> None:
        username = str(getattr(user, "username", "") or "").casefold()
        if len(username) >= SHORTEST_CHECKED and username in password.casefold():
            raise ValidationError(
                "Your password must not contain your username", code="password_has_username"
            )

    def get_help_text(self) -> str:
        return "Your password must not contain your username."
