"""Every screen fits 1024×700 and 1366×768, also at 125 % display scaling.

Scaling by 125 % leaves a layout 1/1.25 of the pixels, so 1366×768 at 125 % is laid out in
1093×614 logical pixels — that is what is tried here (the offscreen screen has no real size).
A page fits when its scroll area needs no scroll bar and no button text is cut; a dialog fits
when it stays on the screen and grows, not scrolls, when problems appear under its fields.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)
from screens import dialogs, pages

from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.dialogs.base import FlowDialog
from beschut_desktop.ui.main_window import MIN_HEIGHT, MIN_WIDTH

# (name, logical width, logical height of the available screen: less a 40-pixel task bar)
SCREENS = [
    ("1024x700", 1024, 700 - 40),
    ("1366x768 at 125%", round(1366 / 1.25), round((768 - 40) / 1.25)),
]
# The page area is the window less the navigation, menu, peildatum bar and status bar.


@pytest.fixture(autouse=True)
def look(qapp):
    """The program's own font and style sheet (sizes depend on them), restored afterwards."""
    from beschut_desktop.ui.application import apply_look

    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    apply_look(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setStyle(style)


def _clipped_buttons(root: QWidget) -> list[str]:
    """Buttons whose text is wider than the button leaves room for."""
    cut = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text() or button.width() <= 0:
            continue
        if button.width() < button.minimumSizeHint().width():
            cut.append(f"{button.text()!r} {button.width()} < {button.minimumSizeHint().width()}")
    return cut


def _clipped_headers(root: QWidget) -> list[str]:
    cut = []
    for view in root.findChildren(QTableView):
        if not view.isVisibleTo(root):
            continue
        header: QHeaderView = view.horizontalHeader()
        last = view.model().columnCount() - 1
        for column in range(last):  # the last column stretches to what is left
            if header.isSectionHidden(column):
                continue
            text = view.model().headerData(column, header.orientation())
            needed = header.fontMetrics().horizontalAdvance(str(text)) + 12
            if header.sectionSize(column) < needed:
                cut.append(f"{view.accessibleName()}: {text!r} {header.sectionSize(column)}")
    return cut


@pytest.mark.parametrize(("screen", "width", "height"), SCREENS)
def test_every_page_fits_without_scrolling_or_cut_text(screen, width, height, tmp_path, demo):
    window = demo
    window.resize(width, height)
    problems = []
    for name, page in pages(window):
        QApplication.processEvents()
        holder = page.parentWidget().parentWidget()
        assert isinstance(holder, QScrollArea)
        room = holder.viewport().size()
        need = page.minimumSizeHint()
        if need.width() > room.width() or need.height() > room.height():
            problems.append(f"{name}: needs {need.toTuple()}, has {room.toTuple()}")
        problems += [f"{name}: button {b}" for b in _clipped_buttons(page)]
        problems += [f"{name}: column {c}" for c in _clipped_headers(page)]
    assert not problems, f"{screen}:\n" + "\n".join(problems)


def test_window_can_be_made_as_small_as_1024_at_125_percent(demo):
    assert (MIN_WIDTH, MIN_HEIGHT) <= (round(1024 / 1.25), round(660 / 1.25))
    assert demo.minimumSizeHint().width() <= round(1024 / 1.25)


def test_first_start_fits_the_available_screen(demo):
    room = demo.screen().availableGeometry()
    demo.setWindowState(demo.windowState() & ~demo.windowState())
    demo.fit_screen()
    assert demo.width() <= room.width() and demo.height() <= room.height()


@pytest.mark.parametrize(("screen", "width", "height"), SCREENS)
def test_every_dialog_fits_and_grows_with_its_problems(screen, width, height, demo, monkeypatch):
    monkeypatch.setattr(base, "available_size", lambda _w: QSize(width - 16, height - 40))
    problems = []
    for name, dialog in list(dialogs(demo.session, demo)):
        dialog.show()
        QApplication.processEvents()
        if dialog.width() > width or dialog.height() > height:
            problems.append(f"{name}: {dialog.size().toTuple()} on {width}×{height}")
        problems += [f"{name}: button {b}" for b in _clipped_buttons(dialog)]
        if isinstance(dialog, FlowDialog):
            bar = dialog.scroll.verticalScrollBar()
            was_scrolling = bar.isVisible()
            buttons_at = dialog.save_button.mapToGlobal(dialog.save_button.rect().topLeft())
            dialog.save()  # empty or unchanged: problems appear, or it saves and closes
            QApplication.processEvents()
            QApplication.processEvents()
            if dialog.isVisible() and not was_scrolling and bar.isVisible():
                if dialog.height() < height - 40:
                    problems.append(f"{name}: scrolls at {dialog.height()} instead of growing")
            if (
                dialog.isVisible()
                and buttons_at.x()
                != dialog.save_button.mapToGlobal(dialog.save_button.rect().topLeft()).x()
            ):
                problems.append(f"{name}: the buttons moved sideways")
        dialog.done(0)
        dialog.deleteLater()
    assert not problems, f"{screen}:\n" + "\n".join(problems)


def test_print_preview_fits_the_screen(demo, qtbot):
    from beschut_desktop.ui import printing

    room = demo.screen().availableGeometry()
    pdf, title = demo.section("overview").document()
    preview = printing.preview_dialog(demo, pdf, title)
    qtbot.addWidget(preview)
    assert preview.width() <= room.width() and preview.height() <= room.height()
    assert printing.preview_size(None).height() <= 1000


def test_placements_toolbar_title_and_buttons_are_whole_at_1024(demo):
    demo.resize(1024, 660)
    page = demo.show_section("placements")
    QApplication.processEvents()
    title = next(label for label in page.findChildren(QLabel) if label.text() == "Plaatsingen")
    assert title.width() >= title.fontMetrics().horizontalAdvance("Plaatsingen")
    for button in page.findChildren(QPushButton):
        if button.isVisibleTo(page):
            text = button.text().replace("&", "")
            assert button.width() >= button.fontMetrics().horizontalAdvance(text) + 8, text


def test_at_1024_with_125_percent_no_page_scrolls_sideways(demo):
    """819×528 logical pixels: a long page may scroll down, but nothing is cut or hidden to
    the right."""
    demo.resize(round(1024 / 1.25), round(660 / 1.25))
    wide = []
    for name, page in pages(demo):
        QApplication.processEvents()
        holder = page.parentWidget().parentWidget()
        if page.minimumSizeHint().width() > holder.viewport().width():
            wide.append(f"{name}: {page.minimumSizeHint().width()} > {holder.viewport().width()}")
        wide += [f"{name}: button {b}" for b in _clipped_buttons(page)]
    assert not wide, "\n".join(wide)
