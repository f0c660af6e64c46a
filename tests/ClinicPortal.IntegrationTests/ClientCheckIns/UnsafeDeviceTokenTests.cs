using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

/// <summary>
/// "I feel unsafe" once the session is gone: the device token left by the client's sign-in raises the alert, and nothing
/// else does. A session that has ended is modelled exactly: the next request carries the device's cookies but no sign-in.
/// </summary>
public sealed class UnsafeDeviceTokenTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    /// <summary>Signs the client in and returns the sign-in response's cookies (name → Set-Cookie header).</summary>
    private async Task<(BrowserSession Session, Dictionary<string, string> SetCookies)> SignInAsync(ClientLogin login)
    {
        var session = new BrowserSession(app.CreateBrowserLikeClient());
        var response = await session.SignInAsync(login.Email, login.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToDictionary(h => h[..h.IndexOf('=')], h => h);
        return (session, cookies);
    }

    private static string ValueOf(string setCookie) => setCookie[(setCookie.IndexOf('=') + 1)..setCookie.IndexOf(';')];

    /// <summary>A press from a page whose session has ended: the device's cookies only, the stale page's token, no sign-in.</summary>
    private async Task<HttpResponseMessage> PressSignedOutAsync(string? token, string? staleFormToken = null)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, UnsafeDeviceToken.TokenPath)
        {
            Content = new FormUrlEncodedContent(staleFormToken is null ? [] : [new("__RequestVerificationToken", staleFormToken)]),
        };
        if (token is not null) request.Headers.Add("Cookie", $"{UnsafeDeviceToken.TokenCookie}={token}");
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_press_after_the_session_ended_shows_the_numbers_and_alerts_the_clinician_for_the_tied_client()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Tori Timedout");
        var (session, cookies) = await SignInAsync(login);
        var staleToken = await session.TokenFromAsync("/client");
        var mailBefore = ArrangeSafety.Mail(app);

        var response = await PressSignedOutAsync(ValueOf(cookies[UnsafeDeviceToken.TokenCookie]), staleToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no redirect to sign-in, no 400 for the stale token
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"tel:911\"", html);
        Assert.Contains("href=\"tel:988\"", html);
        Assert.Contains("data-testid=\"clinician-told\"", html);
        Assert.DoesNotContain("Tori", html);
        var alert = Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
        Assert.Equal((AlertKind.ClientFeelsUnsafe, ConcernSeverity.Imminent), (alert.Kind, alert.Severity));
        // The audit names the client's own account as the one who raised it, though nobody was signed in.
        Assert.Contains(await Arrange.AuditAsync(app, login.Client.Id), a => a is { Action: AuditActions.Create, RecordType: AuditRecords.ClinicianAlert }
            && a.RecordId == alert.Id.ToString() && a.UserId == login.UserId);
        var mail = Assert.Single(await ArrangeSafety.AlertMailAsync(app, login.Client.Id, 1, mailBefore));
        Assert.Contains(Arrange.MorganEmail, mail);
        Assert.DoesNotContain("Tori", mail);

        // A second press inside the window: the page says the clinician already has it, and nothing new is raised.
        var again = await (await PressSignedOutAsync(ValueOf(cookies[UnsafeDeviceToken.TokenCookie]))).Content.ReadAsStringAsync();
        Assert.Contains("already alerted", again);
        Assert.Single(await ArrangeSafety.AlertsAsync(app, login.Client.Id));
    }

    [Fact]
    public async Task The_token_is_HttpOnly_SameSite_strict_sent_only_to_the_unsafe_page_and_lasts_beyond_the_session()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail);
        var (_, cookies) = await SignInAsync(login);

        var token = cookies[UnsafeDeviceToken.TokenCookie].ToLowerInvariant();
        Assert.Contains("path=/client/unsafe", token);
        Assert.Contains("httponly", token);
        Assert.Contains("samesite=strict", token);
        Assert.Contains("expires=", token);
        Assert.DoesNotContain(login.UserId.ToString("N"), token); // protected, not readable
        var marker = cookies[UnsafeDeviceToken.MarkerCookie].ToLowerInvariant();
        Assert.Contains("path=/;", marker + ";");
        Assert.Contains("httponly", marker);
    }

    [Fact]
    public async Task No_token_a_forged_one_a_revoked_one_or_a_discharged_client_alerts_no_one_and_the_page_says_so()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Rhea Revoked");
        var (session, cookies) = await SignInAsync(login);
        var token = ValueOf(cookies[UnsafeDeviceToken.TokenCookie]);
        var other = await CheckInArrange.ClientWithSignInAsync(app, Arrange.RileyEmail, "Dana Discharged");
        var otherToken = ValueOf((await SignInAsync(other)).SetCookies[UnsafeDeviceToken.TokenCookie]);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        async Task NotToldAsync(string? t)
        {
            var response = await PressSignedOutAsync(t);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("href=\"tel:911\"", html);
            Assert.Contains("data-testid=\"clinician-not-told\"", html);
            Assert.DoesNotContain("data-testid=\"clinician-told\"", html);
        }

        await NotToldAsync(null);
        await NotToldAsync(token[..^4] + "AAAA");
        await NotToldAsync("not-a-token");
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));

        // "Sign out on all my devices" rotates the security stamp: every device's token dies with the sessions.
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/client", "/client/sign-out-everywhere", [])).StatusCode);
        await NotToldAsync(token);
        Assert.Empty(await ArrangeSafety.AlertsAsync(app, login.Client.Id));

        await CheckInArrange.SqlAsync(app, $"UPDATE clients SET status = {(int)ClientStatus.Discharged} WHERE id = {other.Client.Id}");
        await NotToldAsync(otherToken);
        Assert.Empty(await ArrangeSafety.AlertsAsync(app, other.Client.Id));
    }

    [Fact]
    public async Task Signed_out_pages_offer_I_feel_unsafe_only_on_a_tied_device_and_signing_out_unties_it()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var (session, _) = await SignInAsync(login);

        var stranger = new BrowserSession(app.CreateBrowserLikeClient());
        var plain = await stranger.GetPageAsync("/account/sign-in");
        Assert.Contains("data-testid=\"crisis-resources\"", plain);
        Assert.DoesNotContain("data-testid=\"i-feel-unsafe\"", plain);

        // The session ends (the sign-in cookie is gone) but the device stays tied: the sign-in page offers the button.
        using (var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
            request.Headers.Add("Cookie", $"{UnsafeDeviceToken.MarkerCookie}=1");
            var html = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"i-feel-unsafe\"", html);
            Assert.Contains("action=\"/client/unsafe\"", html);
        }

        // An explicit sign-out unties this device: both cookies are deleted.
        var signOut = await session.PostFormAsync("/client", "/account/sign-out", []);
        var deleted = signOut.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(deleted, h => h.StartsWith(UnsafeDeviceToken.TokenCookie + "=;") && h.Contains("expires=Thu, 01 Jan 1970"));
        Assert.Contains(deleted, h => h.StartsWith(UnsafeDeviceToken.MarkerCookie + "=;") && h.Contains("expires=Thu, 01 Jan 1970"));
    }

    [Fact]
    public async Task Staff_signed_in_are_still_turned_away_from_the_clients_unsafe_page()
    {
        var morgan = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var response = await morgan.Http.GetAsync("/client/unsafe");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }
}
