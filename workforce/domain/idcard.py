"""Resident ID numbers (居民身份证号码, GB 11643-1999): check digit, birth date, sex."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_character(first17: str) -> str:
    """The 18th character for 17 digits: sum of weighted digits mod 11, mapped by "10X98765432"."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


@dataclass(frozen=True, slots=True)
class IdInfo:
    number: str
    birth_date: dt.date
    sex: str  # "男" / "女"


class IdNumberError(ValueError):
    """Why an ID number is not valid, in words a clerk understands."""


def parse_id_number(raw: str) -> IdInfo:
    """Validate an 18-character ID number and derive birth date and sex.

    Lower-case x is accepted and normalised to X. Raises ``IdNumberError``.
    """
    number = raw.strip().upper()
    if len(number) != 18:
        raise IdNumberError(f"身份证号应为18位，实为{len(number)}位")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError("身份证号前17位应为数字，末位为数字或X")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError(f"身份证号中的出生日期{number[6:14]}不是有效日期") from None
    expected = check_character(number[:17])
    if number[17] != expected:
        raise IdNumberError(f"身份证号校验位错误：末位应为{expected}，实为{number[17]}")
    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return IdInfo(number, birth, sex)


def make_id_number(region: str, birth: dt.date, sequence: int, male: bool) -> str:
    """Build a valid ID number (for demo data and tests): 6-digit region, birth, 3-digit order."""
    seq = sequence % 500 * 2 + (1 if male else 0)
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_character(first17)


def mask_id_number(number: str) -> str:
    """Mask the middle of an ID number for printed lists: 110105********002X."""
    if len(number) != 18:
        return number
    return number[:6] + "*" * 8 + number[14:]


def luhn_ok(card: str) -> bool:
    """Luhn check of a bank card number (a failure is a warning, not a rejection)."""
    digits = [int(c) for c in card if c.isdigit()]
    if len(digits) < 12 or len(digits) != len(card):
        return False
    total = 0
    for i, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if i % 2 == 1 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0
