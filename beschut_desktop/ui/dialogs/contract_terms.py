"""The contract terms of a placement with their live check against R12/R13, shared by the offer,
the edit of a placement and the renewal, so that each says the same thing about the same
contract and asks the same question before storing one that falls short."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout

from beschut_desktop.rules import contract
from beschut_desktop.rules.results import ContractCheck
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.dialogs.base import contract_lines, options
from beschut_desktop.ui.session import Session

CHECKED_TERMS = ("start_date", "end_date", "hours_per_week", "trial_before", "contract_type")
"""The terms R12/R13 read; a change to one of them refreshes the check."""


def terms_check(session: Session, values: dict[str, Any]) -> tuple[ContractCheck | None, str]:
    """R12/R13 on the terms as typed; (None, reason) when a term cannot be read yet."""
    employer_id = values.get("employer_id")
    employer = session.register.employer(employer_id) if employer_id else None
    return try_rule(
        contract.check_contract_terms,
        start_date=values.get("start_date"),
        end_date=values.get("end_date"),
        hours_per_week=values.get("hours_per_week"),
        trial_before=bool(values.get("trial_before")),
        employer=employer,
        settings=session.register.settings,
        contract_type=values.get("contract_type") or "temporary",
        offer_date=values.get("offer_date"),
    )


def parsed(form: forms.Form, *keys: str) -> dict[str, Any] | None:
    """The given fields' values, or None while one of them cannot be read."""
    try:
        return {k: form.fields[k].value() for k in keys}
    except ValueError:
        return None


class ContractTermsMixin:
    """Shows the live contract check under the terms. Mixed into a ``FlowDialog``, whose
    ``form``, ``note`` and ``group`` build the terms group; the dialog says in ``term_values``
    which terms to check."""

    session: Session
    check_label: QLabel
    current_check: ContractCheck | None = None

    def term_values(self) -> dict[str, Any] | None:
        raise NotImplementedError

    def contract_group(self, into: QVBoxLayout, context: dict[str, Any], values: Any) -> forms.Form:
        """The group "Contract (R12, R13)" of the offer and the edit: the terms of a placement
        filled from ``values``, and under them the check, refreshed as a checked term
        changes."""
        terms: forms.Form = self.form("placements")  # type: ignore[attr-defined]
        terms.set_context(context)
        terms.add(forms.DateField("start_date", required=True))
        terms.add(forms.DateField("end_date"))
        terms.add(forms.HoursField("hours_per_week", required=True))
        terms.add(forms.ChoiceField("contract_type", options("contract_type")))
        terms.add(forms.CheckField("trial_before", "Er ging een proefplaatsing aan vooraf"))
        terms.add(forms.DateField("development_plan_date"))
        self.check_label = self.note()  # type: ignore[attr-defined]
        self.check_label.setObjectName("contract_check")
        self.group(
            "Contract (R12, R13)",
            terms,
            self.check_label,  # type: ignore[attr-defined]
            into=into,
        )
        terms.load(values)
        for key in CHECKED_TERMS:
            terms.fields[key].connect(self.refresh_check)
        return terms

    def read_terms(self, form: forms.Form, employer_id: int | None) -> dict[str, Any] | None:
        """The checked terms of ``form`` with the employer (whose cao R13 reads), or None
        while a term cannot be read or the start date is empty."""
        values = parsed(form, *CHECKED_TERMS)
        if values is None or values["start_date"] is None:
            return None
        return {**values, "employer_id": employer_id}

    def check_summary(self) -> str:
        """The check as plain text (what the label shows, without colour)."""
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(self.check_label.text()).toPlainText()

    def refresh_check(self) -> None:
        values = self.term_values()
        if values is None:
            self.check_label.setText(
                "Contractcontrole: volgt zodra startdatum, einddatum en "
                "uren leesbaar zijn ingevuld."
            )
            self.current_check = None
            return
        check, reason = terms_check(self.session, values)
        self.current_check = check
        self.check_label.setText(contract_lines(check, reason))

    def confirm_terms(self, go_on: str, back: str, *, asked: bool = True) -> bool:
        """True to store: the contract meets R12/R13, or the user chose ``go_on`` knowing
        what it misses. ``asked`` False stores without the question (terms left as they
        were)."""
        self.refresh_check()
        check = self.current_check
        if check is None or check.ok or not asked:
            return True
        reasons = "\n".join(
            f"• {i.rule}: {i.reason or i.label}" for i in check.items if i.met is False
        )
        return (
            widgets.ask(
                self,
                "Contract voldoet niet",  # type: ignore[arg-type]
                f"Het contract voldoet niet aan de voorwaarden:\n{reasons}\n\n{go_on}?",
                [go_on, back],
                default=1,
                escape=1,
            )
            == 0
        )
