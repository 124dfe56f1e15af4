"""Case-file tabs: objections and appeals with their Awb terms (R10), and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.rules import awb
from beschut_desktop.rules.model import Note, Objection
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.case_file.panel import ListPanel
from beschut_desktop.ui.case_file.rows import OVERDUE_TEXT
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.dialogs import indication as indication_dialogs
from beschut_desktop.ui.dialogs import objection as dialogs
from beschut_desktop.ui.table_model import Column
from beschut_desktop.wording import value_label

if TYPE_CHECKING:
    from beschut_desktop.ui.case_file.case_file import CaseFile

D = formatting.short_date


class _ObjectionRow:
    def __init__(self, objection: Objection, against: str, due: str, late: bool = False) -> None:
        self.id = objection.id
        self.objection = objection
        self.against = against
        self.due = due
        self.late = late


OBJECTION_COLUMNS = [
    Column("kind", "Soort", lambda r: value_label("objection_kind", r.objection.kind), width=80),
    Column("against", "Gericht tegen", width=230),
    Column(
        "lodged",
        "Ingediend",
        lambda r: D(r.objection.lodged_date),
        lambda r: r.objection.lodged_date,
        width=90,
    ),
    Column(
        "terms",
        "Termijnen",
        lambda r: ", ".join(
            filter(
                None,
                [
                    "adviescommissie" if r.objection.advisory_committee else "",
                    f"{r.objection.deferral_weeks} wk verdaagd"
                    if r.objection.deferral_weeks
                    else "",
                    f"{r.objection.suspended_days} dg opgeschort"
                    if r.objection.suspended_days
                    else "",
                ],
            )
        ),
        width=200,
    ),
    Column(
        "due",
        "Beslissen uiterlijk",
        width=150,
        tone=lambda r: "bad" if r.late else None,
        tooltip=lambda r: OVERDUE_TEXT if r.late else "",
    ),
    Column(
        "outcome",
        "Uitkomst",
        lambda r: (
            value_label("objection_outcome", r.objection.outcome)
            + (f" ({D(r.objection.decided_on)})" if r.objection.decided_on else "")
        ),
        width=160,
    ),
]


class ObjectionsTab(QWidget):
    """Objections and appeals: lodge, keep the terms, decide; upheld against an offer leads
    straight to a new offer (R10)."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.panel = ListPanel("Bezwaar en beroep", OBJECTION_COLUMNS)
        self.panel.button("Bezwaar of beroep vastleggen", self.lodge, name="lodge")
        self.panel.button("Termijnen en beslissing", self.progress, needs_row=True, name="progress")
        self.panel.button("Verwijderen…", self.delete, needs_row=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def refresh(self) -> None:
        register = self.case.register
        rows = []
        for objection in register.objections:
            if objection.person_id != self.case.person_id:
                continue
            against = ""
            if objection.decision_id and register.decision(objection.decision_id):
                decision = register.decision(objection.decision_id)
                against = (
                    f"{value_label('decision_kind', decision.kind)} van {D(decision.decision_date)}"
                )
            elif objection.placement_id and register.placement(objection.placement_id):
                placement = register.placement(objection.placement_id)
                employer = register.employer(placement.employer_id)
                against = f"Aanbod {employer.name if employer else ''}"
            due_text, late = "", False
            if objection.decided_on is None:
                due, reason = try_rule(awb.decision_due_in, register, objection)
                due_text = D(due) if due else reason
                late = due is not None and due < self.case.on
            rows.append(_ObjectionRow(objection, against, due_text, late))
        rows.sort(key=lambda r: r.objection.lodged_date, reverse=True)
        self.panel.set_rows(rows)

    def lodge(self, target: str | None = None) -> None:
        self.case.run(
            dialogs.ObjectionDialog(
                self.case.session, self.case.person_id, target=target, parent=self
            )
        )

    def progress(self) -> None:
        row = self.panel.current()
        if row is None:
            return
        dialog = dialogs.ObjectionProgressDialog(self.case.session, row.objection, self)
        if not self.case.run(dialog) or dialog.decided is None:
            return
        if dialog.decided.new_offer_needed:
            if (
                widgets.ask(
                    self,
                    "Nieuw aanbod",
                    "Het bezwaar tegen het aanbod is gegrond: er "
                    "moet een nieuw aanbod volgen (R10). Nu een werkplek aanbieden?",
                    ["Nu aanbieden", "Later"],
                    default=0,
                    escape=1,
                )
                == 0
            ):
                self.case.show_tab("placements")
                self.case.placements.offer()
        elif dialog.decided.new_decision_needed:
            widgets.inform(
                self,
                "Nieuwe beschikking",
                "Het bezwaar is gegrond: neem een nieuwe beschikking (tabblad Indicatie).",
            )

    def delete(self) -> None:
        row = self.panel.current()
        if row is not None and forms.confirm_delete(
            self,
            f"het {value_label('objection_kind', row.objection.kind).lower()} van "
            f"{D(row.objection.lodged_date)}",
        ):
            self.case.delete_record("objections", row.id)


NOTE_COLUMNS = [
    Column("created_on", "Datum", lambda n: D(n.created_on), width=90),
    Column("text", "Notitie", lambda n: n.text.replace("\n", " "), tooltip=lambda n: n.text),
]


class NotesTab(QWidget):
    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.panel = ListPanel("Notities", NOTE_COLUMNS, filter_visible=True)
        self.panel.button("Nieuwe notitie", self.add, name="add_note")
        self.panel.button("Verwijderen…", self.delete, needs_row=True, name="delete_note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def refresh(self) -> None:
        notes: list[Note] = [
            n for n in self.case.register.notes if n.person_id == self.case.person_id
        ]
        notes.sort(key=lambda n: (n.created_on, n.id), reverse=True)
        self.panel.set_rows(notes)

    def add(self) -> None:
        self.case.run(
            indication_dialogs.NoteDialog(
                self.case.session, person_id=self.case.person_id, parent=self
            )
        )

    def delete(self) -> None:
        note = self.panel.current()
        if note is not None and forms.confirm_delete(self, f"de notitie van {D(note.created_on)}"):
            self.case.delete_record("notes", note.id)
