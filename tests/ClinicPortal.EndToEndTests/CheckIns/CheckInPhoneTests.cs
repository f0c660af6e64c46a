using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.CheckIns;

/// <summary>
/// On a phone-sized screen (360 x 740): a client checks in and reports a contact attempt, presses
/// "I feel unsafe" and sees the numbers at once; their clinician sees the alert and the trend; axe-core finds
/// no serious or critical problem on the client pages.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CheckInPhoneTests(PortalFixture portal) : PortalTest(portal)
{
    private const string RowanEmail = DemoLogins.RowanEmail;
    private const string RowanName = "Rowan Mockingbird";
    private const string MorganEmail = DemoLogins.MorganEmail;
    private const string ContactNote = "Three texts about the holiday dinner";
    private const string PrivateWords = "E2E-PRIVATE: nobody else needs to read this";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Page.SetViewportSizeAsync(360, 740);
    }

    [Fact]
    public async Task A_client_checks_in_reports_a_contact_attempt_presses_I_feel_unsafe_and_the_clinician_sees_the_alert_and_the_trend()
    {
        // 1. Check in from the phone.
        await SignInAsync(RowanEmail, DemoLogins.ClientPassword);
        await Expect(Page).ToHaveURLAsync(Url("/client"));
        await AssertFitsThePhoneAsync();
        await Page.GetByTestId("check-in").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/client/check-ins/new"));
        await AssertFitsThePhoneAsync();

        await Choose("How are you feeling overall?", "4");
        await Choose("How strong is the pull to get in touch with them?", "7");
        await Choose("How did you sleep?", "Badly");
        await Expect(Page.GetByTestId("contact-details")).ToBeHiddenAsync(); // shown only once "Yes" is chosen
        await Choose("Did they try to reach you?", "Yes");
        await Expect(Page.GetByTestId("contact-details")).ToBeVisibleAsync();
        await Choose("How?", "Text message");
        await Page.GetByLabel("What happened? (optional, a few words)").FillAsync(ContactNote);
        await Choose("Did you get in touch with them?", "No");
        await Page.GetByLabel("Talked with someone supportive").CheckAsync();
        await Page.GetByLabel("Anything you want to write down? (optional)").FillAsync(PrivateWords);
        await Expect(Page.GetByLabel("Share this with my clinician")).Not.ToBeCheckedAsync(); // private unless the client shares it
        await ScreenshotAsync("check-in-phone-form");
        var scaleButton = await Page.Locator("label[for='Mood_4']").BoundingBoxAsync();
        Assert.True(scaleButton is { Height: >= 44, Width: >= 44 }, $"touch targets are at least 44 px (got {scaleButton?.Width} x {scaleButton?.Height})");
        await Page.GetByTestId("save-check-in").ClickAsync();

        await Expect(Page).ToHaveURLAsync(Url("/client"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your clinician will see that they tried to reach you.");
        await Expect(Page.GetByTestId("recent-check-in").First).ToContainTextAsync("Feeling 4/10 · pull to get in touch 7/10");
        await ScreenshotAsync("check-in-phone-home");

        // 2. "I feel unsafe": one tap, and the numbers are on the screen at once.
        await Page.GetByTestId("i-feel-unsafe").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/client/unsafe"));
        var firstCall = Page.GetByTestId("unsafe-call").First;
        await Expect(firstCall).ToBeInViewportAsync();
        await Expect(firstCall).ToHaveAttributeAsync("href", "tel:911");
        await Expect(Page.GetByTestId("unsafe-numbers")).ToContainTextAsync("988");
        await Expect(Page.GetByTestId("clinician-told")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync();
        await ScreenshotAsync("i-feel-unsafe-phone");
        AssertNoBrowserProblems();

        // 3. The clinician, at a desk: the alert, then the trend with the contact attempt, and no private words.
        var clinician = await NewPageInFreshContextAsync();
        await PortalPages.SignInAsync(clinician, MorganEmail, DemoLogins.ClinicianPassword);
        await clinician.GotoAsync("/clinician/alerts");
        var alert = clinician.GetByTestId("open-alert").Filter(new() { HasText = RowanName }).Filter(new() { HasText = "I feel unsafe" });
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(clinician.GetByTestId("open-alert").Filter(new() { HasText = RowanName }).Filter(new() { HasText = "contact attempt" }).First).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(clinician, "clinician-alerts-after-check-in");

        await alert.GetByRole(AriaRole.Link, new() { Name = RowanName }).ClickAsync();
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Check-ins", Exact = true }).ClickAsync();
        await Expect(clinician).ToHaveURLAsync(new Regex("/clinician/clients/[0-9a-f-]+/check-ins$"));
        var chart = clinician.GetByTestId("check-in-chart");
        await Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        Assert.True(int.Parse((await chart.GetAttributeAsync("data-points"))!) >= 10, "the demo weeks and today's check-in are on the trend");
        Assert.True(int.Parse((await chart.GetAttributeAsync("data-contacts"))!) >= 1);
        await Expect(clinician.GetByTestId("check-in-row").First.GetByTestId("contact-attempt")).ToContainTextAsync(ContactNote);
        await Expect(clinician.GetByTestId("check-in-signal-card").GetByTestId("signal-contact")).ToBeVisibleAsync();
        Assert.DoesNotContain("E2E-PRIVATE", await clinician.ContentAsync());
        await PortalPages.ScreenshotAsync(clinician, "clinician-check-in-trend");

        await clinician.GotoAsync("/clinician");
        var row = clinician.Locator("tr").Filter(new() { HasText = RowanName });
        await Expect(row.GetByTestId("caseload-check-in")).ToContainTextAsync("Today");
        await Expect(row.GetByTestId("signal-contact")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("caseload-imminent")).ToBeVisibleAsync();
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_problems_on_the_client_pages()
    {
        // Sky has a shared safety plan and a history of check-ins in the demo clinic. Injecting axe-core means
        // adding a script to the page, which the portal's CSP forbids: this one context lets it through.
        await using var axeContext = await Portal.Browser.NewContextAsync(new()
        {
            BaseURL = Portal.BaseAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, Locale = "en-US", BypassCSP = true,
        });
        var page = await axeContext.NewPageAsync();
        await PortalPages.SignInAsync(page, DemoLogins.SkyEmail, DemoLogins.ClientPassword);
        await Expect(page).ToHaveURLAsync(Url("/client"));
        var olderCheckIn = await page.GetByTestId("recent-check-in").Last.GetByRole(AriaRole.Link).GetAttributeAsync("href");

        var problems = new List<string>();
        foreach (var path in new[] { "/client", "/client/check-ins/new", "/client/check-ins", olderCheckIn!, "/client/unsafe", "/client/safety-plan" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.Load);
            await AssertFitsThePhoneAsync(page);
            problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }

        Assert.True(problems.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Taps the choice labelled <paramref name="text"/> in the question (fieldset) <paramref name="question"/>.</summary>
    private Task Choose(string question, string text) =>
        Page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).Locator("label")
            .Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") }).ClickAsync();

    /// <summary>Nothing wider than the phone: no sideways scrolling at 360 px.</summary>
    private Task AssertFitsThePhoneAsync() => AssertFitsThePhoneAsync(Page);

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{page.Url} is {width} px wide on a 360 px screen");
    }
}
