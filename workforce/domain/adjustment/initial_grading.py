"""Initial grading (定级) of a new hire (§4 rules applied once at entry): the post's starting
level, plus the qualification ladder, plus one level per full tenure step of prior community
years, clamped to the post's range. The result says how each level was reached."""

from __future__ import annotations

from dataclasses import dataclass

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.rules import Reason
from workforce.domain.scale import PostRange


@dataclass(frozen=True, slots=True)
class InitialGrade:
    level: int
    credited_ladder: int
    reasons: tuple[Reason, ...]
    notes: tuple[str, ...]


def initial_grade(
    post: PostRange,
    *,
    highest_education: str | None,
    certificate_level: str | None,
    prior_community_years: int,
    rules: AdjustmentRules,
) -> InitialGrade:
    """定级: floor of the post + ladder value + prior years ÷ the tenure step, within the range.

    The credited ladder value is the one the level now reflects, so the next yearly run does not
    count the same education or certificate again (§4.3)."""
    reasons = [Reason("floor", 0, f"{post.name}起点{post.min_level}级")]
    notes: list[str] = []
    level = post.min_level
    education = rules.education_ladder.get(highest_education or "", 0)
    certificate = rules.certificate_ladder.get(certificate_level or "", 0)
    ladder = max(education, certificate) if rules.ladder_enabled else 0
    if ladder:
        source = (
            f"学历{highest_education}" if education >= certificate else f"{certificate_level}证书"
        )
        reasons.append(
            Reason("ladder", ladder, f"{source}：阶梯值{ladder}，加{ladder}级（取最高一项）")
        )
        level += ladder
    if prior_community_years < 0:
        raise ValueError("prior community years cannot be negative")
    steps = prior_community_years // rules.qualifying_years_per_step if rules.tenure_enabled else 0
    if steps:
        reasons.append(
            Reason(
                "tenure",
                steps,
                f"此前社区工作{prior_community_years}年：每满{rules.qualifying_years_per_step}年"
                f"加1级，加{steps}级",
            )
        )
        level += steps
    if level > post.max_level:
        notes.append(
            f"已达本岗最高等级（{post.name}最高{post.max_level}级），{level - post.max_level}级未计"
        )
        level = post.max_level
    return InitialGrade(level, ladder, tuple(reasons), tuple(notes))
