"""R12, R13, R17: the contract check.

Policy (Arbeidsvoorwaarden):
- R12 "Contractduur en -omvang": at least 6 months and at least 12 hours a week; at least 12
  months when any form of trial period preceded the employment. Duration counts from the start
  to the end date inclusive, in calendar months that clamp to month ends: 1 June – 30 November
  is 6 months, 1 June – 29 November is 5 months and 29 days. A contract without an end date, or
  a permanent one, meets the duration. A renewal is a contract of its own and is checked on its
  own terms (its own start and end).
- R13 "Cao": since 1 July 2021 the Cao Aan de Slag applies to this target group and is
  mandatory for municipalities and SW companies. A private employer applies at least its terms,
  or its own sector cao where that is more favourable to the employee. Employers from the
  earlier regime get a transitional arrangement: recorded on the employer, it covers R13.
- These conditions took effect with the policy rule (``settings.conditions_effective_date``,
  3 January 2023). A placement already decided before then ("in al beschikte situaties": the
  offer decision is dated earlier, even when the contract starts later) that misses them is not
  a breach: it needs a tailored agreement (R17), unless one exists. Only a placement without a
  dated decision falls back on its start. The minimums are settings too.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from beschut_desktop.formatting import number as _number
from beschut_desktop.rules.agreements import any_agreement, covering_agreement, effective_deadline
from beschut_desktop.rules.as_of import placement_on
from beschut_desktop.rules.dates import dutch_date, last_day_of_span, months_and_days
from beschut_desktop.rules.model import Employer, Placement, Register, Settings
from beschut_desktop.rules.results import CheckItem, ContractCheck

ONE_DAY = dt.timedelta(days=1)
number = lru_cache(maxsize=256)(_number)  # the signals engine words thousands of contracts


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def duration_text(start: dt.date, end: dt.date) -> str:
    """'5 maanden en 29 dagen' for a contract from start to end inclusive."""
    months, days = months_and_days(start, end + ONE_DAY)
    parts = []
    if months:
        parts.append(_plural(months, "maand", "maanden"))
    if days or not months:
        parts.append(_plural(days, "dag", "dagen"))
    return " en ".join(parts)


def terms_problems(
    start_date: dt.date | None,
    end_date: dt.date | None,
    contract_type: str | None,
) -> dict[str, str]:
    """What makes the dates of a contract inconsistent, by field (Dutch). The one check the
    live contract check in the dialogs and the check on saving both use."""
    problems: dict[str, str] = {}
    if start_date and end_date and end_date < start_date:
        problems["end_date"] = "de einddatum ligt vóór de startdatum"
    if contract_type == "permanent" and end_date:
        problems["end_date"] = "een vast contract heeft geen einddatum"
    if (contract_type or "temporary") == "temporary" and start_date and not end_date:
        problems["end_date"] = "een tijdelijk contract heeft een einddatum"
    return problems


def duration_item(
    start_date: dt.date | None,
    end_date: dt.date | None,
    trial_before: bool,
    settings: Settings,
    contract_type: str = "temporary",
) -> CheckItem:
    minimum = (
        settings.min_contract_months_after_trial if trial_before else settings.min_contract_months
    )
    label = f"Contractduur minimaal {minimum} maanden"
    if trial_before:
        label += " (na een proefplaatsing)"
    if contract_type == "permanent" and end_date is None:
        return CheckItem("R12", label, True, "Vast contract")
    if start_date is None:
        return CheckItem("R12", label, None, "Startdatum ontbreekt")
    inconsistent = terms_problems(start_date, end_date, contract_type).get("end_date")
    if inconsistent:
        return CheckItem("R12", label, None, inconsistent[:1].upper() + inconsistent[1:])
    length = duration_text(start_date, end_date)
    if end_date >= last_day_of_span(start_date, minimum):
        return CheckItem("R12", label, True, f"Contract duurt {length}")
    after_trial = " na een proefplaatsing" if trial_before else ""
    return CheckItem(
        "R12",
        label,
        False,
        f"Contract duurt {length}; minimaal {minimum} maanden{after_trial} (R12)",
    )


def hours_item(hours_per_week: float | None, settings: Settings) -> CheckItem:
    minimum = settings.min_hours_per_week
    label = f"Minimaal {number(minimum)} uur per week"
    if hours_per_week is None:
        return CheckItem("R12", label, None, "Uren per week ontbreken")
    if hours_per_week < minimum:
        return CheckItem(
            "R12",
            label,
            False,
            f"Contract van {number(hours_per_week)} uur per week; minimaal {number(minimum)} "
            "uur (R12)",
        )
    return CheckItem("R12", label, True, f"{number(hours_per_week)} uur per week")


def cao_item(employer: Employer | None) -> CheckItem:
    """R13 for the employer: Cao Aan de Slag, or for a private employer a sector cao that is
    more favourable; a transitional arrangement covers an employer from the earlier regime."""
    label = "Cao Aan de Slag of gunstiger sector-cao"
    if employer is None:
        return CheckItem("R13", label, None, "Werkgever nog niet gekozen")
    if employer.cao == "aan_de_slag":
        return CheckItem("R13", label, True, "Cao Aan de Slag")
    sector = employer.cao_name or "eigen sector-cao"
    if employer.kind != "private":
        kind = "de gemeente" if employer.kind == "municipality" else "een SW-bedrijf"
        reason = f"Voor {kind} is de Cao Aan de Slag verplicht (R13)"
    elif employer.cao == "sector" and employer.sector_cao_more_favourable:
        return CheckItem("R13", label, True, f"{sector}, gunstiger voor de werknemer")
    elif employer.cao == "sector":
        reason = f"{sector} is niet als gunstiger aangemerkt; minimaal de Cao Aan de Slag (R13)"
    else:
        reason = "Geen cao: minimaal de voorwaarden van de Cao Aan de Slag (R13)"
    if employer.transitional_arrangement:
        return CheckItem(
            "R13", label, True, f"Overgangsregeling: {employer.transitional_arrangement}"
        )
    return CheckItem("R13", label, False, reason)


def decided_on(offer_date: dt.date | None, start_date: dt.date | None) -> dt.date | None:
    """When a placement was decided (R17): the offer decision's date, else its start."""
    return offer_date or start_date


def conditions_apply(
    start_date: dt.date | None, settings: Settings, offer_date: dt.date | None = None
) -> bool:
    """The conditions bind placements decided on or after their effective date (or not yet
    dated, as in an offer being typed)."""
    decided = decided_on(offer_date, start_date)
    return decided is None or decided >= settings.conditions_effective_date


def check_contract_terms(
    *,
    start_date: dt.date | None,
    end_date: dt.date | None,
    hours_per_week: float | None,
    trial_before: bool,
    employer: Employer | None,
    settings: Settings,
    contract_type: str = "temporary",
    offer_date: dt.date | None = None,
) -> ContractCheck:
    """R12/R13 on terms still being typed (the offer dialog checks live with this).

    Items with ``met`` False carry a Dutch reason such as "Contract duurt 5 maanden; minimaal
    6 maanden (R12)". Knowing no agreements, an early contract that misses a condition is
    reported as needing a tailored agreement.
    """
    items = [
        duration_item(start_date, end_date, trial_before, settings, contract_type),
        hours_item(hours_per_week, settings),
        cao_item(employer),
    ]
    applies = conditions_apply(start_date, settings, offer_date)
    missing = any(item.met is False for item in items)
    return ContractCheck(
        items=items, conditions_apply=applies, needs_tailored_agreement=not applies and missing
    )


def check_contract(
    register: Register, placement: Placement, on: dt.date | None = None
) -> ContractCheck:
    """R12/R13 for a stored placement, with R17 when it started before the conditions.

    An earlier contract that misses them needs a tailored agreement unless one was made. A
    later one that misses them is a breach, unless an open agreement covers it on ``on`` (any
    open one when no date is given) — 'moved' and 'vso_pro' cases, or a renewal of a covered
    contract.
    """
    if on is not None:
        register, current = placement_on(register, placement, on)
        placement = current or placement
    settings = register.settings
    check = check_contract_terms(
        start_date=placement.start_date,
        end_date=placement.end_date,
        hours_per_week=placement.hours_per_week,
        trial_before=placement.trial_before,
        employer=register.employer(placement.employer_id),
        settings=settings,
        contract_type=placement.contract_type,
        offer_date=placement.offer_date,
    )
    if check.ok:
        return check
    items = list(check.items)
    if check.conditions_apply:
        agreement = covering_agreement(register, placement, on)
    else:
        agreement = any_agreement(register, placement)
    effective = dutch_date(settings.conditions_effective_date)
    if agreement is not None:
        deadline = effective_deadline(register, agreement)
        items.append(
            CheckItem(
                "R17",
                "Maatwerkafspraak",
                True,
                f"Afgesproken op {dutch_date(agreement.agreed_on)}: uiterlijk {dutch_date(deadline)} "
                "aan de voorwaarden voldoen",
                deadline=deadline,
            )
        )
    elif not check.conditions_apply:
        items.append(
            CheckItem(
                "R17",
                "Maatwerkafspraak",
                False,
                f"Plaatsing beschikt vóór {effective} en voldoet niet aan de voorwaarden: maak "
                "een maatwerkafspraak met de werkgever (R17)",
            )
        )
    return ContractCheck(
        items=items,
        conditions_apply=check.conditions_apply,
        needs_tailored_agreement=not check.conditions_apply and agreement is None,
        tailored_agreement_id=agreement.id if agreement else None,
    )
