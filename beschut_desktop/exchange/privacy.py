"""Keeping a person unidentifiable in text that leaves the register (calendar, controller file).

Such text names the case number and initials, never the BSN or the full name; a calendar on a
shared screen also never says "beschut werk". Rule texts come from elsewhere and may name the
person, so they are scrubbed here rather than trusted.
"""

from __future__ import annotations

import re

from beschut_desktop.rules.model import Person

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
