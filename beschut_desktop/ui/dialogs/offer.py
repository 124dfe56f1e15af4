"""Offering a placement (R10): employer, coach, contract terms checked live against R12/R13,
supporting provisions (R11), job description (R16), and the motivation why it fits."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from beschut_desktop.actions import placements
from beschut_desktop.rules.quota import passed_over, queue, status_text
from beschut_desktop.store.store import Store
from beschut_desktop.ui import forms
from beschut_desktop.ui.dialogs.base import FlowDialog, add_check
from beschut_desktop.ui.dialogs.contract_terms import ContractTermsMixin
from beschut_desktop.ui.session import Session
from beschut_desktop.wording import value_label

SUPPORT_LABELS = {
    "support_physical": "Fysieke aanpassing van werkplek of werkomgeving",
    "support_task_split": "Uitsplitsing van taken",
    "support_supervision": "Aangepaste werkbegeleiding",
    "support_pace": "Aangepast werktempo",
    "support_hours": "Aangepaste arbeidsduur",
}


def employer_choices(session: Session) -> list[tuple[int, str]]:
    return [
        (e.id, f"{e.name} ({value_label('employer_kind', e.kind)})")
        for e in sorted(session.register.employers, key=lambda e: e.name.casefold())
    ]


def queue_choices(session: Session) -> list[tuple[int, str]]:
    """The queue in its order (R5), for an offer started outside a case file."""
    return [
        (
            e.person.id,
            f"{e.position}. {e.person.case_number} {e.person.full_name} — {status_text(e).lower()}",
        )
        for e in queue(session.register, session.as_of)
    ]


class OfferDialog(ContractTermsMixin, FlowDialog):
    """Offer a place. Storing it makes the offer a decision with status 'aangeboden'."""

    save_text = "Aanbieden"

    def __init__(
        self,
        session: Session,
        person_id: int | None,
        *,
        employer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        person = session.register.person(person_id) if person_id else None
        super().__init__(
            session,
            f"Werkplek aanbieden — {person.full_name}" if person else "Werkplek aanbieden",
            "Het aanbieden van een werkplek is een besluit: de persoon kan weigeren, bezwaar "
            "maken en in beroep gaan. Motiveer waarom de plek past (R10).",
            parent,
        )
        self.person_id = person_id
        left, right = self.columns()

        self.place = self.form()
        if person_id is None:
            self.place.add(
                forms.ChoiceField(
                    "person_id",
                    queue_choices(session),
                    "Persoon",
                    empty="— kies uit de rij —",
                    required=True,
                )
            )
        self.place.add(
            forms.ChoiceField(
                "employer_id",
                employer_choices(session),
                "Werkgever",
                empty="— kies werkgever —",
                required=True,
            )
        )
        self.place.add(
            forms.ChoiceField("coach_id", [], "Begeleider (R15)", empty="— nog niet bekend —")
        )
        self.place.add(forms.TextField("job_title"))
        self.place.add(forms.MultiLineField("job_description", lines=3))
        self.group("Werkgever en functie", self.place, into=left)

        # The employer is chosen in another group; the record check needs only that it is there.
        self.terms = self.contract_group(
            left, {"person_id": person_id or 0, "employer_id": 0}, {"contract_type": "temporary"}
        )

        self.support = self.form()
        for key, text in SUPPORT_LABELS.items():
            self.support.add(forms.CheckField(key, text))
        self.support.add(forms.TextField("support_notes", "Toelichting"))
        self.group("Ondersteunende voorzieningen (R11)", self.support, into=right)

        self.offer = self.form()
        self.offer.add(forms.DateField("offer_date", required=True))
        self.offer.add(forms.DateField("offer_sent_date"))
        self.offer.add(
            add_check(
                forms.MultiLineField("offer_motivation", "Waarom past deze plek?", lines=5),
                lambda text: (
                    None
                    if text
                    else "motiveer waarom deze plek past bij de mogelijkheden van de persoon (R10)"
                ),
            )
        )
        self.group("Het aanbod (R10)", self.offer, into=right)

        self.priority = self.form()
        self.priority.add(
            forms.MultiLineField("passed_over_reason", "Waarom gaat deze persoon voor?", lines=3)
        )
        self.priority_note = self.note()
        self.priority_note.setObjectName("passed_over")
        self.priority_box = self.group(
            "Volgorde in de rij (R5)", self.priority_note, self.priority, into=right
        )

        self.place.load({"employer_id": employer_id})
        self.offer.load({"offer_date": session.today()})
        self.place.fields["employer_id"].connect(self._employer_changed)
        self.place.fields["employer_id"].connect(self.refresh_check)
        self.offer.fields["offer_date"].connect(self.refresh_check)
        self.offer.fields["offer_date"].connect(self._refresh_priority)
        if person_id is None:
            self.place.fields["person_id"].connect(self._refresh_priority)
        self._refresh_priority()
        self._employer_changed()
        self.refresh_check()
        self.fit(1040)

    def _employer_changed(self) -> None:
        employer_id = self.place.fields["employer_id"].value()
        coaches = [
            (c.id, c.name) for c in self.session.register.coaches if c.employer_id == employer_id
        ]
        field = self.place.fields["coach_id"]
        assert isinstance(field, forms.ChoiceField)
        field.set_options(coaches)

    def _chosen_person(self) -> int | None:
        if self.person_id is not None:
            return self.person_id
        return self.place.fields["person_id"].value()

    def _refresh_priority(self) -> None:
        """R5: ask why when others above the person in the queue are te plaatsen."""
        try:
            offered = self.offer.fields["offer_date"].value()
        except ValueError:
            offered = None
        person_id = self._chosen_person()
        above = (
            passed_over(self.session.register, person_id, offered) if person_id and offered else []
        )
        self.priority_box.setVisible(bool(above))
        self.priority_note.setText(
            "Hoger in de rij staan te plaatsen zonder openstaand aanbod: "
            + ", ".join(f"{e.person.case_number} (nr. {e.position})" for e in above)
            + ". Zeg waarom zij worden overgeslagen; dat wordt bij het aanbod vastgelegd."
            if above
            else ""
        )

    def term_values(self) -> dict[str, Any] | None:
        values = self.read_terms(self.terms, self.place.fields["employer_id"].value())
        if values is None:
            return None
        try:
            offered = self.offer.fields["offer_date"].value()
        except ValueError:
            offered = None
        return {**values, "offer_date": offered}  # R17: decided before the conditions?

    def confirm(self, values: dict[str, Any]) -> bool:
        return self.confirm_terms("Toch aanbieden", "Terug naar het aanbod")

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        person_id = self.person_id or self.place.fields["person_id"].value()
        return placements.offer_placement(
            store, person_id, values, passed_over_reason=values.get("passed_over_reason")
        )
