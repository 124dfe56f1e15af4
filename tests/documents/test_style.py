"""One look for every document: header, footer, page count, font, metadata, logo."""

from __future__ import annotations

import io
from pathlib import Path

from document_data import ON, Policy2022, pdf_pages
from PIL import Image
from pypdf import PdfReader

from beschut_desktop.documents import style
from beschut_desktop.documents.case_file import build_case_file
from beschut_desktop.documents.page import municipality_label
from beschut_desktop.documents.quota_report import build_quota_report
from beschut_desktop.rules.model import Register, Settings
from beschut_desktop.store.store import Store


def test_every_page_has_header_footer_and_page_count(store: Store, policy: Policy2022) -> None:
    register = store.load()
    person = policy.persons["lukasz"]
    pdf = build_case_file(register, person, store.history(person_id=person), ON)
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Gemeente Staphorst" in page
        assert "Dossier beschut werk" in page
        assert "Afgedrukt op" in page
        assert "Vertrouwelijk — bevat persoonsgegevens" in page
        assert f"pagina {number} van {len(pages)}" in page


def test_pdf_metadata_title_author_subject_and_dutch_language(
    store: Store, policy: Policy2022
) -> None:
    reader = PdfReader(io.BytesIO(build_quota_report(store.load(), ON)))
    info = reader.metadata
    assert info.title == "Taakstelling en begeleidingsbudget"
    assert info.author == "Marieke Brink"
    assert "6 september 2022" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"


def test_author_is_the_municipality_without_a_consultant_name() -> None:
    reader = PdfReader(io.BytesIO(build_quota_report(Register(), ON)))
    assert reader.metadata.author == "Gemeente Staphorst"


def test_shipped_font_is_embedded_and_prints_diacritics(store: Store, policy: Policy2022) -> None:
    register = store.load()
    person = policy.persons["lukasz"]
    pdf = build_case_file(register, person, [], ON)
    reader = PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor"
            )
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert "/FontFile2" in descriptor, "the TrueType font must be embedded"
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVuSansCondensed" in name for name in fonts)
    assert not any(name.endswith(("Helvetica", "Times-Roman")) for name in fonts)
    text = "\n".join(pdf_pages(pdf))
    assert "Łukasz Kowalczyk" in text
    assert "€ 1.234,56" in text


def test_font_and_licence_ship_in_resources() -> None:
    fonts = Path(style.resource("fonts/DejaVuSansCondensed.ttf")).parent
    assert (fonts / "LICENSE-DejaVu.txt").read_text().startswith("DejaVu fonts")
    for filename in (
        "DejaVuSansCondensed.ttf",
        "DejaVuSansCondensed-Bold.ttf",
        "DejaVuSansCondensed-Oblique.ttf",
    ):
        assert (fonts / filename).stat().st_size > 100_000


def test_logo_from_settings_is_printed_in_the_header(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (29, 78, 137)).save(logo)
    with_logo = build_quota_report(Register(settings=Settings(logo_path=str(logo))), ON)
    without = build_quota_report(Register(), ON)
    images = [len(page.images) for page in PdfReader(io.BytesIO(with_logo)).pages]
    assert images and all(count == 1 for count in images)
    assert all(len(page.images) == 0 for page in PdfReader(io.BytesIO(without)).pages)


def test_missing_or_broken_logo_prints_without_it(tmp_path: Path) -> None:
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"geen plaatje")
    for path in (str(broken), str(tmp_path / "weg.png")):
        pdf = build_quota_report(Register(settings=Settings(logo_path=path)), ON)
        assert "Gemeente Staphorst" in pdf_pages(pdf)[0]


def test_municipality_name_is_not_doubled() -> None:
    assert municipality_label(Settings(municipality_name="Staphorst")) == "Gemeente Staphorst"
    assert municipality_label(Settings(municipality_name="Gemeente Zwolle")) == "Gemeente Zwolle"


def test_long_tables_repeat_their_header_on_every_page(store: Store, policy: Policy2022) -> None:
    register = store.load()
    person = policy.persons["lukasz"]
    history = store.history(person_id=person) * 8
    pages = pdf_pages(build_case_file(register, person, history, ON))
    with_history = [p for p in pages if "toegevoegd" in p]
    assert len(with_history) >= 2
    assert all("Wanneer" in p and "Gebruiker" in p and "Wijziging" in p for p in with_history)
