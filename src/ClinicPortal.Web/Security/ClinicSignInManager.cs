using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Security;

/// <summary>
/// Identity's sign-in manager with one clinic rule: a deactivated account cannot sign in (password or
/// code step) and its existing sessions fail their next security-stamp check (at most a minute later).
/// </summary>
public sealed class ClinicSignInManager(UserManager<ApplicationUser> users, IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => user.IsActive && await base.CanSignInAsync(user);

    /// <summary>
    /// The password step of signing in, in an order that tells nobody whether an account exists: an unknown account
    /// (or one without a password) costs the same password hash as a known one, a wrong password is "failed" whatever
    /// the account's state, and only the right password learns that the account is paused or needs a code. A wrong
    /// password never counts toward lockout (that would let anyone lock a client out); rate limits slow guessing.
    /// </summary>
    public async Task<SignInResult> PasswordFirstSignInAsync(ApplicationUser? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash(), password);
            return SignInResult.Failed;
        }
        if (!await UserManager.CheckPasswordAsync(user, password)) return SignInResult.Failed;
        if (!await CanSignInAsync(user)) return SignInResult.NotAllowed;
        if (await UserManager.IsLockedOutAsync(user)) return SignInResult.LockedOut;
        return await SignInOrTwoFactorAsync(user, isPersistent: false);
    }

    private static readonly ApplicationUser Decoy = new() { Id = Guid.Empty };
    private static string? _decoyHash;

    private string DecoyHash() => _decoyHash ??= UserManager.PasswordHasher.HashPassword(Decoy, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

    public override async Task<bool> ValidateSecurityStampAsync(ApplicationUser? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
