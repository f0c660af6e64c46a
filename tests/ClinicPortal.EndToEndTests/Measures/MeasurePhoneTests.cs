using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Measures;

/// <summary>
/// A PHQ-9 on a phone-sized screen (360 x 740): the clinician gives it; the client finds it from their home, answers
/// half, stops, comes back to their answers, finishes and sends; the clinician reads the total. axe-core finds no
/// serious or critical problem on the questionnaire.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MeasurePhoneTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_client_completes_a_PHQ_9_on_a_phone_stopping_and_resuming_half_way()
    {
        Guid rowan;
        await using (var scope = Portal.Server.SystemScope())
            rowan = await Portal.Server.SystemDb(scope).Clients.Where(c => c.Email == DemoLogins.RowanEmail).Select(c => c.Id).SingleAsync();
        await SignInAsync(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await Page.GotoAsync($"/clinician/clients/{rowan}/measures");
        await Page.GetByLabel("Questionnaire *").First.SelectOptionAsync("PHQ-9");
        await Page.GetByLabel("In the client's space").CheckAsync();
        await Page.GetByTestId("give-measure").ClickAsync();
        await Expect(Page.GetByTestId("open-measures")).ToContainTextAsync("PHQ-9");

        var phone = await NewPageInFreshContextAsync(o => { Phone(o); o.BypassCSP = true; }); // BypassCSP only to inject axe-core
        await PortalPages.SignInAsync(phone, DemoLogins.RowanEmail, DemoLogins.ClientPassword);
        await Expect(phone.GetByTestId("measures-waiting")).ToHaveTextAsync("1 waiting");
        await phone.GetByTestId("open-measures").ClickAsync();
        await phone.GetByTestId("answer-measure").First.ClickAsync();
        var items = phone.GetByTestId("questionnaire-item");
        await Expect(items).ToHaveCountAsync(9);
        for (var i = 0; i < 5; i++) await items.Nth(i).GetByLabel("Several days").CheckAsync();
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the questionnaire is {width} px wide on a 360 px screen");
        var problems = await Axe.SeriousViolationsAsync(phone);
        Assert.True(problems.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", problems));
        await phone.GetByTestId("save-draft").ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        await Expect(phone.GetByTestId("my-open-measure")).ToContainTextAsync("5 of 9 answered");

        await phone.GetByTestId("answer-measure").First.ClickAsync(); // back later: the five answers are still there
        await Expect(items.Nth(4).GetByLabel("Several days")).ToBeCheckedAsync();
        for (var i = 5; i < 8; i++) await items.Nth(i).GetByLabel("More than half the days").CheckAsync();
        await items.Nth(8).GetByLabel("Not at all").CheckAsync();
        await phone.GetByTestId("send-answers").ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answers were sent");
        await PortalPages.ScreenshotAsync(phone, "measure-phone-sent");

        await Page.GotoAsync($"/clinician/clients/{rowan}/measures");
        var trend = Page.Locator("[data-testid='measure-trend'][data-instrument='PHQ-9']");
        await Expect(trend.GetByTestId("latest-total")).ToHaveTextAsync("11"); // 5 × 1 + 3 × 2 + 0
        AssertNoBrowserProblems();
    }
}
