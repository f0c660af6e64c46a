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
    public void Add(string action, string recordType, object? recordId, Guid? clientId) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor.UserId, actor.Role, clientId, action, recordType, recordId?.ToString(), actor.IpAddress));

    /// <summary>For actions whose actor is not yet signed in (accepting an invitation creates the account).</summary>
    public void AddAs(Guid userId, string role, string action, string recordType, object? recordId, Guid? clientId) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), userId, role, clientId, action, recordType, recordId?.ToString(), actor.IpAddress));

    public async Task RecordAsync(string action, string recordType, object? recordId, Guid? clientId, CancellationToken ct = default)
    {
        Add(action, recordType, recordId, clientId);
        await db.SaveChangesAsync(ct);
    }
}
