"""Is a path somewhere SQLite is not safe: a network share or a cloud-sync folder?

SQLite's locking (and WAL's shared memory above all) does not work over SMB/NFS, and sync
clients copy a file mid-write. Such a location gets a warning and no WAL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CLOUD_FOLDER_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "my drive")
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}


def risky_location(path: Path) -> str | None:
    """A Dutch warning when ``path`` lies on a network share or in a cloud-sync folder."""
    resolved = str(path.resolve())
    lowered = resolved.lower()
    for marker in CLOUD_FOLDER_MARKERS:
        if marker in lowered:
            return (
                "Het register staat in een map die met de cloud wordt gesynchroniseerd "
                f"({resolved}). "
                "Dat is niet veilig voor een SQLite-bestand: zet het register op een lokale schijf."
            )
    if resolved.startswith("\\\\") or _is_network_drive(resolved):
        return (
            f"Het register staat op een netwerkschijf ({resolved}). "
            "Dat is niet veilig voor een SQLite-bestand: zet het register op een lokale schijf."
        )
    return None


def _is_network_drive(resolved: str) -> bool:
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(resolved)[0] + "\\"
        DRIVE_REMOTE = 4
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE  # type: ignore[attr-defined]
    return _mount_type(resolved) in NETWORK_FILESYSTEMS


def _mount_type(resolved: str) -> str | None:
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            entries = [line.split() for line in mounts]
    except OSError:
        return None
    best: tuple[int, str] | None = None
    for entry in entries:
        if len(entry) < 3:
            continue
        mount_point, fs_type = entry[1], entry[2]
        if resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/"):
            if best is None or len(mount_point) > best[0]:
                best = (len(mount_point), fs_type)
    return best[1] if best else None
