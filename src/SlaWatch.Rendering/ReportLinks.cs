namespace SlaWatch.Rendering;

/// <summary>
/// Where a report page's figures lead: the workbench beside the server that served the page (a relative address, so
/// it works wherever that is), the workbench at the public address a mailed copy names, or nowhere for a copy with
/// no server to follow a link to (a file written by the command line, a mail sent without a public address). A
/// figure that links nowhere is shown plain rather than as a link that cannot open.
/// </summary>
public sealed record ReportLinks(string? Workbench)
{
    /// <summary>For a page served at <c>/api/reports/…</c>.</summary>
    public static ReportLinks Served { get; } = new("../workbench");

    public static ReportLinks None { get; } = new((string?)null);

    /// <summary>For a copy sent away: the workbench under SlaWatch's public address (the one alerts link to), or
    /// none without one.</summary>
    public static ReportLinks At(Uri? publicUrl)
    {
        if (publicUrl is null)
        {
            return None;
        }

        // A base without its final slash would drop its last segment when joined.
        var root = publicUrl.AbsoluteUri.EndsWith('/') ? publicUrl : new Uri(publicUrl.AbsoluteUri + "/");
        return new(new Uri(root, "api/workbench").AbsoluteUri);
    }
}
