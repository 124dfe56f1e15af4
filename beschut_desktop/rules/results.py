"""What the rules answer: small frozen dataclasses the screens, documents and exchange show.

Kept apart from the rule modules so that a screen can import the shape of an answer without
the logic, and every rule returns the same shapes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from beschut_desktop.rules.model import InterimProvision, Person


@dataclass(frozen=True)
class Indication:
    """A standing indication (R1, R3): founded by a positive decision, ended by a negative
    reassessment."""

    person_id: int
    determination_date: dt.date  # date of the positive decision that founded it (R5)
    decision_id: int
    advice_date: dt.date | None
    other_provision_fits: bool
    next_check_due: dt.date  # R3: decision's next_check_date, else last check/decision + interval


@dataclass(frozen=True)
class Eligibility:
    """R1: does the person qualify on this date, and why (not)."""

    qualifies: bool
    reasons: list[str]  # Dutch, one line per finding


@dataclass(frozen=True)
class QuotaStatus:
    """R4 on a date. ``quota`` is None (and ``message`` says so) when the year has no row."""

    on: dt.date
    year: int
    quota: int | None
    realised: int
    realised_by_kind: dict[str, int]  # employer kind -> active placements
    message: str | None = None  # "geen taakstelling ingevoerd voor 2027"

    @property
    def open_places(self) -> int:
        return max(0, (self.quota or 0) - self.realised)


@dataclass(frozen=True)
class QueueEntry:
    """R5, R14: one person in the queue on a date."""

    position: int  # 1-based, in R5 order
    person: Person
    determination_date: dt.date
    advice_date: dt.date | None
    status: str  # "te_plaatsen" | "wachtlijst" | "onbekend" (no quota for the year)
    interim_provision: InterimProvision | None  # R6: current one on the date, if any
    open_offer_id: int | None = None  # R10: a placement offered and not yet answered
    open_offer_date: dt.date | None = None


@dataclass(frozen=True)
class CoachingBudget:
    """R7 on a date: hours per week and the year's amount."""

    on: dt.date
    quota: int | None
    hours_per_place: float | None
    available_hours: float | None
    used_hours: float
    amount_per_place_cents: int | None
    amount_cents: int | None
    used_by_employer_kind: dict[str, float] = field(default_factory=dict)
    message: str | None = None

    @property
    def remaining_hours(self) -> float | None:
        return None if self.available_hours is None else self.available_hours - self.used_hours


@dataclass(frozen=True)
class SubsidyMonth:
    """R8: wage-cost subsidy for one placement in one calendar month."""

    year: int
    month: int
    kind: str  # "flat_rate" | "wage_value" | "none"
    minimum_wage_cents: int  # minimum wage for the contract hours in that month
    wage_value_percentage: float | None
    base_cents: int  # the subsidy before the employer-charges allowance
    employer_charges_cents: int
    total_cents: int
    explanation: str  # Dutch, how it was computed
    makeup: str = ""  # Dutch, one line: how the month's amount is made up (the case file)


@dataclass(frozen=True)
class CheckItem:
    """One line of a check: a rule's condition, met (True), not met (False) or unknown (None)."""

    rule: str  # "R12", "R13", "R15", "R16", "R17"
    label: str  # Dutch: what is required
    met: bool | None
    reason: str = ""  # Dutch: why not, or what is missing
    deadline: dt.date | None = None
    subject: str = ""  # whom it concerns in a longer list: a coach's name, a case number


@dataclass(frozen=True)
class ContractCheck:
    """R12, R13 (and R17 when the conditions did not yet apply) for one placement."""

    items: list[CheckItem]
    conditions_apply: bool  # placement decided on/after the effective date of the conditions (R17)
    needs_tailored_agreement: bool  # earlier placement that misses them (R17)
    tailored_agreement_id: int | None = None  # the R17 agreement that covers a shortfall

    @property
    def ok(self) -> bool:
        return all(item.met is not False for item in self.items)

    @property
    def breach(self) -> bool:
        """The conditions apply, are not met, and no open tailored agreement covers it."""
        return self.conditions_apply and not self.ok and self.tailored_agreement_id is None

    @property
    def problems(self) -> list[CheckItem]:
        return [item for item in self.items if item.met is False]


@dataclass(frozen=True)
class ConditionsCheck:
    """R15, R16, R17 for an employer, or for one placement at it."""

    employer_id: int
    items: list[CheckItem]

    @property
    def open_items(self) -> list[CheckItem]:
        return [item for item in self.items if item.met is not True]


@dataclass(frozen=True)
class Signal:
    """Something needing the consultant: one engine lists them all (``signals.signals_on``)."""

    key: str  # stable identity of the cause, e.g. "review:placement:12"
    kind: str  # see SIGNAL_KINDS in signals.py
    rule: str  # "R18", "R8", "R20", "R3", "R17", "Awb", "R12", ...
    due_date: dt.date
    title: str  # Dutch, short: "Voortgangsgesprek te laat"
    detail: str  # Dutch, one sentence
    person_id: int | None = None
    placement_id: int | None = None
    employer_id: int | None = None
    overdue: bool = False
    handled: bool = False
