using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.IntegrationTests.ClientCheckIns;
using ClinicPortal.Testing;
using ClinicPortal.Web.Features.Account;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicPortal.IntegrationTests.Accounts;

/// <summary>
/// The app with production rate limits (Scale 1). In-process requests carry no network address, so each test gives its
/// browser one of its own (X-Test-Address, read by a test-only middleware placed first), as separate people would have.
/// </summary>
public sealed class RateLimitApp() : ClinicAppFactory(demo: true, new Dictionary<string, string?> { ["ClinicPortal:RateLimits:Scale"] = "1" })
{
    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestAddressFilter>();

    private sealed class TestAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Address", out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public BrowserSession Browser(string address)
    {
        var session = new BrowserSession(CreateBrowserLikeClient());
        session.Http.DefaultRequestHeaders.Add("X-Test-Address", address);
        return session;
    }

    public static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
}

public sealed partial class SignInProtectionTests(RateLimitApp app) : IClassFixture<RateLimitApp>
{
    private static async Task<string> ComparableAsync(HttpResponseMessage response) =>
        AntiForgery().Replace(await response.Content.ReadAsStringAsync(), "");

    private static void AssertCrisisNumbers(string html)
    {
        Assert.Contains("data-testid=\"crisis-resources\"", html);
        Assert.Contains("href=\"tel:988\"", html);
    }

    /// <summary>"Leave now" is the one exception: leaving must never be refused.</summary>
    [Fact]
    public void Every_anonymous_post_is_rate_limited()
    {
        var unlimited = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Equal(["account/leave"], unlimited);
    }

    [Fact]
    public async Task A_wrong_password_reads_the_same_for_a_known_and_an_unknown_account()
    {
        var login = await AccountArrange.ClientAsync(app);
        var unknown = $"nobody.{Guid.NewGuid():N}@example.org";

        var known = await app.Browser(RateLimitApp.NewAddress()).SignInAsync(login.Email, "Wrong-password-1!");
        var missing = await app.Browser(RateLimitApp.NewAddress()).SignInAsync(unknown, "Wrong-password-1!");

        Assert.Equal(known.StatusCode, missing.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(AccountController.WrongCredentials), await known.Content.ReadAsStringAsync());
        Assert.Equal((await ComparableAsync(known)).Replace(login.Email, "EMAIL"), (await ComparableAsync(missing)).Replace(unknown, "EMAIL"));
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_an_account()
    {
        var login = await AccountArrange.ClientAsync(app);
        var attacker = app.Browser(RateLimitApp.NewAddress());
        for (var i = 0; i < AccountRateLimits.SignInPerAccountAndAddress.Permits - 1; i++)
            Assert.Contains(WebUtility.HtmlEncode(AccountController.WrongCredentials), await (await attacker.SignInAsync(login.Email, $"Wrong-password-{i}!")).Content.ReadAsStringAsync());

        var client = await app.Browser(RateLimitApp.NewAddress()).SignInAsync(login.Email, login.Password);

        Assert.Equal("/client", client.Headers.Location?.OriginalString);
        var user = await AccountArrange.UserAsync(app, login.UserId);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_place_are_refused_alike_for_known_and_unknown_accounts_with_the_crisis_numbers_and_not_elsewhere()
    {
        var login = await AccountArrange.ClientAsync(app);
        var unknown = $"nobody.{Guid.NewGuid():N}@example.org";
        var attacker = app.Browser(RateLimitApp.NewAddress());
        for (var i = 0; i < AccountRateLimits.SignInPerAccountAndAddress.Permits; i++)
        {
            await attacker.SignInAsync(login.Email, $"Wrong-password-{i}!");
            await attacker.SignInAsync(unknown, $"Wrong-password-{i}!");
        }

        var knownRefused = await attacker.SignInAsync(login.Email, login.Password);
        var unknownRefused = await attacker.SignInAsync(unknown, login.Password);

        var html = await knownRefused.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(AccountController.TooManyAttempts), html);
        AssertCrisisNumbers(html);
        Assert.Equal((await ComparableAsync(knownRefused)).Replace(login.Email, "EMAIL"), (await ComparableAsync(unknownRefused)).Replace(unknown, "EMAIL"));
        // The real client, elsewhere, still signs in.
        Assert.Equal("/client", (await app.Browser(RateLimitApp.NewAddress()).SignInAsync(login.Email, login.Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task One_address_is_limited_across_accounts_with_a_429_that_shows_the_crisis_numbers()
    {
        var address = RateLimitApp.NewAddress();
        var browser = app.Browser(address);
        for (var i = 0; i < RateLimits.SignInPerAddress.Permits; i++)
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync($"guess{i}@example.org", "Wrong-password-1!")).StatusCode);

        var refused = await browser.SignInAsync("guess-last@example.org", "Wrong-password-1!");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertCrisisNumbers(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.Browser(RateLimitApp.NewAddress()).SignInAsync("guess0@example.org", "Wrong-password-1!")).StatusCode);
    }

    [Fact]
    public async Task I_feel_unsafe_is_generous_and_its_refusal_still_shows_the_crisis_numbers()
    {
        var login = await AccountArrange.ClientAsync(app);
        var phone = app.Browser(RateLimitApp.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SignInAsync(login.Email, login.Password)).StatusCode);
        var token = await phone.TokenFromAsync("/client");
        Task<HttpResponseMessage> Press() => phone.Http.PostAsync("/client/unsafe", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        for (var i = 0; i < RateLimits.UnsafePerPerson.Permits; i++)
            Assert.Equal(HttpStatusCode.OK, (await Press()).StatusCode);
        var refused = await Press();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertCrisisNumbers(await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forgot_password_is_limited_per_address_and_mails_one_account_at_most_three_times_an_hour()
    {
        var login = await AccountArrange.ClientAsync(app);
        for (var i = 0; i < AccountRateLimits.ResetMailsPerAccount.Permits + 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await app.Browser(RateLimitApp.NewAddress()).PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", login.Email)])).StatusCode);
        var browser = app.Browser(RateLimitApp.NewAddress());
        for (var i = 0; i < RateLimits.PasswordResetPerAddress.Permits; i++)
            await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", $"someone{i}@example.org")]);

        var refused = await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", "someone-else@example.org")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertCrisisNumbers(await refused.Content.ReadAsStringAsync());
        await MailCountAsync(login.Email, AccountRateLimits.ResetMailsPerAccount.Permits);
        Assert.Equal(AccountRateLimits.ResetMailsPerAccount.Permits, (await AccountArrange.AccountAuditAsync(app, login.UserId)).Count(a => a == "request-password-reset"));
    }

    [Fact]
    public void Ended_sessions_are_noticed_within_a_minute()
    {
        Assert.True(app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval <= TimeSpan.FromMinutes(1));
    }

    /// <summary>Waits (with a deadline) until the expected number of messages arrived, then checks no more do.</summary>
    private async Task MailCountAsync(string to, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (AccountArrange.MailCount(app, to) < expected && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(expected, AccountArrange.MailCount(app, to));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiForgery();
}
