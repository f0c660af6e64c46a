using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Staff;

public sealed record StaffRow(Guid Id, string DisplayName, string Email, string Role, bool IsActive, bool HasAccepted, bool TwoFactorEnabled,
    DateTimeOffset? LastSignInAt, DateTimeOffset? InvitationExpiresAt, int OpenClients)
{
    public string State => !IsActive ? "Deactivated" : HasAccepted ? "Active" : InvitationExpiresAt is null ? "Invitation expired" : "Invited";
}

/// <summary>
/// The clinic's clinicians and administrators: list, deactivate, reactivate, reset two-step sign-in.
/// A deactivated account cannot sign in, and its security stamp changes so every open session of it ends
/// at the next stamp check (within a minute, SecurityStampValidatorOptions.ValidationInterval).
/// </summary>
public sealed class StaffAccounts(ClinicDbContext db, UserManager<ApplicationUser> users, StaffInvitations invitations, AuditTrail audit, SignOutEverywhere sessions)
{
    /// <summary>Staff (not clients), with what an administrator needs to manage them; no client names.</summary>
    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken ct)
    {
        var staff = await StaffQuery()
            .Select(s => new { s.User.Id, s.User.DisplayName, s.User.Email, s.Role, s.User.IsActive, s.User.EmailConfirmed, s.User.TwoFactorEnabled, s.User.LastSignInAt })
            .ToListAsync(ct);
        staff = staff.DistinctBy(s => s.Id).ToList();
        var ids = staff.Select(s => s.Id).ToList();
        var openClients = await db.Clients.Where(c => ids.Contains(c.PrimaryClinicianId) && c.Status != ClientStatus.Discharged)
            .GroupBy(c => c.PrimaryClinicianId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rows = new List<StaffRow>();
        foreach (var s in staff.OrderBy(s => !s.IsActive).ThenBy(s => s.DisplayName))
            rows.Add(new StaffRow(s.Id, s.DisplayName, s.Email ?? "", s.Role, s.IsActive, s.EmailConfirmed, s.TwoFactorEnabled, s.LastSignInAt,
                s.EmailConfirmed ? null : await invitations.PendingUntilAsync(s.Id, ct), openClients.GetValueOrDefault(s.Id)));
        return rows;
    }

    /// <summary>A staff account by id; null for unknown ids and for clients' sign-ins (not managed here).</summary>
    public async Task<(ApplicationUser User, StaffMember Member)?> FindAsync(Guid id, CancellationToken ct)
    {
        var found = await StaffQuery().Where(s => s.User.Id == id).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.User, Member(found.User, found.Role));
    }

    public async Task DeactivateAsync(Guid id, Guid actorId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One deactivation at a time, so two administrators cannot deactivate each other at once and leave none.
        await db.Database.LockAsync(LockName.StaffDeactivation, ct);
        var (user, member) = await FindAsync(id, ct) ?? throw new KeyNotFoundException();
        var everyone = await StaffQuery().Select(s => new { s.User, s.Role }).ToListAsync(ct);
        var openClients = await db.Clients.CountAsync(c => c.PrimaryClinicianId == id && c.Status != ClientStatus.Discharged, ct);
        StaffRules.EnsureCanDeactivate(member, actorId, everyone.Select(s => Member(s.User, s.Role)), openClients);

        user.IsActive = false;
        await invitations.RevokeOpenAsync(id, ct);
        audit.Add(AuditActions.Deactivate, AuditRecords.Account, id, null);
        await sessions.EndAllSessionsAsync(user); // saves; every session of the account fails its next stamp check
        await tx.CommitAsync(ct);
    }

    public async Task ReactivateAsync(Guid id, CancellationToken ct)
    {
        var (user, member) = await FindAsync(id, ct) ?? throw new KeyNotFoundException();
        StaffRules.EnsureCanReactivate(member);
        user.IsActive = true;
        audit.Add(AuditActions.Reactivate, AuditRecords.Account, id, null);
        Check(await users.UpdateAsync(user));
    }

    /// <summary>Removes the authenticator and recovery codes and ends the person's sessions; they set it up again at the next sign-in.</summary>
    public async Task ResetTwoFactorAsync(Guid id, CancellationToken ct)
    {
        var (user, _) = await FindAsync(id, ct) ?? throw new KeyNotFoundException();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"));
        audit.Add(AuditActions.ResetTwoFactor, AuditRecords.Account, id, null);
        await sessions.EndAllSessionsAsync(user);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Re-issues a staff sign-in (a lost or exposed password): every session ends, the password, authenticator and recovery
    /// codes are cleared, and a new invitation goes to their address, as for a new colleague. Not for one's own account.
    /// </summary>
    public async Task ReissueAsync(Guid id, Guid actorId, CancellationToken ct)
    {
        if (id == actorId) throw new DomainRuleException("To change your own password, use Sign-in security. Another administrator can re-issue your sign-in.");
        var (user, member) = await FindAsync(id, ct) ?? throw new KeyNotFoundException();
        if (!member.IsActive) throw new DomainRuleException("Reactivate the account before re-issuing its sign-in.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.EmailConfirmed = false; // back to "invited": only the new link opens it
        audit.Add(AuditActions.ReissueSignIn, AuditRecords.Account, id, null);
        await sessions.ClearSignInAsync(user); // saves the above
        await invitations.SendNewLinkAsync(user, actorId, ct);
        await tx.CommitAsync(ct);
    }

    private sealed class StaffUser
    {
        public required ApplicationUser User { get; init; }
        public required string Role { get; init; }
    }

    private IQueryable<StaffUser> StaffQuery() =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Admin || r.Name == Roles.Clinician
        orderby r.Name // "Admin" before "Clinician", should anyone hold both
        select new StaffUser { User = u, Role = r.Name! };

    private static StaffMember Member(ApplicationUser u, string role) => new(u.Id, role, u.IsActive, u.EmailConfirmed);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
