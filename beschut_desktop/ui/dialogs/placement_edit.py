"""Changing a stored placement: its terms (checked live against R12/R13, as in the offer), the
job and its description (R16), the coach (R15) and the supporting provisions (R11).

A renewal or a permanent contract is not an edit but a contract of its own (R20, the renewal
flow); here the consultant corrects or completes what was agreed for this contract.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QWidget

from beschut_desktop.actions import placements
from beschut_desktop.rules.model import Placement
from beschut_desktop.store.store import Store
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.dialogs.base import FlowDialog, options
from beschut_desktop.ui.dialogs.offer import SUPPORT_LABELS, ContractTermsMixin, parsed
from beschut_desktop.ui.dialogs.placement import describe
from beschut_desktop.ui.session import Session

TERMS = ("start_date", "end_date", "hours_per_week", "contract_type", "trial_before",
         "development_plan_date")
JOB = ("coach_id", "job_title", "job_description")
SUPPORT = (*SUPPORT_LABELS, "support_notes")
EDITABLE = (*TERMS, *JOB, *SUPPORT)


class EditPlacementDialog(ContractTermsMixin, FlowDialog):
    """The terms and details of one placement, saved through ``actions.placements``."""

    def __init__(self, session: Session, placement: Placement,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, "Plaatsing wijzigen",
            describe(session, placement) + ". Verlengen of omzetten naar vast is een nieuw "
            "contract: kies daarvoor 'Verlengen of vast'.", parent)
        self.placement = placement
        self.current_check = None
        stored = dataclasses.asdict(placement)
        left, right = self.columns()

        self.terms = self.form("placements")
        self.terms.set_context({k: v for k, v in stored.items() if k not in EDITABLE})
        self.terms.add(forms.DateField("start_date", required=True))
        self.terms.add(forms.DateField("end_date"))
        self.terms.add(forms.HoursField("hours_per_week", required=True))
        self.terms.add(forms.ChoiceField("contract_type", options("contract_type")))
        self.terms.add(forms.CheckField("trial_before", "Er ging een proefplaatsing aan vooraf"))
        self.terms.add(forms.DateField("development_plan_date"))
        self.terms.add_check(lambda values: self._term_problems(stored, values))
        self.check_label = self.note()
        self.check_label.setObjectName("contract_check")
        self.group("Contract (R12, R13)", self.terms, self.check_label, into=left)

        self.job = self.form()
        coaches = [(c.id, c.name) for c in session.register.coaches
                   if c.employer_id == placement.employer_id]
        self.job.add(forms.ChoiceField("coach_id", coaches, "Begeleider (R15)",
                                       empty="— nog niet bekend —"))
        self.job.add(forms.TextField("job_title"))
        self.job.add(forms.MultiLineField("job_description", lines=4))
        self.group("Functie en begeleiding (R15, R16)", self.job, into=left)

        self.support = self.form()
        for key, text in SUPPORT_LABELS.items():
            self.support.add(forms.CheckField(key, text))
        self.support.add(forms.MultiLineField("support_notes", "Toelichting", lines=3))
        self.group("Ondersteunende voorzieningen (R11)", self.support, into=right)

        for form in (self.terms, self.job, self.support):
            form.load(stored)
        for key in ("start_date", "end_date", "hours_per_week", "trial_before", "contract_type"):
            self.terms.fields[key].connect(self.refresh_check)
        self.refresh_check()
        self.fit(1000)

    @staticmethod
    def _term_problems(stored: dict[str, Any], values: dict[str, Any]) -> dict[str, str]:
        """The action's own checks (end before start, a permanent contract with an end date,
        hours beyond 60) while typing, limited to the terms in this form."""
        found = placements.offer_problems({**stored, **values})
        return {k: v for k, v in found.items() if k in TERMS}

    def term_values(self) -> dict[str, Any] | None:
        values = parsed(self.terms, "start_date", "end_date", "hours_per_week", "trial_before",
                        "contract_type")
        if values is None or values["start_date"] is None:
            return None
        return {**values, "employer_id": self.placement.employer_id}

    def confirm(self, values: dict[str, Any]) -> bool:
        """A contract that misses R12/R13 may be stored, but only on purpose."""
        self.refresh_check()
        check = self.current_check
        terms_changed = any(values.get(k) != getattr(self.placement, k) for k in TERMS)
        if check is None or check.ok or not terms_changed:
            return True
        reasons = "\n".join(f"• {i.rule}: {i.reason or i.label}" for i in check.items
                            if i.met is False)
        return widgets.ask(self, "Contract voldoet niet",
                           f"Het contract voldoet niet aan de voorwaarden:\n{reasons}\n\n"
                           "Toch opslaan?", ["Toch opslaan", "Terug naar de plaatsing"],
                           default=1, escape=1) == 0

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        placements.save_placement(store, self.placement.id, {k: values[k] for k in EDITABLE})
        return self.placement.id
