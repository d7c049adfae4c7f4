"""``workforce payroll rates|bounds|layouts``: the 五险一金 rates and base bounds as dated versions
(§8.2) and the bank layouts (代发格式, §9) as data."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from ui.cli.common import CliError, emit_json, opened, parse_date, say
from workforce.domain.payroll.bank_layout import FILE_TYPES, layout_document
from workforce.domain.payroll.rate_settings import ROUNDING_NAMES, parse_rate, percent
from workforce.domain.problems import ActionRefused
from workforce.services.payroll.bank_layouts import (
    delete_layout,
    get_layout,
    import_layout,
    layout_json,
    list_layouts,
)
from workforce.services.payroll.rates import (
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
