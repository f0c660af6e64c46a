using System.Net;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.IntegrationTests.BoundaryPlans;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Concurrency;
using ClinicPortal.IntegrationTests.Progress;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Reports;

/// <summary>
/// The safety plan keeps its revisions and a person their role changes, both shown where they are edited, and a report
/// for a period shows them as they stood at its end even after they were changed.
/// </summary>
public sealed class ReportAsOfPeriodEndTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    [Fact]
    public async Task Changes_after_the_period_end_leave_the_report_for_the_period_as_it_was()
    {
        var today = await ProgressArrange.TodayAsync(app);
        var client = await ReportArrange.ClientAsync(app, "Ada Asof");
        var weeksAgo = DateTimeOffset.UtcNow.AddDays(-20);
        var person = await BoundaryArrange.PersonAsync(app, client, "Sam Steady", SupportRole.Supportive);
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            var (plan, first) = SafetyPlan.Create(client.Id, new Dictionary<SafetyPlanStep, string?> { [SafetyPlanStep.WarningSigns] = "Not sleeping" }, [], true,
                client.PrimaryClinicianId, weeksAgo);
            db.AddRange(plan, first);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE support_people SET created_at = {weeksAgo} WHERE id = {person.Id}");
        }
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var (planPage, personPage) = ($"/clinician/clients/{client.Id}/safety/plan", $"/clinician/clients/{client.Id}/support/{person.Id}/edit");

        // Today, after the period that ends yesterday: the plan is changed and no longer shared, Sam becomes mutual / neutral.
        var planFields = HtmlForm.FieldsOf(await session.GetPageAsync(planPage), planPage).With("WarningSigns", "Pacing at night").Without("SharedWithClient", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(planPage, planPage, planFields)).StatusCode);
        var personFields = HtmlForm.FieldsOf(await session.GetPageAsync(personPage), personPage).With("Role", nameof(SupportRole.MutualNeutral));
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(personPage, personPage, personFields)).StatusCode);

        var revisions = WebUtility.HtmlDecode(await session.GetPageAsync(planPage));
        Assert.Equal(2, CountOf(revisions, "data-testid=\"plan-revision\""));
        Assert.Contains("Warning signs changed; no longer shared with the client.", revisions);
        Assert.Contains("Created with Warning signs; shared with the client.", revisions);
        var history = WebUtility.HtmlDecode(await session.GetPageAsync(personPage));
        Assert.Contains("Supportive → Mutual / neutral", history);
        Assert.Contains("Morgan", history[history.IndexOf("data-testid=\"role-history\"", StringComparison.Ordinal)..]);

        var past = await ReportAsync(session, client.Id, today.AddDays(-30), today.AddDays(-1));
        Assert.Matches(@"<dt>Supportive</dt>\s*<dd>1</dd>", past);
        Assert.Matches(@"<dt>Mutual / neutral</dt>\s*<dd>0</dd>", past);
        Assert.Matches("Revision 1, saved [^;]+; 1 of 8 steps filled; shared with the client", past);

        var now = await ReportAsync(session, client.Id, today.AddDays(-30), today);
        Assert.Matches(@"<dt>Supportive</dt>\s*<dd>0</dd>", now);
        Assert.Matches(@"<dt>Mutual / neutral</dt>\s*<dd>1</dd>", now);
        Assert.Matches("Revision 2, saved [^;]+; 1 of 8 steps filled; not shared with the client", now);
    }

    private static async Task<string> ReportAsync(BrowserSession session, Guid clientId, DateOnly from, DateOnly to)
    {
        var reports = $"/clinician/clients/{clientId}/reports";
        var response = await session.PostFormAsync(reports, reports, ReportArrange.Form(from, to, ReportAudience.Provider));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
