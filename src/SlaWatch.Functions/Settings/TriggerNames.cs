namespace SlaWatch.Functions.Settings;

/// <summary>Names the triggers and the deployment share: queues, the topic, the settings schedules are read
/// from.</summary>
public static class TriggerNames
{
    /// <summary>The storage account of the inbound queue and its claim-check blobs (the host's own, by
    /// default).</summary>
    public const string InboundConnection = "AzureWebJobsStorage";
    public const string InboundQueue = "inbound";

    /// <summary>Where the host moves an inbound message after its maximum dequeue count (host.json).</summary>
    public const string InboundPoisonQueue = InboundQueue + "-poison";

    /// <summary>Blob container of bodies too large for a queue message (the message carries a reference).</summary>
    public const string InboundBodies = "inbound-bodies";

    public const string SlaEventsTopic = "sla-events";
    public const string MailboxPollSchedule = "MAILBOX_POLL_SCHEDULE";
    public const string SlaScanSchedule = "SLA_SCAN_SCHEDULE";
    public const string DailyReportSchedule = "DAILY_REPORT_SCHEDULE";
    public const string BackupSchedule = "BACKUP_SCHEDULE";
    public const string QuarantineRetentionSchedule = "QUARANTINE_RETENTION_SCHEDULE";
}
