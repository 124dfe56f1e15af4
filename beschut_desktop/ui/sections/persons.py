"""Personen: every person with their state (te plaatsen, wachtlijst, geplaatst, …) and, one
double-click away, their case file. The BSN shows only in the case file's details."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from beschut_desktop import formatting
from beschut_desktop.errors import UserError
from beschut_desktop.ui import document_actions
from beschut_desktop.ui.case_file.case_file import CaseFile
from beschut_desktop.ui.case_file.panel import sortable
from beschut_desktop.ui.case_file.rows import PersonRow, clicked_column, person_rows, person_tab
from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs.indication import NewRequestDialog
from beschut_desktop.ui.sections.list_detail import ListDetailSection
from beschut_desktop.ui.table_model import RIGHT, Column
from beschut_desktop.ui.widgets import RecordTable, muted

STATUS_TONES = {
    "Te plaatsen": "bad",
    "Wachtlijst": "warning",
    "Geplaatst": "good",
    "Geen indicatie": "muted",
    "Indicatie beëindigd": "muted",
}

COLUMNS = [
    Column(
        "case_number",
        "Dossier",
        lambda r: r.person.case_number,
        lambda r: r.id,
        width=85,
        search=lambda r: r.person.bsn,
    ),
    Column(
        "name",
        "Naam",
        lambda r: r.person.full_name,
        lambda r: (r.person.last_name.casefold(), r.person.first_name.casefold()),
        width=190,
    ),
    Column("status", "Status", tone=lambda r: STATUS_TONES.get(r.status), width=130),
    Column("position", "Nr. in rij", lambda r: str(r.position or ""), align=RIGHT, width=75),
    Column(
        "determination_date",
        "Vastgesteld",
        lambda r: formatting.short_date(r.determination_date),
        width=105,
    ),
    Column("employer", "Werkgever", width=200),
    Column("hours", "Uren", lambda r: formatting.number(r.hours), align=RIGHT, width=55),
    Column("interim", "Voorziening (R6)", width=180),
    Column(
        "registered_on",
        "Ingeschreven",
        lambda r: formatting.short_date(r.person.registered_on),
        lambda r: r.person.registered_on,
        width=95,
    ),
]


class PersonsSection(ListDetailSection):
    """The list of persons and the case file of one, stacked."""

    def __init__(self, session: Any, main_window: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, main_window, parent)
        table = RecordTable(
            sortable(COLUMNS),
            accessible_name="Personen",
            placeholder="Zoeken op naam, dossiernummer, BSN, status, werkgever…",
        )
        new = QPushButton("Nieuwe aanvraag")
        new.setObjectName("new_request")
        new.setToolTip("Nieuwe persoon met aanvraag van het advies van UWV (Ctrl+N)")
        self.documents_button = document_actions.menu_button("Documenten", "persons_documents")
        self.documents_button.setToolTip(
            "Het dossier van de gekozen persoon; inzage en verwijderen op verzoek (AVG)"
        )
        document_actions.fill_person_menu(
            self.documents_button.menu(), self, session, self._selected_id, self.show_list
        )
        self.waiting_button = document_actions.menu_button("Wachtlijst", "waiting_list")
        self.waiting_button.setToolTip("De wachtlijst op de peildatum afdrukken of bewaren")
        document_actions.fill_waiting_list_menu(self.waiting_button.menu(), self, session)
        self.summary = muted()
        self.case_file = CaseFile(session, main_window)
        self._build(
            title="Personen",
            intro=self.summary,
            table=table,
            detail=self.case_file,
            tools=[self.waiting_button, self.documents_button],
            open_text="Dossier openen",
            new=new,
        )
        self.refresh()

    # ---- hooks of the main window ----------------------------------------------------

    def new_record(self) -> bool:
        dialog = NewRequestDialog(self.session, self)
        if base.run(dialog) and dialog.result_value:
            self.open(dialog.result_value, tab="indication")
        dialog.deleteLater()
        return True

    def document(self) -> tuple[bytes, str] | None:
        """The case file of the open person, else of the one selected in the list."""
        if self._detail_shown():
            return self.case_file.document()
        person_id = self._selected_id()
        if person_id is None:
            raise UserError(
                "Kies eerst een persoon in de lijst; het dossier van die persoon "
                "wordt afgedrukt. De wachtlijst staat onder de knop Wachtlijst."
            )
        return document_actions.case_file_document(self.session, person_id)

    def open(self, record_id: Any, tab: str | None = None, **kwargs: Any) -> None:
        """The case file on ``tab``; ``placement_id`` selects that contract on it."""
        super().open(record_id, tab)
        placement_id = kwargs.get("placement_id")
        if placement_id is not None and self._detail_shown():
            self.case_file.placements.select(placement_id)

    def show_list(self) -> None:
        super().show_list()
        self.table.view.setFocus()

    def _activated(self, row: Any) -> None:
        """The case file on the tab that fits what was clicked (``rows.person_tab``)."""
        self.open(row.id, tab=person_tab(row.status, clicked_column(self.table)))

    # ---- the list and the case file ----------------------------------------------------

    def _refresh_list(self) -> None:
        rows: list[PersonRow] = person_rows(self.session.register, self.session.as_of)
        self.table.set_rows(rows)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        order = ["Te plaatsen", "Wachtlijst", "Geplaatst", "Andere voorziening", "Aanvraag"]
        self.summary.setText(
            " · ".join(f"{status}: {counts[status]}" for status in order if counts.get(status))
            + f"  (peildatum {formatting.short_date(self.session.as_of)})"
        )

    def _exists(self, record_id: Any) -> bool:
        return self.session.register.person(record_id) is not None

    def _detail_id(self) -> int:
        return self.case_file.person_id

    def _show_detail(self, record_id: Any, tab: str | None) -> None:
        self.case_file.show_person(record_id, tab)
