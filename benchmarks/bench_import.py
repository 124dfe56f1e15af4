"""How long importing a 5,000-person Excel register takes, relative to floors in the same run.

Floors: reading the same workbook's cells with openpyxl (what any import must pay), and
writing the same rows into a fresh register with plain ``executemany`` in one transaction (no
validation, no audit). The import is reported as a ratio of those, so the figure means the
same on a fast and a slow machine. Run: ``/work/venv/bin/python benchmarks/bench_import.py
[persons]``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from beschut_desktop.exchange.importer import apply_plan, import_file, plan_import
from beschut_desktop.exchange.parse import parse
from beschut_desktop.exchange.plan import make_plan
from beschut_desktop.exchange.sheets import read_workbook
from beschut_desktop.store.store import Store

TODAY = dt.date(2024, 9, 6)


def bsns(count: int, rng: random.Random) -> list[str]:
    found: set[str] = set()
    while len(found) < count:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            found.add("".join(map(str, digits)) + str(check))
    return sorted(found)


def generate(persons: int) -> dict[str, list[list[object]]]:
    rng = random.Random(5000)
    employers = [f"Werkgever {i:03d}" for i in range(60)]
    rows_persons, rows_placements = [], []
    for index, bsn in enumerate(bsns(persons, rng)):
        decided = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        advised = decided - dt.timedelta(days=rng.randint(10, 60))
        interim = rng.choice(
            [None, "arbeidsmatige dagbesteding", "vrijwilligerswerk", "werkervaringsplek"]
        )
        rows_persons.append(
            [
                bsn,
                f"Voornaam{index}",
                f"Achternaam{index}",
                dt.datetime(1970 + index % 35, 1 + index % 12, 1 + index % 28),
                advised.strftime("%d-%m-%Y"),
                decided.strftime("%d-%m-%Y"),
                interim,
            ]
        )
        if rng.random() < 0.8:
            start = decided + dt.timedelta(days=rng.randint(30, 200))
            end = (
                start + dt.timedelta(days=rng.choice([182, 365, 730]))
                if rng.random() < 0.7
                else None
            )
            rows_placements.append(
                [
                    bsn,
                    rng.choice(employers),
                    start.strftime("%d-%m-%Y"),
                    end.strftime("%d-%m-%Y") if end else None,
                    f"{rng.choice([12, 16, 19.5, 24, 32])}".replace(".", ","),
                    rng.choice(["ja", "nee"]),
                    "tijdelijk" if end else "vast",
                ]
            )
    return {
        "Taakstelling": [["Jaar", "Taakstelling", "Bedrag per plek", "Uren per week per plek"]]
        + [[year, 6 + (year - 2015), 8100, 31] for year in range(2015, 2026)],
        "Werkgevers": [["Naam", "Soort", "KvK-nummer", "Cao"]]
        + [
            [name, rng.choice(["SW-bedrijf", "Gemeente", "Particulier"]), None, None]
            for name in employers
        ],
        "Personen": [
            [
                "BSN",
                "Voornaam",
                "Achternaam",
                "Geboortedatum",
                "Datum advies UWV",
                "Datum beschikking",
                "Voorziening tot start",
            ]
        ]
        + rows_persons,
        "Plaatsingen": [
            [
                "BSN",
                "Werkgever",
                "Startdatum",
                "Einddatum",
                "Uren per week",
                "Proefplaatsing vooraf",
                "Contract",
            ]
        ]
        + rows_placements,
    }


def write(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def read_cells(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for sheet in workbook for row in sheet.iter_rows(values_only=True) for _ in row)
    workbook.close()
    return count


def executemany_floor(db: Path, sheets: dict[str, list[list[object]]]) -> None:
    """The same rows, parsed by hand and written raw: no validation, no audit, no plan."""

    def iso(text: str | None) -> str | None:
        return dt.datetime.strptime(text, "%d-%m-%Y").date().isoformat() if text else None

    with Store.open(db, today=TODAY) as store:
        conn = store.conn
        with store.atomic():
            conn.executemany(
                "INSERT OR REPLACE INTO quota_years VALUES (?, ?, ?, ?)",
                [(y, q, a * 100, h) for y, q, a, h in sheets["Taakstelling"][1:]],
            )
            conn.executemany(
                "INSERT INTO employers (id, name, kind) VALUES (?, ?, 'private')",
                [(i + 1, r[0]) for i, r in enumerate(sheets["Werkgevers"][1:])],
            )
            employer_ids = {r[0]: i + 1 for i, r in enumerate(sheets["Werkgevers"][1:])}
            persons = sheets["Personen"][1:]
            person_ids = {r[0]: i + 1 for i, r in enumerate(persons)}
            conn.executemany(
                "INSERT INTO persons (id, bsn, first_name, last_name, birth_date, registered_on)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (person_ids[r[0]], r[0], r[1], r[2], r[3].date().isoformat(), TODAY.isoformat())
                    for r in persons
                ],
            )
            conn.executemany(
                "INSERT INTO uwv_advices (id, person_id, requested_by, advice_date, outcome) "
                "VALUES (?, ?, 'municipality', ?, 'positive')",
                [(person_ids[r[0]], person_ids[r[0]], iso(r[4])) for r in persons],
            )
            conn.executemany(
                "INSERT INTO decisions (person_id, advice_id, decision_date, outcome) "
                "VALUES (?, ?, ?, 'positive')",
                [(person_ids[r[0]], person_ids[r[0]], iso(r[5])) for r in persons],
            )
            conn.executemany(
                "INSERT INTO interim_provisions (person_id, kind, start_date) VALUES (?, ?, ?)",
                [(person_ids[r[0]], "other", iso(r[5])) for r in persons if r[6]],
            )
            conn.executemany(
                "INSERT INTO placements (person_id, employer_id, start_date, end_date, "
                "hours_per_week, trial_before, contract_type) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        person_ids[r[0]],
                        employer_ids[r[1]],
                        iso(r[2]),
                        iso(r[3]),
                        float(r[4].replace(",", ".")),
                        r[5] == "ja",
                        "temporary" if r[6] == "tijdelijk" else "permanent",
                    )
                    for r in sheets["Plaatsingen"][1:]
                ],
            )


def best_of(runs: int, action) -> tuple[float, object]:
    """The fastest of a few runs: other work on the machine only ever adds time."""
    results = [timed(action) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def main(persons: int = 5000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    sheets = generate(persons)
    path = folder / "register.xlsx"
    write(path, sheets)
    rows = sum(len(r) - 1 for r in sheets.values())
    t_cells, cells = best_of(3, lambda: read_cells(path))
    runs = iter(range(100))
    t_floor, _ = best_of(3, lambda: executemany_floor(folder / f"floor{next(runs)}.db", sheets))
    t_import, plan = timed(lambda: import_file(path, folder / "import.db", TODAY))
    with Store.open(folder / "steps.db", today=TODAY) as store:
        t_read, (raw, problems) = timed(lambda: read_workbook(path))
        t_parse, parsed = timed(lambda: parse(raw, problems))
        t_load, register = timed(store.load)
        t_plan, steps = timed(lambda: make_plan(register, parsed, TODAY))
        t_apply, _ = timed(lambda: apply_plan(store, steps))
        t_load_full, _ = timed(store.load)
        t_again, again = timed(lambda: plan_import(store, path, TODAY))
        assert again.ok and not again.operations, "a second import must change nothing"
        audit = store.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    records = sum(plan.counts().values())
    print(
        f"{persons} persons, {rows} sheet rows, {cells} cells; {records} records written, "
        f"{audit} audit entries"
    )
    print(f"{'step':<46}{'seconds':>8}{'x floor':>9}{'x cells':>9}")
    for name, seconds in [
        ("floor: read the cells (openpyxl, read-only)", t_cells),
        ("floor: executemany of the same rows", t_floor),
        ("import: whole command into a new register", t_import),
        ("  read the workbook (by header)", t_read),
        ("  parse the cells", t_parse),
        ("  load the (empty) register", t_load),
        ("  plan against the register", t_plan),
        ("  apply: audited writes in one transaction", t_apply),
        ("load the filled register", t_load_full),
        ("second import of the same file (no changes)", t_again),
    ]:
        print(f"{name:<46}{seconds:>8.2f}{seconds / t_floor:>9.1f}{seconds / t_cells:>9.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
