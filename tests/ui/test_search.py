"""Everyone is found: the filter of every list ignores case and accents, finds a BSN with or
without dots or spaces, a case number and an employer; Ctrl+F lands in the filter everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QKeySequence
from ui_helpers import indicated, placed

from beschut_desktop.ui.table_model import matches, parse_query, search_key

D = dt.date


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("sahin", "Şahin"),
        ("lukasz", "Łukasz"),
        ("ayse", "Ayşe"),
        ("AYSE", "ayşe"),
        ("soren", "Søren"),
        ("strasse", "Straße"),
        ("dorde", "Đorđe"),
        ("aeroe", "Ærøe"),
        ("yilmaz", "Yılmaz"),
        ("jose", "José"),
        ("zoe", "Zoë"),
        ("francois", "François"),
        ("dvorak", "Dvořák"),
    ],
)
def test_search_ignores_case_and_accents(typed, shown):
    assert matches(search_key([shown]), parse_query(typed))
    assert matches(search_key([shown]), parse_query(shown))  # typed with the accent, too


@pytest.mark.parametrize("typed", ["123456782", "1234.56.782", "1234 56 782", "123-456-782"])
@pytest.mark.parametrize("stored", ["123456782", "1234.56.782"])
def test_a_bsn_is_found_with_or_without_dots(typed, stored):
    assert matches(search_key(["BW-00003", stored]), parse_query(typed))
    assert not matches(search_key(["BW-00003", "123456791"]), parse_query(typed))


def test_words_may_match_different_cells_but_all_must_match():
    key = search_key(["BW-00011 Łukasz Şahin", "Bakkerij Van der Veen"])
    assert matches(key, parse_query("sahin bakkerij"))
    assert matches(key, parse_query("bw-00011"))
    assert not matches(key, parse_query("sahin hupak"))
    assert matches(key, parse_query("   "))


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_any_text_finds_itself(text):
    assert matches(search_key([text]), parse_query(text))


@pytest.fixture
def sahin(store, session):
    """Łukasz Şahin at Bakkerij Van der Veen, Ayşe Yılmaz waiting, Jan Jansen at Hupak."""
    person_id, employer_id, placement_id = placed(
        store, first="Łukasz", last="Şahin", bsn="123456782"
    )
    placed(store, first="Jan", last="Jansen", bsn="111222333", employer="Hupak")
    ayse = indicated(store, first="Ayşe", last="Yılmaz", bsn="100000009")
    session.reload()
    return {"person": person_id, "ayse": ayse, "placement": placement_id}


def found(table, text: str) -> list:
    table.filter_edit.clear()
    table.filter_edit.setText(text)
    return [table.proxy.row_at(r) for r in range(table.proxy.rowCount())]


def test_the_persons_list_finds_by_name_bsn_case_number_and_employer(main_window, session, sahin):
    session.set_as_of(D(2023, 3, 1))
    table = main_window.show_section("persons").table
    for text in ("sahin", "LUKASZ", "1234.56.782", "1234 56 782", "BW-00001", "bakkerij"):
        assert [r.id for r in found(table, text)] == [sahin["person"]], text
    assert [r.id for r in found(table, "ayse")] == [sahin["ayse"]]
    assert "123456782" not in " ".join(
        table.model.cell_text(r, c)
        for r in range(table.model.rowCount())
        for c in range(table.model.columnCount())
    )


def test_the_placements_list_finds_by_name_and_bsn(main_window, session, sahin):
    session.set_as_of(D(2023, 3, 1))
    table = main_window.show_section("placements").table
    for text in ("sahin", "lukasz", "123456782", "1234.56.782"):
        assert [r.id for r in found(table, text)] == [sahin["placement"]], text
    assert len(found(table, "hupak")) == 1


def test_the_overview_and_signals_find_by_name_and_bsn(main_window, session, sahin):
    overview = main_window.show_section("overview")
    assert [e.person.id for e in found(overview.queue_table, "ayse")] == [sahin["ayse"]]
    assert [e.person.id for e in found(overview.queue_table, "100000009")] == [sahin["ayse"]]
    session.set_as_of(D(2023, 7, 20))  # Łukasz's first review is due in August
    signals = main_window.show_section("signals").table
    rows = found(signals, "sahin")
    assert rows and all(s.person_id == sahin["person"] or s.placement_id for s in rows)
    assert found(signals, "1234.56.782") == rows


@pytest.mark.parametrize("key", ["overview", "persons", "employers", "placements", "signals"])
def test_ctrl_f_lands_in_the_search_field_everywhere(qtbot, main_window, sahin, key):
    section = main_window.show_section(key)
    find = next(
        a
        for a in main_window.findChildren(type(main_window.new_action))
        if a.shortcut() == QKeySequence("Ctrl+F")
    )
    find.trigger()
    focused = main_window.focusWidget() or section.focusWidget()
    assert focused is not None and focused.accessibleName().startswith("Zoeken"), key


def test_ctrl_f_in_settings_goes_to_a_table_search(qtbot, main_window):
    settings_section = main_window.show_section("settings")
    assert settings_section.focus_filter()
    assert settings_section.quota_editor.table.filter_edit.hasFocus() or (
        settings_section.tabs.currentWidget() is settings_section.quota_editor
    )
