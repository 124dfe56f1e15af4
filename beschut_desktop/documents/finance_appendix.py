"""The appendix of the finance report: the wage-cost subsidy per placement, month by month.

The figures are ``subsidy_for_month`` on the peildatum, the same the placement's case file
shows, so the controller can put the two side by side. On paper a person is a case number and
initials, never a name or BSN.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from beschut_desktop.documents import style
from beschut_desktop.documents.common import month_label, period, person_ref
from beschut_desktop.formatting import hours, money
from beschut_desktop.rules.finance import (
    GROUP_LABELS,
    SUBSIDY_KINDS,
    FinanceYear,
    PlacementSubsidy,
)


def appendix(year: FinanceYear) -> list[Flowable]:
    story: list[Flowable] = [
        style.heading(f"Bijlage: loonkostensubsidie per plaatsing {year.year}")
    ]
    story.append(
        style.text(
            "Per plaatsing de subsidie per maand, berekend zoals in het dossier van de persoon "
            "op de peildatum. 'Prognose': een maand na de peildatum, onder de aannames op de "
            "eerste pagina.",
            "hint",
        )
    )
    if not year.placements:
        story.append(style.text("Geen plaatsingen met subsidie in dit jaar.", "hint"))
    for subsidy in year.placements:
        story.append(KeepTogether(placement_part(subsidy)))
    return story


def placement_part(subsidy: PlacementSubsidy) -> list[Flowable]:
    placement = subsidy.placement
    employer = subsidy.employer.name if subsidy.employer else "onbekende werkgever"
    head = style.text(f"{person_ref(subsidy.person)} — {employer}", "h2")
    line = style.text(
        f"{GROUP_LABELS[subsidy.group]}; plaatsing {placement.id}, {period(placement)}"
        + (f", {hours(placement.hours_per_week)} per week" if placement.hours_per_week else ""),
        "small",
    )
    rows: list[list[object]] = []
    for month in subsidy.months:
        label = month_label(month.year, month.month) + (" (prognose)" if month.forecast else "")
        result = month.result
        if result is None:
            rows.append([label, "", style.text(month.problem or "", "small"), "", "", ""])
            continue
        rows.append(
            [
                label,
                SUBSIDY_KINDS.get(result.kind, result.kind),
                style.text(result.makeup.replace("€ ", "€\u00a0"), "small"),
                money(result.base_cents),
                money(result.employer_charges_cents),
                money(result.total_cents),
            ]
        )
    rows.append(
        [
            "Totaal",
            "",
            style.text(
                f"gerealiseerd {money(subsidy.realised_cents)}, prognose "
                f"{money(subsidy.forecast_cents)}".replace("€ ", "€\u00a0"),
                "small",
            ),
            money(sum(m.result.base_cents for m in subsidy.months if m.result)),
            money(sum(m.result.employer_charges_cents for m in subsidy.months if m.result)),
            money(subsidy.realised_cents + subsidy.forecast_cents),
        ]
    )
    table = style.table(
        ["Maand", "Soort", "Opbouw", "Subsidie", "Lasten\nwerkgever", "Totaal"],
        rows,
        [0.14, 0.12, 0.35, 0.13, 0.13, 0.13],
        right=[3, 4, 5],
        bold_rows=[len(rows) - 1],
    )
    return [head, line, table]
