"""Help inside the program, offline: the user guide (F1) and the rules R1–R20 in the policy's
words. The guide is a Markdown file shipped in ``resources/help``; the rules come from
``rules.texts``, the same words the worklist shows as tooltips."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.paths import resource
from beschut_desktop.rules.texts import AWB, RULES
from beschut_desktop.ui.dialogs.base import available_size

GUIDE = "help/handleiding.md"


def guide_markdown() -> str:
    return resource(GUIDE).read_text(encoding="utf-8")


def rules_html() -> str:
    """R1–R20 (and the Awb terms) as one page: id, title, the policy's words, the source."""
    parts = [
        "<h1>Regels</h1><p>De regels van het register in de woorden van de beleidsregel "
        "<i>Beschut werk onder de Participatiewet</i> (Staphorst, geldend vanaf "
        "3-1-2023), artikel 10b Participatiewet en de Re-integratieverordening.</p>"
    ]
    for text in (*RULES, AWB):
        parts.append(
            f'<h3><a name="{text.rule}"></a>{html.escape(text.rule)} '
            f"{html.escape(text.title)}</h3><p>{html.escape(text.text)}</p>"
            f"<p><small>Bron: {html.escape(text.source)}</small></p>"
        )
    return "".join(parts)


class HelpWindow(QDialog):
    """A reading window (not modal: the consultant can keep it open beside the work)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(title)
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        buttons = QDialogButtonBox()
        close = buttons.addButton("&Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName("Venster sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        room = available_size(parent or self)
        self.resize(min(760, room.width()), min(680, room.height()))


def guide_window(parent: QWidget | None = None) -> HelpWindow:
    window = HelpWindow("Handleiding", parent)
    window.browser.setMarkdown(guide_markdown())
    return window


def rules_window(parent: QWidget | None = None) -> HelpWindow:
    window = HelpWindow("Regels R1–R20", parent)
    window.browser.setHtml(rules_html())
    return window
