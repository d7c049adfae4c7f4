"""Reading the data rows of a roster sheet under its header into ``RosterRecord`` values.

Cells are converted column by column through a memo: most columns repeat a few values (posts,
units, vocabularies, dates), so an 11,500-row sheet costs little more than its unique cells.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from workforce.domain import vocab
from workforce.domain.idcard import IdInfo
from workforce.domain.problems import Problem, Where, error, warning
from workforce.domain.roster import cells
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import READ_ONLY_KEYS, HeaderMap
from workforce.domain.roster.records import (
    CERTIFICATE_KEYS,
    UNIT_KEYS,
    RosterRecord,
    UnitNames,
    shown,
)
from workforce.domain.roster.worker import CertificateInput
from workforce.domain.scale import PostRange
from workforce.domain.sheet import Cell, SheetGrid

Reader = Callable[[object, list[str]], object]
STATUSES = tuple(s.value for s in vocab.WorkerStatus)

_READERS: dict[str, Reader] = {
    "name": lambda v, _: cells.person_name(v),
    "sex": lambda v, _: cells.choice(v, vocab.SEXES, cells.SEX_ALIASES, "性别"),
    "ethnicity": cells.ethnicity,
    "birth_date": cells.date,
    "retirement_age": lambda v, _: cells.original_age(v),
    "political_status": lambda v, _: cells.choice(
        v, vocab.POLITICAL_STATUSES, cells.POLITICAL_ALIASES, "政治面貌"
    ),
    "party_join_date": cells.date,
    "fulltime_education": lambda v, _: cells.education(v, "全日制学历"),
    "highest_education": lambda v, _: cells.education(v, "最高学历"),
    "school": lambda v, _: cells.text(v),
    "major": lambda v, _: cells.text(v),
    "work_start_date": cells.date,
    "community_start_date": cells.date,
    "recruitment_channel": lambda v, _: cells.choice(
        v, vocab.RECRUITMENT_CHANNELS, cells.RECRUITMENT_ALIASES, "招聘方式"
    ),
    "duties": lambda v, _: cells.choice(v, vocab.DUTIES, cells.DUTY_ALIASES, "职务"),
    "is_committee_member": lambda v, _: cells.yes_no(v),
    "level": lambda v, _: cells.level(v),
    "level_start_year": lambda v, _: cells.year(v),
    "phone": lambda v, _: cells.digits(v, "联系电话"),
    "bank_account_name": lambda v, _: cells.text(v),
    "bank_name": lambda v, _: cells.text(v),
    "bank_account": lambda v, _: cells.digits(v, "银行账号"),
    "status": lambda v, _: cells.choice(v, STATUSES, cells.STATUS_ALIASES, "人员状态"),
    "remarks": lambda v, _: cells.text(v),
    "certificate_level": lambda v, _: cells.certificate_level(v),
    "certificate_obtained": cells.date,
    "certificate_registered": cells.date,
    **{key: (lambda v, _: cells.text(v)) for key in UNIT_KEYS},
}


MAX_LENGTH = {
    "name": 50, "ethnicity": 20, "school": 100, "major": 100, "phone": 30,
    "bank_account_name": 50, "bank_name": 100, "bank_account": 40, "remarks": 2000,
    **dict.fromkeys(UNIT_KEYS, 100),
}  # fmt: skip
"""The longest text each column takes (the database's column sizes)."""

_FOOTER = re.compile(
    r"^\s*(合\s*计|小\s*计|总\s*计|共\s*计|填表人|填报人|制表人|审核人|负责人|单位负责人|"
    r"填报单位|制表日期|填表日期|注\s*[:：]|说明\s*[:：])"
)
"""Cells that mark a totals or signature line below the data."""
_ID_LIKE = re.compile(r"^\s*'?\d{15,17}[\dXx]\s*$")


def is_footer(cells_of_row: Iterable[object], id_cell: object) -> bool:
    """A totals or signature line (合计, 填表人：…) whose ID cell holds no ID number."""
    if isinstance(id_cell, int | float) or (isinstance(id_cell, str) and _ID_LIKE.match(id_cell)):
        return False
    return any(isinstance(c, str) and _FOOTER.match(c) for c in cells_of_row)


@dataclass(frozen=True, slots=True)
class _Converted:
    """A cell's value, the notes it raised, or why it cannot be used."""

    value: object
    notes: tuple[str, ...] = ()
    error: CellError | None = None

    @property
    def says_something(self) -> bool:
        return self.value is not None or self.error is not None or bool(self.notes)


@dataclass
class _Row:
    """Collects one row's values and problems while it is read."""

    reader: RowReader
    row: int
    source: Sequence[Cell]
    values: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    identity: IdInfo | None = None

    def cell(self, key: str) -> Cell:
        column = self.reader.header.columns.get(key)
        return self.source[column] if column is not None and column < len(self.source) else None

    def where(self, key: str) -> Where:
        label = self.reader.header.label(key)
        return Where(self.reader.sheet, self.row, label, shown(self.cell(key)))

    def fail(self, code: str, key: str, message: str) -> None:
        self.problems.append(error(code, message, self.where(key)))

    def warn(self, code: str, key: str, message: str) -> None:
        self.problems.append(warning(code, message, self.where(key)))


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class RowReader:
    """Reads the data rows of one sheet under a detected header."""

    def __init__(self, grid: SheetGrid, header: HeaderMap, posts: tuple[PostRange, ...]) -> None:
        self.grid = grid
        self.sheet = grid.name
        self.header = header
        self.posts = posts
        skipped = {"seq", "id_number", *READ_ONLY_KEYS}
        self._columns = [(k, c) for k, c in header.columns.items() if k not in skipped]
        self._id_column = header.columns.get("id_number")
        self._memo: dict[str, dict[tuple[type, object], _Converted]] = {
            key: {} for key, _ in self._columns
        }

    @property
    def data_rows(self) -> range:
        """0-based indexes of the rows below the header."""
        return range(self.header.row + 1, len(self.grid.rows))

    def read(self, index: int) -> RosterRecord | None:
        """The record of the row at a 0-based index; None for a row with nothing in it."""
        found = self.read_rows(index, index + 1)
        return found[0] if found else None

    def read_rows(self, start: int, stop: int) -> list[RosterRecord]:
        """The records of rows ``start`` to ``stop`` (0-based, stop excluded); empty rows give
        none."""
        rows = self.grid.rows[start:stop]
        converted = [
            (key, self._convert_column(key, column, rows)) for key, column in self._columns
        ]
        id_column = self._id_column
        records = []
        for offset, source in enumerate(rows):
            filled = [(k, c) for k, found in converted if (c := found[offset]) is not None]
            id_cell = (
                source[id_column] if id_column is not None and id_column < len(source) else None
            )
            if _blank(id_cell) and not any(c.says_something for _, c in filled):
                continue
            records.append(self._record(_Row(self, start + offset + 1, source), filled, id_cell))
        return records

    def _convert_column(
        self, key: str, column: int, rows: Sequence[Sequence[Cell]]
    ) -> list[_Converted | None]:
        memo = self._memo[key]
        found: list[_Converted | None] = []
        for row in rows:
            value = row[column] if column < len(row) else None
            if value is None:
                found.append(None)
                continue
            token = (value.__class__, value)
            known = memo.get(token)
            if known is None:
                known = memo[token] = self._convert(key, value)
            found.append(known)
        return found

    def _convert(self, key: str, value: object) -> _Converted:
        notes: list[str] = []
        try:
            parsed = cells.post(value, self.posts) if key == "post" else _READERS[key](value, notes)
        except CellError as exc:
            return _Converted(None, (), exc)
        limit = MAX_LENGTH.get(key)
        if limit and isinstance(parsed, str) and len(parsed) > limit:
            message = f"内容过长：最多{limit}个字，实为{len(parsed)}个字"
            return _Converted(None, (), CellError(message, "too_long"))
        return _Converted(parsed, tuple(notes))

    def _record(
        self, row: _Row, filled: list[tuple[str, _Converted]], id_cell: Cell
    ) -> RosterRecord:
        if is_footer(row.source, id_cell):
            row.warn("skipped_row", "id_number", "合计或签名行，不是人员信息，未导入")
            return RosterRecord(row.row, {}, None, UnitNames(), tuple(row.problems))
        post: PostRange | None = None
        for key, found in filled:
            if found.error is not None:
                row.fail(f"{found.error.code}_{key}", key, str(found.error))
                continue
            for note in found.notes:
                row.warn(f"doubtful_{key}", key, note)
            if key == "post":
                post = found.value if isinstance(found.value, PostRange) else None
            elif found.value is not None:
                row.values[key] = found.value
        self._read_id(row, id_cell)
        self._check_identity(row)
        if post is not None:
            row.values["post"] = post.code
            level = row.values.get("level")
            if isinstance(level, int) and not post.min_level <= level <= post.max_level:
                row.fail(
                    "level_out_of_range",
                    "level",
                    f"{post.name}的岗位等级应在{post.min_level}–{post.max_level}级之间",
                )
        certificate = self._certificate(row)
        unit = UnitNames(*(_name(row.values.pop(k, None)) for k in UNIT_KEYS))
        return RosterRecord(row.row, row.values, certificate, unit, tuple(row.problems))

    def _read_id(self, row: _Row, id_cell: Cell) -> None:
        if _blank(id_cell):
            return
        try:
            row.identity = cells.id_number(id_cell)
        except CellError as exc:
            row.fail(f"{exc.code}_id_number", "id_number", str(exc))
            return
        if row.identity is not None:
            row.values["id_number"] = row.identity.number

    def _check_identity(self, row: _Row) -> None:
        values, identity = row.values, row.identity
        if identity is None:
            if not _blank(row.cell("id_number")) or "id_number" not in self.header.columns:
                return  # already reported, or the whole sheet lacks the column
            if values.get("name"):
                row.fail("missing_id_number", "id_number", "身份证号不能为空")
            else:
                row.warn("skipped_row", "id_number", "此行没有姓名和身份证号，未导入")
            return
        if values.setdefault("sex", identity.sex) != identity.sex:
            row.fail("sex_mismatch", "sex", f"性别与身份证号不符（身份证号为{identity.sex}）")
        birth = values.setdefault("birth_date", identity.birth_date)
        if birth == identity.birth_date:
            return
        born = identity.birth_date
        if (
            isinstance(birth, dt.date)
            and (birth.year, birth.month) == (born.year, born.month)
            and cells.month_only(row.cell("birth_date"))
        ):
            values["birth_date"] = born  # "1988.03" agrees with an ID born 1988-03-14
            return
        row.fail(
            "birth_date_mismatch",
            "birth_date",
            f"出生日期与身份证号不符（身份证号为{born:%Y-%m-%d}）",
        )

    def _certificate(self, row: _Row) -> CertificateInput | None:
        level, obtained, registered = (row.values.pop(k, None) for k in CERTIFICATE_KEYS)
        if not isinstance(level, str):
            if obtained or registered:
                key = "certificate_obtained" if obtained else "certificate_registered"
                row.fail("missing_certificate_level", key, "填写了社工证日期，但未填写社工证等级")
            return None
        obtained = obtained if isinstance(obtained, dt.date) else None
        registered = registered if isinstance(registered, dt.date) else None
        if obtained and registered and registered < obtained:
            row.fail(
                "certificate_registered_before_obtained",
                "certificate_registered",
                "社工证登记日期早于取得日期",
            )
        return CertificateInput(level, obtained, registered)


def _name(value: object) -> str | None:
    return value if isinstance(value, str) else None
