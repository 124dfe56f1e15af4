"""The deadlines calendar: all-day events with stable UIDs that never identify a person."""

from __future__ import annotations

import datetime as dt

from exchange_helpers import TODAY
from icalendar import Calendar

from beschut_desktop.exchange.agenda import build_calendar, event_uid, write_calendar
from beschut_desktop.exchange.importer import import_file
from beschut_desktop.rules.results import Signal
from beschut_desktop.rules.signals import signals_on
from beschut_desktop.store.store import Store

NOW = dt.datetime(2022, 9, 6, 8, 0, tzinfo=dt.UTC)


def imported(tmp_path, good_file):
    db = tmp_path / "register.db"
    import_file(good_file, db, TODAY)
    return db


def read(path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_events_cover_the_coming_year_all_day(tmp_path, good_file) -> None:
    db = imported(tmp_path, good_file)
    with Store.open(db) as store:
        register = store.load()
    count = write_calendar(register, tmp_path / "t.ics", TODAY, now=NOW)
    events = read(tmp_path / "t.ics").walk("VEVENT")
    assert count == len(events) > 0
    signals = signals_on(register, TODAY, horizon_days=365, until=TODAY + dt.timedelta(days=365))
    assert {str(e["uid"]) for e in events} == {event_uid(s) for s in signals}
    for event in events:
        start = event.decoded("dtstart")
        assert type(start) is dt.date and TODAY <= start <= TODAY + dt.timedelta(days=365)
        assert event.decoded("dtend") == start + dt.timedelta(days=1)
        assert str(event["class"]) == "PRIVATE"


def test_event_never_names_bsn_full_name_or_sheltered_work(tmp_path, good_file) -> None:
    db = imported(tmp_path, good_file)
    with Store.open(db) as store:
        register = store.load()
    person = register.persons[0]
    risky = Signal(
        key=f"test:person:{person.id}",
        kind="review",
        rule="R18",
        due_date=TODAY + dt.timedelta(days=30),
        title=f"Gesprek {person.full_name}",
        detail=f"{person.first_name} {person.last_name} ({person.bsn}) in beschut werk "
        f"bij de gemeente.",
        person_id=person.id,
    )
    signals = [*signals_on(register, TODAY, horizon_days=365), risky]
    text = build_calendar(register, signals, TODAY, NOW).to_ical().decode()
    unfolded = text.replace("\r\n ", "")
    for someone in register.persons:
        assert someone.bsn not in unfolded
        assert someone.full_name not in unfolded
    assert "beschut werk" not in unfolded.lower()
    assert f"{person.case_number} {person.initials}" in unfolded


def test_uid_is_stable_and_sequence_counts_up(tmp_path, good_file) -> None:
    db = imported(tmp_path, good_file)
    with Store.open(db) as store:
        register = store.load()
    signals = signals_on(register, TODAY, horizon_days=365)
    first = build_calendar(register, signals, TODAY, NOW).walk("VEVENT")
    later = build_calendar(register, signals, TODAY, NOW + dt.timedelta(days=1)).walk("VEVENT")
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in later]
    assert all(
        b.decoded("sequence") > a.decoded("sequence") for a, b in zip(first, later, strict=True)
    )


def test_handled_signal_is_left_out(tmp_path, good_file) -> None:
    db = imported(tmp_path, good_file)
    with Store.open(db) as store:
        register = store.load()
        signal = next(
            s for s in signals_on(register, TODAY, horizon_days=365) if s.due_date >= TODAY
        )
        store.insert(
            "handled_signals",
            {"signal_key": signal.key, "due_date": signal.due_date, "handled_on": TODAY},
        )
        register = store.load()
    write_calendar(register, tmp_path / "t.ics", TODAY, now=NOW)
    uids = {str(e["uid"]) for e in read(tmp_path / "t.ics").walk("VEVENT")}
    assert event_uid(signal) not in uids


def test_r18_overdue_is_in_the_calendar_on_the_export_date_marked_late(tmp_path, good_file) -> None:
    db = imported(tmp_path, good_file)
    with Store.open(db) as store:
        register = store.load()
    later = TODAY + dt.timedelta(days=400)
    overdue = [s for s in signals_on(register, later, until=later) if s.overdue]
    assert overdue
    write_calendar(register, tmp_path / "t.ics", later, now=NOW)
    events = {str(e["uid"]): e for e in read(tmp_path / "t.ics").walk("VEVENT")}
    for signal in overdue:
        event = events[event_uid(signal)]
        assert event.decoded("dtstart") == later
        assert str(event["summary"]).startswith("TE LAAT: ")
        assert "te laat: uiterlijk was" in str(event["description"])
