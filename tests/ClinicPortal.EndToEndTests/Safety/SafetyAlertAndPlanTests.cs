using System.Globalization;
using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Safety;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Safety;

/// <summary>
/// End to end: a clinician records an imminent safety concern; the alert shows in the nav and
/// keeps the client at the top of the caseload until acknowledged, and the clinician's email names no
/// one. Then the clinician builds and shares a safety plan, which the client opens from the crisis
/// strip on a small phone in one tap.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SafetyAlertAndPlanTests(PortalFixture portal) : PortalTest(portal)
{
    // Riley's demo caseload has no unacknowledged imminent alert (Morgan's has Jordan's), so the new client
    // is alone at the top while the alert is open; their surname sorts after Riley's demo clients.
    private const string ClinicianEmail = DemoLogins.RileyEmail;
    private const string ClinicianName = "Riley Sample, LCSW";
    private const string ClientPassword = "Client-Pass-2026!safety";

    private const string ConcernType = "Showing up at home or work";
    private const string Involved = "Former stepfather";
    private const string Description =
        "The former stepfather was waiting in the car park at the client's work on Monday and followed her to the bus stop.";

    private static readonly (string Field, string ClientHeading, string Text)[] PlanSteps =
    [
        ("WarningSigns", "Signs that a hard moment is starting", "Checking the car park from the window. Replaying his voicemails."),
        ("OnMyOwn", "Things I can do on my own", "Cold water on my face, then the 4-7-8 breathing. Put the kettle on."),
        ("PeopleToAskForHelp", "People I can ask for help", "My friend Dana (any time, she has a spare room). My manager Ike during work hours."),
        ("IfTheyMakeContact", "If they contact me or show up", "Do not go outside. Call security at work or 911. Screenshot anything he sends."),
    ];

    private ILocator CaseloadRows => Page.GetByTestId("caseload").Locator("tbody tr");

    [Fact]
    public async Task An_imminent_concern_alerts_the_clinician_until_acknowledged_and_the_client_opens_the_shared_plan_in_one_tap()
    {
        var today = await ClinicTodayAsync();
        var client = new NewClient("Tamsin Wrenfield", "Tam", today.AddDays(-30), "America/New_York", NewClient.UniqueEmail());
        string[] secrets = [client.FullName, client.PreferredName!, "Tamsin", "Wrenfield", client.Email, Description, Involved, ConcernType,
            "imminent", "stepfather", "concern", "safety"];

        await SignInAsync(ClinicianEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        await Expect(Page.GetByTestId("caseload-imminent")).ToHaveCountAsync(0);
        var alertsBefore = await AlertCountAsync();

        // The client gets a sign-in first, on a small phone of their own.
        var clientId = await ClientSteps.CreateClientAsync(Page, client);
        var link = await ClientSteps.InviteAsync(Page, clientId, client.Email, Portal.Server.MailDirectory);
        var phone = await NewPageInFreshContextAsync(Phone);
        await ClientSteps.AcceptInvitationAsync(phone, link, ClientPassword);
        await Expect(phone.GetByTestId("open-safety-plan")).ToHaveCountAsync(0); // nothing shared yet

        // 1. An imminent concern: the clinician is alerted at once, and emailed.
        var mailBefore = PortalMail.Files(Portal.Server.MailDirectory);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Safety", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"/clinician/clients/{clientId}/safety"));
        await Expect(Page.GetByTestId("concern-list")).ToContainTextAsync("No safety concerns recorded.");
        await Page.GetByTestId("new-concern").ClickAsync();
        await Page.GetByLabel("Type of concern").SelectOptionAsync(new SelectOptionValue { Label = ConcernType });
        await Page.GetByLabel("Severity").SelectOptionAsync(new SelectOptionValue { Label = "Imminent" });
        await Expect(Page.GetByLabel("Status")).ToHaveValueAsync("Open");
        await Expect(Page.GetByLabel("First noticed")).ToHaveValueAsync(Iso(today));
        await Page.GetByLabel("First noticed").FillAsync(Iso(today.AddDays(-3)));
        await Page.GetByLabel("Last occurrence").FillAsync(Iso(today.AddDays(-1)));
        await Page.GetByLabel("Who is involved").FillAsync(Involved);
        await Page.GetByLabel("Next review").FillAsync(Iso(today.AddDays(-1)));
        await Page.GetByLabel("What happened").FillAsync(Description);
        await Page.GetByTestId("save-concern").ClickAsync();

        // A review date in the past for an open concern is refused; nothing is saved, nothing typed is lost.
        await Expect(Page.GetByTestId("concern-form").GetByTestId("errors")).ToContainTextAsync("The next review date is in the past.");
        await Expect(Page.GetByLabel("Type of concern")).ToHaveValueAsync("ShowingUpAtHomeOrWork");
        await Expect(Page.GetByLabel("Severity")).ToHaveValueAsync("Imminent");
        await Expect(Page.GetByLabel("First noticed")).ToHaveValueAsync(Iso(today.AddDays(-3)));
        await Expect(Page.GetByLabel("What happened")).ToHaveValueAsync(Description);
        await Expect(AlertCount).ToHaveCountAsync(alertsBefore == 0 ? 0 : 1);
        await Page.GetByLabel("Next review").FillAsync(Iso(today.AddDays(2)));
        await Page.GetByTestId("save-concern").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"/clinician/clients/{clientId}/safety/concerns/[0-9a-f-]{{36}}$"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Concern recorded. An alert was raised.");
        await Expect(Page.GetByTestId("concern-type")).ToHaveTextAsync(ConcernType);
        await Expect(Page.GetByTestId("concern").GetByTestId("severity")).ToHaveTextAsync("Imminent");
        await Expect(Page.GetByTestId("concern-description")).ToHaveTextAsync(Description);
        await Expect(Page.GetByTestId("open-alert")).ToHaveCountAsync(1);
        await Expect(AlertCount).ToHaveTextAsync($"{alertsBefore + 1} unacknowledged");

        // The email only asks the clinician to sign in: no name, no address, no id, nothing clinical.
        var mail = await PortalMail.WaitForMessageToAsync(Portal.Server.MailDirectory, ClinicianEmail, except: mailBefore);
        Assert.Equal(ClinicPortal.Core.Email.DiscreetMessages.UrgentAlertSubject, mail.Subject);
        Assert.Contains("You have an urgent alert. Sign in to see it.", mail.Body);
        foreach (var secret in secrets.Append(clientId.ToString()).Append(clientId.ToString("N")).Append("/clinician/clients"))
            Assert.DoesNotContain(secret, mail.Text, StringComparison.OrdinalIgnoreCase);

        // 2. The caseload: the client is on top with the imminent badge.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).ClickAsync();
        await Expect(CaseloadRows.First.GetByTestId("caseload-client")).ToHaveTextAsync(client.DisplayName);
        await Expect(CaseloadRows.First.GetByTestId("caseload-imminent")).ToHaveTextAsync("Imminent alert");
        await Expect(CaseloadRows.First).ToHaveClassAsync(new Regex(@"\btable-danger\b"));
        await Expect(Page.GetByTestId("caseload-imminent")).ToHaveCountAsync(1);
        await Expect(CaseloadRows.First.GetByTestId("caseload-concerns")).ToContainTextAsync("Imminent");
        await ScreenshotAsync("safety-caseload-imminent-on-top");

        // 3. The alerts page: acknowledge it.
        await CaseloadRows.First.GetByTestId("caseload-imminent").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/clinician/alerts"));
        var alertRow = Page.GetByTestId("open-alert").Filter(new() { HasText = client.DisplayName });
        await Expect(alertRow).ToHaveCountAsync(1);
        await Expect(alertRow).ToHaveClassAsync(new Regex(@"\btable-danger\b"));
        await Expect(alertRow.GetByTestId("severity")).ToHaveTextAsync("Imminent");
        await Expect(alertRow).ToContainTextAsync(ConcernType);
        await ScreenshotAsync("safety-alerts-open");
        await alertRow.GetByTestId("acknowledge-response").SelectOptionAsync(new SelectOptionValue { Label = "Called the client" });
        await alertRow.GetByTestId("acknowledge").ClickAsync();

        await Expect(Page).ToHaveURLAsync(Url("/clinician/alerts"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Alert acknowledged.");
        await Expect(alertRow).ToHaveCountAsync(0);
        var acknowledged = Page.GetByTestId("acknowledged-alert").Filter(new() { HasText = client.DisplayName });
        await Expect(acknowledged).ToHaveCountAsync(1);
        await Expect(acknowledged.GetByTestId("acknowledged-by")).ToContainTextAsync(ClinicianName);
        if (alertsBefore == 0) await Expect(AlertCount).ToHaveCountAsync(0);
        else await Expect(AlertCount).ToHaveTextAsync($"{alertsBefore} unacknowledged");

        // The client leaves the top of the caseload; the concern itself stays open.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("caseload-imminent")).ToHaveCountAsync(0);
        await Expect(CaseloadRows.First.GetByTestId("caseload-client")).Not.ToHaveTextAsync(client.DisplayName);
        var clientRow = CaseloadRows.Filter(new() { Has = Page.GetByTestId("caseload-client").GetByText(client.DisplayName, new() { Exact = true }) });
        await Expect(clientRow).ToHaveCountAsync(1);
        await Expect(clientRow).Not.ToHaveClassAsync(new Regex(@"\btable-danger\b"));
        await Expect(clientRow.GetByTestId("caseload-concerns")).ToContainTextAsync("1");
        AssertNoBrowserProblems();

        // 4. The safety plan: saved privately first, which the client cannot see ...
        await Page.GotoAsync($"/clinician/clients/{clientId}/safety");
        await Expect(Page.GetByTestId("concern-row")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("concern-alert")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("plan-card")).ToContainTextAsync("No safety plan yet.");
        await Page.GetByTestId("open-plan").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url($"/clinician/clients/{clientId}/safety/plan"));
        foreach (var (field, _, text) in PlanSteps)
            await Page.GetByTestId("plan-form").Locator($"#{field}").FillAsync(text);
        await Expect(Page.GetByLabel("Share with the client")).Not.ToBeCheckedAsync();
        await Page.GetByTestId("save-plan").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Safety plan saved as revision 1. It is not shared with the client.");
        await Expect(Page.GetByTestId("plan-updated")).ToContainTextAsync(ClinicianName);

        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("crisis-resources")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("open-safety-plan")).ToHaveCountAsync(0);
        await phone.GotoAsync("/client/safety-plan");
        await Expect(phone.GetByTestId("no-plan")).ToBeVisibleAsync();
        await Expect(phone.GetByText(PlanSteps[0].Text)).ToHaveCountAsync(0);

        // ... then shared.
        await Page.GetByLabel("Share with the client").CheckAsync();
        await Page.GetByTestId("save-plan").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Safety plan saved as revision 2. The client can open it from their home.");
        await Expect(Page.GetByTestId("plan-revision")).ToHaveCountAsync(2); // who, when and what changed, newest first
        await Expect(Page.GetByTestId("plan-revision").First).ToContainTextAsync("Shared with the client.");
        await Expect(Page.GetByLabel("Share with the client")).ToBeCheckedAsync();
        foreach (var (field, _, text) in PlanSteps)
            await Expect(Page.GetByTestId("plan-form").Locator($"#{field}")).ToHaveValueAsync(text);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to safety" }).ClickAsync();
        await Expect(Page.GetByTestId("plan-card")).ToContainTextAsync("Shared with the client");
        AssertNoBrowserProblems();

        // 5. The client, on a 360×740 phone: crisis numbers at the top of the page, with call and text links.
        await phone.GotoAsync(RoleHomes.Client);
        await Expect(phone.GetByTestId("home-title")).ToHaveTextAsync("My space");
        var strip = phone.GetByTestId("crisis-resources");
        await Expect(strip).ToBeInViewportAsync();
        var stripBox = (await strip.BoundingBoxAsync())!;
        var mainBox = (await phone.Locator("main").BoundingBoxAsync())!;
        Assert.True(stripBox.Y + stripBox.Height <= mainBox.Y + 1, $"The crisis strip (y {stripBox.Y}–{stripBox.Y + stripBox.Height}) should come before the page content (y {mainBox.Y}).");
        Assert.True(stripBox.Width <= 360, $"The crisis strip is {stripBox.Width} px wide on a 360 px screen.");
        // Compact on a phone: its own tint, no bullets, and the "when to use" lines left for wider screens.
        await Expect(strip).ToHaveCSSAsync("background-color", "rgb(255, 244, 242)");
        await Expect(strip.Locator("ul")).ToHaveCSSAsync("list-style-type", "none");
        await Expect(strip.Locator(".crisis-when").First).ToBeHiddenAsync();

        var resources = await ActiveCrisisResourcesAsync();
        Assert.Contains(resources, r => r.Phone is not null);
        Assert.Contains(resources, r => r.TextNumber is not null);
        await Expect(strip.GetByTestId("crisis-resource")).ToHaveCountAsync(resources.Count);
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            var item = strip.GetByTestId("crisis-resource").Nth(i);
            await Expect(item).ToContainTextAsync(r.Name);
            if (r.TelHref is { } tel)
            {
                await Expect(item.GetByTestId("crisis-call")).ToHaveAttributeAsync("href", tel);
                await Expect(item.GetByTestId("crisis-call")).ToHaveTextAsync($"Call {r.Phone}");
                await ExpectTouchTargetAsync(item.GetByTestId("crisis-call"));
            }
            else await Expect(item.GetByTestId("crisis-call")).ToHaveCountAsync(0);
            if (r.SmsHref is { } sms)
            {
                await Expect(item.GetByTestId("crisis-text")).ToHaveAttributeAsync("href", sms);
                await Expect(item.GetByTestId("crisis-text")).ToHaveTextAsync(r.TextLabel!); // "Text 988", "Text START to 88788"
                await ExpectTouchTargetAsync(item.GetByTestId("crisis-text"));
            }
            else await Expect(item.GetByTestId("crisis-text")).ToHaveCountAsync(0);
        }
        // The default US numbers are there as dialable links.
        await Expect(strip.Locator("a[href='tel:911']")).ToHaveCountAsync(1);
        await Expect(strip.Locator("a[href='sms:988']")).ToHaveCountAsync(1);
        await Expect(strip.GetByTestId("crisis-call").First).ToBeInViewportAsync(); // no scrolling to reach the first number

        // The client sees nothing of the register.
        foreach (var hidden in new[] { Description, Involved, ConcernType, "Imminent" })
            await Expect(phone.GetByText(hidden)).ToHaveCountAsync(0);

        // One tap from their home to the plan.
        var openPlan = phone.GetByTestId("open-safety-plan");
        await Expect(openPlan).ToBeInViewportAsync();
        await ExpectTouchTargetAsync(openPlan);
        await PortalPages.ScreenshotAsync(phone, "safety-client-home-phone");
        await openPlan.TapAsync();

        await Expect(phone).ToHaveURLAsync(Url("/client/safety-plan"));
        await Expect(phone.GetByTestId("home-title")).ToHaveTextAsync("My safety plan");
        var steps = phone.GetByTestId("plan-step");
        await Expect(steps).ToHaveCountAsync(PlanSteps.Length);
        for (var i = 0; i < PlanSteps.Length; i++)
        {
            await Expect(steps.Nth(i).GetByRole(AriaRole.Heading)).ToHaveTextAsync(PlanSteps[i].ClientHeading);
            await Expect(steps.Nth(i)).ToContainTextAsync(PlanSteps[i].Text);
        }
        await Expect(phone.GetByTestId("print-plan")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("crisis-resources")).ToBeInViewportAsync(); // on every client page
        await Expect(phone.GetByText(Description)).ToHaveCountAsync(0);
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The safety plan scrolls sideways on a 360 px phone ({width} px wide).");
        await PortalPages.ScreenshotAsync(phone, "safety-client-plan-phone");
        AssertNoBrowserProblems();
    }

    private ILocator AlertCount => Page.GetByTestId("alerts-link").GetByTestId("alert-count");

    private async Task<int> AlertCountAsync() =>
        await AlertCount.CountAsync() == 0 ? 0 : int.Parse((await AlertCount.TextContentAsync())!.Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>The clinic's active crisis resources in display order, as the strip should list them.</summary>
    private async Task<List<Core.Safety.CrisisResource>> ActiveCrisisResourcesAsync()
    {
        await using var scope = Portal.Server.SystemScope();
        return await CrisisResourceCache.ReadActiveAsync(scope.ServiceProvider.GetRequiredService<ClinicDbContext>(), CancellationToken.None);
    }

    /// <summary>Big enough for a thumb (44 CSS px, WCAG 2.5.5).</summary>
    private static async Task ExpectTouchTargetAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 44, $"A touch target is only {box.Height} px high.");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
