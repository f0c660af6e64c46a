using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Infrastructure.Auditing;

/// <summary>
/// Writes audit rows. <see cref="Add"/> joins the caller's unit of work so a change and its audit
/// row commit together; <see cref="RecordAsync"/> saves at once (views and exports).
/// The log is append-only: nothing here updates or deletes, and a trigger refuses it in the database.
/// </summary>
public sealed class AuditTrail(ClinicDbContext db, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The rows this scope (one request) has added, saved or not.</summary>
    private readonly List<AuditEntry> _added = [];

    public void Add(string action, string recordType, object? recordId, Guid? clientId) =>
        Track(new AuditEntry(clock.GetUtcNow(), actor.UserId, actor.Role, clientId, action, recordType, recordId?.ToString(), actor.IpAddress));

    /// <summary>For actions whose actor is not yet signed in (accepting an invitation creates the account).</summary>
    public void AddAs(Guid userId, string role, string action, string recordType, object? recordId, Guid? clientId) =>
        Track(new AuditEntry(clock.GetUtcNow(), userId, role, clientId, action, recordType, recordId?.ToString(), actor.IpAddress));

    /// <summary>
    /// Whether this scope has saved a row about the client. A row added to a unit of work that was then dropped
    /// (a refused change) does not count: only a saved row has its id from the database.
    /// </summary>
    public bool HasRecorded(Guid clientId) => _added.Any(e => e.ClientId == clientId && e.Id > 0);

    private void Track(AuditEntry entry)
    {
        _added.Add(entry);
        db.AuditEntries.Add(entry);
    }

    public async Task RecordAsync(string action, string recordType, object? recordId, Guid? clientId, CancellationToken ct = default)
    {
        Add(action, recordType, recordId, clientId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An export handed to someone (disclosure accounting): the row says to whom, and saves at once.</summary>
    public async Task RecordDisclosureAsync(string action, string recordType, object? recordId, Guid clientId, string disclosedTo, string? recipient,
        CancellationToken ct = default)
    {
        Add(action, recordType, recordId, clientId);
        _added[^1].RecordDisclosure(disclosedTo, recipient);
        await db.SaveChangesAsync(ct);
    }
}
