<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../import_dialog.py" line="+111"/>
        <source>Import roster: %1</source>
        <translation>导入花名册：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New (%1)</source>
        <translation>新增（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updated (%1)</source>
        <translation>更新（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Units to create (%1)</source>
        <translation>将新建的单位（%1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export error report…</source>
        <translation>导出错误报告…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm import</source>
        <translation>确认导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correct the errors in the sheet first.</source>
        <translation>请先在表格中改正错误。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing can be imported while the sheet has errors: correct them in the sheet (the error report marks them) and import it again.</source>
        <translation>表格中有错误时不能导入：请在表格中改正（错误报告已标出）后重新导入。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+16"/>
        <source>Export error report</source>
        <translation>导出错误报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The error report was saved to:
%1</source>
        <translation>错误报告已保存到：
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the error report…</source>
        <translation>正在生成错误报告…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import finished: %1 created, %2 updated.</source>
        <translation>导入完成：新增 %1 人，更新 %2 人。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+55"/>
        <source>Community workers: files and pay</source>
        <translation>社区工作者档案与薪酬管理系统</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search name, ID number, community, post or phone</source>
        <translation>搜索姓名、身份证号、社区、岗位或电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In post (active, probation)</source>
        <translation>在岗（在职、试用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All posts</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New worker</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download import template…</source>
        <translation>下载导入模板…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mask ID numbers</source>
        <translation>身份证号脱敏显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Workers</source>
        <translation>人员(&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the roster…</source>
        <translation>正在读取花名册…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 workers in all, %2 shown</source>
        <translation>共 %1 人，显示 %2 人</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../form_widgets.py" line="+54"/>
        <source>not entered</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>OptionalYearSpin</name>
    <message>
        <location line="+32"/>
        <source>not entered</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>OrgTree</name>
    <message>
        <location filename="../org_tree.py" line="+27"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In post</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers in post (active or on probation)</source>
        <translation>在岗人数（在职、试用）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../tasks.py" line="+77"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>WorkerFields</name>
    <message>
        <location filename="../worker_fields.py" line="+67"/>
        <source>18 characters; fills date of birth and sex</source>
        <translation>18位；自动填写出生日期和性别</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Member of the two committees</source>
        <translation>两委成员</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined the party</source>
        <translation>入党时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>人员状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full-time education</source>
        <translation>全日制学历</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highest education</source>
        <translation>最高学历</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>School</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work and post</source>
        <translation>工作与岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started work</source>
        <translation>参加工作时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Started community work</source>
        <translation>进入社区工作时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recruitment channel</source>
        <translation>招聘方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duties</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>岗位等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current level since</source>
        <translation>现等级起始年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate and bank</source>
        <translation>社工证/银行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Social work certificate</source>
        <translation>社工证等级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Obtained on</source>
        <translation>取得日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificates are kept as dated history and are not changed here.</source>
        <translation>社工证按日期记入履历，不在此处修改。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <location filename="../worker_form.py" line="+63"/>
        <source>Edit worker</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New worker</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Correction of the file</source>
        <translation>信息修改</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please check the following:
%1

Save anyway?</source>
        <translation>请核对以下内容：
%1

仍要保存吗？</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="+159"/>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The database address is not valid:
%1</source>
        <translation>数据库地址无效：
%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database could not be opened or prepared:
%1</source>
        <translation>无法打开或准备数据库：
%1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../import_preview.py" line="+57"/>
        <location line="+7"/>
        <location line="+19"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+7"/>
        <location filename="../models.py" line="+55"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <location filename="../models.py" line="+2"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Street / community / grid</source>
        <translation>街道/社区/网格</translation>
    </message>
    <message>
        <location filename="../models.py" line="-4"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highest education</source>
        <translation>最高学历</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duties</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate</source>
        <translation>社工证</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Community start</source>
        <translation>进入社区时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>file_actions</name>
    <message>
        <location filename="../file_actions.py" line="+49"/>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported %1 workers to:
%2</source>
        <translation>已导出 %1 人到：
%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing the roster…</source>
        <translation>正在生成花名册…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Download import template</source>
        <translation>下载导入模板</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The import template was saved to:
%1</source>
        <translation>导入模板已保存到：
%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writing the template…</source>
        <translation>正在生成模板…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rosters (*.xlsx *.xlsm *.csv)</source>
        <translation>花名册 (*.xlsx *.xlsm *.csv)</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../import_dialog.py" line="-149"/>
        <source>Reading and checking %1…</source>
        <translation>正在读取并检查 %1…</translation>
    </message>
    <message>
        <location filename="../import_preview.py" line="-52"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Sheet “%1”, %2 rows: %3 new, %4 to update, %5 unchanged; %6 errors, %7 warnings.</source>
        <translation>工作表「%1」共 %2 行：新增 %3 人，更新 %4 人，未变 %5 人；错误 %6 个，警告 %7 个。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Columns not recognised (ignored): %1</source>
        <translation>未识别的列（已忽略）：%1</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../tasks.py" line="+64"/>
        <source>The action was refused</source>
        <translation>操作未执行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operation failed:
%1</source>
        <translation>操作失败：
%1</translation>
    </message>
</context>
</TS>
