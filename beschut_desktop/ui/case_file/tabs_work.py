"""Case-file tabs about the work: placements with their flows (R10–R14, R16, R20), reviews
(R18, R19) and the wage-cost subsidy month by month (R8)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.actions import placements
from beschut_desktop.rules import subsidy
from beschut_desktop.rules.model import DevelopmentGoal, Placement, Review
from beschut_desktop.ui import document_actions, forms, letter_actions
from beschut_desktop.ui.case_file.panel import ListPanel
from beschut_desktop.ui.case_file.rows import PLACEMENT_COLUMNS, PlacementRow, placement_rows
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.dialogs import offer as offer_dialogs
from beschut_desktop.ui.dialogs import placement as dialogs
from beschut_desktop.ui.dialogs.placement_edit import EditPlacementDialog
from beschut_desktop.ui.table_model import RIGHT, Column
from beschut_desktop.wording import COACHING_TOPICS, REVIEW_SUBJECTS, label, value_label

if TYPE_CHECKING:
    from beschut_desktop.ui.case_file.case_file import CaseFile

D = formatting.short_date
GOAL_COLUMNS = [
    Column("status", "Status", lambda g: value_label("goal_status", g.status), width=80),
    Column("goal", "Ontwikkeldoel (R16)", tooltip=lambda g: g.goal),
]


def _running(row: PlacementRow | None) -> bool:
    return (
        row is not None
        and row.placement.offer_status == "accepted"
        and row.placement.outcome is None
    )


class PlacementsTab(QWidget):
    """The person's contracts, newest first, with every flow on a contract."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        columns = [
            PLACEMENT_COLUMNS[k]
            for k in ("employer", "job", "start", "end", "hours", "status", "review", "check")
        ]
        self.panel = ListPanel("Plaatsingen", columns)
        self.panel.button("Werkplek aanbieden", self.offer, name="offer")
        self.panel.button(
            "Aanbod beantwoorden",
            self.answer,
            name="answer",
            when=lambda r: r.placement.offer_status == "offered",
        )
        self.panel.button("Verlengen of vast", self.renew, name="renew", when=_running)
        self.panel.button("Beëindigen", self.end, name="end", when=_running)
        self.panel.button(
            "Loonwaarde",
            self.wage_value,
            name="wage_value",
            when=lambda r: r.placement.offer_status == "accepted",
        )
        self.panel.button("Naar werkgever", self.to_employer, needs_row=True)
        self.panel.button("Wijzigen…", self.edit, name="edit_placement", needs_row=True)
        forms_button = document_actions.menu_button("Gespreksformulier", "review_form")
        document_actions.fill_review_form_menu(
            forms_button.menu(),
            self,
            case.session,
            lambda: self.current_placement().id if self.current_placement() else None,
        )
        self.panel.add_button(forms_button)
        letters_button = document_actions.menu_button("Brief", "placement_letters")
        letter_actions.fill_placement_letter_menu(
            letters_button.menu(),
            self,
            case.session,
            lambda: self.current_placement().id if self.current_placement() else None,
        )
        self.panel.add_button(letters_button, needs_row=True)
        self.goals = ListPanel("Ontwikkelplan", GOAL_COLUMNS)
        self.goals.button("Doel toevoegen", self.add_goal, name="add_goal")
        self.goals.button("Bereikt", lambda: self.goal_status("achieved"), needs_row=True)
        self.goals.button("Vervallen", lambda: self.goal_status("dropped"), needs_row=True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("placement_detail")
        lower = QWidget()
        row = QHBoxLayout(lower)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.detail, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.goals, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.panel)
        splitter.addWidget(lower)
        splitter.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.panel.table.current_changed.connect(lambda _r: self._show_current())

    def refresh(self) -> None:
        register = self.case.register
        mine = list(reversed(register.placements_of(self.case.person_id)))
        self.panel.set_rows(placement_rows(register, mine, self.case.on))
        self._show_current()

    def select(self, placement_id: int) -> None:
        self.panel.table.select(lambda r: r.id == placement_id)

    def _show_current(self) -> None:
        row: PlacementRow | None = self.panel.current()
        self.goals.setEnabled(row is not None)
        if row is None:
            self.detail.setText("")
            self.goals.set_rows([])
            return
        p = row.placement
        support = [label(k) for k in offer_dialogs.SUPPORT_LABELS if getattr(p, k)]
        coach = self.case.register.coach(p.coach_id) if p.coach_id else None
        lines = [
            f"<b>{row.employer.name if row.employer else ''}</b> — "
            f"{value_label('contract_type', p.contract_type).lower()} contract",
            f"Aanbod: {D(p.offer_date) or '—'} (verzonden {D(p.offer_sent_date) or '—'}), "
            f"{value_label('offer_status', p.offer_status).lower()}",
            f"Begeleider: {coach.name if coach else 'nog niet bekend'}",
            f"Voorzieningen (R11): {', '.join(support) or 'geen'}",
            f"Functieomschrijving (R16): {'aanwezig' if p.job_description else 'ontbreekt'}; "
            f"ontwikkelplan: {D(p.development_plan_date) or 'ontbreekt'}",
            f"Contractcontrole: {row.check_text}",
        ]
        if p.offer_motivation:
            lines.append(f"Motivering (R10): {formatting_escape(p.offer_motivation)}")
        if p.end_reason:
            lines.append(f"Reden einde: {formatting_escape(p.end_reason)}")
        self.detail.setText("<br>".join(lines))
        goals: list[DevelopmentGoal] = self.case.register.goals_of(p.id)
        self.goals.set_rows(goals)

    def current_placement(self) -> Placement | None:
        row = self.panel.current()
        return row.placement if row else None

    def offer(self) -> None:
        self.case.run(
            offer_dialogs.OfferDialog(self.case.session, self.case.person_id, parent=self)
        )

    def answer(self) -> None:
        placement = self.current_placement()
        if placement is None:
            return
        accepted = dialogs.ask_answer(self, self.case.session, placement)
        if accepted is not None:
            self.case.act(
                lambda store: placements.answer_offer(
                    store, placement.id, accepted=accepted, answered_on=self.case.session.today()
                )
            )

    def renew(self) -> None:
        placement = self.current_placement()
        if placement is not None:
            self.case.run(dialogs.RenewDialog(self.case.session, placement, self))

    def end(self) -> None:
        placement = self.current_placement()
        if placement is not None:
            self.case.run(dialogs.EndDialog(self.case.session, placement, self))

    def edit(self) -> None:
        placement = self.current_placement()
        if placement is not None:
            self.case.run(EditPlacementDialog(self.case.session, placement, self))

    def wage_value(self) -> None:
        placement = self.current_placement()
        if placement is not None:
            self.case.run(dialogs.WageValueDialog(self.case.session, placement, self))

    def to_employer(self) -> None:
        placement = self.current_placement()
        if placement is not None and self.case.main_window is not None:
            self.case.main_window.open_employer(placement.employer_id)

    def add_goal(self) -> None:
        placement = self.current_placement()
        if placement is not None:
            self.case.run(dialogs.GoalDialog(self.case.session, placement.id, self))

    def goal_status(self, status: str) -> None:
        goal = self.goals.current()
        if goal is not None:
            self.case.act(lambda store: placements.set_goal_status(store, goal.id, status))


def formatting_escape(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", " ")


def _review_summary(review: Review) -> str:
    return " · ".join(
        f"{label(k)}: {getattr(review, k)}" for k in REVIEW_SUBJECTS if getattr(review, k)
    )


REVIEW_COLUMNS = [
    Column(
        "review_date",
        "Datum",
        lambda r: D(r.review.review_date),
        lambda r: r.review.review_date,
        width=90,
    ),
    Column("employer", "Werkgever", width=170),
    Column("participants", "Aanwezig", lambda r: r.review.participants or "", width=150),
    Column(
        "summary",
        "Functioneren, situatie, perspectief",
        lambda r: _review_summary(r.review),
        tooltip=lambda r: "\n".join(
            f"{label(k)}: {getattr(r.review, k)}"
            for k in (*REVIEW_SUBJECTS, *COACHING_TOPICS)
            if getattr(r.review, k)
        ),
    ),
]


class _ReviewRow:
    def __init__(self, review: Review, employer: str) -> None:
        self.id = review.id
        self.review = review
        self.employer = employer


class ReviewsTab(QWidget):
    """R18/R19: the reviews of all the person's contracts, and when the next is due."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.panel = ListPanel("Voortgangsgesprekken", REVIEW_COLUMNS)
        self.panel.button("Gesprek vastleggen", self.record, name="record_review")
        self.panel.button("Wijzigen…", self.edit, needs_row=True, name="edit_review")
        self.panel.button("Verwijderen…", self.delete, needs_row=True)
        self.panel.table.activated.connect(lambda _row: self.edit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def active_placement(self) -> Placement | None:
        mine = self.case.register.placements_of(self.case.person_id)
        active = [p for p in mine if p.is_active_on(self.case.on)]
        return active[-1] if active else None

    def refresh(self) -> None:
        register = self.case.register
        rows = []
        for placement in register.placements_of(self.case.person_id):
            employer = register.employer(placement.employer_id)
            rows += [
                _ReviewRow(r, employer.name if employer else "")
                for r in register.reviews_of(placement.id)
            ]
        rows.sort(key=lambda r: r.review.review_date, reverse=True)
        self.panel.set_rows(rows)
        active = self.active_placement()
        if active is None:
            self.panel.set_hint("Er loopt op de peildatum geen plaatsing.")
        else:
            from beschut_desktop.rules import reviews as review_rules

            due, reason = try_rule(review_rules.next_review_due, register, active, self.case.on)
            self.panel.set_hint(
                f"Volgend gesprek: {D(due)}." if due else f"Volgend gesprek: {reason}."
            )

    def record(self) -> None:
        placement = self.active_placement()
        if placement is None:
            mine = [
                p
                for p in self.case.register.placements_of(self.case.person_id)
                if p.offer_status == "accepted"
            ]
            placement = mine[-1] if mine else None
        if placement is None:
            from beschut_desktop.ui import widgets

            widgets.inform(
                self,
                "Geen plaatsing",
                "Een voortgangsgesprek hoort bij een plaatsing; deze persoon heeft er (nog) geen.",
            )
            return
        self.case.run(dialogs.ReviewDialog(self.case.session, placement, self))

    def edit(self) -> None:
        """Correct or complete the selected review (double-click or Enter does the same)."""
        row = self.panel.current()
        placement = self.case.register.placement(row.review.placement_id) if row else None
        if row is not None and placement is not None:
            self.case.run(
                dialogs.ReviewDialog(self.case.session, placement, self, review=row.review)
            )

    def delete(self) -> None:
        row = self.panel.current()
        if row is not None and forms.confirm_delete(
            self, f"het gesprek van {D(row.review.review_date)}"
        ):
            self.case.delete_record("reviews", row.id)


class _MonthRow:
    def __init__(self, month: object) -> None:
        self.id = f"{month.year}-{month.month}"  # type: ignore[attr-defined]
        self.month = month


SUBSIDY_COLUMNS = [
    Column(
        "month",
        "Maand",
        lambda r: f"{r.month.month}-{r.month.year}",
        lambda r: (r.month.year, r.month.month),
        width=80,
    ),
    Column(
        "kind",
        "Soort",
        lambda r: {"flat_rate": "Forfaitair", "wage_value": "Loonwaarde", "none": "Geen"}.get(
            r.month.kind, r.month.kind
        ),
        width=90,
    ),
    Column(
        "wml",
        "Minimumloon",
        lambda r: formatting.money(r.month.minimum_wage_cents),
        lambda r: r.month.minimum_wage_cents,
        align=RIGHT,
        width=120,
    ),
    Column(
        "wage_value",
        "Loonwaarde",
        lambda r: formatting.percentage(r.month.wage_value_percentage),
        lambda r: r.month.wage_value_percentage,
        align=RIGHT,
        width=100,
    ),
    Column(
        "base",
        "Subsidie",
        lambda r: formatting.money(r.month.base_cents),
        lambda r: r.month.base_cents,
        align=RIGHT,
        width=100,
    ),
    Column(
        "charges",
        "Werkgeverslasten",
        lambda r: formatting.money(r.month.employer_charges_cents),
        lambda r: r.month.employer_charges_cents,
        align=RIGHT,
        width=140,
    ),
    Column(
        "total",
        "Totaal",
        lambda r: formatting.money(r.month.total_cents),
        lambda r: r.month.total_cents,
        align=RIGHT,
        width=100,
    ),
    Column(
        "explanation",
        "Berekening",
        lambda r: r.month.explanation,
        tooltip=lambda r: r.month.explanation,
    ),
]


def months_of(placement: Placement, on: dt.date) -> list[tuple[int, int]]:
    """Calendar months from the start to the end (or the as-of month), at most 24 back."""
    if placement.start_date is None:
        return []
    last = min(placement.end_date or on, max(on, placement.start_date))
    months = []
    year, month = placement.start_date.year, placement.start_date.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months[-24:]


class SubsidyTab(QWidget):
    """R8: the subsidy per month for one contract, computed by the rules."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.choice = QComboBox()
        self.choice.setAccessibleName("Plaatsing voor de loonkostensubsidie")
        self.choice.currentIndexChanged.connect(lambda _i: self._fill())
        self.panel = ListPanel("Loonkostensubsidie per maand (R8)", SUBSIDY_COLUMNS)
        self.panel.button("Loonwaardemeting", self.assess, name="assess")
        self.assessments = QLabel()
        self.assessments.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("Plaatsing:"))
        top.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.assessments)
        layout.addWidget(self.panel, 1)

    def refresh(self) -> None:
        register = self.case.register
        mine = [
            p
            for p in register.placements_of(self.case.person_id)
            if p.offer_status == "accepted" and p.start_date
        ]
        keep = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for placement in reversed(mine):
            employer = register.employer(placement.employer_id)
            self.choice.addItem(
                f"{employer.name if employer else ''}, vanaf {D(placement.start_date)}",
                placement.id,
            )
        index = self.choice.findData(keep)
        self.choice.setCurrentIndex(index if index >= 0 else 0)
        self.choice.blockSignals(False)
        self._fill()

    def placement(self) -> Placement | None:
        placement_id = self.choice.currentData()
        return self.case.register.placement(placement_id) if placement_id else None

    def _fill(self) -> None:
        placement = self.placement()
        register = self.case.register
        if placement is None:
            self.panel.set_rows([])
            self.panel.set_hint("Er is geen plaatsing waarvoor subsidie loopt.")
            self.assessments.setText("")
            return
        rows, problem = [], ""
        for year, month in months_of(placement, self.case.on):
            result, problem = try_rule(
                subsidy.subsidy_for_month, register, placement, year, month, self.case.on
            )
            if result is None:
                break
            rows.append(_MonthRow(result))
        self.panel.set_rows(list(reversed(rows)))
        due, _ = try_rule(subsidy.next_wage_value_assessment_due, register, placement, self.case.on)
        flat_end, _ = try_rule(subsidy.flat_rate_end, register, placement, self.case.on)
        hints = []
        if problem:
            hints.append(f"Berekening: {problem}.")
        if flat_end:
            hints.append(f"Forfaitaire subsidie tot en met {D(flat_end)}.")
        if due:
            hints.append(f"Volgende loonwaardemeting uiterlijk {D(due)}.")
        self.panel.set_hint(" ".join(hints))
        assessed = register.assessments_of(placement.id)
        self.assessments.setText(
            "Loonwaardemetingen: "
            + (
                ", ".join(
                    f"{D(a.assessment_date)}: {formatting.percentage(a.wage_value_percentage)}"
                    for a in assessed
                )
                or "nog geen"
            )
        )

    def assess(self) -> None:
        placement = self.placement()
        if placement is not None:
            self.case.run(dialogs.WageValueDialog(self.case.session, placement, self))
