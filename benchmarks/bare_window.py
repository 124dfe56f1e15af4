"""The floor of the start-up benchmark: a bare PySide6 window with an empty table.

Prints the milliseconds from process start to its first painted, idle window, measured with
the same clock as ``beschut-desktop --startup-time``, and exits.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget

from beschut_desktop.ui.startup_clock import report_when_idle


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableWidget(0, 6))
    window.resize(1280, 720)

    def done(seconds: float) -> None:
        print(round(seconds * 1000), flush=True)
        app.quit()

    report_when_idle(window, done)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
