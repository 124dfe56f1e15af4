"""Writing an output file whole or not at all: the one function every written file goes through.

The content goes to a temporary file beside the target (a unique name), is flushed to disk,
and only then replaces the target in one rename; the folder is flushed too, so that after a
power cut the new file is there or the old one is. A failed write leaves the old file untouched
and no temporary file behind.

What the name points at is judged first and never replaced when it is not a regular file: a
character device (``/dev/null``, a printer port) is written through; a directory, a named pipe,
a block device or a socket is refused; a symbolic link is refused rather than followed to
another place. Every failure is said in Dutch, naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from beschut_desktop.errors import UserError

Content = bytes | Callable[[Path], None]


def write_atomically(target: Path | str, content: Content) -> Path:
    """Write ``content`` (bytes, or a function that writes a given path) to ``target``."""
    target = Path(target)
    if _judge_target(target) == "device":
        _write_through_device(target, content)
        return target
    folder = target.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(os_error_text(exc, target)) from None
    temp = Path(temp_name)
    try:
        if isinstance(content, bytes):
            with os.fdopen(handle, "wb") as out:
                out.write(content)
        else:
            os.close(handle)
            content(temp)
        _fsync_file(temp)
        _judge_target(target)  # nothing else may have taken the name's place meanwhile
        os.replace(temp, target)
        fsync_folder(folder)
    except PermissionError:
        raise UserError(
            f"{target} kan niet worden vervangen: het bestand is in gebruik (bijvoorbeeld in "
            "Excel, Outlook of de PDF-lezer) of alleen-lezen. Sluit het en probeer opnieuw."
        ) from None
    except OSError as exc:
        raise UserError(os_error_text(exc, target)) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target


def _judge_target(target: Path) -> str:
    """'new', 'file' or 'device'; anything else is refused with a Dutch message."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        parent = target.parent
        if not parent.is_dir():
            raise UserError(f"De map {parent} bestaat niet; er is niets geschreven.") from None
        return "new"
    except OSError as exc:
        raise UserError(os_error_text(exc, target)) from None
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise UserError(
            f"{target} is een snelkoppeling (symbolische koppeling) naar een andere plaats; "
            "die wordt niet gevolgd. Geef de plaats van het bestand zelf op."
        )
    if stat.S_ISDIR(mode):
        raise UserError(f"{target} is een map; geef een bestandsnaam op.")
    if stat.S_ISCHR(mode):
        return "device"
    if not stat.S_ISREG(mode):
        raise UserError(
            f"{target} is geen gewoon bestand (maar een apparaat of verbinding); "
            "kies een andere bestandsnaam."
        )
    return "file"


def _write_through_device(target: Path, content: Content) -> None:
    """Write into a character device as it is; the device itself is never replaced."""
    try:
        if isinstance(content, bytes):
            data = content
        else:
            with tempfile.TemporaryDirectory(prefix="beschut-desktop-") as folder:
                temp = Path(folder) / target.name
                content(temp)
                data = temp.read_bytes()
        flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        handle = os.open(target, flags)
        try:
            if not stat.S_ISCHR(os.fstat(handle).st_mode):
                raise UserError(f"{target} is veranderd terwijl het werd geschreven.")
            view = memoryview(data)
            while view:
                written = os.write(handle, view)
                view = view[written:]
        finally:
            os.close(handle)
    except OSError as exc:
        raise UserError(os_error_text(exc, target)) from None


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); Windows has no handle on a folder."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # a file system without it
            raise
    finally:
        os.close(handle)


def os_error_text(exc: OSError, path: Path | str) -> str:
    """A Dutch sentence for a system error on ``path``: never the system's English text."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"De schijf is vol: {path} is niet geschreven. Maak ruimte vrij en probeer opnieuw."
    if code == errno.EROFS:
        return f"{path} staat op een schijf die alleen gelezen kan worden; er is niets geschreven."
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"Geen toestemming om {path} te schrijven (de map of het bestand is alleen-lezen); "
            "er is niets geschreven."
        )
    if code == errno.EISDIR:
        return f"{path} is een map; geef een bestandsnaam op."
    if code in (errno.ENOENT, errno.ENOTDIR):
        return f"De map van {path} bestaat niet; er is niets geschreven."
    if code == errno.ENAMETOOLONG:
        return f"De bestandsnaam {path} is te lang; kies een kortere."
    if code == errno.ELOOP:
        return f"{path} is een snelkoppeling die niet wordt gevolgd; geef het bestand zelf op."
    if code == errno.EIO:
        return f"De schijf gaf een leesfout of schrijffout bij {path}; er is niets geschreven."
    return f"{path} kan niet worden geschreven (systeemfout {code}); er is niets geschreven."
