"""Values to text for the screens: the only place the UI turns values into strings."""

from __future__ import annotations

import datetime as dt

from workforce.domain.idcard import mask_id_number

EMPTY = ""


def date_text(value: dt.date | None) -> str:
    """yyyy-MM-dd, or nothing for a missing date."""
    return f"{value:%Y-%m-%d}" if value is not None else EMPTY


def text(value: object) -> str:
    """Any optional value as plain text (None → nothing)."""
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, dt.date):
        return date_text(value)
    return str(value)


def yes_no(value: bool | None) -> str:
    return EMPTY if value is None else ("是" if value else "否")


def id_number_text(value: str, *, masked: bool = False) -> str:
    return mask_id_number(value) if masked else value


def level_text(level: int | None) -> str:
    return EMPTY if level is None else f"{level}级"


def count_text(count: int) -> str:
    """Thousands separated: 100,000."""
    return f"{count:,}"


def change_text(value: object) -> str:
    """An old or new value in an import preview: empty shows as a dash."""
    shown = text(value)
    return shown if shown else "—"
