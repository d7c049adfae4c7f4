"""A worker's editable file as a plain value, and its validation (§2, §3, §10)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from workforce.domain.dates import age_on
from workforce.domain.idcard import IdNumberError, luhn_ok, parse_id_number
from workforce.domain.problems import Problem, Where, error, warning
from workforce.domain.scale import PostRange
from workforce.domain.vocab import (
    ACTIVE_STATUSES,
    DUTIES,
    EDUCATIONS,
    POLITICAL_STATUSES,
    RECRUITMENT_CHANNELS,
    SEXES,
    WorkerStatus,
)


@dataclass(frozen=True, slots=True)
class WorkerInput:
    """Everything a clerk enters for a worker. Post is a scale post code (``staff`` …)."""

    id_number: str
    name: str
    sex: str
    birth_date: dt.date
    community_id: int
    post: str
    level: int
    ethnicity: str = "汉族"
    political_status: str = "群众"
    party_join_date: dt.date | None = None
    fulltime_education: str | None = None
    highest_education: str | None = None
    school: str | None = None
    major: str | None = None
    work_start_date: dt.date | None = None
    community_start_date: dt.date | None = None
    recruitment_channel: str | None = None
    duties: str | None = None
    is_committee_member: bool = False
    grid_id: int | None = None
    level_start_year: int | None = None
    phone: str | None = None
    bank_account_name: str | None = None
    bank_name: str | None = None
    bank_account: str | None = None
    status: str = WorkerStatus.ACTIVE.value
    remarks: str | None = None


_STARTS = {"work_start_date": "参加工作", "community_start_date": "进入社区工作"}
MIN_ENTRY_AGE = 16
MAX_ENTRY_AGE = 70
"""Age in whole years (周岁) allowed on the day work starts (§10)."""

WORKER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(WorkerInput))

FIELD_LABELS: dict[str, str] = {
    "id_number": "身份证号",
    "name": "姓名",
    "sex": "性别",
    "birth_date": "出生日期",
    "community_id": "社区",
    "post": "岗位",
    "level": "岗位等级",
    "ethnicity": "民族",
    "political_status": "政治面貌",
    "party_join_date": "入党时间",
    "fulltime_education": "全日制学历",
    "highest_education": "最高学历",
    "school": "毕业院校",
    "major": "专业",
    "work_start_date": "参加工作时间",
    "community_start_date": "进入社区工作时间",
    "recruitment_channel": "招聘方式",
    "duties": "职务",
    "is_committee_member": "是否两委成员",
    "grid_id": "网格",
    "level_start_year": "现等级起始年度",
    "phone": "联系电话",
    "bank_account_name": "户名",
    "bank_name": "开户行",
    "bank_account": "银行账号",
    "status": "人员状态",
    "remarks": "备注",
}


def field_changes(old: WorkerInput, new: WorkerInput) -> dict[str, tuple[object, object]]:
    """Field name → (old, new) for every field that differs."""
    changes: dict[str, tuple[object, object]] = {}
    for name in WORKER_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes[name] = (before, after)
    return changes


def _vocab(
    problems: list[Problem], value: str | None, allowed: tuple[str, ...], field: str
) -> None:
    if value is not None and value not in allowed:
        problems.append(
            error(
                f"invalid_{field}",
                f"{FIELD_LABELS[field]}应为{'、'.join(allowed)}之一",
                Where(column=FIELD_LABELS[field], value=value),
            )
        )


def validate_worker(
    worker: WorkerInput, posts: dict[str, PostRange], today: dt.date
) -> list[Problem]:
    """All problems of one worker's file; an empty list means it may be saved.

    ``posts`` are the post ranges of the scale in force; ``today`` bounds dates.
    """
    problems: list[Problem] = []
    if not worker.name.strip():
        problems.append(error("missing_name", "姓名不能为空", Where(column="姓名")))
    try:
        info = parse_id_number(worker.id_number)
    except IdNumberError as exc:
        problems.append(
            error("invalid_id_number", str(exc), Where(column="身份证号", value=worker.id_number))
        )
    else:
        if worker.birth_date != info.birth_date:
            problems.append(
                error(
                    "birth_date_mismatch",
                    f"出生日期与身份证号不符（身份证号为{info.birth_date:%Y-%m-%d}）",
                    Where(column="出生日期", value=f"{worker.birth_date:%Y-%m-%d}"),
                )
            )
        if worker.sex != info.sex:
            problems.append(
                error(
                    "sex_mismatch",
                    f"性别与身份证号不符（身份证号为{info.sex}）",
                    Where(column="性别", value=worker.sex),
                )
            )
    _vocab(problems, worker.sex, SEXES, "sex")
    _vocab(problems, worker.political_status, POLITICAL_STATUSES, "political_status")
    _vocab(problems, worker.fulltime_education, EDUCATIONS, "fulltime_education")
    _vocab(problems, worker.highest_education, EDUCATIONS, "highest_education")
    _vocab(problems, worker.recruitment_channel, RECRUITMENT_CHANNELS, "recruitment_channel")
    _vocab(problems, worker.duties, DUTIES, "duties")
    _vocab(problems, worker.status, tuple(s.value for s in WorkerStatus), "status")
    post = posts.get(worker.post)
    if post is None:
        problems.append(
            error(
                "unknown_post",
                f"岗位不在现行薪酬标准中（可用：{'、'.join(p.name for p in posts.values())}）",
                Where(column="岗位", value=worker.post),
            )
        )
    elif not post.min_level <= worker.level <= post.max_level:
        problems.append(
            error(
                "level_out_of_range",
                f"{post.name}的岗位等级应在{post.min_level}–{post.max_level}级之间",
                Where(column="岗位等级", value=str(worker.level)),
            )
        )
    problems.extend(_birth_and_age(worker, today))
    for name in ("party_join_date", "work_start_date", "community_start_date"):
        value = getattr(worker, name)
        if value is not None and value > today:
            problems.append(
                error(
                    "future_date",
                    "日期晚于今天",
                    Where(column=FIELD_LABELS[name], value=str(value)),
                )
            )
        if value is not None and value < worker.birth_date:
            problems.append(
                error(
                    "date_before_birth",
                    "日期早于出生日期",
                    Where(column=FIELD_LABELS[name], value=str(value)),
                )
            )
    if (
        worker.work_start_date
        and worker.community_start_date
        and worker.community_start_date < worker.work_start_date
    ):
        problems.append(
            error(
                "community_before_work",
                "进入社区工作时间早于参加工作时间",
                Where(column="进入社区工作时间", value=str(worker.community_start_date)),
            )
        )
    if worker.level_start_year is not None and not 1950 <= worker.level_start_year <= today.year:
        problems.append(
            error(
                "invalid_level_start_year",
                f"现等级起始年度应在1950–{today.year}之间",
                Where(column="现等级起始年度", value=str(worker.level_start_year)),
            )
        )
    if worker.bank_account and not luhn_ok(worker.bank_account):
        problems.append(
            warning(
                "bank_account_luhn",
                "银行账号未通过 Luhn 校验，请核对",
                Where(column="银行账号", value=worker.bank_account),
            )
        )
    return problems


def _birth_and_age(worker: WorkerInput, today: dt.date) -> list[Problem]:
    """Born in the past, and 16–70 years old (周岁) on the day work starts (§10).

    Each work date given (参加工作时间, 进入社区工作时间) is checked, so the first day of work
    bounds the youngest age and the day of joining the community the oldest. A file with
    neither date starts today for the program (it is paid from its first month): the age on
    ``today`` is then checked, the upper bound only for a paid status (在职, 试用), since a
    retired or departed worker's file may be kept at any age. A date before birth or after
    ``today`` is reported by the date rules, not here.
    """
    birth = worker.birth_date
    born = f"{birth:%Y-%m-%d}"
    if birth > today:
        return [error("birth_in_future", "出生日期晚于今天", Where(column="出生日期", value=born))]
    bounds = f"应在{MIN_ENTRY_AGE}–{MAX_ENTRY_AGE}岁之间"
    starts = [
        (name, day)
        for name in _STARTS
        if (day := getattr(worker, name)) is not None and birth <= day <= today
    ]
    problems = [
        error(
            "age_at_entry",
            f"{_STARTS[name]}时年龄为{age}岁（出生日期 {born}），{bounds}",
            Where(column=FIELD_LABELS[name], value=f"{day:%Y-%m-%d}"),
        )
        for name, day in starts
        if not MIN_ENTRY_AGE <= (age := age_on(birth, day)) <= MAX_ENTRY_AGE
    ]
    if worker.work_start_date is None and worker.community_start_date is None:
        age = age_on(birth, today)
        paid = worker.status in {s.value for s in ACTIVE_STATUSES}
        if age < MIN_ENTRY_AGE or (paid and age > MAX_ENTRY_AGE):
            message = f"未填写参加工作时间和进入社区工作时间，按今天计年龄为{age}岁，{bounds}"
            problems.append(error("age_at_entry", message, Where(column="出生日期", value=born)))
    return problems


@dataclass(frozen=True, slots=True)
class CertificateInput:
    """社工证 as a roster row gives it: level and dates (number optional)."""

    level: str
    obtained_date: dt.date | None = None
    registered_date: dt.date | None = None
    number: str | None = None
