using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Incidents;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Jordan's incident log: three calm, fictional entries written weeks ago (every correction window long closed): a text from
/// Sam with the clinician's addendum, a message Dana passed on (written by the clinician in session), and one Jordan keeps private.
/// Casey has one note of a call (the discreet-mode crawl opens it). Nothing a job acts on.
/// </summary>
public static class DemoIncidents
{
    public static void AddFor(ClinicDbContext db, Client client, DateTimeOffset now)
    {
        if (client.FullName == "Casey Placeholder" && client.UserId is { } casey)
        {
            db.Add(IncidentEntry.Write(client.Id, new IncidentDetails(now.AddDays(-20).AddHours(-4), null, null, null, ContactChannel.Call,
                "Two missed calls in the morning, no voicemail.", null, null, null, null, null), isPrivate: false, IncidentAuthor.Client, casey, now.AddDays(-20)));
            return;
        }
        if (client.FullName != "Jordan Testperson" || client.UserId is not { } jordan) return;
        var sam = db.ChangeTracker.Entries<Boundary>().Select(e => e.Entity).First(b => b.ClientId == client.Id).Id;
        var dana = db.ChangeTracker.Entries<SupportPerson>().Select(e => e.Entity).First(p => p.ClientId == client.Id && p.Name == "Dana").Id;

        var text = IncidentEntry.Write(client.Id, new IncidentDetails(now.AddDays(-50).AddHours(-3), null, sam, null, ContactChannel.Text,
            "\"Just want to talk. Please answer.\"", null, null, null, null, "Unsettled for the evening."),
            isPrivate: false, IncidentAuthor.Client, jordan, now.AddDays(-50).AddHours(-2));
        db.Add(text);
        db.Add(text.AddAddendum("Talked it through in session; Jordan chose not to reply and muted the number.", IncidentAuthor.Clinician,
            client.PrimaryClinicianId, now.AddDays(-46)));

        db.Add(IncidentEntry.Write(client.Id, new IncidentDetails(now.AddDays(-30).AddHours(-5), "Thursday running club", null, dana, ContactChannel.ThroughSomeoneElse,
            "Dana said: \"Sam says they miss walking the dog with you.\"", "Two people from the running club", null, null, null, null),
            isPrivate: false, IncidentAuthor.Clinician, client.PrimaryClinicianId, now.AddDays(-29)));

        db.Add(IncidentEntry.Write(client.Id, new IncidentDetails(now.AddDays(-12).AddHours(-1), null, sam, null, ContactChannel.Email,
            "An email with the subject \"Hello\" and one line: \"Thinking of you.\"", null, null, null, null, "Calmer than last time."),
            isPrivate: true, IncidentAuthor.Client, jordan, now.AddDays(-12)));
    }
}
