"""Excel export of a register of N persons (default 10,000) against openpyxl write-only.

Ours: ``exchange.export.write_register`` from the loaded register to the file (the signals
sheet's rules included). The floor: the same cell values, read back from our file beforehand,
written by openpyxl in write-only mode as plain values (no formats, no widths).

    python -m benchmarks.bench_export [--persons 10000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.common import TODAY, Result, best_of, load_register

GOAL = 3.0


def run(persons: int, repeats: int) -> list[Result]:
    from openpyxl import Workbook, load_workbook

    from beschut_desktop.exchange.export import write_register

    register = load_register(persons)
    with tempfile.TemporaryDirectory() as folder:
        ours = Path(folder) / "register.xlsx"
        floor_file = Path(folder) / "floor.xlsx"
        seconds = best_of(repeats, lambda: write_register(register, ours, today=TODAY))
        workbook = load_workbook(ours, read_only=True)
        sheets = {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in workbook.worksheets
        }
        workbook.close()

        def floor() -> None:
            plain = Workbook(write_only=True)
            for title, rows in sheets.items():
                sheet = plain.create_sheet(title)
                for row in rows:
                    sheet.append(row)
            plain.save(floor_file)

        floor_seconds = best_of(repeats, floor)
    cells = sum(len(r) for rows in sheets.values() for r in rows)
    return [
        Result(
            f"Excel-uitvoer ({persons:,} personen, {cells:,} cellen)",
            seconds,
            floor_seconds,
            GOAL,
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for result in run(args.persons, args.repeats):
        print(f"{result.name}: {result.ratio:.2f} × (doel ≤ {result.goal})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
