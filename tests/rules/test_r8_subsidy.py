"""R8: wage-cost subsidy — minimum wage per period, flat rate, wage value, cap, allowance."""

from __future__ import annotations

import datetime as dt

import pytest
from policy_2022 import RegisterBuilder

from beschut_desktop.errors import UserError
from beschut_desktop.rules.subsidy import (
    flat_rate_end,
    minimum_wage_on,
    monthly_minimum_wage_cents,
    next_wage_value_assessment_due,
    subsidy_for_month,
)

D = dt.date
KNOWN = dt.date(2099, 12, 31)  # as of a day after everything in these registers
SEPTEMBER = D(2022, 9, 1)


def _placement(build: RegisterBuilder, start: dt.date = SEPTEMBER, **values):
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 6, 1))
    placement_id = build.placement(person, employer, start, **values)
    return placement_id, person, employer


def test_r8_minimum_wage_is_data_per_period(build: RegisterBuilder) -> None:
    register = build.load()
    assert minimum_wage_on(register, D(2022, 6, 30)).amount_cents == 172500
    assert minimum_wage_on(register, D(2022, 7, 1)).amount_cents == 175620
    assert minimum_wage_on(register, D(2024, 1, 1)).unit == "hour"
    assert minimum_wage_on(register, D(2021, 12, 31)) is None


def test_r8_monthly_minimum_wage_for_contract_hours(build: RegisterBuilder) -> None:
    register = build.load()
    # Monthly amount for a 36-hour week (setting) until 2024: 1,756.20 × 24 / 36.
    assert monthly_minimum_wage_cents(register, D(2022, 9, 1), 24) == 117080
    # Hourly since 2024: 13.27 × 24 × 52 / 12.
    assert monthly_minimum_wage_cents(register, D(2024, 2, 1), 24) == 138008
    with pytest.raises(UserError, match="geen wettelijk minimumloon ingevoerd voor 1-1-2021"):
        monthly_minimum_wage_cents(register, D(2021, 1, 1), 24)


def test_r8_flat_rate_month(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build)
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2022, 9)
    assert month.kind == "flat_rate"
    assert month.minimum_wage_cents == 117080
    # The policy: exactly 50% of the minimum wage, without holiday or employer-charges add-ons.
    assert month.base_cents == 58540
    assert month.employer_charges_cents == 0
    assert month.total_cents == 58540
    assert "forfaitair 50%" in month.explanation
    assert "€ 1.170,80" in month.explanation
    assert "totaal € 585,40" in month.explanation
    assert month.makeup == "forfaitair 50% van WML € 1.170,80"


def test_r8_flat_rate_for_at_most_four_months_then_assessment_due(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build)
    register = build.load()
    placement = register.placement(placement_id)
    assert flat_rate_end(register, placement, KNOWN) == D(2022, 12, 31)
    assert next_wage_value_assessment_due(register, placement, KNOWN) == D(2022, 12, 31)
    january = subsidy_for_month(register, placement, 2023, 1)
    assert (january.kind, january.total_cents) == ("none", 0)
    assert "nog geen loonwaardemeting" in january.explanation


def test_r8_flat_rate_percentage_and_months_are_settings(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build)
    build.store.save_settings({"flat_rate_months": 6, "flat_rate_percentage": 40.0})
    register = build.load()
    placement = register.placement(placement_id)
    assert flat_rate_end(register, placement, KNOWN) == D(2023, 2, 28)
    assert subsidy_for_month(register, placement, 2022, 9).base_cents == 46832  # 40% × 1,170.80


def test_r8_first_assessment_ends_flat_rate_early(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build)
    build.assessment(placement_id, D(2022, 11, 10), 40.0)
    register = build.load()
    assert flat_rate_end(register, register.placement(placement_id), KNOWN) == D(2022, 11, 9)


def test_r8_wage_value_month_part_and_whole(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build)
    build.assessment(placement_id, D(2023, 1, 16), 40.0)
    register = build.load()
    placement = register.placement(placement_id)
    # January 2023: 1-15 nothing (flat rate over), 16-31 (16/31) at 60% of WML incl. holiday
    # allowance: 1,934.40 × 24 / 36 = 1,289.60; × 1.08 = 1,392.768; × 0.6 = 835.6608.
    january = subsidy_for_month(register, placement, 2023, 1)
    assert january.kind == "wage_value"
    assert january.wage_value_percentage == 40.0
    assert january.base_cents == 43131
    assert january.employer_charges_cents == 10136
    february = subsidy_for_month(register, placement, 2023, 2)
    assert (february.base_cents, february.employer_charges_cents) == (83566, 19638)
    assert february.total_cents == 103204
    assert next_wage_value_assessment_due(register, placement, KNOWN) == D(2024, 1, 16)


def test_r8_subsidy_capped_at_seventy_percent_including_holiday_allowance(
    build: RegisterBuilder,
) -> None:
    placement_id, _, _ = _placement(build)
    build.assessment(placement_id, D(2022, 9, 1), 20.0)
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2022, 10)
    # 80% gap, capped at 70% of 1,264.464 = 885.1248.
    assert month.base_cents == 88512
    assert "begrensd op 70% van het WML" in month.explanation
    assert flat_rate_end(register, register.placement(placement_id), KNOWN) is None


def test_r8_part_month_is_pro_rata_per_calendar_day(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build, start=D(2022, 9, 15))
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2022, 9)
    assert month.base_cents == 31221  # 585.40 × 16 / 30
    assert "15-9-2022 t/m 30-9-2022 (16 van 30 dagen)" in month.explanation


def test_r8_no_subsidy_outside_the_contract(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build, end=D(2022, 10, 31))
    register = build.load()
    placement = register.placement(placement_id)
    assert subsidy_for_month(register, placement, 2022, 8).kind == "none"
    assert subsidy_for_month(register, placement, 2022, 11).total_cents == 0


def test_r8_renewal_continues_the_flat_rate_clock_new_employer_restarts(
    build: RegisterBuilder,
) -> None:
    first, person, employer = _placement(build, end=D(2022, 11, 30))
    renewal = build.placement(person, employer, D(2022, 12, 1), previous_placement_id=first)
    other = build.employer("Bakkerij Van der Veen")
    moved = build.placement(person, other, D(2023, 6, 1), previous_placement_id=renewal)
    register = build.load()
    assert flat_rate_end(register, register.placement(renewal), KNOWN) == D(2022, 12, 31)
    assert flat_rate_end(register, register.placement(moved), KNOWN) == D(2023, 9, 30)


def test_r8_decision_may_ask_more_often_than_yearly(build: RegisterBuilder) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 6, 1), wage_value_interval_months=6)
    placement_id = build.placement(person, employer, D(2022, 9, 1))
    build.assessment(placement_id, D(2022, 12, 1), 50.0)
    register = build.load()
    assert next_wage_value_assessment_due(register, register.placement(placement_id), KNOWN) == D(
        2023, 6, 1
    )


def test_r8_hourly_minimum_wage_since_2024(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build, start=D(2024, 1, 1))
    build.assessment(placement_id, D(2024, 1, 1), 50.0)
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2024, 7)
    # 13.68 × 24 × 52 / 12 = 1,422.72; × 1.08 = 1,536.5376; × 50% = 768.2688.
    assert month.minimum_wage_cents == 142272
    assert month.base_cents == 76827
    assert month.employer_charges_cents == 18054


def test_r8_month_with_a_late_first_assessment_is_named_after_what_pays(
    build: RegisterBuilder,
) -> None:
    placement_id, _, _ = _placement(build, start=D(2022, 1, 3))
    build.assessment(placement_id, D(2022, 9, 23), 40)
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2022, 9)
    assert month.total_cents > 0
    assert month.kind == "wage_value"


def test_r8_flat_rate_is_exactly_half_the_minimum_wage_for_march_2023(
    build: RegisterBuilder,
) -> None:
    placement_id, _, _ = _placement(build, start=D(2023, 3, 1), hours_per_week=36)
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2023, 3)
    assert month.kind == "flat_rate"
    assert month.total_cents == 96720  # 50% of € 1.934,40, not € 1.290,06


def test_r8_flat_rate_add_ons_are_a_setting_off_by_default(build: RegisterBuilder) -> None:
    placement_id, _, _ = _placement(build, start=D(2023, 3, 1), hours_per_week=36)
    build.store.save_settings({"flat_rate_with_add_ons": True})
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2023, 3)
    assert month.total_cents == 129006  # 967.20 × 1.08 × 1.235
    assert "vakantiebijslag" in month.makeup and "23,5% werkgeverslasten" in month.makeup


def test_r8_months_after_assessment_keep_holiday_allowance_and_charges(
    build: RegisterBuilder,
) -> None:
    placement_id, _, _ = _placement(build, start=D(2023, 3, 1), hours_per_week=36)
    build.assessment(placement_id, D(2023, 5, 1), 40.0)
    register = build.load()
    month = subsidy_for_month(register, register.placement(placement_id), 2023, 5)
    assert month.kind == "wage_value"
    assert month.employer_charges_cents > 0
    assert "8% vakantiebijslag" in month.makeup


def test_r8_subsidy_month_uses_only_assessments_known_on_the_date(
    build: RegisterBuilder,
) -> None:
    placement_id, _, _ = _placement(build, start=D(2023, 3, 1), hours_per_week=36)
    build.assessment(placement_id, D(2023, 5, 10), 40.0)
    register = build.load()
    placement = register.placement(placement_id)
    before = subsidy_for_month(register, placement, 2023, 5, D(2023, 5, 5))
    assert before.kind == "flat_rate" and before.wage_value_percentage is None
    assert flat_rate_end(register, placement, D(2023, 5, 5)) == D(2023, 6, 30)
    assert flat_rate_end(register, placement, D(2023, 5, 10)) == D(2023, 5, 9)


def test_r8_case_file_prints_the_makeup_and_equal_months_as_one_period(
    build: RegisterBuilder,
) -> None:
    import io

    from pypdf import PdfReader

    from beschut_desktop.documents.case_file import build_case_file

    placement_id, person, _ = _placement(build, start=D(2023, 3, 1), hours_per_week=36)
    build.assessment(placement_id, D(2023, 7, 1), 40.0)
    register = build.load()
    pdf = build_case_file(register, person, [], D(2024, 6, 30))
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = " ".join(
        " ".join((p.extract_text() or "").replace("\u00a0", " ").split()) for p in pages
    )
    assert "maart 2023 t/m juni 2023 Forfaitair 50% van WML € 1.934,40" in text
    assert "4 × € 967,20" in text
    assert "+ 23,5% werkgeverslasten" in text
    assert text.count("t/m") >= 2  # flat-rate months and the months after the assessment
