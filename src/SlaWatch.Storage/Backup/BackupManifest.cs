using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaWatch.Storage.Backup;

/// <summary>One table's file in a backup: how many entities, how many bytes, and the SHA-256 of the file as
/// stored.</summary>
public sealed record BackupFile(string Table, string File, long Rows, long Bytes, string Sha256);

/// <summary>
/// What a backup holds (<c>manifest.json</c>, written last: a backup without one is incomplete): the product and the
/// storage schema it was taken from, when, from which set of tables, and each table's file.
/// </summary>
public sealed record BackupManifest(
    string Product,
    string ProductVersion,
    int SchemaVersion,
    DateTimeOffset TakenAt,
    string SourcePrefix,
    IReadOnlyList<BackupFile> Tables
)
{
    public const string FileName = "manifest.json";

    /// <summary>The layout of the tables this build writes; a backup of another layout is refused on restore.</summary>
    public const int CurrentSchema = 3;

    /// <summary>The layout before, which a restore upgrades: its Tickets rows are given this layout's keys
    /// (<see cref="TicketRows.Rekey"/>); every other table is the same in both.</summary>
    public const int UpgradedSchema = 2;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BackupManifest Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, Json) is { Tables: not null } manifest
                ? manifest
                : throw new BackupRefusedException(FileName, "empty");
        }
        catch (JsonException error)
        {
            throw new BackupRefusedException(FileName, $"not a manifest ({error.Message.Split(" Path:")[0]})");
        }
    }
}

/// <summary>A backup that cannot be used as it is, naming the file at fault and why.</summary>
public sealed class BackupRefusedException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;

    public string Problem { get; } = problem;
}
