using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Reconnecting;

/// <summary>Trial plans and reflections made straight in the database, and the trial form as a browser posts it.</summary>
internal static class ReconnectingArrange
{
    public static readonly string[] Criteria = ["CRITERION he asks for money", "CRITERION our parents carry messages again"];

    public static List<KeyValuePair<string, string>> TrialFields(Guid? standby, params string[] criteria) =>
    [
        new("Channel", "PhoneCall"), new("Frequency", "Once a fortnight"), new("FirstMeetingPlace", "A café near work"),
        new("FirstMeetingMinutes", "45"), new("StandbyPersonId", standby?.ToString() ?? ""),
        .. (criteria.Length == 0 ? Criteria : criteria).Select((c, i) => new KeyValuePair<string, string>($"ExitCriteria[{i}]", c)),
    ];

    /// <summary>The return-to-no-contact form as a browser posts it: the plan's version shown on the page, then <paramref name="fields"/>.</summary>
    public static async Task<List<KeyValuePair<string, string>>> EndFieldsAsync(BrowserSession session, string end, IEnumerable<KeyValuePair<string, string>> fields) =>
    [
        .. Concurrency.HtmlForm.FieldsOf(await session.GetPageAsync(end), end).Where(f => f.Key == nameof(Web.Areas.Clinician.Reconnecting.EndTrialForm.PlanVersion)),
        .. fields,
    ];

    /// <summary>A plan in force for the boundary (the person on standby supportive) and one reflection, each carrying <paramref name="marker"/>.</summary>
    public static async Task<(Guid Trial, Guid Reflection)> TrialAndReflectionAsync(ClinicAppFactory app, Guid clientId, Guid boundaryId, Guid standbyId,
        string marker)
    {
        await using var scope = app.SystemScope();
        var db = app.SystemDb(scope);
        var boundary = await db.Set<Boundary>().SingleAsync(b => b.Id == boundaryId);
        var standby = await db.Set<SupportPerson>().SingleAsync(p => p.Id == standbyId);
        var author = (await db.Clients.SingleAsync(c => c.Id == clientId)).PrimaryClinicianId;
        var plan = TrialContactPlan.Create(boundary, new TrialPlanDetails(TrialChannel.Email, "Once a week", $"{marker} café", 30, [$"{marker} criterion"]),
            standby, author, DateTimeOffset.UtcNow.AddDays(-2));
        var reflection = ReadinessReflection.Create(boundary, clientId, [new(ReadinessQuestion.WhyNow, $"{marker} answer")], DateTimeOffset.UtcNow.AddDays(-1));
        db.AddRange(plan, reflection);
        await db.SaveChangesAsync();
        return (plan.Id, reflection.Id);
    }

    public static async Task<List<TrialContactPlan>> PlansAsync(ClinicAppFactory app, Guid boundaryId)
    {
        await using var scope = app.SystemScope();
        return await app.SystemDb(scope).Set<TrialContactPlan>().AsNoTracking().Where(p => p.BoundaryId == boundaryId).OrderBy(p => p.CreatedAt).ToListAsync();
    }

    public static async Task<T> SingleAsync<T>(ClinicAppFactory app, Func<IQueryable<T>, IQueryable<T>> filter) where T : class
    {
        await using var scope = app.SystemScope();
        return await filter(app.SystemDb(scope).Set<T>().AsNoTracking()).SingleAsync();
    }
}
