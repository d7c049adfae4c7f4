"""Property: any valid roster row survives write_roster → read_workbook → parse_roster unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.roster.xlsx import write_roster
from reports.xlsx_reader import read_workbook
from workforce.domain import vocab
from workforce.domain.idcard import make_id_number
from workforce.domain.roster.cells import EMPTY_MARKS, ETHNIC_GROUPS
from workforce.domain.roster.parse import parse_roster
from workforce.domain.scale import PostRange
from workforce.services.roster.query import RosterRow

POSTS = (
    PostRange("principal", "社区正职", 7, 18),
    PostRange("deputy", "社区副职", 4, 15),
    PostRange("staff", "其他社区工作者", 1, 12),
    PostRange("grid", "专职网格员", 1, 12, "staff"),
)
HAN = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈"
WORDS = st.text(HAN + "社区街道大学工作网格路东西南北中第一二三", min_size=1, max_size=12).filter(
    lambda s: s not in EMPTY_MARKS
)
DIGITS = st.text("0123456789", min_size=7, max_size=19)


T = TypeVar("T")


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@st.composite
def roster_rows(draw: st.DrawFn, sequence: int) -> RosterRow:
    birth = draw(st.dates(dt.date(1960, 1, 1), dt.date(2002, 12, 31)))
    male = draw(st.booleans())
    post = draw(st.sampled_from(POSTS))
    after_birth = st.dates(birth, dt.date(2025, 12, 31))
    certificate = draw(optional(st.sampled_from(vocab.CERTIFICATE_LEVELS)))
    obtained = draw(optional(after_birth)) if certificate else None
    registered = draw(optional(st.dates(obtained, dt.date(2025, 12, 31)))) if obtained else None
    work_start = draw(optional(st.dates(dt.date(birth.year + 17, 1, 1), dt.date(2025, 12, 31))))
    community_start = draw(optional(st.dates(work_start or birth, dt.date(2025, 12, 31))))
    return RosterRow(
        worker_id=sequence,
        version=1,
        district=draw(WORDS),
        street=draw(WORDS),
        community=draw(WORDS),
        community_id=1,
        grid=draw(optional(WORDS)),
        name=draw(st.text(HAN, min_size=2, max_size=4)),
        sex="男" if male else "女",
        ethnicity=draw(st.sampled_from(sorted(ETHNIC_GROUPS))),
        id_number=make_id_number("150102", birth, sequence, male),
        birth_date=birth,
        political_status=draw(st.sampled_from(vocab.POLITICAL_STATUSES)),
        party_join_date=draw(optional(after_birth)),
        fulltime_education=draw(optional(st.sampled_from(vocab.EDUCATIONS))),
        highest_education=draw(optional(st.sampled_from(vocab.EDUCATIONS))),
        school=draw(optional(WORDS)),
        major=draw(optional(WORDS)),
        work_start_date=work_start,
        community_start_date=community_start,
        recruitment_channel=draw(optional(st.sampled_from(vocab.RECRUITMENT_CHANNELS))),
        duties=draw(optional(st.sampled_from(vocab.DUTIES))),
        is_committee_member=draw(st.booleans()),
        post=post.code,
        post_name=post.name,
        level=draw(st.integers(post.min_level, post.max_level)),
        level_start_year=draw(optional(st.integers(1990, 2025))),
        certificate_level=certificate,
        certificate_obtained=obtained,
        certificate_registered=registered,
        phone=draw(optional(DIGITS)),
        bank_name=draw(optional(WORDS)),
        bank_account=draw(optional(DIGITS)),
        status=draw(st.sampled_from([s.value for s in vocab.WorkerStatus])),
        remarks=draw(optional(WORDS)),
    )


SKIPPED = {"worker_id", "version", "community_id", "post_name"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(1, 400), min_size=1, max_size=4, unique=True).flatmap(
    lambda seqs: st.tuples(*(roster_rows(s) for s in seqs))
))  # fmt: skip
def test_any_valid_row_round_trips(rows: tuple[RosterRow, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.xlsx"
        write_roster(path, rows)
        (grid,) = read_workbook(path)
    parsed = parse_roster(grid, POSTS)
    assert parsed.problems == ()
    assert len(parsed.records) == len(rows)
    for row, record in zip(rows, parsed.records, strict=True):
        assert record.problems == ()
        read_back = {
            **record.values,
            "district": record.unit.district,
            "street": record.unit.street,
            "community": record.unit.community,
            "grid": record.unit.grid,
            "certificate_level": record.certificate and record.certificate.level,
            "certificate_obtained": record.certificate and record.certificate.obtained_date,
            "certificate_registered": record.certificate and record.certificate.registered_date,
        }
        expected = {
            f.name: getattr(row, f.name) for f in fields(RosterRow) if f.name not in SKIPPED
        }
        assert {k: read_back.get(k) for k in expected} == expected
