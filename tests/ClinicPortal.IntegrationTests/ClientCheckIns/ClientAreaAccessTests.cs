using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.ClientCheckIns;

/// <summary>
/// The client's own routes as everyone who is not a client. Like the clinician matrix, the list is checked
/// against the app's real endpoints, so a new client route without a row fails.
/// </summary>
public sealed partial class ClientAreaAccessTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    internal static IEnumerable<(string Method, string Template, string Path, IEnumerable<KeyValuePair<string, string>> Form)> Routes(Guid checkIn) =>
    [
        ("GET", "client", "/client", []),
        ("POST", "client/sign-out-everywhere", "/client/sign-out-everywhere", []),
        ("GET", "client/check-ins", "/client/check-ins", []),
        ("GET", "client/check-ins/new", "/client/check-ins/new", []),
        ("POST", "client/check-ins/new", "/client/check-ins/new", CheckInArrange.Form(journal: "INJECTED")),
        ("GET", "client/check-ins/{}", $"/client/check-ins/{checkIn}", []),
        ("POST", "client/check-ins/{}", $"/client/check-ins/{checkIn}", CheckInArrange.Form(journal: "INJECTED")),
        ("GET", "client/unsafe", "/client/unsafe", []),
        ("POST", "client/unsafe", "/client/unsafe", []),
        ("GET", "client/safety-plan", "/client/safety-plan", []),
        ("GET", "client/contact-safety", "/client/contact-safety", []),
        ("POST", "client/contact-safety", "/client/contact-safety", [new("MayBeMonitored", "true")]),
        ("POST", "client/contact-safety/discreet", "/client/contact-safety/discreet?on=true", []),
        ("GET", "client/messages", "/client/messages", []),
        ("POST", "client/messages", "/client/messages", [new("body", "INJECTED")]),
        ("GET", "client/appointments", "/client/appointments", []),
        ("POST", "client/appointments", "/client/appointments", [new("time", "2030-01-01T10:00")]),
        ("POST", "client/appointments/{}/move", $"/client/appointments/{checkIn}/move", [new("time", "2030-01-01T10:00")]),
        ("POST", "client/appointments/{}/cancel", $"/client/appointments/{checkIn}/cancel", []),
        .. TreatmentPlanRoutes(checkIn),
        .. IncidentRoutes(checkIn),
        .. IncidentFileRoutes(checkIn),
        ("GET", "client/reflection", "/client/reflection", []),
        ("POST", "client/reflection", "/client/reflection", [new("BoundaryId", checkIn.ToString()), new("Resentment", "INJECTED")]),
        ("GET", "client/debrief", "/client/debrief", []),
        ("POST", "client/debrief", "/client/debrief", [new("HowItFelt", "INJECTED")]),
        ("POST", "client/debrief/skip", "/client/debrief/skip", []),
        ("GET", "client/hard-dates", "/client/hard-dates", []),
        ("POST", "client/hard-dates", "/client/hard-dates", [new("Kind", "Birthday"), new("Date", "2030-01-01"), new("Label", "INJECTED"), new("Yearly", "true")]),
        ("POST", "client/hard-dates/{}/remove", $"/client/hard-dates/{checkIn}/remove", []),
        ("GET", "client/journal", "/client/journal", []),
        ("POST", "client/journal", "/client/journal", [new("Text", "INJECTED")]),
        ("GET", "client/measures", "/client/measures", []),
        ("GET", "client/measures/{}", $"/client/measures/{checkIn}", []),
        ("POST", "client/measures/{}", $"/client/measures/{checkIn}", [new("Answers[0]", "1")]),
    ];

    [Fact]
    public void The_list_covers_every_client_route_of_the_app()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is "client" || e.RoutePattern.RawText?.StartsWith("client/") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {Placeholder().Replace(e.RoutePattern.RawText!, "{}")}"))
            .Order().ToList();

        Assert.Equal(endpoints, Routes(Guid.Empty).Select(r => $"{r.Method} {r.Template}").Order().ToList());
    }

    [Theory]
    [InlineData("clinician")]
    [InlineData("admin")]
    [InlineData("anonymous")]
    public async Task Nobody_but_a_client_reaches_the_client_area(string visitor)
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail, "Vera Visible");
        var checkIn = await CheckInArrange.CheckInAsync(app, login.Client.Id, DateTimeOffset.UtcNow.AddHours(-1), journal: "Vera's private words");
        var (session, tokenPage) = visitor switch
        {
            "clinician" => (await Arrange.SignedInAsync(app, Arrange.MorganEmail), "/clinician"),
            "admin" => (await Arrange.SignedInAsync(app, DemoLogins.AdminEmail), "/admin"),
            _ => (new BrowserSession(app.CreateBrowserLikeClient()), "/account/sign-in"),
        };
        var token = await session.TokenFromAsync(tokenPage);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);

        foreach (var (method, template, path, form) in Routes(checkIn.Id))
        {
            var response = method == "GET"
                ? await session.Http.GetAsync(path)
                : await session.Http.PostAsync(path, new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", token))));

            if (visitor == "anonymous" && template == "client/unsafe")
            {
                // "I feel unsafe" answers anyone with the numbers; a device tied to no client alerts no one, and says so.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("href=\"tel:911\"", html);
                if (method == "POST") Assert.Contains("data-testid=\"clinician-not-told\"", html);
                Assert.DoesNotContain("Vera", html);
                continue;
            }
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(visitor == "anonymous" ? "/account/sign-in" : "/account/access-denied", response.Headers.Location!.PathAndQuery);
            Assert.DoesNotContain("Vera's private words", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
    }

    [Fact]
    public async Task A_client_never_reaches_a_clinician_route()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);

        foreach (var path in new[] { "/clinician", $"/clinician/clients/{login.Client.Id}", $"/clinician/clients/{login.Client.Id}/check-ins", "/clinician/alerts", "/admin" })
        {
            var response = await session.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Sign_out_is_one_tap_from_every_client_page()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var session = await CheckInArrange.SignedInAsync(app, login);
        foreach (var path in new[] { "/client", "/client/check-ins/new", "/client/unsafe" })
            Assert.Contains("action=\"/account/sign-out\"", await session.GetPageAsync(path));
        Assert.Contains("action=\"/client/sign-out-everywhere\"", await session.GetPageAsync("/client"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

/// <summary>The app with the security stamp checked on every request, so "sign out everywhere" shows at once.</summary>
public sealed class StampCheckingApp() : ClinicAppFactory(demo: true)
{
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
}

public sealed class SignOutEverywhereTests(StampCheckingApp app) : IClassFixture<StampCheckingApp>
{
    [Fact]
    public async Task Signing_out_everywhere_ends_the_clients_other_sessions_and_no_one_elses()
    {
        var login = await CheckInArrange.ClientWithSignInAsync(app, Arrange.MorganEmail);
        var phone = await CheckInArrange.SignedInAsync(app, login);
        var laptop = await CheckInArrange.SignedInAsync(app, login);
        var otherClient = await Arrange.SignedInAsync(app, DemoLogins.SkyEmail);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/client")).StatusCode);

        var done = await phone.PostFormAsync("/client", "/client/sign-out-everywhere", []);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/account/sign-in", done.Headers.Location!.OriginalString);
        foreach (var device in new[] { phone, laptop })
        {
            var after = await device.Http.GetAsync("/client");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery);
        }
        Assert.Equal(HttpStatusCode.OK, (await otherClient.Http.GetAsync("/client")).StatusCode);
        var again = await CheckInArrange.SignedInAsync(app, login); // signing in again works
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/client")).StatusCode);
    }
}
