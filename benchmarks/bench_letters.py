"""Letters: how long one letter of each kind takes on a register of N persons (default 10,000).

Not part of the test run. Each step is reported as a ratio to a floor measured in the same run:
reading every row of the file with plain sqlite3. Making a letter loads the register, asks the
rules, fills the Word template and records the letter; "in the window" is the same with the
register the window has loaded already; "fill template only" is docxtpl alone.
The letters are made inside a transaction that is rolled back, so every repeat starts equal.

    python -m benchmarks.bench_letters [--cases 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import best_of, raw_read
from beschut_desktop.demo import fill_demo
from beschut_desktop.letters.making import letter_content, make_letter
from beschut_desktop.letters.render import render_docx
from beschut_desktop.letters.templates import current_template
from beschut_desktop.store.store import Store


class Rollback(Exception):
    """Raised inside the transaction so that the letter's record is not kept."""


def made_and_undone(store: Store, kind: str, person_id: int, on: dt.date, register=None) -> None:
    try:
        with store.atomic():
            make_letter(store, kind, person_id, on, register=register)
            raise Rollback
    except Rollback:
        pass


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        with Store.open(path, backups=False) as store:
            fill_demo(store, cases=args.cases, today=today)
        floor = best_of(args.repeats, lambda: raw_read(path))
        store = Store.open(path, backups=False)
        register = store.load()
        # Person 2 of the demo has a decision, a running placement and a wage-value history.
        person = register.person(2)
        assert person is not None
        filled = letter_content(register, "subsidy", person, today)
        template = current_template(store, "subsidy").content
        steps: dict[str, Callable[[], object]] = {
            "fill template only": lambda: render_docx(template, filled.context),
        }
        for kind in ("indication", "offer", "subsidy", "review-invitation"):
            steps[f"letter {kind}"] = lambda k=kind: made_and_undone(store, k, person.id, today)
            steps[f"letter {kind}, window"] = lambda k=kind: made_and_undone(
                store, k, person.id, today, register
            )
        print(f"register of {len(register.persons)} persons, {len(register.placements)} placements")
        print(f"floor (plain sqlite3 read of every table): {floor * 1000:.1f} ms")
        for name, work in steps.items():
            seconds = best_of(args.repeats, work)
            print(f"  {name:<34} {seconds / floor:8.1f} × floor   ({seconds * 1000:.0f} ms)")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
