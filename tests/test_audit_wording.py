"""One wording of an audit value for the screen, the case file on paper and the AVG export."""

from __future__ import annotations

from beschut_desktop.wording import EMPTY_VALUE, audit_changes, audit_value


def test_values_read_as_words_dates_money_and_ja_nee() -> None:
    assert audit_value("placements", "notes", None) == EMPTY_VALUE == "(leeg)"
    assert audit_value("placements", "start_date", "2022-09-06") == "6-9-2022"
    assert audit_value("placements", "offer_status", "accepted") == "Aanvaard"
    assert audit_value("decisions", "grant_cents", 123456).startswith("€ 1.234,56")
    assert audit_value("wage_value_assessments", "wage_value_pct", 50) == "50"


def test_a_change_names_old_and_new_and_hides_internal_numbers() -> None:
    parts = audit_changes("placements", "update", {"hours_per_week": [20, 24], "person_id": [1, 2]})
    assert parts == ["Uren per week: 20 → 24"]
    assert audit_changes("persons", "insert", {"phone": None, "city": "Staphorst"}) == [
        "Woonplaats: Staphorst"
    ]
