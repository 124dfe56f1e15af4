"""Starting the window: Qt in Dutch, a calm look, the fault dialog, and opening the register.

On the first start (the register file does not exist yet) the user chooses an empty register
or a demo register to look around in; a file that is not a register is refused with a Dutch
message; a risky location (network share, cloud folder) is warned about once.
"""

from __future__ import annotations

import faulthandler
import hashlib
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory, QWidget

from beschut_desktop.errors import UserError
from beschut_desktop.faults import setup_logging
from beschut_desktop.paths import resource
from beschut_desktop.store.health import RegisterDamaged
from beschut_desktop.store.lock import RegisterFolderReadOnly, RegisterLocked
from beschut_desktop.store.store import Store
from beschut_desktop.ui import widgets
from beschut_desktop.ui.errors import install_excepthook

ORGANISATION = "beschut-desktop"
APPLICATION = "beschut-desktop"
NEW_EMPTY, NEW_DEMO, NEW_CANCEL = 0, 1, 2


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names for QSettings, Dutch Qt dialogs, Dutch locale and our look.

    Reuses an existing instance (tests create one through pytest-qt). No application display
    name: Qt appends it to every window title, which made the main window read
    "Beschut werk — Staphorst — Beschut werk"; each window names the program itself."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    install_dutch_translation(app)
    apply_look(app)
    return app


def install_dutch_translation(app: QApplication) -> bool:
    """Qt's own buttons and dialogs (file chooser, print dialog) in Dutch: ``qtbase_nl``."""
    if app.property("dutch_installed"):
        return True
    translator = QTranslator(app)
    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(resource("translations")),
    ]
    for folder in folders:
        if translator.load("qtbase_nl", folder):
            app.installTranslator(translator)
            app.setProperty("dutch_installed", True)
            return True
    return False


def apply_look(app: QApplication) -> None:
    """Fusion with a light palette and one small style sheet: calm, readable at 1366×768."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setWindowIcon(QIcon(str(resource("icon.png"))))
    sheet = resource("style.qss")
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def choose_new_register(path: Path, parent: QWidget | None = None) -> int:
    """First start: NEW_EMPTY, NEW_DEMO or NEW_CANCEL."""
    return widgets.ask(
        parent,
        "Nieuw register",
        f"Er is nog geen register op\n{path}\n\nBegin met een leeg register, of met een "
        "demoregister met verzonnen casussen om het programma te leren kennen.",
        ["Leeg register", "Demoregister", "Annuleren"],
        default=0,
        escape=2,
    )


def open_register(path: Path, parent: QWidget | None = None) -> Store | None:
    """Open (or, after asking, create) the register; None when the user cancels or the file
    is refused (the refusal has been shown, in Dutch).

    While another program writes the register, the user may open it to read only. A damaged
    register is said to be damaged, with its newest good backup offered."""
    demo = False
    if not path.exists() or path.stat().st_size == 0:
        choice = choose_new_register(path, parent)
        if choice == NEW_CANCEL:
            return None
        demo = choice == NEW_DEMO
    try:
        store = Store.open(path)
    except (RegisterLocked, RegisterFolderReadOnly) as exc:
        return _offer_read_only(path, exc, parent)
    except RegisterDamaged as exc:
        from beschut_desktop.ui import safety

        if safety.offer_backup_for_damaged(parent, exc):
            return open_register(path, parent)
        return None
    except UserError as exc:
        widgets.inform(parent, "Register niet geopend", exc.message, QMessageBox.Icon.Warning)
        return None
    if demo:
        try:
            from beschut_desktop.demo import fill_demo

            fill_demo(store)
        except UserError as exc:
            widgets.inform(parent, "Demoregister", exc.message, QMessageBox.Icon.Warning)
    return store


def _offer_read_only(path: Path, refusal: UserError, parent: QWidget | None) -> Store | None:
    choice = widgets.ask(
        parent,
        "Register in gebruik",
        f"{refusal.message}\n\nU kunt het register wel openen om te lezen.",
        ["Alleen lezen", "Annuleren"],
        default=0,
        escape=1,
        icon=QMessageBox.Icon.Warning,
    )
    if choice != 0:
        return None
    try:
        store = Store.open(path, create=False, read_only=True)
    except UserError as exc:
        widgets.inform(parent, "Register niet geopend", exc.message, QMessageBox.Icon.Warning)
        return None
    if isinstance(refusal, RegisterLocked) and refusal.holder is not None:
        store.read_only_reason = f"Het register is in gebruik door {refusal.holder.describe()}."
    elif isinstance(refusal, RegisterLocked):
        store.read_only_reason = "Het register is in gebruik door een ander programma."
    else:
        store.read_only_reason = "In de map van het register kan niet worden geschreven."
    return store


def warn_once(store: Store, settings: QSettings, parent: QWidget | None = None) -> None:
    """Show a location warning of the store, once per register path and message."""
    for warning in store.warnings:
        digest = hashlib.sha1(f"{store.path}|{warning}".encode()).hexdigest()[:16]
        key = f"warned/{digest}"
        if settings.value(key, False, type=bool):
            continue
        widgets.inform(parent, "Let op", warning, QMessageBox.Icon.Warning)
        settings.setValue(key, True)


def record_fatal_errors(log_file: Path) -> None:
    """A crash of the interpreter itself (a fault below Python) leaves its traceback in
    ``beschut-desktop-fatal.log`` beside the log, where the excepthook cannot reach."""
    try:
        stream = open(log_file.with_name("beschut-desktop-fatal.log"), "a", encoding="utf-8")  # noqa: SIM115
    except OSError:
        return
    faulthandler.enable(file=stream)
    _FATAL_STREAMS.append(stream)  # open until the process ends: faulthandler writes to it


_FATAL_STREAMS: list = []


def run(db_path: Path) -> int:
    """Open the window on the register at ``db_path``; the exit code of the program."""
    app = make_application()
    log_file = setup_logging()
    install_excepthook(log_file)
    record_fatal_errors(log_file)
    store = open_register(Path(db_path))
    if store is None:
        return 0
    from beschut_desktop.ui.main_window import MainWindow
    from beschut_desktop.ui.session import Session

    settings = QSettings()
    session = Session(store)
    window = MainWindow(session, settings)
    window.show()
    warn_once(store, settings, window)
    try:
        return app.exec()
    finally:
        store.close()
