using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Passwords;

/// <summary>
/// Forgotten passwords: a one-time link by email (30 minutes, single use, only its hash stored, replaced by a newer
/// one). Sent only to an active account, at most <see cref="AccountRateLimits.ResetMailsPerAccount"/>, and for a
/// client only when their contact-safety profile allows email (otherwise the hold is recorded for the clinician).
/// The visitor is told the same thing in every case.
/// </summary>
public sealed class PasswordResets(ClinicDbContext db, UserManager<ApplicationUser> users, PasswordSetter passwords, ContactSafetyGate contactSafety,
    IEmailSender mail, ClinicCalendar calendar, PortalLinks links, AuditTrail audit, AccountRateLimits limits, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public async Task RequestAsync(string email, CancellationToken ct)
    {
        if (!limits.TryResetMail(email)) return;
        if (await users.FindByEmailAsync(email) is not { IsActive: true, Email: { } address } user) return;
        var (_, clientId) = await WhoAsync(user, ct);
        if (clientId is { } id && await contactSafety.CheckNowAsync(id, OutboxKind.PasswordReset, ct) is { Sends: false }) return;

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var open in await Open(user.Id).ToListAsync(ct)) open.Revoke(now);
        var (token, secret) = OneTimeToken.Issue(TokenPurposes.PasswordReset, user.Id, null, Lifetime, now);
        db.OneTimeTokens.Add(token);
        // Whoever asked is not signed in (anyone can type an address): the row names the account, not an actor.
        audit.Add(AuditActions.RequestPasswordReset, AuditRecords.Account, user.Id, clientId);
        await db.SaveChangesAsync(ct);
        var wording = MessageWording.From(await calendar.SettingsAsync(ct));
        await mail.SendAsync(DiscreetMessages.PasswordReset(wording, address, links.Absolute($"/account/reset-password?token={secret}"), Lifetime), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The link's token and its account; null when the link is unknown, used, replaced, expired or the account is closed.</summary>
    public async Task<(OneTimeToken Token, ApplicationUser User)?> FindAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = OneTimeToken.Hash(secret);
        var token = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.PasswordReset, ct);
        if (token is null || !token.IsUsable(clock.GetUtcNow()) || token.SubjectId is not { } userId) return null;
        return await users.FindByIdAsync(userId.ToString()) is { IsActive: true } user ? (token, user) : null;
    }

    /// <summary>Sets the new password and uses up the link; returns what is wrong with the password instead, changing nothing.</summary>
    public async Task<IReadOnlyList<string>> ResetAsync(OneTimeToken token, ApplicationUser user, string password, CancellationToken ct)
    {
        var problems = await passwords.ProblemsAsync(user, password);
        if (problems.Count > 0) return problems;
        var (role, clientId) = await WhoAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        token.MarkUsed(clock.GetUtcNow());
        audit.AddAs(user.Id, role, AuditActions.ResetPassword, AuditRecords.Account, user.Id, clientId);
        await passwords.SetAsync(user, password); // saves the token and the audit row with it
        await tx.CommitAsync(ct);
        return [];
    }

    private async Task<(string Role, Guid? ClientId)> WhoAsync(ApplicationUser user, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        var role = Roles.All.FirstOrDefault(roles.Contains) ?? Roles.Client;
        Guid? clientId = role == Roles.Client
            ? await db.Clients.IgnoreQueryFilters().Where(c => c.UserId == user.Id).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct)
            : null;
        return (role.ToLowerInvariant(), clientId);
    }

    private IQueryable<OneTimeToken> Open(Guid userId) =>
        db.OneTimeTokens.Where(t => t.Purpose == TokenPurposes.PasswordReset && t.SubjectId == userId && t.UsedAt == null && t.RevokedAt == null);
}
