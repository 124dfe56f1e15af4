"""Flows on a running placement: review (R18, R19), renewal or permanent contract (R20),
ending it (R14), a wage-value assessment (R8) and a development goal (R16)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from beschut_desktop import formatting
from beschut_desktop.actions import placements, reviews
from beschut_desktop.rules import reviews as review_rules
from beschut_desktop.rules.dates import add_days
from beschut_desktop.rules.model import Placement, Review
from beschut_desktop.store.store import Store
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.case_file.ruling import try_rule
from beschut_desktop.ui.dialogs.base import FlowDialog, options
from beschut_desktop.ui.dialogs.contract_terms import ContractTermsMixin, parsed
from beschut_desktop.ui.session import Session
from beschut_desktop.wording import COACHING_TOPICS, REVIEW_SUBJECTS


def describe(session: Session, placement: Placement) -> str:
    person = session.register.person(placement.person_id)
    employer = session.register.employer(placement.employer_id)
    period = formatting.short_date(placement.start_date)
    if placement.end_date:
        period += f" t/m {formatting.short_date(placement.end_date)}"
    return (
        f"{person.full_name if person else ''} bij {employer.name if employer else ''}, "
        f"{period}, {formatting.hours(placement.hours_per_week)} per week"
    )


class ReviewDialog(FlowDialog):
    """The review form: the R18 subjects and the R19 coaching topics. Given a recorded
    ``review``, the same form corrects or completes it, loaded with everything it saves."""

    def __init__(
        self,
        session: Session,
        placement: Placement,
        parent: QWidget | None = None,
        review: Review | None = None,
    ) -> None:
        intro = describe(session, placement) + "."
        if review is None:
            due, _ = try_rule(
                review_rules.next_review_due, session.register, placement, session.as_of
            )
            if due:
                intro += f" Dit gesprek was gepland op {formatting.short_date(due)}."
        title = "Voortgangsgesprek wijzigen" if review else "Voortgangsgesprek vastleggen"
        super().__init__(session, title, intro, parent)
        self.placement_id = placement.id
        self.review_id = review.id if review else None
        self.head = self.form("reviews")
        self.head.set_context({"placement_id": placement.id})
        self.head.add(forms.DateField("review_date", required=True))
        self.head.add(forms.TextField("participants"))
        self.body_layout.addWidget(self.head)
        left, right = self.columns()
        self.subjects = self.form()
        for key in REVIEW_SUBJECTS:
            self.subjects.add(
                forms.MultiLineField(key, lines=3, required=key in reviews.REQUIRED_SUBJECTS)
            )
        self.group("Gesprek werkgever en werknemer (R18)", self.subjects, into=left)
        self.topics = self.form()
        for key in COACHING_TOPICS:
            self.topics.add(forms.MultiLineField(key, lines=2))
        self.topics.add(forms.MultiLineField("notes", lines=2))
        self.group("Terugkoppeling over de begeleiding (R19)", self.topics, into=right)
        if review is None:
            today = session.today()
            started = placement.start_date is not None and placement.start_date <= today
            self.head.load({"review_date": today if started else None})
        else:
            for form in (self.head, self.subjects, self.topics):
                form.load(review)
        self.fit(1080)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        fields = {k: values.get(k) for k in reviews.REVIEW_FIELDS}
        if self.review_id is not None:
            reviews.update_review(
                store,
                self.review_id,
                review_date=values["review_date"],
                **fields,
            )
            return self.review_id
        return reviews.record_review(
            store,
            self.placement_id,
            review_date=values["review_date"],
            today=self.session.today(),
            **fields,
        )


class RenewDialog(ContractTermsMixin, FlowDialog):
    """R20: renew the contract or make it permanent; a new contract, checked against R12."""

    def __init__(
        self, session: Session, placement: Placement, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            "Contract verlengen of omzetten naar vast",
            describe(session, placement) + ". Een verlenging is een eigen "
            "contract en wordt ook aan de voorwaarden getoetst (R12).",
            parent,
        )
        self.placement = placement
        self.current_check = None
        self.main = self.form()
        self.main.add(
            forms.ChoiceField(
                "choice",
                [("renew", "Verlengen (tijdelijk)"), ("permanent", "Omzetten naar vast")],
                "Vervolg",
            )
        )
        self.main.add(forms.DateField("start_date", required=True))
        self.main.add(forms.DateField("end_date"))
        self.main.add(forms.HoursField("hours_per_week", required=True))
        self.main.add(forms.MultiLineField("notes", lines=2))
        self.check_label = self.note()
        self.check_label.setObjectName("contract_check")
        self.group("Nieuw contract", self.main, self.check_label)
        start = add_days(placement.end_date, 1) if placement.end_date else None
        self.main.load(
            {"choice": "renew", "start_date": start, "hours_per_week": placement.hours_per_week}
        )
        for key in ("choice", "start_date", "end_date", "hours_per_week"):
            self.main.fields[key].connect(self.refresh_check)
        self.main.fields["choice"].connect(self._choice_changed)
        self.refresh_check()
        self.fit(620)

    def _choice_changed(self) -> None:
        permanent = self.main.fields["choice"].value() == "permanent"
        if permanent:
            self.main.fields["end_date"].set_value(None)
        self.main.fields["end_date"].set_enabled(not permanent)

    def term_values(self) -> dict[str, Any] | None:
        values = parsed(self.main, "start_date", "end_date", "hours_per_week")
        if values is None or values["start_date"] is None:
            return None
        permanent = self.main.fields["choice"].value() == "permanent"
        return {
            **values,
            "trial_before": False,
            "employer_id": self.placement.employer_id,
            "contract_type": "permanent" if permanent else "temporary",
        }

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return placements.renew_placement(
            store,
            self.placement.id,
            start_date=values["start_date"],
            end_date=values["end_date"],
            hours_per_week=values["hours_per_week"],
            permanent=values["choice"] == "permanent",
            notes=values["notes"],
            recorded_on=self.session.today(),
        )


class EndDialog(FlowDialog):
    """R14: end the contract or record a dismissal; the person returns to the queue."""

    def __init__(
        self, session: Session, placement: Placement, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            "Plaatsing beëindigen",
            describe(session, placement) + ". Ontslag volgt het burgerlijk recht "
            "en beëindigt de indicatie niet: de persoon komt terug in de rij met "
            "de oorspronkelijke datum van vaststelling.",
            parent,
        )
        self.placement = placement
        self.main = self.form()
        self.main.add(
            forms.ChoiceField(
                "outcome", [("ended", "Beëindigd"), ("dismissed", "Ontslag")], "Soort einde"
            )
        )
        self.main.add(forms.DateField("end_date", "Laatste werkdag", required=True))
        self.main.add(forms.MultiLineField("end_reason", lines=3, required=True))
        self.group("Einde", self.main)
        self.interim = self.form()
        self.interim.add(forms.CheckField("start_interim", "Meteen een voorziening starten (R6)"))
        self.interim.add(forms.ChoiceField("kind", options("interim_kind")))
        self.interim.add(forms.TextField("description"))
        self.group("Tot een nieuwe plek", self.interim)
        self.main.load({"outcome": "ended", "end_date": placement.end_date or session.today()})
        self.interim.load({"kind": "day_activities"})
        self.fit(560)

    def perform(self, store: Store, values: dict[str, Any]) -> None:
        interim = None
        if values["start_interim"]:
            interim = {
                "kind": values["kind"],
                "description": values["description"],
                "start_date": add_days(values["end_date"], 1),
            }
        placements.end_placement(
            store,
            self.placement.id,
            end_date=values["end_date"],
            outcome=values["outcome"],
            end_reason=values["end_reason"] or "",
            interim=interim,
            recorded_on=self.session.today(),
        )

    def after_save(self) -> None:
        widgets.inform(
            self.parentWidget(),
            "Plaatsing beëindigd",
            "De plaatsing is beëindigd. De persoon staat vanaf de dag na de laatste "
            "werkdag weer in de rij; er moet een nieuwe plek worden aangeboden.",
        )


class WageValueDialog(FlowDialog):
    """R8: the wage value, assessed at least yearly; the subsidy follows it from now on."""

    def __init__(
        self, session: Session, placement: Placement, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session, "Loonwaardemeting vastleggen", describe(session, placement) + ".", parent
        )
        self.placement_id = placement.id
        self.main = self.form("wage_value_assessments")
        self.main.set_context({"placement_id": placement.id})
        self.main.add(forms.DateField("assessment_date", required=True))
        self.main.add(forms.PercentField("wage_value_percentage", required=True))
        self.main.add(forms.TextField("assessor"))
        self.main.add(forms.MultiLineField("notes"))
        self.main.load({"assessment_date": session.today()})
        self.group("Meting", self.main)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return placements.record_wage_value(
            store,
            self.placement_id,
            assessment_date=values["assessment_date"],
            wage_value_percentage=values["wage_value_percentage"],
            assessor=values["assessor"],
            notes=values["notes"],
        )


class GoalDialog(FlowDialog):
    """R16 (2): a goal of the development plan."""

    def __init__(self, session: Session, placement_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, "Ontwikkeldoel toevoegen", parent=parent)
        self.placement_id = placement_id
        self.main = self.form()
        self.main.add(forms.MultiLineField("goal", lines=3, required=True))
        self.group("Ontwikkelplan", self.main)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return placements.add_goal(store, self.placement_id, values["goal"] or "")


def ask_answer(parent: QWidget | None, session: Session, placement: Placement) -> bool | None:
    """Ask whether the offer was accepted (True) or refused (False); None when cancelled."""
    choice = widgets.ask(
        parent,
        "Aanbod beantwoorden",
        f"{describe(session, placement)}.\n\nHeeft de persoon het aanbod "
        "aanvaard of geweigerd? Bij weigering blijft de persoon in de rij; "
        "tegen het aanbod staat bezwaar open.",
        ["Aanvaard", "Geweigerd", "Annuleren"],
        default=0,
        escape=2,
    )
    return None if choice == 2 else choice == 0
