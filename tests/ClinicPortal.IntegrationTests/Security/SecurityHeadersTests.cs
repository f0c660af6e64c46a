using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>The same protective headers on every kind of response: pages of each role, errors, redirects, files, JSON, CSV.</summary>
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.ExplodingApp app) : IClassFixture<SecurityHeadersTests.ExplodingApp>
{
    /// <summary>The demo clinic plus one route that throws, to see the 500 page.</summary>
    public sealed class ExplodingApp() : ClinicAppFactory(demo: true)
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddControllersWithViews().AddApplicationPart(typeof(ExplodingController).Assembly);
    }

    private static void AssertProtected(HttpResponseMessage response, string what, bool signedIn)
    {
        string One(string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.Single()
            : response.Content.Headers.TryGetValues(name, out var content) ? content.Single()
            : throw new Xunit.Sdk.XunitException($"{what}: no {name} header");

        var csp = One("Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src"));
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.DoesNotContain("unsafe-eval", scripts);
        Assert.Equal("nosniff", One("X-Content-Type-Options"));
        Assert.Equal("DENY", One("X-Frame-Options"));
        Assert.Equal("no-referrer", One("Referrer-Policy"));
        if (signedIn) Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }

    private static async Task AssertNoInlineCodeAsync(HttpResponseMessage response, string what)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return;
        var html = await response.Content.ReadAsStringAsync();
        Assert.False(InlineScript().IsMatch(html), $"{what} has an inline <script>");
        Assert.False(StyleAttribute().IsMatch(html), $"{what} has a style attribute");
        Assert.False(EventAttribute().IsMatch(html), $"{what} has an inline event handler");
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_headers()
    {
        var client = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Hal Headers");
        var note = await Arrange.NoteAsync(app, client, signed: true);
        var anonymous = new BrowserSession(app.CreateBrowserLikeClient());
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var admin = await AdminArrange.AdminAsync(app);
        var clientUser = await Arrange.SignedInAsync(app, DemoLogins.JordanEmail);

        var cases = new List<(string What, Func<Task<HttpResponseMessage>> Request, HttpStatusCode Status, bool SignedIn)>
        {
            ("sign-in page", () => anonymous.Http.GetAsync("/account/sign-in"), HttpStatusCode.OK, false),
            ("redirect to sign-in", () => anonymous.Http.GetAsync("/clinician"), HttpStatusCode.Redirect, false),
            ("invalid invitation link", () => anonymous.Http.GetAsync("/account/staff-invitation?token=nope"), HttpStatusCode.OK, false),
            ("health check", () => anonymous.Http.GetAsync("/healthz"), HttpStatusCode.OK, false),
            ("stylesheet", () => anonymous.Http.GetAsync("/css/site.css"), HttpStatusCode.OK, false),
            ("script", () => anonymous.Http.GetAsync("/js/idle-timeout.js"), HttpStatusCode.OK, false),
            ("missing anti-forgery token", () => anonymous.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent([])), HttpStatusCode.BadRequest, false),
            ("server error", () => anonymous.Http.GetAsync("/test/explode"), HttpStatusCode.InternalServerError, false),
            ("caseload", () => clinician.Http.GetAsync("/clinician"), HttpStatusCode.OK, true),
            ("client record", () => clinician.Http.GetAsync($"/clinician/clients/{client.Id}"), HttpStatusCode.OK, true),
            ("case note", () => clinician.Http.GetAsync($"/clinician/clients/{client.Id}/notes/{note.Id}"), HttpStatusCode.OK, true),
            ("not found", () => clinician.Http.GetAsync($"/clinician/clients/{Guid.NewGuid()}"), HttpStatusCode.NotFound, true),
            ("access denied", () => clinician.Http.GetAsync("/account/access-denied"), HttpStatusCode.Forbidden, true),
            ("session status", () => clinician.Http.GetAsync("/account/session"), HttpStatusCode.OK, true),
            ("two-step set-up", () => clinician.Http.GetAsync("/account/two-factor/setup"), HttpStatusCode.OK, true),
            ("administration", () => admin.Http.GetAsync("/admin"), HttpStatusCode.OK, true),
            ("staff accounts", () => admin.Http.GetAsync("/admin/staff"), HttpStatusCode.OK, true),
            ("settings", () => admin.Http.GetAsync("/admin/settings"), HttpStatusCode.OK, true),
            ("audit log", () => admin.Http.GetAsync("/admin/audit"), HttpStatusCode.OK, true),
            ("audit export", () => admin.Http.GetAsync("/admin/audit/export?action=view"), HttpStatusCode.OK, true),
            ("client home", () => clientUser.Http.GetAsync("/client"), HttpStatusCode.OK, true),
        };

        foreach (var (what, request, status, signedIn) in cases)
        {
            var response = await request();
            Assert.True(response.StatusCode == status, $"{what}: {response.StatusCode}");
            AssertProtected(response, what, signedIn);
            await AssertNoInlineCodeAsync(response, what);
        }
    }

    [Fact]
    public async Task The_error_page_shows_neither_a_stack_trace_nor_what_the_request_was_about()
    {
        var response = await new BrowserSession(app.CreateBrowserLikeClient()).Http.GetAsync("/test/explode");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain(ExplodingController.Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("ExplodingController", html);
        Assert.DoesNotContain(" at ClinicPortal", html);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site_strict()
    {
        var session = new BrowserSession(app.CreateBrowserLikeClient());
        var page = await session.Http.GetAsync("/account/sign-in");
        var token = await session.TokenFromAsync("/account/sign-in");
        var signIn = await session.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(
            [new("Email", AdminArrange.AdminEmail), new("Password", Web.Demo.DemoLogins.AdminPassword), new("__RequestVerificationToken", token)]));

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).Where(c => !c.Contains("1970")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("clinicportal.auth="));
        Assert.Contains(cookies, c => c.StartsWith("clinicportal.af="));
        Assert.False(page.Headers.Contains("Strict-Transport-Security")); // Development: no HSTS
        Assert.All(cookies, c => Assert.Contains("httponly", c));
        Assert.All(cookies, c => Assert.Contains("samesite=strict", c));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();
}

/// <summary>Throws with words that must not reach the error page (test-only; added to <see cref="SecurityHeadersTests.ExplodingApp"/>).</summary>
[AllowAnonymous]
public sealed class ExplodingController : Controller
{
    public const string Secret = "Client Zed disclosed SECRET-CLINICAL-WORDS";

    [HttpGet("/test/explode")]
    public IActionResult Explode() => throw new InvalidOperationException(Secret);
}

/// <summary>Outside Development: HSTS on every HTTPS response and Secure on every cookie.</summary>
public sealed class ProductionSecurityTests(ProductionSecurityTests.ProductionApp app) : IClassFixture<ProductionSecurityTests.ProductionApp>
{
    public const string BootstrapEmail = "first.admin@example.org";
    public const string BootstrapPassword = "Bootstrap-Admin-2026!";

    public sealed class ProductionApp() : ClinicAppFactory(demo: false, new Dictionary<string, string?>
    {
        ["ClinicPortal:BootstrapAdmin:Email"] = BootstrapEmail,
        ["ClinicPortal:BootstrapAdmin:Password"] = BootstrapPassword,
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    private BrowserSession Https() => new(app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://portal.example.test"), AllowAutoRedirect = false, HandleCookies = true,
    }));

    [Fact]
    public async Task Https_responses_carry_HSTS_and_every_cookie_is_secure()
    {
        var session = Https();
        var page = await session.Http.GetAsync("/account/sign-in");
        var token = await session.TokenFromAsync("/account/sign-in");
        var signIn = await session.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(
            [new("Email", BootstrapEmail), new("Password", BootstrapPassword), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        Assert.Equal("max-age=31536000; includeSubDomains", page.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).Where(c => !c.Contains("1970")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("clinicportal.auth="));
        Assert.All(cookies, c => Assert.Contains("secure", c));
        Assert.All(cookies, c => Assert.Contains("httponly", c));
        Assert.All(cookies, c => Assert.Contains("samesite=strict", c));
    }
}
