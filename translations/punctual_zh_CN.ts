<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Action</name>
    <message>
        <source>an sql connection must not contain a password; keep it in the keychain or in an environment variable</source>
        <translation>SQL 连接中不得包含密码；请将其保存在密钥环或环境变量中</translation>
    </message>
    <message>
        <source>an sql action needs a database driver</source>
        <translation>SQL 操作需要数据库驱动</translation>
    </message>
    <message>
        <source>an sql action needs a database</source>
        <translation>SQL 操作需要数据库</translation>
    </message>
    <message>
        <source>port %1 is out of range 1-65535</source>
        <translation>端口 %1 超出范围 1-65535</translation>
    </message>
    <message>
        <source>a connection whose password is in the keychain needs a name</source>
        <translation>密码保存在密钥环中的连接需要一个名称</translation>
    </message>
    <message>
        <source>name the environment variable that holds the password</source>
        <translation>请指定保存密码的环境变量</translation>
    </message>
    <message>
        <source>an sql action needs at least one statement</source>
        <translation>SQL 操作至少需要一条语句</translation>
    </message>
    <message>
        <source>statement_timeout must be a positive number of seconds or null</source>
        <translation>statement_timeout 必须是正的秒数或 null</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL</source>
        <translation>“%1”不是 http 或 https URL</translation>
    </message>
    <message>
        <source>an http action needs at least one URL</source>
        <translation>HTTP 操作至少需要一个 URL</translation>
    </message>
    <message>
        <source>unknown HTTP method &quot;%1&quot; (GET, HEAD or POST)</source>
        <translation>未知的 HTTP 方法“%1”（GET、HEAD 或 POST）</translation>
    </message>
    <message>
        <source>concurrency must be between 1 and 64</source>
        <translation>concurrency 必须在 1 到 64 之间</translation>
    </message>
    <message>
        <source>a command action needs a program</source>
        <translation>命令操作需要一个程序</translation>
    </message>
    <message>
        <source>a function action needs a name</source>
        <translation>函数操作需要一个名称</translation>
    </message>
    <message>
        <source>unknown action type &quot;%1&quot;</source>
        <translation>未知的操作类型“%1”</translation>
    </message>
    <message numerus="yes">
        <source>SQL on %1: %n statement(s)</source>
        <translation>
            <numerusform>%1 上的 SQL：%n 条语句</numerusform>
        </translation>
    </message>
    <message>
        <source>function %1</source>
        <translation>函数 %1</translation>
    </message>
    <message>
        <source>an sql connection&apos;s options must not contain a password; keep it in the keychain or in an environment variable</source>
        <translation>SQL 连接的选项中不得包含密码；请将其保存在密钥环或环境变量中</translation>
    </message>
    <message>
        <source>an sql connection&apos;s &quot;password&quot; says where the password is kept: none, keychain or environment; a password itself is never kept in a job</source>
        <translation>SQL 连接的“password”表示密码保存在何处：none、keychain 或 environment；任务中从不保存密码本身</translation>
    </message>
    <message>
        <source>%1 %2 URLs</source>
        <translation>%1 %2 个 URL</translation>
    </message>
    <message>
        <source>an sql connection&apos;s database must not contain a password (PWD=); keep it in the keychain or in an environment variable</source>
        <translation>SQL 连接的数据库不得包含密码（PWD=）；请将其保存在密钥环或环境变量中</translation>
    </message>
    <message>
        <source>HTTP header names and values must be one line without CR, LF or NUL</source>
        <translation>HTTP 标头的名称和值必须为单行，不得包含 CR、LF 或 NUL</translation>
    </message>
    <message>
        <source>output_cap_bytes must be a whole number of bytes from 0 to 1 GiB</source>
        <translation>output_cap_bytes 必须是 0 到 1 GiB 之间的整数字节数</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>punctualctl is neither next to this program nor on PATH</source>
        <translation>punctualctl 既不在本程序旁边，也不在 PATH 中</translation>
    </message>
</context>
<context>
    <name>CalendarTrigger</name>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
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
        <source>January</source>
        <translation>一月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>二月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>三月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>四月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>五月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>六月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>七月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>八月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>九月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>十月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>十一月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>十二月</translation>
    </message>
    <message>
        <source>calendar trigger: &quot;%1&quot; is missing (expected %2)</source>
        <translation>日历触发器：缺少“%1”（应为 %2）</translation>
    </message>
    <message>
        <source>calendar trigger: &quot;%1&quot; must be %2, not %3</source>
        <translation>日历触发器：“%1”必须是 %2，而不是 %3</translation>
    </message>
    <message>
        <source>calendar: %1 (position %2)</source>
        <translation>日历：%1（位置 %2）</translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation>每天 %1</translation>
    </message>
    <message numerus="yes">
        <source>Every %n days at %1</source>
        <translation>
            <numerusform>每 %n 天 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Every week at %1 on %2</source>
        <translation>每周%2 %1</translation>
    </message>
    <message numerus="yes">
        <source>Every %n weeks at %1 on %2</source>
        <translation>
            <numerusform>每 %n 周的%2 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Every month on day %1 at %2</source>
        <translation>每月%1日 %2</translation>
    </message>
    <message numerus="yes">
        <source>Every %n months on day %1 at %2</source>
        <translation>
            <numerusform>每 %n 个月的%1日 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Every year on %1 %2 at %3</source>
        <translation>每年%2%1日 %3</translation>
    </message>
    <message numerus="yes">
        <source>Every %n years on %1 %2 at %3</source>
        <translation>
            <numerusform>每 %n 年的%2%1日 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;day&quot;, &quot;week&quot;, &quot;month&quot; or &quot;year&quot;</source>
        <translation>“day”、“week”、“month”或“year”</translation>
    </message>
    <message>
        <source>a whole number from 1 to %1</source>
        <translation>1 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>an existing date YYYY-MM-DD</source>
        <translation>一个存在的日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>a time of day HH:MM:SS (00:00:00 to 23:59:59)</source>
        <translation>一个时刻 HH:MM:SS（00:00:00 到 23:59:59）</translation>
    </message>
    <message>
        <source>an ISO-8601 date and time</source>
        <translation>ISO-8601 日期和时间</translation>
    </message>
    <message>
        <source>calendar trigger end: %1</source>
        <translation>日历触发器结束时间：%1</translation>
    </message>
    <message>
        <source>the calendar trigger ends before it first fires</source>
        <translation>日历触发器在首次触发前就已结束</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a count from 1 to %2</source>
        <translation>“%1”不是 1 到 %2 之间的数量</translation>
    </message>
    <message>
        <source>a unit is missing (day, week, month, year)</source>
        <translation>缺少单位（day、week、month、year）</translation>
    </message>
    <message>
        <source>the schedule is empty (expected e.g. &quot;every 2 weeks at 09:30&quot;)</source>
        <translation>计划为空（应为例如“every 2 weeks at 09:30”）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a unit (day, week, month, year)</source>
        <translation>“%1”不是单位（day、week、month、year）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot follow &quot;every&quot; or a count (write &quot;%2&quot; instead)</source>
        <translation>“%1”不能跟在“every”或数量之后（请改写为“%2”）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is unexpected here (expected &quot;at&quot; or &quot;from&quot;)</source>
        <translation>此处不应出现“%1”（应为“at”或“from”）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice</source>
        <translation>“%1”出现了两次</translation>
    </message>
    <message>
        <source>a time is missing after &quot;%1&quot; (HH:MM or HH:MM:SS)</source>
        <translation>“%1”之后缺少时间（HH:MM 或 HH:MM:SS）</translation>
    </message>
    <message>
        <source>a date is missing after &quot;%1&quot; (YYYY-MM-DD)</source>
        <translation>“%1”之后缺少日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59)</source>
        <translation>“%1”不是时刻（HH:MM 或 HH:MM:SS，00:00 到 23:59:59）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>“%1”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such date</source>
        <translation>“%1”：不存在这个日期</translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message>
        <source>no Punctual instance answers on %1: %2</source>
        <translation>%1 上没有 Punctual 实例应答：%2</translation>
    </message>
    <message>
        <source>the Punctual instance on %1</source>
        <translation>%1 上的 Punctual 实例</translation>
    </message>
    <message>
        <source>the Punctual instance at %1</source>
        <translation>位于 %1 的 Punctual 实例</translation>
    </message>
    <message>
        <source>%1 belongs to another user</source>
        <translation>%1 属于另一个用户</translation>
    </message>
    <message>
        <source>%1 sent an answer longer than %2 bytes</source>
        <translation>%1 发送的应答超过 %2 字节</translation>
    </message>
    <message>
        <source>%1 closed the connection before it answered</source>
        <translation>%1 在应答之前关闭了连接</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 未在 %2 秒内应答</translation>
    </message>
    <message>
        <source>not connected to a Punctual instance</source>
        <translation>未连接到 Punctual 实例</translation>
    </message>
    <message>
        <source>the request is too large for the Punctual instance (more than %1 bytes)</source>
        <translation>请求对 Punctual 实例来说过大（超过 %1 字节）</translation>
    </message>
    <message>
        <source>cannot send to %1: %2</source>
        <translation>无法发送到 %1：%2</translation>
    </message>
    <message>
        <source>%1 sent an answer that is not a JSON object</source>
        <translation>%1 发送的应答不是 JSON 对象</translation>
    </message>
    <message>
        <source>%1 answered another request</source>
        <translation>%1 应答了另一个请求</translation>
    </message>
</context>
<context>
    <name>ControlProtocol</name>
    <message>
        <source>%1 must be an ISO-8601 time or null</source>
        <translation>%1 必须是 ISO-8601 时间或 null</translation>
    </message>
    <message>
        <source>the Punctual instance reported an error without a message (%1)</source>
        <translation>Punctual 实例报告了一个没有消息的错误（%1）</translation>
    </message>
    <message>
        <source>a run needs a numeric id</source>
        <translation>运行记录需要数字 ID</translation>
    </message>
    <message>
        <source>unknown run outcome &quot;%1&quot;</source>
        <translation>未知的运行结果“%1”</translation>
    </message>
    <message>
        <source>a retry needs its time</source>
        <translation>重试需要指定时间</translation>
    </message>
    <message>
        <source>a backfill time that is not one: %1</source>
        <translation>不是时间的补跑时间：%1</translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>params.%1 must be a string</source>
        <translation>params.%1 必须是字符串</translation>
    </message>
    <message>
        <source>params.jobs[%1] must be an object (a job&apos;s JSON)</source>
        <translation>params.jobs[%1] 必须是对象（任务的 JSON）</translation>
    </message>
    <message>
        <source>nothing to change: give name, trigger, action or options</source>
        <translation>没有要更改的内容：请提供 name、trigger、action 或 options</translation>
    </message>
    <message>
        <source>params.%1 must be true or false</source>
        <translation>params.%1 必须为 true 或 false</translation>
    </message>
    <message>
        <source>params.%1 must be a number</source>
        <translation>params.%1 必须是数字</translation>
    </message>
    <message>
        <source>params.%1 must be a whole number of at least 1</source>
        <translation>params.%1 必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>params.%1 must be an object (a trigger&apos;s JSON)</source>
        <translation>params.%1 必须是对象（触发器的 JSON）</translation>
    </message>
    <message>
        <source>params.%1 must be an object (an action&apos;s JSON)</source>
        <translation>params.%1 必须是对象（操作的 JSON）</translation>
    </message>
    <message>
        <source>params.%1 must be an object (job option keys)</source>
        <translation>params.%1 必须是对象（任务选项的键）</translation>
    </message>
    <message>
        <source>params.%1 must be an array of jobs</source>
        <translation>params.%1 必须是任务数组</translation>
    </message>
    <message>
        <source>&quot;more&quot; needs a connection to stage the import on</source>
        <translation>“more”需要一个用于暂存导入的连接</translation>
    </message>
    <message>
        <source>an import may hold at most %1 jobs</source>
        <translation>一次导入最多可包含 %1 个任务</translation>
    </message>
    <message>
        <source>params.%1 must be an array of job ids (strings)</source>
        <translation>params.%1 必须是作业 ID（字符串）的数组</translation>
    </message>
    <message>
        <source>subscribing needs a connection to send the events on</source>
        <translation>订阅需要一个用于发送事件的连接</translation>
    </message>
    <message>
        <source>this instance cannot be stopped through the control socket</source>
        <translation>无法通过控制套接字停止此实例</translation>
    </message>
    <message>
        <source>params.history_limit must be at most %1</source>
        <translation>params.history_limit 最多为 %1</translation>
    </message>
    <message>
        <source>params.at: %1</source>
        <translation>params.at：%1</translation>
    </message>
    <message>
        <source>params.%1 must be an ISO-8601 time with its offset</source>
        <translation>params.%1 必须是带偏移量的 ISO-8601 时间</translation>
    </message>
    <message>
        <source>params.overlap must be skip, queue-one, queue-all, replace or allow</source>
        <translation>params.overlap 必须是 skip、queue-one、queue-all、replace 或 allow</translation>
    </message>
    <message>
        <source>params.calendar: %1</source>
        <translation>params.calendar：%1</translation>
    </message>
    <message>
        <source>params.%1 must be an object (a calendar&apos;s JSON)</source>
        <translation>params.%1 必须是对象（日历的 JSON）</translation>
    </message>
    <message>
        <source>dismiss_missed takes either params.ids (job ids) or params.all: true</source>
        <translation>dismiss_missed 需要 params.ids（任务 ID）或 params.all: true 之一</translation>
    </message>
    <message>
        <source>a missed-runs report without a job_id</source>
        <translation>缺少 job_id 的错过运行报告</translation>
    </message>
    <message>
        <source>the missed-runs report of &quot;%1&quot; has a bad time</source>
        <translation>“%1”的错过运行报告包含无效时间</translation>
    </message>
</context>
<context>
    <name>CronDescription</name>
    <message>
        <source>January</source>
        <translation>一月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>二月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>三月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>四月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>五月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>六月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>七月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>八月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>九月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>十月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>十一月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>十二月</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
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
        <source>the fifth %1</source>
        <translation>第五个%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>每小时</translation>
    </message>
    <message numerus="yes">
        <source>every %n hours</source>
        <translation>
            <numerusform>每 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>每分钟</translation>
    </message>
    <message numerus="yes">
        <source>every %n minutes</source>
        <translation>
            <numerusform>每 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>every second</source>
        <translation>每秒</translation>
    </message>
    <message numerus="yes">
        <source>every %n seconds</source>
        <translation>
            <numerusform>每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>second %1</source>
        <translation>第 %1 秒</translation>
    </message>
    <message>
        <source>seconds %1</source>
        <translation>第 %1 秒</translation>
    </message>
    <message>
        <source>minute %1</source>
        <translation>第 %1 分</translation>
    </message>
    <message>
        <source>minutes %1</source>
        <translation>第 %1 分</translation>
    </message>
    <message>
        <source>hour %1</source>
        <translation>%1 时</translation>
    </message>
    <message>
        <source>hours %1</source>
        <translation>%1 时</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 during %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 past %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%2 至 %3 之间%1</translation>
    </message>
    <message>
        <source>days %1 of the month</source>
        <translation>每月%1日</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>days %1</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>the day before the last day</source>
        <translation>倒数第二天</translation>
    </message>
    <message numerus="yes">
        <source>%n days before the last day</source>
        <translation>
            <numerusform>最后一天之前 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>the weekday nearest day %1</source>
        <translation>离%1日最近的工作日</translation>
    </message>
    <message>
        <source>the last weekday</source>
        <translation>最后一个工作日</translation>
    </message>
    <message>
        <source>%1 of the month</source>
        <translation>每月的%1</translation>
    </message>
    <message>
        <source>the last %1</source>
        <translation>最后一个%1</translation>
    </message>
    <message>
        <source>on %1 or on %2</source>
        <translation>于%1或%2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>于%1</translation>
    </message>
    <message>
        <source>on %1 if it is %2</source>
        <translation>于%1（须为%2）</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>从%1到%2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>于%1</translation>
    </message>
    <message>
        <source>on %1 %2</source>
        <comment>day of the month and month name, e.g. on 1 January</comment>
        <translation>于%2%1日</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>time of day (%1, e.g. &apos;at 02:30&apos;) followed by the days (%2, e.g. &apos;every day&apos;)</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>time and days (%1) followed by the months (%2, e.g. &apos;in January&apos;)</comment>
        <translation>%2 %1</translation>
    </message>
</context>
<context>
    <name>CronExpression</name>
    <message>
        <source>cron expression: %1 (position %2)</source>
        <translation>Cron 表达式：%1（位置 %2）</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;: %2 (position %3)</source>
        <translation>字段“%1”：%2（位置 %3）</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>表达式为空</translation>
    </message>
    <message>
        <source>unknown macro &quot;%1&quot; (known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)</source>
        <translation>未知的宏“%1”（可用：@yearly、@annually、@monthly、@weekly、@daily、@midnight、@hourly）</translation>
    </message>
    <message>
        <source>expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds first), found %1</source>
        <translation>应为 5 个字段（分 时 日 月 星期）或 6 个字段（秒在最前），实际为 %1 个</translation>
    </message>
    <message>
        <source>&quot;?&quot; is only allowed in the day-of-month and day-of-week fields</source>
        <translation>“?”只能用于“日”和“星期”字段</translation>
    </message>
    <message>
        <source>empty list element</source>
        <translation>列表元素为空</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step (expected a number after &quot;/&quot;)</source>
        <translation>“%1”不是步长（“/”后应为数字）</translation>
    </message>
    <message>
        <source>the step must be at least 1</source>
        <translation>步长必须至少为 1</translation>
    </message>
    <message>
        <source>a value is missing before &quot;/&quot;</source>
        <translation>“/”之前缺少值</translation>
    </message>
    <message>
        <source>the range %1 is backwards (%2 is after %3)</source>
        <translation>范围 %1 是颠倒的（%2 在 %3 之后）</translation>
    </message>
    <message>
        <source>%1 is out of range %2-%3</source>
        <translation>%1 超出范围 %2-%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month (1-12 or JAN-DEC)</source>
        <translation>“%1”不是月份（1-12 或 JAN-DEC）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (0-7 or SUN-SAT)</source>
        <translation>“%1”不是星期（0-7 或 SUN-SAT）</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>缺少值</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: L-N needs N from 0 to 30</source>
        <translation>“%1”：L-N 中的 N 须为 0 到 30</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: NW needs a day N from 1 to 31</source>
        <translation>“%1”：NW 中的日期 N 须为 1 到 31</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not valid here (day-of-month takes N, L, L-N, NW or LW)</source>
        <translation>“%1”在此无效（“日”字段可用 N、L、L-N、NW 或 LW）</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: D#K needs K from 1 to 5</source>
        <translation>“%1”：D#K 中的 K 须为 1 到 5</translation>
    </message>
    <message>
        <source>&quot;L&quot; needs a weekday before it here, e.g. 5L</source>
        <translation>此处“L”前需要一个星期值，例如 5L</translation>
    </message>
</context>
<context>
    <name>CronTrigger</name>
    <message>
        <source>cron trigger %1: %2</source>
        <translation>Cron 触发器 %1：%2</translation>
    </message>
    <message>
        <source>the cron trigger ends before it starts</source>
        <translation>Cron 触发器在开始之前就已结束</translation>
    </message>
    <message>
        <source>, DST: skip</source>
        <translation>，夏令时：跳过</translation>
    </message>
    <message>
        <source>, DST: both passes</source>
        <translation>，夏令时：两次都运行</translation>
    </message>
    <message>
        <source>cron trigger dst: &quot;%1&quot; is not cron, skip or both</source>
        <translation>cron 触发器 dst：“%1”不是 cron、skip 或 both</translation>
    </message>
</context>
<context>
    <name>CrontabImport</name>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>CRON_TZ: &quot;%1&quot; is not a known time zone</source>
        <translation>CRON_TZ：“%1”不是已知的时区</translation>
    </message>
    <message>
        <source>its time zone is unknown (CRON_TZ on line %1)</source>
        <translation>其时区未知（第 %1 行的 CRON_TZ）</translation>
    </message>
    <message>
        <source>%1 is ignored: Punctual sends no mail; a job&apos;s output is kept in its run history</source>
        <translation>%1 已忽略：Punctual 不发送邮件；任务的输出保存在其运行历史中</translation>
    </message>
    <message>
        <source>expected 5 time fields and a command</source>
        <translation>应为 5 个时间字段和一条命令</translation>
    </message>
    <message>
        <source>no command after the schedule &quot;%1&quot;</source>
        <translation>计划“%1”之后没有命令</translation>
    </message>
    <message>
        <source>not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <source>the command has an unescaped &quot;%&quot; (column %1), which cron turns into standard input; command jobs have none (write \% for a literal %)</source>
        <translation>命令中有未转义的“%”（第 %1 列），cron 会将其变为标准输入；命令任务没有标准输入（字面 % 请写作 \%）</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; never fires (no such date within %2 years)</source>
        <translation>“%1”永远不会触发（%2 年内没有这样的日期）</translation>
    </message>
    <message>
        <source>RANDOM_DELAY must be a whole number of minutes from 0 to 1440, not &quot;%1&quot;</source>
        <translation>RANDOM_DELAY 必须是 0 到 1440 之间的整数分钟数，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>DateTrigger</name>
    <message>
        <source>Once at %1</source>
        <translation>仅一次：%1</translation>
    </message>
    <message>
        <source>a date trigger needs a &quot;run_date&quot;</source>
        <translation>日期触发器需要“run_date”</translation>
    </message>
</context>
<context>
    <name>DeleteWording</name>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last two of a list of names</comment>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>Delete the job “%1” and its run history?</source>
        <translation>删除任务“%1”及其运行历史吗？</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs and their run history?</source>
        <translation>
            <numerusform>删除 %n 个任务及其运行历史吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are running or waiting to retry and will be stopped.</source>
        <translation>
            <numerusform>其中 %n 个正在运行或等待重试，将被停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this for 10 minutes (Edit › Undo delete).</source>
        <translation>您可以在 10 分钟内撤销此操作（编辑 › 撤销删除）。</translation>
    </message>
    <message>
        <source>Stop and delete</source>
        <translation>停止并删除</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs</source>
        <translation>
            <numerusform>删除 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n jobs</source>
        <translation>
            <numerusform>已删除 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Undo (%2)</source>
        <translation>%1 · 撤销（%2）</translation>
    </message>
    <message>
        <source>Restored “%1”</source>
        <translation>已恢复“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n jobs</source>
        <translation>
            <numerusform>已恢复 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is waiting to retry a failed run. Stop it and delete the job?</source>
        <translation>“%1”正在等待重试失败的运行。停止它并删除该任务吗？</translation>
    </message>
    <message>
        <source>“%1” is running. Stop it and delete the job?</source>
        <translation>“%1”正在运行。停止它并删除该任务吗？</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>&quot;%1&quot; is not a duration (expected e.g. 90s, 15m, 1h30m, 2d, 1w or PT15M)</source>
        <translation>“%1”不是时长（应为例如 90s、15m、1h30m、2d、1w 或 PT15M）</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the duration must be longer than zero</source>
        <translation>“%1”：时长必须大于零</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of seconds or &quot;none&quot;</source>
        <translation>“%1”不是秒数，也不是“none”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of seconds</source>
        <translation>“%1”不是秒数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too long a duration (at most 100 years)</source>
        <translation>“%1”时长过长（最多 100 年）</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the duration must be at least 1 ms</source>
        <translation>“%1”：时长必须至少为 1 毫秒</translation>
    </message>
    <message>
        <source>%1 must be a number of seconds (0 or more)</source>
        <translation>%1 必须是秒数（0 或更多）</translation>
    </message>
    <message>
        <source>%1 must be a positive number of seconds</source>
        <translation>%1 必须是正的秒数</translation>
    </message>
    <message>
        <source>%1 must be at most 100 years</source>
        <translation>%1 最多为 100 年</translation>
    </message>
    <message>
        <source>%1 must be at least 1 ms (0.001 s)</source>
        <translation>%1 必须至少为 1 毫秒（0.001 秒）</translation>
    </message>
</context>
<context>
    <name>EventTrigger</name>
    <message>
        <source>Only on events</source>
        <translation>仅在事件发生时</translation>
    </message>
</context>
<context>
    <name>ExclusionCalendar</name>
    <message>
        <source>calendar &quot;%1&quot;: unknown version %2</source>
        <translation>日历“%1”：未知版本 %2</translation>
    </message>
    <message>
        <source>calendar &quot;%1&quot;: %2</source>
        <translation>日历“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD, years 1 to 9999)</source>
        <translation>“%1”不是日期（YYYY-MM-DD，年份 1 到 9999）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range of dates (FIRST..LAST)</source>
        <translation>“%1”不是日期范围（起始..结束）</translation>
    </message>
    <message>
        <source>the range &quot;%1&quot; ends before it begins</source>
        <translation>范围“%1”的结束早于开始</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (sun, mon, tue, wed, thu, fri, sat or 0-7)</source>
        <translation>“%1”不是星期几（sun、mon、tue、wed、thu、fri、sat 或 0-7）</translation>
    </message>
    <message>
        <source>a calendar name must not be blank</source>
        <translation>日历名称不能为空</translation>
    </message>
    <message>
        <source>the calendar name &quot;%1…&quot; is longer than 200 characters</source>
        <translation>日历名称“%1…”超过 200 个字符</translation>
    </message>
    <message>
        <source>the calendar name &quot;%1&quot; has a control character</source>
        <translation>日历名称“%1”含有控制字符</translation>
    </message>
    <message>
        <source>excluded by calendar &quot;%1&quot; (%2)</source>
        <translation>被日历“%1”排除（%2）</translation>
    </message>
    <message>
        <source>%1: event &quot;%2&quot;: %3</source>
        <translation>%1：事件“%2”：%3</translation>
    </message>
    <message>
        <source>%1: event &quot;%2&quot; has no DTSTART</source>
        <translation>%1：事件“%2”没有 DTSTART</translation>
    </message>
    <message>
        <source>%1: event &quot;%2&quot; has an RRULE libical cannot expand</source>
        <translation>%1：事件“%2”的 RRULE 无法由 libical 展开</translation>
    </message>
    <message>
        <source>%1: not an iCalendar file (no BEGIN:VCALENDAR)</source>
        <translation>%1：不是 iCalendar 文件（没有 BEGIN:VCALENDAR）</translation>
    </message>
    <message>
        <source>%1: not an iCalendar file (libical could not parse it)</source>
        <translation>%1：不是 iCalendar 文件（libical 无法解析）</translation>
    </message>
    <message>
        <source>%1: not an iCalendar file (no VCALENDAR)</source>
        <translation>%1：不是 iCalendar 文件（没有 VCALENDAR）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: no events (VEVENT) in it</source>
        <translation>%1：其中没有事件（VEVENT）</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>HostStarter</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot start the Punctual scheduler: punctualctl is neither next to this program nor on PATH</source>
        <translation>无法启动 Punctual 调度器：punctualctl 既不在本程序旁边，也不在 PATH 中</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>The Punctual scheduler is running</source>
        <translation>Punctual 调度器正在运行</translation>
    </message>
    <message>
        <source>Started the Punctual scheduler (systemd user unit)</source>
        <translation>已启动 Punctual 调度器（systemd 用户服务）</translation>
    </message>
    <message>
        <source>Started the Punctual scheduler (background process)</source>
        <translation>已启动 Punctual 调度器（后台进程）</translation>
    </message>
    <message>
        <source> (it wrote nothing to %1)</source>
        <translation>（它没有向 %1 写入任何内容）</translation>
    </message>
    <message>
        <source> (see journalctl --user -u punctual.service)</source>
        <translation>（参见 journalctl --user -u punctual.service）</translation>
    </message>
    <message>
        <source>the Punctual scheduler ended before it answered</source>
        <translation>Punctual 调度器在响应之前就已结束</translation>
    </message>
    <message>
        <source>the Punctual scheduler did not answer within %1 s</source>
        <translation>Punctual 调度器在 %1 秒内没有响应</translation>
    </message>
</context>
<context>
    <name>InstanceHost</name>
    <message>
        <source>the job store file %1 was replaced by another file</source>
        <translation>任务存储文件 %1 已被另一个文件替换</translation>
    </message>
    <message>
        <source>the job store file %1 was removed or renamed</source>
        <translation>任务存储文件 %1 已被删除或重命名</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Punctual is already running on %1 (pid %2)</source>
        <translation>Punctual 已在 %1 上运行（PID %2）</translation>
    </message>
    <message>
        <source>Punctual is already running on %1</source>
        <translation>Punctual 已在 %1 上运行</translation>
    </message>
    <message>
        <source>cannot take the lock file %1 (for the instance on %2)</source>
        <translation>无法获取锁文件 %1（用于 %2 上的实例）</translation>
    </message>
    <message>
        <source>the instance socket %1 for %2 belongs to another user</source>
        <translation>%2 的实例套接字 %1 属于另一个用户</translation>
    </message>
    <message>
        <source>cannot remove the stale instance socket %1 for %2</source>
        <translation>无法删除 %2 的失效实例套接字 %1</translation>
    </message>
    <message>
        <source>cannot listen on the instance socket %1 for %2: %3</source>
        <translation>无法在 %2 的实例套接字 %1 上监听：%3</translation>
    </message>
    <message>
        <source>no private folder for the instance socket: set XDG_RUNTIME_DIR to a folder that is yours alone (mode 0700), or make ~/.local/state/punctual/run so</source>
        <translation>实例套接字没有私有文件夹：请将 XDG_RUNTIME_DIR 设为仅属于您的文件夹（权限 0700），或将 ~/.local/state/punctual/run 设为如此</translation>
    </message>
</context>
<context>
    <name>IntervalTrigger</name>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message numerus="yes">
        <source>Every %n weeks</source>
        <translation>
            <numerusform>每 %n 周</numerusform>
        </translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation>
            <numerusform>每 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>每小时</translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>每 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>每分钟</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>每 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Every second</source>
        <translation>每秒</translation>
    </message>
    <message numerus="yes">
        <source>Every %n seconds</source>
        <translation>
            <numerusform>每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>d</source>
        <translation>天</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>每 %1</translation>
    </message>
    <message>
        <source>an interval trigger needs a positive &quot;interval_seconds&quot;</source>
        <translation>间隔触发器需要正的“interval_seconds”</translation>
    </message>
    <message>
        <source>interval trigger start: %1</source>
        <translation>间隔触发器开始时间：%1</translation>
    </message>
    <message>
        <source>interval trigger end: %1</source>
        <translation>间隔触发器结束时间：%1</translation>
    </message>
    <message>
        <source>the interval trigger ends before it starts</source>
        <translation>间隔触发器在开始之前就已结束</translation>
    </message>
</context>
<context>
    <name>IsoText</name>
    <message>
        <source>&quot;%1&quot; is not an ISO-8601 date and time (expected e.g. 2026-03-08T02:30:00-05:00)</source>
        <translation>“%1”不是 ISO-8601 日期和时间（应为例如 2026-03-08T02:30:00-05:00）</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such date</source>
        <translation>“%1”：不存在这个日期</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such time of day</source>
        <translation>“%1”：不存在这个时刻</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the UTC offset is out of range</source>
        <translation>“%1”：UTC 偏移超出范围</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: dates must lie between the years 1 and 9999 in every time zone</source>
        <translation>“%1”：日期在每个时区中都必须介于 1 年与 9999 年之间</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>max_instances must be a whole number from 1 to 1000</source>
        <translation>max_instances 必须是 1 到 1000 之间的整数</translation>
    </message>
    <message>
        <source>max_retries must be a whole number from 0 to 100</source>
        <translation>max_retries 必须是 0 到 100 之间的整数</translation>
    </message>
    <message>
        <source>retry_backoff must be a number from 1 (the same wait each time) to %1</source>
        <translation>retry_backoff 必须是 1（每次等待相同时间）到 %1 之间的数</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>任务“%1”：%2</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: next_run_time: %2</source>
        <translation>任务“%1”：next_run_time：%2</translation>
    </message>
    <message>
        <source>a job id must not be empty</source>
        <translation>任务 ID 不能为空</translation>
    </message>
    <message>
        <source>a job id must be at most 200 characters long</source>
        <translation>任务 ID 最多 200 个字符</translation>
    </message>
    <message>
        <source>a job id must not contain control characters</source>
        <translation>任务 ID 不能包含控制字符</translation>
    </message>
    <message>
        <source>%1 must be a number of seconds or null</source>
        <translation>%1 必须是秒数或 null</translation>
    </message>
    <message>
        <source>%1 must be a number of seconds</source>
        <translation>%1 必须是秒数</translation>
    </message>
    <message>
        <source>a job id must not be blank</source>
        <translation>任务 ID 不能为空白</translation>
    </message>
    <message>
        <source>a job name must be one line, without control characters</source>
        <translation>任务名称必须为单行，不得包含控制字符</translation>
    </message>
    <message>
        <source>a job name must be at most 1000 characters long</source>
        <translation>任务名称最多 1000 个字符</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; has no trigger</source>
        <translation>任务“%1”没有触发器</translation>
    </message>
    <message>
        <source>a job name must not begin with U+FEFF (a byte order mark)</source>
        <translation>任务名称不能以 U+FEFF（字节顺序标记）开头</translation>
    </message>
    <message>
        <source>chains must be an object with on_success, on_failure and on_finish lists</source>
        <translation>chains 必须是包含 on_success、on_failure 和 on_finish 列表的对象</translation>
    </message>
    <message>
        <source>chains: unknown key &quot;%1&quot; (on_success, on_failure or on_finish)</source>
        <translation>chains：未知的键“%1”（应为 on_success、on_failure 或 on_finish）</translation>
    </message>
    <message>
        <source>chains: %1</source>
        <translation>chains：%1</translation>
    </message>
    <message>
        <source>chains: %1: %2</source>
        <translation>chains：%1：%2</translation>
    </message>
    <message>
        <source>overlap must be skip, queue-one, queue-all, replace or allow</source>
        <translation>overlap 必须是 skip、queue-one、queue-all、replace 或 allow</translation>
    </message>
    <message>
        <source>queue_limit must be a whole number from 1 to 10000</source>
        <translation>queue_limit 必须是 1 到 10000 之间的整数</translation>
    </message>
    <message>
        <source>pause_after_failures must be a whole number from 1 to 1000 or null</source>
        <translation>pause_after_failures 必须是 1 到 1000 之间的整数或 null</translation>
    </message>
    <message>
        <source>a pause note must be one line of at most 1000 characters, without control characters</source>
        <translation>暂停备注必须是一行，最多 1000 个字符，且不含控制字符</translation>
    </message>
    <message>
        <source>exclude: %1</source>
        <translation>exclude：%1</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; has no schedule and no event to run on</source>
        <translation>任务“%1”既没有计划，也没有可触发它运行的事件</translation>
    </message>
    <message>
        <source>requires must be a list of conditions</source>
        <translation>requires 必须是条件列表</translation>
    </message>
    <message>
        <source>requires: %1</source>
        <translation>requires：%1</translation>
    </message>
</context>
<context>
    <name>JobEvents</name>
    <message>
        <source>events must be an object with at_start, after_resume and network_up</source>
        <translation>events 必须是包含 at_start、after_resume 和 network_up 的对象</translation>
    </message>
    <message>
        <source>events: unknown key &quot;%1&quot; (at_start, after_resume or network_up)</source>
        <translation>events：未知的键“%1”（应为 at_start、after_resume 或 network_up）</translation>
    </message>
    <message>
        <source>events: %1 must be true or false</source>
        <translation>events：%1 必须是 true 或 false</translation>
    </message>
    <message>
        <source>events: after_resume must be a number of seconds (0: no delay)</source>
        <translation>events：after_resume 必须是秒数（0：不延迟）</translation>
    </message>
    <message>
        <source>at start</source>
        <translation>启动时</translation>
    </message>
    <message>
        <source>after wake-up (%1 later)</source>
        <translation>唤醒后（%1 之后）</translation>
    </message>
    <message>
        <source>after wake-up</source>
        <translation>唤醒后</translation>
    </message>
    <message>
        <source>when the network comes up</source>
        <translation>网络连通时</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1; also %2</source>
        <translation>%1；另外%2</translation>
    </message>
</context>
<context>
    <name>JobFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>not a job file: %1 at %2</source>
        <translation>不是任务文件：%1（位于 %2）</translation>
    </message>
    <message>
        <source>not a job file: expected a JSON array of jobs or an object with a &quot;jobs&quot; array</source>
        <translation>不是任务文件：应为任务的 JSON 数组，或带有“jobs”数组的对象</translation>
    </message>
    <message>
        <source>not a job object</source>
        <translation>不是任务对象</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; is used by jobs[%2] already</source>
        <translation>ID“%1”已被 jobs[%2] 使用</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job id(s) already exist: %1</source>
        <translation>
            <numerusform>%n 个任务 ID 已存在：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: unknown key &quot;%2&quot;</source>
        <translation>任务“%1”：未知的键“%2”</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>任务“%1”：%2</translation>
    </message>
</context>
<context>
    <name>JobStatistics</name>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>No run has ended yet; going now: %1</source>
        <translation>尚无已结束的运行；正在运行：%1</translation>
    </message>
    <message>
        <source>No run has ended yet</source>
        <translation>尚无已结束的运行</translation>
    </message>
    <message>
        <source>Last run: %1 succeeded</source>
        <translation>最近一次运行：%1 成功</translation>
    </message>
    <message numerus="yes">
        <source>Last %n runs: %1 succeeded</source>
        <translation>
            <numerusform>最近 %n 次运行：%1 成功</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, median %2, p95 %3</source>
        <comment>success rate, then durations</comment>
        <translation>%1，中位数 %2，p95 %3</translation>
    </message>
    <message>
        <source>No run has ended yet.</source>
        <translation>尚无已结束的运行。</translation>
    </message>
    <message>
        <source>%1 of 1 run that ended succeeded (%2).</source>
        <translation>1 次已结束的运行中有 %1 次成功（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs that ended succeeded (%2).</source>
        <translation>
            <numerusform>%n 次已结束的运行中有 %1 次成功（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1, timed out: %2, interrupted: %3.</source>
        <translation>失败：%1，超时：%2，中断：%3。</translation>
    </message>
    <message>
        <source>Median duration %1; 95 % of runs took at most %2.</source>
        <translation>时长中位数 %1；95% 的运行最多耗时 %2。</translation>
    </message>
    <message>
        <source>Not run (missed, skipped or excluded): %1.</source>
        <translation>未运行（错过、跳过或排除）：%1。</translation>
    </message>
    <message>
        <source>Going or waiting now: %1.</source>
        <translation>正在运行或等待：%1。</translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <source>the scheduler stopped while this run was going (shut down or crashed)</source>
        <translation>此次运行期间调度器已停止（关闭或崩溃）</translation>
    </message>
    <message>
        <source>no job with id &quot;%1&quot;</source>
        <translation>没有 ID 为“%1”的任务</translation>
    </message>
    <message>
        <source>a job with id &quot;%1&quot; already exists</source>
        <translation>ID 为“%1”的任务已存在</translation>
    </message>
    <message>
        <source>no run %1 of job &quot;%2&quot;</source>
        <translation>任务“%2”没有第 %1 次运行</translation>
    </message>
    <message>
        <source>store is damaged: %1 (%2)</source>
        <translation>存储已损坏：%1（%2）</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited in the queue</source>
        <translation>此运行在队列中等待时调度器已停止</translation>
    </message>
    <message>
        <source>no calendar named &quot;%1&quot;</source>
        <translation>没有名为“%1”的日历</translation>
    </message>
    <message>
        <source>a calendar named &quot;%1&quot; already exists</source>
        <translation>名为“%1”的日历已存在</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited for its conditions</source>
        <translation>此运行等待其条件时调度器已停止</translation>
    </message>
</context>
<context>
    <name>JsonFields</name>
    <message>
        <source>&quot;%1&quot; must be %2, not %3</source>
        <translation>“%1”必须是%2，而不是 %3</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>字符串列表</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>值为字符串的对象</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
</context>
<context>
    <name>MemoryJobStore</name>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
</context>
<context>
    <name>MissedRunsReview</name>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep or Punctual was not running</source>
        <translation>
            <numerusform>在计算机睡眠或 Punctual 未运行期间错过了 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep</source>
        <translation>
            <numerusform>在计算机睡眠期间错过了 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while Punctual was not running</source>
        <translation>
            <numerusform>在 Punctual 未运行期间错过了 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n jobs)</source>
        <translation>
            <numerusform>%1（%n 个任务）</numerusform>
        </translation>
    </message>
    <message>
        <source>Missed while the computer was asleep, from %1 to %2.</source>
        <translation>在计算机睡眠期间错过，从 %1 到 %2。</translation>
    </message>
    <message>
        <source>Missed while Punctual was not running, from %1 to %2.</source>
        <translation>在 Punctual 未运行期间错过，从 %1 到 %2。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>到期时间：%1</translation>
    </message>
    <message numerus="yes">
        <source>Due %1 and at least %n more</source>
        <translation>
            <numerusform>到期时间：%1，以及至少另外 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due %1 and %n more</source>
        <translation>
            <numerusform>到期时间：%1，以及另外 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more …</source>
        <translation>
            <numerusform>……另外 %n 次……</numerusform>
        </translation>
    </message>
    <message>
        <source>Ran once at %1 instead (only once: coalesce)</source>
        <translation>改为在 %1 运行一次（仅一次：合并）</translation>
    </message>
    <message numerus="yes">
        <source>%n ran late, from %1</source>
        <translation>
            <numerusform>%n 次延迟运行，从 %1 开始</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folded into one run time (coalesce)</source>
        <translation>
            <numerusform>%n 次合并为一次运行（合并）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: more than %1 late (misfire grace time)</source>
        <translation>
            <numerusform>%n 次未运行：延迟超过 %1（宽限时间）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: older than the latest %1 run times a catch-up considers</source>
        <translation>
            <numerusform>%n 次未运行：早于补运行所考虑的最近 %1 个运行时间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: the job was still running (max instances %1)</source>
        <translation>
            <numerusform>%n 次已跳过：任务仍在运行（最大实例数 %1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: on days the job&apos;s calendars exclude</source>
        <translation>
            <numerusform>%n 次未运行：在任务日历排除的日期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs. Click to review what each job did.</source>
        <translation>
            <numerusform>%n 个任务。点击查看每个任务的处理情况。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>PasswordProvider</name>
    <message>
        <source>connection &quot;%1&quot;: no environment variable is named for the password</source>
        <translation>连接“%1”：未指定保存密码的环境变量</translation>
    </message>
    <message>
        <source>the environment variable %1, which should hold the password of connection &quot;%2&quot;, is not set in the scheduler&apos;s environment</source>
        <translation>应保存连接“%2”密码的环境变量 %1 未在调度器的环境中设置</translation>
    </message>
    <message>
        <source>this program has no keychain support, so the password of connection &quot;%1&quot; cannot be read from it: keep it in an environment variable and name that in the job instead</source>
        <translation>此程序不支持密钥环，无法从中读取连接“%1”的密码：请将其保存在环境变量中，并在任务中指定该变量</translation>
    </message>
</context>
<context>
    <name>RemoteJobControl</name>
    <message>
        <source>the Punctual instance sent a bad answer: %1</source>
        <translation>Punctual 实例发送了错误的应答：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not return a job</source>
        <translation>“%1”未返回任务</translation>
    </message>
    <message>
        <source>no trigger given</source>
        <translation>未提供触发器</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not return a list</source>
        <translation>“%1”未返回列表</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not say how many jobs it removed</source>
        <translation>“%1”未说明删除了多少任务</translation>
    </message>
</context>
<context>
    <name>RunCondition</name>
    <message>
        <source>condition &quot;%1&quot;: %2</source>
        <translation>条件“%1”：%2</translation>
    </message>
    <message>
        <source>unknown condition &quot;%1&quot; (use ac-power, network, unmetered or idle:DURATION)</source>
        <translation>未知的条件“%1”（请使用 ac-power、network、unmetered 或 idle:时长）</translation>
    </message>
    <message>
        <source>AC power</source>
        <translation>交流电源</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>an unmetered network</source>
        <translation>不按流量计费的网络</translation>
    </message>
    <message>
        <source>the computer to be idle for %1</source>
        <translation>计算机空闲 %1</translation>
    </message>
    <message>
        <source>AC power was lost</source>
        <translation>交流电源已断开</translation>
    </message>
    <message>
        <source>the network was lost</source>
        <translation>网络已断开</translation>
    </message>
    <message>
        <source>the network is no longer unmetered</source>
        <translation>网络不再是不按流量计费的</translation>
    </message>
    <message>
        <source>the computer is no longer idle</source>
        <translation>计算机不再空闲</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>等待%1</translation>
    </message>
</context>
<context>
    <name>RunExplainer</name>
    <message>
        <source>on schedule</source>
        <translation>按计划</translation>
    </message>
    <message>
        <source>late, catching up a run time that passed while the scheduler could not run it</source>
        <translation>延迟地补运行一个在调度器无法运行时错过的运行时间</translation>
    </message>
    <message>
        <source>because a user asked to run it now</source>
        <translation>因为用户要求立即运行</translation>
    </message>
    <message>
        <source>as a retry</source>
        <translation>作为重试</translation>
    </message>
    <message>
        <source>chained after run %1 ended</source>
        <translation>在运行 %1 结束后链式启动</translation>
    </message>
    <message>
        <source>chained after another run ended</source>
        <translation>在另一个运行结束后链式启动</translation>
    </message>
    <message>
        <source>as part of a backfill</source>
        <translation>作为回填的一部分</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed (exit code %1)</source>
        <translation>失败（退出码 %1）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>was interrupted</source>
        <translation>被中断</translation>
    </message>
    <message>
        <source>%1 is before the job existed: it was created at %2.</source>
        <translation>%1 早于该任务存在的时间：任务创建于 %2。</translation>
    </message>
    <message>
        <source>No run is recorded at %1.</source>
        <translation>%1 没有记录任何运行。</translation>
    </message>
    <message>
        <source>%1 is due but has not run yet: the scheduler has not handled the job since its run time %2 (it was not running). It will be handled by the misfire rules when the scheduler runs.</source>
        <translation>%1 已到期但尚未运行：自运行时间 %2 以来调度器没有处理该任务（调度器未在运行）。调度器运行时将按错过运行的规则处理。</translation>
    </message>
    <message>
        <source>No run is recorded at %1. The job is paused now%2, and nothing was recorded for it since, so it was most likely paused then; runs missed while paused are not made up. (The history does not record when it was paused.)</source>
        <translation>%1 没有记录任何运行。该任务当前已暂停%2，且此后没有任何记录，因此当时很可能已暂停；暂停期间错过的运行不会补上。（历史记录不记录暂停的时间。）</translation>
    </message>
    <message>
        <source>%1 is a fire time of the job&apos;s trigger, but no run is recorded for it and no later run covers it. The job may have been paused then, or had another trigger (the history records neither).</source>
        <translation>%1 是该任务触发器的触发时间，但没有对应的运行记录，也没有之后的运行涵盖它。该任务当时可能已暂停，或使用的是另一个触发器（历史记录两者都不记录）。</translation>
    </message>
    <message>
        <source> (&quot;%1&quot;)</source>
        <translation>（“%1”）</translation>
    </message>
    <message>
        <source>The run time %1 was missed (run %2): the scheduler could have started it only %3 late, more than the misfire grace time of %4.</source>
        <translation>运行时间 %1 被错过（运行 %2）：调度器最早只能延迟 %3 启动，超过了 %4 的错过宽限时间。</translation>
    </message>
    <message>
        <source>The run time %1 was missed (run %2): %3</source>
        <translation>运行时间 %1 被错过（运行 %2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>This row stands for %n run time(s) missed together.</source>
        <translation>
            <numerusform>此行代表一起错过的 %n 个运行时间。</numerusform>
        </translation>
    </message>
    <message>
        <source>The run time %1 was skipped (run %2): %3 (overlap policy %4, max instances %5).</source>
        <translation>运行时间 %1 被跳过（运行 %2）：%3（重叠策略 %4，最大实例数 %5）。</translation>
    </message>
    <message>
        <source>the job&apos;s earlier runs were still going</source>
        <translation>该任务之前的运行仍在进行</translation>
    </message>
    <message>
        <source>The run for %1 (run %2) is waiting for the job&apos;s earlier run to end (overlap policy %3).</source>
        <translation>%1 的运行（运行 %2）正在等待该任务之前的运行结束（重叠策略 %3）。</translation>
    </message>
    <message>
        <source>Run %1 for %2 started %3 and was stopped because a newer run of the job replaced it (overlap policy replace).</source>
        <translation>%2 的运行 %1 %3启动，因被该任务的较新运行替换而停止（重叠策略 replace）。</translation>
    </message>
    <message>
        <source>Run %1 for %2 started %3 and is still going.</source>
        <translation>%2 的运行 %1 %3启动，仍在进行中。</translation>
    </message>
    <message>
        <source>Run %1 for %2 started %3 and %4</source>
        <translation>%2 的运行 %1 %3启动，%4</translation>
    </message>
    <message>
        <source> after %1</source>
        <translation>，用时 %1</translation>
    </message>
    <message>
        <source>That was attempt %1 of the same run time: the earlier attempts failed and were retried (last run %2).</source>
        <translation>这是同一运行时间的第 %1 次尝试：之前的尝试失败并已重试（最后一次运行 %2）。</translation>
    </message>
    <message>
        <source>Its time was moved from %1 by the trigger&apos;s jitter.</source>
        <translation>其时间因触发器的随机抖动从 %1 推后。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 is not a fire time of the job&apos;s trigger (%2): the fire time before it is %3, the one after it %4.</source>
        <translation>%1 不是该任务触发器（%2）的触发时间：之前的触发时间为 %3，之后的为 %4。</translation>
    </message>
    <message>
        <source>The job will not run at %1: it is paused%2. Resuming it computes the next run time from then.</source>
        <translation>该任务不会在 %1 运行：它已暂停%2。恢复时将从那时起计算下次运行时间。</translation>
    </message>
    <message>
        <source>The job will not run at %1: it is finished (it has no next run time).</source>
        <translation>该任务不会在 %1 运行：它已结束（没有下次运行时间）。</translation>
    </message>
    <message>
        <source>The job will run at %1 (reason scheduled).</source>
        <translation>该任务将在 %1 运行（原因：按计划）。</translation>
    </message>
    <message>
        <source>That is its next run time.</source>
        <translation>这是它的下次运行时间。</translation>
    </message>
    <message>
        <source>Its next run time is %1.</source>
        <translation>它的下次运行时间为 %1。</translation>
    </message>
    <message>
        <source>%1 is one of %2 run times missed while the scheduler could not run the job (from %3 to %4), recorded together as run %5: %6</source>
        <translation>%1 是调度器无法运行该任务期间（%3 至 %4）错过的 %2 个运行时间之一，合并记录为运行 %5：%6</translation>
    </message>
    <message>
        <source>%1 is older than the history kept: the job keeps its newest %2 runs, and the oldest of them is from %3.</source>
        <translation>%1 早于保留的历史记录：该任务保留最近的 %2 次运行，其中最早的一次为 %3。</translation>
    </message>
    <message>
        <source>%1 was coalesced into run %2 (run time %3, %4): when the scheduler came to run the job at %5, several run times were due, and with coalescing on only the latest runs.</source>
        <translation>%1 已合并到运行 %2（运行时间 %3，%4）：调度器在 %5 运行该任务时有多个运行时间到期，启用合并时只运行最新的一个。</translation>
    </message>
    <message>
        <source>%1 is a fire time of the job&apos;s trigger on a day its calendar &quot;%2&quot; excludes (%3): the job does not run then.</source>
        <translation>%1 是该任务触发器的触发时间，但落在其日历“%2”排除的日期（%3）：任务届时不会运行。</translation>
    </message>
    <message>
        <source>The run time %1 did not run (run %2): %3.</source>
        <translation>运行时间 %1 未运行（运行 %2）：%3。</translation>
    </message>
    <message>
        <source>because the scheduler started</source>
        <translation>因为调度器已启动</translation>
    </message>
    <message>
        <source>because the computer woke from sleep</source>
        <translation>因为计算机已从睡眠中唤醒</translation>
    </message>
    <message>
        <source>because the network came up</source>
        <translation>因为网络已连通</translation>
    </message>
    <message>
        <source>The run for %1 (run %2) is %3 (the job&apos;s conditions).</source>
        <translation>%1 的运行（运行 %2）正在%3（任务的条件）。</translation>
    </message>
    <message>
        <source>The run time %1 was not run (run %2): %3.</source>
        <translation>运行时间 %1 未运行（运行 %2）：%3。</translation>
    </message>
</context>
<context>
    <name>RunPresentation</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n day</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>错过</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>错过</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>outcome: error</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Succeeded in %1</source>
        <translation>成功，用时 %1</translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1（退出码 %2）</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>明天 %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>QDate format of a date within half a year: Sat 5 Dec</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>QDate format of a date further away: Sat 5 Dec 2027</comment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date, then time of day</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>in %1</source>
        <comment>in 12 min</comment>
        <translation>%1后</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>12 min ago</comment>
        <translation>%1前</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Condition timeout</source>
        <translation>条件超时</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>condition timeout</source>
        <translation>条件超时</translation>
    </message>
</context>
<context>
    <name>Scheduler</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>missed by %1 (misfire grace time %2)</source>
        <translation>错过 %1（宽限时间 %2）</translation>
    </message>
    <message numerus="yes">
        <source>skipped: %n run(s) of this job still going (max instances)</source>
        <translation>
            <numerusform>已跳过：此任务仍有 %n 次运行未结束（最大实例数）</numerusform>
        </translation>
    </message>
    <message>
        <source>the run time %1 has already passed</source>
        <translation>运行时间 %1 已经过去</translation>
    </message>
    <message>
        <source>the trigger &quot;%1&quot; never fires after now</source>
        <translation>触发器“%1”从现在起不会再触发</translation>
    </message>
    <message>
        <source>the scheduler stopped before this run began</source>
        <translation>此次运行开始前调度器已停止</translation>
    </message>
    <message>
        <source>this kind of action cannot be run here</source>
        <translation>此类操作无法在此运行</translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln run time(s) from %1 to %2 were missed while the scheduler was not running</source>
        <translation>
            <numerusform>调度器未运行期间，从 %1 到 %2 至少错过了 %Ln 个运行时间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run time(s) from %1 to %2 were missed while the scheduler was not running</source>
        <translation>
            <numerusform>调度器未运行期间，从 %1 到 %2 错过了 %Ln 个运行时间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped: the queue is full (%n run(s) waiting, overlap %1)</source>
        <translation>
            <numerusform>已跳过：队列已满（%n 个运行在等待，重叠策略 %1）</numerusform>
        </translation>
    </message>
    <message>
        <source>replaced by the run of %1</source>
        <translation>已被 %1 的运行取代</translation>
    </message>
    <message>
        <source>stopped: the job was removed</source>
        <translation>已停止：任务已被删除</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited in the queue</source>
        <translation>此运行在队列中等待时调度器已停止</translation>
    </message>
    <message>
        <source>not run: still %1 at its deadline</source>
        <translation>未运行：到截止时间仍在%1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited for its conditions</source>
        <translation>此运行等待其条件时调度器已停止</translation>
    </message>
</context>
<context>
    <name>SchedulerClient</name>
    <message>
        <source>not connected to the Punctual scheduler</source>
        <translation>未连接到 Punctual 调度器</translation>
    </message>
    <message>
        <source>the Punctual scheduler sent a bad answer: %1</source>
        <translation>Punctual 调度器发送了错误的应答：%1</translation>
    </message>
    <message>
        <source>a list was expected</source>
        <translation>应为一个列表</translation>
    </message>
</context>
<context>
    <name>SqlExecutor</name>
    <message>
        <source>SQLite database %1</source>
        <translation>SQLite 数据库 %1</translation>
    </message>
    <message>
        <source>%1 database &quot;%2&quot; on %3</source>
        <translation>%3 上的 %1 数据库“%2”</translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation>未知的数据库错误</translation>
    </message>
    <message>
        <source>the database driver %1 is not installed (installed: %2)</source>
        <translation>未安装数据库驱动 %1（已安装：%2）</translation>
    </message>
    <message>
        <source>the SQLite database file %1 does not exist</source>
        <translation>SQLite 数据库文件 %1 不存在</translation>
    </message>
    <message>
        <source>cannot connect to the %1: %2</source>
        <translation>无法连接到%1：%2</translation>
    </message>
    <message>
        <source>cannot begin a transaction: %1</source>
        <translation>无法开始事务：%1</translation>
    </message>
    <message>
        <source>stopped before statement %1</source>
        <translation>在语句 %1 之前停止</translation>
    </message>
    <message>
        <source>stopped before the commit</source>
        <translation>在提交之前停止</translation>
    </message>
    <message>
        <source>the commit failed: %1</source>
        <translation>提交失败：%1</translation>
    </message>
    <message>
        <source>rolled back: no change was kept</source>
        <translation>已回滚：未保留任何更改</translation>
    </message>
    <message>
        <source>cannot set the statement timeout: %1</source>
        <translation>无法设置语句超时：%1</translation>
    </message>
    <message>
        <source>statement %1 uses the placeholder :%2, which is not bound (the known ones: :%3)</source>
        <translation>语句 %1 使用了未绑定的占位符 :%2（已知的有：:%3）</translation>
    </message>
    <message>
        <source>statement %1 failed: %2</source>
        <translation>语句 %1 失败：%2</translation>
    </message>
    <message>
        <source>statement %1 timed out after %2 ms: %3</source>
        <translation>语句 %1 在 %2 毫秒后超时：%3</translation>
    </message>
    <message>
        <source>statement %1 was cancelled: %2</source>
        <translation>语句 %1 已取消：%2</translation>
    </message>
    <message numerus="yes">
        <source>statement %1: %n row(s) returned (%2 ms)</source>
        <translation>
            <numerusform>语句 %1：返回 %n 行（%2 毫秒）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>statement %1: %n row(s) affected (%2 ms)</source>
        <translation>
            <numerusform>语句 %1：影响 %n 行（%2 毫秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>statement %1: done (%2 ms)</source>
        <translation>语句 %1：完成（%2 毫秒）</translation>
    </message>
    <message>
        <source>Connected to the %1.</source>
        <translation>已连接到%1。</translation>
    </message>
    <message>
        <source>cannot read the session&apos;s time zone: %1</source>
        <translation>无法读取会话的时区：%1</translation>
    </message>
</context>
<context>
    <name>SqlJobStore</name>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>no job store file given</source>
        <translation>未指定任务存储文件</translation>
    </message>
    <message>
        <source>the folder %1 does not exist (for the job store %2)</source>
        <translation>文件夹 %1 不存在（用于任务存储 %2）</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the job store</source>
        <translation>无法为任务存储创建文件夹 %1</translation>
    </message>
    <message>
        <source>%1 is not a folder (for the job store %2)</source>
        <translation>%1 不是文件夹（用于任务存储 %2）</translation>
    </message>
    <message>
        <source>%1 is a folder, not a Punctual job store</source>
        <translation>%1 是文件夹，不是 Punctual 任务存储</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store (not an SQLite database)</source>
        <translation>%1 不是 Punctual 任务存储（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>%1 is read-only</source>
        <translation>%1 为只读</translation>
    </message>
    <message>
        <source>%1 is read-only (its folder %2 cannot be written)</source>
        <translation>%1 为只读（其文件夹 %2 不可写）</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>the Qt %1 driver is not available (for %2)</source>
        <translation>Qt %1 驱动不可用（用于 %2）</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store</source>
        <translation>%1 不是 Punctual 任务存储</translation>
    </message>
    <message>
        <source>%1 was written by a newer Punctual (schema %2, this one reads up to %3)</source>
        <translation>%1 由更新版本的 Punctual 写入（架构 %2，此版本最多读取 %3）</translation>
    </message>
    <message>
        <source>%1 is locked by another process (waited %2 s)</source>
        <translation>%1 被另一个进程锁定（已等待 %2 秒）</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store (not an %2 database)</source>
        <translation>%1 不是 Punctual 任务存储（不是 %2 数据库）</translation>
    </message>
    <message>
        <source>job store %1: %2</source>
        <translation>任务存储 %1：%2</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; in %2 cannot be read: %3</source>
        <translation>无法读取 %2 中的任务“%1”：%3</translation>
    </message>
    <message>
        <source>job store %1: no id for the new run</source>
        <translation>任务存储 %1：新运行没有 ID</translation>
    </message>
    <message>
        <source>the instance %1 that ran this stopped answering (no heartbeat within its lease)</source>
        <translation>运行此任务的实例 %1 已停止响应（租约期内没有心跳）</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a FIFO, device or socket cannot be a job store)</source>
        <translation>%1 不是普通文件（FIFO、设备或套接字不能作为任务存储）</translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Punctual job store (remove it to make a new store there)</source>
        <translation>%1 是空文件，不是 Punctual 任务存储（删除它即可在此处创建新的存储）</translation>
    </message>
    <message>
        <source>%1 cannot be copied by Punctual (use the database&apos;s own tools)</source>
        <translation>Punctual 无法复制 %1（请使用数据库自带的工具）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>there is no job store at %1 (nothing was created)</source>
        <translation>%1 处没有任务存储（未创建任何内容）</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store (it has no tables)</source>
        <translation>%1 不是 Punctual 任务存储（其中没有表）</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL store: back it up with pg_dump (punctualctl backup copies SQLite stores)</source>
        <translation>%1 是 PostgreSQL 存储：请用 pg_dump 备份（punctualctl backup 只复制 SQLite 存储）</translation>
    </message>
    <message>
        <source>no backup file given</source>
        <translation>未指定备份文件</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 是一个文件夹</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a FIFO, device or socket cannot hold a backup)</source>
        <translation>%1 不是普通文件（FIFO、设备或套接字不能存放备份）</translation>
    </message>
    <message>
        <source>%1 is the job store itself, not a place for its backup</source>
        <translation>%1 就是任务存储本身，不能用来存放它的备份</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>written by a newer Punctual</source>
        <translation>由较新版本的 Punctual 写入</translation>
    </message>
    <message>
        <source>the job store %1 is not connected (reconnecting)</source>
        <translation>任务存储 %1 未连接（正在重新连接）</translation>
    </message>
    <message>
        <source>cannot reach the job store %1: %2</source>
        <translation>无法访问任务存储 %1：%2</translation>
    </message>
    <message>
        <source>the job store file %1 is gone (removed or renamed); waiting for it to come back</source>
        <translation>任务存储文件 %1 已不存在（被删除或重命名）；正在等待它恢复</translation>
    </message>
    <message>
        <source>calendar &quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取日历“%1”：%2</translation>
    </message>
</context>
<context>
    <name>StoreLocation</name>
    <message>
        <source>&quot;%1&quot; names no file (expected sqlite:PATH)</source>
        <translation>“%1”未指定文件（应为 sqlite:路径）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a store URL (expected sqlite:PATH or postgresql://user@host:port/db)</source>
        <translation>“%1”不是存储 URL（应为 sqlite:路径 或 postgresql://user@host:port/db）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL store URL: %2</source>
        <translation>“%1”不是 PostgreSQL 存储 URL：%2</translation>
    </message>
    <message>
        <source>it holds a password; give it in PGPASSWORD or ~/.pgpass instead, so it is never written into settings or logs</source>
        <translation>其中包含密码；请改用 PGPASSWORD 或 ~/.pgpass 提供，以免写入设置或日志</translation>
    </message>
    <message>
        <source>no host (expected postgresql://user@host:port/db)</source>
        <translation>没有主机（应为 postgresql://user@host:port/db）</translation>
    </message>
    <message>
        <source>no database name (expected postgresql://user@host:port/db)</source>
        <translation>没有数据库名称（应为 postgresql://user@host:port/db）</translation>
    </message>
    <message>
        <source>instance=%1: use up to 100 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>instance=%1：最多使用 100 个字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>lease=%1: give a number of seconds from 1 to 86400</source>
        <translation>lease=%1：请指定 1 到 86400 之间的秒数</translation>
    </message>
    <message>
        <source>unknown parameter &quot;%1&quot; (known: instance, lease)</source>
        <translation>未知参数“%1”（已知：instance、lease）</translation>
    </message>
    <message>
        <source>the job store chosen in the settings (%1) is not valid: %2</source>
        <translation>设置中选择的任务存储（%1）无效：%2</translation>
    </message>
</context>
<context>
    <name>StoreWatcher</name>
    <message>
        <source>cannot watch %1 for changes: %2</source>
        <translation>无法监视 %1 的变化：%2</translation>
    </message>
    <message>
        <source>cannot watch %1 for changes: no such file</source>
        <translation>无法监视 %1 的变化：文件不存在</translation>
    </message>
    <message>
        <source>cannot watch %1 for changes</source>
        <translation>无法监视 %1 的变化</translation>
    </message>
    <message>
        <source>the connection to %1 is closed</source>
        <translation>与 %1 的连接已关闭</translation>
    </message>
    <message>
        <source>cannot listen for changes on %1: %2</source>
        <translation>无法监听 %1 的变化：%2</translation>
    </message>
</context>
<context>
    <name>SystemKeychain</name>
    <message>
        <source>keep the password in an environment variable of the scheduler instead and name that variable in the job</source>
        <translation>请改为将密码保存在调度器的环境变量中，并在任务中指定该变量</translation>
    </message>
    <message>
        <source>a password in the keychain needs a connection name</source>
        <translation>密钥环中的密码需要连接名称</translation>
    </message>
    <message>
        <source>the system keychain did not answer within %1 s (is it locked?); %2</source>
        <translation>系统密钥环未在 %1 秒内应答（是否已锁定？）；%2</translation>
    </message>
    <message>
        <source>the system keychain holds no password for connection &quot;%1&quot;: set it in the job editor (Set password…)</source>
        <translation>系统密钥环中没有连接“%1”的密码：请在任务编辑器中设置（设置密码…）</translation>
    </message>
    <message>
        <source>the system keychain refused access to the password of connection &quot;%1&quot;: %2</source>
        <translation>系统密钥环拒绝访问连接“%1”的密码：%2</translation>
    </message>
    <message>
        <source>no system keychain service is running (%1), so the password of connection &quot;%2&quot; cannot be kept there; %3</source>
        <translation>没有正在运行的系统密钥环服务（%1），因此无法在其中保存连接“%2”的密码；%3</translation>
    </message>
    <message>
        <source>the system keychain failed for connection &quot;%1&quot; (%2): is a keychain service (Secret Service, KWallet) running? If none runs, %3</source>
        <translation>系统密钥环处理连接“%1”时失败（%2）：是否有密钥环服务（Secret Service、KWallet）在运行？如果没有，%3</translation>
    </message>
</context>
<context>
    <name>Trigger</name>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>未知时区“%1”</translation>
    </message>
    <message>
        <source>jitter must not be negative</source>
        <translation>jitter 不能为负数</translation>
    </message>
    <message>
        <source>the trigger was saved by a newer Punctual (version %1; this one reads up to %2)</source>
        <translation>该触发器由更新版本的 Punctual 保存（版本 %1；此版本最多读取 %2）</translation>
    </message>
    <message>
        <source>unknown trigger type &quot;%1&quot;</source>
        <translation>未知的触发器类型“%1”</translation>
    </message>
    <message>
        <source>a whole number from 1 to %1</source>
        <translation>1 到 %1 之间的整数</translation>
    </message>
</context>
<context>
    <name>UserUnit</name>
    <message>
        <source>systemctl cannot be run: %1</source>
        <translation>无法运行 systemctl：%1</translation>
    </message>
    <message>
        <source>systemctl did not answer in %1 s</source>
        <translation>systemctl 在 %1 秒内没有响应</translation>
    </message>
    <message>
        <source>systemctl --user %1 failed: %2</source>
        <translation>systemctl --user %1 失败：%2</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Runs your jobs on time.</source>
        <translation>准时运行您的任务。</translation>
    </message>
    <message>
        <source>The SQLite job store file.</source>
        <translation>SQLite 任务存储文件。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Start without showing the window.</source>
        <translation>启动时不显示窗口。</translation>
    </message>
    <message>
        <source>The interface language (e.g. de, zh_CN).</source>
        <translation>界面语言（例如 de、zh_CN）。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Punctual cannot start</source>
        <translation>Punctual 无法启动</translation>
    </message>
    <message>
        <source>give --db or --store, not both</source>
        <translation>请指定 --db 或 --store，不能同时指定</translation>
    </message>
    <message>
        <source>The job store URL (sqlite:PATH or postgresql://user@host:port/db).</source>
        <translation>任务存储 URL（sqlite:路径 或 postgresql://user@host:port/db）。</translation>
    </message>
    <message>
        <source>Open the window on this job&apos;s run history.</source>
        <translation>打开窗口并显示此任务的运行历史。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>punctual::ActionEditor</name>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>运行(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. /usr/bin/backup</source>
        <translation>例如 /usr/bin/backup</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the program file</source>
        <translation>选择程序文件</translation>
    </message>
    <message>
        <source>e.g. --all &apos;a file name with spaces&apos;</source>
        <translation>例如 --all &apos;带空格的文件名&apos;</translation>
    </message>
    <message>
        <source>Split at spaces as a shell does: quotes (&apos;…&apos; or &quot;…&quot;) or a backslash keep spaces in an argument. Nothing is expanded: $VARIABLES and * reach the program as they are.</source>
        <translation>像 shell 一样按空格拆分：引号（&apos;…&apos; 或 &quot;…&quot;）或反斜杠可在参数中保留空格。不做任何展开：$变量 和 * 原样传给程序。</translation>
    </message>
    <message>
        <source>the scheduler&apos;s own</source>
        <translation>调度器自身的</translation>
    </message>
    <message>
        <source>The folder the program starts in</source>
        <translation>程序启动时所在的文件夹</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose the working folder</source>
        <translation>选择工作目录</translation>
    </message>
    <message>
        <source>Run through the she&amp;ll (/bin/sh)</source>
        <translation>通过 shell 运行(&amp;L)（/bin/sh）</translation>
    </message>
    <message>
        <source>The program field is then a shell command line (pipes, $VARIABLES, wildcards), run with /bin/sh -c; the arguments become $1, $2, …</source>
        <translation>此时“程序”一栏是一条 shell 命令行（管道、$变量、通配符），用 /bin/sh -c 运行；参数成为 $1、$2、…</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>程序(&amp;P)：</translation>
    </message>
    <message>
        <source>Ar&amp;guments:</source>
        <translation>参数(&amp;G)：</translation>
    </message>
    <message>
        <source>Wor&amp;king folder:</source>
        <translation>工作目录(&amp;K)：</translation>
    </message>
    <message>
        <source>F&amp;unction:</source>
        <translation>函数(&amp;U)：</translation>
    </message>
    <message>
        <source>Choose the function to call</source>
        <translation>选择要调用的函数</translation>
    </message>
    <message>
        <source>Enter the shell command to run</source>
        <translation>请输入要运行的 shell 命令</translation>
    </message>
    <message>
        <source>Enter the program to run</source>
        <translation>请输入要运行的程序</translation>
    </message>
    <message>
        <source>Arguments: the quote &apos; at position %1 is not closed</source>
        <translation>参数：位置 %1 处的引号 &apos; 未闭合</translation>
    </message>
    <message>
        <source>Arguments: the quote &quot; at position %1 is not closed</source>
        <translation>参数：位置 %1 处的引号 &quot; 未闭合</translation>
    </message>
    <message>
        <source>Choose the program</source>
        <translation>选择程序</translation>
    </message>
    <message>
        <source>Shell co&amp;mmand:</source>
        <translation>Shell 命令(&amp;M)：</translation>
    </message>
    <message>
        <source>e.g. tar czf /backup/home.tgz ~ &amp;&amp; echo done</source>
        <translation>例如 tar czf /backup/home.tgz ~ &amp;&amp; echo done</translation>
    </message>
    <message>
        <source>No such program on this computer: runs will fail unless it exists when the job runs</source>
        <translation>此计算机上没有该程序：除非运行时它已存在，否则运行将失败</translation>
    </message>
    <message>
        <source>No function &quot;%1&quot; is registered: runs will fail until it is</source>
        <translation>未注册函数“%1”：在其注册之前，运行将会失败</translation>
    </message>
    <message>
        <source>SQL statements</source>
        <translation>SQL 语句</translation>
    </message>
    <message>
        <source>HTTP requests</source>
        <translation>HTTP 请求</translation>
    </message>
    <message>
        <source>What the job runs</source>
        <translation>任务运行的内容</translation>
    </message>
    <message>
        <source>A command runs a program; a function calls C++ code registered with the scheduler under a name</source>
        <translation>命令运行一个程序；函数调用以某个名称注册到调度器的 C++ 代码</translation>
    </message>
    <message>
        <source>The function to call: one registered in this program, or the name of one registered later</source>
        <translation>要调用的函数：本程序中已注册的函数，或以后注册的函数的名称</translation>
    </message>
    <message>
        <source>Do nothing (noop)</source>
        <translation>什么都不做（noop）</translation>
    </message>
    <message>
        <source>Wait N seconds (sleep)</source>
        <translation>等待 N 秒（sleep）</translation>
    </message>
</context>
<context>
    <name>punctual::Application</name>
    <message>
        <source>Quit Punctual</source>
        <translation>退出 Punctual</translation>
    </message>
    <message>
        <source>The Punctual scheduler cannot be started: %1</source>
        <translation>无法启动 Punctual 调度器：%1</translation>
    </message>
    <message>
        <source>The Punctual scheduler did not start: %1</source>
        <translation>Punctual 调度器未能启动：%1</translation>
    </message>
    <message>
        <source>Punctual</source>
        <translation>Punctual</translation>
    </message>
    <message>
        <source>The Punctual scheduler is stopping; no job runs until it is started again.</source>
        <translation>Punctual 调度器正在停止；在再次启动之前不会运行任何任务。</translation>
    </message>
    <message>
        <source>Cannot stop the scheduler: %1</source>
        <translation>无法停止调度器：%1</translation>
    </message>
    <message>
        <source>Keep jobs running in the background?</source>
        <translation>让任务在后台继续运行吗？</translation>
    </message>
    <message>
        <source>The Punctual scheduler runs your jobs on time while the window is closed. Stopping it stops every job until Punctual is opened again.</source>
        <translation>窗口关闭时，Punctual 调度器仍会按时运行您的任务。停止它会使所有任务停止，直到再次打开 Punctual。</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Stop scheduler</source>
        <translation>停止调度器</translation>
    </message>
    <message>
        <source>The history setting did not reach the scheduler: %1</source>
        <translation>历史记录设置未能传达给调度器：%1</translation>
    </message>
</context>
<context>
    <name>punctual::BackfillDialog</name>
    <message>
        <source>Backfill %1</source>
        <translation>补跑 %1</translation>
    </message>
    <message>
        <source>Backfill a job</source>
        <translation>补跑任务</translation>
    </message>
    <message>
        <source>Runs the job once for each time its schedule would have fired in the range, in order, one after another. Times backfilled before are not run again.</source>
        <translation>按顺序、逐个地为计划在该范围内本应触发的每个时间运行一次任务。已补跑过的时间不会再次运行。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>If the job is running</source>
        <translation>如果任务正在运行</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Run beside it</source>
        <translation>同时运行</translation>
    </message>
    <message>
        <source>Fire times in the range</source>
        <translation>范围内的触发时间</translation>
    </message>
    <message>
        <source>Preview shows the times the range holds.</source>
        <translation>“预览”显示该范围内的时间。</translation>
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
        <source>If the job is &amp;running:</source>
        <translation>如果任务正在运行(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Backfill</source>
        <translation>补跑(&amp;B)</translation>
    </message>
    <message>
        <source>Asking the scheduler…</source>
        <translation>正在询问调度器…</translation>
    </message>
    <message numerus="yes">
        <source>%n fire time(s) in the range.</source>
        <translation>
            <numerusform>范围内有 %n 个触发时间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) backfilled.</source>
        <translation>
            <numerusform>已补跑 %n 次运行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::CalendarsDialog</name>
    <message>
        <source>Calendars</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Calendars:</source>
        <translation>日历(&amp;C)：</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Exclude every %1</source>
        <translation>排除每个%1</translation>
    </message>
    <message>
        <source>Excluded days and ranges</source>
        <translation>排除的日期和范围</translation>
    </message>
    <message>
        <source>Days and &amp;ranges:</source>
        <translation>日期和范围(&amp;R)：</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>第一天</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Exclude the day, or the days from the first to the last</source>
        <translation>排除该日期，或从第一天到最后一天的所有日期</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Import .ics…</source>
        <translation>导入 .ics(&amp;I)…</translation>
    </message>
    <message>
        <source>Exclude the days of an iCalendar file&apos;s all-day events (recurring ones through 2100)</source>
        <translation>排除 iCalendar 文件中全天事件的日期（重复事件展开至 2100 年）</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>New calendar</source>
        <translation>新建日历</translation>
    </message>
    <message>
        <source>Name of the calendar:</source>
        <translation>日历名称：</translation>
    </message>
    <message>
        <source>Import .ics</source>
        <translation>导入 .ics</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar 文件 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Used by no job</source>
        <translation>没有任务使用</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>Choose a calendar, or make one with New…</source>
        <translation>请选择一个日历，或用“新建…”创建一个</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Used by no job.</source>
        <translation>没有任务使用。</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>最后一天早于第一天。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with a time of day left out: only all-day events exclude days.</source>
        <translation>
            <numerusform>已略过 %n 个带具体时间的事件：只有全天事件会排除日期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::ChainsEditor</name>
    <message>
        <source>When it succeeds</source>
        <translation>成功时</translation>
    </message>
    <message>
        <source>When it fails</source>
        <translation>失败时</translation>
    </message>
    <message>
        <source>Either way</source>
        <translation>无论成败</translation>
    </message>
    <message>
        <source>Jobs run afterwards</source>
        <translation>之后运行的任务</translation>
    </message>
    <message>
        <source>The jobs that run after a run of this job ends, and when (--on-success, --on-failure, --on-finish)</source>
        <translation>此任务的一次运行结束后要运行的任务及其条件（--on-success、--on-failure、--on-finish）</translation>
    </message>
    <message>
        <source>When to run the chosen job</source>
        <translation>何时运行所选任务</translation>
    </message>
    <message>
        <source>Job to run afterwards</source>
        <translation>之后要运行的任务</translation>
    </message>
    <message>
        <source>Choose a job by name, or type its id</source>
        <translation>按名称选择任务，或输入其 ID</translation>
    </message>
    <message>
        <source>job name or id</source>
        <translation>任务名称或 ID</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the job to run afterwards</source>
        <translation>添加之后要运行的任务</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected jobs run afterwards</source>
        <translation>移除所选的之后运行的任务</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>punctual::CommandExecutor</name>
    <message>
        <source>[… %1 bytes dropped]</source>
        <translation>[… 已丢弃 %1 字节]</translation>
    </message>
    <message>
        <source>no program was given</source>
        <translation>未指定程序</translation>
    </message>
    <message>
        <source>program &quot;%1&quot; was not found</source>
        <translation>找不到程序“%1”</translation>
    </message>
    <message>
        <source>program &quot;%1&quot; is not executable</source>
        <translation>程序“%1”不可执行</translation>
    </message>
    <message>
        <source>this executor runs commands only</source>
        <translation>此执行器只运行命令</translation>
    </message>
    <message>
        <source>working directory &quot;%1&quot; does not exist</source>
        <translation>工作目录“%1”不存在</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>%1 后超时</translation>
    </message>
    <message>
        <source>stopped before it finished</source>
        <translation>在完成前被停止</translation>
    </message>
    <message>
        <source>crashed (signal %1)</source>
        <translation>崩溃（信号 %1）</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
</context>
<context>
    <name>punctual::ConditionsEditor</name>
    <message>
        <source>On AC power</source>
        <translation>使用交流电源</translation>
    </message>
    <message>
        <source>A due run waits while the computer runs on battery (requires ac-power)</source>
        <translation>计算机使用电池供电时，到期的运行会等待（requires ac-power）</translation>
    </message>
    <message>
        <source>Network available</source>
        <translation>网络可用</translation>
    </message>
    <message>
        <source>A due run waits until the network can be reached (requires network)</source>
        <translation>到期的运行会等到网络可以访问（requires network）</translation>
    </message>
    <message>
        <source>Unmetered network</source>
        <translation>不按流量计费的网络</translation>
    </message>
    <message>
        <source>A due run waits while there is no network, or only a metered one such as a mobile connection (requires unmetered)</source>
        <translation>没有网络或只有按流量计费的网络（如移动网络）时，到期的运行会等待（requires unmetered）</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>空闲达</translation>
    </message>
    <message>
        <source>A due run waits until nobody has used the computer for this long (requires idle:DURATION)</source>
        <translation>到期的运行会等到计算机无人使用达到这么长时间（requires idle:时长）</translation>
    </message>
    <message>
        <source>Only when the computer is idle</source>
        <translation>仅当计算机空闲时</translation>
    </message>
    <message>
        <source>Idle for this many minutes</source>
        <translation>空闲的分钟数</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>How long a due run waits for its conditions</source>
        <translation>到期的运行等待其条件的时长</translation>
    </message>
    <message>
        <source>as long as the misfire grace time</source>
        <translation>与错过宽限时间一样长</translation>
    </message>
    <message>
        <source>for ever</source>
        <translation>无限期</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Minutes a due run waits for its conditions</source>
        <translation>到期的运行等待其条件的分钟数</translation>
    </message>
    <message>
        <source>Stop the run if the condition is lost</source>
        <translation>条件不再满足时停止运行</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>条件：</translation>
    </message>
    <message>
        <source>Wait for them:</source>
        <translation>等待条件：</translation>
    </message>
    <message>
        <source>A run whose conditions do not hold by then is not run; it is recorded as condition timeout</source>
        <translation>到那时条件仍未满足的运行不会执行；记录为条件超时</translation>
    </message>
    <message>
        <source>A run going is stopped (recorded interrupted) when one of its conditions stops holding, such as the power cable being pulled</source>
        <translation>当某个条件不再满足时（例如拔掉电源线），正在进行的运行会被停止（记录为已中断）</translation>
    </message>
</context>
<context>
    <name>punctual::ControlServer</name>
    <message>
        <source>too many clients are connected (at most %1)</source>
        <translation>连接的客户端过多（最多 %1 个）</translation>
    </message>
    <message>
        <source>a request line is longer than %1 bytes</source>
        <translation>请求行超过 %1 字节</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>不是 JSON：%1（第 %2 字节）</translation>
    </message>
    <message>
        <source>a request must be a JSON object</source>
        <translation>请求必须是 JSON 对象</translation>
    </message>
    <message>
        <source>a request needs a &quot;method&quot; string</source>
        <translation>请求需要“method”字符串</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object</source>
        <translation>“params”必须是对象</translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot;</source>
        <translation>未知方法“%1”</translation>
    </message>
    <message>
        <source>this computer runs no jobs of this store (its Punctual only manages them); the computers that run them do</source>
        <translation>此计算机不运行该存储中的任务（其 Punctual 仅管理它们）；由运行它们的计算机运行</translation>
    </message>
</context>
<context>
    <name>punctual::DBusDesktopState</name>
    <message>
        <source>desktop state: no system bus (%1): on AC power, online and not idle are assumed</source>
        <translation>桌面状态：没有系统总线（%1）：假定使用交流电源、在线且非空闲</translation>
    </message>
    <message>
        <source>desktop state: UPower is not on the system bus: on AC power is assumed</source>
        <translation>桌面状态：系统总线上没有 UPower：假定使用交流电源</translation>
    </message>
    <message>
        <source>UPower: on battery</source>
        <translation>UPower：使用电池</translation>
    </message>
    <message>
        <source>UPower: on AC power</source>
        <translation>UPower：使用交流电源</translation>
    </message>
    <message>
        <source>desktop state: no logind session found on the system bus: the computer is taken as not idle (idle conditions wait)</source>
        <translation>桌面状态：系统总线上未找到 logind 会话：计算机视为非空闲（空闲条件会等待）</translation>
    </message>
    <message>
        <source>logind session %1: %2</source>
        <translation>logind 会话 %1：%2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>not idle</source>
        <translation>非空闲</translation>
    </message>
    <message>
        <source>desktop state: no network information backend (NetworkManager): the network is taken as online and unmetered</source>
        <translation>桌面状态：没有网络信息后端（NetworkManager）：网络视为在线且不按流量计费</translation>
    </message>
    <message>
        <source>network (%1): %2%3</source>
        <translation>网络（%1）：%2%3</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>, metered</source>
        <translation>，按流量计费</translation>
    </message>
</context>
<context>
    <name>punctual::DesktopNotifier</name>
    <message>
        <source>there is no D-Bus session bus (%1)</source>
        <translation>没有 D-Bus 会话总线（%1）</translation>
    </message>
    <message>
        <source>nobody provides %1 on the session bus (%2)</source>
        <translation>会话总线上没有程序提供 %1（%2）</translation>
    </message>
    <message>
        <source>the notification service left the session bus</source>
        <translation>通知服务已离开会话总线</translation>
    </message>
    <message>
        <source>desktop notifications are off: %1; the window&apos;s tray tells about failed runs instead</source>
        <translation>桌面通知已关闭：%1；改由窗口的托盘图标提示失败的运行</translation>
    </message>
    <message>
        <source>failed, timed-out and missed runs are shown as desktop notifications (with &quot;Show log&quot; and &quot;Run again&quot;)</source>
        <translation>失败、超时和错过的运行以桌面通知显示（带有“显示日志”和“再次运行”）</translation>
    </message>
    <message>
        <source>failed, timed-out and missed runs are shown as desktop notifications</source>
        <translation>失败、超时和错过的运行以桌面通知显示</translation>
    </message>
    <message>
        <source>“%1” missed its run</source>
        <translation>“%1”错过了运行</translation>
    </message>
    <message>
        <source>The run due %1 was not started.</source>
        <translation>应于 %1 进行的运行未启动。</translation>
    </message>
    <message>
        <source>The run due %1 was not started: %2</source>
        <translation>应于 %1 进行的运行未启动：%2</translation>
    </message>
    <message>
        <source>“%1” timed out</source>
        <translation>“%1”超时</translation>
    </message>
    <message>
        <source>The run due %1 was stopped after the job&apos;s timeout.</source>
        <translation>应于 %1 进行的运行因超过任务的时限而被停止。</translation>
    </message>
    <message>
        <source>“%1” failed</source>
        <translation>“%1”失败</translation>
    </message>
    <message>
        <source>The run due %1 ended with exit code %2.</source>
        <translation>应于 %1 进行的运行以退出码 %2 结束。</translation>
    </message>
    <message>
        <source>The run due %1 failed: %2</source>
        <translation>应于 %1 进行的运行失败：%2</translation>
    </message>
    <message>
        <source>The run due %1 failed.</source>
        <translation>应于 %1 进行的运行失败。</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>显示日志</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <source>job %1: the desktop notice could not be shown: %2</source>
        <translation>任务 %1：无法显示桌面通知：%2</translation>
    </message>
    <message>
        <source>job %1: not run again: %2</source>
        <translation>任务 %1：未再次运行：%2</translation>
    </message>
    <message>
        <source>Punctual cannot reach its job store</source>
        <translation>Punctual 无法连接其任务存储</translation>
    </message>
    <message>
        <source>No job runs until it is back (unavailable since %1); Punctual reconnects on its own. Last error: %2</source>
        <translation>在其恢复之前不会运行任何任务（自 %1 起不可用）；Punctual 会自动重新连接。最后的错误：%2</translation>
    </message>
    <message>
        <source>Punctual&apos;s job store is back</source>
        <translation>Punctual 的任务存储已恢复</translation>
    </message>
    <message>
        <source>It was unavailable from %1 to %2; jobs run again.</source>
        <translation>它在 %1 至 %2 期间不可用；任务已恢复运行。</translation>
    </message>
    <message>
        <source>the desktop notice about the job store could not be shown: %1</source>
        <translation>无法显示有关任务存储的桌面通知：%1</translation>
    </message>
    <message>
        <source>“%1” was paused</source>
        <translation>“%1”已暂停</translation>
    </message>
    <message>
        <source>Its run failed, and it is set to pause after a failure. It runs again once you resume it.</source>
        <translation>它的运行失败了，并且设置为失败后暂停。恢复后它会再次运行。</translation>
    </message>
    <message>
        <source>Its last %1 runs failed, and it is set to pause after that many. It runs again once you resume it.</source>
        <translation>它最近的 %1 次运行都失败了，并且设置为达到该次数后暂停。恢复后它会再次运行。</translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep or Punctual was not running</source>
        <translation>
            <numerusform>在计算机睡眠或 Punctual 未运行期间错过了 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep</source>
        <translation>
            <numerusform>在计算机睡眠期间错过了 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while Punctual was not running</source>
        <translation>
            <numerusform>在 Punctual 未运行期间错过了 %n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs: %1. Open Punctual to review what each job did.</source>
        <translation>
            <numerusform>%n 个任务：%1。打开 Punctual 查看每个任务的处理情况。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::DurationTrendColumn</name>
    <message>
        <source>Duration &amp;trend</source>
        <translation>时长趋势(&amp;T)</translation>
    </message>
    <message>
        <source>Show the last runs&apos; durations as small bars in the job table</source>
        <translation>在任务表中以小条形显示最近几次运行的时长</translation>
    </message>
</context>
<context>
    <name>punctual::EventsEditor</name>
    <message>
        <source>Runs once each time the scheduler starts, as cron&apos;s @reboot does (not when it is resumed from a pause)</source>
        <translation>每次调度器启动时运行一次，如同 cron 的 @reboot（从暂停中恢复时不运行）</translation>
    </message>
    <message>
        <source>Runs when the computer wakes from sleep or hibernation</source>
        <translation>在计算机从睡眠或休眠中唤醒时运行</translation>
    </message>
    <message>
        <source>after</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>How long after the wake-up: 30s, 2m, 1h30m (empty: at once). Another wake-up before it has passed starts the wait again.</source>
        <translation>唤醒后多久运行：30s、2m、1h30m（留空：立即）。在此之前再次唤醒会重新开始等待。</translation>
    </message>
    <message>
        <source>Delay after the wake-up</source>
        <translation>唤醒后的延迟</translation>
    </message>
    <message>
        <source>Runs when the network becomes reachable after it was not (at most once in 30 seconds)</source>
        <translation>在网络从不可达变为可达时运行（每 30 秒最多一次）</translation>
    </message>
    <message>
        <source>Wake-up delay: %1</source>
        <translation>唤醒延迟：%1</translation>
    </message>
    <message>
        <source>at &amp;start</source>
        <translation>启动时(&amp;S)</translation>
    </message>
    <message>
        <source>after &amp;wake-up,</source>
        <translation>唤醒后(&amp;W)，</translation>
    </message>
    <message>
        <source>when the network comes up</source>
        <translation>网络连通时</translation>
    </message>
    <message>
        <source>Also run:</source>
        <translation>另外运行：</translation>
    </message>
</context>
<context>
    <name>punctual::ExcludeEditor</name>
    <message>
        <source>E&amp;xclude days of:</source>
        <translation>排除以下日历中的日期(&amp;X)：</translation>
    </message>
    <message>
        <source>Exclusion calendars</source>
        <translation>排除日历</translation>
    </message>
    <message>
        <source>Fire times on the days a checked calendar excludes do not run (Scheduler › Calendars… edits them)</source>
        <translation>落在已勾选日历所排除日期上的触发时间不会运行（在“调度器 › 日历…”中编辑）</translation>
    </message>
    <message>
        <source>No calendars yet: Scheduler › Calendars… adds them.</source>
        <translation>尚无日历：可在“调度器 › 日历…”中添加。</translation>
    </message>
    <message>
        <source>%1 (not stored)</source>
        <translation>%1（未存储）</translation>
    </message>
</context>
<context>
    <name>punctual::Executor</name>
    <message>
        <source>not run: it would have started %1 late (misfire grace time %2)</source>
        <translation>未运行：它将晚 %1 开始（宽限时间 %2）</translation>
    </message>
</context>
<context>
    <name>punctual::FieldMessage</name>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>提示：%1</translation>
    </message>
</context>
<context>
    <name>punctual::FunctionExecutor</name>
    <message>
        <source>this executor runs functions only</source>
        <translation>此执行器只运行函数</translation>
    </message>
    <message>
        <source>no function named &quot;%1&quot; is registered</source>
        <translation>未注册名为“%1”的函数</translation>
    </message>
    <message>
        <source>stopped before it finished</source>
        <translation>在完成前被停止</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; threw an exception: %2</source>
        <translation>函数“%1”抛出异常：%2</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; threw an unknown exception</source>
        <translation>函数“%1”抛出未知异常</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; failed</source>
        <translation>函数“%1”执行失败</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>%1 后超时</translation>
    </message>
</context>
<context>
    <name>punctual::HttpActionEditor</name>
    <message>
        <source>One URL per line, e.g.
http://localhost:8080/
http://localhost:8080/products</source>
        <translation>每行一个 URL，例如
http://localhost:8080/
http://localhost:8080/products</translation>
    </message>
    <message>
        <source>The addresses requested at each run, one per line (http:// or https://)</source>
        <translation>每次运行时请求的地址，每行一个（http:// 或 https://）</translation>
    </message>
    <message>
        <source>GET fetches each page (its body is counted, not kept); HEAD asks for the headers only; POST sends the body below to every URL</source>
        <translation>GET 获取每个页面（只统计正文大小，不保存）；HEAD 只请求响应头；POST 向每个 URL 发送下面的正文</translation>
    </message>
    <message>
        <source>The request body POST sends (UTF-8 text)</source>
        <translation>POST 发送的请求正文（UTF-8 文本）</translation>
    </message>
    <message>
        <source>The body&apos;s Content-Type header, e.g. application/json</source>
        <translation>正文的 Content-Type 头，例如 application/json</translation>
    </message>
    <message>
        <source>How many requests may be waiting for an answer at the same time (concurrency); Qt opens at most 6 connections to one host</source>
        <translation>可同时等待响应的请求数（concurrency）；Qt 对同一主机最多打开 6 个连接</translation>
    </message>
    <message>
        <source>requests at a time, at most</source>
        <translation>个请求同时进行，至多</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>A status other than 2&amp;xx fails the run</source>
        <translation>状态码不是 2xx 时运行失败(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;URLs:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>正文(&amp;B)：</translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation>内容类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Give up on a URL a&amp;fter:</source>
        <translation>放弃 URL 的时限(&amp;F)：</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>(and %1 more lines that are not URLs)</source>
        <translation>（另有 %1 行不是 URL）</translation>
    </message>
    <message>
        <source>Enter at least one URL to request</source>
        <translation>请至少输入一个要请求的 URL</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Requests at a time, at most</source>
        <translation>同时最多请求数</translation>
    </message>
    <message>
        <source>A URL that has not been answered completely after this long fails as timed out; the other URLs still run</source>
        <translation>在此时间后仍未完整应答的 URL 按超时失败；其他 URL 继续运行</translation>
    </message>
    <message>
        <source>Follow &amp;redirects</source>
        <translation>跟随重定向(&amp;R)</translation>
    </message>
    <message>
        <source>On: a redirect is followed and the address it leads to is recorded. Off: a redirect is the answer, recorded with where it points</source>
        <translation>开启：跟随重定向并记录其指向的地址。关闭：重定向即为应答，并记录其指向</translation>
    </message>
    <message>
        <source>Off: any answer counts, 404 and 500 included; only network errors and timeouts fail the run</source>
        <translation>关闭：任何应答都算数，包括 404 和 500；只有网络错误和超时会使运行失败</translation>
    </message>
</context>
<context>
    <name>punctual::HttpExecutor</name>
    <message>
        <source>no HTTP answer</source>
        <translation>没有 HTTP 应答</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>%1 后超时</translation>
    </message>
    <message>
        <source>cut off by the job&apos;s timeout</source>
        <translation>因任务超时而中断</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>--- %1 %2 not requested</source>
        <translation>--- %1 %2 未请求</translation>
    </message>
    <message>
        <source>%1 bytes %2 ms</source>
        <translation>%1 字节 %2 毫秒</translation>
    </message>
    <message>
        <source>(redirect to %1 not followed)</source>
        <translation>（未跟随重定向到 %1）</translation>
    </message>
    <message>
        <source>FAILED, %1</source>
        <translation>失败，%1</translation>
    </message>
    <message>
        <source>this executor runs http actions only</source>
        <translation>此执行器只运行 HTTP 操作</translation>
    </message>
    <message>
        <source>no URL to request</source>
        <translation>没有要请求的 URL</translation>
    </message>
    <message>
        <source>URLs succeeded: %1 of %2, %3 bytes in %4</source>
        <translation>URL 成功：%2 个中有 %1 个，%3 字节，用时 %4</translation>
    </message>
    <message>
        <source>timed out after %1; URLs answered: %2 of %3</source>
        <translation>%1 后超时；已应答的 URL：%3 个中有 %2 个</translation>
    </message>
    <message>
        <source>stopped before it finished; URLs answered: %1 of %2</source>
        <translation>在完成前被停止；已应答的 URL：%2 个中有 %1 个</translation>
    </message>
    <message>
        <source>URLs failed (%1 of %2): %3</source>
        <translation>URL 失败（%2 个中有 %1 个）：%3</translation>
    </message>
</context>
<context>
    <name>punctual::ImportDialog</name>
    <message>
        <source>Import jobs</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行内容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>A job with this id is stored already</source>
        <translation>已存储具有此 ID 的任务</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>…… 以及另外 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>注意：</translation>
    </message>
    <message>
        <source>&amp;Replace the stored jobs with the imported ones</source>
        <translation>用导入的任务替换已存储的任务(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep the stored jobs and leave these out</source>
        <translation>保留已存储的任务，略过这些(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>Job %1 in %2</source>
        <translation>%2 中的任务 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>where in a file: line 14 of crontab</comment>
        <translation>%2 的 %1</translation>
    </message>
    <message numerus="yes">
        <source>Jobs to import from “%1”: %n</source>
        <translation>
            <numerusform>从“%1”导入的任务：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs to import</source>
        <translation>要导入的任务</translation>
    </message>
    <message numerus="yes">
        <source>Left out, as they cannot be imported (%n):</source>
        <translation>
            <numerusform>无法导入而略过的条目（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries left out</source>
        <translation>被略过的条目</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注意事项</translation>
    </message>
    <message numerus="yes">
        <source>Jobs whose id is stored already (%n):</source>
        <translation>
            <numerusform>ID 已存储的任务（%n）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::InstancesDialog</name>
    <message>
        <source>Scheduler Instances</source>
        <translation>调度器实例</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>最后心跳</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>The instances cannot be read: %1</source>
        <translation>无法读取实例：%1</translation>
    </message>
    <message>
        <source>alive</source>
        <translation>存活</translation>
    </message>
    <message>
        <source>expired (no heartbeat for %1)</source>
        <translation>已过期（%1 无心跳）</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) alive on this job store.</source>
        <translation>
            <numerusform>此任务存储上有 %n 个实例存活。</numerusform>
        </translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>启动方式</translation>
    </message>
    <message>
        <source>Not connected to the Punctual scheduler.</source>
        <translation>未连接到 Punctual 调度器。</translation>
    </message>
    <message>
        <source>One scheduler runs the jobs of this store. Several instances share a PostgreSQL store (see Settings).</source>
        <translation>一个调度器运行此存储中的任务。多个实例可共享一个 PostgreSQL 存储（见设置）。</translation>
    </message>
    <message>
        <source>systemd user unit</source>
        <translation>systemd 用户单元</translation>
    </message>
    <message>
        <source>by the window</source>
        <translation>由窗口启动</translation>
    </message>
    <message>
        <source>at login</source>
        <translation>登录时</translation>
    </message>
    <message>
        <source>from a terminal</source>
        <translation>从终端启动</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>此计算机</translation>
    </message>
    <message>
        <source>Scheduler instances</source>
        <translation>调度器实例</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <comment>an instance id</comment>
        <translation>%1（此计算机）</translation>
    </message>
</context>
<context>
    <name>punctual::JobEditorDialog</name>
    <message>
        <source>New job</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>e.g. Warm the cache</source>
        <translation>例如 预热缓存</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>自动生成</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>ID(&amp;I)：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>何时</translation>
    </message>
    <message>
        <source>What</source>
        <translation>做什么</translation>
    </message>
    <message>
        <source>If things go wrong</source>
        <translation>出错时</translation>
    </message>
    <message>
        <source>Edit job</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>A job&apos;s id cannot change</source>
        <translation>任务的 ID 不能更改</translation>
    </message>
    <message>
        <source>Cannot save yet: %1</source>
        <translation>暂时无法保存：%1</translation>
    </message>
    <message>
        <source>Could not save the job: %1</source>
        <translation>无法保存任务：%1</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Only when</source>
        <translation>仅当</translation>
    </message>
    <message>
        <source>The name the job list shows</source>
        <translation>任务列表显示的名称</translation>
    </message>
    <message>
        <source>A unique name scripts use for the job (punctualctl show ID); when left empty, made from the name</source>
        <translation>脚本用来指代该任务的唯一名称（punctualctl show ID）；留空时由名称生成</translation>
    </message>
    <message>
        <source>Discard this new job?</source>
        <translation>放弃这个新任务吗？</translation>
    </message>
    <message>
        <source>Discard changes to “%1”?</source>
        <translation>放弃对“%1”的更改吗？</translation>
    </message>
    <message>
        <source>What you entered is lost.</source>
        <translation>您输入的内容将丢失。</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>punctual::JobListLoader</name>
    <message>
        <source>no store to load from</source>
        <translation>没有可加载的存储</translation>
    </message>
</context>
<context>
    <name>punctual::JobListModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>上次运行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ID: %1
Runs: %2</source>
        <translation>ID：%1
运行：%2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>date and time, then &quot;in 12 min&quot;</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Paused: no run until it is resumed</source>
        <translation>已暂停：恢复之前不会运行</translation>
    </message>
    <message>
        <source>Finished: it will not run again</source>
        <translation>已结束：不会再运行</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>date and time, then &quot;12 min ago&quot;</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Retrying (%1 of %2) at %3</source>
        <comment>attempt number, attempts in all, local time of the attempt</comment>
        <translation>重试（第 %1 次，共 %2 次）于 %3</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>The last run failed. Attempt %1 of %2: %3
%4</source>
        <comment>attempt, attempts in all, date and time, &quot;in 5 min&quot;</comment>
        <translation>上次运行失败。第 %1 次尝试，共 %2 次：%3
%4</translation>
    </message>
    <message>
        <source>Paused: %1
No run until it is resumed.</source>
        <comment>the note given when it was paused</comment>
        <translation>已暂停：%1
恢复之前不会运行。</translation>
    </message>
    <message>
        <source>On events</source>
        <translation>事件触发</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>A due run waits until its conditions hold: %1.</source>
        <translation>到期的运行会等待其条件满足：%1。</translation>
    </message>
    <message>
        <source>If they do not by %1 (%2), it is not run.</source>
        <comment>date and time, &quot;in 5 min&quot;</comment>
        <translation>如果到 %1（%2）仍未满足，则不会运行。</translation>
    </message>
    <message>
        <source>Duration trend</source>
        <translation>时长趋势</translation>
    </message>
</context>
<context>
    <name>punctual::JobStatisticsView</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Durations over time</source>
        <translation>时长随时间变化</translation>
    </message>
    <message>
        <source>Select a job to see its statistics.</source>
        <translation>选择一个任务以查看其统计。</translation>
    </message>
    <message>
        <source>Start (local time)</source>
        <translation>开始时间（本地时间）</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>时长（秒）</translation>
    </message>
</context>
<context>
    <name>punctual::JobTransfer</name>
    <message>
        <source>&amp;Import jobs…</source>
        <translation>导入任务(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the jobs of a job file (JSON) or of a crontab</source>
        <translation>添加任务文件（JSON）或 crontab 中的任务</translation>
    </message>
    <message>
        <source>&amp;Export all jobs…</source>
        <translation>导出所有任务(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;selected jobs…</source>
        <translation>导出所选任务(&amp;S)…</translation>
    </message>
    <message>
        <source>No examples installed</source>
        <translation>未安装示例</translation>
    </message>
    <message>
        <source>Job files (*.json)</source>
        <translation>任务文件 (*.json)</translation>
    </message>
    <message>
        <source>Crontab files (*)</source>
        <translation>Crontab 文件 (*)</translation>
    </message>
    <message>
        <source>Import jobs</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>Export jobs</source>
        <translation>导出任务</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) imported</source>
        <translation>
            <numerusform>已导入 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot export the jobs</source>
        <translation>无法导出任务</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) exported to %1</source>
        <translation>
            <numerusform>已将 %n 个任务导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import e&amp;xample</source>
        <comment>File menu</comment>
        <translation>导入示例(&amp;X)</translation>
    </message>
</context>
<context>
    <name>punctual::MainWindow</name>
    <message>
        <source>Punctual</source>
        <translation>Punctual</translation>
    </message>
    <message>
        <source>Cannot list the jobs</source>
        <translation>无法列出任务</translation>
    </message>
    <message>
        <source>Store error: %1</source>
        <translation>存储错误：%1</translation>
    </message>
    <message>
        <source>&amp;Add job…</source>
        <translation>添加任务(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a job</source>
        <translation>添加一个任务</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected job</source>
        <translation>编辑所选任务</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>立即运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the selected jobs now, outside their schedule</source>
        <translation>立即运行所选任务，不受其计划限制</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the selected jobs (Ctrl+P)</source>
        <translation>暂停所选任务（Ctrl+P）</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>恢复(&amp;U)</translation>
    </message>
    <message>
        <source>Resume the selected jobs (Ctrl+P)</source>
        <translation>恢复所选任务（Ctrl+P）</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>暂停或恢复</translation>
    </message>
    <message>
        <source>Pause the selected jobs, or resume them when all are paused</source>
        <translation>暂停所选任务；若全部已暂停则恢复它们</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected jobs and their history</source>
        <translation>删除所选任务及其运行历史</translation>
    </message>
    <message>
        <source>Delete every job</source>
        <translation>删除所有任务</translation>
    </message>
    <message>
        <source>Pause &amp;scheduler</source>
        <translation>暂停调度器(&amp;S)</translation>
    </message>
    <message>
        <source>Start no runs until resumed (runs due meanwhile follow the misfire rules)</source>
        <translation>恢复前不启动任何运行（期间到期的运行按错过规则处理）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Read the job list from the store again</source>
        <translation>重新从存储读取任务列表</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>搜索任务</translation>
    </message>
    <message>
        <source>Change Punctual&apos;s settings</source>
        <translation>更改 Punctual 的设置</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit Punctual</source>
        <translation>退出 Punctual</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>任务(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Punctual</source>
        <translation>关于 Punctual(&amp;A)</translation>
    </message>
    <message>
        <source>About Punctual</source>
        <translation>关于 Punctual</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Search jobs…</source>
        <translation>搜索任务…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Add job…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>存储：%1</translation>
    </message>
    <message>
        <source>Scheduler running</source>
        <translation>调度器运行中</translation>
    </message>
    <message>
        <source>Scheduler paused</source>
        <translation>调度器已暂停</translation>
    </message>
    <message>
        <source>Scheduler stopping</source>
        <translation>调度器正在停止</translation>
    </message>
    <message>
        <source>Scheduler stopped</source>
        <translation>调度器已停止</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>正在加载任务…</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n 个运行中</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot edit the job</source>
        <translation>无法编辑任务</translation>
    </message>
    <message>
        <source>Cannot run the job</source>
        <translation>无法运行任务</translation>
    </message>
    <message>
        <source>Cannot pause the job</source>
        <translation>无法暂停任务</translation>
    </message>
    <message>
        <source>Cannot resume the job</source>
        <translation>无法恢复任务</translation>
    </message>
    <message>
        <source>Delete jobs</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Cannot delete the job</source>
        <translation>无法删除任务</translation>
    </message>
    <message>
        <source>Delete all jobs</source>
        <translation>删除所有任务</translation>
    </message>
    <message>
        <source>Cannot delete the jobs</source>
        <translation>无法删除这些任务</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No jobs yet&lt;/h2&gt;&lt;p&gt;Add a job to run a command, SQL statements or web requests on a schedule, or start from an example.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有任务&lt;/h2&gt;&lt;p&gt;添加一个按计划运行命令、SQL 语句或网页请求的任务，或从示例开始。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import an example</source>
        <translation>导入示例</translation>
    </message>
    <message>
        <source>&lt;b&gt;Punctual %1&lt;/b&gt;&lt;p&gt;Runs your jobs on time: date, interval, cron and calendar schedules, kept in a job store that survives restarts.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Punctual %1&lt;/b&gt;&lt;p&gt;准时运行您的任务：支持日期、间隔、Cron 和日历计划，任务保存在重启后依然保留的任务存储中。&lt;/p&gt;&lt;p&gt;基于 MIT 许可证的自由软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>等待重试</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to retry</source>
        <translation>
            <numerusform>%n 个等待重试</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are running or waiting to retry and will be stopped.</source>
        <translation>
            <numerusform>其中 %n 个正在运行或等待重试，将被停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and delete</source>
        <translation>停止并删除</translation>
    </message>
    <message>
        <source>Lost the connection to the Punctual scheduler; reconnecting…</source>
        <translation>与 Punctual 调度器的连接已断开；正在重新连接…</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the selected jobs&apos; runs going now</source>
        <translation>停止所选任务正在进行的运行</translation>
    </message>
    <message>
        <source>S&amp;top scheduler…</source>
        <translation>停止调度器(&amp;T)…</translation>
    </message>
    <message>
        <source>Stop the Punctual scheduler: no job runs until it is started again</source>
        <translation>停止 Punctual 调度器：在再次启动之前不会运行任何任务</translation>
    </message>
    <message>
        <source>Stop the Punctual scheduler? No job runs until it is started again (opening this window starts it). Runs going now may finish.</source>
        <translation>停止 Punctual 调度器吗？在再次启动之前不会运行任何任务（打开此窗口会启动它）。正在进行的运行可以完成。</translation>
    </message>
    <message>
        <source>Stop scheduler</source>
        <translation>停止调度器</translation>
    </message>
    <message>
        <source>St&amp;art scheduler</source>
        <translation>启动调度器(&amp;A)</translation>
    </message>
    <message>
        <source>Start the Punctual scheduler, which runs the jobs</source>
        <translation>启动运行任务的 Punctual 调度器</translation>
    </message>
    <message>
        <source>&amp;Scheduler</source>
        <translation>调度器(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Instances…</source>
        <translation>实例(&amp;I)…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>Not connected to the scheduler</source>
        <translation>未连接到调度器</translation>
    </message>
    <message>
        <source>Managing shared jobs (they run on other computers)</source>
        <translation>正在管理共享任务（它们在其他计算机上运行）</translation>
    </message>
    <message>
        <source>Cannot stop the job</source>
        <translation>无法停止该任务</translation>
    </message>
    <message>
        <source>Cannot pause the scheduler</source>
        <translation>无法暂停调度器</translation>
    </message>
    <message>
        <source>Job store available again (was unavailable for %1)</source>
        <translation>任务存储已恢复可用（曾不可用 %1）</translation>
    </message>
    <message>
        <source>Store unavailable since %1</source>
        <translation>存储自 %1 起不可用</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <source>Why this run ran, or did not run</source>
        <translation>此运行为何运行或未运行</translation>
    </message>
    <message>
        <source>Pause with note</source>
        <translation>暂停并附注</translation>
    </message>
    <message>
        <source>Why are the jobs paused? The note is shown in the job list and the tray until they are resumed.</source>
        <translation>为什么暂停这些任务？在恢复之前，备注会显示在任务列表和托盘中。</translation>
    </message>
    <message>
        <source>Pause with &amp;note…</source>
        <translation>暂停并附注(&amp;N)…</translation>
    </message>
    <message>
        <source>Pause the selected jobs and say why (a paused job takes the new note)</source>
        <translation>暂停所选任务并说明原因（已暂停的任务会采用新的备注）</translation>
    </message>
    <message>
        <source>&amp;Backfill…</source>
        <translation>补跑(&amp;B)…</translation>
    </message>
    <message>
        <source>Run the selected job for the fire times of a past range</source>
        <translation>为过去某个范围内的触发时间运行所选任务</translation>
    </message>
    <message>
        <source>Cannot backfill the job</source>
        <translation>无法补跑该任务</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) backfilled</source>
        <translation>
            <numerusform>已补跑 %n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Calendars…</source>
        <translation>日历(&amp;C)…</translation>
    </message>
    <message>
        <source>On events</source>
        <translation>事件触发</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>Bring back the jobs deleted last, with their run history (for 10 minutes)</source>
        <translation>恢复最近删除的任务及其运行历史（10 分钟内）</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>用户手册(&amp;M)</translation>
    </message>
    <message>
        <source>Open the user manual</source>
        <translation>打开用户手册</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Show jobs by state</source>
        <translation>按状态显示任务</translation>
    </message>
    <message>
        <source>Show only the jobs in this state</source>
        <translation>只显示处于此状态的任务</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation>已保存“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n jobs…</source>
        <translation>
            <numerusform>正在启动 %n 个任务…</numerusform>
        </translation>
    </message>
    <message>
        <source>Started “%1”</source>
        <translation>已启动“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Started %n jobs</source>
        <translation>
            <numerusform>已启动 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pausing %n jobs…</source>
        <translation>
            <numerusform>正在暂停 %n 个任务…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n jobs…</source>
        <translation>
            <numerusform>正在恢复 %n 个任务…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n jobs…</source>
        <translation>
            <numerusform>正在删除 %n 个任务…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n jobs and their whole run history? This cannot be undone.</source>
        <translation>
            <numerusform>删除全部 %n 个任务及其全部运行历史吗？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n jobs</source>
        <translation>
            <numerusform>删除全部 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to undo: a delete can be undone for 10 minutes</source>
        <translation>没有可撤销的操作：删除可在 10 分钟内撤销</translation>
    </message>
    <message>
        <source>Cannot undo the delete</source>
        <translation>无法撤销删除</translation>
    </message>
    <message>
        <source>&amp;Undo delete of “%1”</source>
        <translation>撤销删除“%1”(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo delete of %n jobs</source>
        <translation>
            <numerusform>撤销删除 %n 个任务(&amp;U)</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete a&amp;ll…</source>
        <translation>全部删除(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu bar</comment>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Show the jobs&apos; runs and coming fire times on a timeline instead of the table</source>
        <translation>以时间线代替表格显示任务的运行和即将到来的触发时间</translation>
    </message>
</context>
<context>
    <name>punctual::ManualWindow</name>
    <message>
        <source>Punctual User Manual</source>
        <translation>Punctual 用户手册</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>The manual is missing from this build.</source>
        <translation>此版本中缺少手册。</translation>
    </message>
    <message>
        <source>Find in the manual</source>
        <translation>在手册中查找</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Find the next match</source>
        <translation>查找下一个匹配项</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation>查找上一个匹配项</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Wrapped around</source>
        <translation>已从头开始</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>punctual::MissedRunsBanner</name>
    <message>
        <source>Missed runs</source>
        <translation>错过的运行</translation>
    </message>
    <message>
        <source>Review missed runs</source>
        <translation>查看错过的运行</translation>
    </message>
    <message>
        <source>See per job which runs were missed and what its policy did about them</source>
        <translation>按任务查看错过了哪些运行，以及其策略如何处理</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Dismiss the missed runs</source>
        <translation>忽略错过的运行</translation>
    </message>
    <message>
        <source>Hide this message for all jobs; the run history keeps what happened</source>
        <translation>为所有任务隐藏此消息；运行历史会保留发生的情况</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>查看…</translation>
    </message>
</context>
<context>
    <name>punctual::MissedRunsDialog</name>
    <message>
        <source>Dismiss &amp;all</source>
        <translation>全部忽略(&amp;A)</translation>
    </message>
    <message>
        <source>Missed runs</source>
        <translation>错过的运行</translation>
    </message>
    <message>
        <source>Missed runs by job</source>
        <translation>按任务列出的错过运行</translation>
    </message>
    <message>
        <source>Dismiss all missed runs</source>
        <translation>忽略所有错过的运行</translation>
    </message>
    <message>
        <source>Hide the review for every job; the run history keeps what happened</source>
        <translation>为每个任务隐藏此查看；运行历史会保留发生的情况</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No missed runs to review.</source>
        <translation>没有需要查看的错过运行。</translation>
    </message>
    <message>
        <source>What each job&apos;s policy did about them:</source>
        <translation>各任务的策略如何处理它们：</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即运行</translation>
    </message>
    <message>
        <source>Run “%1” now</source>
        <translation>立即运行“%1”</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Dismiss “%1”</source>
        <translation>忽略“%1”</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Started at %1</source>
        <translation>已于 %1 启动</translation>
    </message>
</context>
<context>
    <name>punctual::NoMatchState</name>
    <message>
        <source>&amp;Clear search</source>
        <translation>清除搜索(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the search and the state filter</source>
        <translation>清除搜索和状态筛选</translation>
    </message>
    <message>
        <source>No “%1” jobs match “%2”</source>
        <translation>没有状态为“%1”的任务匹配“%2”</translation>
    </message>
    <message>
        <source>No jobs match “%1”</source>
        <translation>没有任务匹配“%1”</translation>
    </message>
    <message>
        <source>No jobs are “%1”</source>
        <translation>没有状态为“%1”的任务</translation>
    </message>
</context>
<context>
    <name>punctual::OptionsEditor</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>run it if late by at most</source>
        <translation>仍运行，若延迟至多</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>run only once</source>
        <translation>只运行一次</translation>
    </message>
    <message>
        <source>at a time</source>
        <translation>个</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>times,</source>
        <translation>次，每隔</translation>
    </message>
    <message>
        <source>apart</source>
        <translation>一次</translation>
    </message>
    <message>
        <source>Missed while off or asleep:</source>
        <translation>关机或休眠时错过：</translation>
    </message>
    <message>
        <source>Several runs missed:</source>
        <translation>错过多次运行：</translation>
    </message>
    <message>
        <source>Stop a run after:</source>
        <translation>运行超时停止：</translation>
    </message>
    <message>
        <source>If it fails:</source>
        <translation>若失败：</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>no, the same each time</source>
        <translation>否，每次相同</translation>
    </message>
    <message>
        <source>the wait each time, up to</source>
        <translation>每次的等待，最长</translation>
    </message>
    <message>
        <source>Wait longer each retry?</source>
        <translation>每次重试等待更久？</translation>
    </message>
    <message>
        <source>If the previous run is still going</source>
        <translation>如果上一次运行仍在进行</translation>
    </message>
    <message>
        <source>Skip the new run</source>
        <translation>跳过新的运行</translation>
    </message>
    <message>
        <source>Wait — at most one waiting</source>
        <translation>等待——最多一个等待</translation>
    </message>
    <message>
        <source>Wait in a queue</source>
        <translation>排队等待</translation>
    </message>
    <message>
        <source>Stop the running one and start</source>
        <translation>停止正在运行的并启动</translation>
    </message>
    <message>
        <source>Run both</source>
        <translation>同时运行</translation>
    </message>
    <message>
        <source>Runs that may wait in the queue</source>
        <translation>可在队列中等待的运行数</translation>
    </message>
    <message>
        <source>up to </source>
        <translation>最多 </translation>
    </message>
    <message>
        <source> waiting</source>
        <translation> 个等待</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Runs at a time</source>
        <translation>同时运行数</translation>
    </message>
    <message>
        <source>pause the job after</source>
        <translation>连续失败</translation>
    </message>
    <message>
        <source>Pause the job after failures in a row</source>
        <translation>连续失败后暂停任务</translation>
    </message>
    <message>
        <source>Failures in a row before the job is paused</source>
        <translation>暂停任务前的连续失败次数</translation>
    </message>
    <message>
        <source>failures in a row</source>
        <translation>次后暂停任务</translation>
    </message>
    <message>
        <source>If the previous run is still going:</source>
        <translation>如果上一次运行仍在进行：</translation>
    </message>
    <message>
        <source>If it keeps failing:</source>
        <translation>如果持续失败：</translation>
    </message>
    <message>
        <source>A run that cannot start on time (the computer was off or asleep, or the scheduler was busy) still runs if it is at most this late; later runs are recorded as missed</source>
        <translation>无法准时开始的运行（计算机关机或休眠，或调度器繁忙）如果最多迟到这么久仍会运行；更晚的运行记录为错过</translation>
    </message>
    <message>
        <source>Run a late run if late by at most</source>
        <translation>迟到不超过此时间的运行仍会运行</translation>
    </message>
    <message>
        <source>Run it however late it is</source>
        <translation>无论多晚都运行</translation>
    </message>
    <message>
        <source>When several runs were missed (after the computer was off or asleep), run the job once for all of them instead of once for each</source>
        <translation>错过多次运行时（计算机关机或休眠后），为所有错过的运行只运行一次，而不是每次都运行</translation>
    </message>
    <message>
        <source>What a run due while earlier runs are still going does: it is skipped (beyond the runs allowed at a time), waits for them to end (one, or a queue), stops them first, or runs alongside</source>
        <translation>在先前运行仍在进行时到期的运行如何处理：跳过（超出同时允许的运行数时）、等待它们结束（一个或排队）、先停止它们，或同时运行</translation>
    </message>
    <message>
        <source>How many runs may wait; a further one is skipped</source>
        <translation>最多可等待多少次运行；再多的会被跳过</translation>
    </message>
    <message>
        <source>How many runs of this job may go on at the same time; a run due while that many are still going is skipped and recorded as such</source>
        <translation>此任务最多可同时进行多少次运行；在这么多次仍在进行时到期的运行会被跳过并如此记录</translation>
    </message>
    <message>
        <source>Pauses the job after this many runs in a row failed (a run and its retries count as one); a notice says so, and the job list shows why</source>
        <translation>连续这么多次运行失败后暂停任务（一次运行及其重试算作一次）；会有通知说明，任务列表显示原因</translation>
    </message>
    <message>
        <source>Stop a run after</source>
        <translation>运行超过此时间后停止</translation>
    </message>
    <message>
        <source>Stops a run that takes longer than this many seconds and records it as timed out; &quot;never&quot; (0) lets it run as long as it takes</source>
        <translation>停止耗时超过这么多秒的运行并记录为超时；“从不”（0）让它运行所需的时间</translation>
    </message>
    <message>
        <source>A failed run is tried again this many times, waiting between attempts</source>
        <translation>失败的运行会重试这么多次，每次之间等待</translation>
    </message>
    <message>
        <source>Retries after a failure</source>
        <translation>失败后的重试次数</translation>
    </message>
    <message>
        <source>How many times a failed run is tried again</source>
        <translation>失败的运行重试多少次</translation>
    </message>
    <message>
        <source>Wait between retries</source>
        <translation>重试之间的等待</translation>
    </message>
    <message>
        <source>How long to wait before trying a failed run again</source>
        <translation>重试失败的运行之前等待多久</translation>
    </message>
    <message>
        <source>Each wait between retries is this many times the one before, up to the longest wait: 1 keeps the same wait, 2 doubles it</source>
        <translation>每次重试之间的等待是上一次的这么多倍，直到最长等待：1 保持不变，2 加倍</translation>
    </message>
    <message>
        <source>Growth of the wait between retries</source>
        <translation>重试之间等待的增长倍数</translation>
    </message>
    <message>
        <source>How many times longer each wait is than the one before; 1 keeps the same wait</source>
        <translation>每次等待是上一次的多少倍；1 保持不变</translation>
    </message>
    <message>
        <source>Longest wait between retries</source>
        <translation>重试之间的最长等待</translation>
    </message>
    <message>
        <source>The longest a growing wait gets; &quot;no limit&quot; (0) lets it grow</source>
        <translation>增长的等待最长可达多久；“无限制”（0）让它一直增长</translation>
    </message>
</context>
<context>
    <name>punctual::OutputView</name>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Wrap lines</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <source>Save output…</source>
        <translation>保存输出…</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Run output</source>
        <translation>运行输出</translation>
    </message>
    <message>
        <source>Select a run to see its output</source>
        <translation>选择一次运行以查看其输出</translation>
    </message>
    <message>
        <source>Break long lines at the pane&apos;s edge</source>
        <translation>在窗格边缘折行显示长行</translation>
    </message>
    <message>
        <source>Write this output to a file, as the job wrote it</source>
        <translation>将此输出按任务写出的原样写入文件</translation>
    </message>
    <message>
        <source>Find text in this output (Ctrl+F)</source>
        <translation>在此输出中查找文本（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>在输出中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Binary output, shown as a hex dump.</source>
        <translation>二进制输出，以十六进制转储显示。</translation>
    </message>
    <message numerus="yes">
        <source>Bytes that are not text, shown as &lt;XX&gt; in hex: %n</source>
        <translation>
            <numerusform>非文本字节以十六进制 &lt;XX&gt; 显示：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message numerus="yes">
        <source>Match %1 of %n</source>
        <translation>
            <numerusform>第 %1 个，共 %n 个匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matches: %n</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>文本文件 (*.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The output could not be saved to %1: %2</source>
        <translation>无法将输出保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>punctual::PausedBanner</name>
    <message>
        <source>Scheduler paused</source>
        <translation>调度器已暂停</translation>
    </message>
    <message>
        <source>The scheduler is paused: no job starts until you resume it. The next run times below wait.</source>
        <translation>调度器已暂停：在您恢复之前不会启动任何任务。下面的下次运行时间将等待。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Resume the scheduler</source>
        <translation>恢复调度器</translation>
    </message>
    <message>
        <source>Resume the scheduler: runs due meanwhile follow the misfire rules</source>
        <translation>恢复调度器：期间到期的运行遵循错过运行的规则</translation>
    </message>
</context>
<context>
    <name>punctual::RunExplanationDialog</name>
    <message>
        <source>Asking the scheduler…</source>
        <translation>正在询问调度器…</translation>
    </message>
    <message>
        <source>Why? %1 at %2</source>
        <translation>为什么？%1 于 %2</translation>
    </message>
    <message>
        <source>Why the job ran or did not run</source>
        <translation>任务为何运行或未运行</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The scheduler could not explain it: %1</source>
        <translation>调度器无法说明：%1</translation>
    </message>
</context>
<context>
    <name>punctual::RunHistoryModel</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>missed by %1</source>
        <translation>错过 %1</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>第 %1 次尝试</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>date and time, then &quot;12 min ago&quot;</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Waiting to start</source>
        <translation>等待开始</translation>
    </message>
    <message>
        <source>It did not start</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>%1
%2 after its scheduled time</source>
        <comment>date and time, then a duration</comment>
        <translation>%1
比计划时间晚 %2</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Run by the scheduler instance %1</source>
        <translation>由调度器实例 %1 运行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Missed ×%1</source>
        <translation>错过 ×%1</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <comment>run reason</comment>
        <translation>按计划</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <comment>run reason</comment>
        <translation>补运行</translation>
    </message>
    <message>
        <source>Run now</source>
        <comment>run reason</comment>
        <translation>立即运行</translation>
    </message>
    <message>
        <source>Retry</source>
        <comment>run reason</comment>
        <translation>重试</translation>
    </message>
    <message>
        <source>Chained (after run %1)</source>
        <comment>run reason</comment>
        <translation>链式（在运行 %1 之后）</translation>
    </message>
    <message>
        <source>Chained</source>
        <comment>run reason</comment>
        <translation>链式</translation>
    </message>
    <message>
        <source>Backfill</source>
        <comment>run reason</comment>
        <translation>回填</translation>
    </message>
    <message>
        <source>%1 run times missed together
%2</source>
        <translation>一起错过了 %1 个运行时间
%2</translation>
    </message>
    <message>
        <source>Started because run %1 ended</source>
        <translation>因运行 %1 结束而启动</translation>
    </message>
    <message>
        <source>At start</source>
        <comment>run reason</comment>
        <translation>启动时</translation>
    </message>
    <message>
        <source>After wake-up</source>
        <comment>run reason</comment>
        <translation>唤醒后</translation>
    </message>
    <message>
        <source>Network up</source>
        <comment>run reason</comment>
        <translation>网络连通</translation>
    </message>
</context>
<context>
    <name>punctual::RunHistoryPane</name>
    <message>
        <source>History</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>运行历史：%1</translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>（无输出）</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Why the job is paused</source>
        <translation>任务暂停的原因</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
</context>
<context>
    <name>punctual::Scheduler</name>
    <message>
        <source>the scheduler stopped before this run began</source>
        <translation>此次运行开始前调度器已停止</translation>
    </message>
    <message>
        <source>no job with id &quot;%1&quot;</source>
        <translation>没有 ID 为“%1”的任务</translation>
    </message>
    <message>
        <source>not retried: the job was paused</source>
        <translation>未重试：任务已暂停</translation>
    </message>
    <message>
        <source>stopped: the job was removed</source>
        <translation>已停止：任务已被删除</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already running (max instances %2); nothing started</source>
        <translation>“%1”已在运行（最多 %2 个实例）；未启动任何运行</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is waiting to retry a failed run (max instances %2); nothing started</source>
        <translation>“%1”正在等待重试一次失败的运行（最多 %2 个实例）；未启动任何运行</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>已被用户停止</translation>
    </message>
    <message>
        <source>the scheduler is shutting down</source>
        <translation>调度器正在关闭</translation>
    </message>
    <message>
        <source>the job store is unavailable (%1); nothing started: the scheduler reconnects on its own</source>
        <translation>任务存储不可用（%1）；未启动任何运行：调度器会自行重新连接</translation>
    </message>
    <message>
        <source>not run: the job was paused while this run waited in the queue</source>
        <translation>未运行：此运行在队列中等待时任务被暂停</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already running and its queue is full (%2 waiting); nothing started</source>
        <translation>“%1”已在运行且其队列已满（%2 个在等待）；未启动任何运行</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>任务“%1”：%2</translation>
    </message>
    <message>
        <source>the range starts (%1) after it ends (%2)</source>
        <translation>范围的开始（%1）晚于结束（%2）</translation>
    </message>
    <message>
        <source>a backfill runs past fire times: the range must end by now (%1), not at %2</source>
        <translation>补跑运行的是过去的触发时间：范围必须在现在（%1）之前结束，而不是 %2</translation>
    </message>
    <message>
        <source>the range holds more than %1 fire times of &quot;%2&quot;; backfill a shorter range</source>
        <translation>该范围包含“%2”的 %1 个以上触发时间；请补跑更短的范围</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running; nothing backfilled (wait for it to end, or backfill with --overlap allow to run beside it)</source>
        <translation>“%1”正在运行；未补跑任何内容（等待其结束，或使用 --overlap allow 同时补跑）</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: the job to run %2, &quot;%3&quot;, does not exist</source>
        <translation>任务“%1”：%2 时要运行的任务“%3”不存在</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: its chains make a cycle: %2</source>
        <translation>任务“%1”：其链构成循环：%2</translation>
    </message>
    <message>
        <source>not run after run %1 of &quot;%2&quot;: the scheduler is %3</source>
        <translation>未在“%2”的运行 %1 之后运行：调度器%3</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>not run after run %1 of &quot;%2&quot;: this job is paused</source>
        <translation>未在“%2”的运行 %1 之后运行：此任务已暂停</translation>
    </message>
    <message>
        <source>not run after run %1 of &quot;%2&quot;: %3</source>
        <translation>未在“%2”的运行 %1 之后运行：%3</translation>
    </message>
    <message numerus="yes">
        <source>paused after %n failed runs in a row</source>
        <translation>
            <numerusform>连续 %n 次运行失败后已暂停</numerusform>
        </translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: no calendar named &quot;%2&quot; (exclude)</source>
        <translation>任务“%1”：没有名为“%2”的日历（exclude）</translation>
    </message>
    <message numerus="yes">
        <source>calendar &quot;%1&quot; is used by %n job(s): %2</source>
        <translation>
            <numerusform>日历“%1”正被 %n 个任务使用：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>not run: the job was paused while this run waited for its conditions</source>
        <translation>未运行：此运行等待其条件时任务被暂停</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a run waiting for its conditions (max instances %2); nothing started</source>
        <translation>“%1”有一次运行正在等待其条件（最大实例数 %2）；未启动任何运行</translation>
    </message>
    <message numerus="yes">
        <source>job &quot;%1&quot; cannot be restored: it was not removed in the last %n minutes</source>
        <translation>
            <numerusform>无法恢复任务“%1”：它不是在最近 %n 分钟内删除的</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>language (territory)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Tell me in the tray when a run</source>
        <translation>在托盘中通知我，当运行</translation>
    </message>
    <message>
        <source>&amp;fails</source>
        <translation>失败(&amp;F)</translation>
    </message>
    <message>
        <source>is &amp;missed</source>
        <translation>被错过(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;times out</source>
        <translation>超时(&amp;T)</translation>
    </message>
    <message>
        <source>A run is missed when it could not start within the job&apos;s misfire grace time, for example while the computer was off or asleep</source>
        <translation>如果运行未能在任务的宽限时间内开始（例如计算机关机或休眠时），即为错过</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source> runs</source>
        <translation> 次运行</translation>
    </message>
    <message>
        <source>Older runs of a job are deleted from the store once it has more than this</source>
        <translation>任务的运行记录超过此数量后，较早的记录将从存储中删除</translation>
    </message>
    <message>
        <source>&amp;Keep per job the last:</source>
        <translation>每个任务保留最近(&amp;K)：</translation>
    </message>
    <message>
        <source>New jobs start with</source>
        <translation>新任务的默认选项</translation>
    </message>
    <message>
        <source>Cannot change the start at login: %1</source>
        <translation>无法更改登录时启动设置：%1</translation>
    </message>
    <message>
        <source>A new language applies the next time Punctual starts.</source>
        <translation>新的语言将在 Punctual 下次启动时生效。</translation>
    </message>
    <message>
        <source>Job store</source>
        <translation>任务存储</translation>
    </message>
    <message>
        <source>this computer&apos;s own store (%1)</source>
        <translation>本机自己的存储（%1）</translation>
    </message>
    <message>
        <source>Empty for this computer&apos;s own SQLite file; a file path for another SQLite store; or postgresql://user@host:port/database to share jobs with other computers (the password comes from PGPASSWORD or ~/.pgpass, never from here)</source>
        <translation>留空表示使用本机自己的 SQLite 文件；填写文件路径表示使用另一个 SQLite 存储；或填写 postgresql://用户@主机:端口/数据库 以便与其他计算机共享任务（密码来自 PGPASSWORD 或 ~/.pgpass，从不在此填写）</translation>
    </message>
    <message>
        <source>A new job store is opened the next time Punctual starts; punctualctl uses it too when no --db or --store is given.</source>
        <translation>新的任务存储将在 Punctual 下次启动时打开；未指定 --db 或 --store 时，punctualctl 也会使用它。</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>存储(&amp;S)：</translation>
    </message>
    <message>
        <source>Start the Punctual scheduler when I log in</source>
        <translation>登录时启动 Punctual 调度器</translation>
    </message>
    <message>
        <source>Runs your jobs from login on, without the window: enables the systemd user service punctual.service</source>
        <translation>从登录起运行您的任务，无需窗口：启用 systemd 用户服务 punctual.service</translation>
    </message>
    <message>
        <source>Runs your jobs from login on, without the window: an autostart entry in ~/.config/autostart starts punctualctl run</source>
        <translation>从登录起运行您的任务，无需窗口：~/.config/autostart 中的自动启动项会运行 punctualctl run</translation>
    </message>
    <message>
        <source>Run jobs on this computer</source>
        <translation>在此计算机上运行任务</translation>
    </message>
    <message>
        <source>On a shared PostgreSQL store: run the shared jobs here too. Off, this computer only shows and changes them; the computers that run them do.</source>
        <translation>在共享的 PostgreSQL 存储上：也在此处运行共享任务。关闭时，此计算机只显示和修改它们；由运行它们的计算机来运行。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>外观(&amp;P)：</translation>
    </message>
    <message>
        <source>No such file: a new, empty store will be created here</source>
        <translation>文件不存在：将在此处创建一个新的空存储</translation>
    </message>
</context>
<context>
    <name>punctual::SqlActionEditor</name>
    <message>
        <source>e.g. app database</source>
        <translation>例如 应用数据库</translation>
    </message>
    <message>
        <source>A name for this connection; the keychain keeps its password under it. Pick a connection other jobs use to fill in its settings.</source>
        <translation>此连接的名称；密钥环以此名称保存其密码。选择其他任务使用的连接即可填入其设置。</translation>
    </message>
    <message>
        <source>SQLite (%1)</source>
        <translation>SQLite（%1）</translation>
    </message>
    <message>
        <source>PostgreSQL (%1)</source>
        <translation>PostgreSQL（%1）</translation>
    </message>
    <message>
        <source>MySQL (%1)</source>
        <translation>MySQL（%1）</translation>
    </message>
    <message>
        <source>MariaDB (%1)</source>
        <translation>MariaDB（%1）</translation>
    </message>
    <message>
        <source>ODBC (%1)</source>
        <translation>ODBC（%1）</translation>
    </message>
    <message>
        <source>The database drivers installed on this computer</source>
        <translation>本机已安装的数据库驱动</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose the SQLite database file</source>
        <translation>选择 SQLite 数据库文件</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>The password is never stored with the job: it is read from the system keychain or from an environment variable of the scheduler when the job runs</source>
        <translation>密码从不随任务保存：任务运行时从系统密钥环或调度器的环境变量中读取</translation>
    </message>
    <message>
        <source>e.g. APP_DB_PASSWORD</source>
        <translation>例如 APP_DB_PASSWORD</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Store this connection&apos;s password in the system keychain</source>
        <translation>将此连接的密码保存到系统密钥环</translation>
    </message>
    <message>
        <source>DELETE FROM tokens WHERE expires_at &lt; :now;</source>
        <translation>DELETE FROM tokens WHERE expires_at &lt; :now;</translation>
    </message>
    <message>
        <source>Statements separated by &apos;;&apos;, run in one transaction: if one fails, none of their changes is kept. :scheduled_time and :now are the run&apos;s scheduled and actual start time (:scheduled_time_ms and :now_ms in milliseconds since 1970).</source>
        <translation>以“;”分隔的语句在同一个事务中运行：若有一条失败，所有更改都不会保留。:scheduled_time 和 :now 是本次运行的计划开始时间和实际开始时间（:scheduled_time_ms 和 :now_ms 为自 1970 年起的毫秒数）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>A statement running longer than this is cancelled and the run rolled back</source>
        <translation>运行超过此时长的语句将被取消，本次运行回滚</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Co&amp;nnection:</source>
        <translation>连接(&amp;N)：</translation>
    </message>
    <message>
        <source>Dri&amp;ver:</source>
        <translation>驱动(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Statements:</source>
        <translation>语句(&amp;S)：</translation>
    </message>
    <message>
        <source>Statement ti&amp;meout:</source>
        <translation>语句超时(&amp;M)：</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 (not installed here)</source>
        <translation>%1（本机未安装）</translation>
    </message>
    <message>
        <source>Enter the database name</source>
        <translation>请输入数据库名称</translation>
    </message>
    <message>
        <source>Enter at least one SQL statement</source>
        <translation>请至少输入一条 SQL 语句</translation>
    </message>
    <message>
        <source>Statement %1 uses :%2, which is not bound (use :%3)</source>
        <translation>语句 %1 使用了未绑定的 :%2（请使用 :%3）</translation>
    </message>
    <message>
        <source>Name the connection first: the keychain keeps the password under its name</source>
        <translation>请先为连接命名：密钥环以连接名称保存密码</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Password of connection &quot;%1&quot;:</source>
        <translation>连接“%1”的密码：</translation>
    </message>
    <message>
        <source>This program has no keychain support: use an environment variable for the password</source>
        <translation>此程序不支持密钥环：请使用环境变量提供密码</translation>
    </message>
    <message>
        <source>Storing the password in the system keychain…</source>
        <translation>正在将密码保存到系统密钥环…</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; is in the system keychain.</source>
        <translation>“%1”的密码已保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>The password could not be stored: %1
The job can read it from an environment variable of the scheduler instead: enter the variable&apos;s name.</source>
        <translation>无法保存密码：%1
任务可以改为从调度器的环境变量读取密码：请输入变量名称。</translation>
    </message>
    <message>
        <source>Enter the database first</source>
        <translation>请先输入数据库</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Choose the SQLite database</source>
        <translation>选择 SQLite 数据库</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite 数据库 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>数据库文件(&amp;D)：</translation>
    </message>
    <message>
        <source>e.g. /srv/app/app.db</source>
        <translation>例如 /srv/app/app.db</translation>
    </message>
    <message>
        <source>e.g. app</source>
        <translation>例如 app</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动程序</translation>
    </message>
    <message>
        <source>No such file: SQLite will create an empty database</source>
        <translation>文件不存在：SQLite 将创建一个空数据库</translation>
    </message>
</context>
<context>
    <name>punctual::SqlExecutor</name>
    <message>
        <source>this executor runs sql actions only</source>
        <translation>此执行器只运行 SQL 操作</translation>
    </message>
    <message>
        <source>stopped before it finished; the transaction was rolled back</source>
        <translation>在完成前被停止；事务已回滚</translation>
    </message>
    <message>
        <source>timed out after %1; the transaction was rolled back</source>
        <translation>%1 后超时；事务已回滚</translation>
    </message>
</context>
<context>
    <name>punctual::StoreStatusBanner</name>
    <message>
        <source>Job store unavailable</source>
        <translation>任务存储不可用</translation>
    </message>
    <message>
        <source>Last error of the job store</source>
        <translation>任务存储的最后错误</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Show the whole error</source>
        <translation>显示完整错误</translation>
    </message>
    <message>
        <source>The job store has been unavailable since %1 — no jobs run until it is back.</source>
        <translation>任务存储自 %1 起不可用——在其恢复之前不会运行任何任务。</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最后的错误：%1</translation>
    </message>
    <message>
        <source>Punctual reconnects on its own (first attempt %1).</source>
        <comment>in 16 s</comment>
        <translation>Punctual 会自动重新连接（首次尝试：%1）。</translation>
    </message>
    <message numerus="yes">
        <source>Punctual reconnects on its own (%n attempt(s) failed, next %1).</source>
        <comment>in 16 s</comment>
        <translation>
            <numerusform>Punctual 会自动重新连接（已失败 %n 次，下次尝试：%1）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Punctual is reconnecting now.</source>
        <translation>Punctual 正在重新连接。</translation>
    </message>
    <message numerus="yes">
        <source>Punctual is reconnecting now (%n attempt(s) failed so far).</source>
        <translation>
            <numerusform>Punctual 正在重新连接（迄今已失败 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Reconnect to the job store now instead of after the pause</source>
        <translation>立即重新连接任务存储，而不是等待间隔结束</translation>
    </message>
</context>
<context>
    <name>punctual::TimelineScale</name>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
</context>
<context>
    <name>punctual::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Next run %1</source>
        <translation>下次运行 %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>%1: %2, since %3</source>
        <translation>%1：%2，自 %3 起</translation>
    </message>
    <message>
        <source>%1: %2, %3, took %4</source>
        <translation>%1：%2，%3，耗时 %4</translation>
    </message>
    <message>
        <source>overlaps an earlier run</source>
        <translation>与较早的运行重叠</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Runs shown: %1; coming runs: %2</source>
        <translation>显示的运行：%1；即将运行：%2</translation>
    </message>
    <message>
        <source>Scheduled: %1</source>
        <translation>计划时间：%1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>开始时间：%1</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>耗时 %1</translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>Stands for %1 run times</source>
        <translation>代表 %1 个运行时间</translation>
    </message>
    <message>
        <source>Overlaps an earlier run of the job</source>
        <translation>与该任务较早的运行重叠</translation>
    </message>
    <message>
        <source>Excluded by the calendar &quot;%1&quot;: runs on this day are skipped</source>
        <translation>被日历“%1”排除：当天的运行将被跳过</translation>
    </message>
    <message>
        <source>Clocks go forward by %1 at %2 (%3)</source>
        <translation>时钟于 %2 拨快 %1（%3）</translation>
    </message>
    <message>
        <source>Clocks go back by %1 at %2 (%3)</source>
        <translation>时钟于 %2 拨慢 %1（%3）</translation>
    </message>
    <message>
        <source>%1 is paused: no runs are coming</source>
        <translation>%1 已暂停：不会有运行</translation>
    </message>
    <message>
        <source>The scheduler is paused: no runs are coming</source>
        <translation>调度器已暂停：不会有运行</translation>
    </message>
    <message>
        <source>No jobs match</source>
        <translation>没有匹配的任务</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Scheduler paused</source>
        <translation>调度器已暂停</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1（已暂停）</translation>
    </message>
</context>
<context>
    <name>punctual::TimelineWidget</name>
    <message>
        <source>Time span shown</source>
        <translation>显示的时间范围</translation>
    </message>
    <message>
        <source>How much time the timeline shows across (Ctrl+wheel, + and - zoom too)</source>
        <translation>时间线横向显示的时间长度（Ctrl+滚轮、+ 和 - 也可缩放）</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>Show earlier times (or drag the timeline to the right)</source>
        <translation>显示更早的时间（或将时间线向右拖动）</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Show the time around now</source>
        <translation>显示当前前后的时间</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>更晚</translation>
    </message>
    <message>
        <source>Show later times (or drag the timeline to the left)</source>
        <translation>显示更晚的时间（或将时间线向左拖动）</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>punctual::TrayController</name>
    <message>
        <source>&amp;Show Punctual</source>
        <translation>显示 Punctual(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation>全部暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Punctual — loading jobs…</source>
        <translation>Punctual — 正在加载任务…</translation>
    </message>
    <message>
        <source>Punctual — no runs scheduled</source>
        <translation>Punctual — 没有已计划的运行</translation>
    </message>
    <message>
        <source>Punctual — next: %1</source>
        <translation>Punctual — 下次运行：%1</translation>
    </message>
    <message>
        <source>Paused: no job runs until you resume</source>
        <translation>已暂停：恢复之前不会运行任何任务</translation>
    </message>
    <message>
        <source>No runs scheduled</source>
        <translation>没有已计划的运行</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>正在加载任务…</translation>
    </message>
    <message>
        <source>&amp;Resume all</source>
        <translation>全部恢复(&amp;R)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>job name, time of day</comment>
        <translation>%1 于 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>job name, day and time</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>“%1” missed its run</source>
        <translation>“%1”错过了运行</translation>
    </message>
    <message>
        <source>The run due %1 was not started: %2</source>
        <translation>原定 %1 的运行未启动：%2</translation>
    </message>
    <message>
        <source>“%1” timed out</source>
        <translation>“%1”超时</translation>
    </message>
    <message>
        <source>The run due %1 was stopped after the job&apos;s timeout.</source>
        <translation>原定 %1 的运行因超出任务时限而被停止。</translation>
    </message>
    <message>
        <source>“%1” failed</source>
        <translation>“%1”失败</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) failed, were missed or timed out</source>
        <translation>
            <numerusform>%n 次运行失败、错过或超时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see the run history.</source>
        <translation>点击查看运行历史。</translation>
    </message>
    <message>
        <source>Punctual is still running</source>
        <translation>Punctual 仍在运行</translation>
    </message>
    <message>
        <source>Your jobs keep running on schedule. Click the icon to open the window; choose Quit in its menu to stop Punctual.</source>
        <translation>您的任务将继续按计划运行。点击图标打开窗口；在其菜单中选择“退出”可停止 Punctual。</translation>
    </message>
    <message>
        <source>Punctual — job store unavailable since %1</source>
        <translation>Punctual — 任务存储自 %1 起不可用</translation>
    </message>
    <message>
        <source>Punctual — job store unavailable since %1 (%2)</source>
        <translation>Punctual — 任务存储自 %1 起不可用（%2）</translation>
    </message>
    <message>
        <source>No job runs until it is back; Punctual reconnects on its own</source>
        <translation>在其恢复之前不会运行任何任务；Punctual 会自动重新连接</translation>
    </message>
    <message>
        <source>%1 — paused: %2</source>
        <comment>job name, the note given when it was paused</comment>
        <translation>%1——已暂停：%2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more paused with a note</source>
        <translation>
            <numerusform>另有 %n 个附注暂停的任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last run of %n jobs failed</source>
        <translation>
            <numerusform>%n 个任务的上次运行失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs waiting for their conditions (power, network, idle)</source>
        <translation>
            <numerusform>%n 个任务正在等待其条件（电源、网络、空闲）</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduler paused</source>
        <translation>调度器已暂停</translation>
    </message>
</context>
<context>
    <name>punctual::TriggerEditor</name>
    <message>
        <source>&amp;Cron</source>
        <translation>Cron(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;very</source>
        <translation>间隔(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Once at</source>
        <translation>仅一次(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;alendar</source>
        <translation>日历(&amp;A)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>Random dela&amp;y:</source>
        <translation>随机延迟(&amp;Y)：</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>接下来的运行：</translation>
    </message>
    <message>
        <source>minute hour day month weekday, e.g. 55 * * * *</source>
        <translation>分 时 日 月 星期，例如 55 * * * *</translation>
    </message>
    <message>
        <source>E&amp;xpression:</source>
        <translation>表达式(&amp;X)：</translation>
    </message>
    <message>
        <source>e.g. 15m, 1h30m, 2d</source>
        <translation>例如 15m、1h30m、2d</translation>
    </message>
    <message>
        <source>How much time passes between runs: 90s, 15m, 2h, 1d, 1w, sums such as 1h30m, or ISO-8601 (PT15M). Elapsed time: daylight saving changes do not move it.</source>
        <translation>两次运行之间的时长：90s、15m、2h、1d、1w，或组合如 1h30m，或 ISO-8601（PT15M）。按实际经过的时间计算，不受夏令时切换影响。</translation>
    </message>
    <message>
        <source>In&amp;terval:</source>
        <translation>间隔(&amp;T)：</translation>
    </message>
    <message>
        <source>Date and &amp;time:</source>
        <translation>日期和时间(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. every 2 weeks at 09:30</source>
        <translation>例如 every 2 weeks at 09:30</translation>
    </message>
    <message>
        <source>Sc&amp;hedule:</source>
        <translation>计划(&amp;H)：</translation>
    </message>
    <message>
        <source>Choose a time zone</source>
        <translation>选择时区</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone</source>
        <translation>“%1”不是已知的时区</translation>
    </message>
    <message>
        <source>This time has already passed</source>
        <translation>该时间已经过去</translation>
    </message>
    <message>
        <source>This schedule never runs after now</source>
        <translation>此计划从现在起不会再运行</translation>
    </message>
    <message>
        <source>Enter a cron expression, e.g. 55 * * * * for minute 55 of every hour</source>
        <translation>请输入 Cron 表达式，例如 55 * * * * 表示每小时的第 55 分</translation>
    </message>
    <message>
        <source>Enter how often to run, e.g. 15m or 1h30m</source>
        <translation>请输入运行频率，例如 15m 或 1h30m</translation>
    </message>
    <message>
        <source>First run: %1</source>
        <translation>首次运行：%1</translation>
    </message>
    <message>
        <source>Enter a schedule, e.g. every 2 weeks at 09:30</source>
        <translation>请输入计划，例如 every 2 weeks at 09:30</translation>
    </message>
    <message>
        <source>%1 in this computer&apos;s time zone</source>
        <translation>%1（本机时区）</translation>
    </message>
    <message>
        <source>No more runs</source>
        <translation>不再运行</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>QDate format of a date this year: Sat 5 Dec</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>QDate format of a date in another year: Sat 5 Dec 2027</comment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a fire time struck through, and the calendar that excludes it</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>未运行：%1</translation>
    </message>
    <message>
        <source>No schedul&amp;e</source>
        <translation>无计划(&amp;E)</translation>
    </message>
    <message>
        <source>Runs only on the events checked under “Also run”</source>
        <translation>仅在“另外运行”中勾选的事件发生时运行</translation>
    </message>
    <message>
        <source>What the next daylight saving change does to the times of this schedule</source>
        <translation>下一次夏令时切换对此计划时间的影响</translation>
    </message>
    <message>
        <source>DST: as cron does</source>
        <translation>夏令时：与 cron 相同</translation>
    </message>
    <message>
        <source>DST: skip missing times</source>
        <translation>夏令时：跳过不存在的时间</translation>
    </message>
    <message>
        <source>DST: repeated times twice</source>
        <translation>夏令时：重复的时间运行两次</translation>
    </message>
    <message>
        <source>Daylight saving changes</source>
        <translation>夏令时切换</translation>
    </message>
    <message>
        <source>The job has no schedule: it runs only on the events checked under “Also run”.</source>
        <translation>此任务没有计划：它只在“另外运行”中勾选的事件发生时运行。</translation>
    </message>
    <message>
        <source>No schedule: check at least one event under “Also run”</source>
        <translation>无计划：请在“另外运行”中至少勾选一个事件</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>QDate format: 29 Mar</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>DST: %1 does not exist on %2: skipped</source>
        <translation>夏令时：%2 不存在 %1：跳过</translation>
    </message>
    <message>
        <source>DST: %1 does not exist on %2: runs at %3</source>
        <translation>夏令时：%2 不存在 %1：改为 %3 运行</translation>
    </message>
    <message>
        <source>DST: %1 happens twice on %2: runs once</source>
        <translation>夏令时：%2 的 %1 出现两次：运行一次</translation>
    </message>
    <message>
        <source>DST: %1 happens twice on %2: runs twice</source>
        <translation>夏令时：%2 的 %1 出现两次：运行两次</translation>
    </message>
    <message>
        <source>Only on events</source>
        <translation>仅在事件发生时</translation>
    </message>
    <message>
        <source>Runs at the times a cron expression matches</source>
        <translation>在 cron 表达式匹配的时间运行</translation>
    </message>
    <message>
        <source>Runs again after a fixed span of elapsed time</source>
        <translation>在经过固定的时间后再次运行</translation>
    </message>
    <message>
        <source>Runs once, at one date and time</source>
        <translation>在某个日期和时间运行一次</translation>
    </message>
    <message>
        <source>Runs every N days, weeks, months or years at a time of day, keeping the wall clock time across daylight saving changes</source>
        <translation>每 N 天、周、月或年在某个时刻运行，跨夏令时变化保持钟面时间</translation>
    </message>
    <message>
        <source>Delays each run by a random time up to this many seconds, so that many jobs due at the same moment spread out</source>
        <translation>将每次运行随机推迟最多这么多秒，使同一时刻到期的许多任务错开</translation>
    </message>
    <message>
        <source>The next runs from now, in the job&apos;s time zone (without the random delay); where that is not this computer&apos;s zone, the time here follows</source>
        <translation>从现在起的下次运行，采用任务的时区（不含随机延迟）；若与此计算机的时区不同，其后给出本地时间</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Five fields: minute hour day-of-month month day-of-week, or six with seconds first. Each field is *, N, A-B, */S or a comma list. Also @hourly, @daily, @weekly, @monthly, @yearly; L, W and # in the day fields.</source>
        <translation>五个字段：分钟 小时 日 月 星期，或六个字段（秒在最前）。每个字段为 *、N、A-B、*/S 或逗号分隔的列表。也可用 @hourly、@daily、@weekly、@monthly、@yearly；日字段中可用 L、W 和 #。</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron 表达式</translation>
    </message>
    <message>
        <source>When the clocks change for daylight saving time. As cron does: a time that does not exist runs when the clocks have jumped (unless the minute or hour is *), a repeated time runs once (twice when the minute or hour is *). Skip missing times: a time that does not exist does not run that day, a repeated time runs once. Repeated times twice: a repeated time runs in both passes.</source>
        <translation>时钟因夏令时调整时。与 cron 相同：不存在的时间在时钟跳变后运行（除非分钟或小时为 *），重复的时间运行一次（分钟或小时为 * 时运行两次）。跳过缺失的时间：不存在的时间当天不运行，重复的时间运行一次。重复时间运行两次：重复的时间在两次经过时都运行。</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>&amp;First run at:</source>
        <translation>首次运行时间(&amp;F)：</translation>
    </message>
    <message>
        <source>Off: the first run is one interval after the job is saved</source>
        <translation>关闭：首次运行在保存任务一个间隔之后</translation>
    </message>
    <message>
        <source>First run</source>
        <translation>首次运行</translation>
    </message>
    <message>
        <source>The date and time of the first run, in the time zone below</source>
        <translation>首次运行的日期和时间，采用下方的时区</translation>
    </message>
    <message>
        <source>The date and time of the one run, in the time zone below</source>
        <translation>唯一一次运行的日期和时间，采用下方的时区</translation>
    </message>
    <message>
        <source>every N days|weeks|months|years (or daily, weekly, monthly, yearly), then optionally at HH:MM and from YYYY-MM-DD (default: today). A day missing in a month (the 31st) is skipped.</source>
        <translation>every N days|weeks|months|years（或 daily、weekly、monthly、yearly），然后可选 at HH:MM 和 from YYYY-MM-DD（默认：今天）。某月没有的日期（31 日）会被跳过。</translation>
    </message>
    <message>
        <source>Calendar schedule</source>
        <translation>日历计划</translation>
    </message>
    <message>
        <source>The IANA time zone the times of day belong to and the next runs are shown in</source>
        <translation>时刻所属的 IANA 时区，下次运行也以此时区显示</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Next runs (%1):</source>
        <comment>the job&apos;s time zone</comment>
        <translation>下次运行（%1）：</translation>
    </message>
    <message>
        <source>%1 · %2 here</source>
        <comment>a run time in the job&apos;s zone, then in this computer&apos;s</comment>
        <translation>%1 · 本地 %2</translation>
    </message>
</context>
</TS>
