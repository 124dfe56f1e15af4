"""The coming year's deadlines as an Outlook calendar file (.ics), one all-day event each.

Every dated signal from the one signals engine becomes an event whose UID derives from the
signal's key and due date, so a calendar program that merges by UID recognises it again; a
moved due date is a new event. SEQUENCE counts up with each export (minutes since 2020), so a
program that honours it takes the newest text. An event names the case number, the initials
and the kind of deadline: never a BSN, a full name or the words "beschut werk" — calendars are
seen on shared screens and phones.

What is overdue on the export date is in the calendar too, on the export date itself (a
deadline in the past would be out of sight), its summary starting with "TE LAAT" and its text
naming the due date it missed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from beschut_desktop.atomic_file import write_atomically
from beschut_desktop.exchange.privacy import scrub
from beschut_desktop.formatting import long_date
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.results import Signal

HORIZON_DAYS = 365
OVERDUE_MARK = "TE LAAT"
CALENDAR_NAME = "Termijnen register"
_SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def event_uid(signal: Signal) -> str:
    digest = hashlib.sha256(f"{signal.key}|{signal.due_date.isoformat()}".encode()).hexdigest()
    return f"{digest[:32]}@beschut-desktop"


def _kind_label(signal: Signal) -> str:
    from beschut_desktop.rules.signals import SIGNAL_KINDS

    found = SIGNAL_KINDS.get(signal.kind)
    return found if isinstance(found, str) and found else signal.title


def build_calendar(
    register: Register, signals: Iterable[Signal], on: dt.date, now: dt.datetime
) -> Calendar:
    """The calendar of the signals due up to a year after ``on``, not marked handled; what is
    overdue on ``on`` is placed on ``on`` and marked as such."""
    calendar = Calendar()
    calendar.add("prodid", "-//beschut-desktop//termijnen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    sequence = max(0, int((now - _SEQUENCE_EPOCH).total_seconds() // 60))
    last = on + dt.timedelta(days=HORIZON_DAYS)
    for signal in sorted(signals, key=lambda s: (s.due_date, s.key)):
        if signal.handled or signal.due_date > last:
            continue
        calendar.add_component(_event(register, signal, on, now, sequence))
    return calendar


def _event(
    register: Register, signal: Signal, on: dt.date, now: dt.datetime, sequence: int
) -> Event:
    person = register.person(signal.person_id) if signal.person_id else None
    kind = scrub(_kind_label(signal), person)
    if person is not None:
        subject = f"{person.case_number} {person.initials}"
    else:
        employer = register.employer(signal.employer_id) if signal.employer_id else None
        subject = employer.name if employer else ""
    detail = scrub(signal.detail, person)
    event = Event()
    event.add("uid", event_uid(signal))
    event.add("sequence", sequence)
    event.add("dtstamp", now)
    day = max(signal.due_date, on)
    late = signal.due_date < on
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    summary = f"{kind}: {subject}" if subject else kind
    event.add("summary", f"{OVERDUE_MARK}: {summary}" if late else summary)
    event.add(
        "description",
        " ".join(
            part
            for part in (
                f"{kind}, {'te laat: uiterlijk was' if late else 'uiterlijk'} "
                f"{long_date(signal.due_date)} ({signal.rule}).",
                detail,
                "De gegevens staan in het register.",
            )
            if part
        ),
    )
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT")
    event.add("x-microsoft-cdo-busystatus", "FREE")
    event.add("x-microsoft-cdo-alldayevent", "TRUE")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", event["summary"])
    alarm.add("trigger", dt.timedelta(hours=-15))  # 9:00 on the day before
    event.add_component(alarm)
    return event


def write_calendar(
    register: Register, target: Path, on: dt.date, now: dt.datetime | None = None
) -> int:
    """Write the calendar file (replaced atomically); return how many events it holds."""
    from beschut_desktop.rules.signals import signals_on

    now = now or dt.datetime.now(dt.UTC)
    last = on + dt.timedelta(days=HORIZON_DAYS)
    signals = signals_on(register, on, horizon_days=HORIZON_DAYS, until=last)
    calendar = build_calendar(register, signals, on, now)
    write_atomically(target, lambda temp: temp.write_bytes(calendar.to_ical()))
    return len(calendar.walk("VEVENT"))
