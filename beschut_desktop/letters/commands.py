"""``beschut-desktop letter KIND --bsn BSN -o FILE.docx``: one letter as a Word file.

The letter is made from the municipality's template of that kind on ``--date`` (default today)
and recorded in the case file. The file named with ``-o`` is replaced only when the letter was
made whole. Warnings (a missing address, a missing motivation) go to standard error; the
letter is still written, so the consultant can complete it in Word.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from beschut_desktop.atomic_file import write_atomically
from beschut_desktop.documents.commands import find_person
from beschut_desktop.errors import UserError
from beschut_desktop.letters.making import make_letter
from beschut_desktop.store.store import Store


def run_letter(args: argparse.Namespace) -> int:
    on = args.on or dt.date.today()
    output = Path(args.output)
    if output.suffix.lower() != ".docx":
        raise UserError(f"{output}: een brief is een Word-bestand; geef een naam op .docx.")
    with Store.open(args.db, create=False) as store:
        register = store.load()
        person = find_person(register, args.bsn)
        # Recorded only when written: the record and the file succeed or fail together.
        with store.atomic():
            letter = make_letter(
                store, args.kind, person.id, on, placement_id=args.placement, register=register
            )
            write_atomically(output, letter.docx)
    for warning in letter.warnings:
        print(warning, file=sys.stderr)
    print(
        f"{output} geschreven; de brief staat in het dossier van {person.case_number}.",
        file=sys.stderr,
    )
    return 0
