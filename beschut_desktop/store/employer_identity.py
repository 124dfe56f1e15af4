"""Which employer is which: the KvK number where one is recorded, else the name.

Names compare without case, accents or spacing ("Café De Hoop" is "cafe dehoop"). Two employers
may share a name only when both have a KvK number and the numbers differ; a second employer
with the same name and no different KvK number is refused — by the store for every write (the
employer dialog and the import alike), and by a trigger in the schema as a last guard.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any, Protocol

# The message the schema's trigger raises; the store turns it into Dutch.
EMPLOYER_NAME_TAKEN = "employer_name_taken"


class EmployerLike(Protocol):
    id: Any
    name: str
    kvk_number: str | None


def employer_key(name: str | None) -> str:
    """The name as employers are matched: no case, no accents, no spacing."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(bare.casefold().split())


def kvk_key(kvk: str | None) -> str:
    return "".join(ch for ch in (kvk or "") if ch.isdigit())


def same_employer(a_name: str, a_kvk: str | None, b_name: str, b_kvk: str | None) -> bool:
    """Would these two be one employer? Same KvK number, or same name and no different KvK."""
    ka, kb = kvk_key(a_kvk), kvk_key(b_kvk)
    if ka and kb:
        return ka == kb
    return employer_key(a_name) == employer_key(b_name)


def name_taken_by(
    employers: Iterable[EmployerLike], name: str, kvk: str | None, own_id: Any = None
) -> EmployerLike | None:
    """The other employer whose name this one may not have, if any."""
    key, number = employer_key(name), kvk_key(kvk)
    for other in employers:
        if other.id == own_id or employer_key(other.name) != key:
            continue
        if number and kvk_key(other.kvk_number) and kvk_key(other.kvk_number) != number:
            continue
        return other
    return None


def employer_name_taken(name: Any) -> str:
    return (
        f"er staat al een werkgever '{name}' in het register (hoofdletters, accenten en "
        "spaties tellen niet mee). Kies die werkgever, of vul bij beide een eigen "
        "KvK-nummer in als het echt twee bedrijven zijn"
    )
