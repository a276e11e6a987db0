using System.CommandLine;
using System.Globalization;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Text;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch chat parse FILE.json</c> shows what a webhook body maps to; <c>slawatch chat ingest FILE</c> feeds
/// recorded bodies, one JSON line each: <c>{"receivedAt":"ISO","headers":{…},"body":{…} or "raw"}</c>.
/// </summary>
internal static class ChatCommands
{
    public const string SecretVariable = "SLAWATCH_CHAT_SECRET";

    public static Command Create(CliOutput output)
    {
        var chat = new Command("chat", "Web chat webhooks.");
        chat.Subcommands.Add(Parse(output));
        chat.Subcommands.Add(Ingest(output));
        return chat;
    }

    private static Option<ChatFormat> Format() =>
        new("--format") { Description = "generic or chatwoot.", DefaultValueFactory = _ => ChatFormat.Generic };

    private static Command Parse(CliOutput output)
    {
        var file = new Argument<string>("FILE.json") { Description = "One webhook body." };
        var format = Format();
        var json = CommonOptions.Json();
        var now = CommonOptions.Now("Stamp a body that carries no time of its own with this ISO 8601 instant.");
        var command = new Command("parse", "Show the events a webhook body maps to (no storage needed).")
        {
            file,
            format,
            json,
            now,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var body = InputFiles.ReadBytes(path, WebhookOptions.DefaultMaxBodyBytes, "a webhook body");
            ChatAction action;
            try
            {
                action = ChatWebhookHandler.Map(
                    result.GetValue(format),
                    body,
                    CommonOptions.Clock(result, now).GetUtcNow()
                );
            }
            catch (ChatFormatException error)
            {
                throw new UsageException($"{path}: {error.Message}");
            }

            var described = Describe(action);
            if (result.GetValue(json))
            {
                output.WriteJson(described);
            }
            else
            {
                output.Out.WriteLine(string.Join("  ", described.Select(pair => $"{pair.Key}: {pair.Value}")));
            }
        });
        return command;
    }

    private static Command Ingest(CliOutput output)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "JSON lines of recorded webhook bodies with their receipt instants.",
        };
        var format = Format();
        var secret = CommonOptions.Text(
            "--secret",
            $"Verify signatures with this secret (default: ${SecretVariable}; none: trust the recording).",
            required: false
        );
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command("ingest", "Feed recorded webhook bodies through verification, mapping and ingestion.")
        {
            file,
            format,
            secret,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var path = result.GetValue(file)!;
                // Line by line, each bounded: memory holds one recorded body at a time, whatever the file.
                var lines = File.Exists(path)
                    ? BoundedLines.Read(path, RecordedChatImport.MaxLineChars)
                    : throw new UsageException($"{path}: no such file");
                var chatFormat = result.GetValue(format);
                var key = result.GetValue(secret) ?? Environment.GetEnvironmentVariable(SecretVariable);
                var options = key is null ? null : WebhookOptions.For(chatFormat, key);
                await using var services = store.Compose(result);
                var import = services.Get<RecordedChatImport>();
                var refused = 0;
                var progress = new RunProgress(output, "bodies");
                foreach (var bounded in lines)
                {
                    var i = bounded.Number - 1;
                    progress.Step();
                    if (bounded.IsBlank)
                    {
                        continue;
                    }

                    var origin = string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}");
                    var outcome = await import
                        .ImportAsync(bounded, origin, chatFormat, options, cancellationToken)
                        .ConfigureAwait(false);
                    if (outcome.Status >= 400)
                    {
                        refused++;
                        var kept = outcome.QuarantineId is { } id ? $" (kept in quarantine as {id})" : string.Empty;
                        output.Error.WriteLine(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"{origin}: {outcome.Status} {outcome.Reason}{kept}"
                            )
                        );
                    }

                    if (result.GetValue(json))
                    {
                        output.WriteJson(
                            new
                            {
                                line = i + 1,
                                status = outcome.Status,
                                outcome = outcome.Outcome,
                                number = outcome.Number,
                                id = outcome.TicketId,
                                reason = outcome.Reason,
                            }
                        );
                    }
                    else
                    {
                        output.Out.WriteLine($"{outcome.Number ?? "-"} {outcome.TicketId ?? "-"} {outcome.Outcome}");
                    }
                }

                progress.Done();
                return refused == 0 ? SlawatchApp.Ok : SlawatchApp.BadInput;
            }
        );
        return command;
    }

    private static Dictionary<string, string?> Describe(ChatAction action) =>
        action switch
        {
            ChatContact contact => new()
            {
                ["kind"] = "customer message",
                ["conversation"] = contact.Contact.ThreadKey,
                ["sourceId"] = contact.Contact.SourceId,
                ["from"] = ContactMasking.Mask(contact.Contact.From),
                ["at"] = contact.Contact.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
                ["text"] = contact.Contact.Text,
            },
            ChatTicketEvent item => new()
            {
                ["kind"] = item.Event.GetType().Name,
                ["conversation"] = item.ConversationKey,
                ["sourceId"] = item.Event.SourceRef,
                ["actor"] = item.Event.Actor,
                ["at"] = item.Event.At.ToString("O", CultureInfo.InvariantCulture),
                ["status"] = (item.Event as StatusChanged)?.Status.ToString(),
            },
            ChatIgnored ignored => new() { ["kind"] = "ignored", ["what"] = ignored.What },
            _ => throw new InvalidOperationException($"Unexpected chat action {action.GetType().Name}."),
        };
}
