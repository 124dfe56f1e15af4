"""Write the default letter templates (``<kind>.docx`` beside this file) with python-docx.

Run ``python resources/letters/make_templates.py`` (or with a folder to write elsewhere) after changing a text here and commit the
.docx files: the program ships those, and a municipality may replace each with its own
(Instellingen → Sjablonen). The fields between {{ }} are those of
``beschut_desktop.letters.fields``; ``{%p … %}`` keeps or drops whole paragraphs (docxtpl).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Arial"
GREY = RGBColor(0x55, 0x5B, 0x66)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


# ---- building blocks ---------------------------------------------------------------------


def _new_document() -> DocumentType:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    bullet = doc.styles["List Bullet"]
    bullet.font.name = FONT
    bullet.paragraph_format.space_after = Pt(2)
    core = doc.core_properties
    core.author = core.last_modified_by = "beschut-desktop"
    core.title = "Briefsjabloon"
    return doc


def para(doc, text: str = "", *, bold: bool = False, size: float | None = None, after=None):
    paragraph = doc.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def tag(doc, text: str) -> None:
    """A paragraph holding only a ``{%p … %}`` tag: docxtpl removes it when filling."""
    para(doc, text, after=0)


def heading(doc, text: str) -> None:
    paragraph = para(doc, after=2)
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(text)
    run.bold = True
    run.font.color.rgb = ACCENT


def bullets(doc, items: str, var: str) -> None:
    """A bulleted list of ``items`` (a list field), one bullet per item."""
    tag(doc, f"{{%p for {var} in {items} %}}")
    doc.add_paragraph(f"{{{{ {var} }}}}", style="List Bullet")
    tag(doc, "{%p endfor %}")


def _cell_text(cell, text: str, *, bold=False, size=None, color=None, align=None, index=0) -> None:
    paragraph = cell.paragraphs[index]
    paragraph.paragraph_format.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color


def _cell_lines(cell, lines: list[str], **style) -> None:
    _cell_text(cell, lines[0], **style)
    for line in lines[1:]:
        cell.add_paragraph()
        _cell_text(cell, line, index=-1, **style)


def _widths(table, *widths_mm: float) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when showing."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def letterhead(doc) -> None:
    """Logo and name left, the municipality's address right; the addressee in the window."""
    top = doc.add_table(rows=1, cols=2)
    _widths(top, 95, 70)
    left, right = top.rows[0].cells
    _cell_text(left, "{{ logo }}")
    name = left.add_paragraph()
    name.paragraph_format.space_after = Pt(0)
    run = name.add_run("Gemeente {{ gemeente }}")
    run.bold = True
    run.font.size = Pt(15)
    run.font.color.rgb = ACCENT
    _cell_lines(
        right,
        [
            "{{ gemeente_adres }}",
            "{{ gemeente_postcode_plaats }}",
            "{{ gemeente_telefoon }}",
            "{{ gemeente_website }}",
        ],
        size=8.5,
        color=GREY,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )
    spacer = para(doc, after=0)
    spacer.paragraph_format.space_before = Pt(18)
    para(doc, "{{ geadresseerde }}", after=0)
    tag(doc, "{%p if geadresseerde_tav %}")
    para(doc, "{{ geadresseerde_tav }}", after=0)
    tag(doc, "{%p endif %}")
    para(doc, "{{ geadresseerde_adres }}", after=0)
    para(doc, "{{ geadresseerde_postcode_plaats }}", after=18)

    rows = [
        ("Ons kenmerk", "{{ kenmerk }}"),
        ("Datum", "{{ datum }}"),
        ("Onderwerp", "{{ onderwerp }}"),
        ("Behandeld door", "{{ behandeld_door }}"),
        ("Telefoon", "{{ gemeente_telefoon }}"),
    ]
    reference = doc.add_table(rows=len(rows), cols=2)
    _widths(reference, 35, 130)
    for row, (label, value) in zip(reference.rows, rows, strict=True):
        _cell_text(row.cells[0], label, size=8.5, color=GREY)
        _cell_text(row.cells[1], value, bold=label == "Onderwerp")
    para(doc, after=10)
    para(doc, "{{ aanhef }}")


def closing(doc, *, on_behalf: bool = True) -> None:
    """The greeting and the signatory, kept together on one page."""
    lines = [para(doc, "Met vriendelijke groet,", after=0)]
    lines[0].paragraph_format.space_before = Pt(10)
    if on_behalf:
        lines.append(
            para(
                doc,
                "namens het college van burgemeester en wethouders van {{ gemeente }},",
                after=0,
            )
        )
    lines.append(para(doc, after=28))
    lines.append(para(doc, "{{ ondertekenaar }}", after=0))
    for line in lines:
        line.paragraph_format.keep_with_next = True
    para(doc, "{{ ondertekenaar_functie }}")


def objection_clause(doc) -> None:
    """Awb 6:7, 6:8: six weeks from the day after sending; the last day only when known."""
    box = doc.add_table(rows=1, cols=1)
    box.alignment = WD_TABLE_ALIGNMENT.LEFT
    _widths(box, 165)
    cell = box.rows[0].cells[0]
    _shade(cell, "EEF2F7")
    # The clause stays whole: on the next page rather than split over two.
    row_properties = box.rows[0]._tr.get_or_add_trPr()
    row_properties.append(OxmlElement("w:cantSplit"))
    _cell_text(cell, "Bent u het niet eens met dit besluit?", bold=True, color=ACCENT)
    texts = [
        "Dan kunt u bezwaar maken. Dat doet u binnen {{ bezwaar_termijn }} na de dag van "
        "verzending van deze brief.{% if bezwaar_uiterlijk %} Deze brief is verzonden op "
        "{{ verzenddatum }}; uw bezwaar moet dus uiterlijk op {{ bezwaar_uiterlijk }} bij ons "
        "binnen zijn.{% endif %}",
        "Stuur uw bezwaarschrift aan het college van burgemeester en wethouders van "
        "{{ gemeente }}{% if gemeente_adres %}, {{ gemeente_adres }}{% endif %}"
        "{% if gemeente_postcode_plaats %}, {{ gemeente_postcode_plaats }}{% endif %}. Zet erin: uw "
        "naam en adres, de datum, ons kenmerk {{ kenmerk }}, waarom u het niet eens bent met "
        "het besluit, en uw handtekening.",
        "Bezwaar maken schort het besluit niet op. Is een snelle beslissing nodig, dan kunt u "
        "de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening.",
    ]
    for text in texts:
        paragraph = cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(3)
        run = paragraph.add_run(text)
        run.font.size = Pt(9)


def footer(doc) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, field in (("Ons kenmerk {{ kenmerk }} · pagina ", "PAGE"), (" van ", "NUMPAGES")):
        run = paragraph.add_run(text)
        run.font.size = Pt(8)
        run.font.color.rgb = GREY
        _field(paragraph, field)


def facts(doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    _widths(table, 40, 125)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        _cell_text(row.cells[0], label, color=GREY)
        _cell_text(row.cells[1], value)
    para(doc, after=2)


# ---- the four letters --------------------------------------------------------------------


def indication(doc) -> None:
    para(
        doc,
        "Op {{ datum_beschikking }} hebben wij besloten over uw "
        "{% if herindicatie %}herindicatie{% else %}aanvraag voor een indicatie{% endif %} "
        "beschut werk. In deze brief leest u ons besluit, waarom wij zo besluiten en wat er "
        "nu gebeurt.",
    )
    heading(doc, "Ons besluit")
    tag(doc, "{%p if toegekend %}")
    para(
        doc,
        "{% if herindicatie %}U houdt uw indicatie beschut werk.{% else %}U krijgt een "
        "indicatie beschut werk.{% endif %} Dat betekent dat u alleen kunt werken in een "
        "beschutte omgeving, met aanpassingen of begeleiding die een gewone werkgever "
        "redelijkerwijs niet kan bieden.{% if grondslag %} U komt hiervoor in aanmerking "
        "omdat {{ grondslag }}.{% endif %}",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "{% if herindicatie %}Uw indicatie beschut werk stopt met ingang van "
        "{{ datum_beschikking }}.{% else %}U krijgt geen indicatie beschut werk.{% endif %}",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "Waarom wij zo besluiten")
    tag(doc, "{%p if advies_uwv %}")
    para(
        doc,
        "Op verzoek van {{ advies_aangevraagd_door }} heeft UWV ons op {{ datum_advies }} "
        "advies gegeven. Het advies van UWV is {{ advies_uwv }}.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if gronden %}")
    para(doc, "UWV stelt vast dat:", after=2)
    bullets(doc, "gronden", "grond")
    tag(doc, "{%p endif %}")
    para(
        doc,
        "Wij volgen het advies van UWV. Ons besluit is gebaseerd op artikel 10b van de "
        "Participatiewet en artikel 8 van de Re-integratieverordening Participatiewet van de "
        "gemeente {{ gemeente }}.",
    )
    heading(doc, "Wat gebeurt er nu?")
    para(doc, "{{ vervolg }}")
    tag(doc, "{%p if voorziening %}")
    para(doc, "U heeft nu: {{ voorziening }}. Dat blijft zo tot u met uw werk begint.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if toegekend %}")
    para(
        doc,
        "Wij kijken regelmatig met u of beschut werk nog bij u past. Het doel is altijd werk "
        "dat zo gewoon mogelijk is.",
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "Heeft u vragen? Neem dan contact op met {{ behandeld_door }}"
        "{% if gemeente_telefoon %} via {{ gemeente_telefoon }}{% endif %}.",
    )
    closing(doc)
    objection_clause(doc)


def offer(doc) -> None:
    para(
        doc,
        "U heeft een indicatie beschut werk. Wij bieden u een werkplek aan bij {{ werkgever }}. "
        "In deze brief leest u wat het werk is en waarom wij denken dat het bij u past.",
    )
    heading(doc, "Het werk dat wij u aanbieden")
    facts(
        doc,
        [
            ("Werkgever", "{{ werkgever }}"),
            ("Functie", "{{ functie }}"),
            ("Uren per week", "{{ uren_per_week }}"),
            ("Eerste werkdag", "{{ startdatum }}"),
            ("Contract", "{{ contract }}"),
            ("Begeleider", "{% if begeleider %}{{ begeleider }}{% else %}volgt{% endif %}"),
        ],
    )
    tag(doc, "{%p if functieomschrijving %}")
    para(doc, "Wat u gaat doen: {{ functieomschrijving }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if voorzieningen %}")
    para(doc, "Op de werkplek is rekening gehouden met wat u nodig heeft:", after=2)
    bullets(doc, "voorzieningen", "voorziening")
    tag(doc, "{%p endif %}")
    heading(doc, "Waarom deze werkplek bij u past")
    para(doc, "{{ motivering }}")
    heading(doc, "Wat vragen wij van u?")
    para(
        doc,
        "Laat ons weten of u dit aanbod aanneemt. Neemt u het aan, dan "
        "sluit u een arbeidsovereenkomst met {{ werkgever }}. U mag het aanbod ook weigeren; "
        "u blijft dan op de wachtlijst.",
    )
    para(
        doc,
        "Dit aanbod is een besluit op grond van artikel 10b van de Participatiewet en artikel 8 "
        "van de Re-integratieverordening Participatiewet. Vindt u dat de werkplek niet bij u "
        "past, dan kunt u bezwaar maken. Krijgt u gelijk, dan doen wij u een nieuw aanbod.",
    )
    closing(doc)
    objection_clause(doc)


def subsidy(doc) -> None:
    para(
        doc,
        "Uw werknemer {{ werknemer }} werkt bij u in een beschutte werkplek als {{ functie }}, "
        "{{ uren_per_week }} per week, met ingang van {{ startdatum }}. Voor deze werknemer "
        "krijgt u loonkostensubsidie. In deze brief leest u ons besluit.",
    )
    heading(doc, "Ons besluit")
    para(
        doc,
        "Wij kennen u {{ soort_subsidie }} toe van {{ periode_van }} tot en met "
        "{{ periode_tot }}. Voor een volle maand is dat {{ bedrag_per_maand }}, inclusief de "
        "vergoeding voor werkgeverslasten van {{ werkgeverslasten_percentage }}.",
    )
    tag(doc, "{%p if forfaitair %}")
    para(
        doc,
        "Er is nog geen loonwaardemeting gedaan. Tot de eerste meting krijgt u een vast "
        "bedrag: {{ forfait_percentage }} van het wettelijk minimumloon (met vakantietoeslag) "
        "voor de uren van het contract, plus de vergoeding voor werkgeverslasten.",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "De loonwaarde van uw werknemer is op {{ datum_meting }} vastgesteld op "
        "{{ loonwaarde }}. De subsidie is het verschil tussen het wettelijk minimumloon (met "
        "vakantietoeslag) en de loonwaarde, voor de uren van het contract, met een maximum van "
        "{{ max_percentage }} van het minimumloon, plus de vergoeding voor werkgeverslasten.",
    )
    tag(doc, "{%p endif %}")
    table = doc.add_table(rows=4, cols=4)
    table.style = doc.styles["Light List Accent 1"]
    _widths(table, 45, 40, 40, 40)
    headers = ("Maand", "Loonkostensubsidie", "Werkgeverslasten", "Totaal")
    for index, (cell, text) in enumerate(zip(table.rows[0].cells, headers, strict=True)):
        _cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT if index else None)
    _cell_text(table.rows[1].cells[0], "{%tr for m in maanden %}")
    values = ("{{ m.maand }}", "{{ m.subsidie }}", "{{ m.werkgeverslasten }}", "{{ m.totaal }}")
    for index, (cell, text) in enumerate(zip(table.rows[2].cells, values, strict=True)):
        _cell_text(cell, text, align=WD_ALIGN_PARAGRAPH.RIGHT if index else None)
    _cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    para(
        doc,
        "Een maand waarin het contract begint of eindigt, telt naar rato van de dagen. Wijzigt "
        "het wettelijk minimumloon, dan passen wij de subsidie daarop aan.",
        size=8.5,
    ).paragraph_format.space_before = Pt(4)
    heading(doc, "Volgende loonwaardemeting")
    para(
        doc,
        "De loonwaarde wordt opnieuw gemeten, uiterlijk op {{ volgende_meting }}. Wij nemen "
        "daarvoor op tijd contact met u op.",
    )
    heading(doc, "Voorwaarden")
    bullets(doc, "voorwaarden", "voorwaarde")
    para(
        doc,
        "Ons besluit is gebaseerd op artikel 10b lid 9 en artikel 10d van de Participatiewet, "
        "de Regeling loonwaardebepaling Participatiewet en de beleidsregel beschut werk van de "
        "gemeente {{ gemeente }}.",
    ).paragraph_format.space_before = Pt(6)
    closing(doc)
    objection_clause(doc)


def review_invitation(doc) -> None:
    para(
        doc,
        "U werkt bij {{ werkgever }} als {{ functie }}. Geregeld praten u, uw werkgever en de "
        "gemeente samen over hoe het gaat. Wij nodigen u uit voor zo'n voortgangsgesprek.",
    )
    heading(doc, "Wanneer")
    tag(doc, "{%p if gepland %}")
    para(
        doc,
        "Het gesprek is op {{ gesprek_datum }}{% if gesprek_tijd %} om {{ gesprek_tijd }}"
        "{% endif %}{% if gesprek_plaats %}, bij {{ gesprek_plaats }}{% endif %}. Kunt u dan "
        "niet? Neem dan contact met ons op{% if gemeente_telefoon %} via "
        "{{ gemeente_telefoon }}{% endif %}.",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "{% if achterstallig %}Het gesprek had vóór {{ uiterlijk }} moeten plaatsvinden; wij "
        "willen het daarom zo snel mogelijk houden.{% else %}Het gesprek moet plaatsvinden "
        "vóór {{ uiterlijk }}.{% endif %} Wij bellen u om een datum af te spreken. U mag ook "
        "zelf contact met ons opnemen{% if gemeente_telefoon %} via {{ gemeente_telefoon }}"
        "{% endif %}.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "Waar praten we over?")
    bullets(doc, "onderwerpen", "onderwerp_gesprek")
    para(
        doc,
        "{% if begeleider %}Uw begeleider {{ begeleider }} is er ook bij. {% endif %}"
        "Wilt u iemand meenemen die u vertrouwt? Dat mag.",
    ).paragraph_format.space_before = Pt(6)
    closing(doc, on_behalf=False)


LETTERS: dict[str, Callable] = {
    "indication": indication,
    "offer": offer,
    "subsidy": subsidy,
    "review-invitation": review_invitation,
}


def build(kind: str) -> DocumentType:
    doc = _new_document()
    footer(doc)
    letterhead(doc)
    LETTERS[kind](doc)
    return doc


def main(folder: Path = HERE) -> int:
    for kind in LETTERS:
        target = folder / f"{kind}.docx"
        build(kind).save(target)
        print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
