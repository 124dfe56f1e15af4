"""Plausible input in the dialogs: an e-mail address or postcode that cannot be one is said
beside its field while typing and refused on save; a refusal from the store (the employer
rule, a record gone meanwhile) stays readable in the dialog; long names wrap in headers."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from ui_helpers import placed

from beschut_desktop.actions import employers
from beschut_desktop.ui.dialogs.employer import CoachDialog, EmployerDialog
from beschut_desktop.ui.dialogs.indication import PersonDialog


def retype(qtbot, dialog, key: str, text: str) -> None:
    widget = dialog.field(key).widget
    widget.clear()
    qtbot.keyClicks(widget, text)


def shown_problem(dialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"problem_{key}")
    return label.text() if label is not None and not label.isHidden() else ""


def test_person_email_and_postcode_checked_while_typing(qtbot, store, session, dialogs):
    person_id, _e, _p = placed(store)
    session.reload()
    dialog = PersonDialog(session, session.register.person(person_id))
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog, "email", "jan@staphorst")
    retype(qtbot, dialog, "postal_code", "79511AA")
    assert "geen e-mailadres" in shown_problem(dialog, "email")
    assert "geen Nederlandse postcode" in shown_problem(dialog, "postal_code")
    assert not dialog.save()
    assert session.register.person(person_id).email is None
    assert dialog.field("email").widget.text() == "jan@staphorst"  # nothing typed is lost
    retype(qtbot, dialog, "email", "jan@staphorst.nl")
    retype(qtbot, dialog, "postal_code", "7951 AA")
    assert shown_problem(dialog, "email") == shown_problem(dialog, "postal_code") == ""
    assert dialog.save()
    person = session.register.person(person_id)
    assert (person.email, person.postal_code) == ("jan@staphorst.nl", "7951 AA")


def test_employer_and_coach_email_checked_while_typing(qtbot, store, session, dialogs):
    _p, employer_id, _pl = placed(store)
    session.reload()
    dialog = EmployerDialog(session, session.register.employer(employer_id))
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog, "email", "info@bakkerij")
    assert "geen e-mailadres" in shown_problem(dialog, "email")
    assert not dialog.save()
    coach = CoachDialog(session, employer_id)
    qtbot.addWidget(coach)
    coach.show()
    retype(qtbot, coach, "name", "Anna")
    retype(qtbot, coach, "email", "anna at bakkerij.nl")
    assert "geen e-mailadres" in shown_problem(coach, "email")
    assert not coach.save()
    assert session.register.coaches == []


def test_a_refusal_from_the_store_stays_readable_in_the_employer_dialog(
    qtbot, store, session, dialogs
):
    employer_id = employers.save_employer(store, None, {"name": "Hupak", "kind": "private"})
    session.reload()
    dialog = EmployerDialog(session, session.register.employer(employer_id))
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog, "contact_name", "Piet Hup")
    with session.atomic() as s:
        s.delete("employers", employer_id)  # removed meanwhile: the action refuses
    assert not dialog.save()
    assert dialog.refusal.isVisible()
    assert "bestaat niet (meer)" in dialog.refusal.text()
    assert any("bestaat niet (meer)" in text for _title, text in dialogs.shown)
    assert dialog.field("contact_name").widget.text() == "Piet Hup"


def test_a_long_employer_name_wraps_in_the_header(qtbot, main_window, session, store):
    name = "Stichting Sociale Werkvoorziening Reestdal en Vechtdal Werken en Leren B.V."
    employer_id = employers.save_employer(store, None, {"name": name, "kind": "private"})
    session.reload()
    main_window.resize(1024, 700)
    main_window.open_employer(employer_id)
    card = main_window.section("employers").detail
    qtbot.waitUntil(lambda: card.title.text() == name)
    title = card.title
    assert title.wordWrap()
    full = title.fontMetrics().horizontalAdvance(name)
    assert title.minimumSizeHint().width() < full  # it can wrap between words ...
    qtbot.wait(50)
    assert title.width() < full  # ... and does, at 1024 wide,
    assert title.height() >= 2 * title.fontMetrics().height() - 2  # on two lines, not cut
