using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.QuickExit;

/// <summary>
/// On a 360 × 740 phone: "Leave now" (button and Esc) leaves no portal page to go Back to and ends the session; discreet
/// mode folds the help strip into "Help", keeps titles neutral and shows nothing red; axe-core finds nothing serious.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class QuickExitAndDiscreetModeTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Neutral = "https://www.google.com/";
    private const string NeutralText = "Weather today: light rain";
    private const string Password = "Leave-Now-Pass-2026!";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Page.SetViewportSizeAsync(360, 740);
        // No internet here: the neutral site is played by the browser itself.
        await Context.RouteAsync($"{Neutral}**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html", Body = $"<!DOCTYPE html><html><head><title>Weather</title></head><body><h1>{NeutralText}</h1></body></html>",
        }));
    }

    [Fact]
    public async Task After_Leave_now_Back_shows_no_portal_content_and_the_session_is_gone()
    {
        var (email, name) = await ClientAsync("Lena Leaving");

        // Before sign-in: Leave now is at the top, on screen, and first in the tab order.
        await Page.GotoAsync(PortalPages.SignInPath);
        var leave = Page.GetByTestId("leave-now");
        await Expect(leave).ToBeInViewportAsync();
        await Expect(Page.GetByTestId("crisis-resources")).ToContainTextAsync("Text START to 88788");

        await SignInAsync(email, Password);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Client));
        await Page.GetByTestId("all-check-ins").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/client/check-ins"));
        await Page.GotoAsync(RoleHomes.Client);
        await Expect(Page.GetByTestId("user-name")).ToHaveTextAsync(name);

        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("leave-now", await Page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.getAttribute('data-testid')"));
        await Page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await Expect(leave).ToBeInViewportAsync(); // stays on screen while the page scrolls
        await ScreenshotAsync("leave-now-phone");

        await leave.ClickAsync();

        await Expect(Page).ToHaveURLAsync(Neutral);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = NeutralText })).ToBeVisibleAsync();
        Assert.DoesNotContain(await Context.CookiesAsync(), c => c.Name == "clinicportal.auth");

        // Back, and Back again: every portal page in the history turns into the neutral site before it shows.
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await Page.GoBackAsync();
            await Expect(Page).ToHaveURLAsync(Neutral);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = NeutralText })).ToBeVisibleAsync();
            var text = await Page.ContentAsync();
            Assert.DoesNotContain(name, text);
            Assert.DoesNotContain("My space", text);
        }

        // The session is gone: opening the portal again on purpose asks for the password.
        var again = await Context.NewPageAsync();
        await again.GotoAsync(RoleHomes.Client);
        await Expect(again).ToHaveURLAsync(new Regex(Regex.Escape(PortalPages.SignInPath)));
        await Expect(again.GetByText(name)).ToHaveCountAsync(0);
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task The_Escape_key_leaves_too()
    {
        var (email, _) = await ClientAsync("Esme Escape");
        await SignInAsync(email, Password);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Client));

        await Page.Keyboard.PressAsync("Escape");

        await Expect(Page).ToHaveURLAsync(Neutral);
        await Page.GoBackAsync();
        await Expect(Page).ToHaveURLAsync(Neutral);
        Assert.DoesNotContain(await Context.CookiesAsync(), c => c.Name == "clinicportal.auth");
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task Discreet_mode_folds_the_help_into_one_tap_keeps_titles_neutral_and_shows_nothing_red()
    {
        var (email, _) = await ClientAsync("Dara Discreet");
        await SignInAsync(email, Password);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Client));
        Assert.NotEmpty(await RedThingsAsync(Page)); // without discreet mode, "I feel unsafe" and the numbers are red

        await Page.GetByTestId("open-contact-safety").ClickAsync();
        await Page.GetByTestId("toggle-discreet").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Discreet mode is on.");

        foreach (var path in new[] { RoleHomes.Client, "/client/check-ins/new", "/client/contact-safety" })
        {
            await Page.GotoAsync(path);
            await Expect(Page).ToHaveTitleAsync("Account");
            var help = Page.GetByTestId("help-toggle");
            await Expect(help).ToBeInViewportAsync();
            var call = Page.GetByTestId("crisis-resources").Locator("a[href='tel:911']");
            await Expect(call).ToBeHiddenAsync();
            Assert.Empty(await RedThingsAsync(Page));

            await help.ClickAsync(); // opens in place: one tap to the numbers
            await Expect(call).ToBeVisibleAsync();
            await Expect(Page).ToHaveURLAsync(Url(path));
            Assert.Empty(await RedThingsAsync(Page));
        }
        await ScreenshotAsync("discreet-mode-help-open-phone");

        // "I feel unsafe" still works, in neutral colours.
        await Page.GetByTestId("i-feel-unsafe").ClickAsync();
        await Expect(Page).ToHaveURLAsync(Url("/client/unsafe"));
        await Expect(Page).ToHaveTitleAsync("Account");
        await Expect(Page.GetByTestId("unsafe-call").First).ToBeInViewportAsync();
        Assert.Empty(await RedThingsAsync(Page));
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task Axe_finds_no_serious_problems_on_the_signed_out_pages_or_in_discreet_mode()
    {
        var (email, _) = await ClientAsync("Axel Access", discreet: true);
        await using var axeContext = await Portal.Browser.NewContextAsync(new()
        {
            BaseURL = Portal.BaseAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, Locale = "en-US", BypassCSP = true,
        });
        var page = await axeContext.NewPageAsync();
        var problems = new List<string>();
        foreach (var path in new[] { PortalPages.SignInPath, "/account/timed-out", "/error/404", "/account/invitation?token=not-a-token" })
        {
            await page.GotoAsync(path);
            problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        await PortalPages.SignInAsync(page, email, Password);
        foreach (var path in new[] { RoleHomes.Client, "/client/contact-safety", "/client/unsafe" })
        {
            await page.GotoAsync(path);
            if (await page.GetByTestId("help-toggle").CountAsync() > 0) await page.GetByTestId("help-toggle").ClickAsync();
            problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        Assert.True(problems.Count == 0, "axe-core found serious or critical problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Visible elements drawn in red (text, background or border): what a reader over the shoulder would notice.</summary>
    private static async Task<IReadOnlyList<string>> RedThingsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
            const red = c => { const m = c.match(/rgba?\((\d+), (\d+), (\d+)(, ([\d.]+))?\)/); if (!m || (m[5] !== undefined && +m[5] === 0)) return false;
                               const [r, g, b] = [+m[1], +m[2], +m[3]]; return r >= 150 && r - g >= 90 && r - b >= 70; };
            return [...document.querySelectorAll('body *')].filter(e => {
                const s = getComputedStyle(e), box = e.getBoundingClientRect();
                if (box.width === 0 || box.height === 0 || s.visibility === 'hidden') return false;
                const border = parseFloat(s.borderTopWidth) > 0 ? s.borderTopColor : 'rgba(0, 0, 0, 0)';
                return red(s.color) || red(s.backgroundColor) || red(border);
            }).map(e => e.tagName + (e.getAttribute('data-testid') ? '[' + e.getAttribute('data-testid') + ']' : '') + ' ' + (e.textContent || '').trim().slice(0, 30));
        }
        """);

    /// <summary>A client of their own with a sign-in (so discreet mode and sign-outs touch no other test).</summary>
    private async Task<(string Email, string Name)> ClientAsync(string name, bool discreet = false) =>
        ((await ClientSteps.ClientWithSignInAsync(Portal.Server, name, Password, discreet)).Email, name);
}
