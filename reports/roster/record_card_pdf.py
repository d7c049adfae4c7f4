"""The per-person record card (个人档案表): one A4 page of identity, education, post and level
history, appraisals, certificates, training, honours and status changes, as kept in the paper
一人一档 folder. A few small tables, so reportlab's platypus lays them out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import CjkFont, cjk_font
from workforce.domain.idcard import mask_id_number
from workforce.services.roster.dossier import Dossier

WIDTH = A4[0] - 30 * mm


def _date(value: dt.date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def _yes(value: bool) -> str:
    return "是" if value else "否"


def _grid(font: str, rows: Sequence[Sequence[str]], widths: Sequence[float], header: bool) -> Table:
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), font, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)))
    table.setStyle(TableStyle(style))
    return table


def _section(
    font: str,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
) -> list[Flowable]:
    heading = ParagraphStyle("h", fontName=font, fontSize=10.5, leading=14, spaceBefore=6)
    widths = [WIDTH * s / sum(shares) for s in shares]
    body = [list(header), *[list(r) for r in rows]] if rows else [list(header), ["（无）"]]
    table = _grid(font, body, widths, header=True)
    if not rows:
        table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))
    return [Paragraph(title, heading), table]


def _identity(dossier: Dossier, mask: bool) -> list[list[str]]:
    p = dossier.person
    number = mask_id_number(p.id_number) if mask else p.id_number
    return [
        ["姓名", p.name, "性别", p.sex, "民族", p.ethnicity],
        ["身份证号", number, "出生日期", _date(p.birth_date), "政治面貌", p.political_status],
        [
            "全日制学历",
            p.fulltime_education or "",
            "最高学历",
            p.highest_education or "",
            "入党时间",
            _date(p.party_join_date),
        ],
        [
            "参加工作时间",
            _date(p.work_start_date),
            "进入社区工作",
            _date(p.community_start_date),
            "招聘方式",
            p.recruitment_channel or "",
        ],
        [
            "所在单位",
            f"{p.street}{p.community}{p.grid or ''}",
            "职务",
            p.duties or "",
            "两委成员",
            _yes(p.is_committee_member),
        ],
        ["岗位", p.post_name, "岗位等级", f"{p.level}级", "人员状态", p.status],
        [
            "社工证",
            p.certificate_level or "无",
            "联系电话",
            p.phone or "",
            "开户行",
            p.bank_name or "",
        ],
    ]


def write_record_card(path: Path, dossier: Dossier, *, mask_ids: bool = True) -> CjkFont:
    """One worker's record card; returns the font used (its ``message`` tells of a fallback)."""
    font = cjk_font()
    title = ParagraphStyle("t", fontName=font.name, fontSize=16, leading=22, alignment=1)
    small = ParagraphStyle("s", fontName=font.name, fontSize=8.5, leading=12)
    p = dossier.person
    story: list[Flowable] = [
        Paragraph("社区工作者个人档案表", title),
        Paragraph(f"{p.district}　{p.street}　{p.community}", small),
        Spacer(1, 4),
        _grid(
            font.name,
            _identity(dossier, mask_ids),
            [WIDTH * s for s in (0.12, 0.22, 0.12, 0.18, 0.12, 0.24)],
            header=False,
        ),
    ]
    story += _section(
        font.name,
        "学历",
        ["登记日期", "学历", "全日制", "毕业院校", "专业"],
        [(_date(d), e, _yes(f), s, m) for d, e, f, s, m in dossier.education],
        (1, 1, 0.7, 2, 1.6),
    )
    story += _section(
        font.name,
        "岗位等级变动",
        ["生效日期", "岗位", "等级", "原因"],
        [(_date(d), post, f"{lv}级", r) for d, post, lv, r in dossier.posts],
        (1, 1.4, 0.6, 3.4),
    )
    story += _section(
        font.name,
        "年度考核",
        ["年度", "考核结果"],
        [(str(y), g) for y, g in dossier.appraisals],
        (1, 2),
    )
    story += _section(
        font.name,
        "职业资格证书",
        ["等级", "证书编号", "取得日期", "登记日期"],
        [(lv, n, _date(o), _date(r)) for lv, n, o, r in dossier.certificates],
        (1.4, 1.6, 1, 1),
    )
    story += _section(
        font.name,
        "培训",
        ["结束日期", "培训名称", "级别", "学时", "合格"],
        [(_date(d), t, o, str(h), _yes(ok)) for d, t, o, h, ok in dossier.training],
        (1, 3.2, 0.8, 0.6, 0.6),
    )
    story += _section(
        font.name,
        "荣誉",
        ["日期", "类别", "名称"],
        [(_date(d), k, t) for d, k, t in dossier.honours],
        (1, 1.2, 3.4),
    )
    story += _section(
        font.name,
        "人员状态",
        ["日期", "状态", "原因"],
        [(_date(d), s, r) for d, s, r in dossier.statuses],
        (1, 1, 3.6),
    )
    signatures = Table(
        [["填表人：", "审核人：", "单位（盖章）：", "日期："]], colWidths=[WIDTH / 4] * 4
    )
    signatures.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font.name, 9)]))
    story += [Spacer(1, 14), signatures]
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"{p.name}个人档案表",
        initialFontName=font.name,
    )
    document.build(story)
    return font
