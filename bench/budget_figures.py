"""The whole 预算测算 report written to a file, to compare byte for byte before and after a change
to the projection (issue 19): the ``repr`` of every report, every Decimal with its exponent.

Run by hand (not by pytest)::

    python bench/budget_figures.py --url sqlite:///t100k.db --out before-100k.txt [--small]
    python bench/budget_figures.py --demo 5000 --seed 3 --appraise --out before-5k-3.txt

``--demo N`` builds an N-worker demo (``--seed``, today 2026-11-25) in a temporary SQLite file;
``--appraise`` adds 2026 appraisals as bench_adjustment does (else 2026's grades are assumed).
Scenarios: 普调5%, 两年一调, 网格员同酬 from March 2028, 四年一调 from 2029, 增编 (two
communities), a scale 7 % higher from 2028; with the default assumptions, then with a leaver
rate, refill in March and growing bounds, then for the first street alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from bench_adjustment import TODAY, add_appraisals  # noqa: E402
from sqlalchemy import select  # noqa: E402

from workforce.domain.adjustment.scenario import Assumptions  # noqa: E402
from workforce.domain.money import round_fen  # noqa: E402
from workforce.domain.sheet import SheetGrid  # noqa: E402
from workforce.persistence.org import OrgUnit  # noqa: E402
from workforce.services.accounts.acting_user import actor_for  # noqa: E402
from workforce.services.adjustment.projection import budget_projection  # noqa: E402
from workforce.services.context import Database  # noqa: E402
from workforce.services.scale import scale_in_force  # noqa: E402
from workforce.services.system.demo import generate_demo  # noqa: E402
from workforce.services.system.setup import initialise  # noqa: E402

FIRST, YEARS = 2027, 5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url")
    parser.add_argument("--demo", type=int)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--appraise", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("--small", action="store_true", help="the bench's three runs only")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/figures.db"
    db = Database.open(url)
    initialise(db)
    admin = actor_for(db)
    if args.demo:
        generate_demo(db, admin, workers=args.demo, seed=args.seed, today=TODAY)
        if args.appraise:
            add_appraisals(db)
    with db.reading() as session:
        scale = scale_in_force(session, dt.date(FIRST, 1, 1))
        assert scale is not None
        communities = session.execute(
            select(OrgUnit.id, OrgUnit.name, OrgUnit.parent_id)
            .where(OrgUnit.kind == "community")
            .order_by(OrgUnit.id)
        ).all()
        units = {
            u.id: (u.name, u.parent_id)
            for u in session.execute(select(OrgUnit.id, OrgUnit.name, OrgUnit.parent_id))
        }
    grid = SheetGrid(
        "标准",
        (
            ("post", "level", "monthly_pay"),
            *(
                (post, level, str(round_fen(amount * Decimal("1.07"))))
                for (post, level), amount in sorted(scale.amounts.items())
            ),
        ),
    )
    named = []
    for community in communities[:2]:
        street = units[community[2]]
        district = units[street[1]][0] if street[1] is not None else ""
        named.append(f"{district}/{street[0]}/{community[1]}")
    scenarios: list[dict[str, object]] = [
        {"name": "普调5%", "raise": {"rate": "0.05", "from": "2027-07-01"}},
        {"name": "两年一调", "step_years": 2},
    ]
    if not args.small:
        scenarios += [
            {"name": "网格员同酬", "parity": {"from": "2028-03-01"}},
            {"name": "四年一调", "step_years": {"years": 4, "from": 2029}},
            {"name": "增编", "headcount": {named[0]: 3, named[1]: -2}},
            {"name": "新标准", "scale": {"from": "2028-01-01", "file": "x.xlsx"}},
        ]
    calls: list[tuple[Assumptions, int | None]] = [(Assumptions(), None)]
    if not args.small:
        calls += [
            (
                Assumptions(
                    leaver_rates={"*": Decimal("0.05")},
                    refill_month=3,
                    bounds_growth=Decimal("0.03"),
                ),
                None,
            ),
            (Assumptions(), communities[0][2]),
        ]
    with open(args.out, "w", encoding="utf-8") as out:
        for assumptions, unit in calls:
            start = time.perf_counter()
            report = budget_projection(
                db,
                admin,
                FIRST,
                YEARS,
                scenarios,
                assumptions,
                unit_id=unit,
                scale_of=lambda _: grid,
            )
            print(f"{time.perf_counter() - start:.2f} s", file=sys.stderr)
            out.write(repr(report))
            out.write("\n")


if __name__ == "__main__":
    main()
