"""Letters from the screen where their subject is: "Brief maken…" makes the .docx with the same
``letters.making.make_letter`` as the command line, saves it where the user chooses and offers
to open it in Word; "Verzonden op…" records the sending date (the start of the objection term).

The file is asked for first and the letter is recorded only when it was written, in one
transaction: a cancelled save leaves nothing in the case file. The template library is loaded
when the first letter is made, not when the window opens.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError
from beschut_desktop.letters.content import Meeting
from beschut_desktop.letters.fields import KIND_LABELS
from beschut_desktop.rules.model import case_number
from beschut_desktop.ui import file_dialogs, widgets
from beschut_desktop.ui.session import Session

Getter = Callable[[], int | None]
PERSON_KINDS = ("indication", "offer", "review-invitation", "subsidy")
PLACEMENT_KINDS = ("offer", "subsidy", "review-invitation")
DOCX_FILTER = "Word-documenten (*.docx)"


def fill_person_letter_menu(menu: QMenu, parent: QWidget, session: Session, person: Getter) -> None:
    """A letter of each kind for the person; offer, subsidy and invitation take the placement
    running or offered on the as-of date."""
    for kind in PERSON_KINDS:
        entry = menu.addAction(f"{KIND_LABELS[kind]}…")
        entry.triggered.connect(lambda _c=False, k=kind: _for_person(parent, session, k, person()))
    _off_when_read_only(menu, session)


def fill_placement_letter_menu(
    menu: QMenu, parent: QWidget, session: Session, placement: Getter
) -> None:
    """The letters about one placement: the offer, the subsidy decision, the invitation."""
    for kind in PLACEMENT_KINDS:
        entry = menu.addAction(f"{KIND_LABELS[kind]}…")
        entry.triggered.connect(
            lambda _c=False, k=kind: _for_placement(parent, session, k, placement())
        )
    _off_when_read_only(menu, session)


def _off_when_read_only(menu: QMenu, session: Session) -> None:
    """Making a letter records it: a window that only reads offers no letters."""
    if session.store.read_only:
        menu.setEnabled(False)
        for entry in menu.actions():
            entry.setEnabled(False)


def _for_person(parent: QWidget, session: Session, kind: str, person_id: int | None) -> None:
    if person_id is None:
        widgets.inform(parent, "Brief maken", "Kies eerst een persoon.")
        return
    make_letter_file(parent, session, kind, person_id)


def _for_placement(parent: QWidget, session: Session, kind: str, placement_id: int | None) -> None:
    placement = session.register.placement(placement_id) if placement_id else None
    if placement is None:
        widgets.inform(parent, "Brief maken", "Kies eerst een plaatsing.")
        return
    make_letter_file(parent, session, kind, placement.person_id, placement.id)


def make_letter_file(
    parent: QWidget,
    session: Session,
    kind: str,
    person_id: int,
    placement_id: int | None = None,
    *,
    path: Path | None = None,
    meeting: Meeting | None = None,
    ask_open: bool = True,
) -> Path | None:
    """Ask where (unless ``path``), make, write and record the letter; None when cancelled
    or refused (the refusal is said in Dutch)."""
    from beschut_desktop.atomic_file import write_atomically
    from beschut_desktop.letters.making import make_letter, suggested_file_name

    on = session.as_of
    title = KIND_LABELS[kind]
    if kind == "review-invitation" and meeting is None and path is None:
        asked = ask_meeting(parent, on)
        if asked is False:
            return None
        meeting = asked or None
    if path is None:
        path = _save_path(parent, suggested_file_name(kind, case_number(person_id), on))
        if path is None:
            return None
    try:
        with widgets.busy(), session.atomic() as store:
            letter = make_letter(
                store,
                kind,
                person_id,
                on,
                placement_id=placement_id,
                meeting=meeting,
                register=session.register,
            )
            write_atomically(path, letter.docx)
    except UserError as error:
        widgets.inform(parent, title, error.message, QMessageBox.Icon.Warning)
        return None
    _status(parent, f"{title} opgeslagen als {path}")
    if ask_open:
        _offer_to_open(parent, title, path, letter.warnings)
    return path


def _save_path(parent: QWidget, name: str) -> Path | None:
    safe = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", name)
    start = file_dialogs.documents_dir() / safe
    chosen = file_dialogs.save_file_name(parent, "Brief opslaan", start, DOCX_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")


def _offer_to_open(parent: QWidget, title: str, path: Path, warnings: list[str]) -> None:
    text = f"De brief is opgeslagen als {path} en staat in het dossier (Brieven)."
    if warnings:
        text += "\n\n" + "\n".join(warnings)
    text += "\n\nNa verzending legt u de verzenddatum vast bij Brieven: daarmee begint de "
    text += "bezwaartermijn."
    icon = QMessageBox.Icon.Warning if warnings else QMessageBox.Icon.Information
    if widgets.ask(parent, title, text, ["Openen in Word", "Sluiten"], icon=icon) == 0:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            widgets.inform(
                parent,
                title,
                f"Er is geen programma gevonden om Word-bestanden te openen. De brief staat "
                f"in {path}.",
                QMessageBox.Icon.Warning,
            )


def _status(parent: QWidget, text: str) -> None:
    window = parent.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(text, 8000)


# ---- small dialogs ------------------------------------------------------------------------


class MeetingDialog(QDialog):
    """The planned review meeting, if one was agreed: date, time and place (all optional)."""

    def __init__(self, on: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Uitnodiging voortgangsgesprek")
        self.setMinimumWidth(440)
        self.day = widgets.DateEdit(accessible_name="Datum gesprek")
        self.time = QLineEdit()
        self.time.setAccessibleName("Tijd gesprek")
        self.time.setPlaceholderText("bijvoorbeeld 10.00 uur")
        self.place = QLineEdit()
        self.place.setAccessibleName("Plaats gesprek")
        self.problem = QLabel()
        self.problem.setProperty("role", "problem")
        form = QFormLayout()
        form.addRow("Datum gesprek", self.day)
        form.addRow("Tijd", self.time)
        form.addRow("Plaats", self.place)
        buttons = QDialogButtonBox()
        buttons.addButton("Brief maken", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            widgets.muted(
                "Is er al een datum afgesproken? Vul die in. Zonder datum vraagt de brief om "
                "het gesprek te houden vóór de datum die het gespreksschema (R18) geeft."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.on = on
        self.meeting: Meeting | None = None
        widgets.assign_mnemonics(self)

    def _accept(self) -> None:
        try:
            day = self.day.value()
        except ValueError as exc:
            self.problem.setText(f"Datum gesprek: {exc}")
            return
        if day is not None and day < self.on:
            self.problem.setText("Datum gesprek: die ligt vóór de datum van de brief")
            return
        if day is None and (self.time.text().strip() or self.place.text().strip()):
            self.problem.setText("Datum gesprek: vul de datum in, of laat tijd en plaats leeg")
            return
        if day is not None:
            self.meeting = Meeting(day, self.time.text().strip(), self.place.text().strip())
        self.accept()


def ask_meeting(parent: QWidget, on: dt.date) -> Meeting | bool | None:
    """The meeting (None: not planned yet), or False when the user cancelled."""
    dialog = MeetingDialog(on, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return dialog.meeting
    finally:
        dialog.deleteLater()


class SentDialog(QDialog):
    """The day the letter went out; for a decision this starts the objection term."""

    def __init__(self, on: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Verzending vastleggen")
        self.setMinimumWidth(440)
        self.day = widgets.DateEdit(accessible_name="Verzonden op")
        self.day.set_value(on)
        self.problem = QLabel()
        self.problem.setProperty("role", "problem")
        form = QFormLayout()
        form.addRow("Verzonden op", self.day)
        buttons = QDialogButtonBox()
        buttons.addButton("Vastleggen", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            widgets.muted(
                "De bezwaartermijn van zes weken begint op de dag na verzending "
                "(Awb art. 6:8). De datum komt ook bij de beschikking of het aanbod."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.sent: dt.date | None = None
        widgets.assign_mnemonics(self)

    def _accept(self) -> None:
        try:
            self.sent = self.day.value()
        except ValueError as exc:
            self.problem.setText(f"Verzonden op: {exc}")
            return
        if self.sent is None:
            self.problem.setText("Verzonden op is verplicht")
            return
        self.accept()


def record_sent(parent: QWidget, session: Session, letter_id: int) -> bool:
    """Ask the sending date and record it (on the letter and the decision or offer)."""
    from beschut_desktop.letters.making import confirm_sent

    dialog = SentDialog(session.as_of, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.sent is None:
            return False
        sent = dialog.sent
    finally:
        dialog.deleteLater()
    try:
        with session.atomic() as store:
            confirm_sent(store, letter_id, sent)
    except UserError as error:
        widgets.inform(parent, "Verzending vastleggen", error.message, QMessageBox.Icon.Warning)
        return False
    return True
