"""What every benchmark shares: registers made once, best-of timing, floors, the machine.

Each benchmark reports a ratio to a floor measured in the same run on the same machine, so a
figure means the same on a fast and a slow (or busy) computer; the seconds are printed for
orientation only. Timings are the best of several runs: on a busy machine the minimum is the
run that was least disturbed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# The registers are made once and kept: a 10,000-person demo register takes a while to fill.
CACHE = Path(os.environ.get("BESCHUT_BENCH_CACHE", "/tmp/beschut-desktop-benchmarks"))
# Every run uses the same "today", so that a kept register and a new one agree.
TODAY = dt.date(2026, 1, 5)


@dataclass(frozen=True)
class Result:
    """One measured step: its time, its floor's time, and the ratio the goal is about."""

    name: str
    seconds: float
    floor_seconds: float
    goal: float | None  # the highest ratio allowed; None: only reported
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.ratio <= self.goal


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_read(path: Path) -> None:
    """A floor: every row of every table of the file, read with plain sqlite3."""
    import sqlite3

    conn = sqlite3.connect(path)
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        conn.execute(f"SELECT * FROM {table}").fetchall()
    conn.close()


def register_path(persons: int) -> Path:
    """A demo register of ``persons`` persons, filled on first use and then reused."""
    from beschut_desktop.demo import fill_demo
    from beschut_desktop.store.store import Store

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{persons}-{TODAY.isoformat()}.db"
    if not path.exists():
        partial = path.with_suffix(".filling")
        partial.unlink(missing_ok=True)
        with Store.open(partial, backups=False, today=TODAY) as store:
            fill_demo(store, cases=persons, today=TODAY)
        partial.replace(path)
    return path


def load_register(persons: int):
    from beschut_desktop.store.store import Store

    with Store.open(register_path(persons), backups=False, today=TODAY) as store:
        return store.load()


def bare_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, long: bool) -> bytes:
    """A floor: reportlab's own ``LongTable`` (or ``Table``) of the texts on A4, with the
    header row repeated on each page and nothing else (no wrapping, no page furniture).

    It is set in the documents' embedded font, as every document must be (the built-in
    Helvetica cannot print € or Ł); the font's embedding is part of what any document pays."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import LongTable, SimpleDocTemplate, Table, TableStyle

    from beschut_desktop.documents.style import FONT, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    kind = LongTable if long else Table
    table = kind([list(header), *rows], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))
    doc.build([table])
    return buffer.getvalue()


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    import PySide6

    cpu = "onbekend"
    with_info = Path("/proc/cpuinfo")
    if with_info.exists():
        for line in with_info.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "processors": str(os.cpu_count()),
        "cpu": cpu or platform.processor(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "system": f"{platform.system()} {platform.release()}",
    }
