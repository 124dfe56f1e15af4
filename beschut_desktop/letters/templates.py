"""The Word templates: the shipped defaults in ``resources/letters/``, and the municipality's
own, kept in the register (table ``letter_templates``) so that a backup carries them.

A template of the municipality's own is checked before it is stored: it must be a Word file
(.docx) whose fields are all in ``fields.fields_for(kind)``; an unknown field is refused with
a Dutch message naming it. Replacing and restoring a template are audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from beschut_desktop.errors import UserError
from beschut_desktop.letters.fields import KIND_LABELS, KINDS, fields_for
from beschut_desktop.paths import resource
from beschut_desktop.store import audit
from beschut_desktop.store.store import Store

STANDARD, OWN = "standard", "own"


@dataclass(frozen=True)
class Template:
    kind: str
    content: bytes
    source: str  # STANDARD or OWN
    file_name: str
    replaced_on: dt.date | None = None


def default_template_path(kind: str) -> Path:
    return resource(f"letters/{kind}.docx")


def current_template(store: Store, kind: str) -> Template:
    """The municipality's own template of this kind when there is one, else the default."""
    row = store.conn.execute(
        "SELECT file_name, content, replaced_on FROM letter_templates WHERE kind = ?", (kind,)
    ).fetchone()
    if row is not None:
        return Template(kind, bytes(row[1]), OWN, row[0], dt.date.fromisoformat(row[2]))
    path = default_template_path(kind)
    return Template(kind, path.read_bytes(), STANDARD, path.name)


def unknown_fields(content: bytes, kind: str, name: str = "het sjabloon") -> list[str]:
    """The fields the template uses that a letter of this kind does not fill, sorted.

    ``UserError`` when the file is no Word document or a field is written wrongly."""
    try:
        template = DocxTemplate(io.BytesIO(content))
        used = template.get_undeclared_template_variables()
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise UserError(
            f"{name} is geen Word-document (.docx); bewaar het in Word als "
            "'Word-document (*.docx)' en kies het opnieuw."
        ) from None
    except TemplateError as exc:
        raise UserError(
            f"{name} bevat een veld of opdracht die niet klopt: {exc.message}. "
            "Schrijf velden als {{ kenmerk }} en voorwaarden als {% if toegekend %} … "
            "{% endif %}."
        ) from None
    return sorted(set(used) - set(fields_for(kind)))


def check_template(content: bytes, kind: str, name: str = "het sjabloon") -> None:
    unknown = unknown_fields(content, kind, name)
    if not unknown:
        return
    listed = ", ".join(f"'{field}'" for field in unknown)
    noun = "het onbekende veld" if len(unknown) == 1 else "de onbekende velden"
    raise UserError(
        f"{name} gebruikt {noun} {listed}. Een sjabloon voor '{KIND_LABELS[kind]}' mag alleen "
        "de velden uit de lijst bij Instellingen → Sjablonen gebruiken. Er is niets vervangen."
    )


def replace_template(store: Store, kind: str, path: Path, today: dt.date | None = None) -> None:
    """Store the municipality's own template for this kind (checked first; audited)."""
    if kind not in KINDS:
        raise ValueError(f"unknown letter kind: {kind}")
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path} kan niet worden gelezen: {exc.strerror}.") from None
    check_template(content, kind, path.name)
    day = (today or dt.date.today()).isoformat()
    with store.atomic():
        existed = store.conn.execute(
            "SELECT 1 FROM letter_templates WHERE kind = ?", (kind,)
        ).fetchone()
        store.conn.execute(
            "INSERT OR REPLACE INTO letter_templates (kind, file_name, content, replaced_on) "
            "VALUES (?, ?, ?, ?)",
            (kind, path.name, content, day),
        )
        audit.write(
            store.conn,
            "update" if existed else "insert",
            "letter_templates",
            kind,
            {
                "kind": KIND_LABELS[kind],
                "file_name": path.name,
                "sha256": hashlib.sha256(content).hexdigest()[:16],
            },
        )


def restore_default(store: Store, kind: str) -> None:
    """Drop the municipality's own template of this kind: the default is used again."""
    with store.atomic():
        found = store.conn.execute(
            "SELECT file_name FROM letter_templates WHERE kind = ?", (kind,)
        ).fetchone()
        if found is not None:
            store.conn.execute("DELETE FROM letter_templates WHERE kind = ?", (kind,))
            audit.write(
                store.conn,
                "delete",
                "letter_templates",
                kind,
                {"kind": KIND_LABELS[kind], "file_name": found[0]},
            )
