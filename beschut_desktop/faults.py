"""Where unexpected faults go: a rotating log file in the user's log folder, never the screen.

The log holds no personal data. A fault's traceback keeps its files, lines and exception types
(what the helpdesk needs) but every exception message is scrubbed of quoted text and runs of
digits, where a value from the register — a first name, a BSN, a birth date — would sit.
Code that logs about a record names its table and id, never its values.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from beschut_desktop.owner_only import make_private_dir, restrict
from beschut_desktop.paths import log_dir

LOG_NAME = "beschut-desktop.log"
log = logging.getLogger("beschut_desktop")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_DIGITS = re.compile(r"\d{4,}|\d+[-/.]\d+[-/.]\d+")
_STRUCTURE = (
    "Traceback (most recent call last):",
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
)


def scrub_message(text: str) -> str:
    """``text`` without quoted values and without numbers that may be a BSN or a date."""
    return _DIGITS.sub("…", _QUOTED.sub("'…'", text))


def safe_traceback(exc_info: ExcInfo) -> str:
    """The traceback for the log and the helpdesk: frames and exception types kept, every
    exception message scrubbed (lines of source code are indented and kept as they are)."""
    lines = []
    for line in "".join(traceback.format_exception(*exc_info)).splitlines():
        if not line or line.startswith(" ") or line.strip() in _STRUCTURE:
            lines.append(line)
        else:
            lines.append(scrub_message(line))
    return "\n".join(lines)


class SafeFormatter(logging.Formatter):
    """A formatter whose tracebacks and messages carry no values from the register."""

    def formatException(self, ei) -> str:  # noqa: N802 (logging's own name)
        return safe_traceback(ei)

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802
        record.message = scrub_message(record.message)
        return super().formatMessage(record)


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
        handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def log_unexpected(log_file: Path) -> None:
    log.exception("unexpected fault")
    for handler in log.handlers:
        handler.flush()
