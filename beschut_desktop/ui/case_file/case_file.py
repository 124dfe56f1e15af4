"""The case file of one person: a header with the state and the next step, and the tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from beschut_desktop.actions import cases
from beschut_desktop.actions import next_step as steps
from beschut_desktop.errors import UserError, ValidationError
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.model import Register, case_number
from beschut_desktop.store.store import Store
from beschut_desktop.ui import document_actions, letter_actions, widgets
from beschut_desktop.ui.case_file.history import HistoryTab
from beschut_desktop.ui.case_file.record_page import RecordPage
from beschut_desktop.ui.case_file.rows import person_rows
from beschut_desktop.ui.case_file.tabs_indication import DetailsTab, IndicationTab, InterimTab
from beschut_desktop.ui.case_file.tabs_letters import LettersTab
from beschut_desktop.ui.case_file.tabs_misc import NotesTab, ObjectionsTab
from beschut_desktop.ui.case_file.tabs_work import PlacementsTab, ReviewsTab, SubsidyTab
from beschut_desktop.ui.session import Session

TABS = {
    "details": "Gegevens",
    "indication": "Advies en beschikking",
    "interim": "Voorziening",
    "placements": "Plaatsingen",
    "reviews": "Gesprekken",
    "subsidy": "Loonkostensubsidie",
    "objections": "Bezwaar",
    "notes": "Notities",
    "letters": "Brieven",
    "history": "Geschiedenis",
}


class CaseFile(RecordPage):
    """One person's file. ``show_person(id, tab)`` fills it; ``refresh`` after each write.
    Signals ``back`` and ``removed`` (the person was deleted) as on every ``RecordPage``."""

    def __init__(
        self, session: Session, main_window: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, main_window, parent)
        self.person_id: int = 0
        self.state = QLabel()
        self.state.setObjectName("case_state")
        self.state.setWordWrap(True)  # the state gives way before the name does
        self.step_label = widgets.muted()
        self.step_label.setObjectName("next_step")
        self.step_button = QPushButton()
        self.step_button.setObjectName("next_step_button")
        self.step_button.clicked.connect(self._do_step)
        self._step: steps.NextStep | None = None
        self.documents_button = self.document_menu(
            "Documenten",
            "case_documents",
            "Het dossier afdrukken, bewaren of openen; een brief maken; inzage en verwijderen "
            "op verzoek (AVG)",
        )
        document_actions.fill_person_menu(
            self.documents_button.menu(),
            self,
            session,
            lambda: self.person_id or None,
            self.removed.emit,
        )
        # The letters in the same menu: a second button would push the header onto two rows.
        self.documents_button.menu().addSeparator()
        letters_menu = self.documents_button.menu().addMenu("Brief maken (Word)")
        letter_actions.fill_person_letter_menu(
            letters_menu, self, session, lambda: self.person_id or None
        )
        top = self.header(
            "← Alle personen",
            back_name="back_to_list",
            title_name="case_title",
            beside_title=[self.state],
            buttons=[self.documents_button],
        )
        step_row = QHBoxLayout()
        step_row.addWidget(self.step_label, 1)
        step_row.addWidget(self.step_button)

        self.details = DetailsTab(self)
        self.indication = IndicationTab(self)
        self.interim = InterimTab(self)
        self.placements = PlacementsTab(self)
        self.reviews = ReviewsTab(self)
        self.subsidy = SubsidyTab(self)
        self.objections = ObjectionsTab(self)
        self.notes = NotesTab(self)
        self.letters = LettersTab(self)
        self.letters_button = self.letters.make_button
        self.history = HistoryTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._pages = {
            "details": self.details,
            "indication": self.indication,
            "interim": self.interim,
            "placements": self.placements,
            "reviews": self.reviews,
            "subsidy": self.subsidy,
            "objections": self.objections,
            "notes": self.notes,
            "letters": self.letters,
            "history": self.history,
        }
        for key, title in TABS.items():
            page = self._pages[key]
            page.setObjectName(f"tab_{key}")
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)  # room for the whole form at 1366×768 at 125 %
        layout.addLayout(top)
        layout.addLayout(step_row)
        layout.addWidget(self.tabs, 1)

    # ---- what the tabs read ----------------------------------------------------------

    @property
    def register(self) -> Register:
        """The register as it stood on the peildatum: the case shows nothing dated later."""
        return known_on(self.session.register, self.session.as_of)

    @property
    def on(self) -> dt.date:
        return self.session.as_of

    # ---- showing ---------------------------------------------------------------------

    def show_person(self, person_id: int, tab: str | None = None) -> None:
        """Show the person on ``tab``; another person without a tab opens on the details,
        never on the tab the previous person happened to be left on. The opening is audited
        first, and without that entry the file stays closed."""
        if tab is None and person_id != self.person_id:
            tab = "details"
        try:
            self.session.store.audit_read(
                "case_file", person_id=person_id, subject=f"dossier {case_number(person_id)}"
            )
        except UserError as exc:
            self.person_id = 0
            widgets.inform(
                self, "Dossier niet geopend", exc.message, widgets.QMessageBox.Icon.Warning
            )
            self.back.emit()
            return
        self.person_id = person_id
        if tab in TABS:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(self._pages[tab])
            self.tabs.blockSignals(False)
        self.refresh()

    def show_tab(self, tab: str) -> None:
        self.tabs.setCurrentWidget(self._pages[tab])

    def current_tab(self) -> str:
        page = self.tabs.currentWidget()
        return next(k for k, p in self._pages.items() if p is page)

    def refresh(self) -> None:
        """Header and the visible tab now; other tabs when they are shown."""
        person = self.register.person(self.person_id)
        if person is None:
            return
        self.title.setText(f"{person.full_name}  ·  {person.case_number}")
        row = next((r for r in person_rows(self.register, self.on) if r.id == person.id), None)
        state = row.status if row else "Nog niet ingeschreven op de peildatum"
        if row and row.position:
            state += f" (nummer {row.position})"
        if row and row.employer:
            state += f" bij {row.employer}"
        self.state.setText(state)
        self._step = steps.next_step(self.register, self.person_id, self.on)
        self.step_label.setText(self._step.text)
        labels = {
            steps.ADVICE: "Advies vastleggen",
            steps.DECISION: "Beschikking vastleggen",
            steps.OFFER: "Werkplek aanbieden",
            steps.ANSWER: "Aanbod beantwoorden",
        }
        self.step_button.setText(labels.get(self._step.kind, ""))
        self.step_button.setVisible(self._step.kind in labels)
        self._refresh_current()

    def document(self) -> tuple[bytes, str] | None:
        """The case file of the person shown (Ctrl+P, Ctrl+Shift+S)."""
        if not self.person_id or self.register.person(self.person_id) is None:
            return None
        return document_actions.case_file_document(self.session, self.person_id)

    def _refresh_current(self) -> None:
        if not self.person_id:
            return
        if self.current_tab() == "history":
            self.history.show_entries(self.session.store.history(person_id=self.person_id))
        else:
            self._pages[self.current_tab()].refresh()

    def _do_step(self) -> None:
        step = self._step
        if step is None:
            return
        advice = next((a for a in self.register.uwv_advices if a.id == step.record_id), None)
        if step.kind == steps.ADVICE and advice is not None:
            self.show_tab("indication")
            self.indication.record_advice(advice)
        elif step.kind == steps.DECISION:
            self.show_tab("indication")
            self.indication.decide(advice)
        elif step.kind in (steps.OFFER, steps.ANSWER):
            self.show_tab("placements")
            if step.kind == steps.OFFER:
                self.placements.offer()
            else:
                self.placements.select(step.record_id or 0)
                self.placements.answer()

    # ---- acting ----------------------------------------------------------------------

    def act(self, write: Callable[[Store], Any]) -> Any:
        """A one-click write (no dialog); a refusal is shown, never a traceback."""
        try:
            with self.session.atomic() as store:
                return write(store)
        except ValidationError as exc:
            widgets.inform(
                self,
                "Niet opgeslagen",
                "\n".join(exc.problems.values()),
                widgets.QMessageBox.Icon.Warning,
            )
        except UserError as exc:
            widgets.inform(self, "Niet opgeslagen", exc.message, widgets.QMessageBox.Icon.Warning)
        return None

    def delete_record(self, table: str, pk: int) -> None:
        """After the user confirmed: delete (audited) and refresh."""
        self.act(lambda store: cases.delete(store, table, pk))
        if table == "persons" and self.register.person(pk) is None:
            self.removed.emit()
