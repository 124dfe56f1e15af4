"""The indication flow: new request → UWV advice → decision; reassessment, the periodic check
(R3), the interim provision (R6), a person's details and a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from beschut_desktop import formatting
from beschut_desktop.actions import cases
from beschut_desktop.rules.dates import add_months
from beschut_desktop.rules.model import Person, UwvAdvice
from beschut_desktop.rules.quota import STATUS_LABELS
from beschut_desktop.rules.validation import normalise_bsn
from beschut_desktop.store.store import Store
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.dialogs.base import FlowDialog, add_check, options
from beschut_desktop.ui.session import Session
from beschut_desktop.wording import value_label

PERSON_KEYS = (
    "bsn",
    "first_name",
    "last_name",
    "birth_date",
    "phone",
    "email",
    "address",
    "postal_code",
    "city",
)


def person_form(dialog: FlowDialog, person_id: int | None = None) -> forms.Form:
    """The person's details; the BSN is checked with the elfproef and against the register."""
    form = dialog.form("persons")
    taken = {p.bsn: p.id for p in dialog.session.register.persons}

    def bsn_in_use(value: Any) -> str | None:
        other = taken.get(normalise_bsn(value)) if value else None
        if other is not None and other != person_id:
            return "dit BSN staat al in het register"
        return None

    form.add(add_check(forms.TextField("bsn", max_length=11), bsn_in_use))
    form.add(forms.TextField("first_name"))
    form.add(forms.TextField("last_name"))
    form.add(forms.DateField("birth_date"))
    form.add(forms.TextField("phone"))
    form.add(forms.TextField("email"))
    form.add(forms.TextField("address"))
    form.add(forms.TextField("postal_code", max_length=7))
    form.add(forms.TextField("city"))
    return form


class NewRequestDialog(FlowDialog):
    """A new person and the request for UWV advice: who asked (R1), on which grounds (R2)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            "Nieuwe aanvraag beschut werk",
            "Iedereen mag het advies van UWV aanvragen: de inwoner, een werkgever "
            "of de gemeente. Leg vast wie het vroeg.",
            parent,
        )
        left, right = self.columns()
        self.person = person_form(self)
        self.group("Persoon", self.person, into=left)
        self.request = self.form()
        self.request.add(
            forms.ChoiceField(
                "requested_by", options("requested_by"), empty="— kies —", required=True
            )
        )
        self.request.add(forms.DateField("request_date", "Datum aanvraag", required=True))
        self.request.add(
            forms.CheckField(
                "ground_adaptations",
                "Grond (a): aanpassingen",
                tooltip="Technische of organisatorische aanpassingen die een werkgever niet binnen "
                "redelijke grenzen kan realiseren (R2).",
            )
        )
        self.request.add(
            forms.CheckField(
                "ground_supervision",
                "Grond (b): toezicht of begeleiding",
                tooltip="Permanent toezicht of intensieve begeleiding die een werkgever niet binnen "
                "redelijke grenzen kan bieden (R2).",
            )
        )
        self.request.add(forms.MultiLineField("notes", lines=3))
        self.request.load({"request_date": session.today()})
        self.group("Aanvraag advies UWV", self.request, into=right)
        self.fit(960)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        person = {k: values.get(k) for k in PERSON_KEYS}
        person_id, _ = cases.new_request(
            store,
            person=person,
            requested_by=values["requested_by"],
            request_date=values["request_date"],
            ground_adaptations=values["ground_adaptations"],
            ground_supervision=values["ground_supervision"],
            notes=values.get("notes"),
        )
        return person_id


class PersonDialog(FlowDialog):
    """Change a person's details."""

    def __init__(self, session: Session, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(session, f"Gegevens {person.case_number}", parent=parent)
        self.person_id = person.id
        self.details = person_form(self, person.id)
        self.details.add(forms.DateField("registered_on"))
        self.details.load(person)
        self.group("Persoon", self.details)
        self.fit(520)

    def perform(self, store: Store, values: dict[str, Any]) -> None:
        cases.save_person(store, self.person_id, self.details.changed_values())


class AdviceRequestDialog(FlowDialog):
    """A further request for UWV advice for a known person (for a reassessment, say)."""

    def __init__(self, session: Session, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, "Advies UWV aanvragen", parent=parent)
        self.person_id = person_id
        self.main = self.form()
        self.main.add(
            forms.ChoiceField(
                "requested_by", options("requested_by"), empty="— kies —", required=True
            )
        )
        self.main.add(forms.DateField("request_date", "Datum aanvraag", required=True))
        self.main.add(forms.MultiLineField("notes"))
        self.main.load({"request_date": session.today()})
        self.group("Aanvraag", self.main)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return cases.request_advice(
            store,
            self.person_id,
            requested_by=values["requested_by"],
            request_date=values["request_date"],
            notes=values["notes"],
        )


class AdviceDialog(FlowDialog):
    """UWV's advice came in: its date, outcome and the grounds that applied (R2)."""

    def __init__(self, session: Session, advice: UwvAdvice, parent: QWidget | None = None) -> None:
        asked = value_label("requested_by", advice.requested_by).lower()
        super().__init__(
            session,
            "Advies UWV vastleggen",
            f"Aangevraagd door {asked} op {formatting.short_date(advice.request_date)}. "
            "UWV weegt twee gronden; vink aan welke van toepassing waren.",
            parent,
        )
        self.advice_id = advice.id
        self.main = self.form("uwv_advices")
        self.main.set_context(
            {"request_date": advice.request_date, "requested_by": advice.requested_by}
        )
        self.main.add(forms.DateField("advice_date", required=True))
        self.main.add(
            forms.ChoiceField(
                "outcome",
                [("positive", "Positief"), ("negative", "Negatief")],
                "Advies",
                empty="— kies —",
                required=True,
            )
        )
        self.main.add(
            forms.CheckField(
                "ground_adaptations", "Grond (a): technische of organisatorische aanpassingen"
            )
        )
        self.main.add(
            forms.CheckField(
                "ground_supervision", "Grond (b): permanent toezicht of intensieve begeleiding"
            )
        )
        self.main.add(forms.MultiLineField("notes"))
        self.main.load(
            {
                "advice_date": advice.advice_date or session.today(),
                "outcome": None if advice.outcome == "pending" else advice.outcome,
                "notes": advice.notes,
                "ground_adaptations": advice.ground_adaptations,
                "ground_supervision": advice.ground_supervision,
            }
        )
        self.group("Advies", self.main)
        self.fit(560)

    def perform(self, store: Store, values: dict[str, Any]) -> None:
        cases.record_advice(
            store,
            self.advice_id,
            advice_date=values["advice_date"],
            outcome=values["outcome"],
            ground_adaptations=values["ground_adaptations"],
            ground_supervision=values["ground_supervision"],
            notes=values["notes"],
        )


class DecisionDialog(FlowDialog):
    """The municipality's decision on the advice. A positive one joins the queue at once and
    the dialog says where: te plaatsen or wachtlijst (R5)."""

    def __init__(
        self,
        session: Session,
        person_id: int,
        advice: UwvAdvice | None,
        parent: QWidget | None = None,
    ) -> None:
        advice_text = (
            f"Advies UWV van {formatting.short_date(advice.advice_date)}: "
            f"{value_label('advice_outcome', advice.outcome).lower()}."
            if advice
            else "Er is geen advies van UWV gekozen."
        )
        super().__init__(session, "Beschikking vastleggen", advice_text, parent)
        self.person_id = person_id
        self.advice_id = advice.id if advice else None
        self.outcome_text = ""
        self.main = self.form("decisions")
        self.main.add(forms.DateField("decision_date", required=True))
        self.main.add(
            forms.ChoiceField(
                "outcome",
                options("decision_outcome"),
                "Beschikking",
                empty="— kies —",
                required=True,
            )
        )
        self.main.add(
            forms.DateField(
                "sent_date",
                tooltip="De bezwaartermijn begint de dag "
                "na verzending (Awb 6:8); leeg = datum beschikking.",
            )
        )
        self.main.add(
            forms.ChoiceField(
                "eligibility_basis",
                options("eligibility_basis"),
                empty="— kies (bij positief verplicht) —",
            )
        )
        self.main.add(
            forms.CheckField(
                "other_provision_fits",
                "Andere voorziening passend (R5)",
                tooltip="Aangevinkt: de persoon komt niet in de rij voor een beschutte plek.",
            )
        )
        self.main.add(forms.DateField("next_check_date"))
        self.main.add(
            forms.IntField(
                "wage_value_interval_months",
                tooltip="Alleen invullen als de beschikking vaker dan "
                "jaarlijks een loonwaardemeting voorschrijft.",
            )
        )
        self.main.add(forms.MultiLineField("notes"))
        today = session.today()
        self.main.load(
            {
                "decision_date": today,
                "outcome": advice.outcome if advice and advice.outcome != "pending" else None,
                "next_check_date": self._default_check(today),
            }
        )
        self._check_typed = False
        self.main.fields["decision_date"].connect(self._follow_decision_date)
        self.main.fields["next_check_date"].widget.textEdited.connect(  # type: ignore[attr-defined]
            lambda _t: setattr(self, "_check_typed", True)
        )
        self.group("Beschikking", self.main)
        self.fit(600)

    def _default_check(self, day: Any) -> Any:
        return add_months(day, self.session.register.settings.indication_check_months)

    def _follow_decision_date(self) -> None:
        """R3: the next check moves with the decision date until the user typed one."""
        if self._check_typed:
            return
        try:
            day = self.main.fields["decision_date"].value()
        except ValueError:
            return
        if day:
            self.main.fields["next_check_date"].set_value(self._default_check(day))

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return cases.record_decision(
            store,
            self.person_id,
            decision_date=values["decision_date"],
            outcome=values["outcome"],
            advice_id=self.advice_id,
            sent_date=values["sent_date"],
            eligibility_basis=values["eligibility_basis"],
            other_provision_fits=values["other_provision_fits"],
            next_check_date=values["next_check_date"],
            wage_value_interval_months=values["wage_value_interval_months"],
            notes=values["notes"],
        )

    def after_save(self) -> None:
        register = self.session.register
        person = register.person(self.person_id)
        entry = cases.queue_entry(register, self.person_id, self.session.as_of)
        name = person.full_name if person else ""
        if entry is not None:
            self.outcome_text = (
                f"{name} staat nu in de rij: {STATUS_LABELS[entry.status]} "
                f"(nummer {entry.position})."
            )
        elif register.decisions_of(self.person_id)[-1].outcome == "positive":
            self.outcome_text = (
                f"{name} heeft een indicatie, maar staat op "
                f"{formatting.short_date(self.session.as_of)} niet in de rij "
                "(een andere voorziening past, of er is al een plaatsing)."
            )
        else:
            self.outcome_text = f"Negatieve beschikking voor {name} vastgelegd."
        widgets.inform(self.parentWidget(), "Beschikking vastgelegd", self.outcome_text)


class ReassessmentDialog(FlowDialog):
    """Herindicatie (R3): positive continues the indication, negative ends it."""

    def __init__(self, session: Session, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            "Herindicatie vastleggen",
            "Een positieve herindicatie zet de indicatie voort met de oorspronkelijke "
            "datum van vaststelling; een negatieve beëindigt haar, en daarmee de "
            "plaats in de rij.",
            parent,
        )
        self.person_id = person_id
        advices = [
            a
            for a in session.register.uwv_advices
            if a.person_id == person_id and a.outcome != "pending"
        ]
        self.main = self.form("decisions")
        self.main.add(forms.DateField("decision_date", required=True))
        self.main.add(
            forms.ChoiceField(
                "outcome",
                options("decision_outcome"),
                "Herindicatie",
                empty="— kies —",
                required=True,
            )
        )
        self.main.add(
            forms.ChoiceField(
                "advice_id",
                [
                    (
                        a.id,
                        f"Advies van {formatting.short_date(a.advice_date)}: "
                        f"{value_label('advice_outcome', a.outcome).lower()}",
                    )
                    for a in reversed(advices)
                ],
                "Advies UWV",
                empty="— geen —",
            )
        )
        self.main.add(forms.DateField("sent_date"))
        self.main.add(forms.DateField("next_check_date"))
        self.main.add(forms.MultiLineField("notes"))
        self.main.load({"decision_date": session.today()})
        self.group("Herindicatie", self.main)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return cases.record_reassessment(
            store,
            self.person_id,
            decision_date=values["decision_date"],
            outcome=values["outcome"],
            advice_id=values["advice_id"],
            sent_date=values["sent_date"],
            next_check_date=values["next_check_date"],
            notes=values["notes"],
        )


class IndicationCheckDialog(FlowDialog):
    """R3: is sheltered work still the right place? The aim is work as regular as possible."""

    def __init__(self, session: Session, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            "Controle indicatie",
            "De gemeente bekijkt periodiek of de indicatie beschut werk nog passend "
            "is. Past ze niet meer, vraag dan een herindicatie aan bij UWV.",
            parent,
        )
        self.person_id = person_id
        self.main = self.form("indication_checks")
        self.main.add(forms.DateField("check_date", required=True))
        self.main.add(forms.CheckField("still_fits"))
        self.main.add(forms.MultiLineField("notes"))
        self.main.load({"check_date": session.today(), "still_fits": True})
        self.group("Controle", self.main)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return cases.record_indication_check(
            store,
            self.person_id,
            check_date=values["check_date"],
            still_fits=values["still_fits"],
            notes=values["notes"],
        )


class InterimDialog(FlowDialog):
    """R6: what the person gets until the job starts."""

    def __init__(self, session: Session, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            "Voorziening tot de start van het werk",
            "Tot de dienstbetrekking begint: arbeidsmatige dagbesteding, "
            "vrijwilligerswerk of een andere vorm van participatie of werk "
            "(art. 8 lid 4). Een lopende voorziening stopt de dag ervoor.",
            parent,
        )
        self.person_id = person_id
        self.main = self.form("interim_provisions")
        self.main.add(
            forms.ChoiceField("kind", options("interim_kind"), empty="— kies —", required=True)
        )
        self.main.add(forms.DateField("start_date", required=True))
        self.main.add(forms.TextField("description"))
        self.main.add(forms.DateField("end_date"))
        self.main.load({"start_date": session.today()})
        self.group("Voorziening", self.main)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return cases.start_interim_provision(
            store,
            self.person_id,
            kind=values["kind"],
            start_date=values["start_date"],
            description=values["description"],
            end_date=values["end_date"],
        )


class NoteDialog(FlowDialog):
    """A note in a case file, an employer card or a placement."""

    def __init__(
        self,
        session: Session,
        *,
        person_id: int | None = None,
        employer_id: int | None = None,
        placement_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, "Notitie", parent=parent)
        self.owner = {
            "person_id": person_id,
            "employer_id": employer_id,
            "placement_id": placement_id,
        }
        self.main = self.form("notes")
        self.main.add(forms.DateField("created_on", required=True))
        self.main.add(forms.MultiLineField("text", lines=8))
        self.main.load({"created_on": session.today()})
        self.group("Notitie", self.main)
        self.fit(520)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return cases.add_note(
            store, text_=values["text"] or "", created_on=values["created_on"], **self.owner
        )
