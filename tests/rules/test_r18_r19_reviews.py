"""R18, R19: the review schedule over the employment, and what a review records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from policy_2022 import RegisterBuilder

from beschut_desktop.rules.dates import add_months
from beschut_desktop.rules.model import Register, Review
from beschut_desktop.rules.reviews import (
    employment_start,
    next_review_due,
    review_interval_months,
)
from beschut_desktop.store.store import Store
from beschut_desktop.wording import COACHING_TOPICS, REVIEW_SUBJECTS

D = dt.date
KNOWN = dt.date(2099, 12, 31)  # as of a day after everything in these registers


def _one(build: RegisterBuilder, start: dt.date, **values) -> tuple[int, int, int]:
    employer = build.employer("Hupak")
    person = build.indicated(start - dt.timedelta(days=90))
    return build.placement(person, employer, start, **values), person, employer


def _due(build: RegisterBuilder, placement_id: int) -> dt.date | None:
    register = build.load()
    return next_review_due(register, register.placement(placement_id), KNOWN)


def test_r18_first_review_six_months_after_start(build: RegisterBuilder) -> None:
    placement_id, _, _ = _one(build, D(2022, 3, 1))
    assert _due(build, placement_id) == D(2022, 9, 1)


def test_r18_month_end_clamps_31_august_to_february(build: RegisterBuilder) -> None:
    placement_id, _, _ = _one(build, D(2022, 3, 1))
    build.review(placement_id, D(2022, 8, 31))
    assert _due(build, placement_id) == D(2023, 2, 28)
    build.review(placement_id, D(2023, 8, 31))
    assert _due(build, placement_id) == D(2024, 2, 29)


def test_r18_two_year_boundary(build: RegisterBuilder) -> None:
    placement_id, _, _ = _one(build, D(2022, 3, 1))
    build.review(placement_id, D(2024, 2, 29))  # the day before the employment is two years old
    assert _due(build, placement_id) == D(2024, 8, 29)
    build.review(placement_id, D(2024, 3, 1))  # two years old: yearly from now on
    assert _due(build, placement_id) == D(2025, 3, 1)


def test_r18_renewal_with_same_employer_continues_the_clock(build: RegisterBuilder) -> None:
    first, person, employer = _one(build, D(2021, 1, 4), end=D(2022, 12, 31))
    build.review(first, D(2022, 12, 1))
    renewal = build.placement(person, employer, D(2023, 1, 1), previous_placement_id=first)
    register = build.load()
    assert employment_start(register, register.placement(renewal)) == D(2021, 1, 4)
    # Employment two years old on 4-1-2023; the last review (1-12-2022) was before that.
    assert _due(build, renewal) == D(2023, 6, 1)
    build.review(renewal, D(2023, 5, 30))
    assert _due(build, renewal) == D(2024, 5, 30)


def test_r18_new_employer_starts_a_new_employment(build: RegisterBuilder) -> None:
    first, person, _ = _one(build, D(2019, 1, 7), end=D(2022, 12, 31))
    build.review(first, D(2022, 6, 1))
    other = build.employer("Bakkerij Van der Veen")
    moved = build.placement(person, other, D(2023, 2, 1), previous_placement_id=first)
    register = build.load()
    assert employment_start(register, register.placement(moved)) == D(2023, 2, 1)
    assert _due(build, moved) == D(2023, 8, 1)


def test_r18_offer_not_started_has_no_review(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 1, 10))
    offer = build.placement(
        person, employer, None, offer_date=D(2022, 8, 1), offer_status="offered"
    )
    assert _due(build, offer) is None


def test_r18_intervals_are_settings(build: RegisterBuilder) -> None:
    placement_id, _, _ = _one(build, D(2022, 3, 1))
    build.store.save_settings({"review_interval_early_months": 4})
    assert _due(build, placement_id) == D(2022, 7, 1)


starts = st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=starts, offset_days=st.integers(min_value=0, max_value=6 * 365))
def test_r18_next_review_is_six_months_before_two_years_twelve_after(
    start: dt.date, offset_days: int
) -> None:
    previous = start + dt.timedelta(days=offset_days)
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "r.db", backups=False) as store,
    ):
        build = RegisterBuilder(store)
        employer = build.employer("Hupak")
        person = build.person()
        placement_id = build.placement(person, employer, start)
        if offset_days:
            build.review(placement_id, previous)
        register = store.load()
        due = next_review_due(register, register.placement(placement_id), KNOWN)
    two_years = add_months(start, 24)
    months = 6 if previous < two_years else 12
    assert due == add_months(previous, months)
    assert due > previous


@given(start=starts)
def test_r18_boundary_day_itself_counts_as_two_years_old(start: dt.date) -> None:
    two_years = add_months(start, 24)
    day_before = two_years - dt.timedelta(days=1)
    register = Register()
    assert review_interval_months(register, start, day_before) == 6
    assert review_interval_months(register, start, two_years) == 12


def test_r19_review_records_r18_subjects_and_r19_topics(build: RegisterBuilder) -> None:
    placement_id, _, _ = _one(build, D(2022, 3, 1))
    fields = {name: f"Verslag {name}" for name in [*REVIEW_SUBJECTS, *COACHING_TOPICS]}
    build.store.insert(
        "reviews", {"placement_id": placement_id, "review_date": D(2022, 9, 1), **fields}
    )
    review = build.load().reviews[0]
    assert len(COACHING_TOPICS) == 6
    assert set(COACHING_TOPICS) | set(REVIEW_SUBJECTS) <= {
        f.name for f in dataclasses.fields(Review)
    }
    assert all(getattr(review, name) == text for name, text in fields.items())
