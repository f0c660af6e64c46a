using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>
/// Passes on imminent alerts nobody has acknowledged (<see cref="Escalation"/>): to the clinician on call (the clinic's weekly
/// rota, <see cref="OnCall"/>) or else the clinician's backup after the clinic's N minutes, to every active administrator after
/// M more. Each step queues "You have an urgent alert" in the outbox, one row per recipient, keyed by alert, step and recipient
/// so a repeat run queues nothing twice. Time is the app's clock, so tests drive it. Runs as the system (a job): it reads ids and addresses only.
/// </summary>
public sealed class AlertEscalations(ClinicDbContext db, AuditTrail audit, TimeProvider clock, IBackgroundJobClient jobs, ILogger<AlertEscalations> logger)
{
    /// <summary>Takes every step now due; returns how many alerts moved up.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var settings = await db.ClinicSettings.AsNoTracking().SingleAsync(s => s.Id == ClinicSettings.SingletonId, ct);
        var backupAfter = TimeSpan.FromMinutes(settings.EscalateAfterMinutes);
        var administratorsAfter = TimeSpan.FromMinutes(settings.EscalateToAdministratorsAfterMinutes);
        var open = await db.Set<ClinicianAlert>()
            .Where(a => a.Severity == ConcernSeverity.Imminent && a.AcknowledgedAt == null && a.EscalationLevel < EscalationLevel.Administrators)
            .Join(db.Clients, a => a.ClientId, c => c.Id, (a, c) => new { Alert = a, c.PrimaryClinicianId })
            .ToListAsync(ct);
        var due = open.Select(x => (x.Alert, x.PrimaryClinicianId, Step: Escalation.DueStep(x.Alert.Severity, x.Alert.AcknowledgedAt, x.Alert.RaisedAt,
                x.Alert.EscalationLevel, x.Alert.EscalatedAt, now, backupAfter, administratorsAfter)))
            .Where(x => x.Step is not null).ToList();
        if (due.Count == 0) return 0;

        var administrators = await db.ActiveInRole(Roles.Admin).Select(u => u.Id).ToListAsync(ct);
        var clinicians = due.Select(d => d.PrimaryClinicianId).Distinct().ToList();
        var backups = await db.Users.Where(u => clinicians.Contains(u.Id) && u.BackupClinicianId != null)
            .Select(u => new { u.Id, Backup = u.BackupClinicianId!.Value })
            .Where(b => db.ActiveInRole(Roles.Clinician).Any(c => c.Id == b.Backup))
            .ToDictionaryAsync(b => b.Id, b => b.Backup, ct);

        var today = OnCall.DayAt(now, ClinicTime.Zone(settings.TimeZoneId, TimeZoneInfo.Utc));
        var onCall = await db.Set<OnCallDay>().Where(d => d.Day == today && db.ActiveInRole(Roles.Clinician).Any(c => c.Id == d.ClinicianId))
            .Select(d => (Guid?)d.ClinicianId).SingleOrDefaultAsync(ct);

        var notices = new List<OutboxMessage>();
        foreach (var (alert, clinician, step) in due)
        {
            // The first step goes to the clinician on call, else the backup; with neither, already to the administrators.
            var first = OnCall.FirstStepRecipient(clinician, onCall, backups.TryGetValue(clinician, out var b) ? b : null);
            var level = step == EscalationLevel.Backup && first is null ? EscalationLevel.Administrators : step!.Value;
            IReadOnlyList<Guid> recipients = level == EscalationLevel.Backup ? [first!.Value] : administrators;
            foreach (var recipient in recipients)
                notices.Add(OutboxMessage.Escalation(alert.Id, alert.ClientId, (int)level, recipient, now));
            alert.Escalate(level, now);
            audit.Add(AuditActions.Escalate, AuditRecords.ClinicianAlert, alert.Id, alert.ClientId);
            logger.LogInformation("Alert {AlertId} escalated to {Level} ({Count} recipient(s))", alert.Id, level, recipients.Count);
        }
        db.AddRange(notices);
        await db.SaveChangesAsync(ct);
        // Sent at once rather than at the next outbox poll, all in one job; if queueing it fails, the poll still finds them.
        var ids = notices.Select(n => n.Id).ToArray();
        if (ids.Length > 0)
            try { jobs.Enqueue<Reminders.OutboxJobs>(JobQueues.Outbox, j => j.SendEachAsync(ids, CancellationToken.None)); }
            catch (Exception e) { logger.LogWarning("{Count} escalation notice(s) left to the outbox poll ({Error})", ids.Length, e.GetType().Name); }
        return due.Count;
    }
}

/// <summary>Runs <see cref="AlertEscalations"/> on one instance at a time.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class AlertEscalationJob(AlertEscalations escalations, DistributedLocks locks)
{
    /// <summary>One pass, unless another instance's pass holds the job lock: then false, and that pass does the work.</summary>
    public Task<bool> RunAsync(CancellationToken ct) => locks.RunAloneAsync(LockName.Job(JobSchedules.AlertEscalation), escalations.RunAsync, ct);
}
