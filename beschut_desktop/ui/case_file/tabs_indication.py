"""Case-file tabs about the indication: the person's details, UWV advice and decisions with
the periodic check (R1–R3), and the interim provision (R6)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.actions import cases
from beschut_desktop.rules.indication import eligibility, standing_indication
from beschut_desktop.rules.model import Decision, IndicationCheck, InterimProvision, UwvAdvice
from beschut_desktop.ui import forms
from beschut_desktop.ui.case_file.panel import ListPanel
from beschut_desktop.ui.case_file.rows import OVERDUE_TEXT
from beschut_desktop.ui.dialogs import indication as dialogs
from beschut_desktop.ui.table_model import Column
from beschut_desktop.wording import value_label

if TYPE_CHECKING:
    from beschut_desktop.ui.case_file.case_file import CaseFile

D = formatting.short_date


class DetailsTab(QWidget):
    """Who the person is (the BSN shows here, where the task needs it) and their indication."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.labels: dict[str, QLabel] = {}
        grid = QFormLayout()
        for key, text in [
            ("case_number", "Dossiernummer"),
            ("bsn", "BSN"),
            ("name", "Naam"),
            ("birth_date", "Geboortedatum"),
            ("contact", "Telefoon, e-mail"),
            ("address", "Adres"),
            ("registered_on", "Ingeschreven op"),
            ("indication", "Indicatie"),
            ("eligibility", "Voorwaarden (R1)"),
            ("next_check", "Volgende controle (R3)"),
        ]:
            label = QLabel()
            label.setObjectName(f"detail_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = label
            grid.addRow(f"{text}:", label)
        buttons = QHBoxLayout()
        edit = QPushButton("Gegevens wijzigen")
        edit.clicked.connect(self.edit)
        delete = QPushButton("Persoon verwijderen…")
        delete.setObjectName("delete_person")
        delete.clicked.connect(self.delete)
        buttons.addWidget(edit)
        buttons.addStretch(1)
        buttons.addWidget(delete)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        register, person_id, on = self.case.register, self.case.person_id, self.case.on
        person = register.person(person_id)
        if person is None:
            return
        indication = standing_indication(register, person_id, on)
        values = {
            "case_number": person.case_number,
            "bsn": person.bsn,
            "name": person.full_name,
            "birth_date": D(person.birth_date),
            "contact": ", ".join(filter(None, [person.phone, person.email])),
            "address": ", ".join(
                filter(
                    None,
                    [person.address, " ".join(filter(None, [person.postal_code, person.city]))],
                )
            ),
            "registered_on": D(person.registered_on),
            "indication": (
                f"vastgesteld op {D(indication.determination_date)}"
                + (
                    " — een andere voorziening is passend"
                    if indication.other_provision_fits
                    else ""
                )
            )
            if indication
            else "geen indicatie op deze datum",
            "eligibility": " ".join(eligibility(register, person_id, on).reasons),
            "next_check": D(indication.next_check_due) if indication else "",
        }
        for key, text in values.items():
            self.labels[key].setText(text)
        late = indication is not None and bool(
            indication.next_check_due and indication.next_check_due < on
        )
        self.labels["next_check"].setProperty("role", "problem" if late else "")
        self.labels["next_check"].setToolTip(OVERDUE_TEXT if late else "")
        self.labels["next_check"].style().unpolish(self.labels["next_check"])
        self.labels["next_check"].style().polish(self.labels["next_check"])

    def edit(self) -> None:
        person = self.case.register.person(self.case.person_id)
        if person is not None:
            self.case.run(dialogs.PersonDialog(self.case.session, person, self))

    def delete(self) -> None:
        person = self.case.register.person(self.case.person_id)
        if person is None:
            return
        if not forms.confirm_delete(
            self,
            f"{person.full_name} ({person.case_number})",
            "Het hele dossier verdwijnt: advies, beschikkingen, "
            "plaatsingen, gesprekken en notities.",
        ):
            return
        self.case.delete_record("persons", person.id)


ADVICE_COLUMNS = [
    Column(
        "requested_by",
        "Aangevraagd door",
        lambda a: value_label("requested_by", a.requested_by),
        width=145,
    ),
    Column("request_date", "Aanvraag", lambda a: D(a.request_date), width=90),
    Column("advice_date", "Advies", lambda a: D(a.advice_date), width=90),
    Column("outcome", "Uitkomst", lambda a: value_label("advice_outcome", a.outcome), width=110),
    Column(
        "grounds",
        "Gronden (R2)",
        lambda a: ", ".join(
            g
            for g, on in (
                ("a: aanpassingen", a.ground_adaptations),
                ("b: toezicht/begeleiding", a.ground_supervision),
            )
            if on
        ),
    ),
]
DECISION_COLUMNS = [
    Column("kind", "Soort", lambda d: value_label("decision_kind", d.kind), width=100),
    Column("decision_date", "Datum", lambda d: D(d.decision_date), width=90),
    Column("sent_date", "Verzonden", lambda d: D(d.effective_sent_date), width=90),
    Column("outcome", "Uitkomst", lambda d: value_label("decision_outcome", d.outcome), width=90),
    Column(
        "eligibility_basis",
        "Grondslag",
        lambda d: value_label("eligibility_basis", d.eligibility_basis),
        width=170,
    ),
    Column("next_check_date", "Controle", lambda d: D(d.next_check_date), width=90),
    Column("other", "Andere voorziening", lambda d: "ja" if d.other_provision_fits else ""),
]
CHECK_COLUMNS = [
    Column("check_date", "Datum", lambda c: D(c.check_date), width=90),
    Column(
        "still_fits",
        "Nog passend",
        lambda c: "ja" if c.still_fits else "nee",
        width=105,
        tone=lambda c: None if c.still_fits else "bad",
    ),
    Column("notes", "Toelichting"),
]


class IndicationTab(QWidget):
    """UWV advice → decision; reassessment and the periodic check."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.advices = ListPanel("Advies UWV", ADVICE_COLUMNS)
        self.advices.button("Advies aanvragen", self.request)
        self.advices.button(
            "Advies vastleggen",
            self.record_advice,
            when=lambda a: a.outcome == "pending",
            name="record_advice",
        )
        self.decisions = ListPanel("Beschikkingen", DECISION_COLUMNS)
        self.decisions.button("Beschikking", self.decide, name="decide")
        self.decisions.button("Herindicatie", self.reassess, name="reassess")
        self.checks = ListPanel("Controle indicatie (R3)", CHECK_COLUMNS)
        self.checks.button("Controle vastleggen", self.check, name="check")
        layout = QVBoxLayout(self)
        for panel, stretch in ((self.advices, 2), (self.decisions, 2), (self.checks, 1)):
            layout.addWidget(panel, stretch)

    def refresh(self) -> None:
        register, person_id = self.case.register, self.case.person_id
        advices: list[UwvAdvice] = [a for a in register.uwv_advices if a.person_id == person_id]
        self.advices.set_rows(advices)
        decisions: list[Decision] = register.decisions_of(person_id)
        self.decisions.set_rows(list(reversed(decisions)))
        checks: list[IndicationCheck] = register.indication_checks_of(person_id)
        self.checks.set_rows(list(reversed(checks)))

    def request(self) -> None:
        self.case.run(dialogs.AdviceRequestDialog(self.case.session, self.case.person_id, self))

    def record_advice(self, advice: UwvAdvice | None = None) -> None:
        advice = advice or self.advices.current()
        if advice is not None:
            self.case.run(dialogs.AdviceDialog(self.case.session, advice, self))

    def decide(self, advice: UwvAdvice | None = None) -> None:
        register = self.case.register
        if advice is None:
            decided = {d.advice_id for d in register.decisions_of(self.case.person_id)}
            advice = next(
                (
                    a
                    for a in reversed(self.advices.table.model.rows())
                    if a.outcome != "pending" and a.id not in decided
                ),
                None,
            )
        self.case.run(dialogs.DecisionDialog(self.case.session, self.case.person_id, advice, self))

    def reassess(self) -> None:
        self.case.run(dialogs.ReassessmentDialog(self.case.session, self.case.person_id, self))

    def check(self) -> None:
        self.case.run(dialogs.IndicationCheckDialog(self.case.session, self.case.person_id, self))


INTERIM_COLUMNS = [
    Column("kind", "Voorziening", lambda i: value_label("interim_kind", i.kind), width=200),
    Column("description", "Omschrijving", width=260),
    Column("start_date", "Vanaf", lambda i: D(i.start_date), width=90),
    Column("end_date", "Tot en met", lambda i: D(i.end_date), width=90),
]


class InterimTab(QWidget):
    """R6: the provision until the job starts; a new one ends the running one."""

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case = case
        self.panel = ListPanel("Voorziening tot de start van het werk (R6)", INTERIM_COLUMNS)
        self.panel.button("Nieuwe voorziening", self.add, name="add_interim")
        self.panel.button("Beëindigen", self.end, when=lambda i: i.end_date is None)
        self.panel.button("Verwijderen…", self.delete, needs_row=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def refresh(self) -> None:
        rows: list[InterimProvision] = self.case.register.interim_provisions_of(self.case.person_id)
        self.panel.set_rows(list(reversed(rows)))
        current = [
            i
            for i in rows
            if i.start_date <= self.case.on and (i.end_date is None or self.case.on <= i.end_date)
        ]
        self.panel.set_hint(
            f"Nu: {value_label('interim_kind', current[-1].kind)} sinds "
            f"{D(current[-1].start_date)}."
            if current
            else "Er loopt op de peildatum geen voorziening."
        )

    def add(self) -> None:
        self.case.run(dialogs.InterimDialog(self.case.session, self.case.person_id, self))

    def end(self) -> None:
        provision = self.panel.current()
        if provision is None:
            return
        day = max(self.case.session.today(), provision.start_date)
        self.case.act(lambda store: cases.end_interim_provision(store, provision.id, day))

    def delete(self) -> None:
        provision = self.panel.current()
        if provision is not None and forms.confirm_delete(
            self, f"de voorziening {value_label('interim_kind', provision.kind).lower()}"
        ):
            self.case.delete_record("interim_provisions", provision.id)
