"""Dates as clerks write them (§10): real dates, "1987.05", "1987-5-3", "1987年5月", serials."""

from __future__ import annotations

import datetime as dt
import re

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29
_PATTERN = re.compile(
    r"^\s*(?P<y>\d{4})\s*(?:[./\-年]\s*(?P<m>\d{1,2})\s*(?:[./\-月]\s*(?P<d>\d{1,2})\s*日?|月)?)?\s*$"
)
_COMPACT = re.compile(r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})?\s*$")
MIN_YEAR = 1900
MAX_YEAR = 2100


class DateParseError(ValueError):
    """The text is not a date in any form the clerks use."""


def from_excel_serial(serial: float | int) -> dt.date:  # float-ok: cells arrive as floats
    """An Excel serial day number (1900 date system) to a date."""
    whole = int(serial)
    if not 1 <= whole <= 2958465:
        raise DateParseError(f"{serial} 不是有效的 Excel 日期序号")
    return _EXCEL_EPOCH + dt.timedelta(days=whole)


def parse_date(value: object) -> dt.date | None:
    """Parse a spreadsheet cell into a date; empty gives None. Month-only forms give the 1st.

    Raises ``DateParseError`` with a clerk-readable reason.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise DateParseError(f"「{value}」不是日期")
    if isinstance(value, int | float):
        if 1900 <= value <= 2100 and value == int(value):
            return dt.date(int(value), 1, 1)  # a bare year typed as a number
        return from_excel_serial(value)
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return from_excel_serial(int(text.split(".")[0]))
    match = _PATTERN.match(text) or _COMPACT.match(text)
    if not match:
        raise DateParseError(
            f"「{text}」不是可识别的日期（可用 1987-05-03、1987.05、1987年5月 等）"
        )
    year = int(match["y"])
    month = int(match["m"] or 1)
    day = int(match["d"] or 1)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError(f"「{text}」的年份{year}超出范围")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateParseError(f"「{text}」不是有效日期") from None


def age_on(birth: dt.date, on: dt.date) -> int:
    """Age in whole years (周岁) on a date."""
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - (1 if before_birthday else 0)
