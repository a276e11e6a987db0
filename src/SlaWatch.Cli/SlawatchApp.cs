using System.CommandLine;
using SlaWatch.Cli.Commands;
using SlaWatch.Core.Configuration;

namespace SlaWatch.Cli;

/// <summary>The <c>slawatch</c> command line. Exit codes: 0 done, 2 bad input (one line on stderr), 1 any other
/// failure.</summary>
public static class SlawatchApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Before anything touches MimeKit: it caches which charsets exist on first use.
        Core.Text.LegacyCharsets.Register();
        var parsed = Commands(new CliOutput(stdout, stderr)).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"slawatch: {parsed.Errors[0].Message} (see --help)");
            return BadInput;
        }

        try
        {
            return parsed.Invoke(
                new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                }
            );
        }
        catch (Exception error)
            when (error is UsageException or ConfigException or SlaWatch.Core.Ingestion.InputException)
        {
            stderr.WriteLine($"slawatch: {error.Message}");
            return BadInput;
        }
        catch (Exception error)
            when (error
                    is SlaWatch.Core.Ports.StorageUnavailableException
                        or SlaWatch.Core.Ports.StorageAccessDeniedException
            )
        {
            // Already one line naming the endpoint and what it answered.
            stderr.WriteLine($"slawatch: {error.Message}");
            return Failed;
        }
        catch (Exception error)
        {
            stderr.WriteLine($"slawatch: failed: {error.Message.Split('\n', 2)[0].Trim()}");
            return Failed;
        }
    }

    /// <summary>Every command, writing to <paramref name="output"/>.</summary>
    internal static RootCommand Commands(CliOutput output)
    {
        var root = new RootCommand("SlaWatch: SLA clocks, breach scanning and reports for customer-service teams.");
        root.Subcommands.Add(CalendarCommands.Create(output));
        root.Subcommands.Add(SlaCommands.Create(output));
        root.Subcommands.Add(DemoCommand.Create(output));
        root.Subcommands.Add(IngestCommand.Create(output));
        root.Subcommands.Add(TicketCommands.Create(output));
        root.Subcommands.Add(MailCommands.Create(output));
        root.Subcommands.Add(ChatCommands.Create(output));
        root.Subcommands.Add(CallCommands.Create(output));
        root.Subcommands.Add(ScanCommand.Create(output));
        root.Subcommands.Add(AlertCommands.Create(output));
        root.Subcommands.Add(ReportCommands.Create(output));
        root.Subcommands.Add(ExportCommand.Create(output));
        root.Subcommands.Add(BacklogCommand.Create(output));
        root.Subcommands.Add(StaffingCommand.Create(output));
        root.Subcommands.Add(WhatIfCommand.Create(output));
        root.Subcommands.Add(ReplayCommand.Create(output));
        root.Subcommands.Add(GenerateCommand.Create(output));
        root.Subcommands.Add(ImportCommand.Create(output));
        root.Subcommands.Add(QuarantineCommands.Create(output));
        root.Subcommands.Add(ServeCommand.Create(output));
        root.Subcommands.Add(BackupCommands.Backup(output));
        root.Subcommands.Add(BackupCommands.Restore(output));
        return root;
    }
}
