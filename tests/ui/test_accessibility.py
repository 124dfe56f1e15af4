"""Keyboard and screen reader (EN 301 549): every control has a name a screen reader can say;
every dialog works with Tab, Alt+letter, Enter and Escape; the colours meet WCAG AA."""

from __future__ import annotations

import re

import pytest
from a11y import unnamed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from screens import dialogs, pages

from beschut_desktop.paths import resource
from beschut_desktop.ui.dialogs.base import COLOURS, FlowDialog
from beschut_desktop.ui.table_model import TONES

# ---- names -------------------------------------------------------------------------------


def test_every_control_of_every_page_has_an_accessible_name(demo):
    missing = []
    for name, page in pages(demo):
        QApplication.processEvents()
        missing += [f"{name}: {m}" for m in unnamed(page)]
    missing += [f"venster: {m}" for m in unnamed(demo)]
    assert not missing, "\n".join(missing)


def test_every_control_of_every_dialog_has_an_accessible_name(demo):
    missing = []
    for name, dialog in dialogs(demo.session, demo):
        dialog.show()
        missing += [f"{name}: {m}" for m in unnamed(dialog)]
        dialog.done(0)
        dialog.deleteLater()
    assert not missing, "\n".join(missing)


# ---- keyboard ----------------------------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_every_dialog_has_its_own_alt_letters_and_a_tab_chain_over_every_control(demo):
    problems = []
    for name, dialog in dialogs(demo.session, demo):
        dialog.show()
        QApplication.processEvents()
        letters: dict[str, str] = {}
        waiting: list[str] = []
        for widget in dialog.findChildren(QWidget):
            if not widget.isVisibleTo(dialog):
                continue
            if isinstance(widget, QAbstractButton) or (
                isinstance(widget, QLabel) and widget.buddy() is not None
            ):
                text = widget.text()
                if not text.strip() or "<" in text:
                    continue
                letter = _mnemonic(text)
                if letter is None:
                    waiting.append(text)
                elif letter in letters:
                    problems.append(f"{name}: Alt+{letter} twice ({letters[letter]}, {text})")
                else:
                    letters[letter] = text
        for text in waiting:  # without a letter only when every letter of it is taken
            if any(c.isalnum() and c.lower() not in letters for c in text):
                problems.append(f"{name}: no Alt+letter for {text!r}")
        chain, widget = set(), dialog.nextInFocusChain()
        while widget is not dialog and widget not in chain:
            chain.add(widget)
            widget = widget.nextInFocusChain()
        for control in dialog.findChildren(QWidget):
            takes_tab = bool(control.focusPolicy() & Qt.FocusPolicy.TabFocus)
            if takes_tab and control.isVisibleTo(dialog) and control not in chain:
                problems.append(f"{name}: {type(control).__name__} not reached with Tab")
        dialog.done(0)
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_enter_saves_and_escape_cancels_in_every_dialog(demo, monkeypatch, qtbot):
    for name, dialog in dialogs(demo.session, demo):
        if not isinstance(dialog, FlowDialog):
            continue
        saved: list[str] = []
        monkeypatch.setattr(dialog, "save", lambda n=name, s=saved: s.append(n) or False)
        dialog.buttons.accepted.disconnect()
        dialog.buttons.accepted.connect(dialog.save)
        dialog.show()
        line = next((e for e in dialog.findChildren(QLineEdit) if e.isVisibleTo(dialog)), None)
        target = line or dialog
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_Return)
        assert saved == [name], f"{name}: Enter did not save"
        qtbot.keyClick(target, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), f"{name}: Escape did not close"
        dialog.deleteLater()


def test_a_case_from_request_onward_by_keyboard_alone(main_window, qtbot, monkeypatch):
    """Ctrl+2, Ctrl+N opens the request; typing and Tab fill it; Enter saves it."""
    from beschut_desktop.ui.dialogs import base
    from beschut_desktop.ui.dialogs.indication import NewRequestDialog

    typed = {}

    def run(dialog):
        assert isinstance(dialog, NewRequestDialog)
        dialog.show()
        QApplication.processEvents()
        first = dialog.focusWidget() or dialog.nextInFocusChain()
        first.setFocus()
        for key in ("bsn", "first_name", "last_name"):
            widget = dialog.field(key).widget
            widget.setFocus()
            qtbot.keyClicks(
                widget, {"bsn": "123456782", "first_name": "Aylin", "last_name": "Kaya"}[key]
            )
            typed[key] = widget.text()
        who = dialog.field("requested_by").widget
        who.setFocus()
        qtbot.keyClick(who, Qt.Key.Key_Down)  # "— kies —" → the first choice
        qtbot.keyClick(dialog.field("last_name").widget, Qt.Key.Key_Return)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(base, "run", run)
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert typed["last_name"] == "Kaya"
    assert any(p.last_name == "Kaya" for p in main_window.session.register.persons)


# ---- colours -----------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    colour = {"white": "#ffffff", "black": "#000000"}.get(colour, colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def style_pairs() -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule of the style sheet with a text
    colour: its own background, else each background text is shown on (window, card, table)."""
    sheet = re.sub(r"/\*.*?\*/", "", resource("style.qss").read_text(encoding="utf-8"), flags=re.S)
    pages = ["#f6f7f9", "white"]
    pairs = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        colours = dict(
            re.findall(
                r"(?<![-\w])(color|background|selection-color|"
                r"selection-background-color)\s*:\s*(#[0-9a-fA-F]{6}|white)",
                body,
            )
        )
        if "color" in colours:
            for background in [colours["background"]] if "background" in colours else pages:
                pairs.append((selector.strip(), colours["color"], background))
        if "selection-color" in colours:
            pairs.append(
                (
                    selector.strip() + " (selectie)",
                    colours["selection-color"],
                    colours["selection-background-color"],
                )
            )
    return pairs


def test_the_style_sheet_has_text_colours_to_check():
    assert len(style_pairs()) >= 8


@pytest.mark.parametrize(("selector", "foreground", "background"), style_pairs())
def test_style_sheet_colours_meet_wcag_aa(selector, foreground, background):
    assert contrast(foreground, background) >= 4.5, selector


@pytest.mark.parametrize("tone", sorted(TONES))
@pytest.mark.parametrize("background", ["#ffffff", "#f3f6f8", "#cfe2f0"])
def test_list_tones_meet_wcag_aa_on_rows_and_selection(tone, background):
    assert contrast(TONES[tone].name(), background) >= 4.5


@pytest.mark.parametrize("colour", sorted(COLOURS.values()))
def test_contract_check_colours_meet_wcag_aa(colour):
    assert contrast(colour, "#f6f7f9") >= 4.5


def test_every_page_has_alt_letters_apart_from_the_menus(demo):
    from beschut_desktop.ui.main_window import MENU_LETTERS

    problems = []
    for name, page in pages(demo):
        QApplication.processEvents()
        letters: dict[str, str] = {}
        for button in page.findChildren(QAbstractButton):
            if not button.isVisible() or not button.text().strip():
                continue
            letter = _mnemonic(button.text())
            if letter is None:
                continue  # a text set later (the next step); Tab still reaches it
            if letter in MENU_LETTERS:
                problems.append(f"{name}: {button.text()!r} takes a menu's Alt+{letter}")
            elif letter in letters:
                problems.append(f"{name}: Alt+{letter} twice ({letters[letter]}, {button.text()})")
            letters[letter] = button.text()
        shown = [b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.text()]
        if shown and not letters:
            problems.append(f"{name}: no Alt+letters")
    assert not problems, "\n".join(problems)
