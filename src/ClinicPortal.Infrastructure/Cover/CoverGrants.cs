using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Cover;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Cover;

/// <summary>
/// Giving and revoking cover, for the clinician's own page and the administrators' alike: the rules are
/// <see cref="CoverGrant"/>'s, this reads what they need and audits. Nothing is saved unless every client passes.
/// </summary>
public sealed class CoverGrants(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar)
{
    /// <summary>One cover per chosen client; refused as a whole (<see cref="DomainRuleException"/>) when any is.</summary>
    public async Task<int> GiveAsync(Guid grantorClinicianId, CoverTerms terms, IReadOnlyCollection<Guid> clientIds, CoverActor by, CancellationToken ct)
    {
        var ids = clientIds.Distinct().ToList();
        if (ids.Count == 0) throw new DomainRuleException("Choose at least one client to cover.");
        var (zone, today, now) = (await calendar.ZoneAsync(ct), await calendar.TodayAsync(ct), calendar.UtcNow);
        var covering = terms.CoveringClinicianId;
        var active = covering != Guid.Empty && await db.ActiveInRole(Roles.Clinician).AnyAsync(c => c.Id == covering, ct);
        CoverGrant.CheckTerms(grantorClinicianId, terms, active, today); // once, before anything about the clients
        // Through the caller's filters: a client they cannot reach reads as outside the caseload, like one of another clinician's.
        var clinicianOf = await db.Clients.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.PrimaryClinicianId, ct);
        // Two identical covers posted at once (two windows, a double click) would both pass the overlap check without this.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockAsync(LockName.CoverFor(covering), ct);
        var existing = await db.CoverGrants.Where(g => ids.Contains(g.ClientId) && g.CoveringClinicianId == covering).ToListAsync(ct);
        foreach (var clientId in ids)
        {
            var grant = CoverGrant.Give(clientId, clinicianOf.GetValueOrDefault(clientId), grantorClinicianId, terms, active, existing, by, today, zone, now);
            db.Add(grant);
            audit.Add(AuditActions.Create, AuditRecords.CoverGrant, grant.Id, clientId);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ids.Count;
    }

    /// <summary>Ends a cover early (the caller found it, or answered 404); refused when it has already ended.</summary>
    public async Task<string> RevokeAsync(CoverGrant grant, CoverActor by, CancellationToken ct)
    {
        grant.Revoke(by, calendar.UtcNow);
        audit.Add(AuditActions.Revoke, AuditRecords.CoverGrant, grant.Id, grant.ClientId);
        await db.SaveChangesAsync(ct);
        return "Cover revoked: it has ended.";
    }
}
