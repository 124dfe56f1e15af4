"""Werkgevers: every employer with kind, category, cao and how far it meets the conditions,
and the employer card one double-click away."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from beschut_desktop import formatting
from beschut_desktop.errors import UserError
from beschut_desktop.rules import conditions
from beschut_desktop.rules.model import Employer
from beschut_desktop.ui import document_actions
from beschut_desktop.ui.case_file.employer_card import EmployerCard
from beschut_desktop.ui.case_file.panel import sortable
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs.employer import EmployerDialog
from beschut_desktop.ui.sections.list_detail import ListDetailSection
from beschut_desktop.ui.table_model import RIGHT, Column
from beschut_desktop.ui.widgets import RecordTable, muted
from beschut_desktop.wording import value_label


@dataclass(frozen=True)
class EmployerRow:
    id: int
    employer: Employer
    active: int
    hours: float
    coaches: int
    open_items: int | None
    conditions_text: str


COLUMNS = [
    Column(
        "name",
        "Werkgever",
        lambda r: r.employer.name,
        lambda r: r.employer.name,
        width=240,
        search=lambda r: r.employer.kvk_number or "",
    ),
    Column(
        "kind",
        "Soort (R9)",
        lambda r: value_label("employer_kind", r.employer.kind),
        lambda r: r.employer.kind,
        width=100,
    ),
    Column(
        "category",
        "Categorie",
        lambda r: r.employer.category,
        lambda r: r.employer.category,
        width=90,
    ),
    Column(
        "cao",
        "Cao (R13)",
        lambda r: value_label("cao", r.employer.cao),
        lambda r: r.employer.cao,
        width=160,
    ),
    Column("active", "Plaatsingen", lambda r: str(r.active), align=RIGHT, width=105),
    Column("hours", "Uren", lambda r: formatting.number(r.hours), align=RIGHT, width=60),
    Column("coaches", "Begeleiders", lambda r: str(r.coaches), align=RIGHT, width=105),
    Column(
        "contact",
        "Contact",
        lambda r: r.employer.contact_name or "",
        lambda r: r.employer.contact_name,
        width=150,
    ),
    Column(
        "conditions",
        "Voorwaarden",
        lambda r: r.conditions_text,
        lambda r: (r.open_items is None, r.open_items),
        tone=lambda r: (
            None if r.open_items is None else ("good" if r.open_items == 0 else "warning")
        ),
    ),
]


def employer_rows(session: Any) -> list[EmployerRow]:
    register, on = session.register, session.as_of
    rows = []
    for employer in register.employers:
        active = [
            p for p in register.placements if p.employer_id == employer.id and p.is_active_on(on)
        ]
        check, reason = try_rule(conditions.employer_conditions, register, employer.id, on)
        open_items = len(check.open_items) if check else None
        word = "punt" if open_items == 1 else "punten"
        text = (
            reason
            if check is None
            else ("✓ alles aangetoond" if not open_items else f"{open_items} {word} open")
        )
        rows.append(
            EmployerRow(
                id=employer.id,
                employer=employer,
                active=len(active),
                hours=sum(p.hours_per_week or 0 for p in active),
                coaches=sum(1 for c in register.coaches if c.employer_id == employer.id),
                open_items=open_items,
                conditions_text=text,
            )
        )
    return rows


class EmployersSection(ListDetailSection):
    """The list of employers and the card of one, stacked."""

    def __init__(self, session: Any, main_window: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, main_window, parent)
        table = RecordTable(
            sortable(COLUMNS),
            accessible_name="Werkgevers",
            placeholder="Zoeken op naam, KvK-nummer, soort, cao…",
        )
        new = QPushButton("Nieuwe werkgever")
        new.setObjectName("new_employer")
        new.setToolTip("Ctrl+N")
        self.check_button = document_actions.menu_button("Voorwaardencheck", "employer_check")
        self.check_button.setToolTip(
            "De voorwaarden en de contractcontrole van de gekozen werkgever op de peildatum"
        )
        document_actions.fill_employer_menu(
            self.check_button.menu(), self, session, self._selected_id
        )
        intro = muted(
            "Soort en categorie (R9), cao (R13) en de voorwaarden voor begeleiding "
            "en plaatsing (R12, R15, R16, R17)."
        )
        self.card = EmployerCard(session, main_window)
        self._build(
            title="Werkgevers",
            intro=intro,
            table=table,
            detail=self.card,
            tools=[self.check_button],
            open_text="Kaart openen",
            new=new,
        )
        self.refresh()

    def new_record(self) -> bool:
        dialog = EmployerDialog(self.session, parent=self)
        if base.run(dialog) and dialog.result_value:
            self.open(dialog.result_value)
        dialog.deleteLater()
        return True

    def document(self) -> tuple[bytes, str] | None:
        """The conditions and contract check of the open or selected employer."""
        employer_id = self._selected_id()
        if employer_id is None:
            raise UserError(
                "Kies eerst een werkgever; de voorwaardencheck van die werkgever wordt afgedrukt."
            )
        return document_actions.employer_document(self.session, employer_id)

    # ---- the list and the card ---------------------------------------------------------

    def _refresh_list(self) -> None:
        self.table.set_rows(employer_rows(self.session))

    def _exists(self, record_id: Any) -> bool:
        return self.session.register.employer(record_id) is not None

    def _detail_id(self) -> int:
        return self.card.employer_id

    def _show_detail(self, record_id: Any, tab: str | None) -> None:
        self.card.show_employer(record_id, tab)
