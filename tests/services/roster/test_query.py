"""The roster read model read as plain DBAPI rows: the same values and types on both backends."""

from __future__ import annotations

import datetime as dt

from tests.factories import make_worker
from workforce.domain.roster.worker import CertificateInput
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.query import roster_rows
from workforce.services.roster.workers import create_worker


def test_roster_rows_carry_real_dates_flags_and_the_latest_certificate(
    db: Database, admin: Actor
) -> None:
    with db.transaction() as session:
        resolver = UnitResolver(session, admin, default_district_id(session))
        community = resolver.resolve("新华街道", "光明社区", None)[0]
    member = make_worker(
        community,
        1,
        political_status="中共党员",
        party_join_date=dt.date(2015, 7, 1),
        is_committee_member=True,
    )
    certificate = CertificateInput("助理社会工作师", dt.date(2019, 6, 16), dt.date(2019, 9, 1))
    first = create_worker(db, admin, member, certificate)
    second = create_worker(db, admin, make_worker(community, 2, work_start_date=None))
    with db.reading() as session:
        rows = {row.worker_id: row for row in roster_rows(session)}
    one, two = rows[first], rows[second]
    assert (one.birth_date, one.party_join_date) == (dt.date(1990, 5, 17), dt.date(2015, 7, 1))
    assert one.community_start_date == dt.date(2018, 3, 1)
    assert type(one.birth_date) is dt.date and one.is_committee_member is True
    assert (one.certificate_level, one.certificate_obtained, one.certificate_registered) == (
        "助理社会工作师",
        dt.date(2019, 6, 16),
        dt.date(2019, 9, 1),
    )
    assert two.is_committee_member is False and two.work_start_date is None
    assert two.certificate_level is None and two.party_join_date is None
    assert (one.street, one.community, one.post_name) == ("新华街道", "光明社区", "其他社区工作者")
