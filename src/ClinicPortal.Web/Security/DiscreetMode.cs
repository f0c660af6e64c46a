using System.Security.Claims;
using ClinicPortal.Core.Accounts;

namespace ClinicPortal.Web.Security;

/// <summary>
/// A client's discreet mode, carried in the sign-in as a claim (see DisplayNameClaimsFactory) so every page can
/// honour it without a query: neutral titles, the help strip folded into "Help", nothing red.
/// </summary>
public static class DiscreetMode
{
    public const string ClaimType = "discreet";

    public static bool IsOn(ClaimsPrincipal user) => user.IsInRole(Roles.Client) && user.HasClaim(ClaimType, "on");

    /// <summary>The title every page shows in discreet mode, whatever it is.</summary>
    public const string NeutralTitle = "Account";
}
