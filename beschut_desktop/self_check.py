"""``beschut-desktop --self-check``: build every part of the program once, headless.

What the consultant installs must be whole: every section of the window, the case file and
the employer card, every kind of document and every kind of letter the command line offers. A module or resource
that a build left out shows up here as a named failure instead of on the consultant's screen.

A letter is made and recorded on the copy as the ``letter`` command would make it, for the
first person or placement it can be about on today's date.

The check works on a copy of the register (made with SQLite's backup, so it is consistent
even while the window has the register open): nothing in the register changes, no backup is
added and no lock is taken. Without a register it checks on a temporary demo register.
Exceptions that Qt reports from slots and paint events reach ``sys.excepthook``, not the
caller, so the hook is caught around each part too. Details of each failure go to the log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beschut_desktop import __version__
from beschut_desktop.errors import UserError
from beschut_desktop.faults import log, setup_logging

DOCUMENT_TITLES = {
    "quota": "Taakstelling",
    "waiting-list": "Wachtlijst",
    "signals": "Signalenlijst",
    "case": "Dossier",
    "review-form": "Gespreksformulier",
    "employer": "Voorwaardencheck werkgever",
    "finance": "Financieel overzicht",
}


@dataclass
class Outcome:
    part: str
    problem: str | None = None  # None: in order
    note: str | None = None
    skipped: bool = False


class Checker:
    """Runs the parts one by one; a failing part is noted and the next one still runs."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []
        self.logged = False  # a fault with a traceback went to the log

    @contextmanager
    def part(self, name: str) -> Iterator[Outcome]:
        outcome = Outcome(name)
        hooked: list[BaseException] = []
        previous = sys.excepthook
        sys.excepthook = lambda _type, value, _tb: hooked.append(value)
        try:
            yield outcome
            _process_events()
        except UserError as error:
            outcome.problem = error.message
        except Exception as error:
            outcome.problem = self._describe(error)
        finally:
            sys.excepthook = previous
        for error in hooked:
            if outcome.problem is None:
                outcome.problem = (
                    error.message if isinstance(error, UserError) else self._describe(error)
                )
        self.outcomes.append(outcome)
        _report(outcome)

    def _describe(self, error: BaseException) -> str:
        log.error(
            "self-check: %s",
            "".join(traceback.format_exception(type(error), error, error.__traceback__)),
        )
        self.logged = True
        return f"{type(error).__name__}: {error}"

    def skip(self, name: str, note: str) -> None:
        outcome = Outcome(name, note=note, skipped=True)
        self.outcomes.append(outcome)
        _report(outcome)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.problem is not None]


def run(args: argparse.Namespace) -> int:
    """The self-check on ``args.db`` (the default register when none was given)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    log_file = setup_logging()
    db = Path(args.db)
    print(f"Zelfcontrole van beschut-desktop {__version__} op {db}", file=sys.stderr)
    checker = Checker()
    with tempfile.TemporaryDirectory(prefix="beschut-zelfcontrole-") as folder:
        copy = Path(folder) / "register.db"
        store = _open_copy(checker, db, copy)
        if store is not None:
            with store:
                _check_window(checker, store, Path(folder))
                _check_documents(checker, store)
                _check_letters(checker, store)
    failed = checker.failed
    if failed:
        names = ", ".join(o.part for o in failed)
        details = f" De details staan in {log_file}." if checker.logged else ""
        print(
            f"Zelfcontrole: {len(failed)} van {len(checker.outcomes)} onderdelen mislukt: "
            f"{names}.{details}",
            file=sys.stderr,
        )
        return 1
    print(f"Zelfcontrole: alle {len(checker.outcomes)} onderdelen in orde.", file=sys.stderr)
    return 0


# ---- the register ------------------------------------------------------------------------


def _open_copy(checker: Checker, db: Path, copy: Path) -> Any:
    from beschut_desktop.store.store import Store

    store = None
    if db.exists():
        with checker.part("Register lezen"):
            _backup_copy(db, copy)
            store = Store.open(copy, create=False, backups=False)
            store.load()
    else:
        with checker.part("Tijdelijk demoregister") as outcome:
            outcome.note = f"er is geen register op {db}"
            from beschut_desktop.demo import fill_demo

            store = Store.open(copy, backups=False)
            fill_demo(store)
    return store


def _backup_copy(db: Path, copy: Path) -> None:
    try:
        # Not read-only: only a read-write connection tidies the -wal and -shm files away
        # again when it closes; nothing is written through it.
        source = sqlite3.connect(db)
        try:
            target = sqlite3.connect(copy)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise UserError(f"{db} kan niet worden gelezen als register ({exc}).") from None


# ---- the window --------------------------------------------------------------------------


def _check_window(checker: Checker, store: Any, folder: Path) -> None:
    window = None
    with checker.part("Venster"):
        from PySide6.QtCore import QSettings

        from beschut_desktop.ui.application import make_application
        from beschut_desktop.ui.main_window import MainWindow
        from beschut_desktop.ui.session import Session

        make_application()
        settings = QSettings(str(folder / "instellingen.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Session(store), settings)
        window.resize(1366, 768)
        window.show()
    _check_look(checker)
    if window is None:
        _check_sections_alone(checker, store)
        return
    from beschut_desktop.ui.sections import SECTIONS

    for spec in SECTIONS:
        with checker.part(f"Onderdeel {spec.title}"):
            window.show_section(spec.key)
            _process_events()
            window.grab()
    register = window.session.register
    subjects: list[tuple[str, Callable[[int], None], list[Any]]] = [
        ("Dossier van een persoon", window.open_person, register.persons),
        ("Kaart van een werkgever", window.open_employer, register.employers),
        ("Plaatsing", window.open_placement, register.placements),
    ]
    for title, opener, records in subjects:
        if not records:
            checker.skip(title, "niets in het register om te tonen")
            continue
        with checker.part(title):
            opener(records[0].id)
            _process_events()
            window.grab()
            try:
                window.current_section().document()
            except UserError:
                pass  # the section asks the user to choose first: that is working as meant
    window.close()
    window.deleteLater()
    _process_events()


def _check_look(checker: Checker) -> None:
    """The translation and the style sheet: without them the window works but looks wrong."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    with checker.part("Qt-vensters in het Nederlands (qtbase_nl)"):
        if app is None or not app.property("dutch_installed"):
            raise UserError("de Nederlandse vertaling van Qt is niet gevonden")
    with checker.part("Opmaak (style.qss)"):
        if app is None or not app.styleSheet():
            raise UserError("het opmaakbestand style.qss is niet gevonden")


def _check_sections_alone(checker: Checker, store: Any) -> None:
    """The window itself failed: build each section on its own to name the one that fails."""
    from PySide6.QtWidgets import QMainWindow

    from beschut_desktop.ui.sections import SECTIONS
    from beschut_desktop.ui.session import Session

    holder = QMainWindow()
    session = Session(store)
    for spec in SECTIONS:
        with checker.part(f"Onderdeel {spec.title}"):
            widget = spec.load()(session, holder)
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()
            widget.grab()


def _process_events() -> None:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.processEvents()


# ---- the documents -----------------------------------------------------------------------


def _check_documents(checker: Checker, store: Any) -> None:
    from beschut_desktop.cli import REPORT_KINDS
    from beschut_desktop.documents.commands import ACCEPTS, build_report

    register = store.load()
    on = dt.date.today()
    for kind in REPORT_KINDS:
        title = f"Document {DOCUMENT_TITLES.get(kind, kind)}"
        accepts = ACCEPTS.get(kind, set())
        subject = _subject(register, accepts)
        if subject is None:
            checker.skip(title, "geen onderwerp in het register")
        else:
            with checker.part(title):
                _expect_pdf(build_report(store, kind, on, **subject))
        if "blank" in accepts:
            with checker.part(f"{title} (leeg)"):
                _expect_pdf(build_report(store, kind, on, blank=True))


def _subject(register: Any, accepts: set[str]) -> dict[str, Any] | None:
    """Arguments for ``build_report``: the first placement, person or employer it takes."""
    if not accepts:
        return {}
    if "placement" in accepts and register.placements:
        return {"placement_id": register.placements[0].id}
    if "bsn" in accepts and register.persons:
        return {"bsn": register.persons[0].bsn}
    if "employer" in accepts and register.employers:
        return {"employer": register.employers[0].kvk_number or register.employers[0].name}
    return None


def _expect_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF"):
        raise ValueError("het resultaat is geen PDF")


# ---- the letters -------------------------------------------------------------------------

# How many persons or placements are tried to find one a letter can be about (a large register
# is not searched through).
LETTER_SUBJECT_TRIES = 40


def _check_letters(checker: Checker, store: Any) -> None:
    from beschut_desktop.cli import LETTER_KINDS
    from beschut_desktop.letters.fields import KIND_LABELS
    from beschut_desktop.letters.making import make_letter

    register = store.load()
    on = dt.date.today()
    for kind in LETTER_KINDS:
        title = f"Brief {KIND_LABELS[kind]}"
        subject = _letter_subject(register, kind, on)
        if subject is None:
            checker.skip(title, "niemand in het register over wie deze brief vandaag kan gaan")
            continue
        person_id, placement_id = subject
        with checker.part(title), store.atomic():
            letter = make_letter(
                store, kind, person_id, on, placement_id=placement_id, register=register
            )
            _expect_docx(letter.docx)


def _letter_subject(register: Any, kind: str, on: dt.date) -> tuple[int, int | None] | None:
    """The first (person, placement) the letter can be about on ``on``: the content is worked
    out without the template, so a template or a module that fails is not taken for a register
    without a subject."""
    from beschut_desktop.letters.making import letter_content

    if kind == "indication":
        candidates = [(p.id, None) for p in register.persons if register.decisions_of(p.id)]
    else:
        placements = sorted(register.placements, key=lambda p: not p.is_active_on(on))
        candidates = [(p.person_id, p.id) for p in placements]
    for person_id, placement_id in candidates[:LETTER_SUBJECT_TRIES]:
        person = register.person(person_id)
        try:
            letter_content(register, kind, person, on, placement_id)
        except UserError:
            continue
        return person_id, placement_id
    return None


def _expect_docx(data: bytes) -> None:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        if "word/document.xml" not in docx.namelist():
            raise ValueError("het resultaat is geen Word-document")


# ---- output ------------------------------------------------------------------------------


def _report(outcome: Outcome) -> None:
    if outcome.problem is not None:
        state = "MISLUKT"
    elif outcome.skipped:
        state = "overgeslagen"
    else:
        state = "in orde"
    text = f"  {state:<12} {outcome.part}"
    if outcome.note:
        text += f" ({outcome.note})"
    if outcome.problem:
        text += f": {outcome.problem}"
    print(text, file=sys.stderr)
