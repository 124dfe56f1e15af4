"""The queue on a date in its legal order (R5): who must be offered a place now, who waits,
since when, and what they get meanwhile (R6). No BSN and no names: case number and initials,
unless the list stays inside (``with_names``), which the page says in so many words.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from beschut_desktop.documents import page, style
from beschut_desktop.documents.common import INTERNAL_NOTICE, queue_count
from beschut_desktop.formatting import long_date, number, short_date
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.quota import (
    TO_PLACE,
    WAITING,
    queue,
    quota_status,
    status_text,
)
from beschut_desktop.rules.results import QueueEntry
from beschut_desktop.wording import value_label

TITLE = "Wachtlijst beschut werk"


def build_waiting_list(register: Register, on: dt.date, with_names: bool = False) -> bytes:
    status = quota_status(register, on)
    entries = queue(register, on)
    story: list[Flowable] = []
    story += style.title_block(TITLE, f"Stand op {long_date(on)}")
    if with_names:
        story.append(style.notice(INTERNAL_NOTICE, "warn"))
    if status.message:
        story.append(
            style.notice(
                f"Let op: {status.message}. Zonder taakstelling is niet te zeggen wie te "
                "plaatsen is of wacht; vul de taakstelling in bij Instellingen.",
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
                ("Te plaatsen", queue_count(entries, TO_PLACE, status)),
                ("Op de wachtlijst", queue_count(entries, WAITING, status)),
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
        style.table(
            [
                "Nr.",
                "Zaaknummer",
                "Naam" if with_names else "Initialen",
                "Vastgesteld",
                "Advies UWV",
                "Status",
                "Voorziening tot start",
            ],
            [_row(e, with_names) for e in entries],
            [0.05, 0.13, 0.19, 0.12, 0.12, 0.12, 0.27]
            if with_names
            else [0.05, 0.14, 0.10, 0.13, 0.13, 0.12, 0.33],
            right=[0],
            empty="Er staat niemand in de rij.",
        )
    )
    return page.render(
        story, title=TITLE, subject=f"Wachtlijst op {long_date(on)}", settings=register.settings
    )


def _row(entry: QueueEntry, with_names: bool) -> list[object]:
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
        entry.person.full_name if with_names else entry.person.initials,
        short_date(entry.determination_date),
        short_date(entry.advice_date) or "—",
        status_text(entry),
        interim,
    ]
