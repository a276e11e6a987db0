using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Web.SignIn;

/// <summary>
/// Sign-in on a developer's machine: a person picks one of the development users and gets a cookie naming them,
/// signed with a key this process drew at start (a cookie from another process, or edited, names no one). It answers
/// only requests from this machine, and <see cref="Refusal"/> keeps a host that listens beyond it from starting with
/// it at all.
/// </summary>
public sealed partial class DevelopmentSignIn(
    DevelopmentUsers users,
    SlaPolicy policy,
    ILogger<DevelopmentSignIn> logger
) : IPersonSignIn
{
    public const string Cookie = "slawatch-dev-user";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public IReadOnlyList<WorkbenchPerson> People => users.People;

    public string SignOutPath => "/signout";

    public string SignInPath(string returnTo) =>
        "/signin?returnTo=" + Uri.EscapeDataString(SignInReturn.Local(returnTo));

    /// <summary>Why a host listening on <paramref name="addresses"/> may not use the development sign-in, or null
    /// when every address is this machine's.</summary>
    public static string? Refusal(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            if (
                !Uri.TryCreate(address, UriKind.Absolute, out var uri)
                || !(
                    string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                    || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))
                )
            )
            {
                return $"--urls: {address} is not a loopback address; the development sign-in serves this machine "
                    + "only (sign people in with App Service Authentication instead)";
            }
        }

        return null;
    }

    public string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>Whether the request came from this machine: all the development sign-in answers.</summary>
    public static bool FromThisMachine(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }

    public (WorkbenchPerson? Person, string? Refusal) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!FromThisMachine(request))
        {
            return (null, "the development sign-in answers this machine only");
        }

        var cookie = request.Cookies[Cookie];
        if (string.IsNullOrEmpty(cookie))
        {
            return (null, "not signed in");
        }

        var dot = cookie.LastIndexOf('.');
        if (
            dot <= 0
            || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Sign(cookie[..dot])),
                Encoding.ASCII.GetBytes(cookie[(dot + 1)..])
            )
            || users.Find(Uri.UnescapeDataString(cookie[..dot])) is not { } person
        )
        {
            Log.Refused(logger, cookie.Length, Web.Refusal.Fingerprint(cookie));
            return (null, "not signed in: the sign-in cookie is not this server's (signed in before a restart?)");
        }

        return (person.Known(policy.People), null);
    }

    /// <summary>Signs <paramref name="id"/> in on <paramref name="response"/>; false when no development user has
    /// that id.</summary>
    public bool Issue(HttpResponse response, string id)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (users.Find(id) is null)
        {
            return false;
        }

        var value = Uri.EscapeDataString(id);
        response.Cookies.Append(
            Cookie,
            value + "." + Sign(value),
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
            }
        );
        return true;
    }

    public static void SignOut(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
    }

    private string Sign(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Development sign-in refused: a cookie of {Length} characters, SHA-256 {Hash}…, not issued here"
        )]
        public static partial void Refused(ILogger logger, int length, string hash);
    }
}
