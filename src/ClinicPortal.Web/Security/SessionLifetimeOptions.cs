using System.Security.Claims;
using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Web.Security;

/// <summary>
/// ClinicPortal:Sessions — the absolute lifetime of a sign-in, however active it is (the idle time is the clinic's
/// setting): after it, the person signs in again. StaffAbsoluteHours (default 12, a working day) and ClientAbsoluteHours (12).
/// </summary>
public sealed class SessionLifetimeOptions
{
    public double StaffAbsoluteHours { get; set; } = 12;
    public double ClientAbsoluteHours { get; set; } = 12;

    public TimeSpan For(ClaimsPrincipal user) => TimeSpan.FromHours(user.IsInRole(Roles.Client) ? ClientAbsoluteHours : StaffAbsoluteHours);
}
