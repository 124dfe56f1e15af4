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
Łukasz) and the dots or spaces in a number ("1234.56.782" finds a BSN stored as digits). A
column may add text that is searched but not shown (``Column.search``: the BSN behind a
person's name). Each row's search key (``search_key``: its cells' texts, folded) is made once,
when the rows are set, and the query is folded once per keystroke; a keystroke then decides
every row with ``rows_matching`` in one Python pass and hands Qt a ready answer per row, so
typing in a list of 10,000 rows never calls back into the columns' display functions.
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
_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        SORT_ROLE,
        ROW_ROLE,
    }
)


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


def rows_matching(keys: Sequence[str], query: list[list[str]]) -> list[int]:
    """The positions of the keys that ``matches`` the query, for a whole list at once: one
    word at a time over the rows still in, without a function call per row (a keystroke in a
    list of 10,000). Change it together with ``matches``; a test holds them equal."""
    if not query:
        return list(range(len(keys)))
    found: set[int] = set()
    for words in query:
        still: Sequence[int] = range(len(keys))
        for word in words:
            still = [a for a in still if word in keys[a]]
        found.update(still)
    return sorted(found)


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position - 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs


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
        # Every row, in the order shown; the filter picks from these. Caches are kept per
        # position in this list ("all-row"), so that filtering never throws them away.
        self._rows: list[Any] = list(rows)
        self._texts: dict[tuple[int, int], str] = {}
        self._ranks: dict[int, list[int]] = {}
        self._keys: list[str] | None = None
        self._words: list[list[str]] = []
        self._predicate: Callable[[Any], bool] | None = None
        self._shown: list[int] | None = None  # all-rows that pass the filter; None: all

    # ---- rows --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace all rows (after a reload of the register); the filter stays."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts.clear()
        self._ranks.clear()
        self._keys = None
        self.search_keys()
        self._shown = self._passing()
        self.endResetModel()

    def rows(self) -> list[Any]:
        """Every row, also those the filter hides."""
        return list(self._rows)

    def total(self) -> int:
        """How many rows there are, also those the filter hides."""
        return len(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[self._all(row)]

    def row_of(self, predicate: Callable[[Any], bool]) -> int:
        """Model row number of the first shown row matching ``predicate``, or -1."""
        shown = range(len(self._rows)) if self._shown is None else self._shown
        return next((n for n, a in enumerate(shown) if predicate(self._rows[a])), -1)

    def cell_text(self, row: int, column: int) -> str:
        key = (self._all(row), column)
        text = self._texts.get(key)
        if text is None:
            text = self.columns[column].text(self._rows[key[0]])
            self._texts[key] = text
        return text

    def row_text(self, row: int) -> str:
        """The row's search key (``search_key`` of its cells and hidden search texts)."""
        return self.search_keys()[self._all(row)]

    def search_keys(self) -> list[str]:
        """Every row's search key, in row order; made once per set of rows, column by column
        (one pass of each display function, no per-cell bookkeeping)."""
        if self._keys is None:
            columns = [[c.text(r) for r in self._rows] for c in self.columns]
            columns += [[c.search(r) or "" for r in self._rows] for c in self.columns if c.search]
            self._keys = [search_key(texts) for texts in zip(*columns, strict=True)]
        return self._keys

    def _all(self, row: int) -> int:
        return row if self._shown is None else self._shown[row]

    # ---- filtering ---------------------------------------------------------------------

    def set_filter(self, words: list[list[str]], predicate: Callable[[Any], bool] | None) -> None:
        """Show only the rows matching the query (``parse_query``, ``matches``) and the predicate.

        The rows are decided in one Python pass over the search keys. When only a few rows
        come or go the view is told those; otherwise it is reset once (not told row by row),
        which costs what the rows now shown cost."""
        self._words = list(words)
        self._predicate = predicate
        shown = self._passing()
        if shown == self._shown:
            return
        everything = range(len(self._rows))
        before = list(everything) if self._shown is None else self._shown
        after = list(everything) if shown is None else shown
        if not self._change_a_few(before, after):
            self.beginResetModel()
            self._shown = shown
            self.endResetModel()
        self._shown = shown

    # A keystroke that hides or shows only a few rows tells the view just those rows (the
    # selection and scroll position stay); more than this and one reset is cheaper.
    FEW = 50

    def _change_a_few(self, before: list[int], after: list[int]) -> bool:
        """Remove or insert the few rows between ``before`` and ``after`` (all-row lists in
        order), run by run; False when it is not a few rows one way."""
        if 0 < len(before) - len(after) <= self.FEW:
            kept = set(after)
            gone = [n for n, a in enumerate(before) if a not in kept]
            if len(gone) != len(before) - len(after):
                return False
            current = list(before)
            for first, last in reversed(_runs(gone)):
                self.beginRemoveRows(QModelIndex(), first, last)
                del current[first : last + 1]
                self._shown = current
                self.endRemoveRows()
            return True
        if 0 < len(after) - len(before) <= self.FEW:
            had = set(before)
            new = [n for n, a in enumerate(after) if a not in had]
            if len(new) != len(after) - len(before):
                return False
            current = list(before)
            for first, last in _runs(new):
                self.beginInsertRows(QModelIndex(), first, last)
                current[first:first] = after[first : last + 1]
                self._shown = current
                self.endInsertRows()
            return True
        return False

    def _passing(self) -> list[int] | None:
        words, predicate, rows = self._words, self._predicate, self._rows
        if not words and predicate is None:
            return None
        shown = rows_matching(self.search_keys(), words)
        if predicate is not None:
            shown = [a for a in shown if predicate(rows[a])]
        return None if len(shown) == len(rows) else shown

    # ---- sorting -----------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by a column (keeping selections and cached texts)."""
        if not 0 <= column < len(self.columns) or not self._rows:
            return
        ranks = self._column_ranks(column)
        new_order = sorted(
            range(len(ranks)), key=ranks.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )
        if new_order == list(range(len(ranks))):
            return
        self.layoutAboutToBeChanged.emit()
        new_of = [0] * len(new_order)
        for new, old in enumerate(new_order):
            new_of[old] = new
        old_shown = self._shown
        self._rows = [self._rows[old] for old in new_order]
        self._texts = {(new_of[a], c): t for (a, c), t in self._texts.items()}
        if self._keys is not None:
            self._keys = [self._keys[old] for old in new_order]
        self._ranks = {
            c: [col_ranks[old] for old in new_order] for c, col_ranks in self._ranks.items()
        }
        if old_shown is None:
            row_after = new_of.__getitem__
        else:
            self._shown = sorted(new_of[a] for a in old_shown)
            position = {a: n for n, a in enumerate(self._shown)}

            def row_after(row: int) -> int:
                return position[new_of[old_shown[row]]]

        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(row_after(i.row()), i.column()) for i in old_indexes]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _rank(self, row: int, column: int) -> int:
        return self._column_ranks(column)[self._all(row)]

    def _column_ranks(self, column: int) -> list[int]:
        """The rank of every all-row in a column, computed once per set of rows."""
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
        return ranks

    # ---- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._rows) if self._shown is None else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES:  # most of the roles a view asks for each cell
            return None
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row, column = index.row(), index.column()
        spec = self.columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(row, column)
        if role == SORT_ROLE:
            return self._rank(row, column)
        if role == ROW_ROLE:
            return self.row_at(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(spec.align.value)
        if role == Qt.ItemDataRole.ForegroundRole and spec.tone is not None:
            tone = spec.tone(self.row_at(row))
            return QBrush(TONES[tone]) if tone in TONES else None
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip is not None:
            return spec.tooltip(self.row_at(row)) or None
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
    """Filters as you type across all columns and sorts every column by its sort key.

    Both are done by the ``RecordTableModel`` underneath (see the module docstring): this
    proxy passes them on and keeps the interface the screens use."""

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
        self._words = words
        self.source().set_filter(words, self._predicate)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """An extra filter on the row objects (e.g. signal kind, period); None removes it."""
        self._predicate = predicate
        self.source().set_filter(self._words, predicate)

    def source(self) -> RecordTableModel:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def row_at(self, proxy_row: int) -> Any:
        """The row object shown at ``proxy_row``."""
        source_index = self.mapToSource(self.index(proxy_row, 0))
        return self.source().row_at(source_index.row())
