"""The sections of the main window, in navigation order, and what a section may offer.

``SECTIONS`` is the registry: key, Dutch title, and a function that imports the section's
class with a literal ``import`` (so PyInstaller and every reader see it) and returns it. The main
window builds each as ``Class(session, main_window)`` when it is first shown (or asked for with
``MainWindow.section``) and then calls its ``refresh``; other pages can be added with
``MainWindow.add_section(key, title, widget)``. An import error is a bug and reaches the fault
dialog.

A section widget is a ``QWidget``; subclassing ``Section`` gives it the defaults below. The
main window calls these methods when present (duck typing, so a plain ``QWidget`` works too):

- ``refresh()``: show ``session.register`` on ``session.as_of`` again. Called for the visible
  section whenever ``session.changed`` fires, and for a hidden one when it is next shown —
  sections should not reload themselves on ``changed``.
- ``new_record() -> bool``: Ctrl+N. False when the section has nothing to add.
- ``focus_filter() -> bool``: Ctrl+F. False when there is no filter.
- ``save() -> bool``: Ctrl+S, save the open form. True when saved or nothing to save.
- ``maybe_leave() -> bool``: before the window closes; ask about unsaved changes
  (``forms.maybe_leave``). False keeps the window open.
- ``document() -> tuple[bytes, str] | None``: the PDF belonging to what is shown, and a file
  name for it (Ctrl+P prints it, "Opslaan als PDF…" saves it). None: nothing to print here;
  a ``UserError`` says what to choose first (a person, a placement). The same documents are
  on the screens' own menu buttons (``ui.document_actions``).
- ``open(record_id, **kwargs)``: show one record; called by ``MainWindow.open_person``,
  ``open_placement`` and ``open_employer`` after switching to the section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from beschut_desktop.ui.main_window import MainWindow
    from beschut_desktop.ui.session import Session

OVERVIEW = "overview"
PERSONS = "persons"
EMPLOYERS = "employers"
PLACEMENTS = "placements"
SIGNALS = "signals"
SETTINGS = "settings"
FINANCE = "finance"


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    load: Callable[[], type[QWidget]]


def _overview() -> type[QWidget]:
    from beschut_desktop.ui.sections.overview import OverviewSection

    return OverviewSection


def _persons() -> type[QWidget]:
    from beschut_desktop.ui.sections.persons import PersonsSection

    return PersonsSection


def _employers() -> type[QWidget]:
    from beschut_desktop.ui.sections.employers import EmployersSection

    return EmployersSection


def _placements() -> type[QWidget]:
    from beschut_desktop.ui.sections.placements import PlacementsSection

    return PlacementsSection


def _signals() -> type[QWidget]:
    from beschut_desktop.ui.sections.signals import SignalsSection

    return SignalsSection


def _finance() -> type[QWidget]:
    from beschut_desktop.ui.sections.finance import FinanceSection

    return FinanceSection


def _settings() -> type[QWidget]:
    from beschut_desktop.ui.sections.settings import SettingsSection

    return SettingsSection


SECTIONS: list[SectionSpec] = [
    SectionSpec(OVERVIEW, "Overzicht", _overview),
    SectionSpec(PERSONS, "Personen", _persons),
    SectionSpec(EMPLOYERS, "Werkgevers", _employers),
    SectionSpec(PLACEMENTS, "Plaatsingen", _placements),
    SectionSpec(SIGNALS, "Signalen", _signals),
    SectionSpec(FINANCE, "Financiën", _finance),
    SectionSpec(SETTINGS, "Instellingen", _settings),
]


class Section(QWidget):
    """Base class of a section page: keeps the session and the main window, and gives the
    defaults of every hook. Override what the section offers."""

    def __init__(
        self, session: Session, main_window: MainWindow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.main_window = main_window

    def refresh(self) -> None:
        """Show the register as it is now, on the as-of date."""

    def new_record(self) -> bool:
        return False

    def focus_filter(self) -> bool:
        return False

    def save(self) -> bool:
        return True

    def maybe_leave(self) -> bool:
        return True

    def document(self) -> tuple[bytes, str] | None:
        return None

    def open(self, record_id: Any, **kwargs: Any) -> None:
        """Show one record (cross-navigation)."""
