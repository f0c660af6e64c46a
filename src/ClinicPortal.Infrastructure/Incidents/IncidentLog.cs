using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Incidents;

/// <summary>One entry's or addendum's hash check: "intact", or "does not match" once the stored content was changed.</summary>
public sealed record IncidentCheck(Guid Id, Guid IncidentId, bool IsAddendum, bool Intact);

/// <summary>
/// Writes and checks a client's incident log: every write goes through here, so the person named is checked with both
/// ids, the hash is taken by the one rule, and each write and read is audited. A private entry writes no audit rows
/// (staff read the audit log, and even a verb and an id would tell them it exists), as private journal entries do.
/// Each method saves its own unit of work; a refusal throws <see cref="DomainRuleException"/> before anything is saved.
/// </summary>
public sealed class IncidentLog(ClinicDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<IncidentEntry> WriteAsync(Guid clientId, IncidentDetails details, bool isPrivate, IncidentAuthor by, Guid byUserId,
        CancellationToken ct, Guid? fromCheckInId = null)
    {
        await CheckPersonAsync(clientId, details, by, ct);
        var entry = IncidentEntry.Write(clientId, details, isPrivate, by, byUserId, clock.GetUtcNow(), fromCheckInId);
        db.Add(entry);
        Audit(AuditActions.Create, entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>The author's correction inside the window (refused after it, saying to add an addendum).</summary>
    public async Task CorrectAsync(IncidentEntry entry, IncidentDetails details, bool isPrivate, Guid byUserId, CancellationToken ct)
    {
        if (!entry.IsCorrectable(clock.GetUtcNow())) throw new DomainRuleException(IncidentRules.WindowClosedMessage);
        await CheckPersonAsync(entry.ClientId, details, entry.WrittenBy, ct);
        var wasPrivate = entry.IsPrivate;
        entry.Correct(details, isPrivate, byUserId, clock.GetUtcNow());
        if (!wasPrivate || !entry.IsPrivate) audit.Add(AuditActions.Update, AuditRecords.IncidentEntry, entry.Id, entry.ClientId);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IncidentAddendum> AddAddendumAsync(IncidentEntry entry, string? text, IncidentAuthor by, Guid byUserId, CancellationToken ct)
    {
        var addendum = entry.AddAddendum(text, by, byUserId, clock.GetUtcNow());
        db.Add(addendum);
        Audit(AuditActions.Addendum, entry);
        await db.SaveChangesAsync(ct);
        return addendum;
    }

    /// <summary>An entry of the client, tracked, found with both ids (null for another client's id or one the filters hide).</summary>
    public Task<IncidentEntry?> FindAsync(Guid clientId, Guid entryId, CancellationToken ct) =>
        db.Set<IncidentEntry>().SingleOrDefaultAsync(e => e.Id == entryId && e.ClientId == clientId, ct);

    /// <summary>
    /// Recomputes the hashes of these entries of the client and of their addenda from the stored rows (read afresh, not from
    /// what this unit of work tracks) and compares them with the stored hashes. Audited as a verification of each entry.
    /// </summary>
    public async Task<IReadOnlyList<IncidentCheck>> VerifyAsync(Guid clientId, IReadOnlyCollection<Guid> entryIds, CancellationToken ct)
    {
        var entries = await db.Set<IncidentEntry>().AsNoTracking().Where(e => e.ClientId == clientId && entryIds.Contains(e.Id)).ToListAsync(ct);
        var addenda = await db.Set<IncidentAddendum>().AsNoTracking().Where(a => a.ClientId == clientId && entryIds.Contains(a.IncidentId))
            .OrderBy(a => a.WrittenAt).ToListAsync(ct);
        foreach (var entry in entries) Audit(AuditActions.Verify, entry);
        if (entries.Any(e => !e.IsPrivate)) await db.SaveChangesAsync(ct);
        return entries.Select(e => new IncidentCheck(e.Id, e.Id, false, e.IsIntact))
            .Concat(addenda.Select(a => new IncidentCheck(a.Id, a.IncidentId, true, a.IsIntact))).ToList();
    }

    /// <summary>
    /// The person named must be the client's own: a boundary of theirs, or someone in their support network (for the client's
    /// own entries, someone the clinician shared with them). A tampered id of another client's person is refused.
    /// </summary>
    private async Task CheckPersonAsync(Guid clientId, IncidentDetails details, IncidentAuthor by, CancellationToken ct)
    {
        IncidentRules.OnePerson(details.BoundaryId, details.SupportPersonId);
        if (details.BoundaryId is { } boundaryId
            && !await db.Set<Boundary>().AnyAsync(b => b.Id == boundaryId && b.ClientId == clientId, ct))
            throw new DomainRuleException(IncidentRules.UnknownPersonMessage);
        if (details.SupportPersonId is { } personId
            && !await db.Set<SupportPerson>().AnyAsync(p => p.Id == personId && p.ClientId == clientId && (by == IncidentAuthor.Clinician || p.SharedWithClient), ct))
            throw new DomainRuleException(IncidentRules.UnknownPersonMessage);
    }

    private void Audit(string action, IncidentEntry entry)
    {
        if (!entry.IsPrivate) audit.Add(action, AuditRecords.IncidentEntry, entry.Id, entry.ClientId);
    }
}
