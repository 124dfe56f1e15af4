"""Filter as you type in Personen, keystroke by keystroke, against Qt's own filter.

Ours: the Personen section of the main window on a register of N persons (default 10,000);
each keystroke goes to its search field and the window handles every event it causes (the
filter, the count, the repaint of the visible rows). The floor: a ``QLineEdit`` whose text goes
to a ``QSortFilterProxyModel.setFilterFixedString`` (all columns, case-insensitive) over a C++
``QStandardItemModel`` holding the same rows' cell texts, shown in a ``QTableView`` of the same
size, timed the same way.

Every keystroke is compared with the same keystroke of the floor; the worst ratio counts. The
first keystroke after a fresh list of rows is included (that is when a search key per row could
be built). Run: ``python -m benchmarks.bench_filter [--persons 10000]``.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from benchmarks.common import TODAY, Result, register_path

TYPED = "bw-01"  # a case number as a consultant types it: every keystroke narrows the list
GOAL = 2.0


def _typing(app, edit, reset: Callable[[], None], repeats: int) -> list[float]:
    """Best time per keystroke over ``repeats`` runs of typing ``TYPED`` from a fresh list."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    best = [float("inf")] * len(TYPED)
    for _ in range(repeats):
        edit.clear()
        reset()
        app.processEvents()
        for i, char in enumerate(TYPED):
            start = time.perf_counter()
            QTest.keyClick(edit, char, Qt.KeyboardModifier.NoModifier)
            app.processEvents()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def run(persons: int, repeats: int) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

    from beschut_desktop.store.store import Store
    from beschut_desktop.ui.application import make_application
    from beschut_desktop.ui.main_window import MainWindow
    from beschut_desktop.ui.session import Session

    app = make_application()
    store = Store.open(register_path(persons), backups=False, today=TODAY)
    session = Session(store, today=TODAY)
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "bench", "bench")
    window = MainWindow(session, settings)
    window.resize(1280, 720)
    window.show()
    section = window.show_section("persons")
    table = section.table
    rows = table.model.rows()
    app.processEvents()
    ours = _typing(app, table.filter_edit, lambda: table.set_rows(rows), repeats)

    table.filter_edit.clear()
    columns = table.model.columns
    floor_window = QWidget()
    edit = QLineEdit(floor_window)
    proxy = QSortFilterProxyModel(floor_window)
    source = QStandardItemModel(len(rows), len(columns), floor_window)
    for r, row in enumerate(rows):
        for c, column in enumerate(columns):
            source.setData(source.index(r, c), column.text(row))
    proxy.setSourceModel(source)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    edit.textChanged.connect(proxy.setFilterFixedString)
    view = QTableView(floor_window)
    view.setModel(proxy)
    layout = QVBoxLayout(floor_window)
    layout.addWidget(edit)
    layout.addWidget(view)
    floor_window.resize(1280, 720)
    floor_window.show()
    floor = _typing(app, edit, lambda: None, repeats)

    window.hide()
    floor_window.hide()
    store.close()
    worst = max(range(len(TYPED)), key=lambda i: ours[i] / floor[i])
    detail = ", ".join(f"{o * 1000:.1f}/{f * 1000:.1f}" for o, f in zip(ours, floor, strict=True))
    return [
        Result(
            f"filteren Personen, toets {worst + 1} van '{TYPED}' ({len(rows):,} personen)",
            ours[worst],
            floor[worst],
            GOAL,
            note=f"ms per toets (ons/Qt): {detail}",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    for result in run(args.persons, args.repeats):
        print(f"{result.name}: {result.ratio:.2f} × (doel ≤ {result.goal})")
        print(f"  {result.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
