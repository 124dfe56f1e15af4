"""The command-line handlers of import, export, template and calendar (dispatched by ``cli._handler``).

Each takes the parsed arguments and returns the exit code; a ``UserError`` raised here is
printed by ``cli.main`` in Dutch with exit code 1. Messages go to standard error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from beschut_desktop.exchange.operations import ImportPlan
from beschut_desktop.store.store import Store


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _open_existing(args: argparse.Namespace) -> Store:
    return Store.open(args.db, create=False, read_only=True)


def run_import(args: argparse.Namespace) -> int:
    from beschut_desktop.exchange.importer import import_file

    plan = import_file(args.file, args.db)
    _say(f"{args.file.name} is ingelezen in {args.db}.")
    _say(import_summary(plan))
    return 0


def import_summary(plan: ImportPlan) -> str:
    return (
        plan.summary()
        if plan.operations
        else ("Er veranderde niets: het register bevatte alles uit dit bestand al.")
    )


def run_export(args: argparse.Namespace) -> int:
    from beschut_desktop.exchange.export import write_register

    with _open_existing(args) as store:
        register = store.load()
        kind = "export_without_bsn" if args.without_bsn else "export"
        store.audit_read(kind, subject="register (xlsx)")
    write_register(register, args.file, without_bsn=args.without_bsn)
    what = "zonder BSN's " if args.without_bsn else ""
    _say(
        f"Het register is {what}geschreven naar {args.file}: {len(register.persons)} personen, "
        f"{len(register.employers)} werkgevers, {len(register.placements)} plaatsingen."
    )
    return 0


def run_template(args: argparse.Namespace) -> int:
    from beschut_desktop.exchange.export import write_template

    write_template(args.file)
    _say(f"Het importsjabloon is geschreven naar {args.file}.")
    return 0


def run_calendar(args: argparse.Namespace) -> int:
    from beschut_desktop.exchange.agenda import write_calendar

    on = args.on or dt.date.today()
    with _open_existing(args) as store:
        register = store.load()
        store.audit_read("calendar", subject="termijnen (ics)")
    count = write_calendar(register, args.output, on)
    _say(
        f"{count} termijnen (wat te laat is en de komende twaalf maanden) zijn geschreven naar {args.output}. "
        "Open het bestand in Outlook als aparte agenda; zie de handleiding."
    )
    return 0
