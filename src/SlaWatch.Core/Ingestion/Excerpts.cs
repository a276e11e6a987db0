namespace SlaWatch.Core.Ingestion;

/// <summary>Keeps stored texts short: the ticket needs a gist, the source system keeps the whole message.</summary>
public static class Excerpts
{
    public const int MaxLength = 1000;

    public static string? Of(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= maxLength ? trimmed : string.Concat(trimmed.AsSpan(0, maxLength - 1), "…");
    }
}
