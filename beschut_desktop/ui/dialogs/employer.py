"""Employer dialogs: the employer itself (R9, R13), a coach with the nine R15 criteria, and a
tailored agreement (R17)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from beschut_desktop import formatting
from beschut_desktop.actions import employers
from beschut_desktop.errors import ValidationError
from beschut_desktop.rules.model import Coach, Employer
from beschut_desktop.rules.validation import validate
from beschut_desktop.store.store import Store
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.dialogs.base import FlowDialog, options
from beschut_desktop.ui.session import Session
from beschut_desktop.wording import COACH_CRITERIA


def contact_problems(values: dict[str, Any]) -> dict[str, str]:
    """The employer's contact fields checked while typing, as the store checks them."""
    return {
        key: message
        for key, message in validate("employers", {"name": "-", "kind": "-", **values}).items()
        if key in values
    }


class EmployerDialog(FlowDialog):
    """New employer, or its details changed."""

    def __init__(
        self, session: Session, employer: Employer | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            employer.name if employer else "Nieuwe werkgever",
            "Categorie a: werkt in hoofdzaak met deze doelgroep, met gespecialiseerde "
            "begeleiders (zoals Reestmond, Hupak); b: iemand uit deze groep in dienst "
            "is een uitzondering (R9). Cao Aan de Slag, of een gunstiger cao van de "
            "eigen bedrijfstak (R13).",
            parent,
        )
        self.employer_id = employer.id if employer else None
        left, right = self.columns()
        self.main = self.form("employers")
        self.main.add(forms.TextField("name", required=True))
        self.main.add(forms.ChoiceField("kind", options("employer_kind"), required=True))
        self.main.add(forms.ChoiceField("category", options("employer_category")))
        self.main.add(forms.TextField("kvk_number", max_length=8))
        self.main.add(forms.ChoiceField("cao", options("cao")))
        self.main.add(forms.TextField("cao_name"))
        self.main.add(
            forms.CheckField(
                "sector_cao_more_favourable", "Cao eigen bedrijfstak is gunstiger voor de werknemer"
            )
        )
        self.main.add(forms.TextField("transitional_arrangement"))
        self.group("Werkgever", self.main, into=left)
        self.contact = self.form()
        self.contact.add(forms.TextField("contact_name"))
        self.contact.add(forms.TextField("phone"))
        self.contact.add(forms.TextField("email"))
        self.contact.add(forms.TextField("address"))
        self.contact.add(forms.TextField("postal_code", max_length=7))
        self.contact.add(forms.TextField("city", "Plaats"))
        self.contact.add(forms.MultiLineField("notes", lines=4))
        self.contact.add_check(contact_problems)
        self.group("Contact", self.contact, into=right)
        if employer:
            self.main.load(employer)
            self.contact.load(employer)
        else:
            self.main.load({"kind": "private", "category": "b", "cao": "aan_de_slag"})
        self.fit(900)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return employers.save_employer(store, self.employer_id, values)


class CoachDialog(FlowDialog):
    """A coach and the nine R15 criteria: met or not, the evidence, the date it was seen."""

    def __init__(
        self,
        session: Session,
        employer_id: int,
        coach: Coach | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            coach.name if coach else "Nieuwe begeleider",
            "De interne begeleider voldoet aan negen criteria (R15). Vink aan wat is "
            "aangetoond, met het bewijs en de datum.",
            parent,
        )
        self.employer_id = employer_id
        self.coach = coach
        self.main = self.form("coaches")
        self.main.set_context({"employer_id": employer_id})
        self.main.add(forms.TextField("name", required=True))
        self.main.add(forms.TextField("phone"))
        self.main.add(forms.TextField("email"))
        if coach is not None:
            self.main.load(coach)
        self.group("Begeleider", self.main)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.addWidget(QLabel("<b>Criterium</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Bewijs</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Gecontroleerd op</b>"), 0, 2)
        self.rows: dict[int, tuple[QCheckBox, QLineEdit, widgets.DateEdit]] = {}
        self.problem_label = QLabel()
        self.problem_label.setProperty("role", "problem")
        self.problem_label.setWordWrap(True)
        stored = {
            c.item: c for c in session.register.coach_criteria if coach and c.coach_id == coach.id
        }
        for row, (item, text) in enumerate(COACH_CRITERIA.items(), start=1):
            met = QCheckBox(f"{item}. {text}")
            met.setObjectName(f"criterion_{item}")
            evidence = QLineEdit()
            evidence.setAccessibleName(f"Bewijs criterium {item}")
            evidence.setMinimumWidth(200)
            checked = widgets.DateEdit(accessible_name=f"Datum criterium {item}")
            checked.setMaximumWidth(110)
            found = stored.get(item)
            if found:
                met.setChecked(found.met)
                evidence.setText(found.evidence or "")
                checked.set_value(found.checked_on)
            met.toggled.connect(
                lambda on, e=checked: on and not e.text() and e.set_value(session.today())
            )
            grid.addWidget(met, row, 0)
            grid.addWidget(evidence, row, 1)
            grid.addWidget(checked, row, 2)
            self.rows[item] = (met, evidence, checked)
        self._original = self._criteria_raw()
        self.group("Criteria (R15)", grid_holder, self.problem_label)
        self.fit(1100)

    def _criteria_raw(self) -> dict[int, tuple[bool, str, str]]:
        return {
            item: (m.isChecked(), e.text().strip(), d.text().strip())
            for item, (m, e, d) in self.rows.items()
        }

    @property
    def dirty(self) -> bool:
        return super().dirty or self._criteria_raw() != self._original

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        if self.coach is None:
            coach_id = employers.add_coach(
                store,
                self.employer_id,
                name=values["name"],
                phone=values["phone"],
                email=values["email"],
            )
        else:
            coach_id = self.coach.id
            store.update("coaches", coach_id, {k: values[k] for k in ("name", "phone", "email")})
        problems: list[str] = []
        for item, (met, evidence, checked) in self.rows.items():
            if self._original[item] == self._criteria_raw()[item]:
                continue  # untouched: an unassessed criterion stays unassessed
            try:
                day = checked.value()
                employers.set_criterion(
                    store,
                    coach_id,
                    item,
                    met=met.isChecked(),
                    evidence=evidence.text(),
                    checked_on=day,
                )
            except ValueError as exc:
                problems.append(f"Criterium {item}: {exc}")
            except ValidationError as exc:
                problems.append(f"Criterium {item}: " + "; ".join(exc.problems.values()))
        if problems:
            self.problem_label.setText("\n".join(problems))
            raise ValidationError({"criteria": "niet alle criteria konden worden opgeslagen"})
        self._original = self._criteria_raw()
        return coach_id


class AgreementDialog(FlowDialog):
    """R17: a tailored agreement with a concrete prospect and a deadline."""

    def __init__(self, session: Session, employer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            "Maatwerkafspraak",
            "Voor een plaatsing die nog niet aan de voorwaarden voldoet: met een "
            "concreet vooruitzicht. Bij verhuizing of een stage vanuit VSO/PRO: "
            "binnen een jaar, en de werkgever bevestigt dat uitdrukkelijk.",
            parent,
        )
        self.employer_id = employer_id
        register = session.register
        choices = []
        for placement in register.placements:
            if placement.employer_id == employer_id:
                person = register.person(placement.person_id)
                choices.append(
                    (
                        placement.id,
                        f"{person.case_number if person else ''} "
                        f"{person.full_name if person else ''}, vanaf "
                        f"{formatting.short_date(placement.start_date)}",
                    )
                )
        self.main = self.form("tailored_agreements")
        self.main.set_context({"employer_id": employer_id})
        self.main.add(
            forms.ChoiceField(
                "placement_id", choices, "Plaatsing", empty="— de werkgever als geheel —"
            )
        )
        self.main.add(forms.ChoiceField("reason", options("agreement_reason")))
        self.main.add(forms.DateField("agreed_on", required=True))
        self.main.add(forms.DateField("deadline", required=True))
        self.main.add(forms.MultiLineField("prospect", lines=3, required=True))
        self.main.add(forms.CheckField("employer_confirmed"))
        self.main.add(forms.MultiLineField("notes", lines=2))
        self.group("Afspraak", self.main)
        self.main.load({"reason": "transition", "agreed_on": session.today()})
        self.main.fields["reason"].connect(self._default_deadline)
        self.main.fields["agreed_on"].connect(self._default_deadline)
        self.main.fields["placement_id"].connect(self._default_deadline)
        self.fit(600)

    def _default_deadline(self) -> None:
        try:
            agreed = self.main.fields["agreed_on"].value()
        except ValueError:
            return
        placement_id = self.main.fields["placement_id"].value()
        placement = self.session.register.placement(placement_id) if placement_id else None
        deadline = (
            employers.default_deadline(
                self.main.fields["reason"].value(),
                agreed,
                placement.start_date if placement else None,
            )
            if agreed
            else None
        )
        if deadline and not self.main.fields["deadline"].raw():
            self.main.fields["deadline"].set_value(deadline)

    def perform(self, store: Store, values: dict[str, Any]) -> int:
        return employers.add_tailored_agreement(store, self.employer_id, values)
