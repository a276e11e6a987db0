using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaWatch.Core.Calendars;
using SlaWatch.Core.Configuration;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Rendering;

namespace SlaWatch.Web.Reports;

/// <summary>
/// POST /api/whatif with <c>from</c> and <c>to</c> (YYYY-MM-DD; by default the four weeks to yesterday),
/// <c>format=json|text|html</c> and <c>lang=zh-CN</c>, the policy to try as the body (the policy file's JSON, at most
/// 1 MB): the period's stored tickets under the policy in force and under it, as <c>slawatch whatif</c> shows them.
/// Nothing is stored; a draft that does not read is refused with the problem and where it is.
/// </summary>
public sealed class WhatIfEndpoints(WhatIfDocuments documents, PolicyDrafts drafts, SlaPolicy policy, TimeProvider time)
{
    public const int MaxPolicyBytes = 1024 * 1024;

    public async Task<Results<ContentHttpResult, ProblemHttpResult>> CompareAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        var format = query["format"].FirstOrDefault() ?? "json";
        if (!WhatIfDocuments.Names.Contains(format))
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"format: '{format}' is not json, text or html");
        }

        var today = ZoneMapping.LocalDate(policy.TimeZone, time.GetUtcNow());
        var (period, problem) = QueryDates.Range(
            query["from"].FirstOrDefault(),
            query["to"].FirstOrDefault(),
            fallbackTo: today.AddDays(-1),
            fallbackDays: 28
        );
        if (period is null)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, problem!);
        }

        var body = await RequestBody.ReadAsync(request, MaxPolicyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge || body.Size == 0)
        {
            return Refusal.Problem(
                body.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "the body is the policy to try, as its JSON file, at most 1 MB"
            );
        }

        SlaPolicy draft;
        try
        {
            draft = drafts.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Bytes));
        }
        catch (Exception error) when (error is ConfigException or DecoderFallbackException)
        {
            return Refusal.Problem(StatusCodes.Status400BadRequest, $"the policy to try: {error.Message}");
        }

        var chinese = QueryLanguage.Chinese(query, byDefault: false);
        var document = await documents
            .RenderAsync(period, draft, format, chinese, cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Text(document.Text, document.ContentType);
    }
}
