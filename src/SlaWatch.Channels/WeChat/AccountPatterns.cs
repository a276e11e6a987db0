using System.Text.RegularExpressions;

namespace SlaWatch.Channels.WeChat;

/// <summary>What WeChat's and WeCom's account settings look like: a route name, an EncodingAESKey.</summary>
internal static partial class AccountPatterns
{
    public const string NameProblem = "name: 1 to 40 letters, digits, '-' or '_'";

    public const string KeyProblem = "encodingAesKey: 43 letters or digits (base64 without its '=')";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$", RegexOptions.CultureInvariant)]
    public static partial Regex Name();

    // 43 base64 characters whose last one leaves no stray bits: 32 bytes exactly.
    [GeneratedRegex("^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]$", RegexOptions.CultureInvariant)]
    public static partial Regex Key();
}
