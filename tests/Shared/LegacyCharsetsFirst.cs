using System.Runtime.CompilerServices;

namespace SlaWatch.TestSupport;

internal static class LegacyCharsetsFirst
{
    // Before any test touches MimeKit, whichever runs first: MimeKit remembers which charsets it found.
#pragma warning disable CA2255 // A test assembly's own start-up, not a library's.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => Core.Text.LegacyCharsets.Register();
}
