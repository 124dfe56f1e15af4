"""Financieel overzicht: what beschut werk costs in a year, and whether placements last.

For the controller: a summary page (the coaching budget, R7, and the wage-cost subsidy, R8,
kept apart; the subsidy realised up to the peildatum and forecast to the year's end with the
forecast's assumptions; per employer kind and per month; a chart over the years), the
durability of the employments per start year (R20), then an appendix per placement whose
monthly figures are the case file's. Persons appear by case number and initials only.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from beschut_desktop.documents import page, style
from beschut_desktop.documents.common import month_label
from beschut_desktop.documents.finance_appendix import appendix
from beschut_desktop.documents.finance_chart import years_chart
from beschut_desktop.formatting import hours, long_date, money, number, short_date
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.durability import durability, end_reasons
from beschut_desktop.rules.finance import (
    EMPLOYER_GROUPS,
    FORECAST_ASSUMPTIONS,
    GROUP_LABELS,
    FinanceYear,
    finance_years,
)
from beschut_desktop.rules.model import Register

TITLE = "Financieel overzicht"


def build_finance_report(register: Register, on: dt.date, year: int | None = None) -> bytes:
    register = known_on(register, on)  # as of means as of: nothing dated after ``on``
    year = year or on.year
    years = finance_years(register, on, year)
    current = next(y for y in years if y.year == year)
    story: list[Flowable] = []
    story += style.title_block(f"{TITLE} {year}", f"Stand op {long_date(on)}")
    story += summary(current)
    story.append(
        KeepTogether(
            [
                style.text("Begeleidingsbudget en loonkostensubsidie per jaar", "h1"),
                years_chart(years),
                years_table(years),
            ]
        )
    )
    story.append(PageBreak())
    story += durability_part(register, on)
    story.append(PageBreak())
    story += appendix(current)
    return page.render(
        story,
        title=f"{TITLE} {year}",
        subject=f"Begeleidingsbudget, loonkostensubsidie en duurzaamheid op {long_date(on)}",
        settings=register.settings,
    )


def _realised_until(year: FinanceYear) -> str:
    on = year.on
    if year.year < on.year:
        return f"Gerealiseerd {year.year}"
    if year.year > on.year:
        return "Gerealiseerd"
    return f"Gerealiseerd t/m {month_label(on.year, on.month)}"


def summary(year: FinanceYear) -> list[Flowable]:
    budget = year.budget
    story: list[Flowable] = []
    if budget.message:
        story.append(style.notice(f"Let op: {budget.message}.", "warn"))
    budget_facts = style.facts(
        [
            ("Taakstelling", number(budget.quota) if budget.quota is not None else "onbekend"),
            ("Bedrag per plek", money(budget.amount_per_place_cents) or "onbekend"),
            (f"Budget {year.year}", money(budget.amount_cents) or "onbekend"),
            ("Beschikbare uren per week", hours(budget.available_hours) or "onbekend"),
            (f"Gebruikte uren op {short_date(budget.on)}", hours(budget.used_hours)),
            ("Resterende uren per week", hours(budget.remaining_hours) or "onbekend"),
        ],
        label_width=0.6,
        width=style.HALF_WIDTH,
    )
    subsidy_facts = style.facts(
        [
            ("Plaatsingen met subsidie", number(len(year.placements))),
            (_realised_until(year), money(year.realised_cents)),
            ("Prognose rest van het jaar", money(year.forecast_cents)),
            (f"Verwacht totaal {year.year}", money(year.subsidy_cents)),
        ],
        label_width=0.6,
        width=style.HALF_WIDTH,
    )
    story.append(
        style.side_by_side(
            [style.text("Begeleidingsbudget (R7)", "h1"), budget_facts],
            [style.text("Loonkostensubsidie (R8)", "h1"), subsidy_facts],
        )
    )
    story.append(
        style.text(
            "Twee verschillende geldstromen: het begeleidingsbudget komt uit het "
            "participatiebudget (taakstelling × bedrag per plek), de loonkostensubsidie wordt "
            "betaald uit het BUIG-budget (uitkeringen). De subsidie is per plaatsing per maand "
            "berekend, zoals in het dossier.",
            "hint",
        )
    )
    story.append(style.text("Aannames van de prognose", "h2"))
    for assumption in FORECAST_ASSUMPTIONS:
        story.append(style.text(f"• {assumption}", "small"))
    for problem in year.problems:
        story.append(style.notice(f"Niet berekend: {problem}", "warn"))
    story.append(style.text("Per soort werkgever", "h2"))
    story.append(group_table(year))
    story.append(style.text("Per maand", "h2"))
    story.append(month_table(year))
    return story


def group_table(year: FinanceYear) -> Flowable:
    totals = year.by_group()
    counts = {g: sum(p.group == g for p in year.placements) for g in EMPLOYER_GROUPS}
    rows: list[list[object]] = [
        [
            GROUP_LABELS[g],
            number(counts[g]),
            money(totals[g][0]),
            money(totals[g][1]),
            money(sum(totals[g])),
        ]
        for g in EMPLOYER_GROUPS
    ]
    rows.append(
        [
            "Totaal",
            number(len(year.placements)),
            money(year.realised_cents),
            money(year.forecast_cents),
            money(year.subsidy_cents),
        ]
    )
    return style.table(
        ["Soort werkgever", "Plaatsingen", "Gerealiseerd", "Prognose", "Totaal"],
        rows,
        [0.34, 0.14, 0.18, 0.16, 0.18],
        right=[1, 2, 3, 4],
        bold_rows=[len(rows) - 1],
    )


def month_table(year: FinanceYear) -> Flowable:
    rows: list[list[object]] = []
    for month, realised, forecast in year.by_month():
        rows.append(
            [
                month_label(year.year, month),
                money(realised) if realised else "",
                money(forecast) if forecast else "",
                money(realised + forecast),
            ]
        )
    rows.append(
        [
            "Totaal",
            money(year.realised_cents),
            money(year.forecast_cents),
            money(year.subsidy_cents),
        ]
    )
    return style.table(
        ["Maand", "Gerealiseerd", "Prognose", "Totaal"],
        rows,
        [0.34, 0.22, 0.22, 0.22],
        right=[1, 2, 3],
        bold_rows=[len(rows) - 1],
        row_height=13,
    )


def years_table(years: list[FinanceYear]) -> Flowable:
    rows = [
        [
            str(y.year),
            money(y.budget.amount_cents) or "onbekend",
            money(y.realised_cents),
            money(y.forecast_cents) if y.forecast_cents else "",
            money(y.subsidy_cents),
        ]
        for y in years
    ]
    return style.table(
        ["Jaar", "Begeleidingsbudget", "LKS gerealiseerd", "LKS prognose", "LKS totaal"],
        rows,
        [0.12, 0.22, 0.22, 0.22, 0.22],
        right=[1, 2, 3, 4],
    )


def _share(count: int, known: int) -> str:
    if not known:
        return "—"
    return f"{count} van {known} ({round(100 * count / known)}%)"


def durability_part(register: Register, on: dt.date) -> list[Flowable]:
    story: list[Flowable] = [style.heading("Duurzaamheid van de plaatsingen")]
    story.append(
        style.text(
            "Per jaar waarin een dienstbetrekking begon: hoeveel er 12 en 24 maanden na de start "
            "nog liepen. Een dienstbetrekking met haar verlengingen bij dezelfde werkgever telt "
            "één keer. Dienstbetrekkingen die op de peildatum jonger zijn dan 12 of 24 maanden "
            "tellen voor dat cijfer niet mee ('—': nog niet te zeggen). Omgezet in vast: "
            "begonnen als tijdelijk contract en vast geworden.",
            "hint",
        )
    )
    rows: list[list[object]] = []
    for row in durability(register, on):
        if not row.started:
            continue
        rows.append(
            [
                str(row.start_year),
                GROUP_LABELS[row.group],
                number(row.started),
                _share(row.running_12, row.known_12),
                _share(row.running_24, row.known_24),
                number(row.converted),
                number(row.ended),
            ]
        )
    story.append(
        style.table(
            [
                "Startjaar",
                "Soort werkgever",
                "Gestart",
                "Na 12 maanden nog lopend",
                "Na 24 maanden nog lopend",
                "Omgezet in vast",
                "Beëindigd",
            ],
            rows,
            [0.1, 0.22, 0.09, 0.18, 0.18, 0.12, 0.11],
            right=[2, 3, 4, 5, 6],
            empty="Er zijn nog geen dienstbetrekkingen begonnen.",
        )
    )
    story.append(style.text("Redenen van beëindiging", "h2"))
    reasons = end_reasons(register, on)
    story.append(
        style.table(
            ["Reden", "Aantal"],
            [[reason, number(count)] for reason, count in reasons],
            [0.8, 0.2],
            right=[1],
            empty="Er is nog geen dienstbetrekking beëindigd.",
        )
    )
    return story
