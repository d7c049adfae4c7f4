"""Turning one spreadsheet cell into a value of the worker's file, as clerks fill them (§10).

Each reader returns the value (None for an empty cell) or raises ``CellError`` with the reason in
words a clerk understands. Readers that accept a doubtful value append a note to ``notes``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from workforce.domain import vocab
from workforce.domain.dates import DateParseError, parse_date
from workforce.domain.idcard import IdInfo, IdNumberError, parse_id_number
from workforce.domain.roster.retirement import ORIGINAL_AGES
from workforce.domain.scale import PostRange, find_post


class CellError(ValueError):
    """Why a cell's value cannot be used; ``code`` prefixes the problem code (``invalid_sex``)."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


EMPTY_MARKS = frozenset({"", "-", "--", "—", "——", "－", "/", "／", "无", "暂无", "空", "null"})
"""What clerks write in a cell that has nothing to say."""

SEX_ALIASES = {"男性": "男", "女性": "女", "M": "男", "F": "女"}
_PARTIES = (
    "民革 民盟 民建 民进 农工党 致公党 九三学社 台盟 民革党员 民盟盟员 民建会员 民进会员 "
    "农工党党员 致公党党员 九三学社社员 台盟盟员"
)
POLITICAL_ALIASES = {
    **vocab.POLITICAL_ALIASES,
    "共产党员": "中共党员",
    "中国共产党党员": "中共党员",
    "中共正式党员": "中共党员",
    "正式党员": "中共党员",
    "共青团": "共青团员",
    **dict.fromkeys(_PARTIES.split(), "民主党派"),
}
EDUCATION_ALIASES = {
    **vocab.EDUCATION_ALIASES,
    "中专/高中": "高中/中专",
    "高中（中专）": "高中/中专",
    "高中(中专)": "高中/中专",
    "中专及以下": "高中/中专",
    "初中及以下": "高中/中专",
    "研究生（硕士）": "硕士",
    "研究生（博士）": "博士",
}
RECRUITMENT_ALIASES = {
    "市级招聘": "市招",
    "市统一招聘": "市招",
    "市统招": "市招",
    "市级统一招聘": "市招",
    "市统一招录": "市招",
    "区级招聘": "区招",
    "区统招": "区招",
    "区统一招聘": "区招",
    "旗县区招聘": "区招",
    "旗县招聘": "区招",
    "区县招聘": "区招",
    "选举": "选任",
    "选举产生": "选任",
    "换届选举": "选任",
    "选聘": "选任",
    "转入": "依规转入",
    "调入": "依规转入",
}
_PARTY_ORGS = ["党委", "党支部", "党总支", "社区", "社区党委", "村党支部"]
_RESIDENT_ORGS = ["居委会", "社区", "居民委员会", "社区居委会", "村委会"]
_BOTH = (
    "书记兼主任 书记、主任 书记/主任 书记主任 党委书记、居委会主任 书记、主任一肩挑 书记主任一肩挑"
)
DUTY_ALIASES = {
    **{f"{org}书记": "书记" for org in _PARTY_ORGS},
    **{f"{org}主任": "主任" for org in _RESIDENT_ORGS},
    **{f"{org}副书记": "副书记" for org in _PARTY_ORGS},
    **{f"{org}副主任": "副主任" for org in _RESIDENT_ORGS},
    **{f"{org}委员": "委员" for org in ("两委", "党委", "居委会", "社区两委", "支部")},
    **dict.fromkeys(_BOTH.split(), "一肩挑"),
    "社工": "专职社工",
    "社区专职工作者": "专职社工",
    "专职社区工作者": "专职社工",
    "社区工作者": "专职社工",
    "专职网格员": "网格员",
}
STATUS_ALIASES = {
    "在岗": "在职",
    "正式": "在职",
    "试用期": "试用",
    "见习": "试用",
    "辞职": "离职",
    "已离职": "离职",
    "解聘": "离职",
    "辞退": "离职",
    "已退休": "退休",
    "调离": "调出",
    "已调出": "调出",
}
CERTIFICATE_ALIASES = {**vocab.CERTIFICATE_ALIASES, "助理级": "助理社会工作师"}
NO_CERTIFICATE = frozenset({"否", "未持证", "无证", "未取得", "没有"})
YES = frozenset({"是", "y", "yes", "1", "√", "✓", "✔", "true"})
NO = frozenset({"否", "n", "no", "0", "×", "✗", "✘", "false", "不是", "非"})
_GROUPS = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
    "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
    "珞巴 基诺"
)
ETHNIC_GROUPS = frozenset(f"{name}族" for name in _GROUPS.split())
"""The 56 ethnic groups (民族) by their full names."""

NUMBER_CELL = (
    "{label}存成了数字而不是文本：Excel 只保留15位有效数字，末尾几位已经丢失（单元格中为{shown}），"
    "无法还原。请把该列设置为“文本”格式，重新填写后再导入"
)
LOST = "lost_digits"
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_CJK_WITH_SPACES = re.compile(r"^[\u3400-\u9fff\s\u3000]+$")
_NUMERALS = {digit: value for value, digit in enumerate("零一二三四五六七八九")} | {"两": 2}


def shown_number(value: float | int) -> str:  # float-ok: a spreadsheet number, not money
    """A number as Excel shows it, to 15 significant digits: 110105194912310000."""
    return format(Decimal(f"{value:.15g}"), "f")


def text(value: object) -> str | None:
    """Trimmed text; None for an empty cell or a placeholder such as "无" or "—"."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    return None if result in EMPTY_MARKS or result.lower() == "null" else result


def person_name(value: object) -> str | None:
    """A name; the spaces clerks put inside two-character names for alignment are removed."""
    result = text(value)
    if result and _CJK_WITH_SPACES.match(result):
        result = re.sub(r"[\s\u3000]+", "", result)
    return result


def id_number(value: object) -> IdInfo | None:
    """A resident ID number; a number-typed cell has lost its last digits and is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError("身份证号应为18位文本")
    if isinstance(value, int | float):
        raise CellError(NUMBER_CELL.format(label="身份证号", shown=shown_number(value)), LOST)
    raw = re.sub(r"[\s\u3000]+", "", str(value)).lstrip("'")
    if not raw:
        return None
    if _SCIENTIFIC.match(raw):
        raise CellError(NUMBER_CELL.format(label="身份证号", shown=raw), LOST)
    try:
        return parse_id_number(raw)
    except IdNumberError as exc:
        raise CellError(str(exc)) from None


def digits(value: object, label: str) -> str | None:
    """Phone or account numbers as text; a long number-typed cell has lost digits."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = shown_number(value)
        if len(shown) > 15:
            raise CellError(NUMBER_CELL.format(label=label, shown=shown), LOST)
        return shown
    result = text(value)
    return re.sub(r"[\s\u3000]+", "", result) if result else None


def date(value: object, notes: list[str]) -> dt.date | None:
    """A date in any form of §10; a number like 1987.05 is year and month."""
    if isinstance(value, float) and 1900 < value < 2101 and not value.is_integer():
        year, _, fraction = repr(value).partition(".")
        month = 10 if fraction == "1" else int(fraction)  # 1987.10 arrives as 1987.1
        if len(fraction) > 2 or not 1 <= month <= 12:
            raise CellError(
                f"「{value}」不是可识别的日期（可用 1987-05-03、1987.05、1987年5月 等）"
            )
        if fraction == "1":
            notes.append(f"数字{value}按{year}年10月读取；如为1月请写作“{year}.01”")
        return dt.date(int(year), month, 1)
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 100000:
        value = str(int(value))  # 198705 or 19870503 typed as a number
    if isinstance(value, dt.time | dt.timedelta):
        raise CellError(f"「{value}」是时间而不是日期")
    if isinstance(value, str) and value.strip() in EMPTY_MARKS:
        return None
    try:
        return parse_date(value)
    except DateParseError as exc:
        raise CellError(str(exc)) from None


_MONTH_ONLY = re.compile(r"^\s*\d{4}\s*[./\-年]\s*\d{1,2}\s*月?\s*$|^\s*\d{6}\s*$")


def month_only(value: object) -> bool:
    """Whether a date cell gives only year and month ("1988.03", 1988.03, "1988年3月", 198803)."""
    if isinstance(value, float) and 1900 < value < 2101 and not value.is_integer():
        return True
    if isinstance(value, int) and not isinstance(value, bool):
        return 190001 <= value <= 210012
    return isinstance(value, str) and bool(_MONTH_ONLY.match(value))


def year(value: object) -> int | None:
    """A year: 2019, "2019", "2019年", "2019年度" or a date."""
    if isinstance(value, dt.date):
        return value.year
    result = text(value)
    if result is None:
        return None
    cleaned = result.removesuffix("年度").removesuffix("年")
    if cleaned.isdigit() and len(cleaned) == 4:
        return int(cleaned)
    try:
        parsed = parse_date(result)
    except DateParseError:
        parsed = None
    if parsed is None:
        raise CellError(f"「{result}」不是年份（应为四位数字，如 2019）")
    return parsed.year


def _chinese_number(numeral: str) -> int | None:
    tens, ten, ones = numeral.partition("十")
    if not ten:
        return _NUMERALS.get(numeral) if len(numeral) == 1 else None
    if len(tens) > 1 or len(ones) > 1 or not {tens, ones} <= {"", *_NUMERALS}:
        return None
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def level(value: object) -> int | None:
    """岗位等级: 3, 3.0, "3", "3级", "三级", "第十二级"."""
    if isinstance(value, bool):
        raise CellError("岗位等级应为整数")
    if isinstance(value, int | float):
        if not float(value).is_integer():  # float-ok: a spreadsheet number, not money
            raise CellError("岗位等级应为整数")
        return int(value)
    result = text(value)
    if result is None:
        return None
    core = result.removeprefix("第").removesuffix("级").removesuffix("档").strip()
    if re.fullmatch(r"\d+(\.0+)?", core):
        return int(float(core))  # float-ok: a spreadsheet number, not money
    number = _chinese_number(core)
    if number is None:
        raise CellError(f"岗位等级「{result}」不是等级数（可写 3、3级、三级）")
    return number


def original_age(value: object) -> int | None:
    """原法定退休年龄 (before the 2025 reform): 50, 55 or 60; "55", "55岁", "55周岁"."""
    if isinstance(value, bool):
        raise CellError("原法定退休年龄应为50、55或60岁")
    if isinstance(value, int | float):
        number: float | int | None = value  # float-ok: a cell holds an age, not money
    else:
        result = text(value)
        if result is None:
            return None
        core = result.removesuffix("周岁").removesuffix("岁").strip()
        number = int(core) if core.isdigit() else None
    if number not in ORIGINAL_AGES:
        given = shown_number(value) if isinstance(value, int | float) else str(value).strip()
        raise CellError(f"原法定退休年龄应为50、55或60岁，实为「{given}」")
    return int(number)


def yes_no(value: object) -> bool | None:
    """是/否 and the marks clerks use for it."""
    if isinstance(value, bool):
        return value
    result = text(value)
    if result is None:
        return None
    answer = result.lower()
    if answer in YES:
        return True
    if answer in NO:
        return False
    raise CellError("应填“是”或“否”")


def choice(
    value: object, allowed: tuple[str, ...], aliases: dict[str, str], label: str
) -> str | None:
    """A vocabulary value by its canonical spelling or an alias."""
    result = text(value)
    if result is None:
        return None
    for candidate in (result, result.replace(" ", ""), re.sub(r"[（(].*[）)]$", "", result)):
        found = vocab.normalise(candidate, allowed, aliases)
        if found:
            return found
    raise CellError(f"{label}应为{'、'.join(allowed)}之一")


def education(value: object, label: str) -> str | None:
    """学历, also written "本科学历", "全日制本科", "大学本科毕业"."""
    result = text(value)
    if result is None:
        return None
    core = result.removeprefix("全日制").removeprefix("在职")
    core = core.removesuffix("毕业").removesuffix("学历").removesuffix("学位")
    for candidate in (result, core):
        found = vocab.normalise(candidate, vocab.EDUCATIONS, EDUCATION_ALIASES)
        if found:
            return found
    raise CellError(f"{label}应为{'、'.join(vocab.EDUCATIONS)}之一")


def certificate_level(value: object) -> str | None:
    """社工证等级; "无", "未持证" mean no certificate."""
    result = text(value)
    if result is None or result in NO_CERTIFICATE:
        return None
    core = result.removesuffix("证书").removesuffix("证").removesuffix("资格")
    for candidate in (result, core):
        found = vocab.normalise(candidate, vocab.CERTIFICATE_LEVELS, CERTIFICATE_ALIASES)
        if found:
            return found
    raise CellError(f"社工证等级应为{'、'.join(vocab.CERTIFICATE_LEVELS)}之一（无证请留空）")


def ethnicity(value: object, notes: list[str]) -> str | None:
    """民族: "汉" and "汉族" alike; a name outside the 56 groups is kept with a note."""
    result = text(value)
    if result is None:
        return None
    if result in ETHNIC_GROUPS:
        return result
    if f"{result}族" in ETHNIC_GROUPS:
        return f"{result}族"
    if result == "蒙":
        return "蒙古族"
    notes.append(f"民族「{result}」不在56个民族名称中，已按原样保存，请核对")
    return result


def post(value: object, posts: tuple[PostRange, ...]) -> PostRange | None:
    """岗位 by a post's code, name or alias in the scale in force."""
    result = text(value)
    if result is None:
        return None
    found = find_post(posts, result) or find_post(posts, re.sub(r"[（(].*[）)]$", "", result))
    if found is None:
        names = "、".join(p.name for p in posts)
        raise CellError(f"岗位「{result}」不在现行薪酬标准中（可用：{names}）")
    return found
