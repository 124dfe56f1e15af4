"""Scale: a register of N persons (default 10,000) loaded and computed on.

Not part of the test run. Reports each step as a ratio to a floor measured in the same run on
the same machine: reading every row of the file with plain sqlite3 (no model, no rules). A ratio
that grows between versions is the signal to look; the seconds are printed for orientation only.

    python -m benchmarks.bench_register [--cases 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import best_of, raw_read
from beschut_desktop.demo import fill_demo
from beschut_desktop.rules import as_of, budget, quota, signals
from beschut_desktop.store import backup
from beschut_desktop.store.store import Store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        start = time.perf_counter()
        with Store.open(path, backups=False) as store:
            fill_demo(store, cases=args.cases, today=today)
        fill_seconds = time.perf_counter() - start
        floor = best_of(args.repeats, lambda: raw_read(path))
        store = Store.open(path, backups=False)
        register = store.load()
        steps = {
            "open + load register": lambda: Store.open(path, backups=False).load(),
            "quota status": lambda: quota.quota_status(register, today),
            "queue (R5)": lambda: quota.queue(register, today),
            "coaching budget (R7)": lambda: budget.coaching_budget(register, today),
            "signals (all kinds)": lambda: signals.signals_on(register, today),
            "quick check (each open)": lambda: store.conn.execute("PRAGMA quick_check").fetchall(),
            "checked backup (daily)": lambda: backup.backup_to(store.conn, Path(folder) / "b.db"),
            # As of means as of: every answer on a date works on the register cut at it; the
            # cut is kept per date, so this is paid once per date, not per rule.
            "register cut at a past date": lambda: as_of.known_on(
                store.load(), today - dt.timedelta(days=365)
            ),
            "open + load register (again)": lambda: store.load(),
        }
        print(
            f"register of {len(register.persons)} persons, "
            f"{len(register.placements)} placements; filled in {fill_seconds:.1f} s"
        )
        print(f"floor (plain sqlite3 read of every table): {floor * 1000:.1f} ms")
        ratios = []
        for name, work in steps.items():
            try:
                seconds = best_of(args.repeats, work)
            except NotImplementedError:
                print(f"  {name:<28} not implemented")
                continue
            ratios.append(seconds / floor)
            print(f"  {name:<28} {seconds / floor:8.1f} × floor   ({seconds * 1000:.0f} ms)")
        store.close()
        print(f"median ratio {statistics.median(ratios):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
