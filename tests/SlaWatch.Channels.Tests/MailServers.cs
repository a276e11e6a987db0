using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// Dovecot (IMAP, LMTP) and, for the shared pair, OpenSMTPD delivering into it, started by
/// <c>scripts/mail-servers.sh</c> in a throw-away folder on free loopback ports. Any user logs in with password
/// <c>secret</c>; mail to <c>name@anything</c> lands in mailbox <c>name</c>. OpenSMTPD runs once per machine, so only
/// the shared pair has SMTP; a test that must restart its server starts a Dovecot of its own.
/// </summary>
internal sealed class MailServers : IAsyncDisposable
{
    public const string Password = "secret";

    private MailServers(string folder, int imapPort, int? smtpPort, bool owned)
    {
        Folder = folder;
        ImapPort = imapPort;
        SmtpPort = smtpPort;
        Owned = owned;
    }

    public string Folder { get; }

    public int ImapPort { get; }

    public int? SmtpPort { get; }

    private bool Owned { get; }

    /// <summary>The pair <c>./build.sh test</c> started, or a new one when run outside it (never under CI).</summary>
    public static async Task<MailServers> SharedOrStartAsync()
    {
        if (
            Environment.GetEnvironmentVariable("SLAWATCH_IMAP_PORT") is { } imap
            && Environment.GetEnvironmentVariable("SLAWATCH_SMTP_PORT") is { } smtp
        )
        {
            return new MailServers(
                Environment.GetEnvironmentVariable("SLAWATCH_MAIL_DIR") ?? string.Empty,
                int.Parse(imap, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(smtp, System.Globalization.CultureInfo.InvariantCulture),
                owned: false
            );
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException(
                "SLAWATCH_IMAP_PORT is not set under CI: ./build.sh test must start the mail servers."
            );
        }

        if (Started is null)
        {
            Started = await StartAsync(withSmtp: true);
            var started = Started;
            TestFolders.AtExit(() => started.StopAsync().GetAwaiter().GetResult());
        }

        return Started;
    }

    private static MailServers? Started { get; set; }

    /// <summary>A Dovecot of the caller's own (no SMTP: that is shared), to stop and start at will.</summary>
    public static Task<MailServers> StartImapAsync() => StartAsync(withSmtp: false);

    private static Task<MailServers> StartAsync(bool withSmtp) =>
        LoopbackPorts.StartAsync(async () =>
        {
            var servers = new MailServers(
                TestFolders.Create("slawatch-mail-").FullName,
                LoopbackPorts.Free(),
                withSmtp ? LoopbackPorts.Free() : null,
                owned: true
            );
            try
            {
                await servers.StartAgainAsync();
                return servers;
            }
            catch (Exception)
            {
                // A port taken is tried again elsewhere; either way what did start is stopped, not left running.
                await servers.StopAsync();
                throw;
            }
        });

    /// <summary>
    /// Starts the servers on their ports (again, after <see cref="StopAsync"/>, keeping them as a real restart
    /// does). Done when Dovecot and OpenSMTPD themselves greet on them; <see cref="PortTakenException"/> when a port
    /// was taken or something else greets there.
    /// </summary>
    public async Task StartAgainAsync()
    {
        var ports = new[] { ImapPort, SmtpPort }
            .OfType<int>()
            .Select(port => port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Script(["start", Folder, .. ports]);
        await GreetedAsync(ImapPort, "Dovecot", "dovecot.log");
        if (SmtpPort is { } smtp)
        {
            await GreetedAsync(smtp, "OpenSMTPD", "smtpd.log");
        }
    }

    public Task StopAsync() => Script("stop", Folder);

    public async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>Puts a message in a user's folder (created if needed) as if it had arrived at <paramref
    /// name="arrived"/>.</summary>
    public async Task AppendAsync(string user, string folderName, MimeMessage message, DateTimeOffset arrived)
    {
        using var client = await ConnectAsync(user);
        var folder = folderName == "INBOX" ? client.Inbox : await FolderAsync(client, folderName);
        await folder.AppendAsync(new AppendRequest(message, MessageFlags.None, arrived));
        await client.DisconnectAsync(true);
    }

    public async Task<IReadOnlyList<(MimeMessage Message, MessageFlags Flags)>> ReadAsync(
        string user,
        string folderName = "INBOX"
    )
    {
        using var client = await ConnectAsync(user);
        var folder = folderName == "INBOX" ? client.Inbox : await FolderAsync(client, folderName);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<(MimeMessage, MessageFlags)>();
        if (folder.Count > 0)
        {
            foreach (
                var summary in await folder.FetchAsync(
                    0,
                    -1,
                    new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags)
                )
            )
            {
                messages.Add((await folder.GetMessageAsync(summary.UniqueId), summary.Flags ?? MessageFlags.None));
            }
        }

        await client.DisconnectAsync(true);
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        if (Owned && this != Started)
        {
            await StopAsync();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Dovecot may still be closing files; the temp folder is cleaned by the system.
            }
        }
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name)
    {
        try
        {
            return await client.GetFolderAsync(name);
        }
        catch (FolderNotFoundException)
        {
            return await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(name, true)
                ?? throw new InvalidOperationException($"Folder {name} could not be created.");
        }
    }

    private static async Task Script(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot.Path, "scripts", "mail-servers.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && (await error).Contains(AddressInUse, StringComparison.Ordinal))
        {
            throw new PortTakenException($"mail-servers.sh {args[0]}: {await error}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"mail-servers.sh {args[0]} failed ({process.ExitCode}): {await error}. Are dovecot and opensmtpd "
                    + $"installed? ./build.sh test installs them as root."
            );
        }
    }

    private const string AddressInUse = "Address already in use";

    /// <summary>Waits for the greeting on <paramref name="port"/> and checks that <paramref name="server"/> gives
    /// it.</summary>
    private async Task GreetedAsync(int port, string server, string log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                using var reader = new StreamReader(client.GetStream());
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var greeting = await reader.ReadLineAsync(patience.Token) ?? string.Empty;
                if (!greeting.Contains(server, StringComparison.Ordinal))
                {
                    throw new PortTakenException($"not {server} on 127.0.0.1:{port}: it greets '{greeting}'");
                }

                return;
            }
            catch (SocketException)
            {
                var logged = Path.Combine(Folder, log);
                if (File.Exists(logged) && File.ReadAllText(logged).Contains(AddressInUse, StringComparison.Ordinal))
                {
                    throw new PortTakenException($"{server} could not bind 127.0.0.1:{port}");
                }

                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"{server} did not greet on 127.0.0.1:{port} within 20 s.");
    }
}
