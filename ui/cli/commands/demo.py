"""``workforce demo`` (fill an empty database with example data), ``workforce stats`` and
``workforce stats export OUT.xlsx|OUT.pdf``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from ui.cli.common import CliError, Progress, emit_json, opened, say
from ui.formatting import count_text
from workforce.domain.stats.indicators import INDICATOR_LABELS, Indicators
from workforce.services.roster.org import org_tree
from workforce.services.stats.indicators import find_unit, statistics
from workforce.services.stats.report import statistics_report
from workforce.services.system.demo import generate_demo


def run_demo(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise CliError("--workers 应为正整数")
    with opened(args) as (db, actor):
        report = generate_demo(
            db,
            actor,
            workers=args.workers,
            seed=args.seed,
            today=args.today,
            progress=Progress("生成示例数据"),
        )
    # the whole command: start-up, opening (and migrating) the database, generating, closing
    print(f"{report.describe()}（用时 {time.perf_counter() - args.started:.1f} 秒）")
    return 0


def _number(value: Decimal) -> float:
    """A JSON number for a Decimal indicator (one decimal place: its float prints the same)."""
    return float(value)


def indicators_document(indicators: Indicators, unit: str | None) -> dict[str, Any]:
    """The indicators as JSON-ready values: numbers as numbers, Chinese labels apart."""
    i = indicators
    return {
        "as_of": i.as_of.isoformat(),
        "unit": unit,
        "headcount": i.headcount,
        "by_post": dict(i.by_post),
        "by_post_level": {
            post: {str(k): v for k, v in levels.items()} for post, levels in i.by_post_level.items()
        },
        "by_district": dict(i.by_district),
        "bachelor_or_above": i.bachelor_or_above,
        "bachelor_or_above_ratio": _number(i.bachelor_or_above_ratio),
        "average_age": _number(i.average_age),
        "under_35": i.under_35,
        "under_35_ratio": _number(i.under_35_ratio),
        "certified": i.certified,
        "certified_ratio": _number(i.certified_ratio),
        "committee": i.committee,
        "committee_ratio": _number(i.committee_ratio),
        "training_person_times": i.training_person_times,
        "training_hours": _number(i.training_hours),
        "labels": {**INDICATOR_LABELS, "unit": "统计范围", "posts": dict(i.post_names)},
    }


def _table(rows: list[tuple[str, str]], indent: str = "") -> list[str]:
    width = max((_display_width(label) for label, _ in rows), default=0)
    return [
        f"{indent}{label}{' ' * (width - _display_width(label))}  {value}" for label, value in rows
    ]


def _display_width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _breakdown(title: str, counts: Mapping[str, int], names: Mapping[str, str]) -> list[str]:
    if not counts:
        return []
    rows = [(names.get(key, key), count_text(n)) for key, n in counts.items()]
    return ["", title, *_table(rows, "  ")]


def indicators_text(indicators: Indicators, unit: str | None) -> str:
    i, label = indicators, INDICATOR_LABELS
    rows = [
        (label["headcount"], count_text(i.headcount)),
        (
            label["bachelor_or_above_ratio"],
            f"{i.bachelor_or_above_ratio}（{count_text(i.bachelor_or_above)}人）",
        ),
        (label["average_age"], str(i.average_age)),
        (label["under_35_ratio"], f"{i.under_35_ratio}（{count_text(i.under_35)}人）"),
        (label["certified_ratio"], f"{i.certified_ratio}（{count_text(i.certified)}人）"),
        (label["committee_ratio"], f"{i.committee_ratio}（{count_text(i.committee)}人）"),
        (label["training_person_times"], count_text(i.training_person_times)),
        (label["training_hours"], str(i.training_hours)),
    ]
    lines = [f"统计日期：{i.as_of:%Y-%m-%d}　统计范围：{unit or '全部'}（在职、试用人员）", ""]
    lines += _table(rows)
    lines += _breakdown(label["by_post"], i.by_post, i.post_names)
    lines += _breakdown(label["by_district"], i.by_district, {})
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    with opened(args) as (db, actor):
        unit = find_unit(org_tree(db), args.unit) if args.unit else None
        indicators = statistics(db, actor, as_of=args.as_of, unit_id=unit.id if unit else None)
    unit_name = unit.name if unit else None
    if args.json:
        emit_json(indicators_document(indicators, unit_name))
    else:
        sys.stdout.write(indicators_text(indicators, unit_name) + "\n")
    if indicators.headcount == 0:
        say("提示：没有在职或试用人员（可先运行 workforce demo 生成示例数据）")
    return 0


def run_stats_export(args: argparse.Namespace) -> int:
    target = Path(args.out)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".pdf") or not target.parent.is_dir():
        raise CliError(f"统计表须保存为已存在文件夹中的 .xlsx 或 .pdf 文件：{args.out}")
    with opened(args) as (db, actor):
        unit = find_unit(org_tree(db), args.unit) if args.unit else None
        report = statistics_report(db, actor, as_of=args.as_of, unit_id=unit.id if unit else None)
    if suffix == ".xlsx":
        from reports.stats.xlsx import write_stats_workbook

        write_stats_workbook(target, report)
    else:
        from reports.stats.pdf import write_stats_pdf

        font = write_stats_pdf(target, report)
        if font.message:
            say(font.message)
    say(
        f"已导出{report.title}（统计日期 {report.as_of:%Y-%m-%d}，"
        f"在岗 {count_text(report.total.current.headcount)} 人）：{target}"
    )
    return 0
