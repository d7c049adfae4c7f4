"""The 考核 tab's read model: a worker's results newest year first, each with where it came from
(the imported file, or the user who entered it; a later change wins), and a result the log does not
mention (loaded by the demo) said to have no record."""

from __future__ import annotations

import datetime as dt

from tests.services.adjustment.test_appraisals import TODAY, person, seed, sheet
from workforce.persistence.people import Appraisal
from workforce.services.adjustment.appraisal_history import UNRECORDED, worker_appraisals
from workforce.services.adjustment.appraisals import (
    AppraisalEntry,
    apply_appraisal_import,
    record_appraisals,
)
from workforce.services.context import Actor, Database


def test_results_name_the_file_or_the_user(db: Database, admin: Actor) -> None:
    worker, other = seed(db, admin, 2)
    number, name = person(db, worker)
    apply_appraisal_import(db, admin, sheet((1, number, name, 2025, "优秀")), today=TODAY)
    record_appraisals(db, admin, 2024, [AppraisalEntry(worker, "称职")], today=TODAY)
    record_appraisals(db, admin, 2024, [AppraisalEntry(other, "基本称职")], today=TODAY)
    with db.transaction() as session:
        session.add(Appraisal(worker_id=worker, year=2023, grade="称职"))  # as the demo loads

    today = f"{dt.date.today():%Y-%m-%d}"
    found = [(a.year, a.grade, a.source) for a in worker_appraisals(db, admin, worker)]
    assert found == [
        (2025, "优秀", f"导入「kaohe.xlsx」（{today}）"),
        (2024, "称职", f"录入（{admin.username}，{today}）"),
        (2023, "称职", UNRECORDED),
    ]

    record_appraisals(db, admin, 2025, [AppraisalEntry(worker, "称职")], today=TODAY)
    latest = worker_appraisals(db, admin, worker)[0]
    assert (latest.grade, latest.source) == ("称职", f"录入（{admin.username}，{today}）")
