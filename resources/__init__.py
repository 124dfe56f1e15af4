"""The program's resources (fonts, style sheet, icon, Qt's Dutch translation) as package data.

This folder stays at the top level of the checkout and is installed as
``beschut_desktop.resources``; ``beschut_desktop.paths`` is the one place that reads it.
"""
