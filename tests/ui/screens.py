"""Every page and every dialog of the window, for the tests that walk them all: fit on a small
screen, accessible names, keyboard, and a clean exit.

``pages(window)`` shows each section, each tab of a case file and an employer's card in turn;
``dialogs(session, parent)`` builds each dialog of a guided step on a record of the demo
register. Both yield (name, widget); nothing is shown modally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from beschut_desktop.demo import fill_demo
from beschut_desktop.store.store import Store

DEMO_TODAY = dt.date(2022, 9, 6)


def demo_store(folder: Path) -> Store:
    store = Store.open(folder / "demo.db", today=DEMO_TODAY)
    fill_demo(store, today=DEMO_TODAY)
    return store


def pages(window) -> Iterator[tuple[str, QWidget]]:
    """Show every section, every case-file tab and an employer's card; yield each."""
    from beschut_desktop.ui.case_file.case_file import TABS

    for key in list(window._keys):
        yield key, window.show_section(key)
    register = window.session.register
    placed = next(p for p in register.placements if p.offer_status == "accepted")
    for tab in TABS:
        window.open_person(placed.person_id, tab)
        yield f"dossier {tab}", window.current_section()
    window.open_employer(placed.employer_id)
    card = window.current_section().card
    for index in range(card.tabs.count()):
        card.tabs.setCurrentIndex(index)
        yield f"werkgever {card.tabs.tabText(index)}", window.current_section()
    window.open_placement(placed.id)
    yield "plaatsing", window.current_section()


def dialogs(session, parent: QWidget | None = None) -> Iterator[tuple[str, QDialog]]:
    """Build each guided-step dialog on a demo record; the caller shows and closes it."""
    from beschut_desktop.ui import letter_actions
    from beschut_desktop.ui.dialogs import employer as employer_dialogs
    from beschut_desktop.ui.dialogs import indication, objection, offer, placement
    from beschut_desktop.ui.dialogs.placement_edit import EditPlacementDialog
    from beschut_desktop.ui.exchange_dialogs import ListDialog

    register = session.register
    running = next(
        p for p in register.placements if p.offer_status == "accepted" and p.outcome is None
    )
    person = register.person(running.person_id)
    employer_id = running.employer_id
    coach = next((c for c in register.coaches), None)
    advice = next(iter(register.uwv_advices))
    yield "nieuwe aanvraag", indication.NewRequestDialog(session, parent)
    yield "gegevens", indication.PersonDialog(session, person, parent)
    yield "advies aanvragen", indication.AdviceRequestDialog(session, person.id, parent)
    yield "advies", indication.AdviceDialog(session, advice, parent)
    yield "beschikking", indication.DecisionDialog(session, advice.person_id, advice, parent)
    yield "herindicatie", indication.ReassessmentDialog(session, person.id, parent)
    yield "controle indicatie", indication.IndicationCheckDialog(session, person.id, parent)
    yield "voorziening", indication.InterimDialog(session, person.id, parent)
    yield "notitie", indication.NoteDialog(session, person_id=person.id, parent=parent)
    yield "bezwaar", objection.ObjectionDialog(session, person.id, parent=parent)
    if register.objections:
        yield (
            "voortgang bezwaar",
            objection.ObjectionProgressDialog(session, register.objections[0], parent),
        )
    yield "aanbod", offer.OfferDialog(session, person.id, parent=parent)
    yield "plaatsing wijzigen", EditPlacementDialog(session, running, parent)
    yield "gesprek", placement.ReviewDialog(session, running, parent)
    yield "verlengen", placement.RenewDialog(session, running, parent)
    yield "beëindigen", placement.EndDialog(session, running, parent)
    yield "loonwaarde", placement.WageValueDialog(session, running, parent)
    yield "ontwikkeldoel", placement.GoalDialog(session, running.id, parent)
    yield "werkgever", employer_dialogs.EmployerDialog(session, None, parent)
    yield "begeleider", employer_dialogs.CoachDialog(session, employer_id, coach, parent)
    yield "maatwerkafspraak", employer_dialogs.AgreementDialog(session, employer_id, parent)
    yield "lijst", ListDialog(parent, "Importeren", "Uitleg", ["regel 1", "regel 2"], "Inlezen")
    yield "uitnodiging gesprek", letter_actions.MeetingDialog(session.as_of, parent)
    yield "verzending brief", letter_actions.SentDialog(session.as_of, parent)
