"""Smaller guards found by probing (issue 12, item 14): the audit export's every text cell stays
text in a spreadsheet, a password may not contain its own username, and production refuses a
wildcard host."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from followthrough.auditlog.exports import audit_csv
from followthrough.auditlog.selectors import Entry
from tests.conftest import production_env


def test_every_text_cell_of_the_audit_export_stays_text():
    from django.utils import timezone

    entry = Entry(
        at=timezone.now(),
        user="=HYPERLINK(1)",
        organisations="+cmd|' /C calc'!A0",
        model="@Action",
        object_id=1,
        object_label="-1+1",
        action="=changed",
        changes=[],
    )
    row = audit_csv([entry]).splitlines()[1]
    for cell in ("=HYPERLINK", "+cmd", "@Action", "-1+1", "=changed"):
        assert f",{cell}" not in row and not row.startswith(cell), row


@pytest.mark.parametrize("password", ["victim2victim2", "Victim2-and-more-words", "xx-VICTIM2-xx"])
def test_a_password_may_not_contain_the_username(db, password):
    user = get_user_model()(username="victim2", email="someone@example.invalid")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user=user)
    assert "Your password must not contain your username" in " ".join(refused.value.messages)


def test_a_password_unlike_the_username_is_accepted(db):
    user = get_user_model()(username="victim2", email="someone@example.invalid")
    validate_password("correct-horse-battery-staple", user=user)


def test_production_refuses_a_wildcard_host(tmp_path):
    env = production_env(tmp_path, ALLOWED_HOSTS="followthrough.example,*")
    result = subprocess.run(
        [sys.executable, "-m", "followthrough", "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name the site's host names, not *" in result.stderr
