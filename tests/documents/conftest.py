"""Fixtures of the document tests: the September 2022 register of ``document_data``."""

from __future__ import annotations

from pathlib import Path

import pytest
from document_data import Policy2022, fill_policy_2022

from beschut_desktop.store.store import Store


@pytest.fixture
def policy(store: Store, register_path: Path) -> Policy2022:
    return fill_policy_2022(store, register_path)
