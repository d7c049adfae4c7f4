"""Values to text for the screens: the only place the UI turns values into strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workforce.domain.idcard import mask_id_number

EMPTY = ""


def date_text(value: dt.date | None) -> str:
    """yyyy-MM-dd, or nothing for a missing date."""
    return f"{value:%Y-%m-%d}" if value is not None else EMPTY


def month_text(value: dt.date | None) -> str:
    """A month (stored as its first day) as a clerk writes it: 2024年1月; a later day of the
    month is kept (2024年1月15日); nothing for a missing date."""
    if value is None:
        return EMPTY
    month = f"{value.year}年{value.month}月"
    return month if value.day == 1 else f"{month}{value.day}日"


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


def signed_count_text(count: int) -> str:
    """A change in people: +166, -3, 0."""
    return f"{count:+,}" if count else "0"


def percent_text(value: Decimal) -> str:
    """A percentage kept in percent units: 45.5 → 45.5%."""
    return f"{value}%"


def points_text(value: Decimal | None) -> str:
    """A change in percentage points or years, signed; a dash when nothing compares."""
    if value is None:
        return "—"
    return f"{value:+}" if value else "0.0"


def yuan_text(amount: Decimal) -> str:
    """Yuan with thousands separators and fen: 79,560.00."""
    return f"{amount:,.2f}"


def signed_yuan_text(amount: Decimal) -> str:
    """A change in yuan with its sign, or 0.00: +1,200.00, -350.50."""
    return f"{amount:+,.2f}" if amount else "0.00"


def optional_yuan_text(amount: Decimal | None) -> str:
    """Yuan as ``yuan_text``, or a dash when there is no amount (before a first calculation)."""
    return "—" if amount is None else yuan_text(amount)


def hours_text(hours: Decimal) -> str:
    """Training hours without trailing zeros: 12, 7.5."""
    return f"{hours.normalize():f}"


def period_text(start: dt.date, end: dt.date) -> str:
    """A period with both ends: 2018-03-07 至 2021-03-06."""
    return f"{date_text(start)} 至 {date_text(end)}"


def datetime_text(value: dt.datetime | None) -> str:
    """yyyy-MM-dd HH:mm:ss in the computer's time zone, or nothing."""
    return f"{value.astimezone():%Y-%m-%d %H:%M:%S}" if value is not None else EMPTY


def size_text(size: int) -> str:
    """A file size as a person reads it: 812 KB, 12.3 MB."""
    if size < 1024 * 1024:
        return f"{max(size, 1) / 1024:,.0f} KB"
    return f"{size / 1024 / 1024:,.1f} MB"


FULL_WIDTH_ENDS = "。；！？：）」』"


def sentences(*parts: str) -> str:
    """Translated sentences one after another: a space after an English one, none after a
    Chinese full stop (it read "。 其中38名…")."""
    joined = ""
    for part in filter(None, parts):
        gap = "" if not joined or joined.endswith(tuple(FULL_WIDTH_ENDS)) else " "
        joined += gap + part
    return joined
