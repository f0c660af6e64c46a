using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.TreatmentPlans;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.TreatmentPlans;

internal static class TreatmentPlanArrange
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(int fromToday) => Today.AddDays(fromToday).ToString("yyyy-MM-dd");

    /// <summary>A plan's form fields: the problems, one free-text goal per description, interventions and a review date.</summary>
    public static List<KeyValuePair<string, string>> Fields(string problems = "Low mood since the separation", params string[] goals)
    {
        var fields = new List<KeyValuePair<string, string>> { new("PresentingProblems", problems), new("Interventions", "Weekly sessions"), new("ReviewDate", Day(60)) };
        foreach (var (goal, i) in (goals.Length == 0 ? ["Sleep through most nights"] : goals).Select((g, i) => (g, i)))
        {
            fields.Add(new($"Goals[{i}].Description", goal));
            fields.Add(new($"Goals[{i}].Kind", nameof(CriterionKind.FreeText)));
            fields.Add(new($"Goals[{i}].TargetDate", Day(30)));
        }
        return fields;
    }

    /// <summary>A signed plan whose words carry <paramref name="marker"/>, and one open task; returns the task's id.</summary>
    public static async Task<Guid> SignedPlanAndTaskAsync(ClinicAppFactory app, Client client, string marker, DateOnly? review = null)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var now = DateTimeOffset.UtcNow;
        var (plan, revision) = TreatmentPlan.Create(client.Id, new PlanContent($"{marker} presenting problems",
                [new PlanGoal($"{marker} goal", GoalCriterion.FreeText, Today.AddDays(30))], $"{marker} interventions", review ?? Today.AddDays(60)),
            new PlanContext(new HashSet<string>(), new Dictionary<Guid, string>(), review is { } r && r < Today ? r : Today), client.PrimaryClinicianId, now);
        revision.Sign(client.PrimaryClinicianId, now);
        var task = ClientTask.Give(client.Id, $"{marker} task", Today.AddDays(7), client.PrimaryClinicianId, now, Today);
        db.AddRange(plan, revision, task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    public static async Task<List<TreatmentPlanRevision>> RevisionsAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<TreatmentPlanRevision>().Where(r => r.ClientId == clientId).OrderBy(r => r.Number).ToListAsync();
    }

    public static async Task<List<ClientTask>> TasksAsync(ClinicAppFactory app, Guid clientId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<ClientTask>().Where(t => t.ClientId == clientId).OrderBy(t => t.GivenAt).ToListAsync();
    }
}
