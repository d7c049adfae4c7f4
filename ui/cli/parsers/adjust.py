"""The adjust commands' arguments; their code, ``ui.cli.commands.adjust``, is imported
when one of them runs."""

from __future__ import annotations

import argparse
from typing import Any

from ui.cli.options import add_user_option
from ui.cli.parsers import appraisal, scale
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.adjust")


def register(sub: Any) -> None:
    scale.register(sub)
    appraisal.register(sub)
    adjust = sub.add_parser("adjust", help="年度调级调薪：准备、排除/调整、审核、应用、撤销")
    actions = adjust.add_subparsers(dest="adjust_command", metavar="ACTION", required=True)

    plan = actions.add_parser("plan", help="准备调级计划（重新准备时列出与上次的不同）")
    plan.add_argument("--year", type=int, required=True, metavar="Y", help="调级年度")
    plan.add_argument("--effective", metavar="DATE", help="生效日期（默认：Y年1月1日）")
    plan.add_argument(
        "--with-employer-share",
        action="store_true",
        help="年度增加资金含单位社保公积金缴费（按生效日费率 × 月增资近似）",
    )
    _outputs(plan)
    plan.set_defaults(handler=later("run_plan"), needs=Action.PREPARE_ADJUSTMENT)

    listing = actions.add_parser("list", help="列出调级批次（状态、经办人、人次、年度增加资金）")
    listing.add_argument("--year", type=int, metavar="Y", help="只列该年度")
    listing.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    listing.set_defaults(handler=later("run_list"), needs=Action.VIEW_ADJUSTMENT)

    for name, help_text in (
        ("exclude", "把某人排除在本次调级之外"),
        ("override", "调整某人的新等级"),
    ):
        item = actions.add_parser(name, help=help_text)
        item.add_argument("run_id", type=int, metavar="RUN_ID")
        item.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
        item.add_argument("--reason", required=True, metavar="TEXT", help="书面理由")
        item.add_argument("--level", type=int, metavar="N", help="新等级（override 必填）")
        item.set_defaults(
            handler=later("run_item"), needs=Action.PREPARE_ADJUSTMENT, excluded=name == "exclude"
        )
        add_user_option(item)

    approve = actions.add_parser("approve", help="审核调级计划（须由准备人以外的用户）")
    approve.add_argument("run_id", type=int, metavar="RUN_ID")
    approve.set_defaults(handler=later("run_approve"), needs=Action.APPROVE_ADJUSTMENT)

    apply = actions.add_parser("apply", help="应用已审核的调级计划")
    apply.add_argument("run_id", type=int, metavar="RUN_ID")
    apply.set_defaults(handler=later("run_apply"), needs=Action.APPLY_ADJUSTMENT)

    revert = actions.add_parser("revert", help="整体撤销已应用的调级")
    revert.add_argument("run_id", type=int, metavar="RUN_ID")
    revert.add_argument("--reason", required=True, metavar="TEXT", help="撤销理由")
    revert.set_defaults(handler=later("run_revert"), needs=Action.APPROVE_ADJUSTMENT)

    grade = actions.add_parser(
        "grade", help="新入职人员定级（按岗位、学历、证书和此前社区工作年限）"
    )
    grade.add_argument("--post", required=True, help="岗位（名称或代码）")
    grade.add_argument("--education", help="最高学历")
    grade.add_argument("--certificate", help="社工证等级")
    grade.add_argument("--years", type=int, default=0, help="此前社区工作年限")
    grade.add_argument("--json", action="store_true", help="以 JSON 输出")
    grade.set_defaults(handler=later("run_grade"), needs=None)

    show = actions.add_parser("show", help="查看调级批次（计划或结果）")
    show.add_argument("run_id", type=int, metavar="RUN_ID")
    _outputs(show)
    show.set_defaults(handler=later("run_show"), needs=Action.VIEW_ADJUSTMENT)
    for parser in (plan, listing, approve, apply, revert, show):
        add_user_option(parser)


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    parser.add_argument("--out", metavar="FILE.xlsx", help="保存汇总及明细工作簿")
