"""Writing an output file atomically: a temporary file beside it, then one replace.

A failed export never leaves half a file, and never destroys the previous one. A file held
open by Excel or Outlook cannot be replaced on Windows: that gets a Dutch message.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from beschut_desktop.errors import UserError


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)``, then move the result onto ``target``."""
    target = Path(target)
    if target.is_dir():
        raise UserError(f"{target} is een map; geef een bestandsnaam op.")
    if not target.parent.exists():
        raise UserError(f"De map {target.parent} bestaat niet.")
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise UserError(
            f"In de map {target.parent} kan niet worden geschreven: {exc.strerror or exc}."
        ) from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.replace(temp, target)
    except PermissionError:
        raise UserError(
            f"{target} kan niet worden overschreven. Is het bestand nog geopend "
            "(bijvoorbeeld in Excel of Outlook)? Sluit het en probeer opnieuw."
        ) from None
    except OSError as exc:
        raise UserError(f"{target} kan niet worden geschreven: {exc.strerror or exc}.") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target
