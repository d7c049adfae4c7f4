"""The payroll deductions commands' arguments; their code, ``ui.cli.commands.payroll_deductions``,
is imported when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.payroll_deductions")

DEDUCTION_KINDS = sorted(
    ("子女教育", "婴幼儿照护", "赡养老人", "继续教育", "住房贷款利息", "住房租金")
)
"""专项附加扣除 kinds (``workforce.services.payroll.deductions.KINDS``, a test keeps them equal)."""


def register_deduction_edits(actions: Any) -> None:
    """Add list, correct, end and delete to ``payroll deduction``'s sub-commands."""
    listed = actions.add_parser("list", help="列出专项附加扣除申报（按人或单位）")
    listed.add_argument("--id", dest="id_number", metavar="ID_NUMBER", help="只列此身份证号的申报")
    listed.add_argument(
        "--unit", metavar="NAME", help="只列某区、街道、社区或网格（可写“街道/社区”）"
    )
    listed.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    listed.set_defaults(handler=later("run_deduction_list"), needs=Action.VIEW_WORKERS)

    correct = actions.add_parser(
        "correct", help="更正一条申报（项目、每月扣除额、起止月份、备注；未写的项保持不变）"
    )
    correct.add_argument("declaration", type=int, metavar="DECL_ID", help="申报编号（见 list）")
    correct.add_argument("--kind", choices=DEDUCTION_KINDS, help="扣除项目")
    correct.add_argument("--amount", metavar="AMOUNT", help="每月扣除额（元）")
    correct.add_argument("--from", dest="first", metavar="YYYY-MM", help="起始月份")
    last = correct.add_mutually_exclusive_group()
    last.add_argument("--to", dest="last", metavar="YYYY-MM", help="截止月份")
    last.add_argument("--open-ended", action="store_true", help="取消截止月份（长期）")
    correct.add_argument("--note", metavar="TEXT", help="备注")
    add_user_option(correct)
    correct.set_defaults(handler=later("run_deduction_correct"), needs=Action.EDIT_PAY_INPUTS)

    end = actions.add_parser("end", help="申报截止：此月之后不再扣除")
    end.add_argument("declaration", type=int, metavar="DECL_ID", help="申报编号（见 list）")
    end.add_argument("--last", required=True, metavar="YYYY-MM", help="最后扣除的月份")
    add_user_option(end)
    end.set_defaults(handler=later("run_deduction_end"), needs=Action.EDIT_PAY_INPUTS)

    delete = actions.add_parser("delete", help="删除误录的申报（所涉月份须未审核、未锁定）")
    delete.add_argument("declaration", type=int, metavar="DECL_ID", help="申报编号（见 list）")
    add_user_option(delete)
    delete.set_defaults(handler=later("run_deduction_delete"), needs=Action.EDIT_PAY_INPUTS)
