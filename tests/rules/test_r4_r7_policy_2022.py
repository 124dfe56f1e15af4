"""R4, R7, R9: the September 2022 figures of the policy rule, reproduced from stored data."""

from __future__ import annotations

from policy_2022 import SEPTEMBER_2022, build_policy_2022

from beschut_desktop.formatting import hours, money
from beschut_desktop.rules.budget import coaching_budget
from beschut_desktop.rules.quota import queue, quota_status
from beschut_desktop.store.store import Store


def test_r7_policy_2022_coaching_hours_and_budget(store: Store) -> None:
    build_policy_2022(store)
    budget = coaching_budget(store.load(), SEPTEMBER_2022)
    assert budget.quota == 6
    assert budget.amount_per_place_cents == 810000
    assert budget.available_hours == 186
    assert budget.used_hours == 159.5
    assert budget.remaining_hours == 26.5
    assert budget.amount_cents == 4_860_000
    assert money(budget.amount_cents) == "€ 48.600,00"
    assert hours(budget.remaining_hours) == "26,5 uur"
    assert budget.used_by_employer_kind == {"sw_company": 69, "municipality": 32, "private": 58.5}


def test_r9_policy_2022_realised_places_by_employer_kind(store: Store) -> None:
    build_policy_2022(store)
    status = quota_status(store.load(), SEPTEMBER_2022)
    assert status.quota == 6
    assert status.realised == 7
    assert status.realised_by_kind == {"sw_company": 3, "municipality": 1, "private": 3}
    assert status.open_places == 0


def test_r4_policy_2022_no_one_left_to_place(store: Store) -> None:
    build_policy_2022(store)
    assert queue(store.load(), SEPTEMBER_2022) == []


def test_r7_amount_is_data_of_the_year_not_a_constant(store: Store) -> None:
    build_policy_2022(store)
    store.insert("quota_years", {"year": 2021, "quota": 6, "amount_per_place_cents": 791000})
    budget = coaching_budget(store.load(), SEPTEMBER_2022.replace(year=2021))
    assert budget.amount_cents == 6 * 791000
    assert money(budget.amount_cents) == "€ 47.460,00"
