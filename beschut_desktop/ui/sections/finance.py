"""Financiën: the controller's money view and the durability of placements, on screen.

The year's coaching budget (R7) and wage-cost subsidy (R8) kept apart, the subsidy realised up
to the session's peildatum and forecast to the year's end; per employer kind, per month, per
placement (names: this is the consultant's own screen), every year side by side, and the
durability per start year (R20). All figures come from ``rules.finance`` and
``rules.durability`` on ``session.register`` and ``session.as_of``; the button prints the same
figures as ``report finance``.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop import formatting
from beschut_desktop.rules.durability import durability, end_reasons
from beschut_desktop.rules.finance import (
    EMPLOYER_GROUPS,
    FORECAST_ASSUMPTIONS,
    GROUP_LABELS,
    FinanceYear,
    finance_years,
)
from beschut_desktop.ui import widgets
from beschut_desktop.ui.sections import Section
from beschut_desktop.ui.table_model import RIGHT, Column

money = formatting.money


def _money_column(key: str, header: str, width: int = 120) -> Column:
    return Column(key, header, display=lambda r: money(getattr(r, key)), align=RIGHT, width=width)


def _share(count: int, known: int) -> str:
    return f"{count} van {known}" if known else "—"


def group_rows(year: FinanceYear) -> list[SimpleNamespace]:
    totals = year.by_group()
    return [
        SimpleNamespace(
            id=group,
            kind=GROUP_LABELS[group],
            count=sum(p.group == group for p in year.placements),
            realised=totals[group][0],
            forecast=totals[group][1],
            total=sum(totals[group]),
        )
        for group in EMPLOYER_GROUPS
    ]


def month_rows(year: FinanceYear) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(id=m, month=m, realised=r, forecast=f, total=r + f)
        for m, r, f in year.by_month()
    ]


def placement_rows(year: FinanceYear) -> list[SimpleNamespace]:
    rows = []
    for p in year.placements:
        person = p.person
        rows.append(
            SimpleNamespace(
                id=p.placement.id,
                case=person.case_number if person else "",
                name=person.full_name if person else "",
                employer=p.employer.name if p.employer else "",
                kind=GROUP_LABELS[p.group],
                months=len(p.months),
                realised=p.realised_cents,
                forecast=p.forecast_cents,
                total=p.realised_cents + p.forecast_cents,
            )
        )
    return rows


def year_rows(years: list[FinanceYear]) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            id=y.year,
            year=y.year,
            budget=y.budget.amount_cents,
            realised=y.realised_cents,
            forecast=y.forecast_cents,
            total=y.subsidy_cents,
        )
        for y in years
    ]


class FinanceSection(Section):
    """Budget and subsidy of a chosen year, and whether placements last."""

    def __init__(self, session: Any, main_window: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, main_window, parent)
        self.title = widgets.heading("Financiën")
        self.subtitle = widgets.muted()
        self.year_choice = QComboBox()
        self.year_choice.setAccessibleName("Jaar")
        self.year_choice.currentIndexChanged.connect(lambda _i: self._show())
        self.year_choice.activated.connect(lambda _i: self._choose())
        self._chosen: int | None = None  # a year the user picked; else the peildatum's year
        print_button = QPushButton("Afdrukken")
        print_button.setToolTip("Het financieel overzicht van dit jaar afdrukken (Ctrl+P)")
        print_button.clicked.connect(self.print_report)
        save_button = QPushButton("Opslaan als PDF")
        save_button.setToolTip("Het financieel overzicht van dit jaar als PDF-bestand opslaan")
        save_button.clicked.connect(self.save_report)
        self.budget_line = QLabel()
        self.budget_line.setWordWrap(True)
        self.subsidy_line = QLabel()
        self.subsidy_line.setWordWrap(True)
        self.assumptions = widgets.muted("Prognose: " + " ".join(FORECAST_ASSUMPTIONS))
        self.problems = widgets.muted()
        self.problems.setProperty("role", "warning")

        self.groups = widgets.RecordTable(
            [
                Column("kind", "Soort werkgever", width=200),
                Column("count", "Plaatsingen", align=RIGHT, width=90),
                _money_column("realised", "Gerealiseerd"),
                _money_column("forecast", "Prognose"),
                _money_column("total", "Totaal"),
            ],
            accessible_name="Loonkostensubsidie per soort werkgever",
        )
        self.months = widgets.RecordTable(
            [
                Column(
                    "month",
                    "Maand",
                    display=lambda r: formatting.long_date(dt.date(2000, r.month, 1)).split()[1],
                    width=140,
                ),
                _money_column("realised", "Gerealiseerd"),
                _money_column("forecast", "Prognose"),
                _money_column("total", "Totaal"),
            ],
            accessible_name="Loonkostensubsidie per maand",
        )
        self.placements = widgets.RecordTable(
            [
                Column("case", "Dossier", width=82),
                Column("name", "Naam", width=150),
                Column("employer", "Werkgever", width=200),
                Column("kind", "Soort", width=150),
                _money_column("realised", "Gerealiseerd"),
                _money_column("forecast", "Prognose"),
                _money_column("total", "Totaal"),
            ],
            accessible_name="Loonkostensubsidie per plaatsing",
        )
        self.placements.activated.connect(lambda r: self.main_window.open_placement(r.id))
        self.years = widgets.RecordTable(
            [
                Column("year", "Jaar", width=60),
                _money_column("budget", "Begeleidingsbudget", 150),
                _money_column("realised", "Subsidie gerealiseerd", 150),
                _money_column("forecast", "Subsidie prognose", 150),
                _money_column("total", "Subsidie totaal", 150),
            ],
            accessible_name="Budget en subsidie per jaar",
        )
        self.durability = widgets.RecordTable(
            [
                Column("start_year", "Startjaar", width=70),
                Column("kind", "Soort werkgever", width=180),
                Column("started", "Gestart", align=RIGHT, width=70),
                Column("after_12", "Na 12 maanden nog lopend", align=RIGHT, width=170),
                Column("after_24", "Na 24 maanden nog lopend", align=RIGHT, width=170),
                Column("converted", "Omgezet in vast", align=RIGHT, width=110),
                Column("ended", "Beëindigd", align=RIGHT, width=80),
            ],
            accessible_name="Duurzaamheid per startjaar",
        )
        self.reasons = widgets.muted()

        tabs = QTabWidget()
        tabs.addTab(self.groups, "Per soort werkgever")
        tabs.addTab(self.months, "Per maand")
        tabs.addTab(self.placements, "Per plaatsing")
        tabs.addTab(self.years, "Per jaar")
        durability_page = QWidget()
        durability_layout = QVBoxLayout(durability_page)
        durability_layout.addWidget(
            widgets.muted(
                "Een dienstbetrekking met haar verlengingen telt één keer. '—': jonger dan 12 of "
                "24 maanden op de peildatum, dus nog niet te zeggen."
            )
        )
        durability_layout.addWidget(self.durability, 1)
        durability_layout.addWidget(self.reasons)
        tabs.addTab(durability_page, "Duurzaamheid")
        self.tabs = tabs

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(QLabel("Jaar:"))
        head.addWidget(self.year_choice)
        head.addWidget(print_button)
        head.addWidget(save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.budget_line)
        layout.addWidget(self.subsidy_line)
        layout.addWidget(self.assumptions)
        layout.addWidget(self.problems)
        layout.addWidget(tabs, 1)
        self._years: list[FinanceYear] = []

    # ---- hooks -------------------------------------------------------------------------

    def refresh(self) -> None:
        register, on = self.session.register, self.session.as_of
        chosen = self._chosen or on.year
        self.subtitle.setText(f"Stand op {formatting.long_date(on)}")
        self._years = finance_years(register, on, max(chosen, on.year))
        self.year_choice.blockSignals(True)
        self.year_choice.clear()
        for year in self._years:
            self.year_choice.addItem(str(year.year), year.year)
        index = self.year_choice.findData(chosen)
        self.year_choice.setCurrentIndex(index if index >= 0 else self.year_choice.count() - 1)
        self.year_choice.blockSignals(False)
        self.years.set_rows(year_rows(self._years))
        rows = []
        for row in durability(register, on):
            if row.started:
                rows.append(
                    SimpleNamespace(
                        id=(row.start_year, row.group),
                        start_year=row.start_year,
                        kind=GROUP_LABELS[row.group],
                        started=row.started,
                        after_12=_share(row.running_12, row.known_12),
                        after_24=_share(row.running_24, row.known_24),
                        converted=row.converted,
                        ended=row.ended,
                    )
                )
        self.durability.set_rows(rows)
        reasons = end_reasons(register, on)
        self.reasons.setText(
            "Redenen van beëindiging: "
            + ("; ".join(f"{reason} ({count})" for reason, count in reasons) or "nog geen")
            + "."
        )
        self._show()

    def document(self) -> tuple[bytes, str] | None:
        from beschut_desktop.documents.finance_report import build_finance_report

        on, year = self.session.as_of, self._year()
        name = f"Financieel overzicht {year} {on.isoformat()}"
        self.session.store.audit_read("document", subject=name)  # the appendix names cases
        return build_finance_report(self.session.register, on, year), name

    # ---- parts -------------------------------------------------------------------------

    def _choose(self) -> None:
        self._chosen = self.year_choice.currentData()

    def _year(self) -> int:
        return self.year_choice.currentData() or self.session.as_of.year

    def current_year(self) -> FinanceYear | None:
        wanted = self._year()
        return next((y for y in self._years if y.year == wanted), None)

    def _show(self) -> None:
        year = self.current_year()
        if year is None:
            return
        budget = year.budget
        if budget.amount_cents is None:
            self.budget_line.setText(f"Begeleidingsbudget {year.year} (R7): {budget.message}.")
        else:
            self.budget_line.setText(
                f"Begeleidingsbudget {year.year} (R7): {money(budget.amount_cents)} "
                f"({budget.quota} × {money(budget.amount_per_place_cents)}); "
                f"{formatting.hours(budget.available_hours)} per week beschikbaar, "
                f"{formatting.hours(budget.used_hours)} gebruikt op "
                f"{formatting.short_date(budget.on)}, "
                f"{formatting.hours(budget.remaining_hours)} over."
            )
        self.subsidy_line.setText(
            f"Loonkostensubsidie {year.year} (R8, uit het BUIG-budget): gerealiseerd "
            f"{money(year.realised_cents)}, prognose {money(year.forecast_cents)}, verwacht "
            f"totaal {money(year.subsidy_cents)} voor {len(year.placements)} plaatsingen."
        )
        self.problems.setText(" ".join(f"Niet berekend: {p}" for p in year.problems))
        self.problems.setVisible(bool(year.problems))
        self.groups.set_rows(group_rows(year))
        self.months.set_rows(month_rows(year))
        self.placements.set_rows(placement_rows(year))

    def print_report(self) -> None:
        from beschut_desktop.ui import printing

        document = self.document()
        if document:
            printing.print_pdf(self, document[0], document[1])

    def save_report(self) -> None:
        from beschut_desktop.ui import printing

        document = self.document()
        if document:
            printing.save_pdf(self, document[0], document[1])
