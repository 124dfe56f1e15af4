"""Every kind of bad cell gets a Dutch message naming sheet, row, column and value; nothing is
written, and all problems of a file are reported at once."""

from __future__ import annotations

import pytest
from exchange_helpers import (
    BSN_A,
    BSN_B,
    EMPLOYER_HEADER,
    PERSON_HEADER,
    PLACEMENT_HEADER,
    QUOTA_HEADER,
    TODAY,
    audit_count,
    dump,
    good_sheets,
    write_xlsx,
)

from beschut_desktop.errors import UserError
from beschut_desktop.exchange.importer import ImportRefused, import_file, plan_import
from beschut_desktop.store.store import Store

BAD_BSN = BSN_A[:-1] + str((int(BSN_A[-1]) + 1) % 10)


def problems_of(store, tmp_path, sheets) -> list[str]:
    plan = plan_import(store, write_xlsx(tmp_path / "fout.xlsx", sheets), TODAY)
    return [str(p) for p in plan.problems]


def with_person(row: list[object]) -> dict:
    return {"Personen": [PERSON_HEADER, row]}


def with_placement(row: list[object]) -> dict:
    sheets = good_sheets()
    sheets["Plaatsingen"] = [PLACEMENT_HEADER, row]
    return sheets


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        (
            with_person([BAD_BSN, "Jan", "Mulder"]),
            f"Personen, rij 2, kolom BSN: '{BAD_BSN}' is geen geldig BSN (de elfproef klopt niet)",
        ),
        (
            with_person(["12345", "Jan", "Mulder"]),
            "Personen, rij 2, kolom BSN: '12345' is geen geldig BSN (de elfproef klopt niet)",
        ),
        (
            with_person([BSN_A, "Jan", "Mulder", "31-02-1990"]),
            "Personen, rij 2, kolom Geboortedatum: '31-02-1990' bestaat niet als datum",
        ),
        (
            with_person([BSN_A, "Jan", "Mulder", "gisteren"]),
            "Personen, rij 2, kolom Geboortedatum: 'gisteren' is geen datum; schrijf dd-mm-jjjj",
        ),
        (
            with_person([BSN_A, "Jan", "Mulder", "1-1-2090"]),
            "Personen, rij 2, kolom Geboortedatum ('1-1-2090'): de geboortedatum ligt in de toekomst",
        ),
        (with_person(["", "Jan", "Mulder"]), "Personen, rij 2, kolom BSN: is leeg, maar verplicht"),
        (
            with_placement([BSN_A, "Reestdal Werken B.V.", "1-1-2022", None, "-3"]),
            "Plaatsingen, rij 2, kolom Uren per week: '-3' is negatief",
        ),
        (
            with_placement([BSN_A, "Reestdal Werken B.V.", "1-1-2022", None, "veel"]),
            "Plaatsingen, rij 2, kolom Uren per week: 'veel' is geen getal",
        ),
        (
            with_placement([BSN_A, "Reestdal Werken B.V.", "1-1-2022", None, 80]),
            "Plaatsingen, rij 2, kolom Uren per week ('80'): 80.0 uur per week is meer dan mogelijk",
        ),
        (
            with_placement([BSN_A, "Reestdal Werken B.V.", "1-1-2022", "1-1-2021", 20]),
            "Plaatsingen, rij 2, kolom Einddatum ('1-1-2021'): Einddatum ligt vóór startdatum",
        ),
        (
            with_placement(["111222333", "Reestdal Werken B.V.", "1-1-2022", None, 20]),
            "Plaatsingen, rij 2, kolom BSN ('111222333'): deze persoon staat niet op het blad "
            "Personen en niet in het register",
        ),
        (
            with_placement([BSN_A, "Hupak", "1-1-2022", None, 20]),
            "Plaatsingen, rij 2, kolom Werkgever ('Hupak'): deze werkgever staat niet op het blad "
            "Werkgevers en niet in het register",
        ),
        (
            with_placement([BSN_A, "Reestdal Werken B.V.", "1-1-2022", None, 20, "misschien"]),
            "Plaatsingen, rij 2, kolom Proefplaatsing vooraf: 'misschien' is geen geldige waarde; "
            "kies ja of nee",
        ),
        (
            with_placement([BSN_A, "Reestdal Werken B.V.", "1-1-2022", None, 20, "nee", "flex"]),
            "Plaatsingen, rij 2, kolom Contract: 'flex' is geen geldige waarde; kies tijdelijk of vast",
        ),
        (
            {"Werkgevers": [EMPLOYER_HEADER, ["Hupak", "stichting"]]},
            "Werkgevers, rij 2, kolom Soort: 'stichting' is geen geldige waarde; kies SW-bedrijf, "
            "Gemeente of Particulier",
        ),
        (
            {"Werkgevers": [EMPLOYER_HEADER, ["Hupak", None]]},
            "Werkgevers, rij 2, kolom Soort: is leeg, maar verplicht voor een nieuwe werkgever",
        ),
        (
            {"Taakstelling": [QUOTA_HEADER, [2024, "zeven", 9050]]},
            "Taakstelling, rij 2, kolom Taakstelling: 'zeven' is geen getal",
        ),
        (
            {"Taakstelling": [QUOTA_HEADER, [2024, "6,5", 9050]]},
            "Taakstelling, rij 2, kolom Taakstelling: '6,5' is geen heel getal",
        ),
        (
            {"Taakstelling": [QUOTA_HEADER, [24, 7, 9050]]},
            "Taakstelling, rij 2, kolom Jaar: '24' is geen jaartal",
        ),
        (
            {"Taakstelling": [QUOTA_HEADER, [2024, 7]]},
            "Taakstelling, rij 2, kolom Bedrag per plek: is leeg, maar verplicht",
        ),
        (
            {"Personen": [["BSN", "Voornaam"], [BSN_A, "Jan"]]},
            "Personen, rij 1, kolom Achternaam: de kolom 'Achternaam' ontbreekt",
        ),
        (
            {"Personen": [PERSON_HEADER, [BSN_A, "Jan", "Mulder"], [BSN_A, "Jan", "Mulder"]]},
            f"Personen, rij 3, kolom BSN ('{BSN_A}'): deze regel staat al op rij 2",
        ),
        (
            with_person([BSN_B, "Jan", "Mulder", None, None, None, "vrijwilligerswerk"]),
            "Personen, rij 2, kolom Voorziening tot start ('vrijwilligerswerk'): een voorziening tot "
            "start begint op de Datum beschikking, maar die is leeg",
        ),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_bad_cell_is_named_exactly(fresh_store, tmp_path, sheets, expected) -> None:
    assert problems_of(fresh_store, tmp_path, sheets) == [expected]


def test_all_problems_at_once_and_the_register_unchanged(tmp_path) -> None:
    sheets = good_sheets()
    sheets["Personen"][1][0] = BAD_BSN
    sheets["Personen"][2][3] = "30-02-1985"
    sheets["Plaatsingen"][1][4] = "-4"
    sheets["Plaatsingen"].append(["111222333", "Hupak", "1-1-2022", None, 20, "nee", "vast"])
    path = write_xlsx(tmp_path / "fout.xlsx", sheets)
    db = tmp_path / "register.db"
    with Store.open(db, today=TODAY) as store:
        before, entries = dump(store), audit_count(store)
    with pytest.raises(ImportRefused) as refused:
        import_file(path, db, TODAY)
    message = refused.value.message
    assert message.startswith("fout.xlsx is niet ingelezen; het register is niet gewijzigd.")
    for part in (
        f"Personen, rij 2, kolom BSN: '{BAD_BSN}'",
        "Personen, rij 3, kolom Geboortedatum: '30-02-1985' bestaat niet",
        "Plaatsingen, rij 2, kolom Uren per week: '-4' is negatief",
        "Plaatsingen, rij 6, kolom Werkgever ('Hupak')",
    ):
        assert part in message
    assert len(refused.value.problems) == 7  # and the placements of the person with a bad BSN
    with Store.open(db, today=TODAY) as store:
        assert dump(store) == before and audit_count(store) == entries


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"BSN;Naam\n123;Jan\n", "kan niet worden gelezen als Excel-bestand"),
        (None, "bestaat niet"),
    ],
)
def test_unreadable_file_is_refused_in_dutch(fresh_store, tmp_path, content, expected) -> None:
    path = tmp_path / "lijst.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError, match=expected):
        plan_import(fresh_store, path, TODAY)


def test_workbook_without_any_known_sheet_is_refused(fresh_store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "ander.xlsx", {"Blad1": [["Naam"], ["Jan"]]})
    with pytest.raises(UserError, match="bevat geen van de bladen Taakstelling"):
        plan_import(fresh_store, path, TODAY)
