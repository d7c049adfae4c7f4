"""Adjustment rule parameters (§4): data per region and year, with the spec's defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from workforce.domain.careers.ladder import CERTIFICATE_LADDER, EDUCATION_LADDER


@dataclass(frozen=True, slots=True)
class AdjustmentRules:
    """调级规则. Each rule can be switched off or re-parameterised per region and year."""

    tenure_enabled: bool = True
    qualifying_years_per_step: int = 3
    passing_grades: frozenset[str] = frozenset({"优秀", "称职", "合格", "良好"})
    early_enabled: bool = True
    early_grade: str = "优秀"
    early_streak: int = 2
    max_early_steps: int = 2
    ladder_enabled: bool = True
    education_ladder: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType(dict(EDUCATION_LADDER))
    )
    certificate_ladder: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType(dict(CERTIFICATE_LADDER))
    )
    honours_enabled: bool = True
    honour_kinds: frozenset[str] = frozenset({"市级及以上表彰", "劳模"})

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> AdjustmentRules:
        """Rules from stored settings; unknown keys are refused so a typo never goes unnoticed."""
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"未知的调级规则参数：{'、'.join(sorted(unknown))}")
        values: dict[str, Any] = dict(data)
        for name in ("passing_grades", "honour_kinds"):
            if name in values:
                values[name] = frozenset(values[name])
        for name in ("education_ladder", "certificate_ladder"):
            if name in values:
                values[name] = MappingProxyType(dict(values[name]))
        return cls(**values)
