"""Values to text for printed documents: the only place the renderers turn values into strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def yuan(amount: Decimal) -> str:
    """An amount in yuan with thousands separators and fen: 3,738.00."""
    return f"{amount:,.2f}"


def signed_yuan(amount: Decimal) -> str:
    """A change in yuan with its sign: +170.00, -85.50, 0.00."""
    return f"{amount:+,.2f}" if amount else "0.00"


def chinese_date(value: dt.date) -> str:
    """2026年1月1日, as a notice prints it."""
    return f"{value.year}年{value.month}月{value.day}日"


def level(value: int) -> str:
    return f"{value}级"


def count(value: int) -> str:
    """People with thousands separators: 96,354."""
    return f"{value:,}"


def signed_count(value: int) -> str:
    """A change in people: +166, -3, 0."""
    return f"{value:+,}" if value else "0"


def percent(value: Decimal) -> str:
    """A percentage kept in percent units (45.5 → 45.5%)."""
    return f"{value}%"


def points(value: Decimal | None) -> str:
    """A change in percentage points or years, signed; a dash when there is nothing to compare."""
    if value is None:
        return "—"
    return f"{value:+}" if value else "0.0"


def month(period: dt.date) -> str:
    """2026年1月."""
    return f"{period.year}年{period.month}月"
