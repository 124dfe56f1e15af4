"""The window (PySide6): main window, one module per section, dialogs and item models.

Importing this package protects None, True and False against an upstream reference-count
fault before any Qt object exists (see ``lifetime``)."""

from beschut_desktop.ui.lifetime import protect_singletons

protect_singletons()
