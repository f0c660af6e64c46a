using System.Net;
using ClinicPortal.Core.Reports;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Reports;
using ClinicPortal.Testing;

namespace ClinicPortal.IntegrationTests.TreatmentPlans;

public sealed class TreatmentPlanReportTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task The_report_shows_the_signed_plan_and_the_tasks_given_and_done_and_the_client_copy_says_it_plainly()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Rita Report");
        var taskId = await TreatmentPlanArrange.SignedPlanAndTaskAsync(app, login.Client, "Reported");
        var client = await CheckInArrange.SignedInAsync(app, login);
        await client.PostFormAsync("/client/tasks", $"/client/tasks/{taskId}/tick", [new("done", "true")]);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var reports = $"/clinician/clients/{login.Client.Id}/reports";
        var today = TreatmentPlanArrange.Today;

        async Task<string> ReportAsync(ReportAudience audience)
        {
            var response = await session.PostFormAsync(reports, reports, ReportArrange.Form(today.AddDays(-7), today, audience, sections: [ReportSections.TreatmentPlan]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var start = html.IndexOf("data-testid=\"report\"", StringComparison.Ordinal);
            Assert.True(start >= 0, "no report on the page");
            return WebUtility.HtmlDecode(html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)]);
        }

        var provider = await ReportAsync(ReportAudience.Provider);
        Assert.Contains(">Treatment plan and tasks</h2>", provider);
        Assert.Contains("Reported presenting problems", provider);
        Assert.Contains("Reported task", provider);
        Assert.Matches("Tasks given in the period</dt>\\s*<dd>1</dd>", provider);
        Assert.Matches("Done by the end</dt>\\s*<dd>1</dd>", provider);

        var plain = await ReportAsync(ReportAudience.Client);
        Assert.Contains(">Your plan and tasks between sessions</h2>", plain);
        Assert.Matches("Ticked off</dt>\\s*<dd>1</dd>", plain);
        Assert.DoesNotContain("Overdue", plain);
    }
}
