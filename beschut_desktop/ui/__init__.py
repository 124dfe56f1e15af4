"""The window (PySide6): main window, one module per section, dialogs and item models."""
