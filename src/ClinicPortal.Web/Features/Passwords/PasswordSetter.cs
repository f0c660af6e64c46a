using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Features.Passwords;

/// <summary>
/// Sets a password chosen through a link or a code (reset, invitation to an existing sign-in, in-person code): checked
/// against the password rules first, so a weak one changes nothing; then every other session ends.
/// </summary>
public sealed class PasswordSetter(UserManager<ApplicationUser> users, SignOutEverywhere sessions)
{
    /// <summary>What is wrong with the password (Identity's rules: length, kinds of characters); empty when it is fine.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(ApplicationUser user, string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems;
    }

    /// <summary>Sets a password that passed <see cref="ProblemsAsync"/>, lifts any lockout and ends every session (saves).</summary>
    public async Task SetAsync(ApplicationUser user, string password)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await sessions.EndAllSessionsAsync(user);
    }
}
