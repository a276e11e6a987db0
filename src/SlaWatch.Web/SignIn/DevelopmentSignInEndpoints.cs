using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaWatch.Web.Pages;
using SlaWatch.Web.Workbench;

namespace SlaWatch.Web.SignIn;

/// <summary>A development user as the sign-in page lists them.</summary>
public sealed record DevelopmentUserView(string Id, string Name, IReadOnlyList<string> Roles);

/// <summary>
/// The development sign-in over HTTP: GET /signin (the page), GET /signin/users (whom one can be), POST
/// /signin/{id} and POST /signout. Posts need the workbench's request header (a cross-site form cannot sign a
/// developer in as someone else), and every answer is for this machine only.
/// </summary>
public sealed class DevelopmentSignInEndpoints(DevelopmentSignIn signIn, PageHtml pages)
{
    public IResult Page(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (IResult?)Local(request) ?? TypedResults.Content(pages.SignIn, "text/html; charset=utf-8");
    }

    public IResult Users(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (IResult?)Local(request)
            ?? TypedResults.Ok(
                signIn
                    .People.Select(person => new DevelopmentUserView(
                        person.Id,
                        person.Name,
                        [.. person.Roles.Order().Select(role => role.ToString().ToLowerInvariant())]
                    ))
                    .ToArray()
            );
    }

    public IResult SignIn(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((Local(request) ?? Forged(request)) is { } refused)
        {
            return refused;
        }

        return signIn.Issue(request.HttpContext.Response, id)
            ? TypedResults.NoContent()
            : Refusal.Problem(StatusCodes.Status404NotFound, "id: not one of the development users");
    }

    public static IResult SignOut(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((Local(request) ?? Forged(request)) is { } refused)
        {
            return refused;
        }

        DevelopmentSignIn.SignOut(request.HttpContext.Response);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? Local(HttpRequest request) =>
        DevelopmentSignIn.FromThisMachine(request)
            ? null
            : Refusal.Problem(StatusCodes.Status403Forbidden, "the development sign-in answers this machine only");

    private static ProblemHttpResult? Forged(HttpRequest request) =>
        request.Headers[WorkbenchEndpoints.RequestHeader].ToString() == "workbench"
            ? null
            : Refusal.Problem(
                StatusCodes.Status403Forbidden,
                $"{WorkbenchEndpoints.RequestHeader}: missing; the sign-in page sends it, a form on another site cannot"
            );
}
