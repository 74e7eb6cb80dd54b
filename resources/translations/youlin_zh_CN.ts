<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountTableModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>Role of the selected account</source>
        <translation>所选账号的角色</translation>
    </message>
    <message>
        <source>C&amp;hange role</source>
        <translation>更改角色(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Disable account</source>
        <translation>停用账号(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重设密码(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Let this account sign in again now, after too many wrong passwords.</source>
        <translation>密码输错次数过多被锁定后，让这个账号现在就能重新登录。</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>新建账号(&amp;N)…</translation>
    </message>
    <message>
        <source>Accounts and roles</source>
        <translation>账号与角色</translation>
    </message>
    <message>
        <source>Desk volunteers: reception, people, signups. Staff: also rooms, menu, hours and certificates. Admins: everything, including these settings.</source>
        <translation>前台志愿者：接待签到、居民档案、报名。工作人员：另加活动室、服务菜单、服务时长和证书。管理员：全部功能，包括这些设置。</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>e.g. zhangli (letters and digits)</source>
        <translation>例如 zhangli（字母和数字）</translation>
    </message>
    <message>
        <source>e.g. 张丽</source>
        <translation>例如 张丽</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Name &amp;shown:</source>
        <translation>显示名称(&amp;S)：</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>角色(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>创建账号(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Set new password</source>
        <translation>设置新密码(&amp;S)</translation>
    </message>
    <message>
        <source>New password for %1 (%2). They are asked to change it at the next sign-in.</source>
        <translation>为 %1（%2）设置新密码。下次登录时会要求其修改密码。</translation>
    </message>
    <message>
        <source>New password for your own account (%1).</source>
        <translation>为您自己的账号（%1）设置新密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>未创建：%1</translation>
    </message>
    <message>
        <source>Account %1 (%2) created with the role %3.</source>
        <translation>已创建账号 %1（%2），角色为%3。</translation>
    </message>
    <message>
        <source>First choose an account in the list.</source>
        <translation>请先在列表中选择一个账号。</translation>
    </message>
    <message>
        <source>Role not changed: %1</source>
        <translation>角色未更改：%1</translation>
    </message>
    <message>
        <source>%1 now has the role %2.</source>
        <translation>%1 的角色现在是%2。</translation>
    </message>
    <message>
        <source>Your own new role applies from your next sign-in.</source>
        <translation>您自己的新角色从下次登录起生效。</translation>
    </message>
    <message>
        <source>You can&apos;t disable your own account while you are signed in with it. Ask another administrator to do it.</source>
        <translation>您正在用这个账号登录，不能停用自己的账号。请另一位管理员来停用。</translation>
    </message>
    <message>
        <source>Not enabled: %1</source>
        <translation>未启用：%1</translation>
    </message>
    <message>
        <source>Not disabled: %1</source>
        <translation>未停用：%1</translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 已停用，不能再登录。</translation>
    </message>
    <message>
        <source>Not unlocked: %1</source>
        <translation>未能解锁：%1</translation>
    </message>
    <message>
        <source>%1 is unlocked and may sign in again now.</source>
        <translation>%1 已解锁，现在可以重新登录。</translation>
    </message>
    <message>
        <source>Password not changed: %1</source>
        <translation>密码未更改：%1</translation>
    </message>
    <message>
        <source>The password of %1 is reset.</source>
        <translation>%1 的密码已重设。</translation>
    </message>
    <message>
        <source>Choose an account in the list to change it.</source>
        <translation>在列表中选择一个账号即可修改。</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until %1 after too many wrong passwords</source>
        <translation>因密码输错次数过多锁定至 %1</translation>
    </message>
    <message>
        <source>Selected: %1 (%2), %3, %4.</source>
        <translation>已选择：%1（%2），%3，%4。</translation>
    </message>
    <message>
        <source>&amp;Enable account</source>
        <translation>启用账号(&amp;E)</translation>
    </message>
    <message>
        <source>Not saved: please correct the form below.</source>
        <translation>未保存：请修改下面表格中的内容。</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
</context>
<context>
    <name>AgendaDialog</name>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>The agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Nothing is on the agenda yet.</source>
        <translation>议程上还没有议题。</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Take off</source>
        <translation>移出议程(&amp;T)</translation>
    </message>
    <message>
        <source>Take the item off the agenda</source>
        <translation>把这项议题移出议程</translation>
    </message>
    <message>
        <source>Outcome of the chosen item</source>
        <translation>所选议题的议事结果</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>议事结果：</translation>
    </message>
    <message>
        <source>&amp;Resolved</source>
        <translation>已解决(&amp;R)</translation>
    </message>
    <message>
        <source>Request resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Still &amp;open, followed up</source>
        <translation>继续跟进(&amp;O)</translation>
    </message>
    <message>
        <source>Still open, followed up</source>
        <translation>继续跟进</translation>
    </message>
    <message>
        <source>What the meeting decided</source>
        <translation>会议议定的事项</translation>
    </message>
    <message>
        <source>Record the outcome</source>
        <translation>记录议事结果</translation>
    </message>
    <message>
        <source>On the agenda</source>
        <translation>议程上的议题</translation>
    </message>
    <message>
        <source>Search the open requests</source>
        <translation>搜索待议的诉求</translation>
    </message>
    <message>
        <source>Search: words, category, community</source>
        <translation>搜索：内容、类别或小区</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>未办结的诉求</translation>
    </message>
    <message>
        <source>No open request waits for a meeting.</source>
        <translation>没有等待上会的诉求。</translation>
    </message>
    <message>
        <source>&amp;Add to the agenda</source>
        <translation>提交议事(&amp;A)</translation>
    </message>
    <message>
        <source>Requests to put on the agenda</source>
        <translation>待提交议事的民生诉求</translation>
    </message>
    <message>
        <source>&amp;Print the agenda…</source>
        <translation>打印议程(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the &amp;minutes…</source>
        <translation>打印会议纪要(&amp;M)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Agenda: %1</source>
        <translation>议程：%1</translation>
    </message>
    <message>
        <source>This meeting was called off.</source>
        <translation>这次会议已取消。</translation>
    </message>
    <message>
        <source>Staff put requests on the agenda and record the outcomes.</source>
        <translation>议程的编排和议事结果的记录由工作人员完成。</translation>
    </message>
    <message>
        <source>Before the meeting: put open requests on the agenda and set their order.</source>
        <translation>会前：把待议的诉求提交议事，并排好顺序。</translation>
    </message>
    <message>
        <source>The meeting is under way: requests may still be added; record each outcome.</source>
        <translation>会议进行中：仍可提交议事；请逐项记录议事结果。</translation>
    </message>
    <message>
        <source>The meeting is over: %1 item(s) still need their outcome.</source>
        <translation>会议已结束：还有 %1 项议题未记录议事结果。</translation>
    </message>
    <message>
        <source>The meeting is over and every outcome is recorded.</source>
        <translation>会议已结束，各项议事结果均已记录。</translation>
    </message>
    <message>
        <source>Item %1 [%2]: %3</source>
        <translation>议题 %1【%2】：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Choose a request in the list first.</source>
        <translation>请先在列表中选中一条诉求。</translation>
    </message>
    <message>
        <source>Not put on the agenda: %1</source>
        <translation>未能提交议事：%1</translation>
    </message>
    <message>
        <source>Put on the agenda.</source>
        <translation>已提交议事。</translation>
    </message>
    <message>
        <source>Choose an item of the agenda first.</source>
        <translation>请先在议程中选中一项议题。</translation>
    </message>
    <message>
        <source>Not taken off: %1</source>
        <translation>未能移出：%1</translation>
    </message>
    <message>
        <source>Took item %1 off the agenda.</source>
        <translation>已把议题 %1 移出议程。</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未能移动：%1</translation>
    </message>
    <message>
        <source>Choose resolved or still open.</source>
        <translation>请选择“已解决”或“继续跟进”。</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未记录：%1</translation>
    </message>
    <message>
        <source>Item %1 recorded: the request is resolved.</source>
        <translation>议题 %1 已记录：诉求已解决。</translation>
    </message>
    <message>
        <source>Item %1 recorded: the request stays open with the decision noted.</source>
        <translation>议题 %1 已记录：诉求继续跟进，议定事项已记入。</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
</context>
<context>
    <name>AnswerChoice</name>
    <message>
        <source>Note on the answer</source>
        <translation>回访备注</translation>
    </message>
    <message>
        <source>What the resident said (needed when not satisfied)</source>
        <translation>居民怎么说（不满意时必填）</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language is used the next time the program starts.</source>
        <translation>新的语言在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>文字大小(&amp;T)：</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Large text for elder eyes (长辈模式)</source>
        <translation>大字（长辈模式）</translation>
    </message>
    <message>
        <source>The text size changes at once, on every desk of this computer.</source>
        <translation>文字大小立即改变，本机所有页面都会生效。</translation>
    </message>
    <message>
        <source>Language and text size</source>
        <translation>语言和文字大小</translation>
    </message>
    <message>
        <source>These settings belong to this computer only.</source>
        <translation>这些设置只对这台电脑有效。</translation>
    </message>
    <message>
        <source>Saved. The program shows %1 the next time it starts.</source>
        <translation>已保存。下次启动时程序将显示%1。</translation>
    </message>
    <message>
        <source>Saved. This computer keeps this text size.</source>
        <translation>已保存。这台电脑将保持这个文字大小。</translation>
    </message>
    <message>
        <source>The setting could not be saved in the data folder %1 (%2). It applies only until the program closes; ask the administrator to make the folder writable.</source>
        <translation>无法在数据文件夹 %1 中保存设置（%2）。设置只在程序关闭前有效；请管理员为该文件夹开通写入权限。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The database can&apos;t be used: %1</source>
        <translation>无法使用这个数据库：%1</translation>
    </message>
    <message>
        <source>Automatic login as %1 failed: %2</source>
        <translation>以 %1 自动登录失败：%2</translation>
    </message>
    <message>
        <source>Youlin Desk can&apos;t start</source>
        <translation>友邻前台无法启动</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Attendance</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Scan a member card:</source>
        <translation>扫会员卡：</translation>
    </message>
    <message>
        <source>Scan a member card</source>
        <translation>扫会员卡</translation>
    </message>
    <message>
        <source>Scan the card, or type its member code + Enter</source>
        <translation>扫卡，或输入会员号后按回车</translation>
    </message>
    <message>
        <source>Add a walk-in…</source>
        <translation>现场参加…</translation>
    </message>
    <message>
        <source>Close attendance…</source>
        <translation>结束签到…</translation>
    </message>
    <message>
        <source>Reopen attendance</source>
        <translation>重新开始签到</translation>
    </message>
    <message>
        <source>Add as a walk-in</source>
        <translation>加为现场参加</translation>
    </message>
    <message>
        <source>Don&apos;t add</source>
        <translation>不加</translation>
    </message>
    <message>
        <source>Close attendance</source>
        <translation>结束签到</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Who came without signing up? Search, then Enter adds them.</source>
        <translation>谁没报名就来了？查找后按回车即加为现场参加。</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close the search</source>
        <translation>关闭查找</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到名单</translation>
    </message>
    <message>
        <source>No session chosen</source>
        <translation>未选择活动场次</translation>
    </message>
    <message>
        <source>(cancelled: no attendance)</source>
        <translation>（已取消，无需签到）</translation>
    </message>
    <message>
        <source>(attendance closed)</source>
        <translation>（签到已结束）</translation>
    </message>
    <message>
        <source>Expected %1 · Present %2</source>
        <translation>应到 %1 人&#x3000;实到 %2 人</translation>
    </message>
    <message>
        <source>walk-ins %1</source>
        <translation>其中现场参加 %1 人</translation>
    </message>
    <message>
        <source>did not come %1</source>
        <translation>未到 %1 人</translation>
    </message>
    <message>
        <source>Ticked: %1.</source>
        <translation>已签到：%1。</translation>
    </message>
    <message>
        <source>%1 is taken off the sheet (walk-in unticked).</source>
        <translation>已将 %1 从名单中移除（取消现场参加）。</translation>
    </message>
    <message>
        <source>Unticked: %1.</source>
        <translation>已取消签到：%1。</translation>
    </message>
    <message>
        <source>Find and add as a walk-in (Enter)</source>
        <translation>查找并加为现场参加（回车）</translation>
    </message>
    <message>
        <source>Find and add as a walk-in</source>
        <translation>查找并加为现场参加</translation>
    </message>
    <message>
        <source>Came without a member card, or not on file yet?</source>
        <translation>没带会员卡，或还没有登记？</translation>
    </message>
    <message>
        <source>Add as a walk-in (Enter)</source>
        <translation>加为现场参加（回车）</translation>
    </message>
    <message>
        <source>Attendance can be closed once the session has begun.</source>
        <translation>活动开始后才能结束签到。</translation>
    </message>
    <message>
        <source>Close attendance: the %1 not ticked are marked as not come.</source>
        <translation>结束签到：未勾选的 %1 人将记为未到。</translation>
    </message>
    <message>
        <source>Attendance closed: %1 came, %2 did not come.</source>
        <translation>签到已结束：实到 %1 人，未到 %2 人。</translation>
    </message>
    <message>
        <source>Attendance is open again; the ticks are kept.</source>
        <translation>已重新开始签到，已勾选的保留。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Object no.</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>activity session</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>agenda item</source>
        <translation>议程事项</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>room booking</source>
        <translation>活动室预约</translation>
    </message>
    <message>
        <source>building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>centre profile</source>
        <translation>中心信息</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>closed day</source>
        <translation>闭馆日</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>person</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>resident request</source>
        <translation>民生直通车诉求</translation>
    </message>
    <message>
        <source>room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>menu item</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>volunteer service record</source>
        <translation>志愿服务记录</translation>
    </message>
    <message>
        <source>service series</source>
        <translation>服务系列</translation>
    </message>
    <message>
        <source>session plan</source>
        <translation>活动计划</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>signup</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Put on the agenda</source>
        <translation>列入议程</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Assign to someone</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Issue in a batch</source>
        <translation>批量颁发</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Change own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>来访签到</translation>
    </message>
    <message>
        <source>Close attendance</source>
        <translation>结束签到</translation>
    </message>
    <message>
        <source>Close signups</source>
        <translation>截止报名</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete make-up hours</source>
        <translation>删除补录时长</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Assign to a duty</source>
        <translation>安排值班</translation>
    </message>
    <message>
        <source>End a duty assignment</source>
        <translation>结束值班安排</translation>
    </message>
    <message>
        <source>Create a duty</source>
        <translation>新建值班</translation>
    </message>
    <message>
        <source>Mark a duty turn</source>
        <translation>登记值班</translation>
    </message>
    <message>
        <source>Change a duty</source>
        <translation>修改值班</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记为志愿者</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Issue a certificate</source>
        <translation>颁发证书</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Make-up hours</source>
        <translation>补录时长</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Open signups</source>
        <translation>开放报名</translation>
    </message>
    <message>
        <source>Book over a conflict</source>
        <translation>冲突时强行预约</translation>
    </message>
    <message>
        <source>Promote from the waitlist</source>
        <translation>候补转正</translation>
    </message>
    <message>
        <source>Record the outcome</source>
        <translation>记录议事结果</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take off the agenda</source>
        <translation>移出议程</translation>
    </message>
    <message>
        <source>Reopen attendance</source>
        <translation>重新开始签到</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>调整顺序</translation>
    </message>
    <message>
        <source>Reorder the agenda</source>
        <translation>调整议程顺序</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Mark present</source>
        <translation>标记到场</translation>
    </message>
    <message>
        <source>Undo a check-in</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Mark not present</source>
        <translation>标记未到</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Add a walk-in</source>
        <translation>添加临时到场</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>同意书</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source> no. %1</source>
        <translation> 第 %1 号</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source>Failed login as %1 (the account is locked)</source>
        <translation>以 %1 登录失败（账号锁定中）</translation>
    </message>
    <message>
        <source>Failed login as %1 (wrong password %2 times in a row)</source>
        <translation>以 %1 登录失败（连续第 %2 次密码错误）</translation>
    </message>
    <message>
        <source>Failed login as %1</source>
        <translation>以 %1 登录失败</translation>
    </message>
    <message>
        <source>Account %1 locked until %2 after too many wrong passwords</source>
        <translation>账号 %1 因密码输错次数过多锁定至 %2</translation>
    </message>
    <message>
        <source>Unlocked account %1</source>
        <translation>解锁账号 %1</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Exported %1: %2 rows to %3</source>
        <translation>导出%1：%2 行，到 %3</translation>
    </message>
    <message>
        <source> (with whole phone and ID numbers)</source>
        <translation>（含完整电话和身份证号）</translation>
    </message>
    <message>
        <source> (numbers masked)</source>
        <translation>（号码已隐藏）</translation>
    </message>
    <message>
        <source>Changed the idle lock of every desk from %1 to %2 minutes</source>
        <translation>把各前台的闲置锁定时间从 %1 分钟改为 %2 分钟</translation>
    </message>
    <message>
        <source>Changed a person: %1</source>
        <translation>修改居民档案：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Made up %1 hours on %2: %3 (reason: %4)</source>
        <translation>补录 %2 的 %1 小时：%3（原因：%4）</translation>
    </message>
    <message>
        <source>Issued certificate %1: %2</source>
        <translation>颁发证书 %1：%2</translation>
    </message>
    <message>
        <source>Revoked certificate %1 (reason: %2)</source>
        <translation>作废证书 %1（原因：%2）</translation>
    </message>
    <message>
        <source>Restored the backup %1</source>
        <translation>恢复备份 %1</translation>
    </message>
</context>
<context>
    <name>AuditExporter</name>
    <message>
        <source>Exporting the audit log…</source>
        <translation>正在导出操作日志…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>账号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>&amp;Object:</source>
        <translation>对象(&amp;O)：</translation>
    </message>
    <message>
        <source>Any object</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>文字(&amp;X)：</translation>
    </message>
    <message>
        <source>a name, a file, a serial …</source>
        <translation>姓名、文件名、证书编号……</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查找(&amp;S)</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the lines found as an Excel workbook (.xlsx).</source>
        <translation>把查到的记录保存为 Excel 工作簿(.xlsx)。</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Who did what: sign-ins and refused sign-ins, locked accounts, exports, backups, and changes to people, bookings, hours and certificates.</source>
        <translation>谁在什么时候做了什么：登录和登录失败、账号锁定、导出、备份，以及对居民档案、预约、志愿时长和证书的修改。</translation>
    </message>
    <message>
        <source>Any account</source>
        <translation>全部账号</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>%1 lines found</source>
        <translation>共查到 %1 条</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>There is no database file at %1.</source>
        <translation>%1 处没有数据库文件。</translation>
    </message>
    <message>
        <source>no database file</source>
        <translation>没有数据库文件</translation>
    </message>
    <message>
        <source>No backup could be made in the folder %1: %2. The earlier backups are kept.</source>
        <translation>无法在文件夹 %1 中备份：%2。以前的备份都还在。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the folder is not there (was a USB stick taken out?)</source>
        <translation>文件夹不存在（U 盘被拔出了吗？）</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>文件夹是只读的</translation>
    </message>
    <message>
        <source>the folder can&apos;t be written or is not there</source>
        <translation>文件夹无法写入或不存在</translation>
    </message>
    <message>
        <source>The backup %1 is damaged: %2</source>
        <translation>备份 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>the copy is damaged</source>
        <translation>副本已损坏</translation>
    </message>
    <message>
        <source>The backup %1 does not hold the same rows (%2).</source>
        <translation>备份 %1 中的记录与数据库不一致（%2）。</translation>
    </message>
    <message>
        <source>the copy&apos;s rows differ</source>
        <translation>副本中的记录不一致</translation>
    </message>
    <message>
        <source>%1 is not installed on this computer, and a PostgreSQL database is backed up with it. Install PostgreSQL&apos;s command-line tools (Debian: postgresql-client; Windows: the PostgreSQL installer&apos;s “Command Line Tools”), or back the database up on the server.</source>
        <translation>这台电脑没有安装 %1，而 PostgreSQL 数据库要用它备份。请安装 PostgreSQL 的命令行工具（Debian：postgresql-client；Windows：PostgreSQL 安装程序中的“Command Line Tools”），或在服务器上备份数据库。</translation>
    </message>
    <message>
        <source>pg_dump could not back the database up: %1</source>
        <translation>pg_dump 未能备份数据库：%1</translation>
    </message>
    <message>
        <source>%1 other programs are connected to the database %2 (Youlin Desk on other desk PCs, or another tool). Close them first, then restore again.</source>
        <translation>另有 %1 个程序连着数据库 %2（其他前台电脑上的友邻前台，或别的工具）。请先关闭它们，再恢复。</translation>
    </message>
    <message>
        <source>pg_restore could not restore the backup: %1</source>
        <translation>pg_restore 未能恢复备份：%1</translation>
    </message>
    <message>
        <source>The database %1 is open in another program (another Youlin Desk window, or a desk on another computer). Close it there first, then restore again.</source>
        <translation>数据库 %1 正被其他程序打开（另一个友邻前台窗口，或另一台电脑上的前台）。请先在那里关闭，再重新恢复。</translation>
    </message>
    <message>
        <source>residents %1</source>
        <translation>居民 %1 人</translation>
    </message>
    <message>
        <source>visits %1</source>
        <translation>来访 %1 条</translation>
    </message>
    <message>
        <source>requests %1</source>
        <translation>诉求 %1 条</translation>
    </message>
    <message>
        <source>room bookings %1</source>
        <translation>活动室预约 %1 条</translation>
    </message>
    <message>
        <source>signups %1</source>
        <translation>报名 %1 条</translation>
    </message>
    <message>
        <source>volunteer service records %1</source>
        <translation>志愿服务记录 %1 条</translation>
    </message>
    <message>
        <source>certificates %1</source>
        <translation>证书 %1 张</translation>
    </message>
    <message>
        <source>This database can&apos;t be backed up.</source>
        <translation>这个数据库无法备份。</translation>
    </message>
    <message>
        <source>There is no backup file at %1.</source>
        <translation>%1 处没有备份文件。</translation>
    </message>
    <message>
        <source>The backup %1 has lost its description file (%2).</source>
        <translation>备份 %1 缺少它的说明文件（%2）。</translation>
    </message>
    <message>
        <source>%1-%2-%3 %4:%5</source>
        <translation>%1年%2月%3日 %4:%5</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Restore the backup of %1: %2. Everything entered since then is lost; the damaged file is kept beside it under another name.</source>
        <translation>恢复到 %1 的备份：%2。此后录入的内容都会丢失；损坏的文件改名后保留在旁边。</translation>
    </message>
    <message>
        <source>Restore the backup of %1: %2. Everything entered since then is replaced; the database as it is now is backed up first.</source>
        <translation>恢复到 %1 的备份：%2。此后录入的内容都会被替换；恢复前会先备份当前的数据库。</translation>
    </message>
    <message>
        <source>Backup of %1 written to %2 (%3 MB): %4.</source>
        <translation>%1 的备份已写入 %2（%3 MB）：%4。</translation>
    </message>
    <message>
        <source>The backup %1 was made by a newer version of Youlin Desk (schema %2). Install the newer version to restore it.</source>
        <translation>备份 %1 由更新版本的友邻前台制作（结构版本 %2）。请安装新版本后再恢复。</translation>
    </message>
    <message>
        <source>The backup %1 is of another kind of database.</source>
        <translation>备份 %1 属于另一种数据库。</translation>
    </message>
    <message>
        <source>Today&apos;s backup was made already.</source>
        <translation>今天已经备份过了。</translation>
    </message>
    <message>
        <source>Today&apos;s backup was made: %1</source>
        <translation>今天的备份已完成：%1</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2).</source>
        <translation>数据库 %1 已损坏（%2）。</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>没有恢复任何内容。</translation>
    </message>
    <message>
        <source>Restored. The damaged file was kept as %1.</source>
        <translation>已恢复。损坏的文件保存为 %1。</translation>
    </message>
    <message>
        <source>Restored the backup of %1. The database as it was is kept in %2.</source>
        <translation>已恢复到 %1 的备份。恢复前的数据库保存在 %2。</translation>
    </message>
    <message>
        <source>Restore now? Type yes to go on: </source>
        <translation>现在恢复吗？输入 yes 继续：</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>没有找到它的备份。</translation>
    </message>
    <message>
        <source>The newest backup is of %1 (%2). Restore it with: %3</source>
        <translation>最新的备份是 %1 的（%2）。用这条命令恢复：%3</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>备份文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Use the &amp;data folder</source>
        <translation>使用数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>A folder on another drive or a USB stick keeps the backups safe if this computer breaks. This setting belongs to this computer.</source>
        <translation>备份放在另一个磁盘或 U 盘上，这台电脑坏了备份也还在。此设置只对这台电脑有效。</translation>
    </message>
    <message>
        <source>A backup is made by itself once a day when the program first starts, and before every upgrade and restore. Each is checked before it counts; the last 14 days and one a month for 12 months are kept.</source>
        <translation>每天第一次启动程序时会自动备份一次，每次升级和恢复之前也会先备份。每份备份都经过检查才算数；保留最近 14 天的备份，以及 12 个月中每月一份。</translation>
    </message>
    <message>
        <source>The folder %1 can&apos;t be used: %2</source>
        <translation>不能使用文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved. Backups of this computer go to %1.</source>
        <translation>已保存。这台电脑的备份将存放在 %1。</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一份备份。</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Restored the backup of %1. Please log in again.</source>
        <translation>已恢复到 %1 的备份。请重新登录。</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Visit records</source>
        <translation>来访记录</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>BookingEditor</name>
    <message>
        <source>Room booking</source>
        <translation>活动室预约</translation>
    </message>
    <message>
        <source>This booking is one of a series. Change:</source>
        <translation>这是周期预约中的一次。修改：</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. 书法班, 桃园社区自治理事会例会</source>
        <translation>例如：书法班、桃园社区自治理事会例会</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1（可容纳 %2 人）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Booked for</source>
        <translation>预约方</translation>
    </message>
    <message>
        <source>Social organisation</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>type part of the name</source>
        <translation>输入名称中的几个字</translation>
    </message>
    <message>
        <source>Expected attendees</source>
        <translation>预计人数</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Confirm at once</source>
        <translation>直接确认</translation>
    </message>
    <message>
        <source>Confirm the booking at once</source>
        <translation>直接确认这个预约</translation>
    </message>
    <message>
        <source>A booking made at the front desk waits for the staff&apos;s approval.</source>
        <translation>前台提交的预约需等工作人员审批。</translation>
    </message>
    <message>
        <source>Yes, book this time that is already past</source>
        <translation>是的，补录这个已经过去的时间</translation>
    </message>
    <message>
        <source>Book a time that is already past</source>
        <translation>补录已经过去的时间</translation>
    </message>
    <message>
        <source>Reason to book although the room is closed</source>
        <translation>闭馆时仍预约的理由</translation>
    </message>
    <message>
        <source>Administrator: why the room is booked although it is closed then</source>
        <translation>管理员：说明为什么在闭馆或开放时间以外预约</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>例外理由</translation>
    </message>
    <message>
        <source>Agenda…</source>
        <translation>议程…</translation>
    </message>
    <message>
        <source>Occurrences that can&apos;t be booked</source>
        <translation>无法预约的日期</translation>
    </message>
    <message>
        <source>Don&apos;t save, change the booking</source>
        <translation>不保存，回去修改预约</translation>
    </message>
    <message>
        <source>Cancel:</source>
        <translation>取消：</translation>
    </message>
    <message>
        <source>Why it is cancelled</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Why it is cancelled (optional)</source>
        <translation>取消原因（可不填）</translation>
    </message>
    <message>
        <source>Cancel the booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>Why it is rejected</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <source>Reason for rejecting (required)</source>
        <translation>驳回原因（必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save the booking</source>
        <translation>保存预约</translation>
    </message>
    <message>
        <source>Cancel booking…</source>
        <translation>取消预约…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <source>Booking: %1 (%2)</source>
        <translation>预约：%1（%2）</translation>
    </message>
    <message>
        <source>Change a booking</source>
        <translation>修改预约</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>议事会</translation>
    </message>
    <message>
        <source>Type the time like 14:00, or pick it from the list.</source>
        <translation>请按 14:00 的样子输入时间，或从列表中选择。</translation>
    </message>
    <message>
        <source>No organisation on file is called “%1”. Choose one from the list.</source>
        <translation>没有名为“%1”的社会组织，请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose the council that meets.</source>
        <translation>请选择开会的议事会。</translation>
    </message>
    <message>
        <source>Choose the organisation the room is booked for.</source>
        <translation>请选择预约活动室的社会组织。</translation>
    </message>
    <message>
        <source>Find the resident and press Enter to choose them.</source>
        <translation>请查找居民，按回车键选定。</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>This time is already past. To record it anyway, tick the box above and save again.</source>
        <translation>这个时间已经过去了。确实要补录，请勾选上面的方框后再保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>The room is taken then: %1.</source>
        <translation>这个时间活动室已被占用：%1。</translation>
    </message>
    <message>
        <source>%1 To book it anyway, give the reason below and save again.</source>
        <translation>%1 如仍要预约，请在下面填写理由后再保存。</translation>
    </message>
    <message>
        <source>Booked: %1.</source>
        <translation>已预约：%1。</translation>
    </message>
    <message>
        <source>Booked %1 times, %2 dates skipped: %3.</source>
        <translation>已预约 %1 次，跳过 %2 个日期：%3。</translation>
    </message>
    <message>
        <source>Booked %1 times: %2.</source>
        <translation>已预约 %1 次：%2。</translation>
    </message>
    <message>
        <source>Changed: %1.</source>
        <translation>已修改：%1。</translation>
    </message>
    <message>
        <source>%1 of the %2 dates can&apos;t be booked as asked (listed below). Skip them and book the other %3, or go back and change the booking.</source>
        <translation>%2 个日期中有 %1 个无法按要求预约（见下表）。可以跳过这些日期、预约其余 %3 次，或者返回修改后再保存。</translation>
    </message>
    <message>
        <source>Nothing was booked. Change the booking and save again.</source>
        <translation>没有预约。请修改后再保存。</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>没有取消：%1</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>已取消：%1。</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>没有批准：%1</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>已批准：%1。</translation>
    </message>
    <message>
        <source>Say why the request is rejected: the booker is told.</source>
        <translation>请填写驳回原因，预约人会看到。</translation>
    </message>
    <message>
        <source>Not rejected: %1</source>
        <translation>没有驳回：%1</translation>
    </message>
    <message>
        <source>Rejected: %1.</source>
        <translation>已驳回：%1。</translation>
    </message>
    <message>
        <source>⚠ %1 people expected, more than the %2 seats of %3.</source>
        <translation>⚠ 预计 %1 人，超过%3的 %2 个座位。</translation>
    </message>
</context>
<context>
    <name>CalendarBase</name>
    <message>
        <source>Room calendar</source>
        <translation>活动室日程</translation>
    </message>
    <message>
        <source>No rooms to show.</source>
        <translation>没有可显示的活动室。</translation>
    </message>
    <message>
        <source>%1, %2 %3–%4</source>
        <translation>%1，%2 %3–%4</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Booked by %1</source>
        <translation>预约人：%1</translation>
    </message>
    <message>
        <source>Part of a series, changed on its own</source>
        <translation>周期预约（本次单独修改过）</translation>
    </message>
    <message>
        <source>Part of a series</source>
        <translation>周期预约</translation>
    </message>
    <message>
        <source>%1 expected</source>
        <translation>预计 %1 人</translation>
    </message>
</context>
<context>
    <name>CancelSessionBar</name>
    <message>
        <source>&amp;Why (the people signed up are told):</source>
        <translation>取消原因（会告知已报名的人）(&amp;W)：</translation>
    </message>
    <message>
        <source>Why the session is cancelled</source>
        <translation>场次取消的原因</translation>
    </message>
    <message>
        <source>Cancel this session</source>
        <translation>取消这个场次</translation>
    </message>
    <message>
        <source>Keep the session (Esc)</source>
        <translation>保留场次 (Esc)</translation>
    </message>
    <message>
        <source>Keep the session</source>
        <translation>保留场次</translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <source>Centre &amp;name:</source>
        <translation>中心名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Person in &amp;charge (负责人):</source>
        <translation>负责人(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Handler (经办人):</source>
        <translation>经办人(&amp;H)：</translation>
    </message>
    <message>
        <source>e.g. 021-12345678 or a mobile number</source>
        <translation>例如 021-12345678 或手机号</translation>
    </message>
    <message>
        <source>Signs certificates</source>
        <translation>在证明上签字</translation>
    </message>
    <message>
        <source>Named on certificates</source>
        <translation>写在证明上</translation>
    </message>
    <message>
        <source>Seal image:</source>
        <translation>公章图片：</translation>
    </message>
    <message>
        <source>Seal image preview</source>
        <translation>公章图片预览</translation>
    </message>
    <message>
        <source>&amp;Choose seal image…</source>
        <translation>选择公章图片(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Remove seal</source>
        <translation>移除公章(&amp;R)</translation>
    </message>
    <message>
        <source>A PNG or JPEG picture of at most 2 MB, printed on certificates.</source>
        <translation>PNG 或 JPEG 图片，不超过 2 MB，打印在证明上。</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>保存资料(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>撤销修改(&amp;U)</translation>
    </message>
    <message>
        <source>Centre profile</source>
        <translation>中心资料</translation>
    </message>
    <message>
        <source>Printed in the header of every sheet and on every certificate.</source>
        <translation>打印在每张表格的页眉和每份证明上。</translation>
    </message>
    <message>
        <source>The file %1 could not be read (%2).</source>
        <translation>无法读取文件 %1（%2）。</translation>
    </message>
    <message>
        <source>This file can&apos;t be shown as a picture; choose a PNG or JPEG file.</source>
        <translation>这个文件无法显示为图片，请选择 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved. Sheets and certificates printed from now on show this profile.</source>
        <translation>已保存。今后打印的表格和证明将使用这份资料。</translation>
    </message>
    <message>
        <source>Changes undone; the saved profile is shown.</source>
        <translation>已撤销修改，现在显示的是已保存的资料。</translation>
    </message>
    <message>
        <source>Choose the seal image</source>
        <translation>选择公章图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The seal is removed when you save the profile.</source>
        <translation>保存资料后，公章即被移除。</translation>
    </message>
    <message>
        <source>No seal</source>
        <translation>无公章</translation>
    </message>
    <message>
        <source>Not a picture</source>
        <translation>不是图片</translation>
    </message>
    <message>
        <source>Not saved: please correct “%1” (see the message beside it).</source>
        <translation>未保存：请修改“%1”（见旁边的提示）。</translation>
    </message>
</context>
<context>
    <name>CertificateModels</name>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>颁发日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tick to issue</source>
        <translation>颁发</translation>
    </message>
    <message>
        <source>Volunteer number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Already holds</source>
        <translation>已持有证书</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>Choose at least one certificate to print.</source>
        <translation>请至少选择一张要打印的证书。</translation>
    </message>
    <message>
        <source>This certificate no longer exists.</source>
        <translation>这张证书已不存在。</translation>
    </message>
    <message>
        <source>Certificate %1 was revoked on %2 and can&apos;t be printed.</source>
        <translation>证书 %1 已于 %2 撤销，不能打印。</translation>
    </message>
    <message>
        <source>No certificate is numbered %1.</source>
        <translation>没有编号为 %1 的证书。</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificate register</source>
        <translation>证书登记簿</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Kind of certificate</source>
        <translation>证书类别</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Find a certificate</source>
        <translation>查找证书</translation>
    </message>
    <message>
        <source>Number, name or title</source>
        <translation>证书编号、姓名或名称</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Issue a certificate…</source>
        <translation>颁发证书…</translation>
    </message>
    <message>
        <source>Issue for a year…</source>
        <translation>批量颁发…</translation>
    </message>
    <message>
        <source>Reprint (补发)</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Verify a certificate…</source>
        <translation>查验证书…</translation>
    </message>
    <message>
        <source>Issue a certificate</source>
        <translation>颁发证书</translation>
    </message>
    <message>
        <source>Title: the honour or the course</source>
        <translation>名称：荣誉称号或课程名称</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>e.g. 2026-01-01; empty: all records</source>
        <translation>如 2026-01-01；不填则按全部记录</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Issue it</source>
        <translation>颁发</translation>
    </message>
    <message>
        <source>Don&apos;t revoke</source>
        <translation>不作废</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Resident:</source>
        <translation>居民：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>服务期间：</translation>
    </message>
    <message>
        <source>Service record certificates for everyone who reached the hours in a year</source>
        <translation>为全年服务时长达标的志愿者批量颁发志愿服务记录证明</translation>
    </message>
    <message>
        <source>At least this many hours</source>
        <translation>至少多少小时</translation>
    </message>
    <message>
        <source>Show who qualifies</source>
        <translation>查看达标名单</translation>
    </message>
    <message>
        <source>Who qualifies</source>
        <translation>达标名单</translation>
    </message>
    <message>
        <source>Issue to the ticked</source>
        <translation>为勾选的人颁发</translation>
    </message>
    <message>
        <source>At least (hours):</source>
        <translation>至少（小时）：</translation>
    </message>
    <message>
        <source>Why the certificate is revoked</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Revoke this certificate</source>
        <translation>作废这张证书</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Honour:</source>
        <translation>荣誉称号：</translation>
    </message>
    <message>
        <source>Course:</source>
        <translation>课程名称：</translation>
    </message>
    <message>
        <source>Write the day as 2026-01-01.</source>
        <translation>日期请写成 2026-01-01。</translation>
    </message>
    <message>
        <source>Choose the resident first.</source>
        <translation>请先选择居民。</translation>
    </message>
    <message>
        <source>Issued %1 to %2.</source>
        <translation>已向 %2 颁发 %1。</translation>
    </message>
    <message>
        <source>Nobody reached these hours in that year.</source>
        <translation>该年度没有人达到这个时长。</translation>
    </message>
    <message>
        <source>%1 reached the hours, %2 of them hold one already; %3 ticked to issue.</source>
        <translation>%1 人达到时长，其中 %2 人已持有；已勾选 %3 人待颁发。</translation>
    </message>
    <message>
        <source>Issued %1 certificates: %2 to %3.</source>
        <translation>已颁发 %1 张证书：%2 至 %3。</translation>
    </message>
    <message>
        <source>%1 is reprinted (补发 %2): print the copy now.</source>
        <translation>%1 已补发（第 %2 次）：请现在打印补发件。</translation>
    </message>
    <message>
        <source>Revoke %1 of %2? Verifying it will then say it is revoked, with the reason.</source>
        <translation>作废%2的 %1？之后查验这张证书会显示已作废及原因。</translation>
    </message>
    <message>
        <source>%1 is revoked.</source>
        <translation>%1 已作废。</translation>
    </message>
</context>
<context>
    <name>ChartListDialog</name>
    <message>
        <source>The list behind the chart</source>
        <translation>图表背后的名单</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close the list</source>
        <translation>关闭名单</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>正在读取名单…</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1: %2 items, written to %3.</source>
        <translation>%1：%2 项议题，已写入 %3。</translation>
    </message>
    <message>
        <source>Name the database to write with --database URL.</source>
        <translation>请用 --database URL 指定要写入的数据库。</translation>
    </message>
    <message>
        <source>Demo centre written to %1: %2 people in %3 s.</source>
        <translation>演示中心已写入 %1：%2 位居民，用时 %3 秒。</translation>
    </message>
    <message>
        <source>The database is up to date (%1).</source>
        <translation>数据库已是最新版本（%1）。</translation>
    </message>
    <message>
        <source>Database upgraded from %1 to %2.</source>
        <translation>数据库已从 %1 升级到 %2。</translation>
    </message>
    <message>
        <source>There is no database at %1. Name the centre&apos;s database with --database.</source>
        <translation>%1 处没有数据库。请用 --database 指明中心的数据库。</translation>
    </message>
    <message>
        <source>Password of %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>没有输入密码。</translation>
    </message>
    <message>
        <source>%1, sheet “%2”, header in row %3: %4 rows of people.</source>
        <translation>%1，工作表“%2”，表头在第 %3 行：共 %4 行居民。</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>各列：%1</translation>
    </message>
    <message>
        <source>The whole report is in %1.</source>
        <translation>完整的逐行报告已写入 %1。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：没有写入任何数据。</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25.</source>
        <translation>“%1”不是日期：请按 年-月-日 写成 YYYY-MM-DD，例如 2026-11-25。</translation>
    </message>
    <message>
        <source>Wrote %1: %2 pages, %3 bookings.</source>
        <translation>已写入 %1：共 %2 页，%3 个预约。</translation>
    </message>
    <message>
        <source>rooms-ics writes an .ics file with masked phone numbers: leave out %1.</source>
        <translation>rooms-ics 导出的 .ics 文件中电话号码总是隐藏中间几位：请去掉 %1。</translation>
    </message>
    <message>
        <source>Writing a demo centre to %1 …</source>
        <translation>正在将演示中心写入 %1 …</translation>
    </message>
    <message>
        <source>The demo folder %1 could not be removed.</source>
        <translation>演示用的临时文件夹 %1 未能删除。</translation>
    </message>
    <message>
        <source>“%1” is not a month: write it as YYYY-MM, e.g. 2026-11.</source>
        <translation>“%1”不是月份：请写成 YYYY-MM，例如 2026-11。</translation>
    </message>
    <message>
        <source>Wrote %1: %2 pages.</source>
        <translation>已写入 %1：共 %2 页。</translation>
    </message>
    <message>
        <source>“%1” is not a day: write it as YYYY-MM-DD, e.g. 2026-11-23.</source>
        <translation>“%1”不是日期：请写成 年-月-日，例如 2026-11-23。</translation>
    </message>
    <message>
        <source>No community is called “%1”.</source>
        <translation>没有名为“%1”的社区。</translation>
    </message>
    <message>
        <source>Kept for %1 months: everything before %2 is anonymised.</source>
        <translation>保存 %1 个月：%2 之前的记录已匿名化。</translation>
    </message>
    <message>
        <source>Dry run: %1 visits and %2 requests would be anonymised; nothing changed.</source>
        <translation>试运行：将匿名化 %1 条来访登记和 %2 条诉求；未作任何更改。</translation>
    </message>
    <message>
        <source>Anonymised %1 visits and %2 requests in %3 s.</source>
        <translation>已匿名化 %1 条来访登记和 %2 条诉求，用时 %3 秒。</translation>
    </message>
    <message>
        <source>%1 older requests are still open and were kept as they are.</source>
        <translation>另有 %1 条较早的诉求尚未办结，保持原样。</translation>
    </message>
    <message>
        <source>%1 people have had no activity for the period: review them in Settings.</source>
        <translation>有 %1 位居民在保存期限内没有任何往来，请在“设置”中审核。</translation>
    </message>
</context>
<context>
    <name>ClosureTableModel</name>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ClosuresPage</name>
    <message>
        <source>Closed days</source>
        <translation>闭馆日</translation>
    </message>
    <message>
        <source>China&apos;s statutory holidays and 调休 working days come with the program for the years the State Council has published; the centre adds its own closed days. Bookings on a day that becomes closed stay until staff move or cancel them.</source>
        <translation>国务院已公布年份的法定节假日和调休上班日已内置在程序中；中心自己的闭馆日在这里添加。某天闭馆后，当天已有的预约仍然保留，需由工作人员调整或取消。</translation>
    </message>
    <message>
        <source>The centre&apos;s own closed days</source>
        <translation>中心自定闭馆日</translation>
    </message>
    <message>
        <source>The centre&apos;s closed days</source>
        <translation>中心闭馆日</translation>
    </message>
    <message>
        <source>First closed day</source>
        <translation>闭馆第一天</translation>
    </message>
    <message>
        <source>Last closed day</source>
        <translation>闭馆最后一天</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>e.g. 装修, 消防检查</source>
        <translation>例如：装修、消防检查</translation>
    </message>
    <message>
        <source>&amp;Close these days</source>
        <translation>设为闭馆日(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open the chosen days again</source>
        <translation>恢复所选日期开放(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>For one day, the same day twice.</source>
        <translation>只闭馆一天时，两处填同一天。</translation>
    </message>
    <message>
        <source>Statutory holidays and 调休 working days</source>
        <translation>法定节假日和调休上班日</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Holidays and 调休 working days of the year</source>
        <translation>本年度的法定节假日和调休上班日</translation>
    </message>
    <message>
        <source>Remove the chosen &amp;entry</source>
        <translation>删除所选录入(&amp;E)</translation>
    </message>
    <message>
        <source>Enter from the State Council&apos;s notice</source>
        <translation>按国务院办公厅通知录入</translation>
    </message>
    <message>
        <source>Kind of day</source>
        <translation>日期类别</translation>
    </message>
    <message>
        <source>Holiday (closed)</source>
        <translation>放假（闭馆）</translation>
    </message>
    <message>
        <source>调休 working day (open)</source>
        <translation>调休上班（开放）</translation>
    </message>
    <message>
        <source>First day of the holiday</source>
        <translation>第一天</translation>
    </message>
    <message>
        <source>Last day of the holiday</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>Name of the holiday</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>&amp;Add to the calendar</source>
        <translation>加入日历(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>从(&amp;O)：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Holiday:</source>
        <translation>节日(&amp;H)：</translation>
    </message>
    <message>
        <source>A 调休 working day is a Saturday or Sunday worked in exchange for a holiday: for it, give the name of that holiday.</source>
        <translation>调休上班日是为放假而调换上班的周六或周日：录入时请填写所对应的节日名称。</translation>
    </message>
    <message>
        <source>The statutory holidays of %1 are not built into this program yet and have not been entered: until they are, the calendar treats that year&apos;s holidays as ordinary days. Enter them below from the State Council&apos;s notice.</source>
        <translation>%1 年法定节假日尚未内置，也尚未录入：录入之前，日历把该年的节假日当作普通日子。请按国务院办公厅通知在下方录入。</translation>
    </message>
    <message>
        <source>Statutory holidays of %1: built in</source>
        <translation>%1 年法定节假日：已内置</translation>
    </message>
    <message>
        <source>Statutory holidays of %1: entered here (not built in)</source>
        <translation>%1 年法定节假日：已在此录入（未内置）</translation>
    </message>
    <message>
        <source>Statutory holidays of %1: not built in and not entered yet; please enter them</source>
        <translation>%1 年法定节假日：未内置，尚未录入，请录入</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
    <message>
        <source>Closed: %1 (%2).</source>
        <translation>已设为闭馆：%1（%2）。</translation>
    </message>
    <message>
        <source>%1 bookings fall on the closed days:</source>
        <translation>%1 个预约落在闭馆日：</translation>
    </message>
    <message>
        <source>Added to the calendar: %1, %2.</source>
        <translation>已加入日历：%1，%2。</translation>
    </message>
    <message>
        <source>%1 bookings fall on the holiday:</source>
        <translation>%1 个预约落在节假日：</translation>
    </message>
    <message>
        <source>First choose the days in the list.</source>
        <translation>请先在列表中选择日期。</translation>
    </message>
    <message>
        <source>First choose an entry made here (built-in holidays can&apos;t be removed).</source>
        <translation>请先选择在此录入的条目（内置的节假日不能删除）。</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <source>Removed: %1 (%2).</source>
        <translation>已删除：%1（%2）。</translation>
    </message>
</context>
<context>
    <name>CommunitiesPage</name>
    <message>
        <source>Communities and building groups</source>
        <translation>社区和楼组</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>已选择</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Name of the selected community or building group</source>
        <translation>所选社区或楼组的名称</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>改名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Name of the new building group</source>
        <translation>新楼组的名称</translation>
    </message>
    <message>
        <source>e.g. 第12楼组</source>
        <translation>例如 第12楼组</translation>
    </message>
    <message>
        <source>Name of the new community</source>
        <translation>新社区的名称</translation>
    </message>
    <message>
        <source>New &amp;building group</source>
        <translation>新建楼组(&amp;B)</translation>
    </message>
    <message>
        <source>Add building group</source>
        <translation>添加楼组</translation>
    </message>
    <message>
        <source>New &amp;community</source>
        <translation>新建社区(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. 友邻三村</source>
        <translation>例如 友邻三村</translation>
    </message>
    <message>
        <source>Add community</source>
        <translation>添加社区</translation>
    </message>
    <message>
        <source>Nothing is deleted: a community or building group no longer in use is deactivated and marked “Inactive”; records that name it keep it.</source>
        <translation>不会删除任何内容：不再使用的社区或楼组会被停用，标为“停用”；引用它的记录仍然保留。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>%1, inactive</source>
        <translation>%1，停用</translation>
    </message>
    <message>
        <source>First choose a community or building group.</source>
        <translation>请先选择一个社区或楼组。</translation>
    </message>
    <message>
        <source>Not renamed: see the message beside the name.</source>
        <translation>未改名：请看名称旁边的提示。</translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation>未改名：%1</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>已将“%1”改名为“%2”。</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <source>“%1” is in use again.</source>
        <translation>“%1”已重新启用。</translation>
    </message>
    <message>
        <source>“%1” is deactivated and marked “Inactive”.</source>
        <translation>“%1”已停用，标为“停用”。</translation>
    </message>
    <message>
        <source>Not added: see the message beside the name.</source>
        <translation>未添加：请看名称旁边的提示。</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
    <message>
        <source>Community “%1” added.</source>
        <translation>已添加社区“%1”。</translation>
    </message>
    <message>
        <source>First choose the community in the list.</source>
        <translation>请先在列表中选择社区。</translation>
    </message>
    <message>
        <source>Building group “%1” added to %2.</source>
        <translation>已在%2添加楼组“%1”。</translation>
    </message>
    <message>
        <source>Choose a community or building group in the list.</source>
        <translation>请在列表中选择一个社区或楼组。</translation>
    </message>
    <message>
        <source>Community: %1</source>
        <translation>社区：%1</translation>
    </message>
    <message>
        <source>Building group: %1 in %2</source>
        <translation>楼组：%2 %1</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>（停用）</translation>
    </message>
    <message>
        <source>It is added to %1.</source>
        <translation>将添加到%1。</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ConfirmRestore</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConflictReport</name>
    <message>
        <source>Skip these dates and save</source>
        <translation>跳过这些日期并保存</translation>
    </message>
    <message>
        <source>Go back and change</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>The connection to the database server was lost; reconnecting…</source>
        <translation>与数据库服务器的连接已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>It isn&apos;t known whether the last change was saved: look before doing it again.</source>
        <translation>不确定刚才的修改是否已保存：请先查看，再决定是否重做。</translation>
    </message>
    <message>
        <source>Nothing was saved; what you typed is kept. Try again once it says it is back.</source>
        <translation>没有保存任何内容，已填写的内容都保留着。看到“已恢复”提示后请再试一次。</translation>
    </message>
    <message>
        <source>The database server is back. You can carry on (try the last step again).</source>
        <translation>数据库服务器已恢复连接，可以继续工作（请把刚才那一步再做一次）。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Give the server&apos;s name or address, e.g. 192.168.1.20.</source>
        <translation>请填写服务器的名称或地址，例如 192.168.1.20。</translation>
    </message>
    <message>
        <source>The port is a number, usually 5432.</source>
        <translation>端口是一个数字，通常为 5432。</translation>
    </message>
    <message>
        <source>Give the database&apos;s name.</source>
        <translation>请填写数据库名。</translation>
    </message>
    <message>
        <source>Give the user name.</source>
        <translation>请填写用户名。</translation>
    </message>
    <message>
        <source>This is not a database address: %1</source>
        <translation>这不是数据库地址：%1</translation>
    </message>
    <message>
        <source>Give a PostgreSQL address (postgresql://…).</source>
        <translation>请填写 PostgreSQL 地址（postgresql://…）。</translation>
    </message>
    <message>
        <source>An administrator runs “youlin-desk migrate --database ADDRESS” once.</source>
        <translation>请管理员运行一次“youlin-desk migrate --database 地址”。</translation>
    </message>
    <message>
        <source>Connected. The database is empty: it needs its tables first.</source>
        <translation>已连接。该数据库是空的，需要先建表。</translation>
    </message>
    <message>
        <source>Connected. The database is ready.</source>
        <translation>已连接，数据库可以使用。</translation>
    </message>
    <message>
        <source>Connected. The database is from an older version.</source>
        <translation>已连接。该数据库来自旧版本，需要升级。</translation>
    </message>
    <message>
        <source>Connected, but the database was written by a newer version of Youlin Desk: install that version on this PC first.</source>
        <translation>已连接，但该数据库由更新版本的友邻前台写入：请先在这台电脑上安装该版本。</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The server answers, but has no database of that name. Check the name, or ask whoever looks after the server to create it.</source>
        <translation>服务器有应答，但没有这个名称的数据库。请核对名称，或请服务器管理员创建。</translation>
    </message>
    <message>
        <source>No server answers at that address and port. Check the address, that the server is on, and the network cable.</source>
        <translation>该地址和端口没有服务器应答。请检查地址、服务器是否开机以及网线。</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>&amp;This computer&apos;s own file (one desk)</source>
        <translation>本机数据文件（仅一台前台电脑）(&amp;T)</translation>
    </message>
    <message>
        <source>A &amp;PostgreSQL server shared by several desks</source>
        <translation>多台前台共用的 PostgreSQL 服务器(&amp;P)</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database name:</source>
        <translation>数据库名(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Or the whole address:</source>
        <translation>或填写完整地址：</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Where this computer keeps the centre&apos;s data. Several desk computers share one PostgreSQL server; a single desk keeps a file of its own. This setting belongs to this computer only and is used from the next start.</source>
        <translation>这台电脑把中心的数据存放在哪里。多台前台电脑共用一台 PostgreSQL 服务器；只有一台前台时用本机自己的数据文件。此设置只属于这台电脑，下次启动程序时生效。</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s data folder, readable only by this Windows user, never in the settings file or the logs.</source>
        <translation>密码保存在这台电脑的数据文件夹中，只有当前 Windows 用户能读取，不会写进设置文件或日志。</translation>
    </message>
    <message>
        <source>this computer&apos;s file %1</source>
        <translation>本机数据文件 %1</translation>
    </message>
    <message>
        <source>This desk now uses: %1</source>
        <translation>本机当前使用：%1</translation>
    </message>
    <message>
        <source>This desk is opening its database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Connecting to %1 …</source>
        <translation>正在连接 %1 …</translation>
    </message>
    <message>
        <source>Not saved: the data folder can&apos;t be written (%1).</source>
        <translation>未保存：数据文件夹无法写入（%1）。</translation>
    </message>
    <message>
        <source>this computer&apos;s own file</source>
        <translation>本机数据文件</translation>
    </message>
    <message>
        <source>Saved. The desk uses %1 the next time the program starts: close it and start it again.</source>
        <translation>已保存。下次启动程序时将使用 %1：请关闭程序后重新打开。</translation>
    </message>
</context>
<context>
    <name>DeskContext</name>
    <message>
        <source>The database could not be written, so nothing was changed. Please try again in a moment; if it keeps happening, call the administrator.</source>
        <translation>无法写入数据库，所以什么都没有改动。请稍后再试；如果一直这样，请联系管理员。</translation>
    </message>
    <message>
        <source>The database could not be read. Please try again in a moment; if it keeps happening, call the administrator.</source>
        <translation>暂时无法读取数据库。请稍后再试；如果一直这样，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Not done</source>
        <translation>没有办成</translation>
    </message>
    <message>
        <source>(the log could not be written)</source>
        <translation>（日志文件无法写入）</translation>
    </message>
    <message>
        <source>Sorry, something went wrong inside the program.

What was saved before is safe. If what you were doing did not finish, please try it once more.

The details were written to the log file:
%1

Please tell the centre&apos;s staff or administrator.</source>
        <translation>抱歉，程序内部出了问题。

之前保存的内容都是安全的。如果刚才的操作没有完成，请再做一次。

详细情况已写入日志文件：
%1

请告诉中心的工作人员或管理员。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <source>Copy the log file&apos;s path</source>
        <translation>复制日志文件位置</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The data folder %1 can&apos;t be created: %2</source>
        <translation>无法创建数据文件夹 %1：%2</translation>
    </message>
    <message>
        <source>The database %1 can&apos;t be written: the folder or file is read-only. Choose another location with --database.</source>
        <translation>无法写入数据库 %1：文件夹或文件是只读的。请用 --database 另选位置。</translation>
    </message>
    <message>
        <source>The database can&apos;t be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Youlin Desk (schema %1). Please install the newer version.</source>
        <translation>这个数据库由更新版本的友邻前台写入（数据结构 %1）。请安装新版本。</translation>
    </message>
    <message>
        <source>Your account may not do this. Ask a staff member or admin.</source>
        <translation>您的账号无权进行此操作。请找工作人员或管理员。</translation>
    </message>
    <message>
        <source>This account is locked for now. Please try again after %1, or ask an admin to unlock it.</source>
        <translation>账号已暂时锁定，请于 %1 后再试，或请管理员解锁。</translation>
    </message>
    <message>
        <source>Wrong user name or password. Please try again.</source>
        <translation>用户名或密码错误，请重试。</translation>
    </message>
    <message>
        <source>This account has been disabled or removed. Please sign in with another account.</source>
        <translation>这个账号已被停用或删除。请用其他账号登录。</translation>
    </message>
    <message>
        <source>This database already has accounts.</source>
        <translation>这个数据库已有账号。</translation>
    </message>
    <message>
        <source>Choose the account&apos;s role from the list.</source>
        <translation>请从列表中选择账号的角色。</translation>
    </message>
    <message>
        <source>the name shown</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>这个用户名已被使用。</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>这个账号已不存在。</translation>
    </message>
    <message>
        <source>This is the last active admin account; it must stay an admin.</source>
        <translation>这是最后一个在用的管理员账号，必须保留管理员身份。</translation>
    </message>
    <message>
        <source>You can&apos;t disable the account you are signed in with.</source>
        <translation>不能停用您当前登录的账号。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>the centre&apos;s name</source>
        <translation>中心名称</translation>
    </message>
    <message>
        <source>the address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>the person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>the handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>The seal image may be at most 2 MB.</source>
        <translation>公章图片不能超过 2 MB。</translation>
    </message>
    <message>
        <source>The seal image must be a PNG or JPEG file.</source>
        <translation>公章图片必须是 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <source>This centre is already set up.</source>
        <translation>这个中心已经设置好了。</translation>
    </message>
    <message>
        <source>Please give a number of minutes from %1 to %2.</source>
        <translation>请填写 %1 到 %2 之间的分钟数。</translation>
    </message>
    <message>
        <source>The centre is not set up yet.</source>
        <translation>中心还没有设置好。</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>A community with this name exists.</source>
        <translation>已有同名的社区。</translation>
    </message>
    <message>
        <source>This community no longer exists.</source>
        <translation>这个社区已不存在。</translation>
    </message>
    <message>
        <source>This building group no longer exists.</source>
        <translation>这个楼组已不存在。</translation>
    </message>
    <message>
        <source>This community already has a building group of this name.</source>
        <translation>这个社区已有同名的楼组。</translation>
    </message>
    <message>
        <source>Choose the purpose of the visit from the list.</source>
        <translation>请从列表中选择来访事由。</translation>
    </message>
    <message>
        <source>This person&apos;s record was removed under the retention rules.</source>
        <translation>此人的档案已按数据保存期限移除。</translation>
    </message>
    <message>
        <source>%1 was checked in for this purpose at %2. Check in again?</source>
        <translation>%1 已于 %2 以此事由签到。要再签到一次吗？</translation>
    </message>
    <message>
        <source>This check-in no longer exists.</source>
        <translation>这条签到记录已不存在。</translation>
    </message>
    <message>
        <source>This check-in was undone already.</source>
        <translation>这条签到已经撤销过了。</translation>
    </message>
    <message>
        <source>Only today&apos;s check-ins can be undone.</source>
        <translation>只能撤销今天的签到。</translation>
    </message>
    <message>
        <source>Please fill in %1.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>%1 may be at most %2 characters.</source>
        <translation>%1最多 %2 个字。</translation>
    </message>
    <message>
        <source>%1 contains characters that can&apos;t be used.</source>
        <translation>%1含有不能使用的字符。</translation>
    </message>
    <message>
        <source>the category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>the request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>This request no longer exists.</source>
        <translation>这条诉求已不存在。</translation>
    </message>
    <message>
        <source>This request is resolved already.</source>
        <translation>这条诉求已经办结。</translation>
    </message>
    <message>
        <source>Choose an active account to hand the request to.</source>
        <translation>请选择一个在用的账号来接办这条诉求。</translation>
    </message>
    <message>
        <source>the resolution</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>A user name has 2 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>用户名由 2 到 32 个字母、数字、“.”、“_”或“-”组成，须以字母或数字开头。</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>A password may be at most 128 characters.</source>
        <translation>密码最多 128 个字符。</translation>
    </message>
    <message>
        <source>A password may not start or end with a space.</source>
        <translation>密码的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>A name may contain only Chinese characters, Latin letters and the middle dot ·.</source>
        <translation>姓名只能包含汉字、拉丁字母和间隔号 ·。</translation>
    </message>
    <message>
        <source>Please fill in the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>A name may be at most 20 characters.</source>
        <translation>姓名最多 20 个字。</translation>
    </message>
    <message>
        <source>The middle dot · goes between two parts of a name.</source>
        <translation>间隔号 · 只能用在姓名的两部分之间。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline such as 021-12345678.</source>
        <translation>请输入 11 位手机号码，或座机号码，例如 021-12345678。</translation>
    </message>
    <message>
        <source>Only phone numbers of mainland China can be recorded.</source>
        <translation>只能登记中国大陆的电话号码。</translation>
    </message>
    <message>
        <source>A phone number has only digits (spaces and dashes between them are fine).</source>
        <translation>电话号码只能填数字（中间可以有空格或短横线）。</translation>
    </message>
    <message>
        <source>This is too long for a phone number: a mobile number has 11 digits.</source>
        <translation>号码太长了：手机号是 11 位。</translation>
    </message>
    <message>
        <source>Write a landline without +86, with its area code: 021-12345678.</source>
        <translation>座机号请去掉 +86，写上区号，例如 021-12345678。</translation>
    </message>
    <message>
        <source>%1 has 7 digits: a number outside Shanghai needs its area code in front (such as 0571-1234567); Shanghai numbers have 8 digits.</source>
        <translation>%1 是 7 位：外地座机请在前面加区号（如 0571-1234567）；上海的座机是 8 位。</translation>
    </message>
    <message>
        <source>%1 has %2 digits: a landline has 8 digits, its area code in front (021-12345678); a mobile number has 11 and begins with 1.</source>
        <translation>%1 是 %2 位：座机是 8 位，前面加区号（如 021-12345678）；手机号是 11 位，以 1 开头。</translation>
    </message>
    <message>
        <source>%1 has %2 digits: a mobile number has 11.</source>
        <translation>%1 是 %2 位：手机号是 11 位。</translation>
    </message>
    <message>
        <source>%1 is not a mobile number: mobile numbers begin with 13 to 19.</source>
        <translation>%1 不是手机号：手机号以 13–19 开头。</translation>
    </message>
    <message>
        <source>%1 is not a mobile number: no mobile number begins with %2.</source>
        <translation>%1 不是手机号：没有以 %2 开头的手机号。</translation>
    </message>
    <message>
        <source>%1 is not a mobile number in use. Please check it.</source>
        <translation>%1 不是在用的手机号，请核对。</translation>
    </message>
    <message>
        <source>After the area code %1 come 8 digits, not %2 (%3).</source>
        <translation>区号 %1 后面应是 8 位号码，这里是 %2 位（%3）。</translation>
    </message>
    <message>
        <source>After the area code %1 come 7 or 8 digits, not %2 (%3).</source>
        <translation>区号 %1 后面应是 7 或 8 位号码，这里是 %2 位（%3）。</translation>
    </message>
    <message>
        <source>After the area code %1 the number cannot begin with 0.</source>
        <translation>区号 %1 后面的号码不能以 0 开头。</translation>
    </message>
    <message>
        <source>A resident ID has 18 characters: 17 digits and a digit or X.</source>
        <translation>居民身份证号码共 18 位：17 位数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <source>This ID number is mistyped: its last character does not match.</source>
        <translation>身份证号码输错了：最后一位校验码对不上。</translation>
    </message>
    <message>
        <source>The birth date in this ID number is not possible.</source>
        <translation>这个身份证号码里的出生日期不存在。</translation>
    </message>
    <message>
        <source>Enter the year of birth.</source>
        <translation>请输入出生年份。</translation>
    </message>
    <message>
        <source>Enter the year of birth as four digits, e.g. 1956.</source>
        <translation>出生年份请输入四位数字，例如 1956。</translation>
    </message>
    <message>
        <source>The year of birth must lie between %1 and %2.</source>
        <translation>出生年份必须在 %1 到 %2 之间。</translation>
    </message>
    <message>
        <source>The year of birth does not match the ID number (%1).</source>
        <translation>出生年份与身份证号码不符（%1）。</translation>
    </message>
    <message>
        <source>Choose male or female.</source>
        <translation>请选择男或女。</translation>
    </message>
    <message>
        <source>Without consent a phone number is kept only for contacting the person: tick “Phone only for contacting them”, or ask for consent.</source>
        <translation>未经本人同意，电话只能用于联系本人：请勾选“电话仅用于联系本人”，或征得本人同意。</translation>
    </message>
    <message>
        <source>An ID number is kept only with the person&apos;s consent: tick “Consent to data use”, or leave the ID number empty.</source>
        <translation>身份证号须经本人同意才能保存：请勾选“信息使用同意”，或不填身份证号。</translation>
    </message>
    <message>
        <source>Kept only with the person&apos;s consent: tick “Consent to data use”, or leave this empty.</source>
        <translation>此项须经本人同意才能保存：请勾选“信息使用同意”，或不填此项。</translation>
    </message>
    <message>
        <source>The database address %1 can&apos;t be used: %2</source>
        <translation>无法使用数据库地址 %1：%2</translation>
    </message>
    <message>
        <source>Another desk or program is using the database and did not finish within %1 seconds, so nothing was changed here. What was saved before is safe. Please try again in a moment.</source>
        <translation>另一台电脑或另一个程序正在使用数据库，等了 %1 秒仍未用完，所以这里什么都没有改。以前保存的都还在。请稍等片刻再试一次。</translation>
    </message>
    <message>
        <source>The database can only be read, not written (the file or its folder is read-only), so nothing was changed. What was saved before is safe. Please ask the administrator to check the database file&apos;s permissions.</source>
        <translation>数据库只能读取、不能写入（文件或所在文件夹是只读的），所以什么都没有改。以前保存的都还在。请管理员检查数据库文件的权限。</translation>
    </message>
    <message>
        <source>The disk holding the database is full, so nothing was changed. What was saved before is safe. Please ask the administrator to free some disk space, then try again.</source>
        <translation>存放数据库的磁盘已满，所以什么都没有改。以前保存的都还在。请管理员腾出一些磁盘空间后再试。</translation>
    </message>
    <message>
        <source>This person is no longer on file.</source>
        <translation>档案中已没有这个人。</translation>
    </message>
    <message>
        <source>a tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose a community from the list.</source>
        <translation>请从列表中选择社区。</translation>
    </message>
    <message>
        <source>Choose a building group from the list.</source>
        <translation>请从列表中选择楼组。</translation>
    </message>
    <message>
        <source>This building group belongs to another community.</source>
        <translation>这个楼组属于另一个社区。</translation>
    </message>
    <message>
        <source>A person with this ID number is already on file: %1 (%2).</source>
        <translation>档案中已有使用这个身份证号码的人：%1（%2）。</translation>
    </message>
    <message>
        <source>A person with this phone number is already on file: %1 (%2).</source>
        <translation>档案中已有使用这个电话号码的人：%1（%2）。</translation>
    </message>
    <message>
        <source>Someone else saved at the same moment. Please save again.</source>
        <translation>有人在同一时间保存了修改。请再保存一次。</translation>
    </message>
    <message>
        <source>This record was merged into another one; open that one instead.</source>
        <translation>这条记录已合并到另一条记录中，请打开那一条。</translation>
    </message>
    <message>
        <source>Choose two different records to merge.</source>
        <translation>请选择两条不同的记录进行合并。</translation>
    </message>
    <message>
        <source>These records have different ID numbers: they are two different people.</source>
        <translation>这两条记录的身份证号码不同：他们是两个不同的人。</translation>
    </message>
    <message>
        <source>A demo centre has between 1 and %1 people.</source>
        <translation>演示中心的居民人数须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>This database already holds a centre&apos;s data. A demo centre is written only into a new, empty database.</source>
        <translation>这个数据库里已有中心的数据。演示中心只能写入新的空数据库。</translation>
    </message>
    <message>
        <source>No backup copy of the database can be made in the folder %1 (%2), so nothing was changed. Make the folder writable, or move the data folder elsewhere with YOULIN_DATA_DIR.</source>
        <translation>无法在文件夹 %1 中备份数据库（%2），因此没有做任何更改。请让该文件夹可以写入，或用 YOULIN_DATA_DIR 把数据文件夹换到别处。</translation>
    </message>
    <message>
        <source>This booking no longer exists.</source>
        <translation>这条预约已不存在。</translation>
    </message>
    <message>
        <source>Only a council meeting has an agenda.</source>
        <translation>只有议事会议才有议程。</translation>
    </message>
    <message>
        <source>This meeting was called off.</source>
        <translation>这次会议已取消。</translation>
    </message>
    <message>
        <source>This meeting is over: put the request on a coming one.</source>
        <translation>这次会议已经结束，请提交到即将召开的会议。</translation>
    </message>
    <message>
        <source>This request is on this meeting&apos;s agenda already.</source>
        <translation>这条诉求已在本次会议的议程上。</translation>
    </message>
    <message>
        <source>This request is on the agenda of %1 (%2) already, still undecided. Record that meeting&apos;s outcome, or take it off that agenda first.</source>
        <translation>这条诉求已在“%1”（%2）的议程上，尚未议定。请先记录该会议的议事结果，或先从该议程中移除。</translation>
    </message>
    <message>
        <source>This agenda item no longer exists.</source>
        <translation>这项议程已不存在。</translation>
    </message>
    <message>
        <source>The meeting&apos;s outcome of this item is recorded: it stays.</source>
        <translation>这项议程已记录议事结果，不能移除。</translation>
    </message>
    <message>
        <source>The agenda was changed meanwhile. Look at it again and retry.</source>
        <translation>议程刚被他人改动，请重新查看后再试。</translation>
    </message>
    <message>
        <source>Choose whether the request is resolved or still open.</source>
        <translation>请选择诉求已解决还是继续跟进。</translation>
    </message>
    <message>
        <source>the decision</source>
        <translation>议定事项</translation>
    </message>
    <message>
        <source>The outcome is recorded once the meeting has begun.</source>
        <translation>会议开始后才能记录议事结果。</translation>
    </message>
    <message>
        <source>The outcome of this item is recorded already.</source>
        <translation>这项议程的议事结果已记录。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1.</source>
        <translation>统一社会信用代码共 18 位，这里是 %1 位。</translation>
    </message>
    <message>
        <source>This credit code is mistyped: its last character does not match. Please check it against the certificate.</source>
        <translation>信用代码有误：最后一位校验码不符。请对照证书核对。</translation>
    </message>
    <message>
        <source>A unified social credit code begins with 8 digits, followed by digits and capital letters (not I, O, S, V or Z).</source>
        <translation>统一社会信用代码前 8 位是数字，其后为数字和大写字母（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>the organisation&apos;s name</source>
        <translation>组织名称</translation>
    </message>
    <message>
        <source>Choose the kind of organisation.</source>
        <translation>请选择组织类别。</translation>
    </message>
    <message>
        <source>the contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>what they provide</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>%1 already has this credit code.</source>
        <translation>%1 已使用这个信用代码。</translation>
    </message>
    <message>
        <source>An organisation with this name exists.</source>
        <translation>已有同名的组织。</translation>
    </message>
    <message>
        <source>the series&apos; name</source>
        <translation>系列名称</translation>
    </message>
    <message>
        <source>An item moves one place up or down at a time.</source>
        <translation>项目每次只能上移或下移一位。</translation>
    </message>
    <message>
        <source>the item&apos;s name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>the audience</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>The upper age (%1) is below the lower age (%2).</source>
        <translation>年龄上限 %1 岁低于下限 %2 岁。</translation>
    </message>
    <message>
        <source>A parent-and-child item needs the child&apos;s upper age (under %1).</source>
        <translation>亲子项目须填写孩子的年龄上限（%1岁以下）。</translation>
    </message>
    <message>
        <source>The default capacity is from %1 to %2 seats.</source>
        <translation>默认名额为 %1 至 %2 个。</translation>
    </message>
    <message>
        <source>The default duration is from %1 to %2 minutes.</source>
        <translation>默认时长为 %1 至 %2 分钟。</translation>
    </message>
    <message>
        <source>This organisation no longer exists.</source>
        <translation>该组织已不存在。</translation>
    </message>
    <message>
        <source>%1 is set inactive: choose another provider, or make it active again in Settings → Organisations.</source>
        <translation>%1 已停用：请另选提供方，或在“设置 → 社会组织”中重新启用。</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>An age is a whole number from 0 to %1, or empty for no limit.</source>
        <translation>年龄须为 0 至 %1 的整数；不限则留空。</translation>
    </message>
    <message>
        <source>This series already has an item of this name.</source>
        <translation>本系列已有同名项目。</translation>
    </message>
    <message>
        <source>Another series has this name.</source>
        <translation>已有其他系列使用此名称。</translation>
    </message>
    <message>
        <source>This series no longer exists.</source>
        <translation>该系列已不存在。</translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation>该项目已不存在。</translation>
    </message>
    <message>
        <source>the room&apos;s name</source>
        <translation>活动室名称</translation>
    </message>
    <message>
        <source>the location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>the facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <source>A colour is written #RRGGBB, e.g. #1F5FAD.</source>
        <translation>颜色写作 #RRGGBB，例如 #1F5FAD。</translation>
    </message>
    <message>
        <source>The capacity is how many people the room holds: a number from 1 to %1.</source>
        <translation>容纳人数是活动室能容纳的人数：1 到 %1 之间的数字。</translation>
    </message>
    <message>
        <source>A week has 7 days.</source>
        <translation>一周只有 7 天。</translation>
    </message>
    <message>
        <source>On %1 the room must close after it opens.</source>
        <translation>%1的关门时间必须晚于开门时间。</translation>
    </message>
    <message>
        <source>A room with this name exists.</source>
        <translation>已有同名的活动室。</translation>
    </message>
    <message>
        <source>This room no longer exists.</source>
        <translation>该活动室已不存在。</translation>
    </message>
    <message>
        <source>A closed day can&apos;t lie in the past.</source>
        <translation>闭馆日不能是过去的日子。</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>These days are no longer in the list.</source>
        <translation>这些日期已不在列表中。</translation>
    </message>
    <message>
        <source>The last day can&apos;t come before the first.</source>
        <translation>最后一天不能早于第一天。</translation>
    </message>
    <message>
        <source>One entry covers at most %1 days.</source>
        <translation>一次最多录入 %1 天。</translation>
    </message>
    <message>
        <source>%1 is already a closed day (%2).</source>
        <translation>%1 已是闭馆日（%2）。</translation>
    </message>
    <message>
        <source>%1 is already entered as a holiday (%2).</source>
        <translation>%1 已录入为节假日（%2）。</translation>
    </message>
    <message>
        <source>%1 is already entered as a 调休 working day (%2).</source>
        <translation>%1 已录入为调休上班日（%2）。</translation>
    </message>
    <message>
        <source>Another desk has just entered one of these days.</source>
        <translation>另一台电脑刚刚录入了其中的某一天，请重新查看列表。</translation>
    </message>
    <message>
        <source>Choose a holiday or a 调休 working day.</source>
        <translation>请选择放假或调休上班。</translation>
    </message>
    <message>
        <source>Enter the days of each year on their own.</source>
        <translation>跨年的日期请按年份分开录入。</translation>
    </message>
    <message>
        <source>The holidays of %1 are built in; they need not be entered.</source>
        <translation>%1 年的节假日已内置，无需录入。</translation>
    </message>
    <message>
        <source>the holiday&apos;s name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>%1 is a weekday: a 调休 working day is a Saturday or Sunday worked in exchange for a holiday.</source>
        <translation>%1 是工作日：调休上班日是为放假而调换上班的周六或周日。</translation>
    </message>
    <message>
        <source>Choose a year from 2000 to 2100.</source>
        <translation>请选择 2000 到 2100 之间的年份。</translation>
    </message>
    <message>
        <source>This certificate no longer exists.</source>
        <translation>这张证书已不存在。</translation>
    </message>
    <message>
        <source>The centre&apos;s person in charge (负责人) and handler (经办人) are printed on every certificate: fill them in under Settings first. Nothing was issued.</source>
        <translation>每张证书都印有中心的负责人和经办人：请先在“设置”里填好。没有颁发证书。</translation>
    </message>
    <message>
        <source>Please choose the resident the certificate is for.</source>
        <translation>请选择证书颁发给哪位居民。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>没有写入任何内容。</translation>
    </message>
    <message>
        <source>%1 has no service hours to certify. %2</source>
        <translation>%1 没有可证明的服务时长。%2</translation>
    </message>
    <message>
        <source>Choose the kind of certificate from the list.</source>
        <translation>请从列表中选择证书的种类。</translation>
    </message>
    <message>
        <source>The period must end on or after the day it starts.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>the content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>%1 has no service hours from %2 to %3. %4</source>
        <translation>%1 在 %2 至 %3 期间没有服务时长。%4</translation>
    </message>
    <message>
        <source>the honour</source>
        <translation>荣誉名称</translation>
    </message>
    <message>
        <source>the course</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>The hours must be more than 0.</source>
        <translation>时长必须大于 0。</translation>
    </message>
    <message>
        <source>The number of hours must be more than 0.</source>
        <translation>时长门槛必须大于 0。</translation>
    </message>
    <message>
        <source>Tick at least one person to issue certificates to.</source>
        <translation>请至少勾选一人颁发证书。</translation>
    </message>
    <message>
        <source>Someone is ticked twice.</source>
        <translation>有人被勾选了两次。</translation>
    </message>
    <message>
        <source>%1 has fewer than %2 hours in %3. %4</source>
        <translation>%1 在 %3 年的服务时长不足 %2 小时。%4</translation>
    </message>
    <message>
        <source>%1 already holds %2 for %3. %4</source>
        <translation>%1 已持有 %3 年的证书 %2。%4</translation>
    </message>
    <message>
        <source>%1 was revoked: it can&apos;t be reprinted.</source>
        <translation>%1 已作废，不能补发。</translation>
    </message>
    <message>
        <source>%1 is already revoked.</source>
        <translation>%1 已经作废。</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>统计期的结束日早于开始日。</translation>
    </message>
    <message>
        <source>Write the month as 2026-11.</source>
        <translation>月份请写成 2026-11 这样。</translation>
    </message>
    <message>
        <source>Choose the resident&apos;s answer: satisfied, basically satisfied or not satisfied.</source>
        <translation>请选择居民的回答：满意、基本满意或不满意。</translation>
    </message>
    <message>
        <source>the note on the answer</source>
        <translation>回访备注</translation>
    </message>
    <message>
        <source>Write down what the resident is not satisfied with, so that someone can act on it.</source>
        <translation>请写下居民哪里不满意，以便有人跟进处理。</translation>
    </message>
    <message>
        <source>The follow-up answer is recorded once the request is resolved.</source>
        <translation>诉求办结之后才能记录回访结果。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Choose a file name to export to.</source>
        <translation>请选择导出文件的名称。</translation>
    </message>
    <message>
        <source>Exported %1 people to %2.</source>
        <translation>已将 %1 位居民导出到 %2。</translation>
    </message>
    <message>
        <source>Exported %1 visits to %2.</source>
        <translation>已将 %1 条来访登记导出到 %2。</translation>
    </message>
    <message>
        <source>The file holds full phone and ID numbers: keep it safe and delete it when it is no longer needed.</source>
        <translation>该文件含有完整的电话号码和身份证号：请妥善保管，不再需要时请删除。</translation>
    </message>
    <message>
        <source>Phone and ID numbers are masked.</source>
        <translation>电话号码和身份证号已作脱敏处理。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Member code</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Consent to data use</source>
        <translation>同意使用个人信息</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Desk account</source>
        <translation>登记账号</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>(anonymised)</source>
        <translation>（已匿名）</translation>
    </message>
    <message>
        <source>Writing the file</source>
        <translation>正在写入文件</translation>
    </message>
    <message>
        <source>The file %1 can&apos;t be written: %2</source>
        <translation>无法写入文件 %1：%2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel or CSV</source>
        <translation>导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>The register of people</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>The visit log</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>CSV, opens in Excel (.csv)</source>
        <translation>CSV，可用 Excel 打开（.csv）</translation>
    </message>
    <message>
        <source>&amp;Full phone and ID numbers (not masked)</source>
        <translation>完整的电话号码和身份证号（不脱敏）(&amp;F)</translation>
    </message>
    <message>
        <source>Full phone and ID numbers (not masked)</source>
        <translation>完整的电话号码和身份证号（不脱敏）</translation>
    </message>
    <message>
        <source>Warning: the file will hold every person&apos;s full phone number and ID number. Keep it on this computer or an encrypted drive, don&apos;t send it by chat or e-mail, and delete it when it is no longer needed. The export is recorded in the log with your name.</source>
        <translation>注意：该文件将含有每个人完整的电话号码和身份证号。请只保存在本机或加密的存储设备上，不要通过聊天软件或电子邮件发送，不再需要时请删除。本次导出会以您的名义记入操作日志。</translation>
    </message>
    <message>
        <source>Phone and ID numbers are masked, also where they were typed into notes and addresses: 138****5678, 3101**********1234.</source>
        <translation>电话号码和身份证号将脱敏显示，备注和地址里写的号码也一样：138****5678，3101**********1234。</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>内容(&amp;W)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Stopped: no file was written.</source>
        <translation>已停止，没有写出文件。</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>people</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>来访登记</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>a resident not on file</source>
        <translation>未登记的居民</translation>
    </message>
    <message>
        <source>%1, %2: %3. Done: %4</source>
        <translation>%1，%2：%3。办理结果：%4</translation>
    </message>
    <message>
        <source>How satisfied is the resident with how it was handled?</source>
        <translation>居民对办理结果是否满意？</translation>
    </message>
    <message>
        <source>&amp;Save the answer</source>
        <translation>保存回答(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FreeRoomDialog</name>
    <message>
        <source>Find a free room</source>
        <translation>查找空闲活动室</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Find free rooms</source>
        <translation>查找空闲活动室</translation>
    </message>
    <message>
        <source>Free rooms</source>
        <translation>空闲的活动室</translation>
    </message>
    <message>
        <source>Book the chosen room…</source>
        <translation>预约选中的活动室…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type the time like 14:00, or pick it from the list.</source>
        <translation>请按 14:00 的样子输入时间，或从列表中选择。</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>%1 rooms are free then with seats for %2. Choose one and book it.</source>
        <translation>这个时间有 %1 间活动室空闲，能坐下 %2 人。请选择一间预约。</translation>
    </message>
    <message>
        <source>No room is free then with seats for %1. Try another time or fewer people.</source>
        <translation>这个时间没有能坐下 %1 人的空闲活动室。请换个时间或减少人数。</translation>
    </message>
    <message>
        <source>Choose a room in the list first.</source>
        <translation>请先在列表中选择一间活动室。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>This page of the guide can&apos;t be read: %1</source>
        <translation>这一页说明无法读取：%1</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>← Back</source>
        <translation>← 上一页</translation>
    </message>
    <message>
        <source>The page shown before (Alt+Left)</source>
        <translation>回到之前看的一页（Alt+←）</translation>
    </message>
    <message>
        <source>Forward →</source>
        <translation>下一页 →</translation>
    </message>
    <message>
        <source>The page shown after (Alt+Right)</source>
        <translation>前往之后看的一页（Alt+→）</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>The guide&apos;s first page (Alt+Home)</source>
        <translation>指南的第一页（Alt+Home）</translation>
    </message>
    <message>
        <source>Print the guide…</source>
        <translation>打印指南…</translation>
    </message>
    <message>
        <source>The whole guide as one PDF for the desk&apos;s binder (Ctrl+P)</source>
        <translation>把整本指南做成一个 PDF，打印后放进前台的资料夹（Ctrl+P）</translation>
    </message>
    <message>
        <source>Contents of the guide</source>
        <translation>指南目录</translation>
    </message>
    <message>
        <source>Page of the guide</source>
        <translation>指南页面</translation>
    </message>
    <message>
        <source>Desks</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Common tasks</source>
        <translation>常做的事</translation>
    </message>
    <message>
        <source>User guide — %1</source>
        <translation>使用指南 — %1</translation>
    </message>
    <message>
        <source>This page of the guide is not in this installation yet.</source>
        <translation>这一页说明还没有放进本程序。</translation>
    </message>
    <message>
        <source>Tip:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Picture missing: %1</source>
        <translation>图片缺失：%1</translation>
    </message>
    <message>
        <source>Making the printed guide …</source>
        <translation>正在生成打印版指南……</translation>
    </message>
    <message>
        <source>The printed guide has %1 pages.</source>
        <translation>打印版指南共 %1 页。</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>HolidayNotice</name>
    <message>
        <source>The statutory holidays of %1 have not been entered yet: please enter them in Settings → Closed days.</source>
        <translation>%1 年法定节假日尚未录入：请在 设置 → 闭馆日 中录入。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>HolidayTableModel</name>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Centre closed</source>
        <translation>闭馆</translation>
    </message>
    <message>
        <source>Centre open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>Entered here</source>
        <translation>在此录入</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
</context>
<context>
    <name>HomeDesk</name>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>刷新数据</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Visitors today</source>
        <translation>今日来访</translation>
    </message>
    <message>
        <source>Bookings awaiting approval</source>
        <translation>待审批的预约</translation>
    </message>
    <message>
        <source>Activities this week</source>
        <translation>本周活动</translation>
    </message>
    <message>
        <source>Visits today by purpose</source>
        <translation>今日来访（按事由）</translation>
    </message>
    <message>
        <source>Today&apos;s room schedule</source>
        <translation>今日活动室安排</translation>
    </message>
    <message>
        <source>This week&apos;s activities</source>
        <translation>本周活动</translation>
    </message>
    <message>
        <source>No visitor has been checked in today yet.</source>
        <translation>今天还没有人来访签到。</translation>
    </message>
    <message>
        <source>Visits per day, last 30 days (Enter on a day lists its visits)</source>
        <translation>近 30 天每日来访（选中某天按回车查看当天来访）</translation>
    </message>
    <message>
        <source>No visits in the last 30 days.</source>
        <translation>近 30 天没有来访记录。</translation>
    </message>
    <message>
        <source>Visits this month by purpose</source>
        <translation>本月来访（按事由）</translation>
    </message>
    <message>
        <source>No visits this month yet.</source>
        <translation>本月还没有来访。</translation>
    </message>
    <message>
        <source>Service series this month: signed up and came</source>
        <translation>本月各服务系列：报名与到场</translation>
    </message>
    <message>
        <source>No activity session held this month yet.</source>
        <translation>本月还没有举办活动。</translation>
    </message>
    <message>
        <source>Rooms this week: booked hours out of open hours</source>
        <translation>本周活动室：已预约时长占开放时长</translation>
    </message>
    <message>
        <source>No room is open this week.</source>
        <translation>本周没有开放的活动室。</translation>
    </message>
    <message>
        <source>Volunteer hours this year, top 10</source>
        <translation>本年志愿服务时长前 10 名</translation>
    </message>
    <message>
        <source>No volunteer hours recorded this year yet.</source>
        <translation>本年还没有志愿服务记录。</translation>
    </message>
    <message>
        <source>No room is booked today.</source>
        <translation>今天没有活动室预约。</translation>
    </message>
    <message>
        <source>This week&apos;s activities (Enter opens the session in the Service menu)</source>
        <translation>本周活动（按回车在服务菜单中打开该场次）</translation>
    </message>
    <message>
        <source>No activity is planned for the next seven days.</source>
        <translation>未来七天没有安排活动。</translation>
    </message>
    <message>
        <source>Bookings awaiting approval (Enter opens the day in Rooms)</source>
        <translation>待审批的预约（回车查看当天安排）</translation>
    </message>
    <message>
        <source>No booking is awaiting approval.</source>
        <translation>没有待审批的预约。</translation>
    </message>
    <message>
        <source>Home pages</source>
        <translation>首页分页</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日概况(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>统计图(&amp;C)</translation>
    </message>
    <message>
        <source>Click a bar, or press Tab to reach a chart, choose a bar with the arrow keys and press Enter: the list behind it opens.</source>
        <translation>点击图中的条形，或按 Tab 键进入图表、用方向键选中一条再按回车，即可打开它背后的名单。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>The figures could not be read from the database; press F5 to try again.</source>
        <translation>无法从数据库读取数据，请按 F5 重试。</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>今天：%1</translation>
    </message>
    <message>
        <source>updated at %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>to approve</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>sessions in the next 7 days</source>
        <translation>未来 7 天的活动场次</translation>
    </message>
    <message>
        <source>%1 visits.</source>
        <translation>共 %1 人次。</translation>
    </message>
    <message>
        <source>No visits.</source>
        <translation>没有来访。</translation>
    </message>
    <message>
        <source>Visits on %1</source>
        <translation>%1 的来访</translation>
    </message>
    <message>
        <source>Visits this month (%1): %2</source>
        <translation>本月（%1）来访：%2</translation>
    </message>
    <message>
        <source>%1: sessions this month (%2)</source>
        <translation>%1：本月活动场次（%2）</translation>
    </message>
    <message>
        <source>%1 sessions, %2 signed up, %3 came. Enter opens a session in the Service menu.</source>
        <translation>共 %1 场，报名 %2 人，到场 %3 人。选中一场按回车，在服务菜单中打开。</translation>
    </message>
    <message>
        <source>No session of this series this month.</source>
        <translation>本系列本月没有活动。</translation>
    </message>
    <message>
        <source>%1: bookings this week (%2)</source>
        <translation>%1：本周预约（%2）</translation>
    </message>
    <message>
        <source>%1 bookings this week.</source>
        <translation>本周预约 %1 次。</translation>
    </message>
    <message>
        <source>%1 bookings this week: %2 of %3 open hours booked.</source>
        <translation>本周预约 %1 次，开放 %3 小时，已预约 %2 小时。</translation>
    </message>
    <message>
        <source>No booking of this room this week.</source>
        <translation>这间活动室本周没有预约。</translation>
    </message>
    <message>
        <source>Show the week in &amp;Rooms</source>
        <translation>在活动室预约中查看本周(&amp;R)</translation>
    </message>
    <message>
        <source>%1: volunteer service this year</source>
        <translation>%1：本年志愿服务</translation>
    </message>
    <message>
        <source>%1 records, %2 hours in %3.</source>
        <translation>%3 年共 %1 条记录，%2 小时。</translation>
    </message>
    <message>
        <source>No service recorded this year.</source>
        <translation>本年没有服务记录。</translation>
    </message>
    <message>
        <source>Open in &amp;Volunteers</source>
        <translation>在志愿者页面打开(&amp;V)</translation>
    </message>
</context>
<context>
    <name>HomeLists</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>来访者</translation>
    </message>
    <message>
        <source>Community · group</source>
        <translation>社区·楼组</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Purpose of visit</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Checked in by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>(anonymised)</source>
        <translation>（已匿名）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>现场加入</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>（未安排活动室）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>预约人</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
</context>
<context>
    <name>HomeModels</name>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>服务系列</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>（未安排活动室）</translation>
    </message>
    <message>
        <source>(full)</source>
        <translation>满</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a roster from Excel</source>
        <translation>从 Excel 导入花名册</translation>
    </message>
    <message>
        <source>Choose an Excel file (.xlsx) with one person a row and a header row (姓名, 性别, 出生年份, 手机, 身份证号, 社区, 楼组, 地址 …). Check the rows, read the report, then decide: nothing is written before that.</source>
        <translation>请选择一个 Excel 文件（.xlsx）：每行一人，并有表头行（姓名、性别、出生年份、手机、身份证号、社区、楼组、地址……）。先检查各行、查看报告，再决定是否导入；在此之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>已选文件</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>各列内容</translation>
    </message>
    <message>
        <source>Chec&amp;k the rows</source>
        <translation>检查各行(&amp;K)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>逐行报告</translation>
    </message>
    <message>
        <source>Report, row by row</source>
        <translation>逐行报告</translation>
    </message>
    <message>
        <source>Gender against the ID number</source>
        <translation>性别与身份证号不符</translation>
    </message>
    <message>
        <source>Take the gender from the &amp;ID number (recommended)</source>
        <translation>按身份证号确定性别（推荐）(&amp;I)</translation>
    </message>
    <message>
        <source>Take the gender from the ID number (recommended)</source>
        <translation>按身份证号确定性别（推荐）</translation>
    </message>
    <message>
        <source>Keep the &amp;gender written in the roster</source>
        <translation>保留花名册中填写的性别(&amp;G)</translation>
    </message>
    <message>
        <source>Keep the gender written in the roster</source>
        <translation>保留花名册中填写的性别</translation>
    </message>
    <message>
        <source>Import the valid rows</source>
        <translation>导入无误的行</translation>
    </message>
    <message>
        <source>Import &amp;nothing</source>
        <translation>不导入(&amp;N)</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Stopped: nothing was written.</source>
        <translation>已停止，没有写入任何内容。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 rows give a gender that contradicts their ID number (see the warnings). Import them with:</source>
        <translation>有 %1 行填写的性别与身份证号不符（见“警告”）。这些行导入时：</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Columns changed: check the rows again.</source>
        <translation>各列已更改：请重新检查各行。</translation>
    </message>
    <message>
        <source>Choose a file to see its columns here.</source>
        <translation>选择文件后，这里会列出它的各列。</translation>
    </message>
    <message>
        <source>Sheet “%1”, header in row %2, %3 rows of people. Check what each column holds:</source>
        <translation>工作表“%1”，表头在第 %2 行，共 %3 行居民。请核对每一列的内容：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Title in the file</source>
        <translation>文件中的列名</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无列名）</translation>
    </message>
    <message>
        <source>Column %1 (%2) is imported as</source>
        <translation>第 %1 列（%2）导入为</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Press “Check the rows”: the report lists every row with a problem.</source>
        <translation>请按“检查各行”：报告会列出每一行有问题的地方。</translation>
    </message>
    <message>
        <source>No row can be imported</source>
        <translation>没有可导入的行</translation>
    </message>
    <message>
        <source>Import all %1 rows</source>
        <translation>导入全部 %1 行</translation>
    </message>
    <message>
        <source>Import the %1 valid rows</source>
        <translation>导入无误的 %1 行</translation>
    </message>
</context>
<context>
    <name>InactiveModel</name>
    <message>
        <source>Not filled in</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>No activity on record</source>
        <translation>没有往来记录</translation>
    </message>
    <message>
        <source>%1 visits</source>
        <translation>来访 %1 次</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>诉求 %1 条</translation>
    </message>
    <message>
        <source>%1 signups</source>
        <translation>报名 %1 次</translation>
    </message>
    <message>
        <source>%1 certificates (name kept)</source>
        <translation>证书 %1 份（保留姓名）</translation>
    </message>
    <message>
        <source>volunteer profile</source>
        <translation>志愿者档案</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>record only</source>
        <translation>仅有档案</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stops after the step under way; what is finished stays.</source>
        <translation>做完当前这一步后停止；已完成的部分会保留。</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Stopping after the step under way…</source>
        <translation>正在停止，做完当前这一步后就停……</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>The database could not be read or written, so the work stopped. Please try again in a moment; if it keeps happening, call the administrator.</source>
        <translation>无法读写数据库，工作已停止。请稍后再试；如果一直这样，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Party: membership transfer</source>
        <translation>党务：组织关系转接</translation>
    </message>
    <message>
        <source>Party: membership dues</source>
        <translation>党务：党费</translation>
    </message>
    <message>
        <source>Party: double reporting</source>
        <translation>党务：双报到</translation>
    </message>
    <message>
        <source>Government affairs</source>
        <translation>政务</translation>
    </message>
    <message>
        <source>Life services</source>
        <translation>生活服务</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Room use</source>
        <translation>活动室使用</translation>
    </message>
    <message>
        <source>Resident request</source>
        <translation>民生直通车诉求</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Desk volunteer</source>
        <translation>前台志愿者</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Incubated</source>
        <translation>孵化</translation>
    </message>
    <message>
        <source>Introduced</source>
        <translation>引进</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作</translation>
    </message>
    <message>
        <source>Deliberation council</source>
        <translation>议事协商</translation>
    </message>
    <message>
        <source>Centre&apos;s own use</source>
        <translation>中心自用</translation>
    </message>
    <message>
        <source>Social organisation</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>Residents&apos; group</source>
        <translation>居民自治活动</translation>
    </message>
    <message>
        <source>Council meeting</source>
        <translation>议事会议</translation>
    </message>
    <message>
        <source>Service menu activity</source>
        <translation>服务菜单活动</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>On the waitlist</source>
        <translation>候补中</translation>
    </message>
    <message>
        <source>Open for signups</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>Session full</source>
        <translation>已满</translation>
    </message>
    <message>
        <source>Signups closed</source>
        <translation>已截止</translation>
    </message>
    <message>
        <source>Session cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Service record certificate</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>Completion certificate</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>Not marked yet</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Came (done)</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Reprinted %1 times</source>
        <translation>已补发 %1 次</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>date with weekday, Qt format</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>full date, Qt format</comment>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
</context>
<context>
    <name>ListEditorPage</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Not saved: please correct what the message beside the field says.</source>
        <translation>未保存：请按输入框旁的提示修改。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Lock every desk after &amp;minutes without use:</source>
        <translation>无人操作多少分钟后锁定各前台(&amp;M)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>闲置锁定</translation>
    </message>
    <message>
        <source>A desk nobody has touched for this long hides what it shows behind the lock screen, until the same account&apos;s password is typed again; what was typed stays. This applies to every desk of the centre and is shown to everyone on the lock screen. Five wrong passwords in a row lock an account for 15 minutes; unlock it early under Accounts and roles.</source>
        <translation>前台在这段时间内无人操作，就会用锁定画面盖住所显示的内容，直到同一账号再次输入密码；已输入的内容都会保留。此设置适用于本中心所有前台，锁定画面上人人可见。连续输错 5 次密码会把账号锁定 15 分钟；如需提前解锁，请到“账号与角色”页面。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved. Every desk now locks itself after %1 minutes without use.</source>
        <translation>已保存。各前台无人操作 %1 分钟后会自动锁定。</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>The desk is locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <source>%1, type your password to go on working.</source>
        <translation>%1，请输入密码继续工作。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log in as someone else</source>
        <translation>换其他人登录</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>The desk locks itself after %1 minutes without use; the administrator sets this in Settings.</source>
        <translation>前台无人操作 %1 分钟后会自动锁定；时长由管理员在“设置”中设定。</translation>
    </message>
    <message>
        <source>Please type your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>The database can&apos;t be reached just now. Please wait a moment and try again; if it keeps happening, call the administrator.</source>
        <translation>暂时连不上数据库。请稍等片刻再试；如果一直这样，请联系管理员。</translation>
    </message>
    <message>
        <source>Youlin Desk — log in</source>
        <translation>友邻前台 — 登录</translation>
    </message>
    <message>
        <source>Youlin Desk</source>
        <translation>友邻前台</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Demo centre: choose an account to fill in its name and password (every demo password is %1).</source>
        <translation>演示中心：选择一个账号即可自动填入用户名和密码（演示账号的密码都是 %1）。</translation>
    </message>
    <message>
        <source>Demo account: %1</source>
        <translation>演示账号：%1</translation>
    </message>
    <message>
        <source>Please type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Please type your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Desks</source>
        <translation>功能页面</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接待签到</translation>
    </message>
    <message>
        <source>People</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>活动室预约</translation>
    </message>
    <message>
        <source>Service menu</source>
        <translation>服务菜单</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者与证书</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;Switch user</source>
        <translation>切换用户(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About Youlin Desk</source>
        <translation>关于友邻前台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>About Youlin Desk</source>
        <translation>关于友邻前台</translation>
    </message>
    <message>
        <source>Youlin Desk %1

The front desk of the neighbourhood centre: reception, people, rooms, the service menu, volunteers and certificates.

Data folder: %2</source>
        <translation>友邻前台 %1

邻里中心的前台程序：接待签到、居民档案、活动室预约、服务菜单、志愿者与证书。

数据文件夹：%2</translation>
    </message>
    <message>
        <source>Lock the desk now. It locks itself after %1 minutes without use (set by the administrator).</source>
        <translation>立即锁定前台。无人操作 %1 分钟后也会自动锁定（由管理员设定）。</translation>
    </message>
    <message>
        <source>%1 — Youlin Desk — %2 (%3)</source>
        <translation>%1 — 友邻前台 — %2（%3）</translation>
    </message>
</context>
<context>
    <name>MakeUpForm</name>
    <message>
        <source>e.g. the sign-in sheet was lost</source>
        <translation>例如：签到表遗失</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>时长（小时）：</translation>
    </message>
    <message>
        <source>Service content:</source>
        <translation>服务内容：</translation>
    </message>
    <message>
        <source>Reason for the make-up:</source>
        <translation>补录原因：</translation>
    </message>
    <message>
        <source>Make up hours for %1</source>
        <translation>为 %1 补录时长</translation>
    </message>
    <message>
        <source>Write the day as 2026-11-20.</source>
        <translation>日期请写成 2026-11-20。</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>Aged %1–%2</source>
        <translation>%1–%2岁</translation>
    </message>
    <message>
        <source>Aged %1 and over</source>
        <translation>%1岁以上</translation>
    </message>
    <message>
        <source>Aged %1 and under</source>
        <translation>%1岁以下</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>with a parent</source>
        <translation>家长陪同</translation>
    </message>
    <message>
        <source>%1&apos;s birth year isn&apos;t recorded, so the age rule (%2) can&apos;t be checked. Add it on the person&apos;s record.</source>
        <translation>%1 的出生年份未登记，无法核对年龄要求（%2）。请先在居民档案中补充。</translation>
    </message>
    <message>
        <source>%1 is %2 this year; this activity is for: %3.</source>
        <translation>%1 今年 %2 岁，本活动面向：%3。</translation>
    </message>
    <message>
        <source>A child comes with a parent to this activity: choose the parent too.</source>
        <translation>本活动需由一位家长陪同孩子参加：请同时选择陪同家长。</translation>
    </message>
    <message>
        <source>The companion must be someone else.</source>
        <translation>陪同人必须是另一个人。</translation>
    </message>
    <message>
        <source>The companion %1 is not an adult.</source>
        <translation>陪同人 %1 未成年。</translation>
    </message>
    <message>
        <source>This session no longer exists.</source>
        <translation>该场次已不存在。</translation>
    </message>
    <message>
        <source>Only people with a seat can be ticked at attendance.</source>
        <translation>只有已报名（有名额）的人才能签到。</translation>
    </message>
    <message>
        <source>No resident has the member code %1. Check the card or search by name.</source>
        <translation>没有会员号为 %1 的居民。请核对会员卡，或按姓名查找。</translation>
    </message>
    <message>
        <source>%1 is not signed up for this session. Add them as a walk-in?</source>
        <translation>%1 没有报名本场活动。要加为现场参加吗？</translation>
    </message>
    <message>
        <source>%1 is on the waitlist. A seat is free: add them as a walk-in?</source>
        <translation>%1 在候补名单上。现有空位：要加为现场参加吗？</translation>
    </message>
    <message>
        <source>%1 is on the waitlist, and the session is full.</source>
        <translation>%1 在候补名单上，本场已满员。</translation>
    </message>
    <message>
        <source>%1 is ticked already.</source>
        <translation>%1 已经签到过了。</translation>
    </message>
    <message>
        <source>Ticked: %1 with %2.</source>
        <translation>已签到：%1（陪同 %2）。</translation>
    </message>
    <message>
        <source>Ticked: %1.</source>
        <translation>已签到：%1。</translation>
    </message>
    <message>
        <source>%1 is already on the sheet: tick them there.</source>
        <translation>%1 已在签到名单上：请在名单中勾选。</translation>
    </message>
    <message>
        <source>The session is over its capacity of %1 by %2: check there is room for everyone.</source>
        <translation>本场名额 %1 人，已超出 %2 人：请确认场地坐得下。</translation>
    </message>
    <message>
        <source>%1 is added as a walk-in and ticked.</source>
        <translation>%1 已加为现场参加并签到。</translation>
    </message>
    <message>
        <source>This session&apos;s attendance is closed already.</source>
        <translation>本场签到已经结束。</translation>
    </message>
    <message>
        <source>Attendance can be closed once the session has begun.</source>
        <translation>活动开始后才能结束签到。</translation>
    </message>
    <message>
        <source>This session&apos;s attendance is open.</source>
        <translation>本场签到尚未结束。</translation>
    </message>
    <message>
        <source>This session is cancelled.</source>
        <translation>该场次已取消。</translation>
    </message>
    <message>
        <source>Attendance opens at %1, an hour before the session starts.</source>
        <translation>签到从 %1 开始（活动开始前一小时）。</translation>
    </message>
    <message>
        <source>This session&apos;s attendance is closed: only staff may correct it.</source>
        <translation>本场签到已结束：只有工作人员可以更正。</translation>
    </message>
    <message>
        <source>This session has begun: add the person at attendance as a walk-in.</source>
        <translation>该场次已开始：请在签到时作为现场加入登记。</translation>
    </message>
    <message>
        <source>Signups for this session have closed.</source>
        <translation>该场次报名已截止。</translation>
    </message>
    <message>
        <source>This activity takes no companion: leave it empty.</source>
        <translation>本活动不带陪同人：请留空。</translation>
    </message>
    <message>
        <source>Staff may sign them up anyway, giving a reason.</source>
        <translation>工作人员可填写原因后仍为其报名。</translation>
    </message>
    <message>
        <source>Only staff may sign up someone outside the activity&apos;s audience.</source>
        <translation>只有工作人员可以为不符合活动对象的居民报名。</translation>
    </message>
    <message>
        <source>This signup no longer exists.</source>
        <translation>该报名已不存在。</translation>
    </message>
    <message>
        <source>This signup is already cancelled.</source>
        <translation>该报名已经取消。</translation>
    </message>
    <message>
        <source>The session has begun: mark who didn&apos;t come at attendance instead.</source>
        <translation>场次已开始：请在签到中标记未到的人。</translation>
    </message>
    <message>
        <source>Choose a person from the register.</source>
        <translation>请从居民档案中选择一个人。</translation>
    </message>
    <message>
        <source>A child&apos;s activity is signed up in the child&apos;s name: find the child, then choose %1 as the companion.</source>
        <translation>亲子活动以孩子的名义报名：请查找孩子，再选%1为陪同家长。</translation>
    </message>
    <message>
        <source>%1 already comes to this session as a companion.</source>
        <translation>%1 已作为陪同人参加本场次。</translation>
    </message>
    <message>
        <source>%1 is already on this session&apos;s waitlist.</source>
        <translation>%1 已在本场次的候补名单中。</translation>
    </message>
    <message>
        <source>%1 is already signed up for this session.</source>
        <translation>%1 已报名本场次。</translation>
    </message>
    <message>
        <source>Choose an activity from the menu.</source>
        <translation>请从服务菜单中选择活动项目。</translation>
    </message>
    <message>
        <source>%1 is no longer on the menu. Choose another activity.</source>
        <translation>%1 已不在服务菜单中，请选择其他活动项目。</translation>
    </message>
    <message>
        <source>A session has at least one place: give the capacity.</source>
        <translation>每场活动至少要有 1 个名额，请填写名额。</translation>
    </message>
    <message>
        <source>%1 places, but %2 seats %3.</source>
        <translation>名额 %1 个，但%2只有 %3 个座位。</translation>
    </message>
    <message>
        <source>The room seats %1: lower the capacity, or confirm that more people may come.</source>
        <translation>该活动室只有 %1 个座位：请减少名额，或勾选确认超出。</translation>
    </message>
    <message>
        <source>This organisation doesn&apos;t exist (any more).</source>
        <translation>此社会组织不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>Say who organises it in at most %1 characters.</source>
        <translation>组织者最多填写 %1 个字。</translation>
    </message>
    <message>
        <source>Say who it is for in at most %1 characters.</source>
        <translation>面向人群最多填写 %1 个字。</translation>
    </message>
    <message>
        <source>Signups must close by the start of the session, not after it.</source>
        <translation>报名截止时间不能晚于活动开始时间。</translation>
    </message>
    <message>
        <source>This session is cancelled: it can&apos;t be changed any more.</source>
        <translation>该场次已取消，不能再修改。</translation>
    </message>
    <message>
        <source>People have signed up for this session, so its activity can&apos;t change. Cancel it and plan the other activity instead.</source>
        <translation>该场次已有人报名，不能更换活动项目。如需更换，请取消本场次，另行安排。</translation>
    </message>
    <message>
        <source>%1 people have signed up already: the capacity can&apos;t be lower than that.</source>
        <translation>已有 %1 人报名，名额不能少于此数。</translation>
    </message>
    <message>
        <source>Say why the session is cancelled: the people signed up are told.</source>
        <translation>请填写取消原因：需要告知已报名的居民。</translation>
    </message>
    <message>
        <source>This session is already cancelled.</source>
        <translation>该场次已经取消。</translation>
    </message>
    <message>
        <source>This session has begun or is over: it can&apos;t be cancelled.</source>
        <translation>该场次已开始或已结束，不能取消。</translation>
    </message>
    <message>
        <source>Signups close 0 or more days before each session.</source>
        <translation>报名截止天数须为 0 或以上。</translation>
    </message>
    <message>
        <source>Blank rows: from 0 to %1.</source>
        <translation>空白行数：0 到 %1 行。</translation>
    </message>
</context>
<context>
    <name>MenuAttendance</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Community · building group</source>
        <translation>社区 · 楼组</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场参加</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>陪同：%1</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MenuCatalogueDialog</name>
    <message>
        <source>Series and items of the menu</source>
        <translation>服务菜单的系列与项目</translation>
    </message>
</context>
<context>
    <name>MenuCatalogueEditor</name>
    <message>
        <source>The menu has five series. Choose one to rename it or to see its items; items are never deleted: one no longer offered is set inactive.</source>
        <translation>服务菜单共五大系列。选择一个系列可修改名称、查看其项目；项目不会删除，不再开展的项目设为停用即可。</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>服务系列</translation>
    </message>
    <message>
        <source>&amp;Visible on the menu</source>
        <translation>在菜单上显示(&amp;V)</translation>
    </message>
    <message>
        <source>Save se&amp;ries</source>
        <translation>保存系列(&amp;R)</translation>
    </message>
    <message>
        <source>Series na&amp;me:</source>
        <translation>系列名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Series descripti&amp;on:</source>
        <translation>系列简介(&amp;O)：</translation>
    </message>
    <message>
        <source>Items of the series</source>
        <translation>本系列的项目</translation>
    </message>
    <message>
        <source>↑ Move &amp;up</source>
        <translation>↑ 上移(&amp;U)</translation>
    </message>
    <message>
        <source>↓ Move do&amp;wn</source>
        <translation>↓ 下移(&amp;W)</translation>
    </message>
    <message>
        <source>New &amp;item</source>
        <translation>新建项目(&amp;I)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>e.g. 长者太极拳</source>
        <translation>例如：长者太极拳</translation>
    </message>
    <message>
        <source>words printed on the menu, e.g. 60岁以上长者</source>
        <translation>印在菜单上的文字，例如：60岁以上长者</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Parent and child (亲子): a parent comes along</source>
        <translation>亲子（家长陪同）</translation>
    </message>
    <message>
        <source>Volunteer service (counts towards service hours)</source>
        <translation>志愿服务（计入服务时长）</translation>
    </message>
    <message>
        <source>&amp;Active (on the menu)</source>
        <translation>启用，在菜单上(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>简介(&amp;E)：</translation>
    </message>
    <message>
        <source>For (&amp;printed):</source>
        <translation>服务对象(&amp;P)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>years of age</source>
        <translation>岁</translation>
    </message>
    <message>
        <source>A&amp;ge from:</source>
        <translation>年龄(&amp;G)：</translation>
    </message>
    <message>
        <source>Age to</source>
        <translation>年龄上限</translation>
    </message>
    <message>
        <source>Default &amp;capacity:</source>
        <translation>默认名额(&amp;C)：</translation>
    </message>
    <message>
        <source>seats</source>
        <translation>人</translation>
    </message>
    <message>
        <source>Default dura&amp;tion:</source>
        <translation>默认时长(&amp;T)：</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Provi&amp;der:</source>
        <translation>提供方(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Save item</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Item “%1” saved.</source>
        <translation>项目“%1”已保存。</translation>
    </message>
    <message>
        <source>First choose an item in the list.</source>
        <translation>请先在列表中选择一个项目。</translation>
    </message>
    <message>
        <source>Series “%1” saved.</source>
        <translation>系列“%1”已保存。</translation>
    </message>
    <message>
        <source>New item in %1</source>
        <translation>新项目（%1）</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>%1 sessions to come; %2 signups this year.</source>
        <translation>即将开展 %1 场；今年报名 %2 人次。</translation>
    </message>
    <message>
        <source>&amp;Save new item</source>
        <translation>添加项目(&amp;S)</translation>
    </message>
    <message>
        <source>(none: the centre itself)</source>
        <translation>（无：中心自办）</translation>
    </message>
</context>
<context>
    <name>MenuDesk</name>
    <message>
        <source>◀ Previous fortnight</source>
        <translation>◀ 前两周</translation>
    </message>
    <message>
        <source>Previous fortnight</source>
        <translation>前两周</translation>
    </message>
    <message>
        <source>From today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Next fortnight ▶</source>
        <translation>后两周 ▶</translation>
    </message>
    <message>
        <source>Next fortnight</source>
        <translation>后两周</translation>
    </message>
    <message>
        <source>New session (Ctrl+Shift+N)</source>
        <translation>新建场次 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Print the menu (Ctrl+Shift+P)</source>
        <translation>打印菜单 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Sign up (F2)</source>
        <translation>报名 (F2)</translation>
    </message>
    <message>
        <source>Cancel signup (Del)</source>
        <translation>取消报名 (Del)</translation>
    </message>
    <message>
        <source>Attendance (F3)</source>
        <translation>签到 (F3)</translation>
    </message>
    <message>
        <source>Print sign-in sheet (Ctrl+P)</source>
        <translation>打印签到表 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Edit session (F4)</source>
        <translation>编辑场次 (F4)</translation>
    </message>
    <message>
        <source>Menu items</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Series and items of the menu</source>
        <translation>服务菜单的系列与项目</translation>
    </message>
    <message>
        <source>Close signups</source>
        <translation>截止报名</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>取消场次</translation>
    </message>
    <message>
        <source>Staff write the menu&apos;s series and items.</source>
        <translation>服务项目由工作人员编写。</translation>
    </message>
    <message>
        <source>Sessions %1 to %2</source>
        <translation>活动场次 %1 至 %2</translation>
    </message>
    <message>
        <source>Signups</source>
        <translation>报名名单</translation>
    </message>
    <message>
        <source>Signups %1 %2</source>
        <translation>报名名单 %1 %2</translation>
    </message>
    <message>
        <source>Reopen signups</source>
        <translation>重新开放报名</translation>
    </message>
    <message>
        <source>This session is cancelled.</source>
        <translation>该场次已取消。</translation>
    </message>
    <message>
        <source>Staff plan the sessions.</source>
        <translation>场次由工作人员安排。</translation>
    </message>
    <message>
        <source>Sessions of the period</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Back to the session (Esc)</source>
        <translation>返回场次详情 (Esc)</translation>
    </message>
    <message>
        <source>Back to the session</source>
        <translation>返回场次详情</translation>
    </message>
    <message>
        <source>Sessions %1 – %2: %3</source>
        <translation>%1 – %2 的场次：%3 场</translation>
    </message>
    <message>
        <source>This session takes no signups: %1.</source>
        <translation>本场不能报名：%1。</translation>
    </message>
    <message>
        <source>Staff do this.</source>
        <translation>由工作人员操作。</translation>
    </message>
    <message>
        <source>Cancel %1&apos;s signup (waitlist number %2)?</source>
        <translation>取消 %1 的报名（候补第 %2 位）？</translation>
    </message>
    <message>
        <source>Cancel %1&apos;s signup?</source>
        <translation>取消 %1 的报名？</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>没有取消：%1</translation>
    </message>
    <message>
        <source>%1&apos;s signup is cancelled.</source>
        <translation>已取消 %1 的报名。</translation>
    </message>
    <message>
        <source>%1 moved up from the waitlist to a seat (please phone them: %2).</source>
        <translation>%1 已从候补转为正式报名（请电话通知 %2）</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <source>Signups for %1 are closed.</source>
        <translation>%1 已截止报名。</translation>
    </message>
    <message>
        <source>Signups for %1 are no longer closed by hand, but their deadline has passed.</source>
        <translation>%1 已取消手动截止，但报名截止时间已过，仍不能报名。</translation>
    </message>
    <message>
        <source>Signups for %1 are open again.</source>
        <translation>%1 已重新开放报名。</translation>
    </message>
    <message>
        <source>Cancel %1 on %2? %3 signed up and %4 waiting are to be phoned.</source>
        <translation>取消 %2 的 %1？%3 人已报名、%4 人候补，需逐一电话通知。</translation>
    </message>
    <message>
        <source>%1 is cancelled; %2 people to phone, listed below.</source>
        <translation>%1 已取消；%2 人需电话通知，名单见下方。</translation>
    </message>
    <message>
        <source>The session is saved.</source>
        <translation>场次已保存。</translation>
    </message>
</context>
<context>
    <name>MenuItemTableModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>For</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>MenuModels</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Menu item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Community · building group</source>
        <translation>社区 · 楼组</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>陪同</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Waitlist %1</source>
        <translation>候补%1</translation>
    </message>
    <message>
        <source>On the spot</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Moved up</source>
        <translation>补位</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Signed up outside the audience: %1</source>
        <translation>不在活动对象范围内，特批：%1</translation>
    </message>
</context>
<context>
    <name>MenuPage</name>
    <message>
        <source>Service menu</source>
        <translation>服务菜单</translation>
    </message>
</context>
<context>
    <name>MenuPrinting</name>
    <message>
        <source>service menu of %1</source>
        <translation>%1 服务菜单</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two records of one person</source>
        <translation>合并同一人的两份档案</translation>
    </message>
    <message>
        <source>Find the other record</source>
        <translation>查找另一份档案</translation>
    </message>
    <message>
        <source>Name, pinyin, last 4 phone digits or member code</source>
        <translation>姓名、拼音、手机后4位或会员编号</translation>
    </message>
    <message>
        <source>&amp;Other record:</source>
        <translation>另一份档案(&amp;O)：</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>找到的档案</translation>
    </message>
    <message>
        <source>The two records side by side</source>
        <translation>两份档案对照</translation>
    </message>
    <message>
        <source>&amp;Keep the other record instead</source>
        <translation>改为保留另一份(&amp;K)</translation>
    </message>
    <message>
        <source>Swap which record is kept</source>
        <translation>交换保留的档案</translation>
    </message>
    <message>
        <source>I have checked: these two records are the same person</source>
        <translation>我已核对：这两份档案是同一个人</translation>
    </message>
    <message>
        <source>The two records are the same person</source>
        <translation>两份档案是同一个人</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Merge the two records</source>
        <translation>合并这两份档案</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The same person registered twice? Find the other record of %1 (%2), compare the two, and choose the one to keep.</source>
        <translation>同一个人登记了两次？请找到%1（%2）的另一份档案，对照两份内容，再选择保留哪一份。</translation>
    </message>
    <message>
        <source>%1 (%2) is kept and receives the visits, signups, hours, certificates and requests of %3 (%4); its empty fields are filled from that record. %3 (%4) leaves the register. This can&apos;t be undone.</source>
        <translation>保留%1（%2），%3（%4）的来访、报名、服务时长、证书和诉求都并入这份档案，空着的信息由那份补上。%3（%4）将从名册中移除。合并后无法撤销。</translation>
    </message>
    <message>
        <source>First find and choose the other record.</source>
        <translation>请先查找并选中另一份档案。</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>Counting the month&apos;s figures</source>
        <translation>正在统计本月数据</translation>
    </message>
    <message>
        <source>Laying out the pages</source>
        <translation>正在排版</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>Monthly report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <source>The month&apos;s work as the report the centre sends up: figures by community and building group, visits, the sessions of each series, room use, resident requests with their satisfaction, volunteer hours and certificates, with charts. A month not yet over is counted up to today.</source>
        <translation>本月工作按上报的月报整理：按社区和楼组的数据、来访、各系列活动场次、活动室使用、民生直通车诉求及满意度、志愿服务时长和证书，配有图表。尚未结束的月份统计到今天。</translation>
    </message>
    <message>
        <source>Month of the report</source>
        <translation>报告月份</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Make the report</source>
        <translation>生成报告(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Only staff and administrators may make the monthly report.</source>
        <translation>只有工作人员和管理员可以生成月度报告。</translation>
    </message>
    <message>
        <source>Making the report of %1</source>
        <translation>正在生成%1的月报</translation>
    </message>
    <message>
        <source>monthly report of %1</source>
        <translation>%1工作月报</translation>
    </message>
    <message>
        <source>Stopped: no report was made.</source>
        <translation>已停止，未生成报告。</translation>
    </message>
</context>
<context>
    <name>MouseCalendar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>OrganisationsPage</name>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>Social organisations, partners and the councils that book rooms and provide sessions. Nothing is deleted: one no longer working with the centre is set inactive.</source>
        <translation>预约活动室、提供服务的社会组织、合作单位和议事会。组织不会被删除：不再与中心合作的设为停用。</translation>
    </message>
    <message>
        <source>&amp;New organisation…</source>
        <translation>新建组织(&amp;N)…</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>e.g. 五彩亲子公益发展中心</source>
        <translation>例如：五彩亲子公益发展中心</translation>
    </message>
    <message>
        <source>18 characters, if it has one</source>
        <translation>有则填写，共 18 位</translation>
    </message>
    <message>
        <source>e.g. 021-12345678 or a mobile number</source>
        <translation>例如 021-12345678 或手机号</translation>
    </message>
    <message>
        <source>e.g. 亲子阅读、周末手工课</source>
        <translation>例如：亲子阅读、周末手工课</translation>
    </message>
    <message>
        <source>&amp;Active (works with the centre)</source>
        <translation>启用（与中心合作中）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>C&amp;redit code (统一社会信用代码):</source>
        <translation>统一社会信用代码(&amp;R)：</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <source>Contact &amp;phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>What they pro&amp;vide:</source>
        <translation>服务内容(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Save organisation</source>
        <translation>保存组织(&amp;S)</translation>
    </message>
    <message>
        <source>First choose an organisation in the list.</source>
        <translation>请先在列表中选择一个组织。</translation>
    </message>
    <message>
        <source>Organisation “%1” saved.</source>
        <translation>组织“%1”已保存。</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>组织：%1</translation>
    </message>
    <message>
        <source>Choose an organisation in the list to see its record.</source>
        <translation>在列表中选择一个组织，即可查看其档案。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Provides: %1</source>
        <translation>服务内容：%1</translation>
    </message>
    <message>
        <source>Credit code: %1</source>
        <translation>信用代码：%1</translation>
    </message>
    <message>
        <source>Room bookings: %1 held, %2 to come.</source>
        <translation>活动室预约：已使用 %1 次，待使用 %2 次。</translation>
    </message>
    <message>
        <source>%1 %2 %3 (%4), %5</source>
        <translation>%1 %2 %3（%4），%5</translation>
    </message>
    <message>
        <source>Activity sessions provided: %1 held, %2 to come.</source>
        <translation>提供的活动场次：已举办 %1 场，待举办 %2 场。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <source>The print-out as it will print</source>
        <translation>打印效果</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save as a PDF file</source>
        <translation>另存为 PDF 文件</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Show the page larger</source>
        <translation>放大显示</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Show the page smaller</source>
        <translation>缩小显示</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This print-out could not be shown.</source>
        <translation>这份打印件无法显示。</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <source>The printer could not be used. Check that it is switched on and has paper, then try again; or save the print-out as a file.</source>
        <translation>打印机无法使用。请检查打印机已开机、有纸，然后再试；也可以先另存为文件。</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>已发送到打印机 %1。</translation>
    </message>
    <message>
        <source>Save the print-out</source>
        <translation>保存打印件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved there (%1). Choose another folder.</source>
        <translation>文件无法保存到这里（%1）。请换一个文件夹。</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>PendingPanel</name>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Bookings awaiting approval</source>
        <translation>待审批的预约</translation>
    </message>
    <message>
        <source>No booking is waiting for approval.</source>
        <translation>没有待审批的预约。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Why it is rejected</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <source>Reason for rejecting (required)</source>
        <translation>驳回原因（必填）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open the booking</source>
        <translation>打开预约</translation>
    </message>
    <message>
        <source>Only staff approve bookings; they see this list too.</source>
        <translation>预约由工作人员审批，他们也能看到这个列表。</translation>
    </message>
    <message>
        <source>Choose a booking in the list first.</source>
        <translation>请先在列表中选择一个预约。</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>没有批准：%1</translation>
    </message>
    <message>
        <source>Approved: %1 (%2).</source>
        <translation>已批准：%1（%2）。</translation>
    </message>
    <message>
        <source>Say why the request is rejected: the booker is told.</source>
        <translation>请填写驳回原因，预约人会看到。</translation>
    </message>
    <message>
        <source>Not rejected: %1</source>
        <translation>没有驳回：%1</translation>
    </message>
    <message>
        <source>Rejected: %1 (%2).</source>
        <translation>已驳回：%1（%2）。</translation>
    </message>
</context>
<context>
    <name>PeopleDesk</name>
    <message>
        <source>People</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>Find in the register</source>
        <translation>在名册中查找</translation>
    </message>
    <message>
        <source>Name, pinyin, last 4 phone digits or member code</source>
        <translation>姓名、拼音、手机后4位或会员编号</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>By name (pinyin)</source>
        <translation>按姓名拼音</translation>
    </message>
    <message>
        <source>By member code</source>
        <translation>按会员编号</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最近登记在前</translation>
    </message>
    <message>
        <source>Show &amp;everyone</source>
        <translation>显示全部(&amp;E)</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>居民名册</translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation>社区(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Building group:</source>
        <translation>楼组(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Residents&apos; register</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>新登记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>查看档案(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>修改(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Member card</source>
        <translation>会员卡(&amp;M)</translation>
    </message>
    <message>
        <source>Mer&amp;ge duplicates</source>
        <translation>合并重复(&amp;G)</translation>
    </message>
    <message>
        <source>Only staff and administrators may merge records.</source>
        <translation>只有工作人员和管理员可以合并档案。</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Import roster</source>
        <translation>导入名册(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Not available in this version.</source>
        <translation>此版本暂不提供。</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All building groups</source>
        <translation>全部楼组</translation>
    </message>
    <message>
        <source>Filtered by: %1</source>
        <translation>筛选条件：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 people found</source>
        <translation>找到 %1 人</translation>
    </message>
    <message>
        <source>%1 people in the register</source>
        <translation>名册共 %1 人</translation>
    </message>
    <message>
        <source>Nobody matches. Try fewer letters, or press Show everyone.</source>
        <translation>没有找到。请少输几个字，或点“显示全部”。</translation>
    </message>
    <message>
        <source>The new person&apos;s record opens after registering.</source>
        <translation>登记完成后会打开此人的档案。</translation>
    </message>
    <message>
        <source>member card of %1</source>
        <translation>%1的会员卡</translation>
    </message>
    <message>
        <source>Member card %1 %2.pdf</source>
        <translation>会员卡 %1 %2.pdf</translation>
    </message>
</context>
<context>
    <name>PeopleModels</name>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Record kept</source>
        <translation>保留的档案</translation>
    </message>
    <message>
        <source>Record merged into it</source>
        <translation>并入后移除的档案</translation>
    </message>
    <message>
        <source>Same?</source>
        <translation>是否相同</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Member code</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Gender, born</source>
        <translation>性别、出生年份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Community · building group</source>
        <translation>社区 · 楼组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>%1 visits · %2 signups · %3 certificates · %4 h volunteering</source>
        <translation>来访 %1 次 · 报名 %2 次 · 证书 %3 份 · 志愿服务 %4 小时</translation>
    </message>
    <message>
        <source>different</source>
        <translation>不同</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Volunteer service record</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>Course completion</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the tags of a person</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>The register could not be read from the database. Press F5 to try again; if it keeps happening, call the administrator.</source>
        <translation>无法从数据库读取名册。请按 F5 重试；如果一直这样，请联系管理员。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 (undone)</source>
        <translation>%1（已撤销）</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次时间</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>服务系列</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Signup</source>
        <translation>报名状态</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>是否签到</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Recorded as</source>
        <translation>记录方式</translation>
    </message>
    <message>
        <source>make-up record</source>
        <translation>补录</translation>
    </message>
    <message>
        <source>attended session</source>
        <translation>活动签到</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>颁发日期</translation>
    </message>
    <message>
        <source>%1 (revoked)</source>
        <translation>%1（已撤销）</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>not called yet</source>
        <translation>尚未回访</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Days of your choice</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Period counted</source>
        <translation>统计期</translation>
    </message>
    <message>
        <source>First day counted</source>
        <translation>统计开始日期</translation>
    </message>
    <message>
        <source>Last day counted</source>
        <translation>统计结束日期</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>统计期(&amp;P)：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PersonDetailView</name>
    <message>
        <source>Person&apos;s record</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>← Register (Esc)</source>
        <translation>← 返回名册（Esc）</translation>
    </message>
    <message>
        <source>Back to the register</source>
        <translation>返回名册</translation>
    </message>
    <message>
        <source>Open the record kept</source>
        <translation>打开保留的档案</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Consent to data use</source>
        <translation>同意使用信息</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Sign up for an activity</source>
        <translation>报名活动</translation>
    </message>
    <message>
        <source>Sign this person up for an activity</source>
        <translation>为此居民报名活动</translation>
    </message>
    <message>
        <source>No signups to come.</source>
        <translation>暂无待参加的活动报名。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Record the follow-up answer…</source>
        <translation>记录回访结果…</translation>
    </message>
    <message>
        <source>The resident&apos;s answer to the call after their request was resolved.</source>
        <translation>诉求办结后回访电话中居民的回答。</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>姓名：%1</translation>
    </message>
    <message>
        <source>Member code %1</source>
        <translation>会员编号 %1</translation>
    </message>
    <message>
        <source>—</source>
        <comment>a field left empty</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>no</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>This record was merged into another one and is no longer in the register.</source>
        <translation>这份档案已并入另一份，不再列在名册中。</translation>
    </message>
    <message>
        <source>Signups to come (%1)</source>
        <translation>近期报名（%1）</translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation>来访（%1）</translation>
    </message>
    <message>
        <source>Signups (%1)</source>
        <translation>报名（%1）</translation>
    </message>
    <message>
        <source>Volunteer hours (%1 h)</source>
        <translation>志愿服务（%1 小时）</translation>
    </message>
    <message>
        <source>Certificates (%1)</source>
        <translation>证书（%1）</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>诉求（%1）</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>e.g. 1956</source>
        <translation>例如 1956</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>mobile or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>optional, 18 characters</source>
        <translation>可不填，18 位</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Agrees to the centre keeping these data</source>
        <translation>本人同意中心保存和使用其信息</translation>
    </message>
    <message>
        <source>Phone only for contacting them</source>
        <translation>电话仅用于联系本人</translation>
    </message>
    <message>
        <source>The phone is kept only for contacting the person</source>
        <translation>电话仅用于联系本人</translation>
    </message>
    <message>
        <source>Consent to data use</source>
        <translation>信息使用同意</translation>
    </message>
    <message>
        <source>Without consent only the name, community, building group and a phone for contacting them are kept; an ID number and the details on the right need consent.</source>
        <translation>未经本人同意，只保存姓名、社区、楼组和联系电话；身份证号和右侧各项须经同意才保存。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Keep the gender chosen</source>
        <translation>保留所选性别</translation>
    </message>
    <message>
        <source>Take the gender from the ID number</source>
        <translation>按身份证号改性别</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Use the person on file</source>
        <translation>使用已登记的居民</translation>
    </message>
    <message>
        <source>Register anyway (family shares the phone)</source>
        <translation>仍然登记（家人共用此电话）</translation>
    </message>
    <message>
        <source>Register anyway: the family shares this phone</source>
        <translation>仍然登记：家人共用此电话</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1（必填）</translation>
    </message>
    <message>
        <source>New visitor</source>
        <translation>新来访者登记</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>登记（回车）</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>修改居民信息</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>(choose a community)</source>
        <translation>（请选择社区）</translation>
    </message>
    <message>
        <source>(choose the community first)</source>
        <translation>（请先选择社区）</translation>
    </message>
    <message>
        <source>(no building group)</source>
        <translation>（不选楼组）</translation>
    </message>
    <message>
        <source>Without consent the fields with a message can&apos;t be kept: tick “Consent to data use”, or empty them.</source>
        <translation>未经本人同意，标有提示的各项不能保存：请勾选“信息使用同意”，或清空这些项。</translation>
    </message>
    <message>
        <source>The ID number says %1 (its 17th digit), but %2 is chosen. Which is right?</source>
        <translation>身份证号第17位显示性别为“%1”，但这里选的是“%2”。以哪个为准？</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>保留“%1”</translation>
    </message>
    <message>
        <source>Take “%1” from the ID number</source>
        <translation>按身份证号改为“%1”</translation>
    </message>
    <message>
        <source>%1 Use that person instead of registering a second record?</source>
        <translation>%1 要直接使用这位居民，而不是再登记一条吗？</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Find the resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <source>Last 4 digits of the phone, name or pinyin initials</source>
        <translation>手机号后4位、姓名或拼音首字母</translation>
    </message>
    <message>
        <source>Residents found</source>
        <translation>找到的居民</translation>
    </message>
    <message>
        <source>Resident: not chosen yet (search, then Enter)</source>
        <translation>居民：尚未选定（查找后按回车）</translation>
    </message>
    <message>
        <source>Resident: %1</source>
        <translation>居民：%1</translation>
    </message>
</context>
<context>
    <name>PhoneListPanel</name>
    <message>
        <source>People to phone</source>
        <translation>需电话通知的人</translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation>知道了 (Esc)</translation>
    </message>
    <message>
        <source>Done with the phone list</source>
        <translation>看完通知名单</translation>
    </message>
    <message>
        <source>%1 is cancelled. Please phone these %2 people:</source>
        <translation>%1 已取消。请电话通知以下 %2 人：</translation>
    </message>
    <message>
        <source>%1 is cancelled. No one had signed up: no one to phone.</source>
        <translation>%1 已取消。无人报名，无需电话通知。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No font on this computer has these characters: %1. They are printed as 〓; please write them in by hand.</source>
        <translation>本机所有字体都没有这些字：%1。打印时以〓代替，请打印后手写补上。</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>e.g. Tuesday and Thursday evenings</source>
        <translation>例如：周二、周四晚上</translation>
    </message>
    <message>
        <source>Reports twice (在职党员双报到)</source>
        <translation>在职党员双报到</translation>
    </message>
    <message>
        <source>Resident:</source>
        <translation>居民：</translation>
    </message>
    <message>
        <source>Skills:</source>
        <translation>技能特长：</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>可服务时间：</translation>
    </message>
    <message>
        <source>Workplace party organisation:</source>
        <translation>工作单位党组织：</translation>
    </message>
    <message>
        <source>Day of reporting:</source>
        <translation>报到日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Enrol a resident as a volunteer</source>
        <translation>登记为志愿者</translation>
    </message>
    <message>
        <source>Enrol %1 as a volunteer</source>
        <translation>将 %1 登记为志愿者</translation>
    </message>
    <message>
        <source>Profile of %1 (%2)</source>
        <translation>%1（%2）的志愿者档案</translation>
    </message>
    <message>
        <source>Write the day as 2026-11-20.</source>
        <translation>日期请写成 2026-11-20。</translation>
    </message>
    <message>
        <source>Choose the resident first.</source>
        <translation>请先选择居民。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Stopped at your request.</source>
        <translation>已按您的要求停止。</translation>
    </message>
</context>
<context>
    <name>PurposeBar</name>
    <message>
        <source>Transfer</source>
        <translation>关系转接</translation>
    </message>
    <message>
        <source>Party dues</source>
        <translation>交党费</translation>
    </message>
    <message>
        <source>Double report</source>
        <translation>双报到</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>政务</translation>
    </message>
    <message>
        <source>Life services</source>
        <translation>生活服务</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Room use</source>
        <translation>用活动室</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>直通车</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Purpose of the visit</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Next check-in: %1. Afterwards: %2 again.</source>
        <translation>下一位按“%1”签到，之后回到“%2”。</translation>
    </message>
    <message>
        <source>Pinned: %1, for every check-in until unpinned.</source>
        <translation>已固定“%1”：每位都按此签到，直到取消固定。</translation>
    </message>
    <message>
        <source>Next check-in: %1. Pinned: %2, for every check-in after it.</source>
        <translation>下一位按“%1”签到，之后仍按已固定的“%2”。</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定事由</translation>
    </message>
    <message>
        <source>Pinned: %1</source>
        <translation>已固定：%1</translation>
    </message>
    <message>
        <source>%1%2 %3 · %4</source>
        <translation>%1%2 %3 · %4</translation>
    </message>
    <message>
        <source>, chosen</source>
        <translation>，已选</translation>
    </message>
    <message>
        <source>, pinned</source>
        <translation>，已固定</translation>
    </message>
    <message>
        <source>%1 (%2), %3 today%4</source>
        <translation>%1（%2），今天 %3 人次%4</translation>
    </message>
    <message>
        <source>%1: press %2 or Alt+%3 for the next check-in; Shift+%2 pins it</source>
        <translation>%1：按 %2 或 Alt+%3 用于下一位；按 Shift+%2 固定</translation>
    </message>
    <message>
        <source>Pin the chosen purpose for every check-in</source>
        <translation>固定所选事由，每位都按此签到</translation>
    </message>
    <message>
        <source>A purpose chosen with F2-F10 is used for the next check-in only. Pin it (here, or Shift+F2-F10) to use it for every check-in until unpinned.</source>
        <translation>用 F2–F10 选的事由只用于下一位。点这里或按 Shift+F2–F10 固定后，每位都按此签到，直到取消固定。</translation>
    </message>
    <message>
        <source>Pinned: %1. Press to unpin</source>
        <translation>已固定：%1。按此取消固定</translation>
    </message>
    <message>
        <source>Every check-in is recorded for %1. Press here or Shift+%2 to unpin.</source>
        <translation>每位都按“%1”签到。点这里或按 Shift+%2 取消固定。</translation>
    </message>
</context>
<context>
    <name>PurposesChart</name>
    <message>
        <source>Visits this month by purpose</source>
        <translation>本月来访（按事由）</translation>
    </message>
    <message>
        <source>%1: %2 visits</source>
        <translation>%1：%2 人次</translation>
    </message>
    <message>
        <source>This month: %1 visits in all.</source>
        <translation>本月共来访 %1 人次。</translation>
    </message>
</context>
<context>
    <name>QuestionBar</name>
    <message>
        <source>For:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Why it is cancelled</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Why it is cancelled (optional)</source>
        <translation>取消原因（可不填）</translation>
    </message>
    <message>
        <source>No (Esc)</source>
        <translation>不（Esc）</translation>
    </message>
    <message>
        <source>No</source>
        <translation>不</translation>
    </message>
</context>
<context>
    <name>QuickSignup</name>
    <message>
        <source>Sessions to sign up for</source>
        <translation>可报名的场次</translation>
    </message>
    <message>
        <source>Find the accompanying parent</source>
        <translation>查找陪同家长</translation>
    </message>
    <message>
        <source>Sign up (Enter)</source>
        <translation>报名（回车）</translation>
    </message>
    <message>
        <source>Sign up for the chosen session</source>
        <translation>为所选场次报名</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Sign up · %1</source>
        <translation>报名活动 · %1</translation>
    </message>
    <message>
        <source>Signing up %1</source>
        <translation>为 %1 报名</translation>
    </message>
    <message>
        <source>Sessions taking signups from today to %1:</source>
        <translation>今天至%1可报名的活动：</translation>
    </message>
    <message>
        <source>There is no session to sign up for.</source>
        <translation>没有可报名的场次。</translation>
    </message>
    <message>
        <source>Not signed up: this session is not for them (see above). Staff may sign them up anyway at the Service menu desk.</source>
        <translation>未报名：此活动不适合该居民（原因见上）。如确需报名，工作人员可在“服务菜单”中填写原因后报名。</translation>
    </message>
    <message>
        <source>Not signed up: %1</source>
        <translation>未报名：%1</translation>
    </message>
    <message>
        <source>%1 is a parent-child activity: the child comes with an adult, two places. Find the accompanying parent (last 4 digits of the phone, or the name), then Enter. Esc goes back to the list.</source>
        <translation>“%1”是亲子活动：孩子由一位成人陪同参加，占两个名额。请查找陪同家长（手机尾号4位或姓名），再按回车。按 Esc 返回列表。</translation>
    </message>
    <message>
        <source>Full: on the waitlist, no. %1: %2</source>
        <translation>已满，已列入候补第 %1 位：%2</translation>
    </message>
    <message>
        <source>People are waiting already: on the waitlist, no. %1: %2</source>
        <translation>已有人候补，已列入候补第 %1 位：%2</translation>
    </message>
    <message>
        <source>Signed up: %1</source>
        <translation>已报名：%1</translation>
    </message>
    <message>
        <source>%1 (accompanied by %2)</source>
        <translation>%1（陪同：%2）</translation>
    </message>
    <message>
        <source>Enter or Esc closes.</source>
        <translation>按回车或 Esc 关闭。</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>关闭（回车）</translation>
    </message>
    <message>
        <source>No session of the next two weeks takes signups that %1 isn&apos;t in already.</source>
        <translation>近两周没有%1可以报名的场次（已报名的不再列出）。</translation>
    </message>
    <message>
        <source>%1 · %2.</source>
        <translation>%1 · %2。</translation>
    </message>
    <message>
        <source>For: %1.</source>
        <translation>活动对象：%1。</translation>
    </message>
    <message>
        <source>%1: signing up puts them on the waitlist.</source>
        <translation>%1：现在报名将列入候补。</translation>
    </message>
    <message>
        <source>Enter, then choose the accompanying parent.</source>
        <translation>按回车后选择陪同家长。</translation>
    </message>
    <message>
        <source>Enter signs them up.</source>
        <translation>按回车报名。</translation>
    </message>
</context>
<context>
    <name>ReceptionDesk</name>
    <message>
        <source>Find the visitor</source>
        <translation>查找来访者</translation>
    </message>
    <message>
        <source>Last 4 digits of the phone, name, pinyin initials, or scan the member card</source>
        <translation>手机尾号4位、姓名、拼音首字母，或扫会员卡</translation>
    </message>
    <message>
        <source>New visitor (Ctrl+N)</source>
        <translation>新来访者（Ctrl+N）</translation>
    </message>
    <message>
        <source>Register a new visitor</source>
        <translation>登记新来访者</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>找到的居民</translation>
    </message>
    <message>
        <source>Register as a new visitor</source>
        <translation>登记为新来访者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note on the visit (optional)</source>
        <translation>来访备注（可不填）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>签到（回车）</translation>
    </message>
    <message>
        <source>Check the highlighted person in</source>
        <translation>为选中的居民签到</translation>
    </message>
    <message>
        <source>Sign the highlighted person up for an activity</source>
        <translation>为选中的居民报名活动</translation>
    </message>
    <message>
        <source>Check in again</source>
        <translation>再次签到</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Today&apos;s check-ins</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <source>Undo the chosen check-in (F12)</source>
        <translation>撤销所选签到（F12）</translation>
    </message>
    <message>
        <source>Undo the chosen check-in</source>
        <translation>撤销所选签到</translation>
    </message>
    <message>
        <source>Undo it</source>
        <translation>确认撤销</translation>
    </message>
    <message>
        <source>Keep it (Esc)</source>
        <translation>不撤销（Esc）</translation>
    </message>
    <message>
        <source>Visit log %1</source>
        <translation>来访登记 %1</translation>
    </message>
    <message>
        <source>%1 visits checked in today</source>
        <translation>今天已签到 %1 人次</translation>
    </message>
    <message>
        <source>People found (%1)</source>
        <translation>找到的居民（%1）</translation>
    </message>
    <message>
        <source>People found (%1 of %2)</source>
        <translation>找到的居民（%1/共 %2）</translation>
    </message>
    <message>
        <source>People found (%1 of over %2)</source>
        <translation>找到的居民（%1/超过 %2）</translation>
    </message>
    <message>
        <source>Today&apos;s check-ins (%1)</source>
        <translation>今日签到（%1）</translation>
    </message>
    <message>
        <source>Resident requests (%1 open)</source>
        <translation>民生直通车（%1 件未办结）</translation>
    </message>
    <message>
        <source>%1 more not shown. Type more of the name or number to narrow it down.</source>
        <translation>还有 %1 人未显示，请多输入几个字或数字。</translation>
    </message>
    <message>
        <source>More than %1 more not shown. Type more of the name or number to narrow it down.</source>
        <translation>还有超过 %1 人未显示，请多输入几个字或数字。</translation>
    </message>
    <message>
        <source>Find the person first (phone tail, name or pinyin initials), then F11 signs them up for an activity.</source>
        <translation>请先查找居民（手机尾号、姓名或拼音首字母），再按 F11 报名活动。</translation>
    </message>
    <message>
        <source>After registering, the visitor is checked in for “%1”, the pinned purpose (%2-%3 change it for this visitor).</source>
        <translation>登记后按已固定的“%1”签到（按 %2–%3 可只为这位更改）。</translation>
    </message>
    <message>
        <source>After registering, the visitor is checked in for “%1” (%2-%3 change it).</source>
        <translation>登记后随即为来访者签到，事由为“%1”（按 %2–%3 可更换）。</translation>
    </message>
    <message>
        <source>Purpose: %1.</source>
        <translation>来访事由：%1。</translation>
    </message>
    <message>
        <source>Purpose: %1, for the next check-in only. Shift+%2 pins it.</source>
        <translation>来访事由：%1，只用于下一位。按 Shift+%2 固定。</translation>
    </message>
    <message>
        <source>Pinned: every check-in is recorded for %1 until unpinned (Shift+%2).</source>
        <translation>已固定“%1”：每位都按此签到。按 Shift+%2 取消。</translation>
    </message>
    <message>
        <source>Unpinned: after the next check-in the purpose returns to %1.</source>
        <translation>已取消固定：下一位签到后，事由回到“%1”。</translation>
    </message>
    <message>
        <source>Type at least the last 4 digits of the phone number.</source>
        <translation>手机号请至少输入最后 4 位。</translation>
    </message>
    <message>
        <source>Sign up for an activity (F11)</source>
        <translation>报名活动（F11）</translation>
    </message>
    <message>
        <source>Type the last 4 digits of the phone, the name, or its pinyin initials (张三: zs), or scan the member card. Enter checks the highlighted person in. F2-F10 choose the purpose of the next check-in; Shift+F2-F10 pin it for every check-in. F1 opens the guide.</source>
        <translation>输入手机尾号4位、姓名或姓名拼音首字母（张三：zs），或扫描会员卡。按回车为选中的居民签到。按 F2–F10 选择下一位的来访事由；按 Shift+F2–F10 固定事由，之后每位都按此签到。按 F1 打开使用指南。</translation>
    </message>
    <message>
        <source>No member card has the code %1.</source>
        <translation>没有会员号为 %1 的会员卡。</translation>
    </message>
    <message>
        <source>Nobody on file matches “%1”. Press Enter to register a new visitor.</source>
        <translation>没有找到“%1”。按回车登记新来访者。</translation>
    </message>
    <message>
        <source>Not checked in: no member card has the code %1.</source>
        <translation>未签到：没有会员号为 %1 的会员卡。</translation>
    </message>
    <message>
        <source>%1 Tab then Enter checks in again; Esc or typing cancels.</source>
        <translation>%1 按 Tab 再按回车可再次签到；按 Esc 或继续输入则取消。</translation>
    </message>
    <message>
        <source>Not checked in: %1</source>
        <translation>未签到：%1</translation>
    </message>
    <message>
        <source>Checked in: %1 · %2 · %3. F12 undoes it.</source>
        <translation>已签到：%1 · %2 · %3。按 F12 可撤销。</translation>
    </message>
    <message>
        <source>The purpose is back to %1.</source>
        <translation>事由回到“%1”。</translation>
    </message>
    <message>
        <source>Ctrl+R records the request.</source>
        <translation>按 Ctrl+R 记录诉求。</translation>
    </message>
    <message>
        <source>Not checked in again.</source>
        <translation>没有重复签到。</translation>
    </message>
    <message>
        <source>No check-in today can be undone.</source>
        <translation>今天没有可以撤销的签到。</translation>
    </message>
    <message>
        <source>This check-in was undone already.</source>
        <translation>这条签到已经撤销过了。</translation>
    </message>
    <message>
        <source>Undo the check-in of %1 at %2 (%3)?</source>
        <translation>撤销 %1 在 %2 的签到（%3）吗？</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>未撤销：%1</translation>
    </message>
    <message>
        <source>Undone: the check-in of %1 at %2.</source>
        <translation>已撤销：%1 在 %2 的签到。</translation>
    </message>
    <message>
        <source>The check-in stays.</source>
        <translation>签到保留，没有撤销。</translation>
    </message>
    <message>
        <source>%1 is on file already. Enter checks them in.</source>
        <translation>%1 已经登记过了。按回车为其签到。</translation>
    </message>
</context>
<context>
    <name>ReceptionModels</name>
    <message>
        <source>never</source>
        <translation>从未来访</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a day of this year, Qt format</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>a day of another year, Qt format</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Community · building group</source>
        <translation>社区 · 楼组</translation>
    </message>
    <message>
        <source>Member code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次来访</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>已指派：%1</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>【%1】%2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Desk account</source>
        <translation>签到账号</translation>
    </message>
    <message>
        <source>(anonymised)</source>
        <translation>（已匿名）</translation>
    </message>
    <message>
        <source>%1 (undone)</source>
        <translation>%1（已撤销）</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>This check-in was undone.</source>
        <translation>这条签到已撤销。</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>(not registered)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>办理结果</translation>
    </message>
</context>
<context>
    <name>RecurrenceBox</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every week on the days ticked</source>
        <translation>每周（勾选星期几）</translation>
    </message>
    <message>
        <source>Every month on this date</source>
        <translation>每月按日期</translation>
    </message>
    <message>
        <source>Every month on this weekday (e.g. the 2nd Wednesday)</source>
        <translation>每月按第几个星期几（如第2个星期三）</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>到某日</translation>
    </message>
    <message>
        <source>Ends on a day</source>
        <translation>到某日结束</translation>
    </message>
    <message>
        <source>Last day of the series</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>In all</source>
        <translation>共</translation>
    </message>
    <message>
        <source>Ends after a number of times</source>
        <translation>共若干次后结束</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Tick at least one day of the week.</source>
        <translation>请至少勾选一个星期几。</translation>
    </message>
</context>
<context>
    <name>ReportModels</name>
    <message>
        <source>Community /|building group</source>
        <translation>社区/楼组</translation>
    </message>
    <message>
        <source>Visits|counted</source>
        <translation>来访|人次</translation>
    </message>
    <message>
        <source>People|served</source>
        <translation>服务|人数</translation>
    </message>
    <message>
        <source>Signups|counted</source>
        <translation>报名|人次</translation>
    </message>
    <message>
        <source>Attendance|rate</source>
        <translation>出席率</translation>
    </message>
    <message>
        <source>No-show|rate</source>
        <translation>缺席率</translation>
    </message>
    <message>
        <source>Volunteer|hours</source>
        <translation>志愿服务|时长</translation>
    </message>
    <message>
        <source>Resident|population</source>
        <translation>常住|人口</translation>
    </message>
    <message>
        <source>Served|per 1,000</source>
        <translation>每千人|服务人数</translation>
    </message>
    <message>
        <source>Check-ins at reception in the period.</source>
        <translation>统计期内前台的来访登记人次。</translation>
    </message>
    <message>
        <source>Different people who came to a visit or were present at a session in the period, each counted once. Visits older than the retention period no longer name the person: they are not counted here.</source>
        <translation>统计期内来访或到场参加活动的居民人数，每人只计一次。超过数据保存期限的来访已不再关联到具体的人，不计入此数。</translation>
    </message>
    <message>
        <source>Seats signed up for sessions held in the period.</source>
        <translation>统计期内举办的活动的报名人次（应到，不含现场参加）。</translation>
    </message>
    <message>
        <source>Present (walk-ins included), out of those present or marked as not come.</source>
        <translation>实到人次（含现场参加）占实到与未到之和的比例。</translation>
    </message>
    <message>
        <source>Marked as not come, out of those present or marked as not come.</source>
        <translation>未到人次占实到与未到之和的比例。</translation>
    </message>
    <message>
        <source>The community&apos;s residents, as set in Settings.</source>
        <translation>社区常住人口（在“设置”中填写）。</translation>
    </message>
    <message>
        <source>People served for every 1,000 residents of the community.</source>
        <translation>社区每千名常住人口中的服务人数。</translation>
    </message>
    <message>
        <source>Requests|received</source>
        <translation>收到|诉求</translation>
    </message>
    <message>
        <source>Requests|resolved</source>
        <translation>办结|诉求</translation>
    </message>
    <message>
        <source>Still open at|the period&apos;s end</source>
        <translation>期末|未办结</translation>
    </message>
    <message>
        <source>Days to resolve,|on average</source>
        <translation>平均|办结天数</translation>
    </message>
    <message>
        <source>Days to resolve,|median</source>
        <translation>办结天数|中位数</translation>
    </message>
    <message>
        <source>From receiving a request to resolving it, over the requests resolved in the period.</source>
        <translation>从收到诉求到办结所用的天数，按统计期内办结的诉求计算。</translation>
    </message>
    <message>
        <source>Resolved in the period, whenever they were received.</source>
        <translation>统计期内办结的诉求，不论何时收到。</translation>
    </message>
    <message>
        <source>Received by the period&apos;s end and not resolved by then.</source>
        <translation>统计期结束时已收到但尚未办结的诉求。</translation>
    </message>
    <message>
        <source>Category of request</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically|satisfied</source>
        <translation>基本|满意</translation>
    </message>
    <message>
        <source>Not|satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>No answer|recorded</source>
        <translation>未记录|答复</translation>
    </message>
    <message>
        <source>Satisfied or|basically</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Community of the resident</source>
        <translation>居民所在社区</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Satisfied and basically satisfied, out of the answers recorded.</source>
        <translation>满意和基本满意占已记录答复的比例。</translation>
    </message>
    <message>
        <source>All resolved requests</source>
        <translation>全部办结诉求</translation>
    </message>
</context>
<context>
    <name>ReportsDesk</name>
    <message>
        <source>Statistics and reports need a staff account. Please ask the centre&apos;s staff or the administrator to log in (Account → Switch user).</source>
        <translation>统计报表需要工作人员账号。请中心的工作人员或管理员登录后查看（账号 → 切换用户）。</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>choose or type</source>
        <translation>选择或输入</translation>
    </message>
    <message>
        <source>What the resident asks for</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>What the resident asks for or complains about</source>
        <translation>居民反映的诉求或意见</translation>
    </message>
    <message>
        <source>Record the request (Ctrl+Enter)</source>
        <translation>记录诉求（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Record the request</source>
        <translation>记录诉求</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>未办结的诉求</translation>
    </message>
    <message>
        <source>No open requests.</source>
        <translation>没有未办结的诉求。</translation>
    </message>
    <message>
        <source>Hand to</source>
        <translation>指派给</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Hand the request over</source>
        <translation>指派诉求</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>What was done about it</source>
        <translation>办理结果：是怎么解决的</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Resolve the request</source>
        <translation>办结诉求</translation>
    </message>
    <message>
        <source>The resident&apos;s answer, if asked now:</source>
        <translation>如已当场询问，居民的回答：</translation>
    </message>
    <message>
        <source>Waiting for the follow-up call</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Every resolved request has its answer.</source>
        <translation>已办结的诉求都已回访。</translation>
    </message>
    <message>
        <source>Record the answer…</source>
        <translation>记录回访…</translation>
    </message>
    <message>
        <source>Record the answer to the follow-up call</source>
        <translation>记录回访结果</translation>
    </message>
    <message>
        <source>Council meeting</source>
        <translation>议事会议</translation>
    </message>
    <message>
        <source>Put on a meeting&apos;s agenda</source>
        <translation>提交议事</translation>
    </message>
    <message>
        <source>Put the request on the meeting&apos;s agenda</source>
        <translation>把诉求提交到所选会议的议程</translation>
    </message>
    <message>
        <source>Record a request</source>
        <translation>记录民生直通车诉求</translation>
    </message>
    <message>
        <source>Resident: not chosen (search for them first, or record it without)</source>
        <translation>居民：未选（可先查找居民，也可以不关联居民直接记录）</translation>
    </message>
    <message>
        <source>Resident: %1</source>
        <translation>居民：%1</translation>
    </message>
    <message>
        <source>No council meeting is coming up</source>
        <translation>近期没有议事会议</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未记录：%1</translation>
    </message>
    <message>
        <source>a resident not on file</source>
        <translation>未登记的居民</translation>
    </message>
    <message>
        <source>Recorded the request of %1 (%2).</source>
        <translation>已记录 %1 的诉求（%2）。</translation>
    </message>
    <message>
        <source>Choose a request in the list first.</source>
        <translation>请先在列表中选中一条诉求。</translation>
    </message>
    <message>
        <source>Choose whom to hand it to.</source>
        <translation>请选择指派给谁。</translation>
    </message>
    <message>
        <source>Not handed over: %1</source>
        <translation>未指派：%1</translation>
    </message>
    <message>
        <source>Handed the request of %1 to %2.</source>
        <translation>已将 %1 的诉求指派给 %2。</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>未办结：%1</translation>
    </message>
    <message>
        <source>Resolved the request of %1.</source>
        <translation>%1 的诉求已办结。</translation>
    </message>
    <message>
        <source>Resolved the request of %1; their answer: %2.</source>
        <translation>已办结%1的诉求，回访结果：%2。</translation>
    </message>
    <message>
        <source>There is no council meeting to put it on.</source>
        <translation>近期没有可以提交的议事会议。</translation>
    </message>
    <message>
        <source>Not put on the agenda: %1</source>
        <translation>未能提交议事：%1</translation>
    </message>
    <message>
        <source>Put on the agenda of %1 as item %2.</source>
        <translation>已提交到“%1”的议程，列为第 %2 项议题。</translation>
    </message>
    <message>
        <source>Recorded the answer of %1: %2.</source>
        <translation>已记录%1的回访结果：%2。</translation>
    </message>
    <message>
        <source>%1, %2: %3 (recorded by %4; %5)</source>
        <translation>%1，%2：%3（%4 登记；%5）</translation>
    </message>
</context>
<context>
    <name>RestoreOffer</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>The database file %1 is damaged and can&apos;t be opened. The newest backup was made on %2 and holds: %3.</source>
        <translation>数据库文件 %1 已损坏，无法打开。最新的备份制作于 %2，其中有：%3。</translation>
    </message>
    <message>
        <source>Restore this backup? What was entered after it is lost. The damaged file is kept beside it under another name, for an expert to look at.</source>
        <translation>要恢复这份备份吗？备份之后录入的内容会丢失。损坏的文件改名后保留在旁边，供技术人员查看。</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>恢复这份备份(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>Keep the data between %1 and %2 months.</source>
        <translation>保存期限须在 %1 到 %2 个月之间。</translation>
    </message>
    <message>
        <source>Anonymising old visits and requests</source>
        <translation>正在匿名化过期的来访登记和诉求</translation>
    </message>
    <message>
        <source>Removing people</source>
        <translation>正在移除居民</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Name (masked)</source>
        <translation>姓名（已隐去）</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最后往来</translation>
    </message>
    <message>
        <source>Records held</source>
        <translation>在档记录</translation>
    </message>
    <message>
        <source>Personal data is kept no longer than needed. Visits and finished 民生直通车 requests older than this period no longer name the person: the visit keeps its day, purpose and community, the request what was asked and done (phone and ID numbers and the name masked), so the statistics stay the same. Open requests are kept as they are. This runs by itself once a day when the program starts.</source>
        <translation>个人信息只保存必要的时间。超过保存期限的来访登记和已办结的民生直通车诉求将不再关联到具体的人：来访登记保留日期、事由和所属社区，诉求保留反映的内容和办理结果（其中的电话、身份证号和本人姓名会隐去），因此统计数字保持不变。尚未办结的诉求保持原样。程序每天启动时会自动执行一次。</translation>
    </message>
    <message>
        <source>&amp;Keep for:</source>
        <translation>保存期限(&amp;K)：</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>&amp;Save period</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>立即执行(&amp;R)</translation>
    </message>
    <message>
        <source>Anonymise them now? This cannot be undone (a backup can bring them back).</source>
        <translation>现在就匿名化这些记录吗？此操作无法撤销（可从备份中恢复）。</translation>
    </message>
    <message>
        <source>&amp;Anonymise now</source>
        <translation>确定匿名化(&amp;A)</translation>
    </message>
    <message>
        <source>People with no activity for the period</source>
        <translation>保存期限内没有往来的居民</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove the selected people</source>
        <translation>移除选中的居民(&amp;R)</translation>
    </message>
    <message>
        <source>Remove %1 people? Their contact details, ID numbers and notes are deleted; their old visits and requests are anonymised. This cannot be undone.</source>
        <translation>确定移除这 %1 位居民吗？其联系方式、身份证号和备注将被删除，以往的来访登记和诉求将被匿名化。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>确定移除(&amp;M)</translation>
    </message>
    <message>
        <source>Data retention</source>
        <translation>数据保存期限</translation>
    </message>
    <message>
        <source>No visit, signup, volunteer hours, certificate, request, booking or change of their record in the period. Check with the community before removing. Someone whose record others still need (signups, hours, certificates) is kept without any contact details; a certificate keeps the name printed on it.</source>
        <translation>在保存期限内没有来访、报名、志愿服务时长、证书、诉求、预约，档案也未修改过。移除前请先与社区核实。如果其档案仍被其他记录引用（报名、服务时长、证书），会保留档案但删除全部联系方式；证书上印有的姓名予以保留。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Now: %1 visits and %2 finished requests from before %3 would be anonymised.</source>
        <translation>现在执行将匿名化 %3 之前的 %1 条来访登记和 %2 条已办结的诉求。</translation>
    </message>
    <message>
        <source>%1 older requests are still open and are kept as they are.</source>
        <translation>另有 %1 条较早的诉求尚未办结，将保持原样。</translation>
    </message>
    <message>
        <source>%1 people have had no activity since %2 (listed below).</source>
        <translation>有 %1 位居民自 %2 以来没有任何往来（见下方名单）。</translation>
    </message>
    <message>
        <source>Saved: kept for %1 months.</source>
        <translation>已保存：保存 %1 个月。</translation>
    </message>
    <message>
        <source>Anonymising</source>
        <translation>正在匿名化</translation>
    </message>
    <message>
        <source>Stopped: %1 visits and %2 requests anonymised; the rest next time.</source>
        <translation>已停止：已匿名化 %1 条来访登记和 %2 条诉求，其余下次再处理。</translation>
    </message>
    <message>
        <source>Done: %1 visits and %2 requests anonymised.</source>
        <translation>完成：已匿名化 %1 条来访登记和 %2 条诉求。</translation>
    </message>
    <message>
        <source>Select the people to remove in the list first.</source>
        <translation>请先在名单中选择要移除的居民。</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>正在移除</translation>
    </message>
    <message>
        <source>Removed %1 people.</source>
        <translation>已移除 %1 位居民。</translation>
    </message>
    <message>
        <source>%1 came back meanwhile and were kept.</source>
        <translation>其中 %1 位期间又有往来，已保留。</translation>
    </message>
</context>
<context>
    <name>RoomModels</name>
    <message>
        <source>%1 (%2) booked %3</source>
        <translation>%1（%2）已预约 %3</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What is in the way</source>
        <translation>冲突原因</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Booked by %1</source>
        <translation>预约人：%1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>预约人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Expected attendees</source>
        <translation>预计人数</translation>
    </message>
    <message>
        <source>Room capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
</context>
<context>
    <name>RoomNames</name>
    <message>
        <source>Only this one</source>
        <translation>仅此一次</translation>
    </message>
    <message>
        <source>This one and the following</source>
        <translation>此次及以后</translation>
    </message>
    <message>
        <source>All of the series</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>RoomTableModel</name>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Out of use</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Can be booked</source>
        <translation>可预约</translation>
    </message>
    <message>
        <source>Not bookable</source>
        <translation>不可预约</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <source>Working day in exchange (%1)</source>
        <translation>调休上班（%1）</translation>
    </message>
    <message>
        <source>The centre is closed</source>
        <translation>中心闭馆</translation>
    </message>
    <message>
        <source>%1 is a closed day (%2).</source>
        <translation>%1 是闭馆日（%2）。</translation>
    </message>
    <message>
        <source>The room is not open on %1.</source>
        <translation>该活动室 %1 不开放。</translation>
    </message>
    <message>
        <source>The room is open %1–%2 that day.</source>
        <translation>该活动室当天开放时间为 %1–%2。</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>最后一天早于第一天。</translation>
    </message>
    <message>
        <source>A print-out covers at most %1 days.</source>
        <translation>一份打印件最多包含 %1 天。</translation>
    </message>
    <message>
        <source>This room is no longer on file.</source>
        <translation>这间活动室已不在档案中。</translation>
    </message>
    <message>
        <source>Exported %1 bookings to %2. Phone numbers are masked.</source>
        <translation>已将 %1 个预约导出到 %2，电话号码已隐藏中间几位。</translation>
    </message>
    <message>
        <source>There is no room “%1”: no rooms are set up yet.</source>
        <translation>没有名为“%1”的活动室：还没有设置任何活动室。</translation>
    </message>
    <message>
        <source>There is no room “%1”. The rooms are: %2.</source>
        <translation>没有名为“%1”的活动室。现有活动室：%2。</translation>
    </message>
    <message>
        <source>A repeating booking ends on the day it starts.</source>
        <translation>周期预约须在开始当天结束。</translation>
    </message>
    <message>
        <source>Every occurrence is skipped: nothing is left to book.</source>
        <translation>所有场次都已跳过，没有可预约的场次。</translation>
    </message>
    <message>
        <source>Skipped when the series was booked.</source>
        <translation>预约周期时跳过此场次。</translation>
    </message>
    <message>
        <source>This booking doesn&apos;t exist (any more).</source>
        <translation>此预约不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>The number of people expected can&apos;t be negative.</source>
        <translation>预计人数不能为负数。</translation>
    </message>
    <message>
        <source>This booking is not waiting for approval any more.</source>
        <translation>此预约已不在待审批状态。</translation>
    </message>
    <message>
        <source>Please say why the request is turned down.</source>
        <translation>请填写不批准的原因。</translation>
    </message>
    <message>
        <source>Please give the booking a title.</source>
        <translation>请填写预约主题。</translation>
    </message>
    <message>
        <source>The title may be at most %1 characters.</source>
        <translation>主题最多 %1 个字。</translation>
    </message>
    <message>
        <source>Only an admin may book a closed day or outside opening hours. Leave the reason empty, or ask an admin.</source>
        <translation>只有管理员可以在闭馆日或开放时间以外预约。请清空例外原因，或请管理员办理。</translation>
    </message>
    <message>
        <source>This room doesn&apos;t exist (any more). Choose another.</source>
        <translation>此活动室不存在（可能已被删除），请另选一间。</translation>
    </message>
    <message>
        <source>%1 is no longer in use.</source>
        <translation>%1 已停用。</translation>
    </message>
    <message>
        <source>%1 can&apos;t be booked.</source>
        <translation>%1 不可预约。</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>The booking has no length: it ends when it starts.</source>
        <translation>结束时间与开始时间相同，预约时长为零。</translation>
    </message>
    <message>
        <source>%1 is in the past. Confirm to book it anyway.</source>
        <translation>%1 已经过去。如仍要预约，请确认。</translation>
    </message>
    <message>
        <source>%1 people are expected, but %2 holds %3.</source>
        <translation>预计 %1 人，但 %2 只能容纳 %3 人。</translation>
    </message>
    <message>
        <source>This organisation doesn&apos;t exist (any more).</source>
        <translation>此社会组织不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>This person doesn&apos;t exist (any more).</source>
        <translation>此居民不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>This account doesn&apos;t exist (any more).</source>
        <translation>此账号不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>Choose the organisation that books the room.</source>
        <translation>请选择预约的社会组织。</translation>
    </message>
    <message>
        <source>Choose the resident who books the room.</source>
        <translation>请选择预约的居民。</translation>
    </message>
    <message>
        <source>To book it anyway, give a reason for the exception.</source>
        <translation>如仍要预约，请填写例外原因。</translation>
    </message>
    <message>
        <source>Only an admin may book it anyway, with a reason.</source>
        <translation>只有管理员可以填写原因后仍然预约。</translation>
    </message>
    <message>
        <source>%1 of the occurrences can&apos;t be booked, the first on %2: %3</source>
        <translation>有 %1 个场次无法预约，第一个在 %2：%3</translation>
    </message>
    <message>
        <source>Only staff may change a booking; your own requests you may change until they are decided.</source>
        <translation>只有工作人员可以修改预约；您自己提交的申请在审批前可以修改。</translation>
    </message>
    <message>
        <source>This booking was cancelled or turned down; book the room anew.</source>
        <translation>此预约已取消或未获批准，请重新预约。</translation>
    </message>
    <message>
        <source>“%1” (%2), %3</source>
        <translation>“%1”（%2），%3</translation>
    </message>
    <message>
        <source>Another desk has just booked this room at that time. Look at the calendar again.</source>
        <translation>另一台前台刚刚预约了这个时段的活动室，请重新查看日历。</translation>
    </message>
    <message>
        <source>The room is already booked at that time: %1.</source>
        <translation>该时段活动室已被预约：%1。</translation>
    </message>
    <message>
        <source>%1 of the occurrences clash with other bookings:</source>
        <translation>有 %1 个场次与其他预约冲突：</translation>
    </message>
    <message>
        <source>No longer a day of the series.</source>
        <translation>已不在周期预约的日期之内。</translation>
    </message>
    <message>
        <source>This occurrence has begun or is over: change it on its own, or choose a later one.</source>
        <translation>此场次已开始或已结束：请只修改这一场，或选择以后的场次。</translation>
    </message>
    <message>
        <source>These occurrences are over; past occurrences are not changed.</source>
        <translation>这些场次都已结束；已过去的场次不会被修改。</translation>
    </message>
    <message>
        <source>Repeat every 1 to 99 days, weeks or months.</source>
        <translation>重复间隔须为 1 到 99 天、周或月。</translation>
    </message>
    <message>
        <source>Choose weekdays Monday–Sunday.</source>
        <translation>请选择周一到周日中的日子。</translation>
    </message>
    <message>
        <source>Choose the first to fourth or the last weekday.</source>
        <translation>请选择第一到第四个或最后一个星期几。</translation>
    </message>
    <message>
        <source>Say when the series ends: on a date, or after a number of times.</source>
        <translation>请设定周期的结束：到某一日期为止，或共若干次。</translation>
    </message>
    <message>
        <source>A series takes place at least once.</source>
        <translation>周期预约至少要有一次。</translation>
    </message>
    <message>
        <source>The series ends before its first day.</source>
        <translation>结束日期早于周期的第一天。</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every %1 days</source>
        <translation>每 %1 天</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Every week on %1</source>
        <translation>每%1</translation>
    </message>
    <message>
        <source>Every %1 weeks on %2</source>
        <translation>每 %1 周的%2</translation>
    </message>
    <message>
        <source>Every month on day %1</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <source>Every %1 months on day %2</source>
        <translation>每 %1 个月的 %2 日</translation>
    </message>
    <message>
        <source>Every month on %1</source>
        <translation>每月%1</translation>
    </message>
    <message>
        <source>Every %1 months on %2</source>
        <translation>每 %1 个月的%2</translation>
    </message>
    <message>
        <source>, until %1</source>
        <translation>，至 %1</translation>
    </message>
    <message>
        <source>, %1 times</source>
        <translation>，共 %1 次</translation>
    </message>
    <message>
        <source>This repeat rule gives no day at all: check the weekdays and the end.</source>
        <translation>按此重复规则没有任何日期：请检查星期几和结束设置。</translation>
    </message>
    <message>
        <source>A series may have at most %1 occurrences.</source>
        <translation>一个周期预约最多 %1 个场次。</translation>
    </message>
    <message>
        <source>A series may run at most %1 years, until %2.</source>
        <translation>周期预约最长 %1 年，最晚到 %2。</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>the first %1</source>
        <translation>第一个%1</translation>
    </message>
    <message>
        <source>the second %1</source>
        <translation>第二个%1</translation>
    </message>
    <message>
        <source>the third %1</source>
        <translation>第三个%1</translation>
    </message>
    <message>
        <source>the fourth %1</source>
        <translation>第四个%1</translation>
    </message>
    <message>
        <source>the last %1</source>
        <translation>最后一个%1</translation>
    </message>
    <message>
        <source>The room is no longer in use.</source>
        <translation>该活动室已停用。</translation>
    </message>
    <message>
        <source>%1 is a closed day.</source>
        <translation>%1 是闭馆日。</translation>
    </message>
</context>
<context>
    <name>RoomsAgenda</name>
    <message>
        <source>Request resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Request still open</source>
        <translation>继续跟进</translation>
    </message>
    <message>
        <source>Not yet decided</source>
        <translation>尚未议定</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>【%1】%2</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>议事结果</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
</context>
<context>
    <name>RoomsCalendar</name>
    <message>
        <source>Closed</source>
        <translation>闭馆</translation>
    </message>
    <message>
        <source>Room not open this day</source>
        <translation>本室当天不开放</translation>
    </message>
    <message>
        <source>Not open</source>
        <translation>不开放</translation>
    </message>
    <message>
        <source>The room is open %1–%2 that day.</source>
        <translation>该活动室当天开放时间为 %1–%2。</translation>
    </message>
    <message>
        <source>Taken by %1 (%2).</source>
        <translation>已被“%1”（%2）占用。</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2月%3日</translation>
    </message>
    <message>
        <source>%1/%2/%3 %4</source>
        <translation>%1年%2月%3日 %4</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法安排</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Seats %1</source>
        <translation>容纳%1人</translation>
    </message>
    <message>
        <source>Bookings can&apos;t be moved from this account.</source>
        <translation>当前账号不能调整预约。</translation>
    </message>
    <message>
        <source>That is outside the hours shown.</source>
        <translation>超出了显示的时间范围。</translation>
    </message>
</context>
<context>
    <name>RoomsChart</name>
    <message>
        <source>Rooms booked this week</source>
        <translation>本周活动室使用率</translation>
    </message>
    <message>
        <source>%1% (%2 of %3 h)</source>
        <translation>%1%（%3 小时中已约 %2 小时）</translation>
    </message>
    <message>
        <source>not open this week</source>
        <translation>本周不开放</translation>
    </message>
    <message>
        <source>%1: %2 of %3 open hours booked (%4%)</source>
        <translation>%1：开放 %3 小时，已预约 %2 小时（%4%）</translation>
    </message>
    <message>
        <source>%1: not open this week</source>
        <translation>%1：本周不开放</translation>
    </message>
    <message>
        <source>This week: %1 of %2 open hours booked in all rooms.</source>
        <translation>本周各活动室共开放 %2 小时，已预约 %1 小时。</translation>
    </message>
</context>
<context>
    <name>RoomsDesk</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Date shown</source>
        <translation>显示日期</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日视图(&amp;D)</translation>
    </message>
    <message>
        <source>Day view</source>
        <translation>日视图</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>周视图(&amp;W)</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>Rooms shown</source>
        <translation>显示的活动室</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>全部活动室</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <source>Find a free room</source>
        <translation>查找空闲活动室</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Door sheets of the day (a page a room)</source>
        <translation>当天门贴（每间活动室一页）</translation>
    </message>
    <message>
        <source>All rooms of the day in one table</source>
        <translation>当天全部活动室总表</translation>
    </message>
    <message>
        <source>The week&apos;s overview</source>
        <translation>本周总览</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>导出日历(.ics)…</translation>
    </message>
    <message>
        <source>Printing is not installed in this version.</source>
        <translation>这个版本没有安装打印功能。</translation>
    </message>
    <message>
        <source>Staff export the rooms&apos; calendar.</source>
        <translation>日历由工作人员导出。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Room bookings %1</source>
        <translation>活动室预约 %1</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>◀ Previous day</source>
        <translation>◀ 上一天</translation>
    </message>
    <message>
        <source>Next day ▶</source>
        <translation>下一天 ▶</translation>
    </message>
    <message>
        <source>Awaiting approval (%1)</source>
        <translation>待审批（%1）</translation>
    </message>
    <message>
        <source>Week %1 – %2</source>
        <translation>%1 – %2 这一周</translation>
    </message>
    <message>
        <source>The booking was not moved: %1</source>
        <translation>预约没有移动：%1</translation>
    </message>
    <message>
        <source>Moved: %1 to %2, %3.</source>
        <translation>已移动：%1 → %2，%3。</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>没有取消：%1</translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>已取消：%1。</translation>
    </message>
    <message>
        <source>Move %1 to %2, %3? It is one of a series: choose which to move.</source>
        <translation>把 %1 移到 %2，%3？这是周期预约中的一次，请选择移动哪些。</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Cancel %1?</source>
        <translation>取消 %1？</translation>
    </message>
    <message>
        <source>Cancel the booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有改动。</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>青色</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>棕色</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>Desk&apos;s own</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Closed every day</source>
        <translation>每天都不开放</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Not open</source>
        <translation>不开放</translation>
    </message>
    <message>
        <source>%1 not open</source>
        <translation>%1不开放</translation>
    </message>
    <message>
        <source>%1 opens at</source>
        <translation>%1开门时间</translation>
    </message>
    <message>
        <source>%1 closes at</source>
        <translation>%1关门时间</translation>
    </message>
    <message>
        <source>&amp;Change room…</source>
        <translation>修改活动室(&amp;C)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Rooms and opening hours</source>
        <translation>活动室与开放时间</translation>
    </message>
    <message>
        <source>The rooms as the calendar shows them, in this order. A room no longer used is taken out of use; its bookings stay.</source>
        <translation>日历按此顺序显示各活动室。不再使用的活动室设为停用，其已有预约保留。</translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation>新建活动室(&amp;N)…</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>e.g. 书画室</source>
        <translation>例如：书画室</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>e.g. 2nd floor, east side</source>
        <translation>例如：二楼东侧</translation>
    </message>
    <message>
        <source>e.g. 投影、音响、钢琴</source>
        <translation>例如：投影、音响、钢琴</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Seats:</source>
        <translation>容纳人数(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>位置(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Facilities:</source>
        <translation>设施(&amp;F)：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>颜色：%1</translation>
    </message>
    <message>
        <source>Can be &amp;booked</source>
        <translation>可预约(&amp;B)</translation>
    </message>
    <message>
        <source>In &amp;use</source>
        <translation>使用中(&amp;U)</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Same hours as &amp;Monday every open day</source>
        <translation>开放日都按星期一的时间(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save room</source>
        <translation>保存活动室(&amp;S)</translation>
    </message>
    <message>
        <source>First choose a room in the list.</source>
        <translation>请先在列表中选择一个活动室。</translation>
    </message>
    <message>
        <source>First enter Monday&apos;s hours.</source>
        <translation>请先填写星期一的开放时间。</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>新建活动室</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>活动室：%1</translation>
    </message>
    <message>
        <source>Room “%1” saved.</source>
        <translation>活动室“%1”已保存。</translation>
    </message>
    <message>
        <source>%1 bookings to come are in a room now out of use:</source>
        <translation>%1 个待使用的预约在已停用的活动室里：</translation>
    </message>
    <message>
        <source>%1 bookings to come fall outside the new opening hours:</source>
        <translation>%1 个待使用的预约落在新的开放时间以外：</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未能移动：%1</translation>
    </message>
    <message>
        <source>“%1” is now in place %2 on the calendar.</source>
        <translation>“%1”现在排在日历第 %2 列。</translation>
    </message>
</context>
<context>
    <name>RoomsPrinting</name>
    <message>
        <source>rooms on %1</source>
        <translation>%1 活动室一览</translation>
    </message>
    <message>
        <source>Rooms %1.pdf</source>
        <translation>活动室一览 %1.pdf</translation>
    </message>
    <message>
        <source>door sheets of %1</source>
        <translation>%1 门牌日程</translation>
    </message>
    <message>
        <source>Door sheets %1.pdf</source>
        <translation>门牌日程 %1.pdf</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>%1 起的一周</translation>
    </message>
    <message>
        <source>Rooms week %1.pdf</source>
        <translation>活动室周览 %1.pdf</translation>
    </message>
    <message>
        <source>Export the bookings as a calendar</source>
        <translation>将预约导出为日历文件</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>%1 bookings</source>
        <translation>%1预约</translation>
    </message>
    <message>
        <source>Room bookings</source>
        <translation>活动室预约</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth year or date</source>
        <translation>出生年份或日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The file %1 was not found.</source>
        <translation>找不到文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 can&apos;t be opened: %2</source>
        <translation>无法打开文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>文件 %1 是空的。</translation>
    </message>
    <message>
        <source>The file %1 can&apos;t be read as an Excel workbook (.xlsx); it may be damaged or of another kind. Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>无法把文件 %1 作为 Excel 工作簿（.xlsx）读取，它可能已损坏或不是这种文件。请用 Excel 或 WPS 打开，再另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The file %1 is protected with a password, so it can&apos;t be read. Open it in Excel or WPS, remove the password (or save a copy without one) and choose that copy.</source>
        <translation>文件 %1 设有密码保护，无法读取。请用 Excel 或 WPS 打开，取消密码（或另存一份不带密码的副本），再选择那份文件。</translation>
    </message>
    <message>
        <source>The file %1 is an old Excel workbook (.xls). Open it in Excel or WPS and save it as .xlsx first.</source>
        <translation>文件 %1 是旧版 Excel 工作簿（.xls）。请先用 Excel 或 WPS 打开，另存为 .xlsx。</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>The sheet has more than %1 rows of people. Split it into smaller files.</source>
        <translation>工作表中的居民超过 %1 行。请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>The sheet “%1” has a header row but no rows of people under it.</source>
        <translation>工作表“%1”有表头，但下面没有居民数据。</translation>
    </message>
    <message>
        <source>The file %1 is empty: no cell is filled in.</source>
        <translation>文件 %1 是空的：没有填写任何单元格。</translation>
    </message>
    <message>
        <source>No column of names was found in the first %1 rows of %2. The header row needs a column titled 姓名 (name).</source>
        <translation>在 %2 的前 %1 行中没有找到姓名列。表头行需要有一列名为“姓名”。</translation>
    </message>
    <message>
        <source>The sheet has no column %1.</source>
        <translation>工作表中没有第 %1 列。</translation>
    </message>
    <message>
        <source>Column %1 is chosen for both “%2” and “%3”.</source>
        <translation>第 %1 列同时被选作“%2”和“%3”。</translation>
    </message>
    <message>
        <source>Choose the column that holds the names.</source>
        <translation>请选择姓名所在的列。</translation>
    </message>
    <message>
        <source>The gender “%1” contradicts the ID number, whose 17th digit says %2.</source>
        <translation>性别“%1”与身份证号不符：按身份证号第17位应为“%2”。</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Enter the year of birth (1956) or the date of birth (1956-03-05).</source>
        <translation>请填写出生年份（如 1956）或出生日期（如 1956-03-05）。</translation>
    </message>
    <message>
        <source>The date of birth %1 does not exist.</source>
        <translation>出生日期 %1 不存在。</translation>
    </message>
    <message>
        <source>The date of birth %1 lies in the future.</source>
        <translation>出生日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>This phone number is masked (%1). Export the register with full values to import it again.</source>
        <translation>这个电话号码已脱敏（%1）。要重新导入，请导出含完整号码的居民档案。</translation>
    </message>
    <message>
        <source>This ID number is masked (%1). Export the register with full values to import it again.</source>
        <translation>这个身份证号已脱敏（%1）。要重新导入，请导出含完整号码的居民档案。</translation>
    </message>
    <message>
        <source>Excel stored this ID number as a number and lost its last digits. Format the column as text and type the ID numbers again.</source>
        <translation>Excel 把这个身份证号存成了数字，末尾几位已经丢失。请把这一列设为“文本”格式，再重新输入身份证号。</translation>
    </message>
    <message>
        <source>The building group “%1” is no longer in use.</source>
        <translation>楼组“%1”已停用。</translation>
    </message>
    <message>
        <source>There is no building group “%1” in %2.</source>
        <translation>%2没有名为“%1”的楼组。</translation>
    </message>
    <message>
        <source>Several communities have a building group “%1”. Add a community column.</source>
        <translation>好几个社区都有名为“%1”的楼组。请加上社区列。</translation>
    </message>
    <message>
        <source>There is no building group “%1”.</source>
        <translation>没有名为“%1”的楼组。</translation>
    </message>
    <message>
        <source>There is no community “%1”. Add it in Settings, or correct the cell.</source>
        <translation>没有名为“%1”的社区。请在“设置”中添加，或更正这一格。</translation>
    </message>
    <message>
        <source>The community “%1” is no longer in use.</source>
        <translation>社区“%1”已停用。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Row %1 has the same ID number with another name (%2).</source>
        <translation>第 %1 行的身份证号与本行相同，姓名却不同（%2）。</translation>
    </message>
    <message>
        <source>The same person as row %1; left out.</source>
        <translation>与第 %1 行是同一人，不再重复导入。</translation>
    </message>
    <message>
        <source>This ID number is on file for %1, a different name. Correct the row or the record on file.</source>
        <translation>档案中这个身份证号属于 %1，姓名不同。请更正这一行或档案中的记录。</translation>
    </message>
    <message>
        <source>Shares the phone number with %1 on file; registered as another person.</source>
        <translation>与档案中的 %1 共用电话号码，作为另一人登记。</translation>
    </message>
    <message>
        <source>The ID number gives the birth year %1, but %2 on file was born in %3.</source>
        <translation>身份证号显示出生年份为 %1，而档案中的 %2 出生于 %3 年。</translation>
    </message>
    <message>
        <source>The same person as %1 on file; nothing new to add.</source>
        <translation>与档案中的 %1 是同一人，没有需要补充的内容。</translation>
    </message>
    <message>
        <source>The same person as %1 on file; fills in what is empty there: %2.</source>
        <translation>与档案中的 %1 是同一人，补充档案中空缺的：%2。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Writing the rows</source>
        <translation>正在写入各行</translation>
    </message>
    <message>
        <source>the database could not be written.</source>
        <translation>无法写入数据库。</translation>
    </message>
    <message>
        <source>Row %1 changed on file while importing: %2</source>
        <translation>导入期间第 %1 行对应的档案有了变化：%2</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 of %2 rows have errors, and the import was to be all or nothing.</source>
        <translation>没有导入任何内容：%2 行中有 %1 行有错误，而本次导入要求全部无误才导入。</translation>
    </message>
    <message>
        <source>Nothing new to import: the people of the %1 valid rows are on file already, with nothing to add.</source>
        <translation>没有需要导入的新内容：无误的 %1 行中的居民都已在档案中，也没有需要补充的内容。</translation>
    </message>
    <message>
        <source>Nothing was imported: no row can be imported.</source>
        <translation>没有导入任何内容：没有可导入的行。</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 already on file (%3 of them completed).</source>
        <translation>已导入：新居民 %1 位，已在档案中 %2 位（其中 %3 位补充了信息）。</translation>
    </message>
    <message>
        <source>The import was stopped at your request after %1 of %2 rows.</source>
        <translation>已按您的要求停止导入：%2 行中已写入 %1 行。</translation>
    </message>
    <message>
        <source>The import stopped after %1 of %2 rows: %3</source>
        <translation>导入中途停止：%2 行中已写入 %1 行。原因：%3</translation>
    </message>
    <message>
        <source>Written: %1 new people (member codes %2) and %3 people on file completed, up to row %4 of the sheet; the rows after it were not imported.</source>
        <translation>已写入：新居民 %1 位（会员编号 %2），补充了档案中 %3 位居民的信息，截至表格第 %4 行；之后的行没有导入。</translation>
    </message>
    <message>
        <source>Written: %3 people on file completed, up to row %4 of the sheet; the rows after it were not imported.</source>
        <translation>已写入：补充了档案中 %3 位居民的信息，截至表格第 %4 行；之后的行没有导入。</translation>
    </message>
    <message>
        <source>To finish, import the same file again: the people already written are recognised by ID number, or by phone and name, and not registered twice.</source>
        <translation>要完成导入，请再导入一次同一个文件：已写入的居民会按身份证号或“电话加姓名”认出来，不会重复登记。</translation>
    </message>
    <message>
        <source>%1 genders that contradicted the ID number were taken from the ID number.</source>
        <translation>有 %1 人的性别与身份证号不符，已按身份证号确定。</translation>
    </message>
    <message>
        <source>%1 genders that contradicted the ID number were kept as the roster gives.</source>
        <translation>有 %1 人的性别与身份证号不符，已保留花名册中填写的性别。</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 already on file, %4 repeated in the file, %5 with errors.</source>
        <translation>共 %1 行：新居民 %2 位，已在档案中 %3 位，文件中重复 %4 行，有错误 %5 行。</translation>
    </message>
    <message>
        <source>%1 repeated rows left out.</source>
        <translation>重复的 %1 行未导入。</translation>
    </message>
    <message>
        <source>%1 rows with errors left out.</source>
        <translation>有错误的 %1 行未导入。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>… and %1 more lines.</source>
        <translation>……另有 %1 条。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The report %1 can&apos;t be written: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>%1 rows give a gender that contradicts their ID number (a warning).</source>
        <translation>有 %1 行填写的性别与身份证号不符（警告）。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>已在档案中</translation>
    </message>
    <message>
        <source>Repeated</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>RosterReportModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Rota</name>
    <message>
        <source>This community no longer exists.</source>
        <translation>这个社区已不存在。</translation>
    </message>
    <message>
        <source>Give the duty a name.</source>
        <translation>请填写值班内容。</translation>
    </message>
    <message>
        <source>A duty&apos;s name has at most %1 characters.</source>
        <translation>值班内容最多 %1 个字。</translation>
    </message>
    <message>
        <source>Choose a day of the week.</source>
        <translation>请选择星期几。</translation>
    </message>
    <message>
        <source>The duty must end after it starts.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>A place has at most %1 characters.</source>
        <translation>地点最多 %1 个字。</translation>
    </message>
    <message>
        <source>This building group no longer exists.</source>
        <translation>这个楼组已不存在。</translation>
    </message>
    <message>
        <source>%1&apos;s volunteer profile is inactive.</source>
        <translation>%1 的志愿者档案已停用。</translation>
    </message>
    <message>
        <source>%1 is on this duty already.</source>
        <translation>%1 已在这项值班里。</translation>
    </message>
    <message>
        <source>%1 is not registered as an in-service party member (双报到).</source>
        <translation>注意：%1 不是在职党员（双报到）。</translation>
    </message>
    <message>
        <source>This volunteer is not on this duty.</source>
        <translation>这位志愿者不在这项值班里。</translation>
    </message>
    <message>
        <source>The assignment can&apos;t end before it began.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>A turn in the future can&apos;t be marked yet.</source>
        <translation>还没到的值班不能登记。</translation>
    </message>
    <message>
        <source>This duty has no turn on that day.</source>
        <translation>这项值班那天不排班。</translation>
    </message>
    <message>
        <source>Turns older than %1 days are marked by staff (it makes up hours).</source>
        <translation>超过 %1 天的值班由工作人员登记（属于补录时长）。</translation>
    </message>
    <message>
        <source>%1 was not on this duty on that day.</source>
        <translation>%1 那天不在这项值班里。</translation>
    </message>
    <message>
        <source>Count at least one week.</source>
        <translation>至少按一周计算。</translation>
    </message>
    <message>
        <source>This duty no longer exists.</source>
        <translation>这项值班已不存在。</translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation>此人已不存在。</translation>
    </message>
    <message>
        <source>%1 has no volunteer profile yet: add one first.</source>
        <translation>%1 还没有志愿者档案：请先建立档案。</translation>
    </message>
</context>
<context>
    <name>RotaPage</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Print the rota…</source>
        <translation>打印值班表…</translation>
    </message>
    <message>
        <source>The month of the week shown, with boxes to tick</source>
        <translation>打印所显示这一周所在月份的值班表，带打勾的方格</translation>
    </message>
    <message>
        <source>This week&apos;s turns</source>
        <translation>本周值班</translation>
    </message>
    <message>
        <source>No duty turns this week.</source>
        <translation>本周没有值班安排。</translation>
    </message>
    <message>
        <source>Came (Space)</source>
        <translation>已到（空格）</translation>
    </message>
    <message>
        <source>Mark the turn done</source>
        <translation>登记为已到</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Mark the turn missed</source>
        <translation>登记为未到</translation>
    </message>
    <message>
        <source>Note on the turn</source>
        <translation>值班备注</translation>
    </message>
    <message>
        <source>Note (optional), e.g. ill, swapped</source>
        <translation>备注（可不填），如：生病、换班</translation>
    </message>
    <message>
        <source>Missed several weeks in a row</source>
        <translation>连续几周未到</translation>
    </message>
    <message>
        <source>Not marked done for 3 weeks or more in a row.</source>
        <translation>连续 3 周或以上没有登记到岗的志愿者。</translation>
    </message>
    <message>
        <source>Missed in a row</source>
        <translation>连续未到</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值班内容</translation>
    </message>
    <message>
        <source>Waste sorting at the bins</source>
        <translation>垃圾分类桶前督导</translation>
    </message>
    <message>
        <source>Building group</source>
        <translation>楼组</translation>
    </message>
    <message>
        <source>Day of the week</source>
        <translation>星期几</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Add the duty</source>
        <translation>添加值班</translation>
    </message>
    <message>
        <source>Duty:</source>
        <translation>值班内容：</translation>
    </message>
    <message>
        <source>Building group:</source>
        <translation>楼组：</translation>
    </message>
    <message>
        <source>Weekday:</source>
        <translation>星期：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Duty to put the volunteer on</source>
        <translation>安排到哪项值班</translation>
    </message>
    <message>
        <source>Put on the duty from this week</source>
        <translation>从本周起安排值班</translation>
    </message>
    <message>
        <source>Volunteer:</source>
        <translation>志愿者：</translation>
    </message>
    <message>
        <source>New duty</source>
        <translation>新增值班</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>安排志愿者</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Choose a turn in the list first.</source>
        <translation>请先在列表中选一条值班。</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>Duty rota</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Write the times as 07:00.</source>
        <translation>时间请写成 07:00 这样。</translation>
    </message>
    <message>
        <source>Duty added: %1.</source>
        <translation>已添加值班：%1。</translation>
    </message>
    <message>
        <source>Find the volunteer first.</source>
        <translation>请先找到志愿者。</translation>
    </message>
    <message>
        <source>Add a duty first.</source>
        <translation>请先添加值班。</translation>
    </message>
    <message>
        <source>%1 is on the duty from %2.</source>
        <translation>%1 从 %2 起值班。</translation>
    </message>
</context>
<context>
    <name>SeriesChart</name>
    <message>
        <source>Service series this month</source>
        <translation>本月各服务系列</translation>
    </message>
    <message>
        <source>Seats signed up</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>People who came</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>signed up %1</source>
        <translation>报名 %1</translation>
    </message>
    <message>
        <source>came %1</source>
        <translation>到场 %1</translation>
    </message>
    <message>
        <source>%1: %2 sessions, %3 signed up, %4 came</source>
        <translation>%1：%2 场活动，报名 %3 人，到场 %4 人</translation>
    </message>
    <message>
        <source> (%1% of those expected came)</source>
        <translation>（应到者中 %1% 到场）</translation>
    </message>
    <message>
        <source>This month: %1 sessions, %2 signed up, %3 came.</source>
        <translation>本月共 %1 场活动，报名 %2 人，到场 %3 人。</translation>
    </message>
</context>
<context>
    <name>SeriesTree</name>
    <message>
        <source>Series and activities</source>
        <translation>服务系列与项目</translation>
    </message>
    <message>
        <source>All series</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Menu activity</source>
        <translation>活动项目</translation>
    </message>
    <message>
        <source>Choose the activity</source>
        <translation>请选择活动项目</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Yes, the session is already past: record it</source>
        <translation>是的，活动已经过去，仍要补录</translation>
    </message>
    <message>
        <source>Record a session that is already past</source>
        <translation>补录已过去的活动</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1（可容纳 %2 人）</translation>
    </message>
    <message>
        <source>Choose the room</source>
        <translation>请选择活动室</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Confirm: more places than seats</source>
        <translation>确认超出</translation>
    </message>
    <message>
        <source>Confirm more places than the room&apos;s seats</source>
        <translation>确认名额超出活动室座位数</translation>
    </message>
    <message>
        <source>Signups close</source>
        <translation>报名截止</translation>
    </message>
    <message>
        <source>at the start</source>
        <translation>活动开始时</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> 天前</translation>
    </message>
    <message>
        <source>Signups close at (time)</source>
        <translation>报名截止时间</translation>
    </message>
    <message>
        <source>at</source>
        <translation>的</translation>
    </message>
    <message>
        <source>Provided by</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>(the centre itself)</source>
        <translation>（中心自办）</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织者</translation>
    </message>
    <message>
        <source>e.g. 社工 李晓燕</source>
        <translation>例如：社工 李晓燕</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>面向人群</translation>
    </message>
    <message>
        <source>e.g. 60岁以上长者</source>
        <translation>例如：60岁以上长者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason to use the room although it is closed</source>
        <translation>闭馆时仍使用活动室的理由</translation>
    </message>
    <message>
        <source>Administrator: why the room is used although it is closed then</source>
        <translation>管理员：说明为何在闭馆时段使用活动室</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>例外理由</translation>
    </message>
    <message>
        <source>Dates left out</source>
        <translation>不安排的日期</translation>
    </message>
    <message>
        <source>Don&apos;t save, change the plan</source>
        <translation>不保存，返回修改计划</translation>
    </message>
    <message>
        <source>This session is one of a plan: a change here is for this session only; the others keep their times.</source>
        <translation>本场属于周期计划：在这里修改只改本场，其他场次时间不变。</translation>
    </message>
    <message>
        <source>Show the dates</source>
        <translation>预览日期</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存活动场次</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>【%1】</source>
        <translation>【%1】</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新建活动场次</translation>
    </message>
    <message>
        <source>Session: %1, %2</source>
        <translation>活动场次：%1，%2</translation>
    </message>
    <message>
        <source>Change a session</source>
        <translation>修改活动场次</translation>
    </message>
    <message>
        <source>People have signed up: the activity can&apos;t change.</source>
        <translation>已有人报名，不能更换活动项目。</translation>
    </message>
    <message>
        <source>This session is cancelled: %1</source>
        <translation>该场次已取消：%1</translation>
    </message>
    <message>
        <source>Choose the activity from the menu.</source>
        <translation>请从服务菜单中选择活动项目。</translation>
    </message>
    <message>
        <source>Type the date like 2026-12-02, or pick it.</source>
        <translation>请按 2026-12-02 的样子输入日期，或从列表中选择。</translation>
    </message>
    <message>
        <source>Type the time like 14:00, or pick it from the list.</source>
        <translation>请按 14:00 的样子输入时间，或从列表中选择。</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Choose the room.</source>
        <translation>请选择活动室。</translation>
    </message>
    <message>
        <source>Type the time like 17:00, or pick it from the list.</source>
        <translation>请按 17:00 的样子输入时间，或从列表中选择。</translation>
    </message>
    <message>
        <source>This time is already past. To record the session anyway, tick the box below and save again.</source>
        <translation>这个时间已经过去。如仍要补录这场活动，请勾选下方的方框后再保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Choose how the session repeats to see its dates.</source>
        <translation>请先选择重复方式，才能预览日期。</translation>
    </message>
    <message>
        <source>No dates: %1</source>
        <translation>无法列出日期：%1</translation>
    </message>
    <message>
        <source>All %1 dates are free: save to plan them.</source>
        <translation>共 %1 个日期，都可安排，保存即可。</translation>
    </message>
    <message>
        <source>%1 dates in all: %2 fall on closed days (listed below) and are left out. Save to plan the other %4, or go back and change.</source>
        <translation>共 %1 个日期：其中 %2 个是闭馆日（见下表），将不安排。保存即安排其余 %4 场，或返回修改。</translation>
    </message>
    <message>
        <source>%1 dates in all: %3 clash with other bookings (listed below). Skip them and plan the other %4, or go back and change.</source>
        <translation>共 %1 个日期：其中 %3 个与其他预约冲突（见下表）。可跳过这些日期、安排其余 %4 场，或返回修改。</translation>
    </message>
    <message>
        <source>%1 dates in all: %2 fall on closed days and %3 clash with other bookings (listed below). Skip them and plan the other %4, or go back and change.</source>
        <translation>共 %1 个日期：其中 %2 个是闭馆日，%3 个与其他预约冲突（见下表）。可跳过这些日期、安排其余 %4 场，或返回修改。</translation>
    </message>
    <message>
        <source>Sessions on: %1</source>
        <translation>将安排的日期：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nothing was planned. Change the plan and save again.</source>
        <translation>未作安排。请修改后再保存。</translation>
    </message>
    <message>
        <source>Saved. Moved up from the waitlist (please tell them): %1</source>
        <translation>已保存。以下候补已转为正式报名（请通知本人）：%1</translation>
    </message>
    <message>
        <source>⚠ %1 places, more than the %2 seats of %3: confirmed.</source>
        <translation>⚠ 名额 %1 个，超过%3的 %2 个座位（已确认超出）。</translation>
    </message>
    <message>
        <source>⚠ %1 places, more than the %2 seats of %3. Tick 确认超出 to keep them.</source>
        <translation>⚠ 名额 %1 个，超过%3的 %2 个座位。如确需超出，请勾选“确认超出”。</translation>
    </message>
    <message>
        <source>Free then and big enough: %1</source>
        <translation>该时段空闲且够大的活动室：%1</translation>
    </message>
    <message>
        <source>No room is free then for so many people.</source>
        <translation>该时段没有空闲且够大的活动室。</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>Cancel the signup</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <source>Keep the signup (Esc)</source>
        <translation>不取消（Esc）</translation>
    </message>
    <message>
        <source>Signed up and waiting</source>
        <translation>报名与候补名单</translation>
    </message>
    <message>
        <source>Choose a session in the list above to see who signed up.</source>
        <translation>请在上方列表中选择一个场次，查看报名名单。</translation>
    </message>
    <message>
        <source>Signed up: %1 (%2 seats) · waiting: %3</source>
        <translation>已报名 %1 人（占 %2 个名额）· 候补 %3 人</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>未定活动室</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1（可容纳 %2 人）</translation>
    </message>
    <message>
        <source>%1 taken of %2</source>
        <translation>已报 %1 / 共 %2</translation>
    </message>
    <message>
        <source>, %1 waiting</source>
        <translation>，候补 %1 人</translation>
    </message>
    <message>
        <source>Menu item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>服务系列</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>组织方</translation>
    </message>
    <message>
        <source>Who may come</source>
        <translation>活动对象</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Signups close</source>
        <translation>报名截止</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SettingsCommon</name>
    <message>
        <source>%1 – %2 (%3 days)</source>
        <translation>%1 至 %2（%3 天）</translation>
    </message>
    <message>
        <source>%1 %2 %3 (%4)</source>
        <translation>%1 %2 %3（%4）</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 个。</translation>
    </message>
    <message>
        <source>They are not cancelled: please move or cancel them on the Rooms desk.</source>
        <translation>这些预约没有取消：请在“活动室预约”中调整或取消。</translation>
    </message>
</context>
<context>
    <name>SettingsDesk</name>
    <message>
        <source>Centre profile</source>
        <translation>中心资料</translation>
    </message>
    <message>
        <source>Accounts and roles</source>
        <translation>账号与角色</translation>
    </message>
    <message>
        <source>Communities and building groups</source>
        <translation>社区和楼组</translation>
    </message>
    <message>
        <source>Rooms and opening hours</source>
        <translation>活动室与开放时间</translation>
    </message>
    <message>
        <source>Closed days</source>
        <translation>闭馆日</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>Service menu</source>
        <translation>服务菜单</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>闲置锁定</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Data retention</source>
        <translation>数据保存期限</translation>
    </message>
    <message>
        <source>Language and text size</source>
        <translation>语言和文字大小</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <source>Only an administrator may change these settings. You can look, but saving is refused.</source>
        <translation>只有管理员可以更改这些设置。您可以查看，但不能保存。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Youlin Desk — first start</source>
        <translation>友邻前台 — 首次启动</translation>
    </message>
    <message>
        <source>Welcome to Youlin Desk</source>
        <translation>欢迎使用友邻前台</translation>
    </message>
    <message>
        <source>This database is new. Tell the program the centre&apos;s name and create the first administrator account; everything else can be set later in Settings.</source>
        <translation>这是一个新的数据库。请填写中心名称，并创建第一个管理员账号；其他内容以后都可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation>中心名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Administrator&apos;s user name</source>
        <translation>管理员的用户名</translation>
    </message>
    <message>
        <source>Administrator&apos;s name shown</source>
        <translation>管理员的显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <source>e.g. East Community Neighbourhood Centre</source>
        <translation>例如 东社区邻里中心</translation>
    </message>
    <message>
        <source>e.g. 021-12345678</source>
        <translation>例如 021-12345678</translation>
    </message>
    <message>
        <source>letters or digits, e.g. admin</source>
        <translation>字母或数字，例如 admin</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>The centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Centre &amp;name:</source>
        <translation>中心名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Name &amp;shown:</source>
        <translation>显示名称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>再输一次密码(&amp;G)：</translation>
    </message>
    <message>
        <source>Finish setting up</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit without setting up</source>
        <translation>不设置，直接退出</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Please type the password again.</source>
        <translation>两次输入的密码不一致，请重新输入密码。</translation>
    </message>
    <message>
        <source>The database could not be written, so nothing was saved. Please try again; if it keeps happening, choose another database.</source>
        <translation>无法写入数据库，所以什么都没有保存。请再试一次；如果一直这样，请另选一个数据库。</translation>
    </message>
</context>
<context>
    <name>SigninSheetDialog</name>
    <message>
        <source>Print the sign-in sheet</source>
        <translation>打印签到表</translation>
    </message>
    <message>
        <source>The sheet lists everyone signed up, in pinyin order. Leave numbered blank rows at the end for people who come without signing up.</source>
        <translation>签到表按姓名拼音顺序列出所有报名的人。表末可留出带序号的空白行，供未报名、现场来参加的人签到。</translation>
    </message>
    <message>
        <source>&amp;Blank rows:</source>
        <translation>空白行数(&amp;B)：</translation>
    </message>
    <message>
        <source>Blank rows for walk-ins</source>
        <translation>现场登记的空白行数</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>sign-in sheet of %1</source>
        <translation>%1 签到表</translation>
    </message>
</context>
<context>
    <name>SignupModels</name>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Full: waitlist no. %1</source>
        <translation>已满，候补第 %1 位</translation>
    </message>
    <message>
        <source>Waitlist no. %1</source>
        <translation>候补第 %1 位</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>余 %1 位</translation>
    </message>
    <message>
        <source>Not for them</source>
        <translation>不符合对象</translation>
    </message>
    <message>
        <source>Choose the accompanying parent</source>
        <translation>需选择陪同家长</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Notes on fit</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The session is cancelled</source>
        <translation>活动已取消</translation>
    </message>
    <message>
        <source>%1 (accompanying %2)</source>
        <translation>%1（陪同%2）</translation>
    </message>
    <message>
        <source>%1 (with %2)</source>
        <translation>%1（由%2陪同）</translation>
    </message>
    <message>
        <source>Signup</source>
        <translation>报名状态</translation>
    </message>
</context>
<context>
    <name>SignupPanel</name>
    <message>
        <source>The session is full: %1 is on the waitlist, number %2.</source>
        <translation>本场已满，%1 已列入候补第 %2 位</translation>
    </message>
    <message>
        <source>%1 is signed up (with %2).</source>
        <translation>已为 %1 报名（陪同：%2）</translation>
    </message>
    <message>
        <source>%1 is signed up.</source>
        <translation>已为 %1 报名</translation>
    </message>
    <message>
        <source>Resident to sign up:</source>
        <translation>报名的居民：</translation>
    </message>
    <message>
        <source>Resident to sign up</source>
        <translation>报名的居民</translation>
    </message>
    <message>
        <source>Adult who comes with the child:</source>
        <translation>陪同的家长：</translation>
    </message>
    <message>
        <source>Adult who comes with the child</source>
        <translation>陪同的家长</translation>
    </message>
    <message>
        <source>Why they may come all the same</source>
        <translation>仍然报名的理由</translation>
    </message>
    <message>
        <source>Sign up anyway</source>
        <translation>仍然报名</translation>
    </message>
    <message>
        <source>Sign up (Enter)</source>
        <translation>报名（回车）</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Sign up for %1, %2 (%3 of %4 seats free)</source>
        <translation>报名：%1，%2（剩余 %3 / %4 个名额）</translation>
    </message>
    <message>
        <source>; %1 waiting</source>
        <translation>；候补 %1 人</translation>
    </message>
    <message>
        <source>Adult: not chosen yet (search, then Enter)</source>
        <translation>家长：尚未选择（先查找，再按回车）</translation>
    </message>
    <message>
        <source>Find the resident first, then press Enter.</source>
        <translation>请先查找居民，再按回车选定。</translation>
    </message>
    <message>
        <source>Say why they may come all the same.</source>
        <translation>请写明仍然报名的理由。</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>Not filled in</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Whole centre</source>
        <translation>全中心</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Count the figures again</source>
        <translation>重新统计数据</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>重新统计</translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation>月度报告(&amp;M)…</translation>
    </message>
    <message>
        <source>Make the month&apos;s report as a PDF to print or save, with charts.</source>
        <translation>生成本月的工作月报（PDF，含图表），可打印或保存。</translation>
    </message>
    <message>
        <source>Statistics tables</source>
        <translation>统计表</translation>
    </message>
    <message>
        <source>By community and building group</source>
        <translation>按社区和楼组</translation>
    </message>
    <message>
        <source>Requests and satisfaction</source>
        <translation>民生直通车与满意度</translation>
    </message>
    <message>
        <source>Figures by community and building group</source>
        <translation>社区与楼组统计</translation>
    </message>
    <message>
        <source>E&amp;xpand all</source>
        <translation>全部展开(&amp;X)</translation>
    </message>
    <message>
        <source>Show every building group</source>
        <translation>显示所有楼组</translation>
    </message>
    <message>
        <source>In the table, the right arrow opens a community and the left arrow closes it.</source>
        <translation>在表格中，按右方向键展开社区，按左方向键收起。</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>全部收起(&amp;C)</translation>
    </message>
    <message>
        <source>Show the communities only</source>
        <translation>只显示社区</translation>
    </message>
    <message>
        <source>Requests of the period</source>
        <translation>统计期内的诉求</translation>
    </message>
    <message>
        <source>Residents&apos; satisfaction with the requests</source>
        <translation>居民对诉求办理的满意度</translation>
    </message>
    <message>
        <source>Satisfaction by:</source>
        <translation>满意度按：</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Requests (民生直通车)</source>
        <translation>民生直通车诉求</translation>
    </message>
    <message>
        <source>Export to Excel: %1</source>
        <translation>导出 Excel：%1</translation>
    </message>
    <message>
        <source>Satisfaction by community</source>
        <translation>满意度（按社区）</translation>
    </message>
    <message>
        <source>Satisfaction by who handled the request</source>
        <translation>满意度（按经办人）</translation>
    </message>
    <message>
        <source>Satisfaction by category</source>
        <translation>满意度（按类别）</translation>
    </message>
    <message>
        <source>Counting the figures from %1 to %2…</source>
        <translation>正在统计 %1 至 %2 的数据…</translation>
    </message>
    <message>
        <source>Figures from %1 to %2, counted at %3.</source>
        <translation>%1 至 %2 的数据，统计于 %3。</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出%1…</translation>
    </message>
    <message>
        <source>Stopped: no file was written.</source>
        <translation>已停止，没有写出文件。</translation>
    </message>
    <message>
        <source>Exported to Excel</source>
        <translation>已导出 Excel</translation>
    </message>
    <message>
        <source>Lists with people&apos;s names are exported by the administrator, with phone and ID numbers masked.</source>
        <translation>列有居民姓名的名单由管理员导出，电话号码和身份证号会作脱敏处理。</translation>
    </message>
    <message>
        <source>Statistics are exported by staff and administrators.</source>
        <translation>统计表由工作人员和管理员导出。</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Save this list as an Excel workbook (.xlsx).</source>
        <translation>把这张表保存为 Excel 工作簿(.xlsx)。</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Exported %1 rows of %2 to %3.</source>
        <translation>已将“%2”的 %1 行导出到 %3。</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>导出时间 %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a certificate</source>
        <translation>查验证书</translation>
    </message>
    <message>
        <source>Scan the QR code on the certificate, or type its number and verification code with a space between them, then press Enter.</source>
        <translation>扫描证书上的二维码，或输入证书编号和查验码（中间空一格），再按回车。</translation>
    </message>
    <message>
        <source>Certificate number and code, or the scanned code</source>
        <translation>证书编号和查验码，或扫描的二维码</translation>
    </message>
    <message>
        <source>e.g. 东邻志证〔2026〕第0007号 ABCD2345</source>
        <translation>如：东邻志证〔2026〕第0007号 ABCD2345</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>查验</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No such certificate (查无此证)</source>
        <translation>查无此证</translation>
    </message>
    <message>
        <source>The number and code don&apos;t match any certificate of this centre. Check what was typed; a made-up or altered certificate reads like this too.</source>
        <translation>证书编号和查验码与本中心的任何证书都对不上。请核对输入；伪造或涂改的证书也会显示这样。</translation>
    </message>
    <message>
        <source>Revoked (%1)</source>
        <translation>已作废（%1）</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation>证书编号：%1</translation>
    </message>
    <message>
        <source>Holder: %1</source>
        <translation>持证人：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Issued on %1</source>
        <translation>颁发日期：%1</translation>
    </message>
</context>
<context>
    <name>VisitsChart</name>
    <message>
        <source>Visits per day, last 30 days</source>
        <translation>近 30 天每日来访人次</translation>
    </message>
    <message>
        <source>No visits recorded yet.</source>
        <translation>还没有来访记录。</translation>
    </message>
    <message>
        <source>Last %1 days: %2 visits in all; busiest day %3 with %4.</source>
        <translation>近 %1 天：共来访 %2 人次；最多的一天是 %3，%4 人次。</translation>
    </message>
    <message>
        <source>%1: %2 visits</source>
        <translation>%1：%2 人次</translation>
    </message>
</context>
<context>
    <name>VolunteerModels</name>
    <message>
        <source>Volunteer number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Volunteer&apos;s name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Community · group</source>
        <translation>社区·楼组</translation>
    </message>
    <message>
        <source>Reports twice</source>
        <translation>双报到</translation>
    </message>
    <message>
        <source>Hours this year</source>
        <translation>本年时长</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>yes, reports twice</source>
        <translation>是</translation>
    </message>
    <message>
        <source>make-up (补录)</source>
        <translation>补录</translation>
    </message>
    <message>
        <source>duty of the rota</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>attended session</source>
        <translation>活动签到</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Recorded as</source>
        <translation>记录方式</translation>
    </message>
    <message>
        <source>Reason / recorded by</source>
        <translation>补录原因 / 录入人</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1（%2 录入）</translation>
    </message>
</context>
<context>
    <name>VolunteerRota</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Duty and building group</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Volunteer&apos;s phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值班内容</translation>
    </message>
    <message>
        <source>Weeks missed</source>
        <translation>连续未到</translation>
    </message>
    <message>
        <source>Last came</source>
        <translation>最近到岗</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>Never came</source>
        <translation>从未到岗</translation>
    </message>
</context>
<context>
    <name>VolunteerSection</name>
    <message>
        <source>Enrol as volunteer…</source>
        <translation>登记为志愿者…</translation>
    </message>
    <message>
        <source>Edit volunteer profile…</source>
        <translation>编辑志愿者档案…</translation>
    </message>
    <message>
        <source>Volunteer: not a volunteer</source>
        <translation>志愿者：不是志愿者</translation>
    </message>
    <message>
        <source>Volunteer %1 · %2 hours this year</source>
        <translation>志愿者 %1 · 本年 %2 小时</translation>
    </message>
    <message>
        <source> · reports twice: %1, since %2</source>
        <translation> · 双报到：%1，%2 报到</translation>
    </message>
</context>
<context>
    <name>Volunteers</name>
    <message>
        <source>This person is no longer on file.</source>
        <translation>档案中已没有这个人。</translation>
    </message>
    <message>
        <source>This person is already a volunteer.</source>
        <translation>此人已是志愿者。</translation>
    </message>
    <message>
        <source>This person is not a volunteer yet.</source>
        <translation>此人还不是志愿者。</translation>
    </message>
    <message>
        <source>A member who reports twice needs the workplace party organisation.</source>
        <translation>双报到党员需填写工作单位党组织。</translation>
    </message>
    <message>
        <source>A member who reports twice needs the day of reporting.</source>
        <translation>双报到党员需填写报到日期。</translation>
    </message>
    <message>
        <source>The day of reporting can&apos;t be in the future.</source>
        <translation>报到日期不能晚于今天。</translation>
    </message>
    <message>
        <source>At most %1 characters here.</source>
        <translation>此处最多 %1 个字。</translation>
    </message>
    <message>
        <source>Hours can&apos;t be made up for a day still to come.</source>
        <translation>不能为今天以后的日期补录时长。</translation>
    </message>
    <message>
        <source>Say what the service was (服务内容).</source>
        <translation>请填写服务内容。</translation>
    </message>
    <message>
        <source>This service record no longer exists.</source>
        <translation>这条服务记录已不存在。</translation>
    </message>
    <message>
        <source>Only make-up hours are deleted here: hours of a session or a duty are changed in its attendance or on the rota.</source>
        <translation>这里只能删除补录的时长：活动或值班的时长请在签到或值班表中修改。</translation>
    </message>
    <message>
        <source>Write the hours as a number, e.g. 1.5.</source>
        <translation>时长请填数字，例如 1.5。</translation>
    </message>
    <message>
        <source>The hours must be more than 0.</source>
        <translation>时长必须大于 0。</translation>
    </message>
    <message>
        <source>More than the day has: at most 24 hours for one day.</source>
        <translation>超过一天的时长了：一天最多 24 小时。</translation>
    </message>
    <message>
        <source>Hours go in tenths: e.g. 1.5, not 1.25.</source>
        <translation>时长精确到 0.1 小时：例如 1.5，不能是 1.25。</translation>
    </message>
    <message>
        <source>A reason is needed (why the hours are made up).</source>
        <translation>请填写补录原因（为什么要补录）。</translation>
    </message>
    <message>
        <source>This person has no volunteer profile: enrol them as a volunteer first.</source>
        <translation>此人还没有志愿者档案：请先登记为志愿者。</translation>
    </message>
</context>
<context>
    <name>VolunteersChart</name>
    <message>
        <source>Volunteer hours this year, top 10</source>
        <translation>本年志愿服务时长前 10 名</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 (%2): %3 hours</source>
        <translation>%1（%2）：%3 小时</translation>
    </message>
    <message>
        <source>no community</source>
        <translation>未填写社区</translation>
    </message>
    <message>
        <source>This year: the %1 volunteers with the most hours, %2 hours together.</source>
        <translation>本年服务时长最多的 %1 位志愿者，合计 %2 小时。</translation>
    </message>
</context>
<context>
    <name>VolunteersDesk</name>
    <message>
        <source>Volunteers and certificates</source>
        <translation>志愿者与证书</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <comment>the list tab</comment>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Duty rota</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Find a volunteer</source>
        <translation>查找志愿者</translation>
    </message>
    <message>
        <source>Name, number or skill</source>
        <translation>姓名、编号或技能</translation>
    </message>
    <message>
        <source>Reports twice</source>
        <translation>双报到</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Reports twice only</source>
        <translation>只看双报到</translation>
    </message>
    <message>
        <source>Not reporting twice</source>
        <translation>非双报到</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>%1 year</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>Enrol as volunteer…</source>
        <translation>登记为志愿者…</translation>
    </message>
    <message>
        <source>Volunteers list</source>
        <translation>志愿者名单</translation>
    </message>
    <message>
        <source>Make up hours…</source>
        <translation>补录时长…</translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation>编辑档案…</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Hours to reach</source>
        <translation>达到的时长</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Who reaches it</source>
        <translation>查看达到的人</translation>
    </message>
    <message>
        <source>Reaching</source>
        <translation>达到</translation>
    </message>
    <message>
        <source>Volunteers %1</source>
        <translation>志愿者名单 %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>%1 reach %2 hours in %3: %4</source>
        <translation>%3 年达到 %2 小时的有 %1 人：%4</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Choose a volunteer to see their records.</source>
        <translation>选择一位志愿者，查看其服务记录。</translation>
    </message>
    <message>
        <source>%1 %2: %3 hours in %4, %5 records</source>
        <translation>%1 %2：%4 年共 %3 小时，%5 条记录</translation>
    </message>
</context>
<context>
    <name>VolunteersPrinting</name>
    <message>
        <source>certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>%1 certificates</source>
        <translation>%1 份证书</translation>
    </message>
</context>
<context>
    <name>Weekdays</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>WhatsNewDialog</name>
    <message>
        <source>What changed in Youlin Desk</source>
        <translation>友邻前台有哪些更新</translation>
    </message>
    <message>
        <source>Youlin Desk was updated. This is what changed since it was last used on this computer. The user guide (F1) explains every desk.</source>
        <translation>友邻前台已经更新。下面是这台电脑上次使用以来的变化。每个工作台的用法见使用指南（按 F1）。</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>更新内容</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>a test version</source>
        <translation>测试版</translation>
    </message>
    <message>
        <source>&amp;Got it</source>
        <translation>知道了(&amp;G)</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
