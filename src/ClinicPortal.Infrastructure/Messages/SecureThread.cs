using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Messages;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Messages;

/// <summary>One message as either side's thread shows it.</summary>
public sealed record ThreadMessage(Guid Id, bool FromClient, string SenderName, string Body, DateTimeOffset SentAt, DateTimeOffset? ReadAt);

/// <summary>
/// A client's secure thread, opened and written to by the client or by a clinician who may read the record (the data
/// filters decide who), the same way from both sides: every opening is audited and marks what the other side sent as
/// read; every message is audited, and one from a clinician queues the client's content-free notice.
/// </summary>
public sealed class SecureThread(ClinicDbContext db, AuditTrail audit, MessageNotices notices)
{
    public const int Shown = 200;

    /// <summary>Marks the other side's messages read, audits the view, and returns the latest messages, oldest first. Three statements.</summary>
    public async Task<IReadOnlyList<ThreadMessage>> OpenAsync(Guid clientId, bool readerIsClient, DateTimeOffset now, CancellationToken ct)
    {
        await db.Set<SecureMessage>()
            .Where(readerIsClient ? MessageThread.UnreadByClient(clientId) : MessageThread.UnreadByClinician(clientId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.SecureMessage, null, clientId, ct);
        var latest = await db.Set<SecureMessage>().Where(m => m.ClientId == clientId)
            .OrderByDescending(m => m.SentAt).Take(Shown)
            .Select(m => new ThreadMessage(m.Id, m.FromClient,
                db.Users.Where(u => u.Id == m.SenderId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                m.Body, m.SentAt, m.ReadAt))
            .AsNoTracking().ToListAsync(ct);
        latest.Reverse();
        return latest;
    }

    /// <summary>Saves a new message with its audit entry (and, from a clinician, the notice to the client) in one unit of work.</summary>
    public async Task SendAsync(SecureMessage message, CancellationToken ct)
    {
        db.Add(message);
        await notices.QueueAsync(message, ct);
        audit.Add(AuditActions.Create, AuditRecords.SecureMessage, message.Id, message.ClientId);
        await db.SaveChangesAsync(ct);
    }
}
