"""The guided flows as dialogs; each saves through one function of ``beschut_desktop.actions``."""
