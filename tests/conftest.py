"""Shared fixtures: a fresh register file per test (a real SQLite file, never a mock)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from beschut_desktop.store.store import Store  # noqa: E402


@pytest.fixture
def register_path(tmp_path: Path) -> Path:
    return tmp_path / "register.db"


@pytest.fixture
def store(register_path: Path):
    opened = Store.open(register_path, today=dt.date(2022, 9, 6))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the default register, logs and QSettings of tests out of the user's real folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
