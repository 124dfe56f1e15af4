"""The consultant's guided flows as plain functions over a ``Store``: no Qt.

Each function is one user action and writes inside one ``store.atomic()``, so the audit trail
and the register change together or not at all. The dialogs call these; so could a script or
the command line. Problems the user can fix are raised as ``ValidationError`` keyed by the
field (column) name, so a form can show each message beside its own field.
"""
