"""Bestand → Importeren / Exporteren / Agenda, and the data requests of one person (AVG).

Thin dialogs over ``beschut_desktop.exchange``: the import shows its plan (what will be added
and changed) before anything is written, and commits it in one transaction on confirmation.
Message boxes go through ``widgets.ask``/``widgets.inform`` and files through ``file_dialogs``,
so tests replace them; the lists are a ``ListDialog`` whose ``exec`` tests replace too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError
from beschut_desktop.store.store import Store
from beschut_desktop.ui import file_dialogs, widgets

XLSX_FILTER = "Excel-bestanden (*.xlsx)"
ICS_FILTER = "Agendabestanden (*.ics)"
OUTLOOK_HOWTO = (
    "Open het bestand in Outlook als aparte agenda: Bestand → Openen en exporteren → "
    "Importeren/exporteren → iCalendar-bestand importeren, kies het bestand en kies dan "
    "'Openen als nieuw' (niet 'Importeren'). Outlook voegt een opnieuw geopend bestand niet "
    "samen met het vorige: verwijder daarom eerst de oude agenda 'Termijnen register' "
    "(rechtermuisknop → Agenda verwijderen) en open dan het nieuwe bestand."
)


class ListDialog(QDialog):
    """A summary above a scrollable list of lines, with one or two buttons."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        summary: str,
        lines: Sequence[str],
        accept_text: str | None,
        reject_text: str = "Annuleren",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.lines = QPlainTextEdit()
        self.lines.setReadOnly(True)
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.lines.setPlainText("\n".join(lines))
        self.lines.setAccessibleName("Regels")
        layout.addWidget(self.lines)
        buttons = QDialogButtonBox()
        if accept_text:
            self.accept_button = buttons.addButton(
                accept_text, QDialogButtonBox.ButtonRole.AcceptRole
            )
        buttons.addButton(reject_text, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        widgets.assign_mnemonics(self)


def _save_path(parent: QWidget | None, title: str, name: str, file_filter: str) -> Path | None:
    chosen = file_dialogs.save_file_name(
        parent, title, file_dialogs.documents_dir() / name, file_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffix = ".ics" if file_filter == ICS_FILTER else ".xlsx"
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _refuse(parent: QWidget | None, title: str, error: UserError) -> None:
    widgets.inform(parent, title, error.message, QMessageBox.Icon.Warning)


def import_with_preview(parent: QWidget | None, store: Store, today: dt.date | None = None) -> bool:
    """Choose a file, show what it adds and changes, and import it on confirmation.

    Returns True when the register changed (the caller reloads what it shows)."""
    from beschut_desktop.exchange.importer import apply_plan, plan_import

    chosen = file_dialogs.open_file_name(parent, "Excel-register inlezen", XLSX_FILTER)
    if not chosen:
        return False
    path = Path(chosen)
    try:
        with widgets.busy():
            plan = plan_import(store, path, today)
    except UserError as error:
        _refuse(parent, "Importeren", error)
        return False
    if not plan.ok:
        count = len(plan.problems)
        ListDialog(
            parent,
            "Importeren — problemen",
            f"{path.name} is niet ingelezen: er {'is' if count == 1 else 'zijn'} {count} "
            f"{'probleem' if count == 1 else 'problemen'}. Het register is niet gewijzigd."
            " Verbeter het bestand en lees het opnieuw in.",
            [str(p) for p in plan.problems],
            None,
            "Sluiten",
        ).exec()
        return False
    if not plan.operations:
        widgets.inform(
            parent,
            "Importeren",
            f"{path.name}: het register bevat alles uit dit bestand al. Er verandert niets.",
        )
        return False
    counts = "\n".join(f"• {line}" for line in plan.summary_lines())
    preview = ListDialog(
        parent,
        "Importeren — controleren",
        f"Dit gebeurt als u {path.name} inleest (er is nog niets opgeslagen):\n{counts}",
        [op.describe() for op in plan.operations],
        "Inlezen",
    )
    if preview.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        with widgets.busy():
            apply_plan(store, plan)
    except UserError as error:
        _refuse(parent, "Importeren", error)
        return False
    widgets.inform(parent, "Importeren", f"{path.name} is ingelezen.\n{plan.summary()}")
    return True


def export_register(parent: QWidget | None, store: Store) -> Path | None:
    """The register as Excel, with BSN's or (for the controller) without."""
    from beschut_desktop.exchange.export import write_register

    choice = widgets.ask(
        parent,
        "Register exporteren",
        "Met of zonder BSN's? Een bestand met BSN's kan weer worden ingelezen. Zonder BSN's "
        "staan personen er met zaaknummer en initialen in (voor de controller).",
        ["Met BSN's", "Zonder BSN's", "Annuleren"],
        default=0,
    )
    if choice == 2:
        return None
    without_bsn = choice == 1
    today = dt.date.today()
    name = f"register-{'zonder-bsn-' if without_bsn else ''}{today.isoformat()}.xlsx"
    path = _save_path(parent, "Register exporteren", name, XLSX_FILTER)
    if path is None:
        return None
    try:
        with widgets.busy():
            kind = "export_without_bsn" if without_bsn else "export"
            store.audit_read(kind, subject="register (xlsx)")
            write_register(store.load(), path, without_bsn=without_bsn, today=today)
    except UserError as error:
        _refuse(parent, "Register exporteren", error)
        return None
    widgets.inform(parent, "Register exporteren", f"Het register is geschreven naar {path}.")
    return path


def export_calendar(parent: QWidget | None, store: Store, on: dt.date | None = None) -> Path | None:
    """The coming year's deadlines as an .ics file for Outlook."""
    from beschut_desktop.exchange.agenda import write_calendar

    path = _save_path(parent, "Agenda exporteren", "termijnen.ics", ICS_FILTER)
    if path is None:
        return None
    try:
        with widgets.busy():
            store.audit_read("calendar", subject="termijnen (ics)")
            count = write_calendar(store.load(), path, on or dt.date.today())
    except UserError as error:
        _refuse(parent, "Agenda exporteren", error)
        return None
    widgets.inform(
        parent,
        "Agenda exporteren",
        f"{count} termijnen (wat te laat is en de komende twaalf maanden) zijn geschreven naar "
        f"{path}.\n\n{OUTLOOK_HOWTO}",
    )
    return path


def export_person(parent: QWidget | None, store: Store, person_id: int) -> Path | None:
    """Everything the register holds about one person, for a request under art. 15 AVG."""
    from beschut_desktop.exchange.person_export import write_person_export
    from beschut_desktop.rules.model import case_number

    name = f"gegevens-{case_number(person_id)}.xlsx"
    path = _save_path(parent, "Gegevens van de persoon exporteren", name, XLSX_FILTER)
    if path is None:
        return None
    try:
        with widgets.busy():
            write_person_export(store, person_id, path)
    except UserError as error:
        _refuse(parent, "Gegevens exporteren", error)
        return None
    widgets.inform(
        parent,
        "Gegevens exporteren",
        f"Alle gegevens van {case_number(person_id)} zijn geschreven naar {path}. "
        "Het bestand bevat persoonsgegevens: geef het alleen aan de persoon zelf.",
    )
    return path


def remove_person_on_request(parent: QWidget | None, store: Store, person_id: int) -> bool:
    """Removal on request (art. 17 AVG), after an explicit confirmation. True when removed."""
    from beschut_desktop.rules.model import case_number

    choice = widgets.ask(
        parent,
        "Persoon verwijderen op verzoek",
        f"Alle gegevens van {case_number(person_id)} worden definitief verwijderd: persoon, "
        "advies, beschikkingen, plaatsingen, gesprekken, notities en de "
        "wijzigingsgeschiedenis. Alleen een regel dat er een persoon op verzoek is verwijderd "
        "blijft staan. Dit kan niet ongedaan worden gemaakt.\n\nExporteer de gegevens eerst "
        "als de persoon om inzage vroeg.",
        ["Definitief verwijderen", "Annuleren"],
        default=1,
        escape=1,
        icon=QMessageBox.Icon.Warning,
    )
    if choice != 0:
        return False
    try:
        store.remove_person(person_id)
    except UserError as error:
        _refuse(parent, "Persoon verwijderen", error)
        return False
    widgets.inform(
        parent, "Persoon verwijderen", f"De gegevens van {case_number(person_id)} zijn verwijderd."
    )
    return True
