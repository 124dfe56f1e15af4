"""Opening a signal goes to the step that settles it, not to a tab to search in.

A review due opens the review form, an indication check the check, a wage-value assessment (or
the flat-rate subsidy ending) the assessment, an objection's decision the objection's progress.
The case file (or the employer's card) is shown behind the dialog on the tab that belongs to
the signal, so after saving — or cancelling — the consultant sees the result in its place.
Signals settled by a choice rather than one form (a contract ending: renew or end; conditions
not met; an agreement) open that tab or card with the choices on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from beschut_desktop.rules.results import Signal
from beschut_desktop.ui.dialogs import base

# kind → the case-file tab shown behind the step (None: the employer's card)
TABS: dict[str, str | None] = {
    "review": "reviews",
    "wage_value": "subsidy",
    "flat_rate_end": "subsidy",
    "contract_end": "placements",
    "indication_check": "indication",
    "objection_period": "objections",
    "objection_decision": "objections",
    "breach": None,
    "agreement_needed": None,
    "tailored_agreement": None,
}


def step_dialog(session: Any, signal: Signal, parent: QWidget | None) -> QDialog | None:
    """The dialog that settles ``signal``, or None when a tab or card settles it."""
    from beschut_desktop.ui.dialogs import indication, objection, placement

    register = session.register
    found = register.placement(signal.placement_id) if signal.placement_id is not None else None
    makers: dict[str, Callable[[], QDialog | None]] = {
        "review": lambda: placement.ReviewDialog(session, found, parent) if found else None,
        "wage_value": lambda: placement.WageValueDialog(session, found, parent) if found else None,
        "flat_rate_end": lambda: (
            placement.WageValueDialog(session, found, parent) if found else None
        ),
        "indication_check": lambda: (
            indication.IndicationCheckDialog(session, signal.person_id, parent)
            if signal.person_id is not None
            else None
        ),
        "objection_decision": lambda: _objection_progress(session, signal, parent, objection),
    }
    make = makers.get(signal.kind)
    return make() if make is not None else None


def _objection_progress(session: Any, signal: Signal, parent: QWidget | None, module: Any) -> Any:
    subject_id = int(signal.key.rsplit(":", 1)[1])
    found = next((o for o in session.register.objections if o.id == subject_id), None)
    return module.ObjectionProgressDialog(session, found, parent) if found else None


def settle(main_window: Any, signal: Signal) -> bool:
    """Show where the signal belongs and open the step that settles it; True when saved."""
    tab = TABS.get(signal.kind, "details")
    if tab is None and signal.employer_id is not None:
        main_window.open_employer(signal.employer_id)
    elif signal.person_id is not None:
        main_window.open_person(signal.person_id, tab)
    elif signal.placement_id is not None:
        main_window.open_placement(signal.placement_id)
    elif signal.employer_id is not None:
        main_window.open_employer(signal.employer_id)
    dialog = step_dialog(main_window.session, signal, main_window)
    if dialog is None:
        return False
    saved = base.run(dialog)
    dialog.deleteLater()
    return saved
