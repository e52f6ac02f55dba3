"""Spreadsheet-safe CSV cells: what careerpath writes cannot run as a formula.

Spreadsheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or carriage return) as a formula, so a contact named ``=HYPERLINK(…)`` would act
when the export is opened. OWASP's CSV-injection rule is applied to every cell we
write: such a cell gets a leading single quote, which spreadsheets read as "this is
text".

Phone numbers starting with ``+`` and names starting with ``-`` are common, so our own
importer must give the original value back: ``unescape_cell`` removes exactly the one
quote ``escape_cell`` added. A value that already starts with quotes followed by a
trigger character (``'=x``) gets one more quote on the way out, so the two functions
are inverse for every string.
"""

from __future__ import annotations

import re

# OWASP's list: the characters that make a spreadsheet evaluate a cell.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# One or more quotes followed by a trigger: a cell escape_cell wrote (or must protect).
_QUOTED_TRIGGER = re.compile(r"'+[=+\-@\t\r]")


def escape_cell(value: str) -> str:
    """``value`` made inert for spreadsheets: a leading quote before a trigger character."""
    if value.startswith(FORMULA_TRIGGERS) or _QUOTED_TRIGGER.match(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """The value ``escape_cell`` was given: one leading quote removed before a trigger."""
    if _QUOTED_TRIGGER.match(value):
        return value[1:]
    return value
