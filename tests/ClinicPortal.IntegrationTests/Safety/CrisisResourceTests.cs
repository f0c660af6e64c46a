using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Safety;

public sealed class CrisisResourceTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    [Theory]
    [InlineData("/client")]
    [InlineData("/client/safety-plan")]
    public async Task Every_client_page_shows_the_default_crisis_resources_with_tel_and_sms_links(string page)
    {
        var client = await Arrange.SignedInAsync(app, "quinn.demonstration@demo.clinicportal.test");

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
