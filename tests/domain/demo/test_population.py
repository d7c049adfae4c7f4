"""The demo population: deterministic, valid, shaped like a real district (§1–§3, §5, §6, §9)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from dataclasses import replace
from decimal import Decimal

import pytest

from workforce.domain.demo.numbers import CardNumbers, IdNumbers
from workforce.domain.demo.population import DemoError, DemoPopulation, generate_population
from workforce.domain.idcard import luhn_ok, make_id_number, parse_id_number
from workforce.domain.roster.worker import validate_worker
from workforce.domain.scale import PostRange
from workforce.domain.stats.indicators import StatsPerson, compute_indicators
from workforce.domain.vocab import EDUCATION_RANK, WorkerStatus

TODAY = dt.date(2025, 6, 30)
POSTS = (
    PostRange("principal", "社区正职", 7, 18),
    PostRange("deputy", "社区副职", 4, 15),
    PostRange("staff", "其他社区工作者", 1, 12),
    PostRange("grid", "专职网格员", 1, 12, paid_as="staff"),
)
ACTIVE = {WorkerStatus.ACTIVE.value, WorkerStatus.PROBATION.value}


@pytest.fixture(scope="module")
def population() -> DemoPopulation:
    return generate_population(3000, 2025, TODAY, POSTS)


def test_the_same_seed_gives_the_same_population() -> None:
    first = generate_population(300, 7, TODAY, POSTS)
    assert first == generate_population(300, 7, TODAY, POSTS)
    other = generate_population(300, 8, TODAY, POSTS)
    assert [w.data.id_number for w in other.workers] != [w.data.id_number for w in first.workers]


def test_id_numbers_are_valid_unique_and_agree_with_sex_and_birth(
    population: DemoPopulation,
) -> None:
    numbers = [w.data.id_number for w in population.workers]
    assert len(set(numbers)) == len(numbers) == 3000
    for worker in population.workers:
        info = parse_id_number(worker.data.id_number)
        assert (info.birth_date, info.sex) == (worker.data.birth_date, worker.data.sex)
        assert worker.data.id_number.startswith("15")  # Inner Mongolia


def test_fast_id_numbers_are_make_id_number_and_stay_unique_at_scale() -> None:
    ids = IdNumbers(("150102", "150103"))
    birth = dt.date(1990, 5, 17)
    for count in range(3):
        expected = make_id_number("150102", birth, birth.toordinal() * 7 + count, False)
        assert ids.make("150102", birth, male=False) == expected
    # 200,000 people born in one year: one region's 500 order numbers per day run out, the next
    # region takes over, and no number repeats
    many = IdNumbers(("150102", "150103", "150104", "150105"))
    start = dt.date(1990, 1, 1).toordinal()
    drawn = {
        many.make("150102", dt.date.fromordinal(start + i % 365), i % 2 == 0)
        for i in range(200_000)
    }
    assert len(drawn) == 200_000
    with pytest.raises(ValueError, match="已用尽"):
        for _ in range(1001):
            ids.make("150102", dt.date(2000, 1, 1), male=True)


def test_bank_accounts_pass_luhn_and_phones_are_mobile_numbers(
    population: DemoPopulation,
) -> None:
    cards = CardNumbers(__import__("random").Random(1).random)
    assert all(luhn_ok(cards.make("622202")) for _ in range(2000))
    for worker in population.workers:
        data = worker.data
        assert data.bank_account and luhn_ok(data.bank_account) and len(data.bank_account) == 19
        assert data.phone and len(data.phone) == 11 and data.phone.startswith("1")
        assert data.bank_account_name == data.name and data.bank_name


def test_every_worker_passes_the_file_validation(population: DemoPopulation) -> None:
    posts = {p.code: p for p in POSTS}
    for worker in population.workers:
        data = replace(worker.data, community_id=1)
        assert validate_worker(data, posts, TODAY) == [], data


def test_levels_stay_within_the_ranges_passed_in() -> None:
    wide = (
        PostRange("principal", "社区正职", 13, 24),
        PostRange("deputy", "社区副职", 7, 20),
        PostRange("staff", "其他社区工作者", 1, 16),
    )  # no grid post: grid workers take the staff post
    generated = generate_population(800, 3, TODAY, wide)
    ranges = {p.code: (p.min_level, p.max_level) for p in wide}
    assert {w.data.post for w in generated.workers} == {"principal", "deputy", "staff"}
    for worker in generated.workers:
        low, high = ranges[worker.data.post]
        assert low <= worker.data.level <= high
    with pytest.raises(DemoError, match="社区副职"):
        generate_population(10, 1, TODAY, (wide[0], wide[2]))


def test_the_tree_and_one_full_time_grid_worker_per_grid(population: DemoPopulation) -> None:
    units = {u.key: u for u in population.units}
    parent_kind = {"street": "district", "community": "street", "grid": "community"}
    for unit in population.units:
        parent = units[unit.parent].kind if unit.parent is not None else None
        assert parent == parent_kind.get(unit.kind)
    siblings = Counter((u.parent, u.kind, u.name) for u in population.units)
    assert max(siblings.values()) == 1
    assert population.unit_count("district") == 2  # about 2,000 workers a district
    assert 8 <= population.unit_count("street") <= 24
    holders = Counter(w.grid for w in population.workers if w.grid is not None)
    assert max(holders.values()) == 1
    for worker in population.workers:
        if worker.grid is not None:
            assert worker.data.post == "grid" and units[worker.grid].parent == worker.community
        assert units[worker.community].kind == "community"


def test_each_community_has_its_leaders(population: DemoPopulation) -> None:
    duties: dict[int, Counter[str]] = defaultdict(Counter)
    for worker in population.workers:
        duties[worker.community][worker.data.duties or ""] += 1
        if worker.data.post in ("principal", "deputy"):
            assert worker.data.is_committee_member
    for counts in duties.values():
        assert counts["一肩挑"] == 1 or counts["书记"] == counts["主任"] == 1
        assert 2 <= counts["副书记"] + counts["副主任"] <= 3


def test_dates_are_consistent_with_age_and_education(population: DemoPopulation) -> None:
    for worker in population.workers:
        data = worker.data
        assert data.fulltime_education and data.highest_education
        assert EDUCATION_RANK[data.fulltime_education] <= EDUCATION_RANK[data.highest_education]
        assert data.work_start_date and data.community_start_date
        assert data.birth_date < data.work_start_date <= data.community_start_date <= TODAY
        assert data.level_start_year and data.community_start_date.year <= data.level_start_year
        if data.party_join_date:
            assert data.birth_date < data.party_join_date <= TODAY
        dates = [on for on, _ in worker.statuses]
        assert dates == sorted(dates) and worker.statuses[-1][1] == data.status
        if data.status == WorkerStatus.PROBATION.value:
            assert (TODAY - data.community_start_date).days < 180
        cert = worker.certificate
        if cert is not None:
            assert cert.obtained_date and cert.obtained_date <= TODAY
            assert (
                cert.registered_date is None or cert.obtained_date < cert.registered_date <= TODAY
            )
    numbers = [w.certificate.number for w in population.workers if w.certificate]
    assert len(set(numbers)) == len(numbers)


def test_indicators_fall_in_the_published_bands(population: DemoPopulation) -> None:
    people = [
        StatsPerson(
            i,
            w.data.birth_date,
            w.data.status,
            w.data.post,
            w.data.level,
            "",
            w.data.highest_education,
            w.data.is_committee_member,
            w.data.community_start_date,
            w.certificate.obtained_date if w.certificate else None,
        )
        for i, w in enumerate(population.workers)
    ]
    found = compute_indicators(people, TODAY, posts=POSTS)
    assert Decimal(40) <= found.bachelor_or_above_ratio <= Decimal(50)
    assert Decimal(37) <= found.average_age <= Decimal(40)
    assert Decimal(45) <= found.under_35_ratio <= Decimal(60)
    assert Decimal(33) <= found.certified_ratio <= Decimal(43)
    assert Decimal(40) <= found.committee_ratio <= Decimal(55)
    active = [w for w in population.workers if w.data.status in ACTIVE]
    women = sum(1 for w in active if w.data.sex == "女")
    assert 0.60 < women / len(active) < 0.70
    assert 0.90 < len(active) / len(population.workers) < 0.99
    ethnicities = Counter(w.data.ethnicity for w in active)
    assert ethnicities.most_common(1)[0][0] == "汉族" and ethnicities["蒙古族"] > 0


def test_appraisals_keep_the_excellent_quota(population: DemoPopulation) -> None:
    grades = Counter(g for w in population.workers for _, g in w.appraisals)
    total = sum(grades.values())
    assert 0.14 < grades["优秀"] / total <= 0.20
    assert grades["称职"] > total * 0.7 and 0 < grades["不称职"] < grades["基本称职"]
    per_unit: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for worker in population.workers:
        years = [year for year, _ in worker.appraisals]
        assert years == sorted(set(years)) and all(2021 <= y <= 2024 for y in years)
        for year, grade in worker.appraisals:
            per_unit[worker.community, year][grade] += 1
    for counts in per_unit.values():
        assert counts["优秀"] <= sum(counts.values()) * 0.2


def test_training_sessions_are_past_and_attended_by_serving_workers(
    population: DemoPopulation,
) -> None:
    assert {t.organiser_level for t in population.trainings} == {"市级", "旗县区", "街道"}
    for session in population.trainings:
        assert session.start_date <= session.end_date <= TODAY and session.hours > 0
        for index, _passed in session.attendance:
            worker = population.workers[index]
            assert worker.data.community_start_date
            assert worker.data.community_start_date <= session.start_date
    assert population.attendance_count > len(population.workers)


def test_the_next_yearly_run_finds_about_a_third_due(population: DemoPopulation) -> None:
    """The last applied run is last year's (2024): levels began at one of the last three runs, so
    the run for this year (2025) finds 20–35% with three qualifying years (appraisals to 2024)."""
    active = [w for w in population.workers if w.data.status == WorkerStatus.ACTIVE.value]
    due = 0
    for worker in active:
        data = worker.data
        assert data.community_start_date and data.level_start_year
        if (TODAY - data.community_start_date).days >= 3 * 365:
            assert data.level_start_year in (2022, 2023, 2024)
        grades = dict(worker.appraisals)
        qualifying = [
            y for y in range(data.level_start_year, 2025) if grades.get(y) in ("优秀", "称职")
        ]
        due += len(qualifying) >= 3
    assert 0.20 <= due / len(active) <= 0.35
    starts = Counter(w.data.level_start_year for w in active)
    assert min(starts[2022], starts[2023], starts[2024]) > len(active) * 0.15


def test_certificates_are_renewed_every_three_years(population: DemoPopulation) -> None:
    renewed = [w for w in population.workers if w.registrations]
    assert len(renewed) > population.certificate_count * 0.2
    for worker in renewed:
        cert = worker.certificate
        assert cert is not None and cert.registered_date == worker.registrations[-1]
        assert cert.obtained_date and worker.registrations[0] > cert.obtained_date
        for before, after in itertools.pairwise(worker.registrations):
            assert 3 * 365 - 90 <= (after - before).days <= 3 * 365 + 1
        assert worker.registrations[-1] <= TODAY
    registered = [w.certificate for w in population.workers if w.certificate]
    current = [
        c for c in registered if c.registered_date and (TODAY - c.registered_date).days < 3 * 365
    ]
    assert len(current) > len(registered) * 0.85  # few lapsed (not renewed, or not yet registered)


def test_most_active_workers_train_30_to_60_hours_last_year(population: DemoPopulation) -> None:
    hours: Counter[int] = Counter()
    for session in population.trainings:
        if session.start_date.year == TODAY.year - 1:
            for index, passed in session.attendance:
                if passed:
                    hours[index] += int(session.hours)
    active = [
        i for i, w in enumerate(population.workers) if w.data.status == WorkerStatus.ACTIVE.value
    ]
    within = sum(1 for i in active if 30 <= hours[i] <= 60)
    assert within > len(active) * 0.65
    assert sum(1 for i in active if hours[i] >= 40) > len(active) * 0.55
    assert population.attendance_count < 4 * len(population.workers)  # rows stay few
