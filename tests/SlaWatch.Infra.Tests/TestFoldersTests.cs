using System.Diagnostics;
using SlaWatch.TestSupport;

namespace SlaWatch.Infra.Tests;

/// <summary>A server a killed test process or benchmark left running (its Azurite) is stopped by the next one, and
/// only that server.</summary>
public class TestFoldersTests
{
    [Fact]
    public void AServerNotedInAFolderLeftBehindIsStopped()
    {
        var left = TestFolders.Create("left-").FullName;
        using var server = Process.Start("sleep", ["300"]);
        TestFolders.Started(left, server, "sleep");

        TestFolders.StopServersLeftIn(left);

        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Empty(Directory.EnumerateFiles(left, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AProcessThatIsNoLongerTheServerNotedIsLeftRunning()
    {
        var left = TestFolders.Create("left-").FullName;
        using var other = Process.Start("sleep", ["300"]);
        try
        {
            // The server's process id, given again by the system to a process of another command.
            TestFolders.Started(left, other, "azurite");

            TestFolders.StopServersLeftIn(left);

            Assert.False(other.WaitForExit(TimeSpan.FromMilliseconds(500)));
            Assert.Empty(Directory.EnumerateFiles(left, "*", SearchOption.AllDirectories));
        }
        finally
        {
            other.Kill();
        }
    }
}
