namespace ClinicPortal.Web.Areas.Clinician.Backup;

/// <param name="AfterMinutes">The clinic's N: how long an imminent alert waits before it goes to the backup.</param>
public sealed record BackupPage(BackupForm Form, string? CurrentName, int AfterMinutes);
