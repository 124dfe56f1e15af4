"""The signals on a date, grouped by kind: what needs the consultant, by when, and which rule
asks it. Persons by case number and initials only, unless the list stays inside
(``with_names``), which the page then says.

Page one sums up: per kind how many signals are overdue and how many are still open, the kinds
with the most overdue first. The lists follow in that order, each with its overdue signals on
top. A region's register has thousands of signals, so the lists are plain-text long tables
(``style.long_table``): a large list prints in seconds and in little memory.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from beschut_desktop.documents import page, style
from beschut_desktop.documents.common import INTERNAL_NOTICE, person_ref, placement_label
from beschut_desktop.formatting import long_date, number, short_date
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.results import Signal
from beschut_desktop.rules.signals import SIGNAL_KINDS, signals_on

TITLE = "Signalen en termijnen"
HEADER = ["Uiterlijk", "Persoon", "Plaatsing", "Signaal", "Regel"]
WIDTHS = [0.13, 0.17, 0.20, 0.43, 0.07]
NAMED_WIDTHS = [0.13, 0.22, 0.20, 0.38, 0.07]


def build_signals_list(register: Register, on: dt.date, with_names: bool = False) -> bytes:
    groups = _groups(signals_on(register, on))
    story: list[Flowable] = []
    story += style.title_block(TITLE, f"Stand op {long_date(on)}")
    if with_names:
        story.append(style.notice(INTERNAL_NOTICE, "warn"))
    story += _summary(groups)
    for kind, signals in groups:
        overdue = sum(s.overdue for s in signals)
        late = f" — {number(overdue)} te laat" if overdue else ""
        story.append(style.heading(f"{kind_label(kind)} ({number(len(signals))}){late}"))
        story.append(
            style.long_table(
                HEADER,
                [_row(register, s, with_names) for s in signals],
                NAMED_WIDTHS if with_names else WIDTHS,
                warn_first=overdue,
            )
        )
    return page.render(
        story, title=TITLE, subject=f"Signalen op {long_date(on)}", settings=register.settings
    )


def table_rows(register: Register, on: dt.date) -> list[list[str]]:
    """Every row of the lists as printed, in order (also what the benchmark prints bare)."""
    return [
        _row(register, s) for _kind, signals in _groups(signals_on(register, on)) for s in signals
    ]


def kind_label(kind: str) -> str:
    return SIGNAL_KINDS.get(kind, kind)


def _groups(signals: list[Signal]) -> list[tuple[str, list[Signal]]]:
    """(kind, its signals overdue first and then by date), the kinds with most overdue first
    and otherwise in the engine's order."""
    by_kind: dict[str, list[Signal]] = {}
    for signal in signals:
        by_kind.setdefault(signal.kind, []).append(signal)
    order = list(SIGNAL_KINDS)
    groups = [
        (kind, sorted(items, key=lambda s: (not s.overdue, s.due_date)))
        for kind, items in by_kind.items()
    ]
    groups.sort(
        key=lambda g: (
            -sum(s.overdue for s in g[1]),
            order.index(g[0]) if g[0] in order else len(order),
            g[0],
        )
    )
    return groups


def _summary(groups: list[tuple[str, list[Signal]]]) -> list[Flowable]:
    if not groups:
        return [style.text("Er zijn geen signalen op deze datum.", "body")]
    rows: list[list[object]] = []
    for kind, signals in groups:
        overdue = sum(s.overdue for s in signals)
        rows.append(
            [
                kind_label(kind),
                number(overdue),
                number(len(signals) - overdue),
                number(len(signals)),
                short_date(signals[0].due_date),
            ]
        )
    total = sum(len(s) for _, s in groups)
    late = sum(s.overdue for _, signals in groups for s in signals)
    rows.append(["Totaal", number(late), number(total - late), number(total), ""])
    return [
        style.text(
            f"{number(total)} signalen, waarvan {number(late)} te laat."
            if late
            else f"{number(total)} signalen, geen te laat.",
            "body",
        ),
        style.heading("Samenvatting"),
        style.table(
            ["Soort", "Te laat", "Open", "Totaal", "Eerste datum"],
            rows,
            [0.44, 0.13, 0.13, 0.13, 0.17],
            right=[1, 2, 3],
            bold_rows=[len(rows) - 1],
        ),
        style.text(
            "De soorten met de meeste signalen over de datum staan bovenaan; in elke lijst "
            "hieronder staan de signalen die te laat zijn eerst (in rood), dan de rest op datum.",
            "hint",
        ),
    ]


def _row(register: Register, signal: Signal, with_names: bool = False) -> list[str]:
    person = register.person(signal.person_id) if signal.person_id else None
    placement = register.placement(signal.placement_id) if signal.placement_id else None
    where = placement_label(register, placement) if placement else ""
    if not where and signal.employer_id:
        employer = register.employer(signal.employer_id)
        where = employer.name if employer else ""
    due = short_date(signal.due_date)
    if signal.overdue:
        due += "\nte laat"
    what = f"{signal.title}\n{signal.detail}" if signal.detail else signal.title
    return [due, person_ref(person, with_names) if person else "—", where or "—", what, signal.rule]
