"""The signals on a date, grouped by kind: what needs the consultant, by when, and which rule
asks it. Persons by case number and initials only, unless the list stays inside
(``with_names``), which the page then says.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from beschut_desktop.documents import page, style
from beschut_desktop.documents.common import INTERNAL_NOTICE, person_ref, placement_label
from beschut_desktop.formatting import long_date, short_date
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.results import Signal
from beschut_desktop.rules.signals import SIGNAL_KINDS, signals_on

TITLE = "Signalen en termijnen"


def build_signals_list(register: Register, on: dt.date, with_names: bool = False) -> bytes:
    signals = signals_on(register, on)
    story: list[Flowable] = []
    story += style.title_block(TITLE, f"Stand op {long_date(on)}")
    if with_names:
        story.append(style.notice(INTERNAL_NOTICE, "warn"))
    overdue = sum(s.overdue for s in signals)
    story.append(
        style.text(
            f"{len(signals)} signalen, waarvan {overdue} over de datum."
            if signals
            else "Er zijn geen signalen op deze datum.",
            "body",
        )
    )
    groups: dict[str, list[Signal]] = {}
    for signal in signals:
        groups.setdefault(signal.kind, []).append(signal)
    order = list(SIGNAL_KINDS)
    for kind in sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k)):
        rows = [
            _row(register, s, with_names) for s in sorted(groups[kind], key=lambda s: s.due_date)
        ]
        story.append(style.heading(f"{SIGNAL_KINDS.get(kind, kind)} ({len(rows)})"))
        story.append(
            style.table(
                ["Uiterlijk", "Persoon", "Plaatsing", "Signaal", "Regel"],
                rows,
                [0.13, 0.22, 0.20, 0.38, 0.07] if with_names else [0.13, 0.15, 0.22, 0.43, 0.07],
            )
        )
    return page.render(
        story, title=TITLE, subject=f"Signalen op {long_date(on)}", settings=register.settings
    )


def _row(register: Register, signal: Signal, with_names: bool = False) -> list[object]:
    person = register.person(signal.person_id) if signal.person_id else None
    placement = register.placement(signal.placement_id) if signal.placement_id else None
    where = placement_label(register, placement) if placement else ""
    if not where and signal.employer_id:
        employer = register.employer(signal.employer_id)
        where = employer.name if employer else ""
    due = short_date(signal.due_date)
    if signal.overdue:
        due = style.rich(
            f'<font color="{style.WARN.hexval()}"><b>{style.esc(due)}</b><br/>te laat</font>',
            "cell",
        )
    what = style.rich(f"<b>{style.esc(signal.title)}</b><br/>{style.esc(signal.detail)}", "cell")
    who = person_ref(person, with_names) if person else "—"
    return [due, who, where or "—", what, signal.rule]
