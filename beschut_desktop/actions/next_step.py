"""What the consultant should do next in a case: the case file shows it as one button.

Pure: a function of the register and a date, so it is the same in every screen and testable
without widgets. The steps follow the policy's order: advice (R1, R2) → decision → place
(R5, R10) → answer the offer → reviews (R18) → contract end (R20).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from beschut_desktop.rules.indication import standing_indication
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.quota import TO_PLACE, queue

ADVICE, DECISION, OFFER, ANSWER, NONE = "advice", "decision", "offer", "answer", "none"


@dataclass(frozen=True)
class NextStep:
    kind: str  # one of the constants above
    text: str  # Dutch, one sentence
    record_id: int | None = None  # the advice or placement the step is about


def next_step(register: Register, person_id: int, on: dt.date) -> NextStep:
    advices = sorted(
        (a for a in register.uwv_advices if a.person_id == person_id),
        key=lambda a: (a.request_date or dt.date.min, a.id),
    )
    decisions = register.decisions_of(person_id)
    pending = next((a for a in advices if a.outcome == "pending"), None)
    if pending is not None:
        return NextStep(
            ADVICE,
            "Het advies van UWV is aangevraagd: leg het advies vast zodra het binnen is.",
            pending.id,
        )
    decided = {d.advice_id for d in decisions if d.advice_id}
    undecided = next((a for a in reversed(advices) if a.id not in decided), None)
    if undecided is not None:
        return NextStep(
            DECISION, "Het advies van UWV is binnen: neem de beschikking.", undecided.id
        )
    offered = next(
        (p for p in register.placements_of(person_id) if p.offer_status == "offered"), None
    )
    if offered is not None:
        return NextStep(
            ANSWER,
            "Er staat een aanbod open: leg vast of het is aanvaard of geweigerd.",
            offered.id,
        )
    if standing_indication(register, person_id, on) is not None:
        entry = next((e for e in queue(register, on) if e.person.id == person_id), None)
        if entry is not None and entry.status == TO_PLACE:
            return NextStep(
                OFFER,
                f"Plaats nu: nummer {entry.position} in de rij en er is "
                "een plek binnen de taakstelling.",
            )
        if entry is not None:
            return NextStep(NONE, f"Op de wachtlijst: nummer {entry.position} in de rij.")
    return NextStep(NONE, "")
