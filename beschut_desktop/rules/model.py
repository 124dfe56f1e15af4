"""The register as plain data: one frozen dataclass per table row, and ``Register`` holding all.

The rules are pure functions of a ``Register`` and a date. The store loads a ``Register`` from
the SQLite file (``store.loader``); tests may build one by hand. Money is integer cents, dates
are ``datetime.date``, hours are floats. No Qt, no SQL here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

Date = dt.date


@dataclass(frozen=True)
class Person:
    id: int
    bsn: str
    first_name: str
    last_name: str
    registered_on: Date
    birth_date: Date | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postal_code: str | None = None
    city: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        parts = [p for p in (self.first_name + " " + self.last_name).split() if p[:1].isupper()]
        return "".join(p[0] + "." for p in parts) or "?"

    @property
    def case_number(self) -> str:
        return case_number(self.id)


def case_number(person_id: int) -> str:
    """The case number shown instead of a BSN where the person must not be identifiable."""
    return f"BW-{person_id:05d}"


@dataclass(frozen=True)
class UwvAdvice:
    id: int
    person_id: int
    requested_by: str  # person | employer | municipality (R1)
    request_date: Date | None = None
    advice_date: Date | None = None
    ground_adaptations: bool = False  # R2 (a)
    ground_supervision: bool = False  # R2 (b)
    outcome: str = "pending"  # pending | positive | negative
    notes: str | None = None


@dataclass(frozen=True)
class Decision:
    id: int
    person_id: int
    decision_date: Date  # the determination date (R5)
    outcome: str  # positive | negative
    kind: str = "indication"  # indication | reassessment
    advice_id: int | None = None
    sent_date: Date | None = None  # Awb: the objection term starts the day after
    eligibility_basis: str | None = None  # R1: target group, or the UWV benefit
    other_provision_fits: bool = False  # R5: off the queue when another provision fits
    next_check_date: Date | None = None  # R3
    wage_value_interval_months: int | None = None  # R8: "or more often if the decision says so"
    notes: str | None = None

    @property
    def effective_sent_date(self) -> Date:
        return self.sent_date or self.decision_date


@dataclass(frozen=True)
class IndicationCheck:
    id: int
    person_id: int
    check_date: Date
    still_fits: bool = True
    notes: str | None = None


@dataclass(frozen=True)
class InterimProvision:
    id: int
    person_id: int
    kind: str  # day_activities | volunteering | other (R6)
    start_date: Date
    description: str | None = None
    end_date: Date | None = None


@dataclass(frozen=True)
class QuotaYear:
    year: int
    quota: int
    amount_per_place_cents: int
    hours_per_place: float = 31.0


@dataclass(frozen=True)
class MinimumWagePeriod:
    id: int
    start_date: Date
    amount_cents: int
    unit: str  # month | hour


@dataclass(frozen=True)
class Employer:
    id: int
    name: str
    kind: str  # sw_company | municipality | private (R9)
    category: str = "b"  # a: mainly this target group; b: as an exception (R9)
    kvk_number: str | None = None
    cao: str = "aan_de_slag"  # aan_de_slag | sector | none (R13)
    cao_name: str | None = None
    sector_cao_more_favourable: bool = False
    transitional_arrangement: str | None = None
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None
    postal_code: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Coach:
    id: int
    employer_id: int
    name: str
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class CoachCriterion:
    id: int
    coach_id: int
    item: int  # 1..9, R15
    met: bool = False
    evidence: str | None = None
    checked_on: Date | None = None


@dataclass(frozen=True)
class Placement:
    id: int
    person_id: int
    employer_id: int
    coach_id: int | None = None
    previous_placement_id: int | None = None
    offer_date: Date | None = None
    offer_sent_date: Date | None = None
    offer_motivation: str | None = None
    offer_status: str = "accepted"  # offered | accepted | refused (R10)
    support_physical: bool = False  # R11
    support_task_split: bool = False
    support_supervision: bool = False
    support_pace: bool = False
    support_hours: bool = False
    support_notes: str | None = None
    job_title: str | None = None
    job_description: str | None = None  # R16 (1)
    development_plan_date: Date | None = None  # R16 (2)
    start_date: Date | None = None
    end_date: Date | None = None  # None: open-ended
    hours_per_week: float | None = None
    trial_before: bool = False  # R12
    contract_type: str = "temporary"  # temporary | permanent
    outcome: str | None = None  # renewed | permanent | ended | dismissed | ended_import (R14, R20)
    end_reason: str | None = None
    outcome_date: Date | None = None  # when the outcome was recorded; it counts from then
    offer_answered_on: Date | None = None  # R10: when the offer was accepted or refused
    notes: str | None = None

    def is_active_on(self, day: Date) -> bool:
        """Counts as a realised place: an accepted contract, started and not ended. An offer
        still unanswered (or refused) is no place, even past its intended start date."""
        if self.offer_status != "accepted" or self.start_date is None:
            return False
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class DevelopmentGoal:
    id: int
    placement_id: int
    goal: str
    status: str = "open"


@dataclass(frozen=True)
class TailoredAgreement:
    id: int
    employer_id: int
    agreed_on: Date
    deadline: Date
    placement_id: int | None = None
    reason: str = "transition"  # transition | moved | vso_pro (R17)
    prospect: str | None = None
    employer_confirmed: bool = False
    fulfilled_on: Date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class WageValueAssessment:
    id: int
    placement_id: int
    assessment_date: Date
    wage_value_percentage: float
    assessor: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class SubsidyPeriod:
    id: int
    placement_id: int
    kind: str  # flat_rate | wage_value
    start_date: Date
    end_date: Date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Review:
    id: int
    placement_id: int
    review_date: Date
    participants: str | None = None
    functioning: str | None = None  # R18
    situation: str | None = None
    perspective: str | None = None
    development_plan_progress: str | None = None
    personal_development: str | None = None  # R19
    safety: str | None = None
    coaching_quality: str | None = None
    communication: str | None = None
    privacy: str | None = None
    methodical_working: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Objection:
    id: int
    person_id: int
    lodged_date: Date
    kind: str = "objection"  # objection | appeal
    decision_id: int | None = None
    placement_id: int | None = None
    advisory_committee: bool = False
    deferral_weeks: int = 0
    suspended_days: int = 0
    decided_on: Date | None = None
    outcome: str | None = None  # upheld | rejected | withdrawn
    notes: str | None = None


@dataclass(frozen=True)
class HandledSignal:
    id: int
    signal_key: str
    due_date: Date
    handled_on: Date
    note: str | None = None


@dataclass(frozen=True)
class Note:
    id: int
    created_on: Date
    text: str
    person_id: int | None = None
    employer_id: int | None = None
    placement_id: int | None = None


@dataclass(frozen=True)
class Settings:
    """Policy values that are settings, not constants; defaults from the policy and domain.md."""

    municipality_name: str = "Staphorst"
    consultant_name: str = ""
    logo_path: str = ""
    # Letters: the letterhead under the name and logo, and who signs the decisions.
    municipality_address: str = ""
    municipality_postal_city: str = ""
    municipality_phone: str = ""
    municipality_website: str = ""
    signatory_name: str = ""
    signatory_function: str = "Consulent werk"
    # R12, R13, R15, R16 took effect with the policy rule of 3 January 2023.
    conditions_effective_date: Date = dt.date(2023, 1, 3)
    # R8: flat-rate LKS until the first wage-value assessment (Staphorst policy: 50% for 4 months).
    flat_rate_percentage: float = 50.0
    flat_rate_months: int = 4
    # R8: art. 10d Participatiewet caps LKS at 70% of the minimum wage, incl. holiday allowance.
    max_subsidy_percentage: float = 70.0
    holiday_allowance_percentage: float = 8.0
    # R8: employer-charges allowance, Regeling loonwaardebepaling 2014: 23.5%.
    employer_charges_percentage: float = 23.5
    # R8: whether holiday allowance and the employer-charges allowance are added to flat-rate
    # months. Staphorst's policy ("Loonkostensubsidie": "een forfaitaire loonkostensubsidie van
    # 50 % van het wettelijk minimumloon, gedurende maximaal 4 maanden") names neither, so off;
    # newer national sources add the 23.5% allowance (domain.md R8): a setting, not code.
    flat_rate_with_add_ons: bool = False
    # R8: full-time week for monthly minimum wages (before 2024): Cao Aan de Slag, 36 hours.
    full_time_hours: float = 36.0
    wage_value_interval_months: int = 12
    # R12: contract at least 6 months (12 after a trial placement) and at least 12 hours a week.
    min_contract_months: int = 6
    min_contract_months_after_trial: int = 12
    min_hours_per_week: float = 12.0
    # Signals (domain.md, "When signals appear").
    review_lead_days: int = 28
    contract_end_lead_days: int = 56
    indication_check_months: int = 12
    tailored_agreement_lead_days: int = 28
    # Awb: objection term 6 weeks (6:7); decision on it 6 weeks, 12 with committee (7:10).
    objection_term_weeks: int = 6
    objection_decision_weeks: int = 6
    objection_decision_committee_weeks: int = 12
    # R18: six-monthly reviews in the first two years of the employment, then yearly.
    review_interval_early_months: int = 6
    review_interval_late_months: int = 12
    review_early_period_months: int = 24


@dataclass
class Register:
    """Everything in one register, as the rules see it."""

    persons: list[Person] = field(default_factory=list)
    uwv_advices: list[UwvAdvice] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    indication_checks: list[IndicationCheck] = field(default_factory=list)
    interim_provisions: list[InterimProvision] = field(default_factory=list)
    quota_years: list[QuotaYear] = field(default_factory=list)
    minimum_wage_periods: list[MinimumWagePeriod] = field(default_factory=list)
    employers: list[Employer] = field(default_factory=list)
    coaches: list[Coach] = field(default_factory=list)
    coach_criteria: list[CoachCriterion] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    development_goals: list[DevelopmentGoal] = field(default_factory=list)
    tailored_agreements: list[TailoredAgreement] = field(default_factory=list)
    wage_value_assessments: list[WageValueAssessment] = field(default_factory=list)
    subsidy_periods: list[SubsidyPeriod] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)
    handled_signals: list[HandledSignal] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    # Set on a register cut by ``rules.as_of.known_on``: it holds nothing dated after this day.
    known_on: Date | None = None

    # Lookups are indexed once per loaded register: the rules run over 10,000 persons.
    @cached_property
    def _index(self) -> dict[str, dict[int, object]]:
        return {
            "persons": {p.id: p for p in self.persons},
            "employers": {e.id: e for e in self.employers},
            "placements": {p.id: p for p in self.placements},
            "coaches": {c.id: c for c in self.coaches},
            "decisions": {d.id: d for d in self.decisions},
            "advices": {a.id: a for a in self.uwv_advices},
            "agreements": {t.id: t for t in self.tailored_agreements},
        }

    @cached_property
    def _grouped(self) -> dict[str, dict[int, list]]:
        return {
            "placements": _group(self.placements, "person_id"),
            "decisions": _group(self.decisions, "person_id"),
            "reviews": _group(self.reviews, "placement_id"),
            "assessments": _group(self.wage_value_assessments, "placement_id"),
            "goals": _group(self.development_goals, "placement_id"),
            "interim": _group(self.interim_provisions, "person_id"),
            "checks": _group(self.indication_checks, "person_id"),
            "criteria": _group(self.coach_criteria, "coach_id"),
            "coaches_at": _group(self.coaches, "employer_id"),
            "placements_at": _group(self.placements, "employer_id"),
            "successors": _group(
                [p for p in self.placements if p.previous_placement_id is not None],
                "previous_placement_id",
            ),
            "agreements_of_placement": _group(
                [t for t in self.tailored_agreements if t.placement_id is not None],
                "placement_id",
            ),
            "agreements_at": _group(self.tailored_agreements, "employer_id"),
            "objections": _group(self.objections, "person_id"),
        }

    @cached_property
    def objection_targets(self) -> frozenset[tuple[str, int]]:
        """("decision", id) and ("placement", id) of everything an objection was lodged against."""
        return frozenset(
            [("decision", o.decision_id) for o in self.objections if o.decision_id]
            + [("placement", o.placement_id) for o in self.objections if o.placement_id]
        )

    @cached_property
    def handled_keys(self) -> frozenset[tuple[str, Date]]:
        """(signal key, due date) pairs the consultant marked handled."""
        return frozenset((h.signal_key, h.due_date) for h in self.handled_signals)

    def person(self, person_id: int) -> Person | None:
        return self._index["persons"].get(person_id)  # type: ignore[return-value]

    def employer(self, employer_id: int) -> Employer | None:
        return self._index["employers"].get(employer_id)  # type: ignore[return-value]

    def placement(self, placement_id: int) -> Placement | None:
        return self._index["placements"].get(placement_id)  # type: ignore[return-value]

    def coach(self, coach_id: int) -> Coach | None:
        return self._index["coaches"].get(coach_id)  # type: ignore[return-value]

    def decision(self, decision_id: int) -> Decision | None:
        return self._index["decisions"].get(decision_id)  # type: ignore[return-value]

    def advice(self, advice_id: int | None) -> UwvAdvice | None:
        if advice_id is None:
            return None
        return self._index["advices"].get(advice_id)  # type: ignore[return-value]

    def tailored_agreement(self, agreement_id: int) -> TailoredAgreement | None:
        return self._index["agreements"].get(agreement_id)  # type: ignore[return-value]

    def person_by_bsn(self, bsn: str) -> Person | None:
        return next((p for p in self.persons if p.bsn == bsn), None)

    def placements_of(self, person_id: int) -> list[Placement]:
        """A person's placements, oldest first (by start, else offer date)."""
        return sorted(
            self._grouped["placements"].get(person_id, []),
            key=lambda p: (p.start_date or p.offer_date or dt.date.max, p.id),
        )

    def decisions_of(self, person_id: int) -> list[Decision]:
        return sorted(
            self._grouped["decisions"].get(person_id, []), key=lambda d: (d.decision_date, d.id)
        )

    def reviews_of(self, placement_id: int) -> list[Review]:
        return sorted(
            self._grouped["reviews"].get(placement_id, []), key=lambda r: (r.review_date, r.id)
        )

    def assessments_of(self, placement_id: int) -> list[WageValueAssessment]:
        return sorted(
            self._grouped["assessments"].get(placement_id, []),
            key=lambda a: (a.assessment_date, a.id),
        )

    def goals_of(self, placement_id: int) -> list[DevelopmentGoal]:
        return list(self._grouped["goals"].get(placement_id, []))

    def interim_provisions_of(self, person_id: int) -> list[InterimProvision]:
        return sorted(
            self._grouped["interim"].get(person_id, []), key=lambda i: (i.start_date, i.id)
        )

    def indication_checks_of(self, person_id: int) -> list[IndicationCheck]:
        return sorted(
            self._grouped["checks"].get(person_id, []), key=lambda c: (c.check_date, c.id)
        )

    def criteria_of(self, coach_id: int) -> dict[int, CoachCriterion]:
        """R15: a coach's recorded criteria by item number (1..9); missing items absent."""
        return {c.item: c for c in self._grouped["criteria"].get(coach_id, [])}

    def coaches_at(self, employer_id: int) -> list[Coach]:
        return sorted(self._grouped["coaches_at"].get(employer_id, []), key=lambda c: c.id)

    def placements_at(self, employer_id: int) -> list[Placement]:
        return sorted(
            self._grouped["placements_at"].get(employer_id, []),
            key=lambda p: (p.start_date or p.offer_date or dt.date.max, p.id),
        )

    def successors_of(self, placement_id: int) -> list[Placement]:
        """Contracts that follow this one (renewal or conversion), oldest first."""
        return sorted(
            self._grouped["successors"].get(placement_id, []),
            key=lambda p: (p.start_date or p.offer_date or dt.date.max, p.id),
        )

    def agreements_for_placement(self, placement_id: int) -> list[TailoredAgreement]:
        return sorted(
            self._grouped["agreements_of_placement"].get(placement_id, []),
            key=lambda t: (t.agreed_on, t.id),
        )

    def agreements_at(self, employer_id: int) -> list[TailoredAgreement]:
        """R17: every tailored agreement with the employer, placement-bound or not."""
        return sorted(
            self._grouped["agreements_at"].get(employer_id, []), key=lambda t: (t.agreed_on, t.id)
        )

    def objections_of(self, person_id: int) -> list[Objection]:
        return sorted(
            self._grouped["objections"].get(person_id, []), key=lambda o: (o.lodged_date, o.id)
        )


def _group(rows: list, key: str) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(getattr(row, key), []).append(row)
    return grouped


TABLE_TYPES: dict[str, type] = {
    "persons": Person,
    "uwv_advices": UwvAdvice,
    "decisions": Decision,
    "indication_checks": IndicationCheck,
    "interim_provisions": InterimProvision,
    "quota_years": QuotaYear,
    "minimum_wage_periods": MinimumWagePeriod,
    "employers": Employer,
    "coaches": Coach,
    "coach_criteria": CoachCriterion,
    "placements": Placement,
    "development_goals": DevelopmentGoal,
    "tailored_agreements": TailoredAgreement,
    "wage_value_assessments": WageValueAssessment,
    "subsidy_periods": SubsidyPeriod,
    "reviews": Review,
    "objections": Objection,
    "handled_signals": HandledSignal,
    "notes": Note,
}
