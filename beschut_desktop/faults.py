"""Where unexpected faults go: a rotating log file in the user's log folder, never the screen."""

from __future__ import annotations

import logging
import logging.handlers
import tempfile
from pathlib import Path

from beschut_desktop.owner_only import make_private_dir, restrict
from beschut_desktop.paths import log_dir

LOG_NAME = "beschut-desktop.log"
log = logging.getLogger("beschut_desktop")


def setup_logging() -> Path:
    """Log to the user's log folder (a temp folder when that cannot be made); return the file."""
    try:
        folder = make_private_dir(log_dir())
    except OSError:
        folder = Path(tempfile.gettempdir())
    path = folder / LOG_NAME
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in log.handlers):
        try:
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            return path
        restrict([path, *(Path(f"{path}.{n}") for n in range(1, 4))])
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def log_unexpected(log_file: Path) -> None:
    log.exception("unexpected fault")
    for handler in log.handlers:
        handler.flush()
