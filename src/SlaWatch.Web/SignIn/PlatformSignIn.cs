using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Web.SignIn;

/// <summary>
/// Who is asking, for the people-facing endpoints: the person App Service Authentication signed in. The header is
/// trusted only when the platform's authentication is on (<c>WEBSITE_AUTH_ENABLED</c>), because only then does the
/// platform strip it from outside requests; otherwise anyone could send one. A header refused is recorded by its size
/// and hash, never its content.
/// </summary>
public sealed partial class PlatformSignIn(
    bool platformAuthentication,
    SlaPolicy policy,
    ILogger<PlatformSignIn> logger
) : IPersonSignIn
{
    /// <summary>The App Service setting the platform sets when its authentication is on.</summary>
    public const string PlatformSetting = "WEBSITE_AUTH_ENABLED";

    public string SignOutPath => "/.auth/logout";

    public string SignInPath(string returnTo) =>
        "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(SignInReturn.Local(returnTo));

    /// <summary>The client's address as the platform's front end saw it: the last of <c>X-Forwarded-For</c> (the one
    /// the platform added; a client can only put others before it), without its port.</summary>
    public string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (last.Length > 0)
        {
            return System.Net.IPEndPoint.TryParse(last[^1], out var endPoint) ? endPoint.Address.ToString() : null;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString();
    }

    public (WorkbenchPerson? Person, string? Refusal) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[PlatformPrincipal.Header].ToString();
        if (!platformAuthentication)
        {
            if (header.Length > 0)
            {
                Log.Refused(
                    logger,
                    header.Length,
                    Refusal.Fingerprint(header),
                    "a principal header without the platform's sign-in"
                );
            }

            return (null, "sign-in is not configured: turn on App Service Authentication (see the README)");
        }

        var (person, refusal) = PlatformPrincipal.Read(header);
        if (refusal is not null && header.Length > 0)
        {
            Log.Refused(logger, header.Length, Refusal.Fingerprint(header), refusal);
        }

        return (person?.Known(policy.People), refusal);
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Sign-in refused: principal header of {Length} characters, SHA-256 {Hash}…: {Reason}"
        )]
        public static partial void Refused(ILogger logger, int length, string hash, string reason);
    }
}
