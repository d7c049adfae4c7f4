"""定级 for new hires: floor + ladder + prior years, clamped."""

from __future__ import annotations

import pytest

from workforce.domain.adjustment.initial_grading import initial_grade
from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.scale import PostRange

STAFF = PostRange("staff", "其他社区工作者", 1, 12)
PRINCIPAL = PostRange("principal", "社区正职", 7, 18)


@pytest.mark.parametrize(
    ("post", "education", "certificate", "years", "level", "ladder"),
    [
        (STAFF, "大专", None, 0, 1, 0),
        (STAFF, "本科", None, 0, 2, 1),
        (STAFF, "本科", "社会工作师", 0, 3, 2),  # highest only, not 1 + 2
        (STAFF, "硕士", "助理社会工作师", 7, 5, 2),  # 1 + 2 + 7 // 3
        (PRINCIPAL, "博士", "高级社会工作师", 40, 18, 3),  # clamped
    ],
)
def test_initial_grade(
    post: PostRange, education: str, certificate: str | None, years: int, level: int, ladder: int
) -> None:
    grade = initial_grade(
        post,
        highest_education=education,
        certificate_level=certificate,
        prior_community_years=years,
        rules=AdjustmentRules(),
    )
    assert (grade.level, grade.credited_ladder) == (level, ladder)


def test_clamped_grade_says_so() -> None:
    grade = initial_grade(
        PRINCIPAL,
        highest_education="博士",
        certificate_level=None,
        prior_community_years=40,
        rules=AdjustmentRules(),
    )
    assert grade.notes == ("已达本岗最高等级（社区正职最高18级），5级未计",)
    assert [r.rule for r in grade.reasons] == ["floor", "ladder", "tenure"]
