"""R7, R8 and R20 for the controller: the year's budget, subsidy and the durability of placements.

Every figure below is computed by hand from the minimum wage data and the policy's settings.
"""

from __future__ import annotations

import datetime as dt

from policy_2022 import RegisterBuilder, build_policy_2022

from beschut_desktop.rules.durability import durability, employments, end_reasons
from beschut_desktop.rules.finance import finance_year, finance_years
from beschut_desktop.store.store import Store

D = dt.date
OCTOBER = D(2022, 10, 15)


def _two_placements(build: RegisterBuilder) -> tuple[int, int]:
    """A private employer (category b) on a flat rate from 1 September 2022, 24 hours; the
    municipality with a wage value of 60% from 1 January 2022, 36 hours."""
    hupak = build.employer("Hupak")
    town = build.employer("Gemeente Staphorst", "municipality")
    flat = build.placement(build.indicated(D(2022, 6, 1)), hupak, D(2022, 9, 1), hours=24.0)
    assessed = build.placement(build.indicated(D(2021, 6, 1)), town, D(2022, 1, 1), hours=36.0)
    build.assessment(assessed, D(2022, 1, 1), 60.0)
    return flat, assessed


def test_r7_coaching_budget_of_the_year_from_quota_and_amount(store: Store) -> None:
    build_policy_2022(store)
    year = finance_year(store.load(), 2022, D(2022, 9, 6))
    # 6 places × € 8.100 = € 48.600; 6 × 31 = 186 hours; the policy's placements use 159.5.
    assert year.budget.amount_cents == 4_860_000
    assert year.budget.available_hours == 186
    assert year.budget.used_hours == 159.5
    assert year.budget.remaining_hours == 26.5


def test_r8_subsidy_realised_and_forecast_per_placement(build: RegisterBuilder) -> None:
    flat, assessed = _two_placements(build)
    year = finance_year(build.load(), 2022, OCTOBER)
    by_id = {p.placement.id: p for p in year.placements}
    # Flat rate: 50% of € 1.756,20 × 24/36 = € 585,40 a month, September to December.
    assert by_id[flat].realised_cents == 2 * 58_540
    assert by_id[flat].forecast_cents == 2 * 58_540
    # Wage value 60%: (WML × 1,08) × 40% plus 23,5% employer charges.
    # January–June: 1.725,00 × 1,08 × 0,4 = 745,20 + 175,12 = 920,32.
    # July–December: 1.756,20 × 1,08 × 0,4 = 758,68 + 178,29 = 936,97.
    assert by_id[assessed].realised_cents == 6 * 92_032 + 4 * 93_697
    assert by_id[assessed].forecast_cents == 2 * 93_697
    assert year.realised_cents == 2 * 58_540 + 6 * 92_032 + 4 * 93_697


def test_r8_totals_per_employer_kind_and_per_month(build: RegisterBuilder) -> None:
    _two_placements(build)
    year = finance_year(build.load(), 2022, OCTOBER)
    groups = year.by_group()
    assert groups["private_b"] == (2 * 58_540, 2 * 58_540)
    assert groups["municipality"] == (6 * 92_032 + 4 * 93_697, 2 * 93_697)
    assert groups["sw_company"] == (0, 0) and groups["private_a"] == (0, 0)
    months = year.by_month()
    assert months[0] == (1, 92_032, 0)
    assert months[8] == (9, 93_697 + 58_540, 0)
    assert months[11] == (12, 0, 93_697 + 58_540)


def test_r8_forecast_leaves_out_ended_and_future_placements(build: RegisterBuilder) -> None:
    hupak = build.employer("Hupak")
    ended = build.placement(
        build.indicated(D(2022, 1, 3)), hupak, D(2022, 5, 1), D(2022, 8, 31), hours=24.0
    )
    build.placement(build.indicated(D(2022, 1, 4)), hupak, D(2022, 11, 1), hours=24.0)
    year = finance_year(build.load(), 2022, OCTOBER)
    assert [p.placement.id for p in year.placements] == [ended]
    # May–August: 50% of the WML for 24 hours, € 575,00 in May and June, € 585,40 after.
    assert year.realised_cents == 2 * 57_500 + 2 * 58_540
    assert year.forecast_cents == 0


def test_r8_finance_as_of_a_later_fact_does_not_change_an_earlier_answer(
    build: RegisterBuilder,
) -> None:
    flat, _ = _two_placements(build)
    before = finance_year(build.load(), 2022, OCTOBER)
    build.assessment(flat, D(2022, 11, 1), 30.0)
    town = build.employer("Later B.V.")
    build.placement(build.indicated(D(2022, 3, 1)), town, D(2022, 9, 1), offer_date=D(2022, 11, 20))
    after = finance_year(build.load(), 2022, OCTOBER)
    assert (after.realised_cents, after.forecast_cents) == (
        before.realised_cents,
        before.forecast_cents,
    )
    assert len(after.placements) == len(before.placements)


def test_r7_r8_years_side_by_side(build: RegisterBuilder) -> None:
    _two_placements(build)
    years = finance_years(build.load(), OCTOBER)
    assert [y.year for y in years] == [2022]
    assert years[0].budget.amount_cents == 4_860_000


def test_r20_durability_counts_an_employment_with_its_renewals_once(
    build: RegisterBuilder,
) -> None:
    sw = build.employer("Reestmond", "sw_company", category="a")
    private_a = build.employer("Hupak", category="a")
    town = build.employer("Gemeente", "municipality")
    first = build.placement(
        build.indicated(D(2019, 6, 1)), sw, D(2020, 3, 1), D(2021, 2, 28), outcome="renewed"
    )
    person = build.load().placement(first).person_id
    second = build.placement(
        person, sw, D(2021, 3, 1), D(2022, 2, 28), previous_placement_id=first, outcome="permanent"
    )
    build.placement(
        person, sw, D(2022, 3, 1), previous_placement_id=second, contract_type="permanent"
    )
    build.placement(
        build.indicated(D(2019, 7, 1)),
        private_a,
        D(2020, 6, 1),
        D(2020, 11, 30),
        outcome="dismissed",
        end_reason="Ontslag in de proeftijd",
    )
    build.placement(build.indicated(D(2019, 8, 1)), sw, D(2020, 10, 1), D(2021, 9, 30))
    build.placement(build.indicated(D(2021, 8, 1)), town, D(2022, 1, 1))
    on = D(2022, 9, 6)
    register = build.load()
    assert len(employments(register, on)) == 4
    rows = {(r.start_year, r.group): r for r in durability(register, on)}
    sw_2020 = rows[(2020, "sw_company")]
    assert sw_2020.started == 2
    # Both are older than 12 months; only the renewed one still ran after 12 months.
    assert (sw_2020.known_12, sw_2020.running_12) == (2, 1)
    # Started 1 October 2020: 24 months later is after the peildatum, so it is left out.
    assert (sw_2020.known_24, sw_2020.running_24) == (1, 1)
    assert sw_2020.converted == 1
    assert sw_2020.ended == 1
    a_2020 = rows[(2020, "private_a")]
    assert (a_2020.started, a_2020.known_12, a_2020.running_12, a_2020.ended) == (1, 1, 0, 1)
    town_2022 = rows[(2022, "municipality")]
    assert (town_2022.started, town_2022.known_12, town_2022.known_24) == (1, 0, 0)
    assert end_reasons(register, on) == [
        ("Geen reden vastgelegd", 1),
        ("Ontslag in de proeftijd", 1),
    ]


def test_r20_an_employment_with_a_renewal_planned_has_not_ended(build: RegisterBuilder) -> None:
    hupak = build.employer("Hupak")
    first = build.placement(build.indicated(D(2019, 7, 1)), hupak, D(2021, 9, 1), D(2022, 8, 31))
    person = build.load().placement(first).person_id
    build.placement(person, hupak, D(2022, 10, 1), previous_placement_id=first)
    rows = durability(build.load(), D(2022, 9, 6))
    assert [(r.started, r.ended) for r in rows if r.started] == [(1, 0)]


def test_r20_durability_as_of_ignores_an_outcome_recorded_later(build: RegisterBuilder) -> None:
    hupak = build.employer("Hupak")
    build.placement(
        build.indicated(D(2019, 7, 1)),
        hupak,
        D(2020, 6, 1),
        D(2021, 5, 31),
        outcome="ended",
        end_reason="Werkgever gestopt",
        outcome_date=D(2023, 1, 5),
    )
    register = build.load()
    assert end_reasons(register, D(2022, 9, 6)) == [("Geen reden vastgelegd", 1)]
    assert end_reasons(register, D(2023, 2, 1)) == [("Werkgever gestopt", 1)]
