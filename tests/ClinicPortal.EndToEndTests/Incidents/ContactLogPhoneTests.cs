using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Incidents;

/// <summary>
/// On a phone-sized screen (360 x 740): a client notes a contact from their home in a few taps (when defaults to now), sees the
/// note with its record check, and the pages name no "incident" anywhere a watching eye would look; axe-core finds no serious or
/// critical problem. The steps are small methods so more can be added to the note (a screenshot) without rewriting the test.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ContactLogPhoneTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };
    private const string Words = "E2E: \"I'll be outside your work at five.\"";

    [Fact]
    public async Task A_client_notes_a_contact_from_the_phone_and_sees_it_kept_intact()
    {
        var phone = await NewPageInFreshContextAsync(o => { Phone(o); o.BypassCSP = true; }); // BypassCSP only to inject axe-core
        await PortalPages.SignInAsync(phone, DemoLogins.SkyEmail, DemoLogins.ClientPassword);

        await phone.GetByTestId("open-contact-log").ClickAsync();
        await Expect(phone).ToHaveURLAsync(Url("/client/log/new"));
        await AssertDiscreetAndAccessibleAsync(phone);
        await FillQuickNoteAsync(phone);
        await PortalPages.ScreenshotAsync(phone, "contact-log-phone-form");
        await phone.GetByTestId("save-note").ClickAsync();

        await Expect(phone).ToHaveURLAsync(NoteUrl());
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Your clinician can read this note.");
        await Expect(phone.GetByTestId("account")).ToHaveTextAsync(Words);
        await Expect(phone.GetByTestId("record-intact")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("correct-note")).ToBeVisibleAsync(); // the window is open
        await AssertDiscreetAndAccessibleAsync(phone);
        await PortalPages.ScreenshotAsync(phone, "contact-log-phone-note");

        await phone.GotoAsync("/client/log");
        await Expect(phone.GetByTestId("note-row").First).ToContainTextAsync("outside your work");
        await AssertDiscreetAndAccessibleAsync(phone);
        AssertNoBrowserProblems();
    }

    /// <summary>The quick part only: when is already now; how and what was said.</summary>
    private static async Task FillQuickNoteAsync(IPage phone)
    {
        Assert.False(string.IsNullOrEmpty(await phone.GetByLabel("Day", Exact).InputValueAsync()), "the day defaults to today");
        Assert.False(string.IsNullOrEmpty(await phone.GetByLabel("Time", Exact).InputValueAsync()), "the time defaults to now");
        await phone.GetByLabel("How", Exact).SelectOptionAsync(new SelectOptionValue { Label = "Text message" });
        await phone.GetByLabel("What was said or done", Exact).FillAsync(Words);
        await Expect(phone.GetByLabel("Keep this private", Exact)).Not.ToBeCheckedAsync();
    }

    private static async Task AssertDiscreetAndAccessibleAsync(IPage page)
    {
        var title = await page.TitleAsync();
        Assert.DoesNotContain("ncident", title, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ncident", await page.Locator("body").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{page.Url} is {width} px wide on a 360 px screen");
        var problems = await Axe.SeriousViolationsAsync(page);
        Assert.True(problems.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"/client/log/[0-9a-f-]{36}$")]
    private static partial Regex NoteUrl();
}
