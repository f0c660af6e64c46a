using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Infrastructure.Jobs;
using ClinicPortal.Infrastructure.Reminders;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Infrastructure.Clients;

/// <summary>
/// Who hears of a transfer, content free, through the outbox: the clinician the client left and, when the receiving account
/// was invited within <see cref="AdministratorReach.Window"/> (an administrator's own mailbox, say), every other active
/// administrator, with an audit row saying so. Queued in the transfer's unit of work; sent once it commits.
/// </summary>
public sealed class TransferNotices(ClinicDbContext db, AuditTrail audit, AfterCommit afterCommit)
{
    public async Task AddAsync(ClientTransfer transfer, CancellationToken ct)
    {
        var at = transfer.TransferredAt;
        var notices = new List<OutboxMessage>
        {
            OutboxMessage.TransferNoticeTo(OutboxKind.TransferNotice, transfer.Id, transfer.ClientId, transfer.FromClinicianId, at),
        };
        var account = transfer.ToClinicianId.ToString();
        var lastInvited = await db.AuditEntries
            .Where(a => a.Action == AuditActions.Invite && a.RecordType == AuditRecords.Account && a.RecordId == account)
            .MaxAsync(a => (DateTimeOffset?)a.At, ct);
        if (AdministratorReach.NeedsNotice(lastInvited, at))
        {
            var others = await db.ActiveInRole(Roles.Admin).Where(u => u.Id != transfer.TransferredById).Select(u => u.Id).ToListAsync(ct);
            notices.AddRange(others.Select(admin => OutboxMessage.TransferNoticeTo(OutboxKind.ReachNotice, transfer.Id, transfer.ClientId, admin, at)));
            audit.Add(AuditActions.NotifyAdministrators, AuditRecords.ClientTransfer, transfer.Id, transfer.ClientId);
        }
        db.AddRange(notices);
        afterCommit.Enqueue((services, _) =>
        {
            var jobs = services.GetRequiredService<IBackgroundJobClient>();
            foreach (var id in notices.Select(n => n.Id)) jobs.Enqueue<OutboxJobs>(JobQueues.Outbox, j => j.SendOneAsync(id, CancellationToken.None));
            return Task.CompletedTask;
        });
    }
}
