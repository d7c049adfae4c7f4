"""银行代发格式 (§9 "layout per bank as a template"): a bank's transfer file described as data —
file type and encoding, header lines with the total count and amount, the ordered columns with
their titles and the field each shows, the memo (摘要) text — with its validation and JSON form.

Templates may use ``{unit}`` (付款单位), ``{month}`` (2026年3月), ``{bank}``, ``{count}`` (笔数) and
``{total}`` (总金额, in the layout's amount format); the memo only ``{unit}`` and ``{month}``.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workforce.domain.problems import ActionRefused

FIELD_NAMES = {
    "index": "序号",
    "account_name": "户名",
    "account": "账号",
    "id_number": "身份证号",
    "bank": "开户行",
    "amount": "金额",
    "memo": "摘要",
    "month": "月份",
    "unit": "付款单位",
    "blank": "（空列）",
}
FILE_TYPES = {"xlsx": "Excel（.xlsx）", "csv": "文本（.csv）"}
ENCODINGS = {
    "utf-8-sig": "UTF-8（带 BOM，Excel 可直接打开）",
    "utf-8": "UTF-8",
    "gbk": "GBK（多数网银上传工具）",
    "gb18030": "GB18030（含生僻字）",
}
AMOUNT_FORMATS = {"plain": "1234.50", "comma": "1,234.50", "fen": "123450（以分为单位）"}
HEADER_FIELDS = frozenset({"unit", "month", "bank", "count", "total"})
MEMO_FIELDS = frozenset({"unit", "month"})
NAME_LIMIT = 40


@dataclass(frozen=True, slots=True)
class BankColumn:
    """One column: its title in the bank's words and the field it shows (a key of FIELD_NAMES)."""

    title: str
    field: str
    width: int = 14


@dataclass(frozen=True, slots=True)
class BankLayout:
    """One bank's template; ``builtin`` layouts come with the program and cannot be changed."""

    name: str
    bank: str
    description: str
    file_type: str  # a key of FILE_TYPES
    columns: tuple[BankColumn, ...]
    header: tuple[str, ...] = ()
    memo: str = "{month}工资"
    encoding: str = "utf-8-sig"  # CSV only
    amount_format: str = "plain"
    title_row: bool = True  # write the column titles above the details
    builtin: bool = field(default=False, compare=False)

    @property
    def suffix(self) -> str:
        return f".{self.file_type}"


def amount_text(fen: int, fmt: str) -> str:
    """An amount in integer fen as the layout writes it (header total, CSV cells)."""
    if fmt == "fen":
        return str(fen)
    sign, fen = ("-" if fen < 0 else ""), abs(fen)
    yuan = f"{fen // 100:,}" if fmt == "comma" else str(fen // 100)
    return f"{sign}{yuan}.{fen % 100:02d}"


def _placeholders(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return {"{"}


def _check_template(template: str, allowed: frozenset[str], where: str) -> None:
    unknown = sorted(_placeholders(template) - allowed)
    if unknown:
        names = "、".join("{" + n + "}" for n in sorted(allowed))
        raise ActionRefused(f"{where}「{template}」中的「{unknown[0]}」无法识别；可用：{names}")


def check_layout(layout: BankLayout) -> BankLayout:
    """Refuse a layout the writer could not honour, naming the field and the value."""
    name = layout.name.strip()
    if not name:
        raise ActionRefused("代发格式须有名称")
    if len(name) > NAME_LIMIT or any(c in name for c in "/\\:"):
        raise ActionRefused(f"代发格式名称「{name}」无效：最多 {NAME_LIMIT} 个字，不能含 / \\ :")
    if layout.file_type not in FILE_TYPES:
        raise ActionRefused(f"文件类型「{layout.file_type}」无效；可用：xlsx、csv")
    if layout.encoding not in ENCODINGS:
        raise ActionRefused(f"编码「{layout.encoding}」无效；可用：{'、'.join(ENCODINGS)}")
    if layout.amount_format not in AMOUNT_FORMATS:
        raise ActionRefused(
            f"金额格式「{layout.amount_format}」无效；可用：{'、'.join(AMOUNT_FORMATS)}"
        )
    if not layout.columns:
        raise ActionRefused("代发格式至少要有一列")
    titles: set[str] = set()
    for number, column in enumerate(layout.columns, start=1):
        where = f"第 {number} 列「{column.title}」"
        if not column.title.strip():
            raise ActionRefused(f"第 {number} 列没有标题")
        if column.title in titles:
            raise ActionRefused(f"{where}：标题重复")
        titles.add(column.title)
        if column.field not in FIELD_NAMES:
            known = "、".join(f"{k}（{v}）" for k, v in FIELD_NAMES.items())
            raise ActionRefused(f"{where}：字段「{column.field}」无法识别；可用：{known}")
        if not 2 <= column.width <= 80:
            raise ActionRefused(f"{where}：列宽 {column.width} 应在 2–80 之间")
    amounts = [c for c in layout.columns if c.field == "amount"]
    if len(amounts) != 1:
        raise ActionRefused(f"代发格式须有且只有一个金额列（现有 {len(amounts)} 个）")
    for number, line in enumerate(layout.header, start=1):
        _check_template(line, HEADER_FIELDS, f"表头第 {number} 行")
    _check_template(layout.memo, MEMO_FIELDS, "摘要")
    return layout


def layout_document(layout: BankLayout) -> dict[str, Any]:
    """The layout as a JSON-ready mapping (export, storage)."""
    return {
        "name": layout.name,
        "bank": layout.bank,
        "description": layout.description,
        "file_type": layout.file_type,
        "encoding": layout.encoding,
        "amount_format": layout.amount_format,
        "title_row": layout.title_row,
        "header": list(layout.header),
        "memo": layout.memo,
        "columns": [{"title": c.title, "field": c.field, "width": c.width} for c in layout.columns],
    }


def _text(document: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = document.get(key, default)
    if not isinstance(value, str):
        raise ActionRefused(f"代发格式的「{key}」应为文字，实为「{value}」")
    return value


def layout_from_document(document: object, *, builtin: bool = False) -> BankLayout:
    """Read and check a layout from its JSON mapping; refuses with the field at fault."""
    if not isinstance(document, Mapping):
        raise ActionRefused("代发格式文件应是一个 JSON 对象")
    columns = document.get("columns")
    if not isinstance(columns, list):
        raise ActionRefused("代发格式的「columns」应为列的列表")
    parsed = []
    for number, column in enumerate(columns, start=1):
        if not isinstance(column, Mapping):
            raise ActionRefused(f"第 {number} 列应为对象（title、field、width）")
        width = column.get("width", 14)
        if not isinstance(width, int) or isinstance(width, bool):
            raise ActionRefused(f"第 {number} 列的列宽「{width}」不是整数")
        parsed.append(BankColumn(_text(column, "title"), _text(column, "field"), width))
    header = document.get("header", [])
    if not isinstance(header, list) or not all(isinstance(h, str) for h in header):
        raise ActionRefused("代发格式的「header」应为文字行的列表")
    title_row = document.get("title_row", True)
    if not isinstance(title_row, bool):
        raise ActionRefused(f"代发格式的「title_row」应为 true 或 false，实为「{title_row}」")
    layout = BankLayout(
        name=_text(document, "name").strip(),
        bank=_text(document, "bank", ""),
        description=_text(document, "description", ""),
        file_type=_text(document, "file_type", "xlsx"),
        columns=tuple(parsed),
        header=tuple(header),
        memo=_text(document, "memo", "{month}工资"),
        encoding=_text(document, "encoding", "utf-8-sig"),
        amount_format=_text(document, "amount_format", "plain"),
        title_row=title_row,
        builtin=builtin,
    )
    return check_layout(layout)


STANDARD_COLUMNS = (
    BankColumn("序号", "index", 6),
    BankColumn("户名", "account_name", 10),
    BankColumn("账号", "account", 24),
    BankColumn("身份证号", "id_number", 20),
    BankColumn("开户行", "bank", 24),
    BankColumn("金额", "amount", 12),
    BankColumn("摘要", "memo", 16),
)

BUILTIN_LAYOUTS: dict[str, BankLayout] = {
    "default": BankLayout(
        "default",
        "通用",
        "通用代发格式（Excel）：标题、单位、总笔数与总金额，然后是明细",
        "xlsx",
        STANDARD_COLUMNS,
        ("{unit}{month}工资代发清单", "付款单位：{unit}", "总笔数：{count}　总金额：{total}"),
        builtin=True,
    ),
    "csv": BankLayout(
        "csv",
        "通用",
        "代发批量文件（CSV，GB18030 编码）：首行为总笔数、总金额，"
        "其后每行 账号,户名,金额,身份证号,摘要",
        "csv",
        (
            BankColumn("账号", "account"),
            BankColumn("户名", "account_name"),
            BankColumn("金额", "amount"),
            BankColumn("身份证号", "id_number"),
            BankColumn("摘要", "memo"),
        ),
        ("总笔数,{count},总金额,{total}",),
        encoding="gb18030",
        title_row=False,
        builtin=True,
    ),
}
