"""Case-file tab: the letters made for the person, and recording the day each was sent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.ui import document_actions, letter_actions
from beschut_desktop.ui.case_file.panel import ListPanel
from beschut_desktop.ui.table_model import Column
from beschut_desktop.wording import value_label

if TYPE_CHECKING:
    from beschut_desktop.ui.case_file.case_file import CaseFile

D = formatting.short_date


@dataclass(frozen=True)
class LetterRow:
    id: int
    kind: str
    letter_date: dt.date
    made_on: dt.date
    template: str
    placement_id: int | None
    sent_date: dt.date | None


COLUMNS = [
    Column("letter_date", "Datum brief", lambda r: D(r.letter_date), width=110),
    Column("kind", "Brief", lambda r: value_label("letter_kind", r.kind), width=290),
    Column("placement_id", "Plaatsing", lambda r: str(r.placement_id or ""), width=90),
    Column("template", "Sjabloon", lambda r: value_label("template", r.template), width=130),
    Column("made_on", "Gemaakt op", lambda r: D(r.made_on), width=110),
    Column("sent_date", "Verzonden op", lambda r: D(r.sent_date) or "nog niet", width=110),
]


def _row(row: dict) -> LetterRow:
    return LetterRow(
        id=row["id"],
        kind=row["kind"],
        letter_date=dt.date.fromisoformat(row["letter_date"]),
        made_on=dt.date.fromisoformat(row["made_on"]),
        template=row["template"],
        placement_id=row["placement_id"],
        sent_date=dt.date.fromisoformat(row["sent_date"]) if row["sent_date"] else None,
    )


class LettersTab(QWidget):
    """Every letter made for the person, newest first; "Verzonden op…" starts the Awb term."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.panel = ListPanel(
            "Brieven",
            COLUMNS,
            hint="Leg na verzending de datum vast: daarmee begint de bezwaartermijn van een "
            "beschikking, aanbod of subsidiebesluit.",
        )
        self.make_button = document_actions.menu_button("Brief maken", "letters_make")
        letter_actions.fill_person_letter_menu(
            self.make_button.menu(), self, case.session, lambda: case.person_id or None
        )
        self.panel.add_button(self.make_button)
        self.panel.button(
            "Verzonden op…",
            self.record_sent,
            name="letter_sent",
            when=lambda r: r.sent_date is None,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def refresh(self) -> None:
        from beschut_desktop.letters.making import letters_of

        rows = letters_of(self.case.session.store, self.case.person_id)
        self.panel.set_rows([_row(r) for r in rows])

    def record_sent(self) -> None:
        row: LetterRow | None = self.panel.current()
        if row is not None and letter_actions.record_sent(self, self.case.session, row.id):
            self.refresh()
