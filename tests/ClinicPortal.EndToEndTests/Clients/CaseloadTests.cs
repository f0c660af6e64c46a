using System.Text.RegularExpressions;
using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Clients;

/// <summary>The caseload's name search and column sorting run in the page (search terms never reach a URL).</summary>
[Collection(PortalCollection.Name)]
public sealed class CaseloadTests(PortalFixture portal) : PortalTest(portal)
{
    // Morgan's demo clients; other tests in the collection may have added more to the same caseload.
    private static readonly string[] MorganClients = ["Avery Fictional", "Jordan Testperson", "Rowan Mockingbird"];

    private ILocator Rows => Page.GetByTestId("caseload").Locator("tbody tr");
    private ILocator VisibleRows => Rows.Filter(new() { Visible = true });

    [Fact]
    public async Task The_search_box_filters_rows_by_name_and_a_header_click_sorts_them()
    {
        await SignInAsync(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        var all = await FullNamesAsync(Rows);
        Assert.All(MorganClients, name => Assert.Contains(name, all));
        Assert.DoesNotContain("Casey Placeholder", all); // Riley's client
        await Expect(VisibleRows).ToHaveCountAsync(all.Length);

        // Filter as you type: part of a name, any case, preferred names too.
        var search = Page.GetByTestId("caseload-search");
        await search.PressSequentiallyAsync("mock");
        await Expect(VisibleRows).ToHaveCountAsync(1);
        await Expect(VisibleRows).ToContainTextAsync("Rowan Mockingbird");

        await search.FillAsync("JORDY");
        await Expect(VisibleRows).ToHaveCountAsync(1);
        await Expect(VisibleRows).ToContainTextAsync("Jordy (Jordan Testperson)");

        await search.FillAsync("fictional");
        await Expect(VisibleRows).ToHaveCountAsync(1);
        await Expect(VisibleRows).ToContainTextAsync("Avery Fictional");

        await search.FillAsync("nobody by this name");
        await Expect(VisibleRows).ToHaveCountAsync(0);

        await search.FillAsync("");
        await Expect(VisibleRows).ToHaveCountAsync(all.Length);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician)); // nothing typed travelled in the URL

        // Sort by the Client column: ascending, then descending on a second click.
        var clientHeader = Page.GetByTestId("caseload").Locator("thead th").Filter(new() { HasTextRegex = new Regex("^Client$") });
        var ascending = all.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var descending = ascending.Reverse().ToArray();

        await clientHeader.ClickAsync();
        await Expect(clientHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(ascending, await FullNamesAsync(Rows));

        await clientHeader.ClickAsync();
        await Expect(clientHeader).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Equal(descending, await FullNamesAsync(Rows));
        Assert.NotEqual(all, descending); // the rows really moved
        await Expect(Rows.First).ToContainTextAsync(descending[0]);
        await ScreenshotAsync("caseload-sorted-descending");

        // The header works from the keyboard too.
        await clientHeader.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(clientHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(ascending, await FullNamesAsync(Rows));

        // Filtering still works on the re-ordered rows.
        await search.FillAsync("rowan");
        await Expect(VisibleRows).ToHaveCountAsync(1);
        await Expect(VisibleRows).ToContainTextAsync("Rowan Mockingbird");
        await ScreenshotAsync("caseload-filtered");
        AssertNoBrowserProblems();
    }

    /// <summary>Each row's client full name (the Client cell's sort value), in page order.</summary>
    private static Task<string[]> FullNamesAsync(ILocator rows) =>
        rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.cells[0].getAttribute('data-value'))");
}
