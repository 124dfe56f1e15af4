"""Fixtures of the letter tests: the register of ``letter_data``."""

from __future__ import annotations

from pathlib import Path

import pytest
from letter_data import LetterCase, fill_letter_case

from beschut_desktop.store.store import Store


@pytest.fixture
def case(store: Store, register_path: Path) -> LetterCase:
    return fill_letter_case(store, register_path)
