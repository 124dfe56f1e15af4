"""The long documents against reportlab's own floor, measured in the same run.

- The full waiting list and the signals list: against a bare ``LongTable`` of the same rows'
  texts (``common.bare_long_table``).
- The quota report of a Staphorst-sized register (the demo's ten cases): against a one-page
  reportlab table.
- The signals list's peak memory, in a process of its own (the whole process, register
  included).

    python -m benchmarks.bench_documents [--persons 10000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from benchmarks.common import (
    TODAY,
    Result,
    bare_table,
    best_of,
    load_register,
    register_path,
)

WAITING_GOAL = 1.5
SIGNALS_GOAL = 1.5
QUOTA_GOAL = 2.0
SIGNALS_PEAK_MB = 300


def waiting_list(persons: int, repeats: int) -> Result:
    from beschut_desktop.documents import waiting_list as document

    register = load_register(persons)
    rows = document.table_rows(register, TODAY)
    document.build_waiting_list(register, TODAY)  # fonts registered, modules warm
    seconds = best_of(repeats, lambda: document.build_waiting_list(register, TODAY))
    floor = best_of(repeats, lambda: bare_table(document.HEADER, rows, long=True))
    return Result(
        f"wachtlijst, {len(rows):,} rijen ({persons:,} personen)", seconds, floor, WAITING_GOAL
    )


def signals_list(persons: int, repeats: int) -> Result:
    from beschut_desktop.documents import signals_list as document

    register = load_register(persons)
    rows = document.table_rows(register, TODAY)
    document.build_signals_list(register, TODAY)
    seconds = best_of(repeats, lambda: document.build_signals_list(register, TODAY))
    floor = best_of(repeats, lambda: bare_table(document.HEADER, rows, long=True))
    return Result(
        f"signalenlijst, {len(rows):,} signalen ({persons:,} personen)",
        seconds,
        floor,
        SIGNALS_GOAL,
    )


def signals_peak_mb(persons: int) -> float:
    """Peak memory (MB) of a process that loads the register and builds the signals list."""
    register_path(persons)
    # /proc's VmHWM counts this program only; ru_maxrss would also count the copy of the
    # (large) benchmark process the child was forked from before it started Python.
    code = (
        "import resource, sys\n"
        "from benchmarks.common import TODAY, load_register\n"
        "from beschut_desktop.documents.signals_list import build_signals_list\n"
        f"build_signals_list(load_register({persons}), TODAY)\n"
        "try:\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "    print(int(status.split()[0]) / 1024)\n"
        "except OSError:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(peak / 1024 if sys.platform != 'darwin' else peak / 1024 / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return float(out.strip().splitlines()[-1])


def one_page_table() -> bytes:
    """The quota report's floor: one A4 page with a 30-row reportlab table."""
    rows = [[f"Werkgever {i}", str(i), f"{i * 3},5 uur", "€ 1.234,00"] for i in range(30)]
    return bare_table(["Werkgever", "Plekken", "Uren", "Bedrag"], rows, long=False)


def quota_report(repeats: int) -> Result:
    from beschut_desktop.documents.quota_report import build_quota_report

    register = load_register(10)
    build_quota_report(register, TODAY)
    seconds = best_of(repeats, lambda: build_quota_report(register, TODAY))
    floor = best_of(repeats, one_page_table)
    return Result("taakstellingsrapport (Staphorst, 10 personen)", seconds, floor, QUOTA_GOAL)


def run(persons: int, repeats: int) -> list[Result]:
    return [
        waiting_list(persons, repeats),
        signals_list(persons, repeats),
        quota_report(max(repeats, 5)),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for result in run(args.persons, args.repeats):
        print(f"{result.name:<55} {result.ratio:5.2f} × (doel ≤ {result.goal})")
    peak = signals_peak_mb(args.persons)
    print(f"signalenlijst, piekgeheugen: {peak:.0f} MB (doel < {SIGNALS_PEAK_MB} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
