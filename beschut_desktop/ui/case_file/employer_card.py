"""The employer card: kind and category (R9), cao (R13), contact, the conditions checklist with
evidence and dates (R12, R15, R16, R17), the coaches with their nine criteria, tailored
agreements and deadlines, the employer's placements, notes and history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.actions import cases, employers
from beschut_desktop.rules import conditions
from beschut_desktop.rules.model import Coach, Note, TailoredAgreement
from beschut_desktop.ui import document_actions, forms, widgets
from beschut_desktop.ui.case_file.history import HistoryTab
from beschut_desktop.ui.case_file.panel import ListPanel
from beschut_desktop.ui.case_file.record_page import RecordPage
from beschut_desktop.ui.case_file.rows import (
    PLACEMENT_COLUMNS,
    clicked_column,
    overdue,
    placement_rows,
    placement_tab,
)
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.case_file.tabs_misc import NOTE_COLUMNS
from beschut_desktop.ui.dialogs.employer import AgreementDialog, CoachDialog, EmployerDialog
from beschut_desktop.ui.dialogs.indication import NoteDialog
from beschut_desktop.ui.session import Session
from beschut_desktop.ui.table_model import Column
from beschut_desktop.wording import COACH_CRITERIA, value_label

D = formatting.short_date
MARKS = {True: "✓", False: "✗", None: "?"}
TONES = {True: "good", False: "bad", None: "warning"}

CHECK_COLUMNS = [
    Column("rule", "Regel", width=55),
    Column("subject", "Betreft", width=150),
    Column("label", "Voorwaarde", width=380, tooltip=lambda i: i.label),
    Column(
        "met",
        "Voldaan",
        lambda i: MARKS[i.met],
        lambda i: {False: 0, None: 1, True: 2}[i.met],
        tone=lambda i: TONES[i.met],
        width=75,
    ),
    Column("reason", "Bewijs of toelichting", tooltip=lambda i: i.reason, width=300),
    Column("deadline", "Uiterlijk", lambda i: D(i.deadline), width=90),
]


class _CoachRow:
    def __init__(self, coach: Coach, met: int, assessed: int) -> None:
        self.id = coach.id
        self.coach = coach
        self.score = f"{met} van {len(COACH_CRITERIA)} voldaan" + (
            f", {len(COACH_CRITERIA) - assessed} niet beoordeeld"
            if assessed < len(COACH_CRITERIA)
            else ""
        )
        self.met = met


COACH_COLUMNS = [
    Column("name", "Begeleider", lambda r: r.coach.name, lambda r: r.coach.name, width=180),
    Column("phone", "Telefoon", lambda r: r.coach.phone or "", lambda r: r.coach.phone, width=120),
    Column("email", "E-mail", lambda r: r.coach.email or "", lambda r: r.coach.email, width=200),
    Column(
        "score",
        "Criteria (R15)",
        sort_key=lambda r: r.met,
        tone=lambda r: "good" if r.met == len(COACH_CRITERIA) else "warning",
    ),
]
AGREEMENT_COLUMNS = [
    Column("reason", "Reden", lambda a: value_label("agreement_reason", a.reason), width=250),
    Column("agreed_on", "Afgesproken", lambda a: D(a.agreed_on), width=95),
    Column("deadline", "Uiterlijk", lambda a: D(a.deadline), width=90),
    Column(
        "confirmed",
        "Bevestigd",
        lambda a: "ja" if a.employer_confirmed else "nee",
        lambda a: a.employer_confirmed,
        width=80,
    ),
    Column(
        "fulfilled", "Voldaan op", lambda a: D(a.fulfilled_on), lambda a: a.fulfilled_on, width=90
    ),
    Column("prospect", "Vooruitzicht", lambda a: a.prospect or "", tooltip=lambda a: a.prospect),
]


class EmployerCard(RecordPage):
    """One employer; ``show_employer(id)`` fills it."""

    def __init__(
        self, session: Session, main_window: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, main_window, parent)
        self.employer_id = 0
        edit = QPushButton("Gegevens wijzigen")
        edit.clicked.connect(self.edit)
        delete = QPushButton("Verwijderen…")
        delete.setObjectName("delete_employer")
        delete.clicked.connect(self.delete)
        self.check_button = self.document_menu(
            "Voorwaardencheck",
            "card_check",
            "De voorwaarden en de contractcontrole van deze werkgever op de peildatum",
        )
        document_actions.fill_employer_menu(
            self.check_button.menu(), self, session, lambda: self.employer_id or None
        )
        top = self.header(
            "← Alle werkgevers",
            title_name="employer_title",
            buttons=[self.check_button, edit, delete],
        )
        self.facts = QLabel()
        self.facts.setObjectName("employer_facts")
        self.facts.setWordWrap(True)

        def on() -> dt.date:
            return self.session.as_of

        def subject(item: Any) -> str:
            """A case number with the name beside it, on the consultant's own screen."""
            number = item.subject or ""
            person = next(
                (p for p in self.session.register.persons if p.case_number == number), None
            )
            return f"{number} {person.full_name}" if person else number

        checks = [
            overdue(c, on, lambda i: i.deadline, lambda i: i.met is not True)
            if c.key == "deadline"
            else replace(c, display=subject, width=190)
            if c.key == "subject"
            else c
            for c in CHECK_COLUMNS
        ]
        self.checklist = ListPanel(
            "Voorwaarden (R12, R13, R15, R16, R17)", checks, filter_visible=True
        )
        self.coaches = ListPanel("Begeleiders", COACH_COLUMNS)
        self.coaches.button("Nieuwe begeleider", self.add_coach, name="add_coach")
        self.coaches.button(
            "Criteria bijwerken", self.edit_coach, needs_row=True, name="edit_coach"
        )
        self.coaches.button("Verwijderen…", self.delete_coach, needs_row=True)
        self.criteria = ListPanel("Criteria van de gekozen begeleider (R15)", checks[2:])
        self.coaches.table.current_changed.connect(lambda _r: self._fill_criteria())
        agreement_columns = [
            overdue(c, on, lambda a: a.deadline, lambda a: a.fulfilled_on is None)
            if c.key == "deadline"
            else c
            for c in AGREEMENT_COLUMNS
        ]
        self.agreements = ListPanel("Maatwerkafspraken (R17)", agreement_columns)
        self.agreements.button("Nieuwe afspraak", self.add_agreement, name="add_agreement")
        self.agreements.button(
            "Voldaan", self.fulfil, when=lambda a: a.fulfilled_on is None, name="fulfil"
        )
        self.agreements.button("Verwijderen…", self.delete_agreement, needs_row=True)
        columns = [
            PLACEMENT_COLUMNS[k]
            for k in ("person", "job", "start", "end", "hours", "status", "review", "check")
        ]
        self.placements = ListPanel(
            "Plaatsingen", columns, hint="Dubbelklik opent het dossier van de persoon."
        )
        self.placements.table.activated.connect(
            lambda row: (
                self.main_window
                and self.main_window.open_person(
                    row.placement.person_id,
                    placement_tab(clicked_column(self.placements.table)),
                    row.id,
                )
            )
        )
        self.notes = ListPanel("Notities", NOTE_COLUMNS)
        self.notes.button("Nieuwe notitie", self.add_note)
        self.notes.button("Verwijderen…", self.delete_note, needs_row=True)
        self.history = HistoryTab()

        coach_page = QWidget()
        coach_layout = QVBoxLayout(coach_page)
        coach_layout.addWidget(self.coaches, 1)
        coach_layout.addWidget(self.criteria, 2)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._pages = {
            "conditions": self.checklist,
            "coaches": coach_page,
            "agreements": self.agreements,
            "placements": self.placements,
            "notes": self.notes,
            "history": self.history,
        }
        for key, title in (
            ("conditions", "Voorwaarden"),
            ("coaches", "Begeleiders"),
            ("agreements", "Maatwerkafspraken"),
            ("placements", "Plaatsingen"),
            ("notes", "Notities"),
            ("history", "Geschiedenis"),
        ):
            self._pages[key].setObjectName(f"employer_tab_{key}")
            self.tabs.addTab(self._pages[key], title)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)

    def show_employer(self, employer_id: int, tab: str | None = None) -> None:
        self.employer_id = employer_id
        if tab in self._pages:
            self.tabs.setCurrentWidget(self._pages[tab])
        self.refresh()

    def show_tab(self, tab: str) -> None:
        self.tabs.setCurrentWidget(self._pages[tab])

    def refresh(self) -> None:
        register, on = self.session.register, self.session.as_of
        employer = register.employer(self.employer_id)
        if employer is None:
            return
        self.title.setText(employer.name)
        cao = value_label("cao", employer.cao)
        if employer.cao == "sector" and employer.cao_name:
            cao += (
                f" ({employer.cao_name}"
                + (", gunstiger" if employer.sector_cao_more_favourable else "")
                + ")"
            )
        facts = [
            value_label("employer_kind", employer.kind),
            f"categorie {value_label('employer_category', employer.category)}",
            cao,
        ]
        if employer.transitional_arrangement:
            facts.append(f"overgangsregeling: {employer.transitional_arrangement}")
        contact = ", ".join(
            filter(
                None,
                [
                    employer.contact_name,
                    employer.phone,
                    employer.email,
                    employer.address,
                    " ".join(filter(None, [employer.postal_code, employer.city])),
                ],
            )
        )
        self.facts.setText(" · ".join(facts) + (f"\nContact: {contact}" if contact else ""))
        check, reason = try_rule(conditions.employer_conditions, register, employer.id, on)
        self.checklist.set_rows(check.items if check else [])
        self.checklist.set_hint("" if check else f"Voorwaardenlijst: {reason}.")
        if check:
            open_items = len(check.open_items)
            self.checklist.set_hint(
                f"{open_items} van {len(check.items)} punten open (peildatum {D(on)})."
                if open_items
                else "Alle voorwaarden zijn aangetoond."
            )
        criteria = [c for c in register.coach_criteria]
        coach_rows = []
        for coach in register.coaches:
            if coach.employer_id != employer.id:
                continue
            mine = [c for c in criteria if c.coach_id == coach.id]
            coach_rows.append(_CoachRow(coach, sum(1 for c in mine if c.met), len(mine)))
        self.coaches.set_rows(coach_rows)
        self._fill_criteria()
        agreements: list[TailoredAgreement] = [
            a for a in register.tailored_agreements if a.employer_id == employer.id
        ]
        self.agreements.set_rows(sorted(agreements, key=lambda a: a.deadline))
        mine = sorted(
            (p for p in register.placements if p.employer_id == employer.id),
            key=lambda p: p.start_date or p.offer_date or on,
            reverse=True,
        )
        self.placements.set_rows(placement_rows(register, mine, on))
        notes: list[Note] = sorted(
            (n for n in register.notes if n.employer_id == employer.id),
            key=lambda n: (n.created_on, n.id),
            reverse=True,
        )
        self.notes.set_rows(notes)
        if self.tabs.currentWidget() is self.history:
            self.history.show_entries(self.session.store.history(employer_id=employer.id))

    def _fill_criteria(self) -> None:
        row = self.coaches.current()
        if row is None:
            self.criteria.set_rows([])
            return
        self.criteria.set_rows(conditions.coach_items(self.session.register, row.coach))

    # ---- flows -----------------------------------------------------------------------

    def _act(self, write: Any) -> None:
        from beschut_desktop.errors import UserError

        try:
            with self.session.atomic() as store:
                write(store)
        except UserError as exc:
            widgets.inform(self, "Niet opgeslagen", exc.message, widgets.QMessageBox.Icon.Warning)

    def edit(self) -> None:
        employer = self.session.register.employer(self.employer_id)
        if employer is not None:
            self.run(EmployerDialog(self.session, employer, self))

    def delete(self) -> None:
        employer = self.session.register.employer(self.employer_id)
        if employer is None:
            return
        if any(p.employer_id == employer.id for p in self.session.register.placements):
            widgets.inform(
                self,
                "Niet verwijderd",
                f"{employer.name} heeft plaatsingen en kan daarom niet worden verwijderd.",
                widgets.QMessageBox.Icon.Warning,
            )
            return
        if forms.confirm_delete(
            self,
            employer.name,
            "Begeleiders, afspraken en notities van deze werkgever verdwijnen mee.",
        ):
            self._act(lambda store: cases.delete(store, "employers", employer.id))
            if self.session.register.employer(employer.id) is None:
                self.removed.emit()

    def add_coach(self) -> None:
        self.run(CoachDialog(self.session, self.employer_id, parent=self))

    def edit_coach(self) -> None:
        row = self.coaches.current()
        if row is not None:
            self.run(CoachDialog(self.session, self.employer_id, row.coach, self))

    def delete_coach(self) -> None:
        row = self.coaches.current()
        if row is not None and forms.confirm_delete(
            self,
            f"begeleider {row.coach.name}",
            "Plaatsingen met deze begeleider houden geen begeleider over.",
        ):
            self._act(lambda store: cases.delete(store, "coaches", row.id))

    def add_agreement(self) -> None:
        self.run(AgreementDialog(self.session, self.employer_id, self))

    def fulfil(self) -> None:
        agreement = self.agreements.current()
        if agreement is not None:
            day = max(self.session.today(), agreement.agreed_on)
            self._act(lambda store: employers.fulfil_agreement(store, agreement.id, day))

    def delete_agreement(self) -> None:
        agreement = self.agreements.current()
        if agreement is not None and forms.confirm_delete(
            self, f"de maatwerkafspraak van {D(agreement.agreed_on)}"
        ):
            self._act(lambda store: cases.delete(store, "tailored_agreements", agreement.id))

    def add_note(self) -> None:
        self.run(NoteDialog(self.session, employer_id=self.employer_id, parent=self))

    def delete_note(self) -> None:
        note = self.notes.current()
        if note is not None and forms.confirm_delete(self, f"de notitie van {D(note.created_on)}"):
            self._act(lambda store: cases.delete(store, "notes", note.id))
