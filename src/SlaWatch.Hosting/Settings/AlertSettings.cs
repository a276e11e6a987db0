using SlaWatch.Channels.Alerts;
using SlaWatch.Channels.Email;

namespace SlaWatch.Hosting.Settings;

/// <summary>
/// The routes alerts take (docs/alerts.md): <c>Alerts__Routes__&lt;name&gt;__Kind</c> (<c>wecom</c>,
/// <c>dingtalk</c>, <c>slack</c>, <c>teams</c>), <c>__Url</c>, <c>__Secret</c> (DingTalk's signing secret),
/// <c>__PerMinute</c>; the route <c>email</c> whenever SMTP is set (<c>Mail__SmtpHost</c> and
/// <c>Mail__SupportAddress</c>, the settings reports use); and <c>Alerts__WorkbenchUrl</c>, the address alerts link
/// to (in Azure the app's own host name when not set).
/// </summary>
public sealed class AlertSettings : CheckedSettings
{
    public const string WorkbenchUrl = "Alerts__WorkbenchUrl";
    public const string Routes = "Alerts__Routes";
    public const string SmtpHost = "Mail__SmtpHost";
    public const string SmtpPort = "Mail__SmtpPort";
    public const string SmtpUser = "Mail__SmtpUser";
    public const string SmtpPassword = "Mail__SmtpPassword";
    public const string AllowPlaintext = "Mail__AllowPlaintext";
    public const string SupportAddress = "Mail__SupportAddress";
    public const string ImapHost = "Mail__ImapHost";
    public const string MailUser = "Mail__User";
    public const string MailPassword = "Mail__Password";

    /// <summary>The host name App Service gives the app (<c>WEBSITE_HOSTNAME</c>).</summary>
    public const string PlatformHost = "WEBSITE_HOSTNAME";

    private static readonly Dictionary<string, AlertRouteKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wecom"] = AlertRouteKind.WeComRobot,
        ["dingtalk"] = AlertRouteKind.DingTalkRobot,
        ["slack"] = AlertRouteKind.Slack,
        ["teams"] = AlertRouteKind.Teams,
    };

    public IReadOnlyList<AlertRouteOptions> Robots { get; set; } = [];

    /// <summary>The SMTP server, when alerts, reports and acknowledgements may be mailed.</summary>
    public MailOptions? Smtp { get; set; }

    public Uri? Workbench { get; set; }

    public static void Read(AlertSettings settings, SettingsReader reader)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reader);
        settings.Smtp = SmtpFrom(reader);
        settings.Workbench = reader.AbsoluteUrl(WorkbenchUrl)
            ?? (reader.Optional(PlatformHost) is { } host ? new Uri($"https://{host}/") : null);
        var robots = new List<AlertRouteOptions>();
        foreach (var route in reader.Section(Routes).GetChildren().Where(SettingsReader.Given))
        {
            var name = $"{Routes}__{route.Key}";
            if (!Kinds.TryGetValue(route["Kind"] ?? string.Empty, out var kind))
            {
                reader.Problems.Add($"{name}__Kind is '{route["Kind"]}'; use {string.Join(", ", Kinds.Keys)}");
                continue;
            }

            var url = reader.AbsoluteUrl($"{name}__Url");
            if (url is null)
            {
                reader.Problems.Add($"{name}__Url: the robot's or webhook's address is needed");
                continue;
            }

            robots.Add(
                new AlertRouteOptions(route.Key, kind)
                {
                    Url = url,
                    Secret = route["Secret"] is { Length: > 0 } secret ? secret : null,
                    PerMinute = reader.Count($"{name}__PerMinute", AlertRouteOptions.DefaultPerMinute(kind), 1, 600),
                }
            );
        }

        settings.Robots = robots;
    }

    /// <summary>The SMTP server the settings name, when they name one and the address mail goes from.</summary>
    public static MailOptions? SmtpFrom(SettingsReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Read whether or not a server is named: a malformed port or flag is named at start either way.
        var port = reader.Port(SmtpPort, 587);
        var plaintext = reader.Flag(AllowPlaintext);
        return reader.Optional(SmtpHost) is { } host && reader.Optional(SupportAddress) is { } from
            ? new MailOptions
            {
                ImapHost = reader.Optional(ImapHost) ?? "none",
                User = reader.Optional(MailUser) ?? from,
                Password = reader.Optional(MailPassword) ?? string.Empty,
                SupportAddress = from,
                SmtpHost = host,
                SmtpPort = port,
                SmtpUser = reader.Optional(SmtpUser),
                SmtpPassword = reader.Optional(SmtpPassword),
                AllowPlaintext = plaintext,
            }
            : null;
    }
}
