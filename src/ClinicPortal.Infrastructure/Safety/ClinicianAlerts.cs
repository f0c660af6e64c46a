using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Email;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>
/// Raises alerts for a client's clinician and, for imminent ones, emails them a bare "please sign in".
/// Every feature that alerts (safety concerns, check-ins, "I feel unsafe", overdue reviews) calls <see cref="Add"/>.
/// </summary>
public sealed class ClinicianAlerts(ClinicDbContext db, AuditTrail audit, AfterCommit afterCommit, IEmailSender mail, PortalLinks links,
    TimeProvider clock, ILogger<ClinicianAlerts> logger)
{
    public const string EmailSubject = "ClinicPortal: please sign in";

    /// <summary>
    /// Adds an alert to the caller's unit of work (with its audit row). The clinician is notified once the
    /// caller's save commits (<see cref="AfterCommit"/>): no email goes out for an alert that was never stored.
    /// </summary>
    public ClinicianAlert Add(Guid clientId, AlertKind kind, ConcernSeverity severity, Guid? concernId = null, DateOnly? reviewDate = null)
    {
        var alert = ClinicianAlert.Raise(clientId, kind, severity, clock.GetUtcNow(), concernId, reviewDate);
        db.Set<ClinicianAlert>().Add(alert);
        audit.Add(AuditActions.Create, AuditRecords.ClinicianAlert, alert.Id, clientId);
        afterCommit.Enqueue((services, ct) => services.GetRequiredService<ClinicianAlerts>().NotifyAsync(alert, ct));
        return alert;
    }

    /// <summary>An alert about a client's own check-in: its severity follows <see cref="AlertRules.CheckInSeverity"/>.</summary>
    public ClinicianAlert AddForCheckIn(Guid clientId, AlertKind kind) => Add(clientId, kind, AlertRules.CheckInSeverity(kind));

    /// <summary>
    /// Emails the client's clinician when the alert calls for it. The message names no one and says
    /// nothing clinical. A mail failure is logged (ids only) and never undoes the stored alert.
    /// </summary>
    public async Task NotifyAsync(ClinicianAlert alert, CancellationToken ct = default)
    {
        if (!AlertRules.SendsEmail(alert.Severity)) return;
        // Read past the caller's filters: a client raising "I feel unsafe" may not read their clinician's account.
        var to = await db.Clients.IgnoreQueryFilters().Where(c => c.Id == alert.ClientId)
            .Join(db.Users, c => c.PrimaryClinicianId, u => u.Id, (c, u) => u.Email)
            .SingleOrDefaultAsync(ct);
        if (to is null)
        {
            logger.LogWarning("Alert {AlertId}: the clinician has no email address; no email sent", alert.Id);
            return;
        }
        try
        {
            await mail.SendAsync(new EmailMessage(to, EmailSubject, Body(links.BaseUrl)), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Alert {AlertId}: the email to the clinician could not be sent ({Error})", alert.Id, e.GetType().Name);
        }
    }

    public static string Body(string baseUrl) => $"A client needs your attention. Please sign in to ClinicPortal: {baseUrl}";
}
