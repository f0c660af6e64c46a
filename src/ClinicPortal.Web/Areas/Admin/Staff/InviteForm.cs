using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Web.Areas.Admin.Staff;

public sealed class InviteForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; } = Roles.Clinician;
}
