"""The main window: navigation on the left, one page per section, the as-of date, the menus.

Sections come from ``ui.sections.SECTIONS`` (see that module for what a section may offer) and
are added with ``add_section``. Other screens move the user with ``open_person``,
``open_placement`` and ``open_employer``: the window switches section and hands the id to the
section's ``open``. Writes reload the register (``Session.changed``); the visible section
refreshes at once, the others when they are next shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop import formatting
from beschut_desktop.errors import UserError
from beschut_desktop.ui import document_actions, safety, widgets
from beschut_desktop.ui.as_of import AsOfBanner, mark_as_of_problem
from beschut_desktop.ui.sections import (
    EMPLOYERS,
    PERSONS,
    PLACEMENTS,
    SECTIONS,
)
from beschut_desktop.ui.session import Session

START_SECTION_ENV = "BESCHUT_DESKTOP_SECTION"  # e.g. "signals": start there (screenshots, support)
# Small enough for 1024×700 at 125 % scaling (819×560 logical pixels, less the task bar);
# a page that needs more room scrolls inside its section instead of running off the screen.
MIN_WIDTH, MIN_HEIGHT = 640, 420
MENU_LETTERS = "bweh"  # Alt+B, W, E, H open the menus; a page's buttons take other letters


class MainWindow(QMainWindow):
    """The one window of the program."""

    def __init__(
        self, session: Session, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings if settings is not None else QSettings()
        self._keys: list[str] = []
        self._stale: set[str] = set()
        self._help: dict[str, QWidget] = {}
        self.setObjectName("MainWindow")
        self.setMinimumSize(QSize(MIN_WIDTH, MIN_HEIGHT))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Onderdelen")
        self.nav.setFixedWidth(170)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        self.as_of_banner = AsOfBanner(
            session, lambda: self.set_as_of_text(formatting.short_date(session.today()))
        )
        pages = QVBoxLayout()
        pages.setSpacing(0)
        pages.addWidget(self.as_of_banner)
        pages.addWidget(self.stack, 1)
        row.addLayout(pages, 1)
        self.setCentralWidget(central)

        self._build_as_of_bar()
        self._build_menus()
        self.path_label = QLabel(f"Register: {session.store.path}")
        self.path_label.setAccessibleName("Pad van het register")
        self.statusBar().addPermanentWidget(self.path_label)

        for spec in SECTIONS:
            self.add_section(spec.key, spec.title, spec.load()(session, self))
        self.nav.currentRowChanged.connect(self._on_nav)
        session.changed.connect(self._on_changed)
        self._update_title()
        self._restore()
        self.writing_actions = [
            self.new_action,
            self.save_action,
            self.import_action,
            self.restore_action,
        ]
        if session.store.read_only:
            safety.install_read_only(self, session, session.store.read_only_reason)

    # ---- sections ----------------------------------------------------------------------

    def add_section(self, key: str, title: str, widget: QWidget) -> None:
        """Add a page to the navigation (after those already there)."""
        if key in self._keys:
            raise ValueError(f"section {key!r} exists")
        self._keys.append(key)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 34))
        self.nav.addItem(item)
        widget.setObjectName(f"section_{key}")
        holder = QScrollArea()
        holder.setObjectName(f"page_{key}")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(widget)
        self.stack.addWidget(holder)
        widgets.assign_mnemonics(widget, reserved=MENU_LETTERS)
        self._stale.add(key)
        number = len(self._keys)
        if number <= 9:
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, k=key: self.show_section(k))
            self.view_menu.addAction(action)

    def section(self, key: str) -> QWidget:
        """The widget of a section (``KeyError`` when there is none)."""
        holder = self.stack.widget(self._keys.index(key))
        assert isinstance(holder, QScrollArea)
        return holder.widget()

    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()] if self._keys else ""

    def current_section(self) -> QWidget:
        holder = self.stack.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def show_section(self, key: str) -> QWidget:
        """Switch to a section and return its widget."""
        index = self._keys.index(key)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # -> _on_nav
        else:
            self._on_nav(index)
        return self.section(key)

    def _on_nav(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        key = self._keys[index]
        if key in self._stale:
            self._stale.discard(key)
            _call(self.section(key), "refresh")

    def _on_changed(self) -> None:
        self._stale = set(self._keys)
        self._on_nav(self.stack.currentIndex())
        self._update_title()

    # ---- cross-navigation --------------------------------------------------------------

    def open_person(
        self, person_id: int, tab: str | None = None, placement_id: int | None = None
    ) -> None:
        """Show a person's case file; ``tab`` names a tab of it (see the Personen section),
        ``placement_id`` the contract to select on it."""
        self._open(PERSONS, person_id, tab=tab, placement_id=placement_id)

    def open_placement(self, placement_id: int) -> None:
        self._open(PLACEMENTS, placement_id)

    def open_employer(self, employer_id: int) -> None:
        self._open(EMPLOYERS, employer_id)

    def _open(self, key: str, record_id: int, **kwargs: Any) -> None:
        widget = self.show_section(key)
        widget.open(record_id, **{k: v for k, v in kwargs.items() if v is not None})

    # ---- as-of date --------------------------------------------------------------------

    def _build_as_of_bar(self) -> None:
        bar = QToolBar("Peildatum")
        bar.setObjectName("asOfBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        self.municipality_label = widgets.heading("", 2)
        self.municipality_label.setContentsMargins(12, 0, 0, 0)
        bar.addWidget(self.municipality_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel("Peildatum "))
        self.as_of_edit = widgets.DateEdit(accessible_name="Peildatum")
        self.as_of_edit.setToolTip(
            "De dag waarop taakstelling, budget en signalen worden "
            "berekend (dd-mm-jjjj). Standaard vandaag."
        )
        self.as_of_edit.setFixedWidth(110)
        self.as_of_edit.set_value(self.session.as_of)
        self.as_of_edit.editingFinished.connect(self._on_as_of_edited)
        bar.addWidget(self.as_of_edit)
        self.as_of_problem = QLabel()
        self.as_of_problem.setObjectName("as_of_problem")
        self.as_of_problem.setProperty("role", "problem")
        self.as_of_edit.textChanged.connect(
            lambda _t: mark_as_of_problem(self.as_of_edit, self.as_of_problem)
        )
        bar.addWidget(self.as_of_problem)
        today = QPushButton("Vandaag")
        today.setAccessibleName("Peildatum op vandaag")
        today.clicked.connect(
            lambda: self.set_as_of_text(formatting.short_date(self.session.today()))
        )
        bar.addWidget(today)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def set_as_of_text(self, text: str) -> None:
        self.as_of_edit.setText(text)
        self._on_as_of_edited()

    def _on_as_of_edited(self) -> None:
        try:
            day = self.as_of_edit.value()
        except ValueError as exc:
            self.statusBar().showMessage(f"Peildatum: {exc}.", 8000)
            return
        if day is None:
            day = self.session.today()
        self.as_of_edit.set_value(day)
        self.session.set_as_of(day)

    # ---- menus -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&Bestand")
        self.new_action = self._action(file_menu, "&Nieuw", "Ctrl+N", self._new)
        self.save_action = self._action(file_menu, "&Opslaan", "Ctrl+S", self._save)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, "&Importeren…", None, self._import)
        self._action(file_menu, "&Exporteren…", None, self._export)
        self._action(file_menu, "&Agenda exporteren…", None, self._export_calendar)
        file_menu.addSeparator()
        self._action(file_menu, "&Back-up maken…", None, self._make_backup)
        self.restore_action = self._action(file_menu, "&Terugzetten…", None, self._restore_backup)
        file_menu.addSeparator()
        self.print_action = self._action(file_menu, "Af&drukken…", "Ctrl+P", self._print)
        self._action(file_menu, "Opslaan als &PDF…", "Ctrl+Shift+S", self._save_pdf)
        blank = file_menu.addMenu("Leeg &gespreksformulier")
        document_actions.add_blank_form_actions(blank, self, self.session)
        file_menu.addSeparator()
        self._action(file_menu, "Af&sluiten", "Ctrl+Q", self.close)
        edit_menu = menu.addMenu("Be&werken")
        self._action(edit_menu, "&Zoeken", "Ctrl+F", self._find)
        self.view_menu = menu.addMenu("Be&eld")
        self.audit_action = self._action(self.view_menu, "&Auditspoor…", None, self._audit_trail)
        self.view_menu.addSeparator()
        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&Handleiding", "F1", self._guide)
        self._action(help_menu, "&Regels R1–R20", None, self._rules)
        help_menu.addSeparator()
        self._action(help_menu, "&Over beschut-desktop", None, self._about)

    def _action(
        self, menu: Any, text: str, shortcut: str | None, slot: Callable[[], Any]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _new(self) -> None:
        if not _call(self.current_section(), "new_record", default=False):
            self.statusBar().showMessage("In dit onderdeel valt niets nieuws toe te voegen.", 5000)

    def _save(self) -> None:
        _call(self.current_section(), "save", default=True)

    def _find(self) -> None:
        _call(self.current_section(), "focus_filter", default=False)

    def _document(self) -> tuple[bytes, str] | None:
        try:
            document = _call(self.current_section(), "document", default=None)
        except UserError as exc:
            widgets.inform(self, "Document", exc.message, QMessageBox.Icon.Warning)
            return None
        if document is None:
            widgets.inform(
                self,
                "Afdrukken",
                "Bij dit onderdeel hoort geen document om af "
                "te drukken. Kies Overzicht, Signalen of een dossier.",
            )
        return document

    def _print(self) -> None:
        from beschut_desktop.ui import printing

        document = self._document()
        if document:
            printing.print_pdf(self, document[0], document[1])

    def _save_pdf(self) -> None:
        from beschut_desktop.ui import printing

        document = self._document()
        if document:
            printing.save_pdf(self, document[0], document[1])

    def _import(self) -> None:
        from beschut_desktop.ui import exchange_dialogs

        if exchange_dialogs.import_with_preview(self, self.session.store, self.session.today()):
            self.session.reload()

    def _export(self) -> None:
        from beschut_desktop.ui import exchange_dialogs

        exchange_dialogs.export_register(self, self.session.store)

    def _export_calendar(self) -> None:
        from beschut_desktop.ui import exchange_dialogs

        exchange_dialogs.export_calendar(self, self.session.store)

    def _make_backup(self) -> None:
        safety.make_backup(self, self.session)

    def _restore_backup(self) -> None:
        safety.restore_backup(self, self.session)

    def _audit_trail(self) -> None:
        from beschut_desktop.ui.audit_viewer import show_audit_trail

        show_audit_trail(self.session, self)

    def _guide(self) -> None:
        self._show_help("guide")

    def _rules(self) -> None:
        self._show_help("rules")

    def _show_help(self, which: str) -> None:
        """One window per kind, kept and raised again (F1 twice does not stack windows)."""
        from beschut_desktop.ui import help as help_windows

        window = self._help.get(which)
        if window is None:
            make = help_windows.guide_window if which == "guide" else help_windows.rules_window
            window = self._help[which] = make(self)
        window.show()
        window.raise_()
        window.activateWindow()

    def _about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("beschut-desktop")
        except PackageNotFoundError:
            number = "onbekend"
        widgets.inform(
            self,
            "Over beschut-desktop",
            f"beschut-desktop {number}\n\nHet register voor beschut werk "
            "(artikel 10b Participatiewet).\n\n"
            f"Register: {self.session.store.path}",
        )

    # ---- title, geometry, closing ------------------------------------------------------

    def _update_title(self) -> None:
        name = self.session.register.settings.municipality_name or "gemeente onbekend"
        self.setWindowTitle(f"Beschut werk — {name}")
        self.municipality_label.setText(f"Gemeente {name}")

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.fit_screen()
        start = os.environ.get(START_SECTION_ENV) or self.settings.value("window/section", "")
        key = start if start in self._keys else (self._keys[0] if self._keys else "")
        if key:
            self.show_section(key)

    def fit_screen(self) -> None:
        """The first start: 1280×720 or the available screen, whichever is smaller; a laptop
        screen (up to 1440 wide) is used whole."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(1280, 720)
            return
        width, height = min(1280, screen.width()), min(720, screen.height())
        self.resize(width, height)
        self.move(
            screen.x() + (screen.width() - width) // 2, screen.y() + (screen.height() - height) // 2
        )
        if screen.width() <= 1440:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def remember(self) -> None:
        """Store geometry and the current section (QSettings)."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/section", self.current_key())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.current_section()
        others = [self.section(k) for k in self._keys if self.section(k) is not current]
        ordered = [current, *others]
        for widget in ordered:
            if not _call(widget, "maybe_leave", default=True):
                self.show_section(self._keys[[self.section(k) for k in self._keys].index(widget)])
                event.ignore()
                return
        self.remember()
        event.accept()


# ---- helpers ----------------------------------------------------------------------------


def _call(widget: QWidget, method: str, default: Any = None) -> Any:
    function = getattr(widget, method, None)
    return function() if callable(function) else default
