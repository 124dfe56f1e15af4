"""Signalen: everything the signals engine lists, filterable, and marking one handled.

The engine (``rules.signals.signals_on``) decides what is a signal; this page only shows and
filters it. Marking a signal handled writes a ``handled_signals`` row (audited) for that cause
and due date; the engine hides it for that due date, and a next due date or a cause that
remains is a new signal — so nothing here needs to know why a signal came.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop import formatting
from beschut_desktop.errors import UserError
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.results import Signal
from beschut_desktop.ui import widgets
from beschut_desktop.ui.sections import Section
from beschut_desktop.ui.table_model import Column

PERIODS: list[tuple[str, int]] = [
    ("Komende 4 weken", 28),
    ("Komende 8 weken", 56),
    ("Komende 3 maanden", 91),
    ("Komend halfjaar", 182),
    ("Komend jaar", 366),
]
DEFAULT_PERIOD = 1


def load_signals(
    register: Register, on: dt.date, *, horizon_days: int, include_handled: bool = False
) -> list[Signal]:
    """Every signal due up to ``horizon_days`` after ``on`` (whatever its own lead time: the
    period chosen is what the consultant wants to see), and everything overdue."""
    from beschut_desktop.rules.signals import signals_on

    until = on + dt.timedelta(days=horizon_days)
    return signals_on(register, on, include_handled=include_handled, until=until)


def kind_labels() -> dict[str, str]:
    try:
        from beschut_desktop.rules.signals import SIGNAL_KINDS
    except ImportError:
        return {}
    return dict(SIGNAL_KINDS)


def open_signal(main_window: Any, signal: Signal) -> None:
    """Open the step that settles a signal, in front of its case file (``signal_steps``)."""
    from beschut_desktop.ui.signal_steps import settle

    settle(main_window, signal)


def subject(register: Register, signal: Signal) -> str:
    """Who or what a signal is about on the consultant's screen: case number and name, employer
    (paper that may leave the desk has initials: ``documents.common.person_ref``)."""
    parts = []
    person = register.person(signal.person_id) if signal.person_id is not None else None
    placement = register.placement(signal.placement_id) if signal.placement_id is not None else None
    if person is None and placement is not None:
        person = register.person(placement.person_id)
    if person is not None:
        parts.append(f"{person.case_number} {person.full_name}")
    employer_id = signal.employer_id or (placement.employer_id if placement else None)
    employer = register.employer(employer_id) if employer_id is not None else None
    if employer is not None:
        parts.append(employer.name)
    return " · ".join(parts)


def subject_bsn(register: Register, signal: Signal) -> str:
    """The BSN of the person a signal is about: found by the filter, never shown in the list."""
    person_id = signal.person_id
    if person_id is None and signal.placement_id is not None:
        placement = register.placement(signal.placement_id)
        person_id = placement.person_id if placement else None
    person = register.person(person_id) if person_id is not None else None
    return person.bsn if person else ""


def state_text(signal: Signal) -> str:
    if signal.handled:
        return "Afgehandeld"
    return "Te laat" if signal.overdue else "Open"


def _tone(signal: Signal) -> str | None:
    if signal.handled:
        return "muted"
    return "bad" if signal.overdue else None


def signal_columns(register_of: Any = None, *, compact: bool = False) -> list[Column]:
    """Columns of a signal list. ``register_of`` () -> Register gives the 'Betreft' column."""
    kinds = kind_labels()
    columns = [
        Column(
            "due_date",
            "Datum",
            display=lambda s: formatting.short_date(s.due_date),
            tone=_tone,
            width=86,
        ),
        Column("title", "Signaal", tone=_tone, width=230 if compact else 250),
    ]
    if register_of is not None:
        columns.append(
            Column(
                "subject",
                "Betreft",
                display=lambda s: subject(register_of(), s),
                width=200,
                search=lambda s: subject_bsn(register_of(), s),
            )
        )
    if not compact:
        columns.append(
            Column("kind", "Soort", display=lambda s: kinds.get(s.kind, s.kind), width=140)
        )
        columns.append(Column("state", "Status", display=state_text, tone=_tone, width=90))
    columns.append(Column("detail", "Toelichting", tooltip=lambda s: s.detail))
    return columns


class SignalsSection(Section):
    """All signals with filters on kind, period and overdue; mark one handled with a note."""

    def __init__(self, session: Any, main_window: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, main_window, parent)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Soort signaal")
        self.kind_combo.addItem("Alle soorten", None)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName("Periode")
        for text, days in PERIODS:
            self.period_combo.addItem(text, days)
        self.period_combo.setCurrentIndex(DEFAULT_PERIOD)
        self.overdue_only = QCheckBox("Alleen te laat")
        self.show_handled = QCheckBox("Ook afgehandelde")
        self.print_names = QCheckBox("Afdrukken met namen")
        self.print_names.setObjectName("print_with_names")
        self.print_names.setToolTip(
            "Ctrl+P drukt de signalenlijst af met namen in plaats van initialen: "
            "alleen voor een lijst die binnen blijft"
        )
        self.table = widgets.RecordTable(
            signal_columns(lambda: self.session.register),
            accessible_name="Signalen",
            placeholder="Zoeken in signalen (naam, dossier, BSN, werkgever, tekst)…",
        )
        self.table.activated.connect(lambda s: open_signal(self.main_window, s))
        self.table.current_changed.connect(self._on_current)
        self.note = widgets.muted()

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.handled_note = QLineEdit()
        self.handled_note.setPlaceholderText("Notitie bij de afhandeling (wat is er gedaan?)")
        self.handled_note.setAccessibleName("Notitie bij de afhandeling")
        self.handle_button = QPushButton("Afgehandeld")
        self.handle_button.setAccessibleName("Signaal als afgehandeld markeren")
        self.handle_button.clicked.connect(self.mark_handled)
        self.undo_button = QPushButton("Afhandeling ongedaan maken")
        self.undo_button.clicked.connect(self.undo_handled)
        self.open_button = QPushButton("Openen")
        self.open_button.setAccessibleName("Dossier van het signaal openen")
        self.open_button.clicked.connect(self._open_current)

        for combo in (self.kind_combo, self.period_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_handled.toggled.connect(lambda _c: self.refresh())
        self.overdue_only.toggled.connect(lambda _c: self._apply_filter())

        filters = QHBoxLayout()
        kind_label, period_label = QLabel("Soort"), QLabel("Periode")
        kind_label.setBuddy(self.kind_combo)  # Alt+letter and the screen reader reach it
        period_label.setBuddy(self.period_combo)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_combo)
        filters.addSpacing(12)
        filters.addWidget(period_label)
        filters.addWidget(self.period_combo)
        filters.addStretch(1)
        checks = QHBoxLayout()  # a row of its own, so the page fits 1024 pixels at 125 %
        checks.addWidget(self.overdue_only)
        checks.addWidget(self.show_handled)
        checks.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.handled_note, 1)
        actions.addWidget(self.handle_button)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(widgets.heading("Signalen"))
        head.addStretch(1)
        head.addWidget(self.print_names)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        self._on_current(None)

    # ---- hooks -------------------------------------------------------------------------

    def refresh(self) -> None:
        register, on = self.session.register, self.session.as_of
        days = int(self.period_combo.currentData())
        signals = load_signals(
            register, on, horizon_days=days, include_handled=self.show_handled.isChecked()
        )
        self._fill_kinds(signals)
        self.table.set_rows(signals)
        self._apply_filter()
        until = formatting.short_date(on + dt.timedelta(days=days))
        self.note.setText(
            f"Peildatum {formatting.short_date(on)}; signalen tot en "
            f"met {until}, en alles wat te laat is. Dubbelklik om te openen."
        )
        self._on_current(self.table.current())

    def focus_filter(self) -> bool:
        self.table.focus_filter()
        return True

    def document(self) -> tuple[bytes, str] | None:
        from beschut_desktop.documents.signals_list import build_signals_list

        on, names = self.session.as_of, self.print_names.isChecked()
        name = f"Signalen {'met namen ' if names else ''}{on.isoformat()}"
        self.session.store.audit_read("document", subject=name)  # it names persons
        return build_signals_list(self.session.register, on, with_names=names), name

    # ---- actions -----------------------------------------------------------------------

    def mark_handled(self) -> None:
        """Write the handled signal (audited); the note says what was done."""
        signal = self.table.current()
        if signal is None or signal.handled:
            return
        try:
            self.session.insert(
                "handled_signals",
                {
                    "signal_key": signal.key,
                    "due_date": signal.due_date,
                    "handled_on": self.session.today(),
                    "note": self.handled_note.text(),
                },
            )
        except UserError as exc:
            widgets.inform(self, "Niet afgehandeld", exc.message, widgets.QMessageBox.Icon.Warning)
            return
        self.handled_note.clear()
        self.main_window.statusBar().showMessage(f"Afgehandeld: {signal.title}.", 5000)

    def undo_handled(self) -> None:
        signal = self.table.current()
        if signal is None or not signal.handled:
            return
        found = next(
            (
                h
                for h in self.session.register.handled_signals
                if h.signal_key == signal.key and h.due_date == signal.due_date
            ),
            None,
        )
        if found is not None:
            self.session.delete("handled_signals", found.id)

    # ---- internals ---------------------------------------------------------------------

    def _fill_kinds(self, signals: list[Signal]) -> None:
        labels = kind_labels()
        kinds = sorted(
            {*labels, *(s.kind for s in signals)}, key=lambda k: labels.get(k, k).casefold()
        )
        current = self.kind_combo.currentData()
        if [self.kind_combo.itemData(i) for i in range(1, self.kind_combo.count())] == kinds:
            return
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem("Alle soorten", None)
        for kind in kinds:
            self.kind_combo.addItem(labels.get(kind, kind), kind)
        index = self.kind_combo.findData(current)
        self.kind_combo.setCurrentIndex(max(index, 0))
        self.kind_combo.blockSignals(False)

    def _apply_filter(self) -> None:
        kind = self.kind_combo.currentData()
        overdue = self.overdue_only.isChecked()
        if kind is None and not overdue:
            self.table.proxy.set_predicate(None)
        else:
            self.table.proxy.set_predicate(
                lambda s: (kind is None or s.kind == kind) and (not overdue or s.overdue)
            )
        self.table._count()

    def _on_current(self, signal: Signal | None) -> None:
        if signal is None:
            self.detail.setText("Kies een signaal om het af te handelen of te openen.")
        else:
            who = subject(self.session.register, signal)
            self.detail.setText(
                f"<b>{escape(signal.title)}</b> ({escape(signal.rule)}, "
                f"{formatting.short_date(signal.due_date)})"
                f"{' — ' + escape(who) if who else ''}<br>"
                f"{escape(signal.detail)}"
            )
        self.handle_button.setEnabled(signal is not None and not signal.handled)
        self.handled_note.setEnabled(signal is not None and not signal.handled)
        self.undo_button.setVisible(signal is not None and signal.handled)
        self.open_button.setEnabled(signal is not None)

    def _open_current(self) -> None:
        signal = self.table.current()
        if signal is not None:
            open_signal(self.main_window, signal)
