"""The generic item model and its filter/sort proxy: lazy, checked by qtmodeltester."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from beschut_desktop import formatting
from beschut_desktop.ui.table_model import (
    RIGHT,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    RecordFilterProxy,
    RecordTableModel,
    matches,
    parse_query,
    rows_matching,
    search_key,
)
from beschut_desktop.ui.widgets import RecordTable


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    start: dt.date | None
    hours: float | None


COLUMNS = [
    Column("name", "Naam"),
    Column("start", "Startdatum", display=lambda r: formatting.short_date(r.start)),
    Column("hours", "Uren per week", display=lambda r: formatting.hours(r.hours), align=RIGHT),
]

ROWS = [
    Row(1, "Zoë Mulder", dt.date(2022, 3, 1), 19.5),
    Row(2, "jan Bakker", None, 32.0),
    Row(3, "Albertje Post", dt.date(2021, 6, 1), None),
    Row(4, "Hendrik Şahin", dt.date(2022, 1, 15), 12.0),
]


def make(rows=ROWS):
    model = RecordTableModel(COLUMNS, rows)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_model_passes_qtmodeltester(qtmodeltester):
    model, proxy = make()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_cells_headers_roles(qapp):
    model, _ = make()
    index = model.index(0, 2)
    assert model.data(index) == "19,5 uur"
    assert model.data(model.index(0, 1)) == "1-3-2022"
    assert model.data(index, ROW_ROLE) is ROWS[0]
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Startdatum"
    assert model.data(model.index(2, 2)) == ""


def visible_names(proxy):
    return [proxy.row_at(r).name for r in range(proxy.rowCount())]


def test_sorting_by_sort_key_with_none_last(qapp):
    _, proxy = make()
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert visible_names(proxy) == ["Albertje Post", "Hendrik Şahin", "Zoë Mulder", "jan Bakker"]
    proxy.sort(2, Qt.SortOrder.DescendingOrder)  # an empty cell counts as the largest
    assert visible_names(proxy) == ["Albertje Post", "jan Bakker", "Zoë Mulder", "Hendrik Şahin"]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # case-insensitive
    assert visible_names(proxy) == ["Albertje Post", "Hendrik Şahin", "jan Bakker", "Zoë Mulder"]


@dataclass
class Unordered:
    """A dataclass without ordering: comparing two of them raises TypeError."""

    label: str

    def __str__(self) -> str:
        return self.label


def test_sort_keys_that_do_not_compare_fall_back_to_the_text(qapp):
    rows = [
        Row(1, "b", None, 1.0),
        Row(2, "c", None, 2.0),
        Row(3, "a", None, 3.0),
        Row(4, "d", None, None),
    ]
    keys = {1: dt.date(2022, 1, 1), 2: "later", 3: Unordered("aanbod"), 4: None}
    columns = [
        Column(
            "mixed",
            "Gemengd",
            display=lambda r: str(keys[r.id] or ""),
            sort_key=lambda r: keys[r.id],
        ),
        Column("thing", "Ding", display=lambda r: r.name, sort_key=lambda r: Unordered(r.name)),
    ]
    model = RecordTableModel(columns, rows)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # date, str and dataclass side by side
    assert [proxy.row_at(r).id for r in range(4)] == [1, 3, 2, 4]  # "2022-…", "aanbod", …
    proxy.sort(1, Qt.SortOrder.DescendingOrder)  # only dataclasses
    assert [proxy.row_at(r).name for r in range(4)] == ["d", "c", "b", "a"]
    ranks = [proxy.index(r, 1).data(SORT_ROLE) for r in range(4)]
    assert sorted(ranks) == [0, 1, 2, 3]


def test_filter_across_columns_case_insensitive_every_word(qapp):
    _, proxy = make()
    proxy.set_text("JAN")
    assert visible_names(proxy) == ["jan Bakker"]
    proxy.set_text("2022 uur")  # words may match different columns
    assert sorted(visible_names(proxy)) == ["Hendrik Şahin", "Zoë Mulder"]
    proxy.set_text("")
    assert proxy.rowCount() == 4


def test_predicate_filter(qapp):
    _, proxy = make()
    proxy.set_predicate(lambda r: r.hours is not None and r.hours >= 19)
    assert sorted(visible_names(proxy)) == ["Zoë Mulder", "jan Bakker"]
    proxy.set_predicate(None)
    assert proxy.rowCount() == 4


def test_ten_thousand_rows_filter_and_sort(qapp):
    rows = [
        Row(i, f"Persoon {i:05d}", dt.date(2020, 1, 1) + dt.timedelta(days=i % 900), float(i % 40))
        for i in range(10_000)
    ]
    model, proxy = make(rows)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    proxy.set_text("0999")
    assert proxy.rowCount() == 11  # 00999 and 09990..09999
    dates = [proxy.row_at(r).start for r in range(proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    proxy.set_text("")
    assert [model.data(model.index(r, 1), SORT_ROLE) for r in range(3)] == [9999, 9998, 9997]


def test_sorting_keeps_the_selection(qtbot, qtmodeltester):
    table = RecordTable(COLUMNS, accessible_name="Personen")
    qtbot.addWidget(table)
    table.set_rows(ROWS)
    table.select(lambda r: r.id == 2)
    table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert table.current().id == 2
    assert table.proxy.row_at(0).name == "Zoë Mulder"
    table.set_rows(ROWS)  # new rows keep the chosen order
    assert table.proxy.row_at(0).name == "Zoë Mulder"
    qtmodeltester.check(table.model)


def test_record_table_keeps_selection_and_counts(qtbot):
    table = RecordTable(COLUMNS, accessible_name="Personen")
    qtbot.addWidget(table)
    table.set_rows(ROWS)
    assert table.select(lambda r: r.id == 3)
    seen = []
    table.activated.connect(seen.append)
    table.set_rows(list(reversed(ROWS)))
    assert table.current().id == 3
    table.filter_edit.setText("post")
    assert table.count_label.text() == "1 van 4"
    table._on_activated(table.view.currentIndex())
    assert seen and seen[0].id == 3


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.text(alphabet="abcé -0", max_size=12), max_size=20),
    st.text(alphabet="abcé -0", max_size=6),
)
def test_filtering_a_whole_list_answers_as_each_row_would(keys: list[str], typed: str) -> None:
    query = parse_query(typed)
    folded = [search_key([key]) for key in keys]
    expected = [a for a, key in enumerate(folded) if matches(key, query)]
    assert rows_matching(folded, query) == expected


def test_typing_and_erasing_keeps_model_and_selection_sound(qtbot, qtmodeltester):
    rows = [Row(i, f"Persoon {i:03d}", None, None) for i in range(300)]
    table = RecordTable(COLUMNS, accessible_name="Personen")
    qtbot.addWidget(table)
    table.set_rows(rows)
    qtmodeltester.check(table.model)
    qtmodeltester.check(table.proxy)
    table.select(lambda r: r.id == 199)
    # a few rows going or coming are told one by one, many at once by a reset
    for typed in ["p", "persoon 1", "persoon 19", "persoon 199", "persoon 19", "persoon 1", ""]:
        table.filter_edit.setText(typed)
        query = parse_query(typed)
        shown = [table.proxy.row_at(r).id for r in range(table.proxy.rowCount())]
        assert shown == [r.id for r in rows if matches(search_key([r.name]), query)]
        assert table.current().id == 199, typed
    assert table.count_label.text() == "300"
