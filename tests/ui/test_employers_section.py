"""Werkgevers: new employer through its dialog, the card with coaches and the R15 criteria,
tailored agreements (R17), and deleting asks first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs.employer import AgreementDialog, CoachDialog, EmployerDialog

D = dt.date


def drive(monkeypatch, qtbot, expected: type, fill) -> None:
    def run(dialog) -> bool:
        assert isinstance(dialog, expected)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog)
        return dialog.save()

    monkeypatch.setattr(base, "run", run)


def test_r13_new_employer_needs_the_sector_cao_named(
    qtbot, main_window, session, monkeypatch
) -> None:
    def fill(dialog: EmployerDialog) -> None:
        qtbot.keyClicks(dialog.field("name").widget, "Hupak")
        combo = dialog.field("cao").widget
        combo.setCurrentIndex(combo.findData("sector"))
        assert not dialog.save()
        assert "bedrijfstak" in dialog.findChild(QLabel, "problem_cao_name").text()
        qtbot.keyClicks(dialog.field("cao_name").widget, "Cao Metaal")

    drive(monkeypatch, qtbot, EmployerDialog, fill)
    main_window.show_section("employers")
    main_window.new_action.trigger()
    employer = session.register.employers[0]
    assert (employer.name, employer.cao, employer.cao_name) == ("Hupak", "sector", "Cao Metaal")
    card = main_window.section("employers").card
    assert card.employer_id == employer.id and "Hupak" in card.title.text()


def test_r15_coach_criteria_with_evidence_show_on_the_card(
    qtbot, main_window, session, monkeypatch
) -> None:
    employer_id = session.insert(
        "employers", {"name": "Reestmond", "kind": "sw_company", "category": "a"}
    )

    def fill(dialog: CoachDialog) -> None:
        qtbot.keyClicks(dialog.field("name").widget, "Anja Koster")
        met, evidence, checked = dialog.rows[8]
        met.setChecked(True)
        assert checked.text() == "6-9-2022"  # ticking fills in today
        qtbot.keyClicks(evidence, "Certificaat gezien")

    drive(monkeypatch, qtbot, CoachDialog, fill)
    main_window.open_employer(employer_id)
    card = main_window.section("employers").card
    card.show_tab("coaches")
    card.add_coach()
    coach = session.register.coaches[0]
    criteria = session.register.coach_criteria
    assert [(c.item, c.met, c.evidence) for c in criteria] == [(8, True, "Certificaat gezien")]
    row = card.coaches.table.model.rows()[0]
    assert row.coach.id == coach.id and row.score.startswith("1 van 9")
    items = card.criteria.table.model.rows()
    assert [i.met for i in items].count(None) == 8


def test_r17_agreement_for_a_move_gets_one_year(qtbot, main_window, session, monkeypatch) -> None:
    employer_id = session.insert("employers", {"name": "Bakkerij", "kind": "private"})

    def fill(dialog: AgreementDialog) -> None:
        combo = dialog.field("reason").widget
        combo.setCurrentIndex(combo.findData("moved"))
        assert dialog.field("deadline").widget.text() == "6-9-2023"
        qtbot.keyClicks(dialog.field("prospect").widget, "Begeleider start opleiding")
        assert not dialog.save()  # the employer must confirm explicitly
        assert "bevestigen" in dialog.findChild(QLabel, "problem_employer_confirmed").text()
        dialog.field("employer_confirmed").widget.setChecked(True)

    drive(monkeypatch, qtbot, AgreementDialog, fill)
    main_window.open_employer(employer_id)
    card = main_window.section("employers").card
    card.add_agreement()
    agreement = session.register.tailored_agreements[0]
    assert (agreement.deadline, agreement.employer_confirmed) == (D(2023, 9, 6), True)
    card.show_tab("agreements")
    assert card.agreements.table.model.rowCount() == 1


def test_deleting_an_employer_asks_and_is_audited(qtbot, main_window, session, dialogs) -> None:
    employer_id = session.insert("employers", {"name": "Tuincentrum", "kind": "private"})
    main_window.open_employer(employer_id)
    card = main_window.section("employers").card
    dialogs.answer("Annuleren")
    card.delete()
    assert session.register.employer(employer_id) is not None
    dialogs.answer("Verwijderen")
    card.delete()
    assert session.register.employer(employer_id) is None
    assert main_window.section("employers").stack.currentIndex() == 0
    entry = session.store.history(employer_id=employer_id)[0]
    assert (entry["action"], entry["table_name"]) == ("delete", "employers")
