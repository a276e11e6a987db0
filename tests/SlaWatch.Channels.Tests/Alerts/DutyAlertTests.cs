using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaWatch.Channels.Alerts;
using SlaWatch.Channels.Email;
using SlaWatch.Core.Alerts;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Scanning;
using SlaWatch.Core.Tickets;
using SlaWatch.Core.Workbench;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests.Alerts;

/// <summary>
/// Alerts reaching the people on duty through real parts: the robots' stand-ins (local HTTP servers checking the
/// documented key and DingTalk signature) and e-mail through OpenSMTPD into Dovecot, read back over IMAP.
/// </summary>
public sealed class DutyAlertTests
{
    // 2026-12-05 is a Saturday; the office calendar is closed at 21:00, so the rota's closed-hours supervisor holds.
    private const string SaturdayEvening = "2026-12-05 20:55";

    private static JsonObject People(string mailDomain) =>
        new()
        {
            ["客服A"] = new JsonArray("8001"),
            ["周主管"] = new JsonObject
            {
                ["wecom"] = "zhou",
                ["email"] = $"zhou@{mailDomain}",
                ["routes"] = new JsonArray("ops-wecom", "email"),
            },
            ["吴值班"] = new JsonObject
            {
                ["wecom"] = "wu",
                ["email"] = $"wu@{mailDomain}",
                ["routes"] = new JsonArray("ops-wecom", "email"),
            },
            ["郑经理"] = new JsonObject
            {
                ["roles"] = new JsonArray("manager"),
                ["dingtalk"] = "13800138000",
                ["email"] = $"zheng@{mailDomain}",
                ["routes"] = new JsonArray("ding"),
                ["fallback"] = new JsonArray("email"),
            },
        };

    private static SlaPolicy Policy(JsonObject people)
    {
        var path = RepoRoot.Config("sla-policy.json");
        var policy = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        policy["people"] = people;
        policy["onCall"] = new JsonArray(
            new JsonObject
            {
                ["role"] = "supervisor",
                ["person"] = "周主管",
                ["calendar"] = "office",
            },
            new JsonObject
            {
                ["role"] = "supervisor",
                ["person"] = "吴值班",
                ["calendar"] = "office",
                ["when"] = "closed",
            }
        );
        policy["summaries"] = new JsonObject { ["morning"] = "09:00", ["evening"] = "18:00" };
        return SlaPolicyLoader.Parse(path, policy.ToJsonString());
    }

    private static TestProcess Process(
        SlaPolicy policy,
        FakeTimeProvider time,
        RobotStandIn robots,
        MailServers mail,
        Uri? wecom = null
    ) => MemoryProcess.Of(policy, time, more: services =>
        {
            services.AddSingleton(new AlertOptions(new Uri("https://slawatch.example.cn/")));
            services.AddSlaWatchAlertRoutes(
                _ =>
                    [
                        Quick(
                            new AlertRouteOptions("ops-wecom", AlertRouteKind.WeComRobot)
                            {
                                Url = wecom ?? robots.WeComUrl,
                            }
                        ),
                        Quick(
                            new AlertRouteOptions("ding", AlertRouteKind.DingTalkRobot)
                            {
                                Url = robots.DingTalkUrl,
                                Secret = RobotStandIn.DingTalkSecret,
                            }
                        ),
                    ],
                _ => new MailOptions
                {
                    ImapHost = "none",
                    User = "alerts",
                    Password = string.Empty,
                    SupportAddress = "alerts@support.example.cn",
                    SmtpHost = "127.0.0.1",
                    SmtpPort = mail.SmtpPort!.Value,
                    AllowPlaintext = true,
                }
            );
            services.AddSingleton<INotifier>(provider => provider.GetRequiredService<DutyNotifier>());
        });

    // No waiting between retries: the process runs on a stopped clock.
    private static AlertRouteOptions Quick(AlertRouteOptions options) => options with { RetryDelay = TimeSpan.Zero };

    private static InboundContact Chat(string id, string wall) =>
        new()
        {
            Channel = Channel.Chat,
            SourceId = id,
            ReceivedAt = Shipped.At(wall),
            From = "visitor-" + id,
            Subject = "无法登录",
            Text = "登录时报错",
        };

    private static async Task<IReadOnlyList<MimeKit.MimeMessage>> MailOfAsync(
        MailServers mail,
        string user,
        int atLeast
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            var messages = (await mail.ReadAsync(user)).Select(item => item.Message).ToList();
            if (messages.Count >= atLeast || attempt == 100)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ASaturdayEveningBreachReachesTheSaturdayOnCallSupervisorByRobotAndMailNotTheWeekdayOne()
    {
        var mail = await MailServers.SharedOrStartAsync();
        var domain = $"sat{Guid.NewGuid():N}.example.cn";
        var time = new FakeTimeProvider(Shipped.At(SaturdayEvening));
        await using var robots = RobotStandIn.Start(time);
        await using var process = Process(Policy(People(domain)), time, robots, mail);
        var ticket = (await process.Ingestion.IngestAsync(Chat("sat-1", SaturdayEvening), "test")).TicketId!;

        time.SetUtcNow(Shipped.At("2026-12-05 21:00:30"));
        var report = await process.Get<SlaScanner>().ScanAsync();

        Assert.Equal(1, report.Announcements["breach"]);
        var texts = robots.WeComTexts;
        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.Contains("<@wu>", text, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("<@zhou>", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("SLA 超时", StringComparison.Ordinal));
        // The unowned ticket's warning passed over its owner, and says so.
        Assert.Contains(texts, text => text.Contains("负责人（未分派） 无人值班", StringComparison.Ordinal));
        Assert.Contains(texts, text =>
            text.Contains(
                $"https://slawatch.example.cn/api/workbench#ticket={ticket}&ack=firstResponse",
                StringComparison.Ordinal
            )
        );
        var wuMail = await MailOfAsync(mail, "wu", 2);
        Assert.Equal(2, wuMail.Count);
        Assert.Contains(wuMail, message =>
            (message.Subject ?? string.Empty).Contains("SLA 超时", StringComparison.Ordinal)
        );
        Assert.All(wuMail, message => Assert.Equal($"wu@{domain}", message.To.Mailboxes.Single().Address));
        Assert.Empty(
            await mail.ReadAsync("zhou")
                .ContinueWith(task =>
                    task.Result.Where(item =>
                            item.Message.To.Mailboxes.Any(to => to.Address.EndsWith(domain, StringComparison.Ordinal))
                        )
                        .ToList()
                )
        );

        // The timeline says who was told, by which route, delivered.
        var sent = (await process.Store.LoadAsync(ticket))!.Events.OfType<AlertSent>().ToList();
        Assert.Contains(sent, item =>
            item is { Person: "吴值班", Route: "ops-wecom", Delivered: true, Role: "supervisor", Level: 2 }
        );
        Assert.Contains(sent, item => item is { Person: "吴值班", Route: "email", Delivered: true, Level: 2 });
        Assert.DoesNotContain(sent, item => item.Person == "周主管");
    }

    [Fact]
    public async Task OnAWeekdayTheWeekdaySupervisorIsOnDuty()
    {
        var policy = Policy(People("example.cn"));
        var monday = Shipped.At("2026-12-07 10:00");
        var saturday = Shipped.At("2026-12-05 21:00");

        Assert.Equal(
            ["周主管"],
            policy.Duty.OnDuty("supervisor", Channel.Chat, monday, policy.TimeZone).Select(p => p.Name)
        );
        Assert.Equal(
            ["吴值班"],
            policy.Duty.OnDuty("supervisor", Channel.Chat, saturday, policy.TimeZone).Select(p => p.Name)
        );
        // Lunch is outside the office calendar's hours: the closed-hours supervisor holds.
        Assert.Equal(
            ["吴值班"],
            policy
                .Duty.OnDuty("supervisor", Channel.Chat, Shipped.At("2026-12-07 12:30"), policy.TimeZone)
                .Select(p => p.Name)
        );
        // A role no rota line names is held by the people given it.
        Assert.Equal(
            ["郑经理"],
            policy.Duty.OnDuty("manager", Channel.Phone, saturday, policy.TimeZone).Select(p => p.Name)
        );
    }

    [Fact]
    public async Task AnUnreachableRobotFallsBackToMailAndRecordsWhy()
    {
        var mail = await MailServers.SharedOrStartAsync();
        var domain = $"down{Guid.NewGuid():N}.example.cn";
        var time = new FakeTimeProvider(Shipped.At(SaturdayEvening));
        await using var robots = RobotStandIn.Start(time);
        var people = People(domain);
        // The manager is reached by the DingTalk robot, e-mail only when it fails.
        await using var process = Process(Policy(people), time, robots, mail);
        robots.Down = true;
        var ticket = (await process.Ingestion.IngestAsync(Chat("down-1", SaturdayEvening), "test")).TicketId!;

        // Twice the target: the manager's level.
        time.SetUtcNow(Shipped.At("2026-12-05 21:05:30"));
        await process.Get<SlaScanner>().ScanAsync();

        var zheng = await MailOfAsync(mail, "zheng", 1);
        Assert.Single(zheng);
        Assert.Contains("SLA", zheng[0].Subject, StringComparison.Ordinal);
        var sent = (await process.Store.LoadAsync(ticket))!
            .Events.OfType<AlertSent>()
            .Where(item => item.Person == "郑经理")
            .ToList();
        var ding = Assert.Single(sent, item => item.Route == "ding");
        Assert.False(ding.Delivered);
        Assert.Contains("failed after retries", ding.Reason, StringComparison.Ordinal);
        Assert.Contains("503", ding.Reason, StringComparison.Ordinal);
        Assert.Contains(sent, item => item is { Route: "email", Delivered: true, Level: 3 });
        // 吴值班's robot failed too, but their e-mail is one of their routes: delivered, nothing undelivered.
        Assert.Empty(
            await process.Get<IUndeliveredAlerts>().ReadAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31))
        );
        Assert.Empty(robots.WeCom);
        Assert.Empty(robots.DingTalk);
    }

    [Fact]
    public async Task AcknowledgingInTheWorkbenchStopsTheNextLevel()
    {
        var mail = await MailServers.SharedOrStartAsync();
        var domain = $"ack{Guid.NewGuid():N}.example.cn";
        var time = new FakeTimeProvider(Shipped.At(SaturdayEvening));
        await using var robots = RobotStandIn.Start(time);
        await using var process = Process(Policy(People(domain)), time, robots, mail);
        var acknowledged = (await process.Ingestion.IngestAsync(Chat("ack-1", SaturdayEvening), "test")).TicketId!;
        var left = (await process.Ingestion.IngestAsync(Chat("ack-2", SaturdayEvening), "test")).TicketId!;
        time.SetUtcNow(Shipped.At("2026-12-05 21:00:30"));
        await process.Get<SlaScanner>().ScanAsync();

        time.SetUtcNow(Shipped.At("2026-12-05 21:02"));
        var wu = new WorkbenchPerson("wu", "吴值班", new HashSet<WorkbenchRole> { WorkbenchRole.Agent }, []);
        var result = await process
            .Get<WorkbenchActions>()
            .ActAsync(
                wu,
                acknowledged,
                new WorkbenchCommand(WorkbenchAction.Acknowledge, "ack-req-1", null)
                {
                    Metric = SlaMetric.FirstResponse,
                },
                "test"
            );
        Assert.Equal(WorkbenchOutcome.Recorded, result.Outcome);
        var again = await process
            .Get<WorkbenchActions>()
            .ActAsync(
                wu,
                acknowledged,
                new WorkbenchCommand(WorkbenchAction.Acknowledge, "ack-req-2", null)
                {
                    Metric = SlaMetric.FirstResponse,
                },
                "test"
            );
        Assert.Equal(WorkbenchOutcome.Conflict, again.Outcome);
        Assert.Contains("already acknowledged by 吴值班", again.Reason, StringComparison.Ordinal);

        time.SetUtcNow(Shipped.At("2026-12-05 21:06"));
        var report = await process.Get<SlaScanner>().ScanAsync();

        // Only the ticket no one acknowledged reaches the manager's level.
        Assert.Equal(1, report.Announcements["escalation"]);
        var ackedTicket = (await process.Store.LoadAsync(acknowledged))!;
        var ack = Assert.Single(ackedTicket.Events.OfType<AlertAcknowledged>());
        Assert.Equal(("吴值班", SlaMetric.FirstResponse, 1), (ack.Actor, ack.Metric, ack.Cycle));
        Assert.DoesNotContain(ackedTicket.Events.OfType<AlertSent>(), item => item.Level == 3);
        Assert.DoesNotContain(ackedTicket.Events.OfType<Escalated>(), item => item.Level == 3);
        var leftTicket = (await process.Store.LoadAsync(left))!;
        Assert.Contains(leftTicket.Events.OfType<AlertSent>(), item =>
            item is { Level: 3, Person: "郑经理", Route: "ding", Delivered: true }
        );
        var ding = Assert.Single(robots.DingTalk);
        Assert.Equal("13800138000", (string)ding["at"]!["atMobiles"]![0]!);
        Assert.Contains("@13800138000", (string)ding["markdown"]!["text"]!, StringComparison.Ordinal);
        Assert.Equal(0, robots.Refused);
    }

    [Fact]
    public async Task NoOneOnDutyAtAnyLevelIsKeptAsUndelivered()
    {
        var mail = await MailServers.SharedOrStartAsync();
        var time = new FakeTimeProvider(Shipped.At(SaturdayEvening));
        await using var robots = RobotStandIn.Start(time);
        var people = new JsonObject
        {
            ["周主管"] = new JsonObject { ["wecom"] = "zhou", ["routes"] = new JsonArray("ops-wecom") },
            ["吴值班"] = new JsonObject
            {
                ["wecom"] = "wu",
                ["routes"] = new JsonArray("ops-wecom"),
                ["quietHours"] = "20:00-08:00",
            },
        };
        await using var process = Process(Policy(people), time, robots, mail);
        var ticket = (await process.Ingestion.IngestAsync(Chat("none-1", SaturdayEvening), "test")).TicketId!;
        time.SetUtcNow(Shipped.At("2026-12-05 21:00:30"));

        await process.Get<SlaScanner>().ScanAsync();

        Assert.Empty(robots.WeCom);
        var lost = await process
            .Get<IUndeliveredAlerts>()
            .ReadAsync(new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 5));
        Assert.Equal(2, lost.Count);
        Assert.All(lost, alert => Assert.Equal(ticket, alert.TicketId));
        var breach = Assert.Single(lost, alert => alert.Kind == "breach");
        Assert.Null(breach.Person);
        Assert.Contains("主管（吴值班）在免打扰时段", breach.Reason, StringComparison.Ordinal);
        Assert.Contains("经理 无人值班", breach.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMorningSummaryGoesOnceAtItsTime()
    {
        var mail = await MailServers.SharedOrStartAsync();
        var domain = $"sum{Guid.NewGuid():N}.example.cn";
        var time = new FakeTimeProvider(Shipped.At(SaturdayEvening));
        await using var robots = RobotStandIn.Start(time);
        await using var process = Process(Policy(People(domain)), time, robots, mail);
        await process.Ingestion.IngestAsync(Chat("sum-1", SaturdayEvening), "test");
        time.SetUtcNow(Shipped.At("2026-12-05 21:10"));
        await process.Ingestion.IngestAsync(Chat("sum-2", "2026-12-05 21:10"), "test");
        var summaries = process.Get<DutySummaries>();

        time.SetUtcNow(Shipped.At("2026-12-06 08:59"));
        Assert.Empty(await summaries.SendDueAsync());
        time.SetUtcNow(Shipped.At("2026-12-06 09:01"));
        var sent = Assert.Single(await summaries.SendDueAsync());
        time.SetUtcNow(Shipped.At("2026-12-06 09:06"));
        Assert.Empty(await summaries.SendDueAsync());

        Assert.True(sent.Delivered);
        Assert.Equal((SummarySchedule.Morning, DutySummaries.AllTeams), (sent.Kind, sent.Team));
        var text = Assert.Single(robots.WeComTexts);
        Assert.Contains("晨会摘要 · 全部 · 2026年12月6日", text, StringComparison.Ordinal);
        Assert.Contains("昨日（2026年12月5日）", text, StringComparison.Ordinal);
        Assert.Contains("受理 2 张", text, StringComparison.Ordinal);
        Assert.Contains("**当前未结 2 张**：已超时 2 张，即将超时 0 张，待领取 2 张", text, StringComparison.Ordinal);
        Assert.Contains("- 已超时 ", text, StringComparison.Ordinal);
        // The manager's DingTalk robot delivered, so no fallback mail; the supervisors' mail is one of their routes.
        Assert.Equal("晨会摘要 · 全部 · 2026年12月6日", (string)Assert.Single(robots.DingTalk)["markdown"]!["title"]!);
        var zhou = await MailOfAsync(mail, "zhou", 1);
        Assert.Contains(zhou, message =>
            message.Subject == "晨会摘要 · 全部 · 2026年12月6日"
            && message.To.Mailboxes.Single().Address == $"zhou@{domain}"
        );
    }
}
