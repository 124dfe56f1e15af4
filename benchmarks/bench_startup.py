"""Start-up: ``beschut-desktop --startup-time`` against a bare PySide6 window.

Both are started as new processes and report the milliseconds from process start to their
first painted, idle window (the same clock, ``ui.startup_clock``); the best of several starts
counts. The window opens on the overview of a register of N persons (default 1,000), with
window settings of its own (no remembered section or size).

    python -m benchmarks.bench_startup [--persons 1000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import Result, register_path

GOAL = 1.5


def _start(command: list[str], config: Path) -> float:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        BESCHUT_DESKTOP_SECTION="overview",
        XDG_CONFIG_HOME=str(config),
    )
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return int(done.stdout.split()[0]) / 1000


def run(persons: int, repeats: int) -> list[Result]:
    db = register_path(persons)
    ours = [sys.executable, "-m", "beschut_desktop", "--db", str(db), "--startup-time"]
    bare = [sys.executable, "-m", "benchmarks.bare_window"]
    with tempfile.TemporaryDirectory() as config:
        _start(ours, Path(config))  # the day's backup of the register is made once, here
        seconds, floor = float("inf"), float("inf")
        for _ in range(repeats):  # alternate, so that a busy moment hits both alike
            seconds = min(seconds, _start(ours, Path(config)))
            floor = min(floor, _start(bare, Path(config)))
    return [
        Result(
            f"opstarten tot overzicht ({persons:,} personen)",
            seconds,
            floor,
            GOAL,
            note=f"{seconds * 1000:.0f} ms; kaal venster {floor * 1000:.0f} ms",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    for result in run(args.persons, args.repeats):
        print(f"{result.name}: {result.ratio:.2f} × (doel ≤ {result.goal}); {result.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
