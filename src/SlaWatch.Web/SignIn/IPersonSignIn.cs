using Microsoft.AspNetCore.Http;
using SlaWatch.Core.Workbench;

namespace SlaWatch.Web.SignIn;

/// <summary>
/// Who is asking, for the people-facing endpoints. In Azure the platform signs people in (<see
/// cref="PlatformSignIn"/>); on a developer's machine a list of development users does (<see
/// cref="DevelopmentSignIn"/>). Each host registers one.
/// </summary>
public interface IPersonSignIn
{
    /// <summary>The signed-in person, or why no one is.</summary>
    (WorkbenchPerson? Person, string? Refusal) Read(HttpRequest request);

    /// <summary>Where a person who is not signed in goes to sign in, coming back to <paramref name="returnTo"/> (a
    /// path on this site).</summary>
    string SignInPath(string returnTo);

    /// <summary>Where the request came from as far as this host can tell (the client's address), for the
    /// audit.</summary>
    string? From(HttpRequest request);

    /// <summary>Where a person signs out.</summary>
    string SignOutPath { get; }
}
