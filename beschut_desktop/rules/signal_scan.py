"""One run of the signals engine: the register, the date and the windows, and how a signal
names its subject and says its lead time. Shared by the engine's producers."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.dates import add_months
from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.rules.results import Signal


class Scan:
    """One run of the engine: the register, the date and the windows."""

    def __init__(
        self, register: Register, on: dt.date, horizon_days: int, until: dt.date | None
    ) -> None:
        self.register = register
        self.on = on
        self.horizon_days = horizon_days
        self.until = until

    def shows(self, due: dt.date, lead_days: int | None = None) -> bool:
        """Overdue always; ahead when within the kind's lead time (or ``until``)."""
        if due < self.on:
            return True
        if self.until is not None:
            return due <= self.until
        lead = self.horizon_days if lead_days is None else lead_days
        return due <= self.on + dt.timedelta(days=lead)

    def lead_note(self) -> str:
        """The lead time the program uses where domain.md gives none, said in the text."""
        weeks, days = divmod(self.horizon_days, 7)
        span = f"{weeks} weken" if not days else f"{self.horizon_days} dagen"
        return f" (Signaal {span} vooraf: het beleid noemt hiervoor geen termijn.)"

    def recurring(self, key: str, due: dt.date, months: int) -> list[dt.date]:
        """The handled due dates of a recurring duty and, last, the one still open: every
        handled due date moves the duty one interval on, so one click never ends it."""
        handled = self.register.handled_keys
        dates = [due]
        while (key, dates[-1]) in handled and months > 0 and len(dates) < 200:
            dates.append(add_months(dates[-1], months))
        return dates

    def who(self, placement: Placement) -> str:
        person = self.register.person(placement.person_id)
        employer = self.register.employer(placement.employer_id)
        case = person.case_number if person else f"plaatsing {placement.id}"
        return f"{case} bij {employer.name if employer else 'onbekende werkgever'}"

    def case_of(self, person_id: int) -> str:
        """How a signal names a person, as ``who`` names a placement: by case number, or by
        id when the person is gone."""
        person = self.register.person(person_id)
        return person.case_number if person else f"persoon {person_id}"

    def signal(
        self,
        kind: str,
        subject: str,
        subject_id: int,
        rule: str,
        due: dt.date,
        title: str,
        detail: str,
        *,
        placement: Placement | None = None,
        person_id: int | None = None,
        employer_id: int | None = None,
        overdue: bool | None = None,
    ) -> Signal:
        if placement is not None:
            person_id = person_id or placement.person_id
            employer_id = employer_id or placement.employer_id
        return Signal(
            key=f"{kind}:{subject}:{subject_id}",
            kind=kind,
            rule=rule,
            due_date=due,
            title=title,
            detail=detail,
            person_id=person_id,
            placement_id=placement.id if placement else None,
            employer_id=employer_id,
            overdue=due < self.on if overdue is None else overdue,
        )
