using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>
/// Raises alerts for a client's clinician and, for the ones that call for mail, queues "You have an urgent alert" in the
/// outbox in the same unit of work, so it is retried with backoff like every other message and never sent for an alert
/// that was not stored. Every feature that alerts (safety concerns, check-ins, "I feel unsafe", overdue reviews) calls <see cref="Add"/>.
/// </summary>
public sealed class ClinicianAlerts(ClinicDbContext db, AuditTrail audit, AfterCommit afterCommit, TimeProvider clock)
{
    /// <summary>
    /// Adds an alert to the caller's unit of work (with its audit row and, when <see cref="AlertRules.SendsEmail"/>, its
    /// outbox row). Once the caller's save commits the mail is sent at once (<see cref="AfterCommit"/>); the outbox poll
    /// sends it if that attempt cannot.
    /// </summary>
    /// <param name="raisedBy">The client's user when they raised it without a live session (their device's "I feel unsafe" token).</param>
    public ClinicianAlert Add(Guid clientId, AlertKind kind, ConcernSeverity severity, Guid? concernId = null, DateOnly? reviewDate = null, Guid? raisedBy = null)
    {
        var now = clock.GetUtcNow();
        var alert = ClinicianAlert.Raise(clientId, kind, severity, now, concernId, reviewDate);
        db.Set<ClinicianAlert>().Add(alert);
        if (raisedBy is { } user) audit.AddAs(user, Core.Accounts.Roles.Client.ToLowerInvariant(), AuditActions.Create, AuditRecords.ClinicianAlert, alert.Id, clientId);
        else audit.Add(AuditActions.Create, AuditRecords.ClinicianAlert, alert.Id, clientId);
        if (AlertRules.SendsEmail(alert.Severity) && PrimaryClinicianOf(clientId) is { } clinician)
        {
            var mail = OutboxMessage.UrgentAlert(alert.Id, clientId, clinician, now);
            db.Add(mail);
            afterCommit.Enqueue((services, _) => SendSoon(services, mail.Id));
        }
        return alert;
    }

    /// <summary>An alert about a client's own check-in: its severity follows <see cref="AlertRules.CheckInSeverity"/>.</summary>
    public ClinicianAlert AddForCheckIn(Guid clientId, AlertKind kind, Guid? raisedBy = null) =>
        Add(clientId, kind, AlertRules.CheckInSeverity(kind), raisedBy: raisedBy);

    /// <summary>
    /// The client's primary clinician, past the caller's filters (a client raising "I feel unsafe" may not read their
    /// clinician's account). The tracked client when the page loaded it; else one short read, only for alerts that mail.
    /// Null for a client that does not exist: the alert's own save then fails on its foreign key.
    /// </summary>
    private Guid? PrimaryClinicianOf(Guid clientId) =>
        db.Clients.Local.FirstOrDefault(c => c.Id == clientId)?.PrimaryClinicianId
        ?? db.Clients.IgnoreQueryFilters().Where(c => c.Id == clientId).Select(c => (Guid?)c.PrimaryClinicianId).SingleOrDefault();

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
