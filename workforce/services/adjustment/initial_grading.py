"""定级 for a new hire as a service: the post of the scale in force and the region's rules."""

from __future__ import annotations

import datetime as dt

from workforce.domain.adjustment.initial_grading import InitialGrade, initial_grade
from workforce.domain.problems import ActionRefused
from workforce.domain.scale import find_post
from workforce.services.adjustment.run import rules_for
from workforce.services.context import Database
from workforce.services.scale import posts_in_force


def grade_new_hire(
    db: Database,
    post: str,
    *,
    highest_education: str | None,
    certificate_level: str | None,
    prior_community_years: int,
    on: dt.date | None = None,
) -> InitialGrade:
    """The starting level for a new hire on ``on`` (default today); reads only."""
    day = on or dt.date.today()
    with db.reading() as session:
        posts = posts_in_force(session, day)
        found = find_post(posts, post)
        if found is None:
            names = "、".join(p.name for p in posts)
            raise ActionRefused(f"岗位「{post}」不在现行薪酬标准中（可用：{names}）")
        if prior_community_years < 0:
            raise ActionRefused(f"此前社区工作年限不能为负数：{prior_community_years}")
        return initial_grade(
            found,
            highest_education=highest_education,
            certificate_level=certificate_level,
            prior_community_years=prior_community_years,
            rules=rules_for(session, day.year),
        )
