"""Printed documents: one module per document, one look (``style``), PDF bytes out.

Each builder is a pure function of a ``Register`` (and a date): the window previews, prints
or saves the bytes, the command line writes them. No Qt here.
"""
