using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Features.Invitations;

/// <summary>
/// A client's own sign-in as their clinician manages it. Re-issue: every session ends, the password, authenticator and
/// recovery codes are cleared (so whoever knew them is out, and cannot have locked the client out with two-step
/// sign-in), then a new link goes by email or a code is shown for the clinician to give in person. Discharge ends the
/// sign-in; after re-admission a re-issue opens it again. The sign-in address always follows the client's email.
/// </summary>
public sealed class ClientSignIns(ClinicDbContext db, UserManager<ApplicationUser> users, ClientInvitations invitations,
    SignOutEverywhere sessions, AuditTrail audit)
{
    public const string EmailInUse = "Another account already signs in with this email address. Use a different address, or ask your clinic administrator.";
    public const string EmailRequired = "This client signs in with their email address, so it cannot be removed. Change it to their new address instead.";
    public const string NoSignInYet = "This client has no sign-in yet: invite them instead.";

    /// <summary>Re-issues the client's sign-in; returns the in-person code to show once, or null when a link was emailed.</summary>
    public async Task<string?> ReissueAsync(Client client, Guid clinicianId, ReissueMethod method, CancellationToken ct)
    {
        client.EnsureEditable();
        if (client.UserId is not { } userId) throw new DomainRuleException(NoSignInYet);
        if (!Enum.IsDefined(method)) throw new DomainRuleException("Choose how the client gets their new sign-in.");
        if (method == ReissueMethod.Email) await invitations.EnsureCanEmailAsync(client, ct);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new KeyNotFoundException();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(AuditActions.ReissueSignIn, AuditRecords.Account, user.Id, client.Id);
        await sessions.ClearSignInAsync(user); // saves the audit row with it
        string? code = null;
        if (method == ReissueMethod.Email) await invitations.SendLinkAsync(client, clinicianId, ct);
        else code = await invitations.IssueCodeAsync(client, clinicianId, ct);
        await tx.CommitAsync(ct);
        return code;
    }

    /// <summary>
    /// At discharge (in the same unit of work as the status change): open invitations and codes are voided, the sign-in
    /// is closed and every session ends within a minute. Saves the unit of work.
    /// </summary>
    public async Task EndAccessAsync(Client client, CancellationToken ct)
    {
        await invitations.RevokeOpenAsync(client.Id, ct); // an unused link or code must not reopen access after re-admission
        if (client.UserId is not { } userId || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            await db.SaveChangesAsync();
            return;
        }
        user.IsActive = false;
        audit.Add(AuditActions.EndAccess, AuditRecords.Account, user.Id, client.Id);
        await sessions.EndAllSessionsAsync(user);
    }

    /// <summary>
    /// One address: after the clinician changes the client's email, the sign-in address follows (checked unique).
    /// Throws a refusal, changing nothing, when the address is taken or was removed. Saves the unit of work.
    /// </summary>
    public async Task FollowEmailAsync(Client client)
    {
        if (client.UserId is not { } userId || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            await db.SaveChangesAsync();
            return;
        }
        if (client.Email is not { } email) throw new DomainRuleException(EmailRequired);
        if (string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            await db.SaveChangesAsync();
            return;
        }
        if (await users.FindByEmailAsync(email) is { } other && other.Id != user.Id) throw new DomainRuleException(EmailInUse);
        user.Email = user.UserName = email;
        user.NormalizedEmail = users.NormalizeEmail(email);
        user.NormalizedUserName = users.NormalizeName(email);
        audit.Add(AuditActions.ChangeSignInEmail, AuditRecords.Account, user.Id, client.Id);
        var result = await users.UpdateAsync(user); // validates uniqueness again, then saves the client change with it
        if (!result.Succeeded) throw new DomainRuleException(EmailInUse);
    }
}
