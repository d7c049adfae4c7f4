"""``workforce card ID_NUMBER OUT.pdf``: one worker's record card (个人档案表)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ui.cli.common import CliError, opened, say
from workforce.services.accounts.export_audit import record_full_numbers
from workforce.services.roster.dossier import load_dossier, worker_id_by_number


def run_card(args: argparse.Namespace) -> int:
    from reports.roster.record_card_pdf import write_record_card

    target = Path(args.out)
    if target.suffix.lower() != ".pdf" or not target.parent.is_dir():
        raise CliError(f"档案表须保存为已存在文件夹中的 .pdf 文件：{args.out}")
    with opened(args) as (db, actor):
        dossier = load_dossier(db, actor, worker_id_by_number(db, args.id_number))
        if args.full_id:
            record_full_numbers(db, actor, f"{dossier.person.name}的个人档案表", 1)
    font = write_record_card(target, dossier, mask_ids=not args.full_id)
    if font.message:
        say(font.message)
    say(f"已生成{dossier.person.name}的个人档案表：{target}")
    return 0
