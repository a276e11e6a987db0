using System.Text.RegularExpressions;
using SlaWatch.TestSupport;

namespace SlaWatch.Infra.Tests;

/// <summary>Rules the whole repository keeps, checked on every file rather than by review.</summary>
public sealed partial class RepositoryRulesTests
{
    private const int MaxLineLength = 120;

    /// <summary>
    /// The services a host composes: made by the container from the <c>*ServiceCollectionExtensions.cs</c> files only,
    /// so the object graph is read in one place and every lifetime is the one registered.
    /// </summary>
    private static readonly string[] Services =
    [
        "ReportService",
        "IngestionService",
        "FollowedContactIngestion",
        "TicketWriter",
        "TicketEventService",
        "SlaScanner",
        "AnomalyDetector",
        "MailboxPoller",
        "InputLineIngester",
        "QuarantineRetry",
        "Backlog",
        "SlaBoard",
        "PeriodViews",
        "NightlyReport",
        "StaffingPlanner",
        "Classifier",
        "ChatWebhookHandler",
        "RecordedChatImport",
        "CallIngester",
        "CallRowRefusals",
        "CallLogImport",
        "CallOptionsValidator",
        "SpreadsheetImporter",
        "ReplayEngine",
        "TableBackup",
        "TableRestore",
        "TableStorage",
        "TableTicketStore",
        "TableTicketIndex",
        "TableSerialAllocator",
        "TableQuarantine",
        "TableCheckpointStore",
        "TableNotificationLedger",
        "TableAggregateStore",
        "TableUndeliveredAlerts",
        "DutyNotifier",
        "DutySummaries",
        "AlertDelivery",
        "RobotRoute",
        "MailRoute",
        "InboundProcessing",
        "InboundBuffer",
        "SlaEventPublisher",
        "WebhookNotifier",
        "LogNotifier",
        "MeteredTicketStore",
        "MeteredQuarantine",
        "MeteredUndeliveredAlerts",
        "CountingNotifier",
        "FanOutNotifier",
        "TopicAndMailReportPublisher",
        "PageHtml",
        "WorkbenchActions",
        "WorkbenchQueues",
        "WorkbenchEndpoints",
        "WorkbenchFacts",
        "BoardEndpoints",
        "ReportEndpoints",
        "StaffingEndpoints",
        "ExportEndpoints",
        "TicketExporter",
        "TicketExportDocuments",
        "HistoryWhatIf",
        "DrillDown",
        "CoachingCards",
        "MonthlyReviews",
        "WhatIfDocuments",
        "WhatIfEndpoints",
        "PlatformSignIn",
        "DevelopmentSignIn",
        "DevelopmentSignInEndpoints",
        "DemoBacklog",
        "WeChatEndpoints",
        "WeComEndpoints",
        "WeComApi",
        "WeComSync",
        "InboundPushes",
        "WeChatIngestNow",
        "PushQueueing",
        "WeComPullNow",
    ];

    [Fact]
    public void NoLineInTheCodeIsLongerThan120Characters()
    {
        var tooLong = SourceFiles("src", "tests", "bench")
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(item => item.line.Length > MaxLineLength)
            .Select(item => $"{Relative(item.path)}:{item.number}: {item.line.Length} characters")
            .ToArray();

        Assert.True(tooLong.Length == 0, string.Join('\n', tooLong));
    }

    [Fact]
    public void NoEnvironmentFileIsCommittedAndTheSampleSettingsHoldPlaceholdersOnly()
    {
        // azd writes each environment's values to .azure/<env>/.env: ignored, so a secret set there is never committed.
        var ignored = File.ReadAllLines(Path.Combine(RepoRoot.Path, ".gitignore"));
        Assert.Contains(".env", ignored);
        Assert.Contains(".azure/", ignored);
        var tracked = Git("ls-files");
        Assert.DoesNotContain(tracked, path => Path.GetFileName(path).StartsWith(".env", StringComparison.Ordinal));
        Assert.DoesNotContain(tracked, path => path.StartsWith(".azure/", StringComparison.Ordinal));

        var sample = System.Text.Json.Nodes.JsonNode.Parse(
            File.ReadAllText(Path.Combine(RepoRoot.Path, "local.settings.sample.json"))
        )!["Values"]!.AsObject();
        var secrets = sample
            .Where(pair => new Regex("(Secret|Password|Token|Key)$", RegexOptions.CultureInvariant).IsMatch(pair.Key))
            .ToArray();
        Assert.True(secrets.Length >= 5, $"only {secrets.Length} secret settings found: the pattern is wrong");
        Assert.All(secrets, pair => Assert.Matches("^(|local-[a-z-]+)$", (string?)pair.Value ?? string.Empty));
    }

    private static string[] Git(string arguments)
    {
        using var git = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = RepoRoot.Path,
                RedirectStandardOutput = true,
            }
        )!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {arguments} failed");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void ServicesAreMadeOnlyByTheServiceCollectionExtensions()
    {
        var pattern = new Regex($@"\bnew ({string.Join('|', Services)})\(", RegexOptions.CultureInvariant);
        var files = SourceFiles("src");
        var registrations = files.Where(IsRegistration).Sum(path => pattern.Count(File.ReadAllText(path)));
        var elsewhere = files
            .Where(path => !IsRegistration(path))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(item => pattern.IsMatch(item.line))
            .Select(item => $"{Relative(item.path)}:{item.number}: {item.line.Trim()}")
            .ToArray();

        // The pattern finds what the registrations make, so its silence elsewhere means something.
        Assert.True(
            registrations >= 10,
            $"only {registrations} services made in the registrations: the pattern is wrong"
        );
        Assert.True(elsewhere.Length == 0, string.Join('\n', elsewhere));
        Assert.DoesNotContain(files, path =>
            File.ReadAllText(path).Contains("TicketServices", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void CommentsPointIntoTheRepositoryNotAtADocumentOutsideIt()
    {
        var stale = SourceFiles("src", "tests")
            .Where(path => DesignReference().IsMatch(File.ReadAllText(path)))
            .Select(Relative)
            .ToArray();

        Assert.True(stale.Length == 0, string.Join('\n', stale));
        Assert.True(File.Exists(Path.Combine(RepoRoot.Path, "docs", "architecture.md")));
    }

    [GeneratedRegex(@"\(design, flow \d\)|design\.md", RegexOptions.CultureInvariant)]
    private static partial Regex DesignReference();

    private static bool IsRegistration(string path) =>
        path.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal);

    private static string[] SourceFiles(params string[] folders) =>
        [
            .. folders.SelectMany(folder =>
                Directory
                    .EnumerateFiles(Path.Combine(RepoRoot.Path, folder), "*.cs", SearchOption.AllDirectories)
                    .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                    .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            ),
        ];

    private static string Relative(string path) => Path.GetRelativePath(RepoRoot.Path, path);
}
