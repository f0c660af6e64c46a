using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Features.Account;

namespace ClinicPortal.IntegrationTests.Administration;

/// <summary>Deactivation reaching open sessions, and the idle sign-out, on a hand-driven clock.</summary>
public sealed partial class SessionSecurityTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static async Task<bool> SignedInAsync(BrowserSession session, string home = "/clinician") =>
        (await session.Http.GetAsync(home)).StatusCode == HttpStatusCode.OK;

    private static async Task<int> SecondsLeftAsync(BrowserSession session)
    {
        using var json = JsonDocument.Parse(await session.Http.GetStringAsync("/account/session"));
        return json.RootElement.GetProperty("remainingSeconds").GetInt32();
    }

    [Fact]
    public async Task A_deactivated_clinician_is_signed_out_everywhere_within_a_minute_and_cannot_sign_in()
    {
        var id = await AdminArrange.CreateStaffAsync(app, "gone.soon@example.org");
        var laptop = await Arrange.SignedInAsync(app, "gone.soon@example.org", AdminArrange.NewPassword);
        var phone = await Arrange.SignedInAsync(app, "gone.soon@example.org", AdminArrange.NewPassword);
        Assert.True(await SignedInAsync(laptop));
        var admin = await AdminArrange.AdminAsync(app);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/staff", $"/admin/staff/{id}/deactivate", [])).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        foreach (var session in new[] { laptop, phone })
        {
            var response = await session.Http.GetAsync("/clinician");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
        }
        var again = await new BrowserSession(app.CreateBrowserLikeClient()).SignInAsync("gone.soon@example.org", AdminArrange.NewPassword);
        Assert.Contains(AccountController.WrongCredentials, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.True(await SignedInAsync(admin, "/admin")); // the administrator's own session is untouched
    }

    [Fact]
    public async Task Twenty_idle_minutes_sign_a_person_out_but_activity_keeps_them_in()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var page = await session.GetPageAsync("/clinician");
        Assert.InRange(int.Parse(SessionSeconds().Match(page).Groups[1].Value), 1190, 1200);
        Assert.Contains("/js/idle-timeout.js", page);

        app.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.True(await SignedInAsync(session));
        app.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.True(await SignedInAsync(session)); // 38 minutes after signing in, 19 after the last request

        app.Clock.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(5));
        var expired = await session.Http.GetAsync("/clinician");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/sign-in", expired.Headers.Location!.PathAndQuery);

        var timedOut = await session.GetPageAsync("/account/timed-out");
        Assert.Contains(SessionController.TimedOutMessage, WebUtility.HtmlDecode(timedOut));
    }

    [Fact]
    public async Task Asking_how_long_is_left_does_not_extend_the_session_but_stay_signed_in_does()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.RileyEmail);
        var token = await session.TokenFromAsync("/clinician"); // any page request may renew: take the token now

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.InRange(await SecondsLeftAsync(session), 290, 300);
        Assert.InRange(await SecondsLeftAsync(session), 290, 300);

        var keepAlive = await session.Http.PostAsync("/account/keep-alive", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, keepAlive.StatusCode);
        Assert.InRange(await SecondsLeftAsync(session), 1190, 1200);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await SignedInAsync(session)); // 25 minutes after the page, 10 after "stay signed in"
        Assert.Equal(0, await SecondsLeftAsync(new BrowserSession(app.CreateBrowserLikeClient())));
    }

    [Fact]
    public async Task A_shorter_idle_time_set_by_the_administrator_applies_to_open_sessions_too()
    {
        var admin = await AdminArrange.AdminAsync(app);
        var before = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        try
        {
            await SaveIdleMinutesAsync(admin, 5);
            var after = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
            Assert.InRange(int.Parse(SessionSeconds().Match(await after.GetPageAsync("/clinician")).Groups[1].Value), 290, 300);

            app.Clock.Advance(TimeSpan.FromMinutes(4));
            Assert.True(await SignedInAsync(after));
            app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));
            Assert.False(await SignedInAsync(after));
            Assert.False(await SignedInAsync(before)); // signed in under the 20-minute setting, idle for 9
        }
        finally
        {
            await SaveIdleMinutesAsync(await AdminArrange.AdminAsync(app), 20);
        }
    }

    private static async Task SaveIdleMinutesAsync(BrowserSession admin, int minutes)
    {
        var response = await admin.PostFormAsync("/admin/settings", "/admin/settings",
            [new("Name", "ClinicPortal"), new("TimeZoneId", "America/New_York"), new("ReminderLeadTimes", "24h, 2h"), new("IdleTimeoutMinutes", minutes.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("data-session-seconds=\"(\\d+)\"")]
    private static partial Regex SessionSeconds();
}
