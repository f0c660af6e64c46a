using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ProtectiveOrders;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// Jordan holds a long-term order against Sam (served months ago, expiring months ahead) and an emergency order that came
/// before it and has expired. Fictional court and numbers. Nothing for the reminder job: the expiry is far beyond its window.
/// </summary>
public static class DemoProtectiveOrders
{
    public const string Person = "Sam (ex-partner)";

    /// <summary>Runs after <see cref="DemoBoundaries"/>, whose boundaries are in this unit of work, not yet saved.</summary>
    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        if (client.FullName != "Jordan Testperson") return;
        var sam = db.ChangeTracker.Entries<Boundary>().Select(e => e.Entity).Single(b => b.ClientId == client.Id && b.PersonName == Person);
        db.Add(ProtectiveOrder.Record(client.Id, sam, new ProtectiveOrderDetails("Example County Superior Court (fictional)", "DEMO-EPO-0001",
            ProtectiveOrderType.Emergency, true, null, null, null, today.AddDays(-230), today.AddDays(-223), "Followed by the long-term order."),
            client.PrimaryClinicianId, today, now.AddDays(-229)));
        db.Add(ProtectiveOrder.Record(client.Id, sam, new ProtectiveOrderDetails("Example County Superior Court (fictional)", "DEMO-PO-0002",
            ProtectiveOrderType.Final, true, 100m, DistanceUnit.Yards, "Returning belongings once, through a friend, arranged by the lawyers.",
            today.AddDays(-200), today.AddDays(165), "Jordan keeps the paper copy at work."), client.PrimaryClinicianId, today, now.AddDays(-199)));
    }
}
