using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Administration;

/// <summary>
/// The idle sign-out warning (wwwroot/js/idle-timeout.js) with the browser's clock under the test's control.
/// The server's own clock does not move, so its "time left" answer is stood in for where the test needs another one.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class IdleWarningTests(PortalFixture portal) : PortalTest(portal)
{
    private Task AnswerTimeLeftAsync(int seconds) =>
        Page.RouteAsync("**/account/session", route => route.FulfillAsync(new() { ContentType = "application/json", Body = $"{{\"remainingSeconds\":{seconds}}}" }));

    [Fact]
    public async Task The_warning_comes_before_the_sign_out_stay_signed_in_keeps_the_session_and_time_up_ends_on_the_sign_in_page()
    {
        await Page.Clock.InstallAsync();
        await SignInAsync(DemoLogins.RileyEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        var warning = Page.GetByTestId("idle-warning");
        await Expect(warning).ToBeHiddenAsync();

        // 18 minutes on, the server (stood in) says 90 seconds are left: the warning shows and counts down.
        await AnswerTimeLeftAsync(90);
        await Page.Clock.RunForAsync((long)TimeSpan.FromMinutes(18).TotalMilliseconds);
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Are you still there?");
        await Expect(Page.Locator("#idle-countdown")).ToHaveTextAsync(new Regex("^1:[0-3][0-9]$"));
        await Expect(Page.GetByTestId("idle-stay")).ToBeFocusedAsync();
        await ScreenshotAsync("idle-warning");

        // "Stay signed in" asks the real server to renew (a POST with the page's anti-forgery token).
        await Page.UnrouteAllAsync();
        var renewed = Page.WaitForResponseAsync(r => r.Url.EndsWith("/account/keep-alive"));
        await Page.GetByTestId("idle-stay").ClickAsync();
        Assert.Equal(200, (await renewed).Status);
        await Expect(warning).ToBeHiddenAsync();
        AssertNoBrowserProblems();

        // Later the session has ended on the server (signed out here behind the page's back), and the time runs out.
        var token = await Page.Locator("form[action='/account/sign-out'] input[name=__RequestVerificationToken]").InputValueAsync();
        var form = Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        await Context.APIRequest.PostAsync("/account/sign-out", new() { Form = form, MaxRedirects = 0 });
        await AnswerTimeLeftAsync(0);
        await Page.Clock.RunForAsync((long)TimeSpan.FromMinutes(21).TotalMilliseconds);

        await Expect(Page).ToHaveURLAsync(Url("/account/timed-out"));
        await Expect(Page.GetByTestId("info")).ToHaveTextAsync(SessionController.TimedOutMessage);
        await Expect(Page.GetByLabel("Email")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
        await ScreenshotAsync("idle-timed-out");
        AssertNoBrowserProblems();
    }
}
