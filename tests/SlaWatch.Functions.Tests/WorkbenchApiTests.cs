using SlaWatch.Core.Ingestion;
using SlaWatch.Core.Workbench;
using SlaWatch.Functions.Triggers;
using SlaWatch.TestSupport;
using SlaWatch.Web.SignIn;
using SlaWatch.Web.Workbench;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// The workbench's endpoints on Azurite as people reach them: signed in by the platform's principal header, an
/// action once per request, a conflict told with the ticket as it stands, and the hostile requests refused.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class WorkbenchApiTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> SignInOn = new() { [PlatformSignIn.PlatformSetting] = "true" };

    private static Dictionary<string, string> As(string id, string name, params string[] roles) =>
        new()
        {
            [PlatformPrincipal.Header] = PlatformPrincipal.Encode(id, name, roles),
            [WorkbenchEndpoints.RequestHeader] = "workbench",
        };

    /// <summary>A body with the version as the server gave it: an opaque token, quotes and all.</summary>
    private static string Body(string requestId, string version, string text) =>
        System.Text.Json.JsonSerializer.Serialize(
            new
            {
                requestId,
                version,
                text,
            }
        );

    private static async Task<(FunctionApp App, string Number)> OpenAsync(FunctionApp app)
    {
        var created = await app.Get<IngestionService>()
            .IngestAsync(Contacts.UrgentEmail("<wb1@x>", "2026-11-16 09:30"), "test");
        return (app, created.Number!.ToString()!);
    }

    private static async Task<HttpAnswer> PostAsync(
        FunctionApp app,
        string number,
        string action,
        string body,
        Dictionary<string, string> headers
    ) =>
        await app.AnswerAsync(
            await app.Function<WorkbenchApi>()
                .ActAsync(
                    app.Request("POST", $"/api/workbench/tickets/{number}/{action}", body, headers),
                    number,
                    action,
                    default
                )
        );

    [Fact]
    public async Task AnAgentTakesAndResolvesAndTheSecondResolverIsToldWhoWon()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:40"), SignInOn);
        var (_, number) = await OpenAsync(app);
        var wang = As("oid-wang", "王芳", "SlaWatch.Agent");
        var zhao = As("oid-zhao", "赵组长", "SlaWatch.Lead");

        var taken = await PostAsync(app, number, "take", """{"requestId":"t1"}""", wang);
        var version = (string)taken.Json["ticket"]!["version"]!;
        var again = await PostAsync(app, number, "take", """{"requestId":"t1"}""", wang);
        var resolved = await PostAsync(app, number, "resolve", Body("r1", version, "重置密码"), wang);
        var late = await PostAsync(app, number, "resolve", Body("r2", version, "清缓存"), zhao);

        Assert.Equal(
            (200, "recorded", "王芳"),
            (taken.Status, (string)taken.Json["outcome"]!, (string)taken.Json["ticket"]!["owner"]!)
        );
        Assert.Equal((200, "duplicate"), (again.Status, (string)again.Json["outcome"]!));
        Assert.Equal(
            ("recorded", "Resolved"),
            ((string)resolved.Json["outcome"]!, (string)resolved.Json["ticket"]!["status"]!)
        );
        Assert.Equal(409, late.Status);
        Assert.StartsWith(
            "changed since you read it: StatusChanged by 王芳",
            (string)late.Json["detail"]!,
            StringComparison.Ordinal
        );
        Assert.Equal(
            ("Resolved", "王芳"),
            ((string)late.Json["current"]!["status"]!, (string)late.Json["current"]!["lastActor"]!)
        );
    }

    [Fact]
    public async Task AnAgentIsRefusedAnotherAgentsTicketAndOnlyALeadTransfers()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:40"), SignInOn);
        var (_, number) = await OpenAsync(app);
        await PostAsync(app, number, "take", """{"requestId":"t1"}""", As("oid-wang", "王芳", "SlaWatch.Agent"));

        var other = await PostAsync(
            app,
            number,
            "respond",
            """{"requestId":"x"}""",
            As("oid-li", "李明", "SlaWatch.Agent")
        );
        var transfer = await PostAsync(
            app,
            number,
            "transfer",
            """{"requestId":"y","owner":"oid-li"}""",
            As("oid-zhao", "赵组长", "SlaWatch.Lead")
        );

        Assert.Equal(403, other.Status);
        Assert.Equal(
            "the ticket is 王芳's: an agent acts on their own and unowned tickets",
            (string)other.Json["detail"]!
        );
        Assert.Equal((200, "oid-li"), (transfer.Status, (string)transfer.Json["ticket"]!["owner"]!));
    }

    [Fact]
    public async Task HostileRequestsAreRefused()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:40"), SignInOn);
        var (_, number) = await OpenAsync(app);
        var wang = As("oid-wang", "王芳", "SlaWatch.Agent");
        // A cross-site form posts with the victim's cookies but cannot add a header.
        var crossSite = new Dictionary<string, string>(wang);
        crossSite.Remove(WorkbenchEndpoints.RequestHeader);
        var tampered = new Dictionary<string, string>(wang) { [PlatformPrincipal.Header] = "eyJjbGFpbXMiOlt7InR5" };

        var form = await PostAsync(app, number, "resolve", """{"requestId":"f","text":"x"}""", crossSite);
        var unsigned = await PostAsync(app, number, "take", """{"requestId":"u"}""", new Dictionary<string, string>());
        var forged = await PostAsync(app, number, "take", """{"requestId":"g"}""", tampered);
        var huge = await PostAsync(
            app,
            number,
            "resolve",
            $$"""{"requestId":"h","text":"{{new string('长', 6000)}}"}""",
            wang
        );
        var longText = await PostAsync(
            app,
            number,
            "resolve",
            $$"""{"requestId":"h","text":"{{new string('长', 2001)}}"}""",
            wang
        );
        var actorField = await PostAsync(app, number, "take", """{"requestId":"a","actor":"oid-zhao"}""", wang);
        var unknown = await PostAsync(app, number, "delete", """{"requestId":"d"}""", wang);

        Assert.Equal(
            (403, "X-SlaWatch-Request: missing; the workbench sends it, a form on another site cannot"),
            (form.Status, (string)form.Json["detail"]!)
        );
        Assert.Equal((401, "not signed in"), (unsigned.Status, (string)unsigned.Json["detail"]!));
        Assert.Equal((401, "principal: not JSON"), (forged.Status, (string)forged.Json["detail"]!));
        Assert.Equal(413, huge.Status);
        Assert.Equal(
            (400, "text: 2001 characters, more than 2000"),
            (longText.Status, (string)longText.Json["detail"]!)
        );
        Assert.Equal(400, actorField.Status);
        Assert.Contains("actor", (string)actorField.Json["detail"]!, StringComparison.Ordinal);
        Assert.Equal(404, unknown.Status);
        var stored = await app.Get<TicketEventService>().FindAsync(number);
        Assert.Single(stored!.Events);
    }

    [Fact]
    public async Task WithoutThePlatformsSignInAPrincipalHeaderIsNotTrusted()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:40"));
        var (_, number) = await OpenAsync(app);

        var forged = await PostAsync(
            app,
            number,
            "take",
            """{"requestId":"t"}""",
            As("oid-zhao", "赵组长", "SlaWatch.Admin")
        );

        Assert.Equal(401, forged.Status);
        Assert.StartsWith("sign-in is not configured", (string)forged.Json["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueueShowsTheSignedInPersonsTabWithEveryCount()
    {
        await using var app = new FunctionApp(azurite.ConnectionString, Shipped.At("2026-11-16 09:40"), SignInOn);
        var (_, number) = await OpenAsync(app);
        var wang = As("oid-wang", "王芳", "SlaWatch.Agent");
        await PostAsync(app, number, "take", """{"requestId":"t1"}""", wang);
        var api = app.Function<WorkbenchApi>();

        var mine = await app.AnswerAsync(
            await api.QueueAsync(app.Request("GET", "/api/workbench/queue", headers: wang, query: "?tab=mine"), default)
        );
        var badTab = await app.AnswerAsync(
            await api.QueueAsync(
                app.Request("GET", "/api/workbench/queue", headers: wang, query: "?tab=everything"),
                default
            )
        );
        var anonymous = await app.AnswerAsync(
            await api.QueueAsync(app.Request("GET", "/api/workbench/queue"), default)
        );
        var firstScreen = await app.AnswerAsync(
            await api.QueueAsync(
                app.Request("GET", "/api/workbench/queue", headers: wang, query: "?tab=mine&first=40"),
                default
            )
        );
        var badFirst = await app.AnswerAsync(
            await api.QueueAsync(
                app.Request("GET", "/api/workbench/queue", headers: wang, query: "?tab=mine&first=0"),
                default
            )
        );

        Assert.Equal(200, mine.Status);
        Assert.Equal(number, (string)mine.Json["tickets"]![0]!["number"]!);
        Assert.Equal((1, 0), ((int)mine.Json["counts"]!["Mine"]!, (int)mine.Json["counts"]!["Unassigned"]!));
        Assert.True((bool)mine.Json["complete"]!);
        Assert.Equal(400, badTab.Status);
        Assert.Equal(401, anonymous.Status);
        // Forty rows asked for, one there: the whole tab.
        Assert.Equal((200, true), (firstScreen.Status, (bool)firstScreen.Json["complete"]!));
        Assert.Equal(400, badFirst.Status);
        Assert.Equal("first: '0' is not a number of rows from 1 to 500", (string)badFirst.Json["detail"]!);
    }
}
