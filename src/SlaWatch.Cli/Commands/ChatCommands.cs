using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SlaWatch.Channels.Chat;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Text;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch chat parse FILE.json</c> shows what a webhook body maps to; <c>slawatch chat ingest FILE</c> feeds
/// recorded bodies, one JSON line each: <c>{"receivedAt":"ISO","headers":{…},"body":{…} or "raw"}</c>.
/// </summary>
internal static class ChatCommands
{
    private const string NotARecordedBody = "line: not a recorded body {\"receivedAt\",\"headers\",\"body\"}";

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
                    ? BoundedLines.Read(path, WebhookOptions.MaxRecordedLineChars)
                    : throw new UsageException($"{path}: no such file");
                var chatFormat = result.GetValue(format);
                var key = result.GetValue(secret) ?? Environment.GetEnvironmentVariable(SecretVariable);
                var options = key is null ? null : WebhookOptions.For(chatFormat, key);
                var clock = store.Clock(result);
                await using var services = store.Compose(result);
                var handler = services.Get<ChatWebhookHandler>();
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
                    var line = bounded.Text ?? string.Empty;
                    ChatWebhookResult outcome;
                    if (bounded.TooLong)
                    {
                        var kept = QuarantinedInput.LineNotKept(
                            "chat",
                            clock.GetUtcNow(),
                            origin,
                            bounded,
                            WebhookOptions.MaxRecordedLineChars
                        );
                        outcome = new ChatWebhookResult(
                            413,
                            kept.Reason,
                            "rejected",
                            QuarantineId: await services
                                .Get<IQuarantine>()
                                .PutAsync(kept, cancellationToken)
                                .ConfigureAwait(false)
                        );
                    }
                    else if (Recorded(line) is not { } recorded)
                    {
                        var id = await services
                            .Get<IQuarantine>()
                            .PutAsync(
                                new QuarantinedInput("chat", clock.GetUtcNow(), origin, NotARecordedBody, line),
                                cancellationToken
                            )
                            .ConfigureAwait(false);
                        outcome = new ChatWebhookResult(400, NotARecordedBody, "rejected", QuarantineId: id);
                    }
                    else
                    {
                        outcome = await handler
                            .HandleAsync(
                                chatFormat,
                                options,
                                recorded.Headers,
                                recorded.Body,
                                recorded.ReceivedAt,
                                origin,
                                cancellationToken: cancellationToken
                            )
                            .ConfigureAwait(false);
                    }

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

    private sealed record RecordedBody(
        DateTimeOffset ReceivedAt,
        IReadOnlyDictionary<string, string> Headers,
        byte[] Body
    );

    private static RecordedBody? Recorded(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("receivedAt", out var at)
                || !root.TryGetProperty("body", out var body)
                || !DateTimeOffset.TryParse(
                    at.GetString(),
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var receivedAt
                )
            )
            {
                return null;
            }

            var headers =
                root.TryGetProperty("headers", out var given) && given.ValueKind == JsonValueKind.Object
                    ? given
                        .EnumerateObject()
                        .ToDictionary(
                            pair => pair.Name,
                            pair => pair.Value.ToString(),
                            StringComparer.OrdinalIgnoreCase
                        )
                    : new Dictionary<string, string>();
            var raw = body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();
            return new RecordedBody(receivedAt, headers, Encoding.UTF8.GetBytes(raw));
        }
        catch (JsonException)
        {
            return null;
        }
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
