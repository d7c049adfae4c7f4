<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountPicker</name>
    <message>
        <location filename="../payroll/accounts.py" line="+43"/>
        <source>Reading the accounts…</source>
        <translation>正在读取账号…</translation>
    </message>
</context>
<context>
    <name>AdjustRunsDialog</name>
    <message>
        <location filename="../adjustment/runs.py" line="+39"/>
        <source>Adjustment runs</source>
        <translation>调级批次</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>Delete plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading the runs…</source>
        <translation>正在读取调级批次…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 runs</source>
        <translation>共 %1 个批次</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reading run %1…</source>
        <translation>正在读取调级批次 %1……</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+21"/>
        <source>Revert run %1</source>
        <translation>撤销批次 %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Reverting restores the post and level every worker of run %1 had before it, taking back %2. It is refused if a payroll already used the run or if someone was changed since.</source>
        <translation>撤销后，批次 %1 涉及的每个人恢复调级前的岗位和等级，收回：%2。如已有工资使用了该批次，或其后有人员变动，将拒绝撤销。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revert</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The run was reverted: %1 workers restored.</source>
        <translation>批次已撤销：已恢复 %1 人。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reverting…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete the plan of run %1? Nobody&apos;s level has been changed by it.</source>
        <translation>删除批次 %1 的调级计划？该计划尚未改变任何人的等级。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
</context>
<context>
    <name>AdjustWizard</name>
    <message>
        <location filename="../adjustment/wizard.py" line="+53"/>
        <source>1  Prepare</source>
        <translation>1  准备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2  Review the plan</source>
        <translation>2  审查计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3  Approve</source>
        <translation>3  审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4  Apply</source>
        <translation>4  应用</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Yearly grade adjustment</source>
        <translation>年度调级调薪</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>‹ Back</source>
        <translation>‹ 上一步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Prepare the plan ›</source>
        <translation>准备调级计划 ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next: approval ›</source>
        <translation>下一步：审核 ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next: apply ›</source>
        <translation>下一步：应用 ›</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reading the runs…</source>
        <translation>正在读取调级批次…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the roster…</source>
        <translation>正在读取人员信息…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+15"/>
        <source>Reading the plan…</source>
        <translation>正在读取调级计划…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the accounts…</source>
        <translation>正在读取用户…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preparing the %1 adjustment…</source>
        <translation>正在准备%1年度调级…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saving the decision…</source>
        <translation>正在保存处理意见…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Approving…</source>
        <translation>正在审核…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply run %1 now? The post and level of these people change: %2. Their files, their history and the audit log are written in one step.</source>
        <translation>现在应用调级批次 %1 吗？将改变以下人员的岗位等级：%2。人员档案、变动记录和审计日志一次写入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply the plan</source>
        <translation>应用调级方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Applying the adjustment…</source>
        <translation>正在应用调级…</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <location filename="../adjustment/approve.py" line="+174"/>
        <source>Apply the plan now</source>
        <translation>立即应用调级计划</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export result (.xlsx)…</source>
        <translation>导出调级结果（.xlsx）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print notices (PDF)…</source>
        <translation>打印调级通知（PDF）…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Applying writes the new post and level of %1 people, effective %2, in one step, with their history and an audit record. It refuses if anyone&apos;s post or level changed since the plan was prepared. The whole run can be reverted while no payroll has used it.</source>
        <translation>应用将一次性写入 %1 人的新岗位和等级（%2 起生效），同时记入岗位等级历史和操作日志。如果计划准备后有人的岗位或等级发生变化，将拒绝应用。在尚无工资使用该批次之前，可以整体撤销。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Applied by %1: the run is %2.</source>
        <translation>由 %1 应用：批次状态为%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 workers&apos; files were updated, %2 of them with a new post or level.</source>
        <translation>已更新 %1 人的档案，其中 %2 人岗位等级调整。</translation>
    </message>
</context>
<context>
    <name>AppraisalGrid</name>
    <message>
        <location filename="../adjustment/appraisal_grid.py" line="+148"/>
        <location line="+82"/>
        <source>Appraisal entry</source>
        <translation>考核结果录入</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Save grades</source>
        <translation>保存考核结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year</source>
        <translation>考核年度</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Reading the communities…</source>
        <translation>正在读取社区…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading the grades…</source>
        <translation>正在读取考核结果…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discard the grades not saved yet?</source>
        <translation>放弃尚未保存的考核结果？</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 workers, %2 graded · %3: %4 (quota %5%, at most %6)</source>
        <translation>在岗 %1 人，已录入 %2 人 · %3：%4 人（比例 %5%，最多 %6 人）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 not saved</source>
        <translation>%1 人未保存</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saving the grades…</source>
        <translation>正在保存考核结果…</translation>
    </message>
</context>
<context>
    <name>ApprovePage</name>
    <message>
        <location filename="../adjustment/approve.py" line="-172"/>
        <source>Add an approver account…</source>
        <translation>添加审核员账号…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve the plan</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Approve as</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Prepared by %1. A plan is approved by a second user (an approver), not by the person who prepared it.</source>
        <translation>准备人：%1。调级计划须由准备人以外的审核员审核（双人复核）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approved by %1.</source>
        <translation>已由 %1 审核。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I, %1, have checked the plan and approve it.</source>
        <translation>本人（%1）已核对调级计划，同意审核通过。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 prepared this plan and cannot approve it: choose another account, or add an approver account.</source>
        <translation>%1是本调级计划的准备人，不能审核：请选择其他账号，或添加审核员账号。</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../accounts/audit_window.py" line="+60"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a worker&apos;s ID number</source>
        <translation>人员身份证号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in old and new values and notes</source>
        <translation>在原值、新值和备注中查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object no.</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+96"/>
        <location line="+57"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 entries found, %2 shown.</source>
        <translation>共找到 %1 条记录，已显示 %2 条。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No entry selected.</source>
        <translation>未选择记录。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>audit log.xlsx</source>
        <translation>审计日志.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 entries exported to %2.</source>
        <translation>已导出 %1 条记录到 %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting the audit log…</source>
        <translation>正在导出审计日志…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../system/backup_dialog.py" line="+75"/>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backups are kept in %1</source>
        <translation>备份保存在 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A server database is backed up by its administrator with pg_dump.</source>
        <translation>服务器数据库（PostgreSQL）由数据库管理员用 pg_dump 备份。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore this backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema revision</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last locked payroll</source>
        <translation>最后锁定的工资月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last applied adjustment</source>
        <translation>最后应用的调级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 active)</source>
        <translation>%1人（在职%2人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 adjustment (run %2), applied %3</source>
        <translation>%1年度调级（批次%2），%3应用</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace the current database with the backup made %1 (%2)?

Everything entered since then will no longer be shown; the current data is first saved as another backup, so this can be undone.</source>
        <translation>用 %1 的备份（%2）替换当前数据库？

此后录入的内容将不再显示；当前数据会先另存为一份备份，可以再恢复回来。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>BankLayoutDialog</name>
    <message>
        <location filename="../payroll/exports.py" line="+140"/>
        <source>Bank file layout</source>
        <translation>代发格式</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Layout</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 file; columns: %2</source>
        <translation>%1 文件；列：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
</context>
<context>
    <name>BankLayoutEditor</name>
    <message>
        <location filename="../payroll/bank_layout_editor.py" line="+55"/>
        <location line="+114"/>
        <source>Bank file layouts</source>
        <translation>银行代发格式</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as new</source>
        <translation>复制为新格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Layouts</source>
        <translation>代发格式</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reading the layouts…</source>
        <translation>正在读取代发格式…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · built-in</source>
        <translation> · 内置</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Discard the changes not saved?</source>
        <translation>放弃尚未保存的修改？</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>A new layout: enter its name and the bank&apos;s columns, then save.</source>
        <translation>新建代发格式：填写名称和银行要求的各列，然后保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A copy of %1: change what the bank needs, then save.</source>
        <translation>%1 的副本：按银行要求修改后保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save layout</source>
        <translation>保存代发格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A layout named %1 exists. Replace it?</source>
        <translation>已有名为「%1」的代发格式。是否替换？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout %1 saved.</source>
        <translation>代发格式「%1」已保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the layout…</source>
        <translation>正在保存代发格式…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Delete layout</source>
        <translation>删除代发格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the layout %1? Bank files already written are not affected.</source>
        <translation>删除代发格式「%1」？已生成的代发文件不受影响。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Layout %1 deleted.</source>
        <translation>代发格式「%1」已删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleting the layout…</source>
        <translation>正在删除代发格式…</translation>
    </message>
</context>
<context>
    <name>BoundsDialog</name>
    <message>
        <location filename="../payroll/rates_dialogs.py" line="+169"/>
        <source>New contribution bounds</source>
        <translation>新增缴费基数上下限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yuan, e.g. 4863</source>
        <translation>元，如 4863</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yuan, e.g. 24315</source>
        <translation>元，如 24315</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ceiling</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>BudgetWindow</name>
    <message>
        <location filename="../stats/budget_window.py" line="+92"/>
        <source>Pay bill projection</source>
        <translation>工资总额测算</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>From year</source>
        <translation>起始年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years</source>
        <translation>测算年数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenarios (the baseline is always shown)</source>
        <translation>情景（基线总会列出）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load file…</source>
        <translation>读取文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the chosen scenario as a file (the command line reads it too)</source>
        <translation>把选中的情景保存为文件（命令行也能读取）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Calculate</source>
        <translation>测算</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Add scenario</source>
        <translation>添加情景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the form&apos;s scenario to the list as a new one</source>
        <translation>把表单中的情景作为新情景加入列表</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scenario “%1” (changes apply to it)</source>
        <translation>情景「%1」（修改即生效）</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+8"/>
        <source>Load a scenario</source>
        <translation>读取情景文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+14"/>
        <source>Save the scenario</source>
        <translation>保存情景</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Projecting the pay bill…</source>
        <translation>正在测算工资总额…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Of these people, %1 are past their statutory retirement and are not counted.</source>
        <translation>其中%1名在职人员已过法定退休时间，未计入测算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 people; assumptions are listed in the exports.</source>
        <translation>测算%1人；测算假设列在导出的表中（鼠标停留可查看）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Total labour cost per year (10,000 yuan)</source>
        <translation>各年人工成本合计（万元）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Export the projection</source>
        <translation>导出工资总额测算</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>CareerTabs</name>
    <message>
        <location filename="../careers/tabs.py" line="+178"/>
        <source>Register / renew…</source>
        <translation>登记/续期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct registration date…</source>
        <translation>更正登记日期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>变动…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Social-work certificates</source>
        <translation>社工证</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promotion pipeline</source>
        <translation>晋升通道</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading certificates, training and pipeline…</source>
        <translation>正在读取证书、培训和晋升通道…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 of %3 hours</source>
        <translation>%1年：已完成 %2 学时，目标 %3 学时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, short by %1</source>
        <translation>，差 %1 学时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Continuing education %1 to %2: %3 of %4 hours</source>
        <translation>继续教育（%1 至 %2）：已完成 %3 学时，要求 %4 学时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no changes recorded</source>
        <translation>尚无变动记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest: %1</source>
        <translation>最近一次：%1</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CertificatePlanDialog</name>
    <message>
        <location filename="../careers/certificate_files.py" line="+78"/>
        <source>Import certificates: %1</source>
        <translation>导入社工证：%1</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../accounts/password_change.py" line="+30"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your current password, then the new one twice.</source>
        <translation>请输入当前密码，再输入两次新密码。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../system/connection_dialog.py" line="+90"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No database was found on this computer. Keep the data in a file on this computer (one clerk), or connect to your city&apos;s database server (many clerks).</source>
        <translation>本机尚无数据库。可以把数据保存在本机的数据库文件中（单人使用），或连接到本市的数据库服务器（多人共用）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where this computer&apos;s program keeps its data. A change takes effect when the program is started again; the command line on this computer uses it too.</source>
        <translation>本机程序的数据保存在哪里。修改后在下次启动程序时生效；本机的命令行也使用这一设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A database file on this computer</source>
        <translation>本机数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A database server (PostgreSQL)</source>
        <translation>数据库服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open another…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>e.g. db.city.gov.cn or 10.1.2.3</source>
        <translation>如 db.city.gov.cn 或 10.1.2.3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remember the password (in the system&apos;s credential store)</source>
        <translation>记住密码（保存在系统的凭据管理器中）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer has no credential store: the password is asked at each start (or kept by the database administrator in PostgreSQL&apos;s password file).</source>
        <translation>本机没有可用的凭据管理器：每次启动时询问密码（或由数据库管理员写入 PostgreSQL 的密码文件 pgpass）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encryption:</source>
        <translation>加密方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose the database file.</source>
        <translation>请选择数据库文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill in the server, the database and the user name.</source>
        <translation>请填写服务器、数据库和用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the CA certificate file that signed the server&apos;s certificate.</source>
        <translation>请选择签发服务器证书的 CA 证书文件。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The password could not be kept in the system&apos;s credential store: it will be asked at each start.</source>
        <translation>无法把密码保存到系统的凭据管理器：每次启动时将询问密码。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a database file</source>
        <translation>打开数据库文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>Database (*.db)</source>
        <translation>数据库文件 (*.db)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the database to</source>
        <translation>把数据库移动到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That file exists already.</source>
        <translation>该文件已存在。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copied. Save, then start the program again: it will use the new place. The old file stays where it was until you delete it.</source>
        <translation>已复制。请保存，然后重新启动程序：将使用新位置的数据库。原文件仍保留在原处，确认无误后可自行删除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.crt *.pem)</source>
        <translation>证书文件 (*.crt *.pem)</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../payroll/opening.py" line="+115"/>
        <source>Correct the opening figures of %1</source>
        <translation>更正%1的期初累计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why (kept in the audit log)</source>
        <translation>更正理由（记入审计日志）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Through</source>
        <translation>所属期止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Amounts are yuan, not negative, at most two decimals.</source>
        <translation>金额以元为单位，不能为负数，最多两位小数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write why the figures are corrected.</source>
        <translation>请填写更正理由。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../careers/dialogs.py" line="+44"/>
        <source>Correct a registration date: %1</source>
        <translation>更正登记日期：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The allowance and the ladder credit follow the corrected first registration.</source>
        <translation>津贴和等级晋升按更正后的首次登记日期计算。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Registration entered as</source>
        <translation>原登记日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct date</source>
        <translation>正确日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>更正原因</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <location filename="../system/startup_check.py" line="+121"/>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database file is damaged. Nothing more will be written.</source>
        <translation>数据库文件已损坏，本程序不再写入任何数据。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the check found:</source>
        <translation>完整性检查发现的问题：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newest intact backup (passes the full integrity check)</source>
        <translation>最近一份完好的备份（已通过完整性检查）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last locked payroll</source>
        <translation>最后锁定的工资月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore this backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Only an administrator can restore a backup: quit, and let them log in.</source>
        <translation>恢复备份须由管理员操作：请退出本程序，由管理员登录后恢复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No intact backup was found beside the database file.</source>
        <translation>数据库文件旁没有找到完好的备份。请退出本程序，把数据库文件交技术人员检查。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace the damaged database with the backup made %1 (%2)?

Everything entered since then will no longer be shown. The damaged file is kept as another backup.</source>
        <translation>用 %1 的备份（%2）替换已损坏的数据库？

此后录入的内容将不再显示；已损坏的文件另存为一份备份。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../stats/page.py" line="+48"/>
        <location line="+1"/>
        <source>Dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indicators and charts of the selected unit</source>
        <translation>所选单位的统计指标和图表</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../stats/dashboard.py" line="+115"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The statistics table of the unit shown, to print or save</source>
        <translation>当前单位的统计表，可打印或保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the dashboard shows, as an Excel workbook or a PDF with charts</source>
        <translation>把看板上的统计导出为 Excel 工作簿或带图表的 PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workers in post</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bachelor&apos;s degree or above</source>
        <translation>本科以上学历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average age</source>
        <translation>平均年龄（岁）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under 35</source>
        <translation>35岁以下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certified social workers</source>
        <translation>持证率（社工证）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee members</source>
        <translation>两委成员</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Double-click a unit to select it in the tree</source>
        <translation>双击单位可在左侧组织树中选中它</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>As of</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+21"/>
        <source>Units one level down</source>
        <translation>下级单位</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The statistics could not be read: %1</source>
        <translation>无法读取统计数据：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counting the statistics…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In post on %1 (active or on probation); compared with %2</source>
        <translation>在职、试用人员，统计日期 %1，同比日期 %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Writing the statistics…</source>
        <translation>正在生成统计表…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the statistics</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting the statistics…</source>
        <translation>正在导出统计表…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 people · %2 points</source>
        <translation>%1人 · 同比 %2 个百分点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Year on year %1</source>
        <translation>同比 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A year earlier: %1. Click to list the people.</source>
        <translation>上年同期：%1。单击查看人员名单。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training this year: %1 attendances, %2 hours</source>
        <translation>本年培训：%1人次，%2学时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adjustment %1: %2 person-times, %3 yuan a year</source>
        <translation>%1年度调级：%2人次，年增加资金 %3 元</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payroll cost %1: %2 yuan</source>
        <translation>%1 人工成本：%2 元</translation>
    </message>
</context>
<context>
    <name>DeclarationDialog</name>
    <message>
        <location filename="../payroll/deductions_dialogs.py" line="+34"/>
        <source>Correct a declaration</source>
        <translation>更正申报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a declaration</source>
        <translation>录入申报</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the months the old or the new declaration covers must not be paid yet.</source>
        <translation>%1：更正前后申报所涵盖的月份均须尚未发放（未审核、未锁定）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>18-digit ID number</source>
        <translation>18位身份证号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yuan a month</source>
        <translation>每月金额（元）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ends in</source>
        <translation>截止月份</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>扣除项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly amount</source>
        <translation>每月扣除额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DeductionsWindow</name>
    <message>
        <location filename="../payroll/deductions_window.py" line="+101"/>
        <source>Special additional deductions</source>
        <translation>专项附加扣除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name or ID number</source>
        <translation>姓名或身份证号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add…</source>
        <translation>录入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End…</source>
        <translation>截止…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import sheet…</source>
        <translation>导入申报表…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Reading the declarations…</source>
        <translation>正在读取申报…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 declarations of %2 people; in force in %3: %4 a month in total.</source>
        <translation>共%1条申报，涉及%2人；%3有效的扣除合计每月%4元。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Delete a declaration</source>
        <translation>删除申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1&apos;s declaration of %2, entered by mistake?</source>
        <translation>删除%1误录的“%2”申报？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import declarations</source>
        <translation>导入专项附加扣除申报</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sheet %1: %2 rows, %3 declarations for %4 people to add.</source>
        <translation>工作表「%1」：%2行，将录入%4人的%3条申报。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import declarations: %1</source>
        <translation>导入专项附加扣除申报：%1</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../payroll/deductions_dialogs.py" line="+32"/>
        <source>End a declaration</source>
        <translation>申报截止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2: the last month it is deducted.</source>
        <translation>%1，%2：最后扣除的月份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last month</source>
        <translation>截止月份</translation>
    </message>
</context>
<context>
    <name>FigureChart</name>
    <message>
        <location filename="../stats/charts.py" line="+121"/>
        <source>Click a bar to list the people behind it</source>
        <translation>单击柱条查看对应人员名单</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../widgets/form_dialog.py" line="+41"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>GroupTotals</name>
    <message>
        <location filename="../adjustment/review.py" line="+52"/>
        <source>By district</source>
        <translation>按区/旗县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By street</source>
        <translation>按街道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By post</source>
        <translation>按岗位</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../idle_lock.py" line="+61"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window was locked after a time without use. Enter your password.</source>
        <translation>窗口因长时间未操作已锁定，请输入密码解锁。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../roster/import_dialog.py" line="+104"/>
        <source>Import roster: %1</source>
        <translation>导入花名册：%1</translation>
    </message>
    <message>
        <location line="+70"/>
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
        <location line="-71"/>
        <source>Export error report…</source>
        <translation>导出错误报告…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm import</source>
        <translation>确认导入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import only the rows without errors (%1 rows with errors are left out)</source>
        <translation>仅导入无误的行（有错误的 %1 行不导入）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The rows with errors are written, unchanged and with a 问题 column, to a workbook beside the file: correct them there and import that workbook again.</source>
        <translation>有错误的行原样写入原文件旁的工作簿（加“问题”列说明原因）：在那里改正后再导入该工作簿。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Correct the errors in the sheet first.</source>
        <translation>请先在表格中改正错误。</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Nothing can be imported while the sheet has errors: correct them in the sheet (the error report marks them) and import it again.</source>
        <translation>表格中有错误时不能导入：请在表格中改正（错误报告已标出）后重新导入。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Import “%1”: %2 workers will be added, %3 updated; %4 stay unchanged.</source>
        <translation>导入“%1”：将新增 %2 人，更新 %3 人；%4 人未变。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 streets, communities or grids will be created.</source>
        <translation>将新建街道、社区或网格 %1 个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows with errors are not imported; they are written to %2 to correct.</source>
        <translation>有错误的 %1 行不导入，原样写入“%2”供改正。</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+4"/>
        <location line="+20"/>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import finished: %1 created, %2 updated.</source>
        <translation>导入完成：新增 %1 人，更新 %2 人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 rows with errors were not imported. They were written, unchanged and with a 问题 column, to:
%2
Correct them there and import that workbook again.</source>
        <translation>有错误的 %1 行未导入，已原样写入（加“问题”列）：
%2
请在该工作簿中改正后再导入。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../payroll/item_dialog.py" line="+49"/>
        <source>Add a pay item</source>
        <translation>录入工资项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> and %1 more</source>
        <translation> 等，另有 %1 人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. heating allowance</source>
        <translation>如：取暖补贴</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yuan; negative for a deduction</source>
        <translation>元；扣款填负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxable</source>
        <translation>计税</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counts towards the contribution base</source>
        <translation>计入缴费基数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deducted after tax (a negative amount)</source>
        <translation>税后扣款（金额为负数）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year-end bonus (one payment a year)</source>
        <translation>全年一次性奖金（每年一次）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As the region&apos;s rule says</source>
        <translation>按本地区规定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxed separately (monthly table on bonus ÷ 12)</source>
        <translation>单独计税（奖金÷12按月度税率表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into this month&apos;s wages</source>
        <translation>并入当月综合所得</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Workers</source>
        <translation>职工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bonus tax</source>
        <translation>奖金计税方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ItemsGrid</name>
    <message>
        <location filename="../payroll/items_grid.py" line="+100"/>
        <source>Items of %1</source>
        <translation>%1 一次性项目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by name, ID number or item</source>
        <translation>按姓名、身份证号或项目筛选</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add for the %1 selected…</source>
        <translation>为所选%1人录入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add for workers…</source>
        <translation>选择人员录入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import sheet…</source>
        <translation>导入项目表…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading the items…</source>
        <translation>正在读取工资项目…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not calculated yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A locked month&apos;s items never change: enter a correction (补发 or 扣回) as an item in a later month.</source>
        <translation>已锁定月份的项目不会再变更：如需更正，请在以后月份录入补发或扣回项目。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Items can no longer change: return the month first.</source>
        <translation>项目不能再变更：请先退回该月工资。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 items for %2 people, total %3</source>
        <translation>共%1条项目，涉及%2人，金额合计%3</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The month must be calculated again before approval.</source>
        <translation>该月工资须重新计算后才能审核。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 items added.</source>
        <translation>已录入%1条项目。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Remove items</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 items (%2)?</source>
        <translation>删除%1条项目（%2）？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 items removed.</source>
        <translation>已删除%1条项目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import items</source>
        <translation>导入工资项目</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sheet %1: %2 items for %3 people (%4), total %5.</source>
        <translation>工作表「%1」：可导入%3人的%2条项目（%4），金额合计%5。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import items: %1</source>
        <translation>导入工资项目：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 items imported.</source>
        <translation>已导入%1条项目。</translation>
    </message>
</context>
<context>
    <name>LayoutFiles</name>
    <message>
        <location filename="../payroll/bank_layout_files.py" line="+39"/>
        <source>Import a layout</source>
        <translation>导入代发格式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout %1 imported.</source>
        <translation>代发格式「%1」已导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing the layout…</source>
        <translation>正在导入代发格式…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export the layout</source>
        <translation>导出代发格式</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout %1 exported to %2.</source>
        <translation>代发格式「%1」已导出到 %2。</translation>
    </message>
</context>
<context>
    <name>LayoutForm</name>
    <message>
        <location filename="../payroll/bank_layout_form.py" line="+61"/>
        <source>e.g. 中国工商银行</source>
        <translation>如：中国工商银行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the column titles above the rows</source>
        <translation>明细上方写列标题行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One header line per line, e.g. 总笔数,{count}</source>
        <translation>每行一行表头，如：总笔数,{count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placeholders: {unit} paying unit, {month} month, {bank} bank, {count} number of transfers, {total} total amount</source>
        <translation>可用占位符：{unit} 付款单位，{month} 月份，{bank} 银行，{count} 总笔数，{total} 总金额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Placeholders: {unit} and {month}</source>
        <translation>可用占位符：{unit} 和 {month}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column title</source>
        <translation>列标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Width</source>
        <translation>列宽</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add column</source>
        <translation>添加列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding (CSV)</source>
        <translation>编码（CSV）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amounts</source>
        <translation>金额格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header lines</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memo (摘要)</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Columns, in the order of the file</source>
        <translation>各列（按文件中的顺序）</translation>
    </message>
</context>
<context>
    <name>LayoutPreview</name>
    <message>
        <location filename="../payroll/bank_layout_preview.py" line="+118"/>
        <source>Preview of a calculated month</source>
        <translation>预览（已计算的月份）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Bank file preview</source>
        <translation>代发文件预览</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>… %1 transfers in all</source>
        <translation>…… 共 %1 笔</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the month…</source>
        <translation>正在读取工资月份…</translation>
    </message>
</context>
<context>
    <name>LevelsChart</name>
    <message>
        <location filename="../stats/charts.py" line="+18"/>
        <source>Levels by post (people)</source>
        <translation>岗位等级分布（人）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Click a bar to list the people behind it</source>
        <translation>单击柱条查看对应人员名单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+65"/>
        <source>Community workers: files and pay</source>
        <translation>社区工作者档案与薪酬管理系统</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+20"/>
        <source>Workers</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <source>Print roster (PDF)…</source>
        <translation>打印花名册（PDF）…</translation>
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
        <location line="+15"/>
        <source>Backup and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Workers</source>
        <translation>人员(&amp;W)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+50"/>
        <source>Loading the roster…</source>
        <translation>正在读取花名册…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The first %1 workers, %2 shown; loading the rest…</source>
        <translation>已先显示前 %1 人中的 %2 人，其余正在读取…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 workers in all, %2 shown</source>
        <translation>共 %1 人，显示 %2 人</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>MonthActions</name>
    <message>
        <location filename="../payroll/window_actions.py" line="+62"/>
        <source>Calculating the payroll…</source>
        <translation>正在计算工资…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saving the items…</source>
        <translation>正在保存工资项目…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>approve the month</source>
        <translation>审核当月工资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approving…</source>
        <translation>正在审核…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 cannot %2: only a %3 can. Choose such an account under Act as.</source>
        <translation>%1 不能%2：只有%3可以办理。请在「办理人」中选择这样的账号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not this account</source>
        <translation>该账号不能办理</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>… %1 more</source>
        <translation>…另有 %1 人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not paid through the bank</source>
        <translation>不经银行代发的人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The month is approved. %1 people will not be in the bank file; they go on its list of pay given otherwise or not paid:</source>
        <translation>本月工资已审核。以下 %1 人不列入银行代发文件，将列入随代发文件生成的另行发放/未发放名单：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Return the month</source>
        <translation>退回工资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is %1 returned? The reason is kept in the audit log.</source>
        <translation>%1工资退回的理由（记入操作日志）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Returning…</source>
        <translation>正在退回…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>lock the month</source>
        <translation>锁定当月工资</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock %1: %2 people, net pay %3 yuan in total? A locked month is final: nothing can change it again, from any screen or command. Corrections are then entered as items in a later month.</source>
        <translation>锁定%1：%2 人，实发合计 %3 元？锁定表示本月工资已发放、已定稿，之后不能再修改；如需更正，请在以后月份录入补发或扣回项目。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lock the month</source>
        <translation>锁定工资月份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locking…</source>
        <translation>正在锁定…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Discard the calculation</source>
        <translation>撤销计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard the calculation of %1? %2 people, gross %3, tax %4, net %5. All its payslips are removed; the month can then be calculated again.</source>
        <translation>撤销%1的工资计算？共%2人，应发合计%3，个税%4，实发合计%5。该月全部工资条将被删除，之后可重新计算。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Discarding…</source>
        <translation>正在撤销计算…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the month…</source>
        <translation>正在读取工资月份…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verifying…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify the month</source>
        <translation>核对工资月份</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../careers/dialogs.py" line="+8"/>
        <source>Pipeline change: %1</source>
        <translation>晋升通道变动：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stage</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve target</source>
        <translation>后备方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>变动原因</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <location filename="../payroll/opening.py" line="+19"/>
        <source>Opening figures</source>
        <translation>期初累计</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name or ID number</source>
        <translation>姓名或身份证号</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A unit that starts using the program during the year records here what it paid and withheld from January up to the month before: the first month calculated continues the cumulative withholding from these figures. Import the sheet the withholding client exports (身份证号, 姓名, 所属期止, 累计收入额, 累计免税收入, 累计专项扣除, 累计专项附加扣除, 累计其他扣除, 累计已预缴税额).</source>
        <translation>年中开始使用本系统的单位，在此录入当年1月至开始前一个月已发放和已预缴的累计数：本系统计算的第一个月从这些累计数接续累计预扣个税。请导入扣缴客户端导出的表（身份证号、姓名、所属期止、累计收入额、累计免税收入、累计专项扣除、累计专项附加扣除、累计其他扣除、累计已预缴税额）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import sheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+17"/>
        <source>Reading the opening figures…</source>
        <translation>正在读取期初累计…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Year %1: opening figures through month %2 for %3 people; income %4, tax withheld %5. The payroll of year %1 starts in month %6.</source>
        <translation>%1年：期初累计截至%2月，共%3人；累计收入额%4，累计已预缴税额%5。%1年的工资从%6月开始计算。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 rows withheld other than the figures give: check them with the client.</source>
        <translation>有%1行的累计已预缴税额与按累计数计算的结果不同，请与扣缴客户端核对。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Year %1 has no opening figures: its payroll starts in January.</source>
        <translation>%1年没有期初累计：工资从1月开始计算。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Delete opening figures</source>
        <translation>删除期初累计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why are %1&apos;s opening figures deleted? The reason is kept in the audit log.</source>
        <translation>为什么删除%1的期初累计？理由将记入审计日志。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import opening figures</source>
        <translation>导入期初累计</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sheet %1: %2 people through %3; %4 new, %5 changed, %6 unchanged.</source>
        <translation>工作表“%1”：%2人，所属期止%3；新增%4人，变更%5人，未变%6人。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import opening figures: %1</source>
        <translation>导入期初累计：%1</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../widgets/inputs.py" line="+54"/>
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
        <location filename="../widgets/org_tree.py" line="+27"/>
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
    <name>OverrideDialog</name>
    <message>
        <location filename="../adjustment/override.py" line="+76"/>
        <source>The rules propose: %1 → %2.</source>
        <translation>按规则：%1 → %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exclude or set the level: %1</source>
        <translation>排除或调整等级：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exclude from this run (no change this year)</source>
        <translation>排除在本次调级之外（本年度不调整）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the new level to</source>
        <translation>新等级调整为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the proposal (%1)</source>
        <translation>恢复按规则调整（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> level</source>
        <translation> 级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: levels %2–%3</source>
        <translation>%1：%2–%3级</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <location filename="../payroll/exports.py" line="-116"/>
        <source>Paper for printing</source>
        <translation>打印纸张</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On A4 the columns of a street sheet are split over facing pages with the names repeated; A3 fits more columns on a page. The text stays at least 8 points.</source>
        <translation>用 A4 纸时，街道表的列分到相邻几页打印，每页重复姓名列；用 A3 纸每页能放下更多列。两种纸张的字号都不小于 8 磅。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../accounts/login_dialog.py" line="+67"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 8 characters, not only digits, not the user name.</source>
        <translation>至少8个字符，不能全是数字，不能与用户名相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Sign as %1</source>
        <translation>以 %1 身份确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 confirms this step at this desk: enter their password.</source>
        <translation>请 %1 在本机确认此步骤：输入其密码。</translation>
    </message>
</context>
<context>
    <name>PayrollWindow</name>
    <message>
        <location filename="../payroll/window.py" line="+69"/>
        <source>Monthly payroll</source>
        <translation>月度工资</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+191"/>
        <source>Calculate</source>
        <translation>计算</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>Add item…</source>
        <translation>录入项目…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A one-off item for the selected workers</source>
        <translation>为选中的职工录入一次性工资项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the calculated or approved month back to draft, with a written reason</source>
        <translation>将已计算或已审核的月份退回为草稿（须填写理由）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items…</source>
        <translation>一次性项目…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The month&apos;s one-off items: list, add, remove, import</source>
        <translation>本月一次性项目：查看、录入、删除、导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock…</source>
        <translation>锁定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard…</source>
        <translation>撤销计算…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throw away the calculation of a month that has not been approved</source>
        <translation>撤销尚未审核月份的工资计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export payroll workbook…</source>
        <translation>导出工资表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank transfer file…</source>
        <translation>银行代发文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file the bank pays from; written once the month is approved</source>
        <translation>银行据以发放的代发文件；当月工资审核通过后才能生成</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Filter by name, street or community</source>
        <translation>按姓名、街道或社区筛选</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Act as</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+90"/>
        <source>Reading the month…</source>
        <translation>正在读取工资月份…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recalculate</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Select a worker to see how their pay and tax were made.</source>
        <translation>选择一名职工，查看其工资和个税的计算过程。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the payslip…</source>
        <translation>正在读取工资条…</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../stats/people_dialog.py" line="+40"/>
        <source>%1 people. Double-click a person to select them in the worker list.</source>
        <translation>共 %1 人。双击可在人员列表中选中此人。</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <location filename="../payroll/dialogs.py" line="+46"/>
        <source>%1 since %2</source>
        <translation>%1（%2起）</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Choose workers</source>
        <translation>选择人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include those who have left</source>
        <translation>包括已离职、退休、调出的人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workers who left during or after the month: final pay, corrections</source>
        <translation>本月内或本月之后离开的人员：结清工资、补发扣回</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 people employed in the month, %2 of them have left; select those the entry is for.</source>
        <translation>本月在职共 %1 人，其中 %2 人已离开；请选择要录入的人员。</translation>
    </message>
</context>
<context>
    <name>PeopleSearch</name>
    <message>
        <location filename="../widgets/people_search.py" line="+53"/>
        <source>Name or ID number</source>
        <translation>姓名或身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Finding workers…</source>
        <translation>正在查找人员…</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <location filename="../careers/training_dialogs.py" line="+99"/>
        <source>Add attendees</source>
        <translation>添加参训人员</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 people; select those who attended.</source>
        <translation>共 %1 人，请选中参训人员。</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <location filename="../careers/pipeline_board.py" line="+213"/>
        <source>Promotion pipeline</source>
        <translation>晋升通道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reserve pool only</source>
        <translation>仅后备人选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Eligibility</source>
        <translation>资格审查名单</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Vacancies by community</source>
        <translation>各社区空缺</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+7"/>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+6"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>晋升目标</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking eligibility…</source>
        <translation>正在审查资格…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: %2 eligible of %3 checked on %4.</source>
        <translation>%1：截至 %4，审查 %3 人，符合条件 %2 人。</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <location filename="../adjustment/prepare.py" line="+57"/>
        <source>The plan evaluates every worker in post against the region&apos;s rules: three qualifying years, two consecutive 优秀, education and certificate, honours, post changes, and the post&apos;s range. It uses the appraisals of the years before. Nothing changes for any worker until the plan is approved by a second user and applied.</source>
        <translation>调级计划按本地区规则逐一评估每位在岗人员：连续三年考核合格晋级、连续两年优秀提前晋级、学历和职业资格、荣誉、岗位变动以及本岗等级范围，依据的是此前各年度的考核结果。计划经第二人审核并应用之前，不会改变任何人的岗位等级。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Adjustment year</source>
        <translation>调级年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Workers in post: %1</source>
        <translation>在岗人员：%1 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appraisals of %1: %2 entered (%3), %4 without one</source>
        <translation>%1年度考核结果：已录入 %2 人（%3），%4 人缺少考核结果</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No pay scale is in force on %1: import one first.</source>
        <translation>%1 没有生效的薪酬标准，请先导入薪酬标准。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pay scale: %1 (in force from %2)</source>
        <translation>薪酬标准：%1（%2 起生效）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Before preparing</source>
        <translation>准备前核对</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The %1 adjustment was applied (run %2). It cannot be prepared again unless that run is reverted (Adjustment runs…).</source>
        <translation>%1年度调级已应用（批次 %2），不能重新准备；如需重做，请先在“调级批次…”中撤销该批次。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run %1 for %2 is %3 (prepared by %4 on %5, %6 person-times). Preparing again replaces it and drops its exclusions and hand-set levels; the new plan shows what changed since.</source>
        <translation>%2年度已有批次 %1，状态为%3（%4 于 %5 准备，%6 人次）。重新准备将取代该批次，其中的排除和手工调整将不再保留；新计划会列出与上次的不同。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Continue with run %1</source>
        <translation>继续处理批次 %1</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../widgets/print_preview.py" line="+76"/>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>‹ Previous page</source>
        <translation>‹ 上一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page ›</source>
        <translation>下一页 ›</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>of %1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save PDF as…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Nothing was printed: the printer refused.</source>
        <translation>未能打印：打印机拒绝了打印任务。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save PDF as</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>PyramidChart</name>
    <message>
        <location filename="../stats/charts.py" line="+61"/>
        <source>Age structure (people)</source>
        <translation>年龄结构（人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Men</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Women</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <location filename="../payroll/rates_dialogs.py" line="-67"/>
        <source>New rate version</source>
        <translation>新增费率版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 16%</source>
        <translation>如 16%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 8%</source>
        <translation>如 8%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. the notice&apos;s document number</source>
        <translation>如 文件文号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>险种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer rate</source>
        <translation>单位费率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual rate</source>
        <translation>个人费率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounding</source>
        <translation>舍入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RatesWindow</name>
    <message>
        <location filename="../payroll/rates_window.py" line="+135"/>
        <source>Rates and contribution bounds</source>
        <translation>费率与基数上下限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New rate version…</source>
        <translation>新增费率版本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New bounds version…</source>
        <translation>新增上下限版本…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In force on</source>
        <translation>查看日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In force</source>
        <translation>当日生效</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History (every version)</source>
        <translation>历史（全部版本）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No contribution bounds in force on this date.</source>
        <translation>该日没有生效的缴费基数上下限。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contribution base: floor %1, ceiling %2 (from %3)</source>
        <translation>缴费基数：下限 %1，上限 %2（%3 起）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../adjustment/override.py" line="-60"/>
        <source>Write the reason (required)</source>
        <translation>请填写理由（必填）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <location filename="../roster/record_tabs.py" line="+110"/>
        <location line="+8"/>
        <source>Appraisals</source>
        <translation>考核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pay by month</source>
        <translation>逐月工资</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pay</source>
        <translation>工资</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading appraisals and pay…</source>
        <translation>正在读取考核和工资…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 yearly results.</source>
        <translation>共 %1 个年度的考核结果。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No appraisal results recorded.</source>
        <translation>还没有考核结果。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 months. Select one to see how its pay and tax were made.</source>
        <translation>共 %1 个月。选中一个月，可查看当月工资和个税是怎么算出来的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No month has been calculated for this worker yet.</source>
        <translation>还没有计算过此人的工资。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Reading the payslip…</source>
        <translation>正在读取工资条…</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../careers/dialogs.py" line="-52"/>
        <source>Last registered on %1; a renewal must be later.</source>
        <translation>上次登记日期为 %1，再登记日期须晚于此日期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate has not been registered yet.</source>
        <translation>该证书尚未注册登记。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register or renew: %1</source>
        <translation>登记/续期：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration date</source>
        <translation>登记日期</translation>
    </message>
</context>
<context>
    <name>RemindersDock</name>
    <message>
        <location filename="../careers/reminders_dock.py" line="+66"/>
        <location line="+10"/>
        <location line="+6"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registrations lapsing and training hours short in the selected unit</source>
        <translation>所选单位中登记即将到期和培训学时不足的人员</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All reminders</source>
        <translation>全部提醒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only what is due within this many days (and the overdue)</source>
        <translation>只看这么多天内到期的（已过期的也列出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due within</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>due within %1 days (overdue included)</source>
        <translation>%1 天内到期（含已过期）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading reminders…</source>
        <translation>正在读取提醒…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 reminders. Double-click one to open the worker&apos;s file.</source>
        <translation>共 %1 条提醒。双击一条打开该人员档案。</translation>
    </message>
</context>
<context>
    <name>RetirementsChart</name>
    <message>
        <location filename="../stats/charts.py" line="+46"/>
        <source>Statutory retirements ahead (people)</source>
        <translation>今后各年达到法定退休年龄（人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirements</source>
        <translation>退休人数</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../adjustment/review.py" line="+31"/>
        <source>Search name, ID number, street or community</source>
        <translation>搜索姓名、身份证号、街道或社区</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exclude or set level…</source>
        <translation>排除或调整等级…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export plan (.xlsx)…</source>
        <translation>导出调级计划（.xlsx）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print notices (PDF)…</source>
        <translation>打印调级通知（PDF）…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Prepared again: nobody changed since the last preparation.</source>
        <translation>已重新准备：与上次准备相比没有变化。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>new in the plan: %1</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer in the plan: %1</source>
        <translation>移出 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proposed level changed: %1</source>
        <translation>拟调等级变化 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Since the last preparation: %1.</source>
        <translation>与上次准备相比：%1。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 of %2 people shown</source>
        <translation>共 %2 人，显示 %1 人</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Only a plan not yet approved can be changed.</source>
        <translation>只有尚未审核的计划可以修改。</translation>
    </message>
</context>
<context>
    <name>RosterFilterBar</name>
    <message>
        <location filename="../roster/filter_bar.py" line="+27"/>
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
        <location line="+4"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
</context>
<context>
    <name>ScaleImportDialog</name>
    <message>
        <location filename="../scales/import_sheet.py" line="+38"/>
        <source>Import a pay scale: %1</source>
        <translation>导入薪酬标准：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 2027年薪酬标准</source>
        <translation>例如：2027年薪酬标准</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retroactive: months already approved or locked stay as paid; the differences</source>
        <translation>追溯调整：已审核或已锁定的月份保持原样，差额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>are paid or deducted (补发/补扣) in the next open month, shown first</source>
        <translation>在下一个未结月份补发或补扣（先列出，确认后写入）</translation>
    </message>
</context>
<context>
    <name>ScaleView</name>
    <message>
        <location filename="../scales/view.py" line="+76"/>
        <source>Pay scales</source>
        <translation>薪酬标准</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Correct amount…</source>
        <translation>修改金额…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a new version…</source>
        <translation>导入新版本…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Older</source>
        <translation>原版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version</source>
        <translation>标准表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare versions</source>
        <translation>版本比较</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Reading the scales…</source>
        <translation>正在读取薪酬标准…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reading the scale…</source>
        <translation>正在读取薪酬标准…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, effective %2: monthly 岗位等级工资 in yuan.</source>
        <translation>%1（%2起生效）：月岗位等级工资，单位：元。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An applied adjustment used this version: it can no longer be corrected; import a new version instead.</source>
        <translation>已应用的调级批次使用了此版本，不能再修改；请导入新版本。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 amounts differ (highlighted: raised, lowered, added).</source>
        <translation>%2 项标准中有 %1 项不同（已标色：提高、降低、新增）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Correct amount</source>
        <translation>修改金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, level %2: monthly amount in yuan</source>
        <translation>%1 %2级：月标准（元）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saving the amount…</source>
        <translation>正在保存金额…</translation>
    </message>
    <message>
        <location filename="../scales/models.py" line="+52"/>
        <source>(paid as %1)</source>
        <translation>（按%1发放）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>levels %1–%2</source>
        <translation>%1–%2级</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(removed: %1)</source>
        <translation>（删除：%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (new)</source>
        <translation>%1（新增）</translation>
    </message>
</context>
<context>
    <name>ScenarioForm</name>
    <message>
        <location filename="../stats/scenario_form.py" line="+80"/>
        <location line="+197"/>
        <source>New scenario</source>
        <translation>新建情景</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>e.g. general raise 5%</source>
        <translation>如：普调5%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pay</source>
        <translation>工资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headcount</source>
        <translation>核定人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale table</source>
        <translation>薪酬标准表</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+2"/>
        <location line="+63"/>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>General raise</source>
        <translation>普调幅度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raise from</source>
        <translation>普调起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifying years per step</source>
        <translation>每晋1级所需合格年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid workers at parity from</source>
        <translation>网格员同酬起始日期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The community whose approved headcount changes</source>
        <translation>核定人数有变化的社区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More (+) or fewer (−) approved places</source>
        <translation>增加（+）或减少（−）的核定人数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set change</source>
        <translation>设定增减</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A table from a file…</source>
        <translation>从文件读取标准表…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (in force from %2)</source>
        <translation>%1（%2起执行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. the new scale table.xlsx</source>
        <translation>如：四岗二十四级.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scale</source>
        <translation>薪酬标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In force from</source>
        <translation>执行日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The scale table</source>
        <translation>薪酬标准表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workbooks</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../careers/training_dialogs.py" line="-66"/>
        <source>New training session</source>
        <translation>新建培训</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Required (unchecked: elective)</source>
        <translation>必修（不勾选为选修）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organiser level</source>
        <translation>主办层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
</context>
<context>
    <name>SheetPlanDialog</name>
    <message>
        <location filename="../widgets/sheet_import.py" line="+161"/>
        <source>Export error report…</source>
        <translation>导出错误报告…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Import only the rows without errors (%1 rows with errors are left out)</source>
        <translation>仅导入无误的行（有错误的 %1 行不导入）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The rows with errors are written, unchanged and with a 问题 column, to a workbook beside the file: correct them there and import that workbook again.</source>
        <translation>有错误的行原样写入原文件旁的工作簿（加“问题”列说明原因）：在那里改正后再导入该工作簿。</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+32"/>
        <source>Fix the sheet first</source>
        <translation>请先修改表格</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+32"/>
        <location line="+27"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1 rows will be imported. %2 rows with errors are not imported: they are written, unchanged and with a 问题 column, to %3 to correct and import again.</source>
        <translation>将导入 %1 行。有错误的 %2 行不导入：原样写入 %3（加“问题”列说明原因），改正后再导入该文件即可。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+15"/>
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
        <translation>正在写入错误报告…</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../accounts/login_dialog.py" line="-89"/>
        <source>Set the administrator password</source>
        <translation>设置管理员密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first start. Choose the password of the administrator account; it will be asked at every start.</source>
        <translation>首次启动：请为管理员账号设置密码，以后每次启动都需输入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <location line="+45"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+4"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your password was set by an administrator. Choose your own now.</source>
        <translation>你的密码由管理员设置，请现在改为你自己的密码。</translation>
    </message>
</context>
<context>
    <name>SigninDialog</name>
    <message>
        <location filename="../careers/training_dialogs.py" line="+60"/>
        <source>Sheet %1: %2 rows, %3 to add, %4 to change, %5 already listed.</source>
        <translation>工作表「%1」：共 %2 行，新增 %3 人，变更 %4 人，%5 人已在名单中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import sign-in sheet: %1</source>
        <translation>导入签到表：%1</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../tasks.py" line="+102"/>
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
    <name>TrainingWindow</name>
    <message>
        <location filename="../careers/training_window.py" line="+122"/>
        <source>Training sessions</source>
        <translation>培训</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New session…</source>
        <translation>新建培训…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add attendees…</source>
        <translation>添加参训人员…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import sign-in sheet…</source>
        <translation>导入签到表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+31"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>No session selected.</source>
        <translation>未选中培训。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2 attendees.</source>
        <translation>%1：参训 %2 人。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Import sign-in sheet</source>
        <translation>导入签到表</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reading the sign-in sheet…</source>
        <translation>正在读取签到表…</translation>
    </message>
</context>
<context>
    <name>UsersWindow</name>
    <message>
        <location filename="../accounts/users_window.py" line="+75"/>
        <source>User management</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role and scope…</source>
        <translation>角色和范围…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>User %1 was added.</source>
        <translation>已添加用户 %1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user must choose their own password at the next login.</source>
        <translation>该用户下次登录时须自行设置新密码。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password of %1 was reset.</source>
        <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was unlocked.</source>
        <translation>已解锁 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deactivate %1? The account can no longer log in; its history stays.</source>
        <translation>停用 %1？停用后该账户不能再登录，其历史记录保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was deactivated.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The role and scope of %1 were saved.</source>
        <translation>已保存 %1 的角色和范围。</translation>
    </message>
</context>
<context>
    <name>WorkerFields</name>
    <message>
        <location filename="../roster/worker_fields.py" line="+80"/>
        <source>18 characters; fills date of birth and sex</source>
        <translation>18位；自动填写出生日期和性别</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Member of the two committees</source>
        <translation>两委成员</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Region default for the sex</source>
        <translation>按性别默认（本地区设置）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 years</source>
        <translation>%1岁</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <source>Original retirement age</source>
        <translation>原法定退休年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statutory retirement</source>
        <translation>法定退休时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate and bank</source>
        <translation>社工证/银行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Social work certificate</source>
        <translation>社工证等级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Obtained on</source>
        <translation>取得日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message>
        <location line="+50"/>
        <source>%1 (at %2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <location filename="../roster/worker_form.py" line="+67"/>
        <source>Edit worker</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New worker</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Correction of the file</source>
        <translation>信息修改</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print record card…</source>
        <translation>打印个人档案表…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The form has changes that are not saved. Save them?</source>
        <translation>表单有尚未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location line="+112"/>
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
    <name>adjust</name>
    <message>
        <location filename="../adjustment/columns.py" line="+118"/>
        <source>Everyone in the plan</source>
        <translation>计划中全部人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving (counted)</source>
        <translation>调级（计入人次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../adjustment/text.py" line="+31"/>
        <source>Blocked</source>
        <translation>未能晋级</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../adjustment/text.py" line="-1"/>
        <source>Excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../adjustment/text.py" line="-1"/>
        <source>Level set by hand</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <location filename="../adjustment/text.py" line="-1"/>
        <source>Moves</source>
        <translation>调级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No change</source>
        <translation>不变</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Run %1 · %2 · effective %3 · %4</source>
        <translation>批次 %1 · %2 · %3 生效 · %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>year %1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt; person-times, yearly cost &lt;b&gt;%2&lt;/b&gt; yuan (&lt;b&gt;%3&lt;/b&gt; 10k yuan)</source>
        <translation>调级 &lt;b&gt;%1&lt;/b&gt; 人次，年度增加资金 &lt;b&gt;%2&lt;/b&gt; 元（&lt;b&gt;%3&lt;/b&gt; 万元）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>blocked %1 · excluded %2 · set by hand %3</source>
        <translation>未能晋级 %1 人 · 排除 %2 人 · 手工调整 %3 人</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>调整前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>调整后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed by the rules</source>
        <translation>按规则拟调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly change</source>
        <translation>月增资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yearly change</source>
        <translation>年增资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reasons</source>
        <translation>调级原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reason to move.</source>
        <translation>无调级原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk&apos;s decision</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 person-times, monthly %2 yuan, yearly %3 yuan (effective %4)</source>
        <translation>%1 人次，月增 %2 元，年增 %3 元（%4 起执行）</translation>
    </message>
</context>
<context>
    <name>adjust_exports</name>
    <message>
        <location filename="../adjustment/exports.py" line="+36"/>
        <source>Export the plan workbook</source>
        <translation>导出调级工作簿</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The workbook was saved to:
%1</source>
        <translation>工作簿已保存到：
%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the workbook…</source>
        <translation>正在生成工作簿…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print the notices</source>
        <translation>打印调级通知</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 notices were saved to:
%2</source>
        <translation>已生成 %1 份调级通知：
%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing the notices…</source>
        <translation>正在生成调级通知…</translation>
    </message>
</context>
<context>
    <name>adjust_menu</name>
    <message>
        <location filename="../adjustment/menu.py" line="+50"/>
        <source>&amp;Adjustment</source>
        <translation>调级调薪(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yearly grade adjustment…</source>
        <translation>年度调级…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustment runs…</source>
        <translation>调级批次…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appraisal entry…</source>
        <translation>考核结果录入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay scales…</source>
        <translation>薪酬标准…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="+284"/>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The password was not accepted.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Program updated</source>
        <translation>程序已更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database was upgraded for this version of the program. The file as it was before the upgrade is kept as a backup:
%1</source>
        <translation>数据库已升级为本版本程序的结构。升级前的数据库文件已备份：
%1</translation>
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
    <message>
        <location filename="../system/startup_check.py" line="-99"/>
        <source>Checking the database file…</source>
        <translation>正在检查数据库文件…</translation>
    </message>
</context>
<context>
    <name>audit_menu</name>
    <message>
        <location filename="../accounts/audit_menu.py" line="+35"/>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>User management…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
</context>
<context>
    <name>career_menu</name>
    <message>
        <location filename="../careers/menu.py" line="+72"/>
        <source>Promotion pipeline…</source>
        <translation>晋升通道…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training…</source>
        <translation>培训…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Social-work certificates</source>
        <translation>社工证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import certificates…</source>
        <translation>导入社工证…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export certificate ledger…</source>
        <translation>导出社工证台账…</translation>
    </message>
</context>
<context>
    <name>certificate_files</name>
    <message>
        <location filename="../careers/certificate_files.py" line="-18"/>
        <source>Sheet %1: %2 rows. %3 certificates to add, %4 renewed or completed, %5 unchanged.</source>
        <translation>工作表「%1」：共 %2 行。将新增证书 %3 本，再登记或补充 %4 本，未变 %5 本。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Reading and checking %1…</source>
        <translation>正在读取并检查 %1…</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+28"/>
        <source>Import certificates</source>
        <translation>导入社工证</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Import finished: %1 certificates added, %2 updated.</source>
        <translation>导入完成：新增证书 %1 本，更新 %2 本。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 rows with errors were not imported. They were written, unchanged and with a 问题 column, to:
%2
Correct them there and import that workbook again.</source>
        <translation>有错误的 %1 行没有导入，已原样写入（加“问题”列说明原因）：
%2
请在那里改正后再导入该工作簿。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing certificates…</source>
        <translation>正在导入社工证…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Export certificate ledger</source>
        <translation>导出社工证台账</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exported %1 certificates to:
%2</source>
        <translation>已导出 %1 本证书到：
%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the certificate ledger…</source>
        <translation>正在写社工证台账…</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location line="-173"/>
        <location filename="../roster/import_preview.py" line="+49"/>
        <location line="+7"/>
        <location filename="../widgets/problems.py" line="+46"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registrations</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../accounts/users_window.py" line="-188"/>
        <location filename="../adjustment/appraisal_grid.py" line="-239"/>
        <location filename="../adjustment/columns.py" line="-102"/>
        <location filename="../careers/certificate_files.py" line="-5"/>
        <location filename="../careers/pipeline_board.py" line="-225"/>
        <location filename="../careers/reminders_dock.py" line="-125"/>
        <location filename="../careers/training_dialogs.py" line="-96"/>
        <location filename="../careers/training_window.py" line="-206"/>
        <location filename="../payroll/deductions_window.py" line="-242"/>
        <location filename="../payroll/dialogs.py" line="-74"/>
        <location filename="../payroll/items_grid.py" line="-279"/>
        <location filename="../payroll/opening.py" line="-284"/>
        <location filename="../payroll/text.py" line="+34"/>
        <location filename="../roster/import_preview.py" line="-6"/>
        <location line="+7"/>
        <location filename="../widgets/models.py" line="+111"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../adjustment/appraisal_grid.py" line="+1"/>
        <location filename="../adjustment/columns.py" line="+1"/>
        <location filename="../careers/training_dialogs.py" line="+1"/>
        <location filename="../payroll/deductions_window.py" line="+1"/>
        <location filename="../payroll/dialogs.py" line="+1"/>
        <location filename="../payroll/opening.py" line="+1"/>
        <location filename="../roster/import_preview.py" line="-6"/>
        <location line="+7"/>
        <location filename="../widgets/models.py" line="+2"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../adjustment/columns.py" line="+15"/>
        <source>Monthly change</source>
        <translation>月增资（元）</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Before</source>
        <translation>调整前岗位等级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>After</source>
        <translation>调整后岗位等级</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reasons</source>
        <translation>调级原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unit or post</source>
        <translation>单位或岗位</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <source>Person-times</source>
        <translation>人次</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+28"/>
        <source>Yearly cost (yuan)</source>
        <translation>年度增加资金（元）</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Run</source>
        <translation>批次</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../careers/tabs.py" line="-241"/>
        <location filename="../roster/record_tabs.py" line="-173"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../scales/view.py" line="-247"/>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Prepared by</source>
        <translation>准备人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prepared at</source>
        <translation>准备时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applied at</source>
        <translation>应用时间</translation>
    </message>
    <message>
        <location filename="../payroll/opening.py" line="-32"/>
        <source>Cumulative income</source>
        <translation>累计收入额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cumulative exempt income</source>
        <translation>累计免税收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cumulative special deductions</source>
        <translation>累计专项扣除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cumulative additional deductions</source>
        <translation>累计专项附加扣除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cumulative other deductions</source>
        <translation>累计其他扣除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax withheld</source>
        <translation>累计已预缴税额</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../roster/import_preview.py" line="-6"/>
        <location filename="../stats/units.py" line="+14"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Months</source>
        <translation>任职月份</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../stats/units.py" line="+2"/>
        <source>In post</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Year on year</source>
        <translation>同比</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bachelor+</source>
        <translation>本科以上</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Average age</source>
        <translation>平均年龄</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Under 35</source>
        <translation>35岁以下</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certified</source>
        <translation>持证率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Committee</source>
        <translation>两委占比</translation>
    </message>
    <message>
        <location filename="../accounts/audit_models.py" line="+21"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../roster/import_preview.py" line="+7"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../roster/import_preview.py" line="+1"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../roster/import_preview.py" line="+1"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../widgets/problems.py" line="-9"/>
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
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../careers/certificate_files.py" line="+2"/>
        <location filename="../careers/tabs.py" line="-56"/>
        <source>Number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../careers/tabs.py" line="+2"/>
        <source>Obtained</source>
        <translation>取得日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lapses after</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allowance from</source>
        <translation>津贴起始月</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Registration periods</source>
        <translation>登记周期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Session</source>
        <translation>培训班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organiser</source>
        <translation>主办层级</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../payroll/deductions_window.py" line="+10"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../payroll/deductions_window.py" line="+7"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <location filename="../careers/training_window.py" line="-27"/>
        <location line="+32"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Required</source>
        <translation>必修</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../careers/training_window.py" line="-3"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../careers/certificate_files.py" line="+1"/>
        <location filename="../careers/tabs.py" line="+5"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../careers/tabs.py" line="+1"/>
        <location filename="../roster/record_tabs.py" line="+2"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../system/backup_dialog.py" line="-142"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../careers/tabs.py" line="+1"/>
        <location filename="../system/backup_dialog.py" line="+5"/>
        <location filename="../widgets/problems.py" line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../system/backup_dialog.py" line="+2"/>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../roster/import_preview.py" line="+14"/>
        <source>Street / community / grid</source>
        <translation>街道/社区/网格</translation>
    </message>
    <message>
        <location filename="../adjustment/columns.py" line="-91"/>
        <location filename="../careers/pipeline_board.py" line="-2"/>
        <location line="+73"/>
        <location filename="../careers/training_dialogs.py" line="-3"/>
        <location filename="../careers/training_window.py" line="-6"/>
        <location filename="../payroll/dialogs.py" line="-3"/>
        <location filename="../payroll/text.py" line="-2"/>
        <location filename="../widgets/models.py" line="-4"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../careers/pipeline_board.py" line="-72"/>
        <location line="+73"/>
        <location filename="../careers/reminders_dock.py" line="-1"/>
        <location filename="../careers/training_dialogs.py" line="+1"/>
        <location filename="../careers/training_window.py" line="+2"/>
        <location filename="../payroll/deductions_window.py" line="-19"/>
        <location filename="../payroll/dialogs.py" line="+1"/>
        <location filename="../payroll/items_grid.py" line="-1"/>
        <location filename="../payroll/text.py" line="+1"/>
        <location filename="../widgets/models.py" line="+1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../widgets/models.py" line="+2"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Highest education</source>
        <translation>最高学历</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duties</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../adjustment/appraisal_grid.py" line="+1"/>
        <location filename="../careers/pipeline_board.py" line="-70"/>
        <location filename="../widgets/models.py" line="+1"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../careers/certificate_files.py" line="-2"/>
        <location filename="../careers/tabs.py" line="-71"/>
        <location filename="../widgets/models.py" line="+2"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appraisal</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location filename="../widgets/models.py" line="+3"/>
        <source>Certificate</source>
        <translation>社工证</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Community start</source>
        <translation>进入社区时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Statutory retirement</source>
        <translation>法定退休时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../adjustment/appraisal_grid.py" line="-1"/>
        <location filename="../adjustment/columns.py" line="+24"/>
        <location line="+42"/>
        <location filename="../payroll/dialogs.py" line="+4"/>
        <location filename="../roster/record_tabs.py" line="+41"/>
        <location filename="../widgets/models.py" line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../scales/view.py" line="+11"/>
        <source>Scale</source>
        <translation>薪酬标准</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Amounts</source>
        <translation>项数</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../payroll/text.py" line="+3"/>
        <location filename="../roster/record_tabs.py" line="-23"/>
        <source>Gross pay</source>
        <translation>应发工资</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Insurance</source>
        <translation>个人社保公积金</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../roster/record_tabs.py" line="+14"/>
        <source>Tax</source>
        <translation>个税</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../roster/record_tabs.py" line="+3"/>
        <source>Net pay</source>
        <translation>实发工资</translation>
    </message>
    <message>
        <location filename="../careers/pipeline_board.py" line="-11"/>
        <source>Eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>In reserve since</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Eligibility reasons</source>
        <translation>审查意见</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Norm</source>
        <translation>核定人数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Headcount</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vacancies</source>
        <translation>空缺</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Staffing</source>
        <translation>配备情况</translation>
    </message>
    <message>
        <location filename="../careers/reminders_dock.py" line="-6"/>
        <source>Reminder</source>
        <translation>提醒事项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../careers/training_window.py" line="-41"/>
        <source>Title</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organiser level</source>
        <translation>主办层级</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../payroll/deductions_window.py" line="+3"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../payroll/deductions_window.py" line="+2"/>
        <source>Monthly amount</source>
        <translation>每月扣除额</translation>
    </message>
    <message>
        <location filename="../accounts/audit_models.py" line="-6"/>
        <location filename="../payroll/deductions_window.py" line="+20"/>
        <location filename="../payroll/items_grid.py" line="+27"/>
        <location filename="../payroll/rates_window.py" line="-105"/>
        <location line="+21"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../payroll/deductions_window.py" line="+1"/>
        <location filename="../payroll/items_grid.py" line="+1"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../careers/training_window.py" line="+7"/>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <location filename="../payroll/items_grid.py" line="-26"/>
        <location filename="../payroll/rates_window.py" line="-50"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Taxable</source>
        <translation>计税</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In base</source>
        <translation>计入基数</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../payroll/text.py" line="-7"/>
        <source>After tax</source>
        <translation>税后扣款</translation>
    </message>
    <message>
        <location filename="../payroll/rates_window.py" line="+2"/>
        <source>Employer rate</source>
        <translation>单位费率</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Individual rate</source>
        <translation>个人费率</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rounding</source>
        <translation>舍入</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ceiling</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../payroll/dialogs.py" line="+6"/>
        <source>Days in month</source>
        <translation>本月在职天数</translation>
    </message>
    <message>
        <location filename="../accounts/users_window.py" line="-1"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>管理范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../roster/record_tabs.py" line="-36"/>
        <source>Result</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deductions</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Deduction lines</source>
        <translation>扣款明细</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../widgets/confirm.py" line="+17"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <location filename="../system/connection_dialog.py" line="-287"/>
        <source>No encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt when the server offers it</source>
        <translation>服务器支持时加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require encryption</source>
        <translation>要求加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require encryption, check the certificate&apos;s CA</source>
        <translation>要求加密，并验证证书的签发机构（CA）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Require encryption, check the CA and the server name</source>
        <translation>要求加密，并验证 CA 和服务器名称</translation>
    </message>
    <message>
        <location line="+289"/>
        <source>Password of %1 on the server %2:</source>
        <translation>服务器 %2 上用户 %1 的密码：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Database connection…</source>
        <translation>数据库连接…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved. The new connection is used from the next start of the program.</source>
        <translation>已保存。新的连接在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>deduction_confirm</name>
    <message>
        <location filename="../payroll/deduction_confirm.py" line="+32"/>
        <source>These deductions are each larger than the worker&apos;s gross of the month:

%1

Enter them anyway?</source>
        <translation>以下扣款均超过该职工本月应发：

%1

仍要录入吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deduction larger than the gross</source>
        <translation>扣款超过应发</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Checking the items…</source>
        <translation>正在核对项目…</translation>
    </message>
</context>
<context>
    <name>file_actions</name>
    <message>
        <location filename="../roster/file_actions.py" line="+53"/>
        <source>Masked unless checked; a file with full numbers is noted in the audit log.</source>
        <translation>不勾选时遮蔽显示；导出完整号码将记入审计日志。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show full ID numbers and bank accounts</source>
        <translation>显示完整身份证号和银行账号</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <source>Rosters</source>
        <translation>花名册</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Print roster (PDF)</source>
        <translation>打印花名册（PDF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show full ID numbers</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Printed %1 workers to:
%2</source>
        <translation>已将 %1 人的花名册保存到：
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the roster PDF…</source>
        <translation>正在生成花名册 PDF…</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../help/menu.py" line="+79"/>
        <location line="+184"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+141"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Menu entry</source>
        <translation>菜单项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>In the worker table: double-click a row to open the file; click a column heading to sort.</source>
        <translation>在人员表格中：双击一行打开该人员的档案；单击列标题按该列排序。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+120"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Community workers: files and pay</source>
        <translation>社区工作者档案与薪酬管理系统</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(not opened yet)</source>
        <translation>（尚未打开）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>(backed up by the database server)</source>
        <translation>（由数据库服务器备份）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This database is on a database server: it has no backup folder here. Your IT staff back it up with the server&apos;s own tools.</source>
        <translation>当前数据库在数据库服务器上，本机没有备份文件夹。请由信息化人员用服务器自带的工具备份。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open the folder</source>
        <translation>无法打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder could not be opened. It is:
%1</source>
        <translation>无法打开该文件夹。它的位置是：
%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../roster/import_dialog.py" line="-216"/>
        <source>Reading and checking %1…</source>
        <translation>正在读取并检查 %1…</translation>
    </message>
    <message>
        <location filename="../widgets/problems.py" line="-29"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../roster/import_preview.py" line="+8"/>
        <source>Sheet “%1”, %2 rows: %3 new, %4 to update, %5 unchanged; %6 errors, %7 warnings.</source>
        <translation>工作表「%1」共 %2 行：新增 %3 人，更新 %4 人，未变 %5 人；错误 %6 处，提示 %7 处。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Columns not recognised (ignored): %1</source>
        <translation>未识别的列（已忽略）：%1</translation>
    </message>
</context>
<context>
    <name>payroll_exports</name>
    <message>
        <location filename="../payroll/exports.py" line="+23"/>
        <source>Export the payroll workbook</source>
        <translation>导出工资发放表</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The workbook was saved to:
%1</source>
        <translation>工资发放表已保存到：
%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the workbook…</source>
        <translation>正在写入工资发放表…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Save the bank transfer file</source>
        <translation>保存银行代发文件</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The bank file was saved to:
%1
%2 transfers, total %3.</source>
        <translation>代发文件已保存到：
%1
共 %2 笔，合计 %3 元。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not in the bank file, on its list of pay given otherwise or not paid (%1 people, total %2): %3</source>
        <translation>未列入代发、列入另行发放/未发放名单（%1 人，合计 %2）：%3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing the bank file…</source>
        <translation>正在写入代发文件…</translation>
    </message>
</context>
<context>
    <name>payroll_menu</name>
    <message>
        <location filename="../payroll/menu.py" line="+26"/>
        <source>&amp;Payroll</source>
        <translation>工资(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly payroll…</source>
        <translation>月度工资…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opening figures…</source>
        <translation>期初累计…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Special deductions…</source>
        <translation>专项附加扣除…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rates and contribution bounds…</source>
        <translation>费率与基数上下限…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bank file layouts…</source>
        <translation>银行代发格式…</translation>
    </message>
</context>
<context>
    <name>payroll_opening</name>
    <message>
        <location filename="../payroll/opening.py" line="-17"/>
        <source>Tax by the figures: %1</source>
        <translation>按累计数应纳税额：%1</translation>
    </message>
</context>
<context>
    <name>payroll_text</name>
    <message>
        <location filename="../payroll/text.py" line="+19"/>
        <source>Not calculated yet.</source>
        <translation>尚未计算。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2, %3 workers.</source>
        <translation>%1：%2，%3 人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calculated by %1.</source>
        <translation>计算：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by %1.</source>
        <translation>审核：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked by %1.</source>
        <translation>锁定：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data changed since the calculation: calculate again.</source>
        <translation>计算后数据有变化，请重新计算。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A locked month never changes.</source>
        <translation>已锁定的月份不会再有任何改动。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recalculated: nobody&apos;s net pay changed.</source>
        <translation>已重新计算：没有人的实发工资发生变化。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recalculated: net pay changed for %1 workers: %2</source>
        <translation>已重新计算：%1 人的实发工资有变化：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+16"/>
        <source>and %1 more.</source>
        <translation>另有 %1 人。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 deduction lines are larger than their payslip&apos;s gross; check them: %2</source>
        <translation>有%1条扣款超过所在工资条的应发，请核对：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All %1 payslips were re-derived from their stored inputs and match to the fen.</source>
        <translation>已由保存的输入重新推算全部 %1 张工资条，与保存的数据完全一致（精确到分）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of the stored figures do not match:</source>
        <translation>有 %1 项保存的数据与重新推算的结果不一致：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Total of %1 people: gross %2, insurance %3, tax %4, after tax %5, net %6</source>
        <translation>合计 %1 人：应发 %2，个人社保公积金 %3，个税 %4，税后扣款 %5，实发 %6</translation>
    </message>
    <message>
        <location filename="../widgets/slip_detail.py" line="+27"/>
        <source>after tax</source>
        <translation>税后扣款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>taxable</source>
        <translation>计税</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tax-free</source>
        <translation>免税</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>insurable</source>
        <translation>计入缴费基数</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Employed %1 of %2 days this month.</source>
        <translation>本月在职 %1 天（共 %2 天）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pay lines</source>
        <translation>工资项目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Gross pay</source>
        <translation>应发合计</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Social insurance and housing fund</source>
        <translation>五险一金</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base</source>
        <translation>缴费基数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Individual total</source>
        <translation>个人合计</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Income tax (cumulative withholding)</source>
        <translation>个人所得税（累计预扣法）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tax this month</source>
        <translation>本月预扣个税</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tax this month = cumulative taxable income × rate − quick deduction − tax withheld in earlier months of the year.</source>
        <translation>本月预扣个税 = 累计应纳税所得额 × 税率 − 速算扣除数 − 本年以前月份累计已预缴税额。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deducted after tax: %1</source>
        <translation>税后扣款：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Owed from last month, deducted after tax: %1</source>
        <translation>上月欠扣（税后扣回）：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The deductions exceed the pay: net pay is 0 and %1 is carried into next month (owed by a leaver: a receivable to collect).</source>
        <translation>本月扣款超过应发：实发为 0，欠扣 %1 转下月扣回（如本人已离职，列为应收个人款）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Net pay: %1</source>
        <translation>实发工资：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opening figures, January–month %1 (paid outside the program)</source>
        <translation>期初累计（1–%1月，在本系统以外发放）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening income</source>
        <translation>期初累计收入额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening exempt income</source>
        <translation>期初累计免税收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening special deductions</source>
        <translation>期初累计专项扣除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening additional deductions</source>
        <translation>期初累计专项附加扣除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening other deductions</source>
        <translation>期初累计其他扣除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening tax withheld</source>
        <translation>期初累计已预缴税额</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tax on wages this month</source>
        <translation>本月工资薪金个税</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Year-end bonus taxed separately</source>
        <translation>全年一次性奖金（单独计税）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tax on the bonus (monthly table on bonus ÷ 12)</source>
        <translation>奖金应纳税额（奖金÷12按月度税率表）</translation>
    </message>
</context>
<context>
    <name>pipeline_board</name>
    <message>
        <location filename="../careers/pipeline_board.py" line="-61"/>
        <source>Headcount</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 over by %2</source>
        <translation>%1超配 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 short by %2</source>
        <translation>%1缺 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As approved</source>
        <translation>与核定相符</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <location filename="../widgets/problems.py" line="+64"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
</context>
<context>
    <name>rates_dialogs</name>
    <message>
        <location filename="../payroll/rates_dialogs.py" line="-37"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>record_card</name>
    <message>
        <location filename="../roster/record_card.py" line="+25"/>
        <source>Record card of %1</source>
        <translation>%1的个人档案表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Writing the record card…</source>
        <translation>正在生成个人档案表…</translation>
    </message>
</context>
<context>
    <name>scale_import</name>
    <message>
        <location filename="../scales/import_sheet.py" line="+19"/>
        <location line="+40"/>
        <location line="+13"/>
        <source>Import a pay scale</source>
        <translation>导入薪酬标准</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Pay scales</source>
        <translation>薪酬标准</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The scale “%1” was imported: %2 amounts, effective %3.</source>
        <translation>已导入薪酬标准“%1”：共 %2 项月标准，%3 起生效。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Importing the scale…</source>
        <translation>正在导入薪酬标准…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the scale…</source>
        <translation>正在读取薪酬标准…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: no approved or locked month changes; nothing to pay or deduct.</source>
        <translation>%1：不涉及已审核或已锁定的月份，无需补发或补扣。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 lines paid or deducted in %3, total %4 yuan. Go on?</source>
        <translation>%1：将在%3补发/补扣 %2 笔，合计 %4 元。是否继续？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Retroactive change</source>
        <translation>追溯调整</translation>
    </message>
</context>
<context>
    <name>sheet_import</name>
    <message>
        <location filename="../widgets/sheet_import.py" line="-210"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workbooks</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading the sheet…</source>
        <translation>正在读取工作表…</translation>
    </message>
</context>
<context>
    <name>slips_print</name>
    <message>
        <location filename="../payroll/slips_print.py" line="+32"/>
        <source>Pay slips %1</source>
        <translation>%1工资条</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 pay slips, ID numbers masked.</source>
        <translation>共 %1 张工资条，身份证号已隐去中间几位。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing the pay slips…</source>
        <translation>正在生成工资条…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Print pay slips…</source>
        <translation>打印工资条…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 selected workers</source>
        <translation>选中的 %1 人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Everyone in the month (%1)</source>
        <translation>本月全部人员（%1 人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 workers shown (filtered)</source>
        <translation>当前筛选出的 %1 人</translation>
    </message>
</context>
<context>
    <name>stats_menu</name>
    <message>
        <location filename="../stats/menu.py" line="+26"/>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay bill projection…</source>
        <translation>工资总额测算…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next years&apos; pay bill from today&apos;s people and rules, with scenarios</source>
        <translation>按现有人员和规则测算今后几年的工资总额，并与情景对比</translation>
    </message>
</context>
<context>
    <name>table</name>
    <message>
        <location filename="../widgets/tables.py" line="+261"/>
        <source>Fit column widths</source>
        <translation>按内容调整列宽</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy with header</source>
        <translation>复制（含表头）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Columns…</source>
        <translation>显示的列…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open person file</source>
        <translation>打开人员档案</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../widgets/shown_table.py" line="+93"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../tasks.py" line="+80"/>
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
<context>
    <name>user_dialogs</name>
    <message>
        <location filename="../accounts/user_dialogs.py" line="+32"/>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approver</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whole region</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+50"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+50"/>
        <source>Scope:</source>
        <translation>管理范围：</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>First password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user must choose their own password at the first login. At least 8 characters, not only digits, not the user name.</source>
        <translation>该用户首次登录时须自行设置新密码。密码至少8位，不能全是数字，不能与用户名相同。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Role and scope of %1</source>
        <translation>%1 的角色和范围</translation>
    </message>
</context>
</TS>
