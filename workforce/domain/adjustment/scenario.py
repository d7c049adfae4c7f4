"""预算测算的情景与假设 (issue 19): the small data files a clerk writes, read into ``Scenario`` and
``Assumptions``. Problems name the key and say what was expected; a typo is never ignored.

A scenario file (JSON)::

    {"name": "网格员同酬",
     "raise": {"rate": "0.05", "from": "2027-07-01"},
     "parity": {"from": "2027-01-01", "post": "grid", "with": "staff"},
     "step_years": {"years": 2, "from": 2028},
     "headcount": {"幸福社区": 2, "新城区/中山路街道/和平社区": -1},
     "scale": {"from": "2028-01-01", "file": "四岗二十四级.xlsx",
               "posts": [{"code": "staff", "name": "其他社区工作者", "min": 1, "max": 24}]}}

``scale`` names its table by a file (``file``, with ``posts`` when they differ from today's) or a
version already stored in the program (``version``: its name or the date it took effect), and
applies it from ``from``.

An assumptions file::

    {"grade_shares": {"*": {"优秀": "0.2", "称职": "0.75", "基本称职": "0.05"}, "幸福社区": {…}},
     "leaver_rates": {"*": "0.05", "幸福社区": "0.1"},
     "approved": {"幸福社区": 12}, "refill": true, "refill_month": 3,
     "bounds_growth": "0.05"}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from workforce.domain.adjustment.projection import Scenario
from workforce.domain.scale import PostRange, ScaleVersion

SCENARIO_KEYS = frozenset({"name", "raise", "parity", "step_years", "headcount", "scale", "notes"})
ASSUMPTION_KEYS = frozenset(
    {"grade_shares", "leaver_rates", "approved", "refill", "refill_month", "bounds_growth"}
)
ALL_UNITS = "*"


class ScenarioError(ValueError):
    """A scenario or assumptions file says something the projection cannot use."""


@dataclass(frozen=True, slots=True)
class Assumptions:
    """What the clerk sets over what the history says (keys: community name or path, or ``*``)."""

    grade_shares: Mapping[str, tuple[tuple[str, Decimal], ...]] = field(default_factory=dict)
    leaver_rates: Mapping[str, Decimal] = field(default_factory=dict)
    approved: Mapping[str, int] = field(default_factory=dict)
    refill: bool = True
    refill_month: int = 1
    bounds_growth: Decimal = Decimal(0)


def _decimal(value: object, what: str) -> Decimal:
    if isinstance(value, float):
        value = repr(value)  # float-ok: JSON numbers arrive as floats; their text is exact
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ScenarioError(f"{what}应为数字，实为「{value}」") from None


def _rate(value: object, what: str) -> Decimal:
    rate = _decimal(value, what)
    if not Decimal(-1) < rate < Decimal(1):
        raise ScenarioError(f"{what}应为小数形式的比例（如 0.05 表示 5%），实为{rate}")
    return rate


def _date(value: object, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ScenarioError(f"{what}应为 YYYY-MM-DD 格式的日期，实为「{value}」") from None


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(f"{what}应为整数，实为「{value}」")
    return value


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ScenarioError(f"{what}应为 JSON 对象")
    return value


def _known(data: Mapping[str, Any], keys: frozenset[str], what: str) -> None:
    unknown = sorted(set(data) - keys)
    if unknown:
        raise ScenarioError(
            f"{what}中有未知的项：{'、'.join(unknown)}（可用：{'、'.join(sorted(keys))}）"
        )


def scale_posts(data: object, current: tuple[PostRange, ...]) -> tuple[PostRange, ...]:
    """The posts of a scenario's scale: those it lists, else the current ones."""
    if data is None:
        return current
    if not isinstance(data, list):
        raise ScenarioError("scale.posts 应为列表")
    posts = []
    for i, item in enumerate(data, start=1):
        entry = _mapping(item, f"scale.posts 第{i}项")
        posts.append(
            PostRange(
                str(entry["code"]),
                str(entry.get("name", entry["code"])),
                _int(entry["min"], f"scale.posts 第{i}项 min"),
                _int(entry["max"], f"scale.posts 第{i}项 max"),
                entry.get("paid_as"),
            )
        )
    return tuple(posts)


def read_scenario(
    data: object,
    communities: Callable[[str], int],
    scale: Callable[[Mapping[str, Any], dt.date], ScaleVersion] | None = None,
) -> Scenario:
    """A scenario from its JSON; ``communities`` finds a community by name or path, ``scale``
    reads the table a ``scale`` entry names (the caller reads files)."""
    root = _mapping(data, "情景文件")
    _known(root, SCENARIO_KEYS, "情景文件")
    name = str(root.get("name") or "情景")
    values: dict[str, Any] = {"name": name}
    if "raise" in root:
        entry = _mapping(root["raise"], "raise")
        values["raise_rate"] = _rate(entry.get("rate"), "raise.rate")
        values["raise_from"] = _date(entry.get("from"), "raise.from")
    if "parity" in root:
        entry = _mapping(root["parity"], "parity")
        values["parity_from"] = _date(entry.get("from"), "parity.from")
        values["parity_post"] = str(entry.get("post", "grid"))
        values["parity_with"] = str(entry.get("with", "staff"))
    if "step_years" in root:
        entry = root["step_years"]
        if isinstance(entry, int):
            entry = {"years": entry}
        entry = _mapping(entry, "step_years")
        years = _int(entry.get("years"), "step_years.years")
        if not 1 <= years <= 10:
            raise ScenarioError(f"step_years.years 应在1到10年之间，实为{years}")
        values["step_years"] = years
        if "from" in entry:
            values["step_from"] = _int(entry["from"], "step_years.from")
    if "headcount" in root:
        changes = _mapping(root["headcount"], "headcount")
        values["headcount"] = {
            communities(unit): _int(change, f"headcount.{unit}") for unit, change in changes.items()
        }
    if "scale" in root:
        entry = _mapping(root["scale"], "scale")
        if scale is None:
            raise ScenarioError("scale 需要薪酬标准表文件（scale.file）")
        values["scale"] = scale(entry, _date(entry.get("from"), "scale.from"))
    notes = root.get("notes", ())
    values["notes"] = (notes,) if isinstance(notes, str) else tuple(str(n) for n in notes)
    return Scenario(**values)


def _shares(data: object, what: str) -> tuple[tuple[str, Decimal], ...]:
    shares = tuple((str(g), _rate(v, f"{what}.{g}")) for g, v in _mapping(data, what).items())
    total = sum((s for _, s in shares), Decimal(0))
    if total != 1:
        raise ScenarioError(f"{what}各等次的比例之和应为1，实为{total}")
    return shares


def read_assumptions(data: object) -> Assumptions:
    """The clerk's assumptions from their JSON (every key optional)."""
    root = _mapping(data, "假设文件")
    _known(root, ASSUMPTION_KEYS, "假设文件")
    month = _int(root.get("refill_month", 1), "refill_month")
    if not 1 <= month <= 12:
        raise ScenarioError(f"refill_month 应为1到12月，实为{month}")
    return Assumptions(
        grade_shares={
            unit: _shares(value, f"grade_shares.{unit}")
            for unit, value in _mapping(root.get("grade_shares", {}), "grade_shares").items()
        },
        leaver_rates={
            unit: _rate(value, f"leaver_rates.{unit}")
            for unit, value in _mapping(root.get("leaver_rates", {}), "leaver_rates").items()
        },
        approved={
            unit: _int(value, f"approved.{unit}")
            for unit, value in _mapping(root.get("approved", {}), "approved").items()
        },
        refill=bool(root.get("refill", True)),
        refill_month=month,
        bounds_growth=_rate(root.get("bounds_growth", 0), "bounds_growth"),
    )
