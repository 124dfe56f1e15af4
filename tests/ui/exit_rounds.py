"""Run as a program: open the window on a demo register, visit every page, open and close every
dialog, sort every list, and quit with Ctrl+Q — ROUNDS times in one process, each round through
``app.exec()`` as the real program does. Exits 0 when all went well."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from screens import DEMO_TODAY, demo_store, dialogs, pages

from beschut_desktop.ui.application import make_application
from beschut_desktop.ui.main_window import MainWindow
from beschut_desktop.ui.session import Session
from beschut_desktop.ui.widgets import RecordTable


def walk(window: MainWindow, app) -> None:
    for _name, _page in pages(window):
        app.processEvents()
    for table in window.findChildren(RecordTable):
        for column in range(table.model.columnCount()):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                table.view.sortByColumn(column, order)
        table.filter_edit.setText("a")
        table.filter_edit.clear()
    for _name, dialog in dialogs(window.session, window):
        dialog.show()
        app.processEvents()
        dialog.reject()
        dialog.deleteLater()
    quit_action = next(
        a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("Ctrl+Q")
    )
    quit_action.trigger()


def main(rounds: int) -> int:
    app = make_application([sys.argv[0]])
    folder = Path(tempfile.mkdtemp())
    store = demo_store(folder)
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    try:
        for _ in range(rounds):
            window = MainWindow(Session(store, today=DEMO_TODAY), settings)
            window.show()
            QTimer.singleShot(0, lambda w=window: walk(w, app))
            if app.exec() != 0 or window.isVisible():
                return 1
            window.deleteLater()
            app.processEvents()
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
