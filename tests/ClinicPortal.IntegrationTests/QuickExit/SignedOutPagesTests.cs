using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Accounts;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.QuickExit;

/// <summary>
/// Every page someone signed out can reach shows the clinic's crisis numbers and "Leave now", first on the page, and is
/// never cached. The list of pages is taken from the app's own endpoints, so a new signed-out page is checked too.
/// </summary>
public sealed partial class SignedOutPagesTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    /// <summary>Sample paths for routes whose template needs values, and the other ways a visitor lands on a page.</summary>
    private static readonly string[] Extra =
    [
        "/error/404", "/error/500", "/error/400", "/no/such/page", "/client", "/clinician/clients/00000000-0000-0000-0000-000000000001",
        "/account/invitation?token=not-a-token", "/account/setup?token=not-a-token", "/account/sign-in?returnUrl=%2Fclient",
    ];

    private async Task<List<string>> SignedOutPathsAsync()
    {
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "/" + Optional().Replace(e.RoutePattern.RawText!.TrimStart('/'), ""))
            .Where(p => !p.Contains('{'))
            .ToList();
        // The invitation form itself, with a real link.
        var login = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Lia Link", $"lia.{Guid.NewGuid():N}@example.org");
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        await clinician.PostFormAsync($"/clinician/clients/{login.Id}", $"/clinician/clients/{login.Id}/invite", []);
        var mail = Directory.GetFiles(app.MailDirectory, "*.eml").Select(File.ReadAllText).Last(t => t.Contains(login.Email!));
        var invitation = new Uri(InvitationLink().Match(mail.Replace("=\r\n", "").Replace("=3D", "=")).Value).PathAndQuery;
        return [.. anonymous.Distinct(), .. Extra, invitation];
    }

    [Fact]
    public async Task Every_page_a_signed_out_visitor_can_reach_shows_the_crisis_numbers_and_leave_now_first_and_is_not_cached()
    {
        var checkedPages = new List<string>();
        foreach (var path in await SignedOutPathsAsync())
        {
            var visitor = new BrowserSession(app.CreateBrowserLikeClient());
            var response = await visitor.Http.GetAsync(path);
            for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && hops < 3; hops++)
                response = await visitor.Http.GetAsync(response.Headers.Location!);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue; // JSON (health, session status): not a page
            var html = await response.Content.ReadAsStringAsync();
            checkedPages.Add(path);

            // The "I feel unsafe" page is the crisis strip in full, so it has its own list instead of the strip.
            Assert.True(html.Contains("data-testid=\"crisis-resources\"") || html.Contains("data-testid=\"unsafe-numbers\""), $"{path}: no crisis numbers");
            Assert.True(html.Contains("href=\"tel:911\"") && html.Contains("href=\"tel:988\"") && html.Contains("href=\"tel:18007997233\""), $"{path}: a default line is missing");
            Assert.True(html.Contains("Text START to 88788") && html.Contains("href=\"sms:88788?&amp;body=START\""), $"{path}: the hotline's text option is missing");
            var leave = html.IndexOf("data-testid=\"leave-now\"", StringComparison.Ordinal);
            Assert.True(leave > 0, $"{path}: no Leave now");
            var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
            Assert.True(FirstFocusable().Match(body).Value.Contains("data-testid=\"leave-now\""), $"{path}: Leave now is not first in the tab order");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: may be cached ({response.Headers.CacheControl})");
        }
        Assert.Contains("/account/sign-in", checkedPages);
        Assert.Contains("/account/timed-out", checkedPages);
        Assert.Contains(checkedPages, p => p.StartsWith("/account/invitation?token=") && !p.EndsWith("not-a-token"));
        Assert.Contains("/error/500", checkedPages);
    }

    [Fact]
    public async Task Static_files_keep_their_own_caching()
    {
        var script = await app.CreateBrowserLikeClient().GetAsync("/js/quick-exit.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.False(script.Headers.CacheControl?.NoStore, $"static files are not pages: {script.Headers.CacheControl}");
    }

    [Fact]
    public async Task Staff_pages_have_no_leave_now_and_client_pages_do()
    {
        var staff = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.DoesNotContain("data-testid=\"leave-now\"", await staff.GetPageAsync("/clinician"));
        var client = await CheckInArrange.SignedInAsync(app, await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Cal Client"));
        foreach (var path in new[] { "/client", "/client/check-ins/new", "/client/check-ins", "/client/unsafe", "/client/safety-plan", "/client/contact-safety", "/account/two-factor" })
            Assert.Contains("data-testid=\"leave-now\"", await client.GetPageAsync(path));
    }

    [Fact]
    public async Task Leave_now_ends_the_session_without_a_form_token_and_moves_on_to_the_clinics_neutral_site()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Lee Leaving");
        var s = await CheckInArrange.SignedInAsync(app, login);
        Assert.Equal(HttpStatusCode.OK, (await s.Http.GetAsync("/client")).StatusCode);

        var left = await s.Http.PostAsync("/account/leave", new FormUrlEncodedContent([])); // as from a stale page: no token

        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var html = await left.Content.ReadAsStringAsync();
        Assert.Contains("http-equiv=\"refresh\" content=\"0;url=https://www.google.com/\"", html);
        Assert.DoesNotContain("Lee Leaving", html);
        Assert.Contains(left.Headers.GetValues("Set-Cookie"), c => c.StartsWith("clinicportal.auth=;"));
        var after = await s.Http.GetAsync("/client");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Leave_now_goes_to_the_site_the_clinic_chose()
    {
        await using (var scope = app.SystemScope())
        {
            var db = app.SystemDb(scope);
            var settings = await db.ClinicSettings.SingleAsync();
            Core.Clinics.ClinicSettingsRules.Apply(settings, new(settings.Name, settings.TimeZoneId, "24h, 2h", settings.IdleTimeoutMinutes, QuickExitUrl: "https://weather.example.org/today"));
            await db.SaveChangesAsync();
            app.Services.GetRequiredService<Infrastructure.Clinics.ClinicSettingsCache>().Forget(); // as the settings page does
        }
        try
        {
            var page = await new BrowserSession(app.CreateBrowserLikeClient()).GetPageAsync("/account/sign-in");
            Assert.Contains("data-exit-url=\"https://weather.example.org/today\"", page);
        }
        finally
        {
            await using var scope = app.SystemScope();
            var db = app.SystemDb(scope);
            (await db.ClinicSettings.SingleAsync()).QuickExitUrl = Core.Clinics.ClinicSettingsRules.DefaultQuickExitUrl;
            await db.SaveChangesAsync();
            app.Services.GetRequiredService<Infrastructure.Clinics.ClinicSettingsCache>().Forget();
        }
    }

    /// <summary>The first link, button, input or select (hidden inputs are not focusable).</summary>
    [GeneratedRegex(@"<(a|button|select|textarea)\b[^>]*>|<input\b(?![^>]*type=""hidden"")[^>]*>")]
    private static partial Regex FirstFocusable();

    [GeneratedRegex(@"\{[^}]*\?\}")]
    private static partial Regex Optional();

    [GeneratedRegex(@"https?://[^\s/]+/account/invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationLink();
}
