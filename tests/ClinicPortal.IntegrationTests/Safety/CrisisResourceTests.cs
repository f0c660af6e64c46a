using System.Net;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using ClinicPortal.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Safety;

public sealed class CrisisResourceTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Theory]
    [InlineData("/client")]
    [InlineData("/client/safety-plan")]
    public async Task Every_client_page_shows_the_default_crisis_resources_with_tel_and_sms_links(string page)
    {
        var client = await Arrange.SignedInAsync(app, DemoLogins.QuinnEmail);

        var html = await client.GetPageAsync(page);

        Assert.Contains("data-testid=\"crisis-resources\"", html);
        Assert.Contains("href=\"tel:911\"", html);
        Assert.Contains("href=\"tel:988\"", html);
        Assert.Contains("href=\"sms:988\"", html);
        Assert.Contains("href=\"tel:18007997233\"", html);
        Assert.Contains("National Domestic Violence Hotline", html);
        Assert.Contains("988 Suicide &amp; Crisis Lifeline", html);
        Assert.True(html.IndexOf("crisis-resources", StringComparison.Ordinal) < html.IndexOf("<main", StringComparison.Ordinal),
            "the crisis numbers come before the page content, at the top on a phone");
    }

    [Fact]
    public async Task Staff_pages_do_not_carry_the_client_crisis_strip()
    {
        var clinician = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        Assert.DoesNotContain("data-testid=\"crisis-resources\"", await clinician.GetPageAsync("/clinician"));
    }

    [Fact]
    public async Task The_schema_seeds_the_three_us_defaults_in_order()
    {
        await using var scope = app.SystemScope();
        var rows = await app.SystemDb(scope).Set<CrisisResource>().OrderBy(r => r.SortOrder).ToListAsync();

        Assert.Equal(["911", "988", "1-800-799-7233"], rows.Select(r => r.Phone));
        Assert.Equal("988", rows[1].TextNumber);
        Assert.All(rows, r => Assert.True(r.IsActive));
    }
}

/// <summary>Changes the clinic's list, so it runs on its own app (the defaults above stay untouched).</summary>
public sealed class CrisisResourceAdminTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Fact]
    public async Task An_administrator_edits_the_list_and_clients_see_the_change()
    {
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var client = await Arrange.SignedInAsync(app, DemoLogins.RowanEmail);
        Guid hotline;
        await using (var scope = app.SystemScope())
            hotline = await app.SystemDb(scope).Set<CrisisResource>().Where(r => r.Phone == "1-800-799-7233").Select(r => r.Id).SingleAsync();

        var added = await admin.PostFormAsync("/admin/crisis-resources/new", "/admin/crisis-resources/new",
            [new("Name", "County Crisis Team"), new("Phone", "(555) 010-0142"), new("SortOrder", "40"), new("IsActive", "true")]);
        var hidden = await admin.PostFormAsync($"/admin/crisis-resources/{hotline}", $"/admin/crisis-resources/{hotline}",
            [new("Name", "National Domestic Violence Hotline"), new("Phone", "1-800-799-7233"), new("SortOrder", "30")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var home = await client.GetPageAsync("/client");
        Assert.Contains("href=\"tel:5550100142\"", home);
        Assert.DoesNotContain("tel:18007997233", home);
        await using (var scope = app.SystemScope())
            Assert.Contains(await app.SystemDb(scope).AuditEntries.Where(a => a.RecordType == AuditRecords.CrisisResource).Select(a => a.Action).ToListAsync(),
                a => a == AuditActions.Update);
    }

    [Fact]
    public async Task Bad_crisis_resources_are_refused_and_only_administrators_reach_the_list()
    {
        var admin = await Arrange.SignedInAsync(app, DemoLogins.AdminEmail);
        var before = await Arrange.FingerprintAsync(app);

        var noWay = await admin.PostFormAsync("/admin/crisis-resources/new", "/admin/crisis-resources/new", [new("Name", "Nowhere"), new("IsActive", "true")]);
        var badUrl = await admin.PostFormAsync("/admin/crisis-resources/new", "/admin/crisis-resources/new", [new("Name", "Site"), new("Url", "javascript:alert(1)")]);

        Assert.Contains("Give a phone number, a text number or a website.", await noWay.Content.ReadAsStringAsync());
        Assert.Contains("Website must be a full address", await badUrl.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/crisis-resources/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(app));

        foreach (var email in new[] { Arrange.MorganEmail, DemoLogins.QuinnEmail })
        {
            var other = await Arrange.SignedInAsync(app, email);
            var response = await other.Http.GetAsync("/admin/crisis-resources");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
    }
}
