"""The promotion pipeline's rules (§7): standing from dated steps, which steps make sense and the
targets."""

from __future__ import annotations

import datetime as dt

import pytest

from workforce.domain.careers.pipeline import (
    DEFAULT_RULES,
    TARGETS,
    Standing,
    Step,
    check_step,
    standing,
    target_stage,
)

D = dt.date
TODAY = D(2026, 3, 1)


def test_standing_replays_steps_in_date_order() -> None:
    steps = [
        Step("副职", D(2024, 1, 5)),  # given out of order
        Step("后备人选", D(2021, 6, 1), "副职"),
        Step("后备人选", D(2022, 6, 1), "书记"),
        Step("两委成员", D(2021, 11, 1)),
        Step("定向考录公务员", D(2025, 9, 1)),
    ]
    assert standing(steps) == Standing(
        role="副职", pools={"书记": D(2022, 6, 1)}, outward=("定向考录公务员",)
    )


def test_leaving_a_pool_and_reaching_its_role() -> None:
    steps = [
        Step("后备人选", D(2021, 6, 1), "两委"),
        Step("后备人选", D(2021, 6, 1), "书记"),
        Step("退出后备", D(2022, 1, 1), "书记"),
        Step("两委成员", D(2022, 11, 1)),
    ]
    assert standing(steps) == Standing("两委成员", {}, ())
    assert standing([]) == Standing(None, {}, ())


SECRETARY = Standing("正职", {"书记": D(2020, 1, 1)}, ())
NOBODY = Standing(None, {}, ())


@pytest.mark.parametrize(
    ("step", "now", "duties", "problems"),
    [
        (Step("后备人选", D(2025, 1, 1), "副职"), NOBODY, None, []),
        (
            Step("后备人选", D(2025, 1, 1), "书记"),
            SECRETARY,
            None,
            ["已是书记后备人选（自2020-01-01）"],
        ),
        (
            Step("后备人选", D(2025, 1, 1), "主任"),
            NOBODY,
            None,
            ["后备人选须注明后备方向（两委、副职、书记）"],
        ),
        (Step("退出后备", D(2025, 1, 1), "副职"), SECRETARY, None, ["不是副职后备人选，无需退出"]),
        (
            Step("副职", D(2025, 1, 1), "副职"),
            NOBODY,
            None,
            ["只有后备人选有后备方向，「副职」没有"],
        ),
        (Step("正职", D(2025, 1, 1)), SECRETARY, None, ["已是正职"]),
        (Step("副科级待遇", D(2025, 1, 1)), SECRETARY, None, []),
        (Step("副科级待遇", D(2025, 1, 1)), NOBODY, "一肩挑", []),
        (
            Step("副科级待遇", D(2025, 1, 1)),
            NOBODY,
            "副主任",
            ["副科级待遇只适用于社区书记（正职）"],
        ),
        (Step("事业编", D(2026, 3, 2)), NOBODY, None, ["日期2026-03-02晚于今天"]),
    ],
)
def test_which_steps_make_sense(
    step: Step, now: Standing, duties: str | None, problems: list[str]
) -> None:
    assert check_step(step, now, [], duties, TODAY) == problems


def test_the_same_step_twice_on_a_day() -> None:
    done = [Step("事业编", D(2025, 9, 1))]
    assert check_step(done[0], standing(done), done, None, TODAY) == [
        "2025-09-01已记录过「事业编」"
    ]


def test_targets_and_their_default_rules() -> None:
    assert [target_stage(t) for t in ("副职", "两委", "书记", " 公务员 ", "处长")] == [
        "副职",
        "两委成员",
        "正职",
        "定向考录公务员",
        None,
    ]
    assert set(DEFAULT_RULES) == set(TARGETS)
    assert all(rules.target == target for target, rules in DEFAULT_RULES.items())
