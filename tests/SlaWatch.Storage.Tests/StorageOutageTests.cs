using Azure;

namespace SlaWatch.Storage.Tests;

/// <summary>What counts as Azure Storage being down, decided in one place for the stores and the webhooks.</summary>
public sealed class StorageOutageTests
{
    public static TheoryData<Exception, bool> Failures =>
        new()
        {
            { new RequestFailedException(0, "no response"), true },
            { new RequestFailedException(503, "busy"), true },
            { new RequestFailedException(500, "error"), true },
            { new RequestFailedException(404, "not found"), false },
            { new RequestFailedException(409, "conflict"), false },
            { new RequestFailedException(403, "forbidden"), false },
            { new HttpRequestException("connection refused"), true },
            { new IOException("reset"), true },
            { new AggregateException(new RequestFailedException(0, "a"), new HttpRequestException("b")), true },
            { new AggregateException(new RequestFailedException(0, "a"), new InvalidOperationException("b")), false },
            { new AggregateException(), false },
            { new InvalidOperationException("a defect"), false },
        };

    [Theory]
    [MemberData(nameof(Failures))]
    public void AnOutageIsNoAnswerAServerErrorOrTheNetworkNeverARefusal(Exception error, bool outage) =>
        Assert.Equal(outage, StorageOutage.Is(error));
}
