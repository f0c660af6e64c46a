using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicPortal.Web.Areas.Clinician.Backup;

/// <summary>The clinician's backup for unacknowledged imminent alerts; empty for none.</summary>
public sealed class BackupForm
{
    [BindingMessage("Choose a clinician from the list.")]
    public Guid? BackupClinicianId { get; set; }

    /// <summary>The active clinicians one may choose (not oneself).</summary>
    [BindNever]
    public IReadOnlyList<(Guid Id, string Name)> Choices { get; set; } = [];
}
