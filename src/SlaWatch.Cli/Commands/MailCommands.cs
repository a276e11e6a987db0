using System.CommandLine;
using System.Globalization;
using SlaWatch.Channels;
using SlaWatch.Channels.Email;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary><c>slawatch mail parse FILE.eml</c> and <c>slawatch mail poll</c>.</summary>
internal static class MailCommands
{
    public const string ImapPasswordVariable = "SLAWATCH_IMAP_PASSWORD";
    public const string SmtpPasswordVariable = "SLAWATCH_SMTP_PASSWORD";

    public static Command Create(CliOutput output)
    {
        var mail = new Command("mail", "The support mailbox.");
        mail.Subcommands.Add(Parse(output));
        mail.Subcommands.Add(Poll(output));
        return mail;
    }

    private static Command Parse(CliOutput output)
    {
        var file = new Argument<string>("FILE.eml") { Description = "A raw message (RFC 5322)." };
        var json = CommonOptions.Json();
        var command = new Command("parse", "Normalise a message as ingestion would (no storage needed).")
        {
            file,
            json,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var bytes = InputFiles.ReadBytes(path, InputFiles.MaxMessageBytes, "a message");
            ParsedMail mail;
            try
            {
                mail = bytes.Length > 0 ? MailParser.Parse(bytes) : throw new FormatException("the file is empty");
            }
            catch (FormatException error)
            {
                throw new UsageException($"{path}: not an e-mail message ({error.Message.TrimEnd('.')})");
            }

            var masked = mail.FromAddress is { } address ? ContactMasking.Mask(address) : null;
            if (result.GetValue(json))
            {
                output.WriteJson(
                    new
                    {
                        sourceId = mail.SourceId,
                        messageId = mail.MessageId,
                        from = masked,
                        fromName = mail.FromName is { } name ? ContactMasking.MaskName(name) : null,
                        subject = ContactMasking.InText(mail.Subject),
                        inReplyTo = mail.InReplyTo,
                        references = mail.References,
                        ticketNumber = mail.TicketNumber,
                        date = mail.DateHeader,
                        excerpt = ContactMasking.InText(mail.Excerpt),
                        attachments = mail.Attachments,
                        automatic = mail.IsAutomatic,
                        automaticReason = mail.AutomaticReason,
                        warnings = mail.Warnings,
                    }
                );
                return;
            }

            output.Out.WriteLine($"source id:   {mail.SourceId}");
            output.Out.WriteLine($"from:        {masked ?? "-"}");
            output.Out.WriteLine($"subject:     {ContactMasking.InText(mail.Subject)}");
            output.Out.WriteLine($"in reply to: {mail.InReplyTo ?? "-"}");
            output.Out.WriteLine(
                $"references:  {(mail.References.Count == 0 ? "-" : string.Join(' ', mail.References))}"
            );
            output.Out.WriteLine($"ticket:      {mail.TicketNumber ?? "-"}");
            output.Out.WriteLine(
                $"date header: "
                    + $"{mail.DateHeader?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
            );
            output.Out.WriteLine($"automatic:   {mail.AutomaticReason ?? "no"}");
            foreach (var warning in mail.Warnings)
            {
                output.Out.WriteLine($"warning:     {warning}");
            }

            foreach (var attachment in mail.Attachments)
            {
                output.Out.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"attachment:  {attachment.Name} ({attachment.ContentType}, {attachment.Size} bytes)"
                    )
                );
            }

            output.Out.WriteLine("excerpt:");
            output.Out.WriteLine(ContactMasking.InText(mail.Excerpt));
        });
        return command;
    }

    private static Command Poll(CliOutput output)
    {
        var host = CommonOptions.Text("--imap-host", "IMAP server.");
        var port = new Option<int>("--imap-port")
        {
            Description = "IMAP port (993: TLS; otherwise STARTTLS).",
            DefaultValueFactory = _ => 993,
        };
        var user = CommonOptions.Text("--user", "Mailbox user.");
        var password = CommonOptions.Text(
            "--password",
            $"Mailbox password (default: ${ImapPasswordVariable}).",
            required: false
        );
        var support = CommonOptions.Text("--support-address", "The address customers write to.");
        var sent = new Option<string>("--sent-folder")
        {
            Description = "Folder of agents' replies.",
            DefaultValueFactory = _ => "Sent",
        };
        var smtpHost = CommonOptions.Text(
            "--smtp-host",
            "SMTP server for acknowledgements (none: no acknowledgements).",
            required: false
        );
        var smtpPort = new Option<int>("--smtp-port")
        {
            Description = "SMTP port (465: TLS; otherwise STARTTLS).",
            DefaultValueFactory = _ => 587,
        };
        var smtpUser = CommonOptions.Text("--smtp-user", "SMTP user, when the server wants one.", required: false);
        var plaintext = new Option<bool>("--allow-plaintext")
        {
            Description = "Allow unencrypted connections (local test servers only).",
        };
        var markers = new Option<string[]>("--resolve-marker")
        {
            Description = "A word an agent's reply carries to resolve its ticket (repeat for more; case ignored).",
            DefaultValueFactory = _ => ["#已解决", "#resolved"],
            AllowMultipleArgumentsPerToken = false,
        };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command("poll", "Run one poll cycle of the support mailbox.")
        {
            host,
            port,
            user,
            password,
            support,
            sent,
            smtpHost,
            smtpPort,
            smtpUser,
            plaintext,
            markers,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var options = new MailOptions
                {
                    ImapHost = result.GetValue(host)!,
                    ImapPort = result.GetValue(port),
                    User = result.GetValue(user)!,
                    Password = result.GetValue(password)
                        ?? Environment.GetEnvironmentVariable(ImapPasswordVariable)
                        ?? throw new UsageException($"--password or ${ImapPasswordVariable} is required"),
                    SupportAddress = result.GetValue(support)!,
                    SentFolder = result.GetValue(sent),
                    SmtpHost = result.GetValue(smtpHost),
                    SmtpPort = result.GetValue(smtpPort),
                    SmtpUser = result.GetValue(smtpUser),
                    SmtpPassword = Environment.GetEnvironmentVariable(SmtpPasswordVariable),
                    AllowPlaintext = result.GetValue(plaintext),
                    ResolveMarkers = result.GetValue(markers) ?? [],
                };
                await using var services = store.Compose(result, added => added.AddSlaWatchMailbox(_ => options));
                var poller = services.Get<MailboxPoller>();
                var report = await poller.PollAsync(cancellationToken).ConfigureAwait(false);
                if (result.GetValue(json))
                {
                    output.WriteJson(report);
                }
                else
                {
                    output.Out.WriteLine(
                        report.Skipped is { } skipped
                            ? $"poll skipped: {skipped}"
                            : string.Create(
                                CultureInfo.InvariantCulture,
                                $"fetched {report.Fetched}: created {report.Created}, threaded {report.Threaded}, "
                                    + $"duplicates {report.Duplicates}, automatic {report.Automatic}, quarantined "
                                    + $"{report.Quarantined}; acknowledged {report.Acknowledged} (failed "
                                    + $"{report.AcknowledgementsFailed}); agent replies {report.AgentResponses} "
                                    + $"(resolving {report.ResolvedByReply})"
                                    + $"{Resynced(report.Resynced)}"
                            )
                    );
                }
            }
        );
        return command;
    }

    private static string Resynced(int folders) =>
        folders > 0 ? FormattableString.Invariant($"; resynced {folders} folder(s)") : string.Empty;
}
