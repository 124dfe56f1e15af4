"""Fixtures for the exchange tests: a fresh register per test and a consultant's own list."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import TODAY, good_sheets, write_xlsx

from beschut_desktop.store.store import Store


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "lijst.xlsx", good_sheets())


@pytest.fixture
def fresh_store(tmp_path: Path):
    opened = Store.open(tmp_path / "register.db", today=TODAY)
    yield opened
    opened.close()
