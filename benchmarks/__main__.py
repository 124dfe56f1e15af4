"""Every benchmark in one run: each ratio beside its goal, then the growth per step.

    python -m benchmarks [--sizes 100,1000,10000] [--repeats 3]

The goals are checked where the goals are set: start-up on 1,000 persons, the quota report on
a Staphorst-sized register (the demo's ten cases), everything else on the largest size. Each
step is also run on every size, to show how it grows from 100 to 1,000 to 10,000 persons.
The registers are demo registers made once and kept in ``$BESCHUT_BENCH_CACHE``
(default ``/tmp/beschut-desktop-benchmarks``).
"""

from __future__ import annotations

import argparse
import time

from benchmarks import bench_documents, bench_export, bench_filter, bench_startup
from benchmarks.common import Result, machine

STEPS = ["start-up", "Excel-uitvoer", "wachtlijst", "signalenlijst", "filteren"]


def _run_step(step: str, persons: int, repeats: int) -> Result:
    if step == "start-up":
        return bench_startup.run(persons, max(repeats, 5))[0]
    if step == "Excel-uitvoer":
        return bench_export.run(persons, repeats)[0]
    if step == "wachtlijst":
        return bench_documents.waiting_list(persons, repeats)
    if step == "signalenlijst":
        return bench_documents.signals_list(persons, repeats)
    return bench_filter.run(persons, max(repeats, 3))[0]


def _line(result: Result) -> str:
    goal = "" if result.goal is None else f"doel ≤ {result.goal:<4}"
    verdict = {True: "gehaald", False: "NIET gehaald", None: ""}[result.met]
    return (
        f"  {result.name:<62} {result.ratio:6.2f} ×  {goal} {verdict:<13}"
        f" ({result.seconds * 1000:,.0f} ms; ondergrens {result.floor_seconds * 1000:,.0f} ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    largest = sizes[-1]
    started = time.perf_counter()
    info = machine()
    print(
        f"Machine: {info['processors']} processors, {info['cpu']}; {info['system']}; "
        f"Python {info['python']}, PySide6 {info['pyside6']}"
    )

    growth: dict[str, dict[int, Result]] = {step: {} for step in STEPS}
    for persons in sizes:
        for step in STEPS:
            growth[step][persons] = _run_step(step, persons, args.repeats)
            print(f"[{persons:,} personen] {_line(growth[step][persons]).strip()}", flush=True)

    startup_size = 1000 if 1000 in sizes else sizes[0]
    goals = [
        growth["start-up"][startup_size],
        growth["Excel-uitvoer"][largest],
        growth["wachtlijst"][largest],
        growth["signalenlijst"][largest],
        growth["filteren"][largest],
        bench_documents.quota_report(max(args.repeats, 5)),
    ]
    peak = bench_documents.signals_peak_mb(largest)

    print("\nDoelen (verhouding tot de ondergrens in dezelfde run):")
    for result in goals:
        print(_line(result))
    verdict = "gehaald" if peak < bench_documents.SIGNALS_PEAK_MB else "NIET gehaald"
    print(
        f"  {'signalenlijst, piekgeheugen (' + format(largest, ',') + ' personen)':<62} "
        f"{peak:6.0f} MB doel < {bench_documents.SIGNALS_PEAK_MB} MB {verdict}"
    )

    print("\nGroei per stap (ms; verhouding tot de ondergrens):")
    print("  " + f"{'stap':<16}" + "".join(f"{f'{n:,} personen':>26}" for n in sizes))
    for step in STEPS:
        cells = "".join(
            f"{f'{r.seconds * 1000:,.0f} ms ({r.ratio:.2f} ×)':>26}"
            for r in (growth[step][n] for n in sizes)
        )
        print(f"  {step:<16}{cells}")
    print(f"\nKlaar in {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
