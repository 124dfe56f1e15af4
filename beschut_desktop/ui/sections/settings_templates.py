"""Instellingen → Sjablonen: the letter templates, and the fields each may use.

Per kind of letter: whether the standard template or the municipality's own is used, buttons
to replace it with a Word file (checked: an unknown field is refused, naming it), to go back to
the standard, and to save the template in use as a starting point for one's own. Below, the
list of fields the chosen kind may use, as the README lists them too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop import formatting
from beschut_desktop.errors import UserError
from beschut_desktop.letters.fields import KIND_LABELS, KINDS, fields_for
from beschut_desktop.ui import file_dialogs, widgets

DOCX_FILTER = "Word-documenten (*.docx)"


class TemplatesPage(QWidget):
    """The four letter templates; every change is audited and kept in the register."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kinds = QListWidget()
        self.kinds.setAccessibleName("Soort brief")
        self.kinds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for kind in KINDS:
            self.kinds.addItem(KIND_LABELS[kind])
        self.status = QLabel()
        self.status.setObjectName("template_status")
        self.status.setWordWrap(True)
        self.replace_button = QPushButton("Vervangen door eigen sjabloon…")
        self.replace_button.setObjectName("template_replace")
        self.replace_button.clicked.connect(lambda: self.replace())
        self.restore_button = QPushButton("Standaardsjabloon terugzetten")
        self.restore_button.setObjectName("template_restore")
        self.restore_button.clicked.connect(self.restore)
        self.export_button = QPushButton("Sjabloon opslaan als…")
        self.export_button.setObjectName("template_export")
        self.export_button.setToolTip(
            "Het sjabloon dat nu wordt gebruikt, om in Word aan te passen"
        )
        self.export_button.clicked.connect(lambda: self.export())
        self.fields = QTableWidget(0, 2)
        self.fields.setAccessibleName("Velden van het sjabloon")
        self.fields.setHorizontalHeaderLabels(["Veld", "Wat erin staat"])
        self.fields.verticalHeader().setVisible(False)
        self.fields.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fields.setWordWrap(True)  # a long meaning wraps instead of being cut off
        self.fields.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        # The buttons under the list, not beside each other: the page fits at 1024 pixels.
        metrics = self.kinds.fontMetrics()
        widest = max(metrics.horizontalAdvance(KIND_LABELS[k]) for k in KINDS)
        self.kinds.setFixedWidth(
            max(widest + 24, *(b.sizeHint().width() for b in (self.replace_button,)))
        )
        left = QVBoxLayout()
        left.addWidget(self.kinds, 1)
        for button in (self.replace_button, self.restore_button, self.export_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            left.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(
            widgets.muted(
                "Een eigen sjabloon is een Word-bestand met velden tussen dubbele accolades, "
                "zoals {{ kenmerk }}; {% if toegekend %} … {% else %} … {% endif %} kiest "
                "tekst, {%p if … %} op een eigen regel een hele alinea. Een sjabloon met een "
                "veld dat niet in deze lijst staat, wordt geweigerd."
            )
        )
        right.addWidget(self.fields, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.kinds.currentRowChanged.connect(lambda _row: self.refresh())
        self.kinds.setCurrentRow(0)

    @property
    def kind(self) -> str:
        return KINDS[max(0, self.kinds.currentRow())]

    def refresh(self) -> None:
        from beschut_desktop.letters.templates import OWN, current_template

        template = current_template(self.session.store, self.kind)
        own = template.source == OWN
        if own:
            self.status.setText(
                f"<b>{KIND_LABELS[self.kind]}</b>: eigen sjabloon <i>{template.file_name}</i>, "
                f"ingesteld op {formatting.short_date(template.replaced_on)}."
            )
        else:
            self.status.setText(f"<b>{KIND_LABELS[self.kind]}</b>: het standaardsjabloon.")
        self.restore_button.setEnabled(own)
        rows = list(fields_for(self.kind).items())
        self.fields.setRowCount(len(rows))
        for index, (name, meaning) in enumerate(rows):
            self.fields.setItem(index, 0, QTableWidgetItem(f"{{{{ {name} }}}}"))
            self.fields.setItem(index, 1, QTableWidgetItem(meaning))

    def replace(self, path: Path | None = None) -> bool:
        """Check and store a Word file as this kind's template; a refusal is said in Dutch."""
        from beschut_desktop.letters.templates import replace_template

        if path is None:
            chosen = file_dialogs.open_file_name(self, "Eigen sjabloon kiezen", DOCX_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        try:
            with self.session.atomic() as store:
                replace_template(store, self.kind, path)
        except UserError as error:
            widgets.inform(self, "Sjabloon niet vervangen", error.message, QMessageBox.Icon.Warning)
            return False
        self.refresh()
        return True

    def restore(self) -> None:
        from beschut_desktop.letters.templates import restore_default

        choice = widgets.ask(
            self,
            "Standaardsjabloon terugzetten",
            f"Het eigen sjabloon voor '{KIND_LABELS[self.kind]}' wordt uit het register "
            "verwijderd; brieven gebruiken weer het standaardsjabloon.",
            ["Terugzetten", "Annuleren"],
            default=1,
        )
        if choice != 0:
            return
        with self.session.atomic() as store:
            restore_default(store, self.kind)
        self.refresh()

    def export(self, path: Path | None = None) -> Path | None:
        from beschut_desktop.atomic_file import write_atomically
        from beschut_desktop.letters.templates import current_template

        template = current_template(self.session.store, self.kind)
        if path is None:
            start = file_dialogs.documents_dir() / template.file_name
            chosen = file_dialogs.save_file_name(self, "Sjabloon opslaan", start, DOCX_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
        try:
            write_atomically(path, template.content)
        except UserError as error:
            widgets.inform(self, "Sjabloon opslaan", error.message, QMessageBox.Icon.Warning)
            return None
        return path
