using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>
/// A clinician invites a client by email; the one-time link (72 h, single use, replaced by any newer
/// invitation) lets the client choose a password and lands them on their home.
/// </summary>
public sealed class ClientInvitations(ClinicDbContext db, UserManager<ApplicationUser> users, AuditTrail audit,
    IEmailSender mail, ContactSafetyGate contactSafety, Infrastructure.Clinics.ClinicCalendar settings, TimeProvider clock, PortalLinks links)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    /// <summary>Sends a new link; throws <see cref="DomainRuleException"/> when the client cannot be invited.</summary>
    public async Task SendAsync(Client client, Guid clinicianId, CancellationToken ct)
    {
        client.EnsureEditable();
        if (client.UserId is not null) throw new DomainRuleException("This client already has a sign-in.");
        if (client.Email is null) throw new DomainRuleException("Add the client's email address before inviting them.");
        // Contact safety first: no invitation goes to an inbox that is not safe; the hold is recorded for the clinician.
        if (await contactSafety.CheckNowAsync(client.Id, OutboxKind.Invitation, ct) is { Sends: false } held)
            throw new DomainRuleException(HeldMessage(held.Reason));

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var previous in await OpenInvitations(client.Id).ToListAsync(ct)) previous.Revoke(now);
        var (token, secret) = OneTimeToken.Issue(TokenPurposes.ClientInvitation, client.Id, clinicianId, Lifetime, now);
        db.OneTimeTokens.Add(token);
        audit.Add(AuditActions.Invite, AuditRecords.Invitation, token.Id, client.Id);
        await db.SaveChangesAsync(ct);

        // The message names no one and says nothing clinical, in the clinic's discreet wording: mail can be read by others.
        var link = links.Absolute($"/account/invitation?token={secret}");
        var wording = MessageWording.From(await settings.SettingsAsync(ct));
        await mail.SendAsync(DiscreetMessages.Invitation(wording, client.Email, link, Lifetime), ct);
        await tx.CommitAsync(ct);
    }

    public static string HeldMessage(HoldReason? reason) =>
        $"{ContactSafetyLabels.Held}: the invitation was not sent ({ContactSafetyLabels.Of(reason ?? HoldReason.EmailNotSafe)}). "
        + "Invite the client once email is safe for them, as recorded under Contact safety.";

    public async Task<bool> HasPendingAsync(Guid clientId, CancellationToken ct) => await Pending(clientId).AnyAsync(ct);

    /// <summary>The client's invitations still waiting to be accepted, for composing into a larger query.</summary>
    public IQueryable<OneTimeToken> Pending(Guid clientId)
    {
        var now = clock.GetUtcNow();
        return OpenInvitations(clientId).Where(t => t.ExpiresAt > now);
    }

    /// <summary>The client the link is for, or null when the link is unknown, used, replaced or expired.</summary>
    public async Task<(OneTimeToken Token, Client Client)?> FindAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = OneTimeToken.Hash(secret);
        var token = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.ClientInvitation, ct);
        if (token is null || !token.IsUsable(clock.GetUtcNow()) || token.SubjectId is not { } clientId) return null;
        // The visitor is not signed in yet; the valid token itself is the authority to read this one client.
        var client = await db.Clients.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        return client is null || client.UserId is not null || client.Email is null ? null : (token, client);
    }

    /// <summary>Creates the client's account with the chosen password; returns Identity's errors if it refuses.</summary>
    public async Task<(ApplicationUser? User, IEnumerable<string> Errors)> AcceptAsync(OneTimeToken token, Client client, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await users.FindByEmailAsync(client.Email!) is not null)
            return (null, ["An account with this email address already exists. Please contact your clinic."]);

        var user = new ApplicationUser
        {
            UserName = client.Email, Email = client.Email, EmailConfirmed = true, CreatedAt = now,
            DisplayName = client.PreferredName ?? client.FullName.Split(' ')[0],
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.Client);
        if (!created.Succeeded) return (null, created.Errors.Select(e => e.Description));

        client.LinkAccount(user.Id, now);
        token.MarkUsed(now);
        audit.AddAs(user.Id, "client", AuditActions.AcceptInvitation, AuditRecords.Invitation, token.Id, client.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (user, []);
    }

    private IQueryable<OneTimeToken> OpenInvitations(Guid clientId) =>
        db.OneTimeTokens.Where(t => t.Purpose == TokenPurposes.ClientInvitation && t.SubjectId == clientId && t.UsedAt == null && t.RevokedAt == null);
}
