using ClinicPortal.Core.Accounts;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Startup;

/// <summary>
/// A production install starts with no accounts and no default password: the first administrator
/// comes from configuration (ClinicPortal:BootstrapAdmin) or from a one-time setup link printed at start-up.
/// </summary>
public sealed class FirstAdministrator(UserManager<ApplicationUser> users, ClinicDbContext db, TimeProvider clock,
    IConfiguration configuration, ILogger<FirstAdministrator> logger)
{
    public static readonly TimeSpan SetupLinkLifetime = TimeSpan.FromHours(24);

    public async Task EnsureAsync(WebApplication app)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;

        var email = configuration["ClinicPortal:BootstrapAdmin:Email"];
        var password = configuration["ClinicPortal:BootstrapAdmin:Password"];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(password))
        {
            var result = await CreateAsync(email, "Administrator", password);
            // Instances starting together race for this; the loser finds the winner's administrator.
            if (!result.Succeeded && (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
            if (!result.Succeeded)
                throw new InvalidOperationException("ClinicPortal:BootstrapAdmin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            logger.LogInformation("Created the bootstrap administrator from configuration");
            return;
        }

        // Earlier setup links are revoked so only the newest printed one works.
        var now = clock.GetUtcNow();
        foreach (var old in await db.OneTimeTokens.Where(t => t.Purpose == TokenPurposes.AdminSetup && t.UsedAt == null && t.RevokedAt == null).ToListAsync())
            old.Revoke(now);
        var (token, secret) = OneTimeToken.Issue(TokenPurposes.AdminSetup, null, null, SetupLinkLifetime, now);
        db.OneTimeTokens.Add(token);
        await db.SaveChangesAsync();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var baseUrl = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
            logger.LogWarning("No administrator exists yet. Create one within 24 hours at: {SetupUrl}", $"{baseUrl}/account/setup?token={secret}");
        });
    }

    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password)
    {
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, Roles.Admin) : created;
    }
}
