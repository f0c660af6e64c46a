using ClinicPortal.Core.Messages;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using ClinicPortal.Infrastructure.Reminders;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Messages;

/// <summary>
/// Tells a client a clinician wrote to them: a content-free notice (<see cref="OutboxKind.NewMessage"/>) queued in the
/// outbox in the same unit of work as the message, so it passes the contact-safety gate just before sending like every
/// other message. One notice waits at a time: further messages before it goes add nothing to the client's inbox.
/// The send is started once the message commits; the outbox poll sends it should that job never run.
/// </summary>
public sealed class MessageNotices(ClinicDbContext db, AfterCommit afterCommit, TimeProvider clock)
{
    public static string Key(Guid messageId) => $"message:{messageId:N}";

    public async Task QueueAsync(SecureMessage message, CancellationToken ct)
    {
        if (message.FromClient) return; // the clinician sees the thread's unread count on the caseload instead
        var waiting = await db.Set<OutboxMessage>().AnyAsync(m => m.ClientId == message.ClientId && m.Kind == OutboxKind.NewMessage
            && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending), ct);
        if (waiting) return;
        var now = clock.GetUtcNow();
        var notice = OutboxMessage.Queue(Key(message.Id), OutboxKind.NewMessage, message.ClientId, null, now, now);
        db.Add(notice);
        afterCommit.Enqueue((services, _) =>
        {
            services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<OutboxJobs>(JobQueues.Outbox, j => j.SendOneAsync(notice.Id, CancellationToken.None));
            return Task.CompletedTask;
        });
    }
}
