"""One generic item model for every list in the window, and the proxy that filters and sorts it.

A list is described by ``Column`` specs (key, Dutch header, how a row shows, how it sorts,
alignment). ``RecordTableModel`` holds plain row objects (the frozen dataclasses of
``rules.model``/``rules.results``, or any object) and computes cells lazily: no widget per
row, display texts cached per cell, so 10,000 rows stay quick.

Sorting: each column's sort keys are ranked once in Python (``SORT_ROLE`` answers that integer
rank), and sorting reorders the model's own rows by those ranks in one Python ``sort`` — not
by a Qt comparison calling back into Python 170,000 times for 10,000 rows. The proxy passes
``sort`` on to the model and keeps its order. A sort key may be any Python value (dates, tuples,
None). None counts as the largest value: last when ascending. Strings sort case-insensitively.
Keys that cannot be compared with each other (a date beside a string, dataclasses) never stop
the sort: the column then sorts by the text its cells show.

Filtering: ``RecordFilterProxy.set_text`` keeps the rows whose cells together contain every
word typed, across all columns; ``set_predicate`` adds a filter of one's own (a kind, a period)
on the row objects. Matching ignores case and accents ("sahin" finds Şahin, "lukasz" finds
Łukasz) and the dots or spaces in a number ("1234.56.782" finds a BSN stored as digits): each
row has one search key, folded once per set of rows (``fold``), and each query is folded once
per keystroke, so a keystroke is a substring test per row. A column may add text that is
searched but not shown (``Column.search``: the BSN behind a person's name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # int rank of the cell within its column
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

# Tones a column may give a cell (``Column.tone``): calm colours that read on white and grey.
TONES = {
    "bad": QColor("#b3261e"),
    "warning": QColor("#7a4e00"),
    "good": QColor("#1e6b34"),
    "muted": QColor("#595959"),
}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """How one column shows and sorts.

    key: attribute of the row object (also used when ``display``/``sort_key`` are not given).
    header: the Dutch column header.
    display: row -> text; default ``str(getattr(row, key))`` with None as "".
    sort_key: row -> any comparable value; default the raw attribute. None counts as largest.
    align: ``LEFT`` (default), ``RIGHT`` for figures, ``CENTER``.
    tone: row -> "bad" | "warning" | "good" | "muted" | None, the text colour.
    tooltip: row -> text shown on hover.
    width: preferred width in pixels (0: let the view decide).
    search: row -> text the filter finds in this column without it being shown (a BSN).
    """

    key: str
    header: str
    display: Callable[[Any], str] | None = None
    sort_key: Callable[[Any], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    tone: Callable[[Any], str | None] | None = None
    tooltip: Callable[[Any], str] | None = None
    width: int = 0
    search: Callable[[Any], str] | None = None

    def text(self, row: Any) -> str:
        if self.display is not None:
            return self.display(row)
        value = getattr(row, self.key, None)
        return "" if value is None else str(value)

    def key_of(self, row: Any) -> Any:
        if self.sort_key is not None:
            return self.sort_key(row)
        return getattr(row, self.key, None)


# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d", "þ": "th"}
)
_NUMBER_GAP = re.compile(r"(?<=\d)[. -]+(?=\d)")  # within one cell: never a tab
_SPACED_NUMBER = re.compile(r"\d+(?:[. -]+\d+)+")


def fold(text: str) -> str:
    """Text as the filter compares it: case-folded, accents off (NFKD without combining marks),
    the few letters that do not decompose mapped to their base (ł → l, ø → o, ß → ss)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_UNDECOMPOSED)


def search_key(texts: Sequence[str]) -> str:
    """One row's search key: its texts folded, and once more with the dots, dashes and spaces
    inside numbers left out, so "123456782" finds "1234.56.782" and the other way round."""
    key = fold("\t".join(texts))
    joined = _NUMBER_GAP.sub("", key)
    return key if joined == key else f"{key}\n{joined}"


def parse_query(text: str) -> list[list[str]]:
    """What to look for: alternatives, each a list of words that must all be in the key. The
    typed words are one alternative; a number typed with dots or spaces ("1234 56 782") is
    also looked for as one run of digits."""
    folded = fold(text)
    words = folded.split()
    if not words:
        return []
    options = [[_NUMBER_GAP.sub("", w) if _SPACED_NUMBER.fullmatch(w) else w for w in words]]
    joined = _NUMBER_GAP.sub("", folded).split()
    if joined != options[0]:
        options.append(joined)
    return options


def matches(key: str, query: list[list[str]]) -> bool:
    """True when every word of one of the query's alternatives is in the row's key."""
    return not query or any(all(word in key for word in words) for words in query)


def _rank_key(value: Any) -> tuple:
    # None last; strings case-insensitively; everything else as itself.
    if value is None:
        return (1, 0)
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class RecordTableModel(QAbstractTableModel):
    """Read-only table of row objects described by ``Column`` specs."""

    def __init__(
        self, columns: Sequence[Column], rows: Sequence[Any] = (), parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.columns: list[Column] = list(columns)
        self._rows: list[Any] = list(rows)
        self._texts: dict[tuple[int, int], str] = {}
        self._ranks: dict[int, list[int]] = {}
        self._row_texts: dict[int, str] = {}

    # ---- rows --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace all rows (after a reload of the register)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts.clear()
        self._ranks.clear()
        self._row_texts.clear()
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def cell_text(self, row: int, column: int) -> str:
        key = (row, column)
        text = self._texts.get(key)
        if text is None:
            text = self.columns[column].text(self._rows[row])
            self._texts[key] = text
        return text

    def row_text(self, row: int) -> str:
        """The row's search key (``search_key`` of its cells and hidden search texts), made
        once per set of rows."""
        text = self._row_texts.get(row)
        if text is None:
            record = self._rows[row]
            texts = [self.cell_text(row, c) for c in range(len(self.columns))]
            texts += [c.search(record) or "" for c in self.columns if c.search is not None]
            text = search_key(texts)
            self._row_texts[row] = text
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by a column (keeping selections and cached texts)."""
        if not 0 <= column < len(self.columns) or not self._rows:
            return
        ranks = [self._rank(r, column) for r in range(len(self._rows))]
        new_order = sorted(
            range(len(ranks)), key=ranks.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )
        if new_order == list(range(len(ranks))):
            return
        self.layoutAboutToBeChanged.emit()
        new_row_of = {old: new for new, old in enumerate(new_order)}
        self._rows = [self._rows[old] for old in new_order]
        self._texts = {(new_row_of[r], c): t for (r, c), t in self._texts.items()}
        self._row_texts = {new_row_of[r]: t for r, t in self._row_texts.items()}
        self._ranks = {
            c: [col_ranks[old] for old in new_order] for c, col_ranks in self._ranks.items()
        }
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(new_row_of[i.row()], i.column()) for i in old_indexes]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _rank(self, row: int, column: int) -> int:
        ranks = self._ranks.get(column)
        if ranks is None:
            spec = self.columns[column]
            keys = [_rank_key(spec.key_of(r)) for r in self._rows]
            try:
                order = sorted(range(len(keys)), key=keys.__getitem__)
            except TypeError:  # keys that do not compare (mixed types): compare their text
                keys = [
                    (k[0], spec.text(r).casefold()) for k, r in zip(keys, self._rows, strict=True)
                ]
                order = sorted(range(len(keys)), key=keys.__getitem__)
            ranks = [0] * len(keys)
            for rank, source_row in enumerate(order):
                ranks[source_row] = rank
            self._ranks[column] = ranks
        return ranks[row]

    # ---- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        spec = self.columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, column)
        if role == SORT_ROLE:
            return self._rank(row, column)
        if role == ROW_ROLE:
            return self._rows[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(spec.align.value)
        if role == Qt.ItemDataRole.ForegroundRole and spec.tone is not None:
            tone = spec.tone(self._rows[row])
            return QBrush(TONES[tone]) if tone in TONES else None
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip is not None:
            return spec.tooltip(self._rows[row]) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[section].align.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RecordFilterProxy(QSortFilterProxyModel):
    """Filters as you type across all columns and sorts every column by its sort key."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[list[str]] = []
        self._predicate: Callable[[Any], bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the source model (fast, see the module docstring)."""
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_text(self, text: str) -> None:
        """Keep rows containing every typed word somewhere in their cells (see ``matches``)."""
        words = parse_query(text)
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """An extra filter on the row objects (e.g. signal kind, period); None removes it."""
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def source(self) -> RecordTableModel:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def row_at(self, proxy_row: int) -> Any:
        """The row object shown at ``proxy_row``."""
        source_index = self.mapToSource(self.index(proxy_row, 0))
        return self.source().row_at(source_index.row())

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel):
            return True
        if self._predicate is not None and not self._predicate(model.row_at(source_row)):
            return False
        if not self._words:
            return True
        return matches(model.row_text(source_row), self._words)
