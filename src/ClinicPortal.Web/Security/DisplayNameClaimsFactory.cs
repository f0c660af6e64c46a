using System.Security.Claims;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Security;

/// <summary>Adds the user's display name (and whether two-factor sign-in and discreet mode are on) to the cookie so pages need no query.</summary>
public sealed class DisplayNameClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string ClaimType = "display_name";
    public const string TwoFactorClaimType = "two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorClaimType, "on"));
        if (user.DiscreetMode) identity.AddClaim(new Claim(DiscreetMode.ClaimType, "on"));
        return identity;
    }
}
