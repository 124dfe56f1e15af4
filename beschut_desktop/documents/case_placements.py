"""The placements part of a case file: contracts, checks, reviews, wage value and subsidy."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, KeepTogether, Spacer

from beschut_desktop.documents import style
from beschut_desktop.documents.common import (
    CHECK_HEADER,
    CHECK_WIDTHS,
    check_rows,
    coach_name,
    contract_text,
    employer_name,
    month_label,
)
from beschut_desktop.errors import UserError
from beschut_desktop.formatting import money, percentage, short_date
from beschut_desktop.rules.contract import check_contract
from beschut_desktop.rules.model import Person, Placement, Register
from beschut_desktop.rules.results import SubsidyMonth
from beschut_desktop.rules.reviews import next_review_due
from beschut_desktop.rules.subsidy import (
    flat_rate_end,
    next_wage_value_assessment_due,
    subsidy_for_month,
)
from beschut_desktop.wording import COACHING_TOPICS, REVIEW_SUBJECTS, label, value_label

SUBSIDY_KINDS = {"flat_rate": "Forfaitair", "wage_value": "Loonwaarde", "none": "Geen"}
SUPPORTS = [
    "support_physical",
    "support_task_split",
    "support_supervision",
    "support_pace",
    "support_hours",
]


def placements_section(register: Register, person: Person, on: dt.date) -> list[Flowable]:
    story: list[Flowable] = [style.heading("Plaatsingen")]
    placements = register.placements_of(person.id)
    if not placements:
        story.append(style.text("Geen plaatsing of aanbod vastgelegd.", "hint"))
    for number, placement in enumerate(placements, start=1):
        story += _placement(register, placement, on, number)
    return story


def _placement(
    register: Register, placement: Placement, on: dt.date, number: int
) -> list[Flowable]:
    employer = employer_name(register, placement.employer_id)
    status = value_label("offer_status", placement.offer_status)
    head = style.heading(
        f"{number}. {employer} — {placement.job_title or 'functie onbekend'}", level=2
    )
    supports = [label(s) for s in SUPPORTS if getattr(placement, s)]
    pairs: list[tuple[str, object]] = [
        ("Aanbod", f"{status}, {short_date(placement.offer_date) or 'datum onbekend'}"),
        ("Contract", contract_text(placement)),
        ("Begeleider", coach_name(register, placement)),
        ("Proefplaatsing vooraf", style.yes_no(placement.trial_before)),
        ("Ondersteunende voorzieningen", ", ".join(supports) or "geen"),
        ("Ontwikkelplan opgesteld", short_date(placement.development_plan_date) or "nog niet"),
    ]
    if placement.start_date is not None:
        pairs.append(
            ("Volgend voortgangsgesprek", short_date(next_review_due(register, placement, on)))
        )
    if placement.outcome:
        pairs.append(
            (
                "Afloop",
                value_label("placement_outcome", placement.outcome)
                + (f": {placement.end_reason}" if placement.end_reason else ""),
            )
        )
    if placement.offer_motivation:
        pairs.append(("Motivering aanbod", placement.offer_motivation))
    if placement.job_description:
        pairs.append(("Functie- en taakomschrijving", placement.job_description))
    if placement.support_notes:
        pairs.append(("Toelichting voorzieningen", placement.support_notes))
    story: list[Flowable] = [head, style.facts(pairs, label_width=0.3)]
    check = check_contract(register, placement, on)
    story.append(
        KeepTogether(
            [
                style.text("Contractcontrole", "h2"),
                style.table(CHECK_HEADER, check_rows(check.items), CHECK_WIDTHS),
            ]
        )
    )
    goals = register.goals_of(placement.id)
    if goals:
        story.append(style.text("Ontwikkeldoelen", "h2"))
        story.append(
            style.table(
                ["Doel", "Status"],
                [[g.goal, value_label("goal_status", g.status)] for g in goals],
                [0.8, 0.2],
            )
        )
    story += _reviews(register, placement)
    story += _wage_value(register, placement, on)
    story += _subsidy(register, placement, on)
    story.append(Spacer(1, 6))
    return story


def _reviews(register: Register, placement: Placement) -> list[Flowable]:
    reviews = register.reviews_of(placement.id)
    if not reviews:
        return [
            style.text("Voortgangsgesprekken", "h2"),
            style.text("Nog geen voortgangsgesprek vastgelegd.", "hint"),
        ]
    rows = []
    for review in reviews:
        parts = [
            f"<b>{style.esc(label(f))}:</b> {style.esc(getattr(review, f))}"
            for f in [*REVIEW_SUBJECTS, *COACHING_TOPICS, "notes"]
            if getattr(review, f)
        ]
        summary = style.rich("<br/>".join(parts) or "Geen verslag vastgelegd.", "cell")
        rows.append([short_date(review.review_date), review.participants or "", summary])
    return [
        style.text("Voortgangsgesprekken", "h2"),
        style.table(["Datum", "Aanwezig", "Verslag"], rows, [0.11, 0.19, 0.70]),
    ]


def _wage_value(register: Register, placement: Placement, on: dt.date) -> list[Flowable]:
    assessments = register.assessments_of(placement.id)
    story: list[Flowable] = [style.text("Loonwaarde", "h2")]
    if assessments:
        story.append(
            style.table(
                ["Datum meting", "Loonwaarde", "Uitgevoerd door", "Notities"],
                [
                    [
                        short_date(a.assessment_date),
                        percentage(a.wage_value_percentage),
                        a.assessor or "",
                        a.notes or "",
                    ]
                    for a in assessments
                ],
                [0.15, 0.13, 0.24, 0.48],
                right=[1],
            )
        )
    else:
        story.append(style.text("Nog geen loonwaardemeting vastgelegd.", "hint"))
    due = next_wage_value_assessment_due(register, placement, on)
    if due:
        story.append(style.text(f"Volgende loonwaardemeting uiterlijk {short_date(due)}.", "small"))
    return story


def _months(placement: Placement, on: dt.date) -> list[tuple[int, int]]:
    """Calendar months from the start up to the report date (or the contract's end)."""
    if placement.start_date is None or placement.start_date > on:
        return []
    last = min(on, placement.end_date) if placement.end_date else on
    year, month = placement.start_date.year, placement.start_date.month
    months = []
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _subsidy(register: Register, placement: Placement, on: dt.date) -> list[Flowable]:
    months = _months(placement, on)
    story: list[Flowable] = [style.text("Loonkostensubsidie per maand (berekend)", "h2")]
    periods = sorted(
        (s for s in register.subsidy_periods if s.placement_id == placement.id),
        key=lambda s: s.start_date,
    )
    if periods:
        story.append(
            style.text(
                "Toegekend: "
                + "; ".join(
                    f"{value_label('subsidy_kind', s.kind).lower()} vanaf {short_date(s.start_date)}"
                    + (f" t/m {short_date(s.end_date)}" if s.end_date else "")
                    for s in periods
                )
                + ".",
                "small",
            )
        )
    end = flat_rate_end(register, placement, on)
    if end:
        story.append(style.text(f"Forfaitaire subsidie tot en met {short_date(end)}.", "small"))
    if not months:
        story.append(style.text("Nog geen maanden om te berekenen.", "hint"))
        return story
    groups: list[_Period] = []
    for year, month in months:
        try:
            result = subsidy_for_month(register, placement, year, month, on)
        except UserError as error:  # e.g. no minimum wage entered for that month
            groups.append(_Period(year, month, None, error.message))
            continue
        if groups and groups[-1].extends(result):
            groups[-1].add(year, month)
        else:
            groups.append(_Period(year, month, result, _makeup(result)))
    story.append(_subsidy_table(groups))
    return story


def _makeup(result: SubsidyMonth) -> str:
    text = result.makeup[:1].upper() + result.makeup[1:]
    return text.replace("€ ", "€\u00a0")  # an amount never breaks after its euro sign


class _Period:
    """A run of consecutive months with the same amount made up the same way: one row."""

    def __init__(self, year: int, month: int, result: SubsidyMonth | None, text: str) -> None:
        self.first = self.last = (year, month)
        self.count = 1
        self.result = result
        self.text = text

    def extends(self, result: SubsidyMonth) -> bool:
        mine = self.result
        return (
            mine is not None
            and mine.makeup == result.makeup
            and mine.kind == result.kind
            and mine.base_cents == result.base_cents
            and mine.employer_charges_cents == result.employer_charges_cents
        )

    def add(self, year: int, month: int) -> None:
        self.last = (year, month)
        self.count += 1

    def label(self) -> str:
        first = month_label(*self.first)
        return first if self.count == 1 else f"{first} t/m {month_label(*self.last)}"


def _subsidy_table(groups: list[_Period]) -> Flowable:
    rows: list[list[object]] = []
    total = charges = base = 0
    missing = False
    for group in groups:
        result = group.result
        if result is None:
            missing = True
            rows.append([group.label(), style.text(group.text, "small"), "", "", "", ""])
            continue
        base += result.base_cents * group.count
        charges += result.employer_charges_cents * group.count
        total += result.total_cents * group.count
        per_month = money(result.total_cents)
        rows.append(
            [
                group.label(),
                style.text(group.text, "small"),
                money(result.base_cents),
                money(result.employer_charges_cents),
                per_month if group.count == 1 else f"{group.count} × {per_month}",
                money(result.total_cents * group.count),
            ]
        )
    rows.append(
        [
            "Totaal" + (" (zonder de maanden zonder berekening)" if missing else ""),
            "",
            money(base),
            money(charges),
            "",
            money(total),
        ]
    )
    return style.table(
        ["Periode", "Opbouw per maand", "Subsidie", "Lasten\nwerkgever", "Per maand", "Totaal"],
        rows,
        [0.15, 0.34, 0.12, 0.13, 0.13, 0.13],
        right=[2, 3, 4, 5],
        bold_rows=[len(rows) - 1],
    )
