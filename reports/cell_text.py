"""User text in exported spreadsheets stays text (防公式注入).

A name, remark or unit typed as ``=HYPERLINK(…)``, ``+1``, ``-1`` or ``@SUM(A1)`` must never
become a formula when a clerk opens the export. xlsxwriter's ``write_string`` always writes a text
cell, but ``write``, ``merge_range`` and ``write_row`` turn a string starting with ``=`` into a
formula and one that looks like a URL into a link — so every writer opens its workbook through
:func:`text_workbook`, which switches those conversions off. In a .csv there are no cell types:
such a value gets a leading apostrophe, which Excel shows as text and does not display.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def text_workbook(path: str | Path, options: dict[str, Any] | None = None) -> xlsxwriter.Workbook:
    """An xlsxwriter workbook in which no string is ever written as a formula, link or number."""
    return xlsxwriter.Workbook(str(path), {**(options or {}), **SAFE_OPTIONS})


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(value: object) -> str:
    """A value for a CSV cell: text that a spreadsheet would evaluate gets an apostrophe."""
    text = "" if value is None else str(value)
    return f"'{text}" if looks_like_formula(text) else text
