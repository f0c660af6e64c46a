using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Caseload;

/// <summary>One caseload row: the signals a clinician scans first. Columns of later features join here.</summary>
public sealed record CaseloadRow(
    Guid Id, string FullName, string? PreferredName, ClientStatus Status, DateOnly IntakeDate,
    DateOnly? LastNoteDate, int DraftNotes, bool HasSignIn,
    int OpenConcerns, ConcernSeverity? TopOpenSeverity, bool ImminentAlert)
{
    public string DisplayName => PreferredName is null ? FullName : $"{PreferredName} ({FullName})";
}

/// <summary>
/// The caseload as ONE SQL statement however many clients there are: every column is a correlated
/// subquery in the same projection, never a query per row.
/// </summary>
public sealed class CaseloadQuery(ClinicDbContext db)
{
    public Task<List<CaseloadRow>> RunAsync(Guid clinicianId, CancellationToken ct) =>
        db.Clients
            .Where(c => c.PrimaryClinicianId == clinicianId)
            // Unacknowledged imminent alerts keep their client at the top until the clinician acknowledges them.
            .OrderByDescending(c => db.Set<ClinicianAlert>().Any(a => a.ClientId == c.Id && a.AcknowledgedAt == null && a.Severity == ConcernSeverity.Imminent))
            .ThenBy(c => c.Status == ClientStatus.Discharged).ThenBy(c => c.FullName)
            .Select(c => new CaseloadRow(
                c.Id, c.FullName, c.PreferredName, c.Status, c.IntakeDate,
                db.CaseNotes.Where(n => n.ClientId == c.Id).Max(n => (DateOnly?)n.ServiceDate),
                db.CaseNotes.Count(n => n.ClientId == c.Id && n.Status == NoteStatus.Draft),
                c.UserId != null,
                db.Set<SafetyConcern>().Count(s => s.ClientId == c.Id && s.Status != ConcernStatus.Resolved),
                db.Set<SafetyConcern>().Where(s => s.ClientId == c.Id && s.Status != ConcernStatus.Resolved).Max(s => (ConcernSeverity?)s.Severity),
                db.Set<ClinicianAlert>().Any(a => a.ClientId == c.Id && a.AcknowledgedAt == null && a.Severity == ConcernSeverity.Imminent)))
            .ToListAsync(ct);
}
