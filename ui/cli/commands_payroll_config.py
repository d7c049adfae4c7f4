"""``workforce payroll rates|bounds|layouts``: the 五险一金 rates and base bounds as dated versions
(§8.2) and the bank layouts (代发格式, §9) as data."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from ui.cli.commands_scale import add_user_option, parse_date
from ui.cli.common import CliError, emit_json, opened, say
from workforce.domain.bank_layout import FILE_TYPES, layout_document
from workforce.domain.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.rate_settings import ROUNDING_NAMES, parse_rate, percent
from workforce.services.bank_layouts import (
    delete_layout,
    get_layout,
    import_layout,
    layout_json,
    list_layouts,
)
from workforce.services.payroll_rates import (
    BoundsVersion,
    RateVersion,
    bounds_history,
    bounds_in_force,
    rate_history,
    rates_in_force,
    set_bounds,
    set_rate,
)

T = TypeVar("T")


def register_config(commands: Any) -> None:
    rates = commands.add_parser("rates", help="五险一金费率：查看（某日生效或历史）、设置新版本")
    rate_actions = rates.add_subparsers(dest="rates_command", metavar="ACTION", required=True)
    lst = rate_actions.add_parser("list", help="列出某日生效的费率（--history 列出全部版本）")
    _listing(lst)
    lst.add_argument("--item", metavar="ITEM", help="只列一个险种的历史（与 --history 同用）")
    lst.set_defaults(handler=run_rates_list, needs=None)
    edit = rate_actions.add_parser("set", help="自某日起设置一个险种的费率（同日已有版本则更正）")
    edit.add_argument("item", metavar="ITEM", help="养老、医疗、失业、工伤、生育、公积金（或代码）")
    edit.add_argument("--employer", required=True, metavar="RATE", help="单位费率，如 16%% 或 0.16")
    edit.add_argument("--individual", required=True, metavar="RATE", help="个人费率，如 8%%")
    edit.add_argument("--effective", required=True, metavar="YYYY-MM-DD", help="生效日期")
    edit.add_argument("--rounding", metavar="MODE", help="舍入：fen（到分）或 yuan（到元）")
    edit.add_argument("--note", default="", metavar="TEXT", help="备注（如文件号）")
    add_user_option(edit)
    edit.set_defaults(handler=run_rates_set, needs=Action.EDIT_CONFIGURATION)

    bounds = commands.add_parser("bounds", help="缴费基数上下限：查看、设置新版本")
    bound_actions = bounds.add_subparsers(dest="bounds_command", metavar="ACTION", required=True)
    blist = bound_actions.add_parser("list", help="列出某日生效的上下限（--history 列出全部版本）")
    _listing(blist)
    blist.set_defaults(handler=run_bounds_list, needs=None)
    bset = bound_actions.add_parser("set", help="自某日起设置缴费基数上下限")
    bset.add_argument("--floor", required=True, metavar="AMOUNT", help="下限（元）")
    bset.add_argument("--ceiling", required=True, metavar="AMOUNT", help="上限（元）")
    bset.add_argument("--effective", required=True, metavar="YYYY-MM-DD", help="生效日期")
    bset.add_argument("--note", default="", metavar="TEXT")
    add_user_option(bset)
    bset.set_defaults(handler=run_bounds_set, needs=Action.EDIT_CONFIGURATION)

    layouts = commands.add_parser("layouts", help="银行代发格式：列出、查看、导入、导出、删除")
    layout_actions = layouts.add_subparsers(dest="layouts_command", metavar="ACTION", required=True)
    llist = layout_actions.add_parser("list", help="列出代发格式")
    llist.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    llist.set_defaults(handler=run_layouts_list, needs=None)
    show = layout_actions.add_parser("show", help="打印一个代发格式的 JSON")
    show.add_argument("name", metavar="NAME")
    show.set_defaults(handler=run_layouts_show, needs=None)
    export = layout_actions.add_parser("export", help="把代发格式导出为 JSON 文件")
    export.add_argument("name", metavar="NAME")
    export.add_argument("out", metavar="OUT.json")
    export.set_defaults(handler=run_layouts_export, needs=None)
    imported = layout_actions.add_parser("import", help="从 JSON 文件导入（保存）代发格式")
    imported.add_argument("file", metavar="FILE.json")
    imported.add_argument("--name", metavar="NAME", help="以另一名称保存")
    add_user_option(imported)
    imported.set_defaults(handler=run_layouts_import, needs=Action.EDIT_CONFIGURATION)
    delete = layout_actions.add_parser("delete", help="删除自定义代发格式（内置格式不能删除）")
    delete.add_argument("name", metavar="NAME")
    add_user_option(delete)
    delete.set_defaults(handler=run_layouts_delete, needs=Action.EDIT_CONFIGURATION)


def _listing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认：今天）")
    parser.add_argument("--history", action="store_true", help="列出全部版本")
    parser.add_argument("--json", action="store_true", help="在标准输出打印 JSON")


def _checked(parse: Callable[[], T]) -> T:
    try:
        return parse()
    except ActionRefused as exc:
        raise CliError(exc.message) from None


def _money(text: str, what: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CliError(f"{what}「{text}」不是数字") from None
    return value


def rate_document(r: RateVersion) -> dict[str, str]:
    return {
        "code": r.code,
        "name": r.name,
        "employer_rate": str(r.employer_rate),
        "individual_rate": str(r.individual_rate),
        "rounding": r.rounding,
        "effective_date": r.effective_date.isoformat(),
        "note": r.note,
    }


def bounds_document(b: BoundsVersion) -> dict[str, str]:
    return {
        "floor": f"{b.floor:.2f}",
        "ceiling": f"{b.ceiling:.2f}",
        "effective_date": b.effective_date.isoformat(),
        "note": b.note,
    }


def _rate_line(r: RateVersion) -> str:
    rounding = ROUNDING_NAMES.get(r.rounding, r.rounding)
    return (
        f"{r.name}\t单位 {percent(r.employer_rate)}\t个人 {percent(r.individual_rate)}\t"
        f"{rounding}\t{r.effective_date:%Y-%m-%d}起"
    )


def run_rates_list(args: argparse.Namespace) -> int:
    on = parse_date(args.date, "日期") if args.date else dt.date.today()
    with opened(args) as (db, _actor):
        rows = rate_history(db, args.item) if args.history else rates_in_force(db, on)
    if args.json:
        key = "history" if args.history else "rates"
        emit_json({"date": on.isoformat(), key: [rate_document(r) for r in rows]})
        return 0
    for r in rows:
        print(_rate_line(r))
    return 0


def run_rates_set(args: argparse.Namespace) -> int:
    effective = parse_date(args.effective, "生效日期")
    employer = _checked(lambda: parse_rate(args.employer, "单位费率"))
    individual = _checked(lambda: parse_rate(args.individual, "个人费率"))
    with opened(args) as (db, actor):
        version = set_rate(
            db, actor, args.item, employer, individual, effective, args.rounding, args.note
        )
    say(f"已设置{_rate_line(version).replace(chr(9), '，')}生效")
    return 0


def _bounds_line(b: BoundsVersion) -> str:
    return f"下限 {b.floor:,.2f}\t上限 {b.ceiling:,.2f}\t{b.effective_date:%Y-%m-%d}起"


def run_bounds_list(args: argparse.Namespace) -> int:
    on = parse_date(args.date, "日期") if args.date else dt.date.today()
    with opened(args) as (db, _actor):
        if args.history:
            rows = bounds_history(db)
        else:
            found = bounds_in_force(db, on)
            rows = [] if found is None else [found]
    if args.json:
        key = "history" if args.history else "bounds"
        emit_json({"date": on.isoformat(), key: [bounds_document(b) for b in rows]})
        return 0
    for b in rows:
        print(_bounds_line(b))
    return 0


def run_bounds_set(args: argparse.Namespace) -> int:
    effective = parse_date(args.effective, "生效日期")
    floor, ceiling = _money(args.floor, "下限"), _money(args.ceiling, "上限")
    with opened(args) as (db, actor):
        version = set_bounds(db, actor, floor, ceiling, effective, args.note)
    say(f"已设置缴费基数{_bounds_line(version).replace(chr(9), '，')}生效")
    return 0


def run_layouts_list(args: argparse.Namespace) -> int:
    with opened(args) as (db, _actor):
        layouts = list_layouts(db)
    if args.json:
        emit_json({"layouts": [{**layout_document(x), "builtin": x.builtin} for x in layouts]})
        return 0
    for x in layouts:
        kind = "内置" if x.builtin else "自定义"
        print(f"{x.name}\t{x.bank}\t{FILE_TYPES[x.file_type]}\t{kind}\t{x.description}")
    return 0


def run_layouts_show(args: argparse.Namespace) -> int:
    with opened(args) as (db, _actor):
        layout = get_layout(db, args.name)
    print(layout_json(layout), end="")
    return 0


def run_layouts_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"保存文件的文件夹不存在：{out.parent}")
    with opened(args) as (db, _actor):
        layout = get_layout(db, args.name)
    out.write_text(layout_json(layout), encoding="utf-8")
    say(f"代发格式「{layout.name}」已导出：{out}")
    return 0


def run_layouts_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"文件不存在：{source}")
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"代发格式文件应为 UTF-8 编码的 JSON：{source}") from None
    with opened(args) as (db, actor):
        layout = import_layout(db, actor, text, args.name)
    say(f"已保存代发格式「{layout.name}」（{layout.bank}，{FILE_TYPES[layout.file_type]}）")
    return 0


def run_layouts_delete(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        delete_layout(db, actor, args.name)
    say(f"已删除代发格式「{args.name}」")
    return 0
