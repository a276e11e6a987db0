using MailKit.Security;

namespace SlaWatch.Channels.Email;

/// <summary>
/// The support mailbox and the SMTP server acknowledgements leave through. Connections use TLS on ports 993 / 465
/// and STARTTLS elsewhere; plain text only when <see cref="AllowPlaintext"/> is set (local test servers).
/// </summary>
public sealed record MailOptions
{
    public required string ImapHost { get; init; }

    public int ImapPort { get; init; } = 993;

    public required string User { get; init; }

    public required string Password { get; init; }

    public string Inbox { get; init; } = "INBOX";

    /// <summary>Where agents' replies are filed; null to skip reading it.</summary>
    public string? SentFolder { get; init; } = "Sent";

    /// <summary>The address customers write to; mail from it is ours (never acknowledged, agent replies in
    /// Sent).</summary>
    public required string SupportAddress { get; init; }

    public string SupportName { get; init; } = "Customer Support 客服中心";

    /// <summary>
    /// Words an agent writes in a reply (or its subject) to resolve the ticket with it: the reply, without the
    /// marker, is the solution. Compared ignoring case.
    /// </summary>
    public IReadOnlyList<string> ResolveMarkers { get; init; } = ["#已解决", "#resolved"];

    public string? SmtpHost { get; init; }

    public int SmtpPort { get; init; } = 587;

    public string? SmtpUser { get; init; }

    public string? SmtpPassword { get; init; }

    public bool AllowPlaintext { get; init; }

    public int MaxMessagesPerPoll { get; init; } = 500;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay after a network failure (doubled each time, with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public int RetryAttempts { get; init; } = 3;

    /// <summary>How long polls are skipped once the mail server has failed twice in a row.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromMinutes(2);

    public SecureSocketOptions ImapSecurity => Security(ImapPort, 993);

    public SecureSocketOptions SmtpSecurity => Security(SmtpPort, 465);

    private SecureSocketOptions Security(int port, int implicitTlsPort) =>
        AllowPlaintext ? SecureSocketOptions.None
        : port == implicitTlsPort ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;
}
