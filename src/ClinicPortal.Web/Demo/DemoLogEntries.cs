using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// One calm, fictional log entry per demo client with a sign-in (shared with the clinician), written three weeks ago so no
/// correction window is open: the attachment and export pages have an entry to show. Nothing for a job to act on.
/// </summary>
public static class DemoLogEntries
{
    public static void AddFor(ClinicDbContext db, Client client, DateTimeOffset now)
    {
        if (client.UserId is not { } userId) return;
        var written = now.AddDays(-21);
        db.Add(IncidentEntry.Write(client.Id,
            new IncidentDetails(written.AddHours(-3), "Outside the library", null, null, ContactChannel.InPerson,
                "Waved from across the street and called out \"we should talk\". I walked on and went inside.", null, null, null, null, "Unsettled, then fine"),
            isPrivate: false, IncidentAuthor.Client, userId, written));
    }
}
