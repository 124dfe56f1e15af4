"""Overzicht: the policy's figures on a seeded register, and what a missing year says."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.ui.sections import OVERVIEW


def overview(main_window):
    main_window.session.reload()
    return main_window.show_section(OVERVIEW)


def test_r7_overview_shows_used_hours_of_available(seeded, main_window):
    page = overview(main_window)
    assert page.hours_bar.format() == "159,5 van 186 uur"
    assert page.hours_line.text() == "Nog 26,5 uur per week beschikbaar"
    assert "€ 48.600,00" in page.amount_line.text()
    assert "6 × € 8.100,00" in page.amount_line.text()


def test_r4_overview_quota_realised_and_by_kind(seeded, main_window):
    page = overview(main_window)
    assert page.quota_heading.text() == "Taakstelling 2022"
    assert page.quota_figure.text() == "7 van 6"
    assert "gehaald" in page.quota_line.text()
    assert page.quota_kinds.text() == "SW-bedrijf 3 · Gemeente 1 · Particulier 3"


def test_r5_overview_waiting_list_in_order(seeded, main_window):
    page = overview(main_window)
    assert page.queue_figure.text() == "2"
    rows = page.queue_table.model.rows()
    assert [e.person.id for e in rows] == [seeded["waiting"][1], seeded["waiting"][0]]


def test_r4_year_without_quota_says_so(seeded, main_window):
    page = overview(main_window)
    main_window.set_as_of_text("1-3-2031")
    assert main_window.session.as_of == dt.date(2031, 3, 1)
    assert "geen taakstelling ingevoerd voor 2031" in page.quota_line.text()
    assert page.hours_bar.format() == "0 uur gebruikt"
    assert page.subtitle.text() == "Stand op 1 maart 2031"


def test_double_click_in_queue_opens_the_case(seeded, main_window, monkeypatch):
    page = overview(main_window)
    opened = []
    monkeypatch.setattr(main_window, "open_person", lambda pid, tab=None: opened.append(pid))
    page.queue_table.select(lambda e: e.position == 1)
    page.queue_table._on_activated(page.queue_table.view.currentIndex())
    assert opened == [seeded["waiting"][1]]


def test_signals_of_the_coming_weeks_listed(seeded, main_window):
    page = overview(main_window)
    signals = page.signals_table.model.rows()
    horizon = main_window.session.as_of + dt.timedelta(days=56)
    assert all(s.overdue or s.due_date <= horizon for s in signals)
    assert page.signals_note.text()
