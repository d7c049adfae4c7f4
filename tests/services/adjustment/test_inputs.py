"""What a run reads of each worker (``load_facts``) on both databases: the appraisals joined in SQL
into one text, only the years the rules read; workers differing only in older grades share facts."""

from __future__ import annotations

import datetime as dt

from tests.factories import make_worker
from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.persistence.people import Appraisal
from workforce.services.adjustment.inputs import load_facts
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker

GRADES = ["称职", "优秀", "基本称职", "合格"]


def test_each_worker_reads_the_grades_the_rules_read(db: Database, admin: Actor) -> None:
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    level_2023 = [
        create_worker(db, admin, make_worker(community, n, level=4, level_start_year=2023))
        for n in (1, 2)
    ]
    community_2018 = create_worker(
        db,
        admin,
        make_worker(community, 3, level_start_year=None, community_start_date=dt.date(2018, 3, 1)),
    )
    without = create_worker(db, admin, make_worker(community, 4, level_start_year=2024))
    with db.transaction() as session:  # added out of year order, older grades differing
        for n, worker in enumerate(level_2023):
            for year in (2025, 2016 + n, 2023, 2026, 2020, 2024):
                session.add(Appraisal(worker_id=worker, year=year, grade=GRADES[year % 4]))
        for year in (2020, 2017, 2019, 2026):
            session.add(Appraisal(worker_id=community_2018, year=year, grade="优秀"))
        session.add(Appraisal(worker_id=without, year=2027, grade="优秀"))  # the run year
    with db.reading() as session:
        facts = load_facts(session, 2027, dt.date(2027, 1, 1), AdjustmentRules())
    by_id = {worker_id: key for worker_id, _, key in facts.workers}
    assert [w for w, _, _ in facts.workers] == sorted(by_id)
    assert {facts.places[c][1] for _, c, _ in facts.workers} == {"新华街道"}
    assert by_id[level_2023[0]] == by_id[level_2023[1]]  # 2016 and 2017 are not read
    first = facts.history(level_2023[0], by_id[level_2023[0]])
    assert first.worker_id == level_2023[0]
    assert (first.post, first.level, first.tenure_start_year) == ("staff", 4, 2023)
    assert first.appraisals == {y: GRADES[y % 4] for y in (2023, 2024, 2025, 2026)}
    assert facts.level_start_year(by_id[level_2023[0]]) == 2023
    older = facts.history(community_2018, by_id[community_2018])
    assert older.tenure_start_year == 2018
    assert older.appraisals == {2019: "优秀", 2020: "优秀", 2026: "优秀"}
    assert facts.level_start_year(by_id[community_2018]) is None
    none = facts.history(without, by_id[without])
    assert (none.tenure_start_year, none.appraisals) == (2024, {})
