"""Making a letter, and recording it: the one entry the command line and the window share.

``make_letter`` finds what the letter is about on its date, writes the read entry in the audit
trail (no letter without it), fills the template (the municipality's own, else the default) and
records in the register that the letter was made — an audited row in ``letters`` that the case
file shows. ``confirm_sent`` records the day it
was sent and sets the decision's (or the offer's) sending date, which starts the objection term
(Awb art. 6:8).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from beschut_desktop.errors import UserError
from beschut_desktop.formatting import short_date
from beschut_desktop.letters import content as contents
from beschut_desktop.letters import subjects
from beschut_desktop.letters.common import missing_address, missing_letterhead
from beschut_desktop.letters.fields import KIND_LABELS, KINDS
from beschut_desktop.letters.render import render_docx
from beschut_desktop.letters.templates import current_template
from beschut_desktop.rules.as_of import known_on
from beschut_desktop.rules.model import Person, Register
from beschut_desktop.store.store import Store


@dataclass
class Letter:
    kind: str
    docx: bytes
    file_name: str  # a suggestion: kind, case number and date, never a name or BSN
    letter_id: int
    warnings: list[str] = field(default_factory=list)


def make_letter(
    store: Store,
    kind: str,
    person_id: int,
    on: dt.date,
    *,
    placement_id: int | None = None,
    meeting: contents.Meeting | None = None,
    register: Register | None = None,
) -> Letter:
    """``register`` is the store's register when the caller has it loaded already (the
    window's session): loading 10,000 persons again takes seconds."""
    if kind not in KINDS:
        raise UserError(f"Onbekende soort brief: {kind}. Kies uit: {', '.join(KINDS)}.")
    register = register or store.load()
    person = register.person(person_id)
    if person is None:
        raise UserError(f"Persoon {person_id} bestaat niet (meer).")
    filled = letter_content(register, kind, person, on, placement_id, meeting)
    file_name = suggested_file_name(kind, person.case_number, on)
    # A letter shows personal data: it is made only once its read entry is written.
    store.audit_read("letter", person_id=person.id, subject=file_name.removesuffix(".docx"))
    template = current_template(store, kind)
    docx = render_docx(template.content, filled.context, register.settings.logo_path)
    found = [missing_address(filled.context), missing_letterhead(register.settings)]
    warnings = [*filled.warnings, *(w for w in found if w)]
    letter_id = store.insert(
        "letters",
        {
            "person_id": person.id,
            "placement_id": filled.placement_id,
            "decision_id": filled.decision_id,
            "kind": kind,
            "letter_date": on,
            "made_on": dt.date.today(),
            "template": template.source,
        },
    )
    return Letter(kind, docx, file_name, letter_id, warnings)


def suggested_file_name(kind: str, reference: str, on: dt.date) -> str:
    """'Aanbod werkplek BW-00012 2022-09-06.docx': the case number, never a name or BSN."""
    return f"{KIND_LABELS[kind].split(' (')[0]} {reference} {on.isoformat()}.docx"


def letter_content(
    register: Register,
    kind: str,
    person: Person,
    on: dt.date,
    placement_id: int | None = None,
    meeting: contents.Meeting | None = None,
) -> contents.LetterContent:
    """The fields of the letter, without making or recording it (also for previews).

    As of means as of: the letter is made from the register as it stood on its date."""
    register = known_on(register, on)
    if kind == "indication":
        decision = subjects.decision_on(register, person, on)
        return contents.indication_content(register, person, decision.id, on)
    if placement_id is not None:
        placement = subjects.named_placement(register, person, placement_id, on)
    elif kind == "review-invitation":
        placement = subjects.placement_for_review(register, person, on)
    else:
        placement = subjects.placement_running_or_offered(register, person, on)
    if kind == "offer":
        return contents.offer_content(register, person, placement, on)
    if kind == "subsidy":
        return contents.subsidy_content(register, person, placement, on)
    return contents.review_invitation_content(register, person, placement, on, meeting)


def confirm_sent(store: Store, letter_id: int, sent: dt.date) -> None:
    """The letter went out on ``sent``: recorded on the letter and, for the indication and the
    offer, as the decision's sending date (the start of the objection term). One transaction."""
    letter = store.row("letters", letter_id)
    if letter is None:
        raise UserError(f"Brief {letter_id} bestaat niet (meer).")
    if sent < dt.date.fromisoformat(letter["letter_date"]):
        raise UserError(
            f"De verzenddatum {short_date(sent)} ligt vóór de datum van de brief "
            f"({short_date(dt.date.fromisoformat(letter['letter_date']))})."
        )
    with store.atomic():
        store.update("letters", letter_id, {"sent_date": sent})
        if letter["kind"] == "indication" and letter["decision_id"]:
            store.update("decisions", letter["decision_id"], {"sent_date": sent})
        elif letter["kind"] == "offer" and letter["placement_id"]:
            store.update("placements", letter["placement_id"], {"offer_sent_date": sent})


def letters_of(store: Store, person_id: int) -> list[dict]:
    """The letters made for a person, newest first."""
    return store.rows("letters", "person_id = ?", (person_id,), order_by="id desc")
