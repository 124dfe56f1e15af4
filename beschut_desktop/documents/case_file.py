"""The case file of one person: everything the register holds on them, and its history.

It is the one document where the BSN is printed, because it is what a person receives when
they ask to see their data (inzage, art. 15 AVG) and what goes into the file. The history is
the audit trail of the person (``Store.history(person_id=...)``), passed in by the caller so
that this builder stays a pure function of data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from beschut_desktop.documents import page, style
from beschut_desktop.documents.case_history import history_section
from beschut_desktop.documents.case_placements import placements_section
from beschut_desktop.errors import UserError
from beschut_desktop.formatting import long_date, short_date
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.awb import decision_due_in, objection_term_end
from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.rules.model import Person, Register
from beschut_desktop.rules.quota import STATUS_LABELS, queue
from beschut_desktop.wording import value_label

TITLE = "Dossier beschut werk"


def build_case_file(
    register: Register, person_id: int, history: Sequence[dict[str, Any]], on: dt.date
) -> bytes:
    """The whole file of one person on ``on``, with the audit trail ``history`` (newest first).

    Built from the register as it stood on ``on`` (``as_of.known_on``): what was recorded as
    happening later is not in it."""
    register = known_on(register, on)
    person = register.person(person_id)
    if person is None:
        raise UserError(f"Persoon {person_id} bestaat niet in dit register.")
    story: list[Flowable] = []
    story += style.title_block(
        TITLE, f"{person.full_name} — {person.case_number} — stand op {long_date(on)}"
    )
    story.append(
        style.notice(
            "Dit overzicht bevat alle gegevens die de gemeente in het register beschut werk over "
            "deze persoon heeft vastgelegd, met de geschiedenis van elke wijziging. Het dient ook "
            "als inzage op verzoek (artikel 15 AVG)."
        )
    )
    story += _person(person)
    story += _indication(register, person, on)
    story += _advices(register, person)
    story += _decisions(register, person)
    story += _interim(register, person)
    story += placements_section(register, person, on)
    story += _objections(register, person)
    story += _notes(register, person)
    story += history_section(history)
    return page.render(
        story,
        title=f"{TITLE} {person.case_number}",
        subject=f"Dossier van {person.full_name}",
        settings=register.settings,
    )


def _person(person: Person) -> list[Flowable]:
    address = ", ".join(
        x
        for x in (person.address, " ".join(x for x in (person.postal_code, person.city) if x))
        if x
    )
    return [
        style.heading("Persoonsgegevens"),
        style.facts(
            [
                ("Naam", person.full_name),
                ("BSN", person.bsn),
                ("Zaaknummer", person.case_number),
                ("Geboortedatum", short_date(person.birth_date) or "niet vastgelegd"),
                ("Adres", address or "niet vastgelegd"),
                ("Telefoon", person.phone or "—"),
                ("E-mail", person.email or "—"),
                ("Ingeschreven op", short_date(person.registered_on)),
            ],
            columns=2,
            label_width=0.46,
        ),
    ]


def _indication(register: Register, person: Person, on: dt.date) -> list[Flowable]:
    story: list[Flowable] = [style.heading("Indicatie beschut werk")]
    indication = standing_indication(register, person.id, on)
    if indication is None:
        story.append(style.text(f"Op {long_date(on)} staat er geen indicatie beschut werk."))
        return story
    pairs = [
        ("Vastgesteld op", short_date(indication.determination_date)),
        ("Advies UWV van", short_date(indication.advice_date) or "niet vastgelegd"),
        (
            "Volgende controle",
            short_date(indication.next_check_due)
            + (" (te laat)" if indication.next_check_due < on else ""),
        ),
        ("Andere voorziening past", style.yes_no(indication.other_provision_fits)),
    ]
    entry = next((e for e in queue(register, on) if e.person.id == person.id), None)
    if entry is not None:
        pairs.append(
            (
                "Plaats in de rij",
                f"{entry.position} — {STATUS_LABELS.get(entry.status, entry.status)}",
            )
        )
    story.append(style.facts(pairs, columns=2, label_width=0.46))
    checks = register.indication_checks_of(person.id)
    if checks:
        story.append(style.text("Controles van de indicatie", "h2"))
        story.append(
            style.table(
                ["Datum", "Nog passend", "Notities"],
                [
                    [short_date(c.check_date), style.yes_no(c.still_fits), c.notes or ""]
                    for c in checks
                ],
                [0.15, 0.15, 0.70],
            )
        )
    return story


def _advices(register: Register, person: Person) -> list[Flowable]:
    advices = sorted(
        (a for a in register.uwv_advices if a.person_id == person.id),
        key=lambda a: (a.request_date or a.advice_date or dt.date.min, a.id),
    )
    rows = []
    for a in advices:
        grounds = [
            g
            for g, on in (
                ("a — aanpassingen", a.ground_adaptations),
                ("b — begeleiding", a.ground_supervision),
            )
            if on
        ]
        rows.append(
            [
                value_label("requested_by", a.requested_by),
                short_date(a.request_date),
                short_date(a.advice_date),
                "; ".join(grounds) or "—",
                value_label("advice_outcome", a.outcome),
                a.notes or "",
            ]
        )
    return [
        style.heading("Advies UWV"),
        style.table(
            ["Aanvrager", "Aanvraag", "Advies", "Grond", "Uitkomst", "Notities"],
            rows,
            [0.13, 0.11, 0.11, 0.19, 0.12, 0.34],
            empty="Geen advies vastgelegd.",
        ),
    ]


def _decisions(register: Register, person: Person) -> list[Flowable]:
    rows = []
    for d in register.decisions_of(person.id):
        term = objection_term_end(d.effective_sent_date, register.settings)
        rows.append(
            [
                short_date(d.decision_date),
                value_label("decision_kind", d.kind),
                value_label("decision_outcome", d.outcome),
                short_date(d.effective_sent_date),
                short_date(term),
                value_label("eligibility_basis", d.eligibility_basis) or "—",
                d.notes or "",
            ]
        )
    return [
        style.heading("Beschikkingen"),
        style.table(
            [
                "Datum",
                "Soort",
                "Uitkomst",
                "Verzonden",
                "Bezwaar\ntot en met",
                "Grondslag",
                "Notities",
            ],
            rows,
            [0.11, 0.11, 0.11, 0.12, 0.12, 0.22, 0.21],
            empty="Geen beschikking vastgelegd.",
        ),
    ]


def _interim(register: Register, person: Person) -> list[Flowable]:
    rows = [
        [
            value_label("interim_kind", i.kind),
            i.description or "",
            short_date(i.start_date),
            short_date(i.end_date) or "loopt",
        ]
        for i in register.interim_provisions_of(person.id)
    ]
    return [
        style.heading("Voorziening tot de start van het werk"),
        style.table(
            ["Soort", "Omschrijving", "Vanaf", "Tot en met"],
            rows,
            [0.25, 0.45, 0.15, 0.15],
            empty="Geen voorziening vastgelegd.",
        ),
    ]


def _objections(register: Register, person: Person) -> list[Flowable]:
    found = sorted(
        (o for o in register.objections if o.person_id == person.id),
        key=lambda o: (o.lodged_date, o.id),
    )
    rows = []
    for o in found:
        if o.decision_id:
            decision = register.decision(o.decision_id)
            against = f"beschikking van {short_date(decision.decision_date)}" if decision else ""
        elif o.placement_id:
            against = "aanbod van een werkplek"
        else:
            against = ""
        due = "" if o.decided_on else short_date(decision_due_in(register, o))
        rows.append(
            [
                value_label("objection_kind", o.kind),
                against,
                short_date(o.lodged_date),
                style.yes_no(o.advisory_committee),
                due,
                short_date(o.decided_on),
                value_label("objection_outcome", o.outcome),
                o.notes or "",
            ]
        )
    return [
        style.heading("Bezwaar en beroep"),
        style.table(
            [
                "Soort",
                "Tegen",
                "Ingediend",
                "Commissie",
                "Beslissen\nvóór",
                "Beslist op",
                "Uitkomst",
                "Notities",
            ],
            rows,
            [0.09, 0.17, 0.11, 0.11, 0.11, 0.11, 0.13, 0.17],
            empty="Geen bezwaar of beroep.",
        ),
    ]


def _notes(register: Register, person: Person) -> list[Flowable]:
    placement_ids = {p.id for p in register.placements_of(person.id)}
    found = sorted(
        (n for n in register.notes if n.person_id == person.id or n.placement_id in placement_ids),
        key=lambda n: (n.created_on, n.id),
    )
    return [
        style.heading("Notities"),
        style.table(
            ["Datum", "Notitie"],
            [[short_date(n.created_on), n.text] for n in found],
            [0.12, 0.88],
            empty="Geen notities.",
        ),
    ]
