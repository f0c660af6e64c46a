using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Identity;

/// <summary>A sign-in: staff member or client. Clinical data refers to it by id only.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>A client's own choice: the help strip folds into a small "Help" control, titles stay neutral, nothing red.</summary>
    public bool DiscreetMode { get; set; }
    /// <summary>A clinician's backup: who gets their imminent alerts that stay unacknowledged (Core/Safety/Escalation).</summary>
    public Guid? BackupClinicianId { get; set; }
    /// <summary>A clinician's choice: the lowest alert severity that also reaches them by email (imminent only by default; Core/Safety/AlertRules.Emails).</summary>
    public Core.Safety.ConcernSeverity AlertMailFrom { get; set; } = Core.Safety.ConcernSeverity.Imminent;
}
