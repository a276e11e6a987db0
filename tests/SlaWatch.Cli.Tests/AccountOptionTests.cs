using System.CommandLine;
using SlaWatch.Cli.Commands;

namespace SlaWatch.Cli.Tests;

/// <summary><c>--account NAME</c>: a deployment's data account by name, reached with the operator's sign-in.</summary>
public sealed class AccountOptionTests
{
    private static string StorageOf(params string[] args)
    {
        var store = new StoreOptions(new CliOutput(TextWriter.Null, TextWriter.Null));
        var command = new Command("probe");
        store.AddTo(command);
        return store.StorageOf(command.Parse(args));
    }

    [Fact]
    public void AnAccountNameIsItsTableServiceAndAnythingElseStopsTheCommandNamingTheOption()
    {
        Assert.Equal("https://stprod1a2b3c.table.core.windows.net/", StorageOf("--account", "stprod1a2b3c"));
        Assert.Equal("UseDevelopmentStorage=true", StorageOf("--storage", "UseDevelopmentStorage=true"));

        var upper = Assert.Throws<UsageException>(() => StorageOf("--account", "StProd"));
        Assert.Equal(
            "--account: 'StProd' is not a storage account name (3 to 24 lowercase letters and digits)",
            upper.Message
        );
        Assert.Throws<UsageException>(() => StorageOf("--account", "st"));
        Assert.Throws<UsageException>(() => StorageOf("--account", "st.evil.example"));
        Assert.Equal(
            "--account and --storage both name the tables: give one",
            Assert.Throws<UsageException>(() => StorageOf("--account", "stprod", "--storage", "x")).Message
        );
    }

    [Fact]
    public void TheCliSaysSoWithExitCodeTwo()
    {
        var run = Cli.Run(
            "quarantine",
            "list",
            "--now",
            Cli.Now,
            "--channel",
            "chat",
            "--day",
            "2026-11-16",
            "--account",
            "Bad_Name"
        );

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--account: 'Bad_Name' is not a storage account name", run.Error, StringComparison.Ordinal);
    }
}
