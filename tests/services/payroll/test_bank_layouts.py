"""Bank layouts as data on both databases: built-ins installed at init, a bank's own layout saved,
checked, exported and imported as JSON, deleted; built-ins protected; every change audited."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from tests.services.payroll_support import user
from workforce.domain.payroll.bank_layout import BUILTIN_LAYOUTS, BankColumn, BankLayout
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank_layouts import (
    delete_layout,
    get_layout,
    import_layout,
    layout_json,
    list_layouts,
    save_layout,
)

ABC = BankLayout(
    "农行",
    "中国农业银行",
    "农行代发模板",
    "csv",
    (
        BankColumn("账号", "account"),
        BankColumn("户名", "account_name"),
        BankColumn("金额", "amount"),
    ),
    ("笔数{count},金额{total}",),
    encoding="gbk",
)


def test_builtins_are_installed_at_init_and_listed_first(db: Database) -> None:
    layouts = list_layouts(db)
    assert [(x.name, x.file_type, x.builtin) for x in layouts] == [
        ("default", "xlsx", True),
        ("csv", "csv", True),
    ]
    assert layouts[1] == BUILTIN_LAYOUTS["csv"]
    with pytest.raises(ActionRefused, match="没有名为「icbc」的代发格式（可用：default、csv）"):
        get_layout(db, "icbc")


def test_save_export_import_delete_with_audit(db: Database, admin: Actor) -> None:
    save_layout(db, admin, ABC)
    assert [x.name for x in list_layouts(db)] == ["default", "csv", "农行"]
    changed = save_layout(db, admin, replace(ABC, encoding="gb18030"))
    assert get_layout(db, "农行") == changed
    text = layout_json(get_layout(db, "农行"))
    assert json.loads(text)["encoding"] == "gb18030"
    copy = import_layout(db, admin, text, name="农行-新华支行")
    assert replace(copy, name="农行") == changed
    delete_layout(db, admin, "农行")
    assert [x.name for x in list_layouts(db)] == ["default", "csv", "农行-新华支行"]
    with db.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "bank_layout").order_by(AuditEntry.id)
        ).all()
    assert [(e.action, e.note) for e in entries] == [
        ("create", "新建代发格式「农行」"),
        ("update", "修改代发格式「农行」"),
        ("create", "新建代发格式「农行-新华支行」"),
        ("delete", "删除代发格式「农行」"),
    ]
    assert entries[1].changes == {"encoding": ["gbk", "gb18030"]}


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        (replace(ABC, columns=ABC.columns[:2]), "须有且只有一个金额列（现有 0 个）"),
        (
            replace(ABC, columns=(*ABC.columns, BankColumn("金额", "memo"))),
            "第 4 列「金额」：标题重复",
        ),
        (
            replace(ABC, columns=(*ABC.columns, BankColumn("手机", "phone"))),
            "第 4 列「手机」：字段「phone」无法识别",
        ),
        (replace(ABC, encoding="big5"), "编码「big5」无效"),
        (replace(ABC, file_type="xls"), "文件类型「xls」无效"),
        (replace(ABC, header=("合计{sum}",)), "表头第 1 行「合计{sum}」中的「sum」无法识别"),
        (replace(ABC, memo="{count}笔"), "摘要「{count}笔」中的「count」无法识别"),
        (replace(ABC, name="default"), "「default」是内置代发格式，不能修改"),
        (replace(ABC, name=" "), "代发格式须有名称"),
    ],
)
def test_bad_layouts_are_refused_and_nothing_is_written(
    db: Database, admin: Actor, layout: BankLayout, message: str
) -> None:
    with pytest.raises(ActionRefused, match=message.replace("{", r"\{").replace("}", r"\}")):
        save_layout(db, admin, layout)
    assert len(list_layouts(db)) == 2


def test_imports_and_deletions_that_are_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(ActionRefused, match="不是有效的 JSON：第 1 行"):
        import_layout(db, admin, "{nope")
    with pytest.raises(ActionRefused, match="「columns」应为列的列表"):
        import_layout(db, admin, json.dumps({"name": "x"}))
    with pytest.raises(ActionRefused, match="不能删除"):
        delete_layout(db, admin, "csv")
    with pytest.raises(ActionRefused):
        save_layout(db, user(db, "luru", Role.CLERK), ABC)
    assert len(list_layouts(db)) == 2


def test_init_again_keeps_the_districts_layouts(db: Database, admin: Actor) -> None:
    from workforce.services.system.setup import initialise

    save_layout(db, admin, ABC)
    initialise(db)
    assert [x.name for x in list_layouts(db)] == ["default", "csv", "农行"]
