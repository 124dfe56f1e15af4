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
from beschut_desktop.ui import forms
from beschut_desktop.ui.dialogs.base import FlowDialog
from beschut_desktop.ui.dialogs.contract_terms import ContractTermsMixin
from beschut_desktop.ui.dialogs.offer import SUPPORT_LABELS
from beschut_desktop.ui.dialogs.placement import describe
from beschut_desktop.ui.session import Session

TERMS = (
    "start_date",
    "end_date",
    "hours_per_week",
    "contract_type",
    "trial_before",
    "development_plan_date",
)
JOB = ("coach_id", "job_title", "job_description")
SUPPORT = (*SUPPORT_LABELS, "support_notes")
EDITABLE = (*TERMS, *JOB, *SUPPORT)


class EditPlacementDialog(ContractTermsMixin, FlowDialog):
    """The terms and details of one placement, saved through ``actions.placements``."""

    def __init__(
        self, session: Session, placement: Placement, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            "Plaatsing wijzigen",
            describe(session, placement) + ". Verlengen of omzetten naar vast is een nieuw "
            "contract: kies daarvoor 'Verlengen of vast'.",
            parent,
        )
        self.placement = placement
        stored = dataclasses.asdict(placement)
        left, right = self.columns()

        self.terms = self.contract_group(
            left, {k: v for k, v in stored.items() if k not in EDITABLE}, stored
        )
        self.terms.add_check(lambda values: self._term_problems(stored, values))

        self.job = self.form()
        coaches = [
            (c.id, c.name)
            for c in session.register.coaches
            if c.employer_id == placement.employer_id
        ]
        self.job.add(
            forms.ChoiceField("coach_id", coaches, "Begeleider (R15)", empty="— nog niet bekend —")
        )
        self.job.add(forms.TextField("job_title"))
        self.job.add(forms.MultiLineField("job_description", lines=4))
        self.group("Functie en begeleiding (R15, R16)", self.job, into=left)

        self.support = self.form()
        for key, text in SUPPORT_LABELS.items():
            self.support.add(forms.CheckField(key, text))
        self.support.add(forms.MultiLineField("support_notes", "Toelichting", lines=3))
        self.group("Ondersteunende voorzieningen (R11)", self.support, into=right)

        for form in (self.job, self.support):
            form.load(stored)
        self.refresh_check()
        self.fit(1000)

    @staticmethod
    def _term_problems(stored: dict[str, Any], values: dict[str, Any]) -> dict[str, str]:
        """The action's own checks (end before start, a permanent contract with an end date,
        hours beyond 60) while typing, limited to the terms in this form."""
        found = placements.offer_problems({**stored, **values})
        return {k: v for k, v in found.items() if k in TERMS}

    def term_values(self) -> dict[str, Any] | None:
        return self.read_terms(self.terms, self.placement.employer_id)

    def confirm(self, values: dict[str, Any]) -> bool:
        """A contract that misses R12/R13 may be stored, but only on purpose; the question
        comes only when the terms were changed."""
        terms_changed = any(values.get(k) != getattr(self.placement, k) for k in TERMS)
        return self.confirm_terms("Toch opslaan", "Terug naar de plaatsing", asked=terms_changed)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        placements.save_placement(store, self.placement.id, {k: values[k] for k in EDITABLE})
        return self.placement.id
