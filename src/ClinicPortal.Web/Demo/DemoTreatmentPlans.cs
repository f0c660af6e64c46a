using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Infrastructure.Database;

namespace ClinicPortal.Web.Demo;

/// <summary>
/// A treatment plan and tasks between sessions for every demo client: plans signed (most acknowledged by the client, Casey's
/// not yet), Sky's still a draft, Avery's review overdue; each client has a task done, one open and, for some, one past its date.
/// </summary>
public static class DemoTreatmentPlans
{
    public static void AddFor(ClinicDbContext db, Client client, DateOnly today, DateTimeOffset now)
    {
        var index = DemoClients.All.ToList().FindIndex(p => p.FullName == client.FullName);
        if (index < 0) return;
        var clinician = client.PrimaryClinicianId;
        var daysInCare = today.DayNumber - client.IntakeDate.DayNumber;
        var writtenDaysAgo = Math.Min(30, daysInCare);
        var boundary = db.ChangeTracker.Entries<Boundary>().Select(e => e.Entity).FirstOrDefault(b => b.ClientId == client.Id);

        var goals = new List<PlanGoal>
        {
            new("Feel less pulled to reply when messages arrive",
                new GoalCriterion(CriterionKind.CheckInSignal, Signal: CheckInSignal.Urge, Comparison: Comparison.AtOrBelow, Threshold: 4, Weeks: 3),
                today.AddDays(45)),
            new("Name three people to call on a hard evening", GoalCriterion.FreeText, today.AddDays(30)),
        };
        if (boundary is not null)
            goals.Insert(0, new PlanGoal("Close every channel of contact", new GoalCriterion(CriterionKind.Boundary, BoundaryId: boundary.Id,
                ByDate: today.AddDays(60)), today.AddDays(60)));
        var review = index == 2 ? today.AddDays(-3) : today.AddDays(60 - index * 5); // Avery's review is overdue
        var content = new PlanContent(DemoClients.All[index].Concern, goals,
            "Weekly sessions; rehearsing scripts for declining contact; grounding skills for the evenings; reviewing the boundary plan together.", review);
        var writtenOn = today.AddDays(-writtenDaysAgo);
        var context = new PlanContext(new HashSet<string>(), boundary is null ? new Dictionary<Guid, string>() : new() { [boundary.Id] = boundary.PersonName },
            writtenOn); // as on the day it was written: its dates were then ahead
        var (plan, revision) = TreatmentPlan.Create(client.Id, content, context, clinician, now.AddDays(-writtenDaysAgo));
        db.Add(plan);
        db.Add(revision);
        if (index != 5) // Sky's plan is still a draft
        {
            revision.Sign(clinician, now.AddDays(-writtenDaysAgo).AddHours(1));
            if (index != 1) revision.Acknowledge(now.AddDays(-writtenDaysAgo).AddDays(1)); // Casey has not read hers yet
        }

        var givenOn = today.AddDays(-Math.Min(10, daysInCare));
        var given = now.AddDays(-Math.Min(10, daysInCare));
        var done = ClientTask.Give(client.Id, "Write three reasons of your own for the boundary", givenOn.AddDays(5), clinician, given, givenOn);
        db.Add(done);
        db.Add(done.Tick(true, given.AddDays(3))!);
        db.Add(ClientTask.Give(client.Id, "Rehearse the script for declining to pass on messages", today.AddDays(7), clinician, given, givenOn));
        if (index % 2 == 0)
            db.Add(ClientTask.Give(client.Id, "Set a filter for unknown callers", givenOn.AddDays(Math.Min(3, Math.Max(0, daysInCare - 1))), clinician, given, givenOn));
    }
}
