using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Workbench;
using SlaWatch.TestSupport;
using SlaWatch.Web;
using SlaWatch.Web.SignIn;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// Who is asking, on both hosts: the development sign-in (loopback only, a signed cookie, a list of users read with
/// errors that name the entry), where a person goes back to after signing in, and the client address the audit
/// keeps.
/// </summary>
public sealed class WebSignInTests : IDisposable
{
    private const string Users = """
        {"users": [
          {"id": "agent-a", "name": "客服A", "roles": ["agent"], "aliases": ["8001"]},
          {"id": "lead", "name": "组长", "roles": ["lead", "admin"]}
        ]}
        """;

    private readonly RecordingLogs _logs = new();
    private readonly ServiceProvider _services;

    public WebSignInTests() =>
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddSingleton(Shipped.Policy)
            .AddSlaWatchDevelopmentSignIn(DevelopmentUsers.Load(File(Users)))
            .BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private DevelopmentSignIn SignIn => _services.GetRequiredService<DevelopmentSignIn>();

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://slawatch.example.cn", false)]
    [InlineData("not a url", false)]
    public void TheDevelopmentSignInServesLoopbackAddressesOnly(string address, bool allowed) =>
        Assert.Equal(allowed, DevelopmentSignIn.Refusal([address]) is null);

    [Fact]
    public void ASignedInDevelopmentUserIsReadBackAndAnEditedCookieSignsNoOneIn()
    {
        var response = new DefaultHttpContext().Response;
        Assert.True(SignIn.Issue(response, "agent-a"));
        Assert.False(SignIn.Issue(new DefaultHttpContext().Response, "nobody"));
        var cookie = response.Headers.SetCookie.ToString().Split(';')[0];
        Assert.Contains("httponly", response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);

        var (person, refusal) = SignIn.Read(Request(cookie, IPAddress.Loopback));
        var value = cookie.Split('=', 2)[1];
        var edited = $"{DevelopmentSignIn.Cookie}=lead.{value.Split('.')[1]}";
        var forged = SignIn.Read(Request(edited, IPAddress.Loopback));
        var fromAfar = SignIn.Read(Request(cookie, IPAddress.Parse("192.0.2.7")));

        Assert.Null(refusal);
        Assert.Equal(("agent-a", "客服A", true), (person!.Id, person.Name, person.Owns("8001")));
        Assert.Equal(
            (null, "not signed in: the sign-in cookie is not this server's (signed in before a restart?)"),
            forged
        );
        Assert.Equal((null, "the development sign-in answers this machine only"), fromAfar);
        Assert.Equal((null, "not signed in"), SignIn.Read(Request(null, IPAddress.Loopback)));
        var recorded = Assert.Single(_logs.Lines, line => line.Level == LogLevel.Warning);
        Assert.Contains("not issued here", recorded.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("lead.", recorded.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"users": []}""", "users: a list of at least one person is needed")]
    [InlineData("""{"users": [{"name": "无名"}]}""", "users[0].id: missing")]
    [InlineData(
        """{"users": [{"id": "a", "roles": ["boss"]}]}""",
        "users[0].roles: 'boss' is not agent, lead or admin"
    )]
    [InlineData("""{"users": [{"id": "a", "roles": []}]}""", "users[0].roles: at least one of agent, lead, admin")]
    [InlineData(
        """{"users": [{"id": "a", "roles": ["agent"]}, {"id": "a", "roles": ["lead"]}]}""",
        "users: the id 'a' is given twice"
    )]
    public void AWrongDevelopmentUserListIsRefusedNamingTheEntry(string json, string problem)
    {
        var path = File(json);

        var error = Assert.Throws<InvalidDataException>(() => DevelopmentUsers.Load(path));

        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Theory]
    [InlineData("/api/workbench#tab=open", "/api/workbench#tab=open")]
    [InlineData("//evil.example.com/x", "/")]
    [InlineData("https://evil.example.com/", "/")]
    [InlineData("/\\evil.example.com", "/")]
    [InlineData(null, "/")]
    public void AfterSigningInAPersonComesBackToThisSiteOnly(string? returnTo, string expected) =>
        Assert.Equal(expected, SignInReturn.Local(returnTo));

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("10.9.9.9, 203.0.113.9:50123", "203.0.113.9")]
    [InlineData("[2001:db8::7]:443", "2001:db8::7")]
    [InlineData("not an address", null)]
    [InlineData("", "127.0.0.1")]
    public void InAzureTheAuditKeepsTheAddressThePlatformSaw(string forwarded, string? expected)
    {
        var signIn = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Shipped.Policy)
            .AddSlaWatchPlatformSignIn(platformAuthentication: true)
            .BuildServiceProvider()
            .GetRequiredService<IPersonSignIn>();
        var request = Request(null, IPAddress.Loopback);
        if (forwarded.Length > 0)
        {
            request.Headers["X-Forwarded-For"] = forwarded;
        }

        Assert.Equal(expected, signIn.From(request));
        Assert.StartsWith(
            "/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fworkbench",
            signIn.SignInPath("/api/workbench")
        );
    }

    private static HttpRequest Request(string? cookie, IPAddress remote)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        return context.Request;
    }

    private static string File(string json)
    {
        var path = Path.Combine(TestFolders.Create("slawatch-users-").FullName, "dev-users.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }
}
