"""Decision letters as Word documents (.docx) from the municipality's own templates.

``fields`` is the list of fields a template may use; ``content`` fills them from the register
and the rules as of the letter's date; ``templates`` holds the defaults and the municipality's
own; ``render`` fills a template (docxtpl); ``making`` makes and records a letter; ``commands``
is ``beschut-desktop letter KIND``. No Qt here.
"""
