"""The window's side of keeping the register safe: read-only mode, backup and restore.

When another program writes the register, the window can open it to read only: a banner says
so, the writing actions are off, and what the other program saves appears by itself (the
register's ``data_version`` is looked at every two seconds). Bestand → Back-up maken writes a
checked copy wherever the consultant chooses (a USB stick, a network folder); Bestand →
Terugzetten puts a backup back after a confirmation, keeping the register it replaces.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError
from beschut_desktop.formatting import short_date
from beschut_desktop.store import backup
from beschut_desktop.store.health import when
from beschut_desktop.ui import file_dialogs, widgets
from beschut_desktop.ui.session import Session

BACKUP_FILTER = "Back-ups van het register (*.db);;Alle bestanden (*)"
WATCH_INTERVAL_MS = 2000


class ReadOnlyBanner(QLabel):
    def __init__(self, holder_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setAccessibleName("Alleen lezen")
        self.setStyleSheet(
            "QLabel#readOnlyBanner { background: #fff4c2; color: #3d3000; "
            "border-bottom: 1px solid #d9c36a; padding: 6px 10px; }"
        )
        self.setText(
            f"<b>Alleen lezen.</b> {holder_text} U ziet wat daar wordt opgeslagen vanzelf "
            "verschijnen; zelf iets wijzigen kan pas als dat andere venster is gesloten "
            "(open het register dan opnieuw)."
        )


class WritingButtonsOff(QObject):
    """In read-only mode every push button of the window is off, except those that only read.

    Sections enable their buttons as the selection or the typed input changes; this filter
    turns a writing button off again whenever it is shown or enabled. A new button is off until
    it is named here as reading: the safe direction. The store refuses any write regardless."""

    READING = frozenset(
        {
            "Vandaag",
            "Openen",
            "Dossier openen",
            "Dossier van het signaal openen",
            "Kaart openen",
            "Afdrukken",
            "Opslaan als PDF",
            "Sluiten",
            "Documenten",
            "Wachtlijst",
            "Voorwaardencheck",
            "Gespreksformulier",
            "Naar werkgever",
            "Details kopiëren",
            "Sjabloon opslaan als…",
        }
    )

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.cover(window)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def cover(self, widget: QWidget) -> None:
        """Turn off the writing buttons of ``widget`` (a section built after the window)."""
        for button in widget.findChildren(QPushButton):
            self._keep_off(button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() in (QEvent.Type.EnabledChange, QEvent.Type.Show)
            and isinstance(watched, QPushButton)
            and watched.isEnabled()
            and self.window.isAncestorOf(watched)
        ):
            QTimer.singleShot(0, lambda: self._keep_off(watched))
        return False

    def _keep_off(self, button: QPushButton) -> None:
        with contextlib.suppress(RuntimeError):  # the button was deleted meanwhile
            if button.text().replace("&", "") not in self.READING and button.isEnabled():
                button.setEnabled(False)


class ChangeWatcher(QObject):
    """Reload the session when another program committed to the register."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._seen = self._version()
        self.timer = QTimer(self)
        self.timer.setInterval(WATCH_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _version(self) -> int | None:
        try:
            return self.session.store.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:  # a closed or vanished register: stop looking
            return None

    def check(self) -> bool:
        """Reload if the register changed since the last look; True when it did."""
        version = self._version()
        if version is None:
            self.timer.stop()
            return False
        if version == self._seen:
            return False
        try:
            self.session.reload()
        except sqlite3.OperationalError:  # the writer is mid-commit (no WAL): next time
            return False
        self._seen = version
        return True


def install_read_only(window: QMainWindow, session: Session, holder_text: str) -> ReadOnlyBanner:
    """Banner above the window's content, writing actions off, and the change watcher."""
    banner = ReadOnlyBanner(holder_text)
    content = window.takeCentralWidget()
    frame = QWidget()
    column = QVBoxLayout(frame)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    column.addWidget(content, 1)
    window.setCentralWidget(frame)
    for action in getattr(window, "writing_actions", []):
        action.setEnabled(False)
    window.writing_buttons_off = WritingButtonsOff(window)  # type: ignore[attr-defined]
    window.change_watcher = ChangeWatcher(session, window)  # type: ignore[attr-defined]
    return banner


def make_backup(parent: QWidget | None, session: Session) -> Path | None:
    """Ask where, then write a checked copy there (also allowed in read-only mode)."""
    store = session.store
    suggested = f"{store.path.stem}-{session.today().isoformat()}.db"
    start = file_dialogs.documents_dir() / suggested
    chosen = file_dialogs.save_file_name(parent, "Back-up maken", start, BACKUP_FILTER)
    if not chosen:
        return None
    target = Path(chosen)
    try:
        with widgets.busy():
            backup.backup_to(store.conn, target)
    except UserError as error:
        widgets.inform(parent, "Back-up maken", error.message, QMessageBox.Icon.Warning)
        return None
    widgets.inform(
        parent,
        "Back-up maken",
        f"De back-up is geschreven naar {target}.\n\nBewaar een back-up ook op een tweede "
        "plaats (een usb-stick of de netwerkmap van de gemeente), niet alleen op deze computer.",
    )
    return target


def restore_backup(parent: QWidget | None, session: Session) -> bool:
    """Choose a backup, confirm, and put it back; True when the register was replaced."""
    from beschut_desktop.store.restore import restore

    store = session.store
    folder = backup.backup_dir(store.path)
    chosen = file_dialogs.open_file_name(
        parent, "Back-up terugzetten", BACKUP_FILTER, folder if folder.is_dir() else None
    )
    if not chosen:
        return False
    source = Path(chosen)
    made = backup.made_at(source)
    when = f" (gemaakt op {short_date(made.date())} om {made:%H:%M})" if made else ""
    choice = widgets.ask(
        parent,
        "Back-up terugzetten",
        f"Het register wordt vervangen door de back-up {source.name}{when}. Alles wat daarna "
        "is ingevoerd, is dan niet meer in het register.\n\nHet huidige register wordt eerst "
        "bewaard bij de back-ups (map voor-terugzetten).",
        ["Terugzetten", "Annuleren"],
        default=1,
        escape=1,
    )
    if choice != 0:
        return False
    try:
        with widgets.busy():
            saved = restore(source, store.path, session.today())
    except UserError as error:
        widgets.inform(parent, "Back-up terugzetten", error.message, QMessageBox.Icon.Warning)
        return False
    session.reload()
    kept = f"\n\nHet vervangen register staat in {saved}." if saved else ""
    widgets.inform(parent, "Back-up terugzetten", f"{source.name} is teruggezet.{kept}")
    return True


def offer_backup_for_damaged(parent: QWidget | None, damaged) -> bool:
    """A damaged register at opening: say so, and offer its newest good backup.

    True when the backup was put back (the caller opens the register again)."""
    from beschut_desktop.store.restore import restore

    if damaged.backup is None:
        widgets.inform(parent, "Register beschadigd", damaged.message, QMessageBox.Icon.Critical)
        return False
    choice = widgets.ask(
        parent,
        "Register beschadigd",
        f"Het register {damaged.register} is beschadigd: {damaged.what}.\n\n"
        f"De nieuwste goede back-up is van {when(damaged.backup)}:\n{damaged.backup.path}\n\n"
        "Zet die terug; de beschadigde versie wordt bewaard bij de back-ups. Wat na die "
        "back-up is ingevoerd, staat niet in de back-up.",
        ["Back-up terugzetten", "Annuleren"],
        default=0,
        escape=1,
        icon=QMessageBox.Icon.Critical,
    )
    if choice != 0:
        return False
    try:
        restore(damaged.backup.path, damaged.register, dt.date.today())
    except UserError as error:
        widgets.inform(parent, "Back-up terugzetten", error.message, QMessageBox.Icon.Warning)
        return False
    return True
