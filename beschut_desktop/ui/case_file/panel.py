"""A list with its buttons: the building block of every tab in a case file or employer card.

Buttons that act on a row are enabled only while a row is selected (and, optionally, while a
predicate on that row holds), so a flow is never started on nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from beschut_desktop.ui.table_model import Column
from beschut_desktop.ui.widgets import RecordTable, heading, muted

_MISSING = object()
BUTTONS_PER_ROW = 4
_PLAIN = (str, int, float, dt.date)


def sortable(columns: Sequence[Column]) -> list[Column]:
    """Every column sorts: by the row's plain attribute of the column's key when it has one
    (dates as dates, numbers as numbers), else by the text the column shows."""
    made = []
    for column in columns:
        if column.sort_key is None and column.display is not None:

            def key(row: Any, c: Column = column) -> Any:
                value = getattr(row, c.key, _MISSING)
                if value is None or isinstance(value, _PLAIN):
                    return value
                return c.display(row) if c.display else None

            column = replace(column, sort_key=key)
        made.append(column)
    return made


class ListPanel(QWidget):
    """A heading, a filterable table and a row of buttons."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        *,
        hint: str = "",
        filter_visible: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.table = RecordTable(
            sortable(columns), accessible_name=title, placeholder=f"Zoeken in {title.lower()}…"
        )
        self.table.filter_edit.setVisible(filter_visible)
        self.table.count_label.setVisible(filter_visible)
        self.hint = muted(hint)
        self.hint.setVisible(bool(hint))
        self._row_buttons: list[tuple[QPushButton, Callable[[Any], bool] | None]] = []
        # The buttons have rows of their own under the heading, at most BUTTONS_PER_ROW to a
        # row: beside the heading, in one long row, they were cut on a 1024-pixel screen.
        self.button_rows = QVBoxLayout()
        self.button_rows.setContentsMargins(0, 0, 0, 0)
        self.button_row = self._new_button_row()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(title, 2))
        layout.addLayout(self.button_rows)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.table.current_changed.connect(lambda _row: self.update_buttons())

    def button(
        self,
        text: str,
        slot: Callable[[], Any],
        *,
        needs_row: bool = False,
        when: Callable[[Any], bool] | None = None,
        name: str = "",
    ) -> QPushButton:
        """Add a button; ``needs_row``/``when`` tie it to the selected row."""
        button = QPushButton(text)
        button.setObjectName(name or text)
        button.clicked.connect(lambda _checked=False: slot())
        return self.add_button(button, needs_row=needs_row, when=when)

    def add_button(
        self,
        button: QPushButton,
        *,
        needs_row: bool = False,
        when: Callable[[Any], bool] | None = None,
    ) -> QPushButton:
        """Add a ready-made button (one with a menu, say) to the row."""
        if self.button_row.count() - 1 >= BUTTONS_PER_ROW:
            self.button_row = self._new_button_row()
        self.button_row.insertWidget(self.button_row.count() - 1, button)
        if needs_row or when is not None:
            self._row_buttons.append((button, when))
        self.update_buttons()
        return button

    def _new_button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        self.button_rows.addLayout(row)
        return row

    def current(self) -> Any:
        return self.table.current()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.table.set_rows(rows)
        if self.table.current() is None and rows:
            self.table.view.selectRow(0)
            self.table.view.setCurrentIndex(self.table.proxy.index(0, 0))
        self.update_buttons()

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def update_buttons(self) -> None:
        row = self.table.current()
        for button, when in self._row_buttons:
            button.setEnabled(row is not None and (when is None or bool(when(row))))
