"""``--startup-time``: the window opens, reports the milliseconds to its first idle paint, and
stops; what it does not show (documents, Excel, the other sections) is not loaded for it.

No time is asserted here (speed is measured in ``benchmarks/``); these tests hold the
structure that keeps the start fast.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from beschut_desktop.demo import fill_demo
from beschut_desktop.store.store import Store

CHILD = """
import sys
from beschut_desktop.cli import main
code = main(["--db", sys.argv[1], "--startup-time"])
loaded = [m for m in ("reportlab", "openpyxl", "babel", "stdnum", "docxtpl", "docx",
                      "beschut_desktop.ui.sections.persons",
                      "beschut_desktop.ui.sections.settings") if m in sys.modules]
print("loaded:" + ",".join(loaded))
sys.exit(code)
"""


def _start(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    db = tmp_path / "register.db"
    with Store.open(db, backups=False) as store:
        fill_demo(store, cases=20)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BESCHUT_DESKTOP_SECTION="overview")
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_startup_time_prints_milliseconds_and_exits_0(tmp_path: Path) -> None:
    done = _start(tmp_path)
    assert done.returncode == 0, done.stderr
    first, loaded = done.stdout.splitlines()[:2]
    assert first.isdigit() and int(first) > 0
    assert loaded == "loaded:", f"loaded before the first paint: {loaded}"
