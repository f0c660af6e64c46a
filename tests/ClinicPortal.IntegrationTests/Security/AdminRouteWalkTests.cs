using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.IntegrationTests.Administration;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Security;

/// <summary>
/// Every administration route, read from the app's own endpoints (so a new one is covered without a list to
/// keep), walked as a clinician, a client and nobody: all are turned away and nothing changes.
/// </summary>
public sealed partial class AdminRouteWalkTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private const string Everything =
        "SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FILTER (WHERE is_active) FROM users) || '/' || (SELECT count(*) FROM user_tokens) || '/' || " +
        "(SELECT string_agg(security_stamp, ',' ORDER BY id) FROM users) || '/' || (SELECT count(*) FROM client_transfers) || '/' || " +
        "(SELECT hashtext(name || time_zone_id || array_to_string(reminder_lead_minutes, ',') || idle_timeout_minutes) FROM clinic_settings) || '/' || " +
        "(SELECT count(*) FROM stage_models) || '/' || (SELECT count(*) FILTER (WHERE retired_at IS NOT NULL) FROM stage_models)";

    private IReadOnlyList<(string Method, string Template)> AdminEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "admin" || raw.StartsWith("admin/")))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct().OrderBy(r => r.Item2).ThenBy(r => r.m).ToList();

    /// <summary>Real targets where there are some: a client for client routes, a clinician for staff routes.</summary>
    private static string Concrete(string template, Guid clientId, Guid staffId) =>
        "/" + Placeholder().Replace(template, _ => (template.StartsWith("admin/clients/") ? clientId : template.StartsWith("admin/staff/") ? staffId : Guid.NewGuid()).ToString());

    [Fact]
    public void The_walk_finds_every_administration_page()
    {
        var templates = AdminEndpoints().Select(e => $"{e.Method} {e.Template}").ToList();

        foreach (var expected in new[] { "GET admin", "GET admin/staff", "POST admin/staff/invite", "POST admin/staff/{id:guid}/deactivate",
                     "GET admin/settings", "POST admin/settings", "GET admin/audit", "GET admin/audit/export", "POST admin/clients/{id:guid}/assign",
                     "GET admin/outbox", "GET admin/stage-models", "GET admin/crisis-resources" })
            Assert.Contains(expected, templates);
    }

    [Fact]
    public async Task An_administrator_opens_every_administration_page()
    {
        var admin = await AdminArrange.AdminAsync(app);
        foreach (var (_, template) in AdminEndpoints().Where(e => e.Method == "GET" && !e.Template.Contains('{')))
        {
            var response = await admin.Http.GetAsync("/" + template);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /{template} gave {response.StatusCode}");
        }
    }

    public static TheoryData<string> Intruders => new() { "clinician", "client", "anonymous" };

    [Theory]
    [MemberData(nameof(Intruders))]
    public async Task Clinicians_clients_and_strangers_are_turned_away_from_every_administration_route(string intruder)
    {
        var (session, tokenPage) = intruder switch
        {
            "clinician" => (await Arrange.SignedInAsync(app, Arrange.MorganEmail), "/clinician"),
            "client" => (await Arrange.SignedInAsync(app, DemoLogins.QuinnEmail), "/client"),
            _ => (new BrowserSession(app.CreateBrowserLikeClient()), "/account/sign-in"),
        };
        var token = await session.TokenFromAsync(tokenPage);
        var client = await Arrange.ClientAsync(app, Arrange.RileyEmail, "Walt Walked");
        var morgan = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        var before = await Arrange.FingerprintAsync(app, includeAudit: true);
        var everything = await AdminArrange.CountAsync(app, $"SELECT hashtext(({Everything}))");
        var endpoints = AdminEndpoints();
        Assert.True(endpoints.Count >= 20, $"Only {endpoints.Count} admin endpoints found");

        foreach (var (method, template) in endpoints)
        {
            var path = Concrete(template, client.Id, morgan);
            HttpResponseMessage response;
            if (method == "GET") response = await session.Http.GetAsync(path);
            else
            {
                IEnumerable<KeyValuePair<string, string>> fields =
                [
                    new("__RequestVerificationToken", token), new("clinicianId", morgan.ToString()), new("reason", "INJECTED"),
                    new("Email", "intruder@example.org"), new("DisplayName", "INJECTED"), new("Role", "Admin"),
                    new("Name", "INJECTED"), new("TimeZoneId", "UTC"), new("ReminderLeadTimes", "1h"), new("IdleTimeoutMinutes", "120"),
                ];
                response = await session.Http.PostAsync(path, new FormUrlEncodedContent(fields));
            }
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path} as {intruder} gave {response.StatusCode}");
            Assert.StartsWith(intruder == "anonymous" ? "/account/sign-in" : "/account/access-denied", response.Headers.Location!.PathAndQuery);
            Assert.DoesNotContain("Walt Walked", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await Arrange.FingerprintAsync(app, includeAudit: true));
        Assert.Equal(everything, await AdminArrange.CountAsync(app, $"SELECT hashtext(({Everything}))"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
