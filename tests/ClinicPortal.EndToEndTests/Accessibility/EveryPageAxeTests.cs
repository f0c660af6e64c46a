using ClinicPortal.EndToEndTests.Support;
using ClinicPortal.Web.Demo;
using Xunit.Abstractions;

namespace ClinicPortal.EndToEndTests.Accessibility;

/// <summary>
/// axe-core on every page of the app (<see cref="PageCrawl"/>, read from the app's own routes), as nobody and as each demo
/// role, in one browser context per visitor: any serious or critical problem fails, named with its page and rule.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EveryPageAxeTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    public static TheoryData<Visitor> Visitors => new() { Visitor.SignedOut, Visitor.Client, Visitor.Clinician, Visitor.Administrator };

    [Fact]
    public void The_crawl_gives_every_page_to_the_visitors_who_may_open_it()
    {
        var routes = PageCrawl.Routes(Portal.Server.Services).ToDictionary(r => PageCrawl.Shape(r.Template), r => r.Visitors);

        Assert.All(PageCrawl.NotPages.Keys, notPage => Assert.True(routes.ContainsKey(notPage), $"PageCrawl.NotPages names {notPage}, which is no GET route"));
        Assert.Equal([Visitor.Administrator], routes["admin/audit"]);
        Assert.Equal([Visitor.Clinician], routes["clinician/clients/{}/notes/{}"]);
        Assert.Equal([Visitor.Client], routes["client/check-ins/{}"]);
        Assert.Equal([Visitor.Administrator, Visitor.Clinician, Visitor.Client], routes["account/security"]);
        Assert.Equal([Visitor.SignedOut], routes["account/sign-in"]);
        Assert.Equal([Visitor.SignedOut, Visitor.Client], routes["client/unsafe"]);
        Assert.True(routes.Count >= 60, $"Only {routes.Count} GET routes found");
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_is_free_of_serious_accessibility_problems(Visitor visitor)
    {
        var pages = (await PageCrawl.PagesAsync(Portal.Server)).Where(p => p.Visitor == visitor).ToList();
        Assert.True(pages.Count >= 5, $"Only {pages.Count} pages to crawl as {visitor}");
        // axe-core is injected as a script, which the app's CSP would refuse. Clients and visitors are mostly on phones.
        var page = await NewPageInFreshContextAsync(o =>
        {
            if (visitor is Visitor.Client or Visitor.SignedOut) Phone(o);
            o.BypassCSP = true;
        });
        var (email, password) = visitor switch
        {
            Visitor.Client => (DemoLogins.JordanEmail, DemoLogins.ClientPassword),
            Visitor.Clinician => (DemoLogins.MorganEmail, DemoLogins.ClinicianPassword),
            Visitor.Administrator => (DemoLogins.AdminEmail, DemoLogins.AdminPassword),
            _ => (null, null),
        };
        if (email is not null)
        {
            await PortalPages.SignInAsync(page, email, password!);
            Assert.DoesNotContain(PortalPages.SignInPath, page.Url);
        }

        var problems = new List<string>();
        foreach (var crawl in pages)
        {
            var response = await page.GotoAsync(crawl.Path);
            var landed = new Uri(page.Url).AbsolutePath;
            // A signed-out page may send the visitor on (a link without its token, a step out of order); a signed-in one must open.
            if (visitor != Visitor.SignedOut && landed != crawl.Path)
                problems.Add($"{crawl.Path}: landed on {landed} instead");
            else if (response?.Status != crawl.Status)
                problems.Add($"{crawl.Path}: HTTP {response?.Status} (expected {crawl.Status})");
            output.WriteLine($"{visitor} {crawl.Path} -> {landed}");
            problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{crawl.Path} ({landed}): {v}"));
        }

        Assert.True(problems.Count == 0,
            $"axe-core found {problems.Count} serious or critical problems on {pages.Count} pages as {visitor}:\n" + string.Join("\n", problems));
    }
}
