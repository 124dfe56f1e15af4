"""Fill a Word template with a letter's fields (docxtpl) and return the .docx as bytes.

Values are escaped for Word's XML (a name like "Bakker & Zn" stays whole), and the logo from
the settings becomes an image in the letter when the file is a readable picture.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import Any

from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.image.image import Image as DocxImage
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError

from beschut_desktop.errors import UserError

LOGO_HEIGHT = Mm(18)


def render_docx(template: bytes, context: dict[str, Any], logo_path: str = "") -> bytes:
    """The filled letter. ``context`` holds the fields; ``logo`` is added here."""
    document = DocxTemplate(io.BytesIO(template))
    values = dict(context)
    values["logo"] = _logo(document, logo_path)
    try:
        document.render(values, autoescape=True)
    except TemplateError as exc:
        raise UserError(
            f"Het sjabloon kon niet worden ingevuld: {exc.message}. "
            "Controleer het sjabloon bij Instellingen → Sjablonen."
        ) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _logo(document: DocxTemplate, logo_path: str) -> Any:
    path = Path(logo_path) if logo_path else None
    if path is None or not path.is_file():
        return ""
    try:
        # Read once here: a damaged picture is the user's file, not our bug.
        DocxImage.from_file(str(path))
    except (
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        UnrecognizedImageError,
        UnicodeDecodeError,
        ValueError,
        IndexError,
        struct.error,
    ):
        raise UserError(
            f"Het logo {path} is geen afbeelding die Word kent; kies bij Instellingen "
            "een PNG- of JPG-bestand."
        ) from None
    return InlineImage(document, str(path), height=LOGO_HEIGHT)
