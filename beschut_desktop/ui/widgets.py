"""Small shared widgets: Dutch date, money and hours fields, a bar, a filterable table, and the
two message helpers every screen uses.

The edits are line edits that keep exactly what was typed and parse it through
``formatting`` only when asked (``value()``), so a half-typed date is never thrown away and the
problem can be shown beside the field. ``ask``/``inform`` are the only places that open a
message box: tests replace them (``monkeypatch.setattr(widgets, "ask", ...)``), and code must
call them as ``widgets.ask(...)`` so that the replacement is seen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop import formatting
from beschut_desktop.ui.table_model import Column, RecordFilterProxy, RecordTableModel

# ---- message helpers --------------------------------------------------------------------


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Sequence[str],
    default: int = 0,
    escape: int | None = None,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> int:
    """Ask with Dutch buttons; return the index of the button chosen (``escape`` on Esc/close,
    default the last button)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    made = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[len(made) - 1 if escape is None else escape])
    box.exec()
    clicked = box.clickedButton()
    for index, button in enumerate(made):
        if button is clicked:
            return index
    return len(made) - 1 if escape is None else escape


def inform(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
) -> None:
    """A Dutch message with one "OK" button (use ``Icon.Warning`` for refusals)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


# ---- typed line edits -------------------------------------------------------------------


class ParsedEdit(QLineEdit):
    """A line edit whose text is parsed on demand; the typed text is never replaced.

    ``value()`` returns the parsed value (None when empty) or raises ``ValueError`` with a
    Dutch message; ``set_value`` writes a value in Dutch notation. ``value_changed`` fires on
    every edit by the user or by ``set_value``.
    """

    value_changed = Signal()
    placeholder = ""

    def __init__(self, parent: QWidget | None = None, accessible_name: str = "") -> None:
        super().__init__(parent)
        if self.placeholder:
            self.setPlaceholderText(self.placeholder)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.textChanged.connect(lambda _text: self.value_changed.emit())

    def parse(self, text: str) -> Any:
        return text

    def format_value(self, value: Any) -> str:
        return "" if value is None else str(value)

    def value(self) -> Any:
        text = self.text().strip()
        return None if not text else self.parse(text)

    def set_value(self, value: Any) -> None:
        self.setText(self.format_value(value))

    def problem(self) -> str | None:
        """The Dutch problem with what is typed, or None."""
        try:
            self.value()
        except ValueError as exc:
            return str(exc)
        return None


class DateEdit(ParsedEdit):
    """Accepts dd-mm-jjjj (also d-m-jjjj, with / or ., or jjjj-mm-dd); shows 6-9-2022."""

    placeholder = "dd-mm-jjjj"

    def parse(self, text: str) -> dt.date:
        return formatting.parse_date(text)

    def format_value(self, value: Any) -> str:
        return formatting.short_date(value)

    def date(self) -> dt.date | None:
        return self.value()


class NumberEdit(ParsedEdit):
    """A Dutch number: 19,5 or 1.234,5. ``value()`` is a float."""

    decimals = 2

    def parse(self, text: str) -> float:
        return float(formatting.parse_number(text))

    def format_value(self, value: Any) -> str:
        return formatting.number(value, self.decimals) if value is not None else ""


class IntEdit(ParsedEdit):
    """A whole number (years, weeks, days, months)."""

    def parse(self, text: str) -> int:
        number = formatting.parse_number(text)
        if number != number.to_integral_value():
            raise ValueError(f"'{text}' is geen heel getal")
        return int(number)


class MoneyEdit(ParsedEdit):
    """An amount in euros typed as '8.100' or '€ 8.100,00'; ``value()`` is integer cents."""

    placeholder = "€ 0,00"

    def parse(self, text: str) -> int:
        return formatting.parse_money(text)

    def format_value(self, value: Any) -> str:
        return formatting.money(value) if value is not None else ""


class HoursEdit(NumberEdit):
    """Hours a week, typed as '19,5' (an 'uur' typed after it is accepted)."""

    placeholder = "uren per week"

    def parse(self, text: str) -> float:
        cleaned = text.lower().replace("uur", "").strip()
        value = float(formatting.parse_number(cleaned))
        if value < 0:
            raise ValueError("het aantal uren mag niet negatief zijn")
        return value


class PercentEdit(NumberEdit):
    """A percentage typed as '23,5' or '23,5%'."""

    def parse(self, text: str) -> float:
        return float(formatting.parse_number(text.replace("%", "")))


# ---- display widgets --------------------------------------------------------------------


class Bar(QProgressBar):
    """A calm horizontal bar with its own Dutch text, e.g. "159,5 van 186 uur"."""

    def __init__(self, parent: QWidget | None = None, accessible_name: str = "") -> None:
        super().__init__(parent)
        self.setTextVisible(True)
        self.setMinimumHeight(22)
        if accessible_name:
            self.setAccessibleName(accessible_name)

    def set_values(self, used: float, total: float | None, text: str) -> None:
        """``used`` of ``total`` (None: unknown, shown empty); over 100% is shown full."""
        scale = 10  # tenths of an hour
        self.setRange(0, max(1, int(round((total or 0) * scale))))
        self.setValue(min(self.maximum(), int(round(used * scale))) if total else 0)
        self.setFormat(text.replace("%", "%%"))
        self.setAccessibleDescription(text)
        over = total is not None and used > total
        self.setProperty("tone", "bad" if over else "")
        self.style().unpolish(self)
        self.style().polish(self)


def heading(text: str, level: int = 1) -> QLabel:
    """A section heading; styled by the application's style sheet (``role`` property)."""
    label = QLabel(text)
    label.setProperty("role", f"h{level}")
    label.setAccessibleName(text)
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


# ---- a filterable table -----------------------------------------------------------------


class RecordTable(QWidget):
    """A filter field above a sortable table of row objects: the list of every section.

    Signals:
        activated(object): a row was double-clicked or Enter pressed on it.
        current_changed(object): the selected row object, or None.
    """

    activated = Signal(object)
    current_changed = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        accessible_name: str,
        placeholder: str = "Zoeken…",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fitted = False
        self.model = RecordTableModel(columns, parent=self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(f"Zoeken in {accessible_name.lower()}")
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.count_label = muted()
        self.view = QTableView(self)
        self.view.setAccessibleName(accessible_name)
        self.view.setModel(self.proxy)
        _configure_view(self.view, columns)
        self.view.doubleClicked.connect(self._on_activated)
        enter = QShortcut(
            QKeySequence(Qt.Key.Key_Return), self.view, context=Qt.ShortcutContext.WidgetShortcut
        )
        enter.activated.connect(lambda: self._on_activated(self.view.currentIndex()))
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_changed.emit(self._row(current))
        )
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show these rows, keeping the selected row (by ``id``) when it is still there."""
        keep = getattr(self.current(), "id", None)
        self.model.set_rows(rows)
        header = self.view.horizontalHeader()
        if 0 <= header.sortIndicatorSection() < self.model.columnCount():
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if keep is not None:
            self.select(lambda r: getattr(r, "id", None) == keep)
        if not self._fitted and rows:
            self._fitted = True
            fit_columns(self.view)
        self._count()

    def current(self) -> Any:
        """The selected row object, or None."""
        return self._row(self.view.currentIndex())

    def select(self, predicate: Callable[[Any], bool]) -> bool:
        """Select (and scroll to) the first visible row matching ``predicate``."""
        for proxy_row in range(self.proxy.rowCount()):
            if predicate(self.proxy.row_at(proxy_row)):
                index = self.proxy.index(proxy_row, 0)
                self.view.setCurrentIndex(index)
                self.view.selectRow(proxy_row)
                self.view.scrollTo(index)
                return True
        return False

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _row(self, index: QModelIndex) -> Any:
        if not index.isValid():
            return None
        return self.proxy.row_at(index.row())

    def _on_activated(self, index: QModelIndex) -> None:
        row = self._row(index)
        if row is not None:
            self.activated.emit(row)

    def _count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown} van {total}" if shown != total else f"{total}")


def _configure_view(view: QTableView, columns: Sequence[Column]) -> None:
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the order rows were given in
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for number, column in enumerate(columns):
        if column.width:
            view.setColumnWidth(number, column.width)


MAX_FITTED_WIDTH = 340  # a long text column stays readable without pushing the rest away
FITTED_ROWS = 300  # enough rows to know a column's width, few enough to stay quick


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their header and their content (the first rows), so no header is
    cut ("Volgend gesp…"); the last column takes what is left. Done once, on the first rows:
    a width the user drags afterwards stays."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    metrics = view.fontMetrics()
    rows = range(min(model.rowCount(), FITTED_ROWS))  # not only the rows now in view
    for number in range(model.columnCount() - 1):
        content = max(
            (metrics.horizontalAdvance(str(model.index(r, number).data() or "")) for r in rows),
            default=0,
        )
        wanted = max(
            header.sectionSizeHint(number) + 8,  # room for the sort arrow
            content + 14,  # the cell's margins
            view.columnWidth(number),
        )
        view.setColumnWidth(number, min(wanted, MAX_FITTED_WIDTH))


def assign_mnemonics(root: QWidget, reserved: str = "") -> None:
    """Give every button and every label with a buddy under ``root`` an Alt+letter of its own:
    the first letter of a word not yet taken, else any letter not yet taken. Letters already
    marked with & stay; ``reserved`` letters (a menu bar's) are never given. The pages of a
    stack or tab widget are never seen together, so each page gets the letters left over
    from what surrounds it, and may use the same letter as its sister pages."""
    used = set(reserved.lower())
    own = [w for w in root.findChildren(QWidget) if _stack_between(w, root) is None]
    # the buttons that close a dialog (Opslaan, Annuleren) choose first
    own.sort(key=lambda w: not isinstance(w.parentWidget(), QDialogButtonBox))
    waiting: list[QAbstractButton | QLabel] = []
    for widget in own:
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        if not isinstance(widget, (QAbstractButton, QLabel)) or not widget.isVisibleTo(root):
            continue
        text = widget.text()
        if not text.strip() or "<" in text:
            continue
        marked = re.search(r"&([^&\s])", text.replace("&&", ""))
        if marked:
            used.add(marked.group(1).lower())
        else:
            waiting.append(widget)
    for widget in waiting:
        text = widget.text()
        starts = [m.start() for m in re.finditer(r"\b\w", text)]
        for index in [*starts, *range(len(text))]:
            letter = text[index].lower()
            if letter.isalnum() and letter not in used:
                used.add(letter)
                widget.setText(f"{text[:index]}&{text[index:]}")
                break
    for stack in own:
        if isinstance(stack, QStackedWidget):
            for number in range(stack.count()):
                assign_mnemonics(stack.widget(number), "".join(sorted(used)))


def _stack_between(widget: QWidget, root: QWidget) -> QStackedWidget | None:
    """The stacked widget between ``root`` and ``widget`` (exclusive), if any."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QStackedWidget):
            return parent
        parent = parent.parentWidget()
    return None


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a document or file is made, restored whatever happens."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
