"""The words of the template's 填表说明 sheet: how to fill each roster column (§10, §11)."""

from __future__ import annotations

NEW = "新增必填"
OPTIONAL = "选填"
DATE_FORMS = "日期可写 1987-05-03、1987/5/3、1987.05、1987年5月，或 Excel 日期格式"

GENERAL_NOTES: tuple[str, ...] = (
    "1. 导入按身份证号识别人员：系统中没有的身份证号新增人员，已有的更新其档案。",
    "2. 更新已有人员时，空白单元格表示“不修改”该项；导入不会清空已有内容。",
    "3. 身份证号、联系电话、银行账号必须是文本格式（本模板已设置）。"
    "若身份证号被存成数字，Excel 只保留15位有效数字，末尾几位会丢失且无法还原，导入时将被拒绝。",
    f"4. {DATE_FORMS}。只填年月时按当月1日记录。",
    "5. 区/旗县可不填：不填时新增人员归入导入时选择的区/旗县。"
    "表中出现的新街道、社区、网格会在导入时自动建立，并在导入前列出供核对。",
    "6. 任何一行有错误时整表不导入；可导出错误报告，按“错误说明”列逐行修改后重新导入。",
)

COLUMN_HELP: dict[str, tuple[str, str, str]] = {
    "seq": (OPTIONAL, "序号，导入时不使用", "1"),
    "district": (OPTIONAL, "所属区/旗县；不填则为导入时选择的区/旗县", "示范区"),
    "street": (NEW, "所属街道/乡镇；系统中没有的将自动建立", "新华街道"),
    "community": (NEW, "所在社区/村；系统中没有的将自动建立", "光明社区"),
    "grid": (OPTIONAL, "所在网格，专职网格员填写", "第一网格"),
    "name": (NEW, "姓名", "张三"),
    "sex": (OPTIONAL, "男或女；不填时按身份证号确定，填写时须与身份证号一致", "女"),
    "ethnicity": (OPTIONAL, "民族全称，不填默认为汉族", "汉族"),
    "id_number": (NEW, "18位居民身份证号码，末位可为X；须为文本格式", "11010519491231002X"),
    "birth_date": (OPTIONAL, f"不填时按身份证号确定，填写时须一致。{DATE_FORMS}", "1949-12-31"),
    "retirement_age": (
        OPTIONAL,
        "改革前的法定退休年龄：50、55或60岁（女职工50或55岁）；不填按本地区默认值（男60岁、女50岁）",
        "55",
    ),
    "retires": (
        "只读",
        "导出时按出生日期、性别和原法定退休年龄，依渐进式延迟法定退休年龄计算；导入时不读取",
        "2037-04-30",
    ),
    "political_status": (
        OPTIONAL,
        "中共党员、中共预备党员、共青团员、群众、民主党派；不填为群众",
        "中共党员",
    ),
    "party_join_date": (OPTIONAL, f"入党时间。{DATE_FORMS}", "2010.07"),
    "fulltime_education": (
        OPTIONAL,
        "全日制教育取得的学历：高中/中专、大专、本科、硕士、博士",
        "大专",
    ),
    "highest_education": (OPTIONAL, "最高学历（含在职教育），选项同上", "本科"),
    "school": (OPTIONAL, "最高学历的毕业院校", "内蒙古大学"),
    "major": (OPTIONAL, "所学专业", "社会工作"),
    "work_start_date": (OPTIONAL, f"参加工作时间。{DATE_FORMS}", "2012-07-01"),
    "community_start_date": (OPTIONAL, f"进入社区工作时间。{DATE_FORMS}", "2015年3月"),
    "recruitment_channel": (OPTIONAL, "市招、区招、选任、依规转入、其他", "区招"),
    "duties": (OPTIONAL, "书记、主任、一肩挑、副书记、副主任、委员、专职社工、网格员", "专职社工"),
    "is_committee_member": (OPTIONAL, "是或否；不填为否", "否"),
    "post": (NEW, "岗位名称，须为现行薪酬标准中的岗位", "其他社区工作者"),
    "level": (NEW, "岗位等级，整数，可写 3、3级、三级，须在本岗位的等级范围内", "3"),
    "level_start_year": (OPTIONAL, "现等级从哪一年开始，四位年份", "2021"),
    "certificate_level": (
        OPTIONAL,
        "助理社会工作师、社会工作师、高级社会工作师；无证不填",
        "助理社会工作师",
    ),
    "certificate_obtained": (OPTIONAL, f"社工证取得日期。{DATE_FORMS}", "2019-06-16"),
    "certificate_registered": (
        OPTIONAL,
        f"社工证登记日期，不早于取得日期。{DATE_FORMS}",
        "2019-09-01",
    ),
    "phone": (OPTIONAL, "手机或固定电话；须为文本格式", "13800000000"),
    "bank_name": (OPTIONAL, "工资卡开户银行及网点", "中国工商银行呼和浩特新华支行"),
    "bank_account": (
        OPTIONAL,
        "工资卡号；须为文本格式，未通过校验时提示核对但不拒绝",
        "6222020200112233446",
    ),
    "status": (OPTIONAL, "在职、试用、离职、退休、调出；不填为在职", "在职"),
    "remarks": (OPTIONAL, "其他需要说明的情况", ""),
}
