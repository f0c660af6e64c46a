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
        Guid? raisedBy = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var alert = ClinicianAlert.Raise(clientId, kind, severity, now, concernId, reviewDate);
        db.Set<ClinicianAlert>().Add(alert);
        if (raisedBy is { } user) audit.AddAs(user, Core.Accounts.Roles.Client.ToLowerInvariant(), AuditActions.Create, AuditRecords.ClinicianAlert, alert.Id, clientId);
        else audit.Add(AuditActions.Create, AuditRecords.ClinicianAlert, alert.Id, clientId);
        if (!AlertRules.MayEmail(alert.Severity)) return alert;
        foreach (var clinician in await MailRecipientsAsync(clientId, now, ct))
        {
            if (!AlertRules.Emails(alert.Severity, clinician.MailFrom)) continue;
            var mail = OutboxMessage.UrgentAlert(alert.Id, clientId, clinician.Id, now);
            db.Add(mail);
            afterCommit.Enqueue((services, _) => SendSoon(services, mail.Id));
        }
        return alert;
    }

    /// <summary>An alert about a client's own check-in: its severity follows <see cref="AlertRules.CheckInSeverity"/> and the clinic's choice for contact attempts.</summary>
    public async Task<ClinicianAlert> AddForCheckInAsync(Guid clientId, AlertKind kind, Guid? raisedBy = null, CancellationToken ct = default)
    {
        var contactAttempts = (await settings.GetAsync(ct))?.ContactAttemptSeverity ?? new ClinicSettings().ContactAttemptSeverity;
        return await AddAsync(clientId, kind, AlertRules.CheckInSeverity(kind, contactAttempts), raisedBy: raisedBy, ct: ct);
    }

    /// <summary>
    /// Who an alert about the client may email, with their own choice of how much: the client's clinician, and the clinicians
    /// covering the client right now (the cover filter's rule, in ClinicDbContext: given by the current clinician, not revoked,
    /// started and not ended). One statement, past the caller's filters: a client raising "I feel unsafe" may read neither.
    /// </summary>
    private async Task<IEnumerable<(Guid Id, ConcernSeverity MailFrom)>> MailRecipientsAsync(Guid clientId, DateTimeOffset now, CancellationToken ct)
    {
        var client = db.Clients.IgnoreQueryFilters().Where(c => c.Id == clientId);
        var rows = await db.Users
            .Where(u => client.Any(c => c.PrimaryClinicianId == u.Id)
                || (u.IsActive && db.CoverGrants.Any(g => g.ClientId == clientId && g.CoveringClinicianId == u.Id && g.RevokedAt == null
                    && g.StartsAt <= now && now < g.EndsAt && client.Any(c => c.PrimaryClinicianId == g.GrantorClinicianId))))
            .Select(u => new { u.Id, u.AlertMailFrom })
            .ToListAsync(ct);
        return rows.Select(u => (u.Id, u.AlertMailFrom));
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
