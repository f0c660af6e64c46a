using System.Security.Claims;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Security;

/// <summary>Adds the user's display name to the cookie so the header needs no query.</summary>
public sealed class DisplayNameClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        return identity;
    }
}
