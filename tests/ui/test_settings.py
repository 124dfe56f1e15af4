"""Instellingen: settings and policy tables saved through the store, audited; input kept."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.ui.sections import SETTINGS


def settings_page(main_window):
    return main_window.show_section(SETTINGS)


def general(page):
    return page.forms[0]


def test_settings_saved_and_audited(main_window, store, qtbot):
    page = settings_page(main_window)
    name = general(page).fields["municipality_name"].widget
    name.clear()
    qtbot.keyClicks(name, "Dalfsen")
    consultant = general(page).fields["consultant_name"].widget
    qtbot.keyClicks(consultant, "M. de Vries")
    assert page.save_button.isEnabled()
    page.save_button.click()
    settings = store.settings()
    assert settings.municipality_name == "Dalfsen"
    assert settings.consultant_name == "M. de Vries"
    audit = store.rows("audit", "table_name = ?", ("settings",))
    assert {a["record_id"] for a in audit} == {"municipality_name", "consultant_name"}
    assert main_window.windowTitle() == "Beschut werk — Dalfsen"
    assert not page.save_button.isEnabled()


def test_r8_subsidy_percentage_saved_as_number(main_window, store):
    page = settings_page(main_window)
    form = page.forms[1]
    form.fields["flat_rate_percentage"].widget.setText("50%")  # unchanged value
    form.fields["flat_rate_months"].widget.setText("6")
    form.fields["employer_charges_percentage"].widget.setText("23,5")
    assert page.save()
    settings = store.settings()
    assert settings.flat_rate_months == 6
    assert settings.employer_charges_percentage == 23.5


def test_conditions_effective_date_saved(main_window, store):
    page = settings_page(main_window)
    general(page).fields["conditions_effective_date"].widget.setText("01-02-2023")
    assert page.save_settings()
    assert store.settings().conditions_effective_date == dt.date(2023, 2, 1)


def test_bad_setting_keeps_typed_input_and_saves_nothing(main_window, store, qtbot):
    page = settings_page(main_window)
    field = page.forms[2].fields["review_lead_days"].widget
    field.clear()
    qtbot.keyClicks(field, "vier weken")
    assert not page.save_settings()
    assert field.text() == "vier weken"
    assert store.rows("audit", "table_name = ?", ("settings",)) == []
    assert page.tabs.currentWidget() is page.pages[2]
    field.setText("-3")
    assert not page.save_settings()
    assert "negatief" in page.forms[2].problems()["review_lead_days"]


def test_r4_quota_year_added_edited_deleted(main_window, store, dialogs):
    page = settings_page(main_window)
    editor = page.quota_editor
    page.tabs.setCurrentWidget(editor)
    assert page.new_record()
    fields = editor.form.fields
    fields["year"].widget.setText("2023")
    fields["quota"].widget.setText("7")
    fields["amount_per_place_cents"].widget.setText("8.680")
    fields["hours_per_place"].widget.setText("31")
    assert page.save()  # Ctrl+S on this tab saves the row
    assert store.row("quota_years", 2023) == {
        "year": 2023,
        "quota": 7,
        "amount_per_place_cents": 868000,
        "hours_per_place": 31.0,
    }
    assert editor.editing.year == 2023
    assert not fields["year"].widget.isEnabled()
    fields["quota"].widget.setText("8")
    assert editor.save()
    assert store.row("quota_years", 2023)["quota"] == 8
    dialogs.answer("Verwijderen")
    editor.delete()
    assert store.row("quota_years", 2023) is None
    actions = [a["action"] for a in store.rows("audit", "table_name = ?", ("quota_years",))]
    assert actions == ["insert", "update", "delete"]
    assert dialogs.asked[0][1].startswith("De taakstelling van 2023 verwijderen?")


def test_r8_minimum_wage_period_added(main_window, store):
    page = settings_page(main_window)
    editor = page.wage_editor
    editor.new()
    editor.form.fields["start_date"].widget.setText("1-7-2026")
    editor.form.fields["amount_cents"].widget.setText("15,02")
    editor.form.fields["unit"].set_value("hour")
    assert editor.save()
    rows = store.rows("minimum_wage_periods", "start_date = ?", ("2026-07-01",))
    assert [(r["amount_cents"], r["unit"]) for r in rows] == [(1502, "hour")]
    assert editor.table.current().start_date == dt.date(2026, 7, 1)


def test_duplicate_minimum_wage_date_refused_beside_field(main_window, store):
    editor = settings_page(main_window).wage_editor
    editor.new()
    editor.form.fields["start_date"].widget.setText("1-1-2022")
    editor.form.fields["amount_cents"].widget.setText("1.725")
    assert not editor.save()
    assert "bestaat al" in editor.form.shown_problem("start_date")
    assert editor.form.fields["amount_cents"].widget.text() == "1.725"
    assert editor.form.dirty


def test_logo_chosen_with_file_dialog(main_window, monkeypatch):
    from beschut_desktop.ui import file_dialogs

    page = settings_page(main_window)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: "/tmp/logo.png")
    page._choose_logo(general(page))
    assert general(page).fields["logo_path"].widget.text() == "/tmp/logo.png"
    assert general(page).dirty
