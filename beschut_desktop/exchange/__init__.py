"""Bringing the register in and out: Excel import and export, the calendar, data requests.

No Qt here: the command line (``commands``) and the window (``ui.exchange_dialogs``) call the
same functions.
"""
