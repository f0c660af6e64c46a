using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Administration;

/// <summary>Hangfire's dashboard in a real browser, under the app's Content-Security-Policy: nothing blocked, nothing broken.</summary>
[Collection(PortalCollection.Name)]
public sealed class JobsDashboardTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task An_administrator_browses_the_dashboard_without_a_single_policy_violation()
    {
        await SignInAsync(DemoClinicSeeder.Admin.Email, DemoLogins.AdminPassword);

        await Page.GotoAsync("/admin/jobs");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Page.GotoAsync("/admin/jobs/recurring");
        await Expect(Page.GetByText("outbox-dispatch")).ToBeVisibleAsync();
        await Page.GotoAsync("/admin/jobs/servers");
        await Expect(Page.Locator("table")).ToBeVisibleAsync();
        // A job's page colours its state cards with style attributes, which the dashboard's policy allows (inline styles only).
        await Page.GotoAsync("/admin/jobs/recurring");
        await Page.Locator("input.js-jobs-list-checkbox[value='outbox-dispatch']").CheckAsync();
        // The dashboard reloads the page once the command is done: wait for that, or the next navigation is cut short.
        await Page.RunAndWaitForNavigationAsync(() => Page.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync());
        // The triggered run goes through a worker; wait (with a deadline) for it to be listed as succeeded.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do await Page.GotoAsync("/admin/jobs/jobs/succeeded");
        while (await Page.Locator("a.job-method").CountAsync() == 0 && DateTime.UtcNow < deadline);
        await Page.Locator("a.job-method").First.ClickAsync();
        await Expect(Page.Locator(".state-card").First).ToBeVisibleAsync();
        await ScreenshotAsync("jobs-dashboard-job");
        Assert.DoesNotContain("example.org", await Page.ContentAsync());

        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_clinician_finds_nothing_there()
    {
        await SignInAsync(DemoClinicSeeder.Clinicians[0].Email, DemoLogins.ClinicianPassword);
        var response = await Page.GotoAsync("/admin/jobs");
        Assert.Equal(404, response!.Status);
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("Hangfire");
    }
}
