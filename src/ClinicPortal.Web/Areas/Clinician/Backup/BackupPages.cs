namespace ClinicPortal.Web.Areas.Clinician.Backup;

/// <param name="AfterMinutes">The clinic's N: how long an imminent alert waits before it goes to the backup.</param>
/// <param name="ContactAttempts">How the clinic rates a contact attempt reported in a check-in, so the mail choice can say what it covers.</param>
public sealed record BackupPage(BackupForm Form, string? CurrentName, int AfterMinutes, AlertMailForm Mail, Core.Safety.ConcernSeverity ContactAttempts);
