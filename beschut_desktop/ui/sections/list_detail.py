"""A section with a list page and one record's page stacked on top of it: the persons with the
case file, the employers with the employer card.

The scaffolding lives here once so that both sections behave alike: the back button and a
removal return to the list, a refresh closes a page whose record has gone, Ctrl+F always lands
in the list's filter, and the record a document is about is the open one, else the selected
row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.ui.case_file.record_page import RecordPage
from beschut_desktop.ui.sections import Section
from beschut_desktop.ui.widgets import RecordTable, heading


class ListDetailSection(Section):
    """Base of a list-and-record section. A subclass creates its table and record page, calls
    ``_build`` once, and says how to look a record up (``_exists``), which one the page shows
    (``_detail_id``) and how to show one (``_show_detail``)."""

    table: RecordTable
    detail: RecordPage
    stack: QStackedWidget

    def _build(
        self,
        *,
        title: str,
        intro: QLabel,
        table: RecordTable,
        detail: RecordPage,
        tools: Sequence[QWidget],
        open_text: str,
        new: QPushButton,
    ) -> None:
        """Lay out the list page (heading, tool buttons, open and new, intro text, table) and
        stack the record page behind it."""
        self.table = table
        self.detail = detail
        table.activated.connect(self._activated)
        open_button = QPushButton(open_text)
        open_button.clicked.connect(self._open_current)
        new.clicked.connect(self.new_record)
        head = QHBoxLayout()
        head.addWidget(heading(title))
        head.addStretch(1)
        for widget in (*tools, open_button, new):
            head.addWidget(widget)
        list_page = QWidget()
        column = QVBoxLayout(list_page)
        column.setContentsMargins(16, 10, 16, 10)
        column.addLayout(head)
        column.addWidget(intro)
        column.addWidget(table, 1)
        detail.back.connect(self.show_list)
        detail.removed.connect(self.show_list)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # ---- what a subclass says ----------------------------------------------------------

    def _refresh_list(self) -> None:
        """Fill the list page from the register."""

    def _exists(self, record_id: Any) -> bool:
        raise NotImplementedError

    def _detail_id(self) -> int:
        """The record the page shows; 0 before one was opened."""
        raise NotImplementedError

    def _show_detail(self, record_id: Any, tab: str | None) -> None:
        raise NotImplementedError

    # ---- hooks of the main window ----------------------------------------------------

    def refresh(self) -> None:
        self._refresh_list()
        if self._detail_shown():
            if not self._exists(self._detail_id()):
                self.show_list()
            else:
                self.detail.refresh()

    def focus_filter(self) -> bool:
        self.show_list()
        self.table.focus_filter()
        return True

    def open(self, record_id: Any, tab: str | None = None, **_kwargs: Any) -> None:
        if not self._exists(record_id):
            return
        self.table.select(lambda r: r.id == record_id)
        self.stack.setCurrentWidget(self.detail)
        self._show_detail(record_id, tab)

    # ---- own -------------------------------------------------------------------------

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)

    def _detail_shown(self) -> bool:
        return self.stack.currentWidget() is self.detail

    def _selected_id(self) -> int | None:
        """The record whose page is open, else the one selected in the list."""
        if self._detail_shown() and self._detail_id():
            return self._detail_id()
        row = self.table.current()
        return row.id if row is not None else None

    def _open_current(self) -> None:
        row = self.table.current()
        if row is not None:
            self._activated(row)

    def _activated(self, row: Any) -> None:
        """A row double-clicked, or opened with Enter or the open button."""
        self.open(row.id)
