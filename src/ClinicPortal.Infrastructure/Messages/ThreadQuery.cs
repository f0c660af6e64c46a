using ClinicPortal.Core.Messages;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Messages;

/// <summary>One message as either side's thread shows it.</summary>
public sealed record ThreadMessage(Guid Id, bool FromClient, string SenderName, string Body, DateTimeOffset SentAt, DateTimeOffset? ReadAt);

/// <summary>
/// A client's thread, read by the client or by a clinician who may read the record (the data filters decide who):
/// opening it marks what the other side sent as read, then returns the latest messages, oldest first. Two statements.
/// </summary>
public sealed class ThreadQuery(ClinicDbContext db)
{
    public const int Shown = 200;

    public async Task<IReadOnlyList<ThreadMessage>> OpenAsync(Guid clientId, bool readerIsClient, DateTimeOffset now, CancellationToken ct)
    {
        await db.Set<SecureMessage>()
            .Where(readerIsClient ? MessageThread.UnreadByClient(clientId) : MessageThread.UnreadByClinician(clientId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        var latest = await db.Set<SecureMessage>().Where(m => m.ClientId == clientId)
            .OrderByDescending(m => m.SentAt).Take(Shown)
            .Select(m => new ThreadMessage(m.Id, m.FromClient,
                db.Users.Where(u => u.Id == m.SenderId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                m.Body, m.SentAt, m.ReadAt))
            .AsNoTracking().ToListAsync(ct);
        latest.Reverse();
        return latest;
    }
}
