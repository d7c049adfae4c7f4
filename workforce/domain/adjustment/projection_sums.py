"""预算测算's year sums (issue 19) in integer fen: a year's workers tallied by what they are paid,
each distinct tally priced once, the units' months as runs of equal months.

Every amount the projection adds is a whole number of fen (rounded per month and item as payroll
rounds, or the fen of the tables on file), and every sum of the report starts from ``ZERO``
(0.00): the Decimal sums are exact, so the sums of their fen are the same figures. Amounts turn
into fen where they are made (once per distinct amount) and back into Decimal (two places) once
per row of the result. Where a share of stayers multiplies a unit's month, the month goes back
to Decimal and is rounded exactly as before (``shared``), once per run of equal months.

The people a row counts (expected headcounts: fractions of many digits, rounded by the Decimal
context) are added as Decimal in the order the rows come, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from workforce.domain.adjustment.projection_model import MONTHS, ONE, Cost, YearFigures
from workforce.domain.money import ZERO, round_fen

# a unit's months as runs of equal amounts: (first month index, end index, fen)
Runs = list[tuple[int, int, int]]


def fen(amount: Decimal) -> int:
    """Whole fen of ``amount``; one with a fraction of a fen (or finer digits: the report would
    show them) is refused."""
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError(f"金额精度超过分：{amount}")
    return int(amount.scaleb(2))


def yuan(fen_: int) -> Decimal:
    """``fen_`` as yuan with two decimals (as a sum that starts from ``ZERO``)."""
    return Decimal(fen_).scaleb(-2)


def runs_of(changes: Iterable[tuple[int, int]]) -> Runs:
    """Runs of equal months from (month index, change of the amount from then on), sorted."""
    runs: Runs = []
    value, start = 0, 0
    for index, delta in changes:
        if index >= 12:
            break
        if not delta:
            continue
        if index > start:
            runs.append((start, index, value))
        value += delta
        start = index
    runs.append((start, 12, value))
    return runs


def shared(runs: Runs, share: Decimal, known: dict[int, int] | None = None) -> Runs:
    """Each month times ``share``, rounded to the fen (as a unit's month, once per run);
    ``known``: the amounts already rounded with this share."""
    if share == ONE:
        return runs
    if known is None:
        known = {}
    found = []
    for start, end, value in runs:
        rounded = known.get(value)
        if rounded is None:
            rounded = known[value] = int(round_fen(Decimal(value).scaleb(-2) * share).scaleb(2))
        found.append((start, end, rounded))
    return found


class Book:
    """A year's figures as they are added up: money in fen, people as Decimal in order."""

    __slots__ = ("by_district", "by_post", "by_street", "employer", "gross", "total")

    def __init__(self) -> None:
        self.total: list[object] = [0, 0, ZERO]
        self.by_district: dict[str, list[object]] = {}
        self.by_street: dict[str, list[object]] = {}
        self.by_post: dict[str, list[object]] = {}
        # the months as changes: index → fen from then on
        self.gross = [0] * 13
        self.employer = [0] * 13

    def months(self, runs: Runs, employer: bool) -> int:
        """``runs`` into the year's months; their sum."""
        into = self.employer if employer else self.gross
        total = 0
        for start, end, value in runs:
            if value:
                into[start] += value
                into[end] -= value
                total += value * (end - start)
        return total

    def add(
        self, district: str, street: str, post: str, gross: int, employer: int, people: Decimal
    ) -> None:
        """A row of ``street`` (its district/street label) and ``post``."""
        _add(self.total, gross, employer, people)
        for table, key in (
            (self.by_district, district),
            (self.by_street, street),
            (self.by_post, post),
        ):
            row = table.get(key)
            if row is None:
                row = table[key] = [0, 0, ZERO]
            _add(row, gross, employer, people)

    def into(self, figures: YearFigures) -> None:
        figures.total = _cost(self.total)
        figures.by_district = {k: _cost(v) for k, v in self.by_district.items()}
        figures.by_street = {k: _cost(v) for k, v in self.by_street.items()}
        figures.by_post = {k: _cost(v) for k, v in self.by_post.items()}
        gross = employer = 0
        for m in MONTHS:
            gross += self.gross[m - 1]
            employer += self.employer[m - 1]
            figures.by_month[m] = Cost(yuan(gross), yuan(employer))


def _add(row: list[object], gross: int, employer: int, people: Decimal) -> None:
    row[0] += gross  # type: ignore[operator]
    row[1] += employer  # type: ignore[operator]
    row[2] += people  # type: ignore[operator]


def _cost(row: list[object]) -> Cost:
    gross, employer, people = row
    return Cost(yuan(gross), yuan(employer), people)  # type: ignore[arg-type]
