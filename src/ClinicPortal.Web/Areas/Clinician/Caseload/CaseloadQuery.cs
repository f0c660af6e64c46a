using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

/// <summary>One caseload row: the signals a clinician scans first. Columns of later features join here.</summary>
public sealed record CaseloadRow(
    Guid Id, string FullName, string? PreferredName, ClientStatus Status, DateOnly IntakeDate,
    DateOnly? LastNoteDate, int DraftNotes, bool HasSignIn, int OverdueBoundaryReviews)
{
    public string DisplayName => PreferredName is null ? FullName : $"{PreferredName} ({FullName})";
}

/// <summary>
/// The caseload as ONE SQL statement however many clients there are: every column is a correlated
/// subquery in the same projection, never a query per row.
/// </summary>
public sealed class CaseloadQuery(ClinicDbContext db, ClinicCalendar calendar)
{
    public async Task<List<CaseloadRow>> RunAsync(Guid clinicianId, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        return await db.Clients
            .Where(c => c.PrimaryClinicianId == clinicianId)
            .OrderBy(c => c.Status == ClientStatus.Discharged).ThenBy(c => c.FullName)
            .Select(c => new CaseloadRow(
                c.Id, c.FullName, c.PreferredName, c.Status, c.IntakeDate,
                db.CaseNotes.Where(n => n.ClientId == c.Id).Max(n => (DateOnly?)n.ServiceDate),
                db.CaseNotes.Count(n => n.ClientId == c.Id && n.Status == NoteStatus.Draft),
                c.UserId != null,
                db.Set<Boundary>().Count(b => b.ClientId == c.Id && b.ReviewDate < today)))
            .ToListAsync(ct);
    }
}
