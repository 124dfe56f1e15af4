"""The queue on a date in its legal order (R5): who must be offered a place now, who waits,
since when, and what they get meanwhile (R6). No BSN and no names: case number and initials.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from beschut_desktop.documents import page, style
from beschut_desktop.formatting import long_date, number, short_date
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.quota import STATUS_LABELS, TO_PLACE, WAITING, queue, quota_status
from beschut_desktop.rules.results import QueueEntry
from beschut_desktop.wording import value_label

TITLE = "Wachtlijst beschut werk"
HEADER = [
    "Nr.",
    "Zaaknummer",
    "Initialen",
    "Vastgesteld",
    "Advies UWV",
    "Status",
    "Voorziening tot start",
]


def build_waiting_list(register: Register, on: dt.date) -> bytes:
    status = quota_status(register, on)
    entries = queue(register, on)
    story: list[Flowable] = []
    story += style.title_block(TITLE, f"Stand op {long_date(on)}")
    if status.message:
        story.append(
            style.notice(
                f"Let op: {status.message}. Zonder taakstelling staat iedereen op de wachtlijst; "
                "vul de taakstelling in bij Instellingen.",
                "warn",
            )
        )
    story.append(
        style.facts(
            [
                (
                    f"Taakstelling {status.year}",
                    number(status.quota) if status.quota is not None else "onbekend",
                ),
                ("Gerealiseerde plekken", number(status.realised)),
                ("Te plaatsen", number(sum(e.status == TO_PLACE for e in entries))),
                ("Op de wachtlijst", number(sum(e.status == WAITING for e in entries))),
            ],
            label_width=0.3,
        )
    )
    story.append(
        style.text(
            "Volgorde: eerst de vroegste datum van vaststelling (Re-integratieverordening art. 8 "
            "lid 2), dan de datum van het advies van UWV, dan de volgorde van inschrijving. Zolang "
            "de taakstelling niet is gehaald, moet aan de eersten in de rij nu een plek worden "
            "aangeboden.",
            "hint",
        )
    )
    story.append(style.heading("De rij"))
    story.append(
        style.long_table(
            HEADER,
            [_row(e) for e in entries],
            [0.05, 0.14, 0.10, 0.13, 0.13, 0.12, 0.33],
            right=[0],
            empty="Er staat niemand in de rij.",
        )
    )
    return page.render(
        story, title=TITLE, subject=f"Wachtlijst op {long_date(on)}", settings=register.settings
    )


def table_rows(register: Register, on: dt.date) -> list[list[str]]:
    """The rows of the queue's table as printed (also what the benchmark prints bare)."""
    return [_row(e) for e in queue(register, on)]


def _row(entry: QueueEntry) -> list[str]:
    provision = entry.interim_provision
    if provision is None:
        interim = "geen"
    else:
        interim = (
            f"{value_label('interim_kind', provision.kind)} sinds "
            f"{short_date(provision.start_date)}"
        )
        if provision.description:
            interim += f" ({provision.description})"
    return [
        str(entry.position),
        entry.person.case_number,
        entry.person.initials,
        short_date(entry.determination_date),
        short_date(entry.advice_date) or "—",
        STATUS_LABELS.get(entry.status, entry.status),
        interim,
    ]
