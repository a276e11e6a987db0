namespace SlaWatch.Web.SignIn;

/// <summary>Where to come back to after signing in: a path on this site only, so a link cannot send a person who
/// just signed in to another site.</summary>
public static class SignInReturn
{
    public static string Local(string? returnTo) =>
        returnTo is { Length: > 0 and <= 2000 } path
        && path[0] == '/'
        && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : "/";
}
