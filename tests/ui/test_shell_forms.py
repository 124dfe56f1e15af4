"""The form framework: parse while typing, show the Dutch problem, never lose what was typed."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.ui import forms
from beschut_desktop.ui.forms import (
    CheckField,
    ChoiceField,
    DateField,
    Form,
    HoursField,
    MoneyField,
    TextField,
)


def placement_form(qtbot) -> Form:
    form = Form("placements")
    qtbot.addWidget(form)
    form.add(DateField("start_date"))
    form.add(DateField("end_date"))
    form.add(HoursField("hours_per_week"))
    form.add(ChoiceField("contract_type", [("temporary", "Tijdelijk"), ("permanent", "Vast")]))
    form.add(CheckField("trial_before"))
    form.set_context({"person_id": 1, "employer_id": 1})
    form.show()
    return form


def test_validation_keeps_typed_input_and_shows_dutch_problem(qtbot):
    form = placement_form(qtbot)
    form.load({"start_date": dt.date(2022, 6, 1), "hours_per_week": 19.5})
    assert form.fields["start_date"].widget.text() == "1-6-2022"
    assert form.fields["hours_per_week"].widget.text() == "19,5"
    end = form.fields["end_date"].widget
    qtbot.keyClicks(end, "31-02-2022")
    problem = form.findChild(forms.QLabel, "problem_end_date")
    assert problem.isVisible()
    assert "bestaat niet als datum" in problem.text()
    assert end.text() == "31-02-2022"  # what was typed stays
    end.clear()
    qtbot.keyClicks(end, "1-1-2022")  # before the start: the table's own rule
    assert "ligt vóór" in problem.text()
    end.clear()
    qtbot.keyClicks(end, "30-11-2022")
    assert not problem.isVisible()
    assert form.values()["end_date"] == dt.date(2022, 11, 30)


def test_save_refused_keeps_input_and_dirty(qtbot):
    form = placement_form(qtbot)
    form.load({})
    qtbot.keyClicks(form.fields["hours_per_week"].widget, "veel")
    written = []
    assert not form.save(written.append)
    assert written == []
    assert form.dirty
    assert form.fields["hours_per_week"].widget.text() == "veel"
    assert "geen getal" in form.problems()["hours_per_week"]


def test_save_writes_parsed_values_and_marks_clean(qtbot):
    form = placement_form(qtbot)
    form.load({"contract_type": "temporary"})
    qtbot.keyClicks(form.fields["start_date"].widget, "01-06-2022")
    qtbot.keyClicks(form.fields["hours_per_week"].widget, "12,5 uur")
    form.fields["contract_type"].set_value("permanent")
    form.fields["trial_before"].widget.setChecked(True)
    assert form.dirty
    assert set(form.changed_values()) == {
        "start_date",
        "hours_per_week",
        "contract_type",
        "trial_before",
    }
    written = []
    assert form.save(written.append)
    assert written[0]["start_date"] == dt.date(2022, 6, 1)
    assert written[0]["hours_per_week"] == 12.5
    assert written[0]["contract_type"] == "permanent"
    assert written[0]["trial_before"] is True
    assert not form.dirty
    assert form.record()["person_id"] == 1


def test_store_refusal_shown_beside_the_field(qtbot, store):
    form = Form("persons")
    qtbot.addWidget(form)
    form.add(TextField("bsn"))
    form.add(TextField("first_name"))
    form.add(TextField("last_name"))
    form.add(DateField("registered_on"))
    form.show()
    form.load({"registered_on": dt.date(2022, 1, 1)})
    qtbot.keyClicks(form.fields["bsn"].widget, "123456789")
    assert "elfproef" in form.problems()["bsn"]
    form.fields["bsn"].widget.setText("111222333")
    form.fields["first_name"].widget.setText("Jan")
    form.fields["last_name"].widget.setText("Mulder")
    assert form.save(lambda values: store.insert("persons", values))
    form.load({"registered_on": dt.date(2022, 1, 1)})
    for key, text in (("bsn", "111222333"), ("first_name", "Piet"), ("last_name", "Post")):
        form.fields[key].widget.setText(text)
    assert not form.save(lambda values: store.insert("persons", values))
    assert "bestaat al" in form.findChild(forms.QLabel, "problem_bsn").text()
    assert form.fields["first_name"].widget.text() == "Piet"


def test_money_field_reads_dutch_amounts(qtbot):
    form = Form()
    qtbot.addWidget(form)
    form.add(MoneyField("amount_per_place_cents"))
    form.fields["amount_per_place_cents"].widget.setText("€ 8.100,00")
    assert form.values() == {"amount_per_place_cents": 810000}
    form.load({"amount_per_place_cents": 868000})
    assert form.fields["amount_per_place_cents"].widget.text() == "€ 8.680,00"


def test_unsaved_prompt_helper(qtbot, dialogs):
    form = placement_form(qtbot)
    form.load({})
    assert forms.maybe_leave(None, form, lambda: True)  # nothing changed: no question
    assert dialogs.asked == []
    qtbot.keyClicks(form.fields["hours_per_week"].widget, "20")
    dialogs.answer("Annuleren")
    assert not forms.maybe_leave(None, form, lambda: True)
    dialogs.answer("Niet opslaan")
    assert forms.maybe_leave(None, form, lambda: True)
    saved = []
    dialogs.answer("Opslaan")
    assert forms.maybe_leave(None, form, lambda: saved.append(1) or True)
    assert saved == [1]
    assert dialogs.asked[0][2] == ["Opslaan", "Niet opslaan", "Annuleren"]


def test_confirm_delete(dialogs):
    dialogs.answer("Annuleren", "Verwijderen")
    assert not forms.confirm_delete(None, "de plaatsing bij Reestmond")
    assert forms.confirm_delete(None, "de plaatsing bij Reestmond")
    assert dialogs.asked[0][1].startswith("De plaatsing bij Reestmond verwijderen?")
