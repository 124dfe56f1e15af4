"""``beschut-desktop report KIND``: one document as a PDF file, per ``shared/cli.md``.

The same builders serve the window; ``build_report`` is the one entry both use when they
start from what a user typed (a BSN, an employer's name or KvK number, a placement number).
The file named with ``-o`` is replaced only when the document was built and written whole:
it is written beside the target first and then moved over it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from beschut_desktop.atomic_file import write_atomically
from beschut_desktop.documents.case_file import build_case_file
from beschut_desktop.documents.common import employer_name, period
from beschut_desktop.documents.employer_report import build_employer_report
from beschut_desktop.documents.finance_report import build_finance_report
from beschut_desktop.documents.quota_report import build_quota_report
from beschut_desktop.documents.review_form import build_blank_review_form, build_review_form
from beschut_desktop.documents.signals_list import build_signals_list
from beschut_desktop.documents.waiting_list import build_waiting_list
from beschut_desktop.errors import UserError
from beschut_desktop.formatting import short_date
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.model import Employer, Person, Placement, Register, case_number
from beschut_desktop.rules.validation import normalise_bsn
from beschut_desktop.store.store import Store
from beschut_desktop.wording import value_label

# Which subject option each kind accepts (the argparse group already makes them exclusive).
ACCEPTS = {
    "quota": set(),
    "waiting-list": set(),
    "signals": set(),
    "case": {"bsn", "placement"},
    "review-form": {"bsn", "placement", "blank"},
    "employer": {"employer", "placement"},
    "finance": set(),
}
OPTION_NAMES = {
    "bsn": "--bsn",
    "placement": "--placement",
    "employer": "--employer",
    "blank": "--blank",
}


class UsageError(Exception):
    """The command line asks for something the kind does not take: exit code 2."""


def run_report(args: argparse.Namespace) -> int:
    try:
        subject = _subject(args)
        year = _year(args)
    except UsageError as error:
        print(f"beschut-desktop report: {error}", file=sys.stderr)
        return 2
    on = args.on or dt.date.today()
    output = Path(args.output)
    _check_output(output)
    with Store.open(args.db, create=False, read_only=True) as store:
        pdf = build_report(store, args.kind, on, year=year, **subject)
    write_atomically(output, pdf)
    print(f"{output} geschreven.", file=sys.stderr)
    return 0


def _year(args: argparse.Namespace) -> int | None:
    """``--year`` (finance only; default the year of ``--date``)."""
    year = getattr(args, "year", None)
    if year is not None and args.kind != "finance":
        raise UsageError(f"--year hoort niet bij 'report {args.kind}'.")
    return year


def _subject(args: argparse.Namespace) -> dict[str, object]:
    given = {name: getattr(args, name, None) for name in OPTION_NAMES}
    given = {name: value for name, value in given.items() if value not in (None, False)}
    for name in given:
        if name not in ACCEPTS[args.kind]:
            raise UsageError(f"{OPTION_NAMES[name]} hoort niet bij 'report {args.kind}'.")
    if args.kind in ("case", "review-form") and not given:
        extra = " of --blank" if args.kind == "review-form" else ""
        raise UsageError(f"'report {args.kind}' heeft --bsn of --placement{extra} nodig.")
    if args.kind == "employer" and not given:
        raise UsageError(
            "'report employer' heeft --employer (naam of KvK-nummer) of --placement nodig."
        )
    return {
        "bsn": given.get("bsn"),
        "placement_id": given.get("placement"),
        "employer": given.get("employer"),
        "blank": bool(given.get("blank")),
    }


def build_report(
    store: Store,
    kind: str,
    on: dt.date,
    *,
    bsn: str | None = None,
    placement_id: int | None = None,
    employer: str | None = None,
    blank: bool = False,
    year: int | None = None,
) -> bytes:
    """The PDF of one report kind (the command line's KIND names) on ``on``; every report is
    audited before it is made (with the person, for a person's document)."""
    register = store.load()
    if kind in ("case", "review-form") and not blank:
        if placement_id is not None:
            placement = find_placement(register, placement_id)
        elif kind == "review-form":
            placement = placement_for_review(register, find_person(register, bsn or ""), on)
        else:
            placement = None
        person_id = placement.person_id if placement else find_person(register, bsn or "").id
        store.audit_read(
            "report", person_id=person_id, subject=f"report {kind} {case_number(person_id)}"
        )
        if kind == "case":
            return build_case_file(register, person_id, store.history(person_id=person_id), on)
        return build_review_form(register, placement.id, on)
    builders = {
        "quota": lambda: build_quota_report(register, on),
        "waiting-list": lambda: build_waiting_list(register, on),
        "signals": lambda: build_signals_list(register, on),
        "review-form": lambda: build_blank_review_form(register, on),
        "employer": lambda: _employer_report(register, on, placement_id, employer),
        "finance": lambda: build_finance_report(register, on, year),
    }
    if kind not in builders:
        raise UserError(f"Onbekende soort document: {kind}.")
    store.audit_read("report", subject=f"report {kind}")
    return builders[kind]()


def _employer_report(
    register: Register, on: dt.date, placement_id: int | None, employer: str | None
) -> bytes:
    if placement_id is not None:
        placement = find_placement(register, placement_id)
        return build_employer_report(register, placement.employer_id, on, placement.id)
    return build_employer_report(register, find_employer(register, employer or "").id, on)


def find_person(register: Register, bsn: str) -> Person:
    digits = normalise_bsn(bsn)
    person = register.person_by_bsn(digits) if digits else None
    if person is None:
        raise UserError(f"Er staat geen persoon met BSN {bsn.strip()} in het register.")
    return person


def find_placement(register: Register, placement_id: int) -> Placement:
    placement = register.placement(placement_id)
    if placement is None:
        raise UserError(f"Plaatsing {placement_id} bestaat niet in het register.")
    return placement


def placement_for_review(register: Register, person: Person, on: dt.date) -> Placement:
    """The person's placement running on the date (as the register stood then). With none
    running the command fails, naming the person's placements so one can be chosen with
    ``--placement`` (cli.md)."""
    placements = known_on(register, on).placements_of(person.id)
    active = [p for p in placements if p.is_active_on(on)]
    if active:
        return active[-1]
    if not placements:
        raise UserError(
            f"{person.case_number} heeft nog geen plaatsing op {short_date(on)}; een "
            "voortgangsgesprek hoort bij een lopende plaatsing."
        )
    listed = "; ".join(
        f"plaatsing {p.id} bij {employer_name(register, p.employer_id)} ({period(p)}, "
        f"{value_label('offer_status', p.offer_status).lower()})"
        for p in placements
    )
    raise UserError(
        f"{person.case_number} heeft op {short_date(on)} geen lopende plaatsing. Plaatsingen: "
        f"{listed}. Kies er een met --placement."
    )


def find_employer(register: Register, name_or_kvk: str) -> Employer:
    """By name (case and spaces ignored) or KvK number; says so when a name is ambiguous."""
    wanted = " ".join(name_or_kvk.split()).casefold()
    if not wanted:
        raise UserError("Geef de naam of het KvK-nummer van de werkgever.")
    by_name = [e for e in register.employers if " ".join(e.name.split()).casefold() == wanted]
    if len(by_name) == 1:
        return by_name[0]
    digits = "".join(ch for ch in wanted if ch.isdigit())
    by_kvk = [
        e
        for e in register.employers
        if digits
        and digits == wanted.replace(" ", "")
        and e.kvk_number
        and "".join(ch for ch in e.kvk_number if ch.isdigit()) == digits
    ]
    if len(by_kvk) == 1:
        return by_kvk[0]
    if len(by_name) > 1:
        options = "; ".join(
            f"KvK {e.kvk_number}" if e.kvk_number else f"nummer {e.id} zonder KvK-nummer"
            for e in by_name
        )
        raise UserError(
            f"Er zijn {len(by_name)} werkgevers met de naam '{name_or_kvk.strip()}' ({options}). "
            "Geef het KvK-nummer met --employer; vul een ontbrekend KvK-nummer eerst in bij "
            "de werkgever."
        )
    similar = sorted(e.name for e in register.employers if wanted in e.name.casefold())
    hint = f" Bedoelt u: {', '.join(similar[:5])}?" if similar else ""
    raise UserError(f"Er staat geen werkgever '{name_or_kvk.strip()}' in het register.{hint}")


def _check_output(output: Path) -> None:
    if output.is_dir():
        raise UserError(f"{output} is een map; geef een bestandsnaam, bijvoorbeeld rapport.pdf.")
    if not output.parent.exists():
        raise UserError(f"De map {output.parent} bestaat niet; er is niets geschreven.")
