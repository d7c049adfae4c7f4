"""The ``workforce`` command line: one sub-command per user action, the desktop's services.

With ``--json`` standard output holds only the JSON document; progress and messages go to standard
error. Errors are one clear line and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence

from ui.cli.parsers import register_all
from ui.cli.version import VersionAction

Handler = Callable[[argparse.Namespace], int]

DB_HELP = (
    "数据库：SQLite 文件路径或 postgresql+psycopg://… （默认：用户数据目录中的内置数据库；"
    "也可用环境变量 WORKFORCE_DB）"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workforce", description="社区工作者档案与薪酬管理系统（命令行）"
    )
    parser.add_argument("--db", metavar="URL", help=DB_HELP)
    parser.add_argument("--version", action=VersionAction, help="显示版本、构建日期和提交")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_all(sub)
    _accept_db_anywhere(parser)
    return parser


def _accept_db_anywhere(parser: argparse.ArgumentParser) -> None:
    """``--db`` after the command too (``workforce stats --json --db FILE``). SUPPRESS keeps a
    sub-command from resetting a ``--db`` given before it when it is not repeated."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                command.add_argument(
                    "--db", metavar="URL", default=argparse.SUPPRESS, help="同 workforce --db"
                )
                _accept_db_anywhere(command)


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.started = started  # commands that report their time report all of it
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from ui.desktop.app import run_desktop

        return run_desktop(args.db)
    from ui.cli.common import CliError, fail  # with the command's code, not before
    from workforce.domain.problems import ActionRefused
    from workforce.persistence.file_lock import declare_program

    declare_program("命令行")
    try:
        return handler(args)
    except CliError as exc:
        return fail(str(exc), exc.status)
    except ActionRefused as exc:  # a refusal any command meets (the file in use …): words, no trace
        return fail(exc.message)
    except KeyboardInterrupt:
        return fail("已取消", 130)


if __name__ == "__main__":
    sys.exit(main())
