"""The audit trail in the window (Beeld → Auditspoor…): every change and every read of
personal data, newest first, filtered by person, period and kind.

The list names a person by case number; their name shows only on this screen, which is the
consultant's own. Opening the viewer is not itself a read of anyone's data.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop import formatting
from beschut_desktop.rules.model import case_number
from beschut_desktop.store import audit
from beschut_desktop.ui import widgets
from beschut_desktop.ui.case_file.history import history_line
from beschut_desktop.ui.session import Session
from beschut_desktop.ui.table_model import Column

KINDS = {"all": "Alles", "changes": "Wijzigingen", "reads": "Inzage en uitvoer"}
LIMIT = 5000


@dataclass(frozen=True)
class TrailLine:
    id: int
    at: dt.datetime
    who: str
    kind: str  # "Wijziging" | "Inzage"
    person: str  # "BW-00012 Jan Mulder", or ""
    what: str
    details: str


def trail_line(entry: dict[str, Any], names: dict[int, str]) -> TrailLine:
    person_id = entry.get("person_id")
    person = ""
    if person_id:
        person = f"{case_number(person_id)} {names.get(person_id, '')}".strip()
    if entry["action"] == audit.READ:
        changes = json.loads(entry["changes"]) if entry.get("changes") else {}
        what = audit.READ_KINDS.get(entry["table_name"], entry["table_name"]).capitalize()
        return TrailLine(
            entry["id"],
            dt.datetime.fromisoformat(entry["at"]),
            entry["os_user"],
            "Inzage",
            person,
            what,
            changes.get("onderwerp", ""),
        )
    line = history_line(entry)
    return TrailLine(line.id, line.at, line.who, "Wijziging", person, line.what, line.changes)


COLUMNS = [
    Column(
        "at",
        "Wanneer",
        lambda t: f"{formatting.short_date(t.at.date())} {t.at:%H:%M}",
        lambda t: t.at,
        width=135,
    ),
    Column("who", "Wie", width=90),
    Column("kind", "Soort", width=80),
    Column("person", "Persoon", width=170),
    Column("what", "Wat", width=220),
    Column("details", "Details", tooltip=lambda t: t.details.replace("; ", "\n")),
]


class AuditTrailDialog(QDialog):
    """The whole audit trail with three filters; the table filters further as you type."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Auditspoor")
        self.person = QComboBox()
        self.person.setObjectName("audit_person")
        self.person.setAccessibleName("Persoon")
        self.person.addItem("Iedereen", None)
        for person in sorted(session.register.persons, key=lambda p: p.id):
            self.person.addItem(f"{person.case_number} {person.full_name}", person.id)
        self.since = widgets.DateEdit(accessible_name="Vanaf datum")
        self.since.setObjectName("audit_since")
        self.until = widgets.DateEdit(accessible_name="Tot en met datum")
        self.until.setObjectName("audit_until")
        self.kind = QComboBox()
        self.kind.setObjectName("audit_kind")
        self.kind.setAccessibleName("Soort")
        for key, text in KINDS.items():
            self.kind.addItem(text, key)
        self.problem = QLabel()
        self.problem.setObjectName("audit_problem")
        self.problem.setStyleSheet("color: #a40000")
        self.table = widgets.RecordTable(
            COLUMNS, accessible_name="Auditspoor", placeholder="Zoeken in het auditspoor…"
        )
        filters = QFormLayout()
        filters.addRow("Persoon", self.person)
        period = QHBoxLayout()
        period.addWidget(self.since)
        period.addWidget(QLabel("t/m"))
        period.addWidget(self.until)
        period.addStretch(1)
        filters.addRow("Periode", period)
        filters.addRow("Soort", self.kind)
        buttons = QDialogButtonBox()
        buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.person.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.value_changed.connect(self.refresh)
        self.until.value_changed.connect(self.refresh)
        self.resize(980, 600)
        self.refresh()

    def refresh(self) -> None:
        problems = [p for p in (self.since.problem(), self.until.problem()) if p]
        self.problem.setText("; ".join(problems))
        self.problem.setVisible(bool(problems))
        if problems:
            return
        kind = self.kind.currentData()
        entries = audit.trail(
            self.session.store.conn,
            person_id=self.person.currentData(),
            since=self.since.date(),
            until=self.until.date(),
            reads=None if kind == "all" else kind == "reads",
            limit=LIMIT,
        )
        names = {p.id: p.full_name for p in self.session.register.persons}
        self.table.set_rows([trail_line(e, names) for e in entries])


def show_audit_trail(session: Session, parent: QWidget | None = None) -> AuditTrailDialog:
    dialog = AuditTrailDialog(session, parent)
    dialog.open()
    return dialog
