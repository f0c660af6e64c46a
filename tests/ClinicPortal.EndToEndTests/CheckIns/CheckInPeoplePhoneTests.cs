using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.CheckIns;

/// <summary>
/// On a phone-sized screen (360 x 740): Quinn, whose plan has two boundaries, checks in about one person by name with
/// feelings ticked; axe-core finds no serious or critical problem on the form; her clinician sees who, and the counts.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CheckInPeoplePhoneTests(PortalFixture portal) : PortalTest(portal)
{
    private const string QuinnName = "Quinn Demonstration";

    [Fact]
    public async Task A_client_with_two_boundaries_checks_in_naming_a_person_with_feelings_and_the_clinician_sees_who()
    {
        // axe-core is injected as a script, which the portal's CSP forbids: this one context lets it through.
        await using var context = await Portal.Browser.NewContextAsync(new()
        {
            BaseURL = Portal.BaseAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, Locale = "en-US", BypassCSP = true,
        });
        var phone = await context.NewPageAsync();
        await PortalPages.SignInAsync(phone, DemoLogins.QuinnEmail, DemoLogins.ClientPassword);
        await Expect(phone).ToHaveURLAsync(Url("/client"));
        await phone.GetByTestId("check-in").ClickAsync();
        await Expect(phone).ToHaveURLAsync(Url("/client/check-ins/new"));
        await Expect(phone.GetByTestId("check-in-person")).ToHaveCountAsync(2);
        var axe = await Axe.SeriousViolationsAsync(phone);
        Assert.True(axe.Count == 0, "axe-core found serious or critical problems on the check-in form:\n" + string.Join("\n", axe));
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the check-in form is {width} px wide on a 360 px screen");

        await Choose(phone, "How are you feeling overall?", "5");
        await Choose(phone, "How strong is the pull to get in touch with any of them?", "6");
        var chat = phone.GetByTestId("check-in-person").Filter(new() { HasText = "About Old team group chat" });
        await Choose(chat, "Urge to contact Old team group chat (optional)", "7");
        await chat.GetByLabel("I looked them up or checked their profiles").CheckAsync();
        await Choose(phone, "Any of these feelings today? (optional)", "Loneliness");
        await Choose(phone, "Any of these feelings today? (optional)", "Grief");
        var tag = await phone.Locator("label[for='Emotions_Grief']").BoundingBoxAsync();
        Assert.True(tag is { Height: >= 44 }, $"feeling tags are at least 44 px high (got {tag?.Height})");
        await ScreenshotAsync(phone, "check-in-people-phone-form");
        await phone.GetByTestId("save-check-in").ClickAsync();
        await Expect(phone).ToHaveURLAsync(Url("/client"));

        await phone.GotoAsync("/client/check-ins");
        var mine = phone.GetByTestId("my-check-in").First;
        await Expect(mine.GetByTestId("my-emotions")).ToHaveTextAsync("Grief, Loneliness");
        await Expect(mine.GetByTestId("my-person-answer")).ToHaveTextAsync("urge 7 out of 10; you looked them up");

        var clinician = await NewPageInFreshContextAsync();
        await PortalPages.SignInAsync(clinician, DemoLogins.RileyEmail, DemoLogins.ClinicianPassword);
        await clinician.GotoAsync("/clinician");
        await clinician.Locator("tr").Filter(new() { HasText = QuinnName }).GetByTestId("caseload-client").ClickAsync();
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Check-ins", Exact = true }).ClickAsync();
        await Expect(clinician).ToHaveURLAsync(new Regex("/clinician/clients/[0-9a-f-]+/check-ins$"));
        await Expect(clinician.GetByTestId("check-in-row").First.GetByTestId("emotions")).ToHaveTextAsync("Grief, Loneliness");
        await Expect(clinician.GetByTestId("check-in-people").First).ToContainTextAsync("Old team group chat: urge 7 out of 10; client looked them up");
        await Expect(clinician.GetByTestId("check-in-tally").GetByTestId("tally-emotions")).ToContainTextAsync("Grief");
        AssertNoBrowserProblems();
    }

    /// <summary>Taps the choice labelled <paramref name="text"/> in the question (fieldset) <paramref name="question"/>.</summary>
    private static Task Choose(IPage page, string question, string text) => Choose(page.Locator("body"), question, text);

    private static Task Choose(ILocator within, string question, string text) =>
        within.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).Locator("label")
            .Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") }).ClickAsync();

    private static Task ScreenshotAsync(IPage page, string name) => PortalPages.ScreenshotAsync(page, name);
}
