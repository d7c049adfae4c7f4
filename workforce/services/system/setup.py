"""``workforce init`` and the first start: migrate, then install the defaults once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import DEFAULT_ADMIN
from workforce.domain.vocab import Role
from workforce.persistence.accounts import Setting, User
from workforce.persistence.migrate import upgrade_to_head
from workforce.persistence.org import OrgUnit
from workforce.persistence.pay import AllowanceRate, PayScale, ScaleAmount, ScalePost
from workforce.persistence.payroll import InsuranceBaseBounds, InsuranceRate
from workforce.services.accounts import audit
from workforce.services.accounts.audit_chain import require_audit_protection
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank_layouts import install_builtin_layouts

SYSTEM = Actor(None, "system", Role.ADMIN)  # the program itself, installing its defaults


@dataclass(frozen=True, slots=True)
class InitReport:
    migrated: bool
    created_district: bool
    created_admin: bool
    installed_scale: bool
    installed_insurance: bool = False


def _region_defaults() -> dict[str, Any]:
    text = resources.files("workforce.data").joinpath("demo-region.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _install_scale(session: Session, scale: dict[str, Any]) -> None:
    effective = dt.date.fromisoformat(scale["effective_date"])
    row = PayScale(name=scale["name"], effective_date=effective, note="示范地区默认标准")
    session.add(row)
    session.flush()
    for order, post in enumerate(scale["posts"]):
        session.add(
            ScalePost(
                scale_id=row.id,
                code=post["code"],
                name=post["name"],
                aliases=",".join(post.get("aliases", [])),
                min_level=post["min_level"],
                max_level=post["max_level"],
                paid_as=post.get("paid_as"),
                sort_order=order,
            )
        )
    text = resources.files("workforce.data").joinpath(scale["amounts_file"]).read_text("utf-8")
    amounts = [
        {
            "scale_id": row.id,
            "post": r["post"],
            "level": int(r["level"]),
            "monthly_pay": Decimal(r["monthly_pay"]),
        }
        for r in csv.DictReader(io.StringIO(text))
    ]
    session.execute(insert(ScaleAmount), amounts)


def _install_insurance(session: Session, insurance: dict[str, Any]) -> bool:
    """五险一金 rates and base bounds of the demo region (§8.2), each only when none exist."""
    effective = dt.date.fromisoformat(insurance["effective_date"])
    installed = False
    if session.scalar(select(InsuranceRate.id).limit(1)) is None:
        session.execute(
            insert(InsuranceRate),
            [
                {
                    "code": item["code"],
                    "name": item["name"],
                    "employer_rate": Decimal(item["employer_rate"]),
                    "individual_rate": Decimal(item["individual_rate"]),
                    "rounding": item["rounding"],
                    "effective_date": effective,
                    "sort_order": order,
                    "note": "示范地区默认费率",
                }
                for order, item in enumerate(insurance["items"])
            ],
        )
        installed = True
    if session.scalar(select(InsuranceBaseBounds.id).limit(1)) is None:
        bounds = insurance["bounds"]
        session.add(
            InsuranceBaseBounds(
                floor=Decimal(bounds["floor"]),
                ceiling=Decimal(bounds["ceiling"]),
                effective_date=effective,
                note="示范地区默认缴费基数上下限",
            )
        )
        installed = True
    return installed


def _install_settings(session: Session, settings: dict[str, Any]) -> dict[str, Any]:
    """Region settings (probation share …) that are missing; existing values are kept."""
    added = {key: value for key, value in settings.items() if session.get(Setting, key) is None}
    session.add_all(Setting(key=key, value=value) for key, value in added.items())
    return added


def initialise(db: Database) -> InitReport:
    """Create or upgrade the schema; add the default district, administrator and demo scale.

    Safe to run again: each default is installed only when missing. Refuses (``AuditUnprotected``)
    when the audit log's triggers are missing: every program opens the database through here.
    """
    migrated = upgrade_to_head(db.engine)
    require_audit_protection(db)
    defaults = _region_defaults()
    created_district = created_admin = installed_scale = False
    with db.transaction() as session:
        if session.get(Setting, "default_district_id") is None:
            district = OrgUnit(kind="district", name=defaults["default_district"], parent_id=None)
            session.add(district)
            session.flush()
            session.add(Setting(key="default_district_id", value=district.id))
            session.add(Setting(key="region_name", value=defaults["region_name"]))
            created_district = True
        if session.scalar(select(User.id).where(User.username == DEFAULT_ADMIN)) is None:
            session.add(
                User(username=DEFAULT_ADMIN, display_name="系统管理员", role=Role.ADMIN.value)
            )
            created_admin = True
        if session.scalar(select(PayScale.id).limit(1)) is None:
            _install_scale(session, defaults["scale"])
            effective = dt.date.fromisoformat(defaults["scale"]["effective_date"])
            session.execute(
                insert(AllowanceRate),
                [
                    {
                        "kind": a["kind"],
                        "key": a["key"],
                        "amount": Decimal(a["amount"]),
                        "period": a["period"],
                        "effective_date": effective,
                    }
                    for a in defaults["allowances"]
                ],
            )
            installed_scale = True
        installed_insurance = _install_insurance(session, defaults["insurance"])
        added = _install_settings(session, defaults["settings"])
        installed_layouts = install_builtin_layouts(session)
        if not created_district and (
            created_admin or installed_scale or installed_insurance or added or installed_layouts
        ):
            # an existing installation got defaults it lacked (an upgrade): say so in the log
            changes: dict[str, tuple[object, object]] = {k: (None, v) for k, v in added.items()}
            for name, done in (
                ("admin", created_admin),
                ("scale", installed_scale),
                ("insurance", installed_insurance),
                ("bank_layouts", installed_layouts),
            ):
                if done:
                    changes[name] = (None, "默认值")
            audit.record(session, SYSTEM, "install_defaults", "setting", None, changes)
    return InitReport(
        migrated, created_district, created_admin, installed_scale, installed_insurance
    )
