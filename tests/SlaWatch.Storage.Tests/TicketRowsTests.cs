using Azure.Data.Tables;

namespace SlaWatch.Storage.Tests;

public class TicketRowsTests
{
    [Theory]
    [InlineData("snapshot", "t-1")]
    [InlineData("evt-000001", "t-1:evt-000001")]
    [InlineData("evt-1234567", "t-1:evt-1234567")]
    public void ASchemaTwoRowTakesTodaysKeys(string oldRowKey, string rowKey)
    {
        var row = new TableEntity("t-1", oldRowKey);

        TicketRows.Rekey(row);

        Assert.Equal((TicketRows.Partition("t-1"), rowKey), (row.PartitionKey, row.RowKey));
        Assert.Equal(oldRowKey == "snapshot", TicketRows.IsSnapshot(row.RowKey));
    }

    [Theory]
    [InlineData("evt-")]
    [InlineData("evt- 12")]
    [InlineData("evt-x")]
    [InlineData("note-1")]
    public void ASchemaTwoRowOfNoKnownKeyIsRefusedUnchanged(string oldRowKey)
    {
        var row = new TableEntity("t-1", oldRowKey);

        var refused = Assert.Throws<InvalidDataException>(() => TicketRows.Rekey(row));

        Assert.Contains($"'{oldRowKey}'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(("t-1", oldRowKey), (row.PartitionKey, row.RowKey));
    }
}
