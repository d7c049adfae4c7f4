"""A pay scale table read from a spreadsheet (薪酬标准表, §3), and two versions compared.

Two shapes are understood, as regions publish them:

- long: one row per (post, level) with columns 岗位 / 等级 / 月标准 (or ``post,level,monthly_pay``
  as in the demo region's ``demo-scale.csv``);
- wide: one row per level, a 等级 column and one column per post (社区正职, 社区副职, …).

A post is named by its code, name or alias in the scale's posts. The table must give every level of
every post's range exactly once (posts paid as another post, such as 专职网格员 → staff, need no
amounts of their own); amounts are positive yuan with at most two decimals. Every problem names the
sheet, the row as Excel numbers it, the column as the sheet heads it and the value.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from workforce.domain.money import FEN
from workforce.domain.problems import Problem, Where, error, warning
from workforce.domain.roster import cells
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import HEADER_SCAN_ROWS, clean_header
from workforce.domain.roster.parse import shown
from workforce.domain.scale import PostRange, ScaleVersion
from workforce.domain.sheet import SheetGrid

LONG, WIDE = "long", "wide"
ALIASES = {
    "post": "post 岗位 岗位名称 岗位类别 岗位类型 岗位代码",
    "level": "level 等级 岗位等级 级别 岗级 薪级 档次",
    "amount": (
        "monthly_pay amount 月标准 月工资 月工资标准 岗位等级工资 月薪酬标准 薪酬标准 工资标准 "
        "月薪 金额 标准 月标准元"
    ),
}
IGNORED = frozenset(clean_header(h) for h in ("序号", "备注", "说明"))
_ROLE = {clean_header(a): role for role, names in ALIASES.items() for a in names.split()}
Key = tuple[str, int]


@dataclass(frozen=True, slots=True)
class ScaleSheet:
    """What a sheet gives: its shape, the amounts per (post code, level), and the problems."""

    form: str
    amounts: Mapping[Key, Decimal]
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


@dataclass(frozen=True, slots=True)
class ScaleDifference:
    """One (post, level) of two versions: old and new monthly amounts (None where absent)."""

    post: str
    post_name: str
    level: int
    old: Decimal | None
    new: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def changed(self) -> bool:
        return self.old != self.new


MAX_MONTHLY = Decimal("999999.99")


def parse_amount(value: object) -> Decimal:
    """A monthly amount in yuan: 3398, 3398.5, "3,398.00", "3398元"; positive, at most fen."""
    if isinstance(value, bool):
        raise CellError("月标准应为金额", "invalid_amount")
    if isinstance(value, Decimal | int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))  # the shortest text of the cell's number, exact
    else:
        text = str(value).strip()
        for mark in (",", "，", "元", "¥", "￥", " ", "\u3000"):
            text = text.replace(mark, "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise CellError("月标准应为金额（如 3398 或 3398.50）", "invalid_amount") from None
    if not amount.is_finite():
        raise CellError("月标准应为金额", "invalid_amount")
    if amount <= 0:
        raise CellError("月标准应大于0", "amount_not_positive")
    if amount > MAX_MONTHLY:  # e.g. an ID number pasted into the amount column
        raise CellError(f"月标准超出合理范围（不超过{MAX_MONTHLY:,}元）", "invalid_amount")
    if amount != amount.quantize(FEN):
        raise CellError("月标准最多保留两位小数（到分）", "amount_decimals")
    return amount.quantize(FEN)


def _post_lookup(posts: Iterable[PostRange]) -> dict[str, PostRange]:
    table: dict[str, PostRange] = {}
    for post in posts:
        for spelling in (post.code, post.name, *post.aliases):
            table.setdefault(clean_header(spelling), post)
    return table


@dataclass(frozen=True, slots=True)
class _Header:
    form: str
    row: int
    labels: tuple[str, ...]
    roles: Mapping[str, int]
    post_columns: Mapping[int, PostRange]
    unknown: tuple[int, ...]


def _find_header(grid: SheetGrid, lookup: Mapping[str, PostRange]) -> _Header | None:
    for index in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        labels = tuple(shown(c) for c in grid.rows[index])
        roles: dict[str, int] = {}
        post_columns: dict[int, PostRange] = {}
        unknown: list[int] = []
        for column, label in enumerate(labels):
            cleaned = clean_header(label)
            if not cleaned or cleaned in IGNORED:
                continue
            if cleaned in _ROLE:
                roles.setdefault(_ROLE[cleaned], column)
            elif cleaned in lookup:
                post_columns[column] = lookup[cleaned]
            else:
                unknown.append(column)
        if {"post", "level", "amount"} <= roles.keys():
            return _Header(LONG, index, labels, roles, {}, ())
        if "level" in roles and post_columns:
            return _Header(WIDE, index, labels, roles, post_columns, tuple(unknown))
    return None


class _Reader:
    """Collects amounts and problems while the rows are read."""

    def __init__(self, grid: SheetGrid, header: _Header, posts: Iterable[PostRange]) -> None:
        self.sheet = grid.name
        self.header = header
        self.names = {p.code: p.name for p in posts}
        self.amounts: dict[Key, Decimal] = {}
        self.first_row: dict[Key, int] = {}
        self.reported: set[Key] = set()
        self.problems: list[Problem] = []

    def where(self, row: int | None, column: int | None, value: object = None) -> Where:
        label = self.header.labels[column] if column is not None else ""
        return Where(self.sheet, row, label, shown(value))

    def fail(self, code: str, message: str, row: int, column: int, value: object) -> None:
        self.problems.append(error(code, message, self.where(row, column, value)))

    def level(self, row: int, value: object) -> int | None:
        column = self.header.roles["level"]
        try:
            level = cells.level(value)
        except CellError as exc:
            self.fail("invalid_level", str(exc), row, column, value)
            return None
        if level is None:
            self.fail("missing_level", "等级不能为空", row, column, value)
        return level

    def add(self, post: PostRange, level: int, value: object, row: int, column: int) -> None:
        key = (post.code, level)
        if post.paid_as:
            self.problems.append(
                warning(
                    "parity_post",
                    f"{post.name}按{self.names.get(post.paid_as, post.paid_as)}的标准发放，"
                    "本表中的金额不会使用",
                    self.where(row, column, value),
                )
            )
            return
        if not post.min_level <= level <= post.max_level:
            self.fail(
                "level_out_of_range",
                f"{post.name}的等级范围是{post.min_level}–{post.max_level}级，没有{level}级",
                row,
                column,
                value,
            )
            return
        if key in self.first_row:
            self.fail(
                "duplicate",
                f"{post.name}{level}级在第{self.first_row[key]}行已有月标准",
                row,
                column,
                value,
            )
            return
        self.first_row[key] = row
        try:
            self.amounts[key] = parse_amount(value)
        except CellError as exc:
            self.reported.add(key)
            self.fail(exc.code, str(exc), row, column, value)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_long(grid: SheetGrid, reader: _Reader, lookup: Mapping[str, PostRange]) -> None:
    roles = reader.header.roles
    for index in range(reader.header.row + 1, len(grid.rows)):
        row = index + 1
        post_cell, level_cell, amount_cell = (grid.cell(index, roles[k]) for k in ALIASES)
        if all(_blank(v) for v in (post_cell, level_cell, amount_cell)):
            continue
        post = lookup.get(clean_header(shown(post_cell)))
        if post is None:
            reader.fail(
                "unknown_post",
                f"岗位「{shown(post_cell)}」不在薪酬标准的岗位中"
                f"（可用：{'、'.join(sorted({p.name for p in lookup.values()}))}）",
                row,
                roles["post"],
                post_cell,
            )
            continue
        level = reader.level(row, level_cell)
        if level is None:
            continue
        if _blank(amount_cell):
            reader.reported.add((post.code, level))
            reader.fail("missing_amount", "月标准不能为空", row, roles["amount"], amount_cell)
            continue
        reader.add(post, level, amount_cell, row, roles["amount"])


def _read_wide(grid: SheetGrid, reader: _Reader) -> None:
    header = reader.header
    seen: dict[str, int] = {}
    for column, post in header.post_columns.items():
        if post.code in seen:
            reader.fail(
                "duplicate_column",
                f"{post.name}已在「{header.labels[seen[post.code]]}」列",
                header.row + 1,
                column,
                header.labels[column],
            )
        seen.setdefault(post.code, column)
    for column in header.unknown:
        reader.fail(
            "unknown_post",
            "该列不是薪酬标准中的岗位（可写岗位名称、代码或别名）",
            header.row + 1,
            column,
            header.labels[column],
        )
    columns = [(c, p) for c, p in header.post_columns.items() if seen[p.code] == c]
    for index in range(header.row + 1, len(grid.rows)):
        row = index + 1
        level_cell = grid.cell(index, header.roles["level"])
        filled = [(c, p, grid.cell(index, c)) for c, p in columns]
        filled = [(c, p, v) for c, p, v in filled if not _blank(v)]
        if not filled and _blank(level_cell):
            continue
        level = reader.level(row, level_cell)
        if level is None:
            continue
        for column, post, value in filled:
            reader.add(post, level, value, row, column)


def _missing(reader: _Reader, posts: Iterable[PostRange]) -> None:
    columns = {p.code: c for c, p in reader.header.post_columns.items()}
    for post in posts:
        if post.paid_as:
            continue
        levels = range(post.min_level, post.max_level + 1)
        absent = [n for n in levels if (post.code, n) not in reader.first_row]
        absent = [n for n in absent if (post.code, n) not in reader.reported]
        column = columns.get(post.code)
        where = reader.where(None, column)
        if len(absent) == len(levels):
            message = f"缺少{post.name}的月标准（{post.min_level}–{post.max_level}级）"
            reader.problems.append(error("missing_post", message, where))
            continue
        reader.problems.extend(
            error("missing", f"缺少{post.name}{n}级的月标准", where) for n in absent
        )
        amounts = [
            reader.amounts[(post.code, n)] for n in levels if (post.code, n) in reader.amounts
        ]
        if any(b < a for a, b in itertools.pairwise(amounts)):
            reader.problems.append(
                warning("not_ascending", f"{post.name}的月标准没有随等级升高，请核对", where)
            )


def parse_scale_sheet(grid: SheetGrid, posts: tuple[PostRange, ...]) -> ScaleSheet:
    """Read a long or wide scale sheet against the scale's posts; pure."""
    lookup = _post_lookup(posts)
    header = _find_header(grid, lookup)
    if header is None:
        problem = error(
            "no_header",
            f"前{HEADER_SCAN_ROWS}行中没有找到表头：长表需要“岗位、等级、月标准”三列，"
            "宽表需要“等级”列和各岗位列（如社区正职、社区副职、其他社区工作者）",
            Where(grid.name),
        )
        return ScaleSheet("", {}, (problem,))
    reader = _Reader(grid, header, posts)
    if header.form == LONG:
        _read_long(grid, reader, lookup)
    else:
        _read_wide(grid, reader)
    _missing(reader, posts)
    return ScaleSheet(header.form, dict(reader.amounts), tuple(reader.problems))


def validate_posts(posts: tuple[PostRange, ...]) -> list[Problem]:
    """Posts given for a new version: unique codes, sensible ranges, parity to a paying post."""
    problems: list[Problem] = []
    codes = [p.code for p in posts]
    paying = {p.code for p in posts if not p.paid_as}
    if not posts:
        problems.append(error("no_posts", "薪酬标准至少要有一个岗位"))
    for post in posts:
        where = Where(column="岗位", value=post.code)
        if codes.count(post.code) > 1:
            problems.append(error("duplicate_post", f"岗位代码{post.code}重复", where))
        if not 1 <= post.min_level <= post.max_level:
            problems.append(
                error(
                    "invalid_range",
                    f"{post.name}的等级范围{post.min_level}–{post.max_level}无效",
                    where,
                )
            )
        if post.paid_as and post.paid_as not in paying:
            problems.append(
                error("invalid_parity", f"{post.name}参照的岗位{post.paid_as}不存在", where)
            )
    return problems


def compare_scales(old: ScaleVersion, new: ScaleVersion) -> tuple[ScaleDifference, ...]:
    """Every (post, level) of either version, in post order then level: old, new, difference."""
    names = {p.code: p.name for p in (*old.posts, *new.posts)}
    order = {
        code: i for i, code in enumerate(dict.fromkeys(p.code for p in (*new.posts, *old.posts)))
    }
    keys = sorted(
        set(old.amounts) | set(new.amounts), key=lambda k: (order.get(k[0], len(order)), k)
    )
    return tuple(
        ScaleDifference(
            post,
            names.get(post, post),
            level,
            old.amounts.get((post, level)),
            new.amounts.get((post, level)),
        )
        for post, level in keys
    )
