"""The payroll config commands' arguments; their code, ``ui.cli.commands.payroll_config``,
is imported when one of them runs."""

from __future__ import annotations

import argparse
from typing import Any

from ui.cli.options import add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.payroll_config")


def register_config(commands: Any) -> None:
    rates = commands.add_parser("rates", help="五险一金费率：查看（某日生效或历史）、设置新版本")
    rate_actions = rates.add_subparsers(dest="rates_command", metavar="ACTION", required=True)
    lst = rate_actions.add_parser("list", help="列出某日生效的费率（--history 列出全部版本）")
    _listing(lst)
    lst.add_argument("--item", metavar="ITEM", help="只列一个险种的历史（与 --history 同用）")
    lst.set_defaults(handler=later("run_rates_list"), needs=None)
    edit = rate_actions.add_parser("set", help="自某日起设置一个险种的费率（同日已有版本则更正）")
    edit.add_argument("item", metavar="ITEM", help="养老、医疗、失业、工伤、生育、公积金（或代码）")
    edit.add_argument("--employer", required=True, metavar="RATE", help="单位费率，如 16%% 或 0.16")
    edit.add_argument("--individual", required=True, metavar="RATE", help="个人费率，如 8%%")
    edit.add_argument("--effective", required=True, metavar="YYYY-MM-DD", help="生效日期")
    edit.add_argument("--rounding", metavar="MODE", help="舍入：fen（到分）或 yuan（到元）")
    edit.add_argument("--note", default="", metavar="TEXT", help="备注（如文件号）")
    add_user_option(edit)
    edit.set_defaults(handler=later("run_rates_set"), needs=Action.EDIT_CONFIGURATION)

    bounds = commands.add_parser("bounds", help="缴费基数上下限：查看、设置新版本")
    bound_actions = bounds.add_subparsers(dest="bounds_command", metavar="ACTION", required=True)
    blist = bound_actions.add_parser("list", help="列出某日生效的上下限（--history 列出全部版本）")
    _listing(blist)
    blist.set_defaults(handler=later("run_bounds_list"), needs=None)
    bset = bound_actions.add_parser("set", help="自某日起设置缴费基数上下限")
    bset.add_argument("--floor", required=True, metavar="AMOUNT", help="下限（元）")
    bset.add_argument("--ceiling", required=True, metavar="AMOUNT", help="上限（元）")
    bset.add_argument("--effective", required=True, metavar="YYYY-MM-DD", help="生效日期")
    bset.add_argument("--note", default="", metavar="TEXT")
    add_user_option(bset)
    bset.set_defaults(handler=later("run_bounds_set"), needs=Action.EDIT_CONFIGURATION)

    layouts = commands.add_parser("layouts", help="银行代发格式：列出、查看、导入、导出、删除")
    layout_actions = layouts.add_subparsers(dest="layouts_command", metavar="ACTION", required=True)
    llist = layout_actions.add_parser("list", help="列出代发格式")
    llist.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    llist.set_defaults(handler=later("run_layouts_list"), needs=None)
    show = layout_actions.add_parser("show", help="打印一个代发格式的 JSON")
    show.add_argument("name", metavar="NAME")
    show.set_defaults(handler=later("run_layouts_show"), needs=None)
    export = layout_actions.add_parser("export", help="把代发格式导出为 JSON 文件")
    export.add_argument("name", metavar="NAME")
    export.add_argument("out", metavar="OUT.json")
    export.set_defaults(handler=later("run_layouts_export"), needs=None)
    imported = layout_actions.add_parser("import", help="从 JSON 文件导入（保存）代发格式")
    imported.add_argument("file", metavar="FILE.json")
    imported.add_argument("--name", metavar="NAME", help="以另一名称保存")
    add_user_option(imported)
    imported.set_defaults(handler=later("run_layouts_import"), needs=Action.EDIT_CONFIGURATION)
    delete = layout_actions.add_parser("delete", help="删除自定义代发格式（内置格式不能删除）")
    delete.add_argument("name", metavar="NAME")
    add_user_option(delete)
    delete.set_defaults(handler=later("run_layouts_delete"), needs=Action.EDIT_CONFIGURATION)


def _listing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认：今天）")
    parser.add_argument("--history", action="store_true", help="列出全部版本")
    parser.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
