"""Overzicht: where the municipality stands on the as-of date, at a glance.

Quota realised against quota (R4), coaching hours available, used and left with the year's
amount (R7), the queue (R5), and the worklist: the signals grouped "Te laat", "Deze week",
"Komende 8 weken", each with its rule (the policy's words as tooltip). Every figure comes
from the rules on ``session.register`` and ``session.as_of``; a year without a quota row says
so ("geen taakstelling ingevoerd voor <jaar>") instead of guessing. Double-clicking a signal
opens the step that settles it (``ui.signal_steps``); a person in the queue opens the case.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.rules.budget import coaching_budget
from beschut_desktop.rules.quota import (
    TO_PLACE,
    UNKNOWN,
    WAITING,
    queue,
    quota_status,
    status_text,
    unknown_text,
)
from beschut_desktop.rules.results import CoachingBudget, QueueEntry, QuotaStatus, Signal
from beschut_desktop.rules.texts import explain
from beschut_desktop.ui import widgets
from beschut_desktop.ui.sections import Section
from beschut_desktop.ui.sections.signals import load_signals, open_signal, subject
from beschut_desktop.ui.table_model import RIGHT, Column
from beschut_desktop.wording import value_label

HORIZON_DAYS = 56  # "the signals of the coming 8 weeks"
WEEK_DAYS = 7
GROUPS = ("Te laat", "Deze week", "Komende 8 weken")
KINDS = ("sw_company", "municipality", "private")


def card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(4)
    title_label = widgets.heading(title, 2)
    title_label.setWordWrap(True)  # a narrow screen wraps the heading instead of cutting it
    layout.addWidget(title_label)
    return frame, layout


def figure_label(name: str) -> QLabel:
    label = QLabel()
    label.setProperty("role", "figure")
    label.setAccessibleName(name)
    return label


def quota_texts(status: QuotaStatus) -> tuple[str, str, str]:
    """(figure, line under it, breakdown) for the quota card."""
    by_kind = " · ".join(
        f"{value_label('employer_kind', k)} {status.realised_by_kind.get(k, 0)}" for k in KINDS
    )
    if status.quota is None:
        return (f"{status.realised}", f"gerealiseerd; {status.message}", by_kind)
    if status.open_places:
        line = f"gerealiseerd; nog {status.open_places} te realiseren"
    else:
        line = "gerealiseerd; de taakstelling is gehaald"
    return (f"{status.realised} van {status.quota}", line, by_kind)


def budget_texts(budget: CoachingBudget) -> tuple[str, str, str]:
    """(bar text, remaining line, amount line) for the coaching card."""
    used = formatting.number(budget.used_hours)
    if budget.available_hours is None:
        return (f"{used} uur gebruikt", f"{budget.message}", "")
    bar = f"{used} van {formatting.number(budget.available_hours)} uur"
    remaining = budget.remaining_hours or 0.0
    if remaining >= 0:
        line = f"Nog {formatting.hours(remaining)} per week beschikbaar"
    else:
        line = f"{formatting.hours(-remaining)} per week meer gebruikt dan beschikbaar"
    amount = (
        f"Budget {formatting.money(budget.amount_cents)} "
        f"({budget.quota} × {formatting.money(budget.amount_per_place_cents)}, "
        f"{formatting.number(budget.hours_per_place)} uur per plek)"
    )
    return (bar, line, amount)


def group_of(signal: Signal, on: dt.date) -> int:
    """0 overdue, 1 due within a week, 2 later within the horizon (an index into GROUPS)."""
    if signal.overdue or signal.due_date < on:
        return 0
    return 1 if signal.due_date < on + dt.timedelta(days=WEEK_DAYS) else 2


def worklist(signals: list[Signal], on: dt.date) -> list[Signal]:
    """The signals in working order: group, then due date."""
    return sorted(signals, key=lambda s: (group_of(s, on), s.due_date, s.title))


def rule_tooltip(label: str) -> str:
    """The policy's words for the rules of a label, as rich text so a long tooltip wraps."""
    paragraphs = explain(label).split("\n\n")
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


def worklist_columns(register_of: Any, on_of: Any) -> list[Column]:
    """Group, date, rule (its text from the policy as tooltip), signal, subject."""
    return [
        Column(
            "group",
            "Wanneer",
            display=lambda s: GROUPS[group_of(s, on_of())],
            sort_key=lambda s: (group_of(s, on_of()), s.due_date),
            tone=lambda s: "bad" if group_of(s, on_of()) == 0 else None,
        ),
        Column(
            "due_date",
            "Datum",
            display=lambda s: formatting.short_date(s.due_date),
            tone=lambda s: "bad" if s.overdue else None,
        ),
        Column("rule", "Regel", tooltip=lambda s: rule_tooltip(s.rule)),
        Column("title", "Signaal", tooltip=lambda s: s.detail),
        Column("subject", "Betreft", display=lambda s: subject(register_of(), s)),
    ]


def queue_columns() -> list[Column]:
    return [
        Column("position", "Nr.", align=RIGHT, width=34),
        Column(
            "case",
            "Dossier",
            display=lambda e: e.person.case_number,
            sort_key=lambda e: e.person.id,
            width=82,
        ),
        Column(
            "name",
            "Naam",
            display=lambda e: e.person.full_name,
            width=125,
            search=lambda e: e.person.bsn,
        ),
        Column(
            "determination_date",
            "Beschikking",
            display=lambda e: formatting.short_date(e.determination_date),
            width=104,
        ),
        Column(
            "status",
            "Status",
            display=status_text,
            tone=lambda e: "warning" if e.status == TO_PLACE else None,
        ),
    ]


class OverviewSection(Section):
    """The first page: quota, coaching budget, queue and the coming signals."""

    def __init__(self, session: Any, main_window: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, main_window, parent)
        self.title = widgets.heading("Overzicht")
        self.subtitle = widgets.muted()

        quota_card, quota_layout = card("Taakstelling")
        self.quota_heading = quota_card.findChild(QLabel)
        self.quota_figure = figure_label("Gerealiseerde plekken")
        self.quota_line = widgets.muted()
        self.quota_kinds = widgets.muted()
        for widget in (self.quota_figure, self.quota_line, self.quota_kinds):
            quota_layout.addWidget(widget)
        quota_layout.addStretch(1)

        budget_card, budget_layout = card("Begeleiding")
        self.budget_heading = budget_card.findChild(QLabel)
        self.hours_bar = widgets.Bar(accessible_name="Begeleidingsuren per week")
        self.hours_line = QLabel()
        self.amount_line = widgets.muted()
        budget_layout.addSpacing(6)
        for widget in (self.hours_bar, self.hours_line, self.amount_line):
            budget_layout.addWidget(widget)
        budget_layout.addStretch(1)

        queue_card, queue_layout = card("Wachtlijst")
        self.queue_figure = figure_label("Personen op de wachtlijst")
        self.queue_line = widgets.muted()
        queue_layout.addWidget(self.queue_figure)
        queue_layout.addWidget(self.queue_line)
        queue_layout.addStretch(1)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        cards.addWidget(quota_card, 3)
        cards.addWidget(budget_card, 4)
        cards.addWidget(queue_card, 3)

        self.signals_table = widgets.RecordTable(
            worklist_columns(lambda: self.session.register, lambda: self.session.as_of),
            accessible_name="Werklijst: te laat, deze week, komende 8 weken",
            placeholder="Zoeken in signalen…",
        )
        self.signals_table.activated.connect(lambda s: open_signal(self.main_window, s))
        self.signals_note = widgets.muted()
        self.queue_table = widgets.RecordTable(
            queue_columns(), accessible_name="Wachtrij", placeholder="Zoeken in de wachtrij…"
        )
        self.queue_table.activated.connect(
            lambda e: self.main_window.open_person(
                e.person.id, "placements" if e.status == TO_PLACE else "interim"
            )
        )

        lower = QGridLayout()
        lower.setHorizontalSpacing(16)
        lower.addWidget(widgets.heading("Werklijst", 2), 0, 0)
        lower.addWidget(widgets.heading("Wachtrij", 2), 0, 1)
        lower.addWidget(self.signals_note, 1, 0)
        lower.addWidget(self.signals_table, 2, 0)
        lower.addWidget(widgets.muted("Dubbelklik om het dossier te openen."), 1, 1)
        lower.addWidget(self.queue_table, 2, 1)
        lower.setColumnStretch(0, 64)
        lower.setColumnStretch(1, 36)
        lower.setRowStretch(2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(10)
        head = QVBoxLayout()
        head.setSpacing(0)
        head.addWidget(self.title)
        head.addWidget(self.subtitle)
        layout.addLayout(head)
        layout.addLayout(cards)
        layout.addLayout(lower, 1)

    # ---- hooks -------------------------------------------------------------------------

    def refresh(self) -> None:
        register, on = self.session.register, self.session.as_of
        self.subtitle.setText(f"Stand op {formatting.long_date(on)}")
        self._show_quota(quota_status(register, on))
        self._show_budget(coaching_budget(register, on))
        self._show_queue(queue(register, on))
        signals = load_signals(register, on, horizon_days=HORIZON_DAYS)
        self.signals_table.set_rows(worklist(signals, on))
        self.signals_note.setText(_signals_summary(signals, on))

    def focus_filter(self) -> bool:
        self.signals_table.focus_filter()
        return True

    def document(self) -> tuple[bytes, str] | None:
        from beschut_desktop.documents.quota_report import build_quota_report

        on = self.session.as_of
        pdf = build_quota_report(self.session.register, on)
        return pdf, f"Taakstelling en begeleidingsbudget {on.isoformat()}"

    # ---- parts -------------------------------------------------------------------------

    def _show_quota(self, status: QuotaStatus) -> None:
        figure, line, kinds = quota_texts(status)
        self.quota_heading.setText(f"Taakstelling {status.year}")
        self.quota_figure.setText(figure)
        self.quota_line.setText(line)
        self.quota_line.setProperty("role", "warning" if status.quota is None else "muted")
        _repolish(self.quota_line)
        self.quota_kinds.setText(kinds)

    def _show_budget(self, budget: CoachingBudget) -> None:
        bar, line, amount = budget_texts(budget)
        self.budget_heading.setText(f"Begeleiding {budget.on.year} (uren per week)")
        self.hours_bar.set_values(budget.used_hours, budget.available_hours, bar)
        self.hours_line.setText(line)
        self.amount_line.setText(amount)

    def _show_queue(self, entries: list[QueueEntry]) -> None:
        unknown = [e for e in entries if e.status == UNKNOWN]
        if unknown:
            self.queue_figure.setText(str(len(unknown)))
            year = self.session.as_of.year
            self.queue_line.setText(f"in de rij; te plaatsen of wachtend: {unknown_text(year)}")
            self.queue_table.set_rows(entries)
            return
        waiting = sum(e.status == WAITING for e in entries)
        to_place = sum(e.status == TO_PLACE for e in entries)
        self.queue_figure.setText(str(waiting))
        person_word = "persoon" if waiting == 1 else "personen"
        line = f"{person_word} op de wachtlijst"
        if to_place:
            line += f"; {to_place} te plaatsen (een plek moet nu worden aangeboden)"
        self.queue_line.setText(line)
        self.queue_table.set_rows(entries)


def _signals_summary(signals: list[Signal], on: dt.date) -> str:
    if not signals:
        return "Niets te doen in de komende 8 weken."
    counts = [sum(1 for s in signals if group_of(s, on) == g) for g in range(len(GROUPS))]
    parts = [f"{name.lower()} {count}" for name, count in zip(GROUPS, counts, strict=True)]
    return (
        f"{'; '.join(parts).capitalize()}. Dubbelklik of Enter opent de stap die het "
        "signaal afhandelt."
    )


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


__all__ = ["GROUPS", "OverviewSection", "budget_texts", "group_of", "quota_texts", "worklist"]
