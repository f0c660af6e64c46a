using System.Net;
using ClinicPortal.Infrastructure.Jobs;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Security;
using ClinicPortal.Web.Demo;

namespace ClinicPortal.IntegrationTests.Administration;

/// <summary>Hangfire's dashboard at /admin/jobs: administrators only, everyone else the 404 page; its CSP loosened for it alone.</summary>
public sealed class JobsDashboardTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static readonly string[] Pages = ["/admin/jobs", "/admin/jobs/recurring", "/admin/jobs/servers", "/admin/jobs/jobs/succeeded"];

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    [Fact]
    public async Task Administrators_see_the_recurring_jobs_and_servers_under_a_policy_loosened_for_inline_styles_only()
    {
        var admin = await AdminArrange.AdminAsync(app);

        foreach (var page in Pages)
        {
            var response = await admin.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            Assert.Equal(SecurityHeadersMiddleware.JobsDashboardPolicy, Csp(response));
        }
        var recurring = await admin.GetPageAsync("/admin/jobs/recurring");
        foreach (var id in new[] { JobSchedules.OutboxDispatch, JobSchedules.CheckInPrompts, JobSchedules.OverdueReviews })
            Assert.Contains(id, recurring);
        Assert.DoesNotContain("Host=", recurring); // no connection string on show

        // The only difference from every other page: inline styles. Scripts stay 'self' only.
        static IEnumerable<string> Directives(string policy) => policy.Split(';').Select(d => d.Trim());
        var dashboard = Directives(SecurityHeadersMiddleware.JobsDashboardPolicy).ToList();
        var strict = Directives(SecurityHeadersMiddleware.ContentSecurityPolicy).ToList();
        Assert.Equal(["style-src 'self' 'unsafe-inline'"], dashboard.Except(strict));
        Assert.Equal(["style-src 'self'"], strict.Except(dashboard));
        Assert.Contains("script-src 'self'", dashboard);
        // ... and the administrator's other pages keep the strict policy.
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Csp(await admin.Http.GetAsync("/admin")));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Csp(await admin.Http.GetAsync("/admin/outbox")));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData(Arrange.MorganEmail)]
    [InlineData(DemoLogins.JordanEmail)]
    public async Task Everyone_else_gets_the_404_page_under_the_strict_policy(string who)
    {
        var visitor = who == "anonymous" ? new BrowserSession(app.CreateBrowserLikeClient()) : await Arrange.SignedInAsync(app, who);

        foreach (var page in Pages.Append("/admin/jobs/stats"))
        {
            var response = await visitor.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} at {page}: {response.StatusCode}");
            Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Csp(response));
            Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
        }
        var post = await visitor.Http.PostAsync("/admin/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", JobSchedules.OutboxDispatch)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
