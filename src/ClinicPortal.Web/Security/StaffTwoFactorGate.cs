using System.Security.Claims;
using ClinicPortal.Core.Accounts;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Security;

/// <summary>
/// With ClinicPortal:RequireStaffTwoFactor on, a clinician or administrator whose account has no
/// authenticator yet reaches nothing but the account pages (enrolment, sign-out) until they set one up.
/// The cookie says whether two-factor is on (<see cref="DisplayNameClaimsFactory.TwoFactorClaimType"/>),
/// so the check needs no query.
/// </summary>
public sealed class StaffTwoFactorGate(RequestDelegate next, IOptions<StaffSecurityOptions> options)
{
    public const string EnrolPath = "/account/two-factor/setup";

    public Task Invoke(HttpContext context)
    {
        if (options.Value.RequireStaffTwoFactor && MustEnrol(context.User) && !IsExempt(context.Request.Path))
        {
            context.Response.Redirect(EnrolPath);
            return Task.CompletedTask;
        }
        return next(context);
    }

    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Clinician);

    public static bool MustEnrol(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && IsStaff(user) && !user.HasClaim(c => c.Type == DisplayNameClaimsFactory.TwoFactorClaimType);

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/error") || path.StartsWithSegments("/healthz");
}
