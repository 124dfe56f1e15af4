"""Objection (bezwaar) or appeal (beroep) with its Awb terms, and the decision on it (R10)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from beschut_desktop import formatting
from beschut_desktop.actions import objections
from beschut_desktop.rules import awb
from beschut_desktop.rules.model import Objection
from beschut_desktop.store.store import Store
from beschut_desktop.ui import forms
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.dialogs.base import FlowDialog, options
from beschut_desktop.ui.session import Session
from beschut_desktop.wording import value_label


def targets(session: Session, person_id: int) -> list[tuple[str, str]]:
    """What an objection can be against: the person's decisions and offers."""
    register = session.register
    found: list[tuple[str, str]] = []
    for decision in reversed(register.decisions_of(person_id)):
        found.append(
            (
                f"decision:{decision.id}",
                f"{value_label('decision_kind', decision.kind)} van "
                f"{formatting.short_date(decision.decision_date)} "
                f"({value_label('decision_outcome', decision.outcome).lower()})",
            )
        )
    for placement in reversed(register.placements_of(person_id)):
        if placement.offer_date:
            employer = register.employer(placement.employer_id)
            found.append(
                (
                    f"placement:{placement.id}",
                    f"Aanbod {employer.name if employer else ''} van "
                    f"{formatting.short_date(placement.offer_date)}",
                )
            )
    return found


def split_target(target: str) -> tuple[str, int]:
    kind, _, number = target.partition(":")
    return kind, int(number)


def term_text(session: Session, target: str | None, lodged: Any) -> str:
    """When the objection term ended, and whether the lodging was in time."""
    if not target:
        return ""
    register = session.register
    kind, target_id = split_target(target)
    if kind == "decision":
        decision = register.decision(target_id)
        sent = decision.effective_sent_date if decision else None
    else:
        placement = register.placement(target_id)
        sent = placement and (placement.offer_sent_date or placement.offer_date)
    if sent is None:
        return ""
    end, reason = try_rule(awb.objection_term_end, sent, register.settings)
    if end is None:
        return f"Bezwaartermijn: {reason}."
    text = (
        f"Verzonden {formatting.short_date(sent)}; bezwaartermijn tot en met "
        f"{formatting.short_date(end)}."
    )
    if lodged:
        text += (
            " Tijdig ingediend."
            if lodged <= end
            else " Te laat ingediend: beoordeel of de termijnoverschrijding verschoonbaar is (Awb 6:11)."
        )
    return text


class ObjectionDialog(FlowDialog):
    """Lodge an objection or appeal against a decision or an offered place."""

    def __init__(
        self,
        session: Session,
        person_id: int,
        *,
        target: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            "Bezwaar of beroep vastleggen",
            "Bezwaar moet binnen zes weken na de dag van verzending. De gemeente "
            "beslist binnen zes weken, twaalf met een adviescommissie, en kan "
            "ten hoogste zes weken verdagen.",
            parent,
        )
        self.person_id = person_id
        self.main = self.form()
        self.main.add(forms.ChoiceField("kind", options("objection_kind")))
        self.main.add(
            forms.ChoiceField(
                "target",
                targets(session, person_id),
                "Gericht tegen",
                empty="— kies —",
                required=True,
            )
        )
        self.main.add(forms.DateField("lodged_date", required=True))
        self.main.add(
            forms.CheckField("advisory_committee", "Advies van de bezwaarcommissie (12 weken)")
        )
        self.main.add(forms.MultiLineField("notes"))
        self.term = self.note()
        self.term.setObjectName("objection_term")
        self.group("Bezwaar of beroep", self.main, self.term)
        self.main.load({"kind": "objection", "target": target, "lodged_date": session.today()})
        for key in ("target", "lodged_date"):
            self.main.fields[key].connect(self._refresh_term)
        self._refresh_term()
        self.fit(600)

    def _refresh_term(self) -> None:
        try:
            lodged = self.main.fields["lodged_date"].value()
        except ValueError:
            lodged = None
        self.term.setText(term_text(self.session, self.main.fields["target"].value(), lodged))

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        kind, target_id = split_target(values["target"])
        return objections.lodge_objection(
            store,
            self.person_id,
            kind=values["kind"],
            lodged_date=values["lodged_date"],
            decision_id=target_id if kind == "decision" else None,
            placement_id=target_id if kind == "placement" else None,
            advisory_committee=values["advisory_committee"],
            notes=values["notes"],
        )


class ObjectionProgressDialog(FlowDialog):
    """Terms (committee, deferral, suspension) and, when known, the decision on it."""

    def __init__(
        self, session: Session, objection: Objection, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            f"{value_label('objection_kind', objection.kind)} van "
            f"{formatting.short_date(objection.lodged_date)}",
            "Verdaging en opschorting schuiven de uiterste beslisdatum op. "
            "Gegrond tegen een aanbod: er moet een nieuw aanbod volgen (R10).",
            parent,
        )
        self.objection = objection
        self.decided: objections.ObjectionDecided | None = None
        self.terms = self.form("objections")
        self.terms.set_context(
            {"person_id": objection.person_id, "lodged_date": objection.lodged_date}
        )
        self.terms.add(
            forms.CheckField("advisory_committee", "Advies van de bezwaarcommissie (12 weken)")
        )
        self.terms.add(forms.IntField("deferral_weeks"))
        self.terms.add(forms.IntField("suspended_days"))
        self.due = self.note()
        self.due.setObjectName("objection_due")
        self.group("Termijnen", self.terms, self.due)
        self.outcome = self.form()
        self.outcome.add(forms.DateField("decided_on"))
        self.outcome.add(
            forms.ChoiceField("outcome", options("objection_outcome"), empty="— nog niet beslist —")
        )
        self.outcome.add(forms.MultiLineField("notes", "Toelichting bij de beslissing"))
        self.group("Beslissing", self.outcome)
        self.terms.load(objection)
        self.outcome.load({"decided_on": objection.decided_on, "outcome": objection.outcome})
        for key in self.terms.fields:
            self.terms.fields[key].connect(self._refresh_due)
        self._refresh_due()
        self.fit(560)

    def _refresh_due(self) -> None:
        try:
            values = self.terms.values()
        except forms.ValidationError:
            return
        probe = Objection(
            **{
                **self.objection.__dict__,
                "advisory_committee": values["advisory_committee"],
                "deferral_weeks": values["deferral_weeks"] or 0,
                "suspended_days": values["suspended_days"] or 0,
            }
        )
        due, reason = try_rule(awb.decision_due_in, self.session.register, probe)
        self.due.setText(
            f"Beslissen uiterlijk op {formatting.short_date(due)}."
            if due
            else f"Beslistermijn: {reason}."
        )

    def perform(self, store: Store, values: dict[str, Any]) -> None:
        objections.set_terms(
            store,
            self.objection.id,
            advisory_committee=values["advisory_committee"],
            deferral_weeks=values["deferral_weeks"] or 0,
            suspended_days=values["suspended_days"] or 0,
        )
        if values["outcome"] or values["decided_on"]:
            self.decided = objections.decide_objection(
                store,
                self.objection.id,
                decided_on=values["decided_on"],
                outcome=values["outcome"],
                notes=values["notes"],
            )
