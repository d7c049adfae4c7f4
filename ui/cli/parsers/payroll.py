"""The payroll commands' arguments; their code, ``ui.cli.commands.payroll``, is imported
when one of them runs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ui.cli.options import add_user_option
from ui.cli.parsers.lazy import Handler, handlers
from ui.cli.parsers.payroll_config import register_config
from ui.cli.parsers.payroll_inputs import register_inputs
from ui.cli.parsers.payroll_year import register_year
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.payroll")


def register(sub: Any) -> None:
    payroll = sub.add_parser(
        "payroll", help="月度工资：计算、审核、锁定、撤销计算、期初累计、导出、代发、核对、个税说明"
    )
    commands = payroll.add_subparsers(dest="payroll_command", metavar="COMMAND", required=True)

    run = commands.add_parser("run", help="计算（或重新计算）一个月的工资")
    _month(run)
    run.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    run.set_defaults(handler=later("run_run"), needs=Action.CALCULATE_PAYROLL)

    approve = commands.add_parser("approve", help="审核已计算的月份（须由计算人以外的用户）")
    _month(approve)
    approve.set_defaults(handler=later("run_approve"), needs=Action.APPROVE_PAYROLL)

    back = commands.add_parser("return", help="把已审核（未锁定）的月份退回草稿")
    _month(back)
    back.add_argument("--reason", required=True, metavar="TEXT", help="退回理由")
    back.set_defaults(handler=later("run_return"), needs=Action.APPROVE_PAYROLL)

    lock = commands.add_parser("lock", help="锁定已审核的月份（已发放，此后不能再改）")
    _month(lock)
    lock.set_defaults(handler=later("run_lock"), needs=Action.LOCK_PAYROLL)

    export = commands.add_parser("export", help="导出工资发放表（财务用 .xlsx）")
    _month(export)
    export.add_argument("out", metavar="OUT.xlsx")
    export.add_argument("--full-id", action="store_true", help="显示完整身份证号（默认遮蔽）")
    export.add_argument("--tax-columns", action="store_true", help="附个税计算列")
    export.add_argument(
        "--paper",
        choices=("A4", "A3"),
        default="A4",
        help="打印纸张（横向；列多时分页打印并重复姓名列，正文不小于 8 磅）",
    )
    export.set_defaults(handler=later("run_export"), needs=Action.EXPORT_PAYROLL)

    _register_bank(commands)

    slips = commands.add_parser("slips", help="打印工资条（PDF，每页数条，附裁剪线）")
    _month(slips)
    slips.add_argument("out", metavar="OUT.pdf")
    slips.add_argument("--unit", default="", metavar="NAME", help="只打印一个街道或社区")
    slips.add_argument("--full-id", action="store_true", help="显示完整身份证号（默认遮蔽）")
    slips.set_defaults(handler=later("run_slips"), needs=Action.EXPORT_PAYROLL)

    summary = commands.add_parser("tax-summary", help="导出全年个人所得税汇总表（每人一行，.xlsx）")
    summary.add_argument("--year", required=True, type=int, metavar="YYYY", help="年度，如 2026")
    add_user_option(summary)
    summary.add_argument("out", metavar="OUT.xlsx")
    summary.add_argument("--full-id", action="store_true", help="显示完整身份证号（默认遮蔽）")
    summary.set_defaults(handler=later("run_tax_summary"), needs=Action.EXPORT_PAYROLL)

    verify = commands.add_parser("verify", help="由保存的输入重新推算并核对每张工资条（精确到分）")
    _month(verify)
    verify.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    verify.set_defaults(handler=later("run_verify"), needs=Action.EXPORT_PAYROLL)

    register_inputs(commands)
    register_config(commands)
    register_year(commands)

    explain_parser = commands.add_parser(
        "explain", help="按累计预扣法逐月说明一名职工全年的个税预扣（案例格式见 spec/tax-case.md）"
    )
    explain_parser.add_argument("case", type=Path, metavar="CASE.json")
    explain_parser.set_defaults(
        handler=Handler("ui.cli.commands.explain", "run_explain"), needs=None
    )


def _register_bank(commands: Any) -> None:
    """bank, reissue and receivables: what the month pays, and what it could not (§8.6)."""
    bank = commands.add_parser("bank", help="生成银行代发文件（附另行发放/未发放名单；须已审核）")
    _month(bank)
    bank.add_argument("out", metavar="OUT.xlsx|OUT.csv")
    bank.add_argument(
        "--layout",
        default=None,
        metavar="NAME",
        help="代发格式（默认按扩展名：.xlsx 用 default，.csv 用 csv）",
    )
    bank.set_defaults(handler=later("run_bank"), needs=Action.EXPORT_PAYROLL)

    reissue = commands.add_parser(
        "reissue", help="已锁定月份的补发代发：名单中锁定后补录了有效账号的人员（记审计）"
    )
    _month(reissue)
    reissue.add_argument("out", metavar="OUT.xlsx|OUT.csv")
    reissue.add_argument("--layout", default=None, metavar="NAME", help="代发格式（默认按扩展名）")
    reissue.set_defaults(handler=later("run_reissue"), needs=Action.LOCK_PAYROLL)

    owed = commands.add_parser("receivables", help="应收个人款：离职人员未能扣回的欠扣")
    _month(owed)
    owed.set_defaults(handler=later("run_receivables"), needs=Action.EXPORT_PAYROLL)


def _month(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help="工资月份，如 2026-03")
    add_user_option(parser)
