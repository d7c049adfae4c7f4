"""The audit log's codes as a clerk reads them: tables, actions and fields in Chinese."""

from __future__ import annotations

from workforce.domain.roster.worker import FIELD_LABELS

ENTITY_NAMES = {
    "worker": "人员档案",
    "org_unit": "组织机构",
    "app_user": "用户",
    "setting": "系统设置",
    "import_batch": "导入批次",
    "pay_scale": "薪酬标准",
    "allowance_rate": "津贴标准",
    "adjustment_run": "调级批次",
    "adjustment_item": "调级明细",
    "payroll_month": "月度工资",
    "pay_reissue": "补发代发",
    "pay_item": "工资项目",
    "contribution_base": "缴费基数",
    "payroll_opening": "期初累计",
    "special_deduction": "专项附加扣除",
    "tax_flag": "个税标记",
    "certificate": "社工证",
    "training_session": "培训班次",
    "demo": "演示数据",
    "bank_layout": "银行代发格式",
    "database": "数据库",
    "insurance_rate": "五险一金费率",
    "insurance_base_bounds": "缴费基数上下限",
    "export": "导出",
}
ACTION_NAMES = {
    "create": "新增",
    "update": "修改",
    "delete": "删除",
    "rename": "改名",
    "import": "导入",
    "transfer": "调动",
    "status": "状态变更",
    "adjust": "调级",
    "prepare": "生成调级",
    "approve": "审核",
    "apply": "应用",
    "revert": "撤销",
    "discard": "作废",
    "discard_calculation": "撤销计算",
    "override": "人工调整",
    "calculate": "计算",
    "lock": "锁定",
    "reissue": "补发代发",
    "return": "退回",
    "invalidate": "失效",
    "declare": "申报",
    "end": "终止",
    "compute": "核定",
    "appraisal": "考核",
    "training": "培训",
    "pipeline": "后备干部",
    "generate_demo": "生成演示数据",
    "install_defaults": "安装默认设置",
    "certificate": "登记社工证",
    "certificate_renewal": "社工证再登记",
    "certificate_correction": "更正社工证登记",
    "correct": "更正",
    "set": "设定",
    "export_full": "导出完整号码",
    "restore": "恢复备份",
    "login": "登录",
    "login_failed": "登录失败",
    "change_password": "修改密码",
    "reset_password": "重置密码",
    "set_role": "变更角色",
    "unlock": "解锁",
    "deactivate": "停用",
}


GENERAL_FIELDS = {
    "name": "名称",
    "status": "状态",
    "amount": "金额",
    "effective_date": "生效日期",
    "kind": "类别",
    "key": "档次",
    "level": "等级",
    "base": "缴费基数",
    "through": "所属期止",
    "income": "累计收入额",
    "exempt_income": "累计免税收入",
    "insurance": "累计专项扣除",
    "special_deductions": "累计专项附加扣除",
    "other_deductions": "累计其他扣除",
    "withheld": "累计已预缴税额",
    "worker_count": "人数",
    "net_total": "实发合计",
    "monthly_amount": "每月金额",
    "from_month": "起始月份",
    "to_month": "结束月份",
    "reason": "理由",
    "username": "用户名",
    "display_name": "显示名",
    "role": "角色",
    "rejected": "未导入的行数",
    "reissued": "补发人数",
}


def field_name(entity: str, code: str) -> str:
    """The Chinese label of a changed field: the file's own labels for a worker."""
    if entity == "worker" and code in FIELD_LABELS:
        return FIELD_LABELS[code]
    return GENERAL_FIELDS.get(code, code)


def entity_name(code: str) -> str:
    """The Chinese name of an audited table, the code itself when none is known."""
    return ENTITY_NAMES.get(code, code)


def action_name(code: str) -> str:
    return ACTION_NAMES.get(code, code)
