using ClinicPortal.Core.Sessions;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Sessions;

/// <summary>One of a client's sessions as the pages that link to it need it (a note or an assessment written from it).</summary>
public sealed class ClientSessionQuery(ClinicDbContext db)
{
    /// <summary>When the session starts, or null when it is not one of this client's sessions (within the caller's scope).</summary>
    public Task<DateTimeOffset?> StartOfAsync(Guid clientId, Guid sessionId, CancellationToken ct) =>
        db.Set<TherapySession>().Where(s => s.Id == sessionId && s.ClientId == clientId)
            .Select(s => (DateTimeOffset?)s.StartsAt).SingleOrDefaultAsync(ct);

    /// <summary>How a linked session is named on a page: its start in the clinic's time zone.</summary>
    public static string Label(DateTimeOffset startsAt, TimeZoneInfo zone) => SessionCalendar.Local(startsAt, zone).ToString("ddd d MMM yyyy, HH:mm");
}
