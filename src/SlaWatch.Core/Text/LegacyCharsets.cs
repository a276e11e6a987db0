using System.Text;

namespace SlaWatch.Core.Text;

/// <summary>
/// Legacy code pages (GB2312/GBK/GB18030, Big5, EUC-KR, ISO-2022-JP…) and UTF-7, which .NET leaves out by default.
/// They must be made available before MimeKit first looks a charset up: it remembers what it found. Every entry
/// point (the command line, the Functions app, the test assemblies) calls this first.
/// </summary>
public static class LegacyCharsets
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        // Old Outlook versions wrote UTF-7 encoded-words. .NET turns UTF-7 off against script injection in web
        // pages; decoding mail headers into plain text is not that risk. Our executables also set this switch in
        // their runtime configuration (Directory.Build.props), since .NET caches it on first use.
        AppContext.SetSwitch("System.Text.Encoding.EnableUnsafeUTF7Encoding", true);
        return true;
    });

    /// <summary>Idempotent and cheap after the first call.</summary>
    public static bool Register() => Registered.Value;
}
