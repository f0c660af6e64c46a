using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// One demo client changed clinician a while ago, so the clinician's "Care team history" card and the
/// administrator's transfer page have something to show. Runs only when the client is first seeded.
/// </summary>
public static class DemoTransfers
{
    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        if (client.Email != DemoClients.All[1].Email) return; // Casey, now with Riley
        var morgan = db.Users.Where(u => u.Email == DemoClinicSeeder.Clinicians[0].Email).Select(u => u.Id).Single();
        var admin = db.Users.Where(u => u.Email == DemoClinicSeeder.Admin.Email).Select(u => u.Id).Single();
        var riley = client.PrimaryClinicianId;
        if (riley == morgan) return;

        var day = client.IntakeDate.AddDays(14) < today ? client.IntakeDate.AddDays(14) : today;
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 30)), TimeSpan.Zero);
        if (at > now) at = now;
        client.AssignTo(morgan, at);
        db.Add(ClientTransfer.Move(client, riley, "Client asked for evening appointments, which Riley offers; Morgan's caseload is daytime only.", admin, at));
        client.AssignTo(riley, now); // the record itself was last touched when seeded
    }
}
