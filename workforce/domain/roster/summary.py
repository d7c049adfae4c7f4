"""The roster's summary line (§9): 人数, 本科以上 %, 平均年龄, 35岁以下 %, 持证率 of the people
listed, with the statistics' rounding (half up to 0.1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.dates import age_on
from workforce.domain.stats.indicators import percent, round_tenth
from workforce.domain.vocab import BACHELOR_OR_ABOVE

UNDER_AGE = 35


@dataclass(frozen=True, slots=True)
class RosterSummary:
    headcount: int
    bachelor_ratio: Decimal
    average_age: Decimal
    under_35_ratio: Decimal
    certified_ratio: Decimal

    def describe(self) -> str:
        return (
            f"合计{self.headcount}人；本科以上学历占{self.bachelor_ratio}%；"
            f"平均年龄{self.average_age}岁；35岁以下占{self.under_35_ratio}%；"
            f"持证率{self.certified_ratio}%"
        )


def summarise_roster(
    people: Iterable[tuple[dt.date, str | None, bool]], as_of: dt.date
) -> RosterSummary:
    """From (birth date, highest education, holds a social-work certificate) of each person."""
    count = bachelor = under = certified = ages = 0
    for birth, education, has_certificate in people:
        count += 1
        age = age_on(birth, as_of)
        ages += age
        under += age < UNDER_AGE
        bachelor += education in BACHELOR_OR_ABOVE
        certified += has_certificate
    average = round_tenth(Decimal(ages) / count) if count else Decimal("0.0")
    return RosterSummary(
        count, percent(bachelor, count), average, percent(under, count), percent(certified, count)
    )
