<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>HallProfileDialog</name>
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
    <name>Message</name>
    <message>
        <source>、</source>
        <translation>, </translation>
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
    <name>Today</name>
    <message>
        <source>{h} 小时 {m} 分钟</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{m} 分钟</source>
        <translation>{m} min</translation>
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
</TS>
