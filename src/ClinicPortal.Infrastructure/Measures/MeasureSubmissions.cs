using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Measures;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Safety;

namespace ClinicPortal.Infrastructure.Measures;

/// <summary>
/// Sends a response's answers in the caller's unit of work: scored, audited, and, when the safety item (PHQ-9 item 9)
/// is above 0, an alert that behaves as "I feel unsafe" does raised beside it (imminent, mailed through the outbox, escalated),
/// whatever the total. The client and the clinician entering answers in session go through here alike.
/// </summary>
public sealed class MeasureSubmissions(AuditTrail audit, ClinicianAlerts alerts, TimeProvider clock)
{
    /// <returns>True when the safety item was flagged and the alert is part of the unit of work.</returns>
    public async Task<bool> SubmitAsync(MeasureResponse response, IReadOnlyList<int?> answers, Guid? enteredBy = null, CancellationToken ct = default)
    {
        var flagged = response.Submit(answers, clock.GetUtcNow(), enteredBy);
        audit.Add(AuditActions.Update, AuditRecords.MeasureResponse, response.Id, response.ClientId);
        if (flagged) await alerts.AddForCheckInAsync(response.ClientId, AlertKind.QuestionnaireSafetyItem, ct: ct);
        return flagged;
    }
}
