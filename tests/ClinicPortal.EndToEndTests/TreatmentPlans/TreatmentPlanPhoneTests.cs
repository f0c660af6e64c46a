using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.TreatmentPlans;

/// <summary>
/// The clinician writes and signs a treatment plan and gives a task; on a phone-sized screen the client reads the plan in
/// plain words, acknowledges it and ticks the task off; the clinician sees both; axe-core finds nothing serious on the client pages.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TreatmentPlanPhoneTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Password = "Plan-And-Tasks-2026!";
    private const string Goal = "Spend evenings without re-reading old messages";
    private const string Task = "Write three reasons of your own";

    [Fact]
    public async Task The_client_acknowledges_the_signed_plan_and_ticks_a_task_off_on_a_phone_and_the_clinician_sees_both()
    {
        var (clientId, email) = await ClientSteps.ClientWithSignInAsync(Portal.Server, "Pia Planner", Password);
        var today = await ClinicTodayAsync();

        // 1. The clinician, at a desk: a plan with one goal, signed, and a task due in a week.
        await SignInAsync(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await Page.GotoAsync($"/clinician/clients/{clientId}/treatment-plan");
        await Page.GetByTestId("edit-plan").ClickAsync();
        await Page.GetByLabel("Presenting problems").FillAsync("Low mood and guilt since stepping away from the family");
        await Page.GetByTestId("goal-description").First.FillAsync(Goal);
        await Page.GetByTestId("goal-kind").First.SelectOptionAsync("CheckInSignal");
        await Page.GetByTestId("goal-signal").First.SelectOptionAsync("Urge");
        await Page.GetByTestId("goal-comparison").First.SelectOptionAsync("AtOrBelow");
        await Page.GetByTestId("goal-threshold").First.FillAsync("4");
        await Page.GetByTestId("goal-weeks").First.FillAsync("3");
        await Page.GetByTestId("goal-target").First.FillAsync(today.AddDays(42).ToString("yyyy-MM-dd"));
        await Page.GetByTestId("save-plan").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved as revision 1, a draft");
        await Expect(Page.GetByTestId("goal-status")).ToHaveTextAsync("No data yet");
        await Page.GetByTestId("sign-plan").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Revision 1 signed");
        await Page.GetByTestId("open-tasks").ClickAsync();
        await Page.GetByTestId("task-title").FillAsync(Task);
        await Page.GetByTestId("task-due").FillAsync(today.AddDays(7).ToString("yyyy-MM-dd"));
        await Page.GetByTestId("give-task").ClickAsync();
        await Expect(Page.GetByTestId("task-row")).ToContainTextAsync(Task);

        // 2. The client, on a phone: the home card, the plan in plain words, acknowledged; the task ticked off.
        // BypassCSP only so axe-core can be injected; everything else is the portal as served.
        var client = await NewPageInFreshContextAsync(o => { Phone(o); o.BypassCSP = true; });
        await PortalPages.SignInAsync(client, email, Password);
        await Expect(client.GetByTestId("my-tasks-card")).ToContainTextAsync(Task);
        await Expect(client.GetByTestId("my-tasks-card")).ToContainTextAsync("Your plan is ready to read.");
        var problems = new List<string>((await Axe.SeriousViolationsAsync(client)).Select(v => $"/client: {v}"));
        await client.GetByTestId("open-my-plan").ClickAsync();
        await Expect(client).ToHaveURLAsync(Url("/client/plan"));
        await Expect(client.GetByTestId("my-goal")).ToContainTextAsync(Goal);
        await Expect(client.GetByTestId("my-goal")).ToContainTextAsync("The pull to get in touch in your check-ins stays at or below 4 out of 10 for 3 weeks in a row.");
        problems.AddRange((await Axe.SeriousViolationsAsync(client)).Select(v => $"/client/plan: {v}"));
        await client.GetByTestId("acknowledge-plan").ClickAsync();
        await Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Your clinician can see that you have read your plan.");
        await Expect(client.GetByTestId("plan-acknowledged")).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(client, "treatment-plan-phone");

        await client.GotoAsync("/client/tasks");
        await client.GetByTestId("tick-task").ClickAsync();
        await Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Ticked off.");
        await Expect(client.GetByTestId("untick-task")).ToBeVisibleAsync();
        problems.AddRange((await Axe.SeriousViolationsAsync(client)).Select(v => $"/client/tasks: {v}"));
        var width = await client.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the tasks page is {width} px wide on a 360 px screen");
        await PortalPages.ScreenshotAsync(client, "client-tasks-phone");
        Assert.True(problems.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", problems));

        // 3. The clinician sees the acknowledgement and the task done.
        await Page.GotoAsync($"/clinician/clients/{clientId}/treatment-plan");
        await Expect(Page.GetByTestId("plan-state")).ToContainTextAsync("The client acknowledged it on");
        await Page.GotoAsync($"/clinician/clients/{clientId}/tasks");
        await Expect(Page.GetByTestId("task-done")).ToContainTextAsync("Done");
        AssertNoBrowserProblems();
    }
}
