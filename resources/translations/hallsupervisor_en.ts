<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionsView</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>关闭情况</source>
        <translation>Closure</translation>
    </message>
    <message>
        <source>✓ 已验证</source>
        <translation>✓ Verified</translation>
    </message>
    <message>
        <source>– 已撤回</source>
        <translation>– Withdrawn</translation>
    </message>
    <message>
        <source>▲ 已逾期</source>
        <translation>▲ Overdue</translation>
    </message>
    <message>
        <source>○ 待整改</source>
        <translation>○ Open</translation>
    </message>
    <message>
        <source>演练：{title} {date}</source>
        <translation>Drill: {title} {date}</translation>
    </message>
    <message>
        <source>突发事件：{title} {date}</source>
        <translation>Incident: {title} {date}</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <source>修改责任人和期限</source>
        <translation>Change owner and due date</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>未关闭</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>复查通过…</source>
        <translation>Verify…</translation>
    </message>
    <message>
        <source>修改责任人/期限…</source>
        <translation>Change owner/due date…</translation>
    </message>
    <message>
        <source>整改项只能通过复查关闭：后续巡检中该项合格会自动记为复查通过，也可以在这里写明复查情况后关闭。</source>
        <translation>A corrective action is closed only by verifying it: when the item passes on a later round it is verified automatically, or describe your check here and close it.</translation>
    </message>
    <message>
        <source>共 {n} 项</source>
        <translation>Total: {n}</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>还没有填写营业厅资料。</source>
        <translation>The hall profile has not been filled in.</translation>
    </message>
    <message>
        <source>窗口“{counter}”没有指定可办理的业务类型。</source>
        <translation>Counter “{counter}” has no business types assigned.</translation>
    </message>
    <message>
        <source>业务类型“{business}”没有任何窗口办理。</source>
        <translation>No counter handles the business type “{business}”.</translation>
    </message>
    <message>
        <source>工号 {number} 被多人使用：{names}。</source>
        <translation>Employee number {number} is used by several people: {names}.</translation>
    </message>
    <message>
        <source>有 {count} 张排队号的叫号或办结时间早于取号时间。</source>
        <translation>{count} queue tickets were called or finished before they were issued.</translation>
    </message>
    <message>
        <source>数据表 {table} 缺少必需的列：{columns}。</source>
        <translation>Table {table} lacks required columns: {columns}.</translation>
    </message>
    <message>
        <source>数据表 {table} 中有记录缺少编号或所属营业厅。</source>
        <translation>Table {table} has records without an id or a hall.</translation>
    </message>
    <message>
        <source>员工“{name}”的技能中有已不存在的业务类型：{codes}。</source>
        <translation>The skills of “{name}” name business types that no longer exist: {codes}.</translation>
    </message>
    <message>
        <source>找不到数据库文件：{path}</source>
        <translation>Database file not found: {path}</translation>
    </message>
    <message>
        <source>SQLite 完整性检查未通过：{detail}</source>
        <translation>SQLite integrity check failed: {detail}</translation>
    </message>
    <message>
        <source>有 {count} 条记录引用了不存在的记录。</source>
        <translation>{count} records refer to records that do not exist.</translation>
    </message>
    <message>
        <source>数据库结构版本为 {old}，下次用软件打开时会自动升级到 {new}（升级前自动备份）。</source>
        <translation>The database schema is version {old}; the program upgrades it to {new} the next time it opens it (with a backup first).</translation>
    </message>
    <message>
        <source>读取数据库时出错：{detail}</source>
        <translation>Error while reading the database: {detail}</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>营业厅当面</source>
        <translation>In the hall</translation>
    </message>
    <message>
        <source>供电服务热线</source>
        <translation>Service hotline</translation>
    </message>
    <message>
        <source>网上渠道</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>12345 政务热线</source>
        <translation>12345 government hotline</translation>
    </message>
    <message>
        <source>媒体</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>计量与电费</source>
        <translation>Metering and billing</translation>
    </message>
    <message>
        <source>停电通知</source>
        <translation>Outage notice</translation>
    </message>
    <message>
        <source>抢修响应</source>
        <translation>Repair response</translation>
    </message>
    <message>
        <source>服务态度</source>
        <translation>Staff attitude</translation>
    </message>
    <message>
        <source>办理流程</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>待响应</source>
        <translation>Awaiting response</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>▲ 未按时响应</source>
        <translation>▲ Not answered in time</translation>
    </message>
    <message>
        <source>▲ 超时未办结</source>
        <translation>▲ Not settled in time</translation>
    </message>
    <message>
        <source>◆ 响应晚了</source>
        <translation>◆ Answered late</translation>
    </message>
    <message>
        <source>◆ 办结晚了</source>
        <translation>◆ Settled late</translation>
    </message>
    <message>
        <source>✓ 按时</source>
        <translation>✓ In time</translation>
    </message>
    <message>
        <source>○ 未到期</source>
        <translation>○ Not due yet</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>响应期限</source>
        <translation>Answer by</translation>
    </message>
    <message>
        <source>办结期限</source>
        <translation>Settle by</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>登记投诉</source>
        <translation>Log a complaint</translation>
    </message>
    <message>
        <source>登记投诉 (Ctrl+N)</source>
        <translation>Log a complaint (Ctrl+N)</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>只看未办结</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>处理步骤</source>
        <translation>Steps taken</translation>
    </message>
    <message>
        <source>做了什么（回车记录）</source>
        <translation>What was done (Enter to log)</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Settle</translation>
    </message>
    <message>
        <source>客户撤诉</source>
        <translation>Withdrawn by customer</translation>
    </message>
    <message>
        <source>共 {n} 件，未办结 {open} 件，超时 {late} 件</source>
        <translation>{n} in all, {open} open, {late} late</translation>
    </message>
    <message>
        <source>投诉类别帕累托图（期间内）</source>
        <translation>Complaint categories, Pareto (in the period)</translation>
    </message>
    <message>
        <source>占比 / 累计占比 %</source>
        <translation>Share / cumulative share %</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>无法保存：数据库是只读的（可能在另一个窗口中打开，或所在文件夹不可写）。刚才的修改没有保存。</source>
        <translation>Could not save: the database is read-only (it may be open in another window, or its folder cannot be written). Your last change was not saved.</translation>
    </message>
    <message>
        <source>无法保存：磁盘已满。请清理磁盘空间后重试，刚才的修改没有保存。</source>
        <translation>Could not save: the disk is full. Free some space and try again; your last change was not saved.</translation>
    </message>
    <message>
        <source>无法保存：数据库正被其他程序占用。请稍后重试。</source>
        <translation>Could not save: another program is using the database. Please try again in a moment.</translation>
    </message>
    <message>
        <source>数据库文件已损坏。请关闭软件后重新打开，按提示从备份恢复。</source>
        <translation>The database file is damaged. Close the program, open it again and restore from a backup when asked.</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>出现了意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>软件遇到了一个意外错误，已经记录在日志中。已保存的数据不受影响。</source>
        <translation>The program ran into an unexpected error and wrote it to the log. Data already saved is not affected.</translation>
    </message>
    <message>
        <source>请把下面这个日志文件发给技术支持：{path}</source>
        <translation>Please send this log file to support: {path}</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <source>文件：{path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>最近的完好备份：{time}</source>
        <translation>Latest good backup: {time}</translation>
    </message>
    <message>
        <source>没有找到这个数据库的完好备份。</source>
        <translation>No good backup of this database was found.</translation>
    </message>
    <message>
        <source>数据库已在使用中</source>
        <translation>Database already in use</translation>
    </message>
    <message>
        <source>打开或新建数据库</source>
        <translation>Open or create a database</translation>
    </message>
    <message>
        <source>营业厅数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Hall databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>这个文件不是本软件的数据库。</source>
        <translation>This file is not a database of this program.</translation>
    </message>
    <message>
        <source>数据库文件不完整，可能在复制或断电时被截断。</source>
        <translation>The database file is incomplete; it may have been cut short while copying or by a power cut.</translation>
    </message>
    <message>
        <source>数据库文件已损坏，无法安全读取。</source>
        <translation>The database file is damaged and cannot be read safely.</translation>
    </message>
    <message>
        <source>这个数据库由更新版本的软件创建，当前版本无法打开。请升级软件。</source>
        <translation>This database was made by a newer version of the program and this version cannot open it. Please upgrade.</translation>
    </message>
    <message>
        <source>数据库所在的文件夹或文件是只读的，无法保存任何修改。</source>
        <translation>The database file or its folder is read-only, so no change can be saved.</translation>
    </message>
    <message>
        <source>这个数据库已在另一个窗口中打开。为避免数据冲突，本窗口只能查看，不能修改。</source>
        <translation>This database is already open in another window. To avoid conflicting changes, this window can only view it.</translation>
    </message>
    <message>
        <source>找不到数据库文件。</source>
        <translation>The database file cannot be found.</translation>
    </message>
    <message>
        <source>原文件不会被覆盖或删除；恢复时它会被改名保留在原文件夹中。</source>
        <translation>The original file is never overwritten or deleted; restoring renames it and keeps it in the same folder.</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>数据库无法打开</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>恢复最近的完好备份</source>
        <translation>Restore the latest good backup</translation>
    </message>
    <message>
        <source>只读查看</source>
        <translation>View read-only</translation>
    </message>
    <message>
        <source>打开其他数据库…</source>
        <translation>Open another database…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>FailDialog</name>
    <message>
        <source>记录不合格</source>
        <translation>Record a failure</translation>
    </message>
    <message>
        <source>问题说明</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>简要写明看到的问题，例如：饮水机无水</source>
        <translation>Briefly describe what you saw, e.g. water dispenser empty</translation>
    </message>
    <message>
        <source>整改责任人</source>
        <translation>Action owner</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>粘贴照片</source>
        <translation>Paste photo</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>这是一个文件夹，不是文件。</source>
        <translation>This is a folder, not a file.</translation>
    </message>
    <message>
        <source>文件或文件夹不存在。</source>
        <translation>The file or folder does not exist.</translation>
    </message>
    <message>
        <source>没有权限：文件夹可能是只读的，或文件正被其他程序（如 Excel、WPS）打开。</source>
        <translation>No permission: the folder may be read-only, or the file is open in another program (such as Excel or WPS).</translation>
    </message>
    <message>
        <source>磁盘已满，请先腾出空间。</source>
        <translation>The disk is full; free some space first.</translation>
    </message>
    <message>
        <source>系统报告：{reason}</source>
        <translation>The system reports: {reason}</translation>
    </message>
</context>
<context>
    <name>Hall</name>
    <message>
        <source>供电营业厅</source>
        <translation>Electricity supply hall</translation>
    </message>
    <message>
        <source>供热服务厅</source>
        <translation>Heating service hall</translation>
    </message>
    <message>
        <source>电信营业厅</source>
        <translation>Telecom branch hall</translation>
    </message>
    <message>
        <source>值班长</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>柜员</source>
        <translation>Counter staff</translation>
    </message>
    <message>
        <source>引导员</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>安保</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{day}：时间应写成 HH:MM，例如 08:30</source>
        <translation>{day}: write times as HH:MM, e.g. 08:30</translation>
    </message>
    <message>
        <source>{day}：开门时间应早于关门时间</source>
        <translation>{day}: opening time must be before closing time</translation>
    </message>
    <message>
        <source>请填写营业厅名称</source>
        <translation>Please enter the hall name</translation>
    </message>
    <message>
        <source>请选择营业厅类型</source>
        <translation>Please choose the kind of hall</translation>
    </message>
    <message>
        <source>业务类型代码不能重复</source>
        <translation>Business type codes must be unique</translation>
    </message>
    <message>
        <source>业务类型名称不能为空</source>
        <translation>A business type needs a name</translation>
    </message>
    <message>
        <source>“{name}”的平均办理时长应大于 0 分钟</source>
        <translation>The average handling time of “{name}” must be more than 0 minutes</translation>
    </message>
</context>
<context>
    <name>HallContacts</name>
    <message>
        <source>本厅自己的应急电话（物业、上级值班、抢修等），显示在每个应急预案的 119、120、110 之后。</source>
        <translation>The hall&apos;s own emergency numbers (property office, duty manager, repair desk …), shown in every incident playbook after 119, 120 and 110.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>新联系人</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>增加电话</source>
        <translation>Add number</translation>
    </message>
    <message>
        <source>删除电话</source>
        <translation>Remove number</translation>
    </message>
    <message>
        <source>没有保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <source>应急电话：{what}</source>
        <translation>Emergency numbers: {what}</translation>
    </message>
</context>
<context>
    <name>HallProfileDialog</name>
    <message>
        <source>应急电话</source>
        <translation>Emergency numbers</translation>
    </message>
    <message>
        <source>只读模式：不能修改。</source>
        <translation>Read-only: changes are not possible.</translation>
    </message>
    <message>
        <source>修改营业厅资料</source>
        <translation>Change hall profile</translation>
    </message>
    <message>
        <source>营业厅资料</source>
        <translation>Hall profile</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>营业厅名称</source>
        <translation>Hall name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>所在地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>内置内容包</source>
        <translation>Built-in content pack</translation>
    </message>
    <message>
        <source>营业时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business types</translation>
    </message>
    <message>
        <source>平均办理时长用于排队测算。修改会立即保存。</source>
        <translation>Average handling time is used for queue planning. Changes are saved at once.</translation>
    </message>
    <message>
        <source>添加业务类型</source>
        <translation>Add business type</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>勾选每个窗口可以办理的业务。修改会立即保存。</source>
        <translation>Tick the business each counter can handle. Changes are saved at once.</translation>
    </message>
    <message>
        <source>添加窗口</source>
        <translation>Add counter</translation>
    </message>
    <message>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>勾选每位员工能办理的业务（技能）。修改会立即保存。</source>
        <translation>Tick the business each person can handle (skills). Changes are saved at once.</translation>
    </message>
    <message>
        <source>添加员工</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>所有修改都已自动保存。</source>
        <translation>Every change is saved automatically.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Incidents</name>
    <message>
        <source>开始处置</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>增加步骤</source>
        <translation>Step added</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>相关人员</source>
        <translation>Person involved</translation>
    </message>
    <message>
        <source>分工</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>广播/告知</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <source>定时提醒</source>
        <translation>Repeating prompt</translation>
    </message>
    <message>
        <source>时限达成</source>
        <translation>Target met</translation>
    </message>
    <message>
        <source>结束处置</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>其他人员</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <source>请先输入内容。</source>
        <translation>Please type something first.</translation>
    </message>
    <message>
        <source>内容太长（最多 2000 字），请分成几条记录。</source>
        <translation>Too long (2,000 characters at most); split it into several notes.</translation>
    </message>
    <message>
        <source>演练：{title}</source>
        <translation>Drill: {title}</translation>
    </message>
    <message>
        <source>启动：{title}</source>
        <translation>Start: {title}</translation>
    </message>
    <message>
        <source>例如：等候区东侧</source>
        <translation>e.g. east side of the waiting area</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(nobody in particular)</translation>
    </message>
    <message>
        <source>由谁做</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>发生时间</source>
        <translation>Happened at</translation>
    </message>
    <message>
        <source>补记完成时间</source>
        <translation>When was it done?</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Done at</translation>
    </message>
    <message>
        <source>记录相关人员</source>
        <translation>Person involved</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>姓名或称呼</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>例如：老年男性，约75岁，独自前来</source>
        <translation>e.g. elderly man, about 75, came alone</translation>
    </message>
    <message>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>请填写姓名或描述。</source>
        <translation>Please give a name or a description.</translation>
    </message>
    <message>
        <source>分工与交接</source>
        <translation>Roles and hand-over</translation>
    </message>
    <message>
        <source>职责</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>交给</source>
        <translation>Hand to</translation>
    </message>
    <message>
        <source>交接时间</source>
        <translation>Handed over at</translation>
    </message>
    <message>
        <source>请选择或输入接手的人。</source>
        <translation>Please choose or type who takes over.</translation>
    </message>
    <message>
        <source>发生位置</source>
        <translation>Where it happens</translation>
    </message>
    <message>
        <source>触点</source>
        <translation>Touchpoint</translation>
    </message>
    <message>
        <source>处置结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>（不关联触点）</source>
        <translation>(no touchpoint)</translation>
    </message>
    <message>
        <source>当班</source>
        <translation>On shift now</translation>
    </message>
    <message>
        <source>发生位置（触点）</source>
        <translation>Where (touchpoint)</translation>
    </message>
    <message>
        <source>后续整改（成为整改项）</source>
        <translation>Follow-ups (become corrective actions)</translation>
    </message>
    <message>
        <source>要做的事</source>
        <translation>What needs doing</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>选中一条按 Delete 删除</source>
        <translation>Select one and press Delete to remove it</translation>
    </message>
    <message>
        <source>整改期限不能早于今天。</source>
        <translation>The due date cannot be before today.</translation>
    </message>
    <message>
        <source>{title} — 责任人 {owner}，期限 {due}</source>
        <translation>{title} — owner {owner}, due {due}</translation>
    </message>
    <message>
        <source>请写明处置结果。</source>
        <translation>Please write down the outcome.</translation>
    </message>
    <message>
        <source>［{role}］</source>
        <translation>[{role}] </translation>
    </message>
    <message>
        <source>进行中的事件</source>
        <translation>Open incidents</translation>
    </message>
    <message>
        <source>现在没有进行中的事件。在“应急预案”中选择预案并启动。</source>
        <translation>No incident is open. Choose a playbook under “Playbooks” and start it.</translation>
    </message>
    <message>
        <source>演练 · 不计入真实事件</source>
        <translation>Drill · not counted as a real incident</translation>
    </message>
    <message>
        <source>双击一行（或在步骤上按 A）记为已做</source>
        <translation>Double-click a line (or press A on the steps) to mark it done</translation>
    </message>
    <message>
        <source>完成 空格</source>
        <translation>Done Space</translation>
    </message>
    <message>
        <source>跳过 S</source>
        <translation>Skip S</translation>
    </message>
    <message>
        <source>撤回 ⌫</source>
        <translation>Reopen ⌫</translation>
    </message>
    <message>
        <source>加步骤 +</source>
        <translation>Add step +</translation>
    </message>
    <message>
        <source>记录 N</source>
        <translation>Note N</translation>
    </message>
    <message>
        <source>人员 P</source>
        <translation>Person P</translation>
    </message>
    <message>
        <source>交接 R</source>
        <translation>Hand over R</translation>
    </message>
    <message>
        <source>提醒已做 A</source>
        <translation>Prompt done A</translation>
    </message>
    <message>
        <source>广播 B</source>
        <translation>Announce B</translation>
    </message>
    <message>
        <source>媒体 M</source>
        <translation>Media M</translation>
    </message>
    <message>
        <source>位置 L</source>
        <translation>Place L</translation>
    </message>
    <message>
        <source>结束 Ctrl+Enter</source>
        <translation>Close Ctrl+Enter</translation>
    </message>
    <message>
        <source>T：已经做完但现在才勾，补记完成时间</source>
        <translation>T: done a while ago, ticked now: give the time it was done</translation>
    </message>
    <message>
        <source>［演练］</source>
        <translation>[Drill] </translation>
    </message>
    <message>
        <source>开始于 {time}{location}</source>
        <translation>Started {time}{location}</translation>
    </message>
    <message>
        <source>— {label}  — 跳过：{reason}</source>
        <translation>— {label}  — skipped: {reason}</translation>
    </message>
    <message>
        <source>话术</source>
        <translation>Say</translation>
    </message>
    <message>
        <source>{role}：{person}</source>
        <translation>{role}: {person}</translation>
    </message>
    <message>
        <source>不要做</source>
        <translation>Do not</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <source>广播词（B）</source>
        <translation>Announcements (B)</translation>
    </message>
    <message>
        <source>媒体口径（M）</source>
        <translation>Media holding line (M)</translation>
    </message>
    <message>
        <source>最新记录</source>
        <translation>Latest entries</translation>
    </message>
    <message>
        <source>{time} {kind}：{text}</source>
        <translation>{time} {kind}: {text}</translation>
    </message>
    <message>
        <source>{mark} {text}：已完成</source>
        <translation>{mark} {text}: done</translation>
    </message>
    <message>
        <source>{mark} {text}：已超时 {time}</source>
        <translation>{mark} {text}: overdue by {time}</translation>
    </message>
    <message>
        <source>{mark} {text}：还有 {time}</source>
        <translation>{mark} {text}: {time} left</translation>
    </message>
    <message>
        <source>（每 {n} 分钟）</source>
        <translation> (every {n} min)</translation>
    </message>
    <message>
        <source>完成步骤</source>
        <translation>Tick step</translation>
    </message>
    <message>
        <source>跳过这一步</source>
        <translation>Skip this step</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>跳过步骤</source>
        <translation>Skip step</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>广播词</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <source>已向等候的顾客广播：</source>
        <translation>Announced to the waiting customers:</translation>
    </message>
</context>
<context>
    <name>IncidentsTab</name>
    <message>
        <source>应急预案</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>投诉登记</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>处置中（{count}）</source>
        <translation>Running ({count})</translation>
    </message>
    <message>
        <source>处置中</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>事件报告</source>
        <translation>Incident report</translation>
    </message>
    <message>
        <source>预览并打印…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>月度事件与投诉汇总</source>
        <translation>Monthly incident and complaint summary</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>预案卡片（张贴用，停电停机时也能照做）</source>
        <translation>Playbook cards (for the wall, and for when the PC is down)</translation>
    </message>
    <message>
        <source>每个预案一页 A4，注明修订日期和负责人。</source>
        <translation>One A4 page per playbook, with its revision date and owner.</translation>
    </message>
    <message>
        <source>全部预案卡片…</source>
        <translation>All playbook cards…</translation>
    </message>
    <message>
        <source>（演练）</source>
        <translation>(drill)</translation>
    </message>
    <message>
        <source>（处置中）</source>
        <translation>(running)</translation>
    </message>
    <message>
        <source>事件报告 {what}</source>
        <translation>Incident report {what}</translation>
    </message>
    <message>
        <source>事件与投诉月度汇总 {year}-{month:02d}</source>
        <translation>Incidents and complaints {year}-{month:02d}</translation>
    </message>
    <message>
        <source>预案卡片</source>
        <translation>Playbook cards</translation>
    </message>
</context>
<context>
    <name>Inspection</name>
    <message>
        <source>待整改</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已验证</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>第 {seq} 条签名记录之前缺少 {count} 条记录，可能被删除了。</source>
        <translation>{count} records are missing before signature record {seq}; they may have been deleted.</translation>
    </message>
    <message>
        <source>第 {seq} 条签名记录的位置不对，这里应为第 {expected} 条。</source>
        <translation>Signature record {seq} is out of place; record {expected} should be here.</translation>
    </message>
    <message>
        <source>第 {seq} 条签名记录与前一条接不上。</source>
        <translation>Signature record {seq} does not link to the one before it.</translation>
    </message>
    <message>
        <source>第 {seq} 条签名记录本身被改动过，校验值不符。</source>
        <translation>Signature record {seq} itself has been altered; its checksum does not match.</translation>
    </message>
    <message>
        <source>第 {seq} 条签名记录对应的内容（{ref_id}）已不存在。</source>
        <translation>The content signed in signature record {seq} ({ref_id}) no longer exists.</translation>
    </message>
    <message>
        <source>第 {seq} 条签名记录对应的内容（{ref_id}）在签名后被改动过，改动不是在本软件中做的。</source>
        <translation>The content signed in signature record {seq} ({ref_id}) was changed after signing, outside this program.</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>待巡检</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已错过</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>第 {number} 个巡检：请填写名称。</source>
        <translation>Round {number}: please enter a name.</translation>
    </message>
    <message>
        <source>巡检名称“{name}”重复了，每个巡检的名称应不同。</source>
        <translation>The round name “{name}” is used twice; each round needs a different name.</translation>
    </message>
    <message>
        <source>“{name}”的时间应写成 HH:MM，例如 08:30，而不是“{time}”。</source>
        <translation>“{name}”: write the time as HH:MM, e.g. 08:30, not “{time}”.</translation>
    </message>
    <message>
        <source>“{name}”的时间 {time} 应晚于前一个巡检“{previous}”的 {previous_time}。</source>
        <translation>“{name}” at {time} must come after the previous round, “{previous}” at {previous_time}.</translation>
    </message>
    <message>
        <source>合格/不合格/不适用</source>
        <translation>Pass/Fail/Not applicable</translation>
    </message>
    <message>
        <source>数值（有合格范围）</source>
        <translation>Number (with a pass range)</translation>
    </message>
    <message>
        <source>简短文字</source>
        <translation>Short text</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>整理</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>整顿</source>
        <translation>Set in order</translation>
    </message>
    <message>
        <source>清扫</source>
        <translation>Shine</translation>
    </message>
    <message>
        <source>清洁</source>
        <translation>Standardise</translation>
    </message>
    <message>
        <source>素养</source>
        <translation>Sustain</translation>
    </message>
    <message>
        <source>安全</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>有形度</source>
        <translation>Tangibles</translation>
    </message>
    <message>
        <source>同理度</source>
        <translation>Empathy</translation>
    </message>
    <message>
        <source>反应度</source>
        <translation>Responsiveness</translation>
    </message>
    <message>
        <source>专业度</source>
        <translation>Professionalism</translation>
    </message>
    <message>
        <source>信赖度</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <source>轻微</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>严重</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>得分 = 合格项目的权重之和 ÷ 参与评分项目（合格 + 不合格）的权重之和 × 100。权重越高的项目对得分影响越大；不适用、未作答和文字项目不参与评分，既不加分也不扣分。</source>
        <translation>Score = total weight of passed items ÷ total weight of scored items (passed + failed) × 100. Items with a higher weight count for more; not applicable, unanswered and text items are not scored and neither add nor take away points.</translation>
    </message>
    <message>
        <source>还没有参与评分的项目（都是不适用、未作答或文字项目），所以暂无得分。</source>
        <translation>No item is scored yet (all are not applicable, unanswered or text items), so there is no score.</translation>
    </message>
    <message>
        <source>合格项权重合计 {passed_weight}，参与评分的权重合计 {scored_weight}，得分 = {passed_weight} ÷ {scored_weight} × 100 = {score}。</source>
        <translation>Weight of passed items {passed_weight}, weight of scored items {scored_weight}; score = {passed_weight} ÷ {scored_weight} × 100 = {score}.</translation>
    </message>
    <message>
        <source>合格 {passed} 项，不合格 {failed} 项；不适用 {not_applicable} 项和未作答 {unanswered} 项不计入得分。</source>
        <translation>Passed: {passed}, failed: {failed}; not applicable ({not_applicable}) and unanswered ({unanswered}) items do not count towards the score.</translation>
    </message>
    <message>
        <source>第 {line} 行起还有 {count} 个问题，请先改正以上问题。</source>
        <translation>{count} more problems from line {line} on; please correct the ones above first.</translation>
    </message>
    <message>
        <source>第 {line} 行：无法识别文件的文字编码。请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入。</source>
        <translation>Line {line}: the text encoding of the file is not recognised. Save it as “CSV UTF-8” in Excel or WPS, then import it again.</translation>
    </message>
    <message>
        <source>第 {line} 行：引号没有配对，无法读取这一行及以后的内容。</source>
        <translation>Line {line}: a quotation mark is not closed, so this line and everything after it cannot be read.</translation>
    </message>
    <message>
        <source>第 {line} 行：文件是空的。</source>
        <translation>Line {line}: the file is empty.</translation>
    </message>
    <message>
        <source>第 {line} 行：第一行应为“模板,模板名称,英文名称”，这里却是表头。</source>
        <translation>Line {line}: the first row should be “模板,template name,English name”, but this is the header row.</translation>
    </message>
    <message>
        <source>第 {line} 行：第一行应为“模板,模板名称,英文名称”，且模板名称不能为空。</source>
        <translation>Line {line}: the first row should be “模板,template name,English name”, and the template name cannot be empty.</translation>
    </message>
    <message>
        <source>第 {line} 行之后缺少表头行。</source>
        <translation>The header row is missing after line {line}.</translation>
    </message>
    <message>
        <source>第 {line} 行：表头之后没有任何检查项目。</source>
        <translation>Line {line}: there are no check items after the header.</translation>
    </message>
    <message>
        <source>第 {line} 行：表头中的“{column}”列不认识，请检查拼写。</source>
        <translation>Line {line}: the header column “{column}” is not recognised; please check the spelling.</translation>
    </message>
    <message>
        <source>第 {line} 行：表头中的“{column}”列出现了两次。</source>
        <translation>Line {line}: the header column “{column}” appears twice.</translation>
    </message>
    <message>
        <source>第 {line} 行：表头缺少“{column}”列。</source>
        <translation>Line {line}: the header has no “{column}” column.</translation>
    </message>
    <message>
        <source>第 {line} 行：有内容写在了没有表头的列里。</source>
        <translation>Line {line}: there is content in a column without a header.</translation>
    </message>
    <message>
        <source>第 {line} 行：“{column}”不能为空。</source>
        <translation>Line {line}: “{column}” cannot be empty.</translation>
    </message>
    <message>
        <source>第 {line} 行：编号“{key}”的格式不对，应为“前缀-序号”，例如 OPEN-01；前缀只能用字母、数字和下划线。</source>
        <translation>Line {line}: the ID “{key}” is not in the form “PREFIX-NUMBER”, e.g. OPEN-01; the prefix may contain only letters, digits and underscores.</translation>
    </message>
    <message>
        <source>第 {line} 行：检查项目最多 {limit} 个字，这里有 {length} 个字。</source>
        <translation>Line {line}: a check item may have at most {limit} characters; this one has {length}.</translation>
    </message>
    <message>
        <source>第 {line} 行：{column}“{value}”不认识，可填：{choices}。</source>
        <translation>Line {line}: {column} “{value}” is not recognised; allowed values: {choices}.</translation>
    </message>
    <message>
        <source>第 {line} 行：权重应为 1 到 5 的整数，而不是“{value}”。</source>
        <translation>Line {line}: the weight should be a whole number from 1 to 5, not “{value}”.</translation>
    </message>
    <message>
        <source>第 {line} 行：{column}应填“是”或“否”，而不是“{value}”。</source>
        <translation>Line {line}: {column} should be “是” or “否” (yes or no), not “{value}”.</translation>
    </message>
    <message>
        <source>第 {line} 行：{column}应为数字，而不是“{value}”。</source>
        <translation>Line {line}: {column} should be a number, not “{value}”.</translation>
    </message>
    <message>
        <source>第 {line} 行：类型为“数值”的项目需要填写下限或上限。</source>
        <translation>Line {line}: an item of type “数值” needs a lower limit (下限) or an upper limit (上限).</translation>
    </message>
    <message>
        <source>第 {line} 行：只有类型为“数值”的项目才填写下限和上限。</source>
        <translation>Line {line}: only items of type “数值” take a lower limit (下限) or an upper limit (上限).</translation>
    </message>
    <message>
        <source>第 {line} 行：下限 {minimum} 大于上限 {maximum}。</source>
        <translation>Line {line}: the lower limit {minimum} is greater than the upper limit {maximum}.</translation>
    </message>
    <message>
        <source>第 {line} 行：编号 {key} 已在第 {first} 行使用。</source>
        <translation>Line {line}: the ID {key} is already used on line {first}.</translation>
    </message>
    <message>
        <source>第 {line} 行：分区“{title}”的编号前缀应为 {expected}（同第 {first} 行），而不是 {prefix}。</source>
        <translation>Line {line}: the ID prefix of section “{title}” should be {expected} (as on line {first}), not {prefix}.</translation>
    </message>
    <message>
        <source>第 {line} 行：编号前缀 {prefix} 已用于第 {first} 行的分区“{other}”，一个前缀只能对应一个分区。</source>
        <translation>Line {line}: the ID prefix {prefix} is already used by section “{other}” on line {first}; a prefix can belong to only one section.</translation>
    </message>
    <message>
        <source>第 {line} 行：分区“{title}”的项目应连续排列，它从第 {first} 行开始，中间却隔着别的分区。</source>
        <translation>Line {line}: the items of section “{title}” should be listed together; it starts on line {first}, but another section comes in between.</translation>
    </message>
    <message>
        <source>合格标准：{text}</source>
        <translation>Pass criteria: {text}</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <source>此项不合格时需要拍照留证。</source>
        <translation>A photo is expected as evidence when this item fails.</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>无法读取图片</source>
        <translation>Could not read images</translation>
    </message>
    <message>
        <source>这些文件不是可以读取的图片，没有添加：
{files}</source>
        <translation>These files are not readable images and were not added:
{files}</translation>
    </message>
    <message>
        <source>粘贴照片</source>
        <translation>Paste photo</translation>
    </message>
    <message>
        <source>剪贴板里没有图片。</source>
        <translation>There is no picture on the clipboard.</translation>
    </message>
    <message>
        <source>请写一句问题说明，整改人才知道要改什么</source>
        <translation>Describe the problem in a sentence so the owner knows what to put right</translation>
    </message>
    <message>
        <source>签字确认</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>签字后本轮记录不能再直接修改，更正需要写明原因。{score}</source>
        <translation>Once signed off, this round cannot be changed directly; an amendment needs a reason. {score}</translation>
    </message>
    <message>
        <source>签字人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>更正已签字的记录</source>
        <translation>Amend a signed-off record</translation>
    </message>
    <message>
        <source>必须填写，例如：复核录入错误</source>
        <translation>Required, e.g. entry error found on review</translation>
    </message>
    <message>
        <source>按数值/文字</source>
        <translation>From the value/text</translation>
    </message>
    <message>
        <source>新的数值/文字</source>
        <translation>New value/text</translation>
    </message>
    <message>
        <source>新的结果</source>
        <translation>New result</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>更正原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>更正人</source>
        <translation>Amended by</translation>
    </message>
    <message>
        <source>整改复查</source>
        <translation>Verify corrective action</translation>
    </message>
    <message>
        <source>例如：已补充饮用水，现场复查合格</source>
        <translation>e.g. Drinking water refilled; checked on site and OK</translation>
    </message>
    <message>
        <source>复查说明</source>
        <translation>Verification note</translation>
    </message>
    <message>
        <source>复查人</source>
        <translation>Verified by</translation>
    </message>
</context>
<context>
    <name>InspectionHistory</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>巡检</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>不合格项</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>签字人</source>
        <translation>Signed off by</translation>
    </message>
    <message>
        <source>低于90分合格线</source>
        <translation>Below the pass line of 90</translation>
    </message>
    <message>
        <source>这次巡检还没有签字确认</source>
        <translation>This round has not been signed off yet</translation>
    </message>
    <message>
        <source>{name}（第{version}版）</source>
        <translation>{name} (version {version})</translation>
    </message>
    <message>
        <source>{score}（未完成）</source>
        <translation>{score} (incomplete)</translation>
    </message>
    <message>
        <source>○ 未签字</source>
        <translation>○ Not signed off</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>有不合格项</source>
        <translation>With failures</translation>
    </message>
    <message>
        <source>低于90分</source>
        <translation>Below 90</translation>
    </message>
    <message>
        <source>未签字</source>
        <translation>Not signed off</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>共 {count} 次巡检</source>
        <translation>Rounds: {count}</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>开始/继续（回车）</source>
        <translation>Start/continue (Enter)</translation>
    </message>
    <message>
        <source>临时巡检…</source>
        <translation>Ad hoc round…</translation>
    </message>
    <message>
        <source>  {score:.1f} 分</source>
        <translation>  {score:.1f} points</translation>
    </message>
    <message>
        <source>  已签字</source>
        <translation>  Signed off</translation>
    </message>
    <message>
        <source>临时巡检</source>
        <translation>Ad hoc round</translation>
    </message>
    <message>
        <source>用哪张巡检表？</source>
        <translation>Which checklist?</translation>
    </message>
    <message>
        <source>选择汇总周期</source>
        <translation>Choose the summary period</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>上个月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>巡检录入</source>
        <translation>Round entry</translation>
    </message>
    <message>
        <source>整改项</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <source>趋势</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>模板与计划</source>
        <translation>Templates and plan</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>空白巡检表（所选日期的全部巡检）…</source>
        <translation>Blank inspection sheet (every round of the selected date)…</translation>
    </message>
    <message>
        <source>所选日期的巡检报告…</source>
        <translation>Round reports of the selected date…</translation>
    </message>
    <message>
        <source>当前这一轮的报告…</source>
        <translation>Report of the open round…</translation>
    </message>
    <message>
        <source>周期汇总（一周或一个月）…</source>
        <translation>Period summary (a week or a month)…</translation>
    </message>
    <message>
        <source>空白巡检表 {date}</source>
        <translation>Blank inspection sheet {date}</translation>
    </message>
    <message>
        <source>巡检报告 {date}</source>
        <translation>Round reports {date}</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>请先打开一轮巡检。</source>
        <translation>Open a round first.</translation>
    </message>
    <message>
        <source>巡检报告 {date} {name}</source>
        <translation>Round report {date} {name}</translation>
    </message>
    <message>
        <source>巡检汇总 {start} 至 {end}</source>
        <translation>Inspection summary {start} to {end}</translation>
    </message>
</context>
<context>
    <name>InspectionTrends</name>
    <message>
        <source>得分趋势</source>
        <translation>Score trend</translation>
    </message>
    <message>
        <source>常见不合格项</source>
        <translation>Common failures</translation>
    </message>
    <message>
        <source>整改按期完成</source>
        <translation>Actions closed on time</translation>
    </message>
    <message>
        <source>时间范围</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>近90天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>近一年</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>评分公式</source>
        <translation>Scoring formula</translation>
    </message>
    <message>
        <source>得分是怎样算出来的</source>
        <translation>How the score is worked out</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>合格线 90 分</source>
        <translation>Pass line 90</translation>
    </message>
    <message>
        <source>每日平均得分</source>
        <translation>Daily average score</translation>
    </message>
    <message>
        <source>每周平均得分</source>
        <translation>Weekly average score</translation>
    </message>
    <message>
        <source>合格线（国网以90分为合格线）</source>
        <translation>Pass line (State Grid sets it at 90)</translation>
    </message>
    <message>
        <source>分区得分（勾选显示）</source>
        <translation>Section scores (tick to show)</translation>
    </message>
    <message>
        <source>查看某天的不合格项</source>
        <translation>Failures on</translation>
    </message>
    <message>
        <source>不合格次数</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>排名（见右表）</source>
        <translation>Rank (see the table on the right)</translation>
    </message>
    <message>
        <source>累计占比 %</source>
        <translation>Cumulative share %</translation>
    </message>
    <message>
        <source>按期完成 %</source>
        <translation>On time %</translation>
    </message>
    <message>
        <source>平均得分 {score} · 完成巡检 {rounds} 次 · 低于90分的天数 {low}</source>
        <translation>Average score {score} · rounds completed: {rounds} · days below 90: {low}</translation>
    </message>
    <message>
        <source>这段时间没有完成的巡检</source>
        <translation>No rounds completed in this period</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Check item</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>累计占比</source>
        <translation>Cumulative share</translation>
    </message>
    <message>
        <source>到期的整改项 {due} 项，按期完成 {on_time} 项（{share}%）。绿色柱：本周按期完成不少于90%；橙色柱：低于90%。</source>
        <translation>Corrective actions due: {due}; closed on time: {on_time} ({share}%). Green bars: at least 90% on time that week; orange bars: below 90%.</translation>
    </message>
    <message>
        <source>这段时间没有到期的整改项。</source>
        <translation>No corrective actions fell due in this period.</translation>
    </message>
    <message>
        <source>周（周一）</source>
        <translation>Week starting</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>按期完成</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>按期率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>{day}：没有完成的巡检。</source>
        <translation>{day}: no rounds completed.</translation>
    </message>
    <message>
        <source>{day}：巡检 {rounds} 次，平均 {score} 分，不合格 {count} 项。</source>
        <translation>{day}: rounds: {rounds}, average score {score}, failures: {count}.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>巡检</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>严重度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>一天的得分是当天已完成巡检得分的平均值；每周得分是该周全部巡检的平均值。低于90分（国网合格线）的得分以红色和▼标出。</source>
        <translation>A day&apos;s score is the average score of the rounds completed that day; a week&apos;s score is the average of all its rounds. Scores below 90 (the State Grid pass line) are marked in red with ▼.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>巡检</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>触点地图</source>
        <translation>Touchpoint map</translation>
    </message>
    <message>
        <source>排队与排班</source>
        <translation>Queue and staffing</translation>
    </message>
    <message>
        <source>突发事件</source>
        <translation>Incident playbooks</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>只读：修改不会保存</source>
        <translation>Read-only: changes will not be saved</translation>
    </message>
    <message>
        <source>营业厅现场管理助手</source>
        <translation>Hall Supervisor</translation>
    </message>
    <message>
        <source>还没有营业厅资料</source>
        <translation>No hall profile yet</translation>
    </message>
    <message>
        <source>这个数据库还没有营业厅资料，而当前是只读模式，无法填写。</source>
        <translation>This database has no hall profile yet, and it is open read-only, so one cannot be entered.</translation>
    </message>
    <message>
        <source>数据库文件有损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>检查发现数据库文件有损坏，继续使用可能丢失数据。请立即用“文件 → 从备份恢复”恢复最近的完好备份；当前文件会改名保留，不会被删除。</source>
        <translation>A check found damage in the database file; carrying on may lose data. Please restore the latest good backup now with “File → Restore from backup”; the current file is renamed and kept, never deleted.</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>数据库完好。</source>
        <translation>The database is healthy.</translation>
    </message>
    <message>
        <source>发现问题，见下面的说明。</source>
        <translation>Problems were found; see below.</translation>
    </message>
    <message>
        <source>检查数据库</source>
        <translation>Check database</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>还没有这个数据库的备份。</source>
        <translation>There is no backup of this database yet.</translation>
    </message>
    <message>
        <source>选择要恢复的备份。当前数据库会改名保留，不会被删除；恢复后软件会重新启动。</source>
        <translation>Choose the backup to restore. The current database is renamed and kept, never deleted; the program restarts afterwards.</translation>
    </message>
    <message>
        <source>这个备份文件已损坏，不能使用。</source>
        <translation>This backup file is damaged and cannot be used.</translation>
    </message>
    <message>
        <source>打开或新建数据库</source>
        <translation>Open or create a database</translation>
    </message>
    <message>
        <source>营业厅数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Hall databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>切换语言</source>
        <translation>Change language</translation>
    </message>
    <message>
        <source>界面语言将在重新启动后切换。现在重新启动吗？</source>
        <translation>The language changes when the program restarts. Restart now?</translation>
    </message>
    <message>
        <source>营业厅资料</source>
        <translation>Hall profile</translation>
    </message>
    <message>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>查找应急预案</source>
        <translation>Find an incident playbook</translation>
    </message>
    <message>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;h3&gt;营业厅现场管理助手 {version}&lt;/h3&gt;&lt;p&gt;供电、供热、电信营业厅值班长的现场管理工具：巡检、触点地图、排队与排班、突发事件。&lt;/p&gt;&lt;p&gt;所有数据保存在本机的一个文件中，无需联网：&lt;br&gt;{db}&lt;/p&gt;&lt;p&gt;日志文件：{log}&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache 2.0 许可）。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Hall Supervisor {version}&lt;/h3&gt;&lt;p&gt;On-site management for supervisors of electricity, heating and telecom service halls: inspection rounds, touchpoint map, queue and staffing, incident playbooks.&lt;/p&gt;&lt;p&gt;All data stays in one file on this computer; no network needed:&lt;br&gt;{db}&lt;/p&gt;&lt;p&gt;Log file: {log}&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei (Apache 2.0 licence).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>营业厅(&amp;H)</source>
        <translation>&amp;Hall</translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>帮助(&amp;A)</source>
        <translation>He&amp;lp</translation>
    </message>
    <message>
        <source>打开数据库(&amp;O)…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>检查数据库(&amp;C)</source>
        <translation>&amp;Check database</translation>
    </message>
    <message>
        <source>打开数据文件夹(&amp;D)</source>
        <translation>Open &amp;data folder</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>营业厅资料(&amp;P)…</source>
        <translation>Hall &amp;profile…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>键盘快捷键(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>打开日志文件夹(&amp;G)</source>
        <translation>Open lo&amp;g folder</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
</context>
<context>
    <name>MapEditor</name>
    <message>
        <source>无法读取文件：{reason}</source>
        <translation>Cannot read the file: {reason}</translation>
    </message>
    <message>
        <source>图片太大（超过 30 MB），请先缩小后再导入。</source>
        <translation>The picture is too large (over 30 MB). Make it smaller first, then import it.</translation>
    </message>
    <message>
        <source>图片像素过多，请先缩小后再导入。</source>
        <translation>The picture has too many pixels. Make it smaller first, then import it.</translation>
    </message>
    <message>
        <source>这不是可以使用的图片文件（支持 PNG、JPG、BMP、GIF、WebP）。</source>
        <translation>This is not a picture that can be used (PNG, JPG, BMP, GIF and WebP work).</translation>
    </message>
    <message>
        <source>选择平面图照片或扫描件</source>
        <translation>Choose a photo or scan of the floor plan</translation>
    </message>
    <message>
        <source>图片 ({patterns})</source>
        <translation>Pictures ({patterns})</translation>
    </message>
    <message>
        <source>设定比例尺</source>
        <translation>Set the scale</translation>
    </message>
    <message>
        <source>这条线的实际长度（米）：</source>
        <translation>Real length of this line (metres):</translation>
    </message>
    <message>
        <source>动线 {length} 米</source>
        <translation>Flow {length} m</translation>
    </message>
    <message>
        <source>添加{name}</source>
        <translation>Add {name}</translation>
    </message>
    <message>
        <source>画动线</source>
        <translation>Draw the flow line</translation>
    </message>
    <message>
        <source>新触点</source>
        <translation>New touchpoint</translation>
    </message>
    <message>
        <source>添加触点</source>
        <translation>Add touchpoint</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>旋转</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>调整大小</source>
        <translation>Resize</translation>
    </message>
    <message>
        <source>修改动线</source>
        <translation>Change the flow line</translation>
    </message>
    <message>
        <source>移动背景图</source>
        <translation>Move the background</translation>
    </message>
    <message>
        <source>微移</source>
        <translation>Nudge</translation>
    </message>
    <message>
        <source>对齐</source>
        <translation>Align</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除触点</source>
        <translation>Delete touchpoint</translation>
    </message>
    <message>
        <source>删除动线</source>
        <translation>Delete the flow line</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>工具</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>选择/移动</source>
        <translation>Select / move</translation>
    </message>
    <message>
        <source>点选、框选或拖动；按住 Alt 拖动时不吸附网格</source>
        <translation>Click, drag a box or drag items; hold Alt while dragging to leave the grid</translation>
    </message>
    <message>
        <source>依次单击各转折点，双击或回车结束，Esc 取消</source>
        <translation>Click each corner in turn; double-click or Enter to finish, Esc to cancel</translation>
    </message>
    <message>
        <source>触点</source>
        <translation>Touchpoint</translation>
    </message>
    <message>
        <source>在地图上单击，放置一个服务触点</source>
        <translation>Click on the map to pin a service touchpoint</translation>
    </message>
    <message>
        <source>比例尺</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>在背景图上沿已知长度画一条线，再输入实际长度</source>
        <translation>Draw a line along a known length on the background, then enter its real length</translation>
    </message>
    <message>
        <source>建筑</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>沿墙拖动画出一段墙</source>
        <translation>Drag along the wall to draw it</translation>
    </message>
    <message>
        <source>在墙上拖动画出门洞</source>
        <translation>Drag along a wall to draw a door</translation>
    </message>
    <message>
        <source>拖出一个矩形区域，或单击放置默认大小</source>
        <translation>Drag out a rectangle, or click for the default size</translation>
    </message>
    <message>
        <source>单击放置，或拖出所需大小</source>
        <translation>Click to place, or drag out the size you need</translation>
    </message>
    <message>
        <source>大厅尺寸</source>
        <translation>Hall size</translation>
    </message>
    <message>
        <source>宽度（左右）：</source>
        <translation>Width (left to right):</translation>
    </message>
    <message>
        <source>进深（前后）：</source>
        <translation>Depth (front to back):</translation>
    </message>
    <message>
        <source>网格间距：</source>
        <translation>Grid spacing:</translation>
    </message>
    <message>
        <source>默认显示类型名称</source>
        <translation>Shows the type&apos;s name by default</translation>
    </message>
    <message>
        <source>类型：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>X：</source>
        <translation>X:</translation>
    </message>
    <message>
        <source>Y：</source>
        <translation>Y:</translation>
    </message>
    <message>
        <source>宽：</source>
        <translation>Width:</translation>
    </message>
    <message>
        <source>深：</source>
        <translation>Depth:</translation>
    </message>
    <message>
        <source>旋转：</source>
        <translation>Rotation:</translation>
    </message>
    <message>
        <source>编辑触点…</source>
        <translation>Edit touchpoint…</translation>
    </message>
    <message>
        <source>未选中</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <source>已选中 {count} 项</source>
        <translation>{count} items selected</translation>
    </message>
    <message>
        <source>触点 {code} {name}</source>
        <translation>Touchpoint {code} {name}</translation>
    </message>
    <message>
        <source>动线（双击线段加点，双击转折点删点）</source>
        <translation>Flow line (double-click a stretch to add a corner, a corner to remove it)</translation>
    </message>
    <message>
        <source>修改尺寸或位置</source>
        <translation>Change size or position</translation>
    </message>
    <message>
        <source>修改类型</source>
        <translation>Change type</translation>
    </message>
    <message>
        <source>修改名称</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>只读：这个数据库不能修改</source>
        <translation>Read-only: this database cannot be changed</translation>
    </message>
    <message>
        <source>这个营业厅还没有平面图</source>
        <translation>This hall has no floor plan yet</translation>
    </message>
    <message>
        <source>从一个初始布局开始再按实际修改，或从空白平面图、平面图照片开始描绘。</source>
        <translation>Start from a starter layout and adapt it, or draw on a blank plan or over a photo of your floor plan.</translation>
    </message>
    <message>
        <source>{name}（推荐）</source>
        <translation>{name} (suggested)</translation>
    </message>
    <message>
        <source>空白平面图…</source>
        <translation>Blank plan…</translation>
    </message>
    <message>
        <source>从平面图照片开始…</source>
        <translation>Start from a floor-plan photo…</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>左对齐</source>
        <translation>Align left</translation>
    </message>
    <message>
        <source>水平居中</source>
        <translation>Centre horizontally</translation>
    </message>
    <message>
        <source>右对齐</source>
        <translation>Align right</translation>
    </message>
    <message>
        <source>顶端对齐</source>
        <translation>Align top</translation>
    </message>
    <message>
        <source>垂直居中</source>
        <translation>Centre vertically</translation>
    </message>
    <message>
        <source>底端对齐</source>
        <translation>Align bottom</translation>
    </message>
    <message>
        <source>旋转 90°</source>
        <translation>Rotate 90°</translation>
    </message>
    <message>
        <source>吸附网格</source>
        <translation>Snap to grid</translation>
    </message>
    <message>
        <source>移动和绘制时对齐网格；拖动时按住 Alt 可临时不吸附</source>
        <translation>Moves and drawings land on the grid; hold Alt while dragging to leave it</translation>
    </message>
    <message>
        <source>显示网格</source>
        <translation>Show grid</translation>
    </message>
    <message>
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>导入平面图照片…</source>
        <translation>Import floor-plan photo…</translation>
    </message>
    <message>
        <source>画线设定比例尺</source>
        <translation>Set the scale by drawing a line</translation>
    </message>
    <message>
        <source>锁定背景图</source>
        <translation>Lock the background</translation>
    </message>
    <message>
        <source>透明度</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>移除背景图</source>
        <translation>Remove the background</translation>
    </message>
    <message>
        <source>背景图</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>大厅尺寸与网格…</source>
        <translation>Hall size and grid…</translation>
    </message>
    <message>
        <source>换用初始布局</source>
        <translation>Replace with a starter layout</translation>
    </message>
    <message>
        <source>换成空白平面图…</source>
        <translation>Replace with a blank plan…</translation>
    </message>
    <message>
        <source>布局</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>触点地图</source>
        <translation>Touchpoint map</translation>
    </message>
    <message>
        <source>平面图</source>
        <translation>Floor plan</translation>
    </message>
    <message>
        <source>导入平面图照片</source>
        <translation>Import floor-plan photo</translation>
    </message>
    <message>
        <source>更换平面图</source>
        <translation>Replace the floor plan</translation>
    </message>
    <message>
        <source>当前平面图及其触点将被替换（旧图仍保留在数据库中，但不再显示）。此操作不能撤销。是否继续？</source>
        <translation>The current plan and its touchpoints will be replaced (the old plan stays in the database but is no longer shown). This cannot be undone. Go on?</translation>
    </message>
    <message>
        <source>修改大厅尺寸</source>
        <translation>Change the hall size</translation>
    </message>
    <message>
        <source>请用“背景图 → 画线设定比例尺”沿一段已知长度画线。</source>
        <translation>Use “Background → Set the scale by drawing a line” along a known length.</translation>
    </message>
    <message>
        <source>请先导入平面图照片或扫描件。</source>
        <translation>Import a photo or scan of the floor plan first.</translation>
    </message>
    <message>
        <source>比例尺已设定：大厅按照片定为 {w} × {d} 米，可在“布局 → 大厅尺寸与网格…”中修改。</source>
        <translation>Scale set: the hall now matches the photo, {w} × {d} m (change it under Layout → Hall size and grid…).</translation>
    </message>
    <message>
        <source>解锁背景图</source>
        <translation>Unlock the background</translation>
    </message>
    <message>
        <source>背景透明度</source>
        <translation>Background opacity</translation>
    </message>
    <message>
        <source>编辑触点</source>
        <translation>Edit touchpoint</translation>
    </message>
    <message>
        <source>{hall} 触点地图</source>
        <translation>{hall} touchpoint map</translation>
    </message>
    <message>
        <source>动线长度 {length} 米</source>
        <translation>Flow line {length} m long</translation>
    </message>
    <message>
        <source>还没有动线：用“画动线”工具画出顾客的路线</source>
        <translation>No flow line yet: draw the customers&apos; route with “Draw the flow line”</translation>
    </message>
    <message>
        <source>注意：{problems}</source>
        <translation>Note: {problems}</translation>
    </message>
    <message>
        <source>滚轮缩放，中键或空格+拖动平移，方向键移动所选</source>
        <translation>Wheel zooms; middle button or Space + drag pans; arrow keys move the selection</translation>
    </message>
    <message>
        <source>沿墙拖动画墙，Esc 取消</source>
        <translation>Drag along the wall to draw it, Esc to cancel</translation>
    </message>
    <message>
        <source>在墙上拖动画门，Esc 取消</source>
        <translation>Drag along a wall to draw a door, Esc to cancel</translation>
    </message>
    <message>
        <source>拖出区域，或单击放置默认大小，Esc 取消</source>
        <translation>Drag out the area, or click for the default size, Esc to cancel</translation>
    </message>
    <message>
        <source>单击放置，或拖出所需大小，Esc 取消</source>
        <translation>Click to place, or drag out the size, Esc to cancel</translation>
    </message>
    <message>
        <source>单击各转折点，双击或回车结束，退格撤回一点，Esc 取消</source>
        <translation>Click each corner; double-click or Enter finishes, Backspace takes a corner back, Esc cancels</translation>
    </message>
    <message>
        <source>单击放置触点，Esc 取消</source>
        <translation>Click to pin a touchpoint, Esc to cancel</translation>
    </message>
    <message>
        <source>在背景图上沿已知长度拖一条线</source>
        <translation>Drag a line along a known length on the background</translation>
    </message>
    <message>
        <source>1 米 = {pixels} 像素</source>
        <translation>1 m = {pixels} px</translation>
    </message>
</context>
<context>
    <name>MapFlow</name>
    <message>
        <source>动线在第 {first} 段和第 {second} 段交叉</source>
        <translation>The flow line crosses itself (stretches {first} and {second})</translation>
    </message>
    <message>
        <source>动线在第 {point} 个转折点折返（{angle}°）</source>
        <translation>The flow line runs back at corner {point} ({angle}°)</translation>
    </message>
</context>
<context>
    <name>MapLayout</name>
    <message>
        <source>墙</source>
        <translation>Wall</translation>
    </message>
    <message>
        <source>门</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>功能区</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>设施</source>
        <translation>Furniture</translation>
    </message>
    <message>
        <source>入口</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <source>引导台</source>
        <translation>Guide desk</translation>
    </message>
    <message>
        <source>取号机</source>
        <translation>Ticket machine</translation>
    </message>
    <message>
        <source>等候区</source>
        <translation>Waiting area</translation>
    </message>
    <message>
        <source>业务柜台</source>
        <translation>Service counters</translation>
    </message>
    <message>
        <source>自助服务区</source>
        <translation>Self-service area</translation>
    </message>
    <message>
        <source>展示宣传区</source>
        <translation>Display and publicity</translation>
    </message>
    <message>
        <source>咨询/VIP区</source>
        <translation>Consultation / VIP</translation>
    </message>
    <message>
        <source>便民服务角</source>
        <translation>Convenience corner</translation>
    </message>
    <message>
        <source>后台/员工区</source>
        <translation>Back office / staff</translation>
    </message>
    <message>
        <source>出口</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>柜台</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>座椅</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>排椅</source>
        <translation>Bench</translation>
    </message>
    <message>
        <source>自助终端</source>
        <translation>Self-service terminal</translation>
    </message>
    <message>
        <source>叫号机</source>
        <translation>Ticket kiosk</translation>
    </message>
    <message>
        <source>显示屏</source>
        <translation>Screen</translation>
    </message>
    <message>
        <source>桌子</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>资料架</source>
        <translation>Leaflet rack</translation>
    </message>
    <message>
        <source>饮水机</source>
        <translation>Water dispenser</translation>
    </message>
    <message>
        <source>绿植</source>
        <translation>Plant</translation>
    </message>
    <message>
        <source>到达</source>
        <translation>Arrive</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Get a ticket</translation>
    </message>
    <message>
        <source>等候</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Be served</translation>
    </message>
    <message>
        <source>缴费</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>离开</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>布局文件无法读取：{reason}</source>
        <translation>The layout file cannot be read: {reason}</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>（模板已不存在）</source>
        <translation>(template no longer exists)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>巡检名称不能为空。</source>
        <translation>A round needs a name.</translation>
    </message>
    <message>
        <source>时间应写成“时:分”，例如 08:30。</source>
        <translation>Write the time as HH:MM, e.g. 08:30.</translation>
    </message>
    <message>
        <source>{time} 已安排了“{name}”：每个时间只能安排一轮巡检。</source>
        <translation>“{name}” is already planned at {time}: only one round can be planned at a time.</translation>
    </message>
    <message>
        <source>请选择一个模板。</source>
        <translation>Please choose a template.</translation>
    </message>
    <message>
        <source>修改巡检计划</source>
        <translation>Change round plan</translation>
    </message>
    <message>
        <source>新增巡检</source>
        <translation>Add round</translation>
    </message>
    <message>
        <source>删除巡检</source>
        <translation>Delete round</translation>
    </message>
    <message>
        <source>每日巡检计划</source>
        <translation>Daily round plan</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>还没有巡检模板：请先导入模板，再安排巡检。</source>
        <translation>No inspection templates yet: import a template first, then plan rounds.</translation>
    </message>
    <message>
        <source>新巡检</source>
        <translation>New round</translation>
    </message>
</context>
<context>
    <name>PlaybookEditor</name>
    <message>
        <source>名称（中文）</source>
        <translation>Title (Chinese)</translation>
    </message>
    <message>
        <source>名称（英文）</source>
        <translation>Title (English)</translation>
    </message>
    <message>
        <source>适用情形（中文）</source>
        <translation>When it applies (Chinese)</translation>
    </message>
    <message>
        <source>适用情形（英文）</source>
        <translation>When it applies (English)</translation>
    </message>
    <message>
        <source>搜索关键词（空格分开）</source>
        <translation>Search keywords (separated by spaces)</translation>
    </message>
    <message>
        <source>媒体口径（中文）</source>
        <translation>Media holding line (Chinese)</translation>
    </message>
    <message>
        <source>媒体口径（英文）</source>
        <translation>Media holding line (English)</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>基本</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <source>英文</source>
        <translation>English</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>立即</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>谁做</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>步骤（中文）</source>
        <translation>Step (Chinese)</translation>
    </message>
    <message>
        <source>步骤（英文）</source>
        <translation>Step (English)</translation>
    </message>
    <message>
        <source>话术（中文）</source>
        <translation>Say (Chinese)</translation>
    </message>
    <message>
        <source>话术（英文）</source>
        <translation>Say (English)</translation>
    </message>
    <message>
        <source>时限（分钟）</source>
        <translation>Within (minutes)</translation>
    </message>
    <message>
        <source>禁忌</source>
        <translation>Do-nots</translation>
    </message>
    <message>
        <source>不要……</source>
        <translation>Do not …</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>新联系人</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Time targets</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>新时限</source>
        <translation>New time target</translation>
    </message>
    <message>
        <source>定时提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>每隔（分钟）</source>
        <translation>Every (minutes)</translation>
    </message>
    <message>
        <source>从哪一步做了起（步骤编号如 s3，可空）</source>
        <translation>From when step is done (step id such as s3; optional)</translation>
    </message>
    <message>
        <source>新提醒</source>
        <translation>New reminder</translation>
    </message>
    <message>
        <source>广播词</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>各位顾客……</source>
        <translation>Dear customers …</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>恢复内置内容</source>
        <translation>Restore built-in text</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>每次修改都立即保存为新版本；进行中的事件保留启动时的版本。</source>
        <translation>Every change is saved at once as a new version; running incidents keep the version they started with.</translation>
    </message>
    <message>
        <source>增加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>新步骤</source>
        <translation>New step</translation>
    </message>
    <message>
        <source>没有保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <source>编辑预案：{title}</source>
        <translation>Editing: {title}</translation>
    </message>
    <message>
        <source>第 {version} 版 · 修订 {date}</source>
        <translation>Version {version} · revised {date}</translation>
    </message>
    <message>
        <source>修改“{what}”</source>
        <translation>Change &quot;{what}&quot;</translation>
    </message>
    <message>
        <source>修改类别</source>
        <translation>Change category</translation>
    </message>
    <message>
        <source>用软件自带的内容替换本厅修改过的内容？旧版本仍保留在版本记录中。</source>
        <translation>Replace the hall&apos;s changes with the built-in text? The old versions stay in the version history.</translation>
    </message>
    <message>
        <source>增加一行</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>删除一行</source>
        <translation>Delete a row</translation>
    </message>
    <message>
        <source>移动一行</source>
        <translation>Move a row</translation>
    </message>
</context>
<context>
    <name>PlaybookLibrary</name>
    <message>
        <source>适用情形</source>
        <translation>When it applies</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>立即</source>
        <translation>NOW</translation>
    </message>
    <message>
        <source>话术</source>
        <translation>Say</translation>
    </message>
    <message>
        <source>{minutes} 分钟内</source>
        <translation>within {minutes} min</translation>
    </message>
    <message>
        <source>不要做</source>
        <translation>Do not</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Numbers to call</translation>
    </message>
    <message>
        <source>{minutes} 分钟：{text}</source>
        <translation>{minutes} min: {text}</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Time targets</translation>
    </message>
    <message>
        <source>每 {minutes} 分钟：{text}</source>
        <translation>Every {minutes} min: {text}</translation>
    </message>
    <message>
        <source>第 {step} 步做了以后，每 {minutes} 分钟：{text}</source>
        <translation>Once step {step} is done, every {minutes} min: {text}</translation>
    </message>
    <message>
        <source>定时提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>广播词</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>媒体口径</source>
        <translation>Media holding line</translation>
    </message>
    <message>
        <source>搜索预案：中文、英文或拼音首字母（如 hz = 火灾）  F12</source>
        <translation>Search playbooks: Chinese, English or pinyin initials (hz = 火灾 fire)  F12</translation>
    </message>
    <message>
        <source>启动处置</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>演练</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>没有找到符合“{query}”的预案。</source>
        <translation>No playbook matches &quot;{query}&quot;.</translation>
    </message>
    <message>
        <source>这个预案的内容有问题，无法显示：</source>
        <translation>This playbook&apos;s content has problems and cannot be shown:</translation>
    </message>
    <message>
        <source>第 {version} 版 · 修订 {date} · 负责人 {owner}</source>
        <translation>Version {version} · revised {date} · owner {owner}</translation>
    </message>
    <message>
        <source>本厅已修改</source>
        <translation>adapted by the hall</translation>
    </message>
    <message>
        <source>第 {version} 版 · {date} · {owner} · {note} · 用于 {used} 次处置</source>
        <translation>Version {version} · {date} · {owner} · {note} · used by {used} runs</translation>
    </message>
    <message>
        <source>版本记录</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>新建预案</source>
        <translation>New playbook</translation>
    </message>
    <message>
        <source>预案名称（中文）：</source>
        <translation>Playbook title (Chinese):</translation>
    </message>
    <message>
        <source>名称太长（{length} 字），最多 {limit} 字。</source>
        <translation>The title is too long ({length} characters); at most {limit}.</translation>
    </message>
    <message>
        <source>第一步</source>
        <translation>First step</translation>
    </message>
    <message>
        <source>删除预案</source>
        <translation>Delete playbook</translation>
    </message>
    <message>
        <source>删除本厅自编的预案“{title}”？已有的事件记录不受影响。</source>
        <translation>Delete the hall&apos;s own playbook &quot;{title}&quot;? Past incident records are not affected.</translation>
    </message>
    <message>
        <source>导入预案</source>
        <translation>Import playbooks</translation>
    </message>
    <message>
        <source>预案文件 (*.json)</source>
        <translation>Playbook files (*.json)</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>文件有问题，什么都没有导入。请改正后再导入：</source>
        <translation>The file has problems; nothing was imported. Please correct them and import again:</translation>
    </message>
    <message>
        <source>无法读取文件：{reason}</source>
        <translation>Cannot read the file: {reason}</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>新增 {added} 个预案，更新 {revised} 个预案（各成为新版本）。</source>
        <translation>{added} playbooks added, {revised} updated (each as a new version).</translation>
    </message>
    <message>
        <source>导出预案</source>
        <translation>Export playbooks</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>无法写入文件：{reason}</source>
        <translation>Cannot write the file: {reason}</translation>
    </message>
</context>
<context>
    <name>PlaybookNotes</name>
    <message>
        <source>内置</source>
        <translation>built-in</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>恢复内置</source>
        <translation>built-in restored</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>new</translation>
    </message>
</context>
<context>
    <name>Playbooks</name>
    <message>
        <source>厅内突发事件</source>
        <translation>Hall emergency</translation>
    </message>
    <message>
        <source>客户报告的紧急情况</source>
        <translation>Reported by a customer</translation>
    </message>
    <message>
        <source>投诉处理</source>
        <translation>Complaint handling</translation>
    </message>
    <message>
        <source>本厅自编</source>
        <translation>Hall&apos;s own</translation>
    </message>
    <message>
        <source>值班长</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>柜员</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>引导员</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>保安</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>适用情形</source>
        <translation>When it applies</translation>
    </message>
    <message>
        <source>第 {n} 步</source>
        <translation>Step {n}</translation>
    </message>
    <message>
        <source>第 {n} 条禁忌</source>
        <translation>Do-not {n}</translation>
    </message>
    <message>
        <source>第 {n} 个联系电话</source>
        <translation>Number {n}</translation>
    </message>
    <message>
        <source>第 {n} 个时限</source>
        <translation>Time target {n}</translation>
    </message>
    <message>
        <source>第 {n} 个定时提醒</source>
        <translation>Reminder {n}</translation>
    </message>
    <message>
        <source>第 {n} 条广播词</source>
        <translation>Announcement {n}</translation>
    </message>
    <message>
        <source>媒体口径</source>
        <translation>Media holding line</translation>
    </message>
    <message>
        <source>话术</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <source>英文</source>
        <translation>English</translation>
    </message>
    <message>
        <source>预案</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>{where}：{what}</source>
        <translation>{where}: {what}</translation>
    </message>
    <message>
        <source>应为中英文两段文字</source>
        <translation>should be a Chinese and an English text</translation>
    </message>
    <message>
        <source>不认识的项 {keys}</source>
        <translation>unknown fields {keys}</translation>
    </message>
    <message>
        <source>应为文字</source>
        <translation>should be text</translation>
    </message>
    <message>
        <source>太长（{length} 字，最多 {limit} 字）</source>
        <translation>too long ({length} characters, at most {limit})</translation>
    </message>
    <message>
        <source>含有控制字符</source>
        <translation>contains control characters</translation>
    </message>
    <message>
        <source>不能为空</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>分钟数应为 1 到 {limit} 的整数</source>
        <translation>minutes should be a whole number from 1 to {limit}</translation>
    </message>
    <message>
        <source>应为一个列表</source>
        <translation>should be a list</translation>
    </message>
    <message>
        <source>太多（{count} 条，最多 {limit} 条）</source>
        <translation>too many ({count}, at most {limit})</translation>
    </message>
    <message>
        <source>不是一个预案（应为 JSON 对象）</source>
        <translation>is not a playbook (should be a JSON object)</translation>
    </message>
    <message>
        <source>格式版本 {format} 不受支持（应为 {expected}）</source>
        <translation>format {format} is not supported (should be {expected})</translation>
    </message>
    <message>
        <source>代码 {code} 不可用（小写字母开头，只含小写字母、数字和下划线）</source>
        <translation>code {code} cannot be used (a lower-case letter first, then lower-case letters, digits and _)</translation>
    </message>
    <message>
        <source>类别 {category} 不认识（可用：{allowed}）</source>
        <translation>unknown category {category} (allowed: {allowed})</translation>
    </message>
    <message>
        <source>关键词 {word} 不可用</source>
        <translation>keyword {word} cannot be used</translation>
    </message>
    <message>
        <source>至少要有一个角色</source>
        <translation>needs at least one role</translation>
    </message>
    <message>
        <source>角色 {role} 不认识（可用：{allowed}）</source>
        <translation>unknown role {role} (allowed: {allowed})</translation>
    </message>
    <message>
        <source>after_step {step} 不是本预案的步骤编号</source>
        <translation>after_step {step} is not a step id of this playbook</translation>
    </message>
    <message>
        <source>应为名称和号码</source>
        <translation>should be a name and a number</translation>
    </message>
    <message>
        <source>号码 {number} 不像电话号码</source>
        <translation>{number} does not look like a phone number</translation>
    </message>
    <message>
        <source>应为内容和分钟数</source>
        <translation>should be a text and minutes</translation>
    </message>
    <message>
        <source>应为内容和间隔分钟</source>
        <translation>should be a text and an interval in minutes</translation>
    </message>
    <message>
        <source>负责人应为文字，最多 {limit} 字</source>
        <translation>the owner should be text of at most {limit} characters</translation>
    </message>
    <message>
        <source>修订日期 {date} 应为 YYYY-MM-DD</source>
        <translation>revision date {date} should be YYYY-MM-DD</translation>
    </message>
    <message>
        <source>至少要有一个步骤</source>
        <translation>needs at least one step</translation>
    </message>
    <message>
        <source>应为一个步骤</source>
        <translation>should be a step</translation>
    </message>
    <message>
        <source>编号 {id} 不可用（字母、数字、- 或 _，最多 20 个）</source>
        <translation>id {id} cannot be used (letters, digits, - or _, at most 20)</translation>
    </message>
    <message>
        <source>编号 {id} 重复</source>
        <translation>id {id} is used twice</translation>
    </message>
    <message>
        <source>角色 {role} 不在本预案的角色中</source>
        <translation>role {role} is not among this playbook&apos;s roles</translation>
    </message>
    <message>
        <source>“立即”应为 true 或 false</source>
        <translation>&quot;immediate&quot; should be true or false</translation>
    </message>
    <message>
        <source>{at}：{problem}</source>
        <translation>{at}: {problem}</translation>
    </message>
    <message>
        <source>文件太大（{size} KB，最多 {limit} KB），不像预案文件</source>
        <translation>The file is too large ({size} KB, at most {limit} KB) to be a playbook file</translation>
    </message>
    <message>
        <source>文件不是 UTF-8 编码的文字（第 {offset} 个字节起）</source>
        <translation>The file is not UTF-8 text (from byte {offset})</translation>
    </message>
    <message>
        <source>文件是空的</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <source>第 {line} 行第 {column} 列：JSON 格式错误（{detail}）</source>
        <translation>Line {line}, column {column}: JSON syntax error ({detail})</translation>
    </message>
    <message>
        <source>第 {n} 个预案（{code}，第 {line} 行）</source>
        <translation>Playbook {n} ({code}, line {line})</translation>
    </message>
    <message>
        <source>{at}：代码 {code} 与第 {other} 个预案重复</source>
        <translation>{at}: code {code} is the same as playbook {other}</translation>
    </message>
    <message>
        <source>另有 {count} 个问题未列出</source>
        <translation>{count} more problems not listed</translation>
    </message>
    <message>
        <source>这不是预案文件（kind 为 {kind}）</source>
        <translation>This is not a playbook file (kind is {kind})</translation>
    </message>
    <message>
        <source>文件格式版本 {format} 不受支持（应为 {expected}）</source>
        <translation>File format {format} is not supported (should be {expected})</translation>
    </message>
    <message>
        <source>“playbooks” 应为预案的列表</source>
        <translation>&quot;playbooks&quot; should be a list of playbooks</translation>
    </message>
    <message>
        <source>文件里没有预案（应有 “playbooks” 列表）</source>
        <translation>The file has no playbooks (it needs a &quot;playbooks&quot; list)</translation>
    </message>
    <message>
        <source>文件里没有预案</source>
        <translation>The file has no playbooks</translation>
    </message>
    <message>
        <source>预案太多（{count} 个，最多 {limit} 个）</source>
        <translation>Too many playbooks ({count}, at most {limit})</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>共 {n} 页</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>无法写入这个文件：{path}
{reason}</source>
        <translation>Cannot write this file: {path}
{reason}</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <source>打印机无法使用：{reason}</source>
        <translation>The printer cannot be used: {reason}</translation>
    </message>
</context>
<context>
    <name>ProfileModels</name>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>修改“{what}”</source>
        <translation>Change “{what}”</translation>
    </message>
    <message>
        <source>业务名称</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>平均办理时长（分钟）</source>
        <translation>Average handling time (minutes)</translation>
    </message>
    <message>
        <source>新业务</source>
        <translation>New business</translation>
    </message>
    <message>
        <source>窗口名称</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>{n}号窗口</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>新员工</source>
        <translation>New person</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>没有名为“{name}”的巡检。可用的巡检：{available}</source>
        <translation>There is no round named “{name}”. Rounds available: {available}</translation>
    </message>
    <message>
        <source>没有可以打印的内容：{what}</source>
        <translation>Nothing to print: {what}</translation>
    </message>
    <message>
        <source>这个营业厅还没有巡检模板。</source>
        <translation>This hall has no inspection checklist yet.</translation>
    </message>
    <message>
        <source>找不到这次巡检的记录（{id}）</source>
        <translation>The record of this round cannot be found ({id})</translation>
    </message>
    <message>
        <source>{day} 没有巡检记录</source>
        <translation>No rounds on {day}</translation>
    </message>
    <message>
        <source>开始日期 {start} 晚于结束日期 {end}，请把两个日期对调后再试。</source>
        <translation>The start date {start} is after the end date {end}; swap them and try again.</translation>
    </message>
    <message>
        <source>汇总的时间段最长 {limit} 天（约三年）；{start} 至 {end} 共 {days} 天，请缩短时间段。</source>
        <translation>A summary covers at most {limit} days (about three years); {start} to {end} is {days} days. Please choose a shorter period.</translation>
    </message>
    <message>
        <source>{start} 至 {end} 没有巡检记录</source>
        <translation>No rounds from {start} to {end}</translation>
    </message>
    <message>
        <source>{date} 这一周还没有排班</source>
        <translation>There is no roster yet for the week of {date}</translation>
    </message>
    <message>
        <source>找不到这次事件</source>
        <translation>this incident cannot be found</translation>
    </message>
    <message>
        <source>月份不对：{year} 年 {month} 月</source>
        <translation>Not a valid month: {year}-{month}</translation>
    </message>
</context>
<context>
    <name>RoundModel</name>
    <message>
        <source>分区</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Check item</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>数值 / 备注</source>
        <translation>Value / note</translation>
    </message>
    <message>
        <source>照片 {n}</source>
        <translation>Photos: {n}</translation>
    </message>
    <message>
        <source>合格范围 {range}</source>
        <translation>Pass range {range}</translation>
    </message>
</context>
<context>
    <name>RoundView</name>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>键盘：1 或空格 合格 · 2 不合格 · 3 不适用 · E 备注 · 数值项直接输入后回车 · Ctrl+Shift+A 其余全部合格 · Ctrl+回车 签字</source>
        <translation>Keys: 1 or Space Pass · 2 Fail · 3 Not applicable · E Note · number items: type the value and press Enter · Ctrl+Shift+A Pass all remaining · Ctrl+Enter Sign off</translation>
    </message>
    <message>
        <source>✓ 合格 [1]</source>
        <translation>✓ Pass [1]</translation>
    </message>
    <message>
        <source>✗ 不合格 [2]</source>
        <translation>✗ Fail [2]</translation>
    </message>
    <message>
        <source>– 不适用 [3]</source>
        <translation>– Not applicable [3]</translation>
    </message>
    <message>
        <source>备注 [E]</source>
        <translation>Note [E]</translation>
    </message>
    <message>
        <source>其余全部合格…</source>
        <translation>Pass all remaining…</translation>
    </message>
    <message>
        <source>签字确认…</source>
        <translation>Sign off…</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>评分公式</source>
        <translation>Scoring formula</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>无法读取图片</source>
        <translation>Cannot read the image</translation>
    </message>
    <message>
        <source>这个文件不是可以读取的图片：{file}</source>
        <translation>This file is not an image that can be read: {file}</translation>
    </message>
    <message>
        <source>更正 {at}：{key} {old} → {new}，原因：{reason}（{by}）</source>
        <translation>Amended {at}: {key} {old} → {new}; reason: {reason} ({by})</translation>
    </message>
    <message>
        <source>请选择或开始一轮巡检</source>
        <translation>Choose or start a round</translation>
    </message>
    <message>
        <source>{date} {name} · {template}（版本 {version}）</source>
        <translation>{date} {name} · {template} (version {version})</translation>
    </message>
    <message>
        <source>已答 {done}/{total}</source>
        <translation>Answered {done}/{total}</translation>
    </message>
    <message>
        <source>不合格 {n}</source>
        <translation>Failed {n}</translation>
    </message>
    <message>
        <source>得分 {score:.1f}</source>
        <translation>Score {score:.1f}</translation>
    </message>
    <message>
        <source>已签字：{name} {at}（只读，更正请用“更正…”）</source>
        <translation>Signed off: {name} {at} (read-only; to correct, use “Amend…”)</translation>
    </message>
    <message>
        <source>全部完成，请签字确认（Ctrl+回车）</source>
        <translation>All answered; please sign off (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>不是数字</source>
        <translation>Not a number</translation>
    </message>
    <message>
        <source>请填写数字，例如 22.5</source>
        <translation>Please enter a number, e.g. 22.5</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>其余全部合格</source>
        <translation>Pass all remaining</translation>
    </message>
    <message>
        <source>把剩下的 {n} 项都记为合格吗？</source>
        <translation>Mark the remaining {n} items as Pass?</translation>
    </message>
    <message>
        <source>本轮得分 {score:.1f}。</source>
        <translation>Score for this round: {score:.1f}.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>欢迎使用营业厅现场管理助手</source>
        <translation>Welcome to Hall Supervisor</translation>
    </message>
    <message>
        <source>先介绍一下您的营业厅。这些信息以后可以在“营业厅资料”中修改。</source>
        <translation>First, tell us about your hall. You can change this later under Hall profile.</translation>
    </message>
    <message>
        <source>例如：城东供电营业厅</source>
        <translation>e.g. Chengdong Electricity Supply Hall</translation>
    </message>
    <message>
        <source>营业厅名称</source>
        <translation>Hall name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>乡镇供电所（一到三个窗口）</source>
        <translation>Rural supply station (one to three counters)</translation>
    </message>
    <message>
        <source>例如：某市某区</source>
        <translation>e.g. city and district</translation>
    </message>
    <message>
        <source>所在地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>内置内容</source>
        <translation>Built-in content</translation>
    </message>
    <message>
        <source>营业时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>勾选营业的日子，并填写开门和关门时间。</source>
        <translation>Tick the days the hall is open and enter the opening and closing times.</translation>
    </message>
    <message>
        <source>窗口与业务</source>
        <translation>Counters and business</translation>
    </message>
    <message>
        <source>业务类型和平均办理时长来自内置内容，之后可以修改。</source>
        <translation>Business types and average handling times come from the built-in content; you can change them later.</translation>
    </message>
    <message>
        <source>对外服务的窗口数</source>
        <translation>Counters serving customers</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business types</translation>
    </message>
    <message>
        <source>平均办理时长（分钟）</source>
        <translation>Average handling time (minutes)</translation>
    </message>
    <message>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>可以现在填写，也可以以后在“营业厅资料”中添加。</source>
        <translation>Enter them now, or add them later under Hall profile.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>添加员工</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>设置营业厅</source>
        <translation>Set up the hall</translation>
    </message>
    <message>
        <source>{n}号窗口</source>
        <translation>Counter {n}</translation>
    </message>
</context>
<context>
    <name>Staffing</name>
    <message>
        <source>票号</source>
        <translation>Ticket number</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>取号时间</source>
        <translation>Ticket time</translation>
    </message>
    <message>
        <source>叫号时间</source>
        <translation>Called time</translation>
    </message>
    <message>
        <source>办结时间</source>
        <translation>Finished time</translation>
    </message>
    <message>
        <source>窗口（可不选）</source>
        <translation>Counter (optional)</translation>
    </message>
    <message>
        <source>文件是空的，没有表头行。</source>
        <translation>The file is empty: there is no header row.</translation>
    </message>
    <message>
        <source>第 {row} 行：票号 {ticket} 与第 {first} 行重复。</source>
        <translation>Row {row}: ticket {ticket} repeats row {first}.</translation>
    </message>
    <message>
        <source>这个文件不是能读取的表格：请在取号机或 Excel 中另存为 CSV（逗号分隔）或 .xlsx 后再导入。</source>
        <translation>This file is not a table that can be read: save it from the ticket machine or Excel as CSV (comma-separated) or .xlsx and import that.</translation>
    </message>
    <message>
        <source>这个 Excel 文件已损坏或不是 .xlsx 工作簿，无法读取。</source>
        <translation>This Excel file is damaged or not an .xlsx workbook, so it cannot be read.</translation>
    </message>
    <message>
        <source>第 {row} 行（表头）：缺少“{column}”列。</source>
        <translation>Row {row} (header): the “{column}” column is missing.</translation>
    </message>
    <message>
        <source>第 {row} 行：没有票号。</source>
        <translation>Row {row}: no ticket number.</translation>
    </message>
    <message>
        <source>第 {row} 行：没有业务类型。</source>
        <translation>Row {row}: no business type.</translation>
    </message>
    <message>
        <source>第 {row} 行：叫号时间早于取号时间。</source>
        <translation>Row {row}: called before the ticket was issued.</translation>
    </message>
    <message>
        <source>第 {row} 行：有办结时间却没有叫号时间。</source>
        <translation>Row {row}: finished but never called.</translation>
    </message>
    <message>
        <source>第 {row} 行：办结时间早于叫号时间。</source>
        <translation>Row {row}: finished before it was called.</translation>
    </message>
    <message>
        <source>第 {row} 行：没有取号时间。</source>
        <translation>Row {row}: no time the ticket was issued.</translation>
    </message>
    <message>
        <source>第 {row} 行：时间“{value}”无法识别，应为 2024-03-01 08:30:00 这样的格式。</source>
        <translation>Row {row}: the time “{value}” cannot be read; write it like 2024-03-01 08:30:00.</translation>
    </message>
    <message>
        <source>第 {row} 行起还有 {count} 个问题，请先改正以上问题。</source>
        <translation>From row {row} on there are {count} more problems; please correct the ones above first.</translation>
    </message>
    <message>
        <source>排队很短，可以关闭 {counters}，人员转做其他工作。</source>
        <translation>The queue is short: {counters} can close and its staff take other work.</translation>
    </message>
    <message>
        <source>现有窗口可以把等候控制在目标以内。</source>
        <translation>The counters open keep the wait within the target.</translation>
    </message>
    <message>
        <source>没有开放的窗口</source>
        <translation>no counter open</translation>
    </message>
    <message>
        <source>约 {minutes} 分钟</source>
        <translation>about {minutes} min</translation>
    </message>
    <message>
        <source>队尾顾客要等{wait}，还需 {more} 个窗口，但可用窗口已全部开放：请启用综合窗口或分流。</source>
        <translation>The last person in line waits {wait}; {more} more counter(s) are needed but every counter for this business is open: use a general counter or redirect customers.</translation>
    </message>
    <message>
        <source>队尾顾客要等{wait}：请开放 {counters}，可安排 {staff}。</source>
        <translation>The last person in line waits {wait}: open {counters}; free to staff it: {staff}.</translation>
    </message>
    <message>
        <source>队尾顾客要等{wait}：请开放 {counters}，但按今天的排班没有空闲且会办这类业务的人员。</source>
        <translation>The last person in line waits {wait}: open {counters}, but by today&apos;s roster nobody free can handle this business.</translation>
    </message>
    <message>
        <source>时段长度只能是 15 或 30 分钟。</source>
        <translation>Intervals can only be 15 or 30 minutes.</translation>
    </message>
    <message>
        <source>服务水平应在 1% 到 100% 之间。</source>
        <translation>The service level must be between 1% and 100%.</translation>
    </message>
    <message>
        <source>目标等候时间应在 0 到 240 分钟之间。</source>
        <translation>The target wait must be between 0 and 240 minutes.</translation>
    </message>
    <message>
        <source>平均等候上限应在 0 到 240 分钟之间。</source>
        <translation>The average-wait limit must be between 0 and 240 minutes.</translation>
    </message>
    <message>
        <source>缩减率应在 0% 到 90% 之间。</source>
        <translation>Shrinkage must be between 0% and 90%.</translation>
    </message>
    <message>
        <source>分析周数应在 1 到 52 之间。</source>
        <translation>The weeks analysed must be between 1 and 52.</translation>
    </message>
    <message>
        <source>突发客流阈值应在 1 到 1000 人之间。</source>
        <translation>The surge threshold must be between 1 and 1000 people.</translation>
    </message>
    <message>
        <source>班次“{name}”的开始时间应写成 HH:MM。</source>
        <translation>Shift &quot;{name}&quot;: write start times as HH:MM.</translation>
    </message>
    <message>
        <source>班次需要一个名称。</source>
        <translation>A shift needs a name.</translation>
    </message>
    <message>
        <source>班次“{name}”的最晚开始早于最早开始。</source>
        <translation>Shift &quot;{name}&quot;: the latest start is before the earliest.</translation>
    </message>
    <message>
        <source>班次“{name}”的工作时长应在 1 到 12 小时之间。</source>
        <translation>Shift &quot;{name}&quot;: working time must be 1 to 12 hours.</translation>
    </message>
    <message>
        <source>班次“{name}”的午休时间窗不正确。</source>
        <translation>Shift &quot;{name}&quot;: the lunch window is not valid.</translation>
    </message>
    <message>
        <source>班次“{name}”的午休时间窗不在班次之内。</source>
        <translation>Shift &quot;{name}&quot;: the lunch window lies outside the shift.</translation>
    </message>
    <message>
        <source>班次“{name}”跨过了午夜。</source>
        <translation>Shift &quot;{name}&quot; runs past midnight.</translation>
    </message>
    <message>
        <source>时间应写成 HH:MM，例如 08:30。</source>
        <translation>Write times as HH:MM, for example 08:30.</translation>
    </message>
    <message>
        <source>下班时间应晚于上班时间。</source>
        <translation>The end must be after the start.</translation>
    </message>
    <message>
        <source>一个班次不能超过 13 小时。</source>
        <translation>A shift cannot be longer than 13 hours.</translation>
    </message>
    <message>
        <source>午休应在上下班时间之内。</source>
        <translation>Lunch must lie within the shift.</translation>
    </message>
    <message>
        <source>全天班</source>
        <translation>Full day</translation>
    </message>
    <message>
        <source>上午班</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>下午班</source>
        <translation>Afternoon</translation>
    </message>
</context>
<context>
    <name>StaffingTab</name>
    <message>
        <source>{day} {start}：平均 {n:.1f} 人</source>
        <translation>{day} {start}: {n:.1f} people on average</translation>
    </message>
    <message>
        <source>录入到达人数</source>
        <translation>Enter arrivals</translation>
    </message>
    <message>
        <source>导入取号记录…</source>
        <translation>Import ticket log…</translation>
    </message>
    <message>
        <source>客流热力图（各时段平均到达人数，全部业务）</source>
        <translation>Heat map (mean arrivals per interval, all business)</translation>
    </message>
    <message>
        <source>手工录入到达人数（每个时段的平均人数；蓝色为手工值，灰色来自取号记录，清空即恢复）</source>
        <translation>Arrivals entered by hand (mean people per interval; blue: entered, grey: from the ticket log; clear a cell to go back)</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>选择取号机导出的记录</source>
        <translation>Choose the ticket machine&apos;s export</translation>
    </message>
    <message>
        <source>取号记录 (*.csv *.xlsx *.txt);;所有文件 (*)</source>
        <translation>Ticket logs (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>导入取号记录</source>
        <translation>Import ticket log</translation>
    </message>
    <message>
        <source>无法读取文件：{reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>这个文件已经导入过（{name}），没有重复导入。</source>
        <translation>This file was imported before ({name}); nothing was imported twice.</translation>
    </message>
    <message>
        <source>无法导入这个文件：</source>
        <translation>This file cannot be imported:</translation>
    </message>
    <message>
        <source>已导入 {added} 条记录（文件共 {rows} 条，已有的 {same} 条未重复导入）。</source>
        <translation>Imported {added} tickets ({rows} in the file; {same} already stored were not added again).</translation>
    </message>
    <message>
        <source>{name}（{n} 条）</source>
        <translation>{name} ({n})</translation>
    </message>
    <message>
        <source>营业厅资料里没有这些业务类型：{names}。这些记录已保存，但不参加测算：请在营业厅资料（Ctrl+Shift+P）的业务类型中添加同名业务。</source>
        <translation>The hall profile has no business type called {names}. These tickets are stored but left out of the requirement: add a business type of that name in the hall profile (Ctrl+Shift+P).</translation>
    </message>
    <message>
        <source>“{typed}”不是人数：请填 0 到 10000 之间的数，或清空该格恢复取号记录的值。没有保存。</source>
        <translation>“{typed}” is not a number of people: enter a number from 0 to 10000, or clear the cell to go back to the ticket log&apos;s figure. Nothing was saved.</translation>
    </message>
    <message>
        <source>最近 {weeks} 周共 {tickets} 张取号记录（{days} 个营业日），手工录入 {hand} 格；已导入 {files} 个文件。</source>
        <translation>Last {weeks} weeks: {tickets} tickets ({days} business days), {hand} cells entered by hand; {files} files imported.</translation>
    </message>
    <message>
        <source>未办理即离开：{rate:.1%}。</source>
        <translation>Left without being served: {rate:.1%}.</translation>
    </message>
    <message>
        <source>离开的顾客较多，需求页同时给出考虑离开的 Erlang A 结果（估计平均耐心 {p:.0f} 分钟）。</source>
        <translation>Many customers leave, so the requirement page also shows Erlang A, which allows for them (estimated mean patience {p:.0f} min).</translation>
    </message>
    <message>
        <source>导入取号记录：{name}</source>
        <translation>Import ticket log: {name}</translation>
    </message>
    <message>
        <source>这种格式的文件以前导入过，已按上次的对应关系填好。</source>
        <translation>A file in this layout was imported before; the columns are chosen as last time.</translation>
    </message>
    <message>
        <source>请为每一项选择文件中对应的列，下方是文件的前几行。</source>
        <translation>Choose the file&apos;s column for each item; the first rows of the file are below.</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>文件共 {n} 行数据。</source>
        <translation>The file has {n} data rows.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>{column}（例如：{sample}）</source>
        <translation>{column} (e.g. {sample})</translation>
    </message>
    <message>
        <source>{column}
→ {fields}</source>
        <translation>{column}
→ {fields}</translation>
    </message>
    <message>
        <source>还需要选择：{fields}。</source>
        <translation>Still to choose: {fields}.</translation>
    </message>
    <message>
        <source>同一列不能当作两项：{columns}。</source>
        <translation>One column cannot stand for two fields: {columns}.</translation>
    </message>
    <message>
        <source>对应关系已选好：蓝色的列会导入，按“导入”开始。</source>
        <translation>All columns chosen: the blue columns will be imported; press Import to start.</translation>
    </message>
    <message>
        <source>文件有以下问题，没有导入任何记录：</source>
        <translation>The file has these problems; nothing was imported:</translation>
    </message>
    <message>
        <source>现在排队的人数</source>
        <translation>People waiting now</translation>
    </message>
    <message>
        <source>排队人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>按取号机读取现在的排队人数</source>
        <translation>Read the queue from the ticket machine</translation>
    </message>
    <message>
        <source>今天已取号、还没有叫号的人数，按业务类型填入上表。</source>
        <translation>Fills the table with today&apos;s tickets not yet called, by business type.</translation>
    </message>
    <message>
        <source>开放的窗口与在岗人员</source>
        <translation>Counters open and who is at them</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>开放</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>在岗人员</source>
        <translation>Staff at counter</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>排队已超过阈值：打开“突发客流”处置预案</source>
        <translation>The queue is past the threshold: open the &quot;sudden surge&quot; playbook</translation>
    </message>
    <message>
        <source>现在：{time}</source>
        <translation>Now: {time}</translation>
    </message>
    <message>
        <source>（不在班）</source>
        <translation> (off shift)</translation>
    </message>
    <message>
        <source>共 {n} 人排队，开放 {c} 个窗口。</source>
        <translation>{n} people waiting, {c} counters open.</translation>
    </message>
    <message>
        <source>无窗口开放</source>
        <translation>no counter open</translation>
    </message>
    <message>
        <source>{m:.0f} 分钟</source>
        <translation>{m:.0f} min</translation>
    </message>
    <message>
        <source>{pool}：{n} 人排队，{c} 个窗口，队尾预计等候 {wait}</source>
        <translation>{pool}: {n} waiting, {c} counters, last in line waits {wait}</translation>
    </message>
    <message>
        <source>请填写现在各业务的排队人数和开放的窗口。</source>
        <translation>Enter how many people wait for each business and which counters are open.</translation>
    </message>
    <message>
        <source>按今天的排班，现在空闲的在班人员：{names}</source>
        <translation>On shift by today&apos;s roster and free now: {names}</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>队列（业务）</source>
        <translation>Queue (business)</translation>
    </message>
    <message>
        <source>到达</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <source>办理(分)</source>
        <translation>AHT (min)</translation>
    </message>
    <message>
        <source>需要窗口</source>
        <translation>Counters needed</translation>
    </message>
    <message>
        <source>开窗口数</source>
        <translation>Counters open</translation>
    </message>
    <message>
        <source>预计等候(分)</source>
        <translation>Expected wait (min)</translation>
    </message>
    <message>
        <source>等候概率</source>
        <translation>P(wait)</translation>
    </message>
    <message>
        <source>服务水平</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>占用率</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>Erlang A 需要</source>
        <translation>Erlang A needs</translation>
    </message>
    <message>
        <source>实际平均等候</source>
        <translation>Actual mean wait</translation>
    </message>
    <message>
        <source>实际达标率</source>
        <translation>Actual within target</translation>
    </message>
    <message>
        <source>达到服务目标要排的窗口人员，已按缩减率加人（排班按这个数安排）。</source>
        <translation>Counter staff to roster to reach the service target, with shrinkage added (the roster plans for this number).</translation>
    </message>
    <message>
        <source>同一时刻要开着的窗口数（未加缩减），可与本厅的窗口数比较。</source>
        <translation>Counters that must be open at once (no shrinkage): compare it with the hall&apos;s counters.</translation>
    </message>
    <message>
        <source>按 Erlang C，开着上一列的窗口时顾客的平均等候分钟数。</source>
        <translation>Mean wait in minutes by Erlang C with the counters of the previous column open.</translation>
    </message>
    <message>
        <source>到达时需要排队（不能马上叫号）的顾客比例。</source>
        <translation>Share of customers who must queue on arrival (not called at once).</translation>
    </message>
    <message>
        <source>在目标时间内被叫号的顾客比例。</source>
        <translation>Share of customers called within the target time.</translation>
    </message>
    <message>
        <source>窗口忙于办理业务的时间比例。</source>
        <translation>Share of the time the counters are busy serving.</translation>
    </message>
    <message>
        <source>考虑顾客等不及就离开时需要的窗口数；括号内是预计离开的比例。</source>
        <translation>Counters needed allowing for customers who give up waiting; in brackets, the share expected to leave.</translation>
    </message>
    <message>
        <source>取号记录中的实际平均等候分钟数；红色表示没有达到目标。</source>
        <translation>Actual mean wait in minutes from the ticket log; red where the target was missed.</translation>
    </message>
    <message>
        <source>取号记录中在目标时间内被叫号的实际比例；红色表示没有达到目标。</source>
        <translation>Actual share called within the target time from the ticket log; red where the target was missed.</translation>
    </message>
    <message>
        <source>超出能力</source>
        <translation>beyond capacity</translation>
    </message>
    <message>
        <source>{n}（离开 {p:.0%}）</source>
        <translation>{n} ({p:.0%} leave)</translation>
    </message>
    <message>
        <source>这个时段实际叫号 {n} 人，离开 {left} 人；达标率低于目标时标红。</source>
        <translation>{n} called in this interval, {left} left; red when the share within the target is below it.</translation>
    </message>
    <message>
        <source>服务目标</source>
        <translation>Service target</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>平均等候不超过</source>
        <translation>Average wait at most</translation>
    </message>
    <message>
        <source>{n} 分钟</source>
        <translation>{n} minutes</translation>
    </message>
    <message>
        <source> 周</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>目标：叫号比例</source>
        <translation>Target: share called</translation>
    </message>
    <message>
        <source>在多少分钟内</source>
        <translation>within</translation>
    </message>
    <message>
        <source>缩减（休息、会议等）</source>
        <translation>Shrinkage (breaks, meetings…)</translation>
    </message>
    <message>
        <source>时段长度</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>分析最近</source>
        <translation>Analyse the last</translation>
    </message>
    <message>
        <source>突发客流阈值（排队人数）</source>
        <translation>Surge threshold (people waiting)</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>按 Erlang C（M/M/c）计算满足目标的最少窗口数，再按缩减率加人。专用窗口的业务单独计算，共用窗口的业务合并排队计算。</source>
        <translation>Erlang C (M/M/c) gives the fewest counters meeting the target; shrinkage then adds staff. Business on dedicated counters is computed on its own; business sharing counters is pooled into one queue.</translation>
    </message>
    <message>
        <source>到达人数（每时段）</source>
        <translation>Arrivals per interval</translation>
    </message>
    <message>
        <source>需要窗口 与 已排班人数</source>
        <translation>Counters needed and staff rostered</translation>
    </message>
    <message>
        <source>等候时间（分钟）</source>
        <translation>Wait (minutes)</translation>
    </message>
    <message>
        <source>需要</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>已排班</source>
        <translation>Rostered</translation>
    </message>
    <message>
        <source>模型预计（按需要窗口）</source>
        <translation>Model (at counters needed)</translation>
    </message>
    <message>
        <source>实际平均</source>
        <translation>Actual mean</translation>
    </message>
    <message>
        <source>按已排班预计</source>
        <translation>Model (at staff rostered)</translation>
    </message>
    <message>
        <source>专用窗口单独计算：{dedicated}。共用窗口合并计算：{shared}。</source>
        <translation>Dedicated counters, computed alone: {dedicated}. Shared counters, pooled: {shared}.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>本厅只有 {counters} 个窗口，{day}有 {n} 个时段需要开更多窗口（最多 {peak} 个）：排满也只能开 {counters} 个，高峰会排长队。可考虑预约分流、引导自助办理或增设窗口。</source>
        <translation>The hall has only {counters} counters; on {day}, {n} intervals need more open (up to {peak}). Even fully staffed only {counters} can open, so the peaks will queue: consider appointments, self-service or another counter.</translation>
    </message>
    <message>
        <source>午休 {time}</source>
        <translation>lunch {time}</translation>
    </message>
    <message>
        <source>{name}：{hours:.1f} 小时</source>
        <translation>{name}: {hours:.1f} h</translation>
    </message>
    <message>
        <source>删除班次</source>
        <translation>Delete shift</translation>
    </message>
    <message>
        <source>添加班次</source>
        <translation>Add shift</translation>
    </message>
    <message>
        <source>生成排班</source>
        <translation>Generate roster</translation>
    </message>
    <message>
        <source>修改人员限制</source>
        <translation>Change staff limits</translation>
    </message>
    <message>
        <source>添加班次模式</source>
        <translation>Add shift pattern</translation>
    </message>
    <message>
        <source>修改班次模式</source>
        <translation>Change shift pattern</translation>
    </message>
    <message>
        <source>删除班次模式</source>
        <translation>Delete shift pattern</translation>
    </message>
    <message>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>有午休</source>
        <translation>Lunch at</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>上班</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>下班</source>
        <translation>End</translation>
    </message>
    <message>
        <source>午休时长</source>
        <translation>Lunch length</translation>
    </message>
    <message>
        <source>班次模式</source>
        <translation>Shift pattern</translation>
    </message>
    <message>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>最早开始</source>
        <translation>Earliest start</translation>
    </message>
    <message>
        <source>最晚开始（每半小时一个）</source>
        <translation>Latest start (one every half hour)</translation>
    </message>
    <message>
        <source>工作时长（不含午休）</source>
        <translation>Working time (without lunch)</translation>
    </message>
    <message>
        <source>午休（0 为无）</source>
        <translation>Lunch (0 = none)</translation>
    </message>
    <message>
        <source>午休最早开始</source>
        <translation>Lunch starts at the earliest</translation>
    </message>
    <message>
        <source>午休最晚开始</source>
        <translation>Lunch starts at the latest</translation>
    </message>
    <message>
        <source>周次</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>撤销：{step}</source>
        <translation>Undo: {step}</translation>
    </message>
    <message>
        <source>重做：{step}</source>
        <translation>Redo: {step}</translation>
    </message>
    <message>
        <source>打印排班表…</source>
        <translation>Print roster…</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>修改班次…</source>
        <translation>Edit shift…</translation>
    </message>
    <message>
        <source>提前半小时</source>
        <translation>Half an hour earlier</translation>
    </message>
    <message>
        <source>推后半小时</source>
        <translation>Half an hour later</translation>
    </message>
    <message>
        <source>双击或回车修改，Ctrl+←/→ 提前或推后，Delete 删除，Ctrl+Z 撤销。</source>
        <translation>Double-click or Enter to edit, Ctrl+←/→ earlier or later, Delete to delete, Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>已排</source>
        <translation>Rostered</translation>
    </message>
    <message>
        <source>缺口</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>技能缺口</source>
        <translation>Skill gap</translation>
    </message>
    <message>
        <source>在班的人中没有会办这项业务的：按需求页各队列需要的窗口数核对。</source>
        <translation>Counters of a queue that nobody on shift has the skill for, checked against the requirement page&apos;s counters per queue.</translation>
    </message>
    <message>
        <source>排班表</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>班次模式与人员限制</source>
        <translation>Shift patterns and staff limits</translation>
    </message>
    <message>
        <source>班次模式（生成时从中选择，午休时间由求解器在时间窗内安排）</source>
        <translation>Shift patterns (the solver chooses among them and places lunch within its window)</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>时长</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>午休</source>
        <translation>Lunch</translation>
    </message>
    <message>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>人员限制（柜员和值班长中会办窗口业务的人参加排班）</source>
        <translation>Staff limits (counter staff and supervisors who handle counter business are rostered)</translation>
    </message>
    <message>
        <source>{m} 分钟，{a}–{b} 开始</source>
        <translation>{m} min, starting {a}–{b}</translation>
    </message>
    <message>
        <source>{h:g} 小时</source>
        <translation>{h:g} h</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>新班次</source>
        <translation>New shift</translation>
    </message>
    <message>
        <source>需要至少一个班次模式和一名会办窗口业务的员工。</source>
        <translation>At least one shift pattern and one member of staff who handles counter business are needed.</translation>
    </message>
    <message>
        <source>这一周已有排班，重新生成会替换它（包括手工修改）。可以用“撤销”找回。要重新生成吗？</source>
        <translation>This week already has a roster; generating again replaces it, hand edits included (Undo brings it back). Generate again?</translation>
    </message>
    <message>
        <source>无法生成排班：{reason}</source>
        <translation>The roster could not be generated: {reason}</translation>
    </message>
    <message>
        <source>这一周还没有排班：按“生成排班”，按需求页的窗口数以最少工时排出。</source>
        <translation>No roster for this week yet: Generate roster covers the requirement page&apos;s counters with the fewest staff-hours.</translation>
    </message>
    <message>
        <source>有 {n} 个“人·时段”未排满（见下方缺口）。</source>
        <translation>{n} person-intervals are not covered (see the shortfall below).</translation>
    </message>
    <message>
        <source>每个时段都已排满。</source>
        <translation>Every interval is covered.</translation>
    </message>
    <message>
        <source>另有 {n} 个时段要开的窗口多于本厅的 {counters} 个（最多 {peak} 个）：这些时段只能按 {counters} 个窗口排，高峰会排长队（见需求页）。</source>
        <translation>Also, {n} intervals need more counters open than the hall&apos;s {counters} (up to {peak}): they are rostered for {counters} counters and the peaks will queue (see the Requirement page).</translation>
    </message>
    <message>
        <source>需求合计：每个时段需要的人数相加。至少要的工时：班次有固定长度和午休，按线性规划松弛算出的下限；排班工时等于它就是最少的。</source>
        <translation>The need: people needed in each interval, added up. At least: shifts have fixed lengths and lunches, so this lower bound comes from the linear-programming relaxation; a roster at that figure uses the fewest staff-hours.</translation>
    </message>
    <message>
        <source>缺会办理这些业务的人：{business}</source>
        <translation>Nobody on shift for: {business}</translation>
    </message>
    <message>
        <source>{day}：每个时段需要的窗口人数、已排人数和缺口（缺 {n} 人·时段）</source>
        <translation>{day}: counter staff needed, rostered and missing per interval ({n} person-intervals short)</translation>
    </message>
    <message>
        <source>推后班次</source>
        <translation>Move shift later</translation>
    </message>
    <message>
        <source>提前班次</source>
        <translation>Move shift earlier</translation>
    </message>
    <message>
        <source>{name} 这一天已经有班次了。</source>
        <translation>{name} already has a shift that day.</translation>
    </message>
    <message>
        <source>修改班次</source>
        <translation>Edit shift</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>午休开始</source>
        <translation>Lunch start</translation>
    </message>
    <message>
        <source>午休分钟</source>
        <translation>Lunch minutes</translation>
    </message>
    <message>
        <source>工时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>导出排班 CSV</source>
        <translation>Export roster as CSV</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>每周天数</source>
        <translation>Days/week</translation>
    </message>
    <message>
        <source>每周最多上几天班</source>
        <translation>At most this many working days a week</translation>
    </message>
    <message>
        <source>休息(小时)</source>
        <translation>Rest (h)</translation>
    </message>
    <message>
        <source>下班到下一次上班至少隔几小时</source>
        <translation>Hours at least from the end of one shift to the start of the next</translation>
    </message>
    <message>
        <source>兼职</source>
        <translation>Part-time</translation>
    </message>
    <message>
        <source>兼职只排 4 小时以内的班次</source>
        <translation>Part-timers get shifts of at most 4 hours</translation>
    </message>
    <message>
        <source>每周小时</source>
        <translation>Hours/week</translation>
    </message>
    <message>
        <source>每周最多工作几小时（0 为不限）</source>
        <translation>At most this many hours a week (0 = no limit)</translation>
    </message>
    <message>
        <source>本周 {people} 人、{shifts} 个班次，共 {hours:.1f} 工时；需求合计 {need:.1f} 工时，用现有班次模式至少要 {lp:.1f} 工时。</source>
        <translation>This week: {people} people, {shifts} shifts, {hours:.1f} staff-hours; the need adds up to {need:.1f} staff-hours, and the shift patterns you have need at least {lp:.1f}.</translation>
    </message>
    <message>
        <source>无法写入这个文件：{reason}</source>
        <translation>This file cannot be written: {reason}</translation>
    </message>
    <message>
        <source>排班表 {date}</source>
        <translation>Roster {date}</translation>
    </message>
    <message>
        <source>修改服务目标</source>
        <translation>Change the service target</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>现场</source>
        <translation>Live queue</translation>
    </message>
    <message>
        <source>排班</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>请先建立营业厅资料。</source>
        <translation>Set up the hall profile first.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Check item</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>严重度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>合格标准：{guidance}</source>
        <translation>Pass criteria: {guidance}</translation>
    </message>
    <message>
        <source>修改项目 {key}</source>
        <translation>Edit item {key}</translation>
    </message>
    <message>
        <source>修改分区 {key}</source>
        <translation>Edit section {key}</translation>
    </message>
    <message>
        <source>新增项目 {key}</source>
        <translation>Add item {key}</translation>
    </message>
    <message>
        <source>删除项目 {key}</source>
        <translation>Delete item {key}</translation>
    </message>
    <message>
        <source>移动项目 {key}</source>
        <translation>Move item {key}</translation>
    </message>
    <message>
        <source>新增分区 {key}</source>
        <translation>Add section {key}</translation>
    </message>
    <message>
        <source>删除分区 {key}</source>
        <translation>Delete section {key}</translation>
    </message>
    <message>
        <source>移动分区 {key}</source>
        <translation>Move section {key}</translation>
    </message>
    <message>
        <source>模板：</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>从 CSV 文件导入模板（Excel、WPS 可编辑）</source>
        <translation>Import a template from a CSV file (editable in Excel or WPS)</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>把当前模板导出为 CSV 文件</source>
        <translation>Export the current template as a CSV file</translation>
    </message>
    <message>
        <source>新增分区</source>
        <translation>Add section</translation>
    </message>
    <message>
        <source>新增项目</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>分区</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>编号前缀</source>
        <translation>ID prefix</translation>
    </message>
    <message>
        <source>分区名称</source>
        <translation>Section name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>不合格时需拍照</source>
        <translation>Photo needed when it fails</translation>
    </message>
    <message>
        <source>这个项目检查的是平面图上的哪个触点；不合格时触点变色。</source>
        <translation>Which touchpoint on the floor plan this item checks; a failure changes the touchpoint&apos;s colour.</translation>
    </message>
    <message>
        <source>下限（不限）</source>
        <translation>Min (no limit)</translation>
    </message>
    <message>
        <source>上限（不限）</source>
        <translation>Max (no limit)</translation>
    </message>
    <message>
        <source>下限：不低于这个数为合格</source>
        <translation>Minimum: a value at or above this passes</translation>
    </message>
    <message>
        <source>上限：不高于这个数为合格</source>
        <translation>Maximum: a value at or below this passes</translation>
    </message>
    <message>
        <source>如 °C</source>
        <translation>e.g. °C</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>英文</source>
        <translation>English</translation>
    </message>
    <message>
        <source>合格标准</source>
        <translation>Pass criteria</translation>
    </message>
    <message>
        <source>合格标准（英文）</source>
        <translation>Pass criteria (English)</translation>
    </message>
    <message>
        <source>6S 分类</source>
        <translation>6S category</translation>
    </message>
    <message>
        <source>满意度要素</source>
        <translation>Satisfaction element</translation>
    </message>
    <message>
        <source>权重（1–5）</source>
        <translation>Weight (1–5)</translation>
    </message>
    <message>
        <source>触点</source>
        <translation>Touchpoint</translation>
    </message>
    <message>
        <source>合格范围</source>
        <translation>Pass range</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{name} · 版本 {version}</source>
        <translation>{name} · version {version}</translation>
    </message>
    <message>
        <source>版本 {version} · 已被 {rounds} 轮巡检使用：修改会生成新版本，旧记录保持不变</source>
        <translation>Version {version} · used by {rounds} rounds: changes make a new version and past records stay as they are</translation>
    </message>
    <message>
        <source>还没有巡检模板：请用“导入…”读入模板文件（CSV）。</source>
        <translation>No inspection templates yet: use “Import…” to read a template file (CSV).</translation>
    </message>
    <message>
        <source>这个模板还没有内容：请先“新增分区”。</source>
        <translation>This template is empty: start with “Add section”.</translation>
    </message>
    <message>
        <source>在左侧选择一个分区或项目进行修改。</source>
        <translation>Choose a section or item on the left to edit it.</translation>
    </message>
    <message>
        <source>数值项目需要填写下限或上限（至少一个）。</source>
        <translation>A number item needs a minimum or a maximum (at least one).</translation>
    </message>
    <message>
        <source>{code}（平面图上没有这个触点）</source>
        <translation>{code} (no such touchpoint on the floor plan)</translation>
    </message>
    <message>
        <source>分区名称不能为空。</source>
        <translation>The section name cannot be empty.</translation>
    </message>
    <message>
        <source>检查项目不能为空。</source>
        <translation>The check item cannot be empty.</translation>
    </message>
    <message>
        <source>请填写数字，例如 18 或 26.5。</source>
        <translation>Please enter a number, e.g. 18 or 26.5.</translation>
    </message>
    <message>
        <source>下限不能大于上限。</source>
        <translation>The minimum cannot be greater than the maximum.</translation>
    </message>
    <message>
        <source>新分区</source>
        <translation>New section</translation>
    </message>
    <message>
        <source>新检查项目</source>
        <translation>New check item</translation>
    </message>
    <message>
        <source>无法导入模板</source>
        <translation>Could not import the template</translation>
    </message>
    <message>
        <source>无法读取文件“{path}”。</source>
        <translation>Could not read the file “{path}”.</translation>
    </message>
    <message>
        <source>文件“{file}”中有 {count} 处问题，没有导入任何内容。请改正后再导入：</source>
        <translation>The file “{file}” has {count} problems, so nothing was imported. Please correct them and import it again:</translation>
    </message>
    <message>
        <source>已导入“{name}”，作为版本 {version}。</source>
        <translation>Imported “{name}” as version {version}.</translation>
    </message>
    <message>
        <source>已导入新模板“{name}”。</source>
        <translation>Imported the new template “{name}”.</translation>
    </message>
    <message>
        <source>无法导出模板</source>
        <translation>Could not export the template</translation>
    </message>
    <message>
        <source>无法写入文件“{path}”，模板没有导出。</source>
        <translation>Could not write the file “{path}”; the template was not exported.</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>导入巡检模板</source>
        <translation>Import inspection template</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv);;所有文件 (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>导出巡检模板</source>
        <translation>Export inspection template</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>……另有 {count} 处，见“详细信息”。</source>
        <translation>…and {count} more; see “Show Details”.</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>{h} 小时 {m} 分钟</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>没有开放的窗口</source>
        <translation>no counter open</translation>
    </message>
    <message>
        <source>{m} 分钟</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{time} {pool}：{n} 人排队，队尾约等 {wait}</source>
        <translation>{time} {pool}: {n} waiting, the last waits about {wait}</translation>
    </message>
    <message>
        <source>排队 {n} 人，已超过突发客流阈值：请启动突发客流预案。</source>
        <translation>{n} people waiting, past the surge threshold: start the sudden-surge playbook.</translation>
    </message>
    <message>
        <source>按排班今天 {total} 人上班，现在在岗 {now} 人。</source>
        <translation>By the roster {total} people work today; {now} are on shift now.</translation>
    </message>
    <message>
        <source>现场排队与在岗</source>
        <translation>Live queue and staff on shift</translation>
    </message>
    <message>
        <source>今天不营业。</source>
        <translation>Closed today.</translation>
    </message>
    <message>
        <source>营业中，{close} 结束营业（还有 {left}）。</source>
        <translation>Open; closes at {close} ({left} left).</translation>
    </message>
    <message>
        <source>今天 {open} 开门，{close} 结束营业。</source>
        <translation>Opens today at {open}, closes at {close}.</translation>
    </message>
    <message>
        <source>今天已于 {close} 结束营业。</source>
        <translation>Closed today at {close}.</translation>
    </message>
    <message>
        <source>{counters} 个窗口，{business} 类业务，{staff} 名员工。</source>
        <translation>{counters} counters, {business} business types, {staff} staff.</translation>
    </message>
    <message>
        <source>营业状态</source>
        <translation>Hall status</translation>
    </message>
    <message>
        <source>今天已取号 {issued} 张，现在等候 {waiting} 人。</source>
        <translation>{issued} tickets issued today; {waiting} waiting now.</translation>
    </message>
    <message>
        <source>平均等候 {avg}，最长 {max}。</source>
        <translation>Average wait {avg}, longest {max}.</translation>
    </message>
    <message>
        <source>今天还没有取号记录。</source>
        <translation>No tickets issued yet today.</translation>
    </message>
    <message>
        <source>近四周同一天到这个时候平均取号 {usual} 张。</source>
        <translation>On this weekday over the last four weeks, {usual} tickets by this time on average.</translation>
    </message>
    <message>
        <source>排队情况</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>取号 {issued} 张，办结 {served} 张，最忙的时段是 {hour}:00–{next}:00（{busy} 张）。</source>
        <translation>{issued} tickets issued, {served} finished; busiest hour {hour}:00–{next}:00 ({busy} tickets).</translation>
    </message>
    <message>
        <source>平均等候 {avg}，{share}% 的顾客在 10 分钟内被叫号。</source>
        <translation>Average wait {avg}; {share}% of customers called within 10 minutes.</translation>
    </message>
    <message>
        <source>{count} 位顾客取号后未办理就离开了。</source>
        <translation>{count} customers took a ticket and left without being served.</translation>
    </message>
    <message>
        <source>上一个营业日（{date}）</source>
        <translation>Previous business day ({date})</translation>
    </message>
    <message>
        <source>{y}年{mo}月{d}日 {weekday}</source>
        <translation>{weekday}, {y}-{mo:02d}-{d:02d}</translation>
    </message>
    <message>
        <source>{time} {name}：{status}，得分 {score}，不合格 {failed} 项。</source>
        <translation>{time} {name}: {status}, score {score}, failed items: {failed}.</translation>
    </message>
    <message>
        <source>{round}（尚未签字）</source>
        <translation>{round} Not signed off yet.</translation>
    </message>
    <message>
        <source>{time} {name}：{status}。</source>
        <translation>{time} {name}: {status}.</translation>
    </message>
    <message>
        <source>今日巡检</source>
        <translation>Today&apos;s rounds</translation>
    </message>
    <message>
        <source>未关闭的整改项 {open} 项，其中逾期 {overdue} 项、今天到期 {today} 项。</source>
        <translation>Open corrective actions: {open}, of which {overdue} overdue and {today} due today.</translation>
    </message>
    <message>
        <source>演练进行中：{title}（已 {elapsed}）</source>
        <translation>Drill running: {title} ({elapsed} so far)</translation>
    </message>
    <message>
        <source>事件处置中：{title}（已 {elapsed}）</source>
        <translation>Incident open: {title} ({elapsed} so far)</translation>
    </message>
    <message>
        <source>未指定</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <source>事件整改：{title} — 责任人 {owner}，期限 {due}</source>
        <translation>Incident follow-up: {title} — owner {owner}, due {due}</translation>
    </message>
    <message>
        <source>来自事件：{incident}</source>
        <translation>From the incident: {incident}</translation>
    </message>
    <message>
        <source>突发事件与投诉</source>
        <translation>Incidents and complaints</translation>
    </message>
    <message>
        <source>未办结的投诉 {open} 件，其中超时 {overdue} 件。</source>
        <translation>{open} complaints open, {overdue} of them late.</translation>
    </message>
    <message>
        <source>未按时响应</source>
        <translation>not answered in time</translation>
    </message>
    <message>
        <source>未按时办结</source>
        <translation>not settled in time</translation>
    </message>
    <message>
        <source>{category}投诉（{received}）：{what}</source>
        <translation>{category} complaint ({received}): {what}</translation>
    </message>
    <message>
        <source>{title} — 责任人 {owner}，已逾期 {days} 天。</source>
        <translation>{title} — owner: {owner}; overdue by {days} day(s).</translation>
    </message>
    <message>
        <source>{title} — 责任人 {owner}，今天到期。</source>
        <translation>{title} — owner: {owner}; due today.</translation>
    </message>
    <message>
        <source>整改项</source>
        <translation>Corrective actions</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>信息</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>窗口与业务</source>
        <translation>Counters and business</translation>
    </message>
    <message>
        <source>更新于 {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <source>尚未设置营业厅</source>
        <translation>No hall set up yet</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>技能</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>可办理业务</source>
        <translation>Business handled</translation>
    </message>
    <message>
        <source>最近一次备份：{time}</source>
        <translation>Latest backup: {time}</translation>
    </message>
    <message>
        <source>还没有备份。每天第一次打开软件时会自动备份。</source>
        <translation>No backup yet. The first start of each day makes one automatically.</translation>
    </message>
</context>
<context>
    <name>TouchpointDialog</name>
    <message>
        <source>触点属性</source>
        <translation>Touchpoint properties</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>服务环节</source>
        <translation>Stage of the visit</translation>
    </message>
    <message>
        <source>责任岗位</source>
        <translation>Responsible role</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>满意度要素</source>
        <translation>Satisfaction element</translation>
    </message>
    <message>
        <source>员工在这里做什么、说什么，例如：起身微笑，问“您好，请问办理什么业务？”</source>
        <translation>What staff do and say here, e.g. stand up, smile and ask &quot;Hello, what can I do for you today?&quot;</translation>
    </message>
    <message>
        <source>服务标准</source>
        <translation>Service standard</translation>
    </message>
    <message>
        <source>服务标准（英文）</source>
        <translation>Service standard (English)</translation>
    </message>
    <message>
        <source>（暂无）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>关联巡检项目</source>
        <translation>Linked inspection items</translation>
    </message>
    <message>
        <source>在“巡检 → 模板”中编辑项目，选择“触点”即可关联；改编号时，关联的项目随之改用新编号。</source>
        <translation>Link an item under Inspection → Templates by choosing its touchpoint; a new code is carried into the linked items.</translation>
    </message>
</context>
<context>
    <name>TouchpointExport</name>
    <message>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <source>无法写入文件：{path}</source>
        <translation>Could not write the file: {path}</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>触点</source>
        <translation>Touchpoint</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>责任岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>趋势</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>触点地图</source>
        <translation>Touchpoint map</translation>
    </message>
    <message>
        <source>触点一览</source>
        <translation>Touchpoints</translation>
    </message>
    <message>
        <source>（超期 {n}）</source>
        <translation> ({n} overdue)</translation>
    </message>
    <message>
        <source>导出触点地图</source>
        <translation>Export the touchpoint map</translation>
    </message>
    <message>
        <source>PDF，A4 横向（打印张贴）</source>
        <translation>PDF, A4 landscape (to print and post)</translation>
    </message>
    <message>
        <source>PDF，A3 横向（员工室墙上）</source>
        <translation>PDF, A3 landscape (for the staff room wall)</translation>
    </message>
    <message>
        <source>PNG 图片</source>
        <translation>PNG picture</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>导出的是当前平面图、各触点在统计期间的状态和图例。</source>
        <translation>The export shows the current floor plan, each touchpoint&apos;s status in the chosen period, and the legend.</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG pictures (*.png)</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>统计期间 {period}</source>
        <translation>Period {period}</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>文件没有写成：{error}</source>
        <translation>The file was not written: {error}</translation>
    </message>
</context>
<context>
    <name>TouchpointPanel</name>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>责任岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>趋势</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>{group}（{count}）</source>
        <translation>{group} ({count})</translation>
    </message>
    <message>
        <source>（超期 {n}）</source>
        <translation> ({n} overdue)</translation>
    </message>
    <message>
        <source>未指定岗位</source>
        <translation>no role set</translation>
    </message>
    <message>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>看板</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>对比</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>按状态分组</source>
        <translation>Group by status</translation>
    </message>
    <message>
        <source>按环节分组</source>
        <translation>Group by stage</translation>
    </message>
    <message>
        <source>卡片</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>之前（对比期）</source>
        <translation>Before (period to compare with)</translation>
    </message>
    <message>
        <source>还没有平面图。</source>
        <translation>There is no floor plan yet.</translation>
    </message>
    <message>
        <source>在图上或看板中点一个触点，查看它为什么是这个颜色。</source>
        <translation>Click a touchpoint on the map or the board to see why it has its colour.</translation>
    </message>
    <message>
        <source>服务标准：{standard}</source>
        <translation>Service standard: {standard}</translation>
    </message>
    <message>
        <source>期间：{period}</source>
        <translation>Period: {period}</translation>
    </message>
    <message>
        <source>……更早的 {count} 次未列出</source>
        <translation>… {count} earlier check(s) not listed</translation>
    </message>
    <message>
        <source>{date} {round}：{item} — {result}</source>
        <translation>{date} {round}: {item} — {result}</translation>
    </message>
    <message>
        <source>（{severity}）</source>
        <translation> ({severity})</translation>
    </message>
    <message>
        <source>整改：{title}，{date} 发现，{due} 到期</source>
        <translation>Action: {title}, found {date}, due {due}</translation>
    </message>
    <message>
        <source>（已超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>，负责人 {owner}</source>
        <translation>, owner {owner}</translation>
    </message>
    <message>
        <source>未结束</source>
        <translation>still open</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>{date} {title}（{state}）</source>
        <translation>{date} {title} ({state})</translation>
    </message>
    <message>
        <source>关联的巡检项目（{count}）</source>
        <translation>Linked inspection items ({count})</translation>
    </message>
    <message>
        <source>之后（统计期间）：{period}</source>
        <translation>After (the chosen period): {period}</translation>
    </message>
    <message>
        <source>触点</source>
        <translation>Touchpoint</translation>
    </message>
    <message>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近 14 天</source>
        <translation>Last 14 days</translation>
    </message>
    <message>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>{owner} · 待整改 {actions} · 趋势 {trend} · {stage}</source>
        <translation>{owner} · open actions {actions} · trend {trend} · {stage}</translation>
    </message>
    <message>
        <source>还没有触点：在左侧工具中选“触点”，再在图上点一下即可添加。</source>
        <translation>No touchpoints yet: choose “Touchpoint” among the tools on the left, then click on the map to add one.</translation>
    </message>
    <message>
        <source>环节：{stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <source>责任岗位：{role}</source>
        <translation>Role: {role}</translation>
    </message>
    <message>
        <source>满意度要素：{element}</source>
        <translation>Satisfaction element: {element}</translation>
    </message>
    <message>
        <source>之前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>之后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Measure</translation>
    </message>
</context>
<context>
    <name>TouchpointStatus</name>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>关注</source>
        <translation>Watch</translation>
    </message>
    <message>
        <source>异常</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>进厅</source>
        <translation>Arrive</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Get a ticket</translation>
    </message>
    <message>
        <source>等候</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Be served</translation>
    </message>
    <message>
        <source>缴费</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>离厅</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>严重项不合格 {count} 次</source>
        <translation>Critical item failed {count} time(s)</translation>
    </message>
    <message>
        <source>检查 {checked} 次，不合格 {failed} 次（{rate}%）</source>
        <translation>Checked {checked} time(s), failed {failed} ({rate}%)</translation>
    </message>
    <message>
        <source>整改项超期未完成 {count} 项</source>
        <translation>{count} corrective action(s) overdue</translation>
    </message>
    <message>
        <source>整改项待完成 {count} 项</source>
        <translation>{count} corrective action(s) open</translation>
    </message>
    <message>
        <source>此处发生事件 {count} 起，未结束 {open} 起</source>
        <translation>{count} incident(s) here, {open} still open</translation>
    </message>
    <message>
        <source>此处发生事件 {count} 起，均已结束</source>
        <translation>{count} incident(s) here, all closed</translation>
    </message>
    <message>
        <source>检查 {checked} 次，全部合格</source>
        <translation>Checked {checked} time(s), all passed</translation>
    </message>
    <message>
        <source>所选期间没有检查过关联的 {count} 个项目</source>
        <translation>None of the {count} linked item(s) was checked in this period</translation>
    </message>
    <message>
        <source>还没有关联巡检项目：在巡检模板中为项目选择此触点</source>
        <translation>No inspection items linked yet: choose this touchpoint for items in the inspection template</translation>
    </message>
    <message>
        <source>好转</source>
        <translation>better</translation>
    </message>
    <message>
        <source>变差</source>
        <translation>worse</translation>
    </message>
    <message>
        <source>持平</source>
        <translation>same</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>合格率</source>
        <translation>Pass rate</translation>
    </message>
    <message>
        <source>不合格次数</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>未完成整改</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>超期整改</source>
        <translation>Overdue actions</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Incidents</translation>
    </message>
</context>
<context>
    <name>Touchpoints</name>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>服务环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>服务标准</source>
        <translation>The service standard</translation>
    </message>
    <message>
        <source>英文服务标准</source>
        <translation>The English service standard</translation>
    </message>
    <message>
        <source>责任岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>满意度要素</source>
        <translation>Satisfaction element</translation>
    </message>
    <message>
        <source>编号 {code} 已被其他触点使用。</source>
        <translation>Code {code} is already used by another touchpoint.</translation>
    </message>
    <message>
        <source>{field}有 {count} 字，太长了：请压缩到 {limit} 字以内。</source>
        <translation>{field} has {count} characters, which is too long: please keep it within {limit}.</translation>
    </message>
    <message>
        <source>请填写触点名称。</source>
        <translation>Please enter the touchpoint&apos;s name.</translation>
    </message>
    <message>
        <source>请填写触点编号。</source>
        <translation>Please enter the touchpoint&apos;s code.</translation>
    </message>
    <message>
        <source>编号最多 20 个字符，不能含逗号、分号、引号、尖括号、&amp; 或换行。</source>
        <translation>A code has at most 20 characters and no commas, semicolons, quotes, angle brackets, &amp; or line breaks.</translation>
    </message>
    <message>
        <source>未知的服务环节：{stage}</source>
        <translation>Unknown stage: {stage}</translation>
    </message>
</context>
</TS>
