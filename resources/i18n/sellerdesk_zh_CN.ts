<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/about_dialog.py" line="+34"/>
        <source>built package</source>
        <translation>安装包版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from Python sources</source>
        <translation>从 Python 源码运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none open)</source>
        <translation>（未打开）</translation>
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
        <location line="+1"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About SellerDesk</source>
        <translation>关于 SellerDesk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The back office of a multi-platform online shop: products, orders, service tickets, team tasks and performance reviews.</source>
        <translation>多平台网店的后台：商品、订单、客服工单、团队任务和绩效考核。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copy for support</source>
        <translation>复制给技术支持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy these details to the clipboard, to paste into a message</source>
        <translation>把这些信息复制到剪贴板，以便粘贴到消息里</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copied. Paste it into your message to support.</source>
        <translation>已复制。请粘贴到发给技术支持的消息里。</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/staff_dialog.py" line="+207"/>
        <source>Change account</source>
        <translation>修改账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Active (can sign in)</source>
        <translation>启用（可以登录）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The first account is the owner&apos;s.</source>
        <translation>第一个账号必须是店主的。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a login.</source>
        <translation>请输入登录名。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/audit_dialog.py" line="+47"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+38"/>
        <location line="+83"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+122"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+83"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The newest {shown} of {total} changes; the export holds them all.</source>
        <translation>显示最新的 {shown} 条，共 {total} 条改动；导出包含全部。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{total} change(s).</source>
        <translation>共 {total} 条改动。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export audit log</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes (old → new)</source>
        <translation>改动（原值 → 新值）</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n change(s) written to {path}.</source>
        <translation>
            <numerusform>已将 %n 条改动写入 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting the audit log…</source>
        <translation>正在导出操作日志…</translation>
    </message>
</context>
<context>
    <name>BandEditorDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/kpi_templates.py" line="+70"/>
        <source>Bands</source>
        <translation>分档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The line scores the points of the best band its actual reaches: at least the threshold when higher is better, at most it when lower is better. No band reached: 0 points.</source>
        <translation>该项得分取实际值达到的最高一档的分数：越高越好时实际值不低于门槛，越低越好时不高于门槛。一档都未达到得 0 分。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Threshold ({unit})</source>
        <translation>门槛（{unit}）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add band</source>
        <translation>添加一档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove band</source>
        <translation>删除该档</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Every band needs a threshold and points, as numbers.</source>
        <translation>每一档都需要填写数字形式的门槛和分数。</translation>
    </message>
</context>
<context>
    <name>BatchModel</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/import_history.py" line="+37"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
</context>
<context>
    <name>BoardWidget</name>
    <message numerus="yes">
        <location filename="../../sellerdesk/ui/widgets/task_board.py" line="+258"/>
        <source>%n more not shown: narrow the filters or use the list.</source>
        <translation>
            <numerusform>另有 %n 项未显示：请缩小筛选范围或使用列表视图。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CannedRepliesDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/ticket_dialog.py" line="+760"/>
        <source>Canned replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Any category</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Variables filled from the ticket: {names}</source>
        <translation>从工单自动填入的变量：{names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../sellerdesk/ui/widgets/task_board.py" line="-74"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>ColumnMemory</name>
    <message>
        <location filename="../../sellerdesk/ui/widgets/columns.py" line="+36"/>
        <source>Drag a column to move it; right-click to choose the columns shown</source>
        <translation>拖动列可调整顺序；右键选择显示哪些列</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Reset columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/conflict_dialog.py" line="+37"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone else saved this item while you were editing it. What they changed is listed below; fields you both changed are in red.</source>
        <translation>你编辑期间，有人保存了这条记录。下面列出对方改动的内容；双方都改过的字段标为红色。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theirs (saved)</source>
        <translation>对方（已保存）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reload theirs</source>
        <translation>重新载入对方的版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop your edit and show the item as it is saved now</source>
        <translation>放弃你的修改，显示当前已保存的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply mine on top</source>
        <translation>在其基础上保存我的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep their changes and save the fields you changed over them</source>
        <translation>保留对方的改动，再把你改过的字段保存上去</translation>
    </message>
</context>
<context>
    <name>CountLinesModel</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/stock_dialogs.py" line="+204"/>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Book</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
</context>
<context>
    <name>DailyGmvChart</name>
    <message numerus="yes">
        <location filename="../../sellerdesk/ui/charts/daily_gmv.py" line="+47"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n paid order(s)</source>
        <translation>
            <numerusform>%n 笔支付订单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../sellerdesk/ui/wizard/first_run.py" line="+101"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the shop&apos;s data is kept. File → Open database… changes it later.</source>
        <translation>店铺数据存放在哪里。以后可在“文件 → 打开数据库…”中更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PC only: a database file ({name})</source>
        <translation>仅本机：一个数据库文件（{name}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PostgreSQL server shared by several PCs</source>
        <translation>多台电脑共用的 PostgreSQL 服务器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Right for one PC. Backups are made every day beside the file.</source>
        <translation>适合一台电脑使用。每天在文件旁自动备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database must exist on the server. The password is kept in the system&apos;s keyring.</source>
        <translation>数据库须已在服务器上建好。密码保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A server address starts with postgresql://</source>
        <translation>服务器地址以 postgresql:// 开头</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>连接成功：PostgreSQL {version}。</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../sellerdesk/app.py" line="+336"/>
        <source>Restoring the backup…</source>
        <translation>正在从备份恢复…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The backup was restored.</source>
        <translation>已从备份恢复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup was restored. The data it replaced was saved to {path}.</source>
        <translation>已从备份恢复。被替换的数据已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Created a new, empty database.</source>
        <translation>已新建一个空数据库。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database was upgraded for this version of SellerDesk. A copy of it as it was before is saved at {path}.</source>
        <translation>数据库已升级到当前版本的 SellerDesk，升级前的副本保存在 {path}。</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The daily backup could not be written: {error}</source>
        <translation>无法写入每日备份：{error}</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Setup skipped. Settings → Setup wizard… opens it again.</source>
        <translation>已跳过设置。可在“设置 → 设置向导…”中再次打开。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The server&apos;s database holds data already: the shop&apos;s setup there was kept.</source>
        <translation>服务器上的数据库已有数据：保留其原有设置。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving the setup…</source>
        <translation>正在保存设置…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>SellerDesk is set up: %n shop(s).</source>
        <translation>
            <numerusform>SellerDesk 已设置完成：%n 个店铺。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Creating the demo shop (%Ln orders)…</source>
        <translation>
            <numerusform>正在创建演示店铺（%Ln 笔订单）…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>The demo shop is ready, with %Ln orders.</source>
        <translation>
            <numerusform>演示店铺已创建，共 %Ln 笔订单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../sellerdesk/ui/errors.py" line="+115"/>
        <source>(the log file could not be written)</source>
        <translation>（日志文件未能写入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside SellerDesk. This is a bug, not something you did.

The details were saved to:
{log}

Please send that file to whoever looks after your SellerDesk. If a change was being saved when this happened, check that it is there.</source>
        <translation>SellerDesk 内部出错了。这是程序缺陷，不是您的操作问题。

详细信息已保存到：
{log}

请把这个文件发给负责维护 SellerDesk 的同事。如果出错时正在保存修改，请检查修改是否已经保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SellerDesk ran into a problem</source>
        <translation>SellerDesk 遇到问题</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/export_view.py" line="+28"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order ID</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>售后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid (¥)</source>
        <translation>实付金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded (¥)</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiver phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship by</source>
        <translation>最晚发货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late to ship</source>
        <translation>超时未发货</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+6"/>
        <source>Export view</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>This list has more rows than Excel can hold; the first {n} are exported.</source>
        <translation>列表行数超过 Excel 的上限，只导出前 {n} 行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>orders_{date}.xlsx</source>
        <translation>订单_{date}.xlsx</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{n} orders exported to {file}.</source>
        <translation>已导出 {n} 个订单到 {file}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting {n} orders…</source>
        <translation>正在导出 {n} 个订单…</translation>
    </message>
</context>
<context>
    <name>FileModel</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/import_dialog.py" line="+119"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The file names no shop: double-click to choose another shop or type a new name</source>
        <translation>文件未写明店铺：双击可选择其他店铺或输入新店铺名称</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{created} new, {updated} updated, {unchanged} unchanged, {refused} refused</source>
        <translation>新增 {created}，更新 {updated}，未变 {unchanged}，拒绝 {refused}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking the rows… (you may import meanwhile)</source>
        <translation>正在检查各行…（可以同时开始导入）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Has problems: refused unless valid rows are imported</source>
        <translation>有问题：除非选择只导入有效行，否则不会导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>可以导入</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../sellerdesk/ui/formatting.py" line="+64"/>
        <source>MMM d</source>
        <comment>date format: Qt QDate pattern, no year</comment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/home.py" line="+182"/>
        <source>Month to date</source>
        <translation>本月累计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monthly report…</source>
        <translation>月度报表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the manager&apos;s monthly Excel report</source>
        <translation>生成给经理的月度 Excel 报表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GMV</source>
        <translation>成交金额(GMV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid orders</source>
        <translation>支付订单数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avg. order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>GMV per day, by platform</source>
        <translation>每日成交金额（分平台）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Top SKUs this month, by net sales</source>
        <translation>本月热销商品（按净销售额）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund rate, last 12 months</source>
        <translation>近 12 个月退款率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By platform, month to date</source>
        <translation>本月累计（分平台）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a checked copy of the database to its backups folder</source>
        <translation>将数据库的副本写入备份文件夹并检查</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>What buyers paid for the orders paid in the period, shipping included.</source>
        <translation>期间内已付款订单的买家实付金额，含运费。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders paid in the period, those refunded later included.</source>
        <translation>期间内付款的订单数，含之后退款的订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GMV ÷ paid orders.</source>
        <translation>成交金额 ÷ 支付订单数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid orders with a refund ÷ paid orders; its change is in percentage points.</source>
        <translation>有退款的支付订单 ÷ 支付订单数；变化以百分点表示。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GMV minus the refunds of those orders.</source>
        <translation>成交金额减去这些订单的退款金额。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept sales minus cost of goods and platform fees, over the lines whose SKU has a cost.</source>
        <translation>未退款的销售额减去商品成本和平台佣金，只统计已维护成本的商品行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>past the platform&apos;s shipping deadline</source>
        <translation>已超过平台规定的发货时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue tickets</source>
        <translation>超时工单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open, past their response or resolution time</source>
        <translation>未关闭，已超过响应或解决时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKUs under safety stock, or none available</source>
        <translation>低于安全库存或已无可用库存的 SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks due today</source>
        <translation>今日到期任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not done yet</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue tasks</source>
        <translation>逾期任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>past their due date or time</source>
        <translation>已过截止日期或时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reviews waiting for me</source>
        <translation>待我处理的考核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your step in the monthly review</source>
        <translation>月度考核中轮到您的步骤</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Work queues</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tickets resolved this month; response and resolution times count the service hours only</source>
        <translation>本月已解决的工单；响应和解决时长只计客服工作时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service this month</source>
        <translation>本月客服</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This database is empty, so there are no figures to show yet.

• Import the order exports you download from Taobao/Tmall, JD, Pinduoduo and Douyin (or drop the files on this window). Sales, orders and stock then show up here.
• Or look around first: load a realistic demo shop into this empty database.
• The setup wizard walks through the language, the database, the owner&apos;s account and your shops.</source>
        <translation>数据库还是空的，暂时没有数据可显示。

• 导入从淘宝/天猫、京东、拼多多和抖音下载的订单导出文件（或把文件拖到本窗口）。销售、订单和库存随后会显示在这里。
• 也可以先看看：在这个空数据库中载入一个逼真的演示店铺。
• 设置向导会带您设置语言、数据库、店主账号和店铺。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import exports…</source>
        <translation>导入导出文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up shops…</source>
        <translation>设置店铺…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the setup wizard…</source>
        <translation>运行设置向导…</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No ticket resolved yet this month.</source>
        <translation>本月还没有已解决的工单。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n ticket(s) handled</source>
        <translation>
            <numerusform>处理 %n 张工单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response: median {median}, 90 % within {p90}</source>
        <translation>首次响应：中位数 {median}，90% 在 {p90} 内</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolution: median {median}</source>
        <translation>解决：中位数 {median}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA met: {rate} · satisfaction {rating}</source>
        <translation>SLA 达标 {rate} · 满意度 {rating}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{first} – {today}, shop time, as of {time} · each against the same stretch last month</source>
        <translation>{first} – {today}（店铺时间，截至 {time}）· 均与上月同期相比</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>rate {rate}</source>
        <translation>毛利率 {rate}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>no cost entered for what sold</source>
        <translation>已售商品未录入成本</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Unknown: none of the %n order line(s) sold this month has a cost. Enter costs in Products.</source>
        <translation>
            <numerusform>未知：本月售出的 %n 个订单商品行都没有成本。请在“商品”中录入成本。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gross margin rate this month: {rate}.</source>
        <translation>本月毛利率：{rate}。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order line(s) without a cost (net sales {net}) are left out.</source>
        <translation>
            <numerusform>%n 个商品行未维护成本（净销售额 {net}），未计入毛利。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no sales then to compare</source>
        <translation>上月同期无销售，无法比较</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{points} pp</source>
        <translation>{points} 个百分点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{change} vs last month</source>
        <translation>较上月同期 {change}</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Late to ship</source>
        <translation>超时未发货</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Last backup {days} days ago</source>
        <translation>上次备份在 {days} 天前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backed up {time}</source>
        <translation>已备份 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last good backup: {time}
{path}</source>
        <translation>上次完好的备份：{time}
{path}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Low stock</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Welcome to SellerDesk</source>
        <translation>欢迎使用 SellerDesk</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>paid, not shipped yet</source>
        <translation>已付款，尚未发货</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../sellerdesk/ui/import_texts.py" line="+12"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders (one row per item)</source>
        <translation>订单（每个商品一行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order file (ExportOrderList)</source>
        <translation>订单文件（ExportOrderList）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item file (ExportOrderDetailList)</source>
        <translation>宝贝文件（ExportOrderDetailList）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds / after-sales</source>
        <translation>退款 / 售后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not an amount of money</source>
        <translation>不是有效的金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a date and time</source>
        <translation>不是有效的日期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid order number</source>
        <translation>不是有效的订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number was turned into scientific notation by Excel and its digits are lost. Download the original file from the platform again and import it without opening and saving it in Excel.</source>
        <translation>这个编号被 Excel 转成了科学计数法，部分数字已经丢失。请重新从平台后台下载原始文件，不要用 Excel 打开另存，直接导入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A required value is empty</source>
        <translation>必填内容为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a whole quantity</source>
        <translation>数量不是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same order appears twice with different values</source>
        <translation>同一订单出现两次且内容不一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same order line (sub-order number) appears twice with different values</source>
        <translation>同一订单明细（子订单号）出现了两次，且内容不同</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another row of this order has a problem</source>
        <translation>该订单的另一行有问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amounts in this row contradict each other (the message names them); the order is left out</source>
        <translation>此行的金额互相矛盾（详见说明）：该订单未导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a known status text (a new wording, or garbled): the status is taken from the other columns</source>
        <translation>无法识别的状态文字（新的说法或乱码）：状态按其他列推断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same seller code is on another row too</source>
        <translation>同一商家编码在另一行也出现了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No SKU with this seller code, or no such warehouse</source>
        <translation>没有该商家编码的 SKU，或仓库不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount is too large to be a real amount</source>
        <translation>金额过大，不可能是真实金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The quantity is too large to be a real quantity</source>
        <translation>数量过大，不可能是真实数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text is longer than SellerDesk can store for this column</source>
        <translation>文字超出此列可保存的长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file ends inside this row: the download was probably cut off. Download the file again.</source>
        <translation>文件在这一行中途结束，下载可能被中断。请重新下载文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or incomplete (perhaps the download was cut off). Download it again.</source>
        <translation>文件已损坏或不完整（可能下载中断了），请重新下载。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is password-protected. Export it again without a password, or open it and save a copy.</source>
        <translation>文件设置了密码。请重新导出不带密码的文件，或打开后另存一份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This kind of file cannot be imported. Use .csv, .xlsx or .xls.</source>
        <translation>无法导入这种文件，请使用 .csv、.xlsx 或 .xls 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s text encoding cannot be read.</source>
        <translation>无法识别文件的文字编码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file cannot be read.</source>
        <translation>无法读取文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an order export SellerDesk knows. Map its columns to import it.</source>
        <translation>SellerDesk 无法识别这种订单导出格式。请先对应好各列再导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file lacks required columns: {columns}</source>
        <translation>文件缺少必需的列：{columns}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The saved column mapping does not fit this file.</source>
        <translation>已保存的列对应关系与这个文件不符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file lacks {columns}. {fallbacks} can be read in its place: tick “Use fallback columns” to import it.</source>
        <translation>文件缺少 {columns}。可以改用 {fallbacks} 代替：勾选“使用替代列”后即可导入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: some files have problems. Correct them, or import only the valid rows of those files.</source>
        <translation>未导入任何内容：部分文件有问题。请先修正，或只导入这些文件中没有问题的行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template {file} cannot be used. It must be an .xlsx file with columns for the order number, the carrier and the tracking number.</source>
        <translation>模板 {file} 无法使用。它必须是包含订单号、快递公司和运单号列的 .xlsx 文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is too large to import. Export a shorter period.</source>
        <translation>文件太大，无法导入。请缩短导出的时间范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workbook unpacks to far more data than an export holds; it is not imported.</source>
        <translation>该工作簿解压后的数据量远超正常导出文件，未导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A sheet reaches too far (cells far below or right of the data). Delete those cells, or export again.</source>
        <translation>工作表范围过大（数据下方或右侧很远处有单元格）。请删除这些单元格，或重新导出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file has too many rows. Export a shorter period.</source>
        <translation>文件行数过多。请缩短导出的时间范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A cell holds far more text than an export does; it is not imported.</source>
        <translation>某个单元格的文字远超正常导出文件，未导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file ends early: the download was probably cut off. Download it again.</source>
        <translation>文件提前结束，下载可能被中断。请重新下载。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file has no {column}: {stand_in} is read as {column}.</source>
        <translation>文件没有 {column}：已将 {stand_in} 作为 {column} 读取。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has no {column}: {stand_in} can be read as {column} once you accept it.</source>
        <translation>文件没有 {column}：确认后可将 {stand_in} 作为 {column} 读取。</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../sellerdesk/ui/import_actions.py" line="+28"/>
        <source>&amp;Import exports…</source>
        <translation>导入平台导出文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import order exports from Taobao/Tmall, JD, Pinduoduo or Douyin</source>
        <translation>导入淘宝/天猫、京东、拼多多或抖音的订单导出文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/import_dialog.py" line="+36"/>
        <location line="+15"/>
        <source>Import exports</source>
        <translation>导入导出文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+79"/>
        <source>Reading the files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Import the valid rows of files with problems (the rest is skipped)</source>
        <translation>有问题的文件只导入有效行（其余跳过）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use fallback columns</source>
        <translation>使用替代列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the offered column in place of a missing one (e.g. the order time as the payment time).</source>
        <translation>用建议的列代替缺少的列（例如以下单时间作为付款时间）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map columns…</source>
        <translation>对应列…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export problems…</source>
        <translation>导出问题清单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>{ready} file(s) ready, {problems} with problems, {refused} cannot be imported.</source>
        <translation>{ready} 个文件可导入，{problems} 个有问题，{refused} 个无法导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{ready} file(s) ready, {checking} being checked, {problems} with problems, {refused} cannot be imported.</source>
        <translation>{ready} 个文件可导入，{checking} 个正在检查，{problems} 个有问题，{refused} 个无法导入。</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Imported: {created} new orders, {updated} updated.</source>
        <translation>导入完成：新增 {created} 笔订单，更新 {updated} 笔。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} item lines have no catalog SKU yet; link them in the Products tab. They count in every figure.</source>
        <translation>有 {n} 个商品行尚未关联商品 SKU，请在“商品”页关联。它们已计入所有统计数据。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} orders of {file} are missing from the order file (first: {ids}). They are kept but count in no figure: import the order file of the same export too.</source>
        <translation>{file} 中有 {n} 个订单不在订单文件里（前几个：{ids}）。这些订单已保留，但不计入任何数字：请同时导入同一次导出的订单文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing was imported: some files have problems.</source>
        <translation>未导入任何数据：部分文件有问题。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export problems</source>
        <translation>导出问题清单</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/import_history.py" line="+9"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Undo this import…</source>
        <translation>撤销这次导入…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Undo the import of {file}? New orders are removed; changed orders get their old values.</source>
        <translation>撤销 {file} 的导入？新建的订单将被删除，被修改的订单恢复原值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../sellerdesk/ui/runner.py" line="+116"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Waiting for another PC or program that is writing to the database…</source>
        <translation>正在等待另一台电脑或程序写完数据库…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SellerDesk</source>
        <translation>SellerDesk</translation>
    </message>
</context>
<context>
    <name>KpiTemplatesDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/kpi_templates.py" line="+28"/>
        <source>KPI templates and grades</source>
        <translation>KPI 模板与等级</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>KPI lines per role</source>
        <translation>各岗位 KPI 项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grades</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>KPI</source>
        <translation>考核项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scoring</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Better when</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bands</source>
        <translation>分档</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The line&apos;s highest score, in points</source>
        <translation>该项的最高得分（分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add line</source>
        <translation>添加一项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove line</source>
        <translation>删除该项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Each month&apos;s reviews copy their role&apos;s lines when they are created; reviews already made keep theirs. A line measured by a metric fills its actual from the shop&apos;s data; “Entered by hand” lines are typed by the reviewer.</source>
        <translation>每月考核在创建时复制所属岗位的考核项；已创建的考核保留原有的项。按指标考核的项从店铺数据自动取实际值；“手工填写”的项由考核人填写。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{grade} from</source>
        <translation>{grade} 级起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below C</source>
        <translation>低于 C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save grades</source>
        <translation>保存等级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The overall score (0–100 points; more where a line&apos;s cap allows) gets the best grade whose lowest score it reaches. Reviews not submitted yet are graded anew; submitted ones keep their grade.</source>
        <translation>总分（0–100 分；某项上限允许时可更高）取其达到的最高等级。未提交的考核会重新评级；已提交的保留原等级。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Drop the unsaved changes to this role&apos;s template?</source>
        <translation>放弃对该岗位模板尚未保存的修改吗？</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Name on the scorecard</source>
        <translation>考核表上的名称</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The line&apos;s highest score: 100 points, or up to 200 for going beyond the target</source>
        <translation>该项最高得分：100 分；超额完成时最高可设 200 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Higher</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lower</source>
        <translation>越低越好</translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>%n band(s)…</source>
        <translation>
            <numerusform>%n 档…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Total weight: {total}</source>
        <translation>权重合计：{total}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total weight: {total} — must be 100 %</source>
        <translation>权重合计：{total}，必须为 100%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The weights must total 100 % before the template is saved</source>
        <translation>权重合计为 100% 时才能保存模板</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The weights total {total}; they must total 100 %. Nothing was saved.</source>
        <translation>权重合计为 {total}，必须为 100%。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The target of {line} is not a number.</source>
        <translation>“{line}”的目标不是数字。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Someone else saved this role&apos;s template while you were editing it. Load theirs? Your changes here are then replaced.</source>
        <translation>您编辑期间，别人保存了该岗位的模板。要载入他们的版本吗？这里的修改将被替换。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Each grade needs a lower score than the one above it: S &gt; A &gt; B &gt; C.</source>
        <translation>每个等级的起点分必须低于上一级：S &gt; A &gt; B &gt; C。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../sellerdesk/platforms/taobao/__init__.py" line="+19"/>
        <source>Taobao/Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <location filename="../../sellerdesk/platforms/jd/__init__.py" line="+19"/>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <location filename="../../sellerdesk/platforms/pdd/__init__.py" line="+20"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../sellerdesk/platforms/douyin/__init__.py" line="+19"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../sellerdesk/platforms/mapped.py" line="+12"/>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xiaohongshu</source>
        <translation>小红书</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../sellerdesk/domain/labels.py" line="+52"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../sellerdesk/domain/labels.py" line="-31"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid, to ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+5"/>
        <source>Refund requested</source>
        <translation>退款中</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund rejected</source>
        <translation>退款被拒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund closed</source>
        <translation>退款关闭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for buyer</source>
        <translation>等待买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pre-sale question</source>
        <translation>售前咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping problem</source>
        <translation>物流问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return / refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resend / exchange</source>
        <translation>补发 / 换货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality complaint</source>
        <translation>质量投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad review</source>
        <translation>差评</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doing</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-review</source>
        <translation>自评中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager review</source>
        <translation>主管评分中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend-and-save</source>
        <translation>满减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gift with purchase</source>
        <translation>买赠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group buy</source>
        <translation>拼团</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations manager</source>
        <translation>运营经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations / warehouse</source>
        <translation>运营/仓储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product specialist</source>
        <translation>商品专员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing specialist</source>
        <translation>营销专员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer service</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <location filename="../../sellerdesk/ui/labels.py" line="+28"/>
        <source>Refund only, before shipping</source>
        <translation>未发货仅退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund only, after shipping</source>
        <translation>已发货仅退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resend</source>
        <translation>补发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused delivery</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bad review removed</source>
        <translation>差评已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad review followed up</source>
        <translation>差评已跟进</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after-sale type</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund (cents)</source>
        <translation>退款（分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return carrier</source>
        <translation>退货物流公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return tracking no.</source>
        <translation>退货运单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buyer&apos;s rating</source>
        <translation>买家评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review outcome</source>
        <translation>评价处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../sellerdesk/ui/wizard/first_run.py" line="-95"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SellerDesk speaks Simplified Chinese and English. View → Language changes it later.</source>
        <translation>SellerDesk 支持简体中文和英文。以后可在“视图 → 语言”中更改。</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/list_tab.py" line="+93"/>
        <source>Shows the rows that contain the text you type (upper or lower case alike).</source>
        <translation>显示包含所输入文字的记录（不区分大小写）。</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Nothing matches “{term}”.</source>
        <translation>没有与“{term}”匹配的记录。</translation>
    </message>
</context>
<context>
    <name>ListingsModel</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/product_editor.py" line="+134"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item id</source>
        <translation>商品ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SKU id</source>
        <translation>SKU ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listing title</source>
        <translation>平台商品标题</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sellerdesk/ui/main_window.py" line="+268"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About SellerDesk</source>
        <translation>关于 SellerDesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Staff and sign-in…</source>
        <translation>员工与登录(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audit log…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recycle bin…</source>
        <translation>回收站(&amp;R)…</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Read-only: changes cannot be saved.</source>
        <translation>只读：更改无法保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is on a network share ({kind}): to share data between PCs, use PostgreSQL.</source>
        <translation>数据库位于网络共享上（{kind}）：多台电脑共用数据请使用 PostgreSQL。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A file SellerDesk may not write is opened read-only. SQLite&apos;s file locks are unreliable over a network, so several PCs writing one file can damage it.</source>
        <translation>SellerDesk 无权写入的数据库文件会以只读方式打开。SQLite 的文件锁在网络上并不可靠，多台电脑同时写入同一个文件可能会损坏它。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as someone &amp;else…</source>
        <translation>切换用户(&amp;E)…</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service tickets</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team tasks</source>
        <translation>团队任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance reviews</source>
        <translation>绩效考核</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>S&amp;hops…</source>
        <translation>店铺(&amp;H)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setup &amp;wizard…</source>
        <translation>设置向导(&amp;W)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export the list shown…</source>
        <translation>导出当前列表(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ship orders…</source>
        <translation>批量发货(&amp;S)…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database in use. File → Open database… chooses another one.</source>
        <translation>当前使用的数据库。可通过“文件 → 打开数据库…”切换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who is signed in, and their role</source>
        <translation>当前登录的人及其角色</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+23"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>SQLite database (*.sqlite)</source>
        <translation>SQLite 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PostgreSQL dump (*.dump)</source>
        <translation>PostgreSQL 备份文件 (*.dump)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+37"/>
        <source>Backup saved to {path}</source>
        <translation>备份已保存到 {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup saved</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A complete copy of the database was saved to:
{path}</source>
        <translation>数据库的完整副本已保存到：
{path}</translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/mapping_dialog.py" line="+38"/>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment time</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid amount (order, counted once)</source>
        <translation>实付金额（订单级，只计一次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid amount net of refunds (order; paid = this + refund amount)</source>
        <translation>扣除退款后的实付金额（订单；实付 = 此金额 + 退款金额）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid amount (line, summed per order)</source>
        <translation>实付金额（商品行，按订单汇总）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line / sub-order number</source>
        <translation>子订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-sale / refund status</source>
        <translation>售后 / 退款状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund amount (order, counted once)</source>
        <translation>退款金额（订单级，只计一次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund amount (line)</source>
        <translation>退款金额（商品行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order time</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping time</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completion time</source>
        <translation>成交时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product title</source>
        <translation>商品标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seller SKU code (商家编码)</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform product id</source>
        <translation>平台商品 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform SKU id</source>
        <translation>平台 SKU ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiver phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seller memo</source>
        <translation>卖家备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location line="+15"/>
        <source>Map the columns of {file}</source>
        <translation>对应 {file} 的列</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 小林家居快手小店</source>
        <translation>例如：小林家居快手小店</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(not in this file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open mapping file…</source>
        <translation>打开映射文件…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as file…</source>
        <translation>另存为文件…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tell SellerDesk which column holds what. Fields marked * are needed.</source>
        <translation>请告诉 SellerDesk 每一列对应的内容。标 * 的为必填项。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open mapping file</source>
        <translation>打开映射文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name the shop these orders belong to.</source>
        <translation>请填写这些订单所属的店铺。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still needed: {fields}</source>
        <translation>还需要：{fields}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../sellerdesk/ui/messages.py" line="+19"/>
        <source>Some of the values are not valid.</source>
        <translation>部分填写的内容无效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item no longer exists. Someone may have deleted it.</source>
        <translation>该记录已不存在，可能已被其他人删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else changed this item while you were editing it. Reload it and try again.</source>
        <translation>您编辑期间，其他人修改了这条记录。请重新加载后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your role does not allow this. Ask the shop&apos;s owner if you need it.</source>
        <translation>你的角色没有这项权限。如有需要，请联系店主。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file cannot be imported.</source>
        <translation>无法导入这个文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database cannot be used right now.</source>
        <translation>数据库暂时无法使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is a database, but not a SellerDesk database. Choose another file, or a new file name to create an empty SellerDesk database.</source>
        <translation>这个文件是数据库，但不是 SellerDesk 数据库。请选择其他文件，或输入新文件名来新建一个空的 SellerDesk 数据库。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This database was written by a newer version of SellerDesk. Update SellerDesk to open it.</source>
        <translation>这个数据库由更新版本的 SellerDesk 创建。请先升级 SellerDesk 再打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database could not be opened:
{detail}</source>
        <translation>无法打开数据库：
{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database is read-only: changes cannot be saved. To change data, open a copy you may write, or ask for write permission to the file and its folder.</source>
        <translation>该数据库是只读的：所做的更改无法保存。如需修改数据，请打开一份可写的副本，或申请该文件及其所在文件夹的写入权限。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database cannot be read or written right now. Check that the file or the server is reachable and not in use by another program, then try again.

Details: {detail}</source>
        <translation>暂时无法读写数据库。请确认数据库文件或服务器可以访问、且没有被其他程序占用，然后重试。

详细信息：{detail}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another PC or program is writing to the database, and it did not finish within {seconds} seconds. Nothing was changed here. Try again when it has finished.</source>
        <translation>另一台电脑或程序正在写入数据库，{seconds} 秒内没有完成。这里没有做任何修改。请等它完成后再试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup could not be written to {path}.</source>
        <translation>无法将备份写入 {path}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kind of database cannot be backed up from SellerDesk.</source>
        <translation>这类数据库无法在 SellerDesk 中备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up a PostgreSQL server needs the pg_dump program. Install the PostgreSQL client tools and try again.</source>
        <translation>备份 PostgreSQL 服务器需要 pg_dump 程序。请安装 PostgreSQL 客户端工具后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file {path} does not exist. Check the path (nothing was created).</source>
        <translation>数据库文件 {path} 不存在。请检查路径（未创建任何文件）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} cannot be restored: it is damaged, not a database, or not a SellerDesk backup. Nothing was changed.</source>
        <translation>无法从 {path} 恢复：该文件已损坏、不是数据库，或不是 SellerDesk 的备份。数据未做任何改动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restoring {path} failed. The data it would have replaced is kept.</source>
        <translation>从 {path} 恢复失败。原有数据已保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a database file on this PC can be restored from a backup file; restore a server with its tools.</source>
        <translation>只有本机的数据库文件可以从备份文件恢复；服务器数据库请用服务器自带的工具恢复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo shop is only added to an empty database, and this one already holds data.</source>
        <translation>演示店铺只能添加到空数据库中，而当前数据库已有数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This order no longer exists. Someone may have deleted it.</source>
        <translation>该订单已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} was changed by someone else meanwhile. Check it again, then try once more.</source>
        <translation>订单 {order} 刚被他人修改。请重新检查后再试一次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order {order} is not waiting to be shipped (it is not in the state “paid, to ship”).</source>
        <translation>订单 {order} 不是待发货订单（状态不是“已付款，待发货”）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A shipping deadline must be between 1 and {max} hours after payment, not {hours}.</source>
        <translation>发货时限须在付款后 1 至 {max} 小时之间，不能是 {hours}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no orders with tracking numbers to ship.</source>
        <translation>没有已填写运单号的待发货订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SellerDesk has no batch-ship file for {platform} orders: ship them in the platform&apos;s back end.</source>
        <translation>SellerDesk 无法为 {platform} 订单生成批量发货文件，请在平台后台发货。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{carrier}” is not a carrier the platform of order {order} accepts.</source>
        <translation>订单 {order} 所在平台不支持物流公司“{carrier}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{tracking}” (order {order}) is not a tracking number: 6 to 40 letters and digits.</source>
        <translation>“{tracking}”（订单 {order}）不是有效的运单号：应为 6 到 40 位字母或数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A service ticket needs a subject.</source>
        <translation>工单需要填写标题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A product needs a title.</source>
        <translation>商品必须填写标题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every SKU needs a seller code.</source>
        <translation>每个 SKU 都必须填写商家编码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seller code {value} is already used by another SKU. Each SKU needs a code of its own.</source>
        <translation>商家编码 {value} 已被其他 SKU 使用。每个 SKU 都需要自己的商家编码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No SKU has the seller code “{value}”.</source>
        <translation>没有商家编码为“{value}”的 SKU。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value}: costs, prices, weights and stock figures cannot be negative, and the minimum order quantity is at least 1.</source>
        <translation>{value}：成本、售价、重量和库存数字都不能为负数，最小起订量至少为 1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This SKU no longer exists. Someone may have deleted it.</source>
        <translation>该 SKU 已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This order line no longer exists. Someone may have changed the order meanwhile.</source>
        <translation>该订单明细已不存在，可能有人刚刚修改了这个订单。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a platform.</source>
        <translation>请选择平台。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no warehouse “{value}”.</source>
        <translation>仓库“{value}”不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The warehouse code “{value}” is empty or already taken.</source>
        <translation>仓库编码“{value}”为空或已被使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The quantity must be more than zero, not {value}.</source>
        <translation>数量必须大于 0，不能是 {value}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The correction is zero. Enter how many to add or take away.</source>
        <translation>调整数量为 0。请填写要增加或减少的数量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock cannot be moved to the warehouse it is already in.</source>
        <translation>调出仓库和调入仓库不能相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not enough stock of {seller_code}: it would be {available} after this, and this SKU may not go below zero.</source>
        <translation>{seller_code} 库存不足：操作后将变为 {available}，而该 SKU 不允许负库存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The report cannot be written in the language “{lang}”.</source>
        <translation>报表不支持“{lang}”这种语言。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of orders cannot be negative ({orders}).</source>
        <translation>订单数量不能为负数（{orders}）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A shop needs a name.</source>
        <translation>店铺需要一个名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a shop named {name} on this platform.</source>
        <translation>该平台已有名为 {name} 的店铺。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This shop no longer exists. Reload the list.</source>
        <translation>该店铺已不存在，请重新加载列表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fee rate of {percent} % is not possible (0–100 %).</source>
        <translation>费率 {percent}% 不合理（应为 0–100%）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shipping deadline of {hours} hours is not possible.</source>
        <translation>发货时限 {hours} 小时不合理。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{zone}” is not a time zone. Choose one from the list.</source>
        <translation>“{zone}”不是有效的时区，请从列表中选择。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This task no longer exists. Someone may have deleted it.</source>
        <translation>该任务已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A task needs a title.</source>
        <translation>任务需要一个标题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A task title can have at most {max} characters.</source>
        <translation>任务标题最多 {max} 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A due time needs a due date.</source>
        <translation>设置截止时间前请先设置截止日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is no longer on the staff list. Choose someone else.</source>
        <translation>此人已不在员工名单中，请选择其他人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A linked item no longer exists. Remove the link and try again.</source>
        <translation>某个关联项已不存在，请移除该关联后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This board column no longer exists. Reload the board.</source>
        <translation>该看板列已不存在，请重新加载看板。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each status (to do, doing, done) needs at least one column, and column names must differ.</source>
        <translation>每种状态（待办、进行中、已完成）至少需要一列，且列名不能重复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write something before adding the comment.</source>
        <translation>请先输入评论内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A task can repeat every 1 to 366 days, weeks or months.</source>
        <translation>重复间隔须为 1 到 366 天、周或月。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick at least one weekday for a weekly repeat.</source>
        <translation>每周重复至少需要勾选一天。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a day of the month from 1 to 31, or the last day.</source>
        <translation>请选择每月的 1 到 31 日，或月末最后一天。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The repeat cannot end before it starts.</source>
        <translation>重复的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A promotion must end after it starts.</source>
        <translation>活动的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the SKUs the promotion is for.</source>
        <translation>请选择参加活动的 SKU。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This ticket no longer exists. Reload the queue.</source>
        <translation>该工单已不存在，请刷新队列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else changed this ticket meanwhile. It was reloaded: check it and save again.</source>
        <translation>其他人刚刚修改了该工单，已重新载入：请核对后再保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else took this ticket a moment ago.</source>
        <translation>该工单刚刚已被其他人领取。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ticket cannot go from “{old}” to “{new}”.</source>
        <translation>工单不能从“{old}”变为“{new}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a ticket category.</source>
        <translation>“{value}”不是工单类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a priority.</source>
        <translation>“{value}”不是优先级。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rating is 1 to 5 stars, not {value}.</source>
        <translation>评分应为 1 到 5 星，而不是 {value}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a review outcome.</source>
        <translation>“{value}”不是评价处理结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the reply you sent before recording it.</source>
        <translation>请先输入已发送的回复内容再记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a note first.</source>
        <translation>请先输入备注。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket #{id} was merged into another ticket; merge into that one.</source>
        <translation>工单 #{id} 已合并到其他工单，请合并到那张工单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not an after-sale type.</source>
        <translation>“{value}”不是售后类型。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A refund cannot be negative.</source>
        <translation>退款金额不能为负数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This after-sale type refunds nothing: set the refund to zero or choose a refund type.</source>
        <translation>该售后类型不涉及退款：请将退款金额设为 0，或选择退款类型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A refund of {refund} is more than the buyer paid for the order ({paid}).</source>
        <translation>退款 {refund} 超过了买家该订单的实付金额（{paid}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order has been shipped, so this is not a refund before shipping.</source>
        <translation>该订单已发货，不属于未发货仅退款。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a return and refund, an exchange or a refused delivery brings goods back.</source>
        <translation>只有退货退款、换货或拒收才会有退回的商品。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This return has already been received.</source>
        <translation>该退货已签收入库。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order&apos;s import already put this line back into the returns warehouse.</source>
        <translation>订单导入时已将该商品行退回退货仓。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That line is not on this ticket&apos;s order.</source>
        <translation>该商品行不属于此工单关联的订单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That order line is linked to no SKU yet: link it in the order first.</source>
        <translation>该订单商品行尚未关联 SKU：请先在订单中关联。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{qty} units cannot come back: the line holds {max}.</source>
        <translation>无法退回 {qty} 件：该商品行只有 {max} 件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a resend or an exchange ships goods again.</source>
        <translation>只有补发或换货才会再次发货。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{qty} units cannot be sent for this line: it holds {max}.</source>
        <translation>该商品行只有 {max} 件，无法发出 {qty} 件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the tracking number of the new shipment.</source>
        <translation>请输入新包裹的运单号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A canned reply needs a title and a text.</source>
        <translation>快捷回复需要标题和内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This canned reply no longer exists.</source>
        <translation>该快捷回复已不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA targets must be more than zero, and the first response due before the resolution.</source>
        <translation>SLA 时限必须大于零，且首次响应时限不能晚于解决时限。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service desk must close after it opens.</source>
        <translation>客服下班时间必须晚于上班时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every date must be in {year}.</source>
        <translation>所有日期都必须在 {year} 年内。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the refund as an amount in yuan, e.g. 12.50.</source>
        <translation>请按元输入退款金额，例如 12.50。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This import is no longer in the import history.</source>
        <translation>导入记录中已找不到这次导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This import has already been undone.</source>
        <translation>这次导入已经撤销过了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This import cannot be undone: later imports ({later}) changed the same orders. Undo those first.</source>
        <translation>无法撤销这次导入：之后的导入（{later}）修改了相同的订单。请先撤销那些导入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This import cannot be undone: later imports ({later}) include orders it created or changed. Undo those first.</source>
        <translation>无法撤销此次导入：之后的导入（{later}）包含它新建或修改的订单。请先撤销那些导入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The column mapping is not complete yet. Still to be mapped: {fields}.</source>
        <translation>列对应关系还不完整，尚未对应：{fields}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} is not a column mapping file SellerDesk can read: {detail}.</source>
        <translation>{file} 不是 SellerDesk 能读取的列映射文件：{detail}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The column mapping names fields SellerDesk does not know: {fields}.</source>
        <translation>列映射中有 SellerDesk 不认识的字段：{fields}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The column mapping names columns this file does not have: {columns}.</source>
        <translation>列映射中的这些列在文件中不存在：{columns}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map the order&apos;s paid amount once: either as the paid amount or as the amount net of refunds, not both.</source>
        <translation>订单实付金额只能映射一次：要么映射为实付金额，要么映射为扣除退款后的金额，不能两者都映射。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} lacks {columns}. {fallbacks} can be read in its place once you accept it.</source>
        <translation>{file} 缺少 {columns}。确认后可改用 {fallbacks} 代替。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码不正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{login}” cannot be a login: use 2 to 64 letters, digits and . _ - @ (no spaces).</source>
        <translation>“{login}”不能作为登录名：请使用 2 到 64 个字母、数字或 . _ - @（不含空格）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The login “{login}” is already used by another account.</source>
        <translation>登录名“{login}”已被其他账号使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first account must be the owner&apos;s: add the owner first, then the staff.</source>
        <translation>第一个账号必须是店主的：请先添加店主，再添加员工。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{login} is the last active owner. Make someone else owner first; a shop always keeps one.</source>
        <translation>{login} 是最后一位启用中的店主。请先把其他人设为店主；店铺至少要保留一位店主。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A password needs at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{role}” is not a role SellerDesk knows.</source>
        <translation>“{role}”不是 SellerDesk 认识的角色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no account with the login “{login}”.</source>
        <translation>没有登录名为“{login}”的账号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The idle time must be between 0 and {max} minutes.</source>
        <translation>空闲时间必须在 0 到 {max} 分钟之间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} could not be written: another program (Excel, WPS or LibreOffice) has it open. Close it there and try again, or choose another name.</source>
        <translation>无法写入 {path}：另一个程序（Excel、WPS 或 LibreOffice）正打开着它。请在那里关闭后重试，或换一个文件名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} could not be written: you have no permission to write in {folder}. Choose another folder, such as Documents.</source>
        <translation>无法写入 {path}：您没有在 {folder} 中写入的权限。请选择其他文件夹，例如“文档”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} could not be written: the disk is full. Free some space or choose another drive.</source>
        <translation>无法写入 {path}：磁盘已满。请腾出空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} could not be written: the drive or share is read-only. Choose a folder on a drive you may write to.</source>
        <translation>无法写入 {path}：该磁盘或共享是只读的。请选择可写磁盘上的文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} could not be written: the folder {folder} cannot be found or made. Check that the drive or network share is there, or choose another folder.</source>
        <translation>无法写入 {path}：找不到也无法创建文件夹 {folder}。请检查该磁盘或网络共享是否可用，或选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} could not be written: a file stands where a folder of that path should be. Choose another folder.</source>
        <translation>无法写入 {path}：路径中本应是文件夹的位置是一个文件。请选择其他文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is a folder, not a file. Choose a file name inside it.</source>
        <translation>{path} 是一个文件夹，不是文件。请在其中选择一个文件名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be written: the name is too long or holds characters the system does not allow.</source>
        <translation>无法写入 {path}：文件名太长，或含有系统不允许的字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} could not be written:
{detail}</source>
        <translation>无法写入 {path}：
{detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This review no longer exists, or it is not yours to see.</source>
        <translation>此考核已不存在，或您无权查看。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{month}” is not a month: write it as YYYY-MM, e.g. 2026-08.</source>
        <translation>“{month}”不是有效月份：请写成 YYYY-MM，例如 2026-08。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This KPI line is no longer on the review. Reload it.</source>
        <translation>该考核项已不在此考核中，请重新加载。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The score of {line} must be between 0 and {max}.</source>
        <translation>“{line}”的得分必须在 0 到 {max} 之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The actual of {line} comes from the shop&apos;s data and cannot be typed over.</source>
        <translation>“{line}”的实际值来自店铺数据，不能手工修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An improvement plan item needs a text.</source>
        <translation>改进计划的每一项都需要填写内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This review cannot be changed at its current step. Reload it.</source>
        <translation>此考核在当前阶段不能修改，请重新加载。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This step is not possible at the review&apos;s current stage. Reload it.</source>
        <translation>考核当前所处阶段不能执行此操作，请重新加载。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These lines have no score yet: {lines}. Enter their scores or actuals first.</source>
        <translation>以下考核项还没有得分：{lines}。请先填写得分或实际值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grade thresholds must fall from S to C (S above A above B above C, none below 0).</source>
        <translation>等级分数线必须从 S 到 C 依次降低（S 高于 A 高于 B 高于 C，且不低于 0）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role “{role}” has no KPI template.</source>
        <translation>岗位“{role}”没有考核模板。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every KPI line needs a name (at most {max} characters).</source>
        <translation>每个考核项都需要名称（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{metric}” is not a metric SellerDesk knows.</source>
        <translation>“{metric}”不是 SellerDesk 已知的指标。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The metric “{metric}” does not apply to this role.</source>
        <translation>指标“{metric}”不适用于该岗位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The weight of {line} must be between 0 % and 100 %.</source>
        <translation>“{line}”的权重必须在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A line&apos;s highest score must be above 0 and at most {max} points.</source>
        <translation>考核项的最高得分必须大于 0，且不超过 {max} 分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{line} is scored by bands: add at least one band.</source>
        <translation>“{line}”按分档计分：请至少添加一个分档。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The weights add up to {total} %; they must total 100 %.</source>
        <translation>权重合计为 {total}%，必须正好等于 100%。</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/ticket_dialog.py" line="-73"/>
        <source>New service ticket</source>
        <translation>新建客服工单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Asks whether the size runs small</source>
        <translation>例如：询问尺码是否偏小</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no shop)</source>
        <translation>（不指定店铺）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer:</source>
        <translation>买家：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open ticket</source>
        <translation>创建工单</translation>
    </message>
</context>
<context>
    <name>OpenDatabaseDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/open_database.py" line="+30"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A database file on this computer (SQLite)</source>
        <translation>本机上的数据库文件（SQLite）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A database server shared by several computers (PostgreSQL)</source>
        <translation>多台电脑共用的数据库服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Path of the database file</source>
        <translation>数据库文件路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file that does not exist yet becomes a new, empty database.</source>
        <translation>如果文件尚不存在，将新建一个空数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask whoever set up the server for this address. The database must already exist.</source>
        <translation>请向搭建服务器的同事索取此地址。该数据库必须已经存在。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>This file is on a network share ({kind}). Several PCs writing one database file over a network can damage it: to share data between PCs, use a PostgreSQL server (below).</source>
        <translation>该文件位于网络共享上（{kind}）。多台电脑通过网络写入同一个数据库文件可能会损坏它：多台电脑共用数据请使用 PostgreSQL 服务器（见下方）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose or name a database file</source>
        <translation>选择或命名数据库文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SellerDesk databases (*.sqlite *.sqlite3 *.db)</source>
        <translation>SellerDesk 数据库 (*.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A server address starts with postgresql://</source>
        <translation>服务器地址应以 postgresql:// 开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a database file, or type the name of a new one.</source>
        <translation>请选择一个数据库文件，或输入新文件名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is a folder. Choose a file in it, or type a new file name.</source>
        <translation>这是一个文件夹。请选择其中的文件，或输入新文件名。</translation>
    </message>
</context>
<context>
    <name>OrderDetailDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/order_detail.py" line="+109"/>
        <source>Order {id}</source>
        <translation>订单 {id}</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Items (%n)</source>
        <translation>
            <numerusform>商品（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Buyer&apos;s other orders (%n)</source>
        <translation>
            <numerusform>该买家的其他订单（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Tickets (%n)</source>
        <translation>
            <numerusform>工单（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imports (%n)</source>
        <translation>
            <numerusform>导入记录（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Open a service ticket…</source>
        <translation>新建售后工单…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Buyer:</source>
        <translation>买家：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receiver:</source>
        <translation>收货人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping:</source>
        <translation>物流：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ship by:</source>
        <translation>最晚发货：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buyer&apos;s message:</source>
        <translation>买家留言：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seller&apos;s memo:</source>
        <translation>卖家备注：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Goods:</source>
        <translation>商品金额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount:</source>
        <translation>优惠：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping fee:</source>
        <translation>运费：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid:</source>
        <translation>实付：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded:</source>
        <translation>已退款：</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Open SKU</source>
        <translation>查看 SKU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No SKU in the catalog has this seller code. Link it under Products → More → Unlinked platform items.</source>
        <translation>商品资料中没有这个商家编码的 SKU。请在 商品 → 更多 → 未关联的平台商品 中关联。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open this SKU in the product editor</source>
        <translation>在商品编辑中打开这个 SKU</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order placed</source>
        <translation>下单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer paid</source>
        <translation>买家付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund requested</source>
        <translation>申请退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund finished</source>
        <translation>退款结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket opened</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+44"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order ID</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click an order to open it</source>
        <translation>双击订单可打开</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click a ticket to open it</source>
        <translation>双击工单可打开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Created the order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated the order</source>
        <translation>更新订单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/orders.py" line="+91"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+102"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+104"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Order ID</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tracking</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Created at</source>
        <translation>下单时间</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>共 %Ln 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No orders match these filters.</source>
        <translation>没有符合筛选条件的订单。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Finds the orders whose order ID, buyer, receiver, phone, tracking number, seller codes or item titles contain the text you type.</source>
        <translation>查找订单编号、买家、收货人、电话、快递单号、商家编码或商品标题中包含所输入文字的订单。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search order ID, buyer, tracking no., seller code, item…</source>
        <translation>搜索订单编号、买家、快递单号、商家编码、商品…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Late to ship: the deadline has passed.</source>
        <translation>超时未发货：已过最晚发货时间。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n item(s) with a seller code that matches no SKU.</source>
        <translation>
            <numerusform>%n 件商品的商家编码未关联到 SKU。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+271"/>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No refund</source>
        <translation>无售后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any refund state</source>
        <translation>全部售后状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund / after-sale state</source>
        <translation>退款 / 售后状态</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only orders whose order, payment or shipping day lies in the range (each shop&apos;s own days)</source>
        <translation>只显示下单、付款或发货日期在范围内的订单（按各店铺所在时区计日）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only orders an item file brought without their order file: they count in no figure</source>
        <translation>只看由宝贝文件带来、缺少订单文件的订单：它们不计入任何数字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show every order again</source>
        <translation>重新显示全部订单</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enter or paste tracking numbers for many orders, mark them shipped, write batch-ship files</source>
        <translation>为多个订单填写或粘贴运单号、标记发货、生成批量发货文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shipping deadlines…</source>
        <translation>发货时限…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many hours after payment each platform allows to ship</source>
        <translation>各平台要求付款后多少小时内发货</translation>
    </message>
    <message numerus="yes">
        <location line="+270"/>
        <source>Copy order ID(s)</source>
        <translation>
            <numerusform>复制订单编号</numerusform>
        </translation>
    </message>
    <message>
        <location line="-312"/>
        <source>Late to ship</source>
        <translation>超时未发货</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>No orders yet.
Download the order exports from the seller back ends of Taobao/Tmall, JD, Pinduoduo or Douyin and import them (or drop the files on this window).</source>
        <translation>还没有订单。
从淘宝/天猫、京东、拼多多或抖音的商家后台下载订单导出文件并导入（或把文件拖到本窗口）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import exports…</source>
        <translation>导入导出文件…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment date</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only paid orders whose shipping deadline has passed</source>
        <translation>只显示已付款且已过最晚发货时间的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlinked items</source>
        <translation>未关联商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only orders with items whose seller code matches no SKU</source>
        <translation>只显示含有商家编码未关联 SKU 商品的订单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ship orders…</source>
        <translation>批量发货…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export view…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the orders in this list, as filtered and sorted, to an Excel file</source>
        <translation>按当前筛选和排序，把列表中的订单导出为 Excel 文件</translation>
    </message>
    <message numerus="yes">
        <location line="+209"/>
        <source>%Ln order(s) late to ship</source>
        <translation>
            <numerusform>%Ln 个订单超时未发货</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show them</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No order is late to ship.</source>
        <translation>没有超时未发货的订单。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Service ticket opened.</source>
        <translation>已新建售后工单。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open order…</source>
        <translation>打开订单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a service ticket…</source>
        <translation>新建售后工单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open in the seller back end</source>
        <translation>在商家后台打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ship selected orders…</source>
        <translation>发货选中的订单…</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <location filename="../../sellerdesk/ui/wizard/first_run.py" line="+122"/>
        <source>The owner&apos;s account</source>
        <translation>店主账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With accounts, each person signs in and sees what their role allows. Staff are added later.</source>
        <translation>有了账号，每个人登录后只看到其角色允许的内容。员工可以以后再添加。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the owner&apos;s account (sign in at start)</source>
        <translation>创建店主账号（启动时登录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sign-in: I work alone</source>
        <translation>不登录：我一个人用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. boss</source>
        <translation>例如 boss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Without accounts everyone using this PC acts as the owner. Settings → Staff adds them later.</source>
        <translation>没有账号时，使用本机的人都以店主身份操作。以后可在“设置 → 员工”中添加账号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The owner&apos;s account “{login}” exists already</source>
        <translation>店主账号“{login}”已存在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the accounts as they are</source>
        <translation>保持现有账号不变</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/staff_dialog.py" line="+8"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new password for {name} ({login}):</source>
        <translation>为 {name}（{login}）设置新密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PlatformFiguresModel</name>
    <message>
        <location filename="../../sellerdesk/ui/tablemodels/platform_figures.py" line="+23"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid orders</source>
        <translation>支付订单数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/import_dialog.py" line="-484"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{problem} (imported all the same)</source>
        <translation>{problem}（仍已导入）</translation>
    </message>
</context>
<context>
    <name>ProductEditorDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/product_editor.py" line="+138"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>商品标题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Role</source>
        <translation>商品角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf status</source>
        <translation>上架状态</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add SKU</source>
        <translation>添加 SKU</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Platform listings linked to this SKU</source>
        <translation>已关联到此 SKU 的平台商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+15"/>
        <location line="+25"/>
        <source>(new SKU)</source>
        <translation>（新 SKU）</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>{field}: not an amount of money.</source>
        <translation>{field}：不是有效的金额。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Margin after platform fees: unknown (no cost entered)</source>
        <translation>扣除平台费后的毛利：未知（未录入成本）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Margin after platform fees:</source>
        <translation>扣除平台佣金后的毛利：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✓ No banned words in the titles</source>
        <translation>✓ 标题中没有违禁词</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Banned by the advertising law (highlighted):</source>
        <translation>含广告法禁用词（已标出）：</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Saved. The titles still contain words banned by the advertising law: {words}</source>
        <translation>已保存。标题中仍含有广告法禁用词：{words}</translation>
    </message>
</context>
<context>
    <name>ProductLabels</name>
    <message>
        <location line="-471"/>
        <source>Traffic (引流款)</source>
        <translation>引流款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit (利润款)</source>
        <translation>利润款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hero (爆款)</source>
        <translation>爆款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image (形象款)</source>
        <translation>形象款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Introduction</source>
        <translation>导入期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth</source>
        <translation>成长期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mature</source>
        <translation>成熟期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On shelf</source>
        <translation>在售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off shelf</source>
        <translation>已下架</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warn</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block</source>
        <translation>禁止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In stock</source>
        <translation>库存充足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At reorder point</source>
        <translation>需补货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below safety stock</source>
        <translation>低于安全库存</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/products.py" line="+116"/>
        <location line="+435"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="-465"/>
        <source>{level}: safety stock {safety}, reorder point {reorder}</source>
        <translation>{level}：安全库存 {safety}，补货点 {reorder}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Price below cost</source>
        <translation>售价低于成本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+42"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Role</source>
        <translation>商品角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+39"/>
        <source>Shelf</source>
        <translation>上架状态</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>On hand</source>
        <translation>实物库存</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Available</source>
        <translation>可用库存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln SKU(s)</source>
        <translation>
            <numerusform>%Ln 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Search seller code, title, variant or barcode</source>
        <translation>搜索商家编码、名称、规格或条形码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All stages</source>
        <translation>全部生命周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All shelf states</source>
        <translation>全部上架状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All stock levels</source>
        <translation>全部库存状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+193"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Receive…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct…</source>
        <translation>库存调整…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer…</source>
        <translation>调拨…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export count sheet…</source>
        <translation>导出盘点表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import counted sheet…</source>
        <translation>导入盘点结果…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete product…</source>
        <translation>删除商品…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Export purchase list…</source>
        <translation>导出采购清单…</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No SKU matches these filters.</source>
        <translation>没有符合筛选条件的 SKU。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No products yet.
Add products one by one, import your catalog sheet (seller code, title, price, cost), or import order exports: their items then wait here to be linked.</source>
        <translation>还没有商品。
可以逐个新建商品，导入商品资料表（商家编码、标题、售价、成本），或导入订单导出文件：其中的商品会在这里等待关联。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New product…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import catalog…</source>
        <translation>导入商品资料…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Role in the range</source>
        <translation>商品定位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock level</source>
        <translation>库存水平</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a product and its SKUs</source>
        <translation>新建商品及其 SKU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the selected product</source>
        <translation>编辑选中的商品</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Check titles for banned words</source>
        <translation>检查标题违禁词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit banned words…</source>
        <translation>编辑违禁词…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlinked platform items…</source>
        <translation>未关联的平台商品…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export catalog…</source>
        <translation>导出商品资料…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receive, correct or transfer stock; count sheets</source>
        <translation>入库、盘点修正或调拨；盘点表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exports, banned words, unlinked items</source>
        <translation>导出、违禁词、未关联商品</translation>
    </message>
    <message>
        <location line="+101"/>
        <location line="+29"/>
        <source>Import catalog</source>
        <translation>导入商品资料</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importing the catalog…</source>
        <translation>正在导入商品资料…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{created} SKU(s) added, {updated} updated.</source>
        <translation>新增 {created} 个 SKU，更新 {updated} 个。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported: {count} problem(s) in the sheet. The first: row {row}, column {column}: {message}</source>
        <translation>未导入任何内容：表格中有 {count} 个问题。第一个：第 {row} 行，“{column}”列：{message}</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+33"/>
        <source>Select a SKU first.</source>
        <translation>请先选择一个 SKU。</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+10"/>
        <source>Delete product</source>
        <translation>删除商品</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>Move “{title}” and its %n SKU(s) to the recycle bin?

The owner can restore it from Settings → Recycle bin for 30 days.</source>
        <translation>
            <numerusform>把“{title}”及其 %n 个 SKU 移到回收站？

30 天内，店主可在“设置 → 回收站”中恢复。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{title}” is in the recycle bin.</source>
        <translation>“{title}”已移到回收站。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Purchase list</source>
        <translation>采购清单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sales of the last (days):</source>
        <translation>按最近几天的销量计算（天）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export purchase list</source>
        <translation>导出采购清单</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Purchase list written: %n SKU(s) to order.</source>
        <translation>
            <numerusform>采购清单已导出：%n 个 SKU 需要采购。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the purchase list…</source>
        <translation>正在生成采购清单…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export count sheet</source>
        <translation>导出盘点表</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Count sheet written: %n SKU(s).</source>
        <translation>
            <numerusform>盘点表已导出：%n 个 SKU。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import counted sheet</source>
        <translation>导入盘点结果</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export catalog</source>
        <translation>导出商品资料</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Catalog written: %n SKU(s).</source>
        <translation>
            <numerusform>商品资料已导出：%n 个 SKU。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Title check</source>
        <translation>标题检查</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n SKU title(s) contain words banned by the advertising law.</source>
        <translation>
            <numerusform>%n 个 SKU 的标题含有广告法禁用词。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+16"/>
        <source>Banned words</source>
        <translation>违禁词</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One word or phrase per line; titles containing any of them are flagged.</source>
        <translation>每行一个词；标题中含有任一词语都会被标出。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Someone else saved the banned words while you were editing them. Load their list? Your changes here are then replaced; add them again and save.</source>
        <translation>您编辑期间，别人保存了违禁词列表。要载入他们的列表吗？这里的修改会被替换，请重新添加后再保存。</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/recycle_bin.py" line="+35"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>删除人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gone for good</source>
        <translation>彻底删除时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted records stay here for {days} days, left out of every list and figure, then they are removed for good. Restoring one puts it back as it was.</source>
        <translation>删除的记录在这里保留 {days} 天，不出现在任何列表和统计中，之后将被彻底删除。恢复后，记录会回到删除前的样子。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The recycle bin is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>RefundTrendChart</name>
    <message>
        <location filename="../../sellerdesk/ui/charts/refund_trend.py" line="+20"/>
        <source>MMM yyyy</source>
        <comment>date format: Qt QDate pattern, month and year</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>{month}: refund rate {rate}
%n refunded of {orders} paid orders</source>
        <translation>
            <numerusform>{month}：退款率 {rate}
{orders} 笔支付订单中 %n 笔退款</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This month so far: refunds of recent orders are still to come.</source>
        <translation>本月尚未结束：近期订单的退款还会陆续发生。</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../sellerdesk/ui/report_actions.py" line="+64"/>
        <source>MMMM yyyy</source>
        <comment>date format: Qt QDate pattern, month and year</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>&amp;Monthly report…</source>
        <translation>月度报表(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the manager&apos;s monthly Excel report</source>
        <translation>生成给经理的月度 Excel 报表</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Writing the monthly report for {month}…</source>
        <translation>正在生成 {month} 的月度报表…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The monthly report was cancelled.</source>
        <translation>已取消生成月度报表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monthly report saved to {path}</source>
        <translation>月度报表已保存到 {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Monthly report saved</source>
        <translation>月度报表已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The monthly report is saved:
{path}</source>
        <translation>月度报表已保存：
{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location line="-148"/>
        <source>Monthly report</source>
        <translation>月度报表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An Excel workbook for the manager: summary with charts, platforms and shops, SKUs, days, refunds, service, team and every paid order of the month, in the language SellerDesk shows now.</source>
        <translation>给经理的 Excel 工作簿：概览（含图表）、平台与店铺、商品、每日、退款售后、客服、团队，以及本月每一笔已付款订单；语言与 SellerDesk 当前界面一致。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>SellerDesk monthly report {month}.xlsx</source>
        <translation>SellerDesk 月度报表 {month}.xlsx</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the monthly report</source>
        <translation>保存月度报表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>RestoreBackup</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/restore_backup.py" line="+37"/>
        <source>the file is gone</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a database file</source>
        <translation>不是数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged (it fails its integrity check)</source>
        <translation>已损坏（未通过完整性检查）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a SellerDesk database</source>
        <translation>不是 SellerDesk 数据库</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location line="+12"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replaces all the data in this database with a backup. The data it holds now is saved first, as a backup of its own, so this can be undone the same way.</source>
        <translation>用备份替换此数据库中的全部数据。当前数据会先另存为一份备份，因此可以用同样的方式撤销。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic backups, newest first:</source>
        <translation>自动备份（最新的在前）：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{time}   {name}</source>
        <translation>{time}   {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{time}   {name}   (cannot be restored: {problem})</source>
        <translation>{time}   {name}   （无法恢复：{problem}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No automatic backups yet.</source>
        <translation>尚无自动备份。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SellerDesk databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>SellerDesk 数据库 (*.sqlite *.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} cannot be restored: {problem}.</source>
        <translation>无法从 {name} 恢复：{problem}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chosen file: {name}</source>
        <translation>已选文件：{name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replace all the data in this database with the backup {name}?

Everyone using this database loses what was entered after the backup was made. The current data is saved as a backup first.</source>
        <translation>用备份 {name} 替换此数据库中的全部数据？

所有使用此数据库的人都会失去备份之后录入的内容。当前数据会先另存为一份备份。</translation>
    </message>
</context>
<context>
    <name>ReviewEditorDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/review_editor.py" line="+122"/>
        <source>Overall score · grade</source>
        <translation>总分 · 等级</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>KPI</source>
        <translation>考核项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the actual comes from</source>
        <translation>实际值来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>How the month went, in the person&apos;s own words</source>
        <translation>本人对本月工作的自我评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The manager&apos;s assessment and advice</source>
        <translation>主管的评价与建议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Self-review</source>
        <translation>自评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager&apos;s comment</source>
        <translation>主管评语</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Improvement plan item</source>
        <translation>改进计划项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What to improve, concretely</source>
        <translation>具体要改进什么</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+401"/>
        <source>Improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <location line="-397"/>
        <source>Each item becomes a task for the person when the review is submitted.</source>
        <translation>考核提交后，每一项都会成为该员工的一条任务。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Performance review · {name} · {month}</source>
        <translation>绩效考核 · {name} · {month}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status} · submitted</source>
        <translation>{status} · 已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewer: {name}</source>
        <translation>考核人：{name}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Type the actual ({unit})</source>
        <translation>填写实际值（{unit}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the score (0 to {max})</source>
        <translation>填写得分（0 到 {max}）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{metric} · typed in, no data</source>
        <translation>{metric} · 无数据，手工填写</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{metric} · orders of the month ›</source>
        <translation>{metric} · 当月订单 ›</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{metric} · %n record(s) ›</source>
        <translation>
            <numerusform>{metric} · %n 条记录 ›</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>after submit</source>
        <translation>提交后生成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submitted {time}: the actuals are frozen.</source>
        <translation>已于 {time} 提交：实际值已冻结。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Actuals from the shop&apos;s data as of {time}; they refresh until the review is submitted.</source>
        <translation>实际值取自店铺数据（截至 {time}），考核提交前会持续更新。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The actuals refresh from the shop&apos;s data until the review is submitted.</source>
        <translation>考核提交前，实际值会随店铺数据更新。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledged {time}.</source>
        <translation>已于 {time} 确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a figure with a link to open the records behind it; type into the shaded cells.</source>
        <translation>点击带链接的数字可查看其背后的记录；底色单元格可填写。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a figure with a link to open the records behind it.</source>
        <translation>点击带链接的数字可查看其背后的记录。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The overall score appears once every line has one.</source>
        <translation>每一项都有得分后才会显示总分。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>“{text}” is not a number ({line}).</source>
        <translation>“{text}”不是数字（{line}）。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Submit the review of {name}? The actuals stop refreshing, the score and grade are stored, and the plan items become tasks. The person is then asked to acknowledge it.</source>
        <translation>提交 {name} 的考核吗？实际值将停止更新，得分和等级会被保存，改进计划项将生成任务。之后会请本人确认。</translation>
    </message>
</context>
<context>
    <name>ReviewExport</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/review_export.py" line="+41"/>
        <source>Export not saved</source>
        <translation>导出未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workbook could not be written to {path}:
{detail}

If the file is open in Excel or WPS, close it and try again, or choose another name.</source>
        <translation>无法将工作簿写入 {path}：
{detail}

如果该文件正在 Excel 或 WPS 中打开，请关闭后重试，或换一个文件名。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Review {name}</source>
        <translation>考核 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export review</source>
        <translation>导出考核</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Review exported to {file}.</source>
        <translation>考核已导出到 {file}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting the review…</source>
        <translation>正在导出考核…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Team reviews {month}</source>
        <translation>团队考核 {month}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the team&apos;s month</source>
        <translation>导出团队当月考核</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n} reviews exported to {file}.</source>
        <translation>已将 {n} 份考核导出到 {file}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting the reviews of {month}…</source>
        <translation>正在导出 {month} 的考核…</translation>
    </message>
</context>
<context>
    <name>ReviewSources</name>
    <message>
        <location filename="../../sellerdesk/ui/review_sources.py" line="+77"/>
        <source>Records behind “{what}” of {name}, {month}: {n}.</source>
        <translation>{name} {month} “{what}”背后的记录：{n} 条。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first {n} are listed.</source>
        <translation>仅列出前 {n} 条。</translation>
    </message>
</context>
<context>
    <name>ReviewTexts</name>
    <message>
        <location filename="../../sellerdesk/ui/review_texts.py" line="+16"/>
        <source>Ask for self-review</source>
        <translation>请本人自评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit my self-review</source>
        <translation>提交我的自评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review without self-review</source>
        <translation>跳过自评直接评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit review</source>
        <translation>提交考核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge</source>
        <translation>确认考核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person may now write their own comment</source>
        <translation>本人现在可以填写自评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand the review to your manager</source>
        <translation>把考核交给主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go straight to the manager&apos;s review</source>
        <translation>直接进入主管评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score and hand the review to the person; the actuals stop refreshing (they freeze)</source>
        <translation>评分后交给本人确认；实际值停止更新（冻结）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take the submitted review back to edit it; the actuals refresh again</source>
        <translation>收回已提交的考核重新编辑；实际值恢复更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm you have read the review</source>
        <translation>确认您已阅读该考核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person</source>
        <translation>本人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody (done)</source>
        <translation>无（已完成）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Linear to target</source>
        <translation>按目标线性计分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bands</source>
        <translation>分档计分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual score</source>
        <translation>手工评分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entered by hand</source>
        <translation>手工填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets handled</source>
        <translation>处理工单数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response, median</source>
        <translation>首次响应时长（中位数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution time, median</source>
        <translation>解决时长（中位数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA hit rate</source>
        <translation>SLA 达成率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad reviews recovered</source>
        <translation>差评挽回数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GMV against target</source>
        <translation>GMV 达成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late-shipment rate</source>
        <translation>延迟发货率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stocktake accuracy</source>
        <translation>盘点准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKUs out of stock</source>
        <translation>缺货 SKU 数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings updated</source>
        <translation>商品更新数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Titles failing the banned-word check</source>
        <translation>含违禁词的标题数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uplift of own promotions</source>
        <translation>自主活动的提升幅度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks done</source>
        <translation>完成任务数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks done on time</source>
        <translation>按时完成任务率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the tickets behind this figure</source>
        <translation>查看构成该数字的工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the orders behind this figure</source>
        <translation>查看构成该数字的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the tasks behind this figure</source>
        <translation>查看构成该数字的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the SKUs behind this figure</source>
        <translation>查看构成该数字的 SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the products behind this figure</source>
        <translation>查看构成该数字的商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>ReviewTrendChart</name>
    <message>
        <location filename="../../sellerdesk/ui/charts/review_trend.py" line="+35"/>
        <source>MMM yyyy</source>
        <comment>date format: Qt QDate pattern, month and year</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>{month}: not scored yet</source>
        <translation>{month}：尚未评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{month}: score {score}, grade {grade}</source>
        <translation>{month}：得分 {score}，等级 {grade}</translation>
    </message>
</context>
<context>
    <name>ReviewTrendDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/review_trend.py" line="+28"/>
        <source>Score trend · {name}</source>
        <translation>得分趋势 · {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: overall review score by month</source>
        <translation>{name}：各月考核总分</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n month(s) scored · average {average} · last {last}</source>
        <translation>
            <numerusform>已评分 %n 个月 · 平均 {average} · 最近 {last}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No scored review yet.</source>
        <translation>还没有已评分的考核。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dashed lines: the lowest score of each grade. Months without a review are left out.</source>
        <translation>虚线：各等级的起点分。没有考核的月份不显示。</translation>
    </message>
</context>
<context>
    <name>ReviewUnits</name>
    <message>
        <location filename="../../sellerdesk/ui/review_units.py" line="+26"/>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>s</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/reviews.py" line="+129"/>
        <source>Performance reviews</source>
        <translation>绩效考核</translation>
    </message>
    <message>
        <location line="+241"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+36"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Creating the reviews of {month}…</source>
        <translation>正在创建 {month} 的考核…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+250"/>
        <source>Create reviews</source>
        <translation>创建考核</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>Create the reviews of {month} for every active staff member who has none yet? Their KPI lines come from their role&apos;s template; the actuals fill themselves from the shop&apos;s data.</source>
        <translation>为所有尚未有 {month} 考核的在职员工创建考核吗？考核项来自其岗位模板，实际值会自动从店铺数据中获取。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Create this month&apos;s reviews</source>
        <translation>创建本月考核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the shown month&apos;s review for every active staff member who has none yet</source>
        <translation>为尚未有所选月份考核的在职员工创建考核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KPI templates…</source>
        <translation>KPI 模板…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The KPI lines of each role, their weights and scoring; the grades</source>
        <translation>各岗位的考核项、权重和计分方式；等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This review…</source>
        <translation>所选考核…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team&apos;s month…</source>
        <translation>团队当月考核…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score trend…</source>
        <translation>得分趋势…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected person&apos;s scores over the months</source>
        <translation>所选员工各月的得分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The month of the reviews</source>
        <translation>考核月份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for me (every month)</source>
        <translation>待我处理（所有月份）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every role</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search staff member</source>
        <translation>搜索员工</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for</source>
        <translation>等待</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Submitted by the manager: the actuals are frozen; the person acknowledges it next</source>
        <translation>主管已提交：实际值已冻结，接下来由本人确认</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%Ln review(s)</source>
        <translation>
            <numerusform>%Ln 份考核</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No review is waiting for you.</source>
        <translation>没有待您处理的考核。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No review matches these filters.</source>
        <translation>没有符合筛选条件的考核。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No reviews for {month} yet.
“Create this month&apos;s reviews” makes one for every active staff member.</source>
        <translation>{month} 还没有考核。
点击“创建本月考核”为每位在职员工创建一份。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No review of yours for {month} yet.</source>
        <translation>您在 {month} 还没有考核。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n review(s) created</source>
        <translation>
            <numerusform>已创建 %n 份考核</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n already there</source>
        <translation>
            <numerusform>；%n 份已存在</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not created for these roles: their KPI template is empty or its weights do not total 100 %: {roles}</source>
        <translation>以下岗位未创建：其 KPI 模板为空或权重合计不是 100%：{roles}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{status} · submitted</source>
        <translation>{status} · 已提交</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../sellerdesk/ui/wizard/first_run.py" line="+132"/>
        <source>Set up SellerDesk</source>
        <translation>设置 SellerDesk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>ShipDeadlinesDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/ship_deadlines.py" line="+21"/>
        <source>Shipping deadlines</source>
        <translation>发货时限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An order is late to ship when it is still unshipped this many hours after payment. Use the deadline each platform sets for your shops.</source>
        <translation>订单在付款后超过这么多小时仍未发货，即算超时未发货。请按各平台对你店铺的发货时限填写。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
</context>
<context>
    <name>ShippingDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/shipping_dialog.py" line="+55"/>
        <source>Ship orders</source>
        <translation>批量发货</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>One order per line: order ID, carrier, tracking number, separated by tabs (as copied from Excel or WPS), commas or spaces. Short carrier names such as 圆通 or SF are accepted.</source>
        <translation>每行一个订单：订单编号、物流公司、运单号，用制表符（从 Excel 或 WPS 复制即是）、逗号或空格分隔。物流公司可写简称，如 圆通、SF。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read from sheet…</source>
        <translation>从表格读取…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order ID</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark shipped</source>
        <translation>标记发货</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write batch-ship files…</source>
        <translation>生成批量发货文件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n order(s) ready to ship.</source>
        <translation>
            <numerusform>%n 个订单可以发货。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) with problems (see the last column).</source>
        <translation>
            <numerusform>%n 行有问题（见最后一列）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>%n order(s) marked shipped. Next, write the batch-ship files and upload them.</source>
        <translation>
            <numerusform>已将 %n 个订单标记为已发货。下一步：生成批量发货文件并上传到平台。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add the carrier and the tracking number</source>
        <translation>请填写物流公司和运单号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order ID missing</source>
        <translation>缺少订单编号</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Marking orders shipped…</source>
        <translation>正在标记发货…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder for the batch-ship files</source>
        <translation>批量发货文件的保存文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing batch-ship files…</source>
        <translation>正在生成批量发货文件…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Read tracking numbers</source>
        <translation>读取运单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>已生成 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No such order</source>
        <translation>找不到该订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several shops have an order with this ID</source>
        <translation>多个店铺都有这个订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform does not accept this carrier</source>
        <translation>该平台不支持这家物流公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not waiting to be shipped</source>
        <translation>不是待发货订单</translation>
    </message>
</context>
<context>
    <name>ShopsDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/shops_dialog.py" line="+117"/>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Imports whose file names no shop go to the platform&apos;s default shop. The fee rate is the platform&apos;s commission; the time zone decides which day and month an order counts in.</source>
        <translation>文件未写明店铺的导入会进入该平台的默认店铺。费率是平台佣金；时区决定订单计入哪一天、哪个月。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Default shop of its platform</source>
        <translation>设为该平台的默认店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New shop</source>
        <translation>新建店铺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ShopsModel</name>
    <message>
        <location line="-106"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fee rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+40"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ShopsPage</name>
    <message>
        <location filename="../../sellerdesk/ui/wizard/first_run.py" line="-127"/>
        <source>Your shops</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One line per shop. The fee rate is the platform&apos;s commission, used for the gross margin.</source>
        <translation>每个店铺一行。费率是平台佣金，用于计算毛利。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shop name as on the platform</source>
        <translation>平台上的店铺名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fee:</source>
        <translation>费率：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None yet? Skip this: importing a platform&apos;s export creates its shop.</source>
        <translation>还没有店铺？可以跳过：导入平台的导出文件时会自动创建店铺。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>That shop is in the list already.</source>
        <translation>该店铺已在列表中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{platform} · {name} · fee {fee} %</source>
        <translation>{platform} · {name} · 费率 {fee} %</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../sellerdesk/ui/shortcuts.py" line="+39"/>
        <source>Files and data</source>
        <translation>文件与数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving around</source>
        <translation>切换页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the current page</source>
        <translation>当前页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import platform exports</source>
        <translation>导入平台导出文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly report</source>
        <translation>月度报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock (when sign-in is on)</source>
        <translation>锁定（已开启登录时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to Home</source>
        <translation>转到首页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Products</source>
        <translation>转到商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Orders</source>
        <translation>转到订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Service tickets</source>
        <translation>转到售后工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Team tasks</source>
        <translation>转到团队任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to Performance reviews</source>
        <translation>转到绩效考核</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search this page</source>
        <translation>在本页搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh this page</source>
        <translation>刷新本页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New product, ticket or task</source>
        <translation>新建商品、工单或任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the list shown</source>
        <translation>导出当前列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship orders</source>
        <translation>批量发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (in a form)</source>
        <translation>保存（在表单中）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This list of shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location line="+43"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/sign_in.py" line="+50"/>
        <source>SellerDesk is locked</source>
        <translation>SellerDesk 已锁定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in to SellerDesk</source>
        <translation>登录 SellerDesk</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SellerDesk locked itself after a while without use. {name}, sign in again to go on, or sign in as someone else.</source>
        <translation>SellerDesk 因一段时间无人使用已自动锁定。{name}，请重新登录以继续，也可以换其他人登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in with the login and password the shop&apos;s owner gave you.</source>
        <translation>请用店主为你设置的登录名和密码登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit SellerDesk</source>
        <translation>退出 SellerDesk</translation>
    </message>
</context>
<context>
    <name>SkuForm</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/product_editor.py" line="+82"/>
        <source>Same as the product</source>
        <translation>与商品标题相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. White / M</source>
        <translation>例如：白色 / M</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> g</source>
        <translation> 克</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What happens when a movement would take the stock below zero</source>
        <translation>库存变动会使库存低于零时的处理方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active (sold and counted)</source>
        <translation>启用（参与销售和盘点）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SKU title</source>
        <translation>SKU 名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Barcode</source>
        <translation>条形码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost (¥)</source>
        <translation>成本价（元）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price (¥)</source>
        <translation>售价（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lead time</source>
        <translation>采购周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum order qty</source>
        <translation>最小起订量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Negative stock</source>
        <translation>负库存</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
</context>
<context>
    <name>SlaDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/sla_dialog.py" line="+60"/>
        <source>SLA and service hours</source>
        <translation>SLA 与客服时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLA policies</source>
        <translation>SLA 规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service hours</source>
        <translation>客服时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holidays and make-up days</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes apply to tickets opened from now on.</source>
        <translation>修改对之后新建的工单生效。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response (min)</source>
        <translation>首次响应（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution (h)</source>
        <translation>解决（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+134"/>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Count business hours only</source>
        <translation>只计工作时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: the clock runs day and night, as the platforms&apos; own after-sale timers do</source>
        <translation>不勾选：全天连续计时，与平台自己的售后倒计时相同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save policy</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add as new policy</source>
        <translation>另存为新规则</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applies to:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First response within</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>min, resolution within</source>
        <translation>分钟，解决时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Targets:</source>
        <translation>时限：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>00:00 means midnight</source>
        <translation>00:00 表示午夜 24 点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed on weekends and public holidays</source>
        <translation>周末和法定节假日休息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Chinese public-holiday calendar, make-up working days included; off: every day is a working day</source>
        <translation>按中国法定节假日安排（含调休上班日）；不勾选：每天都是工作日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save hours</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opens at:</source>
        <translation>上班时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes at:</source>
        <translation>下班时间：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+94"/>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location line="-94"/>
        <location line="+94"/>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>e.g. National Day, make-up day</source>
        <translation>例如：国庆节、调休上班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this year</source>
        <translation>保存本年</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day and night</source>
        <translation>全天</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The holiday calendar knows {year}: add only your own changes.</source>
        <translation>节假日日历已包含 {year} 年：只需添加你自己的调整。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The holiday calendar does not know {year} yet: enter its holidays and make-up days.</source>
        <translation>节假日日历还没有 {year} 年：请录入该年的节假日和调休上班日。</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/staff_dialog.py" line="-224"/>
        <source>Staff and sign-in</source>
        <translation>员工与登录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No password yet</source>
        <translation>尚未设置密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ask who is there when SellerDesk starts</source>
        <translation>启动 SellerDesk 时要求登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save sign-in settings</source>
        <translation>保存登录设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lock after no use for</source>
        <translation>无操作多久后锁定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign-in is asked for once an owner account has a password. Without it, everyone who opens SellerDesk acts as the owner — fine for a one-person shop.</source>
        <translation>店主账号设置密码后才会要求登录。不要求登录时，打开 SellerDesk 的人都以店主身份操作——适合一人经营的店铺。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The new password of {name} is set. Tell it to them in person.</source>
        <translation>{name} 的新密码已设置。请当面告诉本人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved. The new sign-in settings apply from the next start of SellerDesk on each PC.</source>
        <translation>已保存。新的登录设置将在各台电脑下次启动 SellerDesk 时生效。</translation>
    </message>
</context>
<context>
    <name>StaffTexts</name>
    <message>
        <location filename="../../sellerdesk/ui/staff_texts.py" line="+11"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock movement</source>
        <translation>库存变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service ticket</source>
        <translation>客服工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance review</source>
        <translation>绩效考核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPI template</source>
        <translation>KPI 模板</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf status</source>
        <translation>上架状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead time (days)</source>
        <translation>采购周期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum order qty</source>
        <translation>最小起订量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative stock</source>
        <translation>负库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand change</source>
        <translation>实物库存变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserved change</source>
        <translation>占用库存变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform fee</source>
        <translation>平台佣金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping deadline (hours)</source>
        <translation>发货时限（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seller memo</source>
        <translation>卖家备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager&apos;s comment</source>
        <translation>主管评语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-review</source>
        <translation>自评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>各项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>库存修正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer out</source>
        <translation>调出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer in</source>
        <translation>调入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>退货入库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserved for a sale</source>
        <translation>销售占用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservation released</source>
        <translation>释放占用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped out</source>
        <translation>发货出库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data created</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>(owner, not signed in)</source>
        <translation>（店主，未登录）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../sellerdesk/ui/wizard/first_run.py" line="+17"/>
        <source>How to start</source>
        <translation>如何开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each can be done later from Home or the File menu.</source>
        <translation>这些都可以以后在首页或“文件”菜单中完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start with an empty shop</source>
        <translation>从空店铺开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the demo shop: a year of made-up orders, products and tickets</source>
        <translation>载入演示店铺：一年的模拟订单、商品和工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import my first order exports now</source>
        <translation>现在导入我的第一批订单导出文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The demo brings shops and staff of its own; it only goes into a database without data.</source>
        <translation>演示数据自带店铺和员工；只能载入没有数据的数据库。</translation>
    </message>
</context>
<context>
    <name>StockMovementDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/stock_dialogs.py" line="-154"/>
        <source>Receive stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct stock</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer stock</source>
        <translation>库存调拨</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Main warehouse</source>
        <translation>主仓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Returns</source>
        <translation>退货仓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Defects</source>
        <translation>次品仓</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>调出仓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>调入仓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change (+/−)</source>
        <translation>调整数量（+/−）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. purchase order arrived</source>
        <translation>例如：采购单到货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: e.g. damaged, found, lost</source>
        <translation>必填：例如破损、盘盈、丢失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. returns inspected, good units back to sale</source>
        <translation>例如：退货验收，良品回主仓</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase order, delivery note … (optional)</source>
        <translation>采购单号、送货单号等（选填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post</source>
        <translation>提交</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>On hand {on_hand}, available {available} → available after: {after}</source>
        <translation>实物库存 {on_hand}，可用 {available} → 变动后可用：{after}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Not allowed: this SKU&apos;s stock may not go below zero.</source>
        <translation>⚠ 不允许：此 SKU 的库存不能低于零。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Stock will be negative after this movement.</source>
        <translation>⚠ 此次变动后库存将为负数。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Posted. Stock of {codes} is now below zero.</source>
        <translation>已提交。{codes} 的库存现已低于零。</translation>
    </message>
</context>
<context>
    <name>StocktakeReviewDialog</name>
    <message>
        <location line="+54"/>
        <source>Stocktake: {file}</source>
        <translation>盘点：{file}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{counted} line(s) counted, {differences} with a difference, {problems} problem(s).</source>
        <translation>已盘点 {counted} 行，其中 {differences} 行有差异，{problems} 个问题。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Post differences</source>
        <translation>过账差异</translation>
    </message>
</context>
<context>
    <name>TaskEditorDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/task_editor.py" line="+139"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New recurring task</source>
        <translation>新建周期任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New promotion</source>
        <translation>新建促销活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What needs doing</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Details, steps, where to look</source>
        <translation>详情、步骤、相关位置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+564"/>
        <source>Stop repeating</source>
        <translation>停止重复</translation>
    </message>
    <message>
        <location line="-521"/>
        <source>A step to tick off</source>
        <translation>要勾选的一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <location line="+18"/>
        <location line="+80"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Seller code, order number, subject, name or id</source>
        <translation>商家编码、订单号、主题、姓名或编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+104"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+17"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Double-click a match to link it; double-click a link to open it.</source>
        <translation>双击查找结果即可关联；双击已有关联即可打开。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files stay where they are on this computer; the task keeps a link to them.</source>
        <translation>文件保留在本机原位置，任务只保存指向它们的链接。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write a comment</source>
        <translation>写评论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add comment</source>
        <translation>添加评论</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The last day of the month</source>
        <translation>每月最后一天</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skip public holidays (China&apos;s official calendar, make-up workdays included)</source>
        <translation>跳过法定节假日（按国家公布的日历，含调休上班日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ends on</source>
        <translation>结束于</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Repeats</source>
        <translation>重复方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day of the month</source>
        <translation>每月日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts on</source>
        <translation>开始于</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The next task appears on its day (shop time), done or not the one before. A month without the chosen day uses its last day. A skipped holiday drops a daily or weekly task and moves a monthly one to the next workday.</source>
        <translation>下一个任务会在当天（店铺时间）出现，无论上一个是否完成。某月没有所选日期时取该月最后一天。跳过节假日时，每日或每周任务当天不生成，每月任务顺延到下一个工作日。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Every shop</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seller code or title</source>
        <translation>商家编码或标题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts (shop time)</source>
        <translation>开始（店铺时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends (shop time)</source>
        <translation>结束（店铺时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Comments can be added once the task is saved.</source>
        <translation>保存任务后即可添加评论。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>created by {name} on {when}</source>
        <translation>由 {name} 创建于 {when}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>created on {when}</source>
        <translation>创建于 {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done on {when}</source>
        <translation>完成于 {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>part of a recurring series ({day})</source>
        <translation>周期任务的一次（{day}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>made by a task rule; it closes itself when the cause is gone</source>
        <translation>由任务规则生成；原因消除后自动关闭</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+13"/>
        <source>Shown once the promotion has ended.</source>
        <translation>活动结束后显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no sales before</source>
        <translation>此前无销量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>During: {units} units, {gmv} · the same length before: {units_before} units, {gmv_before}&lt;br&gt;&lt;b&gt;Uplift: units {units_uplift}, GMV {gmv_uplift}&lt;/b&gt;</source>
        <translation>活动期间：{units} 件，{gmv} · 活动前同等时长：{units_before} 件，{gmv_before}&lt;br&gt;&lt;b&gt;提升：件数 {units_uplift}，GMV {gmv_uplift}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(no longer exists)</source>
        <translation>（已不存在）</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+50"/>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Link files to the task</source>
        <translation>为任务关联文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{path} is not there any more.</source>
        <translation>{path} 已不存在。</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Recurring task</source>
        <translation>周期任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the changes to:</source>
        <translation>将更改保存到：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This task only</source>
        <translation>仅此任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This and the open tasks of the series</source>
        <translation>此任务及该系列未完成的任务</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No new tasks will be made for this series. Stop it?</source>
        <translation>该系列将不再生成新任务。确定停止吗？</translation>
    </message>
</context>
<context>
    <name>TaskReminders</name>
    <message>
        <location filename="../../sellerdesk/ui/task_reminders.py" line="+34"/>
        <source>SellerDesk</source>
        <translation>SellerDesk</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n task(s) overdue. Click to see them.</source>
        <translation>
            <numerusform>有 %n 个任务已逾期，点击查看。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team tasks</source>
        <translation>团队任务</translation>
    </message>
</context>
<context>
    <name>TaskSettingsDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/task_settings.py" line="+60"/>
        <source>Board settings</source>
        <translation>看板设置</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Board columns</source>
        <translation>看板列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add column</source>
        <translation>添加列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New column</source>
        <translation>新列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each column stands for a status; moving a card there gives the task that status.</source>
        <translation>每列对应一种状态；把卡片移到该列，任务即变为该状态。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tasks made by events</source>
        <translation>由事件生成的任务</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>for</source>
        <translation>分配给</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>threshold </source>
        <translation>阈值 </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rules run after every import and stock change: one task per cause, closed by itself once the cause is gone.</source>
        <translation>每次导入和库存变动后都会运行这些规则：每个原因只生成一个任务，原因消除后自动关闭。</translation>
    </message>
</context>
<context>
    <name>TaskTexts</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/task_texts.py" line="+18"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service ticket</source>
        <translation>客服工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance review</source>
        <translation>绩效考核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend-and-save (满减)</source>
        <translation>满减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gift with purchase</source>
        <translation>买赠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group buy</source>
        <translation>拼团</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every N days</source>
        <translation>每 N 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every working day</source>
        <translation>每个工作日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every N weeks, on the days ticked</source>
        <translation>每 N 周，在勾选的日子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every N months, on one day</source>
        <translation>每 N 个月，在某一天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SKU falls below its reorder point: a reorder task</source>
        <translation>SKU 低于补货点：生成补货任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More orders late to ship than the threshold: a task to chase them</source>
        <translation>超时未发货订单超过阈值：生成催发货任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ticket about to miss its deadline: a task for its assignee</source>
        <translation>工单即将超时：给负责客服一个任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A submitted review&apos;s improvement plan: a task per item for the reviewed person</source>
        <translation>已提交考核的改进计划：每一项为被考核人生成一个任务</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reorder {code} ({title}): {available} available, reorder point {point}</source>
        <translation>补货 {code}（{title}）：可用 {available}，补货点 {point}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} orders are late to ship</source>
        <translation>{count} 单超时未发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket #{id} is about to miss its deadline: {subject}</source>
        <translation>工单 #{id} 即将超时：{subject}</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/tasks.py" line="+87"/>
        <source>Team tasks</source>
        <translation>团队任务</translation>
    </message>
    <message>
        <location line="+229"/>
        <location line="+8"/>
        <location line="+140"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="-203"/>
        <location line="+63"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Only the tasks that were asked for are listed.</source>
        <translation>仅列出所要查看的任务。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new task, recurring task or promotion</source>
        <translation>新建任务、周期任务或促销活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task…</source>
        <translation>任务…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurring task…</source>
        <translation>周期任务…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion…</source>
        <translation>促销活动…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Board settings…</source>
        <translation>看板设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The board&apos;s columns and the task rules</source>
        <translation>看板的列和任务规则</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No tasks yet.
Plan the team&apos;s work here: tasks with a person and a due date, recurring chores and promotions. Drag the cards from column to column as the work moves on.</source>
        <translation>还没有任务。
在这里安排团队的工作：带负责人和截止日期的任务、周期性事务和促销活动。随着工作推进，把卡片拖到下一列。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Any due date</source>
        <translation>任意截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due in the next 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No due date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any priority</source>
        <translation>任意优先级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any link</source>
        <translation>任意关联</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked to: {kind}</source>
        <translation>关联：{kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotions</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search task titles</source>
        <translation>搜索任务标题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whose tasks</source>
        <translation>谁的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the task is linked to</source>
        <translation>任务关联的对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the tasks whose title contains the text you type</source>
        <translation>显示标题包含所输入文字的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every task again</source>
        <translation>重新显示全部任务</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show all tasks</source>
        <translation>显示全部任务</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+51"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <location line="+51"/>
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>共 %Ln 项任务</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a person in the first filter to see their tasks.</source>
        <translation>请在第一个筛选框中选择一个人，查看其任务。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Overdue ({n})</source>
        <translation>已逾期（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today ({n})</source>
        <translation>今天（{n}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next {days} days ({n})</source>
        <translation>未来 {days} 天（{n}）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign to</source>
        <translation>分配给</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/ticket_dialog.py" line="-630"/>
        <source>Open order</source>
        <translation>打开订单</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who works this ticket</source>
        <translation>由谁处理此工单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting on buyer</source>
        <translation>等待买家</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The clock stops until the buyer answers</source>
        <translation>买家回复前计时暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to work</source>
        <translation>继续处理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The buyer answered: the clock runs on</source>
        <translation>买家已回复：继续计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solved: the resolution clock stops</source>
        <translation>已解决：解决时限停止计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing more to do</source>
        <translation>无需再处理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assignee:</source>
        <translation>处理人：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. VIP, 催件 (comma-separated)</source>
        <translation>例如：VIP, 催件（用逗号分隔）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer:</source>
        <translation>买家：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>After-sale case</source>
        <translation>售后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Into returns stock</source>
        <translation>入退货仓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book the returned units into the Returns warehouse (stock ledger)</source>
        <translation>将退回的商品记入退货仓（库存流水）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record shipment</source>
        <translation>记录发货</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the new parcel takes out of the main warehouse</source>
        <translation>新包裹从主仓发出的商品</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund (¥):</source>
        <translation>退款（元）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return carrier:</source>
        <translation>退货物流公司：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return tracking no.:</source>
        <translation>退货运单号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return received:</source>
        <translation>退货签收：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up shipment:</source>
        <translation>补发/换货发货：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units sent:</source>
        <translation>发出商品：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not rated)</source>
        <translation>（未评分）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no bad review)</source>
        <translation>（无差评）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Buyer&apos;s rating:</source>
        <translation>买家评分：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review:</source>
        <translation>评价：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A canned reply for this category, filled from the ticket</source>
        <translation>本类别的快捷回复，用工单信息填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill and copy</source>
        <translation>填写并复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the canned reply, with this ticket&apos;s details, in the box and on the clipboard</source>
        <translation>把填好本工单信息的快捷回复放入输入框并复制到剪贴板</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The reply you sent in the platform chat, or an internal note</source>
        <translation>你在平台聊天中发出的回复，或内部备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record reply</source>
        <translation>记录回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You answered the buyer in the platform chat: the first reply stops the response clock</source>
        <translation>你已在平台聊天中回复买家：首次回复会停止响应计时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An internal note: the buyer never sees it</source>
        <translation>内部备注：买家看不到</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ticket #{id}</source>
        <translation>工单 #{id}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Received {when}</source>
        <translation>已于 {when} 签收</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No order lines: link the ticket to an order</source>
        <translation>没有订单商品行：请将工单关联到订单</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(none from our stock)</source>
        <translation>（不从本店库存发出）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{qty} × {code} left the main warehouse</source>
        <translation>{qty} × {code} 已从主仓发出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Buyer {buyer}</source>
        <translation>买家 {buyer}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened {when}</source>
        <translation>创建于 {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merged into #{id}</source>
        <translation>已合并到 #{id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source> (late)</source>
        <translation>（超时）</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>First reply {when}{late}</source>
        <translation>首次回复 {when}{late}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First reply due {when}</source>
        <translation>首次回复截止 {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resolved {when}{late}</source>
        <translation>解决于 {when}{late}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution due {when}</source>
        <translation>解决截止 {when}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clock paused, {time} left</source>
        <translation>计时已暂停，剩余 {time}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> — {time} overdue</source>
        <translation> — 已超时 {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — {time} left</source>
        <translation> — 剩余 {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opened the ticket</source>
        <translation>创建了工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: {old} → {new}</source>
        <translation>状态：{old} → {new}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assigned: {old} → {new}</source>
        <translation>分配：{old} → {new}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replied: {text}</source>
        <translation>回复：{text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: {text}</source>
        <translation>备注：{text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed {field}: “{old}” → “{new}”</source>
        <translation>修改{field}：“{old}” → “{new}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merged ticket {ticket} in: {subject}</source>
        <translation>合并了工单 {ticket}：{subject}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into ticket {ticket}</source>
        <translation>已合并到工单 {ticket}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return received: {qty} × {code} into the returns warehouse</source>
        <translation>退货签收：{qty} × {code} 入退货仓</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up shipment: {carrier} {tracking}</source>
        <translation>补发/换货发货：{carrier} {tracking}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up shipment: {qty} × {code} out of the main warehouse</source>
        <translation>补发：{qty} × {code} 从主仓发出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no canned reply for this category)</source>
        <translation>（本类别没有快捷回复）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Take this ticket</source>
        <translation>领取此工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your name under “Working as” first</source>
        <translation>请先在“当前客服”中选择你的名字</translation>
    </message>
</context>
<context>
    <name>TicketExport</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/ticket_export.py" line="+31"/>
        <source>No.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order ID</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by</source>
        <translation>解决人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First reply at</source>
        <translation>首次回复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response (min, business time)</source>
        <translation>首次响应（分钟，工作时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response late</source>
        <translation>首响超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution (h, business time)</source>
        <translation>解决时长（小时，工作时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution late</source>
        <translation>解决超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopened</source>
        <translation>重开次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-sale type</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund (¥)</source>
        <translation>退款（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer&apos;s rating</source>
        <translation>买家评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review outcome</source>
        <translation>评价处理</translation>
    </message>
</context>
<context>
    <name>TicketForOrderDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/order_detail.py" line="+22"/>
        <source>New service ticket</source>
        <translation>新建售后工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About order {order}</source>
        <translation>关于订单 {order}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Buyer asks when the parcel ships</source>
        <translation>例如：买家询问什么时候发货</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Subject:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open ticket</source>
        <translation>新建工单</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/tickets.py" line="+47"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused (waiting)</source>
        <translation>已暂停（等买家）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{time} overdue</source>
        <translation>已超时 {time}</translation>
    </message>
</context>
<context>
    <name>TicketsBehindDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/review_sources.py" line="+77"/>
        <source>Tickets behind “{what}”</source>
        <translation>“{what}”背后的工单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n ticket(s); double-click one to open it.</source>
        <translation>
            <numerusform>共 %n 张工单，双击可打开。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <location filename="../../sellerdesk/ui/tabs/tickets.py" line="+26"/>
        <source>Service tickets</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+69"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>No.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+79"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%Ln ticket(s)</source>
        <translation>
            <numerusform>共 %Ln 个工单</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose your name under “Working as” to see your tickets.</source>
        <translation>请在“当前客服”中选择你的名字，以查看你的工单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No ticket matches these filters.</source>
        <translation>没有符合筛选条件的工单。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search subject, buyer, tag or #number</source>
        <translation>搜索主题、买家、标签或 #编号</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>All tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaching soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which queue: breaching soon means a deadline within the hour</source>
        <translation>哪个队列：即将超时指一小时内到期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open (new, in progress, waiting)</source>
        <translation>未结束（新建、处理中、等待）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket status</source>
        <translation>工单状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All categories</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+260"/>
        <source>All shops</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Who is working here: “Mine” and “Claim” use this name</source>
        <translation>谁在使用：“我的”和“领取”按这个名字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the open tickets of every category and shop</source>
        <translation>恢复显示所有类别和店铺的未结工单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Working as</source>
        <translation>当前客服</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+68"/>
        <source>New ticket…</source>
        <translation>新建工单…</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>No open service tickets.
Pre-sale questions, shipping problems, returns and complaints are tracked here: open a ticket for each, or from an order (right-click → Open a service ticket…).</source>
        <translation>没有未关闭的客服工单。
售前咨询、物流问题、退换货和投诉都在这里跟进：为每件事新建工单，或在订单上右键 → 新建客服工单…。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Open a ticket for a buyer&apos;s question or problem</source>
        <translation>为买家的问题新建工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+283"/>
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location line="-282"/>
        <location line="+257"/>
        <source>Take the selected unassigned tickets</source>
        <translation>领取选中的未分配工单</translation>
    </message>
    <message>
        <location line="-255"/>
        <source>Assign to…</source>
        <translation>分配给…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the selected tickets to someone</source>
        <translation>把选中的工单分配给某人</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+280"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Fold the selected duplicates into the oldest of them, histories kept</source>
        <translation>把选中的重复工单合并到最早的一张，保留全部记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canned replies…</source>
        <translation>快捷回复…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The replies kept for quick use, with the ticket&apos;s details filled in</source>
        <translation>常用回复，自动填入工单信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the tickets of this view, with their figures, to an Excel file</source>
        <translation>把当前视图的工单及其指标导出到 Excel 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SLA and hours…</source>
        <translation>SLA 与时间…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response and resolution targets, service hours, holidays</source>
        <translation>响应和解决时限、客服时间、节假日</translation>
    </message>
    <message numerus="yes">
        <location line="+148"/>
        <source>Merge %n ticket(s) into #{id} “{subject}”? Their histories move there; they are closed.</source>
        <translation>
            <numerusform>将 %n 张工单合并到 #{id}“{subject}”？它们的记录会移到该工单，并被关闭。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge tickets</source>
        <translation>合并工单</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>(choose your name)</source>
        <translation>（选择你的名字）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose your name under “Working as” first</source>
        <translation>请先在“当前客服”中选择你的名字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody (unassign)</source>
        <translation>无人（取消分配）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open ticket…</source>
        <translation>打开工单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign to</source>
        <translation>分配给</translation>
    </message>
</context>
<context>
    <name>TopSkusChart</name>
    <message numerus="yes">
        <location filename="../../sellerdesk/ui/charts/top_skus.py" line="+64"/>
        <source>{sku}
Net sales {net} · %n unit(s) · refunds {refunds}</source>
        <translation>
            <numerusform>{sku}
净销售额 {net} · %n 件 · 退款 {refunds}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlinkedItemsDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/unlinked_items.py" line="+74"/>
        <source>Unlinked platform items</source>
        <translation>未关联的平台商品</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Seller code of the catalog SKU</source>
        <translation>商品库中 SKU 的商家编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link selected item</source>
        <translation>关联所选商品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Link to</source>
        <translation>关联到</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order lines whose seller code matches no SKU wait here. Linking one remembers the platform item for future imports and books the stock of all its orders.</source>
        <translation>商家编码对不上任何 SKU 的订单行会列在这里。关联后会记住该平台商品（以后导入自动匹配），并为其所有订单记入库存。</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>%n 个商品待关联</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select an item and type a seller code.</source>
        <translation>请选择一个商品并输入商家编码。</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Linked %n order line(s).</source>
        <translation>
            <numerusform>已关联 %n 个订单行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlinkedModel</name>
    <message>
        <location line="-75"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item id</source>
        <translation>商品ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SKU id</source>
        <translation>SKU ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seller code in file</source>
        <translation>文件中的商家编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title in file</source>
        <translation>文件中的商品名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order lines</source>
        <translation>订单行数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/user_guide.py" line="+36"/>
        <source>SellerDesk user guide</source>
        <translation>SellerDesk 使用指南</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The user guide is missing from this installation.</source>
        <translation>此安装中缺少使用指南。</translation>
    </message>
</context>
<context>
    <name>_ColumnRow</name>
    <message>
        <location filename="../../sellerdesk/ui/dialogs/task_settings.py" line="-72"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
</TS>
