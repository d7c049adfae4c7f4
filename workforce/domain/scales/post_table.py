"""A sheet of posts and level ranges (岗位设置) for a new scale version: any shape a region uses,
e.g. 宁夏's four posts × 24 levels. Columns: 代码, 岗位名称, 最低等级, 最高等级, 参照岗位 (parity,
optional), 别名 (optional, separated by 、 or ,)."""

from __future__ import annotations

import re

from workforce.domain.problems import Problem, Where, error
from workforce.domain.scale import PostRange
from workforce.domain.sheet import SheetGrid

COLUMNS = {
    "code": ("代码", "岗位代码", "code"),
    "name": ("岗位名称", "岗位", "名称", "name"),
    "min_level": ("最低等级", "起始等级", "最低级", "min_level"),
    "max_level": ("最高等级", "最高级", "max_level"),
    "paid_as": ("参照岗位", "参照", "paid_as"),
    "aliases": ("别名", "aliases"),
}
REQUIRED = ("code", "name", "min_level", "max_level")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():  # float-ok: a spreadsheet number
        return str(int(value))
    return str(value).strip()


def _level(text: str) -> int | None:
    match = re.fullmatch(r"(\d{1,2})\s*级?", text)
    return int(match[1]) if match else None


def parse_posts_sheet(grid: SheetGrid) -> tuple[tuple[PostRange, ...], list[Problem]]:
    """The posts a sheet defines, with a problem per bad cell (row numbers as Excel shows them)."""
    header = [_text(c) for c in (grid.rows[0] if grid.rows else ())]
    where: dict[str, int] = {}
    for field, names in COLUMNS.items():
        for index, title in enumerate(header):
            if title in names:
                where[field] = index
                break
    problems = [
        error(
            "missing_column", f"岗位设置表缺少「{COLUMNS[f][0]}」列", Where(sheet=grid.name, row=1)
        )
        for f in REQUIRED
        if f not in where
    ]
    if problems:
        return (), problems
    posts: list[PostRange] = []
    for number, row in enumerate(grid.rows[1:], start=2):
        cells = {f: _text(row[i]) if i < len(row) else "" for f, i in where.items()}
        if not any(cells.values()):
            continue
        low, high = _level(cells["min_level"]), _level(cells["max_level"])
        bad = [
            (f, cells[f], reason)
            for f, ok, reason in (
                (
                    "code",
                    re.fullmatch(r"[a-z][a-z0-9_]{0,19}", cells["code"]) is not None,
                    "代码应为小写英文字母开头的字母、数字或下划线（如 staff）",
                ),
                ("name", bool(cells["name"]), "岗位名称不能为空"),
                ("min_level", low is not None, "等级应为整数"),
                ("max_level", high is not None, "等级应为整数"),
            )
            if not ok
        ]
        for field, value, reason in bad:
            problems.append(
                error(
                    "invalid_post",
                    reason,
                    Where(sheet=grid.name, row=number, column=COLUMNS[field][0], value=value),
                )
            )
        if bad or low is None or high is None:
            continue
        aliases = tuple(a for a in re.split(r"[、,，;；\s]+", cells.get("aliases", "")) if a)
        posts.append(
            PostRange(
                cells["code"], cells["name"], low, high, cells.get("paid_as") or None, aliases
            )
        )
    return tuple(posts), problems
