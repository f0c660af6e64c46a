using ClinicPortal.Core.Clients;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Rowan's older brother's birthday comes in five days (her journal mentions it), so the caseload's note and her home's
/// gentle card show. Nothing for a job to act on: the date is ahead.
/// </summary>
public static class DemoHardDates
{
    public const int RowanDaysAhead = 5;

    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        if (client.FullName != "Rowan Mockingbird") return;
        var birthday = today.AddDays(RowanDaysAhead).AddYears(-34);
        db.Add(HardDate.Add(client.Id, HardDateKind.Birthday, "Brother's birthday", birthday, yearly: true, client.PrimaryClinicianId, byClient: false, today, now.AddDays(-6)));
    }
}
