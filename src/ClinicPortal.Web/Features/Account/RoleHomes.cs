using System.Security.Claims;
using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Web.Features.Account;

/// <summary>Where each role lands after signing in.</summary>
public static class RoleHomes
{
    public const string Clinician = "/clinician";
    public const string Client = "/client";
    public const string Admin = "/admin";

    public static string For(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Clinician) ? Clinician
        : user.IsInRole(Roles.Admin) ? Admin
        : user.IsInRole(Roles.Client) ? Client
        : "/account/sign-in";

    public static string For(IList<string> roles) =>
        roles.Contains(Roles.Clinician) ? Clinician
        : roles.Contains(Roles.Admin) ? Admin
        : roles.Contains(Roles.Client) ? Client
        : "/account/sign-in";
}
