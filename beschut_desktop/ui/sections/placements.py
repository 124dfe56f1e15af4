"""Plaatsingen: every contract with its status and the contract check (R12, R13) in the row —
✓ or the reason — and the flows on a contract one click away."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError
from beschut_desktop.ui import document_actions, letter_actions
from beschut_desktop.ui.case_file.panel import sortable
from beschut_desktop.ui.case_file.rows import (
    PLACEMENT_COLUMNS,
    PlacementRow,
    clicked_column,
    placement_rows,
    placement_tab,
)
from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs import placement as dialogs
from beschut_desktop.ui.dialogs.offer import OfferDialog
from beschut_desktop.ui.dialogs.placement_edit import EditPlacementDialog
from beschut_desktop.ui.sections import Section
from beschut_desktop.ui.widgets import RecordTable, heading, muted

VIEWS: dict[str, tuple[str, Any]] = {
    "current": (
        "Lopend en aangeboden",
        lambda r: r.active or r.status == "Aangeboden" or r.status.startswith("Start"),
    ),
    "all": ("Alle plaatsingen", None),
    "offered": ("Aangeboden, nog geen antwoord", lambda r: r.status == "Aangeboden"),
    "check": ("Contract voldoet niet", lambda r: r.check is not None and r.check_text != "✓"),
    "no_outcome": ("Afgelopen zonder vervolg (R20)", lambda r: r.status.startswith("Afgelopen")),
    "ended": ("Beëindigd of ontslag", lambda r: r.placement.outcome in ("ended", "dismissed")),
}


def _running(row: PlacementRow | None) -> bool:
    return (
        row is not None
        and row.placement.offer_status == "accepted"
        and row.placement.outcome is None
    )


class PlacementsSection(Section):
    def __init__(self, session: Any, main_window: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, main_window, parent)
        columns = [
            PLACEMENT_COLUMNS[k]
            for k in (
                "person",
                "employer",
                "job",
                "start",
                "end",
                "hours",
                "status",
                "review",
                "check",
            )
        ]
        self.table = RecordTable(
            sortable(columns),
            accessible_name="Plaatsingen",
            placeholder="Zoeken op naam, dossiernummer, BSN, werkgever, functie…",
        )
        self.table.activated.connect(
            lambda row: self.main_window.open_person(
                row.placement.person_id, placement_tab(clicked_column(self.table)), row.id
            )
        )
        self.view_choice = QComboBox()
        self.view_choice.setAccessibleName("Welke plaatsingen")
        for key, (text, _predicate) in VIEWS.items():
            self.view_choice.addItem(text, key)
        self.view_choice.currentIndexChanged.connect(lambda _i: self._apply_view())
        self.buttons: list[tuple[Any, Any]] = []  # a button or menu entry, when it applies
        title_row = QHBoxLayout()
        title_row.addWidget(heading("Plaatsingen"))
        title_row.addSpacing(16)
        title_row.addWidget(self.view_choice)
        title_row.addStretch(1)
        # The buttons get a row of their own (beside the title they were cut at 1024 pixels),
        # a tool bar: what does not fit on a small screen goes behind its » menu, whole.
        head = QToolBar("Plaatsing")
        head.setObjectName("sectionActions")
        head.setMovable(False)
        head.setFloatable(False)
        head.setAccessibleName("Handelingen op de gekozen plaatsing")
        self.open_button = QPushButton("&Openen")
        self.open_button.setObjectName("placements_Openen")
        self.open_button.setAccessibleName("Dossier of werkgever van de plaatsing openen")
        open_menu = QMenu(self.open_button)
        for text, slot in (("&Dossier", self._open_case), ("&Werkgever", self._open_employer)):
            action = open_menu.addAction(text)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.buttons.append((action, lambda r: r is not None))
        self.open_button.setMenu(open_menu)
        head.addWidget(self.open_button)
        self.buttons.append((self.open_button, lambda r: r is not None))
        for text, slot, when in (
            ("Wijzigen…", self._edit, lambda r: r is not None),
            ("Gesprek", self._review, _running),
            ("Verlengen of vast", self._renew, _running),
            ("Beëindigen", self._end, _running),
        ):
            button = QPushButton(text)
            button.setObjectName(f"placements_{text}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            head.addWidget(button)
            if when is not None:
                self.buttons.append((button, when))
        self.forms_button = document_actions.menu_button("Gespreksformulier", "review_form")
        self.forms_button.setToolTip(
            "Het formulier voor het voortgangsgesprek van de gekozen "
            "plaatsing, of een leeg formulier"
        )
        document_actions.fill_review_form_menu(
            self.forms_button.menu(), self, session, self._selected_id
        )
        head.addWidget(self.forms_button)
        self.letters_button = document_actions.menu_button("Brief", "placement_letters")
        self.letters_button.setToolTip(
            "Aanbod, besluit loonkostensubsidie aan de werkgever of uitnodiging voor het "
            "gesprek, als Word-brief, voor de gekozen plaatsing"
        )
        letter_actions.fill_placement_letter_menu(
            self.letters_button.menu(), self, session, self._selected_id
        )
        head.addWidget(self.letters_button)
        offer = QPushButton("Werkplek aanbieden")
        offer.setObjectName("placements_Werkplek aanbieden")
        offer.clicked.connect(lambda _c=False: self.new_record())
        title_row.addWidget(offer)  # not about the chosen row: beside the title, always seen
        self.table.current_changed.connect(lambda _r: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(title_row)
        layout.addWidget(head)
        layout.addWidget(
            muted(
                "Het contract wordt getoetst aan R12 (minstens 6 maanden, 12 "
                "maanden na een proefplaatsing; minstens 12 uur per week) en R13 "
                "(cao). Dubbelklik opent het dossier."
            )
        )
        layout.addWidget(self.table, 1)
        self._apply_view()

    def refresh(self) -> None:
        register = self.session.register
        rows = placement_rows(register, list(register.placements), self.session.as_of)
        rows.sort(
            key=lambda r: r.placement.start_date or r.placement.offer_date or self.session.as_of,
            reverse=True,
        )
        self.table.set_rows(rows)
        self._update_buttons()

    def _apply_view(self) -> None:
        _text, predicate = VIEWS[self.view_choice.currentData()]
        self.table.proxy.set_predicate(predicate)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current()
        for button, when in self.buttons:
            button.setEnabled(bool(when(row)))

    # ---- hooks -----------------------------------------------------------------------

    def new_record(self) -> bool:
        dialog = OfferDialog(self.session, None, parent=self)
        self._run(dialog)
        return True

    def focus_filter(self) -> bool:
        self.table.focus_filter()
        return True

    def document(self) -> tuple[bytes, str] | None:
        """The review form of the selected placement."""
        placement_id = self._selected_id()
        if placement_id is None:
            raise UserError(
                "Kies eerst een plaatsing; het gespreksformulier daarvan wordt "
                "afgedrukt. Een leeg formulier staat onder de knop "
                "Gespreksformulier."
            )
        return document_actions.review_form_document(self.session, placement_id)

    def _selected_id(self) -> int | None:
        row = self.table.current()
        return row.id if row is not None else None

    def open(self, record_id: Any, **_kwargs: Any) -> None:
        if not self.table.select(lambda r: r.id == record_id):
            self.view_choice.setCurrentIndex(list(VIEWS).index("all"))
            self.table.select(lambda r: r.id == record_id)
        self.table.view.setFocus()

    # ---- flows -----------------------------------------------------------------------

    def _run(self, dialog: base.FlowDialog) -> bool:
        saved = base.run(dialog)
        dialog.deleteLater()
        return saved

    def _open_case(self) -> None:
        row = self.table.current()
        if row is not None:
            self.main_window.open_person(row.placement.person_id, "placements", row.id)

    def _open_employer(self) -> None:
        row = self.table.current()
        if row is not None:
            self.main_window.open_employer(row.placement.employer_id)

    def _edit(self) -> None:
        row = self.table.current()
        if row is not None:
            self._run(EditPlacementDialog(self.session, row.placement, self))

    def _review(self) -> None:
        row = self.table.current()
        if row is not None:
            self._run(dialogs.ReviewDialog(self.session, row.placement, self))

    def _renew(self) -> None:
        row = self.table.current()
        if row is not None:
            self._run(dialogs.RenewDialog(self.session, row.placement, self))

    def _end(self) -> None:
        row = self.table.current()
        if row is not None:
            self._run(dialogs.EndDialog(self.session, row.placement, self))
