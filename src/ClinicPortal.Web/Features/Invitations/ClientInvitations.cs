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
using ClinicPortal.Web.Features.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>
/// A clinician invites a client by email, or gives them a code in person when email is not safe; the one-time link or
/// code (72 h, single use, replaced by any newer one) lets the client choose a password and lands them on their home.
/// The same flow gives back a sign-in that was re-issued (see <see cref="ClientSignIns"/>): its password was cleared.
/// </summary>
public sealed class ClientInvitations(ClinicDbContext db, UserManager<ApplicationUser> users, AuditTrail audit, PasswordSetter passwords,
    IEmailSender mail, ContactSafetyGate contactSafety, Infrastructure.Clinics.ClinicCalendar settings, TimeProvider clock, PortalLinks links)
{
    public const string WrongDateOfBirth = "That date of birth does not match what your clinician recorded. After a few wrong tries this link stops working; your clinician can send a new one.";
    public const string DateOfBirthRequired = "Record the client's date of birth before inviting them by email: the invitation asks for it, so a forwarded or intercepted email alone cannot open the account. Or give them a code in person.";
    public const string CodeRefused = "That email address and code do not match, or the code is no longer valid. Check the code, or ask your clinician for a new one.";

    public const string MailFailedInstead = "Try again in a few minutes, or give the client a code in person.";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    /// <summary>Sends a new link; throws <see cref="DomainRuleException"/> when the client cannot be invited.</summary>
    public async Task SendAsync(Client client, Guid clinicianId, CancellationToken ct)
    {
        client.EnsureEditable();
        if (client.UserId is not null) throw new DomainRuleException("This client already has a sign-in.");
        await EnsureCanEmailAsync(client, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SendLinkAsync(client, clinicianId, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Refuses, changing nothing, when the client has no email, no recorded date of birth (the emailed link must confirm
    /// who opens it), or email is not safe for them (the hold is recorded).
    /// </summary>
    public async Task EnsureCanEmailAsync(Client client, CancellationToken ct)
    {
        if (client.Email is null) throw new DomainRuleException("Add the client's email address before inviting them.");
        if (client.DateOfBirth is null) throw new DomainRuleException(DateOfBirthRequired);
        // Contact safety first: no invitation goes to an inbox that is not safe; the hold is recorded for the clinician.
        if (await contactSafety.CheckNowAsync(client.Id, OutboxKind.Invitation, ct) is { Sends: false } held)
            throw new DomainRuleException(HeldMessage(held.Reason));
    }

    /// <summary>
    /// A new emailed link (inside the caller's transaction), replacing any open link or code; when the mail cannot be sent
    /// it throws a refusal, and the caller's transaction rolls back.
    /// </summary>
    public async Task SendLinkAsync(Client client, Guid clinicianId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await RevokeOpenAsync(client.Id, ct);
        var (token, secret) = OneTimeToken.Issue(TokenPurposes.ClientInvitation, client.Id, clinicianId, Lifetime, now);
        db.OneTimeTokens.Add(token);
        audit.Add(AuditActions.Invite, AuditRecords.Invitation, token.Id, client.Id);
        await db.SaveChangesAsync(ct);

        // The message names no one and says nothing clinical, in the clinic's discreet wording: mail can be read by others.
        var link = links.Absolute($"/account/invitation?token={secret}");
        var wording = MessageWording.From(await settings.SettingsAsync(ct));
        await InvitationMail.SendAsync(mail, DiscreetMessages.Invitation(wording, client.Email!, link, Lifetime), MailFailedInstead, ct);
    }

    /// <summary>A code for the clinician to give in person (shown once, never stored), replacing any open link or code.</summary>
    public async Task<string> IssueCodeAsync(Client client, Guid clinicianId, CancellationToken ct)
    {
        if (client.Email is null) throw new DomainRuleException("Add the client's email address first: it is the address they sign in with.");
        await RevokeOpenAsync(client.Id, ct);
        var (token, code) = OneTimeToken.IssueCode(client.Id, clinicianId, Lifetime, clock.GetUtcNow());
        db.OneTimeTokens.Add(token);
        audit.Add(AuditActions.Invite, AuditRecords.Invitation, token.Id, client.Id);
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>
    /// The client an in-person code is for, found by the email address it was given with; null when they do not match.
    /// A wrong code does not void the right one: the code cannot be guessed (about 49 bits, and the page is rate limited),
    /// and voiding it on failures would let anyone who knows the client's address cancel it.
    /// </summary>
    public async Task<(OneTimeToken Token, Client Client)?> FindByCodeAsync(string? email, string? code, CancellationToken ct)
    {
        var normalized = InPersonCode.Normalize(code);
        var address = email?.Trim().ToLowerInvariant();
        if (normalized is null || string.IsNullOrEmpty(address)) return null;
        var hash = OneTimeToken.Hash(normalized);
        var token = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.InPersonCode, ct);
        if (token is null || !token.IsUsable(clock.GetUtcNow()) || token.SubjectId is not { } clientId) return null;
        var client = await db.Clients.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        return client is not null && client.Email == address && await AwaitsPasswordAsync(client, ct) ? (token, client) : null;
    }

    /// <summary>Counts a wrong answer on an invitation link (saves); true when the link is now void.</summary>
    public async Task<bool> RecordWrongAnswerAsync(OneTimeToken token, CancellationToken ct)
    {
        var isVoid = token.RecordFailure(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return isVoid;
    }

    /// <summary>Voids every open link and code of the client (a newer one, or discharge); the caller saves.</summary>
    public async Task RevokeOpenAsync(Guid clientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var previous in await OpenInvitations(clientId).ToListAsync(ct)) previous.Revoke(now);
    }

    /// <summary>A client can accept when they have no sign-in yet, or one that was re-issued (no password, not yet accepted).</summary>
    private async Task<bool> AwaitsPasswordAsync(Client client, CancellationToken ct) =>
        client.Email is not null && !client.IsReadOnly
        && (client.UserId is not { } userId || await db.Users.AnyAsync(u => u.Id == userId && u.PasswordHash == null, ct));

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

    /// <summary>
    /// The client the link is for, or null when the link is unknown, used, replaced or expired, or the client's date of
    /// birth is no longer recorded (the link alone never opens an account).
    /// </summary>
    public async Task<(OneTimeToken Token, Client Client)?> FindAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = OneTimeToken.Hash(secret);
        var token = await db.OneTimeTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == TokenPurposes.ClientInvitation, ct);
        if (token is null || !token.IsUsable(clock.GetUtcNow()) || token.SubjectId is not { } clientId) return null;
        // The visitor is not signed in yet; the valid token itself is the authority to read this one client.
        var client = await db.Clients.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        return client is { DateOfBirth: not null } && await AwaitsPasswordAsync(client, ct) ? (token, client) : null;
    }

    /// <summary>Creates the client's account with the chosen password; returns Identity's errors if it refuses.</summary>
    public async Task<(ApplicationUser? User, IEnumerable<string> Errors)> AcceptAsync(OneTimeToken token, Client client, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (client.UserId is { } userId) return await RestoreAsync(token, client, userId, password, ct);
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

    /// <summary>A re-issued sign-in: the client's existing account gets the chosen password and is open again.</summary>
    private async Task<(ApplicationUser? User, IEnumerable<string> Errors)> RestoreAsync(OneTimeToken token, Client client, Guid userId, string password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The client's sign-in is missing");
        var problems = await passwords.ProblemsAsync(user, password);
        if (problems.Count > 0) return (null, problems);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.IsActive = true;
        token.MarkUsed(clock.GetUtcNow());
        audit.AddAs(user.Id, "client", AuditActions.AcceptInvitation, AuditRecords.Invitation, token.Id, client.Id);
        await passwords.SetAsync(user, password); // saves the account, the token and the audit row
        await tx.CommitAsync(ct);
        return (user, []);
    }

    private IQueryable<OneTimeToken> OpenInvitations(Guid clientId) =>
        db.OneTimeTokens.Where(t => (t.Purpose == TokenPurposes.ClientInvitation || t.Purpose == TokenPurposes.InPersonCode)
            && t.SubjectId == clientId && t.UsedAt == null && t.RevokedAt == null);
}
