"""The register as an Excel file in the import's own format, and the empty template.

The first four sheets are exactly what the import reads, so an export imports unchanged into
an empty register. Further sheets (reviews, wage values, subsidies, signals) are for reading.
``without_bsn`` is the controller's file: case numbers and initials instead of BSNs and names
(and no birth dates), so that the figures can be checked without identifying anyone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl.worksheet.datavalidation import DataValidation

from beschut_desktop.atomic_file import write_atomically
from beschut_desktop.exchange import cells
from beschut_desktop.exchange.current import (
    advices_by_person,
    current_advice,
    current_decision,
    current_interim,
)
from beschut_desktop.exchange.privacy import scrub
from beschut_desktop.exchange.sheets import EMPLOYERS, PERSONS, PLACEMENTS, QUOTA, SHEETS, Sheet
from beschut_desktop.exchange.template_text import EXPLANATION
from beschut_desktop.exchange.workbook import new_workbook, save, table_sheet, text_sheet
from beschut_desktop.formatting import short_date
from beschut_desktop.rules.model import Register
from beschut_desktop.wording import value_label


def _columns(sheet: Sheet, without_bsn: bool = False) -> list[tuple[str, str, int]]:
    columns = [(c.title, c.kind, c.width) for c in sheet.columns]
    if not without_bsn:
        return columns
    replaced = []
    for title, kind, width in columns:
        if title == "BSN":
            replaced.append(("Zaaknummer", "text", 12))
        elif title == "Voornaam":
            replaced.append(("Initialen", "text", 10))
        elif title in ("Achternaam", "Geboortedatum"):
            continue
        else:
            replaced.append((title, kind, width))
    return replaced


def write_register(
    register: Register, target: Path, *, without_bsn: bool = False, today: dt.date | None = None
) -> Path:
    """Write the register to ``target`` (replaced atomically); return the path.

    The workbook is write-only (rows stream to disk as they are made) and is built only once
    the target is known to be writable, so a refused target costs nothing and leaves nothing."""
    today = today or dt.date.today()

    def write(temp: Path) -> None:
        workbook = new_workbook(write_only=True)
        _fill(workbook, register, today, without_bsn)
        workbook.save(temp)

    return write_atomically(target, write)


def _fill(workbook, register: Register, today: dt.date, without_bsn: bool) -> None:
    table_sheet(
        workbook,
        QUOTA.name,
        _columns(QUOTA),
        (
            [q.year, q.quota, q.amount_per_place_cents / 100, q.hours_per_place]
            for q in register.quota_years
        ),
    )
    table_sheet(
        workbook,
        EMPLOYERS.name,
        _columns(EMPLOYERS),
        (
            [
                e.name,
                value_label("employer_kind", e.kind),
                e.kvk_number,
                cells.cao_text(e.cao, e.cao_name),
            ]
            for e in register.employers
        ),
    )
    table_sheet(
        workbook, PERSONS.name, _columns(PERSONS, without_bsn), _person_rows(register, without_bsn)
    )
    table_sheet(
        workbook,
        PLACEMENTS.name,
        _columns(PLACEMENTS, without_bsn),
        _placement_rows(register, without_bsn),
    )
    _reading_sheets(workbook, register, today, without_bsn)
    text_sheet(workbook, "Over dit bestand", _about(today, without_bsn))


def _person_rows(register: Register, without_bsn: bool) -> list[list[object]]:
    advices = advices_by_person(register)
    rows = []
    for person in sorted(register.persons, key=lambda p: p.id):
        advice = current_advice(register, person.id, advices)
        decision = current_decision(register, person.id)
        interim = current_interim(register, person.id)
        tail = [
            advice.advice_date if advice else None,
            decision.decision_date if decision else None,
            cells.interim_text(interim.kind, interim.description) if interim else None,
        ]
        if without_bsn:
            rows.append([person.case_number, person.initials, *tail])
        else:
            rows.append([person.bsn, person.first_name, person.last_name, person.birth_date, *tail])
    return rows


def _placement_rows(register: Register, without_bsn: bool) -> list[list[object]]:
    rows = []
    for placement in sorted(register.placements, key=lambda p: p.id):
        person = register.person(placement.person_id)
        employer = register.employer(placement.employer_id)
        if person is None or employer is None or placement.start_date is None:
            continue  # an offer that has not started is no contract yet
        rows.append(
            [
                person.case_number if without_bsn else person.bsn,
                employer.name,
                placement.start_date,
                placement.end_date,
                placement.hours_per_week,
                "ja" if placement.trial_before else "nee",
                value_label("contract_type", placement.contract_type).lower(),
            ]
        )
    return rows


def _who(register: Register, person_id: int | None) -> list[object]:
    person = register.person(person_id) if person_id else None
    return [person.case_number, person.initials] if person else ["", ""]


def _reading_sheets(workbook, register: Register, today: dt.date, without_bsn: bool) -> None:
    def about(placement_id: int) -> list[object]:
        placement = register.placement(placement_id)
        if placement is None:
            return ["", "", ""]
        employer = register.employer(placement.employer_id)
        return [*_who(register, placement.person_id), employer.name if employer else ""]

    who = [("Zaaknummer", "text", 12), ("Initialen", "text", 10), ("Werkgever", "text", 30)]
    # Who was present names people: not in the controller's file.
    present = [] if without_bsn else [("Aanwezig", "text", 30)]
    table_sheet(
        workbook,
        "Gesprekken (alleen lezen)",
        [*who, ("Datum gesprek", "date", 14), *present],
        (
            [*about(r.placement_id), r.review_date, *([] if without_bsn else [r.participants])]
            for r in sorted(register.reviews, key=lambda r: (r.review_date, r.id))
        ),
    )
    table_sheet(
        workbook,
        "Loonwaarde (alleen lezen)",
        [*who, ("Datum meting", "date", 14), ("Loonwaarde (%)", "number", 14)],
        (
            [*about(a.placement_id), a.assessment_date, a.wage_value_percentage]
            for a in register.wage_value_assessments
        ),
    )
    table_sheet(
        workbook,
        "Subsidies (alleen lezen)",
        [*who, ("Soort", "text", 24), ("Startdatum", "date", 12), ("Einddatum", "date", 12)],
        (
            [*about(s.placement_id), value_label("subsidy_kind", s.kind), s.start_date, s.end_date]
            for s in register.subsidy_periods
        ),
    )
    _finance_sheet(workbook, register, today)
    table_sheet(
        workbook,
        "Signalen (alleen lezen)",
        [
            ("Datum", "date", 12),
            ("Signaal", "text", 36),
            ("Regel", "text", 8),
            ("Zaaknummer", "text", 12),
            ("Initialen", "text", 10),
            ("Toelichting", "text", 70),
            ("Te laat", "text", 8),
        ],
        _signal_rows(register, today, without_bsn),
    )


def _finance_sheet(workbook, register: Register, today: dt.date) -> None:
    """R8 per placement per month of the export's year, as in the finance report's appendix:
    case number and initials only, in either file."""
    from beschut_desktop.rules.finance import GROUP_LABELS, SUBSIDY_KINDS, finance_year

    year = finance_year(register, today.year, today)
    rows = (
        [
            year.year,
            m.month,
            *_who(register, p.placement.person_id),
            p.employer.name if p.employer else "",
            GROUP_LABELS[p.group],
            "prognose" if m.forecast else "gerealiseerd",
            SUBSIDY_KINDS[m.result.kind] if m.result else m.problem,
            m.result.base_cents / 100 if m.result else None,
            m.result.employer_charges_cents / 100 if m.result else None,
            m.result.total_cents / 100 if m.result else None,
        ]
        for p in year.placements
        for m in p.months
    )
    table_sheet(
        workbook,
        "Financiën (alleen lezen)",
        [
            ("Jaar", "number", 8),
            ("Maand", "number", 8),
            ("Zaaknummer", "text", 12),
            ("Initialen", "text", 10),
            ("Werkgever", "text", 30),
            ("Soort werkgever", "text", 24),
            ("Stand", "text", 13),
            ("Soort subsidie", "text", 16),
            ("Subsidie", "money", 14),
            ("Lasten werkgever", "money", 16),
            ("Totaal", "money", 14),
        ],
        rows,
    )


def _signal_rows(register: Register, today: dt.date, without_bsn: bool) -> list[list[object]]:
    from beschut_desktop.rules.signals import signals_on

    rows: list[list[object]] = []
    for signal in signals_on(register, today):
        person = register.person(signal.person_id) if signal.person_id else None
        detail = scrub(signal.detail, person) if without_bsn else signal.detail
        title = scrub(signal.title, person) if without_bsn else signal.title
        rows.append(
            [
                signal.due_date,
                title,
                signal.rule,
                *_who(register, signal.person_id),
                detail,
                "ja" if signal.overdue else "nee",
            ]
        )
    return rows


def _about(today: dt.date, without_bsn: bool) -> list[str]:
    lines = [
        "Over dit bestand",
        f"Uitvoer van het register op {short_date(today)}.",
        "De bladen Taakstelling, Werkgevers, Personen en Plaatsingen hebben de vorm van het "
        "importsjabloon: dit bestand kan weer worden ingelezen (beschut-desktop import). "
        "De bladen met '(alleen lezen)' zijn om te lezen en worden bij inlezen overgeslagen.",
        f"Het blad Financiën geeft de loonkostensubsidie per plaatsing per maand van "
        f"{today.year}: gerealiseerd tot en met de maand van {short_date(today)}, daarna een "
        "prognose uit de plaatsingen die dan lopen (zie het Financieel overzicht).",
    ]
    if without_bsn:
        lines.append(
            "Dit bestand is zonder BSN gemaakt: personen staan er met zaaknummer en "
            "initialen in, zonder naam en geboortedatum. Het kan daarom niet worden "
            "ingelezen."
        )
    else:
        lines.append(
            "Dit bestand bevat BSN's en andere persoonsgegevens. Bewaar en verstuur het "
            "alleen zoals de AVG en het privacybeleid van de gemeente dat toestaan."
        )
    return lines


def write_template(target: Path) -> Path:
    """The empty import template: the four sheets with their headers and pick lists, and an
    explanation sheet first."""
    workbook = new_workbook()
    text_sheet(workbook, "Uitleg", EXPLANATION)
    for sheet in SHEETS:
        worksheet = table_sheet(workbook, sheet.name, _columns(sheet), [])
        for index, column in enumerate(sheet.columns, start=1):
            letter = worksheet.cell(row=1, column=index).column_letter
            if column.hint and "/" not in column.hint:
                choices = column.hint.replace(", ", ",")
            elif column.hint:
                choices = column.hint.replace("/", ",")
            else:
                choices = None
            if choices:
                validation = DataValidation(
                    type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=False
                )
                validation.add(f"{letter}2:{letter}1000")
                worksheet.add_data_validation(validation)
            if column.kind in ("date", "bsn"):
                for row in range(2, 1001):
                    worksheet.cell(row=row, column=index).number_format = (
                        "d-m-yyyy" if column.kind == "date" else "@"
                    )
    return save(workbook, target)
