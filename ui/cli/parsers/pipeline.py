"""The pipeline commands' arguments; their code, ``ui.cli.commands.pipeline``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_unit_option, add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.pipeline import RESERVE_TARGETS, STAGES, TARGETS

later = handlers("ui.cli.commands.pipeline")


def register(sub: Any) -> None:
    pipeline = sub.add_parser("pipeline", help="晋升通道：资格审查、记录变动、历史、空缺")
    actions = pipeline.add_subparsers(dest="pipeline_command", metavar="ACTION", required=True)
    eligible = actions.add_parser("eligible", help="资格审查名单：逐人列出是否符合及原因")
    eligible.add_argument(
        "--target",
        required=True,
        metavar="T",
        help=f"目标（{'、'.join(TARGETS)}；也可写 两委、书记）",
    )
    eligible.add_argument("--pool", action="store_true", help="只审查该目标的后备人选")
    eligible.add_argument("--date", metavar="YYYY-MM-DD", help="审查日期（默认：今天）")
    eligible.add_argument("--xlsx", metavar="OUT.xlsx", help="导出资格审查名单")
    add_unit_option(eligible)
    eligible.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    eligible.set_defaults(handler=later("run_eligible"), needs=Action.VIEW_WORKERS)

    mv = actions.add_parser("move", help="记录一次晋升通道变动（有日期、来源和原因）")
    mv.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    mv.add_argument("--stage", required=True, choices=STAGES, help="阶段")
    mv.add_argument(
        "--target-role", choices=tuple(RESERVE_TARGETS), help="后备方向（后备人选、退出后备时必填）"
    )
    mv.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="变动日期")
    mv.add_argument("--reason", required=True, metavar="TEXT", help="原因")
    mv.add_argument(
        "--source", default="手工录入", metavar="TEXT", help="来源（如 换届选举、组织推荐）"
    )
    add_user_option(mv)
    mv.set_defaults(handler=later("run_move"), needs=Action.MOVE_PIPELINE)

    hist = actions.add_parser("history", help="某人的晋升通道历史")
    hist.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    hist.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    hist.set_defaults(handler=later("run_history"), needs=Action.VIEW_WORKERS)

    vac = actions.add_parser("vacancies", help="各社区按核定人数和岗位定额的空缺")
    add_unit_option(vac)
    vac.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    vac.set_defaults(handler=later("run_vacancies"), needs=Action.VIEW_WORKERS)
