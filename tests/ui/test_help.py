"""Help inside the program: F1 opens the Dutch guide (offline, from the package resources),
Help → Regels lists R1–R20 in the policy's words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from beschut_desktop.ui.help import HelpWindow

CHAPTERS = (
    "De dagelijkse ronde",
    "aanvraag tot gesprek",
    "Afdrukken",
    "Excel en Outlook",
    "Back-ups",
)


def _help_window(main_window, title: str) -> HelpWindow:
    found = [w for w in main_window.findChildren(HelpWindow) if w.windowTitle() == title]
    assert len(found) == 1
    return found[0]


def test_f1_opens_the_dutch_guide(main_window, qtbot):
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    guide = _help_window(main_window, "Handleiding")
    assert guide.isVisible()
    text = guide.browser.toPlainText()
    for chapter in CHAPTERS:
        assert chapter in text
    assert "Outlook" in text and "Back-up maken" in text
    qtbot.keyClick(main_window, Qt.Key.Key_F1)  # again: the same window, raised
    assert _help_window(main_window, "Handleiding") is guide
    qtbot.keyClick(guide, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_help_rules_lists_r1_to_r20_in_the_policys_words(main_window):
    action = next(
        a
        for a in main_window.findChildren(type(main_window.print_action))
        if a.text() == "&Regels R1–R20"
    )
    action.trigger()
    rules = _help_window(main_window, "Regels R1–R20").browser.toPlainText()
    for number in range(1, 21):
        assert f"R{number} " in rules
    assert "uitsluitend" in rules or "alleen in een beschutte omgeving" in rules
    assert "minimaal 6 maanden" in rules
