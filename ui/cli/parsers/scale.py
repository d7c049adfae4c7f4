"""The scale commands' arguments; their code, ``ui.cli.commands.scale``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_retro_options, add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.scale")


def register(sub: Any) -> None:
    scale = sub.add_parser("scale", help="薪酬标准：导入、查看、比较、修改")
    actions = scale.add_subparsers(dest="scale_command", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="导入新版本薪酬标准（长表或宽表）")
    imp.add_argument("file", metavar="FILE", help="薪酬标准表（.xlsx、.xlsm、.xls、.ods 或 .csv）")
    imp.add_argument("--effective", metavar="YYYY-MM-DD", required=True, help="生效日期")
    imp.add_argument("--name", metavar="N", help="名称（默认：按生效日期命名）")
    imp.add_argument("--sheet", metavar="NAME", help="工作表名称（默认：第一个有数据的工作表）")
    imp.add_argument(
        "--posts",
        metavar="POSTS_FILE",
        help="岗位设置表（代码、岗位名称、最低等级、最高等级、参照岗位、别名）；"
        "默认沿用现行版本的岗位，可用于四岗二十四级等其他形式",
    )
    add_retro_options(imp)
    imp.set_defaults(handler=later("run_import"), needs=Action.EDIT_CONFIGURATION)

    lst = actions.add_parser("list", help="列出所有版本")
    lst.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    lst.set_defaults(handler=later("run_list"), needs=None)

    show = actions.add_parser("show", help="查看某日生效的薪酬标准")
    show.add_argument("--effective", metavar="DATE", help="日期（默认：今天）")
    show.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    show.set_defaults(handler=later("run_show"), needs=None)

    cmp = actions.add_parser("compare", help="比较两个日期生效的薪酬标准")
    cmp.add_argument("date_a", metavar="DATE_A")
    cmp.add_argument("date_b", metavar="DATE_B")
    cmp.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    cmp.set_defaults(handler=later("run_compare"), needs=None)

    edit = actions.add_parser("set", help="修改尚未被已应用调级使用的版本中的一个月标准")
    edit.add_argument("scale_id", metavar="SCALE_ID", type=int)
    edit.add_argument("post", metavar="POST", help="岗位名称、代码或别名")
    edit.add_argument("level", metavar="LEVEL", type=int)
    edit.add_argument("amount", metavar="AMOUNT", help="月标准（元）")
    edit.set_defaults(handler=later("run_set"), needs=Action.EDIT_CONFIGURATION)
    for parser in (imp, edit):
        add_user_option(parser)
