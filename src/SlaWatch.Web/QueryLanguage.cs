using Microsoft.AspNetCore.Http;

namespace SlaWatch.Web;

/// <summary>The language a query asks for (<c>lang=zh-CN</c> or <c>lang=en</c>), each endpoint with its own default:
/// the reports English, the pages leads read in the department (the review, the workbench's) Chinese.</summary>
internal static class QueryLanguage
{
    public static bool Chinese(IQueryCollection query, bool byDefault) =>
        query["lang"].ToString() switch
        {
            "zh-CN" => true,
            "en" => false,
            _ => byDefault,
        };
}
