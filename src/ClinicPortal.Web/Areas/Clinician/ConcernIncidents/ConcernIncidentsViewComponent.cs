using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.ProtectiveOrders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.ConcernIncidents;

/// <summary>An incident as a concern's timeline (or its "link an incident" list) shows it.</summary>
public sealed record ConcernIncidentRow(Guid Id, DateTimeOffset OccurredAt, ContactChannel Channel, string FirstWords, Guid? BoundaryId, bool Linked)
{
    public bool PossibleBreach { get; init; }
}

public sealed record ConcernIncidentsPanel(bool ReadOnly, IReadOnlyList<ConcernIncidentRow> Linked, IReadOnlyList<ConcernIncidentRow> Linkable, TimeZoneInfo Zone);

/// <summary>
/// The concern page's incident timeline: the linked incidents by when they happened (channel, first words, possible breach),
/// and the client's other incidents to link. One statement for both lists (private entries are filtered out for staff), one
/// for the orders when someone is named; the read is audited.
/// </summary>
public sealed class ConcernIncidentsViewComponent(ClinicDbContext db, AuditTrail audit, PossibleBreaches breaches, ClinicCalendar calendar) : ViewComponent
{
    public const int LinkableMax = 50;

    public async Task<IViewComponentResult> InvokeAsync(Guid clientId, Guid concernId, bool readOnly)
    {
        var ct = HttpContext.RequestAborted;
        var rows = await db.Set<IncidentEntry>().Where(e => e.ClientId == clientId)
            .OrderByDescending(e => e.OccurredAt)
            .Select(e => new ConcernIncidentRow(e.Id, e.OccurredAt, e.Channel, e.Account.Substring(0, PossibleBreaches.FirstWordsMax), e.BoundaryId,
                db.Set<ConcernIncidentLink>().Any(l => l.ConcernId == concernId && l.IncidentId == e.Id && l.ClientId == clientId)))
            .ToListAsync(ct);
        var linked = rows.Where(r => r.Linked).ToList();
        var marked = await breaches.AmongAsync(clientId, linked.Select(r => new IncidentMoment(r.Id, r.BoundaryId, r.OccurredAt)).ToList(), ct);
        if (rows.Count > 0) await audit.RecordAsync(AuditActions.View, AuditRecords.IncidentEntry, null, clientId, ct);
        return View("~/Areas/Clinician/ConcernIncidents/_ConcernIncidents.cshtml", new ConcernIncidentsPanel(readOnly,
            linked.OrderBy(r => r.OccurredAt).Select(r => r with { PossibleBreach = marked.Contains(r.Id) }).ToList(),
            rows.Where(r => !r.Linked).Take(LinkableMax).ToList(), await calendar.ZoneAsync(ct)));
    }
}
