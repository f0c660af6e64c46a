using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Email;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>
/// An administrator invites a clinician or administrator by email. The account is created at once (no
/// password, email not yet confirmed, so it cannot sign in) and the one-time link (72 h, single use,
/// replaced by a newer one) lets the person choose a password; they then set up two-step sign-in.
/// </summary>
public sealed class StaffInvitations(ClinicDbContext db, UserManager<ApplicationUser> users, AuditTrail audit,
    IEmailSender mail, TimeProvider clock, PortalLinks links)
{
    public const string Path = "/account/staff-invitation";
    public const string MailFailedInstead = "Try again in a few minutes.";

    /// <summary>Creates the account and mails the link; throws <see cref="DomainRuleException"/> and saves nothing when refused.</summary>
    public async Task<ApplicationUser> InviteAsync(string? email, string? displayName, string? role, Guid adminId, CancellationToken ct)
    {
        var request = StaffRules.ValidateInvitation(email, displayName, role);
        if (await users.FindByEmailAsync(request.Email) is not null) throw new DomainRuleException(StaffRules.ExistingEmailMessage);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new ApplicationUser
        {
            UserName = request.Email, Email = request.Email, EmailConfirmed = false, DisplayName = request.DisplayName, CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            var created = await users.CreateAsync(user);
            if (created.Succeeded) created = await users.AddToRoleAsync(user, request.Role);
            if (!created.Succeeded)
                throw new DomainRuleException(created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                    ? StaffRules.ExistingEmailMessage
                    : string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException(StaffRules.ExistingEmailMessage); // the same address invited at the same moment
        }
        var secret = Issue(user.Id, adminId);
        audit.Add(AuditActions.Invite, AuditRecords.Account, user.Id, null);
        await db.SaveChangesAsync(ct);
        await SendAsync(request.Email, secret, ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>A fresh link for someone who has not accepted yet; earlier links stop working.</summary>
    public async Task ResendAsync(ApplicationUser user, Guid adminId, CancellationToken ct)
    {
        if (user.EmailConfirmed) throw new DomainRuleException("This person has already accepted the invitation.");
        if (!user.IsActive) throw new DomainRuleException("Reactivate the account before sending a new invitation.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SendNewLinkAsync(user, adminId, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A new link replacing any open one, inside the caller's transaction (a resend, or a re-issued sign-in).</summary>
    public async Task SendNewLinkAsync(ApplicationUser user, Guid adminId, CancellationToken ct)
    {
        await RevokeOpenAsync(user.Id, ct);
        var secret = Issue(user.Id, adminId);
        audit.Add(AuditActions.Invite, AuditRecords.Account, user.Id, null);
        await db.SaveChangesAsync(ct);
        await SendAsync(user.Email!, secret, ct);
    }

    /// <summary>Revokes unused links (deactivation); the caller saves.</summary>
    public async Task RevokeOpenAsync(Guid userId, CancellationToken ct)
    {
        foreach (var open in await OpenInvitations(userId).ToListAsync(ct)) open.Revoke(clock.GetUtcNow());
    }

    public async Task<DateTimeOffset?> PendingUntilAsync(Guid userId, CancellationToken ct) =>
        await OpenInvitations(userId).Where(t => t.ExpiresAt > clock.GetUtcNow()).MaxAsync(t => (DateTimeOffset?)t.ExpiresAt, ct);

    /// <summary>The account the link is for, or null when the link is unknown, used, replaced or expired, or the account was deactivated.</summary>
    public async Task<(OneTimeToken Token, ApplicationUser User)?> FindAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = OneTimeToken.Hash(secret);
        var token = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.StaffInvitation, ct);
        if (token is null || !token.IsUsable(clock.GetUtcNow()) || token.SubjectId is not { } userId) return null;
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null || user.EmailConfirmed || !user.IsActive ? null : (token, user);
    }

    /// <summary>Sets the chosen password and confirms the address; returns Identity's complaints if it refuses the password.</summary>
    public async Task<IReadOnlyList<string>> AcceptAsync(OneTimeToken token, ApplicationUser user, string password, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return result.Errors.Select(e => e.Description).ToList();

        user.EmailConfirmed = true;
        token.MarkUsed(clock.GetUtcNow());
        var role = (await users.GetRolesAsync(user)).FirstOrDefault()?.ToLowerInvariant() ?? "anonymous";
        audit.AddAs(user.Id, role, AuditActions.AcceptInvitation, AuditRecords.Account, user.Id, null);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return updated.Errors.Select(e => e.Description).ToList();
        await tx.CommitAsync(ct);
        return [];
    }

    private string Issue(Guid userId, Guid adminId)
    {
        var (token, secret) = OneTimeToken.Issue(TokenPurposes.StaffInvitation, userId, adminId, StaffRules.InvitationLifetime, clock.GetUtcNow());
        db.OneTimeTokens.Add(token);
        return secret;
    }

    /// <summary>Mails the link inside the caller's transaction; a mail failure is a refusal and the transaction rolls back.</summary>
    private Task SendAsync(string to, string secret, CancellationToken ct)
    {
        var link = links.Absolute($"{Path}?token={secret}");
        // Names nobody and says nothing about the clinic's clients.
        return InvitationMail.SendAsync(mail, new EmailMessage(to, "You have been invited to ClinicPortal",
            $"""
            Hello,

            You have been invited to join your clinic's team on ClinicPortal.
            Choose your password here within 72 hours:

            {link}

            You will then set up two-step sign-in with an authenticator app on your phone.
            The link works once. If you did not expect this message, you can ignore it.
            """), MailFailedInstead, ct);
    }

    private IQueryable<OneTimeToken> OpenInvitations(Guid userId) =>
        db.OneTimeTokens.Where(t => t.Purpose == TokenPurposes.StaffInvitation && t.SubjectId == userId && t.UsedAt == null && t.RevokedAt == null);
}
