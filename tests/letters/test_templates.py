"""The municipality's own templates: used when stored, refused with the unknown field named,
kept in the register (so a backup carries them), audited; the defaults use only known fields."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate
from letter_data import ON, LetterCase, docx_text

from beschut_desktop.errors import UserError
from beschut_desktop.letters.fields import KINDS, fields_for
from beschut_desktop.letters.making import letters_of, make_letter
from beschut_desktop.letters.templates import (
    OWN,
    STANDARD,
    current_template,
    default_template_path,
    replace_template,
    restore_default,
)
from beschut_desktop.store.store import Store


def _word_file(path: Path, *lines: str) -> Path:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_a_replaced_template_is_used_and_recorded(
    store: Store, case: LetterCase, tmp_path: Path
) -> None:
    own = _word_file(
        tmp_path / "aanbod gemeente.docx",
        "EIGEN SJABLOON {{ gemeente }}",
        "Kenmerk {{ kenmerk }}: {{ werkgever }}, {{ uren_per_week }}",
    )
    replace_template(store, "offer", own)
    assert current_template(store, "offer").source == OWN
    letter = make_letter(store, "offer", case.person_id, ON)
    text = docx_text(letter.docx)
    assert "EIGEN SJABLOON Staphorst" in text
    assert "Kenmerk BW-00001: Bakkerij Schuurman & Zn, 24 uur" in text
    assert letters_of(store, case.person_id)[0]["template"] == "own"
    [entry] = [e for e in store.history() if e["table_name"] == "letter_templates"]
    assert "aanbod gemeente.docx" in entry["changes"]
    # Other kinds keep the default.
    assert current_template(store, "indication").source == STANDARD


def test_a_template_with_an_unknown_field_is_refused_naming_the_field(
    store: Store, case: LetterCase, tmp_path: Path
) -> None:
    own = _word_file(tmp_path / "eigen.docx", "Uw BSN: {{ bsn }}", "{{ werkgever }}")
    with pytest.raises(UserError) as refused:
        replace_template(store, "offer", own)
    assert "eigen.docx gebruikt het onbekende veld 'bsn'" in refused.value.message
    assert "Er is niets vervangen" in refused.value.message
    assert current_template(store, "offer").source == STANDARD


def test_a_field_of_another_kind_is_unknown_too(store: Store, tmp_path: Path) -> None:
    own = _word_file(tmp_path / "sub.docx", "{{ bedrag_per_maand }} {{ loonwaarde }}")
    with pytest.raises(UserError, match="de onbekende velden 'bedrag_per_maand', 'loonwaarde'"):
        replace_template(store, "indication", own)


def test_a_file_that_is_no_word_document_is_refused(store: Store, tmp_path: Path) -> None:
    not_word = tmp_path / "brief.docx"
    not_word.write_text("dit is geen Word-bestand", encoding="utf-8")
    with pytest.raises(UserError, match="brief.docx is geen Word-document"):
        replace_template(store, "offer", not_word)


def test_a_broken_field_is_refused_in_dutch(store: Store, tmp_path: Path) -> None:
    own = _word_file(tmp_path / "fout.docx", "{% if toegekend %} zonder einde")
    with pytest.raises(UserError, match="fout.docx bevat een veld of opdracht die niet klopt"):
        replace_template(store, "indication", own)


def test_restoring_the_default_and_the_template_travels_with_the_register(
    store: Store, case: LetterCase, tmp_path: Path
) -> None:
    own = _word_file(tmp_path / "eigen.docx", "EIGEN {{ kenmerk }}")
    replace_template(store, "indication", own)
    copy = sqlite3.connect(case.path)
    try:
        [(name,)] = copy.execute("SELECT file_name FROM letter_templates").fetchall()
    finally:
        copy.close()
    assert name == "eigen.docx"
    restore_default(store, "indication")
    assert current_template(store, "indication").source == STANDARD
    assert "EIGEN" not in docx_text(make_letter(store, "indication", case.person_id, ON).docx)


@pytest.mark.parametrize("kind", KINDS)
def test_default_templates_use_only_known_fields(kind: str) -> None:
    used = DocxTemplate(default_template_path(kind)).get_undeclared_template_variables()
    assert used <= set(fields_for(kind))
    assert {"kenmerk", "datum", "geadresseerde", "onderwerp"} <= used


def test_the_generator_makes_the_shipped_templates(tmp_path: Path) -> None:
    """The .docx files in resources/letters come from make_templates.py: same fields."""
    script = default_template_path("offer").parent / "make_templates.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    for kind in KINDS:
        made = DocxTemplate(tmp_path / f"{kind}.docx").get_undeclared_template_variables()
        shipped = DocxTemplate(default_template_path(kind)).get_undeclared_template_variables()
        assert made == shipped
        assert docx_text((tmp_path / f"{kind}.docx").read_bytes()) == docx_text(
            default_template_path(kind).read_bytes()
        )


def test_the_readme_lists_every_field_of_every_kind() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        for name in fields_for(kind):
            assert f"`{{{{ {name} }}}}`" in readme, name
