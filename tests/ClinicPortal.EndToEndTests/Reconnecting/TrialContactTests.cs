using System.Text.RegularExpressions;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Reconnecting;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Reconnecting;

/// <summary>
/// End to end: a boundary with a parent moves towards contact. The move to reconnecting is refused until a trial-contact
/// plan is written (a risk contact is not offered for standby, and empty exit criteria are refused on the way); the trial ends with a return
/// to no contact naming the exit criterion met, which the boundary's page and history then show. Each page is axe-checked.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TrialContactTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Person = "Father (Alan)";
    private const string Supportive = "Priya Okafor";
    private const string Risk = "Chris Harrow";
    private static readonly string[] Criteria = ["He brings up the inheritance again.", "He turns up without arranging it first."];

    [Fact]
    public async Task A_trial_plan_comes_before_reconnecting_and_the_return_to_no_contact_shows_its_exit_criterion_in_the_history()
    {
        var today = await ClinicTodayAsync();
        var page = await NewPageInFreshContextAsync(o => o.BypassCSP = true); // axe-core is injected as a script
        await PortalPages.SignInAsync(page, DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        var clientId = await ClientSteps.CreateClientAsync(page, new NewClient("Mira Waybackson", null, today.AddDays(-90), "America/Chicago", NewClient.UniqueEmail()));
        var problems = new List<string>();

        // A low-contact boundary with the door open, and a network with a supportive person and a risk contact.
        await page.GotoAsync($"/clinician/clients/{clientId}/boundaries/new");
        await page.GetByLabel("Who the boundary is with").FillAsync(Person);
        await page.GetByLabel("Relationship").SelectOptionAsync(new SelectOptionValue { Label = "Parent" });
        await page.GetByLabel("Contact level").SelectOptionAsync(new SelectOptionValue { Label = "Low contact" });
        await page.GetByLabel("Door left open to reconnect").CheckAsync();
        await page.GetByLabel("Conditions for reconsidering contact 1", new() { Exact = true }).FillAsync("He stops discussing me with relatives.");
        await page.GetByLabel("Status of condition 1").SelectOptionAsync(new SelectOptionValue { Label = "Met" });
        await page.GetByTestId("save-boundary").ClickAsync();
        await Expect(page.GetByTestId("boundary-form").GetByTestId("errors")).ToContainTextAsync(ConditionItem.MetNeedsEvidence);
        await page.GetByLabel("Status of condition 1").SelectOptionAsync(new SelectOptionValue { Label = "Partly" });
        await page.GetByLabel("Evidence for condition 1").FillAsync("My aunt says he has not mentioned me in a month.");
        await page.GetByTestId("save-boundary").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/boundaries/[0-9a-f-]{36}$"));
        var boundaryPath = new Uri(page.Url).AbsolutePath;
        var condition = page.GetByTestId("conditions").GetByTestId("condition");
        await Expect(condition.GetByTestId("condition-status")).ToHaveTextAsync("Partly");
        await Expect(condition.GetByTestId("condition-evidence")).ToContainTextAsync("has not mentioned me in a month");
        await page.GotoAsync($"/clinician/clients/{clientId}/support");
        await TrialSteps.AddSupportPersonAsync(page, Supportive, "Supportive");
        await TrialSteps.AddSupportPersonAsync(page, Risk, "Risk");

        // Reconnecting without a plan is refused.
        await page.GotoAsync($"{boundaryPath}/edit");
        await page.GetByLabel("Contact level").SelectOptionAsync(new SelectOptionValue { Label = "Reconnecting" });
        await page.GetByTestId("save-boundary").ClickAsync();
        await Expect(page.GetByTestId("boundary-form").GetByTestId("errors")).ToContainTextAsync(Boundary.ReconnectingNeedsPlan);

        // The plan: a risk contact on standby is refused, then empty exit criteria, then it is saved.
        await page.GotoAsync(boundaryPath);
        await page.GetByTestId("new-trial").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url($"{boundaryPath}/trial/new"));
        problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"trial form: {v}"));
        var standby = page.GetByTestId("trial-form").GetByLabel("Support person on standby *", new() { Exact = true });
        await Expect(standby.Locator("option", new() { HasText = Supportive })).ToHaveCountAsync(1);
        await Expect(standby.Locator("option", new() { HasText = Risk })).ToHaveCountAsync(0); // never offered (a posted one is refused: TrialContactPlanTests)
        await TrialSteps.FillTrialAsync(page, Supportive);
        var errors = page.GetByTestId("trial-form").GetByTestId("errors");
        await Expect(errors).ToContainTextAsync(TrialContactPlan.NeedsExitCriteria);
        await TrialSteps.FillTrialAsync(page, Supportive, Criteria);
        await Expect(page).ToHaveURLAsync(Url(boundaryPath));
        var trial = page.GetByTestId("trial-in-force");
        await Expect(trial).ToContainTextAsync(Supportive);
        await Expect(trial).ToContainTextAsync(Criteria[1]);

        // Now the move to reconnecting is saved.
        await page.GotoAsync($"{boundaryPath}/edit");
        await page.GetByLabel("Contact level").SelectOptionAsync(new SelectOptionValue { Label = "Reconnecting" });
        await page.GetByTestId("save-boundary").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Boundary saved as revision 2.");
        await Expect(page.GetByTestId("boundary").GetByTestId("contact-level")).ToHaveTextAsync("Reconnecting");
        problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"boundary page: {v}"));

        // The return to no contact: refused without a criterion, then saved with the second one.
        await page.GetByTestId("end-trial").ClickAsync();
        problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"return form: {v}"));
        await page.GetByTestId("return-to-no-contact").ClickAsync();
        await Expect(page.GetByTestId("end-trial-form").GetByTestId("errors")).ToContainTextAsync(TrialExit.ChooseOne);
        await page.GetByLabel(Criteria[1]).CheckAsync();
        await page.GetByTestId("return-to-no-contact").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url(boundaryPath));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Back to no contact, saved as revision 3 with the reason.");
        await Expect(page.GetByTestId("boundary").GetByTestId("contact-level")).ToHaveTextAsync("No contact");
        var note = $"Trial ended, exit criterion met: \"{Criteria[1]}\"";
        await Expect(page.GetByTestId("latest-revision-note")).ToHaveTextAsync(note);
        await Expect(page.GetByTestId("trial-ended").GetByTestId("trial-exit")).ToContainTextAsync(Criteria[1]);

        // The history names the criterion on revision 3 and on the contact-level event.
        await page.GetByTestId("boundary-history").ClickAsync();
        var revisions = page.GetByTestId("revision");
        await Expect(revisions).ToHaveCountAsync(3);
        await Expect(revisions.Nth(0).GetByTestId("revision-note")).ToHaveTextAsync(note);
        await Expect(page.GetByTestId("contact-level-event").Nth(0)).ToContainTextAsync("Returned to no contact (was reconnecting)");
        await Expect(page.GetByTestId("contact-level-event").Nth(0).GetByTestId("level-event-note")).ToHaveTextAsync(note);
        problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"history: {v}"));
        await PortalPages.ScreenshotAsync(page, "reconnecting-history");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        AssertNoBrowserProblems();
    }
}
