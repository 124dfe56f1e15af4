"""Instellingen: the policy figures that are data, not constants.

The municipality and consultant, the logo on documents, the quota per year with the amount per
place and hours (R4, R7), the minimum-wage periods (R8), the subsidy percentages and durations
(R8), the signal lead times and legal terms, and the date the conditions took effect (R12–R17).
Settings are saved with ``Store.save_settings``, the tables with ``insert/update/delete`` —
all audited. Typed input is never overwritten by a refresh.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError
from beschut_desktop.ui import file_dialogs, forms, widgets
from beschut_desktop.ui.forms import (
    CheckField,
    DateField,
    Field,
    Form,
    IntField,
    NumberField,
    PercentField,
    TextField,
)
from beschut_desktop.ui.sections import Section
from beschut_desktop.ui.sections.settings_tables import MINIMUM_WAGE, QUOTA, TableEditor
from beschut_desktop.ui.sections.settings_templates import TemplatesPage

# (tab title, hint, [(key, Dutch label, field class)])
SETTING_GROUPS: list[tuple[str, str, list[tuple[str, str, type[Field]]]]] = [
    (
        "Algemeen",
        "Naam en logo verschijnen op elk document.",
        [
            ("municipality_name", "Gemeente", TextField),
            ("consultant_name", "Consulent werk", TextField),
            ("logo_path", "Logo (PNG of JPG)", TextField),
            ("conditions_effective_date", "Voorwaarden van kracht sinds", DateField),
        ],
    ),
    (
        "Loonkostensubsidie",
        "Percentages en termijnen van de loonkostensubsidie (R8). "
        "Het wettelijk minimumloon blijft de maatstaf. De beleidsregel van Staphorst noemt "
        "voor de forfaitaire LKS alleen 50% van het WML, dus vakantietoeslag en "
        "werkgeverslasten daarover staan standaard uit.",
        [
            ("flat_rate_percentage", "Forfaitaire LKS (% van WML)", PercentField),
            ("flat_rate_months", "Forfaitaire LKS hoogstens (maanden)", IntField),
            (
                "flat_rate_with_add_ons",
                "Vakantietoeslag en werkgeverslasten ook over de forfaitaire LKS",
                CheckField,
            ),
            ("max_subsidy_percentage", "LKS hoogstens (% van WML, art. 10d)", PercentField),
            ("holiday_allowance_percentage", "Vakantietoeslag (%)", PercentField),
            ("employer_charges_percentage", "Werkgeverslasten (%)", PercentField),
            ("full_time_hours", "Voltijd uren per week", NumberField),
            ("wage_value_interval_months", "Loonwaardemeting elke (maanden)", IntField),
        ],
    ),
    (
        "Termijnen en signalen",
        "Hoe ver vooruit een signaal verschijnt, en de wettelijke "
        "termijnen (Awb) en gespreksfrequentie (R18).",
        [
            ("review_lead_days", "Voortgangsgesprek: signaal vooraf (dagen)", IntField),
            ("contract_end_lead_days", "Einde contract: signaal vooraf (dagen)", IntField),
            ("indication_check_months", "Controle indicatie elke (maanden)", IntField),
            ("tailored_agreement_lead_days", "Maatwerkafspraak: signaal vooraf (dagen)", IntField),
            ("objection_term_weeks", "Bezwaartermijn (weken)", IntField),
            ("objection_decision_weeks", "Beslistermijn bezwaar (weken)", IntField),
            (
                "objection_decision_committee_weeks",
                "Beslistermijn met adviescommissie (weken)",
                IntField,
            ),
            ("review_interval_early_months", "Gesprek eerste periode elke (maanden)", IntField),
            ("review_interval_late_months", "Gesprek daarna elke (maanden)", IntField),
            ("review_early_period_months", "Eerste periode duurt (maanden)", IntField),
        ],
    ),
    (
        "Brieven",
        "Het briefhoofd van de brieven (met naam en logo van Algemeen) en wie ondertekent. "
        "Het adres staat ook in de bezwaarclausule.",
        [
            ("municipality_address", "Adres of postbus gemeente", TextField),
            ("municipality_postal_city", "Postcode en plaats", TextField),
            ("municipality_phone", "Telefoon", TextField),
            ("municipality_website", "Website of e-mail", TextField),
            ("signatory_name", "Ondertekenaar (leeg: de consulent)", TextField),
            ("signatory_function", "Functie ondertekenaar", TextField),
        ],
    ),
]
OPTIONAL_TEXT = {
    "consultant_name",
    "logo_path",
    "municipality_address",
    "municipality_postal_city",
    "municipality_phone",
    "municipality_website",
    "signatory_name",
    "signatory_function",
}
MAX_PERCENT = {
    "flat_rate_percentage",
    "max_subsidy_percentage",
    "holiday_allowance_percentage",
    "employer_charges_percentage",
}


def _sane(values: dict[str, Any]) -> dict[str, str]:
    problems = {}
    for key, value in values.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value < 0:
                problems[key] = "mag niet negatief zijn"
            elif key in MAX_PERCENT and value > 100:
                problems[key] = "een percentage ligt tussen 0 en 100"
    return problems


class SettingsSection(Section):
    """Tabs: Algemeen, Taakstelling, Minimumloon, Loonkostensubsidie, Termijnen en signalen."""

    def __init__(self, session: Any, main_window: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, main_window, parent)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Instellingen")
        self.forms: list[Form] = []
        self.pages: list[QWidget] = []
        for title, hint, fields in SETTING_GROUPS:
            form = Form()
            for key, text, field_class in fields:
                beside = self._logo_button(form) if key == "logo_path" else None
                required = key not in OPTIONAL_TEXT and field_class is not CheckField
                form.add(field_class(key, text, required=required), beside)
            form.add_check(_sane)
            if "logo_path" in form.fields:
                self.logo_preview = QLabel()
                self.logo_preview.setAccessibleName("Voorbeeld van het logo")
                form.add_row("", self.logo_preview)
                form.edited.connect(lambda f=form: self._show_logo(f))
            form.dirty_changed.connect(lambda _d: self._update_buttons())
            self.forms.append(form)
            self.pages.append(_page(hint, form))
            self.tabs.addTab(self.pages[-1], title)
        self.quota_editor = TableEditor(session, QUOTA)
        self.wage_editor = TableEditor(session, MINIMUM_WAGE)
        self.tabs.insertTab(1, self.quota_editor, "Taakstelling")
        self.tabs.insertTab(2, self.wage_editor, "Minimumloon")
        self.templates_page = TemplatesPage(session)
        self.tabs.addTab(self.templates_page, "Sjablonen")

        self.save_button = QPushButton("Instellingen opslaan")
        self.save_button.setAccessibleName("Instellingen opslaan")
        self.save_button.clicked.connect(self.save_settings)
        self.revert_button = QPushButton("Wijzigingen ongedaan maken")
        self.revert_button.clicked.connect(self._load_settings)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(8)
        layout.addWidget(widgets.heading("Instellingen"))
        layout.addWidget(
            widgets.muted(
                "Beleidsgetallen zijn gegevens, geen vaste waarden: "
                "pas ze aan als het Rijk of de gemeente ze wijzigt. "
                "Elke wijziging komt in het auditspoor."
            )
        )
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self._load_settings()

    # ---- hooks -------------------------------------------------------------------------

    def refresh(self) -> None:
        if not any(form.dirty for form in self.forms):
            self._load_settings()
        self.quota_editor.refresh()
        self.wage_editor.refresh()
        self.templates_page.refresh()

    def new_record(self) -> bool:
        editor = self._current_editor()
        if editor is None:
            return False
        editor.new()
        return True

    def focus_filter(self) -> bool:
        """Ctrl+F: the search field of the table shown (the quota years when a form is)."""
        editor = self._current_editor()
        if editor is None:
            editor = self.quota_editor
            self.tabs.setCurrentWidget(editor)
        editor.table.focus_filter()
        return True

    def save(self) -> bool:
        editor = self._current_editor()
        if editor is not None and editor.form.dirty:
            return editor.save()
        return self.save_settings()

    def maybe_leave(self) -> bool:
        for editor in (self.quota_editor, self.wage_editor):
            if not editor.maybe_leave():
                self.tabs.setCurrentWidget(editor)
                return False
        if not any(form.dirty for form in self.forms):
            return True
        choice = forms.ask_unsaved(self, "de gewijzigde instellingen")
        if choice == forms.SAVE:
            return self.save_settings()
        if choice == forms.DISCARD:
            self._load_settings()
            return True
        return False

    # ---- settings ----------------------------------------------------------------------

    def settings_values(self) -> dict[str, Any]:
        """The changed settings, parsed (``ValidationError`` when a field cannot be read)."""
        values: dict[str, Any] = {}
        for form in self.forms:
            if form.dirty:
                values.update(form.changed_values())
        for key in OPTIONAL_TEXT & set(values):
            values[key] = values[key] or ""
        return values

    def save_settings(self) -> bool:
        """Save every changed setting (one transaction, each audited)."""
        for form, page in zip(self.forms, self.pages, strict=True):
            if form.dirty and not form.check():
                self.tabs.setCurrentWidget(page)
                return False
        values = self.settings_values()
        if not values:
            return True
        try:
            self.session.save_settings(values)
        except UserError as exc:
            widgets.inform(self, "Niet opgeslagen", exc.message, widgets.QMessageBox.Icon.Warning)
            return False
        for form in self.forms:
            form.mark_clean()
        self._load_settings()
        self.main_window.statusBar().showMessage("Instellingen opgeslagen.", 5000)
        return True

    def _load_settings(self) -> None:
        current = self.session.register.settings
        for form in self.forms:
            form.load(current)
            if "logo_path" in form.fields:
                self._show_logo(form)
        self._update_buttons()

    def _logo_button(self, form: Form) -> QPushButton:
        button = QPushButton("Kiezen…")
        button.setAccessibleName("Logo kiezen")
        button.clicked.connect(lambda: self._choose_logo(form))
        return button

    def _choose_logo(self, form: Form) -> None:
        path = file_dialogs.open_file_name(self, "Logo kiezen", "Afbeeldingen (*.png *.jpg *.jpeg)")
        if path:
            form.fields["logo_path"].set_value(path)

    def _show_logo(self, form: Form) -> None:
        path = form.fields["logo_path"].widget.text().strip()  # type: ignore[attr-defined]
        image = QPixmap(path) if path else QPixmap()
        if image.isNull():
            self.logo_preview.setText("Dit bestand is geen afbeelding." if path else "")
            return
        self.logo_preview.setPixmap(
            image.scaled(
                180,
                60,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _current_editor(self) -> Any:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TableEditor) else None

    def _update_buttons(self) -> None:
        dirty = any(form.dirty for form in self.forms)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        on_editor = self._current_editor() is not None or isinstance(
            self.tabs.currentWidget(), TemplatesPage
        )
        self.save_button.setVisible(not on_editor)
        self.revert_button.setVisible(not on_editor)


def _page(hint: str, form: Form) -> QWidget:
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.addWidget(widgets.muted(hint))
    layout.addWidget(form)
    layout.addStretch(1)
    inner.setMaximumWidth(760)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setObjectName("settingsPage")
    scroll.setWidget(inner)
    return scroll
