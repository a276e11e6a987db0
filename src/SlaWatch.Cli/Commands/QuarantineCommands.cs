using System.CommandLine;
using System.Globalization;
using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Ports;
using SlaWatch.Core.Tickets;

namespace SlaWatch.Cli.Commands;

/// <summary>
/// <c>slawatch quarantine list --channel C --day D [--full] [--json]</c> shows what was kept and why; <c>show ID</c>
/// one input whole; <c>retry ID | --channel C --day D</c> offers it again once what it lacked is there;
/// <c>purge --channel C --before D</c> removes what is older than the retention a team keeps. Kept text is shown with
/// contacts masked unless <c>--unmasked</c> is given (re-processing by hand needs them).
/// </summary>
internal static class QuarantineCommands
{
    public static Command Create(CliOutput output)
    {
        var quarantine = new Command(
            "quarantine",
            "What could not be used: list it, or purge what is past its retention."
        );
        quarantine.Subcommands.Add(List(output));
        quarantine.Subcommands.Add(Show(output));
        quarantine.Subcommands.Add(Retry(output));
        quarantine.Subcommands.Add(Purge(output));
        return quarantine;
    }

    private static Command List(CliOutput output)
    {
        var channel = CommonOptions.Text("--channel", "The channel it came in on (email, chat, phone, input…).");
        var day = CommonOptions.Text("--day", "The UTC day it was kept (YYYY-MM-DD).");
        var full = new Option<bool>("--full") { Description = "Print each input's kept text, not only its size." };
        var unmasked = Unmasked();
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command("list", "The inputs of one channel kept on one day, newest first, with the reason.")
        {
            channel,
            day,
            full,
            unmasked,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var date = InputParsing.Date("--day", result.GetValue(day));
                await using var services = store.Compose(result);
                var kept = await services
                    .Get<IQuarantine>()
                    .ListAsync(result.GetValue(channel)!, date, cancellationToken)
                    .ConfigureAwait(false);
                if (result.GetValue(json))
                {
                    output.WriteJson(
                        kept.Select(input =>
                            Json(
                                input,
                                result.GetValue(full)
                                    ? Text(input, result.GetValue(unmasked), services.Get<SlaPolicy>().PhoneMask)
                                    : null
                            )
                        )
                    );
                    return;
                }

                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kept.Count} kept"));
                foreach (var input in kept)
                {
                    output.Out.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"  {input.Id}  {input.At:yyyy-MM-dd HH:mm:ss}Z  {input.Origin}  {input.Reason}  ("
                                + $"{input.Raw.Length} "
                                + $"characters{(QuarantineRetry.CanRetry(input) ? ", retryable" : string.Empty)})"
                        )
                    );
                    if (result.GetValue(full))
                    {
                        output.Out.WriteLine(
                            Text(input, result.GetValue(unmasked), services.Get<SlaPolicy>().PhoneMask)
                        );
                    }
                }
            }
        );
        return command;
    }

    private static Command Show(CliOutput output)
    {
        var id = new Argument<string>("ID")
        {
            Description = "The quarantine id (as list, ingest or the API printed it).",
        };
        var unmasked = Unmasked();
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command("show", "One kept input whole: when, from where, why, and what a retry would offer.")
        {
            id,
            unmasked,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                await using var services = store.Compose(result);
                var input = await services
                    .Get<IQuarantine>()
                    .GetAsync(result.GetValue(id)!, cancellationToken)
                    .ConfigureAwait(false)
                    ?? throw new UsageException($"{result.GetValue(id)}: nothing kept under this id");
                var text = Text(input, result.GetValue(unmasked), services.Get<SlaPolicy>().PhoneMask);
                if (result.GetValue(json))
                {
                    output.WriteJson(Json(input, text));
                    return;
                }

                output.Out.WriteLine($"id:        {input.Id}");
                output.Out.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"kept at:   {input.At:yyyy-MM-dd HH:mm:ss}Z")
                );
                output.Out.WriteLine($"origin:    {input.Origin}");
                output.Out.WriteLine($"reason:    {input.Reason}");
                output.Out.WriteLine(
                    input.Pending is { } pending
                        ? $"retry:     records its {pending.Event.GetType().Name} on ticket {pending.Ticket} once "
                            + $"that ticket exists"
                    : QuarantineRetry.NotRetried(input) is { } why ? $"retry:     no; {why}"
                    : "retry:     ingests the line again"
                );
                output.Out.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"kept text: {input.Raw.Length} characters")
                );
                output.Out.WriteLine(text);
            }
        );
        return command;
    }

    private static Command Retry(CliOutput output)
    {
        var ids = new Argument<string[]>("ID")
        {
            Description = "Quarantine ids to offer again.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var channel = new Option<string>("--channel")
        {
            Description = "With --day: every input of this channel kept that day.",
        };
        var day = new Option<string>("--day") { Description = "The UTC day (YYYY-MM-DD) whose inputs to offer again." };
        var json = CommonOptions.Json();
        var store = new StoreOptions(output);
        var command = new Command(
            "retry",
            "Offer kept input again (events whose ticket now exists, lines whose names are now configured); what is "
                + "recorded leaves the quarantine."
        )
        {
            ids,
            channel,
            day,
            json,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var named = result.GetValue(ids) ?? [];
                if (named.Length > 0 == (result.GetValue(channel) is not null || result.GetValue(day) is not null))
                {
                    throw new UsageException("quarantine retry: give ids, or --channel and --day");
                }

                await using var services = store.Compose(result);
                var retry = services.Get<QuarantineRetry>();
                var results = new List<RetryResult>();
                if (named.Length > 0)
                {
                    foreach (var id in named)
                    {
                        results.Add(
                            await retry.RetryAsync(id, cancellationToken).ConfigureAwait(false)
                                ?? throw new UsageException($"{id}: nothing kept under this id")
                        );
                    }
                }
                else
                {
                    var date = InputParsing.Date(
                        "--day",
                        result.GetValue(day) ?? throw new UsageException("quarantine retry: --channel needs --day")
                    );
                    var name = result.GetValue(channel)
                        ?? throw new UsageException("quarantine retry: --day needs --channel");
                    results.AddRange(await retry.RetryAsync(name, date, cancellationToken).ConfigureAwait(false));
                }

                foreach (var retried in results)
                {
                    var outcome = retried.Outcome;
                    if (result.GetValue(json))
                    {
                        output.WriteJson(
                            new
                            {
                                id = retried.Id,
                                outcome = outcome.Word,
                                number = outcome.Number,
                                ticketId = outcome.TicketId,
                                reason = outcome.Reason,
                                removed = retried.Removed,
                            }
                        );
                    }
                    else
                    {
                        output.Out.WriteLine(
                            $"{retried.Id}  {outcome.Word}  {outcome.Number ?? "-"}  "
                                + $"{(retried.Removed ? "removed from the quarantine" : $"kept: {outcome.Reason}")}"
                        );
                    }
                }

                var recorded = results.Count(retried => retried.Removed);
                output.Error.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"recorded {recorded} of {results.Count}; {results.Count - recorded} still kept"
                    )
                );
            }
        );
        return command;
    }

    private static Option<bool> Unmasked() =>
        new("--unmasked") { Description = "Print kept text as it came, contacts included (to re-process it by hand)." };

    private static string Text(QuarantinedInput input, bool unmasked, PhoneMask phone) =>
        unmasked ? input.Raw : ContactMasking.InText(input.Raw, phone)!;

    private static object Json(QuarantinedInput input, string? text) =>
        new
        {
            id = input.Id,
            at = input.At,
            channel = input.Channel,
            origin = input.Origin,
            reason = input.Reason,
            characters = input.Raw.Length,
            retryable = QuarantineRetry.CanRetry(input),
            pendingTicket = input.Pending?.Ticket,
            pendingEvent = input.Pending?.Event.GetType().Name,
            raw = text,
        };

    private static Command Purge(CliOutput output)
    {
        var channel = CommonOptions.Text(
            "--channel",
            "The channel whose old inputs to remove; every channel's without it.",
            required: false
        );
        var before = CommonOptions.Text("--before", "Remove what was kept before this UTC day (YYYY-MM-DD).");
        var store = new StoreOptions(output);
        var command = new Command("purge", "Remove a channel's inputs kept before a day, for a retention period.")
        {
            channel,
            before,
        };
        store.AddTo(command);
        command.SetAction(
            async (result, cancellationToken) =>
            {
                var cut = InputParsing.Date("--before", result.GetValue(before));
                await using var services = store.Compose(result);
                var removed = await services
                    .Get<IQuarantine>()
                    .PurgeAsync(result.GetValue(channel), cut, cancellationToken)
                    .ConfigureAwait(false);
                output.Out.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"removed {removed} inputs kept before {cut:yyyy-MM-dd}"
                    )
                );
            }
        );
        return command;
    }
}
