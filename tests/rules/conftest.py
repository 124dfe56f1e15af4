"""Fixtures of the rule tests: a builder on the fresh register of every test."""

from __future__ import annotations

import pytest
from policy_2022 import RegisterBuilder

from beschut_desktop.store.store import Store


@pytest.fixture
def build(store: Store) -> RegisterBuilder:
    return RegisterBuilder(store)
