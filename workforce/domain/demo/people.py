"""One synthetic person's file for the demo population: identity, education, dates, role, bank.

Pure and fast: tables are expanded once, so a draw is one ``random()`` and an index (100,000
people take a second or two). Proportions follow published indicators for community workers:
about 45% 本科以上, average age 38–39 with about half under 35, about 65% women, 38% certified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random
from typing import NamedTuple

from workforce.domain.careers.ladder import ladder_value
from workforce.domain.demo import names
from workforce.domain.demo.history import last_run_year
from workforce.domain.demo.numbers import CardNumbers, IdNumbers
from workforce.domain.roster.worker import CertificateInput, WorkerInput
from workforce.domain.scale import PostRange
from workforce.domain.vocab import WorkerStatus

_YEAR = 365.2425
_FIRST_EXAM_YEAR = 2008  # 全国社会工作者职业水平考试 began in 2008
_COMMUNITY_ERA = dt.date(2002, 1, 1).toordinal()  # few started community work earlier
_PROBATION_DAYS = 180
_RENEWAL_DAYS = 3 * 365 + 1  # a registration is valid 3 years; renewed shortly before it lapses
_LEVEL_AGE = (0, 0, 0, 1, 1, 1, 2, 2, 2, 2)  # years since the last step, for 3+ years' tenure
_LAPSE_SHARE = 0.04  # registrations not renewed when due
_YOUNG_SHARE = 0.58  # of staff and grid workers under 35; 正职 and 副职 are older

_ACTIVE = WorkerStatus.ACTIVE.value
_PROBATION = WorkerStatus.PROBATION.value
_LEFT = WorkerStatus.LEFT.value
_RETIRED = WorkerStatus.RETIRED.value
_GRADUATION_AGE = {"高中/中专": 18, "大专": 21, "本科": 22, "硕士": 25, "博士": 28}
_BELOW = {"博士": "硕士", "硕士": "本科", "本科": "大专", "大专": "高中/中专"}
_PARTY_SHARE = {"principal": 0.95, "deputy": 0.82, "member": 0.72, "staff": 0.38, "grid": 0.38}
_RECRUITMENT = {
    "principal": (("选任", 60), ("市招", 15), ("区招", 15), ("依规转入", 10)),
    "deputy": (("选任", 35), ("市招", 30), ("区招", 25), ("依规转入", 5), ("其他", 5)),
    "other": (("市招", 42), ("区招", 36), ("依规转入", 7), ("选任", 2), ("其他", 13)),
}
_CERT_LEVELS = (("助理社会工作师", 73), ("社会工作师", 25), ("高级社会工作师", 2))
_CERT_DIGIT = {"助理社会工作师": "1", "社会工作师": "2", "高级社会工作师": "3"}
_MAJORS = tuple((m, 6 if m == "社会工作" else 2 if m == "行政管理" else 1) for m in names.MAJORS)
_SCHOOLS = {
    "博士": names.SCHOOLS_BACHELOR[:6],
    "硕士": names.SCHOOLS_BACHELOR,
    "本科": names.SCHOOLS_BACHELOR,
    "大专": names.SCHOOLS_COLLEGE,
    "高中/中专": names.SCHOOLS_SECONDARY,
}


def _pick(random: Callable[[], float], values: Sequence[str]) -> str:
    return values[int(random() * len(values))]


def weighted_table(pairs: tuple[tuple[str, int], ...], size: int = 1000) -> tuple[str, ...]:
    """The values repeated in proportion to their weights: ``table[int(random() * len)]`` draws."""
    total = sum(weight for _, weight in pairs)
    table: list[str] = []
    for value, weight in pairs:
        table.extend([value] * max(1, round(weight * size / total)))
    return tuple(table)


@dataclass(frozen=True, slots=True)
class Role:
    """A place in a community: post (from the scale), 职务, 两委 membership and seniority kind."""

    kind: str  # principal, deputy, member, staff, grid
    post: PostRange
    duties: str
    committee: bool


class Person(NamedTuple):
    """One drawn person (a named tuple: drawn 100,000 times, built cheaply)."""

    data: WorkerInput
    certificate: CertificateInput | None
    statuses: tuple[tuple[dt.date, str], ...]
    leave_date: dt.date | None
    registrations: tuple[dt.date, ...]  # first registration and renewals, when renewed at all


class PersonSampler:
    """Draws people; keeps ID numbers and certificate numbers unique across the population."""

    def __init__(self, rng: Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self._last_run = last_run_year(today)
        self._random = rng.random
        self._today_ord = today.toordinal()
        self._surnames = weighted_table(names.SURNAMES)
        self._ethnicities = weighted_table(names.ETHNICITIES)
        self._regions = weighted_table(names.REGION_CODES)
        self._recruitment = {k: weighted_table(v, 100) for k, v in _RECRUITMENT.items()}
        self._cert_levels = weighted_table(_CERT_LEVELS, 100)
        self._majors = weighted_table(_MAJORS, 100)
        self._ids = IdNumbers(tuple(code for code, _ in names.REGION_CODES))
        self._cards = CardNumbers(rng.random)
        self._bank_names: dict[tuple[str, str], str] = {}
        self._serial = 0

    def _between(self, low: int, high: int) -> int:
        """An integer in [low, high], like ``randint`` at a fraction of its cost."""
        return low + int(self._random() * (high - low + 1))

    # -- identity ---------------------------------------------------------------------------
    def _age(self, kind: str) -> int:
        triangular = self.rng.triangular
        if kind == "principal":
            return int(triangular(31, 58, 47))
        if kind == "deputy":
            return int(triangular(26, 58, 41))
        if self._random() < _YOUNG_SHARE:
            return int(triangular(22, 35, 32))
        return int(triangular(35, 60, 55))

    def _name(self, female: bool, ethnicity: str) -> str:
        random = self._random
        if ethnicity == "蒙古族" and random() < 0.45:
            given = _pick(random, names.MONGOLIAN_FEMALE if female else names.MONGOLIAN_MALE)
            return (_pick(random, names.MONGOLIAN_SURNAMES) if random() < 0.5 else "") + given
        last = _pick(random, names.GIVEN_FEMALE if female else names.GIVEN_MALE)
        surname = _pick(random, self._surnames)
        if random() < 0.3:
            return surname + last
        return surname + _pick(random, names.GIVEN_LEADING) + last

    # -- education and career ---------------------------------------------------------------
    def _education(self, age: int, senior: bool) -> tuple[str, str]:
        random = self._random
        share = (0.54 if age < 35 else 0.42 if age < 45 else 0.28) + (0.08 if senior else 0)
        if random() < share:
            x = random()
            highest = "博士" if x < 0.002 else "硕士" if x < 0.07 else "本科"
        else:
            highest = "高中/中专" if random() < (0.08 if age < 40 else 0.25) else "大专"
        if highest != "高中/中专" and random() < (0.25 if age < 35 else 0.5):
            return _BELOW[highest], highest
        return highest, highest

    def _dates(self, birth: int, fulltime: str, probation: bool, latest: int) -> tuple[int, int]:
        """参加工作时间 and 进入社区工作时间 (ordinals), consistent with age and education."""
        random = self._random
        work = min(birth + int((_GRADUATION_AGE[fulltime] + random() * 2.5) * _YEAR), latest - 30)
        if probation:
            community = self._today_ord - self._between(20, _PROBATION_DAYS - 10)
            return min(work, community), community
        earliest = max(work, _COMMUNITY_ERA)
        return work, earliest + int(random() ** 0.8 * max(0, latest - earliest))

    def _certificate(
        self, senior: bool, probation: bool, age: int, community_year: int
    ) -> tuple[CertificateInput | None, tuple[dt.date, ...]]:
        """The certificate, if any, and its registrations (the latest is its registered date)."""
        random = self._random
        if random() >= (0.12 if probation else 0.56 if senior else 0.33):
            return None, ()
        level = _pick(random, self._cert_levels)
        if level == "高级社会工作师" and not (senior and age >= 35):
            level = "社会工作师"
        this_year = self.today.year
        year = self._between(min(max(_FIRST_EXAM_YEAR, community_year - 2), this_year), this_year)
        obtained = dt.date(year, 10, 10).toordinal() + self._between(0, 40)
        if obtained > self._today_ord:
            obtained = dt.date(year - 1, 10, 20).toordinal()
        registered = obtained + self._between(30, 150)
        self._serial += 1
        obtained_date = dt.date.fromordinal(obtained)
        registrations = self._registrations(registered)
        return CertificateInput(
            level,
            obtained_date,
            registrations[-1] if registrations else None,
            f"{obtained_date.year}15{_CERT_DIGIT[level]}{self._serial:08d}",
        ), registrations

    def _registrations(self, first: int) -> tuple[dt.date, ...]:
        """The first registration (if already made) and each renewal, a few weeks before the
        previous one lapses; a few holders stop renewing."""
        if first > self._today_ord:
            return ()
        dates = [first]
        while (due := dates[-1] + _RENEWAL_DAYS - self._between(5, 90)) <= self._today_ord:
            if self._random() < _LAPSE_SHARE:
                break
            dates.append(due)
        return tuple(dt.date.fromordinal(d) for d in dates)

    def _party(self, kind: str, age: int, birth: int) -> tuple[str, dt.date | None]:
        r = self._random()
        member = _PARTY_SHARE[kind]
        if r < member:
            join_age = 19 + self._random() * max(0.5, min(age - 0.5, 38) - 19)
            return "中共党员", dt.date.fromordinal(birth + int(join_age * _YEAR))
        if r < member + 0.03:
            return "中共预备党员", dt.date.fromordinal(self._today_ord - self._between(30, 360))
        if age < 28 and r < member + 0.33:
            return "共青团员", None
        return ("民主党派" if r > 0.99 else "群众"), None

    def _bank(self, district: str) -> tuple[str, str]:
        bank, bin_ = names.BANKS[int(self._random() * len(names.BANKS))]
        branch = self._bank_names.get((bank, district))
        if branch is None:
            branch = self._bank_names.setdefault((bank, district), f"{bank}{district}支行")
        return branch, self._cards.make(bin_)

    def _birth_and_leave(self, kind: str, status: str, female: bool) -> tuple[int, int, int | None]:
        """Age, birth ordinal and (for leavers) the ordinal of the day they left."""
        random = self._random
        if status == _RETIRED:
            retire_age = 60 if not female else (50 if random() < 0.5 else 55)
            age = retire_age + self._between(0, 2)
            birth = self._today_ord - int((age + random()) * _YEAR)
            return age, birth, birth + int(retire_age * _YEAR) + 1
        age = self._age(kind)
        leave = None
        if status == _PROBATION:
            age = min(age, self._between(22, 40))
        elif status == _LEFT:
            age = max(age, 26)
            leave = self._today_ord - self._between(30, 900)
        return age, self._today_ord - int((age + random()) * _YEAR), leave

    # -- one person -------------------------------------------------------------------------
    def person(self, role: Role, status: str, district: str) -> Person:
        """A worker for ``role`` with ``status`` (在职, 试用, 离职 or 退休)."""
        random = self._random
        kind = role.kind
        senior = kind in ("principal", "deputy")
        female = random() < (0.55 if kind == "principal" else 0.66)
        probation = status == _PROBATION
        age, birth_ord, leave_ord = self._birth_and_leave(kind, status, female)
        birth = dt.date.fromordinal(birth_ord)
        ethnicity = _pick(random, self._ethnicities)
        name = self._name(female, ethnicity)
        fulltime, highest = self._education(age, senior)
        latest = (leave_ord or self._today_ord) - _PROBATION_DAYS - 20
        work, community_ord = self._dates(birth_ord, fulltime, probation, latest)
        community = dt.date.fromordinal(community_ord)
        certificate, registrations = self._certificate(senior, probation, age, community.year)
        political, party_date = self._party(kind, age, birth_ord)
        post = role.post
        tenure = (self._today_ord - community_ord) // 365
        level = post.min_level + tenure // 3 + (1 if senior and random() < 0.3 else 0)
        level += ladder_value(highest, certificate.level if certificate else None)
        # the level began at one of the last three yearly runs (a little more often the earliest:
        # some waited a year longer): the next run finds 20–30% with three qualifying years
        level_start = (
            community.year
            if tenure < 3
            else max(community.year, self._last_run - _LEVEL_AGE[int(random() * 10)])
        )
        leave = dt.date.fromordinal(leave_ord) if leave_ord is not None else None
        statuses = (
            ((community, status),) if leave is None else ((community, _ACTIVE), (leave, status))
        )
        bank, account = self._bank(district)
        data = WorkerInput(
            id_number=self._ids.make(_pick(random, self._regions), birth, not female),
            name=name,
            sex="女" if female else "男",
            birth_date=birth,
            community_id=0,
            post=post.code,
            level=min(level, post.max_level),
            ethnicity=ethnicity,
            political_status=political,
            party_join_date=party_date,
            fulltime_education=fulltime,
            highest_education=highest,
            school=_pick(random, _SCHOOLS[highest]),
            major=None if highest == "高中/中专" else _pick(random, self._majors),
            work_start_date=dt.date.fromordinal(work),
            community_start_date=community,
            recruitment_channel=_pick(random, self._recruitment["other" if not senior else kind]),
            duties=role.duties,
            is_committee_member=role.committee,
            level_start_year=level_start,
            phone=f"{_pick(random, names.MOBILE_PREFIXES)}{int(random() * 100_000_000):08d}",
            bank_account_name=name,
            bank_name=bank,
            bank_account=account,
            status=status,
        )
        return Person(
            data, certificate, statuses, leave, registrations if len(registrations) > 1 else ()
        )
