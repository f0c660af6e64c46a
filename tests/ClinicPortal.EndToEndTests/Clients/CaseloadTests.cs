using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using ClinicPortal.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.EndToEndTests.Clients;

/// <summary>The caseload's name search is posted (no name reaches a URL); sorting and paging run in the database.</summary>
[Collection(PortalCollection.Name)]
public sealed class CaseloadTests(PortalFixture portal) : PortalTest(portal)
{
    // Morgan's demo clients; other tests in the collection may have added more to the same caseload.
    private static readonly string[] MorganClients = ["Avery Fictional", "Jordan Testperson", "Rowan Mockingbird"];

    private ILocator Rows => Page.GetByTestId("caseload").Locator("tbody tr");
    // Unacknowledged imminent alerts stay on top whatever the sort; the order is checked among the other rows.
    private ILocator CalmRows => Page.GetByTestId("caseload").Locator("tbody tr:not(.table-danger)");

    [Fact]
    public async Task The_search_box_finds_clients_by_name_and_a_header_click_sorts_them()
    {
        await SignInAsync(DemoLogins.MorganEmail, DemoLogins.ClinicianPassword);
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        var all = await FullNamesAsync(Rows);
        Assert.All(MorganClients, name => Assert.Contains(name, all));
        Assert.DoesNotContain("Casey Placeholder", all); // Riley's client

        // Part of a name, any case, preferred names too; Enter submits.
        var search = Page.GetByTestId("caseload-search");
        await search.FillAsync("mock");
        await search.PressAsync("Enter");
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows).ToContainTextAsync("Rowan Mockingbird");

        await Page.GetByTestId("caseload-search").FillAsync("JORDY");
        await Page.GetByTestId("caseload-apply").ClickAsync();
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows).ToContainTextAsync("Jordy (Jordan Testperson)");

        await Page.GetByTestId("caseload-search").FillAsync("nobody by this name");
        await Page.GetByTestId("caseload-search").PressAsync("Enter");
        await Expect(Rows).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("caseload-count")).ToHaveTextAsync("No clients match.");
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician)); // nothing typed travelled in the URL

        await Page.GetByTestId("caseload-clear").ClickAsync();
        await Expect(Rows).ToHaveCountAsync(all.Length); // the cleared page has loaded, not the "no match" one still on screen
        Assert.Equal(all, await FullNamesAsync(Rows));

        // The Client column: ascending by default, descending on a click, ascending again from the keyboard.
        var clientHeader = Page.GetByTestId("sort-Name");
        var calm = await FullNamesAsync(CalmRows);
        var ascending = calm.Order(StringComparer.Ordinal).ToArray();
        await Expect(clientHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(ascending, calm);

        await clientHeader.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(clientHeader).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Equal(ascending.Reverse(), await FullNamesAsync(CalmRows));
        await ScreenshotAsync("caseload-sorted-descending");

        await Page.GetByTestId("sort-Name").GetByRole(AriaRole.Link).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByTestId("sort-Name")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(ascending, await FullNamesAsync(CalmRows));

        // Searching keeps the chosen sort, and the search posts again from the header.
        await Page.GetByTestId("caseload-search").FillAsync("o");
        await Page.GetByTestId("caseload-search").PressAsync("Enter");
        await Page.GetByTestId("sort-Name").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Page.GetByTestId("sort-Name")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(Page).ToHaveURLAsync(Url(RoleHomes.Clinician));
        await ScreenshotAsync("caseload-filtered");
        AssertNoBrowserProblems();
    }

    /// <summary>Each row's client full name, in page order.</summary>
    private static Task<string[]> FullNamesAsync(ILocator rows) =>
        rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-full-name'))");
}
