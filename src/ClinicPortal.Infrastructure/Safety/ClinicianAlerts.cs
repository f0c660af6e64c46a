using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>
/// Raises alerts for a client's clinician and, for the ones that call for mail, queues "You have an urgent alert" in the
/// outbox in the same unit of work, so it is retried with backoff like every other message and never sent for an alert
/// that was not stored. Every feature that alerts (safety concerns, check-ins, "I feel unsafe", overdue reviews) calls <see cref="AddAsync"/>.
/// </summary>
public sealed class ClinicianAlerts(ClinicDbContext db, AuditTrail audit, AfterCommit afterCommit, ClinicSettingsCache settings, TimeProvider clock)
{
    /// <summary>
    /// Adds an alert to the caller's unit of work (with its audit row and an outbox row for each clinician it emails:
    /// the client's clinician and whoever covers the client now, each as their own choice allows, <see cref="AlertRules.Emails"/>).
    /// Once the caller's save commits the mail is sent at once (<see cref="AfterCommit"/>); the outbox poll sends it if
    /// that attempt cannot.
    /// </summary>
    /// <param name="raisedBy">The client's user when they raised it without a live session (their device's "I feel unsafe" token).</param>
    public async Task<ClinicianAlert> AddAsync(Guid clientId, AlertKind kind, ConcernSeverity severity, Guid? concernId = null, DateOnly? reviewDate = null,
        Guid? raisedBy = null, CancellationToken ct = default) =>
        (await AddAllAsync([new NewAlert(clientId, kind, severity, concernId, reviewDate)], raisedBy, ct))[0];

    /// <summary>Adds several alerts as <see cref="AddAsync"/> does, reading who they email in one statement for all of them (a job's batch).</summary>
    public async Task<IReadOnlyList<ClinicianAlert>> AddAllAsync(IReadOnlyList<NewAlert> wanted, Guid? raisedBy = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var alerts = wanted.Select(w => ClinicianAlert.Raise(w.ClientId, w.Kind, w.Severity, now, w.ConcernId, w.ReviewDate)).ToList();
        foreach (var alert in alerts)
        {
            db.Set<ClinicianAlert>().Add(alert);
            if (raisedBy is { } user) audit.AddAs(user, Core.Accounts.Roles.Client.ToLowerInvariant(), AuditActions.Create, AuditRecords.ClinicianAlert, alert.Id, alert.ClientId);
            else audit.Add(AuditActions.Create, AuditRecords.ClinicianAlert, alert.Id, alert.ClientId);
        }
        var mailing = alerts.Where(a => AlertRules.MayEmail(a.Severity)).ToList();
        if (mailing.Count == 0) return alerts;
        var recipients = await MailRecipientsAsync([.. mailing.Select(a => a.ClientId).Distinct()], now, ct);
        foreach (var alert in mailing)
        foreach (var clinician in recipients[alert.ClientId])
        {
            if (!AlertRules.Emails(alert.Severity, clinician.MailFrom)) continue;
            var mail = OutboxMessage.UrgentAlert(alert.Id, alert.ClientId, clinician.Id, now);
            db.Add(mail);
            afterCommit.Enqueue((services, _) => SendSoon(services, mail.Id));
        }
        return alerts;
    }

    /// <summary>An alert about a client's own check-in: its severity follows <see cref="AlertRules.CheckInSeverity"/> and the clinic's choice for contact attempts.</summary>
    public async Task<ClinicianAlert> AddForCheckInAsync(Guid clientId, AlertKind kind, Guid? raisedBy = null, CancellationToken ct = default)
    {
        var contactAttempts = (await settings.GetAsync(ct))?.ContactAttemptSeverity ?? new ClinicSettings().ContactAttemptSeverity;
        return await AddAsync(clientId, kind, AlertRules.CheckInSeverity(kind, contactAttempts), raisedBy: raisedBy, ct: ct);
    }

    /// <summary>
    /// Who alerts about these clients may email, with each clinician's own choice of how much: the client's clinician, and
    /// the active clinicians covering the client right now (the cover filter's rule, in ClinicDbContext: given by the current
    /// clinician, not revoked, started and not ended). One statement, past the caller's filters: a client raising
    /// "I feel unsafe" may read neither.
    /// </summary>
    private async Task<ILookup<Guid, (Guid Id, ConcernSeverity MailFrom)>> MailRecipientsAsync(IReadOnlyList<Guid> clientIds, DateTimeOffset now, CancellationToken ct)
    {
        var clients = db.Clients.IgnoreQueryFilters().Where(c => clientIds.Contains(c.Id));
        var primary = clients.Select(c => new { ClientId = c.Id, UserId = c.PrimaryClinicianId, Covering = false });
        var covering = db.CoverGrants
            .Where(g => clientIds.Contains(g.ClientId) && g.RevokedAt == null && g.StartsAt <= now && now < g.EndsAt
                && clients.Any(c => c.Id == g.ClientId && c.PrimaryClinicianId == g.GrantorClinicianId))
            .Select(g => new { g.ClientId, UserId = g.CoveringClinicianId, Covering = true });
        var rows = await primary.Concat(covering)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.ClientId, r.Covering, u.Id, u.IsActive, u.AlertMailFrom })
            .Where(r => !r.Covering || r.IsActive)
            .Select(r => new { r.ClientId, r.Id, r.AlertMailFrom })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.ClientId, r => (r.Id, r.AlertMailFrom));
    }

    /// <summary>
    /// Sends the message now without holding up the caller (whose commit just ran): a slow mail server must never hold a
    /// page, least of all "I feel unsafe". Whatever this attempt leaves undone, the outbox poll retries.
    /// </summary>
    private static Task SendSoon(IServiceProvider services, Guid messageId)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        using var detached = ExecutionContext.SuppressFlow(); // background work: no request's user or address rides along
        _ = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendOneAsync(messageId, CancellationToken.None);
            }
            catch (Exception e)
            {
                scope.ServiceProvider.GetRequiredService<ILogger<ClinicianAlerts>>()
                    .LogWarning("Alert mail {MessageId}: the first attempt failed ({Error}); the outbox will retry", messageId, e.GetType().Name);
            }
        });
        return Task.CompletedTask;
    }
}

/// <summary>An alert to raise with <see cref="ClinicianAlerts.AddAllAsync"/>.</summary>
public sealed record NewAlert(Guid ClientId, AlertKind Kind, ConcernSeverity Severity, Guid? ConcernId = null, DateOnly? ReviewDate = null);
