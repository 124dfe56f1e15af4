"""Letters from the window: "Brief maken" in the case file and at a placement makes the real
.docx (read back with python-docx), records it under Brieven, and "Verzonden op…" sets the
decision's sending date; Instellingen → Sjablonen replaces a template and refuses a bad one.
Only the file dialogs, the modal dialogs and Word are stood in for."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog
from ui_helpers import choose, placed, save_to

from beschut_desktop.ui import file_dialogs, letter_actions
from beschut_desktop.ui.document_actions import find_action

ON = dt.date(2023, 3, 1)


def _text(path: Path) -> str:
    document = Document(io.BytesIO(path.read_bytes()))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(cell.text for row in table.rows for cell in row.cells)
    return " ".join(" ".join(lines).split())


def _start(store, session, main_window):
    ids = placed(store)
    session.reload()
    main_window.set_as_of_text("1-3-2023")
    return ids


def test_case_file_makes_each_letter_records_it_and_offers_to_open_it(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    person_id, _employer, _placement = _start(store, session, main_window)
    main_window.open_person(person_id)
    case = main_window.section("persons").case_file
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    target = tmp_path / "beschikking.docx"
    suggested = save_to(monkeypatch, target)
    dialogs.answer("Openen in Word")
    choose(case.letters_button, "Beschikking indicatie beschut werk…")
    assert suggested[0].endswith("Beschikking indicatie beschut werk BW-00001 2023-03-01.docx")
    text = _text(target)
    assert "Jan Jansen" in text and "BW-00001" in text and "111222333" not in text
    assert "binnen zes weken na de dag van verzending van deze brief" in text
    assert opened == [QUrl.fromLocalFile(str(target))]

    monkeypatch.setattr(QDialog, "exec", _plan_meeting)
    save_to(monkeypatch, tmp_path / "uitnodiging")  # .docx is added
    dialogs.answer("Sluiten")
    # The same letters from the header's Documenten menu.
    letters_menu = find_action(case.documents_button.menu(), "Brief maken (Word)").menu()
    find_action(letters_menu, "Uitnodiging voortgangsgesprek…").trigger()
    invitation = _text(tmp_path / "uitnodiging.docx")
    assert "Het gesprek is op 15 maart 2023 om 10.00 uur, bij de bakkerij." in invitation

    case.show_tab("letters")
    rows = case.letters.panel.table.model.rows()
    assert [r.kind for r in rows] == ["review-invitation", "indication"]
    assert len([e for e in store.history(person_id=person_id) if e["table_name"] == "letters"]) == 2


def test_sending_date_recorded_from_the_letters_tab_starts_the_objection_term(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    person_id, _employer, placement_id = _start(store, session, main_window)
    main_window.open_person(person_id, "placements")
    case = main_window.section("persons").case_file
    case.placements.select(placement_id)
    save_to(monkeypatch, tmp_path / "aanbod.docx")
    dialogs.answer("Sluiten")
    choose(
        case.placements.panel.findChild(type(case.letters_button), "placement_letters"),
        "Aanbod werkplek…",
    )
    assert "Past bij zijn wens om met brood te werken." in _text(tmp_path / "aanbod.docx")

    case.show_tab("letters")
    monkeypatch.setattr(QDialog, "exec", _sent_on("2-3-2023"))
    case.letters.panel.findChild(type(case.letters_button), "letter_sent").click()
    assert store.row("placements", placement_id)["offer_sent_date"] == "2023-03-02"
    assert case.letters.panel.table.model.rows()[0].sent_date == dt.date(2023, 3, 2)

    save_to(monkeypatch, tmp_path / "aanbod2.docx")
    dialogs.answer("Sluiten")
    choose(case.letters_button, "Aanbod werkplek…")
    assert "uiterlijk op 13 april 2023 bij ons binnen" in _text(tmp_path / "aanbod2.docx")


def test_subsidy_letter_from_the_placements_section(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    _person, _employer, placement_id = _start(store, session, main_window)
    section = main_window.show_section("placements")
    assert section.table.select(lambda row: row.id == placement_id)
    save_to(monkeypatch, tmp_path / "subsidie.docx")
    dialogs.answer("Sluiten")
    choose(section.letters_button, "Besluit loonkostensubsidie (werkgever)…")
    text = _text(tmp_path / "subsidie.docx")
    assert "Bakkerij Van der Veen" in text and "forfaitaire loonkostensubsidie" in text
    # The employer has no address yet: the letter is made, and the consultant is told.
    assert any("ontbreken" in question[1] for question in dialogs.asked)


def test_a_refused_letter_is_said_and_not_recorded(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    person_id = store.insert(
        "persons",
        {"bsn": "123456782", "first_name": "Zoë", "last_name": "Hoekstra", "registered_on": ON},
    )
    session.reload()
    main_window.open_person(person_id)
    case = main_window.section("persons").case_file
    save_to(monkeypatch, tmp_path / "brief.docx")
    choose(case.letters_button, "Besluit loonkostensubsidie (werkgever)…")
    assert "geen lopende of aangeboden plaatsing" in dialogs.texts()
    assert not (tmp_path / "brief.docx").exists()
    assert store.rows("letters") == []


def test_settings_templates_replace_refuse_and_list_fields(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    page = main_window.show_section("settings").templates_page
    page.kinds.setCurrentRow(1)  # Aanbod werkplek
    fields = {page.fields.item(r, 0).text() for r in range(page.fields.rowCount())}
    assert {"{{ kenmerk }}", "{{ motivering }}", "{{ bezwaar_uiterlijk }}"} <= fields

    bad = tmp_path / "fout.docx"
    document = Document()
    document.add_paragraph("{{ bsn }}")
    document.save(bad)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_a, **_k: str(bad))
    assert not page.replace()
    assert "het onbekende veld 'bsn'" in dialogs.texts()

    good = tmp_path / "aanbod eigen.docx"
    document = Document()
    document.add_paragraph("EIGEN {{ kenmerk }} {{ werkgever }}")
    document.save(good)
    assert page.replace(good)
    assert "aanbod eigen.docx" in page.status.text()
    assert page.restore_button.isEnabled()
    exported = page.export(tmp_path / "kopie.docx")
    assert exported is not None and "EIGEN" in _text(exported)
    dialogs.answer("Terugzetten")
    page.restore()
    assert "standaardsjabloon" in page.status.text()


def _plan_meeting(dialog) -> int:
    assert isinstance(dialog, letter_actions.MeetingDialog)
    dialog.day.setText("15-3-2023")
    dialog.time.setText("10.00 uur")
    dialog.place.setText("de bakkerij")
    dialog._accept()
    return dialog.result()


def _sent_on(text: str):
    def accept(dialog) -> int:
        assert isinstance(dialog, letter_actions.SentDialog)
        dialog.day.setText(text)
        dialog._accept()
        return dialog.result()

    return accept


def test_without_its_audit_entry_no_letter_is_written(
    qtbot, main_window, session, store, monkeypatch, tmp_path, dialogs
) -> None:
    person_id, _employer, _placement = _start(store, session, main_window)
    main_window.open_person(person_id)
    store.conn.execute(
        "CREATE TEMP TRIGGER no_reads BEFORE INSERT ON main.audit WHEN NEW.action = 'read' "
        "BEGIN SELECT RAISE(ABORT, 'vol'); END"
    )
    save_to(monkeypatch, tmp_path / "beschikking.docx")
    choose(
        main_window.section("persons").case_file.letters_button,
        "Beschikking indicatie beschut werk…",
    )
    assert "auditspoor" in dialogs.texts()
    assert not (tmp_path / "beschikking.docx").exists()
    assert store.rows("letters") == []
