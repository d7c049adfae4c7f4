"""Options several commands share, light enough to build the parser with (no services)."""

from __future__ import annotations

import argparse
import datetime as dt


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="USERNAME", help="以该用户身份操作（默认：管理员 admin）")


def add_unit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--unit", metavar="NAME", help="只看某区、街道、社区或网格（可写“街道/社区”）"
    )


def add_retro_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--retroactive",
        action="store_true",
        help="追溯调整：生效日期落在已审核或已锁定的月份时，这些月份保持原样，"
        "差额作为补发/补扣计入下一个未结月份（先列出，加 --yes 才写入）",
    )
    parser.add_argument("--yes", action="store_true", help="确认写入追溯调整及其补发/补扣")


def iso_date(text: str) -> dt.date:
    """An argparse ``type``: ``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是 YYYY-MM-DD 格式的日期") from None


def add_check_options(parser: argparse.ArgumentParser) -> None:
    """A sheet import's ``--dry-run``, ``--errors``, ``--valid-only`` and ``--rejected``, in the
    same words for every importer (``ui.cli.sheet_check`` acts on them). All or nothing stays
    the default."""
    parser.add_argument("--dry-run", action="store_true", help="只检查并列出将做的修改，不写入")
    parser.add_argument(
        "--errors", metavar="OUT.xlsx", help="把问题写入错误报告（原表加“错误说明”列）"
    )
    parser.add_argument(
        "--valid-only",
        action="store_true",
        help="只导入无误的行；有错误的行原样写入一个工作簿（加“问题”列），改正后再导入"
        "（默认：有错误则整表不导入）",
    )
    parser.add_argument(
        "--rejected",
        metavar="OUT.xlsx",
        help="--valid-only 时未导入的行写到哪里（默认：原文件旁的“原文件名-未导入的行.xlsx”）",
    )
