using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Safety;
using ClinicPortal.IntegrationTests.Clients;
using ClinicPortal.IntegrationTests.Safety;
using ClinicPortal.Testing;
using ClinicPortal.Web.Areas.Clinician.Caseload;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.IntegrationTests.Caseload;

/// <summary>The caseload filtered, sorted and paged in the database; the name search never in a URL.</summary>
public sealed partial class CaseloadPageTests(DemoClinicApp app) : IClassFixture<DemoClinicApp>
{
    private static List<string> Names(string html) =>
        ClientLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task A_long_caseload_is_paged_fifty_at_a_time_in_name_order()
    {
        for (var i = 0; i < 52; i++) await Arrange.ClientAsync(app, Arrange.MorganEmail, $"Paging Person {i:00}");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var first = await session.GetPageAsync("/clinician");
        var second = await session.GetPageAsync("/clinician?page=2");

        var all = Names(first).Concat(Names(second)).ToList();
        Assert.Equal(50, Names(first).Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains("Showing 1–50 of", WebUtility.HtmlDecode(first));
        Assert.Contains("Showing 51–", WebUtility.HtmlDecode(second));
        Assert.Contains("aria-current=\"page\"", second);
        var byName = await session.GetPageAsync("/clinician?sort=Name&descending=true");
        Assert.Contains("aria-sort=\"descending\"", byName);
        Assert.Equal(Names(byName).Where(n => n.StartsWith("Paging")).OrderByDescending(n => n, StringComparer.Ordinal).Take(5),
            Names(byName).Where(n => n.StartsWith("Paging")).Take(5));
    }

    [Fact]
    public async Task The_name_search_is_posted_and_finds_preferred_and_full_names_of_ones_own_clients_only()
    {
        await Arrange.ClientAsync(app, Arrange.RileyEmail, "Zebediah Otherclinician");
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var response = await session.PostFormAsync("/clinician", "/clinician", [new("Search", "jord")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Jordy (Jordan Testperson)"], Names(html));
        Assert.DoesNotMatch("href=\"[^\"]*jord", html.ToLowerInvariant());

        var other = await session.PostFormAsync("/clinician", "/clinician", [new("Search", "Zebediah")]);
        Assert.Empty(Names(await other.Content.ReadAsStringAsync()));
        var wildcard = await session.PostFormAsync("/clinician", "/clinician", [new("Search", "%")]);
        Assert.Empty(Names(await wildcard.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Signals_narrow_the_caseload_and_an_imminent_alert_stays_on_top()
    {
        var alerted = await Arrange.ClientAsync(app, Arrange.MorganEmail, "Zara Alerted");
        await ArrangeSafety.AlertAsync(app, alerted, ConcernSeverity.Imminent);
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);

        var filtered = await session.GetPageAsync("/clinician?signal=ImminentAlert");
        Assert.Contains("Zara Alerted", Names(filtered));
        Assert.DoesNotContain("Avery Fictional", Names(filtered));
        var sorted = await session.GetPageAsync("/clinician?sort=LastCheckIn");
        Assert.True(Names(sorted).IndexOf("Zara Alerted") < Names(sorted).IndexOf("Avery Fictional"));
    }

    [Fact]
    public async Task An_unknown_filter_shows_the_whole_caseload_with_a_reason()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var html = await session.GetPageAsync("/clinician?signal=Bogus&page=0");
        Assert.Contains(CaseloadFilter.UnknownMessage, html);
        Assert.Contains("Choose a page from 1.", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Contains("Avery Fictional", Names(html));
        var tooLong = await session.PostFormAsync("/clinician", "/clinician", [new("Search", new string('a', 121))]);
        var tooLongHtml = await tooLong.Content.ReadAsStringAsync();
        Assert.Contains("Search for at most 120 characters. Showing all clients.", tooLongHtml);
        Assert.DoesNotContain(CaseloadFilter.UnknownMessage, tooLongHtml);
    }

    [Fact]
    public async Task Each_view_of_the_caseload_is_audited()
    {
        var session = await Arrange.SignedInAsync(app, Arrange.MorganEmail);
        var userId = await Arrange.UserIdAsync(app, Arrange.MorganEmail);
        async Task<int> Views()
        {
            await using var scope = app.SystemScope();
            return await app.SystemDb(scope).AuditEntries.CountAsync(a => a.UserId == userId && a.RecordType == AuditRecords.Caseload && a.Action == AuditActions.View);
        }
        var before = await Views();
        await session.GetPageAsync("/clinician?signal=OpenConcerns");
        Assert.Equal(before + 1, await Views());
    }

    [GeneratedRegex("data-testid=\"caseload-client\">([^<]+)</a>")]
    private static partial Regex ClientLink();
}
