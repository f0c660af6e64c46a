using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Safety;

/// <summary>How far an unacknowledged imminent alert has been passed on.</summary>
public enum EscalationLevel
{
    None = 0,
    /// <summary>Sent on to the clinician's backup.</summary>
    Backup = 1,
    /// <summary>Sent on to the administrators.</summary>
    Administrators = 2,
}

/// <summary>
/// An imminent alert nobody acknowledges does not wait: after the clinic's N minutes (default 15) it goes to the
/// clinician's backup, after M more minutes (default 15) to the administrators, each time as a content-free notice.
/// A clinician without a usable backup goes straight to the administrators at the first step.
/// </summary>
public static class Escalation
{
    public const int DefaultBackupAfterMinutes = 15, DefaultAdministratorsAfterMinutes = 15, MinMinutes = 1, MaxMinutes = 24 * 60;

    /// <summary>The step now due for an alert, or null when none is (acknowledged, not imminent, not yet time, or already at the top).</summary>
    public static EscalationLevel? DueStep(ConcernSeverity severity, DateTimeOffset? acknowledgedAt, DateTimeOffset raisedAt, EscalationLevel level,
        DateTimeOffset? escalatedAt, DateTimeOffset now, TimeSpan backupAfter, TimeSpan administratorsAfter)
    {
        if (severity != ConcernSeverity.Imminent || acknowledgedAt is not null) return null;
        return level switch
        {
            EscalationLevel.None when now - raisedAt >= backupAfter => EscalationLevel.Backup,
            EscalationLevel.Backup when escalatedAt is { } at && now - at >= administratorsAfter => EscalationLevel.Administrators,
            _ => null,
        };
    }

    /// <summary>A clinician's backup must be another clinician whose account is active.</summary>
    public static void CheckBackup(Guid clinicianId, Guid backupId, bool backupIsActiveClinician)
    {
        if (backupId == clinicianId) throw new DomainRuleException("Choose another clinician as your backup: you cannot be your own.");
        if (!backupIsActiveClinician) throw new DomainRuleException("Choose an active clinician as your backup.");
    }
}
