"""Documents from the screen where their subject is: print (the preview, then the system's
print dialog), save as PDF, or open in the PDF viewer — and, for a person, the data requests
of the AVG.

Each screen offers a menu button ("Documenten", "Gespreksformulier", "Voorwaardencheck")
whose entries ask a getter for the subject that is selected *when chosen*, build the PDF with
the same ``documents`` builders as the command line, and hand it to ``ui.printing``. The
``…_document`` functions are also what a section's ``document()`` returns, so Ctrl+P and
Ctrl+Shift+S give the same file as the menu.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QPushButton, QWidget

from beschut_desktop import formatting
from beschut_desktop.errors import UserError
from beschut_desktop.rules.model import case_number
from beschut_desktop.ui import exchange_dialogs, printing, widgets
from beschut_desktop.ui.session import Session

Document = tuple[bytes, str]
Maker = Callable[[], Document]
Getter = Callable[[], Any]  # the id selected now, or None

PRINT, SAVE, VIEW = "print", "save", "view"
VERBS = {PRINT: "afdrukken…", SAVE: "opslaan als PDF…", VIEW: "openen in PDF-lezer"}


# ---- the documents ----------------------------------------------------------------------


# What the document is made for (print, save, view), for its audit entry.
_purpose: contextvars.ContextVar[str] = contextvars.ContextVar("purpose", default="document")


def _audited(session: Session, person_id: int, name: str) -> None:
    """A document about a person is made only once its audit entry is written."""
    session.store.audit_read(_purpose.get(), person_id=person_id, subject=name)


def case_file_document(session: Session, person_id: int) -> Document:
    """The person's whole file with its history: the readable answer to an AVG request."""
    from beschut_desktop.documents.case_file import build_case_file

    on = session.as_of
    name = f"Dossier {case_number(person_id)} {on.isoformat()}"
    _audited(session, person_id, name)
    pdf = build_case_file(
        session.register, person_id, session.store.history(person_id=person_id), on
    )
    return pdf, name


def review_form_document(session: Session, placement_id: int) -> Document:
    """The form of a placement running on the peildatum; the window offers no other (the
    command line marks one, for the file)."""
    from beschut_desktop.documents.review_form import build_review_form, not_running_text
    from beschut_desktop.rules.as_of import known_on

    register, on = session.register, session.as_of
    placement = register.placement(placement_id)
    if placement is None:
        raise UserError(f"Plaatsing {placement_id} bestaat niet (meer).")
    then = known_on(register, on).placement(placement_id)
    why = (
        not_running_text(then, on)
        if then is not None
        else f"Deze plaatsing was op {formatting.short_date(on)} nog niet aangeboden."
    )
    if why:
        raise UserError(
            "Een gespreksformulier hoort bij een lopende plaatsing. "
            + why.removeprefix("Let op: ")[:1].upper()
            + why.removeprefix("Let op: ")[1:]
            + " Een leeg formulier staat onder de knop Gespreksformulier."
        )
    name = f"Gespreksformulier {case_number(placement.person_id)} {on.isoformat()}"
    _audited(session, placement.person_id, name)
    pdf = build_review_form(register, placement_id, on)
    return pdf, name


def blank_review_form_document(session: Session) -> Document:
    from beschut_desktop.documents.review_form import build_blank_review_form

    return build_blank_review_form(session.register, session.as_of), "Gespreksformulier leeg"


def employer_document(
    session: Session, employer_id: int, placement_id: int | None = None
) -> Document:
    """The conditions checklist and contract check of an employer (or of one placement)."""
    from beschut_desktop.documents.employer_report import build_employer_report

    register, on = session.register, session.as_of
    employer = register.employer(employer_id)
    if employer is None:
        raise UserError(f"Werkgever {employer_id} bestaat niet (meer).")
    name = f"Voorwaardencheck {employer.name} {on.isoformat()}"
    session.store.audit_read(_purpose.get(), subject=name)  # it names placed persons
    pdf = build_employer_report(register, employer_id, on, placement_id)
    return pdf, name


def waiting_list_document(session: Session, with_names: bool = False) -> Document:
    """The waiting list; ``with_names`` for the copy that stays inside (names, not initials)."""
    from beschut_desktop.documents.waiting_list import build_waiting_list

    on = session.as_of
    name = f"Wachtlijst {'met namen ' if with_names else ''}{on.isoformat()}"
    session.store.audit_read(_purpose.get(), subject=name)
    return build_waiting_list(session.register, on, with_names=with_names), name


# ---- doing something with one -----------------------------------------------------------


def produce(parent: QWidget, what: str, action: str, make: Maker) -> Any:
    """Build the document and print, save or open it; a refusal is said in Dutch.

    Returns what ``ui.printing`` returned (True when printed, the saved path, the viewer's
    copy), or None when nothing happened."""
    try:
        with widgets.busy():
            token = _purpose.set(action)
            try:
                pdf, name = make()
            finally:
                _purpose.reset(token)
        if action == PRINT:
            return printing.print_pdf(parent, pdf, name)
        if action == SAVE:
            path = printing.save_pdf(parent, pdf, name)
            if path is not None:
                _status(parent, f"{what} opgeslagen als {path}")
            return path
        return printing.open_in_viewer(pdf, name)
    except UserError as exc:
        widgets.inform(parent, what, exc.message, QMessageBox.Icon.Warning)
        return None


def _status(parent: QWidget, text: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


def for_selected(
    parent: QWidget, getter: Getter, nothing: str, make: Callable[[Any], Document]
) -> Maker:
    """A maker for the subject selected when the entry is chosen."""

    def maker() -> Document:
        subject = getter()
        if subject is None:
            raise UserError(nothing)
        return make(subject)

    return maker


# ---- menus ------------------------------------------------------------------------------


def menu_button(text: str, name: str, parent: QWidget | None = None) -> QPushButton:
    """A push button that opens its own menu."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMenu(QMenu(button))
    return button


def add_document_actions(menu: QMenu, parent: QWidget, what: str, make: Maker) -> list[QAction]:
    """'<what> afdrukken…', '… opslaan als PDF…', '… openen in PDF-lezer'."""
    made = []
    for action in (PRINT, SAVE, VIEW):
        entry = menu.addAction(f"{what} {VERBS[action]}")
        entry.triggered.connect(lambda _c=False, a=action: produce(parent, what, a, make))
        made.append(entry)
    return made


def find_action(menu: QMenu, text: str) -> QAction:
    """The entry with this text (for the keyboard-free paths of tests and support)."""
    for action in menu.actions():
        if action.text() == text:
            return action
    raise KeyError(text)


def fill_person_menu(
    menu: QMenu, parent: QWidget, session: Session, person: Getter, removed: Callable[[], None]
) -> None:
    """The case file as PDF, and the AVG requests: export everything (xlsx), remove on
    request. ``removed`` is called after a removal (the case file closes)."""
    nothing = "Kies eerst een persoon."
    add_document_actions(
        menu,
        parent,
        "Dossier",
        for_selected(parent, person, nothing, lambda pid: case_file_document(session, pid)),
    )
    menu.addSeparator()
    export = menu.addAction("Gegevens exporteren (AVG, xlsx)…")
    export.setToolTip(
        "Alles wat het register over deze persoon bevat, met de geschiedenis, "
        "in één Excel-bestand (inzage, art. 15 AVG)"
    )
    export.triggered.connect(lambda _c=False: _export(parent, session, person()))
    remove = menu.addAction("Verwijderen op verzoek (AVG)…")
    remove.setToolTip(
        "De persoon met alles wat erbij hoort definitief verwijderen "
        "(art. 17 AVG); alleen een regel zonder persoonsgegevens blijft"
    )
    remove.triggered.connect(lambda _c=False: _remove(parent, session, person(), removed))


def _export(parent: QWidget, session: Session, person_id: int | None) -> Path | None:
    if person_id is None:
        widgets.inform(parent, "Gegevens exporteren", "Kies eerst een persoon.")
        return None
    return exchange_dialogs.export_person(parent, session.store, person_id)


def _remove(
    parent: QWidget, session: Session, person_id: int | None, removed: Callable[[], None]
) -> bool:
    if person_id is None:
        widgets.inform(parent, "Verwijderen op verzoek", "Kies eerst een persoon.")
        return False
    done = exchange_dialogs.remove_person_on_request(parent, session.store, person_id)
    if done:
        session.reload()
        removed()
    return done


def fill_review_form_menu(
    menu: QMenu, parent: QWidget, session: Session, placement: Getter
) -> None:
    """The review form of the selected placement, and the blank form."""
    add_document_actions(
        menu,
        parent,
        "Gespreksformulier",
        for_selected(
            parent,
            placement,
            "Kies eerst een plaatsing.",
            lambda pid: review_form_document(session, pid),
        ),
    )
    menu.addSeparator()
    add_blank_form_actions(menu, parent, session)


def add_blank_form_actions(menu: QMenu, parent: QWidget, session: Session) -> list[QAction]:
    return add_document_actions(
        menu, parent, "Leeg gespreksformulier", lambda: blank_review_form_document(session)
    )


def fill_employer_menu(menu: QMenu, parent: QWidget, session: Session, employer: Getter) -> None:
    add_document_actions(
        menu,
        parent,
        "Voorwaardencheck",
        for_selected(
            parent,
            employer,
            "Kies eerst een werkgever.",
            lambda eid: employer_document(session, eid),
        ),
    )


WITH_NAMES = "met namen"
WITH_NAMES_SECTION = "Met namen — alleen voor intern gebruik"


def fill_waiting_list_menu(menu: QMenu, parent: QWidget, session: Session) -> None:
    """The list as it may leave the desk (case numbers and initials), and apart, under its own
    heading, the copy with names that stays inside."""
    add_document_actions(menu, parent, "Wachtlijst", lambda: waiting_list_document(session))
    menu.addSection(WITH_NAMES_SECTION)
    for entry in add_document_actions(
        menu,
        parent,
        f"Wachtlijst {WITH_NAMES}",
        lambda: waiting_list_document(session, with_names=True),
    ):
        entry.setToolTip("Met volledige namen in plaats van initialen: niet meegeven of mailen")
