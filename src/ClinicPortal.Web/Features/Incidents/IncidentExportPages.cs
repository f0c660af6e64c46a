using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.Incidents;

/// <summary>An entry offered for the export: when, how, the start of the account, and whether it is kept private.</summary>
public sealed record ExportChoice(Guid Id, DateTimeOffset OccurredAt, DateOnly Day, string Channel, string Excerpt, bool IsPrivate, int Attachments);

/// <summary>The export's form, for the clinician's page and the client's alike.</summary>
public sealed record IncidentExportPage(IncidentExportForm Form, IReadOnlyList<ExportChoice> Entries, DateOnly Today, TimeZoneInfo Zone, bool ForClient);

public static class IncidentExportChoices
{
    public const int ExcerptLength = 90;

    /// <summary>The client's entries the caller may read (the filters leave out private ones for staff), newest first: one statement.</summary>
    public static async Task<IReadOnlyList<ExportChoice>> ListAsync(ClinicDbContext db, Guid clientId, TimeZoneInfo zone, CancellationToken ct)
    {
        var rows = await db.Set<IncidentEntry>().Where(e => e.ClientId == clientId).OrderByDescending(e => e.OccurredAt)
            .Select(e => new
            {
                e.Id, e.OccurredAt, e.Channel, Excerpt = e.Account.Substring(0, Math.Min(e.Account.Length, ExcerptLength)), e.IsPrivate,
                Attachments = db.Set<IncidentAttachment>().Count(a => a.IncidentId == e.Id && a.ClientId == clientId),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ExportChoice(r.Id, r.OccurredAt, ClinicTime.DayOf(r.OccurredAt, zone), CheckInLabels.Of(r.Channel),
            r.Excerpt.Length == ExcerptLength ? r.Excerpt + "…" : r.Excerpt, r.IsPrivate, r.Attachments)).ToList();
    }
}
