using MailKit;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SlaWatch.Channels;
using SlaWatch.Channels.Email;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage;
using SlaWatch.Storage.Tests;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

[Collection(AzuriteTests.Name)]
public class MailboxPollerTests(AzuriteFixture azurite)
{
    private readonly string _support = "support" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _customer = "customer" + Guid.NewGuid().ToString("N")[..8];
    private readonly DateTimeOffset _now = TimeProvider.System.GetUtcNow();

    private MailOptions Options(MailServers servers, string inbox = "INBOX") =>
        new()
        {
            ImapHost = "127.0.0.1",
            ImapPort = servers.ImapPort,
            User = _support,
            Password = MailServers.Password,
            Inbox = inbox,
            SupportAddress = $"{_support}@example.com",
            SmtpHost = servers.SmtpPort is null ? null : "127.0.0.1",
            SmtpPort = servers.SmtpPort ?? 25,
            AllowPlaintext = true,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            RetryAttempts = 2,
            BreakDuration = TimeSpan.FromMinutes(1),
        };

    private static MailboxPoller Poller(
        MailOptions options,
        TestProcess process,
        ICheckpointStore? checkpoints = null
    ) =>
        process
            .With(services =>
            {
                // Dovecot stamps deliveries in real time, and the retry pipeline waits in real time.
                services.AddSingleton(TimeProvider.System);
                if (checkpoints is not null)
                {
                    services.AddSingleton(checkpoints);
                }

                services.AddSlaWatchChannels().AddSlaWatchMailbox(_ => options);
            })
            .Get<MailboxPoller>();

    /// <summary>An agent's reply from the support address, as the mail client files it in Sent.</summary>
    private MimeMessage AgentReply(string id, string subject, string inReplyTo, string text)
    {
        var reply = new MimeMessage
        {
            MessageId = id,
            Subject = subject,
            InReplyTo = inReplyTo,
        };
        reply.From.Add(new MailboxAddress("客服A", $"{_support}@example.com"));
        reply.To.Add(new MailboxAddress("张三", $"{_customer}@example.com"));
        reply.Body = new TextPart("plain") { Text = text };
        return reply;
    }

    private MimeMessage FromCustomer(string id, string subject, string? inReplyTo = null, bool automatic = false)
    {
        var message = new MimeMessage
        {
            MessageId = id,
            Subject = subject,
            Date = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        message.From.Add(new MailboxAddress("张三", $"{_customer}@example.com"));
        message.To.Add(new MailboxAddress("Support", $"{_support}@example.com"));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
        }

        if (automatic)
        {
            message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        }

        message.Body = new TextPart("plain") { Text = "登录时一直报错 500" };
        return message;
    }

    private static async Task<IReadOnlyList<(MimeMessage Message, MessageFlags Flags)>> WaitForMailAsync(
        MailServers servers,
        string user,
        int count
    )
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var messages = await servers.ReadAsync(user);
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(100);
        }

        return await servers.ReadAsync(user);
    }

    [Fact]
    public async Task ACustomerMailBecomesAnAcknowledgedTicketAndTheAgentsReplyItsFirstResponse()
    {
        var servers = await MailServers.SharedOrStartAsync();
        await using var world = new TestWorld(azurite.ConnectionString, _now);
        var poller = Poller(Options(servers), world.Main);
        var arrived = DateTimeOffset.FromUnixTimeSeconds(_now.AddMinutes(-30).ToUnixTimeSeconds());
        await servers.AppendAsync(_support, "INBOX", FromCustomer("orig@example.com", "无法登录"), arrived);

        var first = await poller.PollAsync();

        Assert.Equal((1, 1, 1), (first.Fetched, first.Created, first.Acknowledged));
        var day = await world.Main.Index.ReadDayAsync(world.Main.Writer.LocalDay(arrived));
        var ticketId = Assert.Single(day).TicketId;
        var ticket = (await world.Main.Store.LoadAsync(ticketId))!;
        Assert.Equal(arrived, ticket.State.ReceivedAt);
        // customerXXXXXXXX@example.com: the first letter of each part, the top-level domain.
        Assert.Equal("c***@e***.com", ticket.State.Customer.Masked);

        var ack = Assert.Single(await WaitForMailAsync(servers, _customer, 1)).Message;
        Assert.Equal($"[#{ticket.Number}] Re: 无法登录", ack.Subject);
        Assert.Equal("orig@example.com", ack.InReplyTo);
        Assert.Equal("auto-replied", ack.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal(ack.MessageId, ticket.Events.OfType<Acknowledged>().Single().SourceRef);
        Assert.True((await servers.ReadAsync(_support)).Single().Flags.HasFlag(MessageFlags.Seen));

        await servers.AppendAsync(
            _support,
            "Sent",
            AgentReply("agent-reply@example.com", "Re: 无法登录", "orig@example.com", "请清除浏览器缓存后重试。"),
            arrived.AddMinutes(12)
        );
        await servers.AppendAsync(
            _support,
            "INBOX",
            FromCustomer(
                "customer-reply@example.com",
                $"Re: [#{ticket.Number}] Re: 无法登录",
                inReplyTo: ack.MessageId
            ),
            arrived.AddMinutes(20)
        );
        await servers.AppendAsync(
            _support,
            "INBOX",
            FromCustomer(
                "ooo@example.com",
                "Automatic reply: 无法登录",
                inReplyTo: "agent-reply@example.com",
                automatic: true
            ),
            arrived.AddMinutes(21)
        );

        var second = await poller.PollAsync();

        Assert.Equal((1, 1, 1, 0), (second.AgentResponses, second.Threaded, second.Automatic, second.Acknowledged));
        ticket = (await world.Main.Store.LoadAsync(ticketId))!;
        Assert.Equal(arrived.AddMinutes(12), ticket.State.FirstResponseAt);
        Assert.Equal("客服A", ticket.State.Owner);
        Assert.Single(ticket.Events.OfType<CustomerMessage>());
        Assert.Single(await servers.ReadAsync(_customer));
        Assert.Equal(0, (await poller.PollAsync()).Fetched);
    }

    [Fact]
    public async Task AnAgentsReplyCarryingTheMarkerResolvesAndTheCustomerWritingAgainReopens()
    {
        var servers = await MailServers.SharedOrStartAsync();
        await using var world = new TestWorld(azurite.ConnectionString, _now);
        var poller = Poller(Options(servers), world.Main);
        var arrived = DateTimeOffset.FromUnixTimeSeconds(_now.AddMinutes(-30).ToUnixTimeSeconds());
        await servers.AppendAsync(_support, "INBOX", FromCustomer("m-orig@example.com", "退款进度"), arrived);
        await poller.PollAsync();
        var ticketId = Assert.Single(await world.Main.Index.ReadDayAsync(world.Main.Writer.LocalDay(arrived))).TicketId;

        await servers.AppendAsync(
            _support,
            "Sent",
            AgentReply("m-agent@example.com", "Re: 退款进度", "m-orig@example.com", "退款已原路退回，请查收。#已解决"),
            arrived.AddMinutes(12)
        );

        var resolving = await poller.PollAsync();

        Assert.Equal((1, 1), (resolving.AgentResponses, resolving.ResolvedByReply));
        var ticket = (await world.Main.Store.LoadAsync(ticketId))!.State;
        Assert.Equal(
            (TicketStatus.Resolved, "退款已原路退回，请查收。", arrived.AddMinutes(12)),
            (ticket.Status, ticket.Solution, ticket.ResolvedAt)
        );

        await servers.AppendAsync(
            _support,
            "INBOX",
            FromCustomer("m-again@example.com", "Re: 退款进度", inReplyTo: "m-agent@example.com"),
            arrived.AddMinutes(25)
        );
        var again = await poller.PollAsync();

        Assert.Equal((1, 0), (again.Threaded, again.ResolvedByReply));
        ticket = (await world.Main.Store.LoadAsync(ticketId))!.State;
        Assert.Equal((TicketStatus.Open, 1), (ticket.Status, ticket.ReopenCount));
        Assert.False(ticket.FirstContactResolvedByDefault());
    }

    [Fact]
    public async Task AMailServerRestartMidPollLosesNothingAndDuplicatesNothing()
    {
        await using var servers = await MailServers.StartImapAsync();
        await using var world = new TestWorld(azurite.ConnectionString, _now);
        for (var i = 0; i < 30; i++)
        {
            await servers.AppendAsync(
                _support,
                "INBOX",
                FromCustomer($"bulk-{i}@example.com", $"问题 {i}"),
                _now.AddMinutes(-60 + i)
            );
        }

        var stopping = new StopAfterCheckpoints(world.Main.Checkpoints, 10, servers.StopAsync);
        var interrupted = Poller(Options(servers) with { SmtpHost = null }, world.Main, stopping);
        // The server goes away after ten messages; the poll's retries find it down and give up.
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => interrupted.PollAsync());
        Assert.Equal(1, stopping.Stops);

        await servers.StartAgainAsync();
        var resumed = await Poller(Options(servers) with { SmtpHost = null }, world.Main).PollAsync();

        Assert.Equal((20, 20, 0), (resumed.Fetched, resumed.Created, resumed.Duplicates));
        Assert.Equal(30, await TicketsReceivedAsync(world, _now.AddMinutes(-60), _now));
        Assert.All(await servers.ReadAsync(_support), message => Assert.True(message.Flags.HasFlag(MessageFlags.Seen)));
    }

    [Fact]
    public async Task ACrashAfterAMailIsIngestedAndBeforeItsCheckpointMakesNoSecondTicket()
    {
        var servers = await MailServers.SharedOrStartAsync();
        await using var world = new TestWorld(azurite.ConnectionString, _now);
        var options = Options(servers, inbox: "Crash") with { SmtpHost = null };
        for (var i = 0; i < 3; i++)
        {
            await servers.AppendAsync(
                _support,
                "Crash",
                FromCustomer($"crash-{i}@example.com", $"退款 {i}"),
                _now.AddMinutes(-10 + i)
            );
        }

        // The first message is ingested, then the process dies saving the folder's checkpoint.
        var crashing = CrashOnce.Around(world.Main.Checkpoints, nameof(ICheckpointStore.SetAsync), args =>
            ((string)args[0]!).EndsWith("/Crash", StringComparison.Ordinal)
        );
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Poller(options, world.Main, crashing).PollAsync());
        var rerun = await Poller(options, world.Main).PollAsync();

        // The same message is read again and recognised; the other two become tickets once.
        Assert.Equal((3, 2, 1), (rerun.Fetched, rerun.Created, rerun.Duplicates));
        Assert.Equal(3, await TicketsReceivedAsync(world, _now.AddMinutes(-10), _now));
        Assert.Equal(0, (await Poller(options, world.Main).PollAsync()).Fetched);
    }

    /// <summary>
    /// The tickets received on the local days from <paramref name="first"/>'s to <paramref name="last"/>'s: the tests
    /// stamp their mails from the real clock, so a run near the policy zone's midnight puts them on two days (a crash
    /// test read one day and failed so at 00:01 in Shanghai).
    /// </summary>
    private static async Task<int> TicketsReceivedAsync(TestWorld world, DateTimeOffset first, DateTimeOffset last)
    {
        var tickets = new HashSet<string>(StringComparer.Ordinal);
        var (from, to) = (world.Main.Writer.LocalDay(first), world.Main.Writer.LocalDay(last));
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var entries = await world.Main.Index.ReadDayAsync(day);
            tickets.UnionWith(entries.Where(entry => entry.ReceivedThatDay).Select(entry => entry.TicketId));
        }

        return tickets.Count;
    }

    [Fact]
    public async Task AChangedUidValidityRereadsTheFolderWithoutDuplicates()
    {
        var servers = await MailServers.SharedOrStartAsync();
        await using var world = new TestWorld(azurite.ConnectionString, _now);
        var options = Options(servers, inbox: "Support") with { SmtpHost = null };
        for (var i = 0; i < 3; i++)
        {
            await servers.AppendAsync(
                _support,
                "Support",
                FromCustomer($"uv-{i}@example.com", "物流"),
                _now.AddMinutes(-10)
            );
        }

        Assert.Equal(3, (await Poller(options, world.Main).PollAsync()).Created);
        using (var client = await servers.ConnectAsync(_support))
        {
            await (await client.GetFolderAsync("Support")).DeleteAsync();
            await client.DisconnectAsync(true);
        }

        for (var i = 0; i < 4; i++)
        {
            await servers.AppendAsync(
                _support,
                "Support",
                FromCustomer($"uv-{i}@example.com", "物流"),
                _now.AddMinutes(-10)
            );
        }

        var again = await Poller(options, world.Main).PollAsync();
        Assert.Equal((1, 4, 3, 1), (again.Resynced, again.Fetched, again.Duplicates, again.Created));
    }

    [Fact]
    public async Task AMessageIsMarkedSeenOnlyOnceItsTicketIsStored()
    {
        var servers = await MailServers.SharedOrStartAsync();
        await using var world = new TestWorld(azurite.ConnectionString, _now);
        await servers.AppendAsync(_support, "INBOX", FromCustomer("unseen@example.com", "退款"), _now.AddMinutes(-5));
        var unreachable = world.NewProcess(
            StorageOptions.FromConnection(AzuriteProcess.ConnectionFor(1), world.Prefix) with
            {
                MaxRetries = 0,
                NetworkTimeout = TimeSpan.FromSeconds(2),
            }
        );

        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Poller(Options(servers), unreachable, world.Main.Checkpoints).PollAsync()
        );
        Assert.False((await servers.ReadAsync(_support)).Single().Flags.HasFlag(MessageFlags.Seen));

        var report = await Poller(Options(servers), world.Main).PollAsync();
        Assert.Equal(1, report.Created);
        Assert.True((await servers.ReadAsync(_support)).Single().Flags.HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task ADeadMailServerOpensTheBreakerSoPollsStopTryingForAWhile()
    {
        await using var world = new TestWorld(azurite.ConnectionString, _now);
        var dead = new MailOptions
        {
            ImapHost = "127.0.0.1",
            ImapPort = 1,
            User = _support,
            Password = "x",
            SupportAddress = $"{_support}@example.com",
            AllowPlaintext = true,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            RetryAttempts = 2,
            BreakDuration = TimeSpan.FromMinutes(5),
        };
        var poller = Poller(dead, world.Main);

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => poller.PollAsync());
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => poller.PollAsync());
        var skipped = await poller.PollAsync();

        // The open circuit answers at once, without connecting: said in the report, nothing fetched.
        Assert.StartsWith(
            "the mail server failed repeatedly; polling pauses",
            skipped.Skipped,
            StringComparison.Ordinal
        );
        Assert.Equal(0, skipped.Fetched);
    }

    /// <summary>Lets a poll save some checkpoints, then stops the mail servers under it.</summary>
    private sealed class StopAfterCheckpoints(ICheckpointStore inner, int count, Func<Task> stop) : ICheckpointStore
    {
        private int _saved;

        public int Stops { get; private set; }

        public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
            inner.GetAsync(key, cancellationToken);

        public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
        {
            await inner.SetAsync(key, value, cancellationToken);
            if (++_saved == count)
            {
                Stops++;
                await stop();
            }
        }
    }
}
