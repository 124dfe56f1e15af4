"""Fixtures for window tests: a session on a fresh register, the main window, and a guard that
no modal dialog is ever left open.

Every message box goes through ``ui.widgets.ask``/``inform``; here they are replaced by the
``dialogs`` recorder: ``dialogs.answer("Opslaan")`` queues the button a test "clicks", and
``dialogs.shown`` lists every (title, text) shown. An ``ask`` without a queued answer, or any
other modal ``exec()``, fails the test instead of hanging it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from beschut_desktop.ui import widgets

TODAY = dt.date(2022, 9, 6)


class Dialogs:
    """Stands in for the user at every message box."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.shown: list[tuple[str, str]] = []
        self.asked: list[tuple[str, str, list[str]]] = []
        self.fallback: str | None = None  # answer when nothing is queued (window teardown)

    def answer(self, *buttons: str) -> None:
        """Queue the buttons to choose at the next questions, in order."""
        self.answers.extend(buttons)

    def ask(self, parent, title, text, buttons, default=0, escape=None, icon=None) -> int:
        self.asked.append((title, text, list(buttons)))
        if not self.answers and self.fallback in buttons:
            return list(buttons).index(self.fallback)
        if not self.answers:
            raise AssertionError(f"unexpected question: {title}: {text}")
        choice = self.answers.pop(0)
        if choice not in buttons:
            raise AssertionError(f"no button {choice!r} in {buttons} ({title})")
        return list(buttons).index(choice)

    def inform(self, parent, title, text, icon=None) -> None:
        self.shown.append((title, text))

    def texts(self) -> str:
        return "\n".join(f"{title}: {text}" for title, text in self.shown)


def _refuse_modal(*_args, **_kwargs):
    raise AssertionError("a modal dialog was opened in a test; replace it with monkeypatch")


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    monkeypatch.setattr(widgets, "ask", recorder.ask)
    monkeypatch.setattr(widgets, "inform", recorder.inform)
    monkeypatch.setattr(QDialog, "exec", _refuse_modal)
    monkeypatch.setattr(QMessageBox, "exec", _refuse_modal)
    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, _refuse_modal)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, _refuse_modal)
    return recorder


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    """Window settings in a file of the test's own (never the user's)."""
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(qapp, store):
    from beschut_desktop.ui.session import Session

    return Session(store, today=TODAY)


@pytest.fixture
def main_window(qtbot, session, ui_settings, monkeypatch, dialogs):
    """The window on the test's register; at teardown unsaved changes are not saved."""
    from beschut_desktop.ui.main_window import START_SECTION_ENV, MainWindow

    monkeypatch.delenv(START_SECTION_ENV, raising=False)
    window = MainWindow(session, ui_settings)
    qtbot.addWidget(
        window, before_close_func=lambda _w: setattr(dialogs, "fallback", "Niet opslaan")
    )
    window.show()
    yield window
    dialogs.fallback = "Niet opslaan"
    window.close()


def bsn_for(number: int) -> str:
    """A made-up BSN passing the 11-proef, different for each ``number``."""
    base = 10_000_000 + number * 7919
    while True:
        digits = [int(d) for d in f"{base:08d}"]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return f"{base:08d}{check}"
        base += 1


def add_person(store, number: int, *, decided: dt.date = dt.date(2021, 3, 1)) -> int:
    person_id = store.insert(
        "persons",
        {
            "bsn": bsn_for(number),
            "first_name": f"Voornaam{number}",
            "last_name": "Mulder",
            "registered_on": dt.date(2020, 1, 1),
        },
    )
    store.insert(
        "decisions", {"person_id": person_id, "decision_date": decided, "outcome": "positive"}
    )
    return person_id


@pytest.fixture
def seeded(store):
    """The policy's September 2022: Reestmond 3 places / 69 hours, the municipality 1 / 32,
    three private employers 58.5 hours; 159.5 of 186 hours used. Plus two persons waiting."""
    reestdal = store.insert(
        "employers", {"name": "Reestdal Werken B.V.", "kind": "sw_company", "category": "a"}
    )
    municipality = store.insert("employers", {"name": "Gemeente Staphorst", "kind": "municipality"})
    private = [
        store.insert("employers", {"name": name, "kind": "private", "cao": "sector"})
        for name in ("Bakkerij Van der Veen", "Hupak", "Tuincentrum De Groene Hoek")
    ]
    jobs = [
        (reestdal, 23.0),
        (reestdal, 23.0),
        (reestdal, 23.0),
        (municipality, 32.0),
        (private[0], 19.5),
        (private[1], 19.5),
        (private[2], 19.5),
    ]
    placements = []
    for number, (employer_id, hours) in enumerate(jobs, start=1):
        person_id = add_person(store, number)
        placements.append(
            store.insert(
                "placements",
                {
                    "person_id": person_id,
                    "employer_id": employer_id,
                    "start_date": dt.date(2022, 1, 1),
                    "end_date": dt.date(2022, 12, 31),
                    "hours_per_week": hours,
                    "job_title": "Medewerker",
                },
            )
        )
    waiting = [
        add_person(store, 20, decided=dt.date(2021, 5, 1)),
        add_person(store, 21, decided=dt.date(2021, 4, 1)),
    ]
    return {
        "employers": [reestdal, municipality, *private],
        "placements": placements,
        "waiting": waiting,
    }


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch):
    """``ui.printing.print_pdf``/``open_in_viewer`` replaced where the window looks them up."""
    from ui_helpers import Printed

    from beschut_desktop.ui import printing

    recorder = Printed()
    monkeypatch.setattr(printing, "print_pdf", recorder.print_pdf)
    monkeypatch.setattr(printing, "open_in_viewer", recorder.open_in_viewer)
    return recorder


@pytest.fixture
def demo(qtbot, tmp_path, monkeypatch, dialogs):
    """The main window on the demo register (``screens.demo_store``)."""
    from screens import DEMO_TODAY, demo_store

    from beschut_desktop.ui.main_window import START_SECTION_ENV, MainWindow
    from beschut_desktop.ui.session import Session

    monkeypatch.delenv(START_SECTION_ENV, raising=False)
    store = demo_store(tmp_path)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Session(store, today=DEMO_TODAY), settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    dialogs.fallback = "Niet opslaan"
    window.close()
    store.close()
