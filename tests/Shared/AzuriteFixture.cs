namespace SlaWatch.TestSupport;

/// <summary>
/// The Azurite the tests use: the one <c>./build.sh test</c> started (its connection in <c>SLAWATCH_STORAGE</c>), or,
/// when run alone outside CI, one started here. Under <c>CI=true</c> a missing server fails, never skips.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _own;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("SLAWATCH_STORAGE");
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException(
                "SLAWATCH_STORAGE is not set under CI: ./build.sh test must start Azurite."
            );
        }

        _own = await AzuriteProcess.StartAsync(persistent: false);
        ConnectionString = _own.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
