"""Keeping a person unidentifiable in text that leaves the register (calendar, controller file),
and keeping an erasure on request erased after a restore (``reapply_erasures``).

Such text names the case number and initials, never the BSN or the full name; a calendar on a
shared screen also never says "beschut werk". Rule texts come from elsewhere and may name the
person, so they are scrubbed here rather than trusted.
"""

from __future__ import annotations

import re
import sqlite3

from beschut_desktop.errors import UserError
from beschut_desktop.rules.model import Person
from beschut_desktop.store import erasure
from beschut_desktop.store.store import Store

_SHELTERED = re.compile(r"\s*\bbeschut(?:te)?\s+(?:werk|werkplek|werkplekken)\b", re.IGNORECASE)
_DIGIT_RUNS = re.compile(r"\d[\d .]{7,12}\d")


def scrub(text: str, person: Person | None = None) -> str:
    """``text`` without the person's BSN or names (their initials instead) and without the
    words "beschut werk"."""
    result = text
    if person is not None:
        result = _DIGIT_RUNS.sub(
            lambda m: "" if re.sub(r"\D", "", m.group()) == person.bsn else m.group(), result
        )
        for name in sorted(
            {person.full_name, person.first_name, person.last_name}, key=len, reverse=True
        ):
            if name and len(name) > 1:
                result = re.sub(
                    rf"\b{re.escape(name)}\b", person.initials, result, flags=re.IGNORECASE
                )
    result = _SHELTERED.sub("", result)
    return " ".join(result.split())


def reapply_erasures(store: Store) -> list[str]:
    """Erase again everyone erased on request who is back in ``store`` — after a restore of a
    backup older than their erasure. Call it after every restore (opening a register does it
    too when the erasure log beside it names someone the register does not know). Reads the
    erasure log of the register and the one beside it (which a restore leaves in place),
    brings both up to date, and returns the case numbers erased again."""
    try:
        return erasure.reapply(store.conn, store.path)
    except sqlite3.Error as exc:
        raise UserError(
            f"De verwijderingen op verzoek konden niet opnieuw worden toegepast op "
            f"{store.path}: {exc}. Open het register opnieuw; dan wordt het opnieuw geprobeerd."
        ) from None
