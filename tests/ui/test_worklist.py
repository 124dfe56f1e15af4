"""The overview is a worklist: "Te laat", "Deze week", "Komende 8 weken"; the rule in a column
of its own with the policy's words as tooltip; opening a signal opens the step that settles it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from beschut_desktop.rules.texts import RULES, explain, rule_text
from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs.indication import IndicationCheckDialog
from beschut_desktop.ui.dialogs.placement import ReviewDialog, WageValueDialog
from beschut_desktop.ui.sections.overview import GROUPS


@pytest.fixture
def opened(monkeypatch) -> list:
    shown: list = []
    monkeypatch.setattr(base, "run", lambda dialog: shown.append(dialog) or False)
    return shown


def _table(window):
    return window.show_section("overview").signals_table


def test_worklist_groups_overdue_this_week_and_coming_weeks(demo):
    demo.set_as_of_text("12-9-2022")
    table = _table(demo)
    groups = [table.model.cell_text(r, 0) for r in range(table.model.rowCount())]
    assert set(groups) == set(GROUPS)
    assert groups == sorted(groups, key=GROUPS.index)  # overdue first, then this week
    first_week = groups.index("Deze week")
    assert table.model.row_at(first_week).due_date.isoformat() == "2022-09-16"
    assert "Te laat" in demo.section("overview").signals_note.text()


def test_rule_in_its_own_column_with_the_policy_text_as_tooltip(demo):
    table = _table(demo)
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    column = headers.index("Regel")
    row = next(r for r in range(table.model.rowCount()) if table.model.row_at(r).rule == "R18")
    assert table.model.cell_text(row, column) == "R18"
    tooltip = table.model.data(table.model.index(row, column), Qt.ItemDataRole.ToolTipRole)
    assert "het functioneren, de situatie en het perspectief" in tooltip


def test_every_rule_has_its_policy_text():
    assert [t.rule for t in RULES] == [f"R{n}" for n in range(1, 21)]
    assert all(len(t.text) > 60 and t.source for t in RULES)
    assert "minimaal 6 maanden" in rule_text("R12").text
    assert "R12" in explain("R12, R15") and "R15" in explain("R12, R15")


@pytest.mark.parametrize(
    ("key", "dialog_class", "tab"),
    [
        ("review:placement:5", ReviewDialog, "Gesprekken"),
        ("indication_check:person:3", IndicationCheckDialog, "Advies en beschikking"),
        ("wage_value:placement:5", WageValueDialog, "Loonkostensubsidie"),
    ],
)
def test_opening_a_signal_opens_the_step_that_settles_it(demo, opened, key, dialog_class, tab):
    table = _table(demo)
    assert table.select(lambda s: s.key == key)
    table._on_activated(table.view.currentIndex())
    assert len(opened) == 1 and isinstance(opened[0], dialog_class)
    persons = demo.current_section()
    assert persons is demo.section("persons")
    tabs = persons.case_file.tabs
    assert tabs.tabText(tabs.currentIndex()) == tab


def test_a_signal_settled_by_a_choice_opens_where_the_choices_are(demo, opened):
    table = _table(demo)
    assert table.select(lambda s: s.key == "contract_end:placement:6")
    table._on_activated(table.view.currentIndex())
    assert opened == []
    tabs = demo.section("persons").case_file.tabs
    assert demo.current_key() == "persons" and tabs.tabText(tabs.currentIndex()) == "Plaatsingen"
    overview = demo.show_section("overview").signals_table
    assert overview.select(lambda s: s.kind == "agreement_needed")
    overview._on_activated(overview.view.currentIndex())
    assert demo.current_key() == "employers"
