"""Closed vocabularies of a worker's file (§2), with the aliases clerks write.

Posts and levels are NOT here: they are data of the pay scale (§3).
"""

from __future__ import annotations

from enum import StrEnum

SEXES = ("男", "女")
POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "群众", "民主党派")
POLITICAL_ALIASES = {"党员": "中共党员", "预备党员": "中共预备党员", "团员": "共青团员"}
EDUCATIONS = ("高中/中专", "大专", "本科", "硕士", "博士")
EDUCATION_ALIASES = {
    "高中": "高中/中专",
    "中专": "高中/中专",
    "职高": "高中/中专",
    "技校": "高中/中专",
    "初中": "高中/中专",
    "高中及以下": "高中/中专",
    "专科": "大专",
    "大学专科": "大专",
    "大学本科": "本科",
    "大学": "本科",
    "研究生": "硕士",
    "硕士研究生": "硕士",
    "博士研究生": "博士",
}
EDUCATION_RANK = {name: i for i, name in enumerate(EDUCATIONS)}
BACHELOR_OR_ABOVE = frozenset({"本科", "硕士", "博士"})
RECRUITMENT_CHANNELS = ("市招", "区招", "选任", "依规转入", "其他")
DUTIES = ("书记", "主任", "一肩挑", "副书记", "副主任", "委员", "专职社工", "网格员")
CERTIFICATE_LEVELS = ("助理社会工作师", "社会工作师", "高级社会工作师")
CERTIFICATE_ALIASES = {
    "助理": "助理社会工作师",
    "初级": "助理社会工作师",
    "中级": "社会工作师",
    "高级": "高级社会工作师",
    "助理社工师": "助理社会工作师",
    "社工师": "社会工作师",
    "高级社工师": "高级社会工作师",
}
YES_NO = {"是": True, "否": False, "Y": True, "N": False, "1": True, "0": False, "": False}


class WorkerStatus(StrEnum):
    """人员状态."""

    ACTIVE = "在职"
    PROBATION = "试用"
    LEFT = "离职"
    RETIRED = "退休"
    TRANSFERRED_OUT = "调出"


ACTIVE_STATUSES = frozenset({WorkerStatus.ACTIVE, WorkerStatus.PROBATION})


class Role(StrEnum):
    """User roles: 录入员, 审核员, 财务, 管理员."""

    CLERK = "clerk"
    APPROVER = "approver"
    FINANCE = "finance"
    ADMIN = "admin"


ROLE_NAMES = {
    Role.CLERK: "录入员",
    Role.APPROVER: "审核员",
    Role.FINANCE: "财务",
    Role.ADMIN: "管理员",
}


def normalise(value: str, allowed: tuple[str, ...], aliases: dict[str, str]) -> str | None:
    """The canonical spelling of a vocabulary value, or None if it is not one."""
    text = value.strip()
    if text in allowed:
        return text
    return aliases.get(text)
