"""Pay scale shapes (§3): posts with level ranges and parity, amounts per (post, level)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class PostRange:
    """A post of a scale: 社区正职 ``principal`` 7–18; ``paid_as`` gives parity (网格员 → staff)."""

    code: str
    name: str
    min_level: int
    max_level: int
    paid_as: str | None = None
    aliases: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        cleaned = text.strip()
        return cleaned in (self.code, self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class ScaleVersion:
    """One version of the scale, in force from ``effective_date``."""

    effective_date: dt.date
    posts: tuple[PostRange, ...]
    amounts: dict[tuple[str, int], Decimal]

    def post(self, code: str) -> PostRange | None:
        return next((p for p in self.posts if p.code == code), None)

    def monthly_pay(self, post: str, level: int) -> Decimal:
        """岗位等级工资 for a post and level, following parity for posts paid as another."""
        found = self.post(post)
        table = found.paid_as if found and found.paid_as else post
        return self.amounts[(table, level)]


def find_post(posts: tuple[PostRange, ...], text: str) -> PostRange | None:
    """The post a spreadsheet's text names, by code, name or alias."""
    return next((p for p in posts if p.matches(text)), None)


def in_force(versions: list[ScaleVersion], on: dt.date) -> ScaleVersion | None:
    """The newest version whose effective date is on or before ``on``."""
    candidates = [v for v in versions if v.effective_date <= on]
    return max(candidates, key=lambda v: v.effective_date) if candidates else None
