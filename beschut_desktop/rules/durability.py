"""R20 for the controller: do placements last? (the open question of the Kenniscentrum study).

An employment is a contract with its renewals at the same employer (``reviews.employment_chain``):
it counts once, in the year its first contract started, under its employer's kind (R9: SW
company, municipality, private category a or b). It "still runs after 12 months" when one of its
contracts runs on the day 12 months after its start (started 1 March 2022: on 1 March 2023).
An employment younger than 12 (or 24) months on the peildatum is left out of that figure: its
answer is not known yet. A conversion is an employment that began temporary and became
permanent (a permanent contract, or the outcome "omgezet naar vast"). An employment has ended
when none of its contracts runs on the peildatum or later; its reason is the last contract's
recorded reason, else its outcome, else "Geen reden vastgelegd".

As of means as of: computed on ``known_on(register, on)``; outcomes and reasons recorded after
``on`` are not seen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.dates import add_months
from beschut_desktop.rules.finance import EMPLOYER_GROUPS, employer_group
from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.rules.reviews import employment_chain
from beschut_desktop.wording import value_label

NO_REASON = "Geen reden vastgelegd"


@dataclass(frozen=True)
class Employment:
    contracts: list[Placement]  # oldest first
    group: str
    start: dt.date
    running_on: dt.date  # the peildatum it was judged on
    renewal_planned: bool = False  # an accepted renewal starts after the peildatum

    def runs_on(self, day: dt.date) -> bool:
        return any(c.is_active_on(day) for c in self.contracts)

    def runs_after(self, months: int) -> bool | None:
        """Still running ``months`` after its start; None when that day is after the
        peildatum (too young to tell)."""
        day = add_months(self.start, months)
        if day > self.running_on:
            return None
        return self.runs_on(day)

    @property
    def converted(self) -> bool:
        first = self.contracts[0]
        return first.contract_type != "permanent" and any(
            c.contract_type == "permanent" or c.outcome == "permanent" for c in self.contracts
        )

    @property
    def ended(self) -> bool:
        return not self.renewal_planned and not self.runs_on(self.running_on)

    @property
    def end_reason(self) -> str | None:
        if not self.ended:
            return None
        last = self.contracts[-1]
        if last.end_reason and last.end_reason.strip():
            return last.end_reason.strip()
        if last.outcome:
            return value_label("placement_outcome", last.outcome)
        return NO_REASON


@dataclass(frozen=True)
class DurabilityRow:
    start_year: int
    group: str
    started: int
    known_12: int  # old enough to tell
    running_12: int
    known_24: int
    running_24: int
    converted: int
    ended: int


def _started(placement: Placement, on: dt.date) -> bool:
    return (
        placement.offer_status == "accepted"
        and placement.start_date is not None
        and placement.start_date <= on
    )


def employments(register: Register, on: dt.date) -> list[Employment]:
    """Every employment started on or before ``on``, each once, oldest first."""
    register = known_on(register, on)
    seen: set[int] = set()
    found = []
    for placement in sorted(register.placements, key=lambda p: (p.start_date or on, p.id)):
        if placement.id in seen or not _started(placement, on):
            continue
        chain = employment_chain(register, placement)
        seen.update(c.id for c in chain)
        contracts = [c for c in chain if _started(c, on)]
        contracts.sort(key=lambda c: (c.start_date, c.id))
        found.append(
            Employment(
                contracts=contracts,
                group=employer_group(register.employer(placement.employer_id)),
                start=contracts[0].start_date,  # type: ignore[arg-type]
                running_on=on,
                renewal_planned=any(
                    c.offer_status == "accepted" and c.start_date and c.start_date > on
                    for c in chain
                ),
            )
        )
    return found


def durability(register: Register, on: dt.date) -> list[DurabilityRow]:
    """Per start year and employer kind (every kind present per year), oldest year first."""
    all_employments = employments(register, on)
    years = sorted({e.start.year for e in all_employments})
    rows = []
    for year in years:
        for group in EMPLOYER_GROUPS:
            mine = [e for e in all_employments if e.start.year == year and e.group == group]
            after_12 = [e.runs_after(12) for e in mine]
            after_24 = [e.runs_after(24) for e in mine]
            rows.append(
                DurabilityRow(
                    start_year=year,
                    group=group,
                    started=len(mine),
                    known_12=sum(a is not None for a in after_12),
                    running_12=sum(a is True for a in after_12),
                    known_24=sum(a is not None for a in after_24),
                    running_24=sum(a is True for a in after_24),
                    converted=sum(e.converted for e in mine),
                    ended=sum(e.ended for e in mine),
                )
            )
    return rows


def end_reasons(register: Register, on: dt.date) -> list[tuple[str, int]]:
    """How often each reason ended an employment, most frequent first."""
    counts: dict[str, int] = {}
    for employment in employments(register, on):
        reason = employment.end_reason
        if reason is not None:
            counts[reason] = counts.get(reason, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
