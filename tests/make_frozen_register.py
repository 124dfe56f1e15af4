"""Write the frozen register of the current schema version to ``tests/registers/vN.db``.

Run once whenever a migration step is added (``python tests/make_frozen_register.py``), commit
the file, and never regenerate an older one: those files are what registers in the field look
like, and ``test_migrations.py`` climbs the ladder from each of them.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from beschut_desktop.demo import fill_demo
from beschut_desktop.store import migrations
from beschut_desktop.store.store import Store

FROZEN_TODAY = dt.date(2024, 3, 15)


def main() -> int:
    target = Path(__file__).parent / "registers" / f"v{migrations.CURRENT_VERSION}.db"
    if target.exists():
        print(f"{target} exists; frozen registers are never regenerated", file=sys.stderr)
        return 1
    with Store.open(target, backups=False) as store:
        fill_demo(store, today=FROZEN_TODAY)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA journal_mode = DELETE")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
