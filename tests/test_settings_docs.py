"""Every environment variable the settings read is documented in docs/settings.md."""

import re
from pathlib import Path

import followthrough.settings as settings_module

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_read_from_the_environment_is_documented():
    source = Path(settings_module.__file__).read_text()
    names = set(
        re.findall(r"""env_\w+\(\s*"([A-Z_]+)"|os\.environ\.get\(\s*"([A-Z_]+)\"""", source)
    )
    read = {a or b for a, b in names}
    documented = set(re.findall(r"`([A-Z_]+)`", (ROOT / "docs" / "settings.md").read_text()))
    assert read, "no settings found: the pattern no longer matches settings.py"
    assert read <= documented, f"undocumented settings: {sorted(read - documented)}"


def test_production_refuses_unsafe_settings(monkeypatch):
    import importlib

    import pytest
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("FOLLOWTHROUGH_PRODUCTION", "true")
    monkeypatch.setenv("DEBUG", "false")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("ALLOWED_HOSTS", "followthrough.example")
    try:
        with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
            importlib.reload(settings_module)
        monkeypatch.setenv("SECRET_KEY", "x" * 50)
        monkeypatch.setenv("DEBUG", "true")
        with pytest.raises(ImproperlyConfigured, match="DEBUG"):
            importlib.reload(settings_module)
        monkeypatch.setenv("DEBUG", "false")
        monkeypatch.delenv("ALLOWED_HOSTS")
        with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
            importlib.reload(settings_module)
    finally:
        monkeypatch.undo()
        importlib.reload(settings_module)
