"""Numbers for demo people, fast: unique ID numbers and Luhn-valid bank card numbers.

``IdNumbers.make`` gives exactly what ``idcard.make_id_number`` gives (the tests check it) but adds
precomputed weighted sums instead of summing 17 digits each time: 100,000 numbers in a fraction
of the time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_PER_KEY = 500  # make_id_number keeps 500 order numbers per region, birth date and sex


def _weighted(text: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(text, weights, strict=True))


class IdNumbers:
    """Unique ID numbers: region (6) + birth date (8) + order (3, odd for men) + check character.

    When a region has used all 500 order numbers of a birth date and sex, the next region of
    ``regions`` is used, so numbers stay unique however many are drawn.
    """

    def __init__(self, regions: tuple[str, ...]) -> None:
        self._regions = regions
        self._region_sum = {r: _weighted(r, _WEIGHTS[:6]) for r in regions}
        self._year = {y: _weighted(f"{y:04d}", _WEIGHTS[6:10]) for y in range(1900, 2100)}
        self._month = {m: _weighted(f"{m:02d}", _WEIGHTS[10:12]) for m in range(1, 13)}
        self._day = {d: _weighted(f"{d:02d}", _WEIGHTS[12:14]) for d in range(1, 32)}
        self._order = tuple(_weighted(f"{s:03d}", _WEIGHTS[14:17]) for s in range(1000))
        self._used: dict[tuple[str, int, bool], int] = {}

    def make(self, region: str, birth: dt.date, male: bool) -> str:
        """The next unused number for a region, birth date and sex."""
        ordinal = birth.toordinal()
        key = (region, ordinal, male)
        count = self._used.get(key, 0)
        tried = 1
        while count >= _PER_KEY:
            if tried == len(self._regions):
                raise ValueError(f"{birth} 出生的{'男' if male else '女'}性身份证号已用尽")
            region = self._regions[(self._regions.index(region) + 1) % len(self._regions)]
            key = (region, ordinal, male)
            count = self._used.get(key, 0)
            tried += 1
        self._used[key] = count + 1
        # the same order number make_id_number(region, birth, ordinal * 7 + count, male) uses
        order = (ordinal * 7 + count) % _PER_KEY * 2 + (1 if male else 0)
        total = (
            self._region_sum[region]
            + self._year[birth.year]
            + self._month[birth.month]
            + self._day[birth.day]
            + self._order[order]
        )
        first17 = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{order:03d}"
        return first17 + _CHECK[total % 11]


def _luhn_digit_sum(digit: int, doubled: bool) -> int:
    if not doubled:
        return digit
    return digit * 2 - 9 if digit > 4 else digit * 2


class CardNumbers:
    """Bank card numbers: a 6-digit BIN, 12 random digits and a Luhn check digit (19 digits)."""

    def __init__(self, random: Callable[[], float]) -> None:
        self._random = random
        # A 4-digit block followed by an even number of digits and the check digit: its last
        # digit is doubled, then every second digit to the left.
        self._block = tuple(
            sum(_luhn_digit_sum(int(c), i % 2 == 0) for i, c in enumerate(reversed(f"{n:04d}")))
            for n in range(10_000)
        )
        self._bin_sums: dict[str, int] = {}

    def _bin_sum(self, bin_: str) -> int:
        total = self._bin_sums.get(bin_)
        if total is None:
            # the BIN is followed by 12 digits and the check digit: its last digit is doubled
            total = sum(_luhn_digit_sum(int(c), i % 2 == 0) for i, c in enumerate(reversed(bin_)))
            self._bin_sums[bin_] = total
        return total

    def make(self, bin_: str) -> str:
        random, block = self._random, self._block
        a, b, c = int(random() * 10_000), int(random() * 10_000), int(random() * 10_000)
        total = self._bin_sum(bin_) + block[a] + block[b] + block[c]
        return f"{bin_}{a:04d}{b:04d}{c:04d}{-total % 10}"
