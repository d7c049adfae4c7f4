"""The roster spreadsheet's columns (§11) and finding them in a real sheet.

Clerks' sheets name columns many ways ("身份证号码", "岗位级别", "进社区时间"), put a merged
title row above the header, and split headers over two rows ("社工证" over "等级 / 取得日期 /
登记日期").
``detect_header`` finds the header among the first rows and maps each column to a canonical key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from workforce.domain.sheet import SheetGrid

HEADER_SCAN_ROWS = 10
"""How many rows from the top are searched for the header."""


@dataclass(frozen=True, slots=True)
class RosterColumn:
    """One canonical column: ``key`` is the ``WorkerInput`` field (or a roster-only key)."""

    key: str
    header: str
    aliases: str = ""
    """Other spellings clerks use, separated by spaces."""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.header, *self.aliases.split())


_CERT = "社工证 社会工作者职业资格 社会工作者职业水平证书 职业资格证书 职业资格"

COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("seq", "序号", "编号 序 no no. 行号 顺序号"),
    RosterColumn(
        "district",
        "区/旗县",
        "区 旗县 区县 县区 旗县区 区/县 县/区 所属区 所在区 区旗县 所属旗县区 所属区县 区县名称",
    ),
    RosterColumn(
        "street",
        "街道",
        "街道/乡镇 乡镇/街道 乡镇 街道办 街道办事处 所属街道 所在街道 街镇 街道乡镇 乡镇街道 "
        "苏木乡镇 街道名称 所属街道乡镇",
    ),
    RosterColumn(
        "community",
        "社区",
        "社区/村 村/社区 村 社区村 所在社区 所属社区 社区名称 嘎查村 社区居委会 居委会 工作社区 "
        "所在社区村",
    ),
    RosterColumn("grid", "网格", "所属网格 所在网格 网格名称 网格编号 负责网格"),
    RosterColumn("name", "姓名", "名字 人员姓名 职工姓名 社工姓名"),
    RosterColumn("sex", "性别"),
    RosterColumn("ethnicity", "民族", "族别"),
    RosterColumn(
        "id_number",
        "身份证号",
        "身份证号码 公民身份号码 公民身份证号码 身份证 居民身份证号码 身份证件号码 证件号码 "
        "身份号码 证件号 身份证号18位",
    ),
    RosterColumn("birth_date", "出生日期", "出生年月 出生年月日 生日 出生时间"),
    RosterColumn(
        "retirement_age", "原法定退休年龄", "原退休年龄 法定退休年龄 退休年龄 原定退休年龄"
    ),
    RosterColumn(
        "retires", "法定退休时间", "法定退休日期 退休时间 退休日期 预计退休时间 到龄退休时间"
    ),
    RosterColumn("political_status", "政治面貌", "政治身份 党派"),
    RosterColumn("party_join_date", "入党时间", "入党日期 入党年月 入党时间年月"),
    RosterColumn(
        "fulltime_education",
        "全日制学历",
        "全日制教育学历 全日制 第一学历 初始学历 全日制学历学位 全日制教育",
    ),
    RosterColumn(
        "highest_education",
        "最高学历",
        "学历 在职学历 在职教育学历 在职教育 现学历 最高学历学位 文化程度",
    ),
    RosterColumn("school", "毕业院校", "毕业学校 院校 学校 毕业院校系"),
    RosterColumn("major", "专业", "所学专业 毕业专业 专业名称"),
    RosterColumn(
        "work_start_date",
        "参加工作时间",
        "参加工作日期 参工时间 参加工作年月 工作时间 参加工作",
    ),
    RosterColumn(
        "community_start_date",
        "进入社区工作时间",
        "进社区时间 社区工作时间 进入社区时间 进入社区工作日期 到社区工作时间 从事社区工作时间 "
        "进社区工作时间 入职时间 入职日期 进入社区年月 参加社区工作时间",
    ),
    RosterColumn(
        "recruitment_channel",
        "招聘方式",
        "招录方式 录用方式 进入方式 人员来源 来源 招聘类型 招聘渠道 进入渠道",
    ),
    RosterColumn("duties", "职务", "现任职务 担任职务 职位 现职务"),
    RosterColumn(
        "is_committee_member",
        "是否两委成员",
        "两委成员 是否两委 是否为两委成员 两委 是否社区两委成员",
    ),
    RosterColumn("post", "岗位", "岗位类别 岗位类型 所在岗位 现岗位 岗位名称 现任岗位 岗位序列"),
    RosterColumn(
        "level",
        "岗位等级",
        "岗位级别 等级 级别 岗级 薪级 现等级 现岗位等级 岗位等次 档级",
    ),
    RosterColumn(
        "level_start_year",
        "现等级起始年度",
        "现等级起始年份 等级起始年度 本等级起始年度 现等级起始时间 定级年度 现等级起算年度 "
        "起始年度",
    ),
    RosterColumn(
        "certificate_level",
        "社工证等级",
        "社工证 社会工作者职业资格 社会工作者职业水平证书 职业资格证书 职业资格 社工证级别 "
        "持证情况 社工资格 职业资格等级 社会工作者职业资格等级 社会工作者职业水平证书等级 "
        "社工证类别 社会工作职业资格",
    ),
    RosterColumn(
        "certificate_obtained",
        "社工证取得日期",
        "社工证取得时间 社工证取得年月 取证时间 取证日期 取得证书时间 社会工作者职业资格取得时间 "
        "职业资格取得时间",
    ),
    RosterColumn(
        "certificate_registered",
        "社工证登记日期",
        "社工证登记时间 社工证注册日期 社工证注册时间 登记日期 注册时间 登记时间 注册日期",
    ),
    RosterColumn("phone", "联系电话", "手机 手机号 手机号码 电话 电话号码 联系方式 联系电话手机"),
    RosterColumn("bank_name", "开户行", "开户银行 银行 开户网点 银行名称 开户行名称"),
    RosterColumn(
        "bank_account",
        "银行账号",
        "银行帐号 银行卡号 账号 帐号 卡号 工资卡号 工资账号 银行账户",
    ),
    RosterColumn("status", "人员状态", "状态 在职状态 在岗状态 人员类别状态"),
    RosterColumn("remarks", "备注", "说明 备注说明"),
)
"""The export and template columns, in order: §11 with the optional 区/旗县 before 街道."""

EXTRA_COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("bank_account_name", "户名", "账户名 开户名 账户名称 持卡人"),
)
"""Columns the import understands but the export does not write."""

READ_ONLY_KEYS = frozenset({"retires"})
"""Columns the export writes but the import does not read: 法定退休时间 follows from the birth
date, the sex and the original age (渐进式延迟法定退休年龄)."""

COLUMN_BY_KEY: dict[str, RosterColumn] = {c.key: c for c in (*COLUMNS, *EXTRA_COLUMNS)}

_BRACKETS = re.compile(r"[（(【\[<＜《][^）)】\]>＞》]*[）)】\]>＞》]")
_NOISE = re.compile(r"[\s\u3000*＊★※:：]")


def clean_header(text: object) -> str:
    """A header as looked up: no spaces, line breaks, required-markers or bracketed notes."""
    if text is None:
        return ""
    raw = _NOISE.sub("", str(text)).lower()
    return _BRACKETS.sub("", raw) or raw


def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for column in (*COLUMNS, *EXTRA_COLUMNS):
        for spelling in column.spellings:
            cleaned = clean_header(spelling)
            if table.setdefault(cleaned, column.key) != column.key:
                raise ValueError(f"header alias {spelling!r} names two columns")
    return table


HEADER_KEYS: dict[str, str] = _lookup()
"""Cleaned header spelling → column key."""


def key_for_header(text: object) -> str | None:
    """The column a header names, or None."""
    return HEADER_KEYS.get(clean_header(text))


@dataclass(frozen=True, slots=True)
class HeaderMap:
    """Where the header is and which sheet column holds which key.

    ``row`` is the 0-based index of the header's last row; data starts on the next row.
    ``labels`` are the headers as the sheet writes them, used to name columns in problems.
    """

    row: int
    columns: Mapping[str, int]
    labels: Mapping[str, str]
    unmapped: tuple[str, ...]

    @property
    def excel_row(self) -> int:
        """The header's last row as Excel numbers it (1-based)."""
        return self.row + 1

    def label(self, key: str) -> str:
        return self.labels.get(key) or COLUMN_BY_KEY[key].header


_CERT_GROUPS = frozenset(clean_header(name) for name in f"{_CERT} 社工证情况 持证情况".split())


def _display(cell: object) -> str:
    return re.sub(r"\s+", "", str(cell)) if cell is not None else ""


def _combine(parent: str, child: str) -> str:
    """The label of a column under a two-row header."""
    if not child:
        return parent
    if not parent or clean_header(parent) == clean_header(child):
        return child
    for joined in (parent + child, child + parent):
        if key_for_header(joined):
            return joined
    if clean_header(parent) in _CERT_GROUPS and key_for_header("社工证" + child):
        return "社工证" + child
    return child if key_for_header(child) else parent + child


def _fill_parent(parent: list[str], child: list[str]) -> list[str]:
    """Spread a group header over the children it stands above (a merged cell holds one value)."""
    filled = list(parent)
    for j in range(1, len(filled)):
        if not filled[j] and child[j] and child[j - 1] and filled[j - 1]:
            filled[j] = filled[j - 1]
    return filled


@dataclass(frozen=True, slots=True)
class _Candidate:
    row: int
    labels: tuple[str, ...]


EXPLANATION_HEADERS = frozenset({"问题", "错误说明"})
"""The columns this program adds to a sheet it hands back (the rows left out of an import, the
error report): ignored without a word when the fixed sheet is imported again."""


def _map(
    candidate: _Candidate, overrides: Mapping[str, str]
) -> tuple[dict[str, int], dict[str, str], list[str]]:
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    unmapped: list[str] = []
    for index, label in enumerate(candidate.labels):
        if not label or label in EXPLANATION_HEADERS:
            continue
        if label in overrides or clean_header(label) in overrides:
            target = overrides.get(label, overrides.get(clean_header(label), ""))
            if not target:
                continue
            key = key_for_header(target) or (target if target in COLUMN_BY_KEY else None)
        else:
            key = key_for_header(label)
        if key is None or key in columns:
            unmapped.append(label)
            continue
        columns[key] = index
        labels[key] = label
    return columns, labels, unmapped


def detect_header(
    grid: SheetGrid,
    column_map: Mapping[str, str] | None = None,
    *,
    scan_rows: int = HEADER_SCAN_ROWS,
) -> HeaderMap | None:
    """Find the header among the first ``scan_rows`` rows: the row (or pair of rows) that names
    the most known columns. ``column_map`` maps a sheet's own header to a canonical header (an
    empty target ignores that column). None when no row names at least 姓名 or 身份证号 and one
    more column.
    """
    overrides = dict(column_map or {})
    width = max((len(r) for r in grid.rows[:scan_rows]), default=0)
    texts = [
        [_display(grid.cell(i, j)) for j in range(width)]
        for i in range(min(scan_rows, len(grid.rows)))
    ]
    candidates = [_Candidate(i, tuple(row)) for i, row in enumerate(texts)]
    for i in range(len(texts) - 1):
        parent = _fill_parent(texts[i], texts[i + 1])
        combined = tuple(_combine(p, c) for p, c in zip(parent, texts[i + 1], strict=True))
        candidates.append(_Candidate(i + 1, combined))
    best: tuple[int, HeaderMap] | None = None
    for candidate in candidates:
        columns, labels, unmapped = _map(candidate, overrides)
        score = len(columns)
        if score < 2 or not {"name", "id_number"} & columns.keys():
            continue
        if best is None or score > best[0]:
            best = (score, HeaderMap(candidate.row, columns, labels, tuple(unmapped)))
    return best[1] if best else None
