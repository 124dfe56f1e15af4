"""Quota and budget report: what the consultant hands the alderman and the controller.

On a date: the year's quota against the places realised (by employer kind and by employer),
the coaching hours available, used and left with the year's amount (R4, R7), the length of
the queue (R5), and a chart of quota against realised places over every year with a quota.
A year without a quota row is said, never guessed.
"""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from beschut_desktop.documents import page, style
from beschut_desktop.documents.common import queue_count
from beschut_desktop.formatting import hours, long_date, money, number
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.budget import coaching_budget
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.quota import (
    TO_PLACE,
    WAITING,
    active_placements,
    queue,
    quota_status,
)
from beschut_desktop.wording import value_label

TITLE = "Taakstelling en begeleidingsbudget"
KINDS = ["sw_company", "municipality", "private"]


def build_quota_report(register: Register, on: dt.date) -> bytes:
    register = known_on(register, on)  # as of means as of: nothing dated after ``on``
    status = quota_status(register, on)
    budget = coaching_budget(register, on)
    entries = queue(register, on)
    story: list[Flowable] = []
    story += style.title_block(TITLE, f"Stand op {long_date(on)}")
    if status.message:
        story.append(
            style.notice(
                f"Let op: {status.message}. Vul de taakstelling en het "
                "bedrag per plek voor dit jaar in bij Instellingen.",
                "warn",
            )
        )
    quota_facts = style.facts(
        [
            ("Taakstelling", number(status.quota) if status.quota is not None else "onbekend"),
            ("Gerealiseerde plekken", number(status.realised)),
            (
                "Nog te realiseren",
                number(status.open_places) if status.quota is not None else "onbekend",
            ),
            ("Te plaatsen (rij)", queue_count(entries, TO_PLACE, status)),
            ("Op de wachtlijst", queue_count(entries, WAITING, status)),
        ],
        label_width=0.62,
        width=style.HALF_WIDTH,
    )
    budget_facts = style.facts(
        [
            ("Uren per plek per week", hours(budget.hours_per_place) or "onbekend"),
            ("Beschikbare uren per week", hours(budget.available_hours) or "onbekend"),
            ("Gebruikte uren per week", hours(budget.used_hours)),
            ("Resterende uren per week", hours(budget.remaining_hours) or "onbekend"),
            ("Bedrag per plek", money(budget.amount_per_place_cents) or "onbekend"),
            (f"Budget {status.year}", money(budget.amount_cents) or "onbekend"),
        ],
        label_width=0.62,
        width=style.HALF_WIDTH,
    )
    story.append(
        style.side_by_side(
            [style.text(f"Taakstelling {status.year}", "h1"), quota_facts],
            [style.text("Begeleidingsbudget", "h1"), budget_facts],
        )
    )
    story.append(
        style.text(
            "Gerealiseerd zijn de dienstbetrekkingen die op de peildatum lopen; een aanbod dat nog "
            "niet is begonnen telt niet mee. De taakstelling telt op sinds 1 januari 2015. Het Rijk "
            "betaalt per plek van de taakstelling een vast bedrag per jaar, gebaseerd op een "
            "werkweek van 31 uur: beschikbaar = taakstelling × uren per plek; gebruikt = de "
            "contracturen van de lopende dienstbetrekkingen.",
            "hint",
        )
    )

    story.append(style.heading("Plekken en uren per soort werkgever"))
    rows: list[list[object]] = []
    for kind in KINDS:
        rows.append(
            [
                value_label("employer_kind", kind),
                number(status.realised_by_kind.get(kind, 0)),
                hours(budget.used_by_employer_kind.get(kind, 0.0)),
            ]
        )
    rows.append(["Totaal", number(status.realised), hours(budget.used_hours)])
    story.append(
        style.table(
            ["Soort werkgever", "Plekken", "Uren per week"],
            rows,
            [0.5, 0.2, 0.3],
            right=[1, 2],
            bold_rows=[len(rows) - 1],
        )
    )
    story += _by_employer(register, on)

    story.append(
        KeepTogether(
            [
                style.text("Taakstelling en gerealiseerde plekken per jaar", "h1"),
                _chart(register, on),
            ]
        )
    )
    return page.render(
        story,
        title=TITLE,
        subject=f"Taakstelling en budget op {long_date(on)}",
        settings=register.settings,
    )


def _by_employer(register: Register, on: dt.date) -> list[Flowable]:
    totals: dict[int, tuple[int, float]] = {}
    for placement in active_placements(register, on):
        count, used = totals.get(placement.employer_id, (0, 0.0))
        totals[placement.employer_id] = (count + 1, used + (placement.hours_per_week or 0.0))
    rows = []
    for employer_id, (count, used) in totals.items():
        employer = register.employer(employer_id)
        rows.append(
            [
                employer.name if employer else "onbekend",
                value_label("employer_kind", employer.kind) if employer else "",
                number(count),
                hours(used),
            ]
        )
    rows.sort(key=lambda r: (str(r[1]), str(r[0])))
    return [
        style.text("Per werkgever", "h2"),
        style.table(
            ["Werkgever", "Soort", "Plekken", "Uren per week"],
            rows,
            [0.45, 0.2, 0.15, 0.2],
            right=[2, 3],
            empty="Geen lopende plaatsingen.",
        ),
    ]


def chart_years(register: Register, on: dt.date) -> list[tuple[int, int, int | None]]:
    """(year, quota, realised) for every year with a quota row; realised on 31 December, or
    on the report date in its own year, and None for years still to come."""
    result = []
    for row in sorted(register.quota_years, key=lambda q: q.year):
        if row.year > on.year:
            result.append((row.year, row.quota, None))
            continue
        day = min(dt.date(row.year, 12, 31), on)
        result.append((row.year, row.quota, quota_status(register, day).realised))
    return result


def _chart(register: Register, on: dt.date) -> Flowable:
    years = chart_years(register, on)
    if not years:
        return style.text("Er zijn nog geen jaren met een taakstelling ingevoerd.", "hint")
    width, height = style.CONTENT_WIDTH, 58 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = style.FONT  # else the renderer opens with Helvetica
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width, chart.height = width - 20 * mm, height - 26 * mm
    chart.data = [[q for _, q, _ in years], [r for _, _, r in years]]
    chart.categoryAxis.categoryNames = [str(y) for y, _, _ in years]
    chart.categoryAxis.labels.fontName = style.FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = style.FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max([q for _, q, _ in years] + [r or 0 for _, _, r in years] + [1])
    chart.valueAxis.valueMax = top + 1
    chart.valueAxis.valueStep = max(1, (top + 1) // 6)
    chart.valueAxis.gridStrokeColor = style.RULE
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 1
    chart.groupSpacing = 8
    chart.bars[0].fillColor = style.HEADER_FILL
    chart.bars[0].strokeColor = style.ACCENT
    chart.bars[1].fillColor = style.ACCENT
    chart.bars[1].strokeColor = style.ACCENT
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = style.FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 14 * mm, height - 4 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 45 * mm
    legend.fontName = style.FONT
    legend.fontSize = 8
    legend.colorNamePairs = [
        (style.HEADER_FILL, "Taakstelling"),
        (style.ACCENT, "Gerealiseerde plekken"),
    ]
    legend.strokeColor = style.ACCENT
    drawing.add(legend)
    if any(r is None for _, _, r in years):
        drawing.add(
            String(
                width,
                2 * mm,
                "Jaren na de peildatum: alleen de taakstelling.",
                fontName=style.FONT,
                fontSize=7,
                fillColor=colors.grey,
                textAnchor="end",
            )
        )
    return drawing
